//! The field readers the generated [`XmlFields`] impls call, one per kind of field. Each takes
//! the field's `seen` mark (which occurrence of an element counts, see `XmlIn::first`; the
//! others are read past, still checked) and the place the value goes: the output struct's own
//! field where the struct is built in place, else a local. An error names the field.

use std::borrow::Cow;

use quick_xml::events::BytesStart;

use super::{ATTRIBUTES, INSIDE, XmlFields, XmlIn, has_attributes, not_xml, text};
use crate::runtime::coded::Coded;
use crate::runtime::fields::{self, Decode, Failure, at};
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
        let a = a.map_err(|_| not_xml())?;
        let key = a.key.into_inner();
        if i == keys.len() {
            // Many attributes: quick-xml's own check over all of them.
            for a in e.attributes() {
                a.map_err(|_| not_xml())?;
            }
        } else if i < keys.len() {
            if keys[..i].contains(&key) {
                return Err(not_xml());
            }
            keys[i] = key;
        }
        // A value without references is its bytes as they are (what unescaping would give).
        let value = match &a.value {
            Cow::Borrowed(raw) if !raw.contains(&b'&') => {
                Cow::Borrowed(std::str::from_utf8(raw).map_err(|_| not_xml())?)
            }
            _ => a.unescape_value().map_err(|_| not_xml())?,
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

impl<'a> XmlIn<'a> {
    /// `e` with the field `name` in front of its path.
    fn within(e: Failure, name: &[u8]) -> Failure {
        at(e, &String::from_utf8_lossy(name))
    }

    /// A scalar field from the pending element's text. With `empty_is_absent`, blank text is
    /// an absent value.
    pub fn scalar<T>(
        &mut self,
        seen: &mut u8,
        out: &mut Option<T>,
        decode: Decode<T>,
        empty_is_absent: bool,
    ) -> Result<(), Failure> {
        if !self.first(seen) {
            return self.skip();
        }
        let name = self.name;
        let text = self.text().map_err(|e| Self::within(e, name))?;
        *out = if empty_is_absent && fields::blank(&text) {
            None
        } else {
            Some(decode(&text).map_err(|e| Self::within(Box::new(e), name))?)
        };
        Ok(())
    }

    /// A [`Coded`] field: the `code` attribute and the text, each absent when blank (the text
    /// absent too where the element has children). An element without attributes and with
    /// blank text is absent where the field is optional, and an empty [`Coded`] where required.
    pub fn coded(
        &mut self,
        seen: &mut u8,
        out: &mut Option<Coded>,
        required: bool,
    ) -> Result<(), Failure> {
        if !self.first(seen) {
            return self.skip();
        }
        let name = self.name;
        let (e, text) = self.coded_text().map_err(|e| Self::within(e, name))?;
        let text = text.as_deref().and_then(non_blank);
        *out = if has_attributes(&e) {
            // An element with attributes is a value, even with both parts blank.
            let code = code_attribute(&e).map_err(|e| Self::within(e, name))?;
            Some(Coded {
                code: code.as_deref().and_then(non_blank),
                text,
            })
        } else {
            (text.is_some() || required).then_some(Coded { code: None, text })
        };
        Ok(())
    }

    /// An object field; an empty element, or one with blank text, is absent.
    pub fn object<T: XmlFields>(
        &mut self,
        seen: &mut u8,
        out: &mut Option<T>,
    ) -> Result<(), Failure> {
        if !self.first(seen) {
            return self.skip();
        }
        let name = self.name;
        let read = |x: &mut Self, out: &mut Option<T>| {
            if !x.enter()? {
                *out = None;
            } else if !T::read_into(x, out)? {
                x.blank_or("an object")?;
            }
            Ok(())
        };
        read(self, out).map_err(|e| Self::within(e, name))
    }

    /// The items of a list element (whatever their names), each read by `item` (which gets the
    /// item's index); an empty element, or one with blank text, is an empty list. `attribute`
    /// reads an attribute of the list element, which is read as an item.
    fn items<T>(
        &mut self,
        seen: &mut u8,
        out: &mut Vec<T>,
        attribute: fn(&Node) -> Result<T, Failure>,
        mut item: impl FnMut(&mut Self, &mut Vec<T>) -> Result<(), Failure>,
    ) -> Result<(), Failure> {
        if !self.first(seen) {
            return self.skip();
        }
        out.clear();
        let name = self.name;
        let mut read = |x: &mut Self| -> Result<(), Failure> {
            if !x.enter()? {
                return Ok(());
            }
            for (_, value) in std::mem::take(&mut x.attributes) {
                let i = out.len();
                out.push(attribute(&value).map_err(|e| at(e, &format!("[{i}]")))?);
            }
            let mut any = false;
            while x.child()?.is_some() {
                any = true;
                let i = out.len();
                item(x, out).map_err(|e| at(e, &format!("[{i}]")))?;
            }
            if !any && out.is_empty() {
                x.blank_or("a list")?;
            }
            Ok(())
        };
        read(self).map_err(|e| Self::within(e, name))
    }

    /// A list of objects, each built in place in `out` where its struct is.
    pub fn objects<T: XmlFields>(
        &mut self,
        seen: &mut u8,
        out: &mut Vec<T>,
    ) -> Result<(), Failure> {
        self.items(
            seen,
            out,
            |_| Err(text::no_object()),
            |x, out| {
                if x.enter()? {
                    T::read_item(x, out)
                } else {
                    Err(text::no_object())
                }
            },
        )
    }

    /// A list of scalars.
    pub fn scalars<T: crate::runtime::codec::FromNode>(
        &mut self,
        seen: &mut u8,
        out: &mut Vec<T>,
        decode: Decode<T>,
    ) -> Result<(), Failure> {
        self.items(
            seen,
            out,
            |node| Ok(T::from_node(node)?),
            |x, out| {
                out.push(decode(&x.text()?)?);
                Ok(())
            },
        )
    }

    /// A field kept as received.
    pub fn node(
        &mut self,
        seen: &mut u8,
        out: &mut Option<Node>,
        empty_is_absent: bool,
    ) -> Result<(), Failure> {
        if !self.first(seen) {
            return self.skip();
        }
        let node = self.tree()?;
        *out = match &node {
            Node::Str(s) if empty_is_absent && s.trim().is_empty() => None,
            _ => Some(crate::runtime::redact::scrub_value(node)),
        };
        Ok(())
    }

    /// An element the struct has no field for (or the element's attributes, [`ATTRIBUTES`]):
    /// the envelope's code or message at the response's level, kept in `unknown` where the
    /// struct keeps unknown fields (the envelope's level before the command element's
    /// children), else skipped.
    pub fn other(
        &mut self,
        name: &[u8],
        unknown: Option<&mut Vec<(String, Node)>>,
    ) -> Result<(), Failure> {
        if name == ATTRIBUTES {
            let attributes = std::mem::take(&mut self.attributes);
            if let Some(unknown) = unknown {
                for (k, v) in attributes {
                    self.keep(unknown, crate::runtime::redact::scrub_entry(k, v));
                }
            }
            return Ok(());
        }
        let name = String::from_utf8_lossy(name);
        if self.envelope.is_envelope(&name) {
            let level = matches!(self.splice, super::Splice::Armed(at) if at == self.depth);
            if level || self.after_command() {
                let text = self.text().map_err(|e| at(e, &name))?;
                return self.envelope.take(&name, Some(&text));
            }
            return self.skip();
        }
        match unknown {
            Some(unknown) => {
                let node = self.tree()?;
                let entry = crate::runtime::redact::scrub_entry(name.into_owned(), node);
                self.keep(unknown, entry);
                Ok(())
            }
            None => self.skip(),
        }
    }

    /// Adds an unknown entry in its place in that order.
    fn keep(&mut self, unknown: &mut Vec<(String, Node)>, entry: (String, Node)) {
        if self.level == INSIDE {
            self.command_at.get_or_insert(unknown.len());
            unknown.push(entry);
        } else if let (true, Some(i)) = (self.after_command(), self.command_at) {
            unknown.insert(i, entry);
            self.command_at = Some(i + 1);
        } else {
            unknown.push(entry);
        }
    }
}

/// A required field's value: missing or null is an error naming the field `wire`.
pub fn required<T>(value: Option<T>, wire: &str) -> Result<T, Failure> {
    value.ok_or_else(|| Box::new(DecodeError::new("required field is missing").within(wire)))
}
