//! The serde seeds scalar fields are read through: [`ValueSeed`] puts a `String` or `i64`
//! field into its slot as serde scans the value (the two most common field types, each with
//! its own instantiation); [`ScalarSeed`] is one non-generic scan for every other scalar
//! type, whose `decode` function then reads the text.

use std::borrow::Cow;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::Cx;
use crate::runtime::fields::{self, Decode, Slot, wrong_kind};
use crate::runtime::node::DecodeError;

/// How a `String` or `i64` field's value is made from what serde hands over: its text, or an
/// integer serde read (whose digits are exactly the integer's: serde_json gives `-0` as a
/// float). The two most common field types have their own [`ValueSeed`]; every other type
/// goes through [`ScalarSeed`] and its `decode` function.
pub(super) trait Read<T>: Copy {
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
pub(super) struct Text;

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
pub(super) struct Int;

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
pub(super) struct ValueSeed<'c, T, R> {
    pub(super) cx: &'c mut Cx,
    pub(super) slot: &'c mut Slot<T>,
    pub(super) read: R,
    pub(super) bools: bool,
    pub(super) empty_is_absent: bool,
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
pub(super) enum Scalar<'de> {
    Text(Cow<'de, str>),
    Int(i64),
    Uint(u64),
    Null,
}

/// The seed of [`Scalar`]: one instantiation of serde's parse for every scalar type read
/// through a `decode` function. A number with a fraction or an exponent (whose digits serde
/// does not keep) stops the pass, and [`answer`] reads the answer again with every scalar from
/// its raw text; any other kind of value is an error.
pub(super) struct ScalarSeed<'c> {
    pub(super) cx: &'c mut Cx,
    pub(super) bools: bool,
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
