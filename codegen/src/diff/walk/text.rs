//! Model values as short text for before/after columns. Exhaustive matches: a new type or
//! kind in the model needs its text here.

use crate::model::{AuthKind, EnumRepr, FieldLocation, HttpMethod, TransportKind, Ty, WireValue};

pub(super) fn ty(t: &Ty) -> String {
    match t {
        Ty::Int => "int".into(),
        Ty::String => "string".into(),
        Ty::Bool => "bool".into(),
        Ty::Money => "money".into(),
        Ty::MinorUnits => "minor_units".into(),
        Ty::Decimal => "decimal".into(),
        Ty::Date(f) => format!("date ({f})"),
        Ty::DateTime(f) => format!("datetime ({f})"),
        Ty::Secret(kind) => kind.spec_name().into(),
        Ty::Json => "json".into(),
        Ty::Coded => "coded".into(),
        Ty::Params => "params".into(),
        Ty::Enum(n) | Ty::Object(n) | Ty::Named(n) => n.clone(),
        Ty::List(inner) => format!("list<{}>", ty(inner)),
    }
}

pub(super) fn transport(k: TransportKind) -> &'static str {
    match k {
        TransportKind::JsonPost => "json_post",
        TransportKind::FormXml => "form_xml",
        TransportKind::QueryGet => "query_get",
        TransportKind::RestJson => "rest_json",
    }
}

pub(super) fn auth(k: AuthKind) -> &'static str {
    match k {
        AuthKind::Bearer => "bearer",
        AuthKind::InRequest => "in_request",
        AuthKind::FormFields => "form_fields",
    }
}

pub(super) fn method(m: HttpMethod) -> &'static str {
    match m {
        HttpMethod::Get => "GET",
        HttpMethod::Post => "POST",
        HttpMethod::Put => "PUT",
        HttpMethod::Patch => "PATCH",
        HttpMethod::Delete => "DELETE",
    }
}

pub(super) fn location(l: FieldLocation) -> &'static str {
    match l {
        FieldLocation::Body => "body",
        FieldLocation::Path => "path",
        FieldLocation::Query => "query",
        FieldLocation::Header => "header",
        FieldLocation::Envelope => "envelope",
    }
}

pub(super) fn repr(r: EnumRepr) -> &'static str {
    match r {
        EnumRepr::Int => "int",
        EnumRepr::String => "string",
    }
}

pub(super) fn wire(w: &WireValue) -> String {
    match w {
        WireValue::Int(i) => i.to_string(),
        WireValue::Str(s) => format!("\"{s}\""),
    }
}

pub(super) fn opt<T: std::fmt::Display>(v: &Option<T>) -> String {
    v.as_ref().map_or_else(|| "none".to_string(), T::to_string)
}

pub(super) fn flag(b: &bool) -> String {
    if *b { "yes".into() } else { "no".into() }
}

pub(super) fn required(b: &bool) -> String {
    if *b {
        "required".into()
    } else {
        "optional".into()
    }
}

/// The first line of a doc, shortened.
pub(super) fn gist(doc: &str) -> String {
    let line = doc.trim().lines().next().unwrap_or("").trim();
    if line.chars().count() > 80 {
        let cut: String = line.chars().take(77).collect();
        format!("{cut}…")
    } else {
        line.to_string()
    }
}
