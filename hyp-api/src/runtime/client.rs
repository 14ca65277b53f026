//! The shared client core: configuration, and one call = validate → encode → send (with the
//! retry policy) → decode. Generated clients are thin wrappers that name each endpoint; the
//! part of a call that does not depend on the endpoint's types is in
//! [`exchange`](crate::runtime::exchange), compiled once.

use std::sync::Arc;
use std::time::Duration;

use tracing::Instrument;

use crate::runtime::answer::decode_answer_in;
use crate::runtime::base_url::BaseUrl;
use crate::runtime::client_builder::Auth;
use crate::runtime::client_fields::ClientFields;
use crate::runtime::endpoint::Endpoint;
use crate::runtime::error::{Error, VendorCode};
use crate::runtime::exchange::{Reply, Route};
use crate::runtime::keyed::Keyed;
use crate::runtime::retry::{Failure, RetryPolicy};
use crate::runtime::validate::{Clock, Validate, ValidationContext};

/// What every generated client holds.
#[derive(Debug, Clone)]
pub struct Core {
    pub(crate) http: reqwest::Client,
    pub(crate) base_url: BaseUrl,
    pub(crate) auth: Auth,
    /// `Authorization: Bearer …` for [`Auth::Bearer`], made once when the client is built
    /// (marked sensitive: never printed); `None` for other auth, or a token HTTP cannot carry.
    pub(crate) authorization: Option<reqwest::header::HeaderValue>,
    pub(crate) retry: RetryPolicy,
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) timeout: Option<Duration>,
    pub(crate) client_fields: ClientFields,
}

impl Core {
    /// Calls endpoint `E` inside a `hyp_api.call` tracing span (no secrets are recorded).
    /// Errors after the request is built carry its idempotency key, where the endpoint has one.
    pub async fn call<E: Endpoint>(
        &self,
        request: &E::Request,
    ) -> Result<E::Output, Error<E::Code>> {
        self.call_keyed::<E>(request).await.map(Keyed::into_inner)
    }

    /// [`Core::call`], returning the outcome with the idempotency key the request carried (the
    /// caller's, or the one made for it): for endpoints that have one.
    pub async fn call_keyed<E: Endpoint>(
        &self,
        request: &E::Request,
    ) -> Result<Keyed<E::Output>, Error<E::Code>> {
        let span = tracing::info_span!(
            "hyp_api.call",
            service = E::SERVICE,
            endpoint = E::WIRE,
            attempts = tracing::field::Empty,
            idempotency_key = tracing::field::Empty,
        );
        self.call_in_span::<E>(request).instrument(span).await
    }

    async fn call_in_span<E: Endpoint>(
        &self,
        request: &E::Request,
    ) -> Result<Keyed<E::Output>, Error<E::Code>> {
        // The fields the client supplies, where the request does not set them, and a key made
        // here (reused by every retry of this call: the vendor sees one operation), set in a
        // copy of the request made only when one of them applies.
        let mut owned = None;
        if E::CLIENT_FIELDS {
            let r = owned.insert(request.clone());
            E::fill_client_fields(r, &self.client_fields);
        }
        if E::GENERATES_IDEMPOTENCY_KEY
            && E::idempotency_key(owned.as_ref().unwrap_or(request)).is_none()
        {
            let r = owned.get_or_insert_with(|| request.clone());
            E::set_idempotency_key(r, uuid::Uuid::new_v4().to_string());
        }
        let request = owned.as_ref().unwrap_or(request);
        let key = E::idempotency_key(request);
        if let Some(key) = key {
            tracing::Span::current().record("idempotency_key", key);
        }
        match self.send::<E>(request).await {
            Ok(output) => Ok(Keyed::new(output, key.map(str::to_string))),
            Err(e) => Err(e.with_idempotency_key(key)),
        }
    }

    /// Validates, encodes and sends `request` (carrying its key and client fields), retrying
    /// per the policy where that is safe. Only what differs per endpoint is generic here; the
    /// encoding, the attempts and the retry loop are compiled once ([`exchange`]).
    ///
    /// [`exchange`]: crate::runtime::exchange
    async fn send<E: Endpoint>(&self, request: &E::Request) -> Result<E::Output, Error<E::Code>> {
        request
            .validate(&ValidationContext::new(self.clock.clone()))
            .map_err(Error::InvalidRequest)?;
        let retry_safe =
            E::READ_ONLY || E::idempotency_key(request).is_some_and(|k| !k.trim().is_empty());
        let call = self
            .prepare(
                &Route {
                    wire: E::WIRE,
                    transport: E::TRANSPORT,
                    method: E::METHOD,
                    xml: E::XML,
                    envelope_fields: E::ENVELOPE_FIELDS,
                    bool_text: E::BOOL_TEXT,
                },
                E::parts(request),
                (E::answer_charset(request), E::request_charset(request)),
                self.timeout.unwrap_or(E::TIMEOUT),
                retry_safe,
                E::secrets(request),
            )
            .map_err(Error::InvalidRequest)?;
        let mut result = None;
        let mut judge = |reply: Result<Reply, reqwest::Error>, timeout| {
            let decoded = match reply {
                Ok(r) => decode_answer_in::<E>(
                    r.status,
                    &r.text,
                    &call.secrets,
                    (r.encoding, r.fallback),
                ),
                Err(e) => Err(transport_error::<E>(e, timeout)),
            };
            let failure = decoded.as_ref().err().map(failure_of);
            result = Some(decoded);
            failure
        };
        let attempts = self.exchange(&call, &mut judge).await;
        tracing::Span::current().record("attempts", attempts);
        let result = result.expect("every exchange makes at least one attempt");
        // A documented business code is an answer, not a fault: DEBUG; transport failures,
        // timeouts and undocumented codes: WARN.
        match &result {
            Err(e @ Error::Api(a)) if a.code.is_documented() => {
                tracing::debug!(error = %e, "vendor answered a documented error code");
            }
            Err(e) => tracing::warn!(error = %e, "call failed"),
            Ok(_) => {}
        }
        result
    }
}

fn transport_error<E: Endpoint>(e: reqwest::Error, timeout: Duration) -> Error<E::Code> {
    // A connect failure proves nothing was sent; anything later may have reached the vendor,
    // and for a call that changes something its effect is then unknown.
    let sent = !e.is_connect();
    let maybe_applied = sent && !E::READ_ONLY;
    // The URL may carry secrets (a query-string API's passwords): it is dropped from the
    // error kept as the source, and from the text.
    let url = e.url().map(|u| u.to_string()).unwrap_or_default();
    let source = e.without_url();
    if source.is_timeout() {
        Error::Timeout {
            endpoint: E::WIRE,
            after: timeout,
            outcome_unknown: maybe_applied,
            idempotency_key: None,
            source,
        }
    } else {
        let mut message = source.to_string();
        let mut cause = std::error::Error::source(&source);
        while let Some(s) = cause {
            message.push_str(&format!(": {s}"));
            cause = s.source();
        }
        if !url.is_empty() {
            message = message.replace(&url, "[URL]");
        }
        Error::Transport {
            endpoint: E::WIRE,
            message,
            sent,
            maybe_applied,
            idempotency_key: None,
            source,
        }
    }
}

/// How an attempt's failure bears on retrying.
fn failure_of<C: VendorCode>(e: &Error<C>) -> Failure {
    match e {
        Error::Transport { sent: false, .. } => Failure::NotSent,
        Error::Transport { .. } | Error::Timeout { .. } => Failure::MaybeApplied,
        Error::Decode { http_status, .. } | Error::VendorPage { http_status, .. }
            if *http_status >= 500 =>
        {
            Failure::MaybeApplied
        }
        // A 5xx the API's table does not know (a proxy's 500 on a REST API) may have been
        // applied, like any other server failure.
        Error::Api(api) if api.code.is_retryable() || api.http_status >= 500 => {
            Failure::MaybeApplied
        }
        _ => Failure::Final,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A call's future is `Send` for every endpoint (callers spawn calls on multi-threaded
    /// runtimes): the generic bound is checked at compile time, for all endpoints at once.
    fn call_is_send<E: Endpoint>(core: &Core, request: &E::Request) -> impl Send {
        core.call_keyed::<E>(request)
    }

    #[test]
    #[cfg(feature = "mt5-manager")]
    fn calls_are_send() {
        // The bound is proven where `call_is_send` is defined; this names one instance of it.
        let _ = call_is_send::<crate::mt5_manager::Deposit>;
    }
}
