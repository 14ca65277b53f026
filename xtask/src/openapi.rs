//! `cargo xtask openapi [--check]`: an OpenAPI 3.1 document per API in `openapi/`, from the
//! same resolved model as the generated code (`hyp_codegen::openapi`).

use std::path::Path;
use std::process::ExitCode;

/// The folder the documents are written to.
pub const TARGET: &str = "openapi";

/// Writes `openapi/<api>.json` for every API in `spec/`, or with `check` fails naming the
/// documents that differ from what the spec generates.
pub fn run(root: &Path, check: bool) -> ExitCode {
    let apis = match hyp_codegen::load_all(&root.join("spec")) {
        Ok(apis) => apis,
        Err(diags) => {
            eprintln!("{diags}");
            return ExitCode::FAILURE;
        }
    };
    let version = match hyp_api_version(root) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let files = hyp_codegen::openapi::emit(&apis, &version);
    let out_dir = root.join(TARGET);
    if check {
        let stale: Vec<_> = files
            .iter()
            .filter(|f| {
                std::fs::read_to_string(out_dir.join(&f.path))
                    .ok()
                    .as_deref()
                    != Some(&f.contents)
            })
            .map(|f| f.path.display().to_string())
            .collect();
        if stale.is_empty() {
            println!(
                "OpenAPI documents are up to date with spec/ ({} files)",
                files.len()
            );
            return ExitCode::SUCCESS;
        }
        for s in &stale {
            eprintln!("stale: {TARGET}/{s}");
        }
        eprintln!(
            "\nThe OpenAPI documents do not match spec/. Run:\n\n    cargo xtask openapi\n\nand commit the result."
        );
        return ExitCode::FAILURE;
    }
    for f in &files {
        let path = out_dir.join(&f.path);
        if let Err(e) =
            std::fs::create_dir_all(&out_dir).and_then(|()| std::fs::write(&path, &f.contents))
        {
            eprintln!("error: writing {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    println!("wrote {} files to {TARGET}/", files.len());
    ExitCode::SUCCESS
}

/// hyp-api's `version` (the documents' `info.version`), from its manifest.
fn hyp_api_version(root: &Path) -> Result<String, String> {
    let manifest = std::fs::read_to_string(root.join("hyp-api/Cargo.toml"))
        .map_err(|e| format!("reading hyp-api/Cargo.toml: {e}"))?;
    manifest
        .lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("version = \"")
                .and_then(|v| v.strip_suffix('"'))
        })
        .map(str::to_string)
        .ok_or_else(|| "hyp-api/Cargo.toml has no `version = \"…\"` line".into())
}
