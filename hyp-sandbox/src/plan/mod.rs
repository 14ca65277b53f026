//! What the sandbox reads from its generated plans (`src/generated/<api>.json`): the plan of
//! each API ([`api`]) and the spec's `sandbox:` rules ([`spec`]). The generator includes these
//! files by path and writes the plans with them, so the sandbox builds without the generator.

pub mod api;
pub mod flows;
pub mod shape;
pub mod spec;
pub mod stateful;
