//! Objects: named field lists, each optionally including another's fields first.

use std::collections::HashMap;

use crate::model;
use crate::spec;

use super::fields::{check_aliases_across, check_unique, included_fields, resolve_fields};
use super::names::check_camel;
use super::{Ctx, Kind};

/// Resolves every object of the API, its included fields spliced in front of its own.
pub(super) fn resolve_objects(
    cx: &mut Ctx,
    type_names: &HashMap<&str, Kind>,
    s: &spec::Service,
) -> Vec<model::Object> {
    let raw = cx.raw;
    for (name, o) in &raw.objects {
        check_camel(cx, o.file, &format!("objects.{name}"), name);
        if raw.enums.contains_key(name) {
            cx.err(
                o.file,
                &format!("objects.{name}"),
                format!("`{name}` is both an enum and an object"),
                "rename one of them",
            );
        }
    }
    let mut objects: Vec<model::Object> = raw
        .objects
        .iter()
        .map(|(name, o)| model::Object {
            loc: raw.loc(o.file, &format!("objects.{name}")),
            name: name.clone(),
            in_request: false,
            doc: o.item.doc.clone(),
            source: o.item.source.clone(),
            fields: resolve_fields(
                cx,
                type_names,
                s,
                o.file,
                &format!("objects.{name}.fields"),
                &o.item.fields,
            ),
        })
        .collect();

    for (name, o) in &raw.objects {
        if let Some(inc) = &o.item.include {
            let path = format!("objects.{name}.include");
            match included_fields(cx, &objects, o.file, &path, inc) {
                Some(fields) if inc != name => {
                    if let Some(target) = objects.iter().find(|x| &x.name == name) {
                        check_aliases_across(cx, o.file, &path, &fields, &target.fields);
                    }
                    if let Some(target) = objects.iter_mut().find(|x| &x.name == name) {
                        target.fields.splice(0..0, fields);
                        let fields = target.fields.clone();
                        check_unique(cx, o.file, &path, &fields);
                    }
                }
                Some(_) => cx.err(
                    o.file,
                    &path,
                    format!("`{name}` includes itself"),
                    "include another object",
                ),
                None => {}
            }
        }
    }
    objects
}
