//! The JSON one-pass decoder's runtime: generated structs implement [`JsonFields`] (one `match`
//! on the key per object) and are read through serde_json straight from the answer's text.
//! Every scalar is taken as its borrowed text (`&RawValue`), so money is parsed exactly from
//! the number's digits, with no `f64` and no `arbitrary_precision`.
//!
//! Errors: serde_json carries only text, so the typed [`Failure`] waits in the [`Cx`] while
//! serde unwinds, each level putting its key or index in front of the path. What is read (the rules of
//! docs/design.md "Answer decoders"): a value of the wrong kind is an error naming both kinds; `null`
//! is absent (an empty list for a list); a blank string is an absent object (an empty list)
//! and, where the spec says empty means absent, an absent scalar; an object where a list
//! belongs gives its values as the items; nesting past [`MAX_DEPTH`] anywhere (skipped values
//! included) is an error with its path. Unknown keys are kept (as [`Node`]s) where the struct
//! keeps them and skipped otherwise; a repeated key's later values are skipped (the first
//! counts).

use std::borrow::Cow;
use std::marker::PhantomData;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use crate::runtime::fields::{self, Decode, Envelope, Failure, Slot, at, wrong_kind};
use crate::runtime::node::{DecodeError, MAX_DEPTH, Node};

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

/// The kind of JSON value `raw` is, named as the decode errors name it.
fn kind(raw: &str) -> &'static str {
    match raw.as_bytes().first() {
        Some(b'{') => "an object",
        Some(b'[') => "a list",
        Some(b'"') => "a string",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        _ => "a number",
    }
}

/// A scalar's text: a string's contents or a number's digits; `None` for `null`; booleans
/// give their text only where `bools` (a boolean field); anything else is an error.
fn text(raw: &RawValue, bools: bool) -> Result<Option<Cow<'_, str>>, Failure> {
    let t = raw.get();
    match t.as_bytes().first() {
        Some(b'"') if !t.contains('\\') => Ok(Some(Cow::Borrowed(&t[1..t.len() - 1]))),
        Some(b'"') => serde_json::from_str::<String>(t)
            .map(|s| Some(Cow::Owned(s)))
            .map_err(|e| Box::new(DecodeError::new(format!("not JSON: {e}")))),
        Some(b'n') => Ok(None),
        Some(b't' | b'f') if bools => Ok(Some(Cow::Borrowed(t))),
        Some(b'-' | b'0'..=b'9') => Ok(Some(Cow::Borrowed(t))),
        _ if bools => Err(wrong_kind("a boolean", kind(t))),
        _ => Err(wrong_kind("a number or a string", kind(t))),
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

/// Whether `raw`, a value at nesting level `depth`, is one serde_json's full parse refuses:
/// nested past the bound, or with a surrogate escape (`\ud83d`) its skipping does not pair up
/// and check; then the error naming where (read by the full parse, on this path only).
pub(crate) fn refused(raw: &RawValue, depth: usize) -> Option<Failure> {
    let t = raw.get();
    let compound = match t.as_bytes().first() {
        Some(b'[' | b'{') => true,
        Some(b'"') => false,
        // A number or a literal: neither nests nor has escapes.
        _ => return None,
    };
    let deep = compound && depth - 1 + nesting(t) > MAX_DEPTH;
    let surrogate = || {
        let b = t.as_bytes();
        (0..b.len()).any(|i| b[i] == b'\\' && b.get(i + 1) == Some(&b'u'))
            && t.match_indices("\\u")
                .any(|(i, _)| matches!(b.get(i + 2), Some(b'd' | b'D')))
    };
    if !deep && !surrogate() {
        return None;
    }
    let e = crate::runtime::json::from_raw(raw, depth).err()?;
    Some(Box::new(e))
}

/// The next value (of field `wire`, in an object at level `depth`), unparsed; an error if it
/// nests past the bound.
fn raw<'de, A: MapAccess<'de>>(
    m: &mut A,
    cx: &mut Cx,
    depth: usize,
    wire: &str,
) -> Result<&'de RawValue, A::Error> {
    let raw: &'de RawValue = m.next_value()?;
    match refused(raw, depth + 1) {
        Some(e) => Err(cx.fail(at(e, wire))),
        None => Ok(raw),
    }
}

/// A scalar field `wire` (`bools`: a boolean field, which also takes JSON `true`/`false`;
/// with `empty_is_absent`, a blank string is absent) of an object at level `depth`.
pub fn scalar<'de, A: MapAccess<'de>, T>(
    m: &mut A,
    slot: &mut Slot<T>,
    decode: Decode<T>,
    (bools, empty_is_absent): (bool, bool),
    (cx, depth, wire): (&mut Cx, usize, &str),
) -> Result<(), A::Error> {
    let raw = raw(m, cx, depth, wire)?;
    if slot.is_some() {
        return Ok(());
    }
    let read = match text(raw, bools) {
        Ok(None) => {
            *slot = Some(None);
            Ok(())
        }
        Ok(Some(t)) => fields::set(slot, &t, decode, empty_is_absent),
        Err(e) => Err(e),
    };
    read.map_err(|e| cx.fail(at(e, wire)))
}

/// A scalar field `wire` whose type does not need a number's exact digits (dates, codes,
/// newtypes), read in the one scan serde makes of it (see `ScalarSeed`): one parse for
/// every such type, then `decode` on its text.
pub fn value<'de, A: MapAccess<'de>, T>(
    m: &mut A,
    slot: &mut Slot<T>,
    decode: Decode<T>,
    (bools, empty_is_absent): (bool, bool),
    (cx, depth, wire): (&mut Cx, usize, &str),
) -> Result<(), A::Error> {
    if cx.raw_scalars || slot.is_some() {
        return scalar(m, slot, decode, (bools, empty_is_absent), (cx, depth, wire));
    }
    let read = match next_scalar(m, cx, bools, wire)? {
        Scalar::Text(t) if !(empty_is_absent && fields::blank(&t)) => decode(&t),
        Scalar::Int(v) => decode(itoa::Buffer::new().format(v)),
        Scalar::Uint(v) => decode(itoa::Buffer::new().format(v)),
        Scalar::Text(_) | Scalar::Null => {
            *slot = Some(None);
            return Ok(());
        }
    };
    match read {
        Ok(v) => {
            *slot = Some(Some(v));
            Ok(())
        }
        Err(e) => Err(cx.fail(at(Box::new(e), wire))),
    }
}

/// The next value, a scalar of field `wire` (`bools`: a boolean field), as serde hands it over.
fn next_scalar<'de, A: MapAccess<'de>>(
    m: &mut A,
    cx: &mut Cx,
    bools: bool,
    wire: &str,
) -> Result<Scalar<'de>, A::Error> {
    let seed = ScalarSeed {
        cx: &mut *cx,
        bools,
    };
    m.next_value_seed(seed).inspect_err(|_| cx.within(wire))
}

/// A text field `wire` (`String`), put into its slot as serde scans it (see `ValueSeed`).
#[inline]
pub fn string<'de, A: MapAccess<'de>>(
    m: &mut A,
    slot: &mut Slot<String>,
    empty_is_absent: bool,
    at: (&mut Cx, usize, &str),
) -> Result<(), A::Error> {
    read_value(m, slot, Text, (false, empty_is_absent), at)
}

/// An integer field `wire` (`i64`), put into its slot as serde scans it (see `ValueSeed`):
/// an integer serde read is taken as it is, not through its digits.
#[inline]
pub fn integer<'de, A: MapAccess<'de>>(
    m: &mut A,
    slot: &mut Slot<i64>,
    empty_is_absent: bool,
    at: (&mut Cx, usize, &str),
) -> Result<(), A::Error> {
    read_value(m, slot, Int, (false, empty_is_absent), at)
}

fn read_value<'de, A: MapAccess<'de>, T, R: Read<T>>(
    m: &mut A,
    slot: &mut Slot<T>,
    read: R,
    (bools, empty_is_absent): (bool, bool),
    (cx, depth, wire): (&mut Cx, usize, &str),
) -> Result<(), A::Error> {
    if cx.raw_scalars || slot.is_some() {
        let decode = read.decode();
        return scalar(m, slot, decode, (bools, empty_is_absent), (cx, depth, wire));
    }
    let seed = ValueSeed {
        cx: &mut *cx,
        slot,
        read,
        bools,
        empty_is_absent,
    };
    m.next_value_seed(seed).inspect_err(|_| cx.within(wire))
}

/// How a `String` or `i64` field's value is made from what serde hands over: its text, or an
/// integer serde read (whose digits are exactly the integer's: serde_json gives `-0` as a
/// float). The two most common field types have their own [`ValueSeed`]; every other type
/// goes through [`ScalarSeed`] and its `decode` function.
trait Read<T>: Copy {
    /// The value of `text` (see [`FromText`](fields::FromText)).
    fn text(self, text: &str) -> Result<T, DecodeError>;
    /// The value of a negative integer.
    #[inline]
    fn int(self, v: i64) -> Result<T, DecodeError> {
        self.text(itoa::Buffer::new().format(v))
    }
    /// The value of a non-negative integer.
    #[inline]
    fn uint(self, v: u64) -> Result<T, DecodeError> {
        self.text(itoa::Buffer::new().format(v))
    }
    /// The same, as a function of the text (for a value read from its raw text).
    fn decode(self) -> Decode<T>;
}

/// A `String` field: the text as it is.
#[derive(Clone, Copy)]
struct Text;

impl Read<String> for Text {
    #[inline]
    fn text(self, text: &str) -> Result<String, DecodeError> {
        Ok(text.to_owned())
    }
    fn decode(self) -> Decode<String> {
        <String as fields::FromText>::from_text
    }
}

/// An `i64` field: an integer as serde read it; text parsed as `i64`'s `FromText` does.
#[derive(Clone, Copy)]
struct Int;

impl Read<i64> for Int {
    #[inline]
    fn text(self, text: &str) -> Result<i64, DecodeError> {
        <i64 as fields::FromText>::from_text(text)
    }
    #[inline]
    fn int(self, v: i64) -> Result<i64, DecodeError> {
        Ok(v)
    }
    #[inline]
    fn uint(self, v: u64) -> Result<i64, DecodeError> {
        i64::try_from(v).or_else(|_| self.text(itoa::Buffer::new().format(v)))
    }
    fn decode(self) -> Decode<i64> {
        <i64 as fields::FromText>::from_text
    }
}

/// A scalar decoded from the text serde hands over as it scans the value, put straight into
/// its slot (a wide value is not returned through serde's `Result`s): a string's contents
/// (borrowed where it has no escapes), an integer, `true`/`false` for a boolean field; `None`
/// for `null` (and for blank text, where empty means absent). A number with a fraction or an
/// exponent (whose digits serde does not keep) stops the pass, and [`answer`] reads the answer
/// again with every scalar from its raw text.
struct ValueSeed<'c, T, R> {
    cx: &'c mut Cx,
    slot: &'c mut Slot<T>,
    read: R,
    bools: bool,
    empty_is_absent: bool,
}

impl<'de, T, R: Read<T>> DeserializeSeed<'de> for ValueSeed<'_, T, R> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<T, R: Read<T>> ValueSeed<'_, T, R> {
    #[inline]
    fn read<E: serde::de::Error>(self, text: &str) -> Result<(), E> {
        if self.empty_is_absent && fields::blank(text) {
            *self.slot = Some(None);
            return Ok(());
        }
        let read = self.read.text(text);
        self.put(read)
    }

    #[inline]
    fn put<E: serde::de::Error>(self, v: Result<T, DecodeError>) -> Result<(), E> {
        match v {
            Ok(v) => {
                *self.slot = Some(Some(v));
                Ok(())
            }
            Err(e) => Err(self.cx.fail(Box::new(e))),
        }
    }

    fn wrong<E: serde::de::Error>(self, found: &str) -> Result<(), E> {
        let expected = if self.bools {
            "a boolean"
        } else {
            "a number or a string"
        };
        Err(self.cx.fail(wrong_kind(expected, found)))
    }
}

impl<'de, T, R: Read<T>> Visitor<'de> for ValueSeed<'_, T, R> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a string, a number or null")
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<(), E> {
        self.read(v)
    }
    // An integer's text is never blank, so `empty_is_absent` does not apply.
    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<(), E> {
        let read = self.read.uint(v);
        self.put(read)
    }
    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<(), E> {
        let read = self.read.int(v);
        self.put(read)
    }
    fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<(), E> {
        self.cx.retry = true;
        Err(E::custom("a number read again from its digits"))
    }
    fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<(), E> {
        if !self.bools {
            return self.wrong("a boolean");
        }
        self.read(if v { "true" } else { "false" })
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        *self.slot = Some(None);
        Ok(())
    }
    fn visit_seq<Q: SeqAccess<'de>>(self, _: Q) -> Result<(), Q::Error> {
        self.wrong("a list")
    }
    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<(), A::Error> {
        self.wrong("an object")
    }
}

/// A scalar as serde hands it over in its one scan of the value: a string's contents
/// (borrowed where it has no escapes; `true`/`false` for a boolean field), an integer, or
/// `null`.
enum Scalar<'de> {
    Text(Cow<'de, str>),
    Int(i64),
    Uint(u64),
    Null,
}

/// The seed of [`Scalar`]: one instantiation of serde's parse for every scalar type read
/// through a `decode` function. A number with a fraction or an exponent (whose digits serde
/// does not keep) stops the pass, and [`answer`] reads the answer again with every scalar from
/// its raw text; any other kind of value is an error.
struct ScalarSeed<'c> {
    cx: &'c mut Cx,
    bools: bool,
}

impl<'de> DeserializeSeed<'de> for ScalarSeed<'_> {
    type Value = Scalar<'de>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Scalar<'de>, D::Error> {
        d.deserialize_any(self)
    }
}

impl ScalarSeed<'_> {
    fn wrong<'de, E: serde::de::Error>(self, found: &str) -> Result<Scalar<'de>, E> {
        let expected = if self.bools {
            "a boolean"
        } else {
            "a number or a string"
        };
        Err(self.cx.fail(wrong_kind(expected, found)))
    }
}

impl<'de> Visitor<'de> for ScalarSeed<'_> {
    type Value = Scalar<'de>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a string, a number or null")
    }
    fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Scalar<'de>, E> {
        Ok(Scalar::Text(Cow::Borrowed(v)))
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Scalar<'de>, E> {
        Ok(Scalar::Text(Cow::Owned(v.to_owned())))
    }
    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Scalar<'de>, E> {
        Ok(Scalar::Uint(v))
    }
    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Scalar<'de>, E> {
        Ok(Scalar::Int(v))
    }
    fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<Scalar<'de>, E> {
        self.cx.retry = true;
        Err(E::custom("a number read again from its digits"))
    }
    fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Scalar<'de>, E> {
        if !self.bools {
            return self.wrong("a boolean");
        }
        Ok(Scalar::Text(Cow::Borrowed(if v {
            "true"
        } else {
            "false"
        })))
    }
    fn visit_unit<E>(self) -> Result<Scalar<'de>, E> {
        Ok(Scalar::Null)
    }
    fn visit_seq<Q: SeqAccess<'de>>(self, _: Q) -> Result<Scalar<'de>, Q::Error> {
        self.wrong("a list")
    }
    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<Scalar<'de>, A::Error> {
        self.wrong("an object")
    }
}

/// A field kept as received (a [`Node`]).
pub fn node<'de, A: MapAccess<'de>>(
    m: &mut A,
    slot: &mut Slot<Node>,
    empty_is_absent: bool,
    (cx, depth, wire): (&mut Cx, usize, &str),
) -> Result<(), A::Error> {
    let raw = raw(m, cx, depth, wire)?;
    if slot.is_none() {
        let node = crate::runtime::json::from_raw(raw, depth + 1)
            .map_err(|e| cx.fail(at(Box::new(e), wire)))?;
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
    cx: &mut Cx,
    depth: usize,
    unknown: Option<&mut Vec<(String, Node)>>,
) -> Result<(), A::Error> {
    let raw = raw(m, cx, depth, &key.0)?;
    if cx.envelope.is_envelope(&key.0) {
        if depth == 1 {
            let taken = text(raw, false)
                .map_err(|e| at(e, &key.0))
                .and_then(|t| cx.envelope.take(&key.0, t.as_deref()));
            taken.map_err(|e| cx.fail(e))?;
        }
        return Ok(());
    }
    if let Some(unknown) = unknown {
        let node = crate::runtime::json::from_raw(raw, depth + 1)
            .map_err(|e| cx.fail(at(Box::new(e), &key.0)))?;
        unknown.push(crate::runtime::redact::scrub_entry(
            key.0.into_owned(),
            node,
        ));
    }
    Ok(())
}

/// The value of a fixed field `wire`: skipped, within the bound.
pub fn skip<'de, A: MapAccess<'de>>(
    m: &mut A,
    cx: &mut Cx,
    depth: usize,
    wire: &str,
) -> Result<(), A::Error> {
    raw(m, cx, depth, wire).map(|_| ())
}

/// An object field `wire`; `null` or (where `empty_is_absent`) a blank string is absent.
pub fn object<'de, A: MapAccess<'de>, T: JsonFields>(
    m: &mut A,
    slot: &mut Slot<T>,
    empty_is_absent: bool,
    (cx, depth, wire): (&mut Cx, usize, &str),
) -> Result<(), A::Error> {
    if slot.is_some() {
        return skip(m, cx, depth, wire);
    }
    let seed = Object::<T> {
        cx: &mut *cx,
        depth: depth + 1,
        empty_is_absent,
        _t: PhantomData,
    };
    match m.next_value_seed(seed) {
        Ok(v) => {
            *slot = Some(v);
            Ok(())
        }
        Err(e) => {
            cx.within(wire);
            Err(e)
        }
    }
}

/// A list of objects (field `wire`); `null` or a blank string is an empty list.
pub fn objects<'de, A: MapAccess<'de>, T: JsonFields>(
    m: &mut A,
    slot: &mut Slot<Vec<T>>,
    (cx, depth, wire): (&mut Cx, usize, &str),
) -> Result<(), A::Error> {
    if slot.is_some() {
        return skip(m, cx, depth, wire);
    }
    let seed = List(
        ObjectItems::<T>(&mut *cx, depth + 2, PhantomData),
        PhantomData,
    );
    match m.next_value_seed(seed) {
        Ok(v) => {
            *slot = Some(Some(v));
            Ok(())
        }
        Err(e) => {
            cx.within(wire);
            Err(e)
        }
    }
}

/// A list of scalars (field `wire`); `null` or a blank string is an empty list.
pub fn scalars<'de, A: MapAccess<'de>, T>(
    m: &mut A,
    slot: &mut Slot<Vec<T>>,
    decode: Decode<T>,
    bools: bool,
    (cx, depth, wire): (&mut Cx, usize, &str),
) -> Result<(), A::Error> {
    let raw = raw(m, cx, depth, wire)?;
    if slot.is_some() {
        return Ok(());
    }
    let seed = List(ScalarItems(&mut *cx, decode, bools), PhantomData);
    let mut de = serde_json::Deserializer::from_str(raw.get());
    match seed.deserialize(&mut de) {
        Ok(v) => {
            *slot = Some(Some(v));
            Ok(())
        }
        Err(e) => {
            let failure = cx.failure(&e);
            Err(cx.fail(at(failure, wire)))
        }
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

/// An object at nesting level `depth`: `None` for `null` and (with `empty_is_absent`) a blank
/// string; anything else but an object is an error.
struct Object<'c, T> {
    cx: &'c mut Cx,
    depth: usize,
    empty_is_absent: bool,
    _t: PhantomData<T>,
}

impl<'de, T: JsonFields> DeserializeSeed<'de> for Object<'_, T> {
    type Value = Option<T>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<T> Object<'_, T> {
    fn wrong<E: serde::de::Error>(self, found: &str) -> Result<Option<T>, E> {
        Err(self.cx.fail(wrong_kind("an object", found)))
    }
}

impl<'de, T: JsonFields> Visitor<'de> for Object<'_, T> {
    type Value = Option<T>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an object")
    }
    fn visit_map<A: MapAccess<'de>>(self, m: A) -> Result<Self::Value, A::Error> {
        if self.depth > MAX_DEPTH {
            return Err(self.cx.fail(Box::new(DecodeError::too_deep())));
        }
        T::visit(m, self.cx, self.depth).map(Some)
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
        if self.empty_is_absent && fields::blank(v) {
            return Ok(None);
        }
        self.wrong("a string")
    }
    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<Self::Value, E> {
        self.wrong("a boolean")
    }
    fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<Self::Value, E> {
        self.wrong("a number")
    }
    fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<Self::Value, E> {
        self.wrong("a number")
    }
    fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<Self::Value, E> {
        self.wrong("a number")
    }
    fn visit_seq<Q: SeqAccess<'de>>(self, _: Q) -> Result<Self::Value, Q::Error> {
        self.wrong("a list")
    }
}

/// How a list's items are read.
trait Item<T> {
    /// One item (never absent: `null` is an error), pushed onto `out` where it is read: a wide
    /// item is moved once, not through serde's `Result`s and `Option`s.
    fn read<'de, D: Deserializer<'de>>(&mut self, d: D, out: &mut Vec<T>) -> Result<(), D::Error>;
    /// The decode's context.
    fn cx(&mut self) -> &mut Cx;
}

/// Objects at this nesting level.
struct ObjectItems<'c, T>(&'c mut Cx, usize, PhantomData<T>);

impl<T: JsonFields> Item<T> for ObjectItems<'_, T> {
    fn read<'de, D: Deserializer<'de>>(&mut self, d: D, out: &mut Vec<T>) -> Result<(), D::Error> {
        d.deserialize_any(ObjectItem::<T>(&mut *self.0, self.1, out))
    }
    fn cx(&mut self) -> &mut Cx {
        self.0
    }
}

/// One object item at nesting level `.1` (never absent: `null` is an error), pushed onto `.2`.
/// Its own visitor, not [`Object`]'s `Option`, so a wide item is moved once, into the list.
struct ObjectItem<'c, T>(&'c mut Cx, usize, &'c mut Vec<T>);

impl<T> ObjectItem<'_, T> {
    fn wrong<E: serde::de::Error>(self, found: &str) -> Result<(), E> {
        Err(self.0.fail(wrong_kind("an object", found)))
    }
}

impl<'de, T: JsonFields> Visitor<'de> for ObjectItem<'_, T> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an object")
    }
    fn visit_map<A: MapAccess<'de>>(self, m: A) -> Result<(), A::Error> {
        if self.1 > MAX_DEPTH {
            return Err(self.0.fail(Box::new(DecodeError::too_deep())));
        }
        self.2.push(T::visit(m, self.0, self.1)?);
        Ok(())
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<(), E> {
        self.wrong("null")
    }
    fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<(), E> {
        self.wrong("a string")
    }
    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<(), E> {
        self.wrong("a boolean")
    }
    fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<(), E> {
        self.wrong("a number")
    }
    fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<(), E> {
        self.wrong("a number")
    }
    fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<(), E> {
        self.wrong("a number")
    }
    fn visit_seq<Q: SeqAccess<'de>>(self, _: Q) -> Result<(), Q::Error> {
        self.wrong("a list")
    }
}

/// Scalars read by this function (`.2`: booleans).
struct ScalarItems<'c, T>(&'c mut Cx, Decode<T>, bool);

impl<T> Item<T> for ScalarItems<'_, T> {
    fn read<'de, D: Deserializer<'de>>(&mut self, d: D, out: &mut Vec<T>) -> Result<(), D::Error> {
        let raw: &RawValue = serde::Deserialize::deserialize(d)?;
        let read = match text(raw, self.2) {
            Ok(Some(t)) => (self.1)(&t).map_err(Box::new),
            Ok(None) if self.2 => Err(wrong_kind("a boolean", "null")),
            Ok(None) => Err(wrong_kind("a number or a string", "null")),
            Err(e) => Err(e),
        };
        out.push(read.map_err(|e| self.0.fail(e))?);
        Ok(())
    }
    fn cx(&mut self) -> &mut Cx {
        self.0
    }
}

/// One item, read by `I` and pushed onto the list.
struct Each<'a, I, T>(&'a mut I, &'a mut Vec<T>);

impl<'de, T, I: Item<T>> DeserializeSeed<'de> for Each<'_, I, T> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        self.0.read(d, self.1)
    }
}

/// A list: `null` or a blank string is empty; an object gives its values as the items (as an
/// XML list element's children are its items).
struct List<I, T>(I, PhantomData<T>);

impl<'de, T, I: Item<T>> DeserializeSeed<'de> for List<I, T> {
    type Value = Vec<T>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<T, I: Item<T>> List<I, T> {
    /// Puts item `i`'s index in front of the waiting error's path.
    #[cold]
    fn at(&mut self, i: usize) {
        self.0.cx().within(&format!("[{i}]"));
    }

    fn wrong<E: serde::de::Error>(mut self, found: &str) -> Result<Vec<T>, E> {
        Err(self.0.cx().fail(wrong_kind("a list", found)))
    }
}

impl<'de, T, I: Item<T>> Visitor<'de> for List<I, T> {
    type Value = Vec<T>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a list")
    }
    fn visit_seq<Q: SeqAccess<'de>>(mut self, mut seq: Q) -> Result<Self::Value, Q::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        loop {
            match seq.next_element_seed(Each(&mut self.0, &mut out)) {
                Ok(Some(())) => {}
                Ok(None) => return Ok(out),
                Err(e) => {
                    self.at(out.len());
                    return Err(e);
                }
            }
        }
    }
    fn visit_map<A: MapAccess<'de>>(mut self, mut m: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::new();
        while m.next_key::<Key<'de>>()?.is_some() {
            match m.next_value_seed(Each(&mut self.0, &mut out)) {
                Ok(()) => {}
                Err(e) => {
                    self.at(out.len());
                    return Err(e);
                }
            }
        }
        Ok(out)
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(Vec::new())
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
        if fields::blank(v) {
            return Ok(Vec::new());
        }
        self.wrong("a string")
    }
    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<Self::Value, E> {
        self.wrong("a boolean")
    }
    fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<Self::Value, E> {
        self.wrong("a number")
    }
    fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<Self::Value, E> {
        self.wrong("a number")
    }
    fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<Self::Value, E> {
        self.wrong("a number")
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
        let err = |t| text(raw(t), false).unwrap_err().reason;
        assert_eq!(
            err("true"),
            "expected a number or a string, found a boolean"
        );
        assert_eq!(text(raw("true"), true).unwrap().as_deref(), Some("true"));
        assert_eq!(err("[1]"), "expected a number or a string, found a list");
        assert_eq!(err("{}"), "expected a number or a string, found an object");
    }
}
