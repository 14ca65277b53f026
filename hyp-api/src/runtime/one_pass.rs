//! One pass from an answer's text straight into the generated types, per wire format (JSON
//! through serde, XML through quick-xml events, URL-encoded pairs), with the envelope's code
//! picked up on the way. `None` leaves the answer to the [`Node`](crate::Node) tree decoder
//! (see [`crate::runtime::fields`]).

use encoding_rs::Encoding;

use crate::runtime::endpoint::{EnvelopeSpec, XmlSpec};
use crate::runtime::fields::Envelope;
use crate::runtime::form_in::{self, FormFields};
use crate::runtime::json_in::{self, JsonFields};
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

/// The code, the message and the response, or `None` for the tree decoder.
pub type Decoded<R> = Option<(i64, Option<String>, R)>;

impl Received<'_> {
    fn envelope(&self) -> Envelope {
        Envelope::new(self.envelope.map(|e| (e.code, e.message)))
    }

    /// The answer's code: the envelope's; without one in the answer, `code_when_missing` for a
    /// success status; without an envelope, the HTTP status.
    fn settle(&self, envelope: Envelope) -> Option<(i64, Option<String>)> {
        let (code, message) = envelope.finish();
        let Some(spec) = self.envelope else {
            return Some((i64::from(self.status), None));
        };
        let code = code.or(spec
            .code_when_missing
            .filter(|_| (200..300).contains(&self.status)))?;
        Some((code, message))
    }
}

/// A JSON object answer.
pub fn json<T: JsonFields>(a: &Received) -> Decoded<T> {
    let mut envelope = a.envelope();
    let value = json_in::answer::<T>(a.text, &mut envelope).ok()?;
    let (code, message) = a.settle(envelope)?;
    Some((code, message, value))
}

/// An XML answer of an API with an envelope.
#[cfg(feature = "__xml")]
pub fn xml<T: XmlFields>(a: &Received) -> Decoded<T> {
    let (spec, command) = a.xml?;
    a.envelope?;
    let (value, envelope) = xml_in::answer::<T>(a.text, &spec, command, a.envelope()).ok()?;
    let (code, message) = a.settle(envelope)?;
    Some((code, message, value))
}

/// A URL-encoded answer of an API with an envelope.
pub fn form<T: FormFields>(a: &Received) -> Decoded<T> {
    a.envelope?;
    let (value, envelope) = form_in::answer::<T>(a.text, a.charset, a.envelope()).ok()?;
    let (code, message) = a.settle(envelope)?;
    Some((code, message, value))
}
