//! Answers in the vendor's charset: the Content-Type's `charset`, else (for XML) the document's
//! declared encoding, else UTF-8. Decoding is encoding_rs's (ISO-8859-8, windows-1255, …).

use encoding_rs::{Encoding, UTF_8};

/// The answer's charset: the spec's rule for this request (`specified`), else the
/// Content-Type's `charset`, else an XML document's declared encoding, else UTF-8.
pub fn choose(
    specified: Option<&str>,
    content_type: Option<&str>,
    xml: Option<&[u8]>,
) -> &'static Encoding {
    let label = match (specified, content_type.and_then(header_charset)) {
        (Some(s), _) => Some(s.to_string()),
        (None, Some(c)) => Some(c.to_string()),
        (None, None) => xml.and_then(declared_encoding),
    };
    match label {
        Some(l) => Encoding::for_label(l.as_bytes()).unwrap_or(UTF_8),
        None => UTF_8,
    }
}

/// The `charset` parameter of a Content-Type. Parameter names are case-insensitive (RFC 9110
/// §5.6.6): `Charset=` counts.
fn header_charset(content_type: &str) -> Option<&str> {
    for param in content_type.split(';') {
        if let Some((name, value)) = param.split_once('=')
            && name.trim().eq_ignore_ascii_case("charset")
        {
            return Some(value.trim().trim_matches('"'));
        }
    }
    None
}

/// An XML document's declared encoding (only APIs that speak XML read one).
#[cfg(feature = "__xml")]
fn declared_encoding(xml: &[u8]) -> Option<String> {
    crate::runtime::xml::declared_encoding(xml)
}

#[cfg(not(feature = "__xml"))]
fn declared_encoding(_: &[u8]) -> Option<String> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(bytes: &[u8], content_type: Option<&str>, xml: bool) -> String {
        choose(None, content_type, xml.then_some(bytes))
            .decode(bytes)
            .0
            .into_owned()
    }

    #[test]
    fn the_spec_rule_wins_over_the_header() {
        assert_eq!(
            choose(Some("windows-1255"), Some("text/html; charset=utf-8"), None),
            encoding_rs::WINDOWS_1255
        );
        assert_eq!(choose(None, None, None), UTF_8);
    }

    #[test]
    #[cfg(feature = "__xml")]
    fn hebrew_in_iso_8859_8_and_windows_1255() {
        // "שלום" in ISO-8859-8 / windows-1255: 0xF9 0xEC 0xE5 0xED.
        let bytes = b"<?xml version='1.0' encoding='ISO-8859-8'?><a>\xF9\xEC\xE5\xED</a>";
        assert!(decode(bytes, None, true).contains("שלום"));
        assert!(
            decode(
                b"\xF9\xEC\xE5\xED",
                Some("text/plain; charset=windows-1255"),
                false
            )
            .contains("שלום")
        );
        assert_eq!(
            decode("שלום".as_bytes(), Some("application/json"), false),
            "שלום"
        );
    }
}
