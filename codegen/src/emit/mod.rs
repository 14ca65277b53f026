//! Emit: the resolved model → formatted Rust files under `hyp-api/src/generated/`. One small
//! emitter per concern (codes, enums, structs, endpoints, client), in the manner of smithy-rs.

mod client;
mod codes;
mod decode;
mod decode_form;
mod decode_json;
mod decode_xml;
mod docs;
mod endpoint;
mod enums;
mod from_node;
mod marker;
mod named;
pub mod output;
mod parts;
mod structs;
mod success;
mod types;
mod validate;

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::Api;
use output::{GeneratedFile, Output};
use structs::{StructSpec, emit_struct};
use types::{Side, ident};

/// Every generated file for these APIs, sorted by path.
pub fn emit(apis: &[Api]) -> Vec<GeneratedFile> {
    let mut out = Output::default();
    let mods = apis.iter().map(|a| {
        let m = ident(&a.module);
        let f = &a.feature;
        quote! { #[cfg(feature = #f)] pub mod #m; }
    });
    out.add(
        "mod.rs",
        "spec/",
        quote! {
            //! The generated APIs, one module per spec folder, each behind its cargo feature.
            #(#mods)*
        },
    );
    for api in apis {
        emit_api(api, &mut out);
    }
    out.finish()
}

fn emit_api(api: &Api, out: &mut Output) {
    let dir = format!("spec/{}/", api.name);
    let m = &api.module;
    // Submodules in declaration order; `enums` and `objects` only when the spec has some.
    let mut mods: Vec<_> = vec![ident("client"), ident("codes")];
    if !api.enums.is_empty() {
        mods.push(ident("enums"));
    }
    if !api.objects.is_empty() {
        mods.push(ident("objects"));
    }
    if !api.types.is_empty() {
        mods.push(ident("types"));
    }
    mods.extend(api.endpoints.iter().map(|e| ident(&e.method)));
    let quirks: Vec<String> = api
        .quirks
        .iter()
        .map(|q| {
            format!(
                "## `{}`\n\n{}\n\n*Decision:* {}\n\nSource: {}",
                q.id,
                q.what.trim(),
                q.decision.trim(),
                q.source.trim()
            )
        })
        .collect();
    // The docs open with the module's runnable example (`hyp-api/examples/<module>.rs`, its
    // main calls against the embedded sandbox), so it is compiled and run as a doc-test.
    let title = docs::module_doc(&format!("{}.", api.title.trim_end_matches('.')));
    let example = format!("../../../examples/{m}.rs");
    let intro = docs::module_doc(&format!(
        "# Example\n\nThe main calls, against the embedded sandbox (the runnable example \
         `hyp-api/examples/{m}.rs`: `cargo run -p hyp-api --example {m}`):\n\n```"
    ));
    let rest = docs::module_doc(&format!(
        "```\n\n# The API\n\n{}\n\nSource: {}\n\n# Vendor quirks and how the spec resolves them\n\n{}",
        api.doc.trim(),
        api.source,
        quirks.join("\n\n")
    ));
    let mdoc = quote! {
        #title
        #![doc = ""]
        #intro
        #![doc = include_str!(#example)]
        #rest
    };
    out.add(
        format!("{m}/mod.rs"),
        &dir,
        quote! {
            #mdoc
            #(mod #mods;)*
            #(pub use #mods::*;)*
        },
    );
    out.add(
        format!("{m}/codes.rs"),
        &dir,
        with_doc("Result codes.", codes::emit_codes(api)),
    );
    if !api.enums.is_empty() {
        let enums: TokenStream = api
            .enums
            .iter()
            .map(|e| enums::emit_enum(e, api.json_body()))
            .collect();
        out.add(format!("{m}/enums.rs"), &dir, with_doc("Enums.", enums));
    }
    if !api.types.is_empty() {
        let types: TokenStream = api
            .types
            .iter()
            .map(|t| named::emit_named(t, api.json_body()))
            .collect();
        out.add(
            format!("{m}/types.rs"),
            &dir,
            with_doc(
                "Named types: identifiers and codes used on more than one endpoint.",
                types,
            ),
        );
    }
    let objects: TokenStream = api
        .objects
        .iter()
        .map(|o| {
            emit_struct(
                api,
                &StructSpec {
                    name: &o.name,
                    doc: format!("{}\n\nSource: {}", o.doc.trim(), o.source),
                    fields: &o.fields,
                    side: if o.in_request {
                        Side::Request
                    } else {
                        Side::Response
                    },
                },
            )
        })
        .collect();
    out.add(
        format!("{m}/objects.rs"),
        &dir,
        with_doc("Objects.", objects),
    );
    out.add(
        format!("{m}/client.rs"),
        &dir,
        with_doc("The client.", client::emit_client(api)),
    );
    for e in &api.endpoints {
        out.add(
            format!("{m}/{}.rs", e.method),
            &dir,
            with_doc(
                &format!("`{}`: {}", e.wire, docs::summary(&e.doc)),
                endpoint::emit_endpoint(api, e),
            ),
        );
    }
}

/// A submodule of an API module: its doc, then its items, which may name any sibling's items.
fn with_doc(text: &str, items: TokenStream) -> TokenStream {
    let d = docs::module_doc(text);
    quote! {
        #d
        #[allow(unused_imports)]
        use super::*;
        #items
    }
}
