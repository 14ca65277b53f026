//! Answers → typed outputs: find the code (in a JSON or XML envelope, or the HTTP status), let
//! the endpoint decode its outcome, or make the error. Everything kept from an answer for the
//! caller is scrubbed of the call's secrets: a vendor may echo what it was sent.

use crate::runtime::endpoint::{AnswerFormat, Endpoint, TransportKind};
use crate::runtime::error::{ApiError, Error, VendorCode};
use crate::runtime::fields::{self, Failure};
#[cfg(feature = "__json")]
use crate::runtime::json_in;
use crate::runtime::node::DecodeError;
use crate::runtime::{one_pass, urlencoded};

/// One answer as received.
struct Answer<'a> {
    status: u16,
    text: &'a str,
    secrets: &'a [&'a str],
}

impl Answer<'_> {
    /// The answer did not decode: `cause` says where and why (secrets removed).
    fn undecodable<E: Endpoint>(&self, cause: impl Into<DecodeError>) -> Error<E::Code> {
        let cause = cause.into();
        let source = DecodeError {
            path: redact(&cause.path, self.secrets),
            reason: redact(&cause.reason, self.secrets),
        };
        Error::Decode {
            endpoint: E::WIRE,
            http_status: self.status,
            body: redact(self.text, self.secrets),
            idempotency_key: None,
            source,
        }
    }

    /// An HTML page where the API's answer was due (a system-error page, a proxy's page).
    fn page<E: Endpoint>(&self) -> Error<E::Code> {
        Error::VendorPage {
            endpoint: E::WIRE,
            http_status: self.status,
            body: redact(self.text, self.secrets),
            idempotency_key: None,
        }
    }

    /// The endpoint's outcome (`output`, decoded for an outcome's code), or the typed error
    /// for an error code.
    fn finish<E: Endpoint>(
        &self,
        code: i64,
        message: Option<String>,
        output: Option<E::Output>,
    ) -> Result<E::Output, Error<E::Code>> {
        match output {
            // An outcome without a field the spec says it carries is not a result.
            Some(output) => match E::check_success(&output) {
                Ok(()) => Ok(output),
                Err(e) => Err(self.undecodable::<E>(e)),
            },
            None => {
                let code = E::code(code);
                // An undocumented code on a call that moves money proves nothing either way.
                let outcome_unknown = VendorCode::outcome_unknown(&code)
                    || (E::MOVES_MONEY && !VendorCode::is_documented(&code));
                Err(Error::Api(Box::new(ApiError {
                    endpoint: E::WIRE,
                    code,
                    message: message.map(|m| redact(&m, self.secrets)),
                    http_status: self.status,
                    body: redact(self.text, self.secrets),
                    outcome_unknown,
                    idempotency_key: None,
                    details: crate::runtime::details::read::<E>(self.text, self.secrets),
                })))
            }
        }
    }
}

/// The code and message of an XML answer whose response did not decode.
fn xml_code(a: &one_pass::Received) -> Result<(i64, Option<String>), Failure> {
    #[cfg(feature = "__xml")]
    return one_pass::xml_code(a);
    #[cfg(not(feature = "__xml"))]
    no_codec(a, "XML")
}

/// The code and message of a JSON answer whose response did not decode.
fn json_code(a: &one_pass::Received) -> Result<(i64, Option<String>), Failure> {
    #[cfg(feature = "__json")]
    return one_pass::json_code(a);
    #[cfg(not(feature = "__json"))]
    no_codec(a, "JSON")
}

/// The code and message of a URL-encoded answer whose response did not decode.
fn form_code(a: &one_pass::Received) -> Result<(i64, Option<String>), Failure> {
    #[cfg(feature = "__form")]
    return one_pass::form_code(a);
    #[cfg(not(feature = "__form"))]
    no_codec(a, "URL-encoded")
}

/// Whether `text` is well-formed JSON (never, in a build without the JSON codec).
fn is_json(text: &str) -> bool {
    #[cfg(feature = "__json")]
    return json_in::well_formed(text).is_ok();
    #[cfg(not(feature = "__json"))]
    {
        let _ = text;
        false
    }
}

/// Built without the API feature that reads `format`: no endpoint of this build answers in it.
#[cfg(not(all(feature = "__xml", feature = "__json", feature = "__form")))]
fn no_codec(_: &one_pass::Received, format: &str) -> Result<(i64, Option<String>), Failure> {
    Err(Box::new(DecodeError::new(format!(
        "this build of hyp-api has no {format} codec (enable the API's feature)"
    ))))
}

/// Decodes one answer of endpoint `E`, given as UTF-8 text.
pub fn decode_answer<E: Endpoint>(
    status: u16,
    text: &str,
    secrets: &[&str],
) -> Result<E::Output, Error<E::Code>> {
    decode_answer_in::<E>(status, text, secrets, (encoding_rs::UTF_8, None))
}

/// Decodes one answer of endpoint `E`; percent-escaped bytes of a URL-encoded answer are text
/// in the first encoding, or the fallback where they are not valid in it.
pub fn decode_answer_in<E: Endpoint>(
    status: u16,
    text: &str,
    secrets: &[&str],
    (encoding, fallback): (
        &'static encoding_rs::Encoding,
        Option<&'static encoding_rs::Encoding>,
    ),
) -> Result<E::Output, Error<E::Code>> {
    let answer = Answer {
        status,
        text,
        secrets,
    };
    // Fields kept beyond the spec's (`unknown_fields`) lose the call's secrets as they decode.
    let _secrets = crate::runtime::redact::scope(secrets);
    // An HTML page is never the answer: every API whose code is in the body (JSON or XML
    // envelope, URL-encoded pairs) reports it as one; REST below, where the status is the code.
    if E::ENVELOPE.is_some() && urlencoded::is_html(text) {
        return Err(answer.page::<E>());
    }
    // One pass straight into the output.
    let received = one_pass::Received {
        status,
        text,
        charset: (encoding, fallback),
        envelope: E::ENVELOPE,
        xml: E::XML.map(|x| (x, E::WIRE)),
    };
    let failure = match E::decode_one_pass(&received) {
        Ok((code, message, output)) => return answer.finish::<E>(code, message, output),
        Err(failure) => failure,
    };
    answer.failed::<E>(&received, failure)
}

impl Answer<'_> {
    /// An answer whose response did not decode (`failure` says why): an error code's answer
    /// need not fit the success response, so the code is read on its own. An outcome's code
    /// (or an answer whose structure or envelope does not read) is undecodable.
    // Without the JSON codec (no REST reader) `failure` is only unboxed.
    #[cfg_attr(not(feature = "__json"), allow(clippy::boxed_local))]
    fn failed<E: Endpoint>(
        &self,
        a: &one_pass::Received,
        failure: Failure,
    ) -> Result<E::Output, Error<E::Code>> {
        let code = match (E::TRANSPORT, E::ANSWER, E::ENVELOPE) {
            (TransportKind::FormXml, ..) => xml_code(a),
            (TransportKind::QueryGet, AnswerFormat::Urlencoded, _) => form_code(a),
            (TransportKind::QueryGet, AnswerFormat::Json, _)
                if fields::blank(a.text) || !is_json(a.text) =>
            {
                form_code(a)
            }
            #[cfg(feature = "__json")]
            (_, _, None) => return self.rest_failed::<E>(a, failure),
            _ => json_code(a),
        };
        match code {
            Err(e) => Err(self.undecodable::<E>(*e)),
            Ok((code, _)) if E::is_outcome(code) => Err(self.undecodable::<E>(*failure)),
            Ok((code, message)) => self.finish::<E>(code, message, None),
        }
    }

    /// A REST answer (the status is the code) whose response did not decode. A body that is
    /// not JSON (a proxy's HTML page, a plain-text 409), or is only a JSON string, does not
    /// hide the status: the outcome is read from an empty object. A success status is not
    /// trusted that far: an HTML page with a 2xx is a page, not the outcome, and JSON cut short
    /// is undecodable (a money-moving call must not read as applied from either).
    #[cfg(feature = "__json")]
    fn rest_failed<E: Endpoint>(
        &self,
        a: &one_pass::Received,
        failure: Failure,
    ) -> Result<E::Output, Error<E::Code>> {
        let success = (200..300).contains(&self.status);
        let as_empty = match json_in::well_formed(a.text) {
            Err(_) if success && urlencoded::is_html(a.text) => return Err(self.page::<E>()),
            Err(e) if success && a.text.trim_start().starts_with(['{', '[']) => {
                return Err(self.undecodable::<E>(*e));
            }
            Err(_) => true,
            Ok(raw) => raw.get().starts_with('"'),
        };
        let failure = if as_empty {
            let empty = one_pass::Received { text: "{}", ..*a };
            match E::decode_one_pass(&empty) {
                Ok((code, message, output)) => return self.finish::<E>(code, message, output),
                Err(e) => e,
            }
        } else {
            failure
        };
        let code = i64::from(self.status);
        if E::is_outcome(code) {
            return Err(self.undecodable::<E>(*failure));
        }
        self.finish::<E>(code, None, None)
    }
}

/// Replaces every secret value in `text` with `[REDACTED]`: as sent, and in every form a vendor
/// may echo it (JSON-, XML-, percent- or form-escaped, character references, any mix).
pub fn redact(text: &str, secrets: &[&str]) -> String {
    crate::runtime::redact::redact(text, secrets)
}
