//! Wire names as words, for the generated name dispatch (`codegen/src/emit/decode.rs`): a
//! reader switches on a name's length, then on its bytes read as little-endian `u64` words
//! compared to constants the generator computed from the spec's names, so each field costs a
//! length branch and a word compare or two, not a compare per byte of every name.
//!
//! A name of `n` bytes is the words at offsets `0, 8, 16, …` and a last one ending at `n`
//! (overlapping the one before where `n` is not a multiple of 8); a name under 8 bytes is one
//! word padded with zero bytes. The generator splits names the same way.

/// The 8 bytes of `name` from `at` as a little-endian word. Panics where `name` is shorter
/// than `at + 8` (the generated code calls it only on names of the length it switched on).
#[inline]
pub fn word(name: &[u8], at: usize) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&name[at..at + 8]);
    u64::from_le_bytes(w)
}

/// A name under 8 bytes as one little-endian word, padded with zero bytes. Panics on a longer
/// name.
#[inline]
pub fn short(name: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    w[..name.len()].copy_from_slice(name);
    u64::from_le_bytes(w)
}

#[cfg(test)]
mod tests {
    use super::{short, word};

    #[test]
    fn words_are_the_bytes_little_endian() {
        let name = b"cardExpiration";
        assert_eq!(word(name, 0), u64::from_le_bytes(*b"cardExpi"));
        assert_eq!(word(name, 6), u64::from_le_bytes(*b"piration"));
        assert_eq!(short(b"cgUid"), u64::from_le_bytes(*b"cgUid\0\0\0"));
        assert_eq!(short(b""), 0);
        // Only the length tells these apart: the generated code switches on it first.
        assert_eq!(short(b"ab"), short(b"ab\0"));
    }
}
