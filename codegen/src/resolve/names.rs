//! Rust naming checks: type and variant names are UpperCamelCase, field and module names
//! snake_case, neither a keyword.

use heck::{ToSnakeCase, ToUpperCamelCase};

use super::Ctx;

/// The variant every open enum keeps for values the spec does not list.
pub(super) const RESERVED_VARIANT: &str = "Unknown";

pub(super) fn check_camel(cx: &mut Ctx, file: usize, path: &str, name: &str) {
    if !name.starts_with(|c: char| c.is_ascii_uppercase()) || is_keyword(name) {
        cx.err(
            file,
            path,
            format!("`{name}` is not a Rust type or variant name"),
            "start it with an ASCII capital letter and use letters and digits only, e.g. `ThreeDs`",
        );
    } else if name.to_upper_camel_case() != name {
        cx.err(
            file,
            path,
            format!("`{name}` is not an UpperCamelCase Rust type or variant name"),
            format!("write it as `{}`", name.to_upper_camel_case()),
        );
    }
}

pub(super) fn check_snake(cx: &mut Ctx, file: usize, path: &str, name: &str) {
    if name.to_snake_case() != name || name.is_empty() || is_keyword(name) {
        cx.err(
            file,
            path,
            format!("`{name}` is not a snake_case Rust name (or is a keyword)"),
            format!(
                "write it as `{}` (or choose another name)",
                name.to_snake_case()
            ),
        );
    }
}

fn is_keyword(s: &str) -> bool {
    syn::parse_str::<syn::Ident>(s).is_err()
}
