//! The `match` on a wire name every one-pass reader (JSON, XML, URL-encoded) uses to find
//! the field a key or element names.
//!
//! A `match` on byte-string literals compiles to a compare per byte of every name (a wide
//! CreditGuard row's was 8,300 of its reader's 10,199 LLVM IR lines). Instead the reader
//! switches on the name's length, then on the name's bytes read as little-endian `u64` words
//! (the runtime's `names::word`/`names::short`), compared to constants computed here from the
//! spec's names: a field costs one length branch and a word switch or two.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// Where a name of `n` bytes is read as words: `0, 8, 16, …` and a last word ending at `n`
/// (overlapping the one before where `n` is not a multiple of 8). Empty for a name under 8
/// bytes, read as one zero-padded word. The runtime's `names` module documents the same split.
fn offsets(n: usize) -> Vec<usize> {
    if n < 8 {
        return Vec::new();
    }
    let mut at: Vec<usize> = (0..n - 8).step_by(8).collect();
    at.push(n - 8);
    at
}

/// The words of `name` at `offsets(name.len())` (one padded word for a short name), as the
/// runtime reads them.
fn words(name: &[u8]) -> Vec<u64> {
    let word = |bytes: &[u8]| {
        let mut w = [0u8; 8];
        w[..bytes.len()].copy_from_slice(bytes);
        u64::from_le_bytes(w)
    };
    let at = offsets(name.len());
    if at.is_empty() {
        return vec![word(name)];
    }
    at.iter().map(|&i| word(&name[i..i + 8])).collect()
}

/// A word as a hex `u64` literal.
fn hex(w: u64) -> Literal {
    format!("0x{w:016x}_u64")
        .parse()
        .expect("a hex integer is a literal")
}

/// One length's `match`: the words of a name of `n` bytes against those of `group`'s names
/// (index in the arms, name), giving the arm's index or `usize::MAX`.
fn by_words(n: usize, group: &[(usize, &str)]) -> TokenStream {
    let names = quote!(crate::__private::names);
    let at = offsets(n);
    let reads: Vec<TokenStream> = if at.is_empty() {
        vec![quote!(#names::short(k))]
    } else {
        at.iter().map(|i| quote!(#names::word(k, #i))).collect()
    };
    let arms = group.iter().map(|(i, w)| {
        let words = words(w.as_bytes()).into_iter().map(hex);
        if reads.len() == 1 {
            quote!(#(#words)* => #i,)
        } else {
            quote!((#(#words),*) => #i,)
        }
    });
    if reads.len() == 1 {
        let read = &reads[0];
        quote!(#n => match #read { #(#arms)* _ => usize::MAX },)
    } else {
        quote!(#n => match (#(#reads),*) { #(#arms)* _ => usize::MAX },)
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
            let k: &[u8] = #key;
            match k.len() { #(#by_length)* _ => usize::MAX }
        };
        match index { #(#reads)* _ => #other, }
    }
}

#[cfg(test)]
mod tests {
    use super::{offsets, words};

    #[test]
    fn names_are_split_into_words_covering_every_byte() {
        assert_eq!(offsets(7), Vec::<usize>::new());
        assert_eq!(offsets(8), [0]);
        assert_eq!(offsets(14), [0, 6]);
        assert_eq!(offsets(16), [0, 8]);
        assert_eq!(offsets(21), [0, 8, 13]);
        assert_eq!(words(b"cgUid"), [u64::from_le_bytes(*b"cgUid\0\0\0")]);
        assert_eq!(
            words(b"cardExpiration"),
            [
                u64::from_le_bytes(*b"cardExpi"),
                u64::from_le_bytes(*b"piration")
            ]
        );
    }
}
