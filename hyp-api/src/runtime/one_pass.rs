//! One pass from an answer's text straight into the generated types, per wire format (JSON
//! through serde, XML through quick-xml events, URL-encoded pairs), with the envelope's code
//! picked up on the way. An answer it does not accept is a [`Failure`] naming where and why
//! (see [`crate::runtime::fields`]).

use encoding_rs::Encoding;

use crate::runtime::endpoint::{EnvelopeSpec, XmlSpec};
use crate::runtime::fields::{Envelope, Failure};
use crate::runtime::form_in::{self, FormFields};
use crate::runtime::json_in::{self, Cx, JsonFields};
use crate::runtime::node::DecodeError;
#[cfg(feature = "__xml")]
use crate::runtime::xml_in::{self, XmlFields};

/// An answer as received, with what its endpoint says about reading it.
pub struct Received<'a> {
    /// The HTTP status.
    pub status: u16,
    /// The answer decoded from its charset.
    pub text: &'a str,
    /// The charset escaped bytes of a URL-encoded answer are in, and its fallback.
    pub charset: (&'static Encoding, Option<&'static Encoding>),
    /// Where the API's answers carry their code and message.
    pub envelope: Option<EnvelopeSpec>,
    /// The XML envelope and the command element's name.
    pub xml: Option<(XmlSpec, &'static str)>,
}

/// The code, the message and the response, or why the answer did not decode.
pub type Decoded<R> = Result<(i64, Option<String>, R), Failure>;

impl Received<'_> {
    fn envelope(&self) -> Envelope {
        Envelope::new(self.envelope.map(|e| (e.code, e.message)))
    }

    /// The answer's code: the envelope's; without one in the answer, `code_when_missing` for a
    /// success status; without an envelope, the HTTP status.
    fn settle(&self, envelope: Envelope) -> Result<(i64, Option<String>), Failure> {
        let (code, message) = envelope.finish();
        let Some(spec) = self.envelope else {
            return Ok((i64::from(self.status), None));
        };
        let code = code.or(spec
            .code_when_missing
            .filter(|_| (200..300).contains(&self.status)));
        match code {
            Some(code) => Ok((code, message)),
            None => Err(Box::new(
                DecodeError::new("required field is missing").within(spec.code),
            )),
        }
    }

    /// An API without the envelope a format's decoder needs.
    fn no_envelope() -> Failure {
        Box::new(DecodeError::new("the API declares no code envelope"))
    }
}

/// A JSON object answer.
pub fn json<T: JsonFields>(a: &Received) -> Decoded<T> {
    let mut cx = Cx::new(a.envelope());
    let value = json_in::answer::<T>(a.text, &mut cx)?;
    let (code, message) = a.settle(cx.envelope)?;
    Ok((code, message, value))
}

/// An XML answer of an API with an envelope.
#[cfg(feature = "__xml")]
pub fn xml<T: XmlFields>(a: &Received) -> Decoded<T> {
    let (spec, command) = a.xml.ok_or_else(crate::runtime::fields::fallback)?;
    a.envelope.ok_or_else(Received::no_envelope)?;
    let (value, envelope) = xml_in::answer::<T>(a.text, &spec, command, a.envelope())?;
    let (code, message) = a.settle(envelope)?;
    Ok((code, message, value))
}

/// A URL-encoded answer of an API with an envelope.
pub fn form<T: FormFields>(a: &Received) -> Decoded<T> {
    a.envelope.ok_or_else(Received::no_envelope)?;
    let (value, envelope) = form_in::answer::<T>(a.text, a.charset, a.envelope())?;
    let (code, message) = a.settle(envelope)?;
    Ok((code, message, value))
}
