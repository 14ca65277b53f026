//! `FromNode` for request structs: a request read from a tree, as hyp-sandbox reads what a client
//! sent (and tests read vendor examples). The client never reads a request, and answers are read
//! in one pass from the wire (`decode.rs`), so no answer type has one.

use proc_macro2::TokenStream;
use quote::quote;

use super::structs::StructSpec;
use super::types::{decode_call, decoder, empty_is_absent, ident};
use crate::model::{Api, Ty};

/// `impl FromNode` for a request struct (`whole`: the wire name of a field that is the whole
/// body). `#[inline]`: compiled in the crate that calls it, not into every build of hyp-api;
/// only with the internal feature `__sandbox` (hyp-sandbox's and the tests'): a client's build
/// does not type-check what it never runs.
pub(super) fn from_node_impl(api: &Api, s: &StructSpec, whole: &str) -> TokenStream {
    let name = ident(s.name);
    let known: Vec<&str> = s
        .fields
        .iter()
        .filter(|f| f.ty != Ty::Params)
        .map(|f| f.wire.as_str())
        .collect();
    // One `let` per field, then the struct from the bindings: a `?` inside the struct literal
    // would give each field its own cleanup path dropping every field before it (code size
    // quadratic in the field count); bindings keep it linear.
    let decoded: Vec<_> = s.fields.iter().filter(|f| f.fixed.is_none()).collect();
    let gets = decoded.iter().map(|f| {
        let fname = ident(&f.rust);
        if f.ty == Ty::Params {
            // The pairs are the entries no other field claims, in their order.
            return quote! { let #fname = crate::__private::codec::params_from(m.unknown(&[#(#known),*])); };
        }
        if f.wire == whole {
            let d = decode_call(api, &f.ty, quote!(node));
            return quote! { let #fname = #d?; };
        }
        let w = &f.wire;
        let d = decoder(api, &f.ty);
        if matches!(f.ty, Ty::List(_)) {
            quote! { let #fname = m.list(#w, #d)?; }
        } else if f.required {
            quote! { let #fname = m.required(#w, #d)?; }
        } else {
            let empty = empty_is_absent(api, &f.ty);
            quote! { let #fname = m.optional(#w, #empty, #d)?; }
        }
    });
    let names = decoded.iter().map(|f| ident(&f.rust));
    let only_whole = !s.fields.is_empty() && s.fields.iter().all(|f| f.wire == whole);
    // Documented alternative spellings are read as their field: the node is read with each
    // alias renamed to its wire name.
    let aliases: Vec<TokenStream> = s
        .fields
        .iter()
        .flat_map(|f| {
            let w = &f.wire;
            f.aliases.iter().map(move |a| quote!((#a, #w)))
        })
        .collect();
    let renamed = if aliases.is_empty() {
        quote!()
    } else {
        quote! { let node = &crate::__private::with_aliases(node, &[#(#aliases),*]); }
    };
    let reader = if only_whole {
        quote!()
    } else if s.fields.is_empty() {
        quote! { crate::__private::MapReader::new(node)?; }
    } else {
        quote! { let m = crate::__private::MapReader::new(node)?; }
    };
    quote! {
        #[cfg(feature = "__sandbox")]
        impl crate::FromNode for #name {
            #[inline]
            fn from_node(node: &crate::Node) -> Result<Self, crate::DecodeError> {
                #renamed
                #reader
                #(#gets)*
                Ok(Self { #(#names,)* })
            }
        }
    }
}
