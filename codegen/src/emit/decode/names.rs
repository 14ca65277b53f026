//! The `match` on a wire name every one-pass reader (JSON, XML, URL-encoded) uses to find
//! the field a key or element names.
//!
//! A `match` on byte-string literals compiles to a compare per byte of every name (a wide
//! CreditGuard row's was 8,300 of its reader's 10,199 LLVM IR lines). Instead the reader
//! switches on the name's length, then on the name's bytes read as little-endian `u64` words
//! (the runtime's `names::words`), compared to the same words of the spec's names: `const`
//! items the compiler computes with that same function from the name's text, so the generated
//! code shows each name as it is on the wire. A field costs one length branch and a word
//! switch or two.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

/// How many words a name of `n` bytes is read as: one up to 8 bytes, then one more for every
/// 8 bytes or part of 8 past the first 8 (the last word ends at the name's end, overlapping
/// the one before). The runtime's `names` module documents the same split.
fn word_count(n: usize) -> usize {
    if n <= 8 { 1 } else { (n - 8).div_ceil(8) + 1 }
}

/// One length's `match`: the words of a name of `n` bytes against those of `group`'s names
/// (index in the arms, name), giving the arm's index or `usize::MAX`.
fn by_words(n: usize, group: &[(usize, &str)]) -> TokenStream {
    let count = word_count(n);
    let konst = |i: usize| Ident::new(&format!("F{i}"), Span::call_site());
    let consts = group.iter().map(|(i, w)| {
        let (k, w) = (konst(*i), Literal::byte_string(w.as_bytes()));
        quote!(const #k: [u64; #count] = words(#w);)
    });
    let arms = group.iter().map(|(i, _)| {
        let k = konst(*i);
        quote!(#k => #i,)
    });
    quote! {
        #n => {
            #(#consts)*
            match words::<#count>(k) { #(#arms)* _ => usize::MAX }
        }
    }
}

/// The `match` on the wire name: `key` is a `&[u8]` expression, `arms` the field reads (by wire
/// name, in order), `other` what any other name does. Switches on the name's length, then on
/// its words (see the module docs), giving the index of the arm, then on that index.
pub fn dispatch(
    key: TokenStream,
    arms: &[(String, TokenStream)],
    other: TokenStream,
) -> TokenStream {
    if arms.is_empty() {
        return quote!({ let _ = #key; #other });
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
        by_words(n, &group)
    });
    let reads = arms
        .iter()
        .enumerate()
        .map(|(i, (_, read))| quote!(#i => #read,));
    quote! {
        let index = {
            use crate::__private::names::words;
            let k: &[u8] = #key;
            match k.len() { #(#by_length)* _ => usize::MAX }
        };
        match index { #(#reads)* _ => #other, }
    }
}

#[cfg(test)]
mod tests {
    use super::word_count;

    #[test]
    fn names_are_read_as_enough_words_to_cover_every_byte() {
        let counts: Vec<usize> = [0, 7, 8, 9, 14, 16, 17, 24, 25].map(word_count).to_vec();
        assert_eq!(counts, [1, 1, 1, 2, 2, 2, 3, 3, 4]);
    }
}
