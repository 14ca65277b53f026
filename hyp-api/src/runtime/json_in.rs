//! The JSON one-pass decoder's runtime: generated structs implement [`JsonFields`] (one `match`
//! on the key per object) and are read through serde_json straight from the answer's text.
//! Every scalar is taken as its borrowed text (`&RawValue`), so money is parsed exactly from
//! the number's digits, with no `f64` and no `arbitrary_precision`.
//!
//! Unexpected input ([`Fallback`], then the tree decoder): a value of the wrong kind (an object
//! where a scalar belongs, a boolean for a number, a string for a list), a missing or null
//! required field, a top level that is not an object, nesting that reaches
//! [`MAX_DEPTH`](crate::runtime::node::MAX_DEPTH) anywhere, skipped values included. Unknown
//! keys are kept (as [`Node`]s) where the struct keeps them and skipped otherwise; a duplicate
//! key's later values are skipped (the first counts).

use std::borrow::Cow;
use std::marker::PhantomData;

use serde::de::{DeserializeSeed, Deserializer, Error as _, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use crate::runtime::fields::{Decode, Envelope, Fallback, Slot};
use crate::runtime::node::{MAX_DEPTH, Node};

/// Implemented by generated structs: the fields of one JSON object.
pub trait JsonFields: Sized {
    /// Reads the object's members from `m`; the object is at nesting level `depth` (the
    /// answer's top level is 1).
    fn visit<'de, A: MapAccess<'de>>(
        m: A,
        cx: &mut Envelope,
        depth: usize,
    ) -> Result<Self, A::Error>;
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

/// The error a visitor stops with to leave the answer to the tree decoder.
pub fn fallback<E: serde::de::Error>() -> E {
    E::custom(Fallback)
}

/// A scalar's text: a string's contents or a number's digits; `None` for `null`; booleans
/// give their text only where `bools` (a boolean field), anything else is a [`Fallback`].
fn text(raw: &RawValue, bools: bool) -> Result<Option<Cow<'_, str>>, Fallback> {
    let t = raw.get();
    match t.as_bytes().first() {
        Some(b'"') if !t.contains('\\') => Ok(Some(Cow::Borrowed(&t[1..t.len() - 1]))),
        Some(b'"') => serde_json::from_str::<String>(t)
            .map(|s| Some(Cow::Owned(s)))
            .map_err(|_| Fallback),
        Some(b'n') => Ok(None),
        Some(b't' | b'f') if bools => Ok(Some(Cow::Borrowed(t))),
        Some(b'-' | b'0'..=b'9') => Ok(Some(Cow::Borrowed(t))),
        _ => Err(Fallback),
    }
}

/// How deep `raw` nests (`0` for a scalar, `1` for `[0]`), counting brackets outside strings.
fn nesting(raw: &str) -> usize {
    let (mut depth, mut deepest, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for b in raw.bytes() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// The next value, unparsed; a [`Fallback`] if it would nest deeper than the bound from an
/// object at level `depth`.
fn raw<'de, A: MapAccess<'de>>(m: &mut A, depth: usize) -> Result<&'de RawValue, A::Error> {
    let raw: &'de RawValue = m.next_value()?;
    let compound = matches!(raw.get().as_bytes().first(), Some(b'[' | b'{'));
    if compound && depth + nesting(raw.get()) > MAX_DEPTH {
        return Err(fallback());
    }
    Ok(raw)
}

/// A field whose value needs its exact digits (money, decimals): read as its raw text, so a
/// number's digits are kept as sent (`bools`: a boolean field, which also takes JSON
/// `true`/`false`; with `empty_is_absent`, a blank string is absent) of an object at level
/// `depth`.
pub fn exact<'de, A: MapAccess<'de>, T>(
    m: &mut A,
    slot: &mut Slot<T>,
    decode: Decode<T>,
    (bools, empty_is_absent): (bool, bool),
    depth: usize,
) -> Result<(), A::Error> {
    let raw = raw(m, depth)?;
    if slot.is_some() {
        return Ok(());
    }
    match text(raw, bools).map_err(A::Error::custom)? {
        None => *slot = Some(None),
        Some(t) => crate::runtime::fields::set(slot, &t, decode, empty_is_absent)
            .map_err(A::Error::custom)?,
    }
    Ok(())
}

/// Any other scalar field, read in the one scan serde makes of it (see `ValueSeed`); `null`
/// is absent, and with `empty_is_absent` so is a blank string.
pub fn value<'de, A: MapAccess<'de>, T>(
    m: &mut A,
    slot: &mut Slot<T>,
    decode: Decode<T>,
    (bools, empty_is_absent): (bool, bool),
    depth: usize,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return skip(m, depth);
    }
    *slot = Some(m.next_value_seed(ValueSeed {
        decode,
        bools,
        empty_is_absent,
    })?);
    Ok(())
}

/// A scalar decoded from the text serde hands over as it scans the value: a string's contents
/// (borrowed where it has no escapes), an integer's digits, `true`/`false` for a boolean field;
/// `None` for `null` (and for blank text, where empty means absent). Anything else (a number
/// with a fraction or an exponent, whose digits serde does not keep; a boolean elsewhere; a
/// list; an object, refused before it is read) is an error, which leaves the answer to the
/// tree decoder.
struct ValueSeed<T> {
    decode: Decode<T>,
    bools: bool,
    empty_is_absent: bool,
}

impl<'de, T> DeserializeSeed<'de> for ValueSeed<T> {
    type Value = Option<T>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<T> ValueSeed<T> {
    fn read<E: serde::de::Error>(&self, text: &str) -> Result<Option<T>, E> {
        if self.empty_is_absent && crate::runtime::fields::blank(text) {
            return Ok(None);
        }
        (self.decode)(text).map(Some).map_err(|_| fallback())
    }
}

impl<'de, T> Visitor<'de> for ValueSeed<T> {
    type Value = Option<T>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a string, an integer or null")
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
        self.read(v)
    }
    // serde_json gives `-0` as a float, so an integer's digits are exactly these.
    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Self::Value, E> {
        self.read(itoa::Buffer::new().format(v))
    }
    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Self::Value, E> {
        self.read(itoa::Buffer::new().format(v))
    }
    fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Self::Value, E> {
        if !self.bools {
            return Err(fallback());
        }
        self.read(if v { "true" } else { "false" })
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
}

/// A field kept as received (a [`Node`]).
pub fn node<'de, A: MapAccess<'de>>(
    m: &mut A,
    slot: &mut Slot<Node>,
    depth: usize,
    empty_is_absent: bool,
) -> Result<(), A::Error> {
    let raw = raw(m, depth)?;
    if slot.is_none() {
        let node =
            crate::runtime::json::from_raw(raw, depth + 1).map_err(|_| fallback::<A::Error>())?;
        *slot = Some(match &node {
            Node::Null => None,
            Node::Str(s) if empty_is_absent && s.trim().is_empty() => None,
            _ => Some(crate::runtime::redact::scrub_value(node)),
        });
    }
    Ok(())
}

/// A member the struct has no field for: an envelope field at the top level, kept in
/// `unknown` where the struct keeps unknown fields, else skipped.
pub fn other<'de, A: MapAccess<'de>>(
    m: &mut A,
    key: Key<'de>,
    cx: &mut Envelope,
    depth: usize,
    unknown: Option<&mut Vec<(String, Node)>>,
) -> Result<(), A::Error> {
    let raw = raw(m, depth)?;
    if cx.is_envelope(&key.0) {
        if depth == 1 {
            let t = text(raw, false).map_err(A::Error::custom)?;
            cx.take(&key.0, t.as_deref()).map_err(A::Error::custom)?;
        }
        return Ok(());
    }
    if let Some(unknown) = unknown {
        let node =
            crate::runtime::json::from_raw(raw, depth + 1).map_err(|_| fallback::<A::Error>())?;
        unknown.push(crate::runtime::redact::scrub_entry(
            key.0.into_owned(),
            node,
        ));
    }
    Ok(())
}

/// The value of a field already read (a duplicate key), or of a fixed field: skipped, within
/// the bound.
pub fn skip<'de, A: MapAccess<'de>>(m: &mut A, depth: usize) -> Result<(), A::Error> {
    raw(m, depth).map(|_| ())
}

/// An object field; `null` is absent.
pub fn object<'de, A: MapAccess<'de>, T: JsonFields>(
    m: &mut A,
    slot: &mut Slot<T>,
    cx: &mut Envelope,
    depth: usize,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return skip(m, depth);
    }
    *slot = Some(m.next_value_seed(Nullable(Object::<T>(cx, depth + 1, PhantomData)))?);
    Ok(())
}

/// A list of objects; `null` is an empty list.
pub fn objects<'de, A: MapAccess<'de>, T: JsonFields>(
    m: &mut A,
    slot: &mut Slot<Vec<T>>,
    cx: &mut Envelope,
    depth: usize,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return skip(m, depth);
    }
    *slot = Some(m.next_value_seed(Nullable(ObjectList::<T>(cx, depth + 2, PhantomData)))?);
    Ok(())
}

/// A list of scalars; `null` is an empty list.
pub fn scalars<'de, A: MapAccess<'de>, T>(
    m: &mut A,
    slot: &mut Slot<Vec<T>>,
    decode: Decode<T>,
    bools: bool,
    depth: usize,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return skip(m, depth);
    }
    *slot = Some(m.next_value_seed(Nullable(ScalarList(decode, bools)))?);
    Ok(())
}

/// A required field's value (see [`crate::runtime::fields::required`]).
pub fn required<T, E: serde::de::Error>(slot: Slot<T>) -> Result<T, E> {
    crate::runtime::fields::required(slot).map_err(E::custom)
}

/// The answer `text` as `T` with the envelope's code and message.
pub fn answer<T: JsonFields>(text: &str, cx: &mut Envelope) -> Result<T, Fallback> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = de
        .deserialize_map(ObjectVisitor::<T>(cx, 1, PhantomData))
        .map_err(|_| Fallback)?;
    de.end().map_err(|_| Fallback)?;
    Ok(value)
}

/// `null` as `None`, else the inner seed's value.
struct Nullable<S>(S);

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Nullable<S> {
    type Value = Option<S::Value>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_option(NullableVisitor(self.0))
    }
}

struct NullableVisitor<S>(S);

impl<'de, S: DeserializeSeed<'de>> Visitor<'de> for NullableVisitor<S> {
    type Value = Option<S::Value>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a value or null")
    }
    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        self.0.deserialize(d).map(Some)
    }
}

/// An object at nesting level `.1`.
struct Object<'c, T>(&'c mut Envelope, usize, PhantomData<T>);

impl<'de, T: JsonFields> DeserializeSeed<'de> for Object<'_, T> {
    type Value = T;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        d.deserialize_map(ObjectVisitor::<T>(self.0, self.1, PhantomData))
    }
}

struct ObjectVisitor<'c, T>(&'c mut Envelope, usize, PhantomData<T>);

impl<'de, T: JsonFields> Visitor<'de> for ObjectVisitor<'_, T> {
    type Value = T;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an object")
    }
    fn visit_map<A: MapAccess<'de>>(self, m: A) -> Result<T, A::Error> {
        if self.1 > MAX_DEPTH {
            return Err(fallback());
        }
        T::visit(m, self.0, self.1)
    }
}

/// A list of objects at nesting level `.1`.
struct ObjectList<'c, T>(&'c mut Envelope, usize, PhantomData<T>);

impl<'de, T: JsonFields> DeserializeSeed<'de> for ObjectList<'_, T> {
    type Value = Vec<T>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, T: JsonFields> Visitor<'de> for ObjectList<'_, T> {
    type Value = Vec<T>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a list")
    }
    fn visit_seq<Q: SeqAccess<'de>>(self, mut seq: Q) -> Result<Self::Value, Q::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(v) = seq.next_element_seed(Object::<T>(self.0, self.1, PhantomData))? {
            out.push(v);
        }
        Ok(out)
    }
}

/// A list of scalars.
struct ScalarList<T>(Decode<T>, bool);

impl<'de, T> DeserializeSeed<'de> for ScalarList<T> {
    type Value = Vec<T>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, T> Visitor<'de> for ScalarList<T> {
    type Value = Vec<T>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a list")
    }
    fn visit_seq<Q: SeqAccess<'de>>(self, mut seq: Q) -> Result<Self::Value, Q::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(v) = seq.next_element_seed(Scalar(self.0, self.1))? {
            out.push(v);
        }
        Ok(out)
    }
}

/// One scalar list item (never absent: `null` is a [`Fallback`]).
struct Scalar<T>(Decode<T>, bool);

impl<'de, T> DeserializeSeed<'de> for Scalar<T> {
    type Value = T;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        let raw: &RawValue = serde::Deserialize::deserialize(d)?;
        match text(raw, self.1) {
            Ok(Some(t)) => (self.0)(&t).map_err(|_| fallback()),
            _ => Err(fallback()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_counts_brackets_outside_strings() {
        assert_eq!(nesting("0"), 0);
        assert_eq!(nesting("[[0],{\"a\":[1]}]"), 3);
        assert_eq!(nesting("\"[[[\\\"[\""), 0);
        assert_eq!(nesting("{\"k\\\\\":[\"]\"]}"), 2);
    }

    #[test]
    fn scalars_are_their_text() {
        fn raw(t: &str) -> &RawValue {
            serde_json::from_str(t).unwrap()
        }
        assert_eq!(text(raw("12.50"), false).unwrap().as_deref(), Some("12.50"));
        assert_eq!(
            text(raw("\"a\\nb\""), false).unwrap().as_deref(),
            Some("a\nb")
        );
        assert_eq!(text(raw("null"), false).unwrap(), None);
        assert_eq!(text(raw("true"), false), Err(Fallback));
        assert_eq!(text(raw("true"), true).unwrap().as_deref(), Some("true"));
        assert_eq!(text(raw("[1]"), false), Err(Fallback));
    }
}
