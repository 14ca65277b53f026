//! Structural comparison of a raw sandbox answer with a vendor doc's answer example.
//!
//! Both sides are parsed here from raw bytes (serde_json, quick-xml, form_urlencoded), never
//! through hyp-api's decoders, so a misreading shared by client and sandbox cannot pass.
//!
//! ```ignore
//! use common::shape::{Expect, Raw};
//! let raw = Raw::read(reqwest::get(url).await?).await;      // status, content type, bytes
//! Expect::doc(example_body)          // the doc's answer example, verbatim
//!     .status(200)                   // the documented HTTP status (default 200)
//!     .exact(&["ResponseCode"])      // names whose values must equal the doc's (codes)
//!     .any(&["Ticket_ID"])           // names whose value may be anything (echoes)
//!     .assert(&raw);                 // panics listing every difference; `.check` returns them
//! ```
//!
//! What is compared:
//! - **Frame**: the HTTP status, and the content kind (JSON, XML, URL-encoded pairs, HTML, empty),
//!   the answer's from its `Content-Type` (`json`, `xml`, `html`; anything else is sniffed), the
//!   doc's from its text.
//! - **Structure**: XML element names in order and nesting, with each element's attributes
//!   (`@code`) and its text (`#text`) beside attributes; JSON object keys in order and nesting;
//!   URL-encoded keys in order. Repeated siblings (XML rows, JSON array items) form a run: the
//!   counts may differ (rows come from state), each answer item is compared with the doc's item
//!   at the same place, or the doc's first one past its end.
//! - **Values by kind** (the sandbox's own ids, dates, signatures): `empty`, `digits`,
//!   `decimal(N)` (N fraction digits), a date/time pattern (`9999-99-99 99:99`: digits as `9`,
//!   separators kept), `text` (anything else non-empty); in JSON also `null`, `bool`, `number`,
//!   and a string is `string:<kind>`, so a number sent as a string differs.
//!
//! A value is named by its key, element or attribute (`@code`); `exact` and `any` take such names
//! (or a full path such as `/ashrait/response/result`).

use std::fmt::Write as _;

mod parse;

pub use parse::parse;

/// An answer as received: status, `Content-Type`, bytes.
#[derive(Debug, Clone)]
pub struct Raw {
    pub status: u16,
    pub content_type: String,
    pub body: Vec<u8>,
}

impl Raw {
    /// Reads a reqwest answer whole.
    pub async fn read(response: reqwest::Response) -> Raw {
        let status = response.status().as_u16();
        let content_type = response
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string();
        let body = response.bytes().await.expect("answer body").to_vec();
        Raw {
            status,
            content_type,
            body,
        }
    }

    /// The body as text (lossy: windows-1255 letters become U+FFFD, structure survives).
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// The content kind of a body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Json,
    Xml,
    Form,
    Html,
    Empty,
}

/// A doc answer example and how to compare an answer with it.
#[derive(Debug, Clone)]
pub struct Expect {
    body: String,
    status: u16,
    exact: Vec<String>,
    any: Vec<String>,
}

impl Expect {
    /// The doc's answer example, verbatim (HTTP status 200 unless [`Expect::status`] says).
    pub fn doc(body: &str) -> Expect {
        Expect {
            body: body.to_string(),
            status: 200,
            exact: Vec::new(),
            any: Vec::new(),
        }
    }

    /// The documented HTTP status.
    pub fn status(mut self, status: u16) -> Expect {
        self.status = status;
        self
    }

    /// Values (by name or path) that must equal the doc's: codes, fixed words.
    pub fn exact(mut self, names: &[&str]) -> Expect {
        self.exact.extend(names.iter().map(|n| n.to_string()));
        self
    }

    /// Values (by name or path) that may be anything, even of another kind (echoes).
    pub fn any(mut self, names: &[&str]) -> Expect {
        self.any.extend(names.iter().map(|n| n.to_string()));
        self
    }

    /// Every difference between `raw` and the doc, one line each; empty when it conforms.
    pub fn check(&self, raw: &Raw) -> Vec<String> {
        let mut out = Vec::new();
        if raw.status != self.status {
            out.push(format!("HTTP status {} ≠ doc {}", raw.status, self.status));
        }
        let doc_kind = sniff(&self.body);
        let got_kind = answer_kind(raw);
        if got_kind != doc_kind {
            out.push(format!("content kind {got_kind:?} ≠ doc {doc_kind:?}"));
            return out;
        }
        let doc = match parse(doc_kind, &self.body) {
            Ok(t) => t,
            Err(e) => panic!("the doc example does not parse as {doc_kind:?}: {e}"),
        };
        match parse(got_kind, &raw.text()) {
            Ok(got) => self.node("", &got, &doc, &mut out),
            Err(e) => out.push(format!("answer is not {got_kind:?}: {e}")),
        }
        out
    }

    /// Panics listing every difference, with both bodies.
    pub fn assert(&self, raw: &Raw) {
        let diffs = self.check(raw);
        if !diffs.is_empty() {
            let mut msg = String::from("answer differs from the doc example:\n");
            for d in &diffs {
                let _ = writeln!(msg, "  - {d}");
            }
            let _ = write!(
                msg,
                "answer ({} {}):\n{}\ndoc:\n{}",
                raw.status,
                raw.content_type,
                raw.text(),
                self.body
            );
            panic!("{msg}");
        }
    }

    fn named(list: &[String], path: &str) -> bool {
        let name = path.rsplit('/').next().unwrap_or(path);
        list.iter().any(|n| n == name || n == path)
    }

    fn node(&self, path: &str, got: &Tree, doc: &Tree, out: &mut Vec<String>) {
        if Self::named(&self.any, path) {
            return;
        }
        match (got, doc) {
            (Tree::Leaf(g), Tree::Leaf(d)) => {
                if Self::named(&self.exact, path) {
                    if g.1 != d.1 {
                        out.push(format!("{path}: value {:?} ≠ doc {:?}", g.1, d.1));
                    }
                } else if g.0 != d.0 {
                    out.push(format!("{path}: {} {:?} ≠ doc {} {:?}", g.0, g.1, d.0, d.1));
                }
            }
            (Tree::Branch(g), Tree::Branch(d)) => self.entries(path, g, d, out),
            (Tree::List(g), Tree::List(d)) => {
                let (g, d): (Vec<&Tree>, Vec<&Tree>) = (g.iter().collect(), d.iter().collect());
                self.items(path, &g, &d, out)
            }
            _ => out.push(format!("{path}: {} ≠ doc {}", got.what(), doc.what())),
        }
    }

    fn entries(&self, path: &str, got: &[Entry], doc: &[Entry], out: &mut Vec<String>) {
        let (g, d) = (runs(got), runs(doc));
        let got_names: Vec<&str> = g.iter().map(|(n, _)| *n).collect();
        let doc_names: Vec<&str> = d.iter().map(|(n, _)| *n).collect();
        if got_names != doc_names {
            out.push(format!("{path}: names {got_names:?} ≠ doc {doc_names:?}"));
        }
        for (name, items) in &g {
            if let Some((_, doc_items)) = d.iter().find(|(n, _)| n == name) {
                self.items(&format!("{path}/{name}"), items, doc_items, out);
            }
        }
    }

    fn items(&self, path: &str, got: &[&Tree], doc: &[&Tree], out: &mut Vec<String>) {
        for (i, g) in got.iter().enumerate() {
            if let Some(d) = doc.get(i).or(doc.first()) {
                self.node(path, g, d, out);
            }
        }
    }
}

/// A parsed body: values keep their kind and their text.
#[derive(Debug, Clone, PartialEq)]
pub enum Tree {
    Leaf((String, String)),
    Branch(Vec<Entry>),
    List(Vec<Tree>),
}

/// A named entry of a branch (XML child or attribute, JSON key, URL-encoded key).
pub type Entry = (String, Tree);

impl Tree {
    fn what(&self) -> &'static str {
        match self {
            Tree::Leaf(_) => "a value",
            Tree::Branch(_) => "an element/object",
            Tree::List(_) => "a list",
        }
    }

    /// A text value with its kind.
    pub fn text(value: &str) -> Tree {
        Tree::Leaf((value_kind(value), value.to_string()))
    }
}

/// Consecutive entries of one name, in order.
fn runs(entries: &[Entry]) -> Vec<(&str, Vec<&Tree>)> {
    let mut out: Vec<(&str, Vec<&Tree>)> = Vec::new();
    for (name, tree) in entries {
        match out.last_mut() {
            Some((n, items)) if *n == name.as_str() => items.push(tree),
            _ => out.push((name, vec![tree])),
        }
    }
    out
}

/// The kind of a text value: `empty`, `digits`, `decimal(N)`, a date/time pattern or `text`.
pub fn value_kind(value: &str) -> String {
    let v = value.trim();
    let unsigned = v.strip_prefix('-').unwrap_or(v);
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if v.is_empty() {
        "empty".into()
    } else if all_digits(unsigned) {
        "digits".into()
    } else if let Some((int, frac)) = unsigned.split_once('.')
        && all_digits(int)
        && all_digits(frac)
    {
        format!("decimal({})", frac.len())
    } else if v.bytes().any(|b| b.is_ascii_digit())
        && v.bytes().any(|b| matches!(b, b'-' | b'/' | b':'))
        && v.bytes()
            .all(|b| b.is_ascii_digit() || b"-/:. TZ+".contains(&b))
    {
        v.chars()
            .map(|c| if c.is_ascii_digit() { '9' } else { c })
            .collect()
    } else {
        "text".into()
    }
}

/// The content kind of the answer: its `Content-Type`, else its text.
pub fn answer_kind(raw: &Raw) -> Kind {
    let ct = raw.content_type.to_ascii_lowercase();
    if raw.body.iter().all(|b| b.is_ascii_whitespace()) {
        Kind::Empty
    } else if ct.contains("json") {
        Kind::Json
    } else if ct.contains("html") {
        Kind::Html
    } else if ct.contains("xml") {
        Kind::Xml
    } else {
        sniff(&raw.text())
    }
}

/// The content kind of a text by its first character.
pub fn sniff(text: &str) -> Kind {
    let t = text.trim_start();
    let lower = t.get(..15).unwrap_or(t).to_ascii_lowercase();
    if t.is_empty() {
        Kind::Empty
    } else if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
        Kind::Html
    } else if t.starts_with('<') {
        Kind::Xml
    } else if t.starts_with('{') || t.starts_with('[') {
        Kind::Json
    } else {
        Kind::Form
    }
}
