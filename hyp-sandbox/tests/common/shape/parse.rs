//! Raw bytes → [`Tree`]: serde_json (keys kept in order), quick-xml, form_urlencoded.

use quick_xml::Reader;
use quick_xml::events::Event;
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use super::{Entry, Kind, Tree, value_kind};

/// Parses a body of a kind into a tree.
pub fn parse(kind: Kind, text: &str) -> Result<Tree, String> {
    match kind {
        Kind::Json => serde_json::from_str::<Json>(text)
            .map(|j| j.0)
            .map_err(|e| e.to_string()),
        Kind::Xml => parse_xml(text),
        Kind::Form => Ok(Tree::Branch(
            form_urlencoded::parse(text.trim().as_bytes())
                .map(|(k, v)| (k.into_owned(), Tree::text(&v)))
                .collect(),
        )),
        Kind::Html | Kind::Empty => Ok(Tree::Branch(Vec::new())),
    }
}

/// An element being read: name, entries (attributes first), text.
type Open = (String, Vec<Entry>, String);

fn parse_xml(text: &str) -> Result<Tree, String> {
    let mut reader = Reader::from_str(text);
    let mut stack: Vec<Open> = vec![(String::new(), Vec::new(), String::new())];
    let close = |(name, mut entries, text): Open| -> Entry {
        let has_children = entries.iter().any(|(k, _)| !k.starts_with('@'));
        if has_children {
            (name, Tree::Branch(entries))
        } else if entries.is_empty() {
            (name, Tree::text(&text))
        } else {
            entries.push(("#text".into(), Tree::text(&text)));
            (name, Tree::Branch(entries))
        }
    };
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(e) => stack.push(open(&e)?),
            Event::Empty(e) => {
                let entry = close(open(&e)?);
                stack.last_mut().ok_or("unbalanced")?.1.push(entry);
            }
            Event::Text(t) => {
                let s = t.decode().map_err(|e| e.to_string())?;
                let s = quick_xml::escape::unescape(&s).map_err(|e| e.to_string())?;
                stack.last_mut().ok_or("unbalanced")?.2.push_str(&s);
            }
            Event::CData(t) => {
                let s = String::from_utf8_lossy(&t).into_owned();
                stack.last_mut().ok_or("unbalanced")?.2.push_str(&s);
            }
            // An entity reference inside text: its kind is `text` whatever it resolves to.
            Event::GeneralRef(_) => stack.last_mut().ok_or("unbalanced")?.2.push('&'),
            Event::End(_) => {
                let top = stack.pop().ok_or("unbalanced end tag")?;
                let entry = close(top);
                stack.last_mut().ok_or("unbalanced end tag")?.1.push(entry);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    match stack.pop() {
        Some((_, entries, _)) if stack.is_empty() && !entries.is_empty() => {
            Ok(Tree::Branch(entries))
        }
        _ => Err("no root element, or an element left open".into()),
    }
}

fn open(e: &quick_xml::events::BytesStart) -> Result<Open, String> {
    let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
    let mut attrs = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|e| e.to_string())?;
        let value = a.unescape_value().map_err(|e| e.to_string())?;
        let key = format!("@{}", String::from_utf8_lossy(a.key.as_ref()));
        attrs.push((key, Tree::text(&value)));
    }
    Ok((name, attrs, String::new()))
}

/// JSON read with its keys in order (serde_json's `Value` sorts them without `preserve_order`).
struct Json(Tree);

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Json, D::Error> {
        d.deserialize_any(JsonVisitor).map(Json)
    }
}

struct JsonVisitor;

fn leaf(kind: &str, value: impl ToString) -> Tree {
    Tree::Leaf((kind.to_string(), value.to_string()))
}

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Tree;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("JSON")
    }
    fn visit_unit<E>(self) -> Result<Tree, E> {
        Ok(leaf("null", "null"))
    }
    fn visit_bool<E>(self, v: bool) -> Result<Tree, E> {
        Ok(leaf("bool", v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Tree, E> {
        Ok(leaf("number", v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Tree, E> {
        Ok(leaf("number", v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Tree, E> {
        Ok(leaf("number", v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Tree, E> {
        Ok(Tree::Leaf((
            format!("string:{}", value_kind(v)),
            v.to_string(),
        )))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Tree, A::Error> {
        let mut items = Vec::new();
        while let Some(Json(t)) = seq.next_element()? {
            items.push(t);
        }
        Ok(Tree::List(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Tree, A::Error> {
        let mut entries = Vec::new();
        while let Some((k, Json(v))) = map.next_entry::<String, Json>()? {
            entries.push((k, v));
        }
        Ok(Tree::Branch(entries))
    }
}
