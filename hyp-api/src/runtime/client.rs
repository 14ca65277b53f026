//! The shared client core: configuration, and one call = validate → encode → send (with the
//! retry policy) → decode. Generated clients are thin wrappers that name each endpoint.

use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderValue};
use secrecy::ExposeSecret;
use tracing::Instrument;

use crate::runtime::answer::decode_answer_in;
use crate::runtime::charset;
use crate::runtime::client_builder::Auth;
use crate::runtime::client_fields::ClientFields;
use crate::runtime::endpoint::{Endpoint, HttpMethod, Parts, TransportKind};
use crate::runtime::error::{Error, VendorCode};
use crate::runtime::json;
use crate::runtime::keyed::Keyed;
use crate::runtime::node::Node;
use crate::runtime::retry::{Decision, Failure, RetryPolicy, decide};
use crate::runtime::urlencoded;
use crate::runtime::validate::{Clock, Validate, ValidationContext};
#[cfg(feature = "__xml")]
use crate::runtime::xml;

/// What every generated client holds.
#[derive(Debug, Clone)]
pub struct Core {
    pub(crate) http: reqwest::Client,
    pub(crate) base_url: String,
    pub(crate) auth: Auth,
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
        // The fields the client supplies, where the request does not set them.
        let filled;
        let request = match E::with_client_fields(request, &self.client_fields) {
            Some(r) => {
                filled = r;
                &filled
            }
            None => request,
        };
        // A key made here is reused by every retry of this call: the vendor sees one operation.
        let keyed;
        let request = if E::GENERATES_IDEMPOTENCY_KEY && E::idempotency_key(request).is_none() {
            keyed = E::with_idempotency_key(request, uuid::Uuid::new_v4().to_string());
            &keyed
        } else {
            request
        };
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
    /// per the policy where that is safe.
    async fn send<E: Endpoint>(&self, request: &E::Request) -> Result<E::Output, Error<E::Code>> {
        request
            .validate(&ValidationContext::new(self.clock.clone()))
            .map_err(Error::InvalidRequest)?;
        let mut parts = E::parts(request);
        if E::TRANSPORT == TransportKind::QueryGet
            && let Some(body) = parts.body.take()
        {
            // Every parameter travels in the query string, in the spec's order.
            parts
                .query
                .extend(urlencoded::query_pairs(&body, E::BOOL_TEXT));
        }
        // A value HTTP cannot carry (a control character) is refused here: dropping the header
        // would send a mutation without its idempotency key or audit id.
        let bad_headers: Vec<_> = parts
            .headers
            .iter()
            .filter(|h| HeaderValue::from_str(&h.value).is_err())
            .map(|h| crate::runtime::validate::Violation {
                path: h.name.to_string(),
                rule: "must be a valid HTTP header value (no control characters)".into(),
            })
            .collect();
        if !bad_headers.is_empty() {
            return Err(Error::InvalidRequest(crate::runtime::validate::Violations(
                bad_headers,
            )));
        }
        let body = match &parts.body {
            Some(node) => Some(self.encode_body::<E>(node).map_err(|e| {
                Error::InvalidRequest(crate::runtime::validate::Violations(vec![
                    crate::runtime::validate::Violation {
                        path: String::new(),
                        rule: format!("could not be encoded: {e}"),
                    },
                ]))
            })?),
            None => None,
        };
        let retry_safe =
            E::READ_ONLY || E::idempotency_key(request).is_some_and(|k| !k.trim().is_empty());
        let timeout = self.timeout.unwrap_or(E::TIMEOUT);
        let charsets = (E::answer_charset(request), E::request_charset(request));
        let mut secrets = E::secrets(request);
        secrets.push(self.auth.secret());

        let mut attempt = 1;
        loop {
            tracing::debug!(attempt, "sending");
            let result = self
                .attempt::<E>(&parts, body.as_deref(), timeout, &secrets, charsets)
                .await;
            let decision = match &result {
                Ok(_) => Decision::GiveUp,
                Err(e) => decide(&self.retry, attempt, failure_of(e), retry_safe),
            };
            match decision {
                Decision::RetryAfter(wait) => {
                    tracing::warn!(attempt, ?wait, "retrying");
                    tokio::time::sleep(wait).await;
                    attempt += 1;
                }
                Decision::GiveUp => {
                    tracing::Span::current().record("attempts", attempt);
                    // A documented business code is an answer, not a fault: DEBUG; transport
                    // failures, timeouts and undocumented codes: WARN.
                    match &result {
                        Err(e @ Error::Api(a)) if a.code.is_documented() => {
                            tracing::debug!(error = %e, "vendor answered a documented error code");
                        }
                        Err(e) => tracing::warn!(error = %e, "call failed"),
                        Ok(_) => {}
                    }
                    return result;
                }
            }
        }
    }

    async fn attempt<E: Endpoint>(
        &self,
        parts: &Parts,
        body: Option<&str>,
        timeout: Duration,
        secrets: &[&str],
        (answer_charset, request_charset): (
            Option<(&'static str, &'static str)>,
            Option<&'static str>,
        ),
    ) -> Result<E::Output, Error<E::Code>> {
        let method = match E::METHOD {
            HttpMethod::Get => reqwest::Method::GET,
            HttpMethod::Post => reqwest::Method::POST,
            HttpMethod::Put => reqwest::Method::PUT,
            HttpMethod::Patch => reqwest::Method::PATCH,
            HttpMethod::Delete => reqwest::Method::DELETE,
        };
        // Query values are percent-encoded from the charset the vendor reads them in (UTF-8
        // unless the spec says otherwise: windows-1255 for Hebrew on Hyp Pay).
        let mut url = format!("{}{}", self.base_url, parts.path);
        if !parts.query.is_empty() {
            let encoding = request_charset
                .and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes()))
                .unwrap_or(encoding_rs::UTF_8);
            url.push('?');
            url.push_str(&urlencoded::encode_query(&parts.query, encoding));
        }
        let mut rb = self
            .http
            .request(method, url)
            .timeout(timeout)
            .header(ACCEPT, "application/json");
        for h in &parts.headers {
            if let Ok(mut value) = HeaderValue::from_str(&h.value) {
                value.set_sensitive(h.sensitive);
                rb = rb.header(h.name, value);
            }
        }
        if let Some(body) = body {
            let content_type = match E::TRANSPORT {
                TransportKind::FormXml => "application/x-www-form-urlencoded",
                TransportKind::JsonPost | TransportKind::RestJson | TransportKind::QueryGet => {
                    "application/json"
                }
            };
            rb = rb.header(CONTENT_TYPE, content_type).body(body.to_string());
        }
        if let Auth::Bearer(token) = &self.auth
            && let Ok(mut value) =
                HeaderValue::from_str(&format!("Bearer {}", token.expose_secret()))
        {
            value.set_sensitive(true);
            rb = rb.header(AUTHORIZATION, value);
        }
        let response = rb
            .send()
            .await
            .map_err(|e| transport_error::<E>(e, timeout))?;
        let status = response.status().as_u16();
        let content_type = response
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let bytes = response
            .bytes()
            .await
            .map_err(|e| transport_error::<E>(e, timeout))?;
        let encoding = charset::choose(
            answer_charset.map(|(chosen, _)| chosen),
            content_type.as_deref(),
            E::XML.is_some().then_some(&bytes[..]),
        );
        // An answer not valid in the charset a request flag chose comes in the documented
        // default (Hyp Pay: windows-1255 `errMsg` despite `UTF8out=True`).
        let fallback = answer_charset
            .and_then(|(_, default)| encoding_rs::Encoding::for_label(default.as_bytes()));
        let encoding = match fallback {
            Some(f)
                if encoding
                    .decode_without_bom_handling_and_without_replacement(&bytes)
                    .is_none() =>
            {
                f
            }
            _ => encoding,
        };
        let text = encoding.decode(&bytes).0.into_owned();
        decode_answer_in::<E>(status, &text, secrets, (encoding, fallback))
    }

    /// The request body: JSON, or for `FormXml` the XML envelope URL-encoded into its form
    /// field beside the credentials.
    fn encode_body<E: Endpoint>(&self, node: &Node) -> Result<String, String> {
        let Some(spec) = E::XML else {
            return json::to_string(node).map_err(|e| e.to_string());
        };
        #[cfg(feature = "__xml")]
        return self.encode_form_xml::<E>(node, spec);
        // Built without an API that speaks XML: no endpoint declares an XML envelope.
        #[cfg(not(feature = "__xml"))]
        {
            let _ = spec;
            Err("this build of hyp-api has no XML codec (enable the API's feature)".into())
        }
    }

    /// The XML envelope URL-encoded into its form field beside the credentials.
    #[cfg(feature = "__xml")]
    fn encode_form_xml<E: Endpoint>(
        &self,
        node: &Node,
        spec: crate::runtime::endpoint::XmlSpec,
    ) -> Result<String, String> {
        let document = xml::request_document(node, E::ENVELOPE_FIELDS, &spec, E::WIRE);
        let text = xml::to_string(&document, E::BOOL_TEXT).map_err(|e| e.to_string())?;
        let mut form = form_urlencoded::Serializer::new(String::new());
        if let Auth::FormFields {
            user_field,
            user,
            password_field,
            password,
        } = &self.auth
        {
            form.append_pair(user_field, user);
            form.append_pair(password_field, password.expose_secret());
        }
        form.append_pair(spec.form_field, &text);
        Ok(form.finish())
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
