//! The `match` on a wire name every one-pass reader (JSON, XML, URL-encoded) uses to find
//! the field a key or element names.

use proc_macro2::TokenStream;
use quote::quote;

/// Below this many names a plain `match` on the name is as quick as any.
const DIRECT: usize = 8;

/// The `match` on the wire name: `key` is a `&[u8]` expression, `arms` the field reads (by wire
/// name, in order), `other` what any other name does. Wide structs (CreditGuard's have 100+
/// fields) switch on the name's length first, then compare only the names of that length, so
/// finding a field costs a few comparisons, not one per field.
pub fn dispatch(
    key: TokenStream,
    arms: &[(String, TokenStream)],
    other: TokenStream,
) -> TokenStream {
    let lit = |w: &str| proc_macro2::Literal::byte_string(w.as_bytes());
    if arms.is_empty() {
        return quote!({ let _ = #key; #other });
    }
    if arms.len() < DIRECT {
        let arms = arms.iter().map(|(w, read)| {
            let w = lit(w);
            quote!(#w => #read,)
        });
        return quote!(match #key { #(#arms)* _ => #other, });
    }
    let mut lengths: Vec<usize> = arms.iter().map(|(w, _)| w.len()).collect();
    lengths.sort_unstable();
    lengths.dedup();
    let by_length = lengths.iter().map(|&n| {
        let group: Vec<(usize, &str)> = arms
            .iter()
            .enumerate()
            .filter(|(_, (w, _))| w.len() == n)
            .map(|(i, (w, _))| (i, w.as_str()))
            .collect();
        if group.len() < 3 {
            let names = group.iter().map(|(i, w)| {
                let w = lit(w);
                quote!(#w => #i,)
            });
            return quote!(#n => match k { #(#names)* _ => usize::MAX },);
        }
        // Several names of one length: switch on the byte that tells most of them apart,
        // then compare the whole name (one comparison, mostly, instead of one per name).
        let at = (0..n)
            .max_by_key(|&p| {
                let mut bytes: Vec<u8> = group.iter().map(|(_, w)| w.as_bytes()[p]).collect();
                bytes.sort_unstable();
                bytes.dedup();
                (bytes.len(), std::cmp::Reverse(p))
            })
            .unwrap_or(0);
        let names = group.iter().map(|(i, w)| {
            let b = proc_macro2::Literal::u8_suffixed(w.as_bytes()[at]);
            let w = lit(w);
            quote!((#b, #w) => #i,)
        });
        quote!(#n => match (k[#at], k) { #(#names)* _ => usize::MAX },)
    });
    let reads = arms
        .iter()
        .enumerate()
        .map(|(i, (_, read))| quote!(#i => #read,));
    quote! {
        let index = {
            let k: &[u8] = #key;
            match k.len() { #(#by_length)* _ => usize::MAX }
        };
        match index { #(#reads)* _ => #other, }
    }
}
