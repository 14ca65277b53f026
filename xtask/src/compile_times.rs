//! `cargo xtask compile-times`: hyp-api's own release compile beside reqwest's own, from
//! `cargo build --release --timings`, for all API features and for each API feature alone
//! (issue #12's goals: all features ≤ 1.0× reqwest, each feature alone ≤ 0.5×), and with no API
//! feature: the runtime every API build carries, the floor under each API's row (no goal).
//!
//! Each configuration rebuilds exactly two units in its own run, one after the other: reqwest,
//! then hyp-api's library, each compiling alone (Cargo would otherwise start hyp-api beside
//! reqwest's code generation: `serial_rustc`); every other dependency is already built in the
//! target directory and is not timed. No TLS feature
//! in any run (TLS is the caller's choice and adds to reqwest's compile, not to hyp-api's).
//! The figures are wall-clock seconds of `rustc` per unit as Cargo's timing report gives them,
//! so a busy machine inflates both sides of a run alike; `--runs` repeats each configuration.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use clap::Args;

#[derive(Args)]
pub struct CompileTimes {
    /// How many times to build each configuration (the table gives the min and the median).
    #[arg(long, default_value_t = 3)]
    runs: usize,
    /// Where to build (kept apart from the workspace's target so its builds are not disturbed).
    #[arg(long, default_value = "target/compile-times")]
    target_dir: PathBuf,
    /// Only these configurations: `all`, `none` and/or API features (`--only all,pay`); default
    /// every one.
    #[arg(long, value_delimiter = ',')]
    only: Vec<String>,
}

/// The API features: all together, then each alone.
const APIS: [&str; 4] = ["hyper-erp", "mt5-manager", "creditguard", "pay"];

pub fn run(root: &Path, args: &CompileTimes) -> ExitCode {
    let target_dir = root.join(&args.target_dir);
    // (row name, `--only` key, features, goal).
    let mut configs = vec![(
        "all API features".to_string(),
        "all",
        APIS.join(","),
        Some(1.0),
    )];
    configs.extend(
        APIS.iter()
            .map(|a| (format!("{a} alone"), *a, a.to_string(), Some(0.5))),
    );
    configs.push((
        "no API feature (the runtime alone)".to_string(),
        "none",
        String::new(),
        None,
    ));
    if let Some(unknown) = args
        .only
        .iter()
        .find(|o| !configs.iter().any(|(_, key, _, _)| key == o))
    {
        eprintln!(
            "error: --only {unknown}: expected `all`, `none` or one of {}",
            APIS.join(", ")
        );
        return ExitCode::FAILURE;
    }
    if !args.only.is_empty() {
        configs.retain(|(_, key, _, _)| args.only.iter().any(|o| o == key));
    }
    let mut rows = Vec::new();
    for (name, _, features, goal) in &configs {
        let mut ratios = Vec::new();
        for run in 1..=args.runs.max(1) {
            match build(root, &target_dir, features) {
                Ok((ours, reqwest)) => {
                    eprintln!(
                        "{name} run {run}: hyp-api {ours:.1} s, reqwest {reqwest:.1} s ({:.2}x)",
                        ours / reqwest
                    );
                    ratios.push((ours / reqwest, ours, reqwest));
                }
                Err(e) => {
                    eprintln!("error: {name}: {e}");
                    return ExitCode::FAILURE;
                }
            }
        }
        ratios.sort_by(|a, b| a.0.total_cmp(&b.0));
        rows.push((name.clone(), *goal, ratios));
    }
    println!(
        "| build (release, no TLS) | hyp-api ÷ reqwest: min | median | runs (hyp-api s / reqwest s) | goal |"
    );
    println!("|---|---|---|---|---|");
    let mut met = true;
    for (name, goal, ratios) in &rows {
        let (min, median) = (ratios[0].0, ratios[ratios.len() / 2].0);
        met &= goal.is_none_or(|g| median <= g);
        let runs: Vec<String> = ratios
            .iter()
            .map(|(_, a, b)| format!("{a:.1}/{b:.1}"))
            .collect();
        let goal = goal.map_or("none (informational)".to_string(), |g| format!("≤ {g:.1}x"));
        println!(
            "| {name} | {min:.2}x | {median:.2}x | {} | {goal} |",
            runs.join(", ")
        );
    }
    println!(
        "\nEvery median meets its goal: {}",
        if met { "yes" } else { "no" }
    );
    ExitCode::SUCCESS
}

/// One release build of hyp-api with `features` (and no TLS), after removing hyp-api's and
/// reqwest's artifacts so both compile in it: (hyp-api's seconds, reqwest's seconds).
fn build(root: &Path, target_dir: &Path, features: &str) -> Result<(f64, f64), String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let dir = target_dir.to_string_lossy().into_owned();
    let clean = ["clean", "--release", "-p", "hyp-api", "-p", "reqwest"];
    status(
        Command::new(&cargo)
            .current_dir(root)
            .args(clean)
            .args(["--target-dir", &dir]),
    )?;
    let timings = target_dir.join("cargo-timings");
    let before = newest(&timings);
    // Each unit compiles alone (see `serial_rustc`): hyp-api starts when reqwest has finished.
    let wrapper = std::env::current_exe().map_err(|e| format!("this binary's path: {e}"))?;
    status(
        Command::new(&cargo)
            .current_dir(root)
            .env("RUSTC_WRAPPER", wrapper)
            .env(crate::serial_rustc::ENV, "1")
            .args([
                "build",
                "--release",
                "--timings",
                "--quiet",
                "-p",
                "hyp-api",
                "--no-default-features",
                "--features",
                features,
                "--target-dir",
                &dir,
            ]),
    )?;
    let report = newest(&timings)
        .filter(|r| Some(r) != before.as_ref())
        .ok_or("cargo wrote no new timing report")?;
    let html =
        std::fs::read_to_string(&report).map_err(|e| format!("{}: {e}", report.display()))?;
    let units = units(&html)?;
    // (start, duration) in seconds from the build's start.
    let span = |name: &str| {
        units
            .iter()
            .find(|u| {
                u["name"] == name && u["target"].as_str().is_some_and(|t| !t.contains("build"))
            })
            .and_then(|u| Some((u["start"].as_f64()?, u["duration"].as_f64()?)))
            .ok_or_else(|| format!("{name} was not compiled in this run ({})", report.display()))
    };
    let (ours_start, ours) = span("hyp-api")?;
    let (reqwest_start, reqwest) = span("reqwest")?;
    // The report rounds to 10 ms; more overlap than that means the two did not compile alone.
    if ours_start + 0.02 < reqwest_start + reqwest {
        return Err(format!(
            "hyp-api started at {ours_start:.2} s, before reqwest finished at {:.2} s ({})",
            reqwest_start + reqwest,
            report.display()
        ));
    }
    Ok((ours, reqwest))
}

/// Runs `cmd`; its stderr in the error when it fails.
pub(crate) fn status(cmd: &mut Command) -> Result<(), String> {
    let out = cmd.output().map_err(|e| e.to_string())?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{cmd:?} failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

/// The newest `cargo-timing-*.html` in `dir`.
fn newest(dir: &Path) -> Option<PathBuf> {
    std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("cargo-timing-") && n.ends_with(".html"))
        })
        .max_by_key(|p| p.metadata().and_then(|m| m.modified()).ok())
}

/// The units of a timing report: the JSON array the report's script declares as `UNIT_DATA`.
fn units(html: &str) -> Result<Vec<serde_json::Value>, String> {
    let start = html
        .find("UNIT_DATA = ")
        .ok_or("the timing report has no UNIT_DATA")?
        + "UNIT_DATA = ".len();
    serde_json::Deserializer::from_str(&html[start..])
        .into_iter::<Vec<serde_json::Value>>()
        .next()
        .ok_or("UNIT_DATA is empty")?
        .map_err(|e| format!("UNIT_DATA: {e}"))
}
