//! Named types (`types:`): each is a newtype struct callers write, so adding or removing one is
//! adding or removing a struct; its base is the type of every field that uses it. Its
//! constraints are resolved into each of those fields and compared there (constraints.rs).

use super::{Out, here, pairs, text, there};
use crate::diff::kind::ChangeKind as K;
use crate::model::{Api, NamedType};

pub(super) fn compare(out: &mut Out, old: &Api, new: &Api) {
    let p = pairs::by(&old.types, &new.types, |t| t.name.clone());
    for t in &p.added {
        out.push(
            K::ObjectAdded,
            &format!("types.{}", t.name),
            &here(&t.loc),
            format!("new named type `{}` ({})", t.name, text::ty(&t.base)),
        );
    }
    for t in &p.removed {
        out.push(
            K::ObjectRemoved,
            &format!("types.{}", t.name),
            &there(&t.loc),
            format!("named type `{}` removed", t.name),
        );
    }
    for (o, n) in &p.kept {
        let NamedType {
            loc: _,
            name: _,
            base,
            doc,
            source,
            decision,
            // Compared on every field of this type, where they are checked.
            constraints: _,
        } = o;
        let subject = format!("types.{}", n.name);
        let at = here(&n.loc);
        out.value(
            K::FieldTypeChanged,
            &subject,
            &at,
            format!("named type `{}` wraps another scalar", n.name),
            (base, &n.base),
            text::ty,
        );
        out.docs(
            &subject,
            &format!("named type `{}`", n.name),
            &at,
            &[
                ("doc", doc != &n.doc),
                ("source", source != &n.source),
                ("decision", decision != &n.decision),
            ],
        );
    }
}
