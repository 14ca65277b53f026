//! Fuzz input: one answer of one endpoint of an API, decoded as the client decodes it.
//! Bytes: `[endpoint selector, status selector, body…]`. The decoder must return (an outcome
//! or a typed error) for any input: a panic, a stack overflow or a hang is the finding.

use hyp_api::Endpoint;
use hyp_api::wire::{UTF_8, WINDOWS_1255, decode_answer_in};

use crate::every::{Visit, every_endpoint};

/// The statuses an answer is tried with: success, the REST codes the specs use, server errors.
const STATUSES: [u16; 10] = [200, 201, 204, 400, 401, 403, 404, 409, 500, 503];

/// A secret the "call" sent, so the redaction paths run on every answer.
pub const SENT_SECRET: &str = "Fuzz-S3cret/&%";

/// Decodes `data` as an answer of one endpoint of `api` (its spec folder name).
pub fn run(api: &str, data: &[u8]) {
    let [endpoint, status, body @ ..] = data else {
        return;
    };
    let mut decode = Decode {
        api,
        wanted: usize::from(*endpoint),
        seen: 0,
        status: STATUSES[usize::from(*status) % STATUSES.len()],
        body: &String::from_utf8_lossy(body),
    };
    let count = count(api);
    if count > 0 {
        decode.wanted %= count;
        every_endpoint(&mut decode);
    }
}

/// How many endpoints `api` has.
pub fn count(api: &str) -> usize {
    crate::every::names()
        .iter()
        .filter(|(a, _)| *a == api)
        .count()
}

/// The index [`run`] selects endpoint `wire` of `api` by (its place among the API's endpoints
/// in [`every_endpoint`]'s order, which is not the spec files' order).
pub fn index_of(api: &str, wire: &str) -> Option<usize> {
    crate::every::names()
        .iter()
        .filter(|(a, _)| *a == api)
        .position(|(_, w)| *w == wire)
}

/// The input bytes for an answer of the `index`-th endpoint of its API.
pub fn input(index: usize, status: u16, body: &str) -> Vec<u8> {
    let status = STATUSES.iter().position(|s| *s == status).unwrap_or(0);
    let mut out = vec![index as u8, status as u8];
    out.extend_from_slice(body.as_bytes());
    out
}

struct Decode<'a> {
    api: &'a str,
    wanted: usize,
    seen: usize,
    status: u16,
    body: &'a str,
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
            let decoded = decode_answer_in::<E>(self.status, self.body, &[SENT_SECRET], charsets);
            std::hint::black_box(decoded.is_ok());
        }
        self.seen += 1;
    }
}
