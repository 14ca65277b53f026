//! The spec diff's rules: one fixture per rule (a small base spec, an edit of it, and the exact
//! kinds and severities expected), a check that every `ChangeKind` is classified and has a
//! fixture, the false-positive guards (moves between files, reordered keys, comments,
//! reformatting: no change), fingerprint stability, the version bump rule, and the JSON output
//! against its schema.

mod classification;
mod fx_fields;
mod fx_interface;
mod fx_models;
mod no_change;
mod output;
mod run;
mod spec;
