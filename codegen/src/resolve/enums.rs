//! Enums: documented values, their wire forms and alternative spellings.

use std::collections::HashSet;

use crate::model::{self, WireValue};
use crate::spec::EnumRepr;

use super::Ctx;
use super::names::{RESERVED_VARIANT, check_camel};

pub(super) fn resolve_enums(cx: &mut Ctx) -> Vec<model::Enum> {
    let raw = cx.raw;
    let mut out = Vec::new();
    for (name, e) in &raw.enums {
        let base = format!("enums.{name}");
        check_camel(cx, e.file, &base, name);
        if e.item.values.is_empty() {
            cx.err(
                e.file,
                &base,
                format!("enum `{name}` has no values"),
                "list every documented value under `values:`, or use a plain type instead",
            );
        }
        let mut seen_wire = HashSet::new();
        let mut seen_name = HashSet::new();
        let mut values = Vec::new();
        for (i, v) in e.item.values.iter().enumerate() {
            let vp = format!("{base}.values[{i}]");
            check_camel(cx, e.file, &format!("{vp}.name"), &v.name);
            if v.name == RESERVED_VARIANT {
                cx.err(
                    e.file,
                    &format!("{vp}.name"),
                    "`Unknown` is reserved for values the spec does not list".into(),
                    "name the documented value differently, e.g. `StatusUnknown`",
                );
            }
            if !seen_name.insert(v.name.clone()) {
                cx.err(
                    e.file,
                    &format!("{vp}.name"),
                    format!("variant `{}` appears twice in `{name}`", v.name),
                    "give each value its own name",
                );
            }
            let wire = wire_value(cx, e.file, &format!("{vp}.wire"), e.item.repr, &v.wire);
            let also: Vec<WireValue> = v
                .also
                .iter()
                .enumerate()
                .filter_map(|(j, a)| any_wire_value(cx, e.file, &format!("{vp}.also[{j}]"), a))
                .collect();
            for w in wire.iter().chain(also.iter()) {
                if !seen_wire.insert(w.clone()) {
                    cx.err(
                        e.file,
                        &vp,
                        format!("wire value {w:?} appears twice in `{name}`"),
                        "each wire value may map to one variant only",
                    );
                }
            }
            if let Some(wire) = wire {
                values.push(model::EnumValue {
                    loc: raw.loc(e.file, &vp),
                    wire,
                    also,
                    name: v.name.clone(),
                    doc: v.doc.clone(),
                    source: v.source.clone(),
                });
            }
        }
        out.push(model::Enum {
            loc: raw.loc(e.file, &base),
            name: name.clone(),
            repr: e.item.repr,
            doc: e.item.doc.clone(),
            source: e.item.source.clone(),
            values,
            in_request: false,
        });
    }
    out
}

fn wire_value(
    cx: &mut Ctx,
    file: usize,
    path: &str,
    repr: EnumRepr,
    v: &serde_yaml::Value,
) -> Option<WireValue> {
    match (repr, v) {
        (EnumRepr::Int, serde_yaml::Value::Number(n)) if n.as_i64().is_some() => {
            n.as_i64().map(WireValue::Int)
        }
        (EnumRepr::String, serde_yaml::Value::String(s)) => Some(WireValue::Str(s.clone())),
        _ => {
            let want = match repr {
                EnumRepr::Int => "an integer",
                EnumRepr::String => "a string",
            };
            cx.err(
                file,
                path,
                format!("this enum's `repr` needs {want} here, found {v:?}"),
                "fix the value, or change the enum's `repr`",
            );
            None
        }
    }
}

fn any_wire_value(
    cx: &mut Ctx,
    file: usize,
    path: &str,
    v: &serde_yaml::Value,
) -> Option<WireValue> {
    match v {
        serde_yaml::Value::Number(n) if n.as_i64().is_some() => n.as_i64().map(WireValue::Int),
        serde_yaml::Value::String(s) => Some(WireValue::Str(s.clone())),
        _ => {
            cx.err(
                file,
                path,
                format!("an alternative wire form must be an integer or a string, found {v:?}"),
                "quote it as a string or write an integer",
            );
            None
        }
    }
}
