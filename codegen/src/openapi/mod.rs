//! An OpenAPI 3.1 document per API, from the resolved model (the one the Rust bindings come
//! from): every endpoint, field, enum value, code and constraint, each with its vendor source.
//!
//! Where JSON Schema has a keyword, a constraint uses it (`maximum`, `maxLength`, `pattern`,
//! `multipleOf`, `const`, `enum`); the rules it cannot state (dates relative to a clock,
//! cross-field rules, the item lists of Hyp Pay) and the client's traits (timeouts,
//! idempotency keys, money-moving calls, outcomes) are `x-hyp-…` extensions. Object keys are
//! written sorted; `x-hyp-order` keeps the vendor's order of fields where the wire has one.
//!
//! `cargo xtask openapi` writes the documents to `openapi/`; `--check` fails when they differ.

mod answer;
mod codes;
mod constraints;
mod ops;
pub mod schema;
mod shared_op;

use std::path::PathBuf;

use serde_json::{Map, Value, json};

use crate::emit::output::GeneratedFile;
use crate::model::{Api, AuthKind, TransportKind};
use schema::{Wire, describe};

/// The port `hyp-sandbox` listens on by default: its address is the documents' second server.
pub const SANDBOX_DEFAULT: &str = "http://127.0.0.1:8080";

/// One document per API, `<api>.json`, pretty-printed with a final newline.
pub fn emit(apis: &[Api], version: &str) -> Vec<GeneratedFile> {
    apis.iter()
        .map(|a| {
            let text = serde_json::to_string_pretty(&document(a, version)).unwrap_or_default();
            let text = constraints::exact_numbers(&text);
            GeneratedFile {
                path: PathBuf::from(format!("{}.json", a.name)),
                contents: format!("{text}\n"),
            }
        })
        .collect()
}

/// The OpenAPI 3.1 document of `api`; `version` is the document's (hyp-api's) version.
/// Decimal bounds are marked strings here: [`emit`] writes them as numbers.
fn document(api: &Api, version: &str) -> Value {
    let mut components = Map::new();
    let wire = match api.transport {
        TransportKind::JsonPost | TransportKind::RestJson => Wire::Json,
        TransportKind::QueryGet | TransportKind::FormXml => Wire::Text,
    };
    for t in &api.types {
        components.insert(t.name.clone(), schema::named(api, t, wire));
    }
    for e in &api.enums {
        components.insert(e.name.clone(), schema::enumeration(e, wire));
    }
    for o in &api.objects {
        components.insert(o.name.clone(), schema::object(api, o, wire));
    }
    if api.service_code_count > 0 {
        components.insert(api.code_type.clone(), codes::table(api, wire));
    }
    let paths = match api.transport {
        TransportKind::JsonPost | TransportKind::RestJson => ops::paths(api, &mut components),
        TransportKind::QueryGet => shared_op::pay(api, &mut components),
        TransportKind::FormXml => shared_op::creditguard(api, &mut components),
    };
    let mut doc = json!({
        "openapi": "3.1.0",
        "info": {
            "title": api.title,
            "version": version,
            "summary": format!("{}: generated from spec/{} by `cargo xtask openapi`.", api.title, api.name),
            "description": describe(&api.doc, &api.source),
            "license": { "name": "MIT OR Apache-2.0", "identifier": "MIT OR Apache-2.0" }
        },
        "servers": servers(api),
        "paths": paths,
        "components": { "schemas": components },
        "x-hyp-api": {
            "name": api.name,
            "rust_module": api.module,
            "cargo_feature": api.feature,
            "default_timeout_secs": api.default_timeout_secs,
            "timeout_margin_secs": api.timeout_margin_secs,
            "quirks": api.quirks.iter().map(|q| json!({
                "id": q.id, "what": q.what.trim(), "decision": q.decision.trim(),
                "applies_to": q.applies_to, "source": q.source
            })).collect::<Vec<_>>()
        }
    });
    if api.auth == AuthKind::Bearer {
        doc["components"]["securitySchemes"] = json!({
            "bearer": { "type": "http", "scheme": "bearer", "description": api.auth_doc.trim() }
        });
        doc["security"] = json!([{ "bearer": [] }]);
    }
    doc
}

/// The vendor's base URL where the spec gives one, then the sandbox's.
fn servers(api: &Api) -> Value {
    let mut out = Vec::new();
    if let Some(url) = &api.base_url_default {
        // The operations' paths start with `/`: the server URL ends without one.
        let url = url.trim_end_matches('/');
        out.push(json!({ "url": url, "description": api.base_url_doc.trim() }));
    }
    out.push(json!({
        "url": format!("{SANDBOX_DEFAULT}/{}", api.name),
        "description": if api.base_url_default.is_some() {
            "hyp-sandbox on its default port (`hyp-sandbox --port 8080`).".to_string()
        } else {
            format!("hyp-sandbox on its default port (`hyp-sandbox --port 8080`). The vendor's: {}", api.base_url_doc.trim())
        }
    }));
    json!(out)
}
