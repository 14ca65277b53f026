//! One pass from an answer's text straight into the generated types, per wire format (JSON
//! through serde, XML through quick-xml events, URL-encoded pairs), with the envelope's code
//! picked up on the way. An answer it does not accept is a [`Failure`] naming where and why
//! (see [`crate::runtime::fields`]).

use encoding_rs::Encoding;

#[cfg(any(feature = "__json", feature = "__xml"))]
use crate::runtime::codec::FromNode;
use crate::runtime::endpoint::{EnvelopeSpec, XmlSpec};
#[cfg(any(feature = "__json", feature = "__xml", feature = "__form"))]
use crate::runtime::fields::Envelope;
use crate::runtime::fields::Failure;
#[cfg(feature = "__form")]
use crate::runtime::form_in::{self, FormFields};
#[cfg(feature = "__json")]
use crate::runtime::json_in::{self, Cx, JsonFields};
#[cfg(any(feature = "__json", feature = "__xml", feature = "__form"))]
use crate::runtime::node::DecodeError;
#[cfg(any(feature = "__json", feature = "__xml"))]
use crate::runtime::node::{MapReader, Node};
#[cfg(feature = "__xml")]
use crate::runtime::xml_in::{self, XmlFields};

/// An answer as received, with what its endpoint says about reading it.
#[derive(Clone, Copy)]
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

#[cfg(any(feature = "__json", feature = "__xml", feature = "__form"))]
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

    /// The code of an answer that has no envelope fields (a list): `code_when_missing`, for a
    /// success status only.
    #[cfg(any(feature = "__json", feature = "__xml"))]
    fn codeless(&self) -> Result<(i64, Option<String>), Failure> {
        self.envelope
            .and_then(|spec| spec.code_when_missing)
            .filter(|_| (200..300).contains(&self.status))
            .map(|c| (c, None))
            .ok_or_else(|| Box::new(DecodeError::new("the answer has no code")))
    }

    /// An API without the envelope a format's decoder needs.
    fn no_envelope() -> Failure {
        Box::new(DecodeError::new("the API declares no code envelope"))
    }
}

/// A JSON object answer.
#[cfg(feature = "__json")]
pub fn json<T: JsonFields>(a: &Received) -> Decoded<T> {
    let mut cx = Cx::new(a.envelope());
    // An empty answer (a REST 201 or 409 may carry none) is an empty object.
    let text = if crate::runtime::fields::blank(a.text) {
        "{}"
    } else {
        a.text
    };
    let value = json_in::answer::<T>(text, &mut cx)?;
    let (code, message) = a.settle(cx.envelope)?;
    Ok((code, message, value))
}

/// A JSON answer of an endpoint that may still fail in `key=value` form (Hyp Pay): text that
/// is not JSON (blank text included) is read as URL-encoded pairs.
#[cfg(all(feature = "__json", feature = "__form"))]
pub fn json_or_form<T: JsonFields + FormFields>(a: &Received) -> Decoded<T> {
    if crate::runtime::fields::blank(a.text) {
        return form(a);
    }
    match json(a) {
        Err(_) if json_in::well_formed(a.text).is_err() => form(a),
        other => other,
    }
}

/// The code and message of an answer whose response did not decode (the response itself is
/// not read): the JSON envelope's, or the HTTP status where the API has no envelope. An answer
/// that is not JSON (nested past the bound included), or whose envelope does not read, is an
/// error first, as the answer's structure is checked before its contents.
#[cfg(feature = "__json")]
pub fn json_code(a: &Received) -> Result<(i64, Option<String>), Failure> {
    let raw = json_in::well_formed(a.text)?;
    if a.envelope.is_none() {
        return Ok((i64::from(a.status), None));
    }
    if !raw.get().starts_with('{') {
        return a.codeless();
    }
    let mut cx = Cx::new(a.envelope());
    json_in::answer::<json_in::Nothing>(raw.get(), &mut cx)?;
    a.settle(cx.envelope)
}

/// The code and message of a URL-encoded answer whose response did not decode.
#[cfg(feature = "__form")]
pub fn form_code(a: &Received) -> Result<(i64, Option<String>), Failure> {
    a.envelope.ok_or_else(Received::no_envelope)?;
    let (_, envelope) = form_in::answer::<form_in::Nothing>(a.text, a.charset, a.envelope())?;
    a.settle(envelope)
}

/// A JSON answer that is one list of objects (of an endpoint that may still fail in
/// `key=value` form, as [`json_or_form`]). A JSON object's values are read as the items (its
/// envelope fields are read as the envelope too); a list carries no code, which means
/// `code_when_missing` for a success status. Pairs are not objects: only an answer without
/// any reads as a list (an empty one).
#[cfg(all(feature = "__json", feature = "__form"))]
pub fn list<T: JsonFields>(a: &Received) -> Decoded<Vec<T>> {
    if crate::runtime::fields::blank(a.text) || json_in::well_formed(a.text).is_err() {
        let (code, message) = form_code(a)?;
        if crate::runtime::urlencoded::pairs(a.text).next().is_some() {
            let e = crate::runtime::fields::wrong_kind("an object", "a string");
            return Err(crate::runtime::fields::at(e, "[0]"));
        }
        return Ok((code, message, Vec::new()));
    }
    let mut cx = Cx::new(a.envelope());
    let items = json_in::list::<T>(a.text, &mut cx)?;
    let (code, message) = if a.text.trim_start().starts_with('[') {
        a.codeless()?
    } else {
        json_code(a)?
    };
    Ok((code, message, items))
}

/// The code and message in an envelope read as a [`Node`] (an answer kept whole): a node that
/// is not a map has no envelope fields, which means `code_when_missing` for a success status.
#[cfg(any(feature = "__json", feature = "__xml"))]
pub fn node_code(node: &Node, a: &Received) -> Result<(i64, Option<String>), Failure> {
    let spec = a.envelope.ok_or_else(Received::no_envelope)?;
    let when_missing = spec
        .code_when_missing
        .filter(|_| (200..300).contains(&a.status));
    let Ok(reader) = MapReader::new(node) else {
        return a.codeless();
    };
    let code = reader.optional(spec.code, true, i64::from_node)?;
    let code = code
        .or(when_missing)
        .ok_or_else(|| Box::new(DecodeError::new("required field is missing").within(spec.code)))?;
    let message = reader.optional(spec.message, false, String::from_node)?;
    Ok((code, message))
}

/// A JSON answer kept whole, as received: blank text is an empty object; text that is not JSON
/// is kept as a string where the status is the code (REST), unless a success status comes with
/// an HTML page or JSON cut short (an error, see `answer`).
#[cfg(feature = "__json")]
pub fn raw_json(a: &Received) -> Decoded<Node> {
    let success = (200..300).contains(&a.status);
    let node = if crate::runtime::fields::blank(a.text) {
        Node::Map(Vec::new())
    } else {
        match crate::runtime::json::parse(a.text) {
            Ok(node) => node,
            Err(e) if a.envelope.is_some() => return Err(Box::new(e)),
            Err(e)
                if success
                    && (crate::runtime::urlencoded::is_html(a.text)
                        || a.text.trim_start().starts_with(['{', '['])) =>
            {
                return Err(Box::new(e));
            }
            Err(_) => Node::Str(a.text.to_string()),
        }
    };
    let (code, message) = match a.envelope {
        Some(_) => node_code(&node, a)?,
        None => (i64::from(a.status), None),
    };
    Ok((code, message, crate::runtime::redact::scrub_value(node)))
}

/// An XML answer kept whole: the envelope's fields and the command element's children.
#[cfg(feature = "__xml")]
pub fn raw_xml(a: &Received) -> Decoded<Node> {
    let (spec, command) = a.xml.ok_or_else(crate::runtime::fields::unsupported)?;
    let (envelope, merged) = crate::runtime::xml::answer_parts(a.text, &spec, command)?;
    let (code, message) = node_code(&envelope, a)?;
    Ok((code, message, crate::runtime::redact::scrub_value(merged)))
}

/// An XML answer of an API with an envelope.
#[cfg(feature = "__xml")]
pub fn xml<T: XmlFields>(a: &Received) -> Decoded<T> {
    let (spec, command) = a.xml.ok_or_else(crate::runtime::fields::unsupported)?;
    a.envelope.ok_or_else(Received::no_envelope)?;
    let (value, envelope) = xml_in::answer::<T>(a.text, &spec, command, a.envelope())?;
    let (code, message) = a.settle(envelope)?;
    Ok((code, message, value))
}

/// The code and message of an XML answer whose response did not decode (the response itself
/// is not read; the document and the envelope are checked as [`xml`] checks them).
#[cfg(feature = "__xml")]
pub fn xml_code(a: &Received) -> Result<(i64, Option<String>), Failure> {
    let (spec, command) = a.xml.ok_or_else(crate::runtime::fields::unsupported)?;
    a.envelope.ok_or_else(Received::no_envelope)?;
    let envelope = xml_in::envelope(a.text, &spec, command, a.envelope())?;
    a.settle(envelope)
}

/// A URL-encoded answer of an API with an envelope.
#[cfg(feature = "__form")]
pub fn form<T: FormFields>(a: &Received) -> Decoded<T> {
    a.envelope.ok_or_else(Received::no_envelope)?;
    let (value, envelope) = form_in::answer::<T>(a.text, a.charset, a.envelope())?;
    let (code, message) = a.settle(envelope)?;
    Ok((code, message, value))
}
