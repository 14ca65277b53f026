//! `cargo xtask fuzz-smoke`: the fuzz targets on the stable toolchain, briefly. Replays the
//! committed corpus (`fuzz/corpus/<target>/`) through each target's input function and runs
//! mutated inputs for a few seconds per target (the `fuzz_smoke` example of hyp-api-tests).
//! Coverage-guided fuzzing is `cargo +nightly fuzz run <target>` in `fuzz/` (see fuzz/README.md).

use std::process::{Command, ExitCode};

/// Arguments of `cargo xtask fuzz-smoke`.
#[derive(clap::Args)]
pub struct FuzzSmoke {
    /// Seconds of mutated inputs per target, after the corpus.
    #[arg(long, default_value_t = 8.0)]
    secs: f64,
    /// Only this target.
    #[arg(long)]
    target: Option<String>,
}

/// Runs the smoke example; fails when it does (a panic in a target is a failure).
pub fn run(args: &FuzzSmoke) -> ExitCode {
    let cwd = std::env::current_dir().unwrap_or_default();
    let root = match crate::workspace::root(std::env::var_os("CARGO_MANIFEST_DIR"), &cwd) {
        Ok(root) => root,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command.current_dir(root);
    command.args([
        "run",
        "--locked",
        "-p",
        "hyp-api-tests",
        "--example",
        "fuzz_smoke",
        "--",
        "--corpus",
        "fuzz/corpus",
        "--secs",
        &args.secs.to_string(),
    ]);
    if let Some(t) = &args.target {
        command.args(["--target", t]);
    }
    match command.status() {
        Ok(s) if s.success() => ExitCode::SUCCESS,
        Ok(s) => {
            eprintln!("error: fuzz smoke failed ({s})");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("error: cannot run cargo: {e}");
            ExitCode::FAILURE
        }
    }
}
