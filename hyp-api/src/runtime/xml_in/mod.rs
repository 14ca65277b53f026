//! The XML one-pass decoder's runtime: a pull reader over quick-xml events, borrowing element
//! names and text from the answer. Generated structs implement [`XmlFields`] with one `match`
//! on the element name per field. The answer's `<root><response>` children and its command
//! element's children are read as one object (the envelope's level first, as
//! `runtime::xml::answer_parts` merges them for answers kept whole).
//!
//! What it accepts and rejects (docs/design.md "Answer decoders"):
//! - an element's attributes are entries `@name` of the element's object (kept with the
//!   unknown fields, where the struct keeps them), or its `code` for a
//!   [`Coded`](crate::Coded) field; a scalar element with attributes is an error (an object
//!   where a text was due), as is a child element inside a scalar;
//! - an object or list element without children is absent (an empty list) where its text is
//!   blank, an error where it is not; a list item without children is an error;
//! - the envelope's fields after the command element come before the command's children, as
//!   in the tree's merge (each field's first occurrence at the envelope's level counts over one
//!   inside the command element; a second command element is ignored);
//! - nesting deeper than [`MAX_DEPTH`], and anything that is not well-formed XML anywhere in
//!   the answer, is the tree's own error (the answer is parsed again on that path only).
//!
//! Unknown elements are kept as [`Node`](crate::Node)s where the struct keeps unknown fields,
//! and skipped (still checked) otherwise; a repeated element's later occurrences are skipped.
//! An error names the field's path from the response (`transactions[0].total`).

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::runtime::fields::{Envelope, Failure};
use crate::runtime::node::{DecodeError, MAX_DEPTH, Node};

mod document;
mod read;
mod text;

use document::reference_ok;
pub use document::{answer, envelope};
pub use read::required;
pub use text::no_object;

/// The name [`XmlIn::child`] gives the attributes of the element just entered: read (with
/// [`XmlIn::other`]) as entries `@name`, as `xml::parse` reads them.
pub const ATTRIBUTES: &[u8] = b"@";

/// Implemented by generated structs: the fields of one element with children.
pub trait XmlFields: Sized {
    /// Reads the children of the element just entered, through its end tag: `None` where it
    /// has neither a child element nor an attribute (its text then decides, see the module
    /// docs).
    fn read(x: &mut XmlIn<'_>) -> Result<Option<Self>, Failure>;

    /// Reads them as a new last item of `items`: built in place where the struct can be (no
    /// move of a wide struct), else read and pushed. An item without children is an error.
    fn read_item(x: &mut XmlIn<'_>, items: &mut Vec<Self>) -> Result<(), Failure> {
        let item = Self::read(x)?.ok_or_else(text::no_object)?;
        items.push(item);
        Ok(())
    }

    /// Reads them into `out` (in place where the struct can be built so); `false`, and `out`
    /// `None`, where the element has no children (as [`XmlFields::read`]).
    fn read_into(x: &mut XmlIn<'_>, out: &mut Option<Self>) -> Result<bool, Failure> {
        *out = Self::read(x)?;
        Ok(out.is_some())
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

/// Where a field was met, for which occurrence counts: the first at the envelope's level (and
/// everywhere but the command element's children) over any inside the command element.
const OUTSIDE: u8 = 1;
/// Met among the command element's children.
const INSIDE: u8 = 2;

/// The pull reader.
pub struct XmlIn<'a> {
    input: &'a str,
    reader: Reader<&'a [u8]>,
    /// How many elements are open around the children being read.
    depth: usize,
    /// The child element [`XmlIn::child`] named, not yet read, and whether it is empty (`<a/>`).
    pending: Option<(BytesStart<'a>, bool)>,
    /// Its name.
    name: &'a [u8],
    /// The attributes of the element just entered, as `@name` entries, not yet read.
    attributes: Vec<(String, Node)>,
    /// An empty element with attributes was entered: its end is the next thing read.
    empty_entered: bool,
    /// Where the content of the element entered last starts, and whether text came in it.
    content: (usize, bool),
    splice: Splice,
    /// [`OUTSIDE`] or [`INSIDE`]: where the child [`XmlIn::child`] named last is.
    level: u8,
    /// Where the command element's unknown entries start in the response's unknown fields.
    command_at: Option<usize>,
    command: &'a str,
    envelope: Envelope,
}

/// Whether the tag holds anything after its name.
fn has_attributes(e: &BytesStart) -> bool {
    e[e.name().as_ref().len()..]
        .iter()
        .any(|b| !b.is_ascii_whitespace())
}

/// Not well-formed XML (`xml::parse`'s message replaces it, see `document`).
fn not_xml() -> Failure {
    Box::new(DecodeError::new("not XML"))
}

impl<'a> XmlIn<'a> {
    /// `bytes` as the same bytes of the input (with the input's lifetime), if they are some.
    #[inline]
    fn in_input(&self, bytes: &[u8]) -> Option<&'a [u8]> {
        let off = (bytes.as_ptr() as usize).checked_sub(self.input.as_ptr() as usize)?;
        let input: &'a [u8] = self.input.as_bytes();
        // The same address and length: the same bytes, compared without reading them.
        input
            .get(off..off + bytes.len())
            .filter(|s| s.as_ptr() == bytes.as_ptr())
    }

    /// The name of `e`, borrowed from the input.
    #[inline]
    fn name_of(&self, e: &BytesStart) -> Result<&'a [u8], Failure> {
        self.in_input(e.name().into_inner()).ok_or_else(not_xml)
    }

    /// Whether the reader is at the response's level after the command element.
    fn after_command(&self) -> bool {
        matches!(self.splice, Splice::Done(at) if at == self.depth)
    }

    /// Whether the child named last is the first occurrence that counts of its field (see
    /// [`OUTSIDE`]); `seen` records where the field was met.
    #[inline]
    fn first(&self, seen: &mut u8) -> bool {
        if *seen == 0 || *seen > self.level {
            *seen = self.level;
            true
        } else {
            false
        }
    }

    /// The next child element's name ([`ATTRIBUTES`] first where the element just entered has
    /// some), or `None` at the end tag of the element being read. The child must then be read
    /// with one of the methods of `read`.
    pub fn child(&mut self) -> Result<Option<&'a [u8]>, Failure> {
        if self.empty_entered || !self.attributes.is_empty() {
            return Ok(self.entered());
        }
        loop {
            // Matched as read (not through a `map_err`): no copy of the event between the two.
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
                Ok(Event::Text(_) | Event::CData(_)) => {
                    self.content.1 = true;
                    continue;
                }
                Ok(Event::GeneralRef(r)) => {
                    if !reference_ok(&r) {
                        return Err(not_xml());
                    }
                    self.content.1 = true;
                    continue;
                }
                Ok(Event::Eof) | Err(_) => return Err(not_xml()),
                Ok(_) => continue,
            };
            if self.depth + 1 > MAX_DEPTH {
                return Err(not_xml());
            }
            let name = self.name_of(&e)?;
            match self.splice {
                Splice::Armed(at) if at == self.depth && name == self.command.as_bytes() => {
                    if has_attributes(&e) {
                        self.attributes = text::attributes(&e)?;
                    }
                    if empty {
                        self.splice = Splice::Done(at);
                    } else {
                        self.depth += 1;
                        self.splice = Splice::Inside(self.depth);
                    }
                    if !self.attributes.is_empty() {
                        self.level = INSIDE;
                        return Ok(Some(ATTRIBUTES));
                    }
                    continue;
                }
                Splice::Done(at) if at == self.depth && name == self.command.as_bytes() => {
                    // A second command element is ignored.
                    self.pending = Some((e, empty));
                    self.skip()?;
                    continue;
                }
                _ => {}
            }
            self.level = if self.splice == Splice::Inside(self.depth) {
                INSIDE
            } else {
                OUTSIDE
            };
            self.pending = Some((e, empty));
            self.name = name;
            return Ok(Some(name));
        }
    }

    /// [`XmlIn::child`] just after entering an element with attributes: them, then (for an
    /// empty element) its end.
    #[cold]
    fn entered(&mut self) -> Option<&'a [u8]> {
        if !self.attributes.is_empty() {
            return Some(ATTRIBUTES);
        }
        self.empty_entered = false;
        self.depth -= 1;
        None
    }

    #[inline]
    fn take(&mut self) -> Result<(BytesStart<'a>, bool), Failure> {
        self.pending.take().ok_or_else(not_xml)
    }

    /// Enters the pending element to read its children (its attributes first, as
    /// [`ATTRIBUTES`]): `false` for an empty one (`<a/>`) without attributes.
    fn enter(&mut self) -> Result<bool, Failure> {
        let (e, empty) = self.take()?;
        if has_attributes(&e) {
            self.attributes = text::attributes(&e)?;
        }
        self.depth += 1;
        self.content = (self.position(), false);
        if empty {
            if self.attributes.is_empty() {
                self.depth -= 1;
                return Ok(false);
            }
            self.empty_entered = true;
        }
        Ok(true)
    }

    /// Where the reader is in the input.
    fn position(&self) -> usize {
        usize::try_from(self.reader.buffer_position()).unwrap_or(usize::MAX)
    }
}
