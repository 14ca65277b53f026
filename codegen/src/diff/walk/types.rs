//! Enums (by name; values by wire value) and objects (by name; fields in fields.rs).

use super::fields::{self, Owner};
use super::sides::{Sides, union};
use super::{Out, here, pairs, text, there, worst};
use crate::diff::kind::{ChangeKind as K, Side};
use crate::model::{Api, Enum, EnumValue, Object, Ty};

fn side_text(in_request: &bool) -> String {
    if *in_request {
        "request (closed)".into()
    } else {
        "response (#[non_exhaustive], Unknown)".into()
    }
}

pub(super) fn enums(out: &mut Out, old: &Api, new: &Api, os: &Sides, ns: &Sides) {
    let p = pairs::by(&old.enums, &new.enums, |e| e.name.clone());
    for e in &p.added {
        out.push(
            K::EnumAdded,
            &format!("enums.{}", e.name),
            &here(&e.loc),
            format!("new enum `{}` ({} values)", e.name, e.values.len()),
        );
    }
    for e in &p.removed {
        out.push(
            K::EnumRemoved,
            &format!("enums.{}", e.name),
            &there(&e.loc),
            format!("enum `{}` removed", e.name),
        );
    }
    for (o, n) in &p.kept {
        let name = format!("`{}`{}", n.name, used_by(new, &n.name));
        enumeration(out, o, n, &union(os, ns, &n.name), &name);
    }
}

/// Where an enum is used, for people: ` (`Endpoint.Field`, `Object.Field`, …)`.
fn used_by(api: &Api, name: &str) -> String {
    fn is(ty: &Ty, name: &str) -> bool {
        match ty {
            Ty::List(inner) => is(inner, name),
            Ty::Enum(n) => n == name,
            _ => false,
        }
    }
    let endpoint_fields = api.endpoints.iter().flat_map(|e| {
        e.request
            .iter()
            .chain(&e.response)
            .map(move |f| (e.wire.as_str(), f))
    });
    let object_fields = api
        .objects
        .iter()
        .flat_map(|o| o.fields.iter().map(move |f| (o.name.as_str(), f)));
    let mut uses: Vec<String> = Vec::new();
    for (owner, f) in endpoint_fields.chain(object_fields) {
        let u = format!("`{owner}.{}`", f.wire);
        if is(&f.ty, name) && !uses.contains(&u) {
            uses.push(u);
        }
    }
    match uses.len() {
        0 => String::new(),
        n if n > 3 => format!(" ({}, and {} more)", uses[..3].join(", "), n - 3),
        _ => format!(" ({})", uses.join(", ")),
    }
}

/// `shown` names the enum for people, with where it is used.
fn enumeration(out: &mut Out, old: &Enum, new: &Enum, sides: &[Side], shown: &str) {
    let Enum {
        loc: _,
        name: _,
        repr,
        doc,
        source,
        values,
        in_request,
    } = old;
    let subject = format!("enums.{}", new.name);
    let at = here(&new.loc);
    out.value(
        K::EnumReprChanged,
        &subject,
        &at,
        format!("`{}` travels as another JSON type", new.name),
        (repr, &new.repr),
        |r| text::repr(*r).to_string(),
    );
    out.value(
        K::EnumSideChanged,
        &subject,
        &at,
        format!("`{}` changed side", new.name),
        (in_request, &new.in_request),
        side_text,
    );
    out.docs(
        &subject,
        &format!("enum `{}`", new.name),
        &at,
        &[("doc", doc != &new.doc), ("source", source != &new.source)],
    );
    let p = pairs::rewired(values, &new.values, |v| v.wire.clone(), |v| v.name.clone());
    for v in &p.added {
        out.push(
            worst(sides, |side| K::EnumValueAdded { side }),
            &format!("{subject}.values.{}", text::wire(&v.wire)),
            &here(&v.loc),
            format!(
                "{shown} gains `{}` = {}: {}",
                v.name,
                text::wire(&v.wire),
                text::gist(&v.doc)
            ),
        );
    }
    for v in &p.removed {
        out.push(
            worst(sides, |side| K::EnumValueRemoved { side }),
            &format!("{subject}.values.{}", text::wire(&v.wire)),
            &at,
            format!("{shown} loses `{}` = {}", v.name, text::wire(&v.wire)),
        );
    }
    for (o, n) in &p.rewired {
        out.push_values(
            K::WireNameChanged,
            &format!("{subject}.values.{}", text::wire(&n.wire)),
            &here(&n.loc),
            format!("`{}::{}` travels as another value", new.name, n.name),
            Some(text::wire(&o.wire)),
            Some(text::wire(&n.wire)),
        );
    }
    for (o, n) in p.kept.iter().chain(&p.rewired) {
        value(out, &new.name, &subject, o, n);
    }
}

fn value(out: &mut Out, enum_name: &str, enum_subject: &str, old: &EnumValue, new: &EnumValue) {
    let EnumValue {
        loc: _,
        wire: _,
        also,
        name,
        doc,
        source,
    } = old;
    let w = text::wire(&new.wire);
    let subject = format!("{enum_subject}.values.{w}");
    let at = here(&new.loc);
    out.value(
        K::RustNameChanged,
        &subject,
        &at,
        format!("`{enum_name}` value {w} has a new Rust name"),
        (name, &new.name),
        |n| format!("`{n}`"),
    );
    for a in new.also.iter().filter(|a| !also.contains(a)) {
        out.push(
            K::EnumAliasAdded,
            &format!("{subject}.also.{}", text::wire(a)),
            &at,
            format!(
                "`{enum_name}::{}` also accepts {} when decoding",
                new.name,
                text::wire(a)
            ),
        );
    }
    for a in also.iter().filter(|a| !new.also.contains(a)) {
        out.push(
            K::EnumAliasRemoved,
            &format!("{subject}.also.{}", text::wire(a)),
            &at,
            format!(
                "`{enum_name}::{}` no longer accepts {} when decoding",
                new.name,
                text::wire(a)
            ),
        );
    }
    out.docs(
        &subject,
        &format!("`{enum_name}::{}`", new.name),
        &at,
        &[("doc", doc != &new.doc), ("source", source != &new.source)],
    );
}

pub(super) fn objects(out: &mut Out, old: &Api, new: &Api, os: &Sides, ns: &Sides) {
    let p = pairs::by(&old.objects, &new.objects, |o| o.name.clone());
    for o in &p.added {
        out.push(
            K::ObjectAdded,
            &format!("objects.{}", o.name),
            &here(&o.loc),
            format!("new struct `{}` ({} fields)", o.name, o.fields.len()),
        );
    }
    for o in &p.removed {
        out.push(
            K::ObjectRemoved,
            &format!("objects.{}", o.name),
            &there(&o.loc),
            format!("struct `{}` removed", o.name),
        );
    }
    for (o, n) in &p.kept {
        object(out, o, n, union(os, ns, &n.name));
    }
}

fn object(out: &mut Out, old: &Object, new: &Object, sides: Vec<Side>) {
    let Object {
        loc: _,
        name: _,
        in_request,
        doc,
        source,
        fields,
    } = old;
    let subject = format!("objects.{}", new.name);
    let at = here(&new.loc);
    out.value(
        K::ObjectSideChanged,
        &subject,
        &at,
        format!("struct `{}` changed side", new.name),
        (in_request, &new.in_request),
        |r| {
            if *r {
                "request".into()
            } else {
                "response".into()
            }
        },
    );
    out.docs(
        &subject,
        &format!("struct `{}`", new.name),
        &at,
        &[("doc", doc != &new.doc), ("source", source != &new.source)],
    );
    let owner = Owner {
        subject,
        label: format!("struct `{}`", new.name),
        sides,
        at,
    };
    fields::compare(out, &owner, fields, &new.fields);
}
