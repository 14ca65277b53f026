//! The refusals the spec's rules give a call before anything is applied: a signed page's
//! verification, the deals, a ledger that would overflow, a hold not open or exceeded, a
//! record missing or in a refused status, a queue move naming no row.

use hyp_api::Node;

use super::queues::items;
use super::{State, account, amount, field_text};
use crate::answer::Answer;
use crate::ledger;
use crate::plan::spec::CodeAnswer;
use crate::served::{Served, ServedApi};

/// A rule's refusal: the code's answer in the vendor's words; the sandbox's own reason is
/// logged, never sent.
fn error(api: &ServedApi, e: &Served, a: &CodeAnswer, reason: Option<String>) -> Answer {
    if let Some(r) = reason {
        tracing::debug!(api = %api.plan.api, endpoint = %e.plan.key, code = a.code, reason = %r, "refused");
    }
    Answer::for_code(api, e, a.code)
}

impl State {
    /// The refusal a rule gives this call before anything is applied, if any.
    pub fn refusal(&self, api: &ServedApi, e: &Served, fields: &Node) -> Option<Answer> {
        if let Some(refused) = crate::sign::refused(api, e, fields, &self.pages) {
            return Some(refused);
        }
        if let Some(refused) = self.deals.refusal(api, e, fields) {
            return Some(refused);
        }
        let sb = &api.plan.sandbox;
        let name = &api.plan.api;
        for l in &sb.ledgers {
            let key = (name.clone(), l.name.clone(), account(l, fields));
            let now = self.balances.get(&key).copied().unwrap_or_default();
            let wanted = amount(fields, &l.amount);
            if ledger::moved(now, ledger::direction(l, &e.plan.key), wanted).is_none() {
                tracing::debug!(api = %name, endpoint = %e.plan.key, "refused: {} {wanted} overflows the {} balance", l.amount, l.name);
                return crate::handle::invalid_answer(api, e);
            }
        }
        for h in &sb.holds {
            if h.consumed_by.endpoint != e.plan.key {
                continue;
            }
            let id = field_text(fields, &h.consumed_by.id).unwrap_or_default();
            let Some(amount_field) = &h.consumed_by.amount else {
                if !matches!(
                    self.holds.get(&(name.clone(), h.name.clone(), id.clone())),
                    Some((_, _, true))
                ) {
                    return Some(error(
                        api,
                        e,
                        &h.not_open,
                        Some(format!("no open {} `{id}`", h.name)),
                    ));
                }
                continue;
            };
            let wanted = amount(fields, amount_field);
            match self.holds.get(&(name.clone(), h.name.clone(), id.clone())) {
                Some((total, used, true)) if wanted > *total - *used => {
                    let left = *total - *used;
                    return Some(error(
                        api,
                        e,
                        &h.exceeded,
                        Some(format!(
                            "{amount_field} {wanted} exceeds the {left} left of `{id}`"
                        )),
                    ));
                }
                Some((_, _, true)) => {}
                _ => {
                    return Some(error(
                        api,
                        e,
                        &h.not_open,
                        Some(format!("no open {} `{id}`", h.name)),
                    ));
                }
            }
        }
        for r in &sb.records {
            let named_by = r
                .refusals
                .iter()
                .map(|f| (&f.endpoint, &f.id))
                .find(|(ep, _)| **ep == e.plan.key);
            let Some((_, id_field)) = named_by else {
                continue;
            };
            let id = field_text(fields, id_field).unwrap_or_default();
            let Some(status) = self
                .records
                .get(&(name.clone(), r.name.clone(), id.clone()))
            else {
                return Some(error(
                    api,
                    e,
                    &r.not_found,
                    Some(format!("no {} `{id}`", r.name)),
                ));
            };
            for f in r.refusals.iter().filter(|f| f.endpoint == e.plan.key) {
                if f.when.contains(status) {
                    return Some(error(api, e, &f.answer, None));
                }
            }
        }
        for q in &sb.queues {
            if q.moved_by.endpoint != e.plan.key {
                continue;
            }
            let rows = self.queues.get(&(name.clone(), q.name.clone()));
            let any_valid = items(fields, &q.moved_by.items).iter().any(|item| {
                let id = item.get(&q.moved_by.item_id);
                rows.is_some_and(|rows| rows.iter().any(|(r, _)| Some(r) == id))
            });
            if !any_valid {
                return Answer::example(api, e, &q.moved_by.none_valid_example);
            }
        }
        None
    }
}
