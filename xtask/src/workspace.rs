//! Which checkout `cargo xtask` acts on, decided when it runs, never when it was compiled.
//!
//! A compile-time `env!("CARGO_MANIFEST_DIR")` is wrong as soon as two checkouts share a target
//! directory (a global `CARGO_TARGET_DIR` or `build.target-dir`): Cargo does not rebuild xtask
//! for the second checkout, so the binary would keep reading and writing the first one's files.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The workspace root of the checkout this run belongs to.
///
/// First the `CARGO_MANIFEST_DIR` that `cargo run` (the `cargo xtask` alias) sets in the process
/// environment, naming `xtask/`; else the nearest folder at or above `cwd` that holds a
/// hyp-api workspace. An error names both places when neither is one.
pub fn root(manifest_dir: Option<OsString>, cwd: &Path) -> Result<PathBuf, String> {
    if let Some(dir) = manifest_dir {
        let xtask = PathBuf::from(dir);
        if let Some(root) = xtask.parent().filter(|r| is_workspace(r)) {
            return Ok(root.to_path_buf());
        }
    }
    if let Some(root) = cwd.ancestors().find(|d| is_workspace(d)) {
        return Ok(root.to_path_buf());
    }
    Err(format!(
        "no hyp-api workspace here: neither CARGO_MANIFEST_DIR's parent nor {} or a folder above \
         it holds a Cargo.toml with a [workspace] next to spec/ and hyp-api/. Run `cargo xtask` \
         inside a hyp-api checkout.",
        cwd.display()
    ))
}

/// A hyp-api workspace: a `Cargo.toml` with `[workspace]`, beside `spec/` and `hyp-api/`.
fn is_workspace(dir: &Path) -> bool {
    dir.join("spec").is_dir()
        && dir.join("hyp-api").is_dir()
        && std::fs::read_to_string(dir.join("Cargo.toml"))
            .is_ok_and(|m| m.lines().any(|l| l.trim() == "[workspace]"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workspace(dir: &Path) {
        std::fs::create_dir_all(dir.join("spec")).unwrap();
        std::fs::create_dir_all(dir.join("hyp-api")).unwrap();
        std::fs::create_dir_all(dir.join("xtask")).unwrap();
        std::fs::write(dir.join("Cargo.toml"), "[workspace]\nmembers = []\n").unwrap();
    }

    fn tmp(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("xtask-root-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn manifest_dir_wins_over_the_current_directory() {
        let (a, b) = (tmp("a"), tmp("b"));
        workspace(&a);
        workspace(&b);
        let got = root(Some(a.join("xtask").into()), &b.join("spec")).unwrap();
        assert_eq!(got, a);
    }

    #[test]
    fn walks_up_from_the_current_directory_without_manifest_dir() {
        let c = tmp("c");
        workspace(&c);
        assert_eq!(root(None, &c.join("spec")).unwrap(), c);
        // A CARGO_MANIFEST_DIR that is no hyp-api workspace is passed over, not trusted.
        let elsewhere = tmp("elsewhere");
        assert_eq!(root(Some(elsewhere.into()), &c.join("spec")).unwrap(), c);
    }

    #[test]
    fn refuses_outside_a_workspace() {
        let d = tmp("d");
        std::fs::write(d.join("Cargo.toml"), "[package]\nname = \"x\"\n").unwrap();
        let err = root(None, &d).unwrap_err();
        assert!(err.contains("no hyp-api workspace"), "{err}");
        assert!(err.contains(&d.display().to_string()), "{err}");
    }
}
