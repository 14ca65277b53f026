//! Codes: the service-wide table (by value), the endpoint-specific definitions (by name), and
//! each endpoint's overrides (by value).

use super::{Out, folder, here, pairs, text};
use crate::diff::Location;
use crate::diff::kind::ChangeKind as K;
use crate::model::{Api, Code};

fn service(api: &Api) -> &[Code] {
    &api.codes[..api.service_code_count.min(api.codes.len())]
}

fn endpoint_specific(api: &Api) -> &[Code] {
    &api.codes[api.service_code_count.min(api.codes.len())..]
}

fn describe(c: &Code) -> String {
    let status = c
        .http_status
        .map(|s| format!(" (HTTP {s})"))
        .unwrap_or_default();
    format!("{} `{}`{status}: {}", c.value, c.name, text::gist(&c.doc))
}

/// The service-wide table, matched by code value; a name kept under a new value is a wire
/// change.
pub(super) fn service_table(out: &mut Out, old: &Api, new: &Api) {
    let p = pairs::rewired(service(old), service(new), |c| c.value, |c| c.name.clone());
    let table_at = service(new).first().map_or_else(
        || folder(new, false),
        |c| Location {
            line: None,
            ..here(&c.loc)
        },
    );
    for c in &p.added {
        out.push(
            K::CodeAdded,
            &format!("codes.{}", c.value),
            &here(&c.loc),
            format!("new code {}", describe(c)),
        );
    }
    for c in &p.removed {
        out.push(
            K::CodeRemoved,
            &format!("codes.{}", c.value),
            &table_at,
            format!("code {} removed", describe(c)),
        );
    }
    for (o, n) in &p.rewired {
        out.push_values(
            K::WireNameChanged,
            &format!("codes.{}", n.value),
            &here(&n.loc),
            format!("code `{}` has a new value", n.name),
            Some(o.value.to_string()),
            Some(n.value.to_string()),
        );
    }
    for (o, n) in p.kept.iter().chain(&p.rewired) {
        code(out, &format!("codes.{}", n.value), o, n);
    }
}

/// Codes defined on endpoints, matched by name (their values are compared per endpoint).
pub(super) fn definitions(out: &mut Out, old: &Api, new: &Api) {
    let p = pairs::by(endpoint_specific(old), endpoint_specific(new), |c| {
        c.name.clone()
    });
    for (o, n) in &p.kept {
        code(out, &format!("codes.{}", n.name), o, n);
    }
}

/// One code's meaning, status and flags.
fn code(out: &mut Out, subject: &str, old: &Code, new: &Code) {
    let Code {
        loc: _,
        value: _,
        name,
        doc,
        source,
        http_status,
        message: _,
        retryable,
        outcome_unknown,
    } = old;
    let at = here(&new.loc);
    let v = new.value;
    out.value(
        K::CodeMeaningChanged,
        subject,
        &at,
        format!("code {v} means something else"),
        (name, &new.name),
        |n| format!("`{n}`"),
    );
    out.value(
        K::CodeHttpStatusChanged,
        subject,
        &at,
        format!("code {v} `{}` comes with another HTTP status", new.name),
        (http_status, &new.http_status),
        text::opt,
    );
    out.value(
        K::CodeRetryableChanged,
        subject,
        &at,
        format!("code {v} `{}`: retryable changed", new.name),
        (retryable, &new.retryable),
        text::flag,
    );
    out.value(
        K::CodeOutcomeUnknownChanged,
        subject,
        &at,
        format!("code {v} `{}`: outcome_unknown changed", new.name),
        (outcome_unknown, &new.outcome_unknown),
        text::flag,
    );
    out.docs(
        subject,
        &format!("code {v} `{}`", new.name),
        &at,
        &[("doc", doc != &new.doc), ("source", source != &new.source)],
    );
}

/// One endpoint's own codes, matched by value.
pub(super) fn overrides(
    out: &mut Out,
    endpoint: &str,
    at: &Location,
    old: &[(i64, String)],
    new: &[(i64, String)],
) {
    let p = pairs::by(old, new, |(v, _)| *v);
    for (v, name) in &p.added {
        out.push(
            K::CodeAdded,
            &format!("endpoints.{endpoint}.codes.{v}"),
            at,
            format!("`{endpoint}` documents code {v} as `{name}`"),
        );
    }
    for (v, name) in &p.removed {
        out.push(
            K::CodeRemoved,
            &format!("endpoints.{endpoint}.codes.{v}"),
            at,
            format!("`{endpoint}` no longer documents code {v} (`{name}`)"),
        );
    }
    for ((v, o), (_, n)) in &p.kept {
        out.value(
            K::CodeMeaningChanged,
            &format!("endpoints.{endpoint}.codes.{v}"),
            at,
            format!("on `{endpoint}`, code {v} means something else"),
            (o, n),
            |n| format!("`{n}`"),
        );
    }
}
