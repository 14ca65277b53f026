//! The sandbox: how `hyp-sandbox` plays each API. `spec` is the `sandbox:` section's format
//! (its answer-shaping rules in `shape`),
//! `check` resolves its names against the API, `plan` lowers an API to what the sandbox reads,
//! and `emit` writes the sandbox's generated files.

pub mod check;
mod check_shape;
pub mod emit;
pub mod flows;
pub mod plan;
pub mod shape;
pub mod spec;
