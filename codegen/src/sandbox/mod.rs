//! The sandbox: how `hyp-sandbox` plays each API. `spec` is the `sandbox:` section's format
//! (its answer-shaping rules in `shape`, its flow rules in `flows`), `check` resolves its names
//! against the API, `plan` lowers an API to what the sandbox reads, and `emit` writes the
//! sandbox's generated files.
//!
//! `spec`, `shape`, `flows`, `stateful` and the plan's types are `hyp-sandbox`'s own files, included by
//! path: one definition of what is written and read back, and a sandbox that builds without
//! the generator.

#[path = "../../../hyp-sandbox/src/plan/api.rs"]
mod api;
pub mod check;
mod check_pages;
mod check_shape;
pub mod emit;
#[path = "../../../hyp-sandbox/src/plan/flows.rs"]
pub mod flows;
pub mod plan;
#[path = "../../../hyp-sandbox/src/plan/shape.rs"]
pub mod shape;
#[path = "../../../hyp-sandbox/src/plan/spec.rs"]
pub mod spec;
#[path = "../../../hyp-sandbox/src/plan/stateful.rs"]
pub mod stateful;
