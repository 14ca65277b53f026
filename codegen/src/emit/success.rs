//! `fn check_success`: an answer whose code is an outcome must carry the fields the spec's
//! `requires:` lists for that outcome; without one it is undecodable, never a result (a `000`
//! deal answer without its `cgUid` is not an approval).

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::types::ident;
use crate::model::{Endpoint, Outcome};

/// The endpoint's `check_success`, or nothing when no outcome requires a field (the trait's
/// default accepts every output).
pub(super) fn check_success_fn(e: &Endpoint, out: &Ident) -> TokenStream {
    if e.outcomes.iter().all(|o| o.requires.is_empty()) {
        return quote!();
    }
    let body = if e.outcomes.len() < 2 {
        let checks = checks(&e.outcomes[0]);
        quote!({ let r = output; #(#checks)* })
    } else {
        let arms = e
            .outcomes
            .iter()
            .filter(|o| !o.requires.is_empty())
            .map(|o| {
                let v = ident(&o.variant);
                let checks = checks(o);
                quote!(#out::#v(r) => { #(#checks)* })
            });
        quote!(match output { #(#arms)* #[allow(unreachable_patterns)] _ => {} })
    };
    quote! {
        #[inline]
        fn check_success(output: &Self::Output) -> Result<(), crate::DecodeError> {
            #body
            Ok(())
        }
    }
}

/// One `if` per required field: absent (or, for a list, empty) is an error naming the field.
fn checks(o: &Outcome) -> Vec<TokenStream> {
    let codes: Vec<String> = o.codes.iter().map(i64::to_string).collect();
    o.requires
        .iter()
        .map(|r| {
            let n = ident(&r.rust);
            let missing = if r.list {
                quote!(r.#n.is_empty())
            } else {
                quote!(r.#n.is_none())
            };
            let reason = format!(
                "missing: an answer with code {} (outcome `{}`) must carry it",
                codes.join("/"),
                o.variant
            );
            let wire = &r.wire;
            quote! {
                if #missing {
                    return Err(crate::DecodeError::new(#reason).within(#wire));
                }
            }
        })
        .collect()
}
