//! Checks the `pages:` rules of a `sandbox:` section: the issuing endpoint and its fields, the
//! codes, where each redirect parameter's value comes from, the deal a paid page makes and the
//! record it moves.

use crate::model::Endpoint;
use crate::sandbox::check::Checker;
use crate::sandbox::spec::{SandboxDef, ValueFrom};

/// The fields a value names, by where it comes from: the issuing request's, the issuing
/// answer's, the deal's answer; no other source takes fields.
fn value_fields(
    c: &mut Checker<'_>,
    path: &str,
    (from, fields): (ValueFrom, &[String]),
    issuer: Option<&Endpoint>,
    deal: Option<&Endpoint>,
) {
    for (k, w) in fields.iter().enumerate() {
        let q = format!("{path}.fields[{k}]");
        match from {
            ValueFrom::Request => c.request_field(&q, issuer, w),
            ValueFrom::Issued => c.answer_field(&q, issuer, w),
            ValueFrom::Deal if deal.is_some() => c.answer_field(&q, deal, w),
            ValueFrom::Deal => c.err(
                &q,
                "`from: deal` on a page that makes no deal".into(),
                "declare the page's `deal:`, or take the value from elsewhere",
            ),
            _ => c.err(
                &q,
                format!("`from: {from:?}` takes no `fields`"),
                "`fields` names request fields (`from: request`) or answer fields (`from: issued`, `from: deal`)",
            ),
        }
    }
    if c.api.redirect_mac.is_none() && from == ValueFrom::Mac {
        c.err(
            path,
            "`from: mac` needs the service's `redirect_mac`".into(),
            "declare the API's redirect signature recipe, or sign with `signature`",
        );
    }
}

pub(super) fn check(c: &mut Checker<'_>, def: &SandboxDef) {
    for (i, g) in def.pages.iter().enumerate() {
        let p = format!("sandbox.pages[{i}]");
        let e = c.endpoint(&format!("{p}.issued_by"), &g.issued_by);
        for (j, w) in g.when.iter().enumerate() {
            c.request_field(&format!("{p}.when[{j}].field"), e, &w.field);
        }
        for w in g.id_field.iter().chain(&g.url_field) {
            c.answer_field(&format!("{p}.id_field"), e, w);
        }
        for (side, u) in [
            ("success_url", &g.success_url),
            ("failure_url", &g.failure_url),
        ] {
            if let Some(w) = &u.field {
                c.request_field(&format!("{p}.{side}.field"), e, w);
            }
        }
        c.code(&format!("{p}.approved"), g.approved);
        for (j, f) in g.flag_codes.iter().enumerate() {
            c.request_field(&format!("{p}.flag_codes[{j}].flag"), e, &f.flag);
            c.code(&format!("{p}.flag_codes[{j}].code"), f.code);
        }
        c.answer(&format!("{p}.declined"), &g.declined);
        let deal = g
            .deal
            .as_ref()
            .and_then(|d| c.endpoint(&format!("{p}.deal.endpoint"), &d.endpoint));
        for (j, r) in g.redirect.iter().enumerate() {
            let q = format!("{p}.redirect[{j}]");
            value_fields(c, &q, (r.from, &r.fields), e, deal);
            if let Some(w) = &r.when {
                c.request_field(&format!("{q}.when"), e, w);
            }
        }
        if let Some(d) = &g.deal {
            for (j, v) in d.set.iter().enumerate() {
                let q = format!("{p}.deal.set[{j}]");
                c.request_field(&format!("{q}.field"), deal, &v.field);
                value_fields(c, &q, (v.from, &v.fields), e, None);
            }
            for (j, v) in d.stamp.iter().enumerate() {
                let q = format!("{p}.deal.stamp[{j}]");
                let known = c
                    .api
                    .objects
                    .iter()
                    .any(|o| o.fields.iter().any(|f| f.wire == v.field));
                if !known {
                    c.err(
                        &format!("{q}.field"),
                        format!("no answer object of this API has a field `{}`", v.field),
                        "stamp a field the API's answers (the journal's rows) have",
                    );
                }
                value_fields(c, &q, (v.from, &v.fields), e, None);
            }
        }
        if let Some(r) = &g.paid_record {
            match def.records.iter().find(|x| x.name == r.record) {
                Some(x) if !x.statuses.contains(&r.status) => c.err(
                    &format!("{p}.paid_record.status"),
                    format!("record `{}` has no status `{}`", r.record, r.status),
                    "use one of the record's `statuses:`",
                ),
                Some(_) => {}
                None => c.err(
                    &format!("{p}.paid_record.record"),
                    format!("no record `{}` under `records:`", r.record),
                    "name one of this sandbox's `records:`",
                ),
            }
        }
    }
}
