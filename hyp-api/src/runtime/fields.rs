//! What the generated one-pass decoders share, whatever the wire format: the per-scalar
//! [`FromText`] trait, the slots a decoder fills field by field, and the envelope's code and
//! message picked up on the way.
//!
//! A one-pass decoder stops at the first thing it does not accept (a value of the wrong kind, a
//! missing required field, nesting past the bound) with a [`Failure`]: the typed
//! [`DecodeError`] with the field path from the answer's root (`Queue[0].PaymentDate`), built
//! only as the error unwinds, so the success path carries no path at all.

use chrono::{NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;
use secrecy::SecretString;

use crate::runtime::coded::Coded;
use crate::runtime::money::{MinorUnits, Money};
use crate::runtime::node::{DecodeError, Node};
use crate::runtime::open::{ClosedEnum, Open};

/// Why a one-pass decoder stopped, and where: boxed, so a decoder's `Result` stays one word
/// wide on the success path. A [`DecodeError`] converts with `?`.
pub type Failure = Box<DecodeError>;

/// A failure for input no one-pass decoder reads (a field of a type none reads).
pub fn unsupported() -> Failure {
    Box::new(DecodeError::new("not read by the one-pass decoder"))
}

/// `e` with `segment` (a wire name, or `[i]`) in front of its path.
pub fn at(mut e: Failure, segment: &str) -> Failure {
    e.prefix(segment);
    e
}

/// A value of the wrong kind: `expected` (`an object`, `a list`…), `found` the wire's.
pub fn wrong_kind(expected: &str, found: &str) -> Failure {
    Box::new(DecodeError::new(format!(
        "expected {expected}, found {found}"
    )))
}

/// A scalar read from the text the wire carries for it (a JSON number's digits or a string's
/// contents, an XML element's text, a URL-encoded value), already unescaped. A new scalar type
/// or newtype needs only this impl to be decoded by every wire format.
pub trait FromText: Sized {
    /// The value of `text`, or why it is not one.
    fn from_text(text: &str) -> Result<Self, DecodeError>;
}

impl FromText for i64 {
    #[inline]
    fn from_text(text: &str) -> Result<Self, DecodeError> {
        let t = trim(text);
        t.parse()
            .map_err(|_| DecodeError::new(format!("`{t}` is not an integer")))
    }
}

impl FromText for String {
    #[inline]
    fn from_text(text: &str) -> Result<Self, DecodeError> {
        Ok(text.to_string())
    }
}

impl FromText for bool {
    #[inline]
    fn from_text(text: &str) -> Result<Self, DecodeError> {
        match trim(text) {
            "1" | "true" | "True" | "TRUE" => Ok(true),
            "0" | "false" | "False" | "FALSE" => Ok(false),
            t => Err(DecodeError::new(format!("`{t}` is not a boolean"))),
        }
    }
}

impl FromText for Decimal {
    #[inline]
    fn from_text(text: &str) -> Result<Self, DecodeError> {
        let t = trim(text);
        Decimal::from_str_exact(t)
            .map_err(|_| DecodeError::new(format!("`{t}` is not an exact decimal number")))
    }
}

impl FromText for Money {
    fn from_text(text: &str) -> Result<Self, DecodeError> {
        Decimal::from_text(text).map(Money::new)
    }
}

impl FromText for MinorUnits {
    fn from_text(text: &str) -> Result<Self, DecodeError> {
        i64::from_text(text).map(MinorUnits::new)
    }
}

impl FromText for SecretString {
    fn from_text(text: &str) -> Result<Self, DecodeError> {
        Ok(SecretString::from(text.to_string()))
    }
}

impl<E: ClosedEnum> FromText for Open<E> {
    fn from_text(text: &str) -> Result<Self, DecodeError> {
        let text = trim(text);
        Ok(E::from_wire_text(text).map_or_else(|| Open::Unknown(text.to_string()), Open::Known))
    }
}

/// A date in the spec's `chrono` format.
#[inline]
pub fn date(text: &str, format: &str) -> Result<NaiveDate, DecodeError> {
    let t = trim(text);
    if format == "%Y-%m-%d"
        && let Some(d) = iso_date(t)
    {
        return Ok(d);
    }
    NaiveDate::parse_from_str(t, format)
        .map_err(|_| DecodeError::new(format!("`{t}` is not a date in the format `{format}`")))
}

/// `YYYY-MM-DD` exactly, read without chrono's format interpreter (what it would read; any
/// other text, or a day that does not exist, is left to it).
fn iso_date(t: &str) -> Option<NaiveDate> {
    let b = t.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = i32::try_from(digits(&b[0..4])?).ok()?;
    NaiveDate::from_ymd_opt(year, digits(&b[5..7])?, digits(&b[8..10])?)
}

/// `YYYY-MM-DD hh:mm` or `YYYY-MM-DD hh:mm:ss` exactly, for those two formats (as [`iso_date`]).
fn iso_datetime(t: &str, format: &str) -> Option<NaiveDateTime> {
    let seconds = match format {
        "%Y-%m-%d %H:%M" => false,
        "%Y-%m-%d %H:%M:%S" => true,
        _ => return None,
    };
    let b = t.as_bytes();
    let len = if seconds { 19 } else { 16 };
    if b.len() != len || b[10] != b' ' || b[13] != b':' || (seconds && b[16] != b':') {
        return None;
    }
    let s = if seconds { digits(&b[17..19])? } else { 0 };
    let time = chrono::NaiveTime::from_hms_opt(digits(&b[11..13])?, digits(&b[14..16])?, s)?;
    Some(iso_date(&t[..10])?.and_time(time))
}

/// The value of ASCII digits, `None` if any byte is not one.
fn digits(b: &[u8]) -> Option<u32> {
    b.iter().try_fold(0u32, |n, c| {
        c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
    })
}

/// A date and time (no zone on the wire) in the spec's `chrono` format.
#[inline]
pub fn datetime(text: &str, format: &str) -> Result<NaiveDateTime, DecodeError> {
    let t = trim(text);
    if let Some(dt) = iso_datetime(t, format) {
        return Ok(dt);
    }
    NaiveDateTime::parse_from_str(t, format)
        .map_err(|_| DecodeError::new(format!("`{t}` is not a date-time in the format `{format}`")))
}

/// How a scalar field is read from its text (`<T as FromText>::from_text`, or a date in its
/// format): a function pointer, so the helpers below are instantiated once per type, not per
/// field.
pub type Decode<T> = fn(&str) -> Result<T, DecodeError>;

/// One field being decoded: `None` until the wire names it; then `Some(None)` for a null or
/// (where the spec says so) empty value, `Some(Some(v))` for a value. The first occurrence of a
/// field counts (as when a request is read from a tree).
pub type Slot<T> = Option<Option<T>>;

/// A required field's value: missing or null is an error naming the field `wire`.
pub fn required<T>(slot: Slot<T>, wire: &str) -> Result<T, Failure> {
    slot.flatten()
        .ok_or_else(|| Box::new(DecodeError::new("required field is missing").within(wire)))
}

/// Whether `text` is empty or only whitespace.
pub(crate) fn blank(text: &str) -> bool {
    trim(text).is_empty()
}

/// `text` without leading and trailing whitespace, as [`str::trim`]; text that starts and ends
/// with a visible ASCII character (most values) is returned as it is, without a scan.
pub(crate) fn trim(text: &str) -> &str {
    match (text.as_bytes().first(), text.as_bytes().last()) {
        (Some(a), Some(b)) if a.is_ascii_graphic() && b.is_ascii_graphic() => text,
        _ => text.trim(),
    }
}

/// A scalar from its text. With `empty_is_absent`, blank text is an absent value.
pub fn set<T>(
    slot: &mut Slot<T>,
    text: &str,
    decode: Decode<T>,
    empty_is_absent: bool,
) -> Result<(), Failure> {
    if slot.is_none() {
        *slot = Some(if empty_is_absent && blank(text) {
            None
        } else {
            Some(decode(text)?)
        });
    }
    Ok(())
}

/// [`set`], naming the field `wire` in an error.
pub fn set_at<T>(
    slot: &mut Slot<T>,
    text: &str,
    decode: Decode<T>,
    (empty_is_absent, wire): (bool, &str),
) -> Result<(), Failure> {
    set(slot, text, decode, empty_is_absent).map_err(|e| at(e, wire))
}

/// A value kept as received, from its text (generated URL-encoded readers; compiled there).
#[inline]
pub fn set_node(slot: &mut Slot<Node>, text: &str, empty_is_absent: bool) {
    if slot.is_none() {
        let node = || crate::runtime::redact::scrub_value(Node::Str(text.to_string()));
        *slot = Some((!(empty_is_absent && blank(text))).then(node));
    }
}

/// A [`Coded`] from text alone (no `code` attribute): blank text is absent where the field is
/// optional, and an empty [`Coded`] where it is required.
pub fn set_coded(slot: &mut Slot<Coded>, text: &str, required: bool) {
    if slot.is_none() {
        let t = trim(text);
        *slot = Some(if t.is_empty() {
            required.then(Coded::default)
        } else {
            Some(Coded {
                code: None,
                text: Some(t.to_string()),
            })
        });
    }
}

/// An object or list given as text (field `wire`): blank text is absent, or an empty list;
/// other text is an error.
pub fn set_blank<T>(
    slot: &mut Slot<T>,
    text: &str,
    empty: Option<T>,
    wire: &str,
) -> Result<(), Failure> {
    if slot.is_none() {
        if !blank(text) {
            let expected = if empty.is_some() {
                "a list"
            } else {
                "an object"
            };
            return Err(at(wrong_kind(expected, "a string"), wire));
        }
        *slot = Some(empty);
    }
    Ok(())
}

/// The envelope's code and message as a decoder meets them at the answer's top level (first
/// occurrence of each).
#[derive(Debug, Default, Clone)]
pub struct Envelope {
    names: Option<(&'static str, &'static str)>,
    code: Slot<i64>,
    message: Slot<String>,
}

impl Envelope {
    /// For an API whose envelope names its code and message fields so.
    pub fn new(names: Option<(&'static str, &'static str)>) -> Self {
        Envelope {
            names,
            ..Envelope::default()
        }
    }

    /// Whether `key` is the code's or the message's field.
    pub fn is_envelope(&self, key: &str) -> bool {
        self.names.is_some_and(|(c, m)| key == c || key == m)
    }

    /// Takes the value of envelope field `key` (`None` for a null), first occurrence only.
    pub fn take(&mut self, key: &str, text: Option<&str>) -> Result<(), Failure> {
        let Some((code, _)) = self.names else {
            return Ok(());
        };
        if key == code {
            let text = text.unwrap_or("");
            set_at(&mut self.code, text, i64::from_text, (true, key))
        } else {
            if self.message.is_none() {
                self.message = Some(text.map(str::to_string));
            }
            Ok(())
        }
    }

    /// The code (absent when missing, null or empty) and the message.
    pub fn finish(self) -> (Option<i64>, Option<String>) {
        (self.code.flatten(), self.message.flatten())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_read_as_chrono_reads_them() {
        for t in [
            "2024-02-29",
            "2023-02-29",
            "2024-13-01",
            "0000-01-01",
            "9999-12-31",
            "2024-1-05",
            "+2024-01-05",
            "2024-01-05x",
            " 2024-01-05 ",
            "",
            "2024/01/05",
        ] {
            let chrono = NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d").ok();
            assert_eq!(date(t, "%Y-%m-%d").ok(), chrono, "{t:?}");
        }
        for (t, f) in [
            ("2025-07-28 12:49", "%Y-%m-%d %H:%M"),
            ("2025-07-28 24:00", "%Y-%m-%d %H:%M"),
            ("2025-07-28 1:49", "%Y-%m-%d %H:%M"),
            ("2025-07-28 12:49:59", "%Y-%m-%d %H:%M:%S"),
            ("2025-07-28 12:49:60", "%Y-%m-%d %H:%M:%S"),
            ("2025-02-30 12:49:00", "%Y-%m-%d %H:%M:%S"),
            ("2025-07-28T12:49:00", "%Y-%m-%d %H:%M:%S"),
            ("2025-07-28 12:49", "%Y-%m-%d %H:%M:%S"),
        ] {
            let chrono = NaiveDateTime::parse_from_str(t, f).ok();
            assert_eq!(datetime(t, f).ok(), chrono, "{t:?} {f}");
        }
    }
}
