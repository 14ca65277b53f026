//! JSON ⇄ [`Node`], exactly: numbers travel as their literal text both ways (through
//! `serde_json::value::RawValue`), so `12345678901234567.89` and `1500.00` survive unchanged
//! without switching on serde_json's `arbitrary_precision` for everyone downstream. Nesting is
//! bounded by [`MAX_DEPTH`]: deeper text is a [`DecodeError`] with its path.

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};
use serde_json::value::RawValue;

use crate::runtime::node::{DecodeError, MAX_DEPTH, Node};

/// Parses JSON text into a node tree, keeping every number's text.
pub fn parse(text: &str) -> Result<Node, DecodeError> {
    let raw: &RawValue =
        serde_json::from_str(text).map_err(|e| DecodeError::new(format!("not JSON: {e}")))?;
    from_raw(raw, 1)
}

/// The node of `raw`, a value at nesting level `depth` (serde_json has checked the whole text
/// without recursing; this recursion stops at [`MAX_DEPTH`]).
pub(crate) fn from_raw(raw: &RawValue, depth: usize) -> Result<Node, DecodeError> {
    let text = raw.get();
    let bad = |e: serde_json::Error| DecodeError::new(format!("not JSON: {e}"));
    let first = text.as_bytes().first();
    if depth > MAX_DEPTH && matches!(first, Some(b'{' | b'[')) {
        return Err(DecodeError::too_deep());
    }
    match first {
        // Plain loops, not `collect::<Result<_, _>>()`: each such chain compiles its own
        // adapter stack.
        Some(b'{') => {
            let entries: Vec<(String, &RawValue)> =
                serde_json::from_str::<Entries>(text).map_err(bad)?.0;
            let mut out = Vec::with_capacity(entries.len());
            for (k, v) in entries {
                match from_raw(v, depth + 1) {
                    Ok(n) => out.push((k, n)),
                    Err(e) => return Err(e.within(&k)),
                }
            }
            Ok(Node::Map(out))
        }
        Some(b'[') => {
            let items: Vec<&RawValue> = serde_json::from_str(text).map_err(bad)?;
            let mut out = Vec::with_capacity(items.len());
            for (i, v) in items.into_iter().enumerate() {
                match from_raw(v, depth + 1) {
                    Ok(n) => out.push(n),
                    Err(e) => return Err(e.within(&format!("[{i}]"))),
                }
            }
            Ok(Node::List(out))
        }
        Some(b'"') => serde_json::from_str::<String>(text)
            .map(Node::Str)
            .map_err(bad),
        Some(b't' | b'f') => serde_json::from_str::<bool>(text)
            .map(Node::Bool)
            .map_err(bad),
        Some(b'n') => Ok(Node::Null),
        _ => Ok(Node::Num(text.to_string())),
    }
}

/// A JSON object's members in document order, values unparsed.
struct Entries<'a>(Vec<(String, &'a RawValue)>);

impl<'de: 'a, 'a> serde::Deserialize<'de> for Entries<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> serde::de::Visitor<'de> for V<'a> {
            type Value = Entries<'a>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut m: A,
            ) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = m.next_entry::<String, &'de RawValue>()? {
                    out.push((k, v));
                }
                Ok(Entries(out))
            }
        }
        d.deserialize_map(V(std::marker::PhantomData))
    }
}

/// Writes a node tree as JSON text; numbers are written as their exact text.
pub fn to_string(node: &Node) -> Result<String, serde_json::Error> {
    serde_json::to_string(&JsonNode(node))
}

/// Appends a node tree's JSON text, as [`to_string`] writes it (a string directly).
pub(crate) fn write(out: &mut Vec<u8>, node: &Node) -> Result<(), serde_json::Error> {
    match node {
        Node::Str(text) => write_str(out, text),
        _ => serde_json::to_writer(out, &JsonNode(node)),
    }
}

/// Appends `text` as a JSON string. Text with nothing to escape (RFC 8259 § 7: no `"`, `\` or
/// control character; every spec name, most values) is copied as it is, which is what
/// serde_json writes for it; any other goes through serde_json.
pub(crate) fn write_str(out: &mut Vec<u8>, text: &str) -> Result<(), serde_json::Error> {
    // Every byte looked at (no early exit), so the check runs many bytes at a time.
    let plain = text
        .bytes()
        .fold(true, |ok, b| ok & (b >= 0x20) & (b != b'"') & (b != b'\\'));
    if plain {
        out.push(b'"');
        out.extend_from_slice(text.as_bytes());
        out.push(b'"');
        Ok(())
    } else {
        serde_json::to_writer(out, text)
    }
}

/// A JSON object written member by member, as [`to_string`] writes a map node: compact, keys
/// escaped, numbers as their exact text. The first error stops the writing.
pub(crate) struct ObjectText {
    text: Vec<u8>,
    error: Option<serde_json::Error>,
}

impl ObjectText {
    pub(crate) fn new() -> Self {
        // Room for a usual request body, so it is not grown a few bytes at a time.
        let mut text = Vec::with_capacity(512);
        text.push(b'{');
        ObjectText { text, error: None }
    }

    /// Writes the member `key: value`.
    pub(crate) fn entry(&mut self, key: &str, value: &Node) {
        if self.key(key) {
            let written = write(&mut self.text, value);
            self.error = written.err();
        }
    }

    /// Writes the member `key: value`, the value written by its own
    /// [`ToNode::write_json`](crate::ToNode::write_json) (no node built for a scalar).
    pub(crate) fn entry_value(&mut self, key: &str, value: &dyn crate::ToNode) {
        if self.key(key) {
            let written = value.write_json(&mut self.text);
            self.error = written.err();
        }
    }

    /// Writes `key:` after the members before it: `false` (nothing written) after an error.
    fn key(&mut self, key: &str) -> bool {
        if self.error.is_some() {
            return false;
        }
        if self.text.len() > 1 {
            self.text.push(b',');
        }
        let written = write_str(&mut self.text, key);
        self.text.push(b':');
        self.error = written.err();
        self.error.is_none()
    }

    /// The object's text, or the first error.
    pub(crate) fn finish(mut self) -> Result<String, serde_json::Error> {
        if let Some(e) = self.error {
            return Err(e);
        }
        self.text.push(b'}');
        // serde_json writes UTF-8 only.
        String::from_utf8(self.text).map_err(serde::ser::Error::custom)
    }
}

struct JsonNode<'a>(&'a Node);

impl Serialize for JsonNode<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Node::Null => s.serialize_unit(),
            Node::Bool(b) => s.serialize_bool(*b),
            // Checked where it is (a number of an unknown field may come from anywhere), not
            // copied into an owned `RawValue` first.
            Node::Num(text) => serde_json::from_str::<&RawValue>(text)
                .map_err(serde::ser::Error::custom)?
                .serialize(s),
            Node::Str(t) => s.serialize_str(t),
            Node::List(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for i in items {
                    seq.serialize_element(&JsonNode(i))?;
                }
                seq.end()
            }
            Node::Map(entries) => {
                let mut map = s.serialize_map(Some(entries.len()))?;
                for (k, v) in entries {
                    map.serialize_entry(k, &JsonNode(v))?;
                }
                map.end()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip_as_text() {
        let text = r#"{"a":12345678901234567.89,"b":[1500.00,"x",true,null],"c":{"d":0}}"#;
        let node = parse(text).unwrap();
        assert_eq!(to_string(&node).unwrap(), text);
    }

    /// `depth` arrays (or objects under key `k`) inside one another, around `0`.
    fn nested(depth: usize, object: bool) -> String {
        let (open, close) = if object { ("{\"k\":", "}") } else { ("[", "]") };
        format!("{}0{}", open.repeat(depth), close.repeat(depth))
    }

    #[test]
    fn nesting_is_bounded_with_its_path() {
        for object in [false, true] {
            let at_bound = parse(&nested(MAX_DEPTH, object)).expect("the bound itself parses");
            assert_eq!(to_string(&at_bound).unwrap(), nested(MAX_DEPTH, object));
            for depth in [MAX_DEPTH + 1, 100, 1_000, 100_000] {
                let e = parse(&nested(depth, object)).unwrap_err();
                assert_eq!(e.reason, format!("nested deeper than {MAX_DEPTH} levels"));
                let segment = if object { "k" } else { "[0]" };
                let path: Vec<&str> = if object {
                    e.path.split('.').collect()
                } else {
                    e.path.split_inclusive(']').collect()
                };
                assert_eq!(path, vec![segment; MAX_DEPTH], "depth {depth}");
            }
        }
    }

    #[test]
    fn errors_name_the_place() {
        assert!(parse("{\"a\":1 \"b\":2}").is_err());
    }
}
