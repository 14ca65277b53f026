//! The spec's work queues: rows a call adds, a listing call lists in a status, and a call that
//! moves rows to new statuses.

use hyp_api::Node;

use super::{State, field_text};
use crate::answer::Answer;
use crate::served::{Served, ServedApi};

impl State {
    /// Applies the queue rules to a call: adds its row, answers a listing, moves rows.
    pub(super) fn apply_queues(
        &mut self,
        api: &ServedApi,
        e: &Served,
        fields: &Node,
        mut answer: Answer,
    ) -> Answer {
        let name = &api.plan.api;
        let key = &e.plan.key;
        for q in &api.plan.sandbox.queues {
            let rows = self
                .queues
                .entry((name.clone(), q.name.clone()))
                .or_default();
            if q.added_by == *key
                && let Some(id) = answer.get(e, &q.id)
            {
                rows.push((id, q.initial));
            }
            if q.listed_by.endpoint == *key {
                answer = list_rows(api, e, q, rows, fields);
            }
            if q.moved_by.endpoint == *key {
                let mut skipped = Vec::new();
                for item in items(fields, &q.moved_by.items) {
                    let id = item.get(&q.moved_by.item_id).cloned().unwrap_or(Node::Null);
                    let status = field_text(item, &q.moved_by.item_status)
                        .and_then(|s| s.trim().parse().ok());
                    match (rows.iter_mut().find(|(r, _)| *r == id), status) {
                        (Some(row), Some(s)) => row.1 = s,
                        _ => skipped.push(id),
                    }
                }
                answer.set(e, &q.moved_by.skipped, Node::List(skipped));
            }
        }
        answer
    }
}

pub(super) fn items<'n>(fields: &'n Node, wire: &str) -> &'n [Node] {
    match fields.get(wire) {
        Some(Node::List(items)) => items,
        _ => &[],
    }
}

/// The listing answer: the template row once per row in the filtered status, or the empty code.
pub(super) fn list_rows(
    api: &ServedApi,
    e: &Served,
    q: &crate::plan::spec::Queue,
    rows: &[(Node, i64)],
    fields: &Node,
) -> Answer {
    let l = &q.listed_by;
    let wanted = field_text(fields, &l.filter)
        .and_then(|v| {
            l.filter_values
                .iter()
                .find(|f| f.value == v)
                .map(|f| f.status)
        })
        .unwrap_or(l.default_status);
    let Some(mut answer) = Answer::example(api, e, &l.row_example) else {
        return Answer::for_code(api, e, l.empty.code);
    };
    let template = match answer.get(e, &l.list) {
        Some(Node::List(items)) => items.into_iter().next(),
        _ => None,
    };
    let listed: Vec<Node> = rows
        .iter()
        .filter(|(_, s)| *s == wanted)
        .filter_map(|(id, _)| {
            let mut row = template.clone()?;
            if let Node::Map(entries) = &mut row
                && let Some((_, v)) = entries.iter_mut().find(|(k, _)| *k == l.row_id)
            {
                *v = id.clone();
            }
            Some(row)
        })
        .collect();
    if listed.is_empty() {
        return Answer::for_code(api, e, l.empty.code);
    }
    answer.set(e, &l.list, Node::List(listed));
    answer
}
