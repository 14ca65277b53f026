//! Text: an element's text (borrowed from the input where it comes in one piece), its
//! attributes as `xml::parse` reads them, and what an element without children means.

use std::borrow::Cow;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, BytesText, Event};

use super::{XmlIn, has_attributes, not_xml};
use crate::runtime::fields::{self, Failure};
use crate::runtime::node::{DecodeError, Node};
use crate::runtime::xml;

/// `e`'s attributes as `xml::parse` reads them (entries `@name`, values unescaped).
pub(super) fn attributes(e: &BytesStart) -> Result<Vec<(String, Node)>, Failure> {
    xml::element(e).map(|(_, a)| a).map_err(|_| not_xml())
}

/// An element without children where an object was due (its text is not one).
pub fn no_object() -> Failure {
    Box::new(DecodeError::new("expected an object, found a string"))
}

/// An element with children or attributes where a text was due.
fn no_text() -> Failure {
    Box::new(DecodeError::new(
        "expected a number or a string, found an object",
    ))
}

impl<'a> XmlIn<'a> {
    /// A text event's text, borrowed from the input where it is there (no second UTF-8 check:
    /// the input is a `str`), else decoded.
    fn text_in(&self, t: &BytesText<'a>) -> Result<Cow<'a, str>, Failure> {
        let off = (t.as_ptr() as usize).checked_sub(self.input.as_ptr() as usize);
        let borrowed = off.and_then(|off| self.input.get(off..off + t.len()));
        match borrowed {
            Some(s) if s.as_ptr() == t.as_ptr() => Ok(Cow::Borrowed(s)),
            _ => t
                .decode()
                .map(|c| Cow::Owned(c.into_owned()))
                .map_err(|_| not_xml()),
        }
    }

    /// The pending element's text, trimmed; no attributes allowed.
    #[inline]
    pub(super) fn text(&mut self) -> Result<Cow<'a, str>, Failure> {
        let (e, empty) = self.take()?;
        if has_attributes(&e) {
            return Err(no_text());
        }
        if empty {
            return Ok(Cow::Borrowed(""));
        }
        self.content()
    }

    /// The text of the element just entered, through its end tag, trimmed.
    fn content(&mut self) -> Result<Cow<'a, str>, Failure> {
        self.content_or_children(false)?.ok_or_else(no_text)
    }

    /// The pending element and its text, trimmed: `None` where it has child elements (read
    /// past, checked): a [`Coded`](crate::Coded) field's text.
    pub(super) fn coded_text(&mut self) -> Result<(BytesStart<'a>, Option<Cow<'a, str>>), Failure> {
        let (e, empty) = self.take()?;
        if empty {
            return Ok((e, Some(Cow::Borrowed(""))));
        }
        Ok((e, self.content_or_children(true)?))
    }

    /// The text of the element just entered, through its end tag, trimmed; with `children`,
    /// child elements are read past and the text is `None`, else they are an error.
    fn content_or_children(&mut self, children: bool) -> Result<Option<Cow<'a, str>>, Failure> {
        // One text piece is the whole text; several (around an entity reference, a CDATA
        // section, a comment) are read again from the input. Either is trimmed here.
        let start = self.position();
        let mut text: Option<Cow<'a, str>> = None;
        let mut pieces = 0usize;
        let mut elements = false;
        loop {
            let (e, empty) = match self.reader.read_event() {
                Ok(Event::Text(t)) => {
                    pieces += 1;
                    text = Some(self.text_in(&t)?);
                    continue;
                }
                Ok(Event::End(_)) => break,
                Ok(Event::Start(e)) => (e, false),
                Ok(Event::Empty(e)) => (e, true),
                Ok(Event::Eof) | Err(_) => return Err(not_xml()),
                Ok(_) => {
                    pieces += 2;
                    continue;
                }
            };
            if !children {
                return Err(no_text());
            }
            elements = true;
            self.depth += 1;
            self.pending = Some((e, empty));
            let skipped = self.skip();
            self.depth -= 1;
            skipped?;
        }
        if elements {
            return Ok(None);
        }
        let text = match text {
            // An entity reference is an event of its own: one piece holds no `&`.
            Some(t) if pieces == 1 => t,
            None if pieces == 0 => Cow::Borrowed(""),
            _ => Cow::Owned(self.reread(start)?),
        };
        Ok(Some(match text {
            Cow::Borrowed(t) => Cow::Borrowed(fields::trim(t)),
            Cow::Owned(t) => Cow::Owned(fields::trim(&t).to_string()),
        }))
    }

    /// The text of the element whose content starts at `start` and whose end tag was just
    /// read, its pieces joined as sent (entity references resolved, CDATA as is, comments and
    /// processing instructions left out), untrimmed.
    pub(super) fn reread(&self, start: usize) -> Result<String, Failure> {
        let end = self.input[..self.position()]
            .rfind('<')
            .ok_or_else(not_xml)?;
        let content = self.input.get(start..end).ok_or_else(not_xml)?;
        let mut reader = Reader::from_str(content);
        let mut text = String::new();
        loop {
            match reader.read_event().map_err(|_| not_xml())? {
                Event::Text(t) => {
                    let t = t.decode().map_err(|_| not_xml())?;
                    text.push_str(&quick_xml::escape::unescape(&t).map_err(|_| not_xml())?);
                }
                Event::CData(t) => text.push_str(&String::from_utf8_lossy(&t)),
                Event::GeneralRef(r) => {
                    let name = r.decode().map_err(|_| not_xml())?;
                    let reference = format!("&{name};");
                    let resolved =
                        quick_xml::escape::unescape(&reference).map_err(|_| not_xml())?;
                    text.push_str(&resolved);
                }
                Event::Eof => return Ok(text),
                Event::Start(_) | Event::Empty(_) | Event::End(_) => return Err(not_xml()),
                _ => {}
            }
        }
    }

    /// After an element entered with [`XmlIn::enter`] turned out to have no children (its end
    /// tag read): whether its text is blank (then it is absent, or an empty list), else the
    /// error for `expected`.
    pub(super) fn blank_or(&self, expected: &str) -> Result<(), Failure> {
        let (start, text) = self.content;
        if !text || fields::blank(&self.reread(start)?) {
            return Ok(());
        }
        Err(Box::new(DecodeError::new(format!(
            "expected {expected}, found a string"
        ))))
    }
}
