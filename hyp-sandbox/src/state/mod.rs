//! The sandbox's memory and the spec's rules over it: replays, balances, holds, records and
//! queues. Nothing here names a vendor field: every name comes from the API's `sandbox:`
//! section, through the plan.

use std::collections::HashMap;

use crate::plan::spec::{Ledger, SandboxDef};
use hyp_api::{Decimal, Node};

mod queues;
mod refusal;

use crate::answer::{Answer, text};
use crate::deals::DealBook;
use crate::ledger;
use crate::page::PageBook;
use crate::served::{Served, ServedApi};

#[derive(Default)]
pub struct State {
    /// (api, replay rule index, endpoint, key values) → the first answer.
    replays: HashMap<(String, usize, String, Vec<String>), Answer>,
    /// (api, ledger, account values) → balance.
    balances: HashMap<(String, String, Vec<String>), Decimal>,
    /// (api, hold, id) → (amount, consumed, open).
    holds: HashMap<(String, String, String), (Decimal, Decimal, bool)>,
    /// (api, record, id) → status.
    records: HashMap<(String, String, String), String>,
    /// (api, queue) → rows (id, status).
    queues: HashMap<(String, String), Vec<(Node, i64)>>,
    /// (api, endpoint) → calls received, and calls applied.
    pub received: HashMap<(String, String), usize>,
    pub applied: HashMap<(String, String), usize>,
    /// api → the journal's rows, in the order the calls were handled.
    pub journal: HashMap<String, Vec<Node>>,
    /// (api, card token) → the fields the token was issued with.
    pub tokens: HashMap<(String, String), Vec<(String, Node)>>,
    /// The deals made, looked up and cancelled.
    pub deals: DealBook,
    /// The payment pages issued, and the redirects they sent.
    pub pages: PageBook,
    next_id: u64,
}

fn field_text(fields: &Node, wire: &str) -> Option<String> {
    fields
        .get(wire)
        .and_then(text)
        .filter(|t| !t.trim().is_empty())
}

fn amount(fields: &Node, wire: &str) -> Decimal {
    field_text(fields, wire)
        .and_then(|t| Decimal::from_str_exact(t.trim()).ok())
        .unwrap_or_default()
}

/// The account values of a ledger named by a request.
fn account(l: &Ledger, fields: &Node) -> Vec<String> {
    l.account
        .iter()
        .map(|a| field_text(fields, a).unwrap_or_default())
        .collect()
}

/// A boolean request field is set, read as the client's codec reads booleans (`True`, `1`).
pub(crate) fn is_true(fields: &Node, wire: &str) -> bool {
    fields
        .get(wire)
        .is_some_and(|n| <bool as hyp_api::FromNode>::from_node(n).unwrap_or(false))
}

impl State {
    /// A number no other answer of this sandbox has carried.
    pub(crate) fn fresh(&mut self) -> u64 {
        self.next_id += 1;
        100_000 + self.next_id
    }

    /// The replay key of a call under rule `i`, when the rule applies to it.
    fn replay_key(sb: &SandboxDef, i: usize, e: &Served, fields: &Node) -> Option<Vec<String>> {
        let r = &sb.replays[i];
        if !r.endpoints.contains(&e.plan.key)
            || r.when.as_ref().is_some_and(|w| !is_true(fields, w))
        {
            return None;
        }
        let mut key: Vec<String> = r
            .key
            .iter()
            .map(|k| field_text(fields, k))
            .collect::<Option<_>>()?;
        if r.identical {
            // Every detail of the request, in wire order, is part of the key.
            key.push(format!("{fields:?}"));
        }
        Some(key)
    }

    /// A resend's answer, when a replay rule has seen this call before.
    pub fn replayed(&self, api: &ServedApi, e: &Served, fields: &Node) -> Option<Answer> {
        let sb = &api.plan.sandbox;
        (0..sb.replays.len()).find_map(|i| {
            let key = Self::replay_key(sb, i, e, fields)?;
            let first = self
                .replays
                .get(&(api.plan.api.clone(), i, e.plan.key.clone(), key))?;
            let mut answer = first.clone();
            if let Some(code) = sb.replays[i].code {
                answer.set_code(api, e, code);
                answer.set_message(api, e, &api.message(e, code));
            }
            Some(answer)
        })
    }

    /// Applies a call the rules let through: numbers its answer, moves balances, holds,
    /// records and queues.
    pub fn apply(
        &mut self,
        api: &ServedApi,
        e: &Served,
        fields: &Node,
        mut answer: Answer,
    ) -> Answer {
        let sb = &api.plan.sandbox;
        let name = api.plan.api.clone();
        let key = e.plan.key.clone();
        // A command element built by a `results` rule already carries what it echoes.
        let built = crate::block::rule(api, e).is_some() || crate::envelope::has_rule(api);
        for wire in e.plan.echo.iter().filter(|_| !built) {
            if let Some(value) = fields.get(wire) {
                let value = answer.field_value(e, wire, value.clone());
                answer.set(e, wire, value);
            }
        }
        for f in sb.fresh_ids.iter().filter(|f| f.endpoint == key) {
            for path in &f.fields {
                let id = self.fresh();
                // The example's kind: a number stays a number, digits stay digits, and an
                // id with letters (`payRequestId=abc123xyz`) gets letters too.
                // Where the example does not show the field, its spec type decides.
                let node = match answer.get(e, path) {
                    Some(Node::Str(s)) if s.chars().any(|c| c.is_ascii_alphabetic()) => {
                        Node::Str(format!("sbx{id}"))
                    }
                    _ => answer.field_value(e, path, Node::Str(id.to_string())),
                };
                answer.set(e, path, node);
            }
        }
        for f in sb.flag_fields.iter().filter(|f| f.endpoint == key) {
            if !is_true(fields, &f.flag) {
                answer.remove(e, &f.fields);
            }
        }
        let code = answer.code(e).unwrap_or_default();
        for l in &sb.ledgers {
            let sign = ledger::direction(l, &key);
            let shown = l.shown_by.as_ref().filter(|s| s.endpoint == key);
            if sign.is_zero() && shown.is_none() {
                continue;
            }
            let balance = self
                .balances
                .entry((name.clone(), l.name.clone(), account(l, fields)))
                .or_default();
            // `refusal` turned away a call that would overflow: the balance stays as it is.
            if let Some(next) = ledger::moved(*balance, sign, amount(fields, &l.amount)) {
                *balance = next;
            }
            if let Some(s) = shown {
                answer.set(e, &s.field, Node::Num(balance.to_string()));
            }
        }
        let get = |path: &str| answer.get(e, path).as_ref().and_then(text);
        self.open_holds(api, &key, code, &get, fields);
        for (field, value) in self.deals.apply(api, &key, code, &get, fields) {
            answer.set(e, &field, Node::Str(value));
        }
        for h in &sb.holds {
            if h.consumed_by.endpoint == key {
                let id = field_text(fields, &h.consumed_by.id).unwrap_or_default();
                if let Some((total, used, open)) =
                    self.holds.get_mut(&(name.clone(), h.name.clone(), id))
                {
                    *used += match &h.consumed_by.amount {
                        Some(a) => amount(fields, a),
                        None => *total - *used,
                    };
                    *open = !h.once;
                }
            }
        }
        for r in &sb.records {
            if r.created_by == key
                && let Some(id) = answer.get(e, &r.id).as_ref().and_then(text)
            {
                self.records
                    .insert((name.clone(), r.name.clone(), id), r.initial.clone());
            }
            if r.removed_by.as_ref() == Some(&key) {
                for f in r.refusals.iter().filter(|f| f.endpoint == key) {
                    let id = field_text(fields, &f.id).unwrap_or_default();
                    self.records.remove(&(name.clone(), r.name.clone(), id));
                }
            }
        }
        answer = self.apply_queues(api, e, fields, answer);
        *self.applied.entry((name, key)).or_default() += 1;
        answer
    }

    /// Keeps a finished answer (a page's id and URL written in) for the resends the replay
    /// rules replay.
    pub fn remember(&mut self, api: &ServedApi, e: &Served, fields: &Node, answer: &Answer) {
        let sb = &api.plan.sandbox;
        for i in 0..sb.replays.len() {
            if let Some(k) = Self::replay_key(sb, i, e, fields) {
                let key = (api.plan.api.clone(), i, e.plan.key.clone(), k);
                self.replays.insert(key, answer.clone());
            }
        }
    }

    /// Opens the holds a call (or a page, by name) opens with `code`: `answer_field` reads
    /// the answer (or the redirect), `fields` the request.
    pub fn open_holds(
        &mut self,
        api: &ServedApi,
        key: &str,
        code: i64,
        answer_field: &dyn Fn(&str) -> Option<String>,
        fields: &Node,
    ) {
        let name = &api.plan.api;
        for h in &api.plan.sandbox.holds {
            for o in h.opened_by.iter().filter(|o| {
                o.endpoint == key
                    && o.codes.contains(&code)
                    && o.when.iter().all(|w| {
                        field_text(fields, &w.field).is_some_and(|v| w.values.contains(&v))
                    })
            }) {
                if let Some(id) = answer_field(&o.id).filter(|id| !id.is_empty()) {
                    let total = amount(fields, &o.amount);
                    self.holds.insert(
                        (name.clone(), h.name.clone(), id),
                        (total, Decimal::ZERO, true),
                    );
                }
            }
        }
    }

    /// Applies the rules to a page paid or declined with `code`: its redirect is the answer.
    pub fn apply_page(
        &mut self,
        api: &ServedApi,
        page: &str,
        code: i64,
        redirect: &[(String, String)],
        fields: &Node,
    ) {
        let get = |name: &str| {
            redirect
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        };
        self.open_holds(api, page, code, &get, fields);
        self.deals.apply(api, page, code, &get, fields);
    }

    pub fn balance(&self, api: &str, ledger: &str, account: &[&str]) -> Decimal {
        let account = account.iter().map(|s| s.to_string()).collect();
        self.balances
            .get(&(api.to_string(), ledger.to_string(), account))
            .copied()
            .unwrap_or_default()
    }

    /// Whether `id` names a record of rule `record` (created, not removed).
    pub fn is_record(&self, api: &str, record: &str, id: &str) -> bool {
        let key = (api.to_string(), record.to_string(), id.to_string());
        self.records.contains_key(&key)
    }

    pub fn set_status(&mut self, api: &str, record: &str, id: &str, status: &str) -> bool {
        match self
            .records
            .get_mut(&(api.to_string(), record.to_string(), id.to_string()))
        {
            Some(s) => {
                *s = status.to_string();
                true
            }
            None => false,
        }
    }

    pub fn queue(&self, api: &str, queue: &str) -> Vec<(String, i64)> {
        self.queues
            .get(&(api.to_string(), queue.to_string()))
            .map(|rows| {
                rows.iter()
                    .map(|(id, s)| (text(id).unwrap_or_default(), *s))
                    .collect()
            })
            .unwrap_or_default()
    }
}
