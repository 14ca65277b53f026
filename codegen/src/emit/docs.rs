//! Doc comments for generated items: what the spec says, with units, ranges and sources.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::{Constraints, Field, FieldLocation, SecretKind, Ty};

/// `#[doc = …]` attributes, one per line of `text`.
pub fn doc(text: &str) -> TokenStream {
    let lines = markdown_lines(&sources_last(text));
    quote! { #( #[doc = #lines] )* }
}

/// Inner `#![doc = …]` attributes for a module.
pub fn module_doc(text: &str) -> TokenStream {
    let lines = markdown_lines(&sources_last(text));
    quote! { #( #![doc = #lines] )* }
}

/// The first sentence of a spec text, for a one-line mention (a setter, a list of codes): the
/// spec wraps its prose, so its first *line* may stop mid-sentence; this never does. A sentence
/// ends at `.`, `!` or `?` followed by a space, outside backticks and parentheses, and not after
/// an abbreviation (`e.g.`); without one, the whole first paragraph.
pub fn summary(text: &str) -> String {
    let paragraph = text
        .trim()
        .split("\n\n")
        .next()
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let (mut code, mut depth) = (false, 0i32);
    let chars: Vec<(usize, char)> = paragraph.char_indices().collect();
    for (n, &(i, c)) in chars.iter().enumerate() {
        match c {
            '`' => code = !code,
            '(' | '[' if !code => depth += 1,
            ')' | ']' if !code => depth -= 1,
            '.' | '!' | '?' if !code && depth <= 0 => {
                let next_is_space = chars.get(n + 1).is_some_and(|&(_, c)| c == ' ');
                let word = paragraph[..i].rsplit(' ').next().unwrap_or_default();
                if next_is_space && !ABBREVIATIONS.contains(&word.to_ascii_lowercase().as_str()) {
                    return paragraph[..=i].to_string();
                }
            }
            _ => {}
        }
    }
    paragraph
}

/// Words a `.` follows without ending the sentence.
const ABBREVIATIONS: [&str; 6] = ["e.g", "i.e", "etc", "vs", "no", "approx"];

/// The text with each citation (`Source: …` paragraph) moved to the end of its section (the
/// doc's description before the first heading, or one `#` section), merged into one line, and the vendor doc files named
/// short (`vendor doc 003`): a reader meets the description first and the citation last, and
/// the summary rustdoc shows in lists is never a citation.
fn sources_last(text: &str) -> String {
    let mut sections: Vec<(Vec<String>, Vec<String>)> = vec![(Vec::new(), Vec::new())];
    for paragraph in text.trim().split("\n\n") {
        let paragraph = paragraph.trim_matches('\n');
        if paragraph.trim().is_empty() {
            continue;
        }
        if paragraph.starts_with('#') {
            sections.push((Vec::new(), Vec::new()));
        }
        let (body, sources) = sections.last_mut().expect("one section at least");
        match paragraph.strip_prefix("Source:") {
            Some(cited) => sources.push(short_source(cited.trim())),
            None => body.push(paragraph.to_string()),
        }
    }
    // Each section's citation closes it: the doc's own closes its description, before the
    // first heading (a module's vendor quirks, each citing its own source).
    let mut out = Vec::new();
    for (body, sources) in sections {
        out.extend(body);
        out.extend(cite(&sources));
    }
    out.join("\n\n")
}

/// One `Source:` line from a section's citations (none when it has none).
fn cite(sources: &[String]) -> Option<String> {
    (!sources.is_empty()).then(|| format!("Source: {}", sources.join("; ")))
}

/// `vendor-docs 003_eb6694887e3a71fe.txt § Header table` → `vendor doc 003 § Header table`:
/// the file names are the team's copies, not shipped with the crate; the number names the
/// document (000/004 Hyper ERP, 001 CreditGuard, 002 Hyp Pay, 003 MT5 Manager).
fn short_source(cited: &str) -> String {
    let mut out = String::new();
    let mut rest = cited;
    while let Some(at) = rest.find("vendor-docs ") {
        out.push_str(&rest[..at]);
        let after = &rest[at + "vendor-docs ".len()..];
        let name_end = after.find(char::is_whitespace).unwrap_or(after.len());
        let name = &after[..name_end];
        let bare = name.trim_end_matches([';', ',']);
        let number = bare.split_once('_').map_or(bare, |(n, _)| n);
        if number.len() == 3 && number.bytes().all(|b| b.is_ascii_digit()) {
            out.push_str(&format!("vendor doc {number}{}", &name[bare.len()..]));
        } else {
            out.push_str(&format!("vendor-docs {name}"));
        }
        rest = &after[name_end..];
    }
    out.push_str(rest);
    // A bare URL is a rustdoc warning; `<…>` makes it a link.
    out.split(' ')
        .map(|w| match w.find("https://").or_else(|| w.find("http://")) {
            Some(at) => {
                let end = w
                    .rfind([')', ',', ';'])
                    .filter(|&e| e > at)
                    .unwrap_or(w.len());
                format!("{}<{}>{}", &w[..at], &w[at..end], &w[end..])
            }
            None => w.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The spec's text as doc lines. A paragraph written straight after a list (no blank line)
/// would be read by rustdoc as part of the last item: a blank line is put between them, so
/// spec authors write plain prose and the generated docs still render as meant.
fn markdown_lines(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut in_list = false;
    for line in text.trim_end().lines() {
        let trimmed = line.trim_start();
        let item = trimmed.starts_with("- ") || trimmed.starts_with("* ");
        let continuation = line.starts_with(' ') && !trimmed.is_empty();
        if in_list && !item && !continuation && !trimmed.is_empty() {
            out.push(String::new());
        }
        in_list = item || (in_list && continuation);
        out.push(format!(" {}", prose(line)));
    }
    out
}

/// One line of spec prose as rustdoc reads it: outside backticks, the vendor's brackets
/// (`[hyp_Clients]`, `Items[0]`) are text, not links, and `list<int>` is text, not an HTML tag.
/// The links the generator writes (`` [`Type`] ``, `<https://…>`) stay links.
fn prose(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut code = false;
    let mut chars = line.chars().peekable();
    let mut prev = ' ';
    while let Some(c) = chars.next() {
        let next = chars.peek().copied().unwrap_or(' ');
        match c {
            '`' => code = !code,
            '[' if !code && next != '`' && prev != '\\' => out.push('\\'),
            ']' if !code && prev != '`' && prev != '\\' => out.push('\\'),
            '<' if !code && next.is_ascii_alphabetic() => {
                let rest: String = chars.clone().take(4).collect();
                if !rest.starts_with("http") {
                    out.push_str("&lt;");
                    prev = c;
                    continue;
                }
            }
            _ => {}
        }
        out.push(c);
        prev = c;
    }
    out
}

/// The doc of one field: the spec's doc, its wire name and shape, its rules, its source.
pub fn field_doc(f: &Field) -> String {
    let place = match f.location {
        FieldLocation::Body => "",
        FieldLocation::Path => " in the URL path",
        FieldLocation::Query => " in the query string",
        FieldLocation::Header => " header",
        FieldLocation::Envelope => " in the request envelope",
    };
    let mut s = format!(
        "{}\n\nWire: `{}`{place} ({}",
        f.doc.trim(),
        f.wire,
        shape(&f.ty)
    );
    s.push_str(if f.required {
        ", required)."
    } else {
        ", optional)."
    });
    let rules = rules(&f.constraints);
    if !rules.is_empty() {
        s.push_str(&format!(" Rules: {}.", rules.join("; ")));
    }
    if f.assumed {
        s.push_str("\n\n**Assumed:** the vendor does not document this field for this API; it is taken from the source below.");
    }
    if let Some(d) = &f.decision {
        s.push_str(&format!("\n\nSpec decision: {}", d.trim()));
    }
    s.push_str(&format!("\n\nSource: {}", f.source));
    s
}

/// A reader's description of a type.
pub fn shape(ty: &Ty) -> String {
    match ty {
        Ty::Int => "integer".into(),
        Ty::String => "text".into(),
        Ty::Bool => "boolean".into(),
        Ty::Money => {
            "money: exact decimal in major units (shekels/dollars), never agorot/cents".into()
        }
        Ty::MinorUnits => "money in minor units: agorot/cents".into(),
        Ty::Decimal => "exact decimal".into(),
        Ty::Date(f) => format!("date, `{f}`"),
        Ty::DateTime(f) => format!("date and time, `{f}`"),
        Ty::Secret(SecretKind::Plain) => "secret: never printed".into(),
        Ty::Secret(SecretKind::Pan) => {
            "card number: printed as its first six and last four digits at most".into()
        }
        Ty::Secret(SecretKind::Cvv) => "card security code: never printed".into(),
        Ty::Secret(SecretKind::CardToken) => "card token: never printed".into(),
        Ty::Json => "any JSON value, kept as received".into(),
        Ty::Coded => "an element's `code` attribute and text, each absent when empty".into(),
        Ty::Params => "name/value pairs, sent in their order under their own names".into(),
        Ty::Enum(n) | Ty::Object(n) | Ty::Named(n) => format!("[`{n}`]"),
        Ty::List(inner) => format!("list of {}", shape(inner)),
    }
}

fn rules(c: &Constraints) -> Vec<String> {
    let mut r = Vec::new();
    if let Some(v) = &c.gt {
        r.push(format!("> {v}"));
    }
    if let Some(v) = &c.ge {
        r.push(format!(">= {v}"));
    }
    if let Some(v) = &c.le {
        r.push(format!("<= {v}"));
    }
    if let Some(v) = c.max_decimal_places {
        r.push(format!("at most {v} decimal places"));
    }
    if let Some(v) = c.min_len {
        r.push(format!("at least {v} characters"));
    }
    if let Some(v) = c.max_len {
        r.push(format!("at most {v} characters"));
    }
    if let Some(v) = &c.pattern {
        r.push(format!("matches `{v}`"));
    }
    if let Some(v) = c.min_items {
        r.push(format!("at least {v} item(s)"));
    }
    if let Some(v) = c.max_items {
        r.push(format!("at most {v} item(s)"));
    }
    if let Some(v) = c.within_past_days {
        r.push(format!("within the last {v} days"));
    }
    if c.not_future {
        r.push("not in the future".into());
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_summary_is_the_first_whole_sentence() {
        let text = "Idempotency key (e.g. `a.b`). When absent the client\nmakes one.\n\nMore.";
        assert_eq!(summary(text), "Idempotency key (e.g. `a.b`).");
        assert_eq!(summary("A wrapped\nline, no end"), "A wrapped line, no end");
        assert_eq!(
            summary("Amounts e.g. 1.5 shekels. Next."),
            "Amounts e.g. 1.5 shekels."
        );
    }

    #[test]
    fn citations_close_their_section_short_and_linked() {
        let text = "Summary.\n\nSource: vendor-docs 003_eb66.txt § Codes\n\nMore text.\n\n\
                    ## Quirk\n\nSource: vendor-notes (https://x.example/a)\n\nWhat.";
        assert_eq!(
            sources_last(text),
            "Summary.\n\nMore text.\n\nSource: vendor doc 003 § Codes\n\n## Quirk\n\nWhat.\n\n\
             Source: vendor-notes (<https://x.example/a>)"
        );
    }

    #[test]
    fn vendor_brackets_and_angles_are_text_generated_links_stay() {
        assert_eq!(
            prose("[hyp_Clients] Items[0] list<int> [`Money`] <https://a.example> `a[0]`"),
            "\\[hyp_Clients\\] Items\\[0\\] list&lt;int> [`Money`] <https://a.example> `a[0]`"
        );
    }
}
