//! What a paid page leaves in the sandbox's state besides its redirect: the deal it makes
//! (the spec's `deal:`, a call of an endpoint the sandbox plays itself through that endpoint's
//! rules) and the record it moves (`paid_record:`, a paid payment link).

use chrono::{DateTime, Utc};
use hyp_api::Node;

use crate::answer::{Answer, text};
use crate::page::values::{Payment, Sources, value};
use crate::plan::spec::PageDeal;
use crate::shaped::Received;
use crate::state::State;

/// Plays the deal of a paid page: the issuing request's fields with the rule's `set` over
/// them, answered with the page's code, shaped, applied and journalled as a merchant's call of
/// the endpoint is. The deal's answer fields (never sent), for the redirect to read.
pub fn play(
    state: &mut State,
    src: &Sources<'_>,
    d: &PageDeal,
    pay: &Payment<'_>,
    now: DateTime<Utc>,
) -> Option<Node> {
    let api = src.api;
    let e = api.endpoint(&d.endpoint)?;
    let mut fields = pay.fields.clone();
    for v in &d.set {
        let value = value(state, src, pay, (v.from, &v.fields), &[]);
        fields.set(&v.field, Node::Str(value));
    }
    let call = Received {
        sent: &fields,
        played: &fields,
    };
    // The deal meets the endpoint's rules as any call does (a ledger that would overflow
    // refuses it): a refused deal is journalled as refused and opens nothing.
    let refused = state.refusal(api, e, &fields);
    let applies = refused.is_none();
    let answer = refused.unwrap_or_else(|| Answer::for_code(api, e, pay.code));
    let mut answer = state.shape(api, e, &call, answer, now);
    if applies {
        answer = state.apply(api, e, &fields, answer);
    }
    for v in &d.stamp {
        let value = value(state, src, pay, (v.from, &v.fields), &[]);
        answer.set(e, &v.field, Node::Str(value));
    }
    state.record(api, e, &call, &answer, now);
    Some(answer.fields(e))
}

/// Moves the record the issuing call created to the rule's status (a paid payment link).
pub fn mark_paid(state: &mut State, src: &Sources<'_>, pay: &Payment<'_>) {
    let Some(p) = &src.page.paid_record else {
        return;
    };
    let rule = src
        .api
        .plan
        .sandbox
        .records
        .iter()
        .find(|r| r.name == p.record);
    let id = rule.and_then(|r| pay.issued.get(&r.id)).and_then(text);
    if let Some(id) = id {
        state.set_status(&src.api.plan.api, &p.record, &id, &p.status);
    }
}
