//! Fields of a request, a response or an object: matched by wire name (a Rust name kept under a
//! new wire name is a wire change), then compared attribute by attribute.

use super::{Out, constraints, here, pairs, text, worst};
use crate::diff::Location;
use crate::diff::kind::{ChangeKind as K, Side};
use crate::model::{Field, Ty};

/// What holds the fields.
pub(super) struct Owner {
    /// `endpoints.X.request`, `objects.Row`.
    pub subject: String,
    /// For people: "`X` request".
    pub label: String,
    /// The ways the fields' data flows (both, for an object sent and received).
    pub sides: Vec<Side>,
    /// The owner in the new spec: where a removed field is reported.
    pub at: Location,
}

impl Owner {
    /// Request structs have a constructor taking the required fields, in spec order.
    fn has_constructor(&self) -> bool {
        self.sides.contains(&Side::Request)
    }
}

pub(super) fn compare(out: &mut Out, owner: &Owner, old: &[Field], new: &[Field]) {
    let p = pairs::rewired(old, new, |f| f.wire.clone(), |f| f.rust.clone());
    for f in &p.added {
        out.push(
            worst(&owner.sides, |side| K::FieldAdded {
                required: f.required,
                side,
            }),
            &format!("{}.{}", owner.subject, f.wire),
            &here(&f.loc),
            format!(
                "new {} field `{}` ({}) on {}",
                text::required(&f.required),
                f.wire,
                text::ty(&f.ty),
                owner.label
            ),
        );
    }
    for f in &p.removed {
        out.push(
            worst(&owner.sides, |side| K::FieldRemoved { side }),
            &format!("{}.{}", owner.subject, f.wire),
            &owner.at,
            format!(
                "field `{}` ({}) removed from {}",
                f.wire,
                text::ty(&f.ty),
                owner.label
            ),
        );
    }
    for (o, n) in &p.rewired {
        out.push_values(
            K::WireNameChanged,
            &format!("{}.{}", owner.subject, n.wire),
            &here(&n.loc),
            format!(
                "`{}` on {} travels under a new wire name",
                n.rust, owner.label
            ),
            Some(format!("`{}`", o.wire)),
            Some(format!("`{}`", n.wire)),
        );
    }
    for (o, n) in p.kept.iter().chain(&p.rewired) {
        field(out, owner, o, n);
    }
    if owner.has_constructor() {
        constructor_order(out, owner, old, new);
    }
}

fn field(out: &mut Out, owner: &Owner, old: &Field, new: &Field) {
    let Field {
        loc: _,
        wire: _,
        rust,
        ty,
        required,
        doc,
        source,
        decision,
        constraints,
        location,
        assumed,
        fixed,
        aliases,
    } = old;
    let subject = format!("{}.{}", owner.subject, new.wire);
    let what = format!("`{}` on {}", new.wire, owner.label);
    let at = here(&new.loc);
    out.value(
        K::RustNameChanged,
        &subject,
        &at,
        format!("{what} has a new Rust name"),
        (rust, &new.rust),
        |r| format!("`{r}`"),
    );
    if fixed != &new.fixed {
        // The wire value changes (or the field stops or starts being the caller's to set).
        out.push_values(
            K::FieldTypeChanged,
            &subject,
            &at,
            format!("{what} changed its fixed value"),
            Some(format!("{fixed:?}")),
            Some(format!("{:?}", new.fixed)),
        );
    }
    if ty != &new.ty {
        let kind = if matches!(ty, Ty::Secret(_)) && !matches!(new.ty, Ty::Secret(_)) {
            K::SecretMadeNonSecret
        } else {
            K::FieldTypeChanged
        };
        out.push_values(
            kind,
            &subject,
            &at,
            format!("{what} changed type"),
            Some(text::ty(ty)),
            Some(text::ty(&new.ty)),
        );
    }
    if required != &new.required {
        let kind = |side| {
            if new.required {
                K::FieldMadeRequired { side }
            } else {
                K::FieldMadeOptional { side }
            }
        };
        out.push_values(
            worst(&owner.sides, kind),
            &subject,
            &at,
            format!(
                "{what} is now {} ({})",
                text::required(&new.required),
                text::ty(&new.ty)
            ),
            Some(text::required(required)),
            Some(text::required(&new.required)),
        );
    }
    out.value(
        K::FieldLocationChanged,
        &subject,
        &at,
        format!("{what} travels elsewhere"),
        (location, &new.location),
        |l| text::location(*l).to_string(),
    );
    for a in new.aliases.iter().filter(|a| !aliases.contains(a)) {
        out.push(
            K::FieldAliasAdded,
            &format!("{subject}.aliases.{a}"),
            &at,
            format!("{what} is also read as `{a}`"),
        );
    }
    for a in aliases.iter().filter(|a| !new.aliases.contains(a)) {
        out.push(
            K::FieldAliasRemoved,
            &format!("{subject}.aliases.{a}"),
            &at,
            format!("{what} is no longer read as `{a}`"),
        );
    }
    constraints::compare(
        out,
        &owner.sides,
        (&subject, &what),
        &at,
        constraints,
        &new.constraints,
    );
    out.docs(
        &subject,
        &what,
        &at,
        &[
            ("doc", doc != &new.doc),
            ("source", source != &new.source),
            ("decision", decision != &new.decision),
            ("assumed", assumed != &new.assumed),
        ],
    );
}

/// The required fields both versions have, in the order `new` takes them.
fn constructor_order(out: &mut Out, owner: &Owner, old: &[Field], new: &[Field]) {
    let required = |fields: &[Field]| -> Vec<String> {
        fields
            .iter()
            .filter(|f| f.required)
            .map(|f| f.rust.clone())
            .collect()
    };
    let (o, n) = (required(old), required(new));
    let o: Vec<&String> = o.iter().filter(|r| n.contains(r)).collect();
    let n: Vec<&String> = n.iter().filter(|r| o.contains(r)).collect();
    if o != n {
        let show = |v: &[&String]| v.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ");
        out.push_values(
            K::ConstructorOrderChanged,
            &format!("{}.new", owner.subject),
            &owner.at,
            format!("the required fields of {} are in a new order", owner.label),
            Some(show(&o)),
            Some(show(&n)),
        );
    }
}
