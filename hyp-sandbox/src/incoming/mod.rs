//! An HTTP request → the endpoint it calls and its fields as one map by wire name (the shape
//! the generated `from_node` reads), per transport: a JSON body; REST path, query, headers and
//! body; an XML envelope in a form field; a query string selected by its fixed values.

use crate::plan::api::FieldLocation;
use axum::http::{HeaderMap, Method};
use hyp_api::wire::{Encoding, UTF_8, parse_json, parse_urlencoded};
use hyp_api::{HttpMethod, Node, TransportKind};

use crate::served::{Served, ServedApi};

mod query;
#[cfg(test)]
mod tests;
mod xml;

pub use xml::envelope_fields;

/// A request as the sandbox received it, under the API's prefix.
pub struct Incoming {
    pub method: Method,
    /// The path under the API's prefix, starting with `/`.
    pub path: String,
    pub query: Option<String>,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

/// What a request calls.
pub enum Routed<'a> {
    Found {
        endpoint: &'a Served,
        fields: Node,
        /// The request asked for UTF-8 answers (where the API answers another charset by default).
        utf8_answer: bool,
    },
    /// A request that matches an endpoint but for one fixed value: answered with `code` in
    /// that endpoint's frame (a missing `What`, a token charge without `Token=True`).
    Refused {
        endpoint: &'a Served,
        fields: Node,
        code: i64,
    },
    /// No endpoint has this path (or command, or action).
    Unknown(String),
    /// The body is not in the API's wire format.
    Malformed(String),
}

pub fn route<'a>(api: &'a ServedApi, req: &Incoming) -> Routed<'a> {
    match api.transport() {
        Some(TransportKind::JsonPost) => json_post(api, req),
        Some(TransportKind::RestJson) => rest(api, req),
        Some(TransportKind::FormXml) => xml::form_xml(api, req),
        Some(TransportKind::QueryGet) => query::query_get(api, req),
        None => Routed::Unknown("this API has no endpoints".into()),
    }
}

fn body_map(body: &[u8]) -> Result<Vec<(String, Node)>, String> {
    let text = std::str::from_utf8(body).map_err(|_| "the body is not UTF-8".to_string())?;
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    match parse_json(text).map_err(|e| format!("the body is not JSON: {e}"))? {
        Node::Map(entries) => Ok(entries),
        _ => Err("the body is not a JSON object".into()),
    }
}

fn json_post<'a>(api: &'a ServedApi, req: &Incoming) -> Routed<'a> {
    let Some(endpoint) = api
        .endpoints
        .iter()
        .find(|e| e.plan.path == req.path && req.method == Method::POST)
    else {
        return Routed::Unknown(format!(
            "no function `{}`",
            req.path.trim_start_matches('/')
        ));
    };
    match body_map(&req.body) {
        Ok(entries) => found(endpoint, Node::Map(entries), false),
        Err(e) => Routed::Malformed(e),
    }
}

fn found(endpoint: &Served, fields: Node, utf8_answer: bool) -> Routed<'_> {
    Routed::Found {
        endpoint,
        fields,
        utf8_answer,
    }
}

fn method_of(m: HttpMethod) -> Method {
    match m {
        HttpMethod::Get => Method::GET,
        HttpMethod::Post => Method::POST,
        HttpMethod::Put => Method::PUT,
        HttpMethod::Patch => Method::PATCH,
        HttpMethod::Delete => Method::DELETE,
    }
}

/// `/accounts/{login}` against `/accounts/77`: the path fields, or `None`.
fn match_path(template: &str, path: &str) -> Option<Vec<(String, Node)>> {
    let (t, p): (Vec<_>, Vec<_>) = (template.split('/').collect(), path.split('/').collect());
    if t.len() != p.len() {
        return None;
    }
    let mut fields = Vec::new();
    for (t, p) in t.iter().zip(&p) {
        match t.strip_prefix('{').and_then(|n| n.strip_suffix('}')) {
            Some(name) if !p.is_empty() => {
                let value = percent_decode(p);
                fields.push((name.to_string(), Node::Str(value)));
            }
            Some(_) => return None,
            None if t == p => {}
            None => return None,
        }
    }
    Some(fields)
}

/// A path segment's text (percent-escapes resolved; `+` is a plus in a path).
fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

fn rest<'a>(api: &'a ServedApi, req: &Incoming) -> Routed<'a> {
    let matched = api.endpoints.iter().find_map(|e| {
        (method_of(e.hook.method) == req.method)
            .then(|| match_path(&e.plan.path, &req.path))
            .flatten()
            .map(|params| (e, params))
    });
    let Some((endpoint, mut fields)) = matched else {
        return Routed::Unknown(format!("no route {} {}", req.method, req.path));
    };
    let query = query_pairs(req.query.as_deref().unwrap_or(""), UTF_8);
    for f in &endpoint.plan.fields {
        let value = match f.location {
            FieldLocation::Header => req
                .headers
                .get(f.wire.as_str())
                .and_then(|v| v.to_str().ok())
                .map(str::to_string),
            FieldLocation::Query => query
                .iter()
                .find(|(k, _)| *k == f.wire)
                .map(|(_, v)| v.clone()),
            _ => None,
        };
        if let Some(v) = value {
            fields.push((f.wire.clone(), Node::Str(v)));
        }
    }
    match body_map(&req.body) {
        Ok(body) => {
            fields.extend(body);
            found(endpoint, Node::Map(fields), false)
        }
        Err(e) => Routed::Malformed(e),
    }
}

fn query_pairs(query: &str, encoding: &'static Encoding) -> Vec<(String, String)> {
    match parse_urlencoded(query, encoding, None) {
        Node::Map(entries) => entries
            .into_iter()
            .map(|(k, v)| match v {
                Node::Str(s) => (k, s),
                _ => (k, String::new()),
            })
            .collect(),
        _ => Vec::new(),
    }
}
