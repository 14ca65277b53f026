//! A spec field's `pattern`, compiled on its first check (once per process) and kept.
//!
//! One non-generic type for every pattern: each generated `static` is a constant of it, where a
//! `LazyLock` with its own closure per pattern compiled that lock's code once per pattern.

use std::sync::OnceLock;

use regex::Regex;

/// A regular expression from the spec (anchored by the spec), checked by codegen to compile.
pub struct Pattern {
    source: &'static str,
    compiled: OnceLock<Regex>,
}

impl Pattern {
    /// The pattern `source`, not compiled yet.
    pub const fn new(source: &'static str) -> Self {
        Pattern {
            source,
            compiled: OnceLock::new(),
        }
    }

    /// The spec's text of the pattern.
    #[inline]
    pub fn as_str(&self) -> &'static str {
        self.source
    }

    /// Whether `text` matches. `#[inline]`: the regex search is compiled where a request with
    /// a pattern is validated, not into every build of hyp-api.
    #[inline]
    pub fn is_match(&self, text: &str) -> bool {
        self.compiled
            .get_or_init(|| Regex::new(self.source).expect("pattern checked by codegen"))
            .is_match(text)
    }
}

#[cfg(test)]
mod tests {
    use super::Pattern;

    #[test]
    fn a_pattern_matches_as_its_regex_does() {
        static DIGITS: Pattern = Pattern::new("^[0-9]{10}$");
        assert!(DIGITS.is_match("0123456789"));
        assert!(!DIGITS.is_match("012345678"));
        assert!(!DIGITS.is_match("01234567890"));
        assert_eq!(DIGITS.as_str(), "^[0-9]{10}$");
    }
}
