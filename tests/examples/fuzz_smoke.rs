//! The fuzz targets on stable, briefly: replays `fuzz/corpus/<target>/` through each target's
//! input function, then runs inputs mutated from it for a few seconds per target
//! (`cargo xtask fuzz-smoke` runs this; `.ci/run` calls it). Coverage-guided fuzzing is the
//! nightly `cargo fuzz run <target>` in `fuzz/`.
//!
//! `--seed DIR` writes each target's seeds (from the spec's examples and files) to
//! `DIR/<target>/` instead: how `fuzz/corpus/` was made.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use hyp_api_tests::fuzzing::{self, TARGETS};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    if let Some(dir) = value("--seed") {
        return seed(PathBuf::from(dir));
    }
    let corpus = PathBuf::from(value("--corpus").unwrap_or_else(|| "fuzz/corpus".into()));
    let secs: f64 = value("--secs").and_then(|s| s.parse().ok()).unwrap_or(8.0);
    let only = value("--target");
    for target in TARGETS
        .iter()
        .filter(|t| only.as_deref().is_none_or(|o| o == t.name))
    {
        let report = fuzzing::smoke(
            target,
            &corpus.join(target.name),
            Duration::from_secs_f64(secs),
        );
        println!(
            "{:<20} {:>5} corpus inputs replayed, {:>7} mutated inputs run, no panic",
            target.name, report.replayed, report.mutated
        );
    }
    ExitCode::SUCCESS
}

fn seed(dir: PathBuf) -> ExitCode {
    for target in TARGETS {
        let folder = dir.join(target.name);
        if let Err(e) = std::fs::create_dir_all(&folder) {
            eprintln!("error: {}: {e}", folder.display());
            return ExitCode::FAILURE;
        }
        let seeds = fuzzing::seeds(target.name);
        for (i, seed) in seeds.iter().enumerate() {
            let path = folder.join(format!("seed-{i:03}"));
            if let Err(e) = std::fs::write(&path, seed) {
                eprintln!("error: {}: {e}", path.display());
                return ExitCode::FAILURE;
            }
        }
        println!("{:<20} {:>4} seeds", target.name, seeds.len());
    }
    ExitCode::SUCCESS
}
