//! Validate + lower: a [`RawApi`] becomes a resolved [`model::Api`], or diagnostics naming each
//! mistake's file, line and column and what to do.

use std::collections::HashMap;
use std::str::FromStr;

use rust_decimal::Decimal;

use crate::diag::Diagnostics;
use crate::load::RawApi;
use crate::model;

use codes::resolve_service_codes;
use constraints::check_requires;
use endpoint::resolve_endpoint;
use enums::resolve_enums;
use fields::{check_aliases_across, check_unique, included_fields, mark_request_types};
use names::check_snake;
use objects::resolve_objects;
use service::{check_service, resolve_envelope_fields};

mod codes;
mod constraints;
mod endpoint;
mod enums;
mod examples;
mod fields;
mod names;
mod objects;
mod service;
mod success;
mod types;

struct Ctx<'a> {
    raw: &'a RawApi,
    diags: Diagnostics,
    /// Each named type's base and constraints, for the fields that use it.
    named: HashMap<String, (model::Ty, model::Constraints)>,
}

impl Ctx<'_> {
    fn err(&mut self, file: usize, path: &str, message: String, help: impl Into<String>) {
        let d = self.raw.at(file, path, message, help.into());
        self.diags.push(d);
    }
}

/// The kind of a named type, for resolving field types.
#[derive(Clone, Copy)]
enum Kind {
    Enum,
    Object,
    Named,
}

/// Resolves one API folder, or returns every mistake found in it.
pub fn resolve(raw: &RawApi) -> Result<model::Api, Diagnostics> {
    let mut cx = Ctx {
        raw,
        diags: Diagnostics::default(),
        named: HashMap::new(),
    };
    let Some(service) = &raw.service else {
        cx.diags.push(crate::diag::Diagnostic {
            file: raw.dir.clone(),
            line: 1,
            column: 1,
            message: "this API folder has no `service:`".into(),
            help: "add a service.yaml with `service:` (name, module, feature, transport, auth, …)"
                .into(),
        });
        return Err(cx.diags);
    };
    let (sf, s) = (service.file, &service.item);
    check_snake(&mut cx, sf, "service.module", &s.module);

    let types = types::resolve_types(&mut cx);
    let enums = resolve_enums(&mut cx);
    let type_names: HashMap<&str, Kind> = raw
        .enums
        .keys()
        .map(|k| (k.as_str(), Kind::Enum))
        .chain(raw.objects.keys().map(|k| (k.as_str(), Kind::Object)))
        .chain(raw.types.keys().map(|k| (k.as_str(), Kind::Named)))
        .collect();
    let mut objects = resolve_objects(&mut cx, &type_names, s);
    let mut codes = resolve_service_codes(&mut cx);
    let service_code_count = codes.len();
    let envelope_fields = resolve_envelope_fields(&mut cx, &type_names, s, sf);
    check_service(&mut cx, s, sf);
    let mut endpoints = Vec::new();
    for (wire, e) in &raw.endpoints {
        let mut endpoint =
            resolve_endpoint(&mut cx, &type_names, s, wire, e.file, &e.item, &mut codes);
        for (body, fields, side) in [
            (&e.item.request, &mut endpoint.request, "request"),
            (&e.item.response, &mut endpoint.response, "response"),
        ] {
            if let Some(inc) = &body.include {
                let path = format!("endpoints.{wire}.{side}.include");
                if let Some(included) = included_fields(&mut cx, &objects, e.file, &path, inc) {
                    check_aliases_across(&mut cx, e.file, &path, &included, fields);
                    fields.splice(0..0, included);
                    check_unique(&mut cx, e.file, &path, fields);
                }
            }
        }
        // Envelope fields come first, as they do on the wire.
        let (req, resp) = &envelope_fields;
        for (envelope, fields, side) in [
            (req, &endpoint.request, "request"),
            (resp, &endpoint.response, "response"),
        ] {
            let path = format!("endpoints.{wire}.{side}");
            check_aliases_across(&mut cx, e.file, &path, envelope, fields);
        }
        endpoint.request.splice(0..0, req.iter().cloned());
        endpoint.response.splice(0..0, resp.iter().cloned());
        check_requires(&mut cx, e.file, wire, &endpoint.request);
        success::resolve_requires(&mut cx, e.file, wire, &e.item, &mut endpoint);
        endpoints.push(endpoint);
    }

    let mut enums = enums;
    mark_request_types(&mut enums, &mut objects, &endpoints);
    let request_objects = objects
        .iter()
        .filter(|o| o.in_request)
        .map(|o| o.name.clone())
        .collect();
    for (file, path, wire) in crate::maxima::unbounded(raw, &request_objects) {
        cx.err(
            file,
            &path,
            crate::maxima::message(&wire),
            crate::maxima::HELP,
        );
    }
    if !cx.diags.is_empty() {
        return Err(cx.diags);
    }
    let mut api = service::assemble(raw, s, codes, service_code_count, enums, objects, endpoints);
    api.types = types;
    // A field the client supplies is optional on the request (its setter overrides the
    // client's value for one call); the sandbox still requires it on the wire.
    let client_fields = api.client_fields.clone();
    for e in &mut api.endpoints {
        for f in &mut e.request {
            if client_fields.iter().any(|c| c.wire == f.wire) {
                f.required = false;
            }
        }
    }
    if let Some(sb) = &raw.sandbox {
        let diags = crate::sandbox::check::check(raw, sb.file, &api, &sb.item);
        if !diags.is_empty() {
            return Err(crate::diag::Diagnostics(diags));
        }
        api.sandbox = Some(sb.item.clone());
    }
    Ok(api)
}

/// Parses an exact decimal bound (already checked by `resolve_constraints`).
pub fn decimal(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap_or_default()
}
