//! hyp-codegen: the YAML specs in `spec/` → the generated Rust in `hyp-api/src/generated/`.
//!
//! Load (serde + a position index) → validate and resolve (diagnostics with file, line, column
//! and what to do; never a panic) → emit (`quote` + `prettyplease`, deterministic). Pure: it
//! reads the spec files and returns strings; writing them is `xtask`'s job.

pub mod diag;
pub mod diff;
pub mod emit;
pub mod load;
mod locate;
mod maxima;
pub mod model;
pub mod openapi;
pub mod resolve;
pub mod sandbox;
pub mod spec;

use std::path::Path;

pub use diag::{Diagnostic, Diagnostics};
pub use emit::output::GeneratedFile;

/// Loads and resolves every API folder under `spec_root`.
pub fn load_all(spec_root: &Path) -> Result<Vec<model::Api>, Diagnostics> {
    let mut apis = Vec::new();
    let mut diags = Diagnostics::default();
    for dir in load::api_dirs(spec_root)? {
        match load::load_api(&dir).and_then(|raw| resolve::resolve(&raw)) {
            Ok(api) => apis.push(api),
            Err(d) => diags.0.extend(d.0),
        }
    }
    if diags.is_empty() {
        Ok(apis)
    } else {
        Err(diags)
    }
}

/// Loads one API folder.
pub fn load_one(dir: &Path) -> Result<model::Api, Diagnostics> {
    load::load_api(dir).and_then(|raw| resolve::resolve(&raw))
}

/// The generated files for every API under `spec_root`.
pub fn generate(spec_root: &Path) -> Result<Vec<GeneratedFile>, Diagnostics> {
    load_all(spec_root).map(|apis| emit::emit(&apis))
}

/// The generated files of `hyp-sandbox` (under `hyp-sandbox/src/generated/`) for every API
/// under `spec_root`.
pub fn generate_sandbox(spec_root: &Path) -> Result<Vec<GeneratedFile>, Diagnostics> {
    load_all(spec_root).map(|apis| sandbox::emit::emit(&apis))
}
