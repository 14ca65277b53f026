//! One endpoint: its request and response structs, its outcome enum (when more than one code is
//! a result), and the marker type implementing `hyp_api::Endpoint` (`marker.rs`, its `parts` in
//! `parts.rs`).

use proc_macro2::TokenStream;
use quote::quote;

use super::docs::doc;
use super::marker::marker;
use super::structs::{StructSpec, emit_struct};
use super::types::{Side, ident};
use crate::model::{Api, Endpoint};

pub fn emit_endpoint(api: &Api, e: &Endpoint) -> TokenStream {
    let req_name = format!("{}Request", e.stem);
    let resp_name = format!("{}Response", e.stem);
    let method = format!("[`Client::{}`](super::Client::{})", e.method, e.method);
    let request = emit_struct(
        api,
        &StructSpec {
            name: &req_name,
            doc: format!(
                "The request of {method} (`{}`).\n\n{}\n\nSource: {}",
                e.wire,
                e.request_doc.as_deref().unwrap_or("").trim(),
                e.source
            ),
            fields: &e.request,
            side: Side::Request,
        },
    );
    let response = if e.response_raw {
        raw_response(e, &resp_name, &method)
    } else {
        emit_struct(
            api,
            &StructSpec {
                name: &resp_name,
                doc: format!(
                    "The answer of {method} (`{}`), without the envelope's code and message.\n\n{}",
                    e.wire,
                    e.response_doc.as_deref().unwrap_or("").trim()
                ),
                fields: &e.response,
                side: Side::Response,
            },
        )
    };
    let (output, outcome) = outcome(e, &resp_name);
    let marker = marker(api, e, &req_name, &resp_name, &output);
    quote! {
        #request
        #response
        #outcome
        #marker
    }
}

/// The response of an answer without a documented shape: the whole body, as received.
fn raw_response(e: &Endpoint, resp_name: &str, method: &str) -> TokenStream {
    let id = ident(resp_name);
    let d = doc(&format!(
        "The answer of {method} (`{}`). The vendor documents no shape for it, so the body is \
         kept whole, as received.\n\n{}",
        e.wire,
        e.response_doc.as_deref().unwrap_or("").trim()
    ));
    quote! {
        #d
        #[derive(Debug, Clone)]
        #[non_exhaustive]
        pub struct #id {
            /// The answer's body, as received (an empty answer is an empty object), less any
            /// secret the call sent.
            pub body: crate::Node,
        }
        // Only hyp-sandbox and the tests write an answer to a tree.
        #[cfg(feature = "__sandbox")]
        impl crate::ToNode for #id {
            #[inline]
            fn to_node(&self) -> crate::Node { self.body.clone() }
        }
    }
}

/// The output type's name and, when the endpoint has several outcomes, the enum.
fn outcome(e: &Endpoint, resp_name: &str) -> (String, TokenStream) {
    if e.outcomes.len() < 2 {
        return (resp_name.to_string(), quote!());
    }
    let name = format!("{}Outcome", e.stem);
    let id = ident(&name);
    let resp = ident(resp_name);
    let variants = e.outcomes.iter().map(|o| {
        let v = ident(&o.variant);
        let codes: Vec<String> = o.codes.iter().map(i64::to_string).collect();
        let d = doc(&format!(
            "{} (code {}).\n\nSource: {}",
            o.doc.trim(),
            codes.join(", "),
            o.source
        ));
        quote! { #d #v(#resp), }
    });
    let arms: Vec<TokenStream> = e
        .outcomes
        .iter()
        .map(|o| {
            let v = ident(&o.variant);
            quote!(Self::#v(r))
        })
        .collect();
    let d = doc(&format!(
        "What `{}` answered, when it is a result and not an error. Each variant is one \
         documented outcome; all carry the decoded answer.",
        e.wire
    ));
    let tokens = quote! {
        #d
        #[derive(Debug, Clone)]
        pub enum #id { #(#variants)* }
        impl #id {
            /// The decoded answer, whatever the outcome.
            pub fn response(&self) -> &#resp {
                match self { #(#arms)|* => r }
            }
            /// The decoded answer, whatever the outcome.
            pub fn into_response(self) -> #resp {
                match self { #(#arms)|* => r }
            }
        }
    };
    (name, tokens)
}
