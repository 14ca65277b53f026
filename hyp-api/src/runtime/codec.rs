//! Scalar codecs: how each spec type becomes a [`Node`] ([`ToNode`]) and, for requests and what
//! they hold, back ([`FromNode`]). Decoders are lenient in the ways vendors are loose (a number
//! sent as a digit string, `"032"`), and strict about meaning (an amount is parsed exactly or
//! rejected).

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use rust_decimal::Decimal;
use secrecy::{ExposeSecret, SecretString};

use crate::runtime::fields::{self, FromText};
use crate::runtime::money::{MinorUnits, Money};
use crate::runtime::node::{DecodeError, Node, kind};

/// A value written as a wire-neutral tree, whatever the transport: how a request goes out (and,
/// for tests and tools, any answer type too).
pub trait ToNode {
    /// This value as a wire-neutral tree.
    fn to_node(&self) -> Node;

    /// Appends this value's JSON text: the bytes the JSON of [`to_node`](Self::to_node)'s tree
    /// would be, written without building it (a JSON request body's scalars). Not for direct
    /// use; the default writes the tree.
    #[doc(hidden)]
    #[cfg(feature = "__json")]
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
        crate::runtime::json::write(out, &self.to_node())
    }
}

/// A value read from a wire-neutral tree: requests and what they hold, as hyp-sandbox reads
/// what a client sent. Answers are read in one pass from the wire, never from a tree, so
/// answer types do not implement it.
pub trait FromNode: Sized {
    /// This value from a tree; an error names what did not fit.
    fn from_node(node: &Node) -> Result<Self, DecodeError>;
}

/// The text of a scalar node: a number's digits, a string's contents.
pub fn text(node: &Node) -> Result<&str, DecodeError> {
    match node {
        Node::Num(s) | Node::Str(s) => Ok(s),
        other => Err(DecodeError::new(format!(
            "expected a number or a string, found {}",
            kind(other)
        ))),
    }
}

/// A scalar node through its [`FromText`] impl: the one definition of how each scalar reads,
/// shared with the one-pass decoders.
pub fn scalar<T: FromText>(node: &Node) -> Result<T, DecodeError> {
    T::from_text(text(node)?)
}

impl ToNode for i64 {
    fn to_node(&self) -> Node {
        Node::Num(self.to_string())
    }
    #[cfg(feature = "__json")]
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
        out.extend_from_slice(itoa::Buffer::new().format(*self).as_bytes());
        Ok(())
    }
}

impl FromNode for i64 {
    #[inline]
    fn from_node(node: &Node) -> Result<Self, DecodeError> {
        scalar(node)
    }
}

impl ToNode for String {
    fn to_node(&self) -> Node {
        Node::Str(self.clone())
    }
    #[cfg(feature = "__json")]
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
        crate::runtime::json::write_str(out, self)
    }
}

impl FromNode for String {
    #[inline]
    fn from_node(node: &Node) -> Result<Self, DecodeError> {
        scalar(node)
    }
}

impl ToNode for bool {
    fn to_node(&self) -> Node {
        Node::Bool(*self)
    }
    #[cfg(feature = "__json")]
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
        out.extend_from_slice(if *self { b"true" } else { b"false" });
        Ok(())
    }
}

impl FromNode for bool {
    #[inline]
    fn from_node(node: &Node) -> Result<Self, DecodeError> {
        match node {
            Node::Bool(b) => Ok(*b),
            Node::Num(s) | Node::Str(s) => bool::from_text(s),
            other => Err(DecodeError::new(format!(
                "expected a boolean, found {}",
                kind(other)
            ))),
        }
    }
}

impl ToNode for Decimal {
    fn to_node(&self) -> Node {
        Node::Num(self.to_string())
    }
    /// `Decimal`'s `Display` is always a JSON number (digits, one point, no exponent): the
    /// node's text, not checked again.
    #[cfg(feature = "__json")]
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
        out.extend_from_slice(self.to_string().as_bytes());
        Ok(())
    }
}

impl FromNode for Decimal {
    #[inline]
    fn from_node(node: &Node) -> Result<Self, DecodeError> {
        scalar(node)
    }
}

impl ToNode for Money {
    fn to_node(&self) -> Node {
        self.amount().to_node()
    }
    #[cfg(feature = "__json")]
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
        self.amount().write_json(out)
    }
}

impl FromNode for Money {
    #[inline]
    fn from_node(node: &Node) -> Result<Self, DecodeError> {
        scalar(node)
    }
}

impl ToNode for MinorUnits {
    fn to_node(&self) -> Node {
        self.value().to_node()
    }
    #[cfg(feature = "__json")]
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
        self.value().write_json(out)
    }
}

impl FromNode for MinorUnits {
    #[inline]
    fn from_node(node: &Node) -> Result<Self, DecodeError> {
        scalar(node)
    }
}

/// Secrets go on the wire (that is their purpose) and nowhere else: this impl is the only place
/// the runtime exposes one.
impl ToNode for SecretString {
    fn to_node(&self) -> Node {
        Node::Str(self.expose_secret().to_string())
    }
    #[cfg(feature = "__json")]
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
        crate::runtime::json::write_str(out, self.expose_secret())
    }
}

impl FromNode for SecretString {
    #[inline]
    fn from_node(node: &Node) -> Result<Self, DecodeError> {
        scalar(node)
    }
}

impl<T: ToNode> ToNode for Vec<T> {
    fn to_node(&self) -> Node {
        // A loop, not `map(…).collect()`: that adapter stack is compiled once per item type.
        let mut items = Vec::with_capacity(self.len());
        for item in self {
            items.push(item.to_node());
        }
        Node::List(items)
    }
}

impl<T: FromNode> FromNode for Vec<T> {
    #[inline]
    fn from_node(node: &Node) -> Result<Self, DecodeError> {
        list(node, T::from_node)
    }
}

/// Decodes every item of a list node, naming the failing index.
pub fn list<T>(
    node: &Node,
    decode: impl Fn(&Node) -> Result<T, DecodeError>,
) -> Result<Vec<T>, DecodeError> {
    let items: Vec<&Node> = match node {
        Node::List(items) => items.iter().collect(),
        // XML: a list element is a map of its repeated item elements (`<transactions>` of
        // `<transaction>`), and an empty one is empty text.
        Node::Map(entries) => entries.iter().map(|(_, v)| v).collect(),
        Node::Str(s) if s.trim().is_empty() => Vec::new(),
        other => {
            return Err(DecodeError::new(format!(
                "expected a list, found {}",
                kind(other)
            )));
        }
    };
    items
        .into_iter()
        .enumerate()
        .map(|(i, n)| decode(n).map_err(|e| e.within(&format!("[{i}]"))))
        .collect()
}

/// Ordered name/value pairs as map entries (spliced into the request in their order).
#[inline]
pub fn params_entries(pairs: &[(String, String)]) -> Vec<(String, Node)> {
    let mut entries = Vec::with_capacity(pairs.len());
    for (k, v) in pairs {
        entries.push((k.clone(), Node::Str(v.clone())));
    }
    entries
}

/// Map entries back to name/value pairs (scalars only).
#[inline]
pub fn params_from(entries: Vec<(String, Node)>) -> Vec<(String, String)> {
    // A loop: collecting a `Vec` in place compiles ~800 lines of adapters for one call.
    let mut pairs = Vec::with_capacity(entries.len());
    for (k, v) in entries {
        let v = param(&v);
        pairs.push((k, v));
    }
    pairs
}

/// Any value, kept as received (less the secrets of the call whose answer it is).
impl ToNode for Node {
    fn to_node(&self) -> Node {
        self.clone()
    }
}

impl FromNode for Node {
    #[inline]
    fn from_node(node: &Node) -> Result<Self, DecodeError> {
        Ok(crate::runtime::redact::scrub_value(node.clone()))
    }
}

/// An undocumented enum value, re-encoded as it arrived: a number where the enum travels as
/// numbers and the text is one, else a string. `#[inline]`: called by enums' `to_node`, which
/// are compiled where they are called.
#[inline]
pub fn unknown_node(raw: &str, numeric: bool) -> Node {
    if numeric && raw.parse::<i64>().is_ok() {
        Node::Num(raw.to_string())
    } else {
        Node::Str(raw.to_string())
    }
}

/// The text a scalar travels as in a path, query string or header.
pub fn param(node: &Node) -> String {
    match node {
        Node::Num(s) | Node::Str(s) => s.clone(),
        Node::Bool(b) => b.to_string(),
        Node::Null | Node::List(_) | Node::Map(_) => String::new(),
    }
}

/// `value` as one percent-encoded URL path segment (`/` and every reserved character escaped).
pub fn path_segment(value: &str) -> String {
    percent_encoding::utf8_percent_encode(value, percent_encoding::NON_ALPHANUMERIC).to_string()
}

/// A date in the spec's `chrono` format.
pub fn date(node: &Node, format: &str) -> Result<NaiveDate, DecodeError> {
    fields::date(text(node)?, format)
}

/// A date as text in its documented `format` (chrono syntax: `%Y`, `%m` and `%d`, the only
/// specifiers the generator accepts for a date).
pub fn date_node(d: &NaiveDate, format: &str) -> Node {
    Node::Str(formatted(format, d, None))
}

/// A date and time (no zone on the wire) in the spec's `chrono` format.
pub fn datetime(node: &Node, format: &str) -> Result<NaiveDateTime, DecodeError> {
    fields::datetime(text(node)?, format)
}

/// A date-time as text in its documented `format` (chrono syntax: `%Y`, `%m`, `%d`, `%H`, `%M`
/// and `%S`, the only specifiers the generator accepts).
pub fn datetime_node(d: &NaiveDateTime, format: &str) -> Node {
    Node::Str(formatted(format, &d.date(), Some(&d.time())))
}

/// `format` with each specifier replaced by its field, as chrono's `format` writes it (a year
/// outside 0–9999 with its sign). The spec's formats are fixed-width numbers and literals, so
/// this is all chrono's format interpreter would do for them (it is compiled into every build
/// otherwise). A specifier the generator does not accept is written as it stands.
fn formatted(format: &str, date: &NaiveDate, time: Option<&NaiveTime>) -> String {
    let mut out = String::with_capacity(format.len() + 8);
    let mut rest = format;
    while let Some(at) = rest.find('%') {
        out.push_str(&rest[..at]);
        let spec = rest[at + 1..].chars().next();
        // Fields below 100 (month, day, hour, minute, second) as two digits, by hand: this
        // runs once per date of every request, and `write!` is ~10x the work.
        let two = |out: &mut String, n: u32| {
            out.push(char::from(b'0' + (n / 10 % 10) as u8));
            out.push(char::from(b'0' + (n % 10) as u8));
        };
        match (spec, time) {
            (Some('Y'), _) => {
                let y = date.year();
                if (0..10_000).contains(&y) {
                    let y = y.unsigned_abs();
                    two(&mut out, y / 100);
                    two(&mut out, y % 100);
                } else {
                    let _ = write!(out, "{y:+05}");
                }
            }
            (Some('m'), _) => two(&mut out, date.month()),
            (Some('d'), _) => two(&mut out, date.day()),
            (Some('H'), Some(t)) => two(&mut out, t.hour()),
            (Some('M'), Some(t)) => two(&mut out, t.minute()),
            (Some('S'), Some(t)) => two(&mut out, t.second()),
            _ => {
                out.push('%');
                rest = &rest[at + 1..];
                continue;
            }
        }
        rest = &rest[at + 1 + spec.map_or(0, char::len_utf8)..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_accept_zero_padded_strings() {
        assert_eq!(i64::from_node(&Node::Str("032".into())), Ok(32));
        assert_eq!(i64::from_node(&Node::Num("7".into())), Ok(7));
        assert!(i64::from_node(&Node::Str("7.5".into())).is_err());
    }

    #[test]
    fn money_is_exact() {
        let m = Money::from_node(&Node::Num("12345678901234567.89".into())).unwrap();
        assert_eq!(m.to_string(), "12345678901234567.89");
        assert_eq!(m.to_node(), Node::Num("12345678901234567.89".into()));
    }

    #[test]
    fn dates_are_written_as_chrono_writes_them() {
        let dates = [
            NaiveDate::MIN,
            NaiveDate::from_ymd_opt(-1, 12, 31).unwrap(),
            NaiveDate::from_ymd_opt(0, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(7, 2, 3).unwrap(),
            NaiveDate::from_ymd_opt(2024, 2, 29).unwrap(),
            NaiveDate::from_ymd_opt(9999, 12, 31).unwrap(),
            NaiveDate::from_ymd_opt(10_000, 1, 1).unwrap(),
            NaiveDate::MAX,
        ];
        let times = [(0, 0, 0), (9, 5, 7), (23, 59, 59)];
        for d in dates {
            for f in ["%Y-%m-%d", "%Y%m%d", "%d/%m/%Y", "on %Y"] {
                let chrono = d.format(f).to_string();
                assert_eq!(date_node(&d, f), Node::Str(chrono), "{d} {f}");
            }
            for (h, m, s) in times {
                let dt = d.and_hms_opt(h, m, s).unwrap();
                for f in [
                    "%Y-%m-%d %H:%M:%S",
                    "%Y-%m-%d %H:%M",
                    "%Y%m%d%H%M%S",
                    "%H:%M",
                ] {
                    let chrono = dt.format(f).to_string();
                    assert_eq!(datetime_node(&dt, f), Node::Str(chrono), "{dt} {f}");
                }
            }
        }
    }

    /// What a scalar writes as JSON itself is what its node's JSON is, byte for byte.
    #[cfg(feature = "__json")]
    #[test]
    fn scalars_write_the_json_of_their_node() {
        use crate::runtime::json;
        fn check(value: &dyn ToNode) {
            let mut out = Vec::new();
            value.write_json(&mut out).expect("writes");
            let tree = json::to_string(&value.to_node()).expect("writes");
            assert_eq!(String::from_utf8(out).expect("UTF-8"), tree);
        }
        for n in [0, 7, -1, i64::MIN, i64::MAX] {
            check(&n);
            check(&MinorUnits::new(n));
        }
        for text in ["", "plain", "quote \" back\\slash\ttab \u{1} \u{7f} שלום"] {
            check(&text.to_string());
            check(&SecretString::from(text.to_string()));
        }
        check(&true);
        check(&false);
        for d in ["0", "1500.00", "-0.5", "12345678901234567.89", "0.0000001"] {
            let d: Decimal = d.parse().expect("a decimal");
            check(&d);
            check(&Money::new(d));
        }
    }

    #[test]
    fn list_errors_name_the_index() {
        let n = Node::List(vec![Node::Num("1".into()), Node::Str("x".into())]);
        let e = Vec::<i64>::from_node(&n).unwrap_err();
        assert_eq!(e.path, "[1]");
    }
}
