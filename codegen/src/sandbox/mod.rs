//! The sandbox: how `hyp-sandbox` plays each API. `spec` is the `sandbox:` section's format,
//! `check` resolves its names against the API, `plan` lowers an API to what the sandbox reads,
//! and `emit` writes the sandbox's generated files.

pub mod check;
pub mod emit;
pub mod plan;
pub mod spec;
