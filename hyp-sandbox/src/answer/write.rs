//! An answer written out: its bytes, content type and status, in the charset the API answers in.

use hyp_api::Node;
use hyp_api::wire::{Encoding, encode_query, to_json, to_xml};

use super::{Answer, Kind, text};

/// A finished answer's bytes.
pub struct Wire {
    /// The HTTP status.
    pub status: u16,
    /// The `Content-Type` header, with its charset.
    pub content_type: String,
    /// The body, encoded.
    pub body: Vec<u8>,
}

impl Answer {
    /// The bytes, in the charset the API answers in.
    pub fn write(&self, bool_text: (&str, &str), charset: &'static Encoding) -> Wire {
        let (content_type, text) = match self.kind {
            Kind::Xml => (
                "application/xml".to_string(),
                format!(
                    "<?xml version='1.0' encoding='UTF-8'?>{}",
                    to_xml(&self.doc, bool_text).unwrap_or_default()
                ),
            ),
            Kind::Urlencoded => {
                let pairs: Vec<(String, String)> = match &self.doc {
                    Node::Map(e) => e
                        .iter()
                        .map(|(k, v)| (k.clone(), text(v).unwrap_or_default()))
                        .collect(),
                    _ => Vec::new(),
                };
                return Wire {
                    status: self.status,
                    content_type: format!("text/plain; charset={}", charset.name()),
                    body: encode_query(&pairs, charset).into_bytes(),
                };
            }
            Kind::JsonEnvelope | Kind::Rest | Kind::JsonList => (
                "application/json; charset=utf-8".to_string(),
                to_json(&self.doc).unwrap_or_default(),
            ),
        };
        Wire {
            status: self.status,
            content_type,
            body: text.into_bytes(),
        }
    }
}
