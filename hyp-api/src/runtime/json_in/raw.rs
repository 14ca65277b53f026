//! The unparsed text of a JSON value: its kind as errors name it, a scalar's text, and the
//! bound on nesting (checked on the raw text of every value read whole or skipped).

use std::borrow::Cow;

use rust_decimal::Decimal;
use serde::de::MapAccess;
use serde_json::value::RawValue;

use super::Cx;
use crate::runtime::fields::{Failure, at, wrong_kind};
use crate::runtime::node::{DecodeError, MAX_DEPTH};

/// The kind of JSON value `raw` is, named as the decode errors name it.
fn kind(raw: &str) -> &'static str {
    match raw.as_bytes().first() {
        Some(b'{') => "an object",
        Some(b'[') => "a list",
        Some(b'"') => "a string",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        _ => "a number",
    }
}

/// A scalar's text: a string's contents or a number's digits; `None` for `null`; booleans
/// give their text only where `bools` (a boolean field); anything else is an error.
pub(super) fn text(raw: &RawValue, bools: bool) -> Result<Option<Cow<'_, str>>, Failure> {
    let t = raw.get();
    match t.as_bytes().first() {
        Some(b'"') if !t.contains('\\') => Ok(Some(Cow::Borrowed(&t[1..t.len() - 1]))),
        Some(b'"') => serde_json::from_str::<String>(t)
            .map(|s| Some(Cow::Owned(s)))
            .map_err(|e| Box::new(DecodeError::new(format!("not JSON: {e}")))),
        Some(b'n') => Ok(None),
        Some(b't' | b'f') if bools => Ok(Some(Cow::Borrowed(t))),
        Some(b'-' | b'0'..=b'9') => Ok(Some(Cow::Borrowed(t))),
        _ if bools => Err(wrong_kind("a boolean", kind(t))),
        _ => Err(wrong_kind("a number or a string", kind(t))),
    }
}

/// A JSON number's exact value where it is plain (`-12.50`: an optional sign, at most 18
/// digits, an optional fraction): its digits are split into the mantissa and the scale, and
/// rust_decimal builds the value. `None` for anything else (an exponent, more digits, `-0`),
/// which `Decimal::from_str_exact` reads.
pub(super) fn decimal(raw: &str) -> Option<Decimal> {
    let (negative, digits) = match raw.as_bytes().split_first()? {
        (b'-', rest) => (true, rest),
        _ => (false, raw.as_bytes()),
    };
    if digits.is_empty() || digits.len() > 19 {
        return None;
    }
    let (mut mantissa, mut scale, mut point) = (0u64, 0u32, false);
    for &c in digits {
        match c {
            b'0'..=b'9' => {
                mantissa = mantissa * 10 + u64::from(c - b'0');
                scale += u32::from(point);
            }
            b'.' if !point => point = true,
            _ => return None,
        }
    }
    if (negative && mantissa == 0) || (point && scale == 0) || (!point && digits.len() > 18) {
        return None;
    }
    // The mantissa's low and middle 32-bit words (it is below 10^18).
    let (lo, mid) = (mantissa as u32, (mantissa >> 32) as u32);
    Some(Decimal::from_parts(lo, mid, 0, negative, scale))
}

/// How deep `raw` nests (`0` for a scalar, `1` for `[0]`), counting brackets outside strings.
fn nesting(raw: &str) -> usize {
    let (mut depth, mut deepest, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for b in raw.bytes() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// Whether `raw`, a value at nesting level `depth`, is one serde_json's full parse refuses:
/// nested past the bound, or with a surrogate escape (`\ud83d`) its skipping does not pair up
/// and check; then the error naming where (read by the full parse, on this path only).
pub(super) fn refused(raw: &RawValue, depth: usize) -> Option<Failure> {
    let t = raw.get();
    let compound = match t.as_bytes().first() {
        Some(b'[' | b'{') => true,
        Some(b'"') => false,
        // A number or a literal: neither nests nor has escapes.
        _ => return None,
    };
    let deep = compound && depth - 1 + nesting(t) > MAX_DEPTH;
    let surrogate = || {
        let b = t.as_bytes();
        (0..b.len()).any(|i| b[i] == b'\\' && b.get(i + 1) == Some(&b'u'))
            && t.match_indices("\\u")
                .any(|(i, _)| matches!(b.get(i + 2), Some(b'd' | b'D')))
    };
    if !deep && !surrogate() {
        return None;
    }
    let e = crate::runtime::json::from_raw(raw, depth).err()?;
    Some(Box::new(e))
}

/// The next value (of field `wire`, in an object at level `depth`), unparsed; an error if it
/// nests past the bound.
#[inline]
pub(super) fn raw<'de, A: MapAccess<'de>>(
    m: &mut A,
    cx: &mut Cx,
    depth: usize,
    wire: &str,
) -> Result<&'de RawValue, A::Error> {
    let raw: &'de RawValue = m.next_value()?;
    match refused(raw, depth + 1) {
        Some(e) => Err(cx.fail(at(e, wire))),
        None => Ok(raw),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_counts_brackets_outside_strings() {
        assert_eq!(nesting("0"), 0);
        assert_eq!(nesting("[[0],{\"a\":[1]}]"), 3);
        assert_eq!(nesting("\"[[[\\\"[\""), 0);
        assert_eq!(nesting("{\"k\\\\\":[\"]\"]}"), 2);
    }

    #[test]
    fn plain_numbers_read_as_rust_decimal_reads_them() {
        let same = [
            "0",
            "7",
            "150.00",
            "150",
            "-12.50",
            "0.001",
            "-0.5",
            "999999999999999999",
            "-999999999999999999",
            "12345678.9012345678",
            "1.00000000000000000",
        ];
        for t in same {
            let ours = decimal(t).unwrap_or_else(|| panic!("{t} is plain"));
            let theirs = Decimal::from_str_exact(t).unwrap();
            assert_eq!(
                (ours.to_string(), ours.scale(), ours.is_sign_negative()),
                (
                    theirs.to_string(),
                    theirs.scale(),
                    theirs.is_sign_negative()
                ),
                "{t}"
            );
        }
        // Left to `from_str_exact`: exponents, -0, 19 digits and more, anything not a number.
        for t in [
            "1e5",
            "1.5E-3",
            "-0",
            "-0.00",
            "1234567890123456789",
            "1.234567890123456789",
        ] {
            assert_eq!(decimal(t), None, "{t}");
        }
        for t in ["", "-", "1.2.3", "\"1\"", "null", "."] {
            assert_eq!(decimal(t), None, "{t}");
        }
    }

    #[test]
    fn scalars_are_their_text() {
        fn raw(t: &str) -> &RawValue {
            serde_json::from_str(t).unwrap()
        }
        assert_eq!(text(raw("12.50"), false).unwrap().as_deref(), Some("12.50"));
        assert_eq!(
            text(raw("\"a\\nb\""), false).unwrap().as_deref(),
            Some("a\nb")
        );
        assert_eq!(text(raw("null"), false).unwrap(), None);
        let err = |t| text(raw(t), false).unwrap_err().reason;
        assert_eq!(
            err("true"),
            "expected a number or a string, found a boolean"
        );
        assert_eq!(text(raw("true"), true).unwrap().as_deref(), Some("true"));
        assert_eq!(err("[1]"), "expected a number or a string, found a list");
        assert_eq!(err("{}"), "expected a number or a string, found an object");
    }
}
