//! Inputs mutated from a corpus for the stable smoke run: byte flips, insertions, deletions,
//! repeats, truncations, splices of two inputs, and tokens that stress parsers (deep nesting,
//! escapes, huge numbers). Deterministic for a given seed, so a failure can be replayed.

/// Tokens inserted whole: the shapes hostile answers and requests are made of.
const TOKENS: &[&[u8]] = &[
    b"[[[[[[[[[[[[[[[[",
    b"{\"a\":{\"a\":{\"a\":",
    b"<a><a><a><a>",
    b"&#x1F600;",
    b"&amp;",
    b"\\u00e9",
    b"\\ud83d\\ude00",
    b"%C3%A9",
    b"%",
    b"&",
    b"=",
    b"79228162514264337593543950335",
    b"-0.0000000000000000000000000001",
    b"1e400",
    b"null",
    b"\"\"",
    b"<![CDATA[",
    b"<!DOCTYPE a [<!ENTITY e \"x\">]>",
    b"\r\n",
    b"\xff\xfe",
];

/// A small deterministic generator (xorshift64*) driving the mutations.
pub struct Mutator(u64);

impl Mutator {
    /// A mutator whose sequence is fixed by `seed`.
    pub fn new(seed: u64) -> Self {
        Mutator(seed.max(1))
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    /// A new input: one of `corpus`, mutated one to four times.
    pub fn mutate(&mut self, corpus: &[Vec<u8>]) -> Vec<u8> {
        let mut data = corpus[self.below(corpus.len())].clone();
        for _ in 0..=self.below(4) {
            self.once(&mut data, corpus);
        }
        data
    }

    fn once(&mut self, data: &mut Vec<u8>, corpus: &[Vec<u8>]) {
        let at = self.below(data.len() + 1);
        match self.below(7) {
            0 if !data.is_empty() => {
                let i = self.below(data.len());
                data[i] ^= 1 << self.below(8);
            }
            1 => data.insert(at, self.next() as u8),
            2 if at < data.len() => {
                let len = self.below(data.len() - at).min(64) + 1;
                data.drain(at..at + len);
            }
            3 => data.truncate(at),
            4 => {
                let token = TOKENS[self.below(TOKENS.len())];
                let times = 1 + self.below(3) * self.below(200);
                let repeated = token.repeat(times);
                data.splice(at..at, repeated);
            }
            5 if at < data.len() => {
                let len = (self.below(data.len() - at) + 1).min(256);
                let chunk = data[at..at + len].to_vec();
                data.splice(at..at, chunk);
            }
            _ => {
                let other = &corpus[self.below(corpus.len())];
                let from = self.below(other.len() + 1);
                data.truncate(at);
                data.extend_from_slice(&other[from..]);
            }
        }
    }
}
