//! Operations of the APIs with one operation per endpoint: Hyper ERP (a JSON POST per function,
//! a code envelope in the answer) and MT5 Manager (REST: method and path, the HTTP status is
//! the code).

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use crate::model::{Api, Endpoint, FieldLocation, HttpMethod, TransportKind};

use super::answer;
use super::codes;
use super::schema::{self, At, Wire, describe};

/// The method's name in a Path Item.
pub fn method_key(m: HttpMethod) -> &'static str {
    match m {
        HttpMethod::Get => "get",
        HttpMethod::Post => "post",
        HttpMethod::Put => "put",
        HttpMethod::Patch => "patch",
        HttpMethod::Delete => "delete",
    }
}

/// The first line of a doc, for an operation's summary.
pub fn summary(doc: &str) -> String {
    doc.trim().lines().next().unwrap_or_default().to_string()
}

/// `paths` for an API with an operation per endpoint.
pub fn paths(api: &Api, components: &mut Map<String, Value>) -> Value {
    let mut paths: BTreeMap<String, Map<String, Value>> = BTreeMap::new();
    for e in &api.endpoints {
        let item = paths.entry(e.path.clone()).or_default();
        item.insert(
            method_key(e.http_method).into(),
            operation(api, e, components),
        );
    }
    json!(paths)
}

fn operation(api: &Api, e: &Endpoint, components: &mut Map<String, Value>) -> Value {
    let mut op = answer::traits(api, e);
    op.insert("operationId".into(), json!(e.method));
    op.insert("summary".into(), json!(summary(&e.doc)));
    op.insert("description".into(), json!(describe(&e.doc, &e.source)));
    op.insert("x-hyp-wire-name".into(), json!(e.wire));
    let params: Vec<Value> = e
        .request
        .iter()
        .filter(|f| {
            matches!(
                f.location,
                FieldLocation::Path | FieldLocation::Query | FieldLocation::Header
            )
        })
        .map(|f| {
            let location = match f.location {
                FieldLocation::Path => "path",
                FieldLocation::Query => "query",
                _ => "header",
            };
            // A key the client makes when the caller gives none is optional to the caller,
            // but always on the wire.
            json!({
                "name": f.wire,
                "in": location,
                "required": f.required || f.location == FieldLocation::Path,
                "schema": schema::field(api, f, At::request(Wire::Text)),
            })
        })
        .collect();
    if !params.is_empty() {
        op.insert("parameters".into(), json!(params));
    }
    let body: Vec<_> = e
        .request
        .iter()
        .filter(|f| matches!(f.location, FieldLocation::Body))
        .cloned()
        .collect();
    if !body.is_empty() || (api.transport == TransportKind::JsonPost) {
        let mut s = schema::fields_object(api, &body, At::request(Wire::Json), true);
        if let Some(d) = &e.request_doc {
            s["description"] = json!(d.trim());
        }
        // A body none of whose fields is required may be left out.
        let required = body.iter().any(|f| f.required);
        op.insert(
            "requestBody".into(),
            json!({ "required": required, "content": { "application/json": { "schema": s } } }),
        );
    }
    op.insert("responses".into(), responses(api, e, components));
    Value::Object(op)
}

/// One response per HTTP status the endpoint's codes document. With a code envelope (Hyper),
/// every answer has the envelope's shape; without one (MT5), the 2xx success statuses carry
/// the answer and the others (a 409 "already applied" too) no documented body.
fn responses(api: &Api, e: &Endpoint, components: &mut Map<String, Value>) -> Value {
    let body = if e.response_raw {
        json!({ "description": "The answer has no documented shape: kept whole." })
    } else {
        answer::object(api, e, &e.response, Wire::Json, true)
    };
    let name = format!("{}Answer", e.stem);
    components.insert(name.clone(), body);
    let body = schema::reference(&name);
    let mut by_status: BTreeMap<u16, Vec<String>> = BTreeMap::new();
    let success = codes::success(e);
    for c in codes::of_endpoint(api, e) {
        let status = if api.envelope.is_some() {
            c.http_status.unwrap_or(200)
        } else {
            c.http_status
                .unwrap_or(u16::try_from(c.value).unwrap_or(200))
        };
        by_status
            .entry(status)
            .or_default()
            .push(format!("{} {}", c.value, c.name));
    }
    if api.envelope.is_none() {
        for v in &success {
            if let Ok(s) = u16::try_from(*v) {
                by_status.entry(s).or_default();
            }
        }
    }
    let mut out = Map::new();
    for (status, names) in by_status {
        let mut r = json!({ "description": if names.is_empty() {
            "A success.".to_string()
        } else {
            format!("Codes: {}.", names.join(", "))
        }});
        let carries_answer = api.envelope.is_some()
            || (success.contains(&i64::from(status)) && (200..300).contains(&status));
        if carries_answer {
            r["content"] = json!({ "application/json": { "schema": body } });
        }
        out.insert(status.to_string(), r);
    }
    Value::Object(out)
}
