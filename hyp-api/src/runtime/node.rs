//! A wire-neutral value tree. Generated code turns requests into a [`Node`] (and hyp-sandbox
//! reads them back from one); each transport (JSON, form/XML, query string) converts between its
//! text and nodes. Answers are not read through it: the one-pass decoders (`one_pass`) go from
//! the text straight into the generated types, and a `Node` only holds what an answer keeps as
//! received (unknown fields, answers kept whole). Numbers are kept as their exact text, so money
//! never passes through a float.

use std::fmt;

/// The deepest nesting any parser of this crate accepts: JSON arrays and objects inside one
/// another, or XML elements inside one another, counted from the body's root (the root's own
/// array, object or element is level 1). A body nested deeper is refused with a [`DecodeError`]
/// naming the path where the bound was crossed, never by exhausting the stack.
///
/// The specs' deepest example is a CreditGuard `inquireTransactions` answer, 8 levels as a
/// node tree (`tests/tests/depth.rs` checks every example stays under a quarter of the bound).
/// 64 leaves room for vendor fields the spec does not list (kept in `unknown_fields`) while
/// keeping every recursion over a parsed tree (decoding, cloning, dropping, writing) shallow.
/// URL-encoded bodies are flat: they have no nesting to bound.
pub const MAX_DEPTH: usize = 64;

/// One value on the wire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// No value (JSON `null`, an absent XML text).
    Null,
    /// A boolean.
    Bool(bool),
    /// A number, as the exact text the wire carries (`3500`, `1500.00`).
    Num(String),
    /// Text.
    Str(String),
    /// A list, in wire order.
    List(Vec<Node>),
    /// Key/value pairs in wire order.
    Map(Vec<(String, Node)>),
}

impl Node {
    /// A map's value under `key` (the first, in wire order); `None` for other nodes.
    pub fn get(&self, key: &str) -> Option<&Node> {
        match self {
            Node::Map(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The same, to change it.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut Node> {
        match self {
            Node::Map(entries) => entries.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// Sets `key` to `value` where it is, else appends it; a node that is not a map becomes
    /// one.
    pub fn set(&mut self, key: &str, value: Node) {
        if !matches!(self, Node::Map(_)) {
            *self = Node::Map(Vec::new());
        }
        match self.get_mut(key) {
            Some(v) => *v = value,
            None => {
                if let Node::Map(entries) = self {
                    entries.push((key.to_string(), value));
                }
            }
        }
    }
}

/// Why an answer (or a request read back from the wire) did not decode, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// Field path from the body's root, e.g. `Queue[0].PaymentDate`.
    pub path: String,
    /// What did not fit, with its wire path where known.
    pub reason: String,
}

impl DecodeError {
    /// An error with this reason.
    pub fn new(reason: impl Into<String>) -> Self {
        DecodeError {
            path: String::new(),
            reason: reason.into(),
        }
    }

    /// A body nested deeper than [`MAX_DEPTH`]; the path is added as the parsers unwind.
    #[cfg(any(feature = "__json", feature = "__xml"))]
    pub(crate) fn too_deep() -> Self {
        DecodeError::new(format!("nested deeper than {MAX_DEPTH} levels"))
    }

    /// Prefixes the path with the enclosing key or index (`Items` + `[0]`).
    pub fn within(mut self, segment: &str) -> Self {
        self.prefix(segment);
        self
    }

    /// [`DecodeError::within`], in place.
    pub fn prefix(&mut self, segment: &str) {
        self.path = if self.path.is_empty() || self.path.starts_with('[') {
            format!("{segment}{}", self.path)
        } else {
            format!("{segment}.{}", self.path)
        };
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.reason)
        } else {
            write!(f, "{}: {}", self.path, self.reason)
        }
    }
}

impl std::error::Error for DecodeError {}

/// Reads the fields of a map node by wire name, each by a scan of the entries (the first in
/// wire order counts). A struct reads each of its fields once, so reading a map costs the
/// struct's field count times the map's width: bounded by the spec's widest request (a
/// CreditGuard `doDeal`, ~100 fields), however wide the map. Requests are read this way only
/// by hyp-sandbox; answers are read in one pass. (A hash index cost ~5k lines of LLVM IR in
/// every build of hyp-api for this.)
pub struct MapReader<'a> {
    entries: &'a [(String, Node)],
}

impl<'a> MapReader<'a> {
    /// A reader over `node`, which must be a map.
    pub fn new(node: &'a Node) -> Result<Self, DecodeError> {
        match node {
            Node::Map(entries) => Ok(MapReader { entries }),
            other => Err(DecodeError::new(format!(
                "expected an object, found {}",
                kind(other)
            ))),
        }
    }

    fn get(&self, wire: &str) -> Option<&'a Node> {
        for (k, v) in self.entries {
            if k == wire {
                return Some(v);
            }
        }
        None
    }

    /// A field that must be present and non-null.
    pub fn required<T>(
        &self,
        wire: &str,
        decode: impl Fn(&Node) -> Result<T, DecodeError>,
    ) -> Result<T, DecodeError> {
        match self.get(wire) {
            None | Some(Node::Null) => {
                Err(DecodeError::new("required field is missing").within(wire))
            }
            Some(n) => decode(n).map_err(|e| e.within(wire)),
        }
    }

    /// A field that may be missing or null. With `empty_is_absent`, an empty string also means
    /// absent: vendors send `""` for an unset date or number.
    pub fn optional<T>(
        &self,
        wire: &str,
        empty_is_absent: bool,
        decode: impl Fn(&Node) -> Result<T, DecodeError>,
    ) -> Result<Option<T>, DecodeError> {
        match self.get(wire) {
            None | Some(Node::Null) => Ok(None),
            Some(Node::Str(s)) if empty_is_absent && s.trim().is_empty() => Ok(None),
            Some(n) => decode(n).map(Some).map_err(|e| e.within(wire)),
        }
    }

    /// The entries whose keys are not in `known`, in wire order: fields the spec does not list,
    /// kept for callers instead of dropped. `#[inline]`: only requests' `from_node`
    /// (hyp-sandbox) call it.
    #[inline]
    pub fn unknown(&self, known: &[&str]) -> Vec<(String, Node)> {
        let mut unknown = Vec::new();
        for (k, v) in self.entries {
            if !known.contains(&k.as_str()) {
                unknown.push((k.clone(), v.clone()));
            }
        }
        crate::runtime::redact::scrub(unknown)
    }

    /// A list field; missing or null means empty.
    pub fn list<T>(
        &self,
        wire: &str,
        decode: impl Fn(&Node) -> Result<Vec<T>, DecodeError>,
    ) -> Result<Vec<T>, DecodeError> {
        match self.get(wire) {
            None | Some(Node::Null) => Ok(Vec::new()),
            Some(n) => decode(n).map_err(|e| e.within(wire)),
        }
    }
}

/// A short name of the node's kind, for messages.
pub fn kind(n: &Node) -> &'static str {
    match n {
        Node::Null => "null",
        Node::Bool(_) => "a boolean",
        Node::Num(_) => "a number",
        Node::Str(_) => "a string",
        Node::List(_) => "a list",
        Node::Map(_) => "an object",
    }
}

/// The entries of a map node whose keys are in `keys`, in order: the body of a request whose
/// other fields travel in the path, query or headers. `#[inline]`: called by endpoints'
/// `parts`, which are compiled where they are called.
#[inline]
pub fn only(node: Node, keys: &[&str]) -> Node {
    match node {
        Node::Map(mut entries) => {
            // Not `into_iter().filter().collect()`: collecting in place compiles ~800 lines.
            entries.retain(|(k, _)| keys.contains(&k.as_str()));
            Node::Map(entries)
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A map of `width` fields `f0…`, with `f1` sent twice (the first one counts).
    fn wide(width: usize) -> Node {
        let mut entries: Vec<(String, Node)> = (0..width)
            .map(|i| (format!("f{i}"), Node::Num(i.to_string())))
            .collect();
        entries.push(("f1".into(), Node::Str("again".into())));
        Node::Map(entries)
    }

    #[test]
    fn narrow_and_wide_maps_read_the_same_way() {
        for width in [3, 21, 150] {
            let node = wide(width);
            let m = MapReader::new(&node).unwrap();
            let text = |n: &Node| match n {
                Node::Num(t) | Node::Str(t) => Ok(t.clone()),
                _ => Err(DecodeError::new("not text")),
            };
            assert_eq!(m.required("f1", text).unwrap(), "1", "width {width}");
            assert_eq!(m.required("f2", text).unwrap(), "2", "width {width}");
            assert_eq!(m.optional("nope", false, text), Ok(None));
            assert_eq!(
                m.required("nope", text).unwrap_err().path,
                "nope",
                "width {width}"
            );
            let known: Vec<String> = (1..width).map(|i| format!("f{i}")).collect();
            let known: Vec<&str> = known.iter().map(String::as_str).collect();
            let unknown: Vec<String> = m.unknown(&known).into_iter().map(|(k, _)| k).collect();
            assert_eq!(unknown, ["f0"], "width {width}");
        }
    }
}
