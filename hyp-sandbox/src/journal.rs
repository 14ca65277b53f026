//! The spec's `journal`: every handled call of some endpoints kept as a row in the shape of the
//! vendor's example rows, the row a later call names (a refund's original), and the inquiry
//! that lists the rows matching what it asks.

use crate::plan::spec::{FilterOp, Journal};
use chrono::{DateTime, Utc};
use hyp_api::Node;

use crate::answer::{Answer, text};
use crate::block::{coded, is_blank, is_coded, meets};
use crate::envelope::{code_of, fields_text};
use crate::served::{Served, ServedApi};

/// The journal rule, if the API has one.
pub fn rule(api: &ServedApi) -> Option<&Journal> {
    api.plan.sandbox.journal.as_ref()
}

/// The example's rows (its list's items), in order.
fn example_rows(api: &ServedApi, j: &Journal) -> Vec<Node> {
    let Some(x) = api.endpoint(&j.row_example.endpoint) else {
        return Vec::new();
    };
    let Some(answer) = Answer::example(api, x, &j.row_example.example) else {
        return Vec::new();
    };
    match answer.get(x, &j.listed_by.list) {
        Some(Node::Map(items)) => items
            .into_iter()
            .filter(|(k, _)| *k == j.listed_by.item)
            .map(|(_, v)| v)
            .collect(),
        _ => Vec::new(),
    }
}

/// A blank copy of a node: texts emptied, codes emptied, children kept.
fn blanked(n: &Node) -> Node {
    match n {
        Node::Map(_) if is_coded(n) => coded("", ""),
        Node::Map(entries) => Node::Map(
            entries
                .iter()
                .map(|(k, v)| (k.clone(), blanked(v)))
                .collect(),
        ),
        _ => Node::Str(String::new()),
    }
}

/// A row's shape: the example rows' fields merged in their order (a field one row adds goes
/// after the field it follows there), blank.
pub fn template(api: &ServedApi, j: &Journal) -> Vec<(String, Node)> {
    let mut merged: Vec<(String, Node)> = Vec::new();
    for row in example_rows(api, j) {
        let Node::Map(entries) = row else { continue };
        let mut after: Option<usize> = None;
        for (k, v) in entries {
            match merged.iter().position(|(m, _)| *m == k) {
                Some(i) => after = Some(i),
                None => {
                    let at = after.map_or(0, |i| i + 1);
                    merged.insert(at, (k, blanked(&v)));
                    after = Some(at);
                }
            }
        }
    }
    merged
}

/// The row of a handled call: each field from the answer's command element, else its
/// envelope, else the rule's time and outcome, else the request as sent (never a secret: only
/// fields the endpoint echoes).
pub fn row(
    api: &ServedApi,
    e: &Served,
    fields: &Node,
    answer: &Answer,
    now: DateTime<Utc>,
) -> Option<Node> {
    let j = rule(api)?;
    if !j.recorded_by.contains(&e.plan.key) {
        return None;
    }
    let envelope = answer.envelope(e)?;
    let element = envelope.get(&e.plan.key);
    let success = e.plan.outcome_codes.contains(&code_of(answer, e));
    let mut entries = Vec::new();
    for (key, blank) in template(api, j) {
        if j.groups
            .iter()
            .any(|g| g.fields.contains(&key) && !meets(fields, &g.when))
        {
            continue;
        }
        let from_answer = element
            .and_then(|el| el.get(&key))
            .or_else(|| envelope.get(&key))
            .filter(|v| !is_blank(v))
            .map(|v| merged(&blank, v));
        let value = from_answer.or_else(|| {
            if key == j.clock.field {
                return Some(Node::Str(now.format(&j.clock.format).to_string()));
            }
            if let Some(o) = j.outcome.as_ref().filter(|o| o.field == key) {
                let t = if success { &o.success } else { &o.error };
                return Some(Node::Str(t.clone()));
            }
            e.plan
                .echo
                .contains(&key)
                .then(|| fields_text(fields, &key))
                .flatten()
                .map(Node::Str)
        });
        let value = value.unwrap_or(blank);
        if j.omit_empty.contains(&key) && is_blank(&value) {
            continue;
        }
        entries.push((key, value));
    }
    Some(Node::Map(entries))
}

/// `value` in the template's shape: a nested element keeps every child of the template, each
/// with the value's child of that name where it has one.
fn merged(template: &Node, value: &Node) -> Node {
    match (template, value) {
        (Node::Map(t), Node::Map(_)) if !is_coded(template) => Node::Map(
            t.iter()
                .map(|(k, blank)| {
                    let v = value
                        .get(k)
                        .map_or_else(|| blank.clone(), |v| merged(blank, v));
                    (k.clone(), v)
                })
                .collect(),
        ),
        _ => value.clone(),
    }
}

/// The row a call names by the rule's lookup (a refund's `tranId`), from `rows`.
pub fn original<'r>(api: &ServedApi, rows: &'r [Node], fields: &Node) -> Option<&'r Node> {
    let j = rule(api)?;
    let wanted = fields_text(fields, &j.original.request).filter(|v| !v.is_empty())?;
    rows.iter()
        .find(|r| r.get(&j.original.row).and_then(text).as_deref() == Some(wanted.as_str()))
}

fn matches(j: &Journal, row: &Node, fields: &Node) -> bool {
    j.listed_by.filters.iter().all(|f| {
        let Some(wanted) = fields_text(fields, &f.request).filter(|v| !v.trim().is_empty()) else {
            return true;
        };
        let have = row.get(&f.row).and_then(text).unwrap_or_default();
        match f.op.unwrap_or(FilterOp::Equals) {
            FilterOp::Equals => have == wanted.trim(),
            // Dates compare as `YYYY-MM-DD` texts against the row time's date part.
            FilterOp::From => have.get(..10).is_some_and(|d| d >= wanted.trim()),
            FilterOp::To => have.get(..10).is_some_and(|d| d <= wanted.trim()),
        }
    })
}

/// The listing endpoint's answer: the rows matching every filter the request gives, and
/// their counts.
pub fn list(api: &ServedApi, e: &Served, rows: &[Node], fields: &Node, answer: &mut Answer) {
    let Some(j) = rule(api).filter(|j| j.listed_by.endpoint == e.plan.key) else {
        return;
    };
    let l = &j.listed_by;
    let listed: Vec<(String, Node)> = rows
        .iter()
        .filter(|r| matches(j, r, fields))
        .map(|r| (l.item.clone(), r.clone()))
        .collect();
    let count = listed.len().to_string();
    let Some(element) = answer
        .envelope_mut(e)
        .and_then(|env| env.get_mut(&e.plan.key))
    else {
        return;
    };
    element.set(&l.list, Node::Map(listed));
    let mut totals = element
        .get(&l.totals)
        .map_or(Node::Map(Vec::new()), blanked);
    for c in &l.counts {
        totals.set(c, Node::Str(count.clone()));
    }
    element.set(&l.totals, totals);
}
