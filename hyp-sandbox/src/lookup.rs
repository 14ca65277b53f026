//! The spec's `lookups:` rule: a call naming a transaction by another of its ids (CreditGuard
//! `cancelDeal` by `cgUid`) is read as naming it by the id the other rules use (`tranId`),
//! found in the journal's rows.

use hyp_api::Node;

use crate::answer::text;
use crate::served::{Served, ServedApi};
use crate::state::State;

/// A row field's text (a coded element's text).
fn row_text(row: &Node, key: &str) -> String {
    let n = row.get(key);
    n.and_then(text)
        .or_else(|| n.and_then(|n| n.get("#text")).and_then(text))
        .unwrap_or_default()
}

fn given(fields: &Node, key: &str) -> Option<String> {
    fields
        .get(key)
        .and_then(text)
        .filter(|v| !v.trim().is_empty())
}

/// The call's fields with the looked-up id filled in (or, when the call gives both ids, the
/// other one ignored), when a rule applies; `None` otherwise.
pub fn resolve(state: &State, api: &ServedApi, e: &Served, fields: &Node) -> Option<Node> {
    let rows = state.journal.get(&api.plan.api)?;
    let rules = api.plan.sandbox.lookups.iter();
    for l in rules.filter(|l| l.endpoint == e.plan.key) {
        let Some(by) = given(fields, &l.by) else {
            continue;
        };
        if given(fields, &l.field).is_some() {
            // `field` wins: the other id is ignored (as if not sent).
            let mut fields = fields.clone();
            fields.set(&l.by, Node::Str(String::new()));
            return Some(fields);
        }
        let found = rows.iter().rev().find(|row| {
            let id = row_text(row, &l.field);
            row_text(row, &l.by) == by.trim()
                && state.is_record(&api.plan.api, &l.record, &id)
                && !l
                    .unless
                    .iter()
                    .any(|u| u.values.contains(&row_text(row, &u.field)))
        });
        if let Some(row) = found {
            let mut fields = fields.clone();
            fields.set(&l.field, Node::Str(row_text(row, &l.field)));
            return Some(fields);
        }
    }
    None
}
