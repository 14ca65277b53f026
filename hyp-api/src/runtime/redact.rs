//! Secrets removed from text a vendor sent back, in whatever form it echoes them: as sent,
//! JSON-escaped (`\/`, `\uXXXX`, surrogate pairs), XML-escaped (`&amp;`, `&#NN;`, `&#xHH;`),
//! percent- or form-encoded (`%HH`, `+`), or any mix of these, one character at a time.
//! Each escape is decoded by the crate that owns its format (serde_json, quick-xml,
//! percent-encoding); this module only walks the text.

use std::borrow::Cow;
use std::cell::RefCell;

use crate::runtime::node::Node;

/// What a secret's place in the text becomes.
pub const REDACTED: &str = "[REDACTED]";

thread_local! {
    /// The secrets of the call whose answer this thread is decoding ([`scope`]).
    static IN_SCOPE: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// While alive, [`scrub`] removes `secrets` from what it is given: set by the answer decoder
/// for one call (decoding is synchronous, so the thread is the call). Restores the previous
/// scope when dropped.
pub struct Scope(Vec<String>);

/// Puts the call's `secrets` in scope for [`scrub`] until the guard is dropped.
pub fn scope(secrets: &[&str]) -> Scope {
    let mut now = Vec::with_capacity(secrets.len());
    for s in secrets {
        now.push(s.to_string());
    }
    Scope(IN_SCOPE.with(|s| std::mem::replace(&mut *s.borrow_mut(), now)))
}

impl Drop for Scope {
    fn drop(&mut self) {
        let before = std::mem::take(&mut self.0);
        IN_SCOPE.with(|s| *s.borrow_mut() = before);
    }
}

/// Runs `f` with the secrets in scope (none outside a [`scope`]). Not generic: one copy
/// serves every caller.
fn with_scope(f: &mut dyn FnMut(&[&str])) {
    IN_SCOPE.with(|s| {
        let secrets = s.borrow();
        let mut names = Vec::with_capacity(secrets.len());
        for secret in secrets.iter() {
            names.push(secret.as_str());
        }
        f(&names)
    })
}

/// Fields an answer carries beyond the spec's (`unknown_fields`), with every secret in scope
/// redacted from their names and values, in any echo form, at any depth: a vendor that echoes
/// the password it was sent must not hand it back to the caller's logs.
pub fn scrub(mut entries: Vec<(String, Node)>) -> Vec<(String, Node)> {
    with_scope(&mut |secrets| scrub_entries(&mut entries, secrets));
    entries
}

/// One field kept beyond the spec's, scrubbed as [`scrub`] scrubs them: for decoders that
/// collect unknown fields one at a time.
#[cfg(any(feature = "__json", feature = "__xml", feature = "__form"))]
pub fn scrub_entry(mut key: String, mut node: Node) -> (String, Node) {
    with_scope(&mut |secrets| scrub_pair(&mut key, &mut node, secrets));
    (key, node)
}

/// A value kept whole from an answer (a `json` field, a shapeless answer), scrubbed as
/// [`scrub`] scrubs fields.
pub fn scrub_value(mut node: Node) -> Node {
    with_scope(&mut |secrets| scrub_node(&mut node, secrets));
    node
}

fn scrub_entries(entries: &mut [(String, Node)], secrets: &[&str]) {
    for (k, v) in entries {
        scrub_pair(k, v, secrets);
    }
}

fn scrub_pair(key: &mut String, node: &mut Node, secrets: &[&str]) {
    if secrets.is_empty() {
        return;
    }
    *key = redact(key, secrets);
    scrub_node(node, secrets);
}

fn scrub_node(node: &mut Node, secrets: &[&str]) {
    if secrets.is_empty() {
        return;
    }
    match node {
        Node::Str(t) | Node::Num(t) => {
            let clean = redact(t, secrets);
            if clean != *t {
                *node = Node::Str(clean);
            }
        }
        Node::List(items) => {
            for item in items {
                scrub_node(item, secrets);
            }
        }
        Node::Map(entries) => scrub_entries(entries, secrets),
        Node::Null | Node::Bool(_) => {}
    }
}

/// The longest escape looked at: `\uD83D\uDE00` (12), `&#x1F600;` (9), `%F0%9F%98%80` (12).
const LONGEST_ESCAPE: usize = 12;

/// `text` with every occurrence of every non-empty secret, in any echo form, replaced by
/// [`REDACTED`].
pub fn redact(text: &str, secrets: &[&str]) -> String {
    let mut out = text.to_string();
    for secret in secrets.iter().filter(|s| !s.is_empty()) {
        out = redact_one(&out, secret);
    }
    out
}

fn redact_one(text: &str, secret: &str) -> String {
    let wanted: Vec<char> = secret.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    while at < text.len() {
        if let Some(end) = matches(text, at, &wanted) {
            out.push_str(REDACTED);
            at = end;
            continue;
        }
        let c = text[at..].chars().next().unwrap_or_default();
        out.push(c);
        at += c.len_utf8().max(1);
    }
    out
}

/// The end of an echo of `wanted` starting at byte `at`, if one starts there.
fn matches(text: &str, at: usize, wanted: &[char]) -> Option<usize> {
    let Some((&first, rest)) = wanted.split_first() else {
        return Some(at);
    };
    for (c, len) in units(&text[at..]) {
        if c == first
            && let Some(end) = matches(text, at + len, rest)
        {
            return Some(end);
        }
    }
    None
}

/// Every reading of the text's first character or escape: (character, bytes taken).
fn units(text: &str) -> Vec<(char, usize)> {
    let Some(raw) = text.chars().next() else {
        return Vec::new();
    };
    let mut out = vec![(raw, raw.len_utf8())];
    let decoded = match raw {
        '\\' => json_escape(text),
        '&' => xml_reference(text),
        '%' => percent_escape(text),
        '+' => Some((' ', 1)),
        _ => None,
    };
    out.extend(decoded);
    out
}

/// `\/`, `\n`, `\u0041`, `\uD83D\uDE00`: decoded as serde_json reads a string.
fn json_escape(text: &str) -> Option<(char, usize)> {
    let lens: &[usize] = if text[1..].starts_with('u') {
        &[12, 6]
    } else {
        &[2]
    };
    for &len in lens {
        let Some(escape) = text.get(..len) else {
            continue;
        };
        let decoded = serde_json::from_str::<String>(&format!("\"{escape}\""));
        if let Some(c) = decoded.ok().as_deref().and_then(single) {
            return Some((c, len));
        }
    }
    None
}

/// `&amp;`, `&#65;`, `&#x41;`: decoded as quick-xml unescapes.
fn xml_reference(text: &str) -> Option<(char, usize)> {
    let head = text.get(..LONGEST_ESCAPE.min(text.len())).unwrap_or(text);
    let end = head.find(';')? + 1;
    let decoded = quick_xml::escape::unescape(&text[..end]).ok()?;
    single(&decoded).map(|c| (c, end))
}

/// `%41`, `%C3%A9`: one character's UTF-8 bytes, percent-decoded.
fn percent_escape(text: &str) -> Option<(char, usize)> {
    for bytes in 1..=4 {
        let Some(escape) = text.get(..bytes * 3) else {
            continue;
        };
        let decoded: Cow<[u8]> = percent_encoding::percent_decode_str(escape).into();
        if decoded.len() != bytes {
            continue;
        }
        if let Some(c) = std::str::from_utf8(&decoded).ok().and_then(single) {
            return Some((c, escape.len()));
        }
    }
    None
}

fn single(s: &str) -> Option<char> {
    let mut chars = s.chars();
    let c = chars.next()?;
    chars.next().is_none().then_some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "pw/S3cret&é+1";

    fn clean(text: &str) {
        let out = redact(text, &[SECRET]);
        assert_eq!(out, "<a>[REDACTED]</a>", "from {text}");
    }

    #[test]
    fn every_echo_form_is_redacted() {
        clean(r"<a>pw/S3cret&é+1</a>");
        clean(r"<a>pw\/S3cret&\u00e9+1</a>");
        clean(r"<a>\u0070\u0077\/\u0053\u0033cret\u0026\u00E9\u002b1</a>");
        clean(r"<a>pw/S3cret&amp;&#233;+1</a>");
        clean(r"<a>&#112;&#x77;&#47;S3cret&#38;&#xe9;&#43;1</a>");
        clean(r"<a>pw%2FS3cret%26%C3%A9%2B1</a>");
        clean(r"<a>pw%2fS3cret%26%c3%a9%2b1</a>");
        clean(r"<a>%70%77%2F%53%33%63%72%65%74%26%C3%A9%2B%31</a>");
    }

    #[test]
    fn a_space_written_as_plus_and_astral_characters() {
        assert_eq!(redact("x=a+b", &["a b"]), "x=[REDACTED]");
        assert_eq!(
            redact(r#"{"p":"\ud83d\ude00!"}"#, &["😀!"]),
            r#"{"p":"[REDACTED]"}"#
        );
        assert_eq!(redact("&#x1F600;!", &["😀!"]), "[REDACTED]");
        assert_eq!(redact("%F0%9F%98%80!", &["😀!"]), "[REDACTED]");
    }

    #[test]
    fn unknown_fields_lose_the_secrets_in_scope_at_any_depth() {
        let fields = || {
            vec![
                ("zPass".to_string(), Node::Num("8179".into())),
                (
                    "echo".to_string(),
                    Node::Str("pw%2FS3cret%26%C3%A9%2B1".into()),
                ),
                (
                    "deep".to_string(),
                    Node::List(vec![Node::Map(vec![(
                        "8179".to_string(),
                        Node::Str("x &#112;w/S3cret&amp;é+1 y".into()),
                    )])]),
                ),
                ("other".to_string(), Node::Num("81790".into())),
            ]
        };
        assert_eq!(scrub(fields()), fields(), "no scope: left as they are");
        let scope = scope(&[SECRET, "8179"]);
        let scrubbed = scrub(fields());
        drop(scope);
        assert_eq!(
            scrubbed,
            vec![
                ("zPass".to_string(), Node::Str(REDACTED.into())),
                ("echo".to_string(), Node::Str(REDACTED.into())),
                (
                    "deep".to_string(),
                    Node::List(vec![Node::Map(vec![(
                        REDACTED.to_string(),
                        Node::Str(format!("x {REDACTED} y")),
                    )])]),
                ),
                ("other".to_string(), Node::Str(format!("{REDACTED}0"))),
            ]
        );
        assert_eq!(scrub(fields()), fields(), "the scope ends with its guard");
    }

    #[test]
    fn other_text_is_left_as_it_is() {
        let text = r"pw/S3cret&é+2 \u0070 &amp; %2F + é 😀";
        assert_eq!(redact(text, &[SECRET]), text);
        assert_eq!(redact("abc", &[""]), "abc");
        assert_eq!(redact("a pw b pw", &["pw"]), "a [REDACTED] b [REDACTED]");
        // Broken escapes are text, not errors.
        assert_eq!(redact(r"\u12 &#xZZ; %G1 %", &["q"]), r"\u12 &#xZZ; %G1 %");
    }
}
