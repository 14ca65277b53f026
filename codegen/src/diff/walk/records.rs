//! Vendor examples (golden vectors, by name) and quirk records (by id).

use super::{Out, pairs};
use crate::diff::Location;
use crate::diff::kind::ChangeKind as K;
use crate::model::{Example, Fixup, Quirk};

pub(super) fn examples(
    out: &mut Out,
    endpoint: &str,
    at: &Location,
    old: &[Example],
    new: &[Example],
) {
    let p = pairs::by(old, new, |x| x.name.clone());
    let subject = |x: &Example| format!("endpoints.{endpoint}.examples.{}", x.name);
    for x in &p.added {
        out.push(
            K::ExampleAdded,
            &subject(x),
            at,
            format!("`{endpoint}` has a new example `{}`", x.name),
        );
    }
    for x in &p.removed {
        out.push(
            K::ExampleRemoved,
            &subject(x),
            at,
            format!("`{endpoint}` loses the example `{}`", x.name),
        );
    }
    for (o, n) in &p.kept {
        let Example {
            name: _,
            kind,
            http_status,
            expect,
            body,
            source,
            fixups,
        } = o;
        let changed: Vec<&str> = [
            ("kind", kind != &n.kind),
            ("http_status", http_status != &n.http_status),
            ("expect", expect != &n.expect),
            ("body", body != &n.body),
            ("source", source != &n.source),
            ("fixups", !same_fixups(fixups, &n.fixups)),
        ]
        .into_iter()
        .filter(|(_, c)| *c)
        .map(|(a, _)| a)
        .collect();
        if !changed.is_empty() {
            out.push(
                K::ExampleChanged,
                &subject(n),
                at,
                format!(
                    "example `{}` of `{endpoint}`: {} changed",
                    n.name,
                    changed.join(", ")
                ),
            );
        }
    }
}

fn same_fixups(old: &[Fixup], new: &[Fixup]) -> bool {
    old.len() == new.len()
        && old.iter().zip(new).all(|(a, b)| {
            let Fixup {
                name,
                reason,
                find,
                replace,
            } = a;
            name == &b.name && reason == &b.reason && find == &b.find && replace == &b.replace
        })
}

pub(super) fn quirks(out: &mut Out, old: &[Quirk], new: &[Quirk], at: &Location) {
    let p = pairs::by(old, new, |q| q.id.clone());
    for q in &p.added {
        out.push(
            K::QuirkAdded,
            &format!("quirks.{}", q.id),
            at,
            format!("new quirk record `{}`", q.id),
        );
    }
    for q in &p.removed {
        out.push(
            K::QuirkRemoved,
            &format!("quirks.{}", q.id),
            at,
            format!("quirk record `{}` removed", q.id),
        );
    }
    for (o, n) in &p.kept {
        let Quirk {
            id: _,
            what,
            decision,
            applies_to,
            source,
        } = o;
        let changed: Vec<&str> = [
            ("what", what != &n.what),
            ("decision", decision != &n.decision),
            ("applies_to", applies_to != &n.applies_to),
            ("source", source != &n.source),
        ]
        .into_iter()
        .filter(|(_, c)| *c)
        .map(|(a, _)| a)
        .collect();
        if !changed.is_empty() {
            out.push(
                K::QuirkChanged,
                &format!("quirks.{}", n.id),
                at,
                format!("quirk record `{}`: {} changed", n.id, changed.join(", ")),
            );
        }
    }
}
