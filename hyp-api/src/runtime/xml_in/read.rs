//! The field readers the generated [`XmlFields`] impls call, one per kind of field. Each takes
//! the field's `seen` flag (the first occurrence of an element counts; later ones are read past,
//! still checked) and the place the value goes: the output struct's own field where the struct
//! is built in place, else a local.

use std::borrow::Cow;

use quick_xml::events::BytesStart;

use super::{XmlFields, XmlIn, has_attributes};
use crate::runtime::coded::Coded;
use crate::runtime::fields::{self, Decode, Failure, fallback};
use crate::runtime::node::{DecodeError, Node};

/// The `code` attribute's value, unescaped. quick-xml's duplicate check allocates for every
/// element; the few keys a `Coded` element carries are compared here instead (an element with
/// more keys than kept here is checked by quick-xml).
fn code_attribute<'a>(e: &'a BytesStart) -> Result<Option<Cow<'a, str>>, Failure> {
    let mut keys: [&[u8]; 4] = [&[]; 4];
    let mut code = None;
    let mut attributes = e.attributes();
    attributes.with_checks(false);
    for (i, a) in attributes.enumerate() {
        let a = a.map_err(|_| fallback())?;
        let key = a.key.into_inner();
        if i == keys.len() {
            // Many attributes: quick-xml's own check over all of them.
            for a in e.attributes() {
                a.map_err(|_| fallback())?;
            }
        } else if i < keys.len() {
            if keys[..i].contains(&key) {
                return Err(fallback());
            }
            keys[i] = key;
        }
        // A value without references is its bytes as they are (what unescaping would give).
        let value = match &a.value {
            Cow::Borrowed(raw) if !raw.contains(&b'&') => {
                Cow::Borrowed(std::str::from_utf8(raw).map_err(|_| fallback())?)
            }
            _ => a.unescape_value().map_err(|_| fallback())?,
        };
        if key == b"code" && code.is_none() {
            code = Some(value);
        }
    }
    Ok(code)
}

/// `text` trimmed and owned, `None` where it is blank.
fn non_blank(text: &str) -> Option<String> {
    let t = fields::trim(text);
    (!t.is_empty()).then(|| t.to_string())
}

impl XmlIn<'_> {
    /// A scalar field from the pending element's text. With `empty_is_absent`, blank text is
    /// an absent value.
    pub fn scalar<T>(
        &mut self,
        seen: &mut bool,
        out: &mut Option<T>,
        decode: Decode<T>,
        empty_is_absent: bool,
    ) -> Result<(), Failure> {
        if std::mem::replace(seen, true) {
            return self.skip();
        }
        let text = self.text()?;
        *out = if empty_is_absent && fields::blank(&text) {
            None
        } else {
            Some(decode(&text)?)
        };
        Ok(())
    }

    /// A [`Coded`] field: the `code` attribute and the text, each absent when blank. An element
    /// without attributes and with blank text is absent where the field is optional, and an
    /// empty [`Coded`] where it is required.
    pub fn coded(
        &mut self,
        seen: &mut bool,
        out: &mut Option<Coded>,
        required: bool,
    ) -> Result<(), Failure> {
        if std::mem::replace(seen, true) {
            return self.skip();
        }
        let (e, text) = self.text_of(true)?;
        let text = non_blank(&text);
        *out = if has_attributes(&e) {
            // An element with attributes is a value, even with both parts blank (as the tree
            // decoder reads it).
            let code = code_attribute(&e)?.as_deref().and_then(non_blank);
            Some(Coded { code, text })
        } else {
            (text.is_some() || required).then_some(Coded { code: None, text })
        };
        Ok(())
    }

    /// An object field; an empty element is absent.
    pub fn object<T: XmlFields>(
        &mut self,
        seen: &mut bool,
        out: &mut Option<T>,
    ) -> Result<(), Failure> {
        if std::mem::replace(seen, true) {
            return self.skip();
        }
        if self.enter()? {
            T::read_into(self, out)
        } else {
            *out = None;
            Ok(())
        }
    }

    /// The items of a list element (whatever their names), each read by `item`; an empty
    /// element is an empty list.
    fn items<T>(
        &mut self,
        seen: &mut bool,
        out: &mut Vec<T>,
        mut item: impl FnMut(&mut Self, &mut Vec<T>) -> Result<(), Failure>,
    ) -> Result<(), Failure> {
        if std::mem::replace(seen, true) {
            return self.skip();
        }
        if self.enter()? {
            while self.child()?.is_some() {
                item(self, out)?;
            }
            if out.is_empty() {
                return Err(fallback());
            }
        }
        Ok(())
    }

    /// A list of objects, each built in place in `out` where its struct is.
    pub fn objects<T: XmlFields>(
        &mut self,
        seen: &mut bool,
        out: &mut Vec<T>,
    ) -> Result<(), Failure> {
        self.items(seen, out, |x, out| {
            if x.enter()? {
                T::read_item(x, out)
            } else {
                Err(fallback())
            }
        })
    }

    /// A list of scalars.
    pub fn scalars<T>(
        &mut self,
        seen: &mut bool,
        out: &mut Vec<T>,
        decode: Decode<T>,
    ) -> Result<(), Failure> {
        self.items(seen, out, |x, out| {
            out.push(decode(&x.text()?)?);
            Ok(())
        })
    }

    /// A field kept as received.
    pub fn node(
        &mut self,
        seen: &mut bool,
        out: &mut Option<Node>,
        empty_is_absent: bool,
    ) -> Result<(), Failure> {
        if std::mem::replace(seen, true) {
            return self.skip();
        }
        let node = self.tree()?;
        *out = match &node {
            Node::Str(s) if empty_is_absent && s.trim().is_empty() => None,
            _ => Some(crate::runtime::redact::scrub_value(node)),
        };
        Ok(())
    }

    /// An element the struct has no field for: the envelope's code or message at the
    /// response's level, kept in `unknown` where the struct keeps unknown fields, else skipped.
    pub fn other(
        &mut self,
        name: &[u8],
        unknown: Option<&mut Vec<(String, Node)>>,
    ) -> Result<(), Failure> {
        let name = String::from_utf8_lossy(name);
        if self.envelope.is_envelope(&name) {
            if matches!(self.splice, super::Splice::Armed(at) if at == self.depth) {
                let text = self.text()?;
                return self.envelope.take(&name, Some(&text));
            }
            return self.skip();
        }
        match unknown {
            Some(unknown) => {
                let node = self.tree()?;
                unknown.push(crate::runtime::redact::scrub_entry(name.into_owned(), node));
                Ok(())
            }
            None => self.skip(),
        }
    }
}

/// Whether a struct decoder met any child (an object element without children is the tree
/// decoder's: its text means absent or an error there).
pub fn seen(any: bool) -> Result<(), Failure> {
    if any { Ok(()) } else { Err(fallback()) }
}

/// A required field's value: missing or null is an error naming the field `wire`.
pub fn required<T>(value: Option<T>, wire: &str) -> Result<T, Failure> {
    value.ok_or_else(|| Box::new(DecodeError::new("required field is missing").within(wire)))
}
