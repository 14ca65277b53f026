//! Scalar fields: a money or decimal field from its raw text (exact digits), a `String` or
//! `i64` field put into its slot as serde scans it ([`ValueSeed`]), every other scalar type
//! through one non-generic scan ([`ScalarSeed`]) and its `decode` function.

use std::borrow::Cow;

use rust_decimal::Decimal;
use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use super::Cx;
use super::raw::{decimal, raw, text};
use crate::runtime::fields::{self, Decode, Slot, at, wrong_kind};
use crate::runtime::node::DecodeError;

/// A scalar field `wire` (`bools`: a boolean field, which also takes JSON `true`/`false`;
/// with `empty_is_absent`, a blank string is absent) of an object at level `depth`.
pub fn scalar<'de, A: MapAccess<'de>, T>(
    m: &mut A,
    slot: &mut Slot<T>,
    decode: Decode<T>,
    flags: (bool, bool),
    (cx, depth, wire): (&mut Cx, usize, &str),
) -> Result<(), A::Error> {
    let raw = raw(m, cx, depth, wire)?;
    if slot.is_some() {
        return Ok(());
    }
    from_raw(raw, slot, decode, flags, (cx, wire))
}

/// A money or decimal field `wire` (see [`scalar`]): a plain number (`-12.50`) is taken
/// from its digits as they are, anything else through `decode`.
pub fn exact<'de, A: MapAccess<'de>, T: From<Decimal>>(
    m: &mut A,
    slot: &mut Slot<T>,
    decode: Decode<T>,
    flags: (bool, bool),
    (cx, depth, wire): (&mut Cx, usize, &str),
) -> Result<(), A::Error> {
    let raw = raw(m, cx, depth, wire)?;
    if slot.is_some() {
        return Ok(());
    }
    if let Some(d) = decimal(raw.get()) {
        *slot = Some(Some(T::from(d)));
        return Ok(());
    }
    from_raw(raw, slot, decode, flags, (cx, wire))
}

/// A scalar from `raw`, the unparsed text of its value (see [`scalar`]).
fn from_raw<T, E: serde::de::Error>(
    raw: &RawValue,
    slot: &mut Slot<T>,
    decode: Decode<T>,
    (bools, empty_is_absent): (bool, bool),
    (cx, wire): (&mut Cx, &str),
) -> Result<(), E> {
    // A number is its own text: straight to `decode`.
    if let Some(b'-' | b'0'..=b'9') = raw.get().as_bytes().first() {
        return match decode(raw.get()) {
            Ok(v) => {
                *slot = Some(Some(v));
                Ok(())
            }
            Err(e) => Err(cx.fail(at(Box::new(e), wire))),
        };
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

/// A field of a spec newtype over text (`wire`), read as a `String` field (see [`string`])
/// and wrapped: the same values and errors as the newtype's `FromText`, without the call
/// through it.
#[inline]
pub fn string_as<'de, A: MapAccess<'de>, T: From<String>>(
    m: &mut A,
    slot: &mut Slot<T>,
    empty_is_absent: bool,
    at: (&mut Cx, usize, &str),
) -> Result<(), A::Error> {
    // A field met before is skipped, as the base type's read skips it.
    let mut base = slot.as_ref().map(|_| None);
    string(m, &mut base, empty_is_absent, at)?;
    if slot.is_none() {
        *slot = base.map(|v| v.map(T::from));
    }
    Ok(())
}

/// A field of a spec newtype over an integer (`wire`), read as an `i64` field (see
/// [`integer`]) and wrapped: the same values and errors as the newtype's `FromText`, with an
/// integer serde read taken as it is, not through its digits.
#[inline]
pub fn integer_as<'de, A: MapAccess<'de>, T: From<i64>>(
    m: &mut A,
    slot: &mut Slot<T>,
    empty_is_absent: bool,
    at: (&mut Cx, usize, &str),
) -> Result<(), A::Error> {
    let mut base = slot.as_ref().map(|_| None);
    integer(m, &mut base, empty_is_absent, at)?;
    if slot.is_none() {
        *slot = base.map(|v| v.map(T::from));
    }
    Ok(())
}

#[inline]
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
    #[inline]
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
    #[inline]
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
