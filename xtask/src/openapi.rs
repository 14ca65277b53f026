//! `cargo xtask openapi [--check]`: an OpenAPI 3.1 document per API in `openapi/`, from the
//! same resolved model as the generated code (`hyp_codegen::openapi`). `cargo xtask codegen`
//! writes (and `--check` checks) them too, so a spec change updates them with the code.

use std::path::Path;
use std::process::ExitCode;

use hyp_codegen::GeneratedFile;
use hyp_codegen::model::Api;

/// The folder the documents are written to (its `schema/` holds the vendored OpenAPI schema,
/// which is not generated and is left alone).
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
    let result = files(root, &apis).and_then(|files| {
        if check {
            Ok((stale(root, &files), files.len()))
        } else {
            write(root, &files).map(|()| (Vec::new(), files.len()))
        }
    });
    match result {
        Ok((stale, n)) if stale.is_empty() => {
            let done = if check {
                "are up to date with spec/"
            } else {
                "written"
            };
            println!("OpenAPI documents {done} ({n} files in {TARGET}/)");
            ExitCode::SUCCESS
        }
        Ok((stale, _)) => {
            for s in &stale {
                eprintln!("stale: {s}");
            }
            eprintln!(
                "\nThe OpenAPI documents do not match spec/. Run:\n\n    cargo xtask openapi\n\nand commit the result."
            );
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The documents of `apis`, versioned as hyp-api.
pub fn files(root: &Path, apis: &[Api]) -> Result<Vec<GeneratedFile>, String> {
    Ok(hyp_codegen::openapi::emit(apis, &hyp_api_version(root)?))
}

/// The documents that differ from `files` on disk, as `openapi/<file>`.
pub fn stale(root: &Path, files: &[GeneratedFile]) -> Vec<String> {
    let out_dir = root.join(TARGET);
    files
        .iter()
        .filter(|f| {
            std::fs::read_to_string(out_dir.join(&f.path))
                .ok()
                .as_deref()
                != Some(&f.contents)
        })
        .map(|f| format!("{TARGET}/{}", f.path.display()))
        .collect()
}

/// Writes `files` into `openapi/` (other files there are kept).
pub fn write(root: &Path, files: &[GeneratedFile]) -> Result<(), String> {
    let out_dir = root.join(TARGET);
    std::fs::create_dir_all(&out_dir).map_err(|e| format!("{}: {e}", out_dir.display()))?;
    for f in files {
        let path = out_dir.join(&f.path);
        std::fs::write(&path, &f.contents)
            .map_err(|e| format!("writing {}: {e}", path.display()))?;
    }
    Ok(())
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
