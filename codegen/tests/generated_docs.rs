//! The generated docs read well: in every doc block of `hyp-api/src/generated/`, the summary
//! (the first paragraph, which rustdoc shows in item lists) is a whole sentence and never a
//! citation, and each `Source:` line closes its section (nothing but other citations after it
//! until the next heading).

use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("generated folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The doc blocks of a file: runs of `///` (or `//!`) lines, markers removed.
fn doc_blocks(text: &str) -> Vec<Vec<String>> {
    let mut blocks: Vec<Vec<String>> = Vec::new();
    let mut current: Option<(&str, Vec<String>)> = None;
    for line in text.lines() {
        let t = line.trim_start();
        let marker = ["///", "//!"].into_iter().find(|m| t.starts_with(m));
        match (marker, current.as_mut()) {
            (Some(m), Some((k, lines))) if *k == m => {
                lines.push(
                    t[m.len()..]
                        .strip_prefix(' ')
                        .unwrap_or(&t[m.len()..])
                        .into(),
                );
            }
            (Some(m), _) => {
                blocks.extend(current.take().map(|(_, l)| l));
                let rest = &t[m.len()..];
                current = Some((m, vec![rest.strip_prefix(' ').unwrap_or(rest).into()]));
            }
            // A file included into the module docs (its runnable example, inside a code fence)
            // continues the block it sits in.
            (None, Some((k, lines))) if *k == "//!" && t.starts_with("#![doc = include_str!(") => {
                lines.push(t.into());
            }
            (None, _) => blocks.extend(current.take().map(|(_, l)| l)),
        }
    }
    blocks.extend(current.map(|(_, l)| l));
    blocks
}

/// The problems of one doc block.
fn problems(block: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let summary = block
        .iter()
        .take_while(|l| !l.trim().is_empty())
        .map(|l| l.trim())
        .collect::<Vec<_>>()
        .join(" ");
    if summary.starts_with("Source:") {
        out.push(format!("the summary is a citation: {summary}"));
    }
    let ends = ['.', '!', '?', ':', ')'];
    if !summary.is_empty() && !summary.ends_with(ends) && !summary.ends_with(".`") {
        out.push(format!("the summary stops mid-sentence: {summary}"));
    }
    let mut cited = false;
    for line in block {
        if line.starts_with('#') {
            cited = false;
        } else if line.starts_with("Source:") {
            cited = true;
        } else if cited && !line.trim().is_empty() {
            out.push(format!("text after a Source line: {line}"));
        }
    }
    out
}

#[test]
fn summaries_are_whole_sentences_and_sources_come_last() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../hyp-api/src/generated");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    assert!(files.len() > 20, "the generated files are there");
    let (mut blocks, mut found) = (0, Vec::new());
    for file in &files {
        let text = std::fs::read_to_string(file).expect("readable");
        for block in doc_blocks(&text) {
            blocks += 1;
            for p in problems(&block) {
                found.push(format!("{}: {p}", file.display()));
            }
        }
    }
    assert!(blocks > 1000, "doc blocks read: {blocks}");
    assert!(
        found.is_empty(),
        "{} problems:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn the_checks_catch_what_they_claim() {
    let lines = |t: &str| t.lines().map(String::from).collect::<Vec<_>>();
    assert!(problems(&lines("Sets `x`: a field that\nwraps.\n\nSource: d")).is_empty());
    assert_eq!(problems(&lines("Sets `x`: a field that")).len(), 1);
    assert_eq!(problems(&lines("Source: d\n\nText.")).len(), 3);
    assert_eq!(problems(&lines("Text.\n\nSource: d\n\nMore.")).len(), 1);
    assert!(
        problems(&lines(
            "Text.\n\nSource: d\n\n## Quirk\n\nMore.\n\nSource: e"
        ))
        .is_empty()
    );
}
