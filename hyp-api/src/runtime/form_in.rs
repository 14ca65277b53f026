//! The URL-encoded one-pass decoder's runtime: one pass over the `key=value` pairs, each key
//! and value unescaped in the answer's charset (settled once, before) and borrowed where there
//! is nothing to unescape. Generated structs implement [`FormFields`] with one `match` on the
//! key.
//!
//! Errors ([`Failure`], with the field's name as its path): a value that does not decode as its
//! field's type, a missing required field, text where an object or a list belongs (blank text
//! there is absent, or an empty list). Unknown keys are kept as text where the struct keeps
//! unknown fields; a repeated key's later values are ignored (the first counts). Bytes not
//! valid in the charset are read in the documented fallback charset.

use std::borrow::Cow;

use encoding_rs::Encoding;

use crate::runtime::fields::{Envelope, Failure};
use crate::runtime::node::Node;
use crate::runtime::urlencoded;

/// Implemented by generated structs: the fields of a URL-encoded answer.
pub trait FormFields: Sized {
    /// Reads every pair of `f`.
    fn read(f: &mut FormIn<'_>) -> Result<Self, Failure>;
}

type Pairs<'a> = Box<dyn Iterator<Item = (&'a str, &'a str)> + 'a>;

/// The pairs of one answer.
pub struct FormIn<'a> {
    pairs: Pairs<'a>,
    encoding: &'static Encoding,
    fallback: Option<&'static Encoding>,
    envelope: Envelope,
}

impl<'a> FormIn<'a> {
    /// The next pair, unescaped.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> Option<(Cow<'a, str>, Cow<'a, str>)> {
        let (k, v) = self.pairs.next()?;
        Some((
            urlencoded::decode(k, self.encoding, self.fallback),
            urlencoded::decode(v, self.encoding, self.fallback),
        ))
    }

    /// A pair the struct has no field for: the envelope's code or message, kept in `unknown`
    /// where the struct keeps unknown fields, else ignored.
    pub fn other(
        &mut self,
        key: Cow<'a, str>,
        value: Cow<'a, str>,
        unknown: Option<&mut Vec<(String, Node)>>,
    ) -> Result<(), Failure> {
        if self.envelope.is_envelope(&key) {
            return self.envelope.take(&key, Some(&value));
        }
        if let Some(unknown) = unknown {
            let node = Node::Str(value.into_owned());
            unknown.push(crate::runtime::redact::scrub_entry(key.into_owned(), node));
        }
        Ok(())
    }

    /// A pair the struct has no field for, where a field (`params`, wire name `.1`) holds every
    /// such pair, the envelope's included, in wire order; kept in `unknown` too (where the
    /// struct keeps unknown fields) unless it is the envelope's or named as that field.
    pub fn echo(
        &mut self,
        key: Cow<'a, str>,
        value: Cow<'a, str>,
        (params, wire): (&mut Vec<(String, String)>, &str),
        unknown: Option<&mut Vec<(String, Node)>>,
    ) -> Result<(), Failure> {
        let envelope = self.envelope.is_envelope(&key);
        if envelope {
            self.envelope.take(&key, Some(&value))?;
        }
        let (key, node) =
            crate::runtime::redact::scrub_entry(key.into_owned(), Node::Str(value.into_owned()));
        if let (Some(unknown), false) = (unknown, envelope || key == wire) {
            unknown.push((key.clone(), node.clone()));
        }
        params.push((key, crate::runtime::codec::param(&node)));
        Ok(())
    }
}

/// The answer `text` as `T`, with the envelope's code and message.
pub fn answer<T: FormFields>(
    text: &str,
    (encoding, fallback): (&'static Encoding, Option<&'static Encoding>),
    envelope: Envelope,
) -> Result<(T, Envelope), Failure> {
    let mut f = FormIn {
        pairs: Box::new(urlencoded::pairs(text)),
        encoding,
        fallback,
        envelope,
    };
    let value = T::read(&mut f)?;
    Ok((value, f.envelope))
}

/// The pairs read only for the envelope's code and message.
pub struct Nothing;

impl FormFields for Nothing {
    fn read(f: &mut FormIn<'_>) -> Result<Self, Failure> {
        while let Some((key, value)) = f.next() {
            f.other(key, value, None)?;
        }
        Ok(Nothing)
    }
}
