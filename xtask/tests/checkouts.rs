//! One `xtask` binary, built once, run in two checkouts that share its target directory: each run
//! must read and write the checkout it is run in, never the one the binary was compiled from.
//! (A compile-time `CARGO_MANIFEST_DIR` would send both to the first checkout's files.)

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository this test was compiled from: only a source of spec/ to copy.
fn source_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits in the workspace")
        .to_path_buf()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for e in std::fs::read_dir(from).expect("read dir").flatten() {
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(e.file_name()));
        } else {
            std::fs::copy(&p, to.join(e.file_name())).expect("copy file");
        }
    }
}

/// A checkout as far as `cargo xtask codegen` reads it: the workspace manifest, spec/, and
/// hyp-api's manifest (for the feature check); no generated code yet.
fn checkout(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("xtask-checkout-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let src = source_root();
    copy_dir(&src.join("spec"), &dir.join("spec"));
    for f in ["Cargo.toml", "hyp-api/Cargo.toml"] {
        std::fs::create_dir_all(dir.join(f).parent().expect("parent")).expect("create dir");
        std::fs::copy(src.join(f), dir.join(f)).expect("copy manifest");
    }
    std::fs::create_dir_all(dir.join("xtask")).expect("create xtask/");
    dir
}

/// `cargo xtask ARGS` as the alias runs it in `checkout`: cargo sets CARGO_MANIFEST_DIR to
/// that checkout's xtask/ and keeps the caller's current directory.
fn xtask(checkout: &Path, cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .current_dir(cwd)
        .env("CARGO_MANIFEST_DIR", checkout.join("xtask"))
        .output()
        .expect("run xtask")
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

const MT5_MOD: &str = "hyp-api/src/generated/mt5_manager/mod.rs";

#[test]
fn each_checkout_reads_and_writes_its_own_spec_and_generated_code() {
    let a = checkout("a");
    let b = checkout("b");
    // B's spec differs from A's in one title.
    let svc = b.join("spec/mt5-manager/service.yaml");
    let yaml = std::fs::read_to_string(&svc).expect("read B's service.yaml");
    assert_eq!(yaml.matches("title: MT5 Manager REST API").count(), 1);
    std::fs::write(
        &svc,
        yaml.replace(
            "title: MT5 Manager REST API",
            "title: MT5 Manager REST API (B)",
        ),
    )
    .expect("edit B's spec");

    let wrote_a = xtask(&a, &a, &["codegen"]);
    assert!(wrote_a.status.success(), "{}", text(&wrote_a));
    assert!(a.join("hyp-sandbox/src/generated").is_dir());
    assert!(
        !b.join("hyp-api/src/generated").exists(),
        "writing A touched B"
    );

    // B has no generated code yet: its check fails while A's passes.
    let check_b = xtask(&b, &b, &["codegen", "--check"]);
    assert!(!check_b.status.success(), "{}", text(&check_b));
    assert!(text(&check_b).contains(&format!("stale: {MT5_MOD}")));
    let check_a = xtask(&a, &a, &["codegen", "--check"]);
    assert!(check_a.status.success(), "{}", text(&check_a));

    let wrote_b = xtask(&b, &b, &["codegen"]);
    assert!(wrote_b.status.success(), "{}", text(&wrote_b));
    let mod_a = std::fs::read_to_string(a.join(MT5_MOD)).expect("A's module");
    let mod_b = std::fs::read_to_string(b.join(MT5_MOD)).expect("B's module");
    assert!(mod_b.contains("MT5 Manager REST API (B)"));
    assert!(
        !mod_a.contains("(B)"),
        "B's spec reached A's generated code"
    );
    // Each checkout is now up to date with its own spec, and only with its own.
    for dir in [&a, &b] {
        let ok = xtask(dir, dir, &["codegen", "--check"]);
        assert!(ok.status.success(), "{}", text(&ok));
    }
    std::fs::write(b.join(MT5_MOD), &mod_a).expect("put A's module in B");
    let stale = xtask(&b, &b, &["codegen", "--check"]);
    assert!(!stale.status.success(), "{}", text(&stale));
}

#[test]
fn without_cargo_the_checkout_is_found_from_the_current_directory() {
    let c = checkout("c");
    let out = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(["codegen"])
        .current_dir(c.join("spec/pay"))
        .env_remove("CARGO_MANIFEST_DIR")
        .output()
        .expect("run xtask");
    assert!(out.status.success(), "{}", text(&out));
    assert!(c.join(MT5_MOD).is_file());
}

#[test]
fn outside_a_checkout_it_refuses_and_says_why() {
    // The system temp dir: the target dir's own temp dir lies inside this very checkout.
    let d = std::env::temp_dir().join(format!("xtask-no-checkout-{}", std::process::id()));
    std::fs::create_dir_all(&d).expect("create dir");
    let out = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(["codegen", "--check"])
        .current_dir(&d)
        .env("CARGO_MANIFEST_DIR", d.join("xtask"))
        .output()
        .expect("run xtask");
    assert!(!out.status.success());
    let t = text(&out);
    assert!(t.contains("no hyp-api workspace"), "{t}");
    assert!(t.contains(&d.display().to_string()), "{t}");
}
