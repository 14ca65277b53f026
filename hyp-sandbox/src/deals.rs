//! The deals the sandbox made (the spec's `deals:` rule): who makes them, which calls need
//! one (getToken), which call cancels one (CancelTrans), and what a cancelled deal answers to
//! a capture, refund or commit. Names come from the spec, through the plan.

use std::collections::HashMap;

use hyp_api::Node;

use crate::answer::{Answer, text};
use crate::served::{Served, ServedApi};

/// Every deal made, by each id it is known by.
#[derive(Default)]
pub struct DealBook {
    /// (api, id) → deal number.
    by_id: HashMap<(String, String), usize>,
    /// Per deal number: cancelled.
    cancelled: Vec<bool>,
}

impl DealBook {
    /// Records a deal known by `ids` (an `Id`, a `UID`).
    pub fn make(&mut self, api: &str, ids: impl IntoIterator<Item = String>) {
        let n = self.cancelled.len();
        self.cancelled.push(false);
        for id in ids {
            self.by_id.insert((api.to_string(), id), n);
        }
    }

    fn find(&self, api: &str, id: &str) -> Option<usize> {
        self.by_id.get(&(api.to_string(), id.to_string())).copied()
    }

    fn is_cancelled(&self, api: &str, id: &str) -> bool {
        self.find(api, id)
            .is_some_and(|n| self.cancelled.get(n).copied().unwrap_or(false))
    }

    /// The answer a rule of `deals:` gives this call before it is applied, if any.
    pub fn refusal(&self, api: &ServedApi, e: &Served, fields: &Node) -> Option<Answer> {
        let sb = &api.plan.sandbox;
        let d = sb.deals.as_ref()?;
        let name = &api.plan.api;
        let id_of = |wire: &str| fields.get(wire).and_then(text).unwrap_or_default();
        if let Some(c) = d.cancelled_by.as_ref().filter(|c| c.endpoint == e.plan.key) {
            let id = id_of(&c.id);
            if self.find(name, &id).is_none() || self.is_cancelled(name, &id) {
                return Some(Answer::for_code(api, e, c.not_found.code));
            }
        }
        for l in d.looked_up_by.iter().filter(|l| l.endpoint == e.plan.key) {
            if self.find(name, &id_of(&l.id)).is_none() {
                return Some(Answer::for_code(api, e, l.not_found.code));
            }
        }
        let consumers = sb.holds.iter().map(|h| &h.consumed_by);
        for c in consumers.filter(|c| c.endpoint == e.plan.key) {
            if self.is_cancelled(name, &id_of(&c.id)) {
                return Some(Answer::for_code(api, e, d.cancelled.code));
            }
        }
        None
    }

    /// Applies the rules to a call (or a page, by name) that went through with `code`: makes,
    /// cancels, and echoes the looked-up id.
    pub fn apply(
        &mut self,
        api: &ServedApi,
        key: &str,
        code: i64,
        answer_field: &dyn Fn(&str) -> Option<String>,
        fields: &Node,
    ) -> Vec<(String, String)> {
        let Some(d) = api.plan.sandbox.deals.as_ref() else {
            return Vec::new();
        };
        let name = &api.plan.api;
        for m in d.made_by.iter().filter(|m| m.endpoint == key) {
            if m.codes.contains(&code) {
                let ids = m.ids.iter().filter_map(|w| answer_field(w));
                self.make(name, ids.filter(|id| !id.is_empty()).collect::<Vec<_>>());
            }
        }
        let id_of = |wire: &str| fields.get(wire).and_then(text).unwrap_or_default();
        if let Some(c) = d.cancelled_by.as_ref().filter(|c| c.endpoint == key)
            && let Some(n) = self.find(name, &id_of(&c.id))
            && let Some(flag) = self.cancelled.get_mut(n)
        {
            *flag = true;
        }
        // The answer fields that carry the request's id back.
        d.looked_up_by
            .iter()
            .filter(|l| l.endpoint == key)
            .filter_map(|l| Some((l.echo_as.clone()?, id_of(&l.id))))
            .collect()
    }
}
