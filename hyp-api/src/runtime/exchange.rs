//! The part of a call that is the same for every endpoint, compiled once: the request put on
//! the wire (query string, headers, body), the attempts with the retry policy, and each answer
//! read into text in its charset. [`Core::call`](crate::Core::call) is generic over the
//! endpoint only where the types differ (the request's fields, the typed output and error):
//! it hands this module plain values and a `&mut dyn FnMut` that decodes one answer.

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderName, HeaderValue};
#[cfg(feature = "__xml")]
use secrecy::ExposeSecret;

use crate::runtime::charset;
use crate::runtime::client::Core;
#[cfg(feature = "__xml")]
use crate::runtime::client_builder::Auth;
use crate::runtime::endpoint::{Body, HttpMethod, Parts, TransportKind, XmlSpec};
use crate::runtime::retry::{Decision, Failure, decide};
use crate::runtime::urlencoded;
use crate::runtime::validate::{Violation, Violations};
#[cfg(feature = "__xml")]
use crate::runtime::xml;

/// What the runtime needs to know of an endpoint to send its requests (its `Endpoint`
/// constants, as values).
#[derive(Debug, Clone, Copy)]
pub struct Route {
    /// The vendor's name for the function (read by the XML encoder only).
    #[cfg_attr(not(feature = "__xml"), allow(dead_code))]
    pub wire: &'static str,
    /// How the API's requests travel.
    pub transport: TransportKind,
    /// The HTTP method.
    pub method: HttpMethod,
    /// The XML envelope, for `FormXml` APIs.
    pub xml: Option<XmlSpec>,
    /// Request fields that go in the envelope rather than the command element (XML only).
    #[cfg_attr(not(feature = "__xml"), allow(dead_code))]
    pub envelope_fields: &'static [&'static str],
    /// How `true` and `false` are written where the wire has no booleans of its own.
    pub bool_text: (&'static str, &'static str),
}

/// One request, encoded and ready to send as often as the retry policy allows.
pub struct Prepared<'a> {
    method: HttpMethod,
    transport: TransportKind,
    /// The API speaks XML (its answers may declare their charset).
    xml: bool,
    parts: Parts,
    body: Option<String>,
    /// The client-side timeout of each attempt.
    pub timeout: Duration,
    /// The charset the vendor answers in, where the spec says, and its documented default.
    answer_charset: Option<(&'static str, &'static str)>,
    /// The charset the vendor reads query-string values in, where the spec says.
    request_charset: Option<&'static str>,
    /// Whether the call may be retried after a failure that may have reached the vendor.
    retry_safe: bool,
    /// The secret values of the call (the request's and the client's credential).
    pub secrets: Vec<&'a str>,
}

impl Prepared<'_> {
    /// The answer's body as text, in the charset the spec, the Content-Type or the XML
    /// declaration names.
    fn reply(&self, status: u16, content_type: Option<&str>, bytes: Vec<u8>) -> Reply {
        let encoding = charset::choose(
            self.answer_charset.map(|(chosen, _)| chosen),
            content_type,
            self.xml.then_some(&bytes[..]),
        );
        // An answer not valid in the charset a request flag chose comes in the documented
        // default (Hyp Pay: windows-1255 `errMsg` despite `UTF8out=True`).
        let fallback = self
            .answer_charset
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
        // UTF-8 without a byte order mark is the text as it came (what `decode` would give,
        // without a copy); anything else is decoded, a mark choosing the charset.
        let plain_utf8 =
            encoding == encoding_rs::UTF_8 && encoding_rs::Encoding::for_bom(&bytes).is_none();
        let text = match String::from_utf8(bytes) {
            Ok(text) if plain_utf8 => text,
            Ok(text) => encoding.decode(text.as_bytes()).0.into_owned(),
            Err(e) => encoding.decode(e.as_bytes()).0.into_owned(),
        };
        Reply {
            status,
            text,
            encoding,
            fallback,
        }
    }
}

/// One answer, as text in its charset.
pub struct Reply {
    /// The HTTP status.
    pub status: u16,
    /// The body, decoded from its charset.
    pub text: String,
    /// The charset the body was decoded from.
    pub encoding: &'static encoding_rs::Encoding,
    /// The documented default charset, where the spec names one.
    pub fallback: Option<&'static encoding_rs::Encoding>,
}

/// Decodes one attempt's answer (or its transport failure) and says how it bears on retrying:
/// `None` when the call is done with a result.
pub type Judge<'a> =
    dyn FnMut(Result<Reply, reqwest::Error>, Duration) -> Option<Failure> + Send + 'a;

impl Core {
    /// Puts a request's parts on the wire: the body's fields in the query string for `QueryGet`,
    /// the body as JSON or as the XML envelope in its form field, header values checked.
    pub(crate) fn prepare<'a>(
        &'a self,
        route: &Route,
        mut parts: Parts,
        charsets: (Option<(&'static str, &'static str)>, Option<&'static str>),
        timeout: Duration,
        retry_safe: bool,
        mut secrets: Vec<&'a str>,
    ) -> Result<Prepared<'a>, Violations> {
        if route.transport == TransportKind::QueryGet
            && let Some(Body::Tree(body)) = parts.body.take()
        {
            // Every parameter travels in the query string, in the spec's order.
            parts
                .query
                .extend(urlencoded::query_pairs(&body, route.bool_text));
        }
        // A value HTTP cannot carry (a control character) is refused here: dropping the header
        // would send a mutation without its idempotency key or audit id. (Names are the spec's;
        // one HTTP could not carry would be refused the same way.)
        let mut bad_headers = Violations::default();
        for h in &parts.headers {
            let rule = if HeaderName::from_bytes(h.name.as_bytes()).is_err() {
                "must be a valid HTTP header name"
            } else if HeaderValue::from_str(&h.value).is_err() {
                "must be a valid HTTP header value (no control characters)"
            } else {
                continue;
            };
            bad_headers.0.push(Violation {
                path: h.name.to_string(),
                rule: rule.into(),
            });
        }
        if !bad_headers.is_empty() {
            return Err(bad_headers);
        }
        let body = match parts.body.take() {
            Some(Body::Tree(node)) => Some(self.encode_body(route, &node)),
            Some(Body::Json(text)) => Some(text),
            None => None,
        };
        let body = body.transpose().map_err(|e| {
            Violations(vec![Violation {
                path: String::new(),
                rule: format!("could not be encoded: {e}"),
            }])
        })?;
        secrets.push(self.auth.secret());
        Ok(Prepared {
            method: route.method,
            transport: route.transport,
            xml: route.xml.is_some(),
            parts,
            body,
            timeout,
            answer_charset: charsets.0,
            request_charset: charsets.1,
            retry_safe,
            secrets,
        })
    }

    /// Sends `call` and hands each answer to `judge`, retrying per the policy where that is
    /// safe: the number of attempts made.
    pub(crate) fn exchange<'s>(
        &'s self,
        call: &'s Prepared<'_>,
        judge: &'s mut Judge<'_>,
    ) -> Pin<Box<dyn Future<Output = u32> + Send + 's>> {
        Box::pin(async move {
            let mut attempt = 1;
            loop {
                tracing::debug!(attempt, "sending");
                let failure = judge(self.attempt(call).await, call.timeout);
                let decision = match failure {
                    None => Decision::GiveUp,
                    Some(f) => decide(&self.retry, attempt, f, call.retry_safe),
                };
                match decision {
                    Decision::RetryAfter(wait) => {
                        tracing::warn!(attempt, ?wait, "retrying");
                        tokio::time::sleep(wait).await;
                        attempt += 1;
                    }
                    Decision::GiveUp => return attempt,
                }
            }
        })
    }

    /// One attempt: the answer's status and text, or what kept it from arriving. Only the
    /// awaits are here: what is built before and read after is in plain functions, so the
    /// future holds (and its states drop) as little as possible.
    async fn attempt(&self, call: &Prepared<'_>) -> Result<Reply, reqwest::Error> {
        let mut response = self.request(call).send().await?;
        let status = response.status().as_u16();
        let content_type = response
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        // Chunk by chunk, not `Response::bytes`: that collects through http-body-util's
        // `Collected` (a queue of buffers, trailers into a `HeaderMap`), compiled into every
        // build for this one call. The client's timeout covers the body either way.
        let mut bytes = Vec::new();
        while let Some(chunk) = response.chunk().await? {
            bytes.extend_from_slice(&chunk);
        }
        Ok(call.reply(status, content_type.as_deref(), bytes))
    }

    /// The attempt's request: method, URL with its query string, headers and body.
    fn request(&self, call: &Prepared<'_>) -> reqwest::RequestBuilder {
        let method = match call.method {
            HttpMethod::Get => reqwest::Method::GET,
            HttpMethod::Post => reqwest::Method::POST,
            HttpMethod::Put => reqwest::Method::PUT,
            HttpMethod::Patch => reqwest::Method::PATCH,
            HttpMethod::Delete => reqwest::Method::DELETE,
        };
        let parts = &call.parts;
        // Query values are percent-encoded from the charset the vendor reads them in (UTF-8
        // unless the spec says otherwise: windows-1255 for Hebrew on Hyp Pay). The base URL was
        // parsed when the client was built: the path and query are set on a copy of it.
        let query = (!parts.query.is_empty()).then(|| {
            let encoding = call
                .request_charset
                .and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes()))
                .unwrap_or(encoding_rs::UTF_8);
            urlencoded::encode_query(&parts.query, encoding)
        });
        let url = self.base_url.join(&parts.path, query.as_deref());
        // Every header is added as one (name, value) type: `header` is generic over both, and
        // each pair of types would be compiled again.
        let mut rb = self
            .http
            .request(method, url)
            .timeout(call.timeout)
            .header(ACCEPT, HeaderValue::from_static("application/json"));
        for h in &parts.headers {
            if let (Ok(name), Ok(mut value)) = (
                HeaderName::from_bytes(h.name.as_bytes()),
                HeaderValue::from_str(&h.value),
            ) {
                value.set_sensitive(h.sensitive);
                rb = rb.header(name, value);
            }
        }
        if let Some(body) = &call.body {
            let content_type = match call.transport {
                TransportKind::FormXml => "application/x-www-form-urlencoded",
                TransportKind::JsonPost | TransportKind::RestJson | TransportKind::QueryGet => {
                    "application/json"
                }
            };
            rb = rb
                .header(CONTENT_TYPE, HeaderValue::from_static(content_type))
                .body(body.clone());
        }
        if let Some(value) = &self.authorization {
            rb = rb.header(AUTHORIZATION, value.clone());
        }
        rb
    }

    /// The request body: JSON, or for `FormXml` the XML envelope URL-encoded into its form
    /// field beside the credentials.
    fn encode_body(
        &self,
        route: &Route,
        node: &crate::runtime::node::Node,
    ) -> Result<String, String> {
        let Some(spec) = route.xml else {
            #[cfg(feature = "__json")]
            return crate::runtime::json::to_string(node).map_err(|e| e.to_string());
            // Built without an API that speaks JSON: every endpoint's body is XML.
            #[cfg(not(feature = "__json"))]
            {
                let _ = node;
                return Err(
                    "this build of hyp-api has no JSON codec (enable the API's feature)".into(),
                );
            }
        };
        #[cfg(feature = "__xml")]
        return self.encode_form_xml(route, node, spec);
        // Built without an API that speaks XML: no endpoint declares an XML envelope.
        #[cfg(not(feature = "__xml"))]
        {
            let _ = spec;
            Err("this build of hyp-api has no XML codec (enable the API's feature)".into())
        }
    }

    /// The XML envelope URL-encoded into its form field beside the credentials.
    #[cfg(feature = "__xml")]
    fn encode_form_xml(
        &self,
        route: &Route,
        node: &crate::runtime::node::Node,
        spec: XmlSpec,
    ) -> Result<String, String> {
        let document = xml::request_document(node, route.envelope_fields, &spec, route.wire);
        let text = xml::to_string(&document, route.bool_text).map_err(|e| e.to_string())?;
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
