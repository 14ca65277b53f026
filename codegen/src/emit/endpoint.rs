//! One endpoint: its request and response structs, its outcome enum (when more than one code is
//! a result), and the marker type implementing `hyp_api::Endpoint`.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs::doc;
use super::structs::{StructSpec, emit_struct};
use super::types::{Side, ident};
use crate::model::{Api, Endpoint, Ty};

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
    let response = emit_struct(
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
    );
    let (output, outcome) = outcome(e, &resp_name);
    let marker = marker(api, e, &req_name, &resp_name, &output);
    quote! {
        #request
        #response
        #outcome
        #marker
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

fn secret_fields(e: &Endpoint) -> Vec<TokenStream> {
    e.request
        .iter()
        .filter(|f| f.ty == Ty::Secret)
        .map(|f| {
            let n = ident(&f.rust);
            if f.required {
                quote!(Some(crate::ExposeSecret::expose_secret(&request.#n)))
            } else {
                quote!(request.#n.as_ref().map(crate::ExposeSecret::expose_secret))
            }
        })
        .collect()
}

fn marker(api: &Api, e: &Endpoint, req: &str, resp: &str, output: &str) -> TokenStream {
    let marker = ident(&e.stem);
    let (req, resp_id, out) = (ident(req), ident(resp), ident(output));
    let code = ident(&api.code_type);
    let service = &api.name;
    let wire = &e.wire;
    let path = api.path_template.replace("{wire}", &e.wire);
    let moves = e.moves_money;
    let read = e.read_only;
    let timeout = e.timeout_secs(api);
    let (env_code, env_msg) = api
        .envelope
        .as_ref()
        .map(|x| (x.code_wire.clone(), x.message_wire.clone()))
        .unwrap_or_default();
    let key = match &e.idempotency_key {
        Some(k) => {
            let required = e.request.iter().any(|f| &f.rust == k && f.required);
            let k = ident(k);
            if required {
                quote!(Some(request.#k.as_str()))
            } else {
                quote!(request.#k.as_deref())
            }
        }
        None => quote!({
            let _ = request;
            None
        }),
    };
    let secrets = secret_fields(e);
    let secrets_body = if secrets.is_empty() {
        quote!({
            let _ = request;
            Vec::new()
        })
    } else {
        quote!({ [#(#secrets),*].into_iter().flatten().collect() })
    };
    let overrides: Vec<TokenStream> = e
        .code_overrides
        .iter()
        .map(|(n, v)| {
            let v = ident(v);
            quote!(#n => #code::#v,)
        })
        .collect();
    let code_body = if overrides.is_empty() {
        quote!(#code::from_service_table(value))
    } else {
        quote!(match value { #(#overrides)* other => #code::from_service_table(other) })
    };
    let single = e.outcomes.len() < 2;
    let decode_arms = e.outcomes.iter().map(|o| {
        let codes = &o.codes;
        let v = ident(&o.variant);
        if single {
            quote!(#(#codes)|* => <#resp_id as crate::Wire>::from_node(body).map(Some),)
        } else {
            quote!(#(#codes)|* => <#resp_id as crate::Wire>::from_node(body).map(|r| Some(#out::#v(r))),)
        }
    });
    let d = doc(&format!(
        "`{wire}` as a type: its wire identity, timeout and retry safety, for \
         [`Client::{m}`](super::Client::{m}) and for tests that decode its answers directly.\n\n\
         Timeout: {timeout} s. Moves money: {moves}. Read-only: {read}. Idempotency key: {}.",
        e.idempotency_key.as_deref().unwrap_or("none"),
        m = e.method
    ));
    quote! {
        #d
        #[derive(Debug, Clone, Copy)]
        pub struct #marker;
        impl crate::Endpoint for #marker {
            type Request = #req;
            type Output = #out;
            type Code = #code;
            const SERVICE: &'static str = #service;
            const WIRE: &'static str = #wire;
            const PATH: &'static str = #path;
            const TRANSPORT: crate::TransportKind = crate::TransportKind::JsonPost;
            const ENVELOPE: crate::EnvelopeSpec = crate::EnvelopeSpec { code: #env_code, message: #env_msg };
            const MOVES_MONEY: bool = #moves;
            const READ_ONLY: bool = #read;
            const TIMEOUT: std::time::Duration = std::time::Duration::from_secs(#timeout);
            fn idempotency_key(request: &Self::Request) -> Option<&str> { #key }
            fn secrets(request: &Self::Request) -> Vec<&str> #secrets_body
            fn code(value: i64) -> #code { #code_body }
            fn decode(code: i64, body: &crate::Node) -> Result<Option<Self::Output>, crate::DecodeError> {
                match code { #(#decode_arms)* _ => Ok(None) }
            }
        }
    }
}
