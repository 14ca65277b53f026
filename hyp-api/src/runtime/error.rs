//! What a call can fail with. The kinds are separate so a caller can act on each: fix the request
//! (never sent), retry or fail over (transport), reconcile (timeout of a money-moving call),
//! handle the vendor's answer (typed code), or report a vendor bug (undecodable answer).

use std::fmt;
use std::time::Duration;

use crate::runtime::node::DecodeError;
use crate::runtime::validate::Violations;

/// A vendor result code, generated per API from the spec.
pub trait VendorCode: fmt::Debug + Clone + Send + Sync + 'static {
    /// The number on the wire.
    fn value(&self) -> i64;
    /// What the vendor documents the code to mean.
    fn description(&self) -> &'static str;
    /// The HTTP status the vendor documents with this code, if any.
    fn documented_http_status(&self) -> Option<u16>;
    /// A retry of a retry-safe call may succeed.
    fn is_retryable(&self) -> bool;
    /// The operation may or may not have happened: reconcile before acting.
    fn outcome_unknown(&self) -> bool;
    /// The spec lists this code (false for a code it does not know).
    fn is_documented(&self) -> bool;
}

/// The vendor answered with a code that is an error for this endpoint.
#[derive(Debug, Clone)]
pub struct ApiError<C> {
    /// The endpoint's wire name, e.g. `CC_Clearing_Json`.
    pub endpoint: &'static str,
    /// The code, with the meaning it has on this endpoint.
    pub code: C,
    /// The vendor's message, as sent.
    pub message: Option<String>,
    /// The HTTP status of the answer.
    pub http_status: u16,
    /// The answer's body as received, every secret of the call replaced by `[REDACTED]`.
    pub body: String,
    /// The operation may or may not have happened: the code's documented meaning says so, or
    /// the endpoint moves money and the code is not documented (an undocumented answer does not
    /// prove nothing was booked). Reconcile before resending.
    pub outcome_unknown: bool,
    /// The idempotency key the request carried, on an endpoint that has one: resend with it, or
    /// reconcile by it.
    pub idempotency_key: Option<String>,
    /// Other envelope fields the vendor sent with the error, by wire name, secrets removed
    /// (CreditGuard's `userMessage`, the text it says to show end users, and `additionalInfo`);
    /// empty ones are left out.
    pub details: Vec<(String, String)>,
}

impl<C> ApiError<C> {
    /// The detail the vendor sent under this wire name (see [`ApiError::details`]).
    pub fn detail(&self, wire: &str) -> Option<&str> {
        self.details
            .iter()
            .find(|(w, _)| w == wire)
            .map(|(_, v)| v.as_str())
    }
}

/// Every way a call can fail. `C` is the API's generated code type.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error<C: VendorCode> {
    /// The request breaks the spec's rules; it was not sent.
    #[error("invalid request (not sent): {0}")]
    InvalidRequest(Violations),
    /// The request could not be delivered or the answer not received (connection refused,
    /// reset, TLS).
    #[error("transport error calling {endpoint}: {message}")]
    Transport {
        /// The endpoint called (its wire name).
        endpoint: &'static str,
        /// The underlying error's text, without the URL (which may carry secrets).
        message: String,
        /// The request may have left this process (false: the connection was never made).
        sent: bool,
        /// The request may have reached the vendor and changed something.
        maybe_applied: bool,
        /// The idempotency key the request carried, on an endpoint that has one (the caller's,
        /// or the one the client made): resend with it, or reconcile by it.
        idempotency_key: Option<String>,
        /// The HTTP client's error, without the URL; its own `source()` chain follows.
        #[source]
        source: reqwest::Error,
    },
    /// No answer within the timeout. For a call that changes something and was sent,
    /// `outcome_unknown` is true: reconcile (query by your idempotency key) instead of blindly retrying.
    #[error("{endpoint} timed out after {after:?}{}", if *outcome_unknown { " (outcome unknown: reconcile before retrying)" } else { "" })]
    Timeout {
        /// The endpoint called (its wire name).
        endpoint: &'static str,
        /// How long the client waited.
        after: Duration,
        /// Whether the request may have been applied (a call that changes something, sent):
        /// reconcile before resending.
        outcome_unknown: bool,
        /// The idempotency key the request carried, on an endpoint that has one (the caller's,
        /// or the one the client made): resend with it, or reconcile by it.
        idempotency_key: Option<String>,
        /// The HTTP client's timeout error, without the URL.
        #[source]
        source: reqwest::Error,
    },
    /// The vendor answered with an error code.
    #[error("{} answered code {} ({:?}): {}", .0.endpoint, .0.code.value(), .0.code, .0.message.as_deref().unwrap_or(.0.code.description()))]
    /// (Boxed: the answer it keeps makes it the largest kind, and every `Result` would pay
    /// for it.)
    Api(Box<ApiError<C>>),
    /// The vendor answered with an HTML page where a data answer was due: its system-error page
    /// (a wrong terminal number, an outage) or a proxy's. On every API whose code is in the body;
    /// on REST only with a 2xx (otherwise the status is the code). `body` is the page, secrets
    /// replaced.
    #[error("{endpoint} answered with an HTML error page (HTTP {http_status})")]
    VendorPage {
        /// The endpoint called (its wire name).
        endpoint: &'static str,
        /// The HTTP status of the page.
        http_status: u16,
        /// The page, with sent secrets removed.
        body: String,
        /// The idempotency key the request carried, on an endpoint that has one (the caller's,
        /// or the one the client made): resend with it, or reconcile by it.
        idempotency_key: Option<String>,
    },
    /// The answer could not be decoded. `body` is the answer as received, with every secret of
    /// the call replaced by `[REDACTED]`; `source` says where and why.
    #[error("undecodable answer from {endpoint} (HTTP {http_status}): {source}")]
    Decode {
        /// The endpoint called (its wire name).
        endpoint: &'static str,
        /// The HTTP status of the answer.
        http_status: u16,
        /// The raw answer, with sent secrets removed.
        body: String,
        /// The idempotency key the request carried, on an endpoint that has one (the caller's,
        /// or the one the client made): resend with it, or reconcile by it.
        idempotency_key: Option<String>,
        /// What could not be decoded, as a typed cause (also `std::error::Error::source`): the
        /// field path from the body's root (`Queue[0].PaymentDate`, empty for the answer as a
        /// whole) and what did not fit there, with sent secrets removed.
        #[source]
        source: DecodeError,
    },
}

impl<C: VendorCode> Error<C> {
    /// True when the operation may or may not have taken effect.
    pub fn outcome_unknown(&self) -> bool {
        match self {
            Error::Timeout {
                outcome_unknown, ..
            } => *outcome_unknown,
            Error::Transport { maybe_applied, .. } => *maybe_applied,
            Error::Api(e) => e.outcome_unknown,
            _ => false,
        }
    }

    /// The idempotency key the request carried, on every error after the request was built
    /// (transport, timeout, vendor error, undecodable answer) of an endpoint that has one: the
    /// caller's, or the one the client made. Resend with it, or reconcile by it.
    pub fn idempotency_key(&self) -> Option<&str> {
        match self {
            Error::InvalidRequest(_) => None,
            Error::Transport {
                idempotency_key, ..
            }
            | Error::Timeout {
                idempotency_key, ..
            }
            | Error::VendorPage {
                idempotency_key, ..
            }
            | Error::Decode {
                idempotency_key, ..
            } => idempotency_key.as_deref(),
            Error::Api(e) => e.idempotency_key.as_deref(),
        }
    }

    /// The error, carrying `key` as the idempotency key of its call.
    pub(crate) fn with_idempotency_key(mut self, key: Option<&str>) -> Self {
        let slot = match &mut self {
            Error::InvalidRequest(_) => return self,
            Error::Transport {
                idempotency_key, ..
            }
            | Error::Timeout {
                idempotency_key, ..
            }
            | Error::VendorPage {
                idempotency_key, ..
            }
            | Error::Decode {
                idempotency_key, ..
            } => idempotency_key,
            Error::Api(e) => &mut e.idempotency_key,
        };
        *slot = key.map(str::to_string);
        self
    }

    /// The typed vendor code, when the vendor answered with one.
    pub fn code(&self) -> Option<&C> {
        match self {
            Error::Api(e) => Some(&e.code),
            _ => None,
        }
    }
}
