//! Fields: types, Rust names, includes, and which types a request can reach.

use std::collections::{BTreeSet, HashMap, HashSet};

use heck::ToSnakeCase;

use crate::model::{self, SecretKind, Ty};
use crate::spec;

use super::constraints::{overlay, resolve_constraints};
use super::names::check_snake;
use super::{Ctx, Kind};

const SCALARS: &[&str] = &[
    "int",
    "string",
    "bool",
    "money",
    "minor_units",
    "decimal",
    "date",
    "datetime",
    "secret",
    "pan",
    "cvv",
    "card_token",
    "json",
    "coded",
    "params",
];

/// A date or date-time format is chrono syntax with only the fixed-width numeric specifiers
/// in `allowed` (the runtime writes those itself; chrono's format interpreter would be
/// compiled into every build for them).
fn check_format(cx: &mut Ctx, file: usize, path: &str, format: &str, allowed: &str) {
    let mut chars = format.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            continue;
        }
        match chars.next() {
            Some(s) if allowed.contains(s) => {}
            s => {
                let spec = s.map_or_else(String::new, String::from);
                let allowed: Vec<String> = allowed.chars().map(|a| format!("%{a}")).collect();
                cx.err(
                    file,
                    path,
                    format!("the format `{format}` has `%{spec}`, which hyp-api does not write"),
                    format!("use only {}", allowed.join(", ")),
                );
                return;
            }
        }
    }
}

fn parse_ty(
    cx: &mut Ctx,
    names: &HashMap<&str, Kind>,
    service: &spec::Service,
    format: Option<&str>,
    file: usize,
    path: &str,
    text: &str,
) -> Option<Ty> {
    let t = text.trim();
    if let Some(inner) = t.strip_prefix("list<").and_then(|r| r.strip_suffix('>')) {
        return parse_ty(cx, names, service, format, file, path, inner)
            .map(|i| Ty::List(Box::new(i)));
    }
    let ty = match t {
        "int" => Ty::Int,
        "string" => Ty::String,
        "bool" => Ty::Bool,
        "money" => Ty::Money,
        "minor_units" => Ty::MinorUnits,
        "decimal" => Ty::Decimal,
        "date" => {
            let f = format.unwrap_or(&service.formats.date);
            check_format(cx, file, path, f, "Ymd");
            Ty::Date(f.to_string())
        }
        "datetime" => {
            let f = format.unwrap_or(&service.formats.datetime);
            check_format(cx, file, path, f, "YmdHMS");
            Ty::DateTime(f.to_string())
        }
        "secret" => Ty::Secret(SecretKind::Plain),
        "pan" => Ty::Secret(SecretKind::Pan),
        "cvv" => Ty::Secret(SecretKind::Cvv),
        "card_token" => Ty::Secret(SecretKind::CardToken),
        "json" => Ty::Json,
        "coded" => Ty::Coded,
        "params" => Ty::Params,
        other => match names.get(other) {
            Some(Kind::Enum) => Ty::Enum(other.to_string()),
            Some(Kind::Object) => Ty::Object(other.to_string()),
            Some(Kind::Named) => Ty::Named(other.to_string()),
            None => {
                let mut known: BTreeSet<&str> = names.keys().copied().collect();
                known.extend(SCALARS);
                cx.err(
                    file,
                    path,
                    format!("unknown type `{other}`"),
                    format!(
                        "use one of: {}, or `list<T>`; or define `{other}` under `enums:` or `objects:`",
                        known.into_iter().collect::<Vec<_>>().join(", ")
                    ),
                );
                return None;
            }
        },
    };
    Some(ty)
}

pub(super) fn resolve_fields(
    cx: &mut Ctx,
    names: &HashMap<&str, Kind>,
    service: &spec::Service,
    file: usize,
    base: &str,
    fields: &[spec::Field],
) -> Vec<model::Field> {
    let mut out = Vec::new();
    let mut wires = HashSet::new();
    let mut rusts = HashSet::new();
    check_aliases(cx, file, base, fields);
    for (i, f) in fields.iter().enumerate() {
        let fp = format!("{base}[{i}]");
        if !wires.insert(f.wire.clone()) {
            cx.err(
                file,
                &format!("{fp}.wire"),
                format!(
                    "wire name `{}` appears twice in this list of fields",
                    f.wire
                ),
                "each wire name may appear once: delete the duplicate or correct its name",
            );
        }
        let rust = f.rust.clone().unwrap_or_else(|| f.wire.to_snake_case());
        check_snake(
            cx,
            file,
            &format!("{fp}.{}", if f.rust.is_some() { "rust" } else { "wire" }),
            &rust,
        );
        if f.fixed.is_none() && !rusts.insert(rust.clone()) {
            cx.err(
                file,
                &format!("{fp}.wire"),
                format!("two fields here both get the Rust name `{rust}`"),
                "give one of them an explicit `rust:` name",
            );
        }
        let Some(ty) = parse_ty(
            cx,
            names,
            service,
            f.format.as_deref(),
            file,
            &format!("{fp}.type"),
            &f.ty,
        ) else {
            continue;
        };
        if f.format.is_some() && !matches!(ty, Ty::Date(_) | Ty::DateTime(_)) {
            cx.err(
                file,
                &format!("{fp}.format"),
                format!(
                    "`format` applies to date and datetime fields, not `{}`",
                    f.ty
                ),
                "remove `format`, or change the type",
            );
        }
        // A field of a named type is checked as its base, with the type's constraints under
        // its own.
        let (check_ty, inherited) = match &ty {
            Ty::Named(n) => cx
                .named
                .get(n)
                .cloned()
                .unwrap_or((Ty::String, model::Constraints::default())),
            other => (other.clone(), model::Constraints::default()),
        };
        let own = resolve_constraints(
            cx,
            file,
            &format!("{fp}.constraints"),
            &check_ty,
            (&f.wire, &f.ty, &f.constraints),
        );
        let constraints = overlay(&inherited, own);
        out.push(model::Field {
            loc: cx.raw.loc(file, &fp),
            wire: f.wire.clone(),
            rust,
            ty,
            required: f.required,
            doc: f.doc.clone(),
            source: f.source.clone(),
            decision: f.decision.clone(),
            constraints,
            location: f.location,
            assumed: f.assumed,
            fixed: f.fixed.clone(),
            aliases: f.aliases.clone(),
        });
    }
    out
}

/// Within one list of fields, every spelling an answer may use names one field: an alias
/// (`aliases:`) is neither a wire name of the list (its own or another field's) nor another
/// alias. Otherwise a decoder could not tell which field a key belongs to.
fn check_aliases(cx: &mut Ctx, file: usize, base: &str, fields: &[spec::Field]) {
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for (i, f) in fields.iter().enumerate() {
        for (j, alias) in f.aliases.iter().enumerate() {
            let path = format!("{base}[{i}].aliases[{j}]");
            let clash = if *alias == f.wire {
                Some(format!(
                    "alias `{alias}` of `{}` is its own wire name",
                    f.wire
                ))
            } else if fields.iter().any(|o| o.wire == *alias) {
                Some(format!(
                    "alias `{alias}` of `{}` is the wire name of another field in this list",
                    f.wire
                ))
            } else {
                seen.insert(alias, &f.wire).map(|other| {
                    format!(
                        "alias `{alias}` of `{}` is also an alias of `{other}`",
                        f.wire
                    )
                })
            };
            if let Some(message) = clash {
                cx.err(file, &path, message, ALIAS_HELP);
            }
        }
    }
}

const ALIAS_HELP: &str = "each spelling may name one field of a list: delete the alias, or correct it to the spelling the vendor documents for this field";

/// Aliases across two parts of one list (an included object's fields or the envelope's, and the
/// list's own): neither part's alias may be a wire name or an alias of the other's fields.
pub(super) fn check_aliases_across(
    cx: &mut Ctx,
    file: usize,
    path: &str,
    a: &[model::Field],
    b: &[model::Field],
) {
    // Alias against alias once (from `a`'s side), alias against wire name both ways.
    for (x, y, aliases_too) in [(a, b, true), (b, a, false)] {
        for f in x {
            for alias in &f.aliases {
                if let Some(o) = y
                    .iter()
                    .find(|o| o.wire == *alias || (aliases_too && o.aliases.contains(alias)))
                {
                    cx.err(
                        file,
                        path,
                        format!(
                            "alias `{alias}` of `{}` is also a spelling of `{}` here",
                            f.wire, o.wire
                        ),
                        ALIAS_HELP,
                    );
                }
            }
        }
    }
}

/// After an include, every wire name still appears once.
pub(super) fn check_unique(cx: &mut Ctx, file: usize, path: &str, fields: &[model::Field]) {
    let mut seen = HashSet::new();
    for f in fields {
        if !seen.insert(f.wire.as_str()) {
            cx.err(
                file,
                path,
                format!(
                    "`{}` comes both from the included object and from this list",
                    f.wire
                ),
                "delete it here: the included object already has it",
            );
        }
    }
}

/// The fields of an included object (which may itself include one, resolved already).
pub(super) fn included_fields(
    cx: &mut Ctx,
    objects: &[model::Object],
    file: usize,
    path: &str,
    name: &str,
) -> Option<Vec<model::Field>> {
    match objects.iter().find(|o| o.name == name) {
        Some(o) => Some(o.fields.clone()),
        None => {
            cx.err(
                file,
                path,
                format!("`include: {name}` names no object"),
                "name an object defined under `objects:`",
            );
            None
        }
    }
}

/// An enum or object reachable from any request field (directly, in a list, or through an object) is a
/// request enum: closed, so callers cannot send an undocumented value.
pub(super) fn mark_request_types(
    enums: &mut [model::Enum],
    objects: &mut [model::Object],
    endpoints: &[model::Endpoint],
) {
    fn walk(ty: &Ty, objects: &[model::Object], seen: &mut HashSet<String>) {
        match ty {
            Ty::List(inner) => walk(inner, objects, seen),
            Ty::Enum(n) => {
                seen.insert(n.clone());
            }
            Ty::Object(n) => {
                if seen.insert(n.clone())
                    && let Some(o) = objects.iter().find(|o| &o.name == n)
                {
                    for f in &o.fields {
                        walk(&f.ty, objects, seen);
                    }
                }
            }
            _ => {}
        }
    }
    let mut seen = HashSet::new();
    for e in endpoints {
        for f in &e.request {
            walk(&f.ty, objects, &mut seen);
        }
    }
    for en in enums {
        en.in_request = seen.contains(&en.name);
    }
    for o in objects {
        o.in_request = seen.contains(&o.name);
    }
}
