//! The marker type of one endpoint, implementing `hyp_api::Endpoint`: the spec's constants
//! (transport, envelope, timeout, money and retry flags), the request's secrets, the fields the
//! client fills in, the charsets, and the calls into the request's parts and the answer's
//! one-pass decoder.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs::doc;
use super::types::ident;
use crate::model::{AnswerFormat, Api, Endpoint, FieldLocation, HttpMethod, TransportKind, Ty};

/// The marker type and its `Endpoint` impl.
pub(super) fn marker(api: &Api, e: &Endpoint, req: &str, resp: &str, output: &str) -> TokenStream {
    let marker = ident(&e.stem);
    let (req, resp_id, out) = (ident(req), ident(resp), ident(output));
    let code = ident(&api.code_type);
    let service = &api.name;
    let wire = &e.wire;
    let moves = e.moves_money;
    let read = e.read_only;
    let timeout = e.timeout_secs(api);
    let envelope = match &api.envelope {
        Some(x) => {
            let (c, m) = (&x.code_wire, &x.message_wire);
            let missing = match x.code_when_missing {
                Some(v) => quote!(Some(#v)),
                None => quote!(None),
            };
            let details = &x.error_details;
            quote!(Some(crate::EnvelopeSpec { code: #c, message: #m, code_when_missing: #missing, details: &[#(#details),*] }))
        }
        None => quote!(None),
    };
    let answer = match e.answer {
        AnswerFormat::Urlencoded => quote!(Urlencoded),
        AnswerFormat::Json => quote!(Json),
    };
    let charset = charset_fn(quote!(answer_charset), api.answer_charset.as_ref(), e);
    let request_charset = charset_fn(quote!(request_charset), api.request_charset.as_ref(), e);
    let transport = match api.transport {
        TransportKind::JsonPost => quote!(JsonPost),
        TransportKind::RestJson => quote!(RestJson),
        TransportKind::FormXml => quote!(FormXml),
        TransportKind::QueryGet => quote!(QueryGet),
    };
    let xml = match &api.xml {
        Some(x) => {
            let (f, r, q, p, c) = (&x.form_field, &x.root, &x.request, &x.response, &x.command);
            quote!(Some(crate::XmlSpec { form_field: #f, root: #r, request: #q, response: #p, command: #c }))
        }
        None => quote!(None),
    };
    let envelope_fields: Vec<&str> = e
        .request
        .iter()
        .filter(|f| f.location == FieldLocation::Envelope)
        .map(|f| f.wire.as_str())
        .collect();
    let (bool_true, bool_false) = api
        .bool_text
        .clone()
        .unwrap_or_else(|| ("true".into(), "false".into()));
    let http_method = match e.http_method {
        HttpMethod::Get => quote!(Get),
        HttpMethod::Post => quote!(Post),
        HttpMethod::Put => quote!(Put),
        HttpMethod::Patch => quote!(Patch),
        HttpMethod::Delete => quote!(Delete),
    };
    let parts = super::parts::parts_fn(api, e);
    let fill = client_fields_fn(api, e);
    let generates = e.generate_idempotency_key;
    let with_key = match &e.idempotency_key {
        Some(k) => {
            let required = e.request.iter().any(|f| &f.rust == k && f.required);
            let named = e
                .request
                .iter()
                .any(|f| &f.rust == k && matches!(f.ty, Ty::Named(_)));
            let k = ident(k);
            let v = match (required, named) {
                (true, false) => quote!(key),
                (false, false) => quote!(Some(key)),
                (true, true) => quote!(key.into()),
                (false, true) => quote!(Some(key.into())),
            };
            quote! {
                #[inline]
                fn set_idempotency_key(request: &mut Self::Request, key: String) {
                    request.#k = #v;
                }
            }
        }
        // The trait's default: nothing to set.
        None => quote!(),
    };
    let key = match &e.idempotency_key {
        Some(k) => {
            let required = e.request.iter().any(|f| &f.rust == k && f.required);
            let named = e
                .request
                .iter()
                .any(|f| &f.rust == k && matches!(f.ty, Ty::Named(_)));
            let k = ident(k);
            match (required, named) {
                (true, _) => quote!(Some(request.#k.as_str())),
                (false, false) => quote!(request.#k.as_deref()),
                (false, true) => quote!(request.#k.as_ref().map(|v| v.as_str())),
            }
        }
        None => quote!({
            let _ = request;
            None
        }),
    };
    let secrets_body = secrets_body(e);
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
    let one_pass = super::decode::one_pass_fn(api, e, &resp_id, &out);
    let check_success = super::success::check_success_fn(e, &out);
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
            const TRANSPORT: crate::TransportKind = crate::TransportKind::#transport;
            const METHOD: crate::HttpMethod = crate::HttpMethod::#http_method;
            const ENVELOPE: Option<crate::EnvelopeSpec> = #envelope;
            const XML: Option<crate::XmlSpec> = #xml;
            const ENVELOPE_FIELDS: &'static [&'static str] = &[#(#envelope_fields),*];
            const BOOL_TEXT: (&'static str, &'static str) = (#bool_true, #bool_false);
            const ANSWER: crate::AnswerFormat = crate::AnswerFormat::#answer;
            const MOVES_MONEY: bool = #moves;
            const READ_ONLY: bool = #read;
            const GENERATES_IDEMPOTENCY_KEY: bool = #generates;
            const TIMEOUT: std::time::Duration = std::time::Duration::from_secs(#timeout);
            #parts
            #charset
            #request_charset
            #[inline]
            fn idempotency_key(request: &Self::Request) -> Option<&str> { #key }
            #with_key
            #fill
            #[inline]
            fn secrets(request: &Self::Request) -> Vec<&str> #secrets_body
            #[inline]
            fn code(value: i64) -> #code { #code_body }
            #check_success
            #one_pass
        }
    }
}

/// The body of `secrets`: the required secrets up to the first optional one start the `vec!`,
/// the rest are pushed in order (pushes, not `[…].into_iter().flatten().collect()`: that chain
/// is compiled once per array length).
fn secrets_body(e: &Endpoint) -> TokenStream {
    let secret = |f: &&crate::model::Field| matches!(f.ty, Ty::Secret(_));
    let fields: Vec<_> = e.request.iter().filter(secret).collect();
    let lead = fields.iter().take_while(|f| f.required).count();
    let first = fields[..lead].iter().map(|f| {
        let n = ident(&f.rust);
        quote!(crate::ExposeSecret::expose_secret(&request.#n))
    });
    let rest: Vec<TokenStream> = fields[lead..]
        .iter()
        .map(|f| {
            let n = ident(&f.rust);
            if f.required {
                quote!(s.push(crate::ExposeSecret::expose_secret(&request.#n));)
            } else {
                quote!(if let Some(v) = &request.#n { s.push(crate::ExposeSecret::expose_secret(v)); })
            }
        })
        .collect();
    if fields.is_empty() {
        quote!({
            let _ = request;
            Vec::new()
        })
    } else if rest.is_empty() {
        quote!({ vec![#(#first),*] })
    } else {
        quote!({
            let mut s = vec![#(#first),*];
            #(#rest)*
            s
        })
    }
}

/// `fill_client_fields`: each field the client supplies filled in where the request does not
/// set it (nothing for an endpoint without such fields: the trait's default). The copy of the
/// request is made by the generic call path, where a call is compiled.
fn client_fields_fn(api: &Api, e: &Endpoint) -> TokenStream {
    let fills: Vec<TokenStream> = e
        .request
        .iter()
        .filter(|f| api.from_client(f))
        .map(|f| {
            let (n, w) = (ident(&f.rust), &f.wire);
            let get = if matches!(f.ty, Ty::Secret(_)) {
                quote!(secret)
            } else {
                quote!(text)
            };
            quote! { if r.#n.is_none() { r.#n = fields.#get(#w); } }
        })
        .collect();
    if fills.is_empty() {
        return quote!();
    }
    quote! {
        const CLIENT_FIELDS: bool = true;
        #[inline]
        fn fill_client_fields(r: &mut Self::Request, fields: &crate::__private::ClientFields) {
            #(#fills)*
        }
    }
}

/// `fn answer_charset` / `fn request_charset`: the spec's documented charset, switched to UTF-8
/// by its flag; the answer's also names the documented default to fall back to.
fn charset_fn(
    name: TokenStream,
    rule: Option<&(String, Option<String>)>,
    e: &Endpoint,
) -> TokenStream {
    let answer = name.to_string() == "answer_charset";
    let ret = if answer {
        quote!(Option<(&'static str, &'static str)>)
    } else {
        quote!(Option<&'static str>)
    };
    let Some((default, utf8_when)) = rule else {
        return quote! {
            #[inline]
            fn #name(request: &Self::Request) -> #ret {
                let _ = request;
                None
            }
        };
    };
    let pick = |chosen: TokenStream| {
        if answer {
            quote!(Some((#chosen, #default)))
        } else {
            quote!(Some(#chosen))
        }
    };
    let flag = utf8_when
        .as_ref()
        .and_then(|w| e.request.iter().find(|f| &f.wire == w && f.ty == Ty::Bool));
    let body = match flag {
        Some(f) => {
            let n = ident(&f.rust);
            let on = if f.required {
                quote!(request.#n)
            } else {
                quote!(request.#n == Some(true))
            };
            let chosen = pick(quote!(if #on { "utf-8" } else { #default }));
            quote!(#chosen)
        }
        None => {
            let chosen = pick(quote!(#default));
            quote!({ let _ = request; #chosen })
        }
    };
    quote! {
        #[inline]
        fn #name(request: &Self::Request) -> #ret { #body }
    }
}
