//! `cargo xtask ir-lines`: how much LLVM IR hyp-api's own unit asks of the compiler, by
//! function, the deterministic measure behind docs/design.md § Compile time (seconds on a shared
//! machine are not). hyp-api's library is rebuilt with `--emit=llvm-ir -C codegen-units=1` (and
//! `-C opt-level=0` unless `--optimized`) in its own target directory; the lines inside each
//! function body are counted and summed by demangled name (hash removed, so the copies of one
//! generic function add up), which is what `cargo llvm-lines` counts.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use clap::Args;

#[derive(Args)]
pub struct IrLines {
    /// hyp-api's features (none by default: the runtime alone), e.g. `creditguard` or
    /// `hyper-erp,mt5-manager,creditguard,pay`.
    #[arg(long, default_value = "")]
    features: String,
    /// Count the IR after release optimization instead of at opt-level 0.
    #[arg(long)]
    optimized: bool,
    /// How many functions to list, largest first.
    #[arg(long, default_value_t = 30)]
    top: usize,
    /// Where to build (kept apart from the workspace's target).
    #[arg(long, default_value = "target/ir-lines")]
    target_dir: PathBuf,
}

pub fn run(root: &Path, args: &IrLines) -> ExitCode {
    match emit(root, args)
        .and_then(|ll| std::fs::read_to_string(&ll).map_err(|e| format!("{}: {e}", ll.display())))
    {
        Ok(text) => {
            let by_name = count(&text);
            let total: usize = by_name.values().map(|(lines, _)| lines).sum();
            let copies: usize = by_name.values().map(|(_, n)| n).sum();
            println!(
                "hyp-api, features [{}], {}: {total} lines in {copies} functions",
                args.features,
                if args.optimized {
                    "optimized"
                } else {
                    "opt-level 0"
                }
            );
            let mut rows: Vec<_> = by_name.into_iter().collect();
            rows.sort_by(|a, b| b.1.0.cmp(&a.1.0).then_with(|| a.0.cmp(&b.0)));
            for (name, (lines, n)) in rows.into_iter().take(args.top) {
                println!("{lines:>8} {n:>4}  {name}");
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Rebuilds hyp-api's library with the IR emitted; the `.ll` file's path.
fn emit(root: &Path, args: &IrLines) -> Result<PathBuf, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let target_dir = root.join(&args.target_dir);
    let deps = target_dir.join("release/deps");
    // Only this run's file may be there: a unit Cargo finds fresh would write none.
    if let Ok(entries) = std::fs::read_dir(&deps) {
        for path in entries.flatten().map(|e| e.path()) {
            if is_hyp_api_ll(&path) {
                std::fs::remove_file(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            }
        }
    }
    let dir = target_dir.to_string_lossy().into_owned();
    let mut build = vec![
        "rustc",
        "--release",
        "--quiet",
        "-p",
        "hyp-api",
        "--lib",
        "--no-default-features",
        "--features",
        &args.features,
        "--target-dir",
        &dir,
        "--",
        "--emit=llvm-ir",
        "-C",
        "codegen-units=1",
    ];
    if !args.optimized {
        build.extend(["-C", "opt-level=0"]);
    }
    let clean = ["clean", "--release", "-p", "hyp-api", "--target-dir", &dir];
    let cargo_in_root = || {
        let mut cmd = Command::new(&cargo);
        cmd.current_dir(root);
        cmd
    };
    crate::compile_times::status(cargo_in_root().args(clean))?;
    crate::compile_times::status(cargo_in_root().args(&build))?;
    std::fs::read_dir(&deps)
        .map_err(|e| format!("{}: {e}", deps.display()))?
        .flatten()
        .map(|e| e.path())
        .find(|p| is_hyp_api_ll(p))
        .ok_or_else(|| format!("no hyp_api-*.ll in {}", deps.display()))
}

fn is_hyp_api_ll(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with("hyp_api-") && n.ends_with(".ll"))
}

/// Lines inside each `define … { … }` body, by demangled name: (lines, copies).
fn count(ll: &str) -> HashMap<String, (usize, usize)> {
    let mut out: HashMap<String, (usize, usize)> = HashMap::new();
    let mut current: Option<(String, usize)> = None;
    for line in ll.lines() {
        if line.starts_with("define ") {
            current = Some((symbol(line).unwrap_or("?").to_string(), 0));
        } else if let Some((name, lines)) = current.as_mut() {
            if line.starts_with('}') {
                let name = format!("{:#}", rustc_demangle::demangle(name));
                let entry = out.entry(name).or_default();
                entry.0 += *lines;
                entry.1 += 1;
                current = None;
            } else {
                *lines += 1;
            }
        }
    }
    out
}

/// The symbol of a `define` line: `@name(` or `@"name"(`.
fn symbol(define: &str) -> Option<&str> {
    let at = &define[define.find('@')? + 1..];
    match at.strip_prefix('"') {
        Some(quoted) => quoted.split('"').next(),
        None => at.split('(').next(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_body_lines_by_demangled_name_without_the_hash() {
        let ll = "\
; comment
define internal void @_ZN4core3ptr13drop_in_place17h0123456789abcdefE(ptr %0) {
start:
  ret void
}
define void @\"_ZN4core3ptr13drop_in_place17hfedcba9876543210E\"(ptr %0) unnamed_addr {
start:
  call void @x()
  ret void
}
define i64 @plain(i64 %a) {
  ret i64 %a
}
declare void @x()
";
        let by_name = count(ll);
        assert_eq!(by_name["core::ptr::drop_in_place"], (5, 2));
        assert_eq!(by_name["plain"], (1, 1));
        assert_eq!(by_name.len(), 2);
    }
}
