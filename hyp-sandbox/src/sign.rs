//! Signed answers and their verification (the spec's `signing:` and `verifying:` rules): an
//! answer that is the request's own parameters plus a signature (Hyp Pay `What=SIGN`), and a
//! call that checks a page's redirect against the one the sandbox sent (`What=VERIFY`).

use hyp_api::Node;
use sha2::{Digest, Sha256};

use crate::answer::{Answer, text};
use crate::page::PageBook;
use crate::served::{Served, ServedApi};

/// The sandbox's own signature: SHA-256 of a number it never reuses and the pairs, as 64
/// lower-case hex digits (the shape of the vendor's). Only the sandbox can check it.
pub fn signature(nonce: u64, pairs: &[(String, String)]) -> String {
    let mut hasher = Sha256::new();
    hasher.update(nonce.to_be_bytes());
    for (k, v) in pairs {
        hasher.update(k.as_bytes());
        hasher.update([0]);
        hasher.update(v.as_bytes());
        hasher.update([0]);
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A request value as sent (a list comma-separated, as the query string carried it).
fn as_sent(n: &Node) -> String {
    match n {
        Node::List(items) => items.iter().filter_map(text).collect::<Vec<_>>().join(","),
        other => text(other).unwrap_or_default(),
    }
}

/// The signed answer of `e`, when a `signing:` rule covers it: the request's parameters less
/// the dropped ones, changed as the rule says, sorted if it says so, the signature last.
pub fn signed(api: &ServedApi, e: &Served, fields: &Node, nonce: u64, answer: &mut Answer) {
    let Some(rule) = api
        .plan
        .sandbox
        .signing
        .iter()
        .find(|s| s.endpoint == e.plan.key)
    else {
        return;
    };
    let Node::Map(entries) = fields else {
        return;
    };
    let mut pairs: Vec<(String, String)> = entries
        .iter()
        .filter(|(k, _)| !rule.drop.contains(k))
        .map(|(k, v)| {
            let set = rule.set.iter().find(|s| s.field == *k);
            (
                k.clone(),
                set.map_or_else(|| as_sent(v), |s| s.value.clone()),
            )
        })
        .collect();
    if rule.sorted {
        pairs.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    }
    let sig = signature(nonce, &pairs);
    pairs.push((rule.signature.clone(), sig));
    answer.doc = Node::Map(pairs.into_iter().map(|(k, v)| (k, Node::Str(v))).collect());
}

/// The failure answer of `e`, when a `verifying:` rule covers it and the redirect it passes
/// on is not, parameter for parameter and in order, one the sandbox sent.
pub fn refused(api: &ServedApi, e: &Served, fields: &Node, pages: &PageBook) -> Option<Answer> {
    let rule = api
        .plan
        .sandbox
        .verifying
        .iter()
        .find(|v| v.endpoint == e.plan.key)?;
    let Node::Map(entries) = fields else {
        return Some(Answer::for_code(api, e, rule.failed.code));
    };
    // The redirect: every pair that is not one of the endpoint's own named fields.
    let own = |k: &str| e.plan.fields.iter().any(|f| f.wire == k && !f.params);
    let redirect: Vec<(String, String)> = entries
        .iter()
        .filter(|(k, _)| !own(k))
        .map(|(k, v)| (k.clone(), as_sent(v)))
        .collect();
    if pages.sent(&api.plan.api, &rule.page, &redirect) {
        None
    } else {
        Some(Answer::for_code(api, e, rule.failed.code))
    }
}
