//! The parts of the XML reader that read whole subtrees as the tree decoder does (skipped and
//! unknown elements, the document around `<response>`), and the answer's entry point.

use quick_xml::Reader;
use quick_xml::events::Event;

use super::{Splice, XmlFields, XmlIn};
use crate::runtime::fields::{Envelope, Failure, fallback};
use crate::runtime::node::{MAX_DEPTH, Node};
use crate::runtime::xml;

/// Whether an entity reference resolves, as the tree decoder requires.
pub(super) fn reference_ok(r: &quick_xml::events::BytesRef) -> bool {
    r.decode()
        .is_ok_and(|name| quick_xml::escape::unescape(&format!("&{name};")).is_ok())
}

impl XmlIn<'_> {
    /// Reads past the pending element, checking it as the tree decoder would.
    pub fn skip(&mut self) -> Result<(), Failure> {
        self.tree().map(drop)
    }

    /// The pending element as the tree decoder reads it (see [`crate::runtime::xml::parse`]).
    pub(super) fn tree(&mut self) -> Result<Node, Failure> {
        let (e, empty) = self.take()?;
        let (_, attrs) = xml::element(&e).map_err(|_| fallback())?;
        if empty {
            return Ok(xml::close(attrs, String::new()));
        }
        let mut stack: Vec<xml::Open> = vec![(String::new(), attrs, String::new())];
        // Per open element: where its content starts, and whether its text came in more than
        // one piece (read again from the input, untrimmed, if it has no children: the reader
        // trims the start of every piece).
        let mut content: Vec<(usize, bool)> = vec![(self.position(), false)];
        loop {
            match self.event()? {
                Event::Start(e) => {
                    if self.depth + stack.len() + 1 > MAX_DEPTH {
                        return Err(fallback());
                    }
                    let (name, attrs) = xml::element(&e).map_err(|_| fallback())?;
                    stack.push((name, attrs, String::new()));
                    content.push((self.position(), false));
                }
                Event::Empty(e) => {
                    let (name, attrs) = xml::element(&e).map_err(|_| fallback())?;
                    let node = xml::close(attrs, String::new());
                    if let Some(top) = stack.last_mut() {
                        top.1.push((name, node));
                    }
                }
                Event::Text(t) => {
                    let t = t.decode().map_err(|_| fallback())?;
                    let t = quick_xml::escape::unescape(&t).map_err(|_| fallback())?;
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
                    let (name, attrs, mut text) = stack.pop().ok_or_else(fallback)?;
                    let (start, pieces) = content.pop().ok_or_else(fallback)?;
                    if pieces && !attrs.iter().any(|(k, _)| !k.starts_with('@')) {
                        text = self.reread(start)?;
                    }
                    let node = xml::close(attrs, text);
                    match stack.last_mut() {
                        Some(top) => top.1.push((name, node)),
                        None => return Ok(node),
                    }
                }
                Event::Eof => return Err(fallback()),
                _ => {}
            }
        }
    }
}

/// The answer `text` as `T`: the children of `<root><response>` and of its command element
/// `command`, with the envelope's code and message.
pub fn answer<T: XmlFields>(
    text: &str,
    spec: &crate::runtime::endpoint::XmlSpec,
    command: &str,
    envelope: Envelope,
) -> Result<(T, Envelope), Failure> {
    let mut x = XmlIn {
        input: text,
        reader: {
            // Whitespace-only text between elements is not even reported (each text piece's
            // start is trimmed): `text_of` and `tree` read again, untrimmed, any text that
            // comes in more than one piece.
            let mut reader = Reader::from_str(text);
            reader.config_mut().trim_text_start = true;
            reader
        },
        depth: 0,
        pending: None,
        splice: Splice::Off,
        command,
        envelope,
    };
    loop {
        match x.event()? {
            Event::Start(e) if x.name_of(&e)? == spec.root.as_bytes() => {
                xml::element(&e).map_err(|_| fallback())?;
                break;
            }
            Event::Start(_) | Event::Empty(_) | Event::End(_) | Event::Eof => {
                return Err(fallback());
            }
            Event::GeneralRef(r) if !reference_ok(&r) => return Err(fallback()),
            _ => {}
        }
    }
    x.depth = 1;
    let mut out = None;
    while let Some(name) = x.child()? {
        if name == spec.response.as_bytes() && out.is_none() {
            if !x.enter()? {
                return Err(fallback());
            }
            x.splice = Splice::Armed(x.depth);
            out = Some(T::read(&mut x)?);
            x.splice = Splice::Off;
        } else {
            x.skip()?;
        }
    }
    // The rest of the document is checked as the tree decoder reads it.
    loop {
        match x.event()? {
            Event::Eof => break,
            Event::Start(e) => {
                x.pending = Some((e, false));
                x.skip()?;
            }
            Event::Empty(e) => {
                xml::element(&e).map_err(|_| fallback())?;
            }
            Event::End(_) => return Err(fallback()),
            Event::GeneralRef(r) if !reference_ok(&r) => return Err(fallback()),
            _ => {}
        }
    }
    Ok((out.ok_or_else(fallback)?, x.envelope))
}
