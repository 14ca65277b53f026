//! One endpoint: its fields, HTTP method and path, idempotency key, codes, outcomes, examples.

use std::collections::HashMap;

use heck::ToUpperCamelCase;

use crate::model::{self, Ty};
use crate::spec;

use super::codes::{endpoint_codes, outcomes};
use super::examples::resolve_examples;
use super::fields::resolve_fields;
use super::names::check_snake;
use super::{Ctx, Kind};

pub(super) fn resolve_endpoint(
    cx: &mut Ctx,
    names: &HashMap<&str, Kind>,
    service: &spec::Service,
    wire: &str,
    file: usize,
    e: &spec::Endpoint,
    codes: &mut Vec<model::Code>,
) -> model::Endpoint {
    let base = format!("endpoints.{wire}");
    check_snake(cx, file, &format!("{base}.rust"), &e.rust);
    let request = resolve_fields(
        cx,
        names,
        service,
        file,
        &format!("{base}.request.fields"),
        &e.request.fields,
    );
    let response = resolve_fields(
        cx,
        names,
        service,
        file,
        &format!("{base}.response.fields"),
        &e.response.fields,
    );
    let (method, path) = match &e.http {
        Some(r) => (r.method, r.path.clone()),
        None => (
            if service.transport.kind == spec::TransportKind::QueryGet {
                spec::HttpMethod::Get
            } else {
                spec::HttpMethod::Post
            },
            service.transport.path.replace("{wire}", wire),
        ),
    };
    let body_method = if service.transport.kind == spec::TransportKind::QueryGet {
        // Every parameter travels in the query string: the request map is not a body.
        spec::HttpMethod::Post
    } else {
        method
    };
    check_locations(cx, file, &base, &path, body_method, &request);
    let path = if path.starts_with('/') {
        path
    } else {
        format!("/{path}")
    };
    if e.response.raw && !e.response.fields.is_empty() {
        cx.err(
            file,
            &format!("{base}.response.raw"),
            "a `raw` response has no fields".into(),
            "remove `raw: true`, or the fields",
        );
    }
    let idempotency_key = e.idempotency_key.as_ref().and_then(|k| {
        let found = request.iter().find(|f| &f.wire == k);
        let text = |ty: &Ty| match ty {
            Ty::Named(n) => cx.named.get(n).is_some_and(|(b, _)| *b == Ty::String),
            other => *other == Ty::String,
        };
        if found.is_none_or(|f| !text(&f.ty)) {
            cx.err(
                file,
                &format!("{base}.idempotency_key"),
                format!("`{k}` is not a string field of this endpoint's request"),
                "name the request field (by its wire name) that makes a resend safe",
            );
        }
        found.map(|f| f.rust.clone())
    });

    let code_overrides = endpoint_codes(cx, file, &base, e, codes);
    let (outcomes, variants) = outcomes(cx, file, &base, wire, e);
    let examples = resolve_examples(cx, file, &base, e, &variants, codes);

    model::Endpoint {
        loc: cx.raw.loc(file, &base),
        wire: wire.to_string(),
        method: e.rust.clone(),
        stem: e.rust.to_upper_camel_case(),
        doc: e.doc.clone(),
        source: e.source.clone(),
        moves_money: e.moves_money,
        server_wait_secs: e.server_wait_secs,
        read_only: e.read_only,
        http_method: method,
        path,
        idempotency_key,
        generate_idempotency_key: e.generate_idempotency_key,
        answer: e.answer,
        request_doc: e.request.doc.clone(),
        request,
        response_doc: e.response.doc.clone(),
        response_raw: e.response.raw,
        response,
        outcomes,
        code_overrides,
        examples,
    }
}

/// Path, query and header fields are scalars; every `{name}` in the path is a required path
/// field and every path field is in the path; a GET has no body.
fn check_locations(
    cx: &mut Ctx,
    file: usize,
    base: &str,
    path: &str,
    method: spec::HttpMethod,
    fields: &[model::Field],
) {
    use model::FieldLocation as L;
    for (i, f) in fields.iter().enumerate() {
        let fp = format!("{base}.request.fields[{i}]");
        let scalar = !matches!(f.ty, Ty::List(_) | Ty::Object(_) | Ty::Json);
        if f.location != L::Body && !scalar {
            cx.err(
                file,
                &format!("{fp}.type"),
                format!(
                    "`{}` travels outside the body, so it must be a scalar",
                    f.wire
                ),
                "use a scalar type, or move the field to the body (`in: body`)",
            );
        }
        let placeholder = format!("{{{}}}", f.wire);
        if f.location == L::Path && (!path.contains(&placeholder) || !f.required) {
            cx.err(
                file,
                &fp,
                format!(
                    "path field `{}` must be required and appear as `{placeholder}` in `{path}`",
                    f.wire
                ),
                "add the placeholder to `http.path` and `required: true`, or change `in:`",
            );
        }
        if f.location == L::Body && method == spec::HttpMethod::Get {
            cx.err(
                file,
                &format!("{fp}.wire"),
                format!("`{}` is a body field of a GET", f.wire),
                "GET requests carry no body: use `in: query`",
            );
        }
    }
    for part in path.split('/').filter(|p| p.starts_with('{')) {
        let name = part.trim_start_matches('{').trim_end_matches('}');
        if !fields
            .iter()
            .any(|f| f.wire == name && f.location == L::Path)
        {
            cx.err(
                file,
                &format!("{base}.http.path"),
                format!("`{{{name}}}` in the path has no `in: path` request field"),
                format!("add a request field `wire: {name}` with `in: path`"),
            );
        }
    }
}
