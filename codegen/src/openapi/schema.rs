//! The JSON Schema (2020-12, OpenAPI 3.1's dialect) of a resolved type, field, enum, named type
//! and object: every enum value, constraint and source the model holds.

use serde_json::{Map, Value, json};

use crate::model::{Api, Enum, EnumRepr, Field, NamedType, Object, Ty, WireValue};

pub use super::constraints::constrain;

/// How a wire writes scalars: JSON values, or text (query strings, form fields, XML), where a
/// boolean is the API's own pair of words (`True`/`False`, `1`/`0`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wire {
    Json,
    Text,
}

/// Where a field is written: its wire, and whether it is read from an answer. An answer is read
/// leniently, as the client decodes it: an enum takes values the spec does not list (the
/// client's `Unknown(raw)`), and an optional date or date-time may be empty (absent).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct At {
    pub wire: Wire,
    pub answer: bool,
}

impl At {
    pub fn request(wire: Wire) -> At {
        At {
            wire,
            answer: false,
        }
    }
    pub fn answer(wire: Wire) -> At {
        At { wire, answer: true }
    }
}

/// Where the component schemas of an API are referenced from.
pub fn reference(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

/// A description: the doc, then the vendor source on a line of its own.
pub fn describe(doc: &str, source: &str) -> String {
    let doc = doc.trim();
    if source.is_empty() {
        doc.to_string()
    } else {
        format!("{doc}\n\nSource: {source}")
    }
}

/// A number written as text: its pattern, its kind.
fn text_number(pattern: &str, kind: &str) -> Value {
    json!({ "type": "string", "pattern": pattern, "x-hyp-type": kind })
}

/// The schema of a type as `api` writes it on `wire`. On a text wire every value is text: a
/// number is a string of digits (its bounds are `x-hyp-minimum`, … there).
pub fn of_type(api: &Api, ty: &Ty, wire: Wire) -> Value {
    if wire == Wire::Text {
        match ty {
            Ty::Int => return text_number("^-?[0-9]+$", "int"),
            Ty::MinorUnits => return text_number("^-?[0-9]+$", "minor_units"),
            Ty::Money => return text_number("^-?[0-9]+(\\.[0-9]+)?$", "money"),
            Ty::Decimal => return text_number("^-?[0-9]+(\\.[0-9]+)?$", "decimal"),
            _ => {}
        }
    }
    match ty {
        // The bindings hold integers as i64.
        Ty::Int => json!({ "type": "integer", "format": "int64" }),
        Ty::String => json!({ "type": "string" }),
        Ty::Bool => match (wire, &api.bool_text) {
            (Wire::Text, Some((t, f))) => json!({ "type": "string", "enum": [t, f] }),
            _ => json!({ "type": "boolean" }),
        },
        Ty::Money => json!({
            "type": "number",
            "x-hyp-type": "money",
            "description": "An exact decimal amount in major units (never a binary float)."
        }),
        Ty::MinorUnits => json!({
            "type": "integer",
            "format": "int64",
            "x-hyp-type": "minor_units",
            "description": "An amount in minor units (agorot/cents: 100 ILS = 10000)."
        }),
        Ty::Decimal => json!({ "type": "number", "x-hyp-type": "decimal" }),
        Ty::Date(fmt) => date(fmt, "date"),
        Ty::DateTime(fmt) => date(fmt, "date-time"),
        Ty::Secret(kind) => json!({
            "type": "string",
            "format": "password",
            "x-hyp-sensitive": kind.spec_name()
        }),
        Ty::Json => json!({ "description": "Any value, kept as received." }),
        Ty::Coded => json!({
            "type": "object",
            "description": "An element whose `code` attribute is the value and whose text names it (`<cardType code=\"99\">Foreign</cardType>`).",
            "properties": {
                "code": { "type": "string", "xml": { "attribute": true } },
                "text": { "type": "string", "xml": { "x-hyp-text": true } }
            },
            "x-hyp-type": "coded"
        }),
        Ty::Params => json!({
            "type": "object",
            "additionalProperties": { "type": "string" },
            "description": "Name/value pairs sent as parameters of their own, in their order."
        }),
        Ty::Enum(n) | Ty::Object(n) | Ty::Named(n) => reference(n),
        Ty::List(inner) => json!({ "type": "array", "items": of_type(api, inner, wire) }),
    }
}

/// A date or date-time in its chrono `fmt`: a pattern for its text, and the format keyword
/// where the text is the RFC 3339 one.
fn date(fmt: &str, rfc3339: &str) -> Value {
    let mut s = json!({
        "type": "string",
        "pattern": date_pattern(fmt),
        "x-hyp-format": fmt
    });
    if fmt == "%Y-%m-%d" && rfc3339 == "date" {
        s["format"] = json!("date");
    }
    s
}

/// The regular expression of the text a chrono format writes (the directives the spec uses).
fn date_pattern(fmt: &str) -> String {
    let mut out = String::from("^");
    let mut chars = fmt.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push_str(&regex::escape(&c.to_string()));
            continue;
        }
        out.push_str(match chars.next() {
            Some('Y') => "[0-9]{4}",
            Some('y') => "[0-9]{2}",
            Some('m') => "(0[1-9]|1[0-2])",
            Some('d') => "(0[1-9]|[12][0-9]|3[01])",
            Some('H') => "([01][0-9]|2[0-3])",
            Some('M' | 'S') => "[0-5][0-9]",
            _ => ".*",
        });
    }
    out.push('$');
    out
}

/// An answer's type: open where the client reads values the spec does not list.
fn answer_type(api: &Api, ty: &Ty, f: &Field, wire: Wire) -> Value {
    match ty {
        Ty::Enum(n) => {
            let base = api.enums.iter().find(|e| &e.name == n).map(|e| e.repr);
            let int = base == Some(EnumRepr::Int) && wire == Wire::Json;
            let base = if int { "integer" } else { "string" };
            json!({ "anyOf": [
                reference(n),
                { "type": base, "description": "A value the spec does not list (the client's `Unknown(raw)`)." }
            ]})
        }
        Ty::List(inner) => json!({ "type": "array", "items": answer_type(api, inner, f, wire) }),
        Ty::Date(_) | Ty::DateTime(_) if !f.required => json!({ "anyOf": [
            of_type(api, ty, wire),
            { "const": "", "description": "Empty: absent." }
        ]}),
        _ => of_type(api, ty, wire),
    }
}

/// The schema of one field: its type, constraints, doc, source and decision.
pub fn field(api: &Api, f: &Field, at: At) -> Value {
    let wire = at.wire;
    let ty = if at.answer {
        answer_type(api, &f.ty, f, wire)
    } else {
        of_type(api, &f.ty, wire)
    };
    let mut s = match ty {
        Value::Object(m) => m,
        _ => Map::new(),
    };
    let mut doc = describe(&f.doc, &f.source);
    if let Some(d) = &f.decision {
        doc.push_str(&format!("\n\nDecision: {}", d.trim()));
    }
    if f.assumed {
        s.insert("x-hyp-assumed".into(), json!(true));
    }
    s.insert("description".into(), json!(doc));
    if let Some(text) = &f.fixed {
        s.insert("const".into(), fixed(api, &f.ty, text, wire));
    }
    let c = &f.constraints;
    if let (Ty::List(_), Some(_)) = (&f.ty, &c.pattern) {
        // A list's pattern applies to each item (the joined text is checked item by item).
        let mut items = c.clone();
        items.max_len = None;
        items.min_len = None;
        items.min_items = None;
        items.max_items = None;
        if let Some(Value::Object(i)) = s.get_mut("items") {
            constrain(i, &items);
        }
        let mut rest = c.clone();
        rest.pattern = None;
        constrain(&mut s, &rest);
    } else {
        constrain(&mut s, c);
    }
    Value::Object(s)
}

/// A fixed field's text as a value of its schema's type.
fn fixed(api: &Api, ty: &Ty, text: &str, wire: Wire) -> Value {
    match (api.base(ty), wire) {
        (Ty::Int, Wire::Json) => text.parse::<i64>().map_or(json!(text), |n| json!(n)),
        (Ty::Bool, Wire::Json) => json!(text == "true"),
        _ => json!(text),
    }
}

/// The object schema of a list of fields (a request, an answer, a spec object), in the
/// wire's terms. `x-hyp-order` keeps the order the vendor writes them in.
pub fn fields_object(api: &Api, fields: &[Field], at: At, required_ok: bool) -> Value {
    let mut props = Map::new();
    let mut required = Vec::new();
    let mut either = Vec::new();
    let mut order = Vec::new();
    for f in fields {
        let mut one = field(api, f, at);
        if !f.aliases.is_empty() {
            one["x-hyp-aliases"] = json!(f.aliases);
        }
        // An answer may spell the name another documented way: each spelling is a property.
        for alias in f.aliases.iter().filter(|_| at.answer) {
            let mut other = one.clone();
            other["description"] = json!(format!("Another spelling of `{}`.", f.wire));
            other["x-hyp-alias-of"] = json!(f.wire);
            if let Value::Object(m) = &mut other {
                m.remove("x-hyp-aliases");
            }
            props.insert(alias.clone(), other);
        }
        props.insert(f.wire.clone(), one);
        order.push(f.wire.clone());
        if f.required && required_ok {
            if at.answer && !f.aliases.is_empty() {
                let names = std::iter::once(&f.wire).chain(&f.aliases);
                either.push(json!({ "anyOf": names.map(|n| json!({ "required": [n] })).collect::<Vec<_>>() }));
            } else {
                required.push(f.wire.clone());
            }
        }
    }
    let mut s = json!({ "type": "object", "properties": props, "x-hyp-order": order });
    if !required.is_empty() {
        s["required"] = json!(required);
    }
    if !either.is_empty() {
        s["allOf"] = json!(either);
    }
    s
}

/// A spec object (a nested request or answer object).
pub fn object(api: &Api, o: &Object, wire: Wire) -> Value {
    let at = At {
        wire,
        answer: !o.in_request,
    };
    let mut s = fields_object(api, &o.fields, at, true);
    s["description"] = json!(describe(&o.doc, &o.source));
    if api.keep_unknown_fields && !o.in_request {
        s["additionalProperties"] = json!(true);
    }
    s
}

/// An enum value as `wire` writes it (a text wire writes numbers as digits).
pub fn wire_value(v: &WireValue, wire: Wire) -> Value {
    match (v, wire) {
        (WireValue::Int(n), Wire::Json) => json!(n),
        (WireValue::Int(n), Wire::Text) => json!(n.to_string()),
        (WireValue::Str(s), _) => json!(s),
    }
}

/// An enum: every documented value, with its name and doc (`oneOf` of `const`s; other
/// spellings the vendor uses for a value are listed beside it).
pub fn enumeration(e: &Enum, wire: Wire) -> Value {
    let ty = match (e.repr, wire) {
        (EnumRepr::Int, Wire::Json) => "integer",
        _ => "string",
    };
    let wire_value = |v: &WireValue| wire_value(v, wire);
    let mut all = Vec::new();
    let values: Vec<Value> = e
        .values
        .iter()
        .map(|v| {
            let doc = describe(&v.doc, v.source.as_deref().unwrap_or_default());
            all.push(wire_value(&v.wire));
            let mut one = if v.also.is_empty() {
                json!({ "const": wire_value(&v.wire) })
            } else {
                let mut spellings = vec![wire_value(&v.wire)];
                spellings.extend(v.also.iter().map(&wire_value));
                all.extend(v.also.iter().map(&wire_value));
                json!({ "enum": spellings })
            };
            one["title"] = json!(v.name);
            one["description"] = json!(doc);
            one
        })
        .collect();
    json!({
        "type": ty,
        "description": describe(&e.doc, &e.source),
        "enum": all,
        "oneOf": values,
        "x-hyp-closed": e.in_request
    })
}

/// A named type: its base with its constraints.
pub fn named(api: &Api, t: &NamedType, wire: Wire) -> Value {
    let mut s = match of_type(api, &t.base, wire) {
        Value::Object(m) => m,
        _ => Map::new(),
    };
    let mut doc = describe(&t.doc, &t.source);
    if let Some(d) = &t.decision {
        doc.push_str(&format!("\n\nDecision: {}", d.trim()));
    }
    s.insert("description".into(), json!(doc));
    constrain(&mut s, &t.constraints);
    Value::Object(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_patterns_follow_the_chrono_format() {
        let re = regex::Regex::new(&date_pattern("%Y-%m-%d %H:%M")).unwrap();
        assert!(re.is_match("2025-07-28 12:49"));
        assert!(!re.is_match("2025-07-28 12:49:00"));
        // A field out of its range does not pass (the sandbox refuses such a date).
        assert!(!re.is_match("8085-80-67 60:12"));
        assert!(!re.is_match("0000-00-00 00:00"));
        let re = regex::Regex::new(&date_pattern("%Y%m%d")).unwrap();
        assert!(re.is_match("20260310") && !re.is_match("20261310"));
    }
}
