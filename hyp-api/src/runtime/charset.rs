//! Answers in the vendor's charset: the Content-Type's `charset`, else (for XML) the document's
//! declared encoding, else UTF-8. Decoding is encoding_rs's (ISO-8859-8, windows-1255, …).

use encoding_rs::{Encoding, UTF_8};

/// The answer's text.
pub fn decode(bytes: &[u8], content_type: Option<&str>, xml: bool) -> String {
    let from_header = content_type.and_then(|ct| {
        ct.split(';')
            .filter_map(|p| p.trim().strip_prefix("charset="))
            .next()
            .map(|c| c.trim_matches('"').to_string())
    });
    let label = from_header.or_else(|| {
        if xml {
            crate::runtime::xml::declared_encoding(bytes)
        } else {
            None
        }
    });
    let encoding = label
        .and_then(|l| Encoding::for_label(l.as_bytes()))
        .unwrap_or(UTF_8);
    encoding.decode(bytes).0.into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
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
