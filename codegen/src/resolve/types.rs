//! Named types: identifiers and codes used on more than one endpoint, declared once with their
//! constraints (`types:`); each becomes a newtype over `int` or `string`.

use crate::model::{self, Ty};

use super::Ctx;
use super::constraints::resolve_constraints;
use super::names::check_camel;

/// Resolves every named type and records each one's base and constraints in `cx.named` for
/// the fields that use it.
pub(super) fn resolve_types(cx: &mut Ctx) -> Vec<model::NamedType> {
    let raw = cx.raw;
    let mut out = Vec::new();
    for (name, t) in &raw.types {
        let base = format!("types.{name}");
        check_camel(cx, t.file, &base, name);
        if raw.enums.contains_key(name) || raw.objects.contains_key(name) {
            cx.err(
                t.file,
                &base,
                format!("`{name}` is both a named type and an enum or object"),
                "rename one of them",
            );
        }
        let ty = match t.item.base.as_str() {
            "int" => Ty::Int,
            "string" => Ty::String,
            other => {
                cx.err(
                    t.file,
                    &format!("{base}.base"),
                    format!("a named type's `base` is `int` or `string`, found `{other}`"),
                    "name an identifier's scalar: `int` or `string` (secrets and amounts have their own types)",
                );
                continue;
            }
        };
        let constraints = resolve_constraints(
            cx,
            t.file,
            &format!("{base}.constraints"),
            &ty,
            (name, &t.item.base, &t.item.constraints),
        );
        for (key, set) in [
            ("requires", constraints.requires.is_some()),
            ("le_field", constraints.le_field.is_some()),
            ("item_list", constraints.item_list.is_some()),
        ] {
            if set {
                cx.err(
                    t.file,
                    &format!("{base}.constraints.{key}"),
                    format!("`{key}` names another field of a request: it belongs on the field"),
                    "move it to the field that uses this type",
                );
            }
        }
        cx.named
            .insert(name.clone(), (ty.clone(), constraints.clone()));
        out.push(model::NamedType {
            loc: raw.loc(t.file, &base),
            name: name.clone(),
            base: ty,
            doc: t.item.doc.clone(),
            source: t.item.source.clone(),
            decision: t.item.decision.clone(),
            constraints,
        });
    }
    out
}
