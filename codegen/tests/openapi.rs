//! The OpenAPI documents in `openapi/` (`cargo xtask openapi`): each validates against the
//! official OpenAPI 3.1 JSON Schema (vendored in `openapi/schema/`, offline), each Schema
//! Object in it against JSON Schema 2020-12, every `$ref` resolves, every endpoint, enum value
//! and code of the spec is in it, and the vendor's own JSON examples validate against the
//! schemas it declares for them.

use std::path::{Path, PathBuf};

use hyp_codegen::model::{Api, ExampleKind, TransportKind, WireValue};
use serde_json::{Value, json};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn apis() -> Vec<Api> {
    hyp_codegen::load_all(&root().join("spec")).expect("spec/ loads")
}

/// The committed document of `api`.
fn committed(api: &str) -> Value {
    let path = root().join(format!("openapi/{api}.json"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run `cargo xtask openapi`)", path.display()));
    serde_json::from_str(&text).expect("a document is JSON")
}

fn oas_validator() -> jsonschema::Validator {
    let path = root().join("openapi/schema/oas-3.1-schema-2022-10-07.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).expect("schema"))
        .expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("the OpenAPI 3.1 schema compiles")
}

/// A validator for the component `name` of `doc`, its `$ref`s resolved inside `doc`.
fn component_validator(doc: &Value, name: &str) -> jsonschema::Validator {
    let schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$ref": format!("#/components/schemas/{name}"),
        "components": doc["components"],
    });
    jsonschema::validator_for(&schema)
        .unwrap_or_else(|e| panic!("component {name} does not compile: {e}"))
}

#[test]
fn every_document_validates_against_the_openapi_3_1_schema() {
    let v = oas_validator();
    for api in apis() {
        let doc = committed(&api.name);
        let errors: Vec<String> = v
            .iter_errors(&doc)
            .take(10)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "openapi/{}.json: {errors:#?}", api.name);
        assert_eq!(doc["openapi"], "3.1.0");
    }
}

#[test]
fn the_schema_rejects_what_openapi_3_1_forbids() {
    // The validator is not vacuous: an operation without `responses` in 3.1 is allowed, but a
    // path key without a leading slash, a wrong version and a parameter without `in` are not.
    let v = oas_validator();
    let good = json!({ "openapi": "3.1.0", "info": { "title": "t", "version": "1" }, "paths": {} });
    assert!(v.is_valid(&good));
    for bad in [
        json!({ "openapi": "3.0.3", "info": { "title": "t", "version": "1" }, "paths": {} }),
        json!({ "openapi": "3.1.0", "info": { "title": "t" }, "paths": {} }),
        json!({ "openapi": "3.1.0", "info": { "title": "t", "version": "1" },
                "paths": { "/a": { "get": { "parameters": [{ "name": "x" }] } } } }),
    ] {
        assert!(!v.is_valid(&bad), "accepted: {bad}");
    }
}

#[test]
fn every_schema_object_is_valid_json_schema_and_every_ref_resolves() {
    for api in apis() {
        let doc = committed(&api.name);
        let schemas = doc["components"]["schemas"].as_object().expect("schemas");
        for (name, s) in schemas {
            if let Err(e) = jsonschema::draft202012::meta::validate(s) {
                panic!("{}: component {name}: {e}", api.name);
            }
            component_validator(&doc, name);
        }
        assert!(schemas.len() >= api.enums.len() + api.objects.len() + api.types.len());
    }
}

#[test]
fn every_endpoint_enum_value_and_code_of_the_spec_is_in_its_document() {
    for api in apis() {
        let doc = committed(&api.name);
        let text = doc.to_string();
        let schemas = &doc["components"]["schemas"];
        for e in &api.endpoints {
            assert!(
                text.contains(&format!("\"x-hyp-method\":\"{}\"", e.method)),
                "{}",
                e.method
            );
            match api.transport {
                TransportKind::JsonPost | TransportKind::RestJson => {
                    let method = format!("{:?}", e.http_method).to_lowercase();
                    let op = &doc["paths"][&e.path][&method];
                    assert_eq!(op["operationId"], json!(e.method), "{} {}", e.path, method);
                }
                TransportKind::QueryGet | TransportKind::FormXml => {
                    let req = &schemas[format!("{}Request", e.stem)];
                    assert_eq!(req["x-hyp-method"], json!(e.method));
                }
            }
        }
        for en in &api.enums {
            let values = &schemas[&en.name]["enum"];
            for v in &en.values {
                let wire = match (&v.wire, api.transport) {
                    (WireValue::Int(n), TransportKind::JsonPost | TransportKind::RestJson) => {
                        json!(n)
                    }
                    (WireValue::Int(n), _) => json!(n.to_string()),
                    (WireValue::Str(s), _) => json!(s),
                };
                assert!(
                    values.as_array().unwrap().contains(&wire),
                    "{}: {wire}",
                    en.name
                );
            }
        }
        let table = schemas[&api.code_type]["oneOf"].as_array().cloned();
        for c in &api.codes[..api.service_code_count] {
            let found = table
                .iter()
                .flatten()
                .any(|b| b["x-hyp-code"] == json!(c.value));
            assert!(
                found,
                "{}: code {} missing from {}",
                api.name, c.value, api.code_type
            );
        }
        for c in &api.codes[api.service_code_count..] {
            assert!(
                text.contains(&format!("\"title\":\"{}\"", c.name)),
                "{}",
                c.name
            );
        }
    }
}

/// The vendor's JSON answers (Hyper ERP, MT5, Hyp Pay's list) validate against the answer
/// schema the document declares for their endpoint, and the JSON requests against the request
/// body; a wrong code or a mistyped field fails.
#[test]
fn the_vendor_json_examples_validate_against_their_schemas() {
    let mut checked = 0;
    for api in apis() {
        let doc = committed(&api.name);
        for e in &api.endpoints {
            for ex in &e.examples {
                let Ok(body) = serde_json::from_str::<Value>(&ex.fixed_body()) else {
                    continue;
                };
                let v = match ex.kind {
                    ExampleKind::Response => {
                        component_validator(&doc, &format!("{}Answer", e.stem))
                    }
                    ExampleKind::Request if api.transport == TransportKind::JsonPost => {
                        let s = &doc["paths"][&e.path]["post"]["requestBody"]["content"]["application/json"]
                            ["schema"];
                        let mut s = s.clone();
                        s["components"] = doc["components"].clone();
                        jsonschema::validator_for(&s).expect("request schema compiles")
                    }
                    ExampleKind::Request => continue,
                };
                let errors: Vec<String> = v
                    .iter_errors(&body)
                    .take(5)
                    .map(|e| e.to_string())
                    .collect();
                assert!(
                    errors.is_empty(),
                    "{} {} {}: {errors:#?}",
                    api.name,
                    e.wire,
                    ex.name
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 20, "only {checked} JSON examples checked");
}

#[test]
fn a_code_the_endpoint_does_not_document_fails_its_answer_schema() {
    let doc = committed("hyper-erp");
    let v = component_validator(&doc, "DepositFiatAnswer");
    // An error answer (code and message only) of a documented code passes.
    assert!(
        v.is_valid(&json!({ "ResponseCode": 14, "ResponseMsgEng": "Bad or missing input data." }))
    );
    assert!(!v.is_valid(&json!({ "ResponseCode": 123456, "ResponseMsgEng": "?" })));
    assert!(!v.is_valid(&json!({ "ResponseMsgEng": "no code" })));
}

#[test]
fn the_committed_documents_are_what_the_spec_generates() {
    let version = std::fs::read_to_string(root().join("hyp-api/Cargo.toml"))
        .expect("manifest")
        .lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("version = \"")
                .map(|v| v.trim_end_matches('"').to_string())
        })
        .expect("hyp-api version");
    for f in hyp_codegen::openapi::emit(&apis(), &version) {
        let path = root().join("openapi").join(&f.path);
        let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            on_disk == f.contents,
            "{} is stale: run `cargo xtask openapi`",
            path.display()
        );
    }
}

/// A field with other documented spellings (`aliases:`) is read under each of them, and a
/// required one must come under one of them.
#[test]
fn an_answer_may_spell_an_aliased_field_either_way() {
    let doc = committed("hyper-erp");
    let v = component_validator(&doc, "TpAccount");
    assert!(v.is_valid(&json!({ "AccountLogin": 61436 })));
    assert!(v.is_valid(&json!({ "Account Login": 61436 })));
    assert!(!v.is_valid(&json!({ "Account Login": "not a login" })));
    assert!(
        !v.is_valid(&json!({ "Balance": 1 })),
        "the login is required under some spelling"
    );
}

/// Every object of `v` (recursively) carrying `x-hyp-method: method` and its outcomes.
fn outcomes_of<'a>(v: &'a Value, method: &str, out: &mut Vec<&'a Value>) {
    match v {
        Value::Object(m) => {
            if m.get("x-hyp-method") == Some(&json!(method))
                && let Some(o) = m.get("x-hyp-outcomes")
            {
                out.push(o);
            }
            m.values().for_each(|x| outcomes_of(x, method, out));
        }
        Value::Array(a) => a.iter().for_each(|x| outcomes_of(x, method, out)),
        _ => {}
    }
}

/// What a success must carry (spec `requires:`) is in the document: each outcome lists its
/// required fields under `x-hyp-required-on-success` (with their source), and an outcome that
/// requires nothing has no such list.
#[test]
fn each_outcome_shows_the_fields_it_requires() {
    let mut listed = 0;
    for api in apis() {
        let doc = committed(&api.name);
        for e in &api.endpoints {
            let mut found = Vec::new();
            outcomes_of(&doc, &e.method, &mut found);
            assert!(!found.is_empty(), "{}: no x-hyp-outcomes", e.method);
            for outcomes in found {
                for o in &e.outcomes {
                    let entry = outcomes
                        .as_array()
                        .and_then(|a| a.iter().find(|x| x["variant"] == json!(o.variant)))
                        .unwrap_or_else(|| panic!("{}: outcome {} missing", e.method, o.variant));
                    let names: Vec<&str> = entry["x-hyp-required-on-success"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .map(|r| {
                            assert!(
                                r["description"]
                                    .as_str()
                                    .is_some_and(|d| d.contains("Source: ")),
                                "{r}"
                            );
                            r["name"].as_str().expect("a name")
                        })
                        .collect();
                    let want: Vec<&str> = o.requires.iter().map(|r| r.wire.as_str()).collect();
                    assert_eq!(names, want, "{} {}", e.method, o.variant);
                    listed += names.len();
                }
            }
        }
    }
    assert!(listed > 0, "no outcome requires a field");
    // The vendor's cancellation example carries both (vendor doc 002 § action=CancelTrans).
    let pay = committed("pay").to_string();
    assert!(
        pay.contains(r#""x-hyp-required-on-success":[{"description":"Source: vendor-docs 002_a35e191b00b3f2ab.txt § action=CancelTrans (Example response: `TransId=405532558&CCode=0&Hesh=EZ&ReversalStatus=777`; Response parameters)","name":"TransId"}"#),
        "CancelTrans requires TransId"
    );
}
