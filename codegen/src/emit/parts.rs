//! `Endpoint::parts` of one endpoint: its request as the path, the query, the headers and the
//! body, as the spec places each field.

use proc_macro2::TokenStream;
use quote::quote;

use super::types::{encode_ref, ident};
use crate::model::{Api, Endpoint, FieldLocation, Ty};

/// `fn parts`: the path with its segments filled in and percent-encoded, the query, the
/// headers, and the body (the body fields only).
pub(super) fn parts_fn(api: &Api, e: &Endpoint) -> TokenStream {
    let codec = quote!(crate::__private::codec);
    let text = |f: &crate::model::Field, value: TokenStream| {
        let node = encode_ref(&f.ty, value);
        quote!(#codec::param(&#node))
    };
    // "/accounts/{login}/password" → format!("/accounts/{}/password", segment(login)).
    let mut pattern = String::new();
    let mut args = Vec::new();
    for (i, piece) in e.path.split('/').enumerate() {
        if i > 0 {
            pattern.push('/');
        }
        match piece.strip_prefix('{').and_then(|p| p.strip_suffix('}')) {
            Some(wire) => {
                pattern.push_str("{}");
                if let Some(f) = e.request.iter().find(|f| f.wire == wire) {
                    let n = ident(&f.rust);
                    let t = text(f, quote!(&request.#n));
                    args.push(quote!(#codec::path_segment(&#t)));
                }
            }
            None => pattern.push_str(&piece.replace('{', "{{").replace('}', "}}")),
        }
    }
    let extras = e.request.iter().filter_map(|f| {
        let n = ident(&f.rust);
        let w = &f.wire;
        let push = match f.location {
            FieldLocation::Query => {
                let t = text(f, quote!(v));
                quote!(parts.query.push((#w.to_string(), #t));)
            }
            FieldLocation::Header => {
                let t = text(f, quote!(v));
                let sensitive = matches!(f.ty, Ty::Secret(_));
                quote!(parts.headers.push(crate::__private::Header { name: #w, value: #t, sensitive: #sensitive });)
            }
            FieldLocation::Body | FieldLocation::Path | FieldLocation::Envelope => return None,
        };
        Some(if f.required {
            quote! { { let v = &request.#n; #push } }
        } else {
            quote! { if let Some(v) = &request.#n { #push } }
        })
    });
    // Envelope fields travel in the body too: the transport wraps them around the command.
    let body_keys: Vec<&str> = e
        .request
        .iter()
        .filter(|f| matches!(f.location, FieldLocation::Body | FieldLocation::Envelope))
        .map(|f| f.wire.as_str())
        .collect();
    let only = if body_keys.len() == e.request.len() {
        quote!(None)
    } else {
        quote!(Some(&[#(#body_keys),*]))
    };
    // A JSON body is written straight into its text; the XML envelope and the query string are
    // built from a tree.
    let json = api.json_body();
    let body = if body_keys.is_empty() {
        quote!()
    } else if json {
        quote! {
            parts.body = Some(crate::__private::Body::Json(
                crate::__private::MapWriter::json(request, #only),
            ));
        }
    } else if body_keys.len() == e.request.len() {
        quote! { parts.body = Some(crate::__private::Body::Tree(crate::ToNode::to_node(request))); }
    } else {
        quote! {
            parts.body = Some(crate::__private::Body::Tree(
                crate::__private::only(crate::ToNode::to_node(request), &[#(#body_keys),*]),
            ));
        }
    };
    let unused = if args.is_empty() && body_keys.is_empty() && e.request.is_empty() {
        quote!(let _ = request;)
    } else {
        quote!()
    };
    let path = if args.is_empty() {
        quote!(#pattern.to_string())
    } else {
        quote!(format!(#pattern, #(#args),*))
    };
    quote! {
        #[inline]
        fn parts(request: &Self::Request) -> crate::__private::Parts {
            #[allow(unused_mut)]
            let mut parts = crate::__private::Parts::new(#path);
            #(#extras)*
            #body
            #unused
            parts
        }
    }
}
