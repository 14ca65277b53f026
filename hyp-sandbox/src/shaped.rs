//! An answer finished by the spec's shaping rules before it is applied or sent: the listing an
//! inquiry gives, the envelope, the command element a `results` rule builds; and the journal
//! row a handled call leaves.

use chrono::{DateTime, Utc};
use hyp_api::Node;

use crate::answer::Answer;
use crate::block::{Call, fill};
use crate::served::{Served, ServedApi};
use crate::state::State;

/// The call as received: its fields as sent, and as played (fallbacks applied).
pub struct Received<'a> {
    pub sent: &'a Node,
    pub played: &'a Node,
}

impl State {
    /// Shapes `answer` by the API's rules (nothing changes for an API without them).
    pub fn shape(
        &mut self,
        api: &ServedApi,
        e: &Served,
        call: &Received,
        mut answer: Answer,
        now: DateTime<Utc>,
    ) -> Answer {
        let rows = self.journal.get(&api.plan.api).cloned().unwrap_or_default();
        crate::journal::list(api, e, &rows, call.played, &mut answer);
        crate::envelope::shape(api, e, call.sent, &mut answer, now, || self.fresh());
        let original = crate::journal::original(api, &rows, call.played);
        let token = crate::block::rule(api, e)
            .and_then(|r| r.token.as_ref())
            .and_then(|t| crate::envelope::fields_text(call.played, &t.field))
            .and_then(|t| self.tokens.get(&(api.plan.api.clone(), t)).cloned());
        let block = Call {
            fields: call.played,
            original,
            token: token.as_deref(),
        };
        if let Some((token, kept)) = fill(api, e, &block, &mut answer, &mut || self.fresh()) {
            self.tokens.insert((api.plan.api.clone(), token), kept);
        }
        answer
    }

    /// Keeps the row of a handled call, where the API keeps a journal of its endpoint.
    pub fn record(
        &mut self,
        api: &ServedApi,
        e: &Served,
        call: &Received,
        answer: &Answer,
        now: DateTime<Utc>,
    ) {
        if let Some(row) = crate::journal::row(api, e, call.played, answer, now) {
            self.journal
                .entry(api.plan.api.clone())
                .or_default()
                .push(row);
        }
    }
}
