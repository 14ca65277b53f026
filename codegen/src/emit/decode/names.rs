//! The `match` on a wire name every one-pass reader (JSON, XML, URL-encoded) uses to find
//! the field a key or element names.
//!
//! A `match` on byte-string literals compiles to a compare per byte of every name (a wide
//! CreditGuard row's was 8,300 of its reader's 10,199 LLVM IR lines). Instead the reader
//! switches on the name's length, then on the name's bytes read as little-endian `u64` words
//! (the runtime's `names::words`), compared to the same words of the spec's names: `const`
//! items of the name's 8-byte pieces as byte strings (`u64::from_le_bytes(*b"cardExpi")`), split
//! here as `words` splits a key, so the generated code shows each name as it is on the wire. A
//! field costs one length branch and a word switch or two. (Computing the constants with
//! `words` itself in the generated code cost the compiler's const evaluator ~80 ms of the
//! all-features build, for 1,472 names.)

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

/// How many words a name of `n` bytes is read as: one up to 8 bytes, then one more for every
/// 8 bytes or part of 8 past the first 8 (the last word ends at the name's end, overlapping
/// the one before). The runtime's `names` module documents the same split.
fn word_count(n: usize) -> usize {
    if n <= 8 { 1 } else { (n - 8).div_ceil(8) + 1 }
}

/// The 8-byte pieces of `name` the runtime's `names::words` reads as its `count` words: at
/// offsets 0, 8, 16, … and a last one ending at the name's end; a name under 8 bytes padded
/// with zero bytes.
fn chunks(name: &[u8], count: usize) -> Vec<[u8; 8]> {
    let at = |i: usize| <[u8; 8]>::try_from(&name[i..i + 8]).expect("8 bytes");
    if name.len() < 8 {
        let mut w = [0u8; 8];
        w[..name.len()].copy_from_slice(name);
        return vec![w];
    }
    let mut out: Vec<[u8; 8]> = (0..count - 1).map(|i| at(8 * i)).collect();
    out.push(at(name.len() - 8));
    out
}

/// One length's `match`: the words of a name of `n` bytes against those of `group`'s names
/// (index in the arms, name), giving the arm's index or `usize::MAX`.
fn by_words(n: usize, group: &[(usize, &str)]) -> TokenStream {
    let count = word_count(n);
    let konst = |i: usize| Ident::new(&format!("F{i}"), Span::call_site());
    let consts = group.iter().map(|(i, w)| {
        let k = konst(*i);
        let words = chunks(w.as_bytes(), count).into_iter().map(|c| {
            let c = Literal::byte_string(&c);
            quote!(u64::from_le_bytes(*#c))
        });
        quote!(const #k: [u64; #count] = [#(#words),*];)
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

/// The `match` on the wire name, as a statement: `key` is a `&[u8]` expression, `arms` the
/// field reads (by wire name, in order) and `other` what any other name does, each a
/// `Result<(), #error>`. Switches on the name's length, then on its words (see the module
/// docs), giving the index of the arm, then on that index; one `?` follows the `match` (a `?`
/// per arm was a branch and a cleanup path per field).
pub fn dispatch(
    key: TokenStream,
    arms: &[(String, TokenStream)],
    other: TokenStream,
    error: TokenStream,
) -> TokenStream {
    if arms.is_empty() {
        return quote! {
            let _ = #key;
            let read: Result<(), #error> = #other;
            read?;
        };
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
        let read: Result<(), #error> = match index { #(#reads)* _ => #other, };
        read?;
    }
}

#[cfg(test)]
mod tests {
    use super::{chunks, word_count};

    #[test]
    fn names_are_split_as_the_runtime_reads_keys() {
        // The runtime's `names` test gives the same pieces for `words`.
        let split = |name: &str| {
            chunks(name.as_bytes(), word_count(name.len()))
                .iter()
                .map(|c| String::from_utf8_lossy(c).into_owned())
                .collect::<Vec<_>>()
        };
        assert_eq!(split("cardExpiration"), ["cardExpi", "piration"]);
        assert_eq!(split("cardExpi"), ["cardExpi"]);
        assert_eq!(
            split("firstPaymentAmount"),
            ["firstPay", "mentAmou", "ntAmount"]
        );
        assert_eq!(split("cgUid"), ["cgUid\0\0\0"]);
        assert_eq!(split(""), ["\0".repeat(8)]);
    }

    #[test]
    fn names_are_read_as_enough_words_to_cover_every_byte() {
        let counts: Vec<usize> = [0, 7, 8, 9, 14, 16, 17, 24, 25].map(word_count).to_vec();
        assert_eq!(counts, [1, 1, 1, 2, 2, 2, 3, 3, 4]);
    }
}
