//! The endpoint's `decode_one_pass`: the response read in one pass, then the output for the
//! answer's code.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::WHOLE;
use crate::emit::types::ident;
use crate::model::{AnswerFormat, Api, Endpoint, TransportKind, Ty};

/// The endpoint's `is_outcome` (whether a code is one of its documented outcomes) and
/// `decode_one_pass`: the response in one pass, then the output for the code (answers kept
/// whole as their `Node`, a whole-answer list as its items). None for endpoints without
/// outcomes (every answer is an error, read for its code), and for responses no one-pass
/// decoder reads (a field named like the envelope's code or message, unclaimed pairs outside
/// a URL-encoded answer, a whole-answer list of scalars): no spec has one today, and an
/// outcome's answer there would be a `Decode` error, so a spec adding one needs a reader here.
pub fn one_pass_fn(api: &Api, e: &Endpoint, resp: &Ident, out: &Ident) -> TokenStream {
    let codes = e.outcomes.iter().flat_map(|o| o.codes.iter());
    let is_outcome = if e.outcomes.is_empty() {
        quote!()
    } else {
        quote! {
            #[inline]
            fn is_outcome(code: i64) -> bool {
                matches!(code, #(#codes)|*)
            }
        }
    };
    let envelope_named = |w: &str| {
        api.envelope
            .as_ref()
            .is_some_and(|x| x.code_wire == w || x.message_wire == w)
    };
    let whole = e.response_raw;
    let list = e.response.iter().find(|f| f.wire == WHOLE);
    let params = e.response.iter().any(|f| f.ty == Ty::Params);
    let form = api.transport == TransportKind::QueryGet && e.answer == AnswerFormat::Urlencoded;
    if e.outcomes.is_empty()
        || (params && !form)
        || (!whole && e.response.iter().any(|f| envelope_named(&f.wire)))
    {
        return is_outcome;
    }
    // A whole-answer list of objects, read as the response's one field.
    let list = match list.map(|f| (&f.ty, &f.rust)) {
        Some((Ty::List(inner), rust)) if api.xml.is_none() => match &**inner {
            Ty::Object(o) => Some((ident(o), ident(rust))),
            _ => return is_outcome,
        },
        Some(_) => return is_outcome,
        None => None,
    };
    let format = match (api.xml.is_some(), api.transport, e.answer) {
        (true, ..) if whole => quote!(raw_xml),
        (true, ..) => quote!(xml),
        _ if whole => quote!(raw_json),
        (false, TransportKind::QueryGet, AnswerFormat::Urlencoded) => quote!(form),
        // A JSON endpoint of a query-string API may still fail in `key=value` form.
        (false, TransportKind::QueryGet, AnswerFormat::Json) => quote!(json_or_form),
        _ => quote!(json),
    };
    let (read, r) = match (&list, whole) {
        (Some((item, rust)), _) => (
            quote!(crate::__private::one_pass::list::<#item>(answer)?),
            quote!(#resp { #rust: body }),
        ),
        (None, true) => (
            quote!(crate::__private::one_pass::#format(answer)?),
            quote!(#resp { body }),
        ),
        (None, false) => (
            quote!(crate::__private::one_pass::#format::<#resp>(answer)?),
            quote!(body),
        ),
    };
    let single = e.outcomes.len() < 2;
    let arms = e.outcomes.iter().map(|o| {
        let codes = &o.codes;
        if single {
            quote!(#(#codes)|* => Some(#r),)
        } else {
            let v = ident(&o.variant);
            quote!(#(#codes)|* => Some(#out::#v(#r)),)
        }
    });
    quote! {
        #is_outcome
        #[inline]
        fn decode_one_pass(
            answer: &crate::__private::one_pass::Received<'_>,
        ) -> crate::__private::one_pass::Decoded<Option<Self::Output>> {
            let (code, message, body) = #read;
            Ok((code, message, match code { #(#arms)* _ => None }))
        }
    }
}
