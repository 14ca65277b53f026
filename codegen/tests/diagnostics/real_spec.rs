//! Never panics on mechanical mutations of the real spec; the generator's output is
//! deterministic.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::support::*;

fn spec_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec")
}

/// Copies spec/hyper-erp into a fresh fixture folder; returns the fixture and (name, text) of
/// every file.
fn copy_real_spec(test: &str) -> (Fixture, Vec<(String, String)>) {
    let f = Fixture::empty(test);
    let mut files = Vec::new();
    let src = spec_root().join("hyper-erp");
    for entry in std::fs::read_dir(&src).expect("read spec/hyper-erp") {
        let path = entry.expect("dir entry").path();
        if path.extension().is_some_and(|e| e == "yaml") {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&path).expect("read a spec file");
            f.write(&name, &text);
            files.push((name, text));
        }
    }
    files.sort();
    assert!(files.len() > 3, "spec/hyper-erp looks empty");
    (f, files)
}

/// Loads the folder, catching a panic, and checks every diagnostic's place and file: `Ok(true)`
/// when the spec was rejected with well-formed diagnostics, `Ok(false)` when it loaded (and, if
/// `emit`, then emitted without a panic), `Err` describing what went wrong otherwise.
fn load_checked(dir: &Path, what: &str, emit: bool) -> Result<bool, String> {
    let result = catch_unwind(AssertUnwindSafe(|| hyp_codegen::load_one(dir)));
    match result {
        Err(_) => Err(format!("{what}: load_one panicked")),
        Ok(Ok(_)) if !emit => Ok(false),
        Ok(Ok(api)) => {
            let emitted = catch_unwind(AssertUnwindSafe(|| hyp_codegen::emit::emit(&[api])));
            match emitted {
                Err(_) => Err(format!("{what}: the spec loaded, then emit panicked")),
                Ok(_) => Ok(false),
            }
        }
        Ok(Err(diags)) => {
            if diags.is_empty() {
                return Err(format!("{what}: Err with no diagnostics"));
            }
            for d in &diags.0 {
                if d.line < 1 || d.column < 1 {
                    return Err(format!("{what}: place below 1:1 in\n{d}"));
                }
                if !d.file.starts_with(dir) {
                    return Err(format!("{what}: file outside the spec folder in\n{d}"));
                }
                if d.help.trim().is_empty() || d.message.trim().is_empty() {
                    return Err(format!("{what}: empty message or help in\n{d}"));
                }
            }
            Ok(true)
        }
    }
}

/// Deletes single lines and truncates each file of the real spec, one mutation at a time; every
/// load returns Ok or well-placed diagnostics, never a panic.
#[test]
fn mutations_of_the_real_spec_never_panic() {
    // Lines deleted from the start of each file, then every `STRIDE`th line after that, and
    // truncation points per file: ~200 loads of the whole folder, ~10-15 s in debug.
    const FIRST: usize = 6;
    const STRIDE: usize = 60;
    const CUTS: usize = 3;
    const EMITS: usize = 2;
    const BUDGET: Duration = Duration::from_secs(60);

    let (f, files) = copy_real_spec("mutations");
    assert!(
        hyp_codegen::load_one(&f.dir).is_ok(),
        "the unmutated copy must load"
    );
    let started = Instant::now();
    let mut failures = Vec::new();
    let mut loads = 0usize;
    let mut rejected = 0usize;
    // A panic is caught and reported with the mutation that caused it (the default hook still
    // prints its message).
    for (name, text) in &files {
        let path = f.dir.join(name);
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        let mut mutations: Vec<(String, String)> = Vec::new();
        for i in (0..lines.len()).filter(|&i| i < FIRST || i % STRIDE == 0) {
            let mutated: String = lines
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != i)
                .map(|(_, l)| *l)
                .collect();
            mutations.push((format!("{name}: line {} deleted", i + 1), mutated));
        }
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        for k in 1..=CUTS {
            let at = chars.get(chars.len() * k / (CUTS + 1)).map_or(0, |c| c.0);
            mutations.push((
                format!("{name}: truncated at byte {at}"),
                text[..at].to_string(),
            ));
        }
        // An indentation shift on a middle line, and lost quotes.
        let mid = lines.len() / 2;
        let mut shifted = lines.clone();
        let indented = format!(" {}", lines[mid]);
        shifted[mid] = &indented;
        mutations.push((
            format!("{name}: line {} indented", mid + 1),
            shifted.concat(),
        ));
        if let Some(q) = text.rfind('"') {
            let unclosed = format!("{}{}", &text[..q], &text[q + 1..]);
            mutations.push((format!("{name}: last `\"` removed"), unclosed));
        }
        if let Some(q) = text.find(": \"") {
            let unclosed = format!("{}{}", &text[..q + 2], &text[q + 3..]);
            mutations.push((format!("{name}: first opening `\"` removed"), unclosed));
        }

        // Emitting is slow in debug: only the first few mutations per file that still load are
        // emitted too.
        let mut emits_left = EMITS;
        for (what, mutated) in mutations {
            std::fs::write(&path, &mutated).expect("write a mutation");
            loads += 1;
            match load_checked(&f.dir, &what, emits_left > 0) {
                Err(failure) => failures.push(failure),
                Ok(true) => rejected += 1,
                Ok(false) => emits_left = emits_left.saturating_sub(1),
            }
        }
        std::fs::write(&path, text).expect("restore a file");
    }
    let took = started.elapsed();
    assert!(
        failures.is_empty(),
        "{} of {loads} mutations misbehaved:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(
        rejected > 0,
        "no mutation was rejected: the sweep tests nothing"
    );
    assert!(took < BUDGET, "the sweep took {took:?} for {loads} loads");
}

/// Every file of the real spec, cut at each line boundary of its first lines: a half-written
/// file never panics either.
#[test]
fn truncations_at_line_ends_never_panic() {
    const FIRST: usize = 4;
    let (f, files) = copy_real_spec("truncations");
    let mut failures = Vec::new();
    for (name, text) in &files {
        let path = f.dir.join(name);
        let ends: Vec<usize> = text
            .match_indices('\n')
            .map(|(i, _)| i)
            .take(FIRST)
            .collect();
        for at in ends {
            // Cut just before the newline and just after it (the next line's start).
            for cut in [at, at + 1] {
                std::fs::write(&path, &text[..cut]).expect("write a truncation");
                if let Err(failure) =
                    load_checked(&f.dir, &format!("{name}: truncated at byte {cut}"), false)
                {
                    failures.push(failure);
                }
            }
        }
        std::fs::write(&path, text).expect("restore a file");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ---------------------------------------------------------------------------------------------
// Determinism
// ---------------------------------------------------------------------------------------------

#[test]
fn generate_is_deterministic_and_marks_files_generated() {
    let root = spec_root();
    let first = hyp_codegen::generate(&root).unwrap_or_else(|d| panic!("{d}"));
    let second = hyp_codegen::generate(&root).unwrap_or_else(|d| panic!("{d}"));
    assert!(!first.is_empty(), "no files generated");
    assert_eq!(first.len(), second.len());
    for (a, b) in first.iter().zip(&second) {
        assert_eq!(a.path, b.path, "file order differs between runs");
        assert!(
            a.contents == b.contents,
            "{} differs between runs",
            a.path.display()
        );
        assert!(
            a.contents.starts_with("// @generated"),
            "{} does not start with `// @generated`",
            a.path.display()
        );
    }
    let mut paths: Vec<&Path> = first.iter().map(|f| f.path.as_path()).collect();
    paths.dedup();
    assert_eq!(paths.len(), first.len(), "a path is generated twice");
}
