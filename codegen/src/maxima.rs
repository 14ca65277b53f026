//! Every amount a request can carry states its maximum: `validate()` refuses what the vendor
//! cannot carry (CreditGuard's Numeric(8) agorot, a JSON double's exact cents), so an amount at
//! `Decimal::MAX` is an invalid request, never an overflow further on. The maximum is a `le`
//! constraint with its source, or a `decision:` where the vendor is silent.

use std::collections::HashSet;

use crate::load::RawApi;
use crate::spec::Field;

/// The spec types that are amounts.
const AMOUNTS: [&str; 2] = ["money", "minor_units"];

/// Request amounts without a `le`, as (file index, YAML path, wire name): fields of every
/// endpoint's request and of every object a request reaches.
pub(crate) fn unbounded(
    raw: &RawApi,
    request_objects: &HashSet<String>,
) -> Vec<(usize, String, String)> {
    let mut out = Vec::new();
    for (wire, e) in &raw.endpoints {
        let base = format!("endpoints.{wire}.request.fields");
        out.extend(in_fields(e.file, &base, &e.item.request.fields));
    }
    for (name, o) in &raw.objects {
        if request_objects.contains(name) {
            let base = format!("objects.{name}.fields");
            out.extend(in_fields(o.file, &base, &o.item.fields));
        }
    }
    out
}

fn in_fields(file: usize, base: &str, fields: &[Field]) -> Vec<(usize, String, String)> {
    fields
        .iter()
        .enumerate()
        .filter(|(_, f)| AMOUNTS.contains(&f.ty.as_str()) && f.constraints.le.is_none())
        .filter(|(_, f)| f.fixed.is_none())
        .map(|(i, f)| (file, format!("{base}[{i}]"), f.wire.clone()))
        .collect()
}

/// The message for an unbounded request amount.
pub(crate) fn message(wire: &str) -> String {
    format!("request amount `{wire}` states no maximum")
}

/// What to do about it.
pub(crate) const HELP: &str = "add `constraints: le: <max>` (the most the vendor carries) with its \
     source, or a `decision:` saying why that maximum where the docs are silent";
