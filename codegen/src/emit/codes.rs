//! The code type: one variant per meaning a code can have in this API, the service-wide table
//! first, then the endpoint-specific meanings. Each endpoint maps numbers to variants itself
//! (see `endpoint.rs`), so a number that means different things on different endpoints decodes
//! to the right meaning.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs::doc;
use super::types::ident;
use crate::model::Api;

pub fn emit_codes(api: &Api) -> TokenStream {
    let name = ident(&api.code_type);
    let tdoc = doc(&format!(
        "{}\n\nEvery documented code is a variant; a code the spec does not list decodes to \
         `Unknown(n)`. The enum is `#[non_exhaustive]`: keep a wildcard arm when matching.",
        api.code_doc.trim()
    ));
    let variants = api.codes.iter().enumerate().map(|(i, c)| {
        let v = ident(&c.name);
        let scope = if i < api.service_code_count {
            "service-wide"
        } else {
            "on specific endpoints"
        };
        let http = c
            .http_status
            .map_or(String::new(), |s| format!(", HTTP {s}"));
        let mut text = format!("Code {} ({scope}{http}): {}", c.value, c.doc.trim());
        if c.retryable {
            text.push_str("\n\nRetryable: a retry of a retry-safe call may succeed.");
        }
        if c.outcome_unknown {
            text.push_str("\n\nOutcome unknown: the operation may have happened; reconcile.");
        }
        text.push_str(&format!("\n\nSource: {}", c.source));
        let d = doc(&text);
        quote! { #d #v, }
    });
    let service = &api.codes[..api.service_code_count];
    let from_arms = service.iter().map(|c| {
        let v = ident(&c.name);
        let n = c.value;
        quote!(#n => Self::#v,)
    });
    // One `match` gives a documented code's row; its number, description and HTTP status are
    // read from tables by that row (one match instead of one per property: a table of hundreds
    // of codes compiles to one jump table, not three).
    let rows = api.codes.iter().enumerate().map(|(i, c)| {
        let v = ident(&c.name);
        quote!(Self::#v => Ok(#i),)
    });
    let count = api.codes.len();
    let values = api.codes.iter().map(|c| c.value);
    let descriptions = api
        .codes
        .iter()
        .map(|c| c.doc.lines().next().unwrap_or("").trim().to_string());
    let statuses = api.codes.iter().map(|c| match c.http_status {
        Some(s) => quote!(Some(#s)),
        None => quote!(None),
    });
    let retryable: Vec<TokenStream> = api
        .codes
        .iter()
        .filter(|c| c.retryable)
        .map(|c| {
            let v = ident(&c.name);
            quote!(Self::#v)
        })
        .collect();
    let unknown: Vec<TokenStream> = api
        .codes
        .iter()
        .filter(|c| c.outcome_unknown)
        .map(|c| {
            let v = ident(&c.name);
            quote!(Self::#v)
        })
        .collect();
    let matches_any = |vs: &[TokenStream]| {
        if vs.is_empty() {
            quote!(false)
        } else {
            quote!(matches!(self, #(#vs)|*))
        }
    };
    let retryable = matches_any(&retryable);
    let unknown = matches_any(&unknown);
    quote! {
        #tdoc
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum #name {
            #(#variants)*
            /// A code the spec does not list.
            Unknown(i64),
        }
        impl #name {
            /// The service-wide meaning of a code number. Endpoints map their own meanings
            /// first; this is their fallback.
            pub fn from_service_table(value: i64) -> Self {
                match value { #(#from_arms)* other => Self::Unknown(other) }
            }
        }
        impl #name {
            /// Each documented code's number, by row.
            const VALUES: [i64; #count] = [#(#values),*];
            /// Each documented code's description, by row.
            const DESCRIPTIONS: [&'static str; #count] = [#(#descriptions),*];
            /// Each documented code's HTTP status, by row.
            const STATUSES: [Option<u16>; #count] = [#(#statuses),*];
            /// The row of a documented code in the tables above, or the number of an unknown one.
            const fn row(&self) -> Result<usize, i64> {
                match self { #(#rows)* Self::Unknown(n) => Err(*n) }
            }
            /// The number on the wire (no trait import needed).
            pub const fn value(&self) -> i64 {
                match self.row() { Ok(row) => Self::VALUES[row], Err(n) => n }
            }
            /// What the vendor documents the code to mean.
            pub const fn description(&self) -> &'static str {
                match self.row() {
                    Ok(row) => Self::DESCRIPTIONS[row],
                    Err(_) => "a code the spec does not list",
                }
            }
        }
        impl crate::VendorCode for #name {
            fn value(&self) -> i64 { #name::value(self) }
            fn description(&self) -> &'static str { #name::description(self) }
            fn documented_http_status(&self) -> Option<u16> {
                match self.row() { Ok(row) => Self::STATUSES[row], Err(_) => None }
            }
            fn is_retryable(&self) -> bool { #retryable }
            fn outcome_unknown(&self) -> bool { #unknown }
            fn is_documented(&self) -> bool { !matches!(self, Self::Unknown(_)) }
        }
    }
}
