//! The JSON one-pass decoder's runtime: generated structs implement [`JsonFields`] (one `match`
//! on the key per object) and are read through serde_json straight from the answer's text.
//! Every scalar is taken as its borrowed text (`&RawValue`), so money is parsed exactly from
//! the number's digits, with no `f64` and no `arbitrary_precision`.
//!
//! Errors: serde_json carries only text, so the typed [`Failure`] waits in the [`Cx`] while
//! serde unwinds, each level putting its key or index in front of the path. What is read (the
//! rules of docs/design.md "Answer decoders"): a value of the wrong kind is an error naming both
//! kinds; `null` is absent (an empty list for a list); a blank string is an absent object (an
//! empty list) and, where the spec says empty means absent, an absent scalar; an object where a
//! list belongs gives its values as the items; nesting past
//! [`MAX_DEPTH`](crate::runtime::node::MAX_DEPTH) anywhere (skipped values included) is an error
//! with its path. Unknown keys are kept (as [`Node`](crate::Node)s) where the struct keeps them
//! and skipped otherwise; a repeated key's later values are skipped (the first counts).
//!
//! By concern: `raw` the unparsed text of a value (its kind, a scalar's text, the bound on
//! nesting), `scalar` the scalar fields, `object` the fields that are not scalars and the
//! object seed, `list` the list seeds; here the entry points, the context and the key.

use std::borrow::Cow;
use std::marker::PhantomData;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

use crate::runtime::fields::{self, Envelope, Failure, Slot, at, wrong_kind};
use crate::runtime::node::DecodeError;

mod list;
mod object;
mod raw;
mod scalar;
mod seeds;

pub use object::{node, object, objects, other, scalars, skip};
use raw::refused;
pub use scalar::{exact, integer, integer_as, scalar, string, string_as, value};

use list::{List, ObjectItems};
use object::Object;

/// Implemented by generated structs: the fields of one JSON object.
pub trait JsonFields: Sized {
    /// Reads the object's members from `m`; the object is at nesting level `depth` (the
    /// answer's top level is 1).
    fn visit<'de, A: MapAccess<'de>>(m: A, cx: &mut Cx, depth: usize) -> Result<Self, A::Error>;
}

/// What one decode shares across its levels: the envelope's code and message, and the typed
/// error while serde unwinds.
pub struct Cx {
    /// The envelope's fields as met at the top level.
    pub envelope: Envelope,
    failure: Option<Failure>,
    /// Every scalar is read from its raw text (the second pass, see [`answer`]).
    raw_scalars: bool,
    /// The pass in serde's scan met what a pass from raw text reads otherwise: a number serde
    /// gives only as a float, or an error serde found (a number past `f64`'s range).
    retry: bool,
}

impl Cx {
    /// A decode with this envelope to fill.
    pub fn new(envelope: Envelope) -> Self {
        Cx {
            envelope,
            failure: None,
            raw_scalars: false,
            retry: false,
        }
    }

    /// Keeps `failure` and gives serde an error to unwind with.
    #[cold]
    #[inline(never)]
    fn fail<E: serde::de::Error>(&mut self, failure: Failure) -> E {
        self.failure = Some(failure);
        E::custom("see the decode failure")
    }

    /// Puts `segment` in front of the waiting failure's path (a syntax error has none).
    #[cold]
    #[inline(never)]
    fn within(&mut self, segment: &str) {
        if let Some(f) = &mut self.failure {
            f.prefix(segment);
        }
    }

    /// The failure of a decode that stopped with serde's `e`: the typed one waiting, else
    /// text that is not JSON.
    pub fn failure(&mut self, e: &serde_json::Error) -> Failure {
        self.failure.take().unwrap_or_else(|| {
            self.retry = true;
            Box::new(DecodeError::new(format!("not JSON: {e}")))
        })
    }
}

/// An object key, borrowed from the text where it has no escapes.
pub struct Key<'de>(pub Cow<'de, str>);

impl<'de> serde::Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_string())))
            }
        }
        d.deserialize_str(V)
    }
}

/// A field of a type no one-pass decoder reads (`wire`): an error naming it.
pub fn unsupported<E: serde::de::Error>(cx: &mut Cx, wire: &str) -> E {
    cx.fail(at(fields::unsupported(), wire))
}

/// A required field's value (see [`fields::required`]).
pub fn required<T, E: serde::de::Error>(cx: &mut Cx, slot: Slot<T>, wire: &str) -> Result<T, E> {
    fields::required(slot, wire).map_err(|e| cx.fail(e))
}

/// An object read only for the envelope's code and message (and the bound on nesting).
pub struct Nothing;

impl JsonFields for Nothing {
    fn visit<'de, A: MapAccess<'de>>(
        mut m: A,
        cx: &mut Cx,
        depth: usize,
    ) -> Result<Self, A::Error> {
        while let Some(key) = m.next_key::<Key<'de>>()? {
            other(&mut m, key, cx, depth, None)?;
        }
        Ok(Nothing)
    }
}

/// `text` as one JSON value within the bound on nesting (blank text is an empty object), or
/// why it is not, in serde_json's words.
pub fn well_formed(text: &str) -> Result<&RawValue, Failure> {
    let text = if fields::blank(text) { "{}" } else { text };
    let raw: &RawValue = serde_json::from_str(text)
        .map_err(|e| Box::new(DecodeError::new(format!("not JSON: {e}"))))?;
    match refused(raw, 1) {
        Some(e) => Err(e),
        None => Ok(raw),
    }
}

/// The answer `text` as `T` with the envelope's code and message: read in serde's scan, and
/// read again with every scalar from its raw text where the scan met a number serde gives only
/// as a float, or stopped with serde's own error (a number past `f64`'s range is one; text that
/// is not JSON stops the second pass too).
pub fn answer<T: JsonFields>(text: &str, cx: &mut Cx) -> Result<T, Failure> {
    let envelope = cx.envelope.clone();
    match pass::<T>(text, cx) {
        Err(_) if cx.retry && !cx.raw_scalars => {
            *cx = Cx::new(envelope);
            cx.raw_scalars = true;
            pass::<T>(text, cx)
        }
        other => other,
    }
}

fn pass<T: JsonFields>(text: &str, cx: &mut Cx) -> Result<T, Failure> {
    let mut de = serde_json::Deserializer::from_str(text);
    let seed = Object::<T> {
        cx: &mut *cx,
        depth: 1,
        empty_is_absent: false,
        _t: PhantomData,
    };
    let value = match seed.deserialize(&mut de) {
        Ok(Some(v)) => v,
        Ok(None) => return Err(wrong_kind("an object", "null")),
        Err(e) => return Err(cx.failure(&e)),
    };
    de.end().map_err(|e| cx.failure(&e))?;
    Ok(value)
}

/// The answer `text` as a list of `T` (see [`crate::runtime::one_pass::list`]); the envelope's
/// fields of an object answer are read into `cx` as its values are read as items.
pub fn list<T: JsonFields>(text: &str, cx: &mut Cx) -> Result<Vec<T>, Failure> {
    let mut de = serde_json::Deserializer::from_str(text);
    let seed = List(ObjectItems::<T>(&mut *cx, 2, PhantomData), PhantomData);
    let items = seed.deserialize(&mut de).map_err(|e| cx.failure(&e))?;
    de.end().map_err(|e| cx.failure(&e))?;
    Ok(items)
}
