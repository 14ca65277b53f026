//! The XML one-pass decoder's runtime: a pull reader over quick-xml events, borrowing element
//! names and text from the answer. Generated structs implement [`XmlFields`] with one `match`
//! on the element name per field. The answer's `<root><response>` children and its command
//! element's children are read as one object, as the tree decoder merges them.
//!
//! Unexpected input (a [`Failure`], then the tree decoder): attributes on an element that is not
//! a `code`-carrying ([`Coded`](crate::Coded)) field, a child element inside a scalar, an object or list
//! element without children, a missing or empty required field, the envelope's fields after
//! the command element, anything that is not well-formed, nesting deeper than [`MAX_DEPTH`].
//! Unknown elements are kept as [`Node`](crate::Node)s where the struct keeps unknown fields, and skipped
//! (still checked) otherwise; a repeated element's later occurrences are skipped.

use std::borrow::Cow;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::runtime::fields::{self, Envelope, Failure, fallback};
use crate::runtime::node::MAX_DEPTH;

mod document;
mod read;

pub use document::answer;
use document::reference_ok;
pub use read::{required, seen};

/// Implemented by generated structs: the fields of one element with children.
pub trait XmlFields: Sized {
    /// Reads the children of the element just entered, through its end tag.
    fn read(x: &mut XmlIn<'_>) -> Result<Self, Failure>;

    /// Reads them as a new last item of `items`: built in place where the struct can be (no
    /// move of a wide struct), else read and pushed.
    fn read_item(x: &mut XmlIn<'_>, items: &mut Vec<Self>) -> Result<(), Failure> {
        let item = Self::read(x)?;
        items.push(item);
        Ok(())
    }

    /// Reads them into `out` (in place where the struct can be built so).
    fn read_into(x: &mut XmlIn<'_>, out: &mut Option<Self>) -> Result<(), Failure> {
        *out = Some(Self::read(x)?);
        Ok(())
    }
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

/// Whether the tag holds anything after its name.
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
            // Matched as read (not through `event`): no copy of the event between the two.
            let (e, empty) = match self.reader.read_event() {
                Ok(Event::Start(e)) => (e, false),
                Ok(Event::Empty(e)) => (e, true),
                Ok(Event::End(_)) => {
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
                Ok(Event::GeneralRef(r)) if !reference_ok(&r) => return Err(fallback()),
                Ok(Event::Eof) | Err(_) => return Err(fallback()),
                Ok(_) => continue,
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

    #[inline]
    fn take(&mut self) -> Result<(BytesStart<'a>, bool), Failure> {
        self.pending.take().ok_or_else(fallback)
    }

    /// The pending element's text, trimmed; `attributes` allowed or not.
    #[inline]
    fn text_of(&mut self, attributes: bool) -> Result<(BytesStart<'a>, Cow<'a, str>), Failure> {
        let (e, empty) = self.take()?;
        if !attributes && has_attributes(&e) {
            return Err(fallback());
        }
        if empty {
            return Ok((e, Cow::Borrowed("")));
        }
        Ok((e, self.content()?))
    }

    /// The pending element's text, trimmed; no attributes allowed.
    #[inline]
    fn text(&mut self) -> Result<Cow<'a, str>, Failure> {
        let (e, empty) = self.take()?;
        if has_attributes(&e) {
            return Err(fallback());
        }
        if empty {
            return Ok(Cow::Borrowed(""));
        }
        self.content()
    }

    /// The text of the element just entered, through its end tag, trimmed.
    fn content(&mut self) -> Result<Cow<'a, str>, Failure> {
        // The reader drops whitespace at the start of each text piece (see `document`): one
        // piece is the whole text; several (around an entity reference, a CDATA section, a
        // comment) are read again from the input, untrimmed.
        let start = self.position();
        let mut text: Option<Cow<'a, str>> = None;
        let mut pieces = 0usize;
        loop {
            match self.reader.read_event() {
                Ok(Event::Text(t)) => {
                    pieces += 1;
                    text = Some(self.text_in(&t)?);
                }
                Ok(Event::End(_)) => break,
                Ok(Event::Start(_) | Event::Empty(_) | Event::Eof) | Err(_) => {
                    return Err(fallback());
                }
                Ok(_) => pieces += 2,
            }
        }
        let text = match text {
            // An entity reference is an event of its own: one piece holds no `&`.
            Some(t) if pieces == 1 => t,
            None if pieces == 0 => Cow::Borrowed(""),
            _ => Cow::Owned(self.reread(start)?),
        };
        Ok(match text {
            Cow::Borrowed(t) => Cow::Borrowed(fields::trim(t)),
            Cow::Owned(t) => Cow::Owned(fields::trim(&t).to_string()),
        })
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
}
