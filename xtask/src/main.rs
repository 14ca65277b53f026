//! `cargo xtask codegen` writes `hyp-api/src/generated/`, `hyp-sandbox/src/generated/` and the
//! OpenAPI documents `openapi/*.json` from `spec/`;
//! `cargo xtask codegen --check` fails, naming the stale files and the command that fixes them;
//! `cargo xtask openapi [--check]` writes (checks) `openapi/<api>.json` (`openapi.rs`);
//! `cargo xtask spec-diff` reports what changed in `spec/` and whether it breaks callers
//! (`spec_diff.rs`);
//! `cargo xtask compile-times` times hyp-api's release compile beside reqwest's
//! (`compile_times.rs`); `cargo xtask ir-lines` counts the LLVM IR of hyp-api's unit by function
//! (`ir_lines.rs`).

mod compile_times;
mod fuzz_smoke;
mod ir_lines;
mod openapi;
mod serial_rustc;
mod spec_diff;
mod workspace;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(about = "hyp-api developer tasks")]
struct Cli {
    #[command(subcommand)]
    task: Task,
}

#[derive(Subcommand)]
enum Task {
    /// Generate hyp-api/src/generated/, hyp-sandbox/src/generated/ and openapi/*.json from spec/.
    Codegen {
        /// Do not write: fail if the checked-in code differs from what spec/ generates.
        #[arg(long)]
        check: bool,
    },
    /// Compare spec/ with a base commit: every change, classified for callers (breaking,
    /// warning, info), and the version bump it asks of hyp-api.
    SpecDiff(spec_diff::SpecDiff),
    /// Write `openapi/<api>.json`, an OpenAPI 3.1 document per API, from spec/.
    Openapi {
        /// Do not write: fail if the checked-in documents differ from what spec/ generates.
        #[arg(long)]
        check: bool,
    },
    /// Replay fuzz/corpus through every fuzz target and run mutated inputs briefly (stable).
    FuzzSmoke(fuzz_smoke::FuzzSmoke),
    /// Time hyp-api's release compile beside reqwest's (`cargo build --timings`), all API
    /// features and each alone.
    CompileTimes(compile_times::CompileTimes),
    /// Count the LLVM IR lines of hyp-api's own unit, by function (the deterministic measure
    /// of what its compile asks of LLVM).
    IrLines(ir_lines::IrLines),
}

fn main() -> ExitCode {
    // `compile-times` runs its builds with this binary as Cargo's rustc wrapper.
    if std::env::var_os(serial_rustc::ENV).is_some() {
        return serial_rustc::run();
    }
    let cli = Cli::parse();
    match cli.task {
        Task::Codegen { check } => in_workspace(|root| codegen(root, check)),
        Task::Openapi { check } => in_workspace(|root| openapi::run(root, check)),
        Task::SpecDiff(args) => spec_diff::run(&args),
        Task::FuzzSmoke(args) => fuzz_smoke::run(&args),
        Task::CompileTimes(args) => in_workspace(|root| compile_times::run(root, &args)),
        Task::IrLines(args) => in_workspace(|root| ir_lines::run(root, &args)),
    }
}

/// Runs `task` in the workspace root (found from `CARGO_MANIFEST_DIR` or the current folder).
fn in_workspace(task: impl FnOnce(&Path) -> ExitCode) -> ExitCode {
    let cwd = std::env::current_dir().unwrap_or_default();
    match workspace::root(std::env::var_os("CARGO_MANIFEST_DIR"), &cwd) {
        Ok(root) => task(&root),
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The generated folders: hyp-api's bindings and hyp-sandbox's plans, both from spec/.
const TARGETS: [&str; 2] = ["hyp-api/src/generated", "hyp-sandbox/src/generated"];

fn codegen(root: &Path, check: bool) -> ExitCode {
    // Each spec file is read and parsed once; both generated folders come from the same APIs.
    let apis = match hyp_codegen::load_all(&root.join("spec")) {
        Ok(apis) => apis,
        Err(diags) => {
            eprintln!("{diags}");
            return ExitCode::FAILURE;
        }
    };
    let outputs = [
        hyp_codegen::emit::emit(&apis),
        hyp_codegen::sandbox::emit::emit(&apis),
    ];
    let problems = match features_missing(root, &apis) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    // The OpenAPI documents come from the same model: a spec change updates them too.
    let docs = match openapi::files(root, &apis) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let count: usize = outputs.iter().map(Vec::len).sum::<usize>() + docs.len();
    if check {
        let mut stale = openapi::stale(root, &docs);
        for (target, files) in TARGETS.iter().zip(&outputs) {
            for s in stale_files(&root.join(target), files) {
                stale.push(format!("{target}/{s}"));
            }
        }
        if stale.is_empty() && problems.is_empty() {
            println!("generated code is up to date with spec/ ({count} files)");
            return ExitCode::SUCCESS;
        }
        for s in &stale {
            eprintln!("stale: {s}");
        }
        for p in &problems {
            eprintln!("error: {p}");
        }
        if !stale.is_empty() {
            eprintln!(
                "\nThe generated code does not match spec/. Run:\n\n    cargo xtask codegen\n\nand commit the result."
            );
        }
        return ExitCode::FAILURE;
    }
    for (target, files) in TARGETS.iter().zip(&outputs) {
        let out_dir = root.join(target);
        if let Err(e) = write_all(&out_dir, files) {
            eprintln!("error: writing {}: {e}", out_dir.display());
            return ExitCode::FAILURE;
        }
        println!("wrote {} files to {target}/", files.len());
    }
    if let Err(e) = openapi::write(root, &docs) {
        eprintln!("error: {e}");
        return ExitCode::FAILURE;
    }
    println!("wrote {} files to {}/", docs.len(), openapi::TARGET);
    for p in &problems {
        eprintln!("error: {p}");
    }
    if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Files that differ, are missing, or should not be there.
fn stale_files(out_dir: &Path, files: &[hyp_codegen::GeneratedFile]) -> Vec<String> {
    let mut stale: Vec<String> = files
        .iter()
        .filter(|f| {
            std::fs::read_to_string(out_dir.join(&f.path))
                .ok()
                .as_deref()
                != Some(&f.contents)
        })
        .map(|f| f.path.display().to_string())
        .collect();
    let expected: Vec<PathBuf> = files.iter().map(|f| f.path.clone()).collect();
    for existing in walk(out_dir) {
        if let Ok(rel) = existing.strip_prefix(out_dir)
            && !expected.iter().any(|p| p == rel)
        {
            stale.push(format!(
                "{} (not generated by any spec: delete it)",
                rel.display()
            ));
        }
    }
    stale
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(walk(&p));
            } else {
                out.push(p);
            }
        }
    }
    out
}

fn write_all(out_dir: &Path, files: &[hyp_codegen::GeneratedFile]) -> std::io::Result<()> {
    if out_dir.exists() {
        std::fs::remove_dir_all(out_dir)?;
    }
    for f in files {
        let path = out_dir.join(&f.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, &f.contents)?;
    }
    Ok(())
}

/// Each API's cargo feature must exist in hyp-api/Cargo.toml, and be a default one:
/// hyp-sandbox serves every API through hyp-api's default features.
fn features_missing(root: &Path, apis: &[hyp_codegen::model::Api]) -> Result<Vec<String>, String> {
    let manifest =
        std::fs::read_to_string(root.join("hyp-api/Cargo.toml")).map_err(|e| e.to_string())?;
    let default = manifest
        .lines()
        .find(|l| l.trim_start().starts_with("default = "))
        .unwrap_or_default();
    let mut problems = Vec::new();
    for a in apis {
        let f = &a.feature;
        if !manifest
            .lines()
            .any(|l| l.trim_start().starts_with(&format!("{f} = ")))
        {
            problems.push(format!(
                "hyp-api/Cargo.toml has no feature `{f}` for spec/{}: add `{f} = []` under [features]",
                a.name
            ));
        }
        if !default.contains(&format!("\"{f}\"")) {
            problems.push(format!(
                "hyp-api/Cargo.toml's default features lack `{f}`: add it (hyp-sandbox serves every API through them)"
            ));
        }
    }
    Ok(problems)
}
