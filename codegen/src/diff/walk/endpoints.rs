//! Endpoints: matched by wire name (a method kept under a new wire name is a wire change), then
//! their settings, fields, outcomes, codes and examples.

use super::fields::{self, Owner};
use super::{Out, codes, here, pairs, records, text, there};
use crate::diff::kind::{ChangeKind as K, Side};
use crate::model::{Api, Endpoint, Outcome};

pub(super) fn compare(out: &mut Out, old: &Api, new: &Api) {
    let p = pairs::rewired(
        &old.endpoints,
        &new.endpoints,
        |e| e.wire.clone(),
        |e| e.method.clone(),
    );
    for e in &p.added {
        out.push(
            K::EndpointAdded,
            &format!("endpoints.{}", e.wire),
            &here(&e.loc),
            format!("new endpoint `{}` (`{}`)", e.wire, e.method),
        );
    }
    for e in &p.removed {
        out.push(
            K::EndpointRemoved,
            &format!("endpoints.{}", e.wire),
            &there(&e.loc),
            format!("endpoint `{}` (`{}`) removed", e.wire, e.method),
        );
    }
    for (o, n) in &p.rewired {
        out.push_values(
            K::WireNameChanged,
            &format!("endpoints.{}", n.wire),
            &here(&n.loc),
            format!("`{}` calls a function with a new name", n.method),
            Some(format!("`{}`", o.wire)),
            Some(format!("`{}`", n.wire)),
        );
    }
    for (o, n) in p.kept.iter().chain(&p.rewired) {
        endpoint(out, (old, o), (new, n));
    }
}

fn timeout(api: &Api, e: &Endpoint) -> String {
    match e.server_wait_secs {
        Some(w) => format!(
            "{} s (server wait {w} s + margin {} s)",
            e.timeout_secs(api),
            api.timeout_margin_secs
        ),
        None => format!("{} s (service default)", e.timeout_secs(api)),
    }
}

fn endpoint(out: &mut Out, (old_api, old): (&Api, &Endpoint), (new_api, new): (&Api, &Endpoint)) {
    let Endpoint {
        loc: _,
        wire: _,
        method,
        // Derived from `method`.
        stem: _,
        doc,
        source,
        moves_money,
        server_wait_secs,
        read_only,
        http_method,
        path,
        idempotency_key,
        generate_idempotency_key,
        answer,
        request_doc,
        request,
        response_doc,
        response_raw,
        response,
        outcomes,
        code_overrides,
        examples,
    } = old;
    let w = &new.wire;
    let subject = format!("endpoints.{w}");
    let at = here(&new.loc);
    out.value(
        K::ResponseShapeChanged,
        &format!("{subject}.answer"),
        &at,
        format!("`{w}` answers in another format"),
        (answer, &new.answer),
        |a| format!("{a:?}"),
    );
    out.value(
        K::RustNameChanged,
        &subject,
        &at,
        format!("`{w}` has a new client method name"),
        (method, &new.method),
        |m| format!("`{m}`"),
    );
    let (old_t, new_t) = (
        (*server_wait_secs, old.timeout_secs(old_api)),
        (new.server_wait_secs, new.timeout_secs(new_api)),
    );
    if old_t != new_t {
        out.push_values(
            K::TimeoutChanged,
            &format!("{subject}.timeout"),
            &at,
            format!("`{w}` times out at another moment"),
            Some(timeout(old_api, old)),
            Some(timeout(new_api, new)),
        );
    }
    out.value(
        K::MovesMoneyChanged,
        &subject,
        &at,
        format!("`{w}`: moves_money changed"),
        (moves_money, &new.moves_money),
        text::flag,
    );
    out.value(
        K::ReadOnlyChanged,
        &subject,
        &at,
        format!("`{w}`: read_only changed"),
        (read_only, &new.read_only),
        text::flag,
    );
    out.value(
        K::RouteChanged,
        &format!("{subject}.route"),
        &at,
        format!("`{w}` goes to another route"),
        (&(*http_method, path), &(new.http_method, &new.path)),
        |(m, p)| format!("{} {p}", text::method(*m)),
    );
    out.value(
        K::IdempotencyKeyChanged,
        &format!("{subject}.idempotency_key"),
        &at,
        format!("`{w}`: the idempotency key changed"),
        (
            &(idempotency_key, *generate_idempotency_key),
            &(&new.idempotency_key, new.generate_idempotency_key),
        ),
        |(k, g)| {
            let key = k.as_ref().map_or("none".to_string(), |k| format!("`{k}`"));
            if *g {
                format!("{key} (generated when missing)")
            } else {
                key
            }
        },
    );
    out.value(
        K::ResponseShapeChanged,
        &format!("{subject}.response"),
        &at,
        format!("`{w}`: the response shape changed"),
        (response_raw, &new.response_raw),
        |r| {
            if *r {
                "raw body".into()
            } else {
                "typed fields".into()
            }
        },
    );
    out.docs(
        &subject,
        &format!("endpoint `{w}`"),
        &at,
        &[
            ("doc", doc != &new.doc),
            ("source", source != &new.source),
            ("request.doc", request_doc != &new.request_doc),
            ("response.doc", response_doc != &new.response_doc),
        ],
    );
    for (side, old_f, new_f) in [
        (Side::Request, request, &new.request),
        (Side::Response, response, &new.response),
    ] {
        let owner = Owner {
            subject: format!("{subject}.{}", side.key()),
            label: format!("`{w}` {}", side.key()),
            sides: vec![side],
            at: at.clone(),
        };
        fields::compare(out, &owner, old_f, new_f);
    }
    outcome_changes(out, w, &at, outcomes, &new.outcomes);
    codes::overrides(out, w, &at, code_overrides, &new.code_overrides);
    records::examples(out, w, &at, examples, &new.examples);
}

fn outcome_changes(
    out: &mut Out,
    w: &str,
    at: &crate::diff::Location,
    old: &[Outcome],
    new: &[Outcome],
) {
    let codes = |c: &[i64]| {
        let mut c = c.to_vec();
        c.sort_unstable();
        c
    };
    let show = |c: &Vec<i64>| c.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
    let p = pairs::by(old, new, |o| o.variant.clone());
    for o in &p.added {
        out.push(
            K::OutcomeAdded,
            &format!("endpoints.{w}.outcomes.{}", o.variant),
            &here(&o.loc),
            format!(
                "`{w}` has a new outcome `{}` (codes {})",
                o.variant,
                show(&codes(&o.codes))
            ),
        );
    }
    for o in &p.removed {
        out.push(
            K::OutcomeRemoved,
            &format!("endpoints.{w}.outcomes.{}", o.variant),
            at,
            format!(
                "`{w}` loses the outcome `{}` (codes {})",
                o.variant,
                show(&codes(&o.codes))
            ),
        );
    }
    for (o, n) in &p.kept {
        let Outcome {
            loc: _,
            variant: _,
            codes: old_codes,
            doc,
            source,
            requires,
        } = o;
        let subject = format!("endpoints.{w}.outcomes.{}", n.variant);
        let at = here(&n.loc);
        let wires = |r: &[crate::model::SuccessField]| -> Vec<String> {
            r.iter().map(|f| f.wire.clone()).collect()
        };
        let (old_req, new_req) = (wires(requires), wires(&n.requires));
        for added in new_req.iter().filter(|f| !old_req.contains(f)) {
            out.push(
                K::OutcomeRequiresAdded,
                &format!("{subject}.requires.{added}"),
                &at,
                format!("`{w}` outcome `{}` now requires `{added}`", n.variant),
            );
        }
        for removed in old_req.iter().filter(|f| !new_req.contains(f)) {
            out.push(
                K::OutcomeRequiresRemoved,
                &format!("{subject}.requires.{removed}"),
                &at,
                format!(
                    "`{w}` outcome `{}` no longer requires `{removed}`",
                    n.variant
                ),
            );
        }
        out.value(
            K::OutcomeCodesChanged,
            &subject,
            &at,
            format!("`{w}` outcome `{}` has other codes", n.variant),
            (&codes(old_codes), &codes(&n.codes)),
            show,
        );
        out.docs(
            &subject,
            &format!("outcome `{}` of `{w}`", n.variant),
            &at,
            &[("doc", doc != &n.doc), ("source", source != &n.source)],
        );
    }
}
