//! Walk two resolved models side by side. One file per part of the model; each destructures
//! the model structs it compares completely, so a new model field fails to compile here until
//! its change is classified.

mod codes;
mod constraints;
mod endpoints;
mod fields;
mod named;
mod pairs;
mod records;
mod service;
mod sides;
mod text;
mod types;

use std::path::PathBuf;

use super::fingerprint::fingerprint;
use super::kind::{ChangeKind, Side};
use super::rules::rule;
use super::{Change, Location};
use crate::model::{Api, Loc};

pub(super) fn diff(base: &[Api], new: &[Api]) -> Vec<Change> {
    let mut changes = Vec::new();
    for n in new {
        match base.iter().find(|b| b.name == n.name) {
            Some(b) => service::compare(&mut changes, b, n),
            None => service::added(&mut changes, n),
        }
    }
    for b in base {
        if !new.iter().any(|n| n.name == b.name) {
            service::removed(&mut changes, b);
        }
    }
    changes
}

/// Collects the changes of one API.
struct Out<'a> {
    api: &'a str,
    changes: &'a mut Vec<Change>,
}

impl Out<'_> {
    /// Records a change with no before/after values.
    fn push(&mut self, kind: ChangeKind, subject: &str, at: &Location, summary: String) {
        self.push_values(kind, subject, at, summary, None, None);
    }

    /// Records a change from `before` to `after`.
    fn push_values(
        &mut self,
        kind: ChangeKind,
        subject: &str,
        at: &Location,
        summary: String,
        before: Option<String>,
        after: Option<String>,
    ) {
        let r = rule(kind);
        self.changes.push(Change {
            kind,
            severity: r.severity,
            reason: r.reason,
            api: self.api.to_string(),
            subject: subject.to_string(),
            summary,
            before,
            after,
            location: at.clone(),
            fingerprint: fingerprint(&kind.id(), self.api, subject),
        });
    }

    /// Records `kind` when `old != new`, showing both.
    fn value<T: PartialEq>(
        &mut self,
        kind: ChangeKind,
        subject: &str,
        at: &Location,
        summary: String,
        (old, new): (&T, &T),
        show: impl Fn(&T) -> String,
    ) {
        if old != new {
            self.push_values(kind, subject, at, summary, Some(show(old)), Some(show(new)));
        }
    }

    /// Records one `DocChanged` naming every text attribute that differs.
    fn docs(&mut self, subject: &str, what: &str, at: &Location, attrs: &[(&str, bool)]) {
        let changed: Vec<&str> = attrs.iter().filter(|(_, c)| *c).map(|(n, _)| *n).collect();
        if !changed.is_empty() {
            self.push(
                ChangeKind::DocChanged,
                subject,
                at,
                format!("{what}: {} changed", changed.join(", ")),
            );
        }
    }
}

/// The place of an item in the new spec.
fn here(loc: &Loc) -> Location {
    Location {
        file: loc.file.clone(),
        line: Some(loc.line),
        in_base: false,
    }
}

/// The place of an item in the base spec (it is gone from the new one).
fn there(loc: &Loc) -> Location {
    Location {
        in_base: true,
        ..here(loc)
    }
}

/// The API's folder, from any located item in it.
fn folder(api: &Api, in_base: bool) -> Location {
    let any = api
        .endpoints
        .iter()
        .map(|e| &e.loc)
        .chain(api.enums.iter().map(|e| &e.loc))
        .chain(api.objects.iter().map(|o| &o.loc))
        .chain(api.codes.iter().map(|c| &c.loc))
        .find(|l| !l.file.as_os_str().is_empty());
    let file = any
        .and_then(|l| l.file.parent())
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(&api.name));
    Location {
        file,
        line: None,
        in_base,
    }
}

/// Of the kinds `make` gives for `sides`, the most severe (the first on a tie): an item used on
/// both sides is judged where the change hurts most.
fn worst(sides: &[Side], make: impl Fn(Side) -> ChangeKind) -> ChangeKind {
    let mut kinds = sides.iter().map(|s| make(*s));
    let first = kinds.next().unwrap_or_else(|| make(Side::Response));
    kinds.fold(first, |best, k| {
        if rule(k).severity > rule(best).severity {
            k
        } else {
            best
        }
    })
}
