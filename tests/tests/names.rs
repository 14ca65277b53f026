//! No public name is shared between `hyp_api` and one of its API modules (issue #14), so
//! `use hyp_api::*;` beside `use hyp_api::<api>::*;` is never ambiguous and `hyp_api::Error`
//! names one thing everywhere. Read from the sources: `hyp_api`'s own public items are the
//! top-level `pub use`/`pub mod` of `hyp-api/src/lib.rs`; an API module's are the top-level
//! public items of its generated files (each module re-exports all of them with `pub use
//! <file>::*`). rustc reports a clash between two glob imports only where the name is used,
//! so no compile test could catch one that no test happens to use.
//!
//! API modules may share names with each other (each has a `Client` and a `CallError`; the
//! CreditGuard and MT5 `RequestId` are each vendor's own request id): they are never
//! glob-imported together by design (docs/design.md § Names).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn src() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../hyp-api/src")
}

/// The names a `pub use` tree brings in: the last segment of each path, or its `as` name
/// (`self` names the module before the braces).
fn use_names(tree: &str, out: &mut BTreeSet<String>) {
    let tree = tree.trim();
    if let Some(open) = tree.find('{') {
        let prefix = tree[..open].trim_end_matches("::");
        let inner = &tree[open + 1..tree.rfind('}').expect("a closing brace")];
        let mut depth = 0;
        let mut start = 0;
        for (i, ch) in inner.char_indices() {
            match ch {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    item(prefix, &inner[start..i], out);
                    start = i + 1;
                }
                _ => {}
            }
        }
        item(prefix, &inner[start..], out);
    } else {
        item("", tree, out);
    }
}

fn item(prefix: &str, part: &str, out: &mut BTreeSet<String>) {
    let part = part.trim();
    if part.is_empty() {
        return;
    }
    if part.contains('{') {
        return use_names(&format!("{prefix}::{part}"), out);
    }
    let name = match part.split_once(" as ") {
        Some((_, alias)) => alias.trim(),
        None if part == "self" => prefix.rsplit("::").next().unwrap_or(prefix),
        None => part.rsplit("::").next().unwrap_or(part),
    };
    if name != "*" && name != "_" {
        out.insert(name.to_string());
    }
}

/// The public names an item list declares at the top level (column 0, as rustfmt and
/// prettyplease lay out a file): `pub struct/enum/type/trait/fn/const/static/mod NAME` and
/// the names of `pub use` trees, which may span lines. Glob re-exports (`pub use x::*`) add
/// nothing: their items are counted where they are declared.
fn top_level_names(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        if let Some(rest) = line.strip_prefix("pub use ") {
            let mut tree = rest.to_string();
            while !tree.trim_end().ends_with(';') {
                tree.push_str(lines.next().expect("a `pub use` ends with `;`"));
            }
            use_names(tree.trim_end().trim_end_matches(';'), &mut out);
            continue;
        }
        let Some(rest) = line.strip_prefix("pub ") else {
            continue;
        };
        let mut words = rest.split_whitespace();
        let kind = words.next().unwrap_or_default();
        if [
            "struct", "enum", "type", "trait", "fn", "const", "static", "mod",
        ]
        .contains(&kind)
        {
            let name: String = words
                .next()
                .unwrap_or_default()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            out.insert(name);
        }
    }
    out
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The public names of one generated API module: every top-level item of its files.
fn module_names(dir: &Path) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .collect();
    files.sort();
    for file in files {
        names.extend(top_level_names(&read(&file)));
    }
    names
}

#[test]
fn no_public_name_of_hyp_api_is_also_a_name_in_an_api_module() {
    let root = top_level_names(&read(&src().join("lib.rs")));
    // Not vacuous: the names a caller of every API meets.
    for name in [
        "Error",
        "ApiError",
        "VendorCode",
        "FixedClock",
        "Money",
        "Keyed",
        "wire",
    ] {
        assert!(root.contains(name), "{name} not read from lib.rs: {root:?}");
    }
    let generated = src().join("generated");
    let mut checked = 0;
    for api in ["creditguard", "hyper_erp", "mt5_manager", "pay"] {
        let names = module_names(&generated.join(api));
        assert!(
            names.contains("Client") && names.contains("CallError"),
            "{api}: {names:?}"
        );
        let shared: Vec<&String> = names.intersection(&root).collect();
        assert!(
            shared.is_empty(),
            "hyp_api::{api} declares names hyp_api itself has: {shared:?}"
        );
        checked += names.len();
    }
    assert!(checked > 200, "only {checked} names read");
}

#[test]
fn the_reader_finds_what_it_claims() {
    let text = "\
pub use runtime::error::{ApiError, Error as Failure, VendorCode};
pub use runtime::{
    keyed::{self, Keyed},
    money::Money,
};
pub use generated::*;
pub mod wire {
    pub use crate::inner::Hidden;
}
pub struct Client {
    pub field: u8,
}
pub(crate) struct Private;
pub type CallError = Failure;
impl Client {
    pub fn method(&self) {}
}
";
    let names: Vec<String> = top_level_names(text).into_iter().collect();
    assert_eq!(
        names,
        [
            "ApiError",
            "CallError",
            "Client",
            "Failure",
            "Keyed",
            "Money",
            "VendorCode",
            "keyed",
            "wire"
        ]
    );
}
