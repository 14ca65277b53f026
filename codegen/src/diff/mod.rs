//! Spec diff: what changed between two resolved spec models, and does it break callers?
//!
//! [`diff`] walks two `Vec<model::Api>` (a base and a new version) side by side and returns one
//! [`Change`] per edit, each classified by the one table in [`rules`] for callers of the
//! generated Rust API and for the wire. It compares the resolved model, not YAML text: moving an
//! item to another file, reordering keys, comments and formatting are not changes (an item's
//! `Loc` never compares unequal). [`semver`] turns the changes into a version bump suggestion;
//! [`render`] prints them as markdown (for a pull request), text or JSON
//! (`spec/schema/spec-diff.schema.json`).
//!
//! Every model struct is destructured field by field in `walk/`, so a field added to the model
//! does not compile until the diff says what changing it means.
//!
//! Pure: no I/O. `cargo xtask spec-diff` reads the two spec trees and prints the report.

mod fingerprint;
pub mod kind;
pub mod render;
pub mod rules;
pub mod semver;
mod walk;

use std::path::{Path, PathBuf};

use crate::model::Api;
pub use kind::{ALL, ChangeKind, Constraint, Side};
pub use rules::{Rule, Severity};

/// Where a change is written: in the new spec, or (for what was removed with its parent) in the
/// base spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: PathBuf,
    /// 1-based; `None` for a whole file or folder.
    pub line: Option<usize>,
    /// The place is in the base spec: the item and its parents are gone from the new one.
    pub in_base: bool,
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.in_base {
            f.write_str("(base) ")?;
        }
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        Ok(())
    }
}

/// One edit of the model, classified.
#[derive(Debug, Clone)]
pub struct Change {
    pub kind: ChangeKind,
    pub severity: Severity,
    /// Why the severity: the rule's one-line reason.
    pub reason: &'static str,
    /// The API folder name (`hyper-erp`).
    pub api: String,
    /// What changed, as a path of names that does not depend on files or lines
    /// (`endpoints.MT4_Deposit_Fiat_Json.request.Voucher_Number`).
    pub subject: String,
    /// One sentence for people.
    pub summary: String,
    pub before: Option<String>,
    pub after: Option<String>,
    pub location: Location,
    /// 16 hex digits: FNV-1a 64 of the kind, API and subject. Survives reformatting and moves.
    pub fingerprint: String,
}

/// The changes from `base` to `new`, in walk order: API by API, service, codes, enums,
/// objects, endpoints.
pub fn diff(base: &[Api], new: &[Api]) -> Vec<Change> {
    walk::diff(base, new)
}

/// Rewrites locations relative to the folders that hold the two `spec/` trees (so
/// `/tmp/x/spec/hyper-erp/enums.yaml` becomes `spec/hyper-erp/enums.yaml`). `new_spec` and
/// `base_spec` are the `spec` folders.
pub fn relativize(changes: &mut [Change], new_spec: &Path, base_spec: &Path) {
    for c in changes {
        let root = if c.location.in_base {
            base_spec
        } else {
            new_spec
        };
        if let Ok(rel) = c.location.file.strip_prefix(root) {
            c.location.file = Path::new("spec").join(rel);
        }
    }
}

/// Counts per severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub breaking: usize,
    pub warning: usize,
    pub info: usize,
}

impl Counts {
    pub fn of(changes: &[Change]) -> Counts {
        let mut c = Counts::default();
        for ch in changes {
            match ch.severity {
                Severity::Breaking => c.breaking += 1,
                Severity::Warning => c.warning += 1,
                Severity::Info => c.info += 1,
            }
        }
        c
    }

    pub fn total(&self) -> usize {
        self.breaking + self.warning + self.info
    }
}

/// What the renderers print: the changes and what they were compared against.
#[derive(Debug, Clone)]
pub struct Report {
    /// The base, for people (`HEAD~1 (1a2b3c4)`).
    pub base: String,
    /// hyp-api's current version, when known (`0.1.0`).
    pub version: Option<String>,
    pub changes: Vec<Change>,
}

impl Report {
    pub fn counts(&self) -> Counts {
        Counts::of(&self.changes)
    }

    /// The most severe change, if any.
    pub fn worst(&self) -> Option<Severity> {
        self.changes.iter().map(|c| c.severity).max()
    }

    pub fn suggestion(&self) -> semver::Suggestion {
        semver::suggest(&self.changes, self.version.as_deref())
    }
}
