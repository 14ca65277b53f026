//! Fields that are not scalars: kept as received ([`Node`]), unknown or envelope members,
//! skipped values, objects, lists of objects and lists of scalars; and the seed of an object.

use std::marker::PhantomData;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::list::{List, ObjectItems, ScalarItems};
use super::raw::{raw, text};
use super::{Cx, JsonFields, Key};
use crate::runtime::fields::{self, Decode, Slot, at, wrong_kind};
use crate::runtime::node::{DecodeError, MAX_DEPTH, Node};

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
