//! The schema of an endpoint's answer: its code envelope (code and message), the envelope's
//! own fields, the endpoint's fields, and which of them a success must carry.

use serde_json::{Map, Value, json};

use crate::model::{Api, Endpoint, Field};

use super::codes;
use super::schema::{self, At, Wire};

/// Response fields written once in the service's envelope (the same spec item on every
/// endpoint), as opposed to the endpoint's own.
pub fn is_envelope(api: &Api, f: &Field) -> bool {
    api.endpoints.len() > 1
        && api.endpoints.iter().all(|e| {
            e.response
                .iter()
                .any(|g| g.wire == f.wire && g.loc.file == f.loc.file && g.loc.line == f.loc.line)
        })
}

/// The answer object of `e`: `fields` (all or part of its response), plus the code and the
/// message when the API has a code envelope. A field the spec marks required is required when
/// the code is a success (`if`/`then`): error answers carry the code and message only.
pub fn object(api: &Api, e: &Endpoint, fields: &[Field], wire: Wire, envelope: bool) -> Value {
    let mut s = schema::fields_object(api, fields, At::answer(wire), false);
    let required: Vec<&str> = fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.wire.as_str())
        .collect();
    let env = api.envelope.as_ref().filter(|_| envelope);
    if let (Some(env), Value::Object(props)) = (env, &mut s["properties"]) {
        props.insert(env.code_wire.clone(), codes::schema(api, e, wire));
        props.insert(
            env.message_wire.clone(),
            json!({ "type": "string", "description": "The vendor's message for the code." }),
        );
        if env.code_when_missing.is_none() {
            s["required"] = json!([env.code_wire]);
        }
        if !required.is_empty() {
            // An absent code passes `properties`: with `code_when_missing`, that is a success.
            s["if"] = json!({
                "properties": { env.code_wire.clone(): codes::any_of(&codes::success(e), wire) }
            });
            s["then"] = json!({ "required": required });
        }
    } else if !required.is_empty() {
        s["required"] = json!(required);
    }
    if api.keep_unknown_fields {
        s["additionalProperties"] = json!(true);
    }
    s
}

/// Extensions an operation (or a scenario of one) carries: how the client treats it.
pub fn traits(api: &Api, e: &Endpoint) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("x-hyp-method".into(), json!(e.method));
    m.insert("x-hyp-moves-money".into(), json!(e.moves_money));
    m.insert("x-hyp-read-only".into(), json!(e.read_only));
    m.insert("x-hyp-timeout-secs".into(), json!(e.timeout_secs(api)));
    if let Some(w) = e.server_wait_secs {
        m.insert("x-hyp-server-wait-secs".into(), json!(w));
    }
    if let Some(k) = &e.idempotency_key {
        let wire = e
            .request
            .iter()
            .find(|f| &f.rust == k)
            .map_or(k.as_str(), |f| f.wire.as_str());
        m.insert(
            "x-hyp-idempotency-key".into(),
            json!({ "field": wire, "generated_when_absent": e.generate_idempotency_key }),
        );
    }
    m.insert("x-hyp-outcomes".into(), codes::outcomes(e));
    m
}
