//! Fuzz input: one spec file, loaded and resolved as `cargo xtask codegen` does (YAML parse,
//! position index, nesting bound, serde, resolve). Any text must end in an API or in
//! diagnostics: a panic, a stack overflow or a hang is the finding.

use std::path::{Path, PathBuf};

/// Loads `data` as the only file of an API folder and resolves it.
pub fn run(data: &[u8]) {
    let text = String::from_utf8_lossy(data).into_owned();
    let dir = Path::new("fuzz-api");
    let loaded =
        hyp_codegen::load::load_texts(dir, vec![(PathBuf::from("fuzz-api/spec.yaml"), text)])
            .and_then(|raw| hyp_codegen::resolve::resolve(&raw));
    std::hint::black_box(loaded.is_ok());
}
