//! `cargo xtask spec-diff`: what changed in `spec/` since a base commit, and does it break
//! callers? Reads `spec/` at the base commit (with `git`, into a temp dir) and in the working
//! tree, loads both, and prints `hyp_codegen::diff`'s report.
//!
//! Exit codes: 0 (report printed, or no base commit to compare with), 1 (`--fail-on` met),
//! 2 (not a git repository, git failed, or a spec does not load).

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use clap::{Args, ValueEnum};
use hyp_codegen::diff::{self, Report, Severity};

/// `cargo xtask spec-diff` options.
#[derive(Args)]
pub struct SpecDiff {
    /// The commit whose spec/ the working tree is compared with [default: the merge base with
    /// main, else HEAD~1].
    #[arg(long, value_name = "GIT-REF")]
    base: Option<String>,
    /// How to print the report.
    #[arg(long, value_enum, default_value_t = Format::Markdown)]
    format: Format,
    /// Exit 1 when a change at least this severe is found [default: never].
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// Ready to paste into a pull request.
    Markdown,
    /// For logs.
    Text,
    /// As described by spec/schema/spec-diff.schema.json.
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    /// A breaking change.
    Breaking,
    /// A warning or a breaking change.
    Warn,
}

impl FailOn {
    fn met_by(self, worst: Option<Severity>) -> bool {
        let limit = match self {
            FailOn::Breaking => Severity::Breaking,
            FailOn::Warn => Severity::Warning,
        };
        worst.is_some_and(|w| w >= limit)
    }
}

const FAILED: u8 = 2;

pub fn run(args: &SpecDiff) -> ExitCode {
    match report(args) {
        Ok(Some(report)) => {
            let text = match args.format {
                Format::Markdown => diff::render::markdown(&report),
                Format::Text => diff::render::text(&report),
                Format::Json => diff::render::json(&report),
            };
            print!("{text}");
            match args.fail_on {
                Some(f) if f.met_by(report.worst()) => ExitCode::FAILURE,
                _ => ExitCode::SUCCESS,
            }
        }
        Ok(None) => {
            if args.fail_on.is_some() {
                eprintln!("error: --fail-on needs a base commit to compare with");
                ExitCode::from(FAILED)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(FAILED)
        }
    }
}

/// The report, or `None` (after saying so) when there is no base commit.
fn report(args: &SpecDiff) -> Result<Option<Report>, String> {
    let root = PathBuf::from(
        git_text(None, &["rev-parse", "--show-toplevel"]).map_err(|e| {
            format!("spec-diff runs inside the repository (git rev-parse --show-toplevel: {e})")
        })?,
    );
    let Some((commit, label)) = base(&root, args.base.as_deref()) else {
        let what = args
            .base
            .as_deref()
            .unwrap_or("the merge base with main, or HEAD~1,");
        let msg = format!(
            "spec diff: no base: {what} is not a commit in this repository (a single-commit or shallow clone?); nothing to compare"
        );
        if matches!(args.format, Format::Json) {
            eprintln!("{msg}");
        } else {
            println!("{msg}");
        }
        return Ok(None);
    };
    let tmp = TempDir::new()?;
    let base_spec = extract_spec(&root, &commit, tmp.path())?;
    let base_apis = load(&base_spec, &format!("the spec at {label}"), tmp.path())?;
    let new_spec = root.join("spec");
    let new_apis = load(&new_spec, "the working tree's spec", &root)?;
    let mut changes = diff::diff(&base_apis, &new_apis);
    diff::relativize(&mut changes, &new_spec, &base_spec);
    Ok(Some(Report {
        base: label,
        version: crate_version(&root.join("hyp-api/Cargo.toml")),
        changes,
    }))
}

/// The base commit and a label for people.
fn base(root: &Path, explicit: Option<&str>) -> Option<(String, String)> {
    let commit = |r: &str| {
        git_text(
            Some(root),
            &[
                "rev-parse",
                "--verify",
                "--quiet",
                &format!("{r}^{{commit}}"),
            ],
        )
        .ok()
    };
    let short = |c: &str| {
        git_text(Some(root), &["rev-parse", "--short", c]).unwrap_or_else(|_| c.to_string())
    };
    if let Some(r) = explicit {
        let c = commit(r)?;
        let s = short(&c);
        let label = if c.starts_with(r) {
            format!("`{s}`")
        } else {
            format!("`{r}` ({s})")
        };
        return Some((c, label));
    }
    for main in ["main", "origin/main"] {
        if let Ok(c) = git_text(Some(root), &["merge-base", "HEAD", main]) {
            let head = git_text(Some(root), &["rev-parse", "HEAD"]).unwrap_or_default();
            let note = if c == head {
                ": HEAD itself, so only uncommitted changes show"
            } else {
                ""
            };
            let label = format!("the merge base with {main} ({}{note})", short(&c));
            return Some((c, label));
        }
    }
    let c = commit("HEAD~1")?;
    let label = format!("`HEAD~1` ({}; no merge base with main)", short(&c));
    Some((c, label))
}

/// Writes the YAML files under `spec/` at `commit` into `dir/spec`; returns that folder (which
/// does not exist when the commit has no spec).
fn extract_spec(root: &Path, commit: &str, dir: &Path) -> Result<PathBuf, String> {
    let listing = git(
        Some(root),
        &["ls-tree", "-r", "-z", "--name-only", commit, "--", "spec/"],
    )?;
    for name in listing.split(|b| *b == 0).filter(|n| !n.is_empty()) {
        let name = String::from_utf8_lossy(name).to_string();
        let rel = Path::new(&name);
        let yaml = rel.extension().is_some_and(|e| e == "yaml" || e == "yml");
        let safe = rel
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
        if !yaml || !safe {
            continue;
        }
        let bytes = git(
            Some(root),
            &["cat-file", "blob", &format!("{commit}:{name}")],
        )?;
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(dir.join("spec"))
}

/// Every API under `spec` (none when the folder does not exist). Diagnostics name files
/// relative to `shown_root`.
fn load(
    spec: &Path,
    what: &str,
    shown_root: &Path,
) -> Result<Vec<hyp_codegen::model::Api>, String> {
    if !spec.is_dir() {
        return Ok(Vec::new());
    }
    hyp_codegen::load_all(spec).map_err(|d| {
        let prefix = format!("{}{}", shown_root.display(), std::path::MAIN_SEPARATOR);
        format!(
            "{what} does not load:\n{}",
            d.to_string().replace(&prefix, "")
        )
    })
}

/// `version = "…"` of the `[package]` section.
fn crate_version(manifest: &Path) -> Option<String> {
    let text = std::fs::read_to_string(manifest).ok()?;
    let mut in_package = false;
    for line in text.lines().map(str::trim) {
        if line.starts_with('[') {
            in_package = line == "[package]";
        } else if in_package && let Some(v) = line.strip_prefix("version") {
            let v = v.trim_start().strip_prefix('=')?.trim().trim_matches('"');
            return Some(v.to_string());
        }
    }
    None
}

/// Runs git (in `dir`, when given) and returns its stdout.
fn git(dir: Option<&Path>, args: &[&str]) -> Result<Vec<u8>, String> {
    let mut cmd = Command::new("git");
    if let Some(d) = dir {
        cmd.arg("-C").arg(d);
    }
    let out = cmd
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        Err(format!(
            "git {} failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}

fn git_text(dir: Option<&Path>, args: &[&str]) -> Result<String, String> {
    git(dir, args).map(|o| String::from_utf8_lossy(&o).trim().to_string())
}

/// A fresh directory under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Result<TempDir, String> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        let dir =
            std::env::temp_dir().join(format!("hyp-spec-diff-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        Ok(TempDir(dir))
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
