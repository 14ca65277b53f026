//! Scalar fields: a money or decimal field from its raw text (exact digits), a `String` or
//! `i64` field put into its slot as serde scans it ([`ValueSeed`]), every other scalar type
//! through one non-generic scan ([`ScalarSeed`]) and its `decode` function.

use rust_decimal::Decimal;
use serde::de::MapAccess;
use serde_json::value::RawValue;

use super::Cx;
use super::raw::{decimal, raw, text};
use super::seeds::{Int, Read, Scalar, ScalarSeed, Text, ValueSeed};
use crate::runtime::fields::{self, Decode, Slot, at};

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
