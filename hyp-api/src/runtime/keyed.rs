//! An outcome with the idempotency key it was obtained under.

use std::ops::Deref;

/// The outcome of a call whose endpoint carries an idempotency key (Hyper's `Ticket_ID`, MT5's
/// `x-request-id`), with the key the request carried: the caller's, or the one the client made
/// for it. Keep it to reconcile or to resend the same operation.
///
/// Derefs to the outcome, so `keyed.response()` reads the answer; `match keyed.outcome { … }`
/// or [`Keyed::into_inner`] takes the outcome out.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Keyed<T> {
    /// What the vendor answered.
    pub outcome: T,
    /// The idempotency key the request carried (`None` only where the key is optional, the
    /// client makes none, and the request did not set one).
    pub idempotency_key: Option<String>,
}

impl<T> Keyed<T> {
    /// The outcome with the key it was obtained under.
    pub fn new(outcome: T, idempotency_key: Option<String>) -> Self {
        Keyed {
            outcome,
            idempotency_key,
        }
    }

    /// The idempotency key the request carried.
    pub fn idempotency_key(&self) -> Option<&str> {
        self.idempotency_key.as_deref()
    }

    /// The outcome, without the key.
    pub fn into_inner(self) -> T {
        self.outcome
    }
}

impl<T> Deref for Keyed<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.outcome
    }
}
