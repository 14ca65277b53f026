//! List seeds: items read one by one and pushed where they are read (objects, or scalars
//! through their `decode` function); an object where a list belongs gives its values.

use std::marker::PhantomData;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use super::raw::text;
use super::{Cx, JsonFields, Key};
use crate::runtime::fields::{self, Decode, wrong_kind};
use crate::runtime::node::{DecodeError, MAX_DEPTH};

/// How a list's items are read.
pub(super) trait Item<T> {
    /// One item (never absent: `null` is an error), pushed onto `out` where it is read: a wide
    /// item is moved once, not through serde's `Result`s and `Option`s.
    fn read<'de, D: Deserializer<'de>>(&mut self, d: D, out: &mut Vec<T>) -> Result<(), D::Error>;
    /// The decode's context.
    fn cx(&mut self) -> &mut Cx;
}

/// Objects at this nesting level.
pub(super) struct ObjectItems<'c, T>(
    pub(super) &'c mut Cx,
    pub(super) usize,
    pub(super) PhantomData<T>,
);

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
pub(super) struct ScalarItems<'c, T>(pub(super) &'c mut Cx, pub(super) Decode<T>, pub(super) bool);

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
pub(super) struct List<I, T>(pub(super) I, pub(super) PhantomData<T>);

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
