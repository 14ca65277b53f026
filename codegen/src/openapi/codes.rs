//! The codes an endpoint may answer, with their meaning there: the service table, with the
//! endpoint's own meanings in place of the service's for the same value.

use serde_json::{Value, json};

use crate::model::{Api, Code, Endpoint};

use super::schema::{Wire, describe};

/// The codes of `e`, in the spec's order: the service table first, then the endpoint's own.
pub fn of_endpoint<'a>(api: &'a Api, e: &Endpoint) -> Vec<&'a Code> {
    let own = |name: &str| api.codes.iter().find(|c| c.name == name);
    let mut out: Vec<&Code> = api.codes[..api.service_code_count]
        .iter()
        .filter(|c| !e.code_overrides.iter().any(|(v, _)| *v == c.value))
        .collect();
    out.extend(e.code_overrides.iter().filter_map(|(_, n)| own(n)));
    out
}

/// The value `v` of a code: the number on a JSON wire; on a text wire its digits, zero-padded
/// or not (`000` and `0` are code 0), as the client reads them.
fn value(v: i64, wire: Wire) -> Value {
    match wire {
        Wire::Json => json!({ "const": v }),
        Wire::Text => {
            let sign = if v < 0 { "-" } else { "" };
            json!({ "type": "string", "pattern": format!("^{sign}0*{}$", v.unsigned_abs()) })
        }
    }
}

/// One code's meaning as a branch: name, doc, vendor message, HTTP status, whether a retry may
/// help and whether the outcome is unknown.
fn branch(c: &Code, wire: Wire) -> Value {
    let mut doc = describe(&c.doc, &c.source);
    if let Some(m) = &c.message {
        doc.push_str(&format!("\n\nVendor message: {m}"));
    }
    let mut b = value(c.value, wire);
    b["title"] = json!(c.name);
    b["description"] = json!(doc);
    b["x-hyp-code"] = json!(c.value);
    if let Some(s) = c.http_status {
        b["x-hyp-http-status"] = json!(s);
    }
    if c.retryable {
        b["x-hyp-retryable"] = json!(true);
    }
    if c.outcome_unknown {
        b["x-hyp-outcome-unknown"] = json!(true);
    }
    b
}

/// The service's code table, a component named after the code type: each code with its
/// service-wide meaning.
pub fn table(api: &Api, wire: Wire) -> Value {
    let ty = if wire == Wire::Json {
        "integer"
    } else {
        "string"
    };
    let mut s = json!({
        "type": ty,
        "description": api.code_doc.trim(),
        "oneOf": api.codes[..api.service_code_count].iter().map(|c| branch(c, wire)).collect::<Vec<_>>(),
    });
    if api.envelope.as_ref().is_some_and(|v| v.code_lenient) {
        s["x-hyp-lenient"] =
            json!("decoded leniently: a number or a digit string, zero-padded or not (`032` = 32)");
    }
    s
}

/// The schema of the code field of `e`'s answers: the service table, less the codes `e` gives
/// a meaning of its own, and those meanings (and any success code the table lacks).
pub fn schema(api: &Api, e: &Endpoint, wire: Wire) -> Value {
    let table = super::schema::reference(&api.code_type);
    let own: Vec<&Code> = e
        .code_overrides
        .iter()
        .filter_map(|(_, n)| api.codes.iter().find(|c| &c.name == n))
        .collect();
    let service = &api.codes[..api.service_code_count];
    let missing: Vec<Value> = e
        .outcomes
        .iter()
        .flat_map(|o| o.codes.iter().map(move |c| (o, *c)))
        .filter(|(_, c)| {
            !service
                .iter()
                .chain(own.iter().copied())
                .any(|k| k.value == *c)
        })
        .map(|(o, c)| {
            let mut b = value(c, wire);
            b["title"] = json!(o.variant);
            b["description"] = json!(describe(&o.doc, &o.source));
            b["x-hyp-code"] = json!(c);
            b
        })
        .collect();
    if own.is_empty() && missing.is_empty() {
        return table;
    }
    let mut base = table;
    if !own.is_empty() {
        let values: Vec<Value> = own.iter().map(|c| value(c.value, wire)).collect();
        base["not"] = json!({ "anyOf": values });
    }
    let mut branches = vec![base];
    branches.extend(own.iter().map(|c| branch(c, wire)));
    branches.extend(missing);
    json!({ "anyOf": branches })
}

/// The outcomes of `e` (the codes that mean success), for the operation's description.
pub fn outcomes(e: &Endpoint) -> Value {
    e.outcomes
        .iter()
        .map(|o| {
            let mut v = json!({
                "variant": o.variant,
                "codes": o.codes,
                "description": describe(&o.doc, &o.source)
            });
            // What an answer with this outcome must carry (spec `requires:`): without it the
            // answer is undecodable, never a result.
            if !o.requires.is_empty() {
                v["x-hyp-required-on-success"] = o
                    .requires
                    .iter()
                    .map(|r| json!({ "name": r.wire, "description": format!("Source: {}", r.source) }))
                    .collect();
            }
            v
        })
        .collect()
}

/// A schema matching any of `values`.
pub fn any_of(values: &[i64], wire: Wire) -> Value {
    json!({ "anyOf": values.iter().map(|v| value(*v, wire)).collect::<Vec<_>>() })
}

/// The success codes of `e`.
pub fn success(e: &Endpoint) -> Vec<i64> {
    e.outcomes.iter().flat_map(|o| o.codes.clone()).collect()
}
