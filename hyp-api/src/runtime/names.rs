//! Wire names as words, for the generated name dispatch (`codegen/src/emit/decode/names.rs`):
//! a reader switches on a name's length, then on its bytes read as little-endian `u64` words,
//! compared to the same words of the spec's names (constants the generator writes as the
//! name's 8-byte pieces, `u64::from_le_bytes(*b"cardExpi")`, split as [`words`] splits a key),
//! so each field costs a length branch and a word compare or two, not a compare per byte of
//! every name.
//!
//! A name of `n` bytes is the words at offsets `0, 8, 16, …` and a last one ending at `n`
//! (overlapping the one before where `n` is not a multiple of 8); a name under 8 bytes is one
//! word padded with zero bytes. So `N` is 1 for a name of up to 8 bytes, then one more for
//! every 8 bytes or part of 8 past the first 8 (`codegen`'s `word_count`).

/// The 8 bytes of `name` from `at` as a little-endian word. Panics where `name` is shorter
/// than `at + 8`.
#[inline]
const fn word(name: &[u8], at: usize) -> u64 {
    match name.split_at(at).1.first_chunk::<8>() {
        Some(w) => u64::from_le_bytes(*w),
        None => panic!("a name shorter than the word read"),
    }
}

/// A name under 8 bytes as one little-endian word, padded with zero bytes. Panics on a longer
/// name.
#[inline]
const fn short(name: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    w.split_at_mut(name.len()).0.copy_from_slice(name);
    u64::from_le_bytes(w)
}

/// `name` as `N` words (see the module docs). The generated code calls it on a name of the
/// length it switched on, with that length's `N` (the generator splits the spec's names the
/// same way).
/// Panics where `N` is 0 or more than 1 for a name under 8 bytes.
#[inline]
pub const fn words<const N: usize>(name: &[u8]) -> [u64; N] {
    let mut out = [0u64; N];
    let n = name.len();
    if n < 8 {
        assert!(N == 1, "a name under 8 bytes is one word");
        out[0] = short(name);
        return out;
    }
    let mut i = 0;
    while i + 1 < N {
        out[i] = word(name, 8 * i);
        i += 1;
    }
    out[N - 1] = word(name, n - 8);
    out
}

#[cfg(test)]
mod tests {
    use super::words;

    #[test]
    fn words_are_the_bytes_little_endian() {
        assert_eq!(
            words::<2>(b"cardExpiration"),
            [
                u64::from_le_bytes(*b"cardExpi"),
                u64::from_le_bytes(*b"piration")
            ]
        );
        assert_eq!(words::<1>(b"cardExpi"), [u64::from_le_bytes(*b"cardExpi")]);
        assert_eq!(
            words::<3>(b"firstPaymentAmount"),
            [
                u64::from_le_bytes(*b"firstPay"),
                u64::from_le_bytes(*b"mentAmou"),
                u64::from_le_bytes(*b"ntAmount")
            ]
        );
        assert_eq!(words::<1>(b"cgUid"), [u64::from_le_bytes(*b"cgUid\0\0\0")]);
        assert_eq!(words::<1>(b""), [0]);
        // Only the length tells these apart: the generated code switches on it first.
        assert_eq!(words::<1>(b"ab"), words::<1>(b"ab\0"));
    }

    #[test]
    #[should_panic(expected = "one word")]
    fn a_short_name_is_one_word() {
        let _ = words::<2>(b"cgUid");
    }
}
