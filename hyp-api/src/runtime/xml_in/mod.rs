//! The XML one-pass decoder's runtime: a pull reader over quick-xml events, borrowing element
//! names and text from the answer. Generated structs implement [`XmlFields`] with one `match`
//! on the element name per field. The answer's `<root><response>` children and its command
//! element's children are read as one object, as the tree decoder merges them.
//!
//! Unexpected input (a [`Failure`], then the tree decoder): attributes on an element that is not
//! a `code`-carrying ([`Coded`]) field, a child element inside a scalar, an object or list
//! element without children, a missing or empty required field, the envelope's fields after
//! the command element, anything that is not well-formed, nesting deeper than [`MAX_DEPTH`].
//! Unknown elements are kept as [`Node`]s where the struct keeps unknown fields, and skipped
//! (still checked) otherwise; a repeated element's later occurrences are skipped.

use std::borrow::Cow;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::runtime::coded::Coded;
use crate::runtime::fields::{self, Decode, Envelope, Failure, Slot, fallback};
use crate::runtime::node::{MAX_DEPTH, Node};

mod document;

pub use document::answer;
use document::reference_ok;

/// Implemented by generated structs: the fields of one element with children.
pub trait XmlFields: Sized {
    /// Reads the children of the element just entered, through its end tag.
    fn read(x: &mut XmlIn<'_>) -> Result<Self, Failure>;
}

/// Where the reader is relative to the command element, whose children are the response's too.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Splice {
    Off,
    /// Reading `<response>`'s children (at this depth); the command element not met yet.
    Armed(usize),
    /// Inside the command element (at this depth).
    Inside(usize),
    /// The command element was read; `<response>` is at this depth.
    Done(usize),
}

/// The pull reader.
pub struct XmlIn<'a> {
    input: &'a str,
    reader: Reader<&'a [u8]>,
    /// How many elements are open around the children being read.
    depth: usize,
    /// The child element [`XmlIn::child`] named, not yet read, and whether it is empty (`<a/>`).
    pending: Option<(BytesStart<'a>, bool)>,
    splice: Splice,
    command: &'a str,
    envelope: Envelope,
}

fn has_attributes(e: &BytesStart) -> bool {
    e[e.name().as_ref().len()..]
        .iter()
        .any(|b| !b.is_ascii_whitespace())
}

impl<'a> XmlIn<'a> {
    fn event(&mut self) -> Result<Event<'a>, Failure> {
        self.reader.read_event().map_err(|_| fallback())
    }

    /// `bytes` as the same bytes of the input (with the input's lifetime), if they are some.
    fn in_input(&self, bytes: &[u8]) -> Option<&'a [u8]> {
        let off = (bytes.as_ptr() as usize).checked_sub(self.input.as_ptr() as usize)?;
        let input: &'a [u8] = self.input.as_bytes();
        // The same address and length: the same bytes, compared without reading them.
        input
            .get(off..off + bytes.len())
            .filter(|s| s.as_ptr() == bytes.as_ptr())
    }

    /// The name of `e`, borrowed from the input.
    fn name_of(&self, e: &BytesStart) -> Result<&'a [u8], Failure> {
        self.in_input(e.name().into_inner()).ok_or_else(fallback)
    }

    /// A text event's text, borrowed from the input where it is there (no second UTF-8 check:
    /// the input is a `str`), else decoded.
    fn text_in(&self, t: &quick_xml::events::BytesText<'a>) -> Result<Cow<'a, str>, Failure> {
        let off = (t.as_ptr() as usize).checked_sub(self.input.as_ptr() as usize);
        let borrowed = off.and_then(|off| self.input.get(off..off + t.len()));
        match borrowed {
            Some(s) if s.as_ptr() == t.as_ptr() => Ok(Cow::Borrowed(s)),
            _ => t
                .decode()
                .map(|c| Cow::Owned(c.into_owned()))
                .map_err(|_| fallback()),
        }
    }

    /// The next child element's name, or `None` at the end tag of the element being read.
    /// The child must then be read with one of the methods below.
    pub fn child(&mut self) -> Result<Option<&'a [u8]>, Failure> {
        loop {
            let (e, empty) = match self.event()? {
                Event::Start(e) => (e, false),
                Event::Empty(e) => (e, true),
                Event::End(_) => {
                    if self.splice == Splice::Inside(self.depth) {
                        self.splice = Splice::Done(self.depth - 1);
                    } else {
                        self.pending = None;
                        self.depth -= 1;
                        return Ok(None);
                    }
                    self.depth -= 1;
                    continue;
                }
                Event::GeneralRef(r) if !reference_ok(&r) => return Err(fallback()),
                Event::Eof => return Err(fallback()),
                _ => continue,
            };
            if self.depth + 1 > MAX_DEPTH {
                return Err(fallback());
            }
            let name = self.name_of(&e)?;
            match self.splice {
                Splice::Armed(at) if at == self.depth && name == self.command.as_bytes() => {
                    if has_attributes(&e) {
                        return Err(fallback());
                    }
                    if empty {
                        self.splice = Splice::Done(at);
                    } else {
                        self.depth += 1;
                        self.splice = Splice::Inside(self.depth);
                    }
                    continue;
                }
                Splice::Done(at) if at == self.depth => {
                    // A second command element is ignored; envelope fields after the command
                    // element come before its children in the merged order: the tree's job.
                    if name != self.command.as_bytes() {
                        return Err(fallback());
                    }
                    self.pending = Some((e, empty));
                    self.skip()?;
                    continue;
                }
                _ => {}
            }
            self.pending = Some((e, empty));
            return Ok(Some(name));
        }
    }

    fn take(&mut self) -> Result<(BytesStart<'a>, bool), Failure> {
        self.pending.take().ok_or_else(fallback)
    }

    /// The pending element's text, trimmed; `attributes` allowed or not.
    fn text_of(&mut self, attributes: bool) -> Result<(BytesStart<'a>, Cow<'a, str>), Failure> {
        let (e, empty) = self.take()?;
        if !attributes && has_attributes(&e) {
            return Err(fallback());
        }
        if empty {
            return Ok((e, Cow::Borrowed("")));
        }
        // The reader drops whitespace at the start of each text piece (see `document`): one
        // piece is the whole text; several (around an entity reference, a CDATA section, a
        // comment) are read again from the input, untrimmed.
        let start = self.position();
        let mut text: Option<Cow<'a, str>> = None;
        let mut pieces = 0usize;
        loop {
            match self.event()? {
                Event::Text(t) => {
                    pieces += 1;
                    text = Some(self.text_in(&t)?);
                }
                Event::End(_) => break,
                Event::Start(_) | Event::Empty(_) | Event::Eof => return Err(fallback()),
                _ => pieces += 2,
            }
        }
        let text = match text {
            Some(t) if pieces == 1 && !t.contains('&') => t,
            None if pieces == 0 => Cow::Borrowed(""),
            _ => Cow::Owned(self.reread(start)?),
        };
        let text = match text {
            Cow::Borrowed(t) => Cow::Borrowed(fields::trim(t)),
            Cow::Owned(t) => Cow::Owned(fields::trim(&t).to_string()),
        };
        Ok((e, text))
    }

    /// Where the reader is in the input.
    fn position(&self) -> usize {
        usize::try_from(self.reader.buffer_position()).unwrap_or(usize::MAX)
    }

    /// The text of the element whose content starts at `start` and whose end tag was just
    /// read, its pieces joined as sent (entity references resolved, CDATA as is, comments and
    /// processing instructions left out), untrimmed.
    fn reread(&self, start: usize) -> Result<String, Failure> {
        let end = self.input[..self.position()]
            .rfind('<')
            .ok_or_else(fallback)?;
        let content = self.input.get(start..end).ok_or_else(fallback)?;
        let mut reader = Reader::from_str(content);
        let mut text = String::new();
        loop {
            match reader.read_event().map_err(|_| fallback())? {
                Event::Text(t) => {
                    let t = t.decode().map_err(|_| fallback())?;
                    text.push_str(&quick_xml::escape::unescape(&t).map_err(|_| fallback())?);
                }
                Event::CData(t) => text.push_str(&String::from_utf8_lossy(&t)),
                Event::GeneralRef(r) => {
                    let name = r.decode().map_err(|_| fallback())?;
                    let reference = format!("&{name};");
                    let resolved =
                        quick_xml::escape::unescape(&reference).map_err(|_| fallback())?;
                    text.push_str(&resolved);
                }
                Event::Eof => return Ok(text),
                Event::Start(_) | Event::Empty(_) | Event::End(_) => return Err(fallback()),
                _ => {}
            }
        }
    }

    /// A scalar field from the pending element's text.
    pub fn scalar<T>(
        &mut self,
        slot: &mut Slot<T>,
        decode: Decode<T>,
        empty_is_absent: bool,
    ) -> Result<(), Failure> {
        if slot.is_some() {
            return self.skip();
        }
        let (_, text) = self.text_of(false)?;
        fields::set(slot, &text, decode, empty_is_absent)
    }

    /// A [`Coded`] field: the `code` attribute and the text.
    pub fn coded(&mut self, slot: &mut Slot<Coded>, required: bool) -> Result<(), Failure> {
        if slot.is_some() {
            return self.skip();
        }
        let (e, text) = self.text_of(true)?;
        if !has_attributes(&e) {
            fields::set_coded(slot, &text, required);
            return Ok(());
        }
        let mut code = None;
        for a in e.attributes() {
            let a = a.map_err(|_| fallback())?;
            let value = a.unescape_value().map_err(|_| fallback())?;
            if a.key.as_ref() == b"code" && code.is_none() {
                code = Some(value.trim().to_string());
            }
        }
        let non_empty = |s: &str| (!s.is_empty()).then(|| s.to_string());
        *slot = Some(Some(Coded {
            code: code.as_deref().and_then(non_empty),
            text: non_empty(&text),
        }));
        Ok(())
    }

    /// Enters the pending element to read its children: `false` for an empty one (`<a/>`).
    fn enter(&mut self) -> Result<bool, Failure> {
        let (e, empty) = self.take()?;
        if has_attributes(&e) {
            return Err(fallback());
        }
        if !empty {
            self.depth += 1;
        }
        Ok(!empty)
    }

    /// An object field; an empty element is absent.
    pub fn object<T: XmlFields>(&mut self, slot: &mut Slot<T>) -> Result<(), Failure> {
        if slot.is_some() {
            return self.skip();
        }
        *slot = Some(if self.enter()? {
            Some(T::read(self)?)
        } else {
            None
        });
        Ok(())
    }

    /// The items of a list element (whatever their names), each read by `item`.
    fn items<T>(
        &mut self,
        slot: &mut Slot<Vec<T>>,
        mut item: impl FnMut(&mut Self) -> Result<T, Failure>,
    ) -> Result<(), Failure> {
        if slot.is_some() {
            return self.skip();
        }
        let mut items = Vec::new();
        if self.enter()? {
            while self.child()?.is_some() {
                items.push(item(self)?);
            }
            if items.is_empty() {
                return Err(fallback());
            }
        }
        *slot = Some(Some(items));
        Ok(())
    }

    /// A list of objects.
    pub fn objects<T: XmlFields>(&mut self, slot: &mut Slot<Vec<T>>) -> Result<(), Failure> {
        self.items(slot, |x| {
            if x.enter()? {
                T::read(x)
            } else {
                Err(fallback())
            }
        })
    }

    /// A list of scalars.
    pub fn scalars<T>(
        &mut self,
        slot: &mut Slot<Vec<T>>,
        decode: Decode<T>,
    ) -> Result<(), Failure> {
        self.items(slot, |x| Ok(decode(&x.text_of(false)?.1)?))
    }

    /// A field kept as received.
    pub fn node(&mut self, slot: &mut Slot<Node>, empty_is_absent: bool) -> Result<(), Failure> {
        if slot.is_some() {
            return self.skip();
        }
        let node = self.tree()?;
        *slot = Some(match &node {
            Node::Str(s) if empty_is_absent && s.trim().is_empty() => None,
            _ => Some(crate::runtime::redact::scrub_value(node)),
        });
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
            if matches!(self.splice, Splice::Armed(at) if at == self.depth) {
                let (_, text) = self.text_of(false)?;
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
