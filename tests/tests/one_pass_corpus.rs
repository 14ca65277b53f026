//! Every fuzz corpus file and seed of the `answer_*` targets, and inputs mutated from them,
//! decode through the client's answer path to the values recorded in
//! `tests/expected/one_pass_corpus.txt` (the same output, or the same typed error; see
//! [`summary`] for what is written down of each): recorded
//! from the `Node` tree decoder while it existed, which the one-pass path then matched on every
//! input. `HYP_BLESS=1` rewrites the file; `HYP_DIFF_MUTATIONS=<n>` mutates more (or fewer)
//! inputs than the recorded 3,000 per API, checking only that none panics.

use std::collections::HashSet;
use std::path::Path;

use hyp_api::wire::{UTF_8, WINDOWS_1255, decode_answer_in, redact};
use hyp_api::{Endpoint, Error, VendorCode};
use hyp_api_tests::every::{Visit, every_endpoint};
use hyp_api_tests::expected::{Expected, abbreviated, fnv};
use hyp_api_tests::fuzzing::{self, Mutator};

const STATUSES: [u16; 10] = [200, 201, 204, 400, 401, 403, 404, 409, 500, 503];

/// The mutated inputs per API the expected file records.
const RECORDED_MUTATIONS: usize = 3000;

struct Decode<'a> {
    api: &'a str,
    wanted: usize,
    seen: usize,
    status: u16,
    body: &'a str,
    /// The input's name in the expected file.
    key: &'a str,
    expected: Option<&'a mut Expected>,
}

impl Visit for Decode<'_> {
    fn visit<E: Endpoint + 'static>(&mut self)
    where
        E::Output: std::fmt::Debug,
    {
        if E::SERVICE != self.api {
            return;
        }
        if self.seen == self.wanted {
            let charsets = (UTF_8, Some(WINDOWS_1255));
            let secrets = [fuzzing::answer::SENT_SECRET];
            let got = decode_answer_in::<E>(self.status, self.body, &secrets, charsets);
            if let Some(expected) = self.expected.as_deref_mut() {
                let key = format!("{} {} {} {}", self.api, E::WIRE, self.status, self.key);
                expected.check(key, summary(&got, self.body, &secrets));
            }
        }
        self.seen += 1;
    }
}

/// What the caller sees of a decode, as recorded: an output's `Debug` (long ones abbreviated
/// to their start and hash), an error's `Display` (with the path of a `Decode` error's cause)
/// and, for a vendor error, whether the outcome is unknown and the details kept. The answer an
/// error keeps is checked here instead: the input with the sent secret removed.
fn summary<O: std::fmt::Debug, C: VendorCode + std::fmt::Debug>(
    got: &Result<O, Error<C>>,
    input: &str,
    secrets: &[&str],
) -> String {
    let e = match got {
        Ok(out) => return abbreviated(&format!("ok {out:?}")),
        Err(e) => e,
    };
    let kept = match e {
        Error::Api(a) => Some(&a.body),
        Error::Decode { body, .. } | Error::VendorPage { body, .. } => Some(body),
        _ => None,
    };
    if let Some(kept) = kept {
        assert_eq!(*kept, redact(input, secrets), "the answer kept by {e:?}");
    }
    match e {
        Error::Api(a) => abbreviated(&format!(
            "err {e} / outcome unknown: {} / details: {:?}",
            a.outcome_unknown, a.details
        )),
        _ => abbreviated(&format!("err {e}")),
    }
}

fn decode(api: &str, data: &[u8], expected: Option<&mut Expected>) {
    let [endpoint, status, body @ ..] = data else {
        return;
    };
    let count = fuzzing::answer::count(api);
    let mut d = Decode {
        api,
        wanted: usize::from(*endpoint) % count,
        seen: 0,
        status: STATUSES[usize::from(*status) % STATUSES.len()],
        body: &String::from_utf8_lossy(body),
        key: &fnv(data),
        expected,
    };
    every_endpoint(&mut d);
}

#[test]
fn the_fuzz_corpora_decode_to_the_recorded_values() {
    let mutations: usize = std::env::var("HYP_DIFF_MUTATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(RECORDED_MUTATIONS);
    let mut expected = Expected::open("one_pass_corpus");
    for api in ["hyper-erp", "mt5-manager", "pay", "creditguard"] {
        let target = format!("answer_{}", api.replace('-', "_"));
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../fuzz/corpus")
            .join(&target);
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .map(|d| d.filter_map(|e| Some(e.ok()?.path())).collect())
            .unwrap_or_default();
        files.sort();
        let mut inputs: Vec<Vec<u8>> = files.iter().filter_map(|f| std::fs::read(f).ok()).collect();
        inputs.extend(fuzzing::seeds(&target));
        let mut seen = HashSet::new();
        for input in &inputs {
            if seen.insert(input.clone()) {
                decode(api, input, Some(&mut expected));
            }
        }
        let mut m = Mutator::new(7);
        for i in 0..mutations {
            let input = m.mutate(&inputs);
            let record = i < RECORDED_MUTATIONS && seen.insert(input.clone());
            decode(api, &input, record.then_some(&mut expected));
        }
    }
    if mutations >= RECORDED_MUTATIONS {
        expected.finish();
    }
}
