//! Writing a generated struct's fields out, in the spec's order: into a [`Node`] map (the
//! query string, the XML envelope, hyp-sandbox's answers), or with `__json` straight into
//! JSON object text, the way a JSON request body goes on the wire (no tree built, walked and
//! dropped per call).
//!
//! Generated code writes a struct's fields once ([`WriteFields`]); both outputs run that same
//! code, so a body written as text and the same body written as a tree and then as JSON are
//! the same bytes (`tests/tests/round_trip/json_body.rs` checks it on every JSON request
//! example).

use crate::runtime::codec::ToNode;
use crate::runtime::node::Node;

/// A struct whose fields a [`MapWriter`] writes, generated for every struct written as a map.
pub trait WriteFields {
    /// Writes each field present, under its wire name, in the spec's order.
    fn write_fields(&self, w: &mut MapWriter<'_>);
}

/// Where the fields go: a map node's entries, or JSON object text.
trait Members {
    /// Adds `key: node`.
    fn member(&mut self, key: &str, node: Node);
    /// Adds `key: node`, the node borrowed (fields kept as received).
    fn member_ref(&mut self, key: &str, node: &Node);
    /// Adds `key: value`, the value encoded by its own [`ToNode`].
    fn member_value(&mut self, key: &str, value: &dyn ToNode);
}

impl Members for Vec<(String, Node)> {
    fn member(&mut self, key: &str, node: Node) {
        self.push((key.to_string(), node));
    }
    fn member_ref(&mut self, key: &str, node: &Node) {
        self.push((key.to_string(), node.clone()));
    }
    fn member_value(&mut self, key: &str, value: &dyn ToNode) {
        self.push((key.to_string(), value.to_node()));
    }
}

#[cfg(feature = "__json")]
impl Members for crate::runtime::json::ObjectText {
    fn member(&mut self, key: &str, node: Node) {
        self.entry(key, &node);
    }
    fn member_ref(&mut self, key: &str, node: &Node) {
        self.entry(key, node);
    }
    /// A scalar writes its own text (no node made and dropped per field).
    fn member_value(&mut self, key: &str, value: &dyn ToNode) {
        self.entry_value(key, value);
    }
}

/// Takes fields by wire name, in order, into a map node or JSON object text.
pub struct MapWriter<'a> {
    out: &'a mut dyn Members,
    /// Only these wire names are written (a body whose other fields travel elsewhere).
    only: Option<&'static [&'static str]>,
}

impl MapWriter<'_> {
    /// The fields of `value` as a map node.
    pub fn tree(value: &dyn WriteFields) -> Node {
        let mut entries = Vec::new();
        value.write_fields(&mut MapWriter {
            out: &mut entries,
            only: None,
        });
        Node::Map(entries)
    }

    /// The fields of `value` (those named in `only`, where given) as JSON object text, numbers
    /// written as their exact text; an error where a number's text is not a JSON number.
    #[cfg(feature = "__json")]
    pub fn json(
        value: &dyn WriteFields,
        only: Option<&'static [&'static str]>,
    ) -> Result<String, String> {
        let mut text = crate::runtime::json::ObjectText::new();
        value.write_fields(&mut MapWriter {
            out: &mut text,
            only,
        });
        text.finish().map_err(|e| e.to_string())
    }

    /// Whether the field `wire` is written.
    fn wanted(&self, wire: &str) -> bool {
        self.only.is_none_or(|keys| keys.contains(&wire))
    }

    /// Adds a field under its wire name (kept in insertion order).
    pub fn put(&mut self, wire: &str, node: Node) {
        if self.wanted(wire) {
            self.out.member(wire, node);
        }
    }

    /// Adds a field encoded by its own [`ToNode`], under its wire name; into JSON text, a
    /// scalar writes its own text (no node made and dropped). Not generic: generated code makes
    /// one call per field, where `put(wire, value.to_node())` compiled the node's construction
    /// and its drop on the unwind path into every caller.
    pub fn put_value(&mut self, wire: &str, value: &dyn ToNode) {
        if self.wanted(wire) {
            self.out.member_value(wire, value);
        }
    }

    /// Puts back fields the spec does not list.
    pub fn extend(&mut self, entries: &[(String, Node)]) {
        for (k, v) in entries {
            if self.wanted(k) {
                self.out.member_ref(k, v);
            }
        }
    }
}

#[cfg(all(test, feature = "__json"))]
mod tests {
    use super::*;
    use crate::runtime::json;

    /// Fields as generated code writes them: text that needs escaping, an exact number, a
    /// nested object and list, kept unknown fields.
    struct Fields(Vec<(String, Node)>);

    impl WriteFields for Fields {
        fn write_fields(&self, w: &mut MapWriter<'_>) {
            w.put(
                "Name",
                Node::Str("quote \" back\\slash\ttab \u{1} שלום".into()),
            );
            w.put_value("Amount", &crate::Decimal::new(150_000, 2));
            w.put(
                "Nested",
                Node::Map(vec![
                    (
                        "List".into(),
                        Node::List(vec![Node::Bool(true), Node::Null]),
                    ),
                    ("N".into(), Node::Num("-0.5e3".into())),
                ]),
            );
            w.extend(&self.0);
        }
    }

    fn fields() -> Fields {
        Fields(vec![
            ("Kept".into(), Node::Num("12345678901234567.89".into())),
            // A key JSON must escape.
            ("a \"quoted\\ key\n".into(), Node::Str("ש".into())),
        ])
    }

    #[test]
    fn json_text_is_the_trees_json_byte_for_byte() {
        let text = MapWriter::json(&fields(), None).expect("writes");
        assert_eq!(
            text,
            r#"{"Name":"quote \" back\\slash\ttab \u0001 שלום","Amount":1500.00,"Nested":{"List":[true,null],"N":-0.5e3},"Kept":12345678901234567.89,"a \"quoted\\ key\n":"ש"}"#
        );
        let tree = MapWriter::tree(&fields());
        assert_eq!(json::to_string(&tree).expect("writes"), text);
    }

    #[test]
    fn only_the_named_fields_are_written() {
        let keys: &'static [&'static str] = &["Amount", "Kept"];
        let text = MapWriter::json(&fields(), Some(keys)).expect("writes");
        assert_eq!(text, r#"{"Amount":1500.00,"Kept":12345678901234567.89}"#);
        let tree = crate::runtime::node::only(MapWriter::tree(&fields()), keys);
        assert_eq!(json::to_string(&tree).expect("writes"), text);
    }

    #[test]
    fn a_number_that_is_not_a_json_number_is_an_error_not_text() {
        let bad = Fields(vec![("Kept".into(), Node::Num("1,5".into()))]);
        assert!(MapWriter::json(&bad, None).is_err());
        assert!(json::to_string(&MapWriter::tree(&bad)).is_err());
        let empty = Fields(Vec::new());
        assert!(MapWriter::json(&empty, Some(&[])).is_ok_and(|t| t == "{}"));
    }
}
