//! `key=value&…` ⇄ [`Node`]: query strings going out, URL-encoded answers coming back.
//! Percent-decoding is percent-encoding's; the decoded bytes are text in the answer's charset
//! (windows-1255 for some vendors), decoded by encoding_rs.

use std::borrow::Cow;

use encoding_rs::Encoding;

use crate::runtime::node::Node;

/// Parses a URL-encoded answer into a map in wire order. Escaped bytes are text in `encoding`;
/// a value whose bytes are not valid there is read in `fallback`, when given. `#[inline]`: only
/// error details of URL-encoded answers and hyp-sandbox read a whole answer so (compiled there).
#[inline]
pub fn parse(text: &str, encoding: &'static Encoding, fallback: Option<&'static Encoding>) -> Node {
    let mut entries = Vec::new();
    for (k, v) in pairs(text) {
        entries.push((
            decode(k, encoding, fallback).into_owned(),
            Node::Str(decode(v, encoding, fallback).into_owned()),
        ));
    }
    Node::Map(entries)
}

/// The raw `key=value` pieces of an answer, in wire order (a piece without `=` is a key with
/// an empty value).
pub(crate) fn pairs(text: &str) -> impl Iterator<Item = (&str, &str)> {
    // Split at the ASCII bytes `&` and `=` (never inside a multi-byte character), without the
    // per-call set-up of a `char` pattern search: answers are a few dozen short pairs.
    let find = |s: &str, byte: u8| s.bytes().position(|b| b == byte);
    let mut rest = text.trim();
    std::iter::from_fn(move || {
        loop {
            if rest.is_empty() {
                return None;
            }
            let end = find(rest, b'&').unwrap_or(rest.len());
            let pair = &rest[..end];
            rest = rest.get(end + 1..).unwrap_or("");
            if !pair.is_empty() {
                return Some(match find(pair, b'=') {
                    Some(i) => (&pair[..i], &pair[i + 1..]),
                    None => (pair, ""),
                });
            }
        }
    })
}

/// One raw key or value as text: `+` is a space, percent-escapes are bytes in `encoding` (or
/// `fallback` where they are not valid there). Borrowed when there is nothing to unescape.
/// `#[inline]`: compiled with the URL-encoded readers that call it, not in every build.
#[inline]
pub(crate) fn decode<'t>(
    s: &'t str,
    encoding: &'static Encoding,
    fallback: Option<&'static Encoding>,
) -> Cow<'t, str> {
    // Plain ASCII is the same text in every charset here, with nothing to unescape.
    if s.bytes().all(|b| b.is_ascii() && b != b'%' && b != b'+') {
        return Cow::Borrowed(s);
    }
    // `s` was decoded from the answer's bytes in `encoding`; encoding it back gives those
    // bytes, whose percent-escapes are then resolved and the whole decoded once.
    let mut spaced = String::with_capacity(s.len());
    for c in s.chars() {
        spaced.push(if c == '+' { ' ' } else { c });
    }
    let (raw, _, _) = encoding.encode(&spaced);
    let bytes: Vec<u8> = percent_encoding::percent_decode(&raw).collect();
    match encoding.decode_without_bom_handling_and_without_replacement(&bytes) {
        Some(text) => Cow::Owned(text.into_owned()),
        None => Cow::Owned(fallback.unwrap_or(encoding).decode(&bytes).0.into_owned()),
    }
}

/// The name/value pairs of a flat request map, in order: booleans as `bool_text`, lists joined
/// with commas; absent values left out.
pub fn query_pairs(node: &Node, bool_text: (&str, &str)) -> Vec<(String, String)> {
    let Node::Map(entries) = node else {
        return Vec::new();
    };
    let mut pairs = Vec::with_capacity(entries.len());
    for (k, v) in entries {
        let mut text = String::new();
        if scalar(v, bool_text, &mut text) {
            pairs.push((k.clone(), text));
        }
    }
    pairs
}

/// Appends the text of a scalar (or of a list's scalars, comma-separated) to `out`: false
/// when `node` has none (absent, or an object).
fn scalar(node: &Node, bool_text: (&str, &str), out: &mut String) -> bool {
    match node {
        Node::Null | Node::Map(_) => false,
        Node::Bool(b) => {
            out.push_str(if *b { bool_text.0 } else { bool_text.1 });
            true
        }
        Node::Num(s) | Node::Str(s) => {
            out.push_str(s);
            true
        }
        Node::List(items) => {
            let mut first = true;
            for item in items {
                let mark = out.len();
                if !first {
                    out.push(',');
                }
                if scalar(item, bool_text, out) {
                    first = false;
                } else {
                    out.truncate(mark);
                }
            }
            true
        }
    }
}

/// A query string from name/value pairs, each value's text encoded in `encoding` and
/// form-urlencoded (names are the vendor's ASCII names).
pub fn encode_query(pairs: &[(String, String)], encoding: &'static Encoding) -> String {
    let mut out = String::new();
    for (i, (k, v)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        let (bytes, _, _) = encoding.encode(v);
        out.extend(form_urlencoded::byte_serialize(k.as_bytes()));
        out.push('=');
        out.extend(form_urlencoded::byte_serialize(&bytes));
    }
    out
}

/// Whether an answer that should be URL-encoded or JSON is an HTML page instead (the vendor's
/// system-error page).
pub fn is_html(text: &str) -> bool {
    // The first 256 characters, compared without regard to ASCII case (nothing allocated).
    let text = text.trim_start();
    // Every marker opens with `<`, and 256 characters are at most 1,024 bytes: without a `<`
    // there (one search, not a walk over the characters) the answer is not a page.
    let window = &text.as_bytes()[..text.len().min(1_024)];
    if !window.contains(&b'<') {
        return false;
    }
    let end = if text.len() <= 256 {
        text.len()
    } else {
        text.char_indices().nth(256).map_or(text.len(), |(i, _)| i)
    };
    let head = &text.as_bytes()[..end];
    let at = |i: usize, p: &[u8]| {
        head.get(i..i + p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p))
    };
    // Every marker opens with `<`: only those places are compared.
    at(0, b"<!doctype html")
        || at(0, b"<html")
        || (0..head.len()).any(|i| head[i] == b'<' && at(i, b"<body"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_split_at_ampersands_and_the_first_equals_sign() {
        let got: Vec<_> = pairs(" &&a=1&b&=x&c=d=e&ש=ל& ").collect();
        assert_eq!(
            got,
            [("a", "1"), ("b", ""), ("", "x"), ("c", "d=e"), ("ש", "ל")]
        );
        assert_eq!(pairs("").count(), 0);
    }

    #[test]
    fn parses_in_order_with_escapes_and_charsets() {
        let utf8 = encoding_rs::UTF_8;
        let n = parse(
            "Id=1&CCode=0&Fild1=Jenny%20Parkington&email=a%40b.c&e=",
            utf8,
            None,
        );
        let Node::Map(e) = n else { panic!() };
        assert_eq!(e[2], ("Fild1".into(), Node::Str("Jenny Parkington".into())));
        assert_eq!(e[3].1, Node::Str("a@b.c".into()));
        assert_eq!(e[4].1, Node::Str(String::new()));
        let hebrew = |text: &str| Node::Map(vec![("Fild1".into(), Node::Str(text.into()))]);
        let w1255 = encoding_rs::WINDOWS_1255;
        // "שלום" in windows-1255, percent-escaped; and raw (already decoded into the text).
        assert_eq!(parse("Fild1=%F9%EC%E5%ED", w1255, None), hebrew("שלום"));
        assert_eq!(parse("Fild1=שלום+עולם", w1255, None), hebrew("שלום עולם"));
        // UTF-8 chosen, but the escaped bytes are windows-1255: the fallback reads them.
        assert_eq!(
            parse("Fild1=%F9%EC%E5%ED", utf8, Some(w1255)),
            hebrew("שלום")
        );
    }

    #[test]
    fn query_pairs_render_bools_and_lists() {
        let n = Node::Map(vec![
            ("Sign".into(), Node::Bool(true)),
            ("Amount".into(), Node::Num("10.50".into())),
            (
                "Checks".into(),
                Node::List(vec![Node::Num("1".into()), Node::Num("2".into())]),
            ),
            ("x".into(), Node::Null),
        ]);
        assert_eq!(
            query_pairs(&n, ("True", "False")),
            vec![
                ("Sign".into(), "True".into()),
                ("Amount".into(), "10.50".into()),
                ("Checks".into(), "1,2".into())
            ]
        );
    }

    #[test]
    fn query_values_are_encoded_in_the_vendor_charset() {
        let pairs = vec![
            ("ClientName".to_string(), "דנה כהן".to_string()),
            ("EZ.lang".to_string(), "he".to_string()),
        ];
        assert_eq!(
            encode_query(&pairs, encoding_rs::WINDOWS_1255),
            "ClientName=%E3%F0%E4+%EB%E4%EF&EZ.lang=he"
        );
        assert_eq!(
            encode_query(&pairs[..1], encoding_rs::UTF_8),
            "ClientName=%D7%93%D7%A0%D7%94+%D7%9B%D7%94%D7%9F"
        );
    }

    #[test]
    fn recognises_html_pages() {
        assert!(is_html("<html><body>Masof Error</body></html>"));
        assert!(is_html("  <!DOCTYPE html><html>"));
        assert!(!is_html("CCode=902"));
        assert!(is_html("Error <BODY>x"));
        assert!(!is_html("a=<bod"));
        // Only the first 256 characters count (multi-byte ones as one each).
        assert!(!is_html(&format!("{}<body>", "א".repeat(256))));
        assert!(is_html(&format!("{}<body>", "א".repeat(250))));
        // Four-byte characters: the marker ends at the 256th character (past byte 1,000).
        assert!(is_html(&format!("{}<body>", "😀".repeat(251))));
        assert!(!is_html(&format!("{}<body>", "😀".repeat(252))));
    }
}
