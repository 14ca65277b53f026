//! No public name is shared between `hyp_api` and one of its API modules (issue #14), so
//! `use hyp_api::*;` beside `use hyp_api::<api>::*;` is never ambiguous and `hyp_api::Error`
//! names one thing everywhere. Read from the sources, parsed with `syn`: `hyp_api`'s own public
//! items are the top-level `pub use`/`pub mod` of `hyp-api/src/lib.rs`; an API module's are the
//! top-level public items of its generated files (each module re-exports all of them with `pub
//! use <file>::*`). rustc reports a clash between two glob imports only where the name is used,
//! so no compile test could catch one that no test happens to use.
//!
//! API modules may share names with each other (each has a `Client` and a `CallError`; the
//! CreditGuard and MT5 `RequestId` are each vendor's own request id): they are never
//! glob-imported together by design (docs/design.md § Names).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use syn::{Ident, Item, UseTree, Visibility};

fn src() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../hyp-api/src")
}

/// The names a `pub use` tree brings in: the last segment of each path, or its `as` name
/// (`self` names the module before the braces, `parent`). Globs and `as _` add nothing.
fn use_names(tree: &UseTree, parent: Option<&Ident>, out: &mut BTreeSet<String>) {
    match tree {
        UseTree::Path(p) => use_names(&p.tree, Some(&p.ident), out),
        UseTree::Name(n) if n.ident == "self" => {
            out.extend(parent.map(Ident::to_string));
        }
        UseTree::Name(n) => {
            out.insert(n.ident.to_string());
        }
        UseTree::Rename(r) if r.rename != "_" => {
            out.insert(r.rename.to_string());
        }
        UseTree::Group(g) => {
            for t in &g.items {
                use_names(t, parent, out);
            }
        }
        UseTree::Rename(_) | UseTree::Glob(_) => {}
    }
}

/// The public names a file declares at its top level, read from the parsed file: `pub`
/// structs, enums, unions, type aliases, traits, fns, consts, statics and modules, and the names
/// of `pub use` trees. Glob re-exports (`pub use x::*`) add nothing: their items are counted
/// where they are declared. Items inside modules and impls are not top-level.
fn top_level_names(text: &str) -> BTreeSet<String> {
    let file = syn::parse_file(text).unwrap_or_else(|e| panic!("not Rust: {e}"));
    let mut out = BTreeSet::new();
    for item in &file.items {
        let (vis, ident) = match item {
            Item::Use(u) => {
                if matches!(u.vis, Visibility::Public(_)) {
                    use_names(&u.tree, None, &mut out);
                }
                continue;
            }
            Item::Struct(i) => (&i.vis, &i.ident),
            Item::Enum(i) => (&i.vis, &i.ident),
            Item::Union(i) => (&i.vis, &i.ident),
            Item::Type(i) => (&i.vis, &i.ident),
            Item::Trait(i) => (&i.vis, &i.ident),
            Item::Fn(i) => (&i.vis, &i.sig.ident),
            Item::Const(i) => (&i.vis, &i.ident),
            Item::Static(i) => (&i.vis, &i.ident),
            Item::Mod(i) => (&i.vis, &i.ident),
            _ => continue,
        };
        if matches!(vis, Visibility::Public(_)) {
            out.insert(ident.to_string());
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
