//! The serde seeds the JSON one-pass decoder reads objects and lists with: an object field,
//! a list of objects or of scalars, each item built where its list keeps it.

use std::marker::PhantomData;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use serde_json::value::RawValue;

use super::scalar::text;
use super::{Cx, JsonFields, Key};
use crate::runtime::fields::{self, Decode, wrong_kind};
use crate::runtime::node::{DecodeError, MAX_DEPTH};

/// An object at nesting level `depth`: `None` for `null` and (with `empty_is_absent`) a blank
/// string; anything else but an object is an error.
pub(super) struct Object<'c, T> {
    pub(super) cx: &'c mut Cx,
    pub(super) depth: usize,
    pub(super) empty_is_absent: bool,
    pub(super) _t: PhantomData<T>,
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
pub(super) trait Item<T> {
    /// One item (never absent: `null` is an error).
    fn read<'de, D: Deserializer<'de>>(&mut self, d: D) -> Result<T, D::Error>;
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
    fn read<'de, D: Deserializer<'de>>(&mut self, d: D) -> Result<T, D::Error> {
        d.deserialize_any(ObjectItem::<T>(&mut *self.0, self.1, PhantomData))
    }
    fn cx(&mut self) -> &mut Cx {
        self.0
    }
}

/// One object item at nesting level `.1` (never absent: `null` is an error). Its own visitor,
/// not [`Object`]'s `Option`, so a wide item is built where the list keeps it, not moved.
struct ObjectItem<'c, T>(&'c mut Cx, usize, PhantomData<T>);

impl<T> ObjectItem<'_, T> {
    fn wrong<E: serde::de::Error>(self, found: &str) -> Result<T, E> {
        Err(self.0.fail(wrong_kind("an object", found)))
    }
}

impl<'de, T: JsonFields> Visitor<'de> for ObjectItem<'_, T> {
    type Value = T;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an object")
    }
    fn visit_map<A: MapAccess<'de>>(self, m: A) -> Result<T, A::Error> {
        if self.1 > MAX_DEPTH {
            return Err(self.0.fail(Box::new(DecodeError::too_deep())));
        }
        T::visit(m, self.0, self.1)
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<T, E> {
        self.wrong("null")
    }
    fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<T, E> {
        self.wrong("a string")
    }
    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<T, E> {
        self.wrong("a boolean")
    }
    fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<T, E> {
        self.wrong("a number")
    }
    fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<T, E> {
        self.wrong("a number")
    }
    fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<T, E> {
        self.wrong("a number")
    }
    fn visit_seq<Q: SeqAccess<'de>>(self, _: Q) -> Result<T, Q::Error> {
        self.wrong("a list")
    }
}

/// Scalars read by this function (`.2`: booleans).
pub(super) struct ScalarItems<'c, T>(pub(super) &'c mut Cx, pub(super) Decode<T>, pub(super) bool);

impl<T> Item<T> for ScalarItems<'_, T> {
    fn read<'de, D: Deserializer<'de>>(&mut self, d: D) -> Result<T, D::Error> {
        let raw: &RawValue = serde::Deserialize::deserialize(d)?;
        let read = match text(raw, self.2) {
            Ok(Some(t)) => (self.1)(&t).map_err(Box::new),
            Ok(None) if self.2 => Err(wrong_kind("a boolean", "null")),
            Ok(None) => Err(wrong_kind("a number or a string", "null")),
            Err(e) => Err(e),
        };
        read.map_err(|e| self.0.fail(e))
    }
    fn cx(&mut self) -> &mut Cx {
        self.0
    }
}

/// One item, read by `I`.
struct Each<'a, I, T>(&'a mut I, PhantomData<T>);

impl<'de, T, I: Item<T>> DeserializeSeed<'de> for Each<'_, I, T> {
    type Value = T;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        self.0.read(d)
    }
}

/// A list: `null` or a blank string is empty; an object gives its values as the items (as an
/// XML list element does in the tree decoder).
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
            match seq.next_element_seed(Each(&mut self.0, PhantomData)) {
                Ok(Some(v)) => out.push(v),
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
            match m.next_value_seed(Each(&mut self.0, PhantomData)) {
                Ok(v) => out.push(v),
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
