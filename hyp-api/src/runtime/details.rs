//! The envelope fields a vendor error keeps beside its code and message (the spec's
//! `envelope.error_details`). Read from the answer again, only for an error of an API that
//! lists some: errors are rare, and the one-pass decoders stay as they are.

use crate::runtime::endpoint::{AnswerFormat, Endpoint, TransportKind};
use crate::runtime::node::Node;
use crate::runtime::{redact, urlencoded};

/// The non-empty text of each detail field of `E`'s envelope in `text`, by wire name, with the
/// call's secrets removed.
pub(crate) fn read<E: Endpoint>(text: &str, secrets: &[&str]) -> Vec<(String, String)> {
    let Some(env) = E::ENVELOPE.filter(|e| !e.details.is_empty()) else {
        return Vec::new();
    };
    let Some(Node::Map(entries)) = envelope::<E>(text) else {
        return Vec::new();
    };
    env.details
        .iter()
        .filter_map(|wire| {
            let value = entries.iter().find(|(k, _)| k == wire).map(|(_, v)| v)?;
            let (Node::Str(t) | Node::Num(t)) = value else {
                return None;
            };
            (!t.trim().is_empty()).then(|| (wire.to_string(), redact::redact(t, secrets)))
        })
        .collect()
}

/// The answer's envelope as a map: the XML envelope's children, or the JSON or URL-encoded
/// answer itself.
fn envelope<E: Endpoint>(text: &str) -> Option<Node> {
    if let Some(spec) = E::XML {
        #[cfg(feature = "__xml")]
        return crate::runtime::xml::answer_parts(text, &spec, E::WIRE)
            .ok()
            .map(|(envelope, _)| envelope);
        #[cfg(not(feature = "__xml"))]
        {
            let _ = spec;
            return None;
        }
    }
    if E::TRANSPORT == TransportKind::QueryGet && E::ANSWER == AnswerFormat::Urlencoded {
        return Some(urlencoded::parse(text, encoding_rs::UTF_8, None));
    }
    #[cfg(feature = "__json")]
    return crate::runtime::json::parse(text).ok();
    // Built without an API that speaks JSON: no endpoint answers in it.
    #[cfg(not(feature = "__json"))]
    None
}
