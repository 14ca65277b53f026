//! The parts of the XML reader that read whole subtrees into the `Node` tree (`xml::parse`'s rules) (skipped and
//! unknown elements, the document around `<response>`), and the answer's entry point.

use quick_xml::Reader;
use quick_xml::events::Event;

use super::{Splice, XmlFields, XmlIn, not_xml};
use crate::runtime::fields::{Envelope, Failure};
use crate::runtime::node::{DecodeError, MAX_DEPTH, Node};
use crate::runtime::xml;

/// Whether an entity reference resolves, as `xml::parse` requires.
pub(super) fn reference_ok(r: &quick_xml::events::BytesRef) -> bool {
    r.decode()
        .is_ok_and(|name| quick_xml::escape::unescape(&format!("&{name};")).is_ok())
}

impl XmlIn<'_> {
    /// Reads past the pending element, checking it as `xml::parse` would.
    pub fn skip(&mut self) -> Result<(), Failure> {
        self.tree().map(drop)
    }

    /// The pending element as a `Node` tree (see [`crate::runtime::xml::parse`]).
    pub(super) fn tree(&mut self) -> Result<Node, Failure> {
        let (e, empty) = self.take()?;
        let (_, attrs) = xml::element(&e).map_err(|_| not_xml())?;
        if empty {
            return Ok(xml::close(attrs, String::new()));
        }
        let mut stack: Vec<xml::Open> = vec![(String::new(), attrs, String::new())];
        // Per open element: where its content starts, and whether its text came in more than
        // one piece (around an entity reference, a CDATA section, a comment: read again from
        // the input, if it has no children).
        let mut content: Vec<(usize, bool)> = vec![(self.position(), false)];
        loop {
            match self.reader.read_event().map_err(|_| not_xml())? {
                Event::Start(e) => {
                    if self.depth + stack.len() + 1 > MAX_DEPTH {
                        return Err(not_xml());
                    }
                    let (name, attrs) = xml::element(&e).map_err(|_| not_xml())?;
                    stack.push((name, attrs, String::new()));
                    content.push((self.position(), false));
                }
                Event::Empty(e) => {
                    let (name, attrs) = xml::element(&e).map_err(|_| not_xml())?;
                    let node = xml::close(attrs, String::new());
                    if let Some(top) = stack.last_mut() {
                        top.1.push((name, node));
                    }
                }
                Event::Text(t) => {
                    let t = t.decode().map_err(|_| not_xml())?;
                    let t = quick_xml::escape::unescape(&t).map_err(|_| not_xml())?;
                    if let (Some(top), Some(at)) = (stack.last_mut(), content.last_mut()) {
                        at.1 |= !top.2.is_empty();
                        top.2.push_str(&t);
                    }
                }
                Event::CData(_) | Event::GeneralRef(_) | Event::Comment(_) | Event::PI(_) => {
                    if let Some(at) = content.last_mut() {
                        at.1 = true;
                    }
                }
                Event::End(_) => {
                    let (name, attrs, mut text) = stack.pop().ok_or_else(not_xml)?;
                    let (start, pieces) = content.pop().ok_or_else(not_xml)?;
                    if pieces && !attrs.iter().any(|(k, _)| !k.starts_with('@')) {
                        text = self.reread(start)?;
                    }
                    let node = xml::close(attrs, text);
                    match stack.last_mut() {
                        Some(top) => top.1.push((name, node)),
                        None => return Ok(node),
                    }
                }
                Event::Eof => return Err(not_xml()),
                _ => {}
            }
        }
    }
}

/// The answer `text` as `T`: the children of `<root><response>` and of its command element
/// `command`, with the envelope's code and message. An answer `xml::parse` would not parse
/// at all fails with its error.
pub fn answer<T: XmlFields>(
    text: &str,
    spec: &crate::runtime::endpoint::XmlSpec,
    command: &str,
    envelope: Envelope,
) -> Result<(T, Envelope), Failure> {
    let mut out = None;
    let envelope = read_answer(text, spec, command, envelope, &mut |x| {
        out = T::read(x)?;
        Ok(out.is_some())
    })?;
    // `read_answer` succeeds only where the response was read with some content.
    Ok((out.ok_or_else(not_xml)?, envelope))
}

/// [`answer`], with `read` reading the response (`false` where it has no content): one
/// compiled body for every response type.
fn read_answer(
    text: &str,
    spec: &crate::runtime::endpoint::XmlSpec,
    command: &str,
    envelope: Envelope,
    read: &mut dyn FnMut(&mut XmlIn<'_>) -> Result<bool, Failure>,
) -> Result<Envelope, Failure> {
    let mut x = XmlIn {
        input: text,
        // Text is reported as it is (indentation between elements included): quick-xml's
        // `trim_text_start` skips whitespace a byte at a time, where an untrimmed text event is
        // one SIMD search for the next `<`; readers trim what they keep.
        reader: Reader::from_str(text),
        depth: 0,
        pending: None,
        name: &[],
        attributes: Vec::new(),
        empty_entered: false,
        content: (0, false),
        splice: Splice::Off,
        level: super::OUTSIDE,
        command_at: None,
        command,
        envelope,
    };
    match document(&mut x, spec, read) {
        Ok(()) => Ok(x.envelope),
        // Not well-formed somewhere (maybe past where this pass stopped): the tree's error.
        Err(e) => Err(xml::parse(text).err().map_or(e, Box::new)),
    }
}

/// Only the envelope's code and message of the answer `text` (nothing of the response is
/// read, all of it is checked as [`answer`] checks it).
pub fn envelope(
    text: &str,
    spec: &crate::runtime::endpoint::XmlSpec,
    command: &str,
    envelope: Envelope,
) -> Result<Envelope, Failure> {
    answer::<Nothing>(text, spec, command, envelope).map(|(_, e)| e)
}

/// A response of which only the envelope is read.
struct Nothing;

impl XmlFields for Nothing {
    fn read(x: &mut XmlIn<'_>) -> Result<Option<Self>, Failure> {
        let mut any = false;
        while let Some(name) = x.child()? {
            any = true;
            x.other(name, None)?;
        }
        Ok(any.then_some(Nothing))
    }
}

/// The document: its root element's first `<response>`, read by `read` (`false` where it has
/// no content, an error); everything else checked as `xml::parse` reads it.
fn document(
    x: &mut XmlIn<'_>,
    spec: &crate::runtime::endpoint::XmlSpec,
    read: &mut dyn FnMut(&mut XmlIn<'_>) -> Result<bool, Failure>,
) -> Result<(), Failure> {
    // Whether the response was met, and whether it had content.
    let (mut root, mut response) = (false, None::<bool>);
    loop {
        match x.reader.read_event().map_err(|_| not_xml())? {
            Event::Start(e) if !root && x.name_of(&e)? == spec.root.as_bytes() => {
                xml::element(&e).map_err(|_| not_xml())?;
                root = true;
                x.depth = 1;
                while let Some(name) = x.child()? {
                    if name != spec.response.as_bytes() || response.is_some() {
                        x.skip()?;
                        continue;
                    }
                    response = Some(if x.enter()? {
                        x.splice = Splice::Armed(x.depth);
                        let any = read(x)?;
                        x.splice = Splice::Off;
                        any
                    } else {
                        false
                    });
                }
            }
            Event::Start(e) => {
                x.pending = Some((e, false));
                x.skip()?;
            }
            Event::Empty(e) => {
                // An empty root has no response.
                root |= x.name_of(&e)? == spec.root.as_bytes();
                xml::element(&e).map_err(|_| not_xml())?;
            }
            Event::End(_) => return Err(not_xml()),
            Event::GeneralRef(r) if !reference_ok(&r) => return Err(not_xml()),
            Event::Eof => break,
            _ => {}
        }
    }
    match response {
        Some(true) => Ok(()),
        Some(false) => Err(Box::new(DecodeError::new(format!(
            "<{}> is empty",
            spec.response
        )))),
        None => Err(Box::new(DecodeError::new(format!(
            "no <{}><{}> element",
            spec.root, spec.response
        )))),
    }
}
