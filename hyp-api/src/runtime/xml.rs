//! XML ⇄ [`Node`], with quick-xml (escaping is never hand-rolled).
//!
//! Reading is schema-free: an element with children is a map of its children in document order
//! (repeated names allowed, so a list element is a map of its items); an element with only text
//! is that text; an empty element is the empty string (an absent value for non-text fields);
//! attributes are entries `@name`, and the text beside them is `#text`. Elements nest at most
//! [`MAX_DEPTH`] deep: a deeper one is a [`DecodeError`] naming the elements around it.

use quick_xml::Reader;
use quick_xml::Writer;
use quick_xml::events::{BytesEnd, BytesStart, BytesText, Event};

use crate::runtime::node::{DecodeError, MAX_DEPTH, Node};

/// An element being read: its name, its entries so far, its text so far.
pub(crate) type Open = (String, Vec<(String, Node)>, String);

/// Parses XML text into a node: a map with the root element as its one entry.
pub fn parse(text: &str) -> Result<Node, DecodeError> {
    let mut reader = Reader::from_str(text);
    let mut stack: Vec<Open> = vec![(String::new(), Vec::new(), String::new())];
    let bad = |e: &dyn std::fmt::Display| DecodeError::new(format!("not XML: {e}"));
    loop {
        match reader.read_event().map_err(|e| bad(&e))? {
            Event::Start(e) => {
                let (name, attrs) = element(&e).map_err(|e| bad(&e))?;
                // The stack holds the document above the root: its length is the new depth.
                if stack.len() > MAX_DEPTH {
                    let mut path = stack[1..].iter().map(|(n, _, _)| n.as_str());
                    let mut error = DecodeError::too_deep().within(&name);
                    while let Some(parent) = path.next_back() {
                        error = error.within(parent);
                    }
                    return Err(error);
                }
                stack.push((name, attrs, String::new()));
            }
            Event::Empty(e) => {
                let (name, attrs) = element(&e).map_err(|e| bad(&e))?;
                let node = close(attrs, String::new());
                push(&mut stack, name, node);
            }
            Event::Text(t) => {
                let text = t.decode().map_err(|e| bad(&e))?;
                let text = quick_xml::escape::unescape(&text).map_err(|e| bad(&e))?;
                if let Some(top) = stack.last_mut() {
                    top.2.push_str(&text);
                }
            }
            Event::CData(t) => {
                if let Some(top) = stack.last_mut() {
                    top.2.push_str(&String::from_utf8_lossy(&t));
                }
            }
            Event::GeneralRef(r) => {
                // An entity reference between text pieces (`&amp;`): resolve and append.
                let name = r.decode().map_err(|e| bad(&e))?;
                let reference = format!("&{name};");
                let text = quick_xml::escape::unescape(&reference).map_err(|e| bad(&e))?;
                if let Some(top) = stack.last_mut() {
                    top.2.push_str(&text);
                }
            }
            Event::End(_) => {
                let Some((name, attrs, text)) = stack.pop() else {
                    return Err(DecodeError::new("not XML: unbalanced end tag"));
                };
                if stack.is_empty() {
                    return Err(DecodeError::new("not XML: unbalanced end tag"));
                }
                let node = close(attrs, text);
                push(&mut stack, name, node);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    match stack.pop() {
        Some((_, entries, _)) if stack.is_empty() && !entries.is_empty() => Ok(Node::Map(entries)),
        _ => Err(DecodeError::new(
            "not XML: no root element, or an element left open",
        )),
    }
}

pub(crate) fn element(e: &BytesStart) -> Result<(String, Vec<(String, Node)>), quick_xml::Error> {
    let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
    let mut attrs = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(quick_xml::Error::from)?;
        let key = format!("@{}", String::from_utf8_lossy(a.key.as_ref()));
        let value = a.unescape_value()?.into_owned();
        attrs.push((key, Node::Str(value)));
    }
    Ok((name, attrs))
}

/// An element's node: its children, or its text (with its attributes, if any).
pub(crate) fn close(mut entries: Vec<(String, Node)>, text: String) -> Node {
    // Indentation between elements is not content; an element's own text is trimmed at its ends.
    let text = text.trim().to_string();
    let has_children = entries.iter().any(|(k, _)| !k.starts_with('@'));
    if has_children {
        Node::Map(entries)
    } else if entries.is_empty() {
        Node::Str(text)
    } else {
        if !text.is_empty() {
            entries.push(("#text".into(), Node::Str(text)));
        }
        Node::Map(entries)
    }
}

fn push(stack: &mut [Open], name: String, node: Node) {
    if let Some(top) = stack.last_mut() {
        top.1.push((name, node));
    }
}

/// Writes a node as XML: a map's entries become elements (attributes from `@` keys, text from
/// `#text`), a list repeats its parent element, scalars become escaped text. `bool_text` gives
/// how `true` and `false` are written.
pub fn to_string(node: &Node, bool_text: (&str, &str)) -> Result<String, quick_xml::Error> {
    let mut w = Writer::new(Vec::new());
    if let Node::Map(entries) = node {
        for (k, v) in entries {
            write(&mut w, k, v, bool_text)?;
        }
    }
    Ok(String::from_utf8_lossy(&w.into_inner()).into_owned())
}

fn write(
    w: &mut Writer<Vec<u8>>,
    name: &str,
    node: &Node,
    bool_text: (&str, &str),
) -> Result<(), quick_xml::Error> {
    if let Node::List(items) = node {
        for item in items {
            write(w, name, item, bool_text)?;
        }
        return Ok(());
    }
    let mut start = BytesStart::new(name);
    if let Node::Map(entries) = node {
        for (k, v) in entries {
            if let (Some(attr), Node::Str(value)) = (k.strip_prefix('@'), v) {
                start.push_attribute((attr, value.as_str()));
            }
        }
    }
    w.write_event(Event::Start(start))?;
    match node {
        Node::Map(entries) => {
            for (k, v) in entries {
                if k == "#text" {
                    if let Node::Str(t) = v {
                        w.write_event(Event::Text(BytesText::new(t)))?;
                    }
                } else if !k.starts_with('@') {
                    write(w, k, v, bool_text)?;
                }
            }
        }
        Node::Str(t) | Node::Num(t) => w.write_event(Event::Text(BytesText::new(t)))?,
        Node::Bool(b) => {
            let t = if *b { bool_text.0 } else { bool_text.1 };
            w.write_event(Event::Text(BytesText::new(t)))?;
        }
        Node::Null | Node::List(_) => {}
    }
    w.write_event(Event::End(BytesEnd::new(name)))?;
    Ok(())
}

/// The charset an XML document declares (`<?xml version='1.0' encoding='ISO-8859-8'?>`), read
/// from its first bytes (the declaration itself is ASCII).
pub fn declared_encoding(bytes: &[u8]) -> Option<String> {
    // The borrowing reader over the bytes (`read_event`), as every other reader here: its
    // buffered twin (`read_event_into`) would be compiled for this one call.
    let mut reader = Reader::from_reader(bytes);
    loop {
        match reader.read_event() {
            Ok(Event::Decl(d)) => {
                return d
                    .encoding()
                    .and_then(Result::ok)
                    .map(|e| String::from_utf8_lossy(&e).into_owned());
            }
            Ok(Event::Text(_)) | Ok(Event::Comment(_)) => {}
            _ => return None,
        }
    }
}

/// The request document: `<root><request>{envelope fields}<command>{wire}</command>
/// <{wire}>{command fields}</{wire}></request></root>`, from the request's flat map of fields.
pub fn request_document(
    flat: &Node,
    envelope_fields: &[&str],
    spec: &crate::runtime::endpoint::XmlSpec,
    wire: &str,
) -> Node {
    let entries = match flat {
        Node::Map(e) => e.clone(),
        _ => Vec::new(),
    };
    let (envelope, command): (Vec<_>, Vec<_>) = entries
        .into_iter()
        .partition(|(k, _)| envelope_fields.contains(&k.as_str()));
    let mut request = envelope;
    request.push((spec.command.to_string(), Node::Str(wire.to_string())));
    request.push((wire.to_string(), Node::Map(command)));
    Node::Map(vec![(
        spec.root.to_string(),
        Node::Map(vec![(spec.request.to_string(), Node::Map(request))]),
    )])
}

/// An answer's envelope fields (the map under `<root><response>` without the command element)
/// and the response fields: those envelope fields, then the command element's children. The
/// parsed document is taken apart, not copied: only the envelope's few scalars are cloned.
pub fn answer_parts(
    text: &str,
    spec: &crate::runtime::endpoint::XmlSpec,
    wire: &str,
) -> Result<(Node, Node), DecodeError> {
    let envelope = take(parse(text)?, spec.root)
        .and_then(|r| take(r, spec.response))
        .ok_or_else(|| {
            DecodeError::new(format!("no <{}><{}> element", spec.root, spec.response))
        })?;
    let Node::Map(entries) = envelope else {
        return Err(DecodeError::new(format!("<{}> is empty", spec.response)));
    };
    let (mut command, mut fields) = (None, Vec::with_capacity(entries.len()));
    for (k, v) in entries {
        if k != wire {
            fields.push((k, v));
        } else if command.is_none() {
            command = Some(v);
        }
    }
    let envelope = Node::Map(fields.clone());
    if let Some(Node::Map(children)) = command {
        fields.extend(children);
    }
    Ok((envelope, Node::Map(fields)))
}

/// A map node's first value under `key`, taken out of it.
fn take(node: Node, key: &str) -> Option<Node> {
    match node {
        Node::Map(entries) => entries.into_iter().find(|(k, _)| k == key).map(|(_, v)| v),
        _ => None,
    }
}

/// The envelope (the map under `<root><response>`, command element included) and the response
/// fields of a parsed answer document, copied out of it. `#[inline]`: only readers of whole
/// documents outside the client call it (hyp-sandbox, through `wire`), so it is compiled there.
#[inline]
pub fn answer_fields(
    doc: &Node,
    spec: &crate::runtime::endpoint::XmlSpec,
    wire: &str,
) -> Result<(Node, Node), DecodeError> {
    let envelope = doc
        .get(spec.root)
        .and_then(|r| r.get(spec.response))
        .ok_or_else(|| {
            DecodeError::new(format!("no <{}><{}> element", spec.root, spec.response))
        })?;
    let Node::Map(entries) = envelope else {
        return Err(DecodeError::new(format!("<{}> is empty", spec.response)));
    };
    let mut merged: Vec<(String, Node)> =
        entries.iter().filter(|(k, _)| k != wire).cloned().collect();
    if let Some(Node::Map(children)) = envelope.get(wire) {
        merged.extend(children.iter().cloned());
    }
    Ok((envelope.clone(), Node::Map(merged)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_children_text_attributes_and_empties() {
        let n = parse("<?xml version='1.0'?><a><b code=\"99\">Foreign</b><c/><d>x &amp; y</d><e><f>1</f><f>2</f></e></a>").unwrap();
        let Node::Map(root) = &n else { panic!() };
        let Node::Map(a) = &root[0].1 else { panic!() };
        assert_eq!(a[0].0, "b");
        assert_eq!(
            a[0].1,
            Node::Map(vec![
                ("@code".into(), Node::Str("99".into())),
                ("#text".into(), Node::Str("Foreign".into()))
            ])
        );
        assert_eq!(a[1].1, Node::Str(String::new()));
        assert_eq!(a[2].1, Node::Str("x & y".into()));
        let Node::Map(e) = &a[3].1 else { panic!() };
        assert_eq!(e.len(), 2);
    }

    #[test]
    fn nesting_is_bounded_with_its_path() {
        let nested = |depth: usize| format!("{}x{}", "<e>".repeat(depth), "</e>".repeat(depth));
        assert!(parse(&nested(MAX_DEPTH)).is_ok());
        for depth in [MAX_DEPTH + 1, 100, 1_000, 100_000] {
            let e = parse(&nested(depth)).unwrap_err();
            assert_eq!(e.reason, format!("nested deeper than {MAX_DEPTH} levels"));
            assert_eq!(e.path, vec!["e"; MAX_DEPTH + 1].join("."), "depth {depth}");
        }
    }

    #[test]
    fn writes_escaped_text_and_bools() {
        let n = Node::Map(vec![(
            "a".into(),
            Node::Map(vec![
                ("b".into(), Node::Str("<&>".into())),
                ("c".into(), Node::Bool(true)),
            ]),
        )]);
        assert_eq!(
            to_string(&n, ("1", "0")).unwrap(),
            "<a><b>&lt;&amp;&gt;</b><c>1</c></a>"
        );
    }

    #[test]
    fn finds_the_declared_encoding() {
        assert_eq!(
            declared_encoding(b"<?xml version='1.0' encoding='ISO-8859-8'?><a/>").as_deref(),
            Some("ISO-8859-8")
        );
        assert_eq!(declared_encoding(b"<a/>"), None);
    }
}
