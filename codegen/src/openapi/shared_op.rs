//! The APIs whose endpoints share one URL and method, told apart by what the request carries:
//! Hyp Pay (a GET of `/` whose `action` and other parameters name the scenario) and
//! CreditGuard (a form POST of `/xpo/Relay` whose XML `int_in` names the command).
//!
//! OpenAPI 3.1 keys an operation by path and method, so each of these APIs is one operation,
//! and each endpoint is a component schema (its request, its answer) that the operation's
//! request and answer list with `anyOf`. Each scenario schema carries the endpoint's name and
//! traits (`x-hyp-method`, `x-hyp-moves-money`, …).

use std::collections::BTreeSet;

use serde_json::{Map, Value, json};

use crate::model::{AnswerFormat, Api, Endpoint, Field, FieldLocation, XmlEnvelope};

use super::answer;
use super::ops::summary;
use super::schema::{self, At, Wire, describe, reference};

/// A request or answer schema of one endpoint, named, with the endpoint's doc and traits.
fn scenario(api: &Api, e: &Endpoint, mut s: Value, side: &str) -> Value {
    s["title"] = json!(format!("{} ({side})", e.wire));
    s["description"] = json!(describe(&e.doc, &e.source));
    if side == "request"
        && let Value::Object(m) = &mut s
    {
        m.extend(answer::traits(api, e));
        m.insert("x-hyp-summary".into(), json!(summary(&e.doc)));
    }
    s
}

/// The HTTP statuses the API's codes document (200 for those that state none).
fn statuses(api: &Api) -> BTreeSet<u16> {
    let mut s: BTreeSet<u16> = api
        .codes
        .iter()
        .map(|c| c.http_status.unwrap_or(200))
        .collect();
    s.insert(200);
    s
}

fn responses(api: &Api, content: &Value) -> Value {
    let mut out = Map::new();
    for status in statuses(api) {
        let names: Vec<String> = api
            .codes
            .iter()
            .filter(|c| c.http_status.unwrap_or(200) == status)
            .map(|c| format!("{} {}", c.value, c.name))
            .collect();
        out.insert(
            status.to_string(),
            json!({
                "description": format!("Codes (the answer's `{}`): {}.",
                    api.envelope.as_ref().map_or("", |e| e.code_wire.as_str()),
                    names.join(", ")),
                "content": content,
            }),
        );
    }
    Value::Object(out)
}

/// Hyp Pay: `GET /` with every parameter in the query string.
pub fn pay(api: &Api, components: &mut Map<String, Value>) -> Value {
    let (mut requests, mut text, mut json_answers) = (Vec::new(), Vec::new(), Vec::new());
    for e in &api.endpoints {
        let req = format!("{}Request", e.stem);
        let s = schema::fields_object(api, &e.request, At::request(Wire::Text), true);
        components.insert(req.clone(), scenario(api, e, s, "request"));
        requests.push(reference(&req));
        let ans = format!("{}Answer", e.stem);
        let whole = e.response.iter().find(|f| f.wire == ".");
        let s = match (e.answer, whole) {
            (AnswerFormat::Json, Some(f)) => schema::field(api, f, At::answer(Wire::Json)),
            (AnswerFormat::Json, None) => answer::object(api, e, &e.response, Wire::Json, true),
            (AnswerFormat::Urlencoded, _) => answer::object(api, e, &e.response, Wire::Text, true),
        };
        components.insert(ans.clone(), scenario(api, e, s, "answer"));
        match e.answer {
            AnswerFormat::Json => json_answers.push(reference(&ans)),
            AnswerFormat::Urlencoded => text.push(reference(&ans)),
        }
        // A JSON endpoint's failures are URL-encoded (`CCode=902&Fild1=`).
        if e.answer == AnswerFormat::Json {
            let fail = format!("{}Failure", e.stem);
            let s = answer::object(api, e, &[], Wire::Text, true);
            components.insert(fail.clone(), scenario(api, e, s, "failure"));
            text.push(reference(&fail));
        }
    }
    let mut content = json!({
        "text/plain": { "schema": {
            "type": "string",
            "description": "URL-encoded `key=value&…` pairs, in windows-1255 unless the request set `UTF8out=True`.",
            "contentMediaType": "application/x-www-form-urlencoded",
            "contentSchema": { "anyOf": text }
        }},
        "text/html": { "schema": {
            "type": "string",
            "description": "A system error (e.g. a bad `Masof`): an HTML page instead of the answer."
        }}
    });
    if !json_answers.is_empty() {
        content["application/json"] = json!({ "schema": { "anyOf": json_answers } });
    }
    json!({ "/": { "get": {
        "operationId": "call",
        "summary": "Every Hyp Pay action: the query parameters name the action and scenario.",
        "description": describe(&api.doc, &api.source),
        "parameters": [{
            "name": "parameters",
            "in": "query",
            "required": true,
            "style": "form",
            "explode": true,
            "description": "The request's parameters, each a query parameter of its own (form style, exploded). One scenario per endpoint of the spec: `action` and the other fixed parameters tell them apart.",
            "schema": { "type": "object", "anyOf": requests }
        }],
        "responses": responses(api, &content)
    }}})
}

/// CreditGuard: a form POST of `user`, `password` and `int_in`, the XML request.
pub fn creditguard(api: &Api, components: &mut Map<String, Value>) -> Value {
    let Some(x) = &api.xml else {
        return json!({});
    };
    let (user, password) = api
        .auth_fields
        .clone()
        .unwrap_or_else(|| ("user".into(), "password".into()));
    let (mut requests, mut answers) = (Vec::new(), Vec::new());
    for e in &api.endpoints {
        let (name, s) = (format!("{}Request", e.stem), xml_request(api, x, e));
        components.insert(name.clone(), scenario(api, e, s, "request"));
        requests.push(reference(&name));
        let (name, s) = (format!("{}Answer", e.stem), xml_answer(api, x, e));
        components.insert(name.clone(), scenario(api, e, s, "answer"));
        answers.push(reference(&name));
    }
    let content = json!({ "application/xml": { "schema": { "anyOf": answers } } });
    json!({ api.path_template.clone(): { "post": {
        "operationId": "relay",
        "summary": "Every CreditGuard command: the XML in `int_in` names it.",
        "description": describe(&api.doc, &api.source),
        "requestBody": { "required": true, "content": {
            "application/x-www-form-urlencoded": { "schema": {
                "type": "object",
                "required": [user, password, x.form_field],
                "properties": {
                    user.clone(): { "type": "string", "description": api.auth_doc.trim() },
                    password.clone(): { "type": "string", "format": "password", "x-hyp-sensitive": "secret" },
                    x.form_field.clone(): {
                        "type": "string",
                        "description": "The XML request `<ashrait><request>…</request></ashrait>`.",
                        "contentMediaType": "application/xml",
                        "contentSchema": { "anyOf": requests }
                    }
                },
                "x-hyp-order": [user, password, x.form_field]
            }}
        }},
        "responses": responses(api, &content)
    }}})
}

fn xml(mut s: Value, name: &str) -> Value {
    s["xml"] = json!({ "name": name });
    s
}

fn split(fields: &[Field], envelope: impl Fn(&Field) -> bool) -> (Vec<Field>, Vec<Field>) {
    fields.iter().cloned().partition(envelope)
}

/// `<root><request>{envelope fields}<command>{wire}</command><{wire}>…</{wire}></request></root>`
fn xml_request(api: &Api, x: &XmlEnvelope, e: &Endpoint) -> Value {
    let (env, own) = split(&e.request, |f| f.location == FieldLocation::Envelope);
    let mut request = schema::fields_object(api, &env, At::request(Wire::Text), true);
    let command = xml(
        schema::fields_object(api, &own, At::request(Wire::Text), true),
        &e.wire,
    );
    add(&mut request, &x.command, json!({ "const": e.wire }), true);
    add(&mut request, &e.wire, command, true);
    wrap(x, &x.request, request)
}

/// `<root><response>{envelope}<{wire}>…</{wire}></response></root>`; the command element is
/// optional (the vendor omits it on some errors).
fn xml_answer(api: &Api, x: &XmlEnvelope, e: &Endpoint) -> Value {
    let (env, own) = split(&e.response, |f| answer::is_envelope(api, f));
    let mut response = answer::object(api, e, &env, Wire::Text, true);
    // Its fields are never required here: the vendor's error answers may carry a partial one.
    let mut command = schema::fields_object(api, &own, At::answer(Wire::Text), false);
    let required: Vec<&str> = own
        .iter()
        .filter(|f| f.required)
        .map(|f| f.wire.as_str())
        .collect();
    if !required.is_empty() {
        command["x-hyp-required-on-success"] = json!(required);
    }
    if api.keep_unknown_fields {
        command["additionalProperties"] = json!(true);
    }
    let command = xml(command, &e.wire);
    add(&mut response, &x.command, json!({ "const": e.wire }), false);
    add(&mut response, &e.wire, command, false);
    wrap(x, &x.response, response)
}

fn add(object: &mut Value, name: &str, s: Value, required: bool) {
    if let Value::Object(p) = &mut object["properties"] {
        p.insert(name.to_string(), s);
    }
    if let Value::Array(order) = &mut object["x-hyp-order"] {
        order.push(json!(name));
    }
    if required {
        match &mut object["required"] {
            Value::Array(r) => r.push(json!(name)),
            other => *other = json!([name]),
        }
    }
}

fn wrap(x: &XmlEnvelope, inner_name: &str, inner: Value) -> Value {
    let mut root = json!({ "type": "object", "required": [inner_name], "properties": {} });
    root["properties"][inner_name] = xml(inner, inner_name);
    xml(root, &x.root)
}
