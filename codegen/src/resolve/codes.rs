//! Codes: the service-wide table, each endpoint's own meanings, and its outcomes.

use std::collections::HashSet;

use crate::model;
use crate::spec;

use super::Ctx;
use super::names::{RESERVED_VARIANT, check_camel};

fn code_of(c: &spec::Code, loc: model::Loc) -> model::Code {
    model::Code {
        loc,
        value: c.code,
        name: c.name.clone(),
        doc: c.doc.clone(),
        source: c.source.clone(),
        http_status: c.http_status,
        message: c.message.clone(),
        retryable: c.retryable,
        outcome_unknown: c.outcome_unknown,
    }
}

pub(super) fn resolve_service_codes(cx: &mut Ctx) -> Vec<model::Code> {
    let Some(codes) = &cx.raw.codes else {
        return Vec::new();
    };
    let file = codes.file;
    check_camel(cx, file, "codes.type", &codes.item.type_name);
    let mut seen = HashSet::new();
    let mut names = HashSet::new();
    let mut out = Vec::new();
    for (i, c) in codes.item.values.iter().enumerate() {
        let p = format!("codes.values[{i}]");
        check_camel(cx, file, &format!("{p}.name"), &c.name);
        if !seen.insert(c.code) {
            cx.err(
                file,
                &format!("{p}.code"),
                format!("code {} appears twice in the service table", c.code),
                "a code has one service-wide meaning; put endpoint-specific meanings under the endpoint's `codes:`",
            );
        }
        if !names.insert(c.name.clone()) || c.name == RESERVED_VARIANT {
            cx.err(
                file,
                &format!("{p}.name"),
                format!("code name `{}` is used twice (or is reserved)", c.name),
                "give each meaning its own name",
            );
        }
        out.push(code_of(c, cx.raw.loc(file, &p)));
    }
    out
}

/// An endpoint's own codes: each joins the API's code enum (one variant per meaning) and is
/// returned as the endpoint's (code, name) overrides.
pub(super) fn endpoint_codes(
    cx: &mut Ctx,
    file: usize,
    base: &str,
    e: &spec::Endpoint,
    codes: &mut Vec<model::Code>,
) -> Vec<(i64, String)> {
    let mut code_overrides = Vec::new();
    for (i, c) in e.codes.iter().enumerate() {
        let p = format!("{base}.codes[{i}]");
        check_camel(cx, file, &format!("{p}.name"), &c.name);
        let m = code_of(c, cx.raw.loc(file, &p));
        match codes.iter_mut().find(|k| k.name == m.name) {
            Some(k) if k.value != m.value => cx.err(
                file,
                &format!("{p}.name"),
                format!(
                    "code name `{}` already means code {} elsewhere in this API",
                    m.name, k.value
                ),
                "use a distinct name for a distinct meaning",
            ),
            // The same meaning documented on several endpoints: one variant; an HTTP status
            // documented on any of them is kept.
            Some(k) => k.http_status = k.http_status.or(m.http_status),
            None => codes.push(m.clone()),
        }
        if code_overrides.iter().any(|(v, _)| *v == c.code) {
            cx.err(
                file,
                &format!("{p}.code"),
                format!("code {} is listed twice for this endpoint", c.code),
                "keep one meaning per code per endpoint",
            );
        }
        code_overrides.push((c.code, c.name.clone()));
    }
    code_overrides
}

/// The endpoint's outcomes (the codes that mean success, by variant) and their variant names.
pub(super) fn outcomes(
    cx: &mut Ctx,
    file: usize,
    base: &str,
    wire: &str,
    e: &spec::Endpoint,
) -> (Vec<model::Outcome>, HashSet<String>) {
    let mut outcome_codes = HashSet::new();
    let mut variants = HashSet::new();
    let mut outcomes = Vec::new();
    if e.outcomes.is_empty() {
        cx.err(
            file,
            base,
            format!("endpoint `{wire}` has no `outcomes`"),
            "list the code(s) that mean success, e.g. `- { codes: [0], variant: Created, … }`",
        );
    }
    for (i, o) in e.outcomes.iter().enumerate() {
        let p = format!("{base}.outcomes[{i}]");
        check_camel(cx, file, &format!("{p}.variant"), &o.variant);
        if !variants.insert(o.variant.clone()) {
            cx.err(
                file,
                &format!("{p}.variant"),
                format!("outcome variant `{}` is listed twice", o.variant),
                "list all codes of one outcome under one entry's `codes:`",
            );
        }
        for c in &o.codes {
            if !outcome_codes.insert(*c) {
                cx.err(
                    file,
                    &format!("{p}.codes"),
                    format!("code {c} belongs to two outcomes"),
                    "a code decodes to one outcome only",
                );
            }
        }
        outcomes.push(model::Outcome {
            loc: cx.raw.loc(file, &p),
            variant: o.variant.clone(),
            codes: o.codes.clone(),
            doc: o.doc.clone(),
            source: o.source.clone(),
            // Resolved once the response has its included and envelope fields.
            requires: Vec::new(),
        });
    }
    (outcomes, variants)
}
