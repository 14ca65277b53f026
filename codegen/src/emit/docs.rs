//! Doc comments for generated items: what the spec says, with units, ranges and sources.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::{Constraints, Field, FieldLocation, Ty};

/// `#[doc = …]` attributes, one per line of `text`.
pub fn doc(text: &str) -> TokenStream {
    let lines = markdown_lines(text);
    quote! { #( #[doc = #lines] )* }
}

/// Inner `#![doc = …]` attributes for a module.
pub fn module_doc(text: &str) -> TokenStream {
    let lines = markdown_lines(text);
    quote! { #( #![doc = #lines] )* }
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
        out.push(format!(" {line}"));
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
        Ty::Secret => "secret: never printed".into(),
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
