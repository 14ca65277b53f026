//! What one endpoint's call runs is compiled where the endpoint is called, and the direction a
//! client never runs is only in hyp-sandbox's builds (issue #12, compile time; docs/design.md
//! § Compile time). Read from the generated sources, parsed with `syn`, because no build can
//! tell: a missing `#[inline]` still compiles and works, it only puts the function back into
//! every build of hyp-api.
//!
//! - Every `fn` of a generated `Endpoint`, `Validate`, `XmlFields`, `FormFields`, `ToNode`,
//!   `WriteFields`, `FromNode`, `FromText` or `ClosedEnum` impl, and the inherent `xml_empty` /
//!   `xml_fill` / `from_wire_text`, is `#[inline]` (a non-generic function without it is
//!   compiled into hyp-api's own unit whether or not a caller uses it: an enum's or a spec
//!   newtype's reading and writing is only run by the endpoints that hold it).
//! - A request's `to_node` and `write_fields` are always there (a call writes it).
//! - A response's `ToNode` and `WriteFields`, and the `FromNode` of a struct with named fields (requests and the
//!   objects they hold; not a newtype, which the runtime reads as a scalar) are
//!   `#[cfg(feature = "__sandbox")]`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use syn::{Attribute, Fields, ImplItem, Item, ItemImpl, Type};

fn generated() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../hyp-api/src/generated")
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn is_inline(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|a| a.path().is_ident("inline"))
}

fn only_sandbox(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("cfg")
            && a.meta
                .require_list()
                .is_ok_and(|l| l.tokens.to_string() == "feature = \"__sandbox\"")
    })
}

fn self_name(imp: &ItemImpl) -> String {
    match &*imp.self_ty {
        Type::Path(p) => p.path.segments.last().unwrap().ident.to_string(),
        _ => String::new(),
    }
}

fn trait_name(imp: &ItemImpl) -> Option<String> {
    let (_, path, _) = imp.trait_.as_ref()?;
    Some(path.segments.last()?.ident.to_string())
}

/// Every generated impl, with the file it is in and the names of that file's structs with named
/// fields.
fn impls() -> Vec<(String, ItemImpl, BTreeSet<String>)> {
    let mut paths = Vec::new();
    files(&generated(), &mut paths);
    assert!(paths.len() > 40, "generated sources not found");
    let mut out = Vec::new();
    for path in paths {
        let file = syn::parse_file(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let structs: BTreeSet<String> = file
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Struct(s) if matches!(s.fields, Fields::Named(_)) => {
                    Some(s.ident.to_string())
                }
                _ => None,
            })
            .collect();
        let name = path
            .strip_prefix(generated())
            .unwrap()
            .display()
            .to_string();
        for item in file.items {
            if let Item::Impl(imp) = item {
                out.push((name.clone(), imp, structs.clone()));
            }
        }
    }
    out
}

#[test]
fn what_a_call_runs_is_inline() {
    let mut checked = 0;
    let mut missing = Vec::new();
    for (file, imp, _) in impls() {
        let per_call = matches!(
            trait_name(&imp).as_deref(),
            Some(
                "Endpoint"
                    | "Validate"
                    | "XmlFields"
                    | "FormFields"
                    | "ToNode"
                    | "WriteFields"
                    | "FromNode"
                    | "FromText"
                    | "ClosedEnum"
            )
        );
        for item in &imp.items {
            let ImplItem::Fn(f) = item else { continue };
            let inherent_reader = imp.trait_.is_none()
                && matches!(
                    f.sig.ident.to_string().as_str(),
                    "xml_empty" | "xml_fill" | "from_wire_text"
                );
            if per_call || inherent_reader {
                checked += 1;
                if !is_inline(&f.attrs) {
                    missing.push(format!("{file}: {}::{}", self_name(&imp), f.sig.ident));
                }
            }
        }
    }
    assert!(checked > 500, "only {checked} functions checked");
    assert!(missing.is_empty(), "not #[inline]: {missing:#?}");
}

#[test]
fn the_direction_a_client_never_runs_is_the_sandboxs() {
    let (mut gated, mut kept) = (0, 0);
    let mut wrong = Vec::new();
    for (file, imp, structs) in impls() {
        let name = self_name(&imp);
        let sandbox_only = match trait_name(&imp).as_deref() {
            Some("FromNode") if structs.contains(&name) => true,
            Some("ToNode" | "WriteFields") if name.ends_with("Response") => true,
            Some("ToNode" | "WriteFields") if name.ends_with("Request") => false,
            _ => continue,
        };
        if sandbox_only {
            gated += 1;
        } else {
            kept += 1;
        }
        if only_sandbox(&imp.attrs) != sandbox_only {
            wrong.push(format!(
                "{file}: {} for {name}: expected __sandbox only = {sandbox_only}",
                trait_name(&imp).unwrap()
            ));
        }
    }
    assert!(gated > 50 && kept > 40, "{gated} gated, {kept} kept");
    assert!(wrong.is_empty(), "{wrong:#?}");
}
