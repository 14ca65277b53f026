//! Hyp Pay conformance: each Pay request example in spec/ and each documented error case sent
//! to the sandbox raw, its answer compared with the vendor doc's answer example by structure
//! (tests/common/shape.rs: the same keys in the same order, the same frame, the same `CCode`;
//! the sandbox's own ids, authorization numbers, tokens and signatures by kind). Vendor-docs 002.

mod common;

use common::shape::{Expect, Raw};
use hyp_codegen::model::{Api, ExampleKind};
use hyp_sandbox::Sandbox;

type Pairs = Vec<(String, String)>;

fn spec() -> Api {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/pay");
    hyp_codegen::load_one(&dir).expect("spec/pay loads")
}

/// An example body of an endpoint, with the spec's fixups applied.
fn example(api: &Api, endpoint: &str, name: &str) -> String {
    let e = api.endpoints.iter().find(|e| e.wire == endpoint).unwrap();
    e.examples
        .iter()
        .find(|x| x.name == name)
        .unwrap_or_else(|| panic!("`{endpoint}` has no example `{name}`"))
        .fixed_body()
}

/// A request example's query (the part after `?`).
fn query_of(url: &str) -> String {
    url.trim()
        .split_once('?')
        .expect("a URL with a query")
        .1
        .to_string()
}

fn pairs(query: &str) -> Pairs {
    form_urlencoded::parse(query.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn encode(pairs: &Pairs) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

/// The query with `key` set to `value` (in place), or removed when `value` is `None`.
fn with(query: &str, key: &str, value: Option<&str>) -> String {
    let mut p = pairs(query);
    match value {
        Some(v) => p
            .iter_mut()
            .filter(|(k, _)| k == key)
            .for_each(|kv| kv.1 = v.into()),
        None => p.retain(|(k, _)| k != key),
    }
    encode(&p)
}

async fn send(sandbox: &Sandbox, query: &str) -> Raw {
    let url = format!("{}/?{query}", sandbox.base_url("pay"));
    Raw::read(reqwest::get(url).await.unwrap()).await
}

fn field(raw: &Raw, key: &str) -> String {
    pairs(&raw.text())
        .into_iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v)
        .unwrap_or_default()
}

/// Compares with the doc's example by structure, `CCode` exactly.
fn conforms(raw: &Raw, doc: &str) {
    Expect::doc(doc).exact(&["CCode"]).assert(raw);
}

/// Scenarios whose example names a deal, link or redirect the doc made: sent as written to an
/// empty sandbox, they answer the endpoint's documented "not found" failure.
const NAMES_THE_DOCS_DEAL: [(&str, &str); 7] = [
    ("APISign VERIFY", "error-200-redirect-parameters-missing"),
    ("CancelTrans", "error-920-cannot-be-cancelled"),
    ("commitTrans", "error-250-transaction-not-found"),
    ("getToken", ""),
    ("zikoyAPI", ""),
    ("soft capture J4", ""),
    ("payRequest DELETE", "error-250-payment-link-not-found"),
];

#[tokio::test]
async fn every_request_example_answers_the_docs_example_for_its_outcome() {
    let api = spec();
    let sandbox = Sandbox::start().await.unwrap();
    let mut sent = 0;
    for e in &api.endpoints {
        let responses: Vec<_> = e
            .examples
            .iter()
            .filter(|x| x.kind == ExampleKind::Response)
            .collect();
        for x in e.examples.iter().filter(|x| x.kind == ExampleKind::Request) {
            let raw = send(&sandbox, &query_of(&x.fixed_body())).await;
            sent += 1;
            match NAMES_THE_DOCS_DEAL.iter().find(|(k, _)| *k == e.wire) {
                // Not found: the documented failure where the doc shows that code, else the
                // endpoint's failure frame with the not-found code.
                Some((_, name)) if !name.is_empty() => {
                    conforms(&raw, &example(&api, &e.wire, name));
                }
                Some(_) => {
                    let failure = responses.iter().find(|r| {
                        let body = r.fixed_body();
                        pairs(&body).iter().any(|(k, v)| k == "CCode" && v != "0")
                    });
                    let frame = failure.expect("a failure example").fixed_body();
                    Expect::doc(&frame).any(&["CCode"]).assert(&raw);
                    assert_eq!(field(&raw, "CCode"), "250", "{} {}", e.wire, raw.text());
                }
                // Otherwise the first response example: the documented success.
                None => conforms(&raw, &responses[0].fixed_body()),
            }
        }
    }
    assert!(sent >= 15, "only {sent} request examples");
}

#[tokio::test]
async fn stateful_examples_answer_their_success_examples_for_a_deal_the_sandbox_made() {
    let api = spec();
    let sandbox = Sandbox::start().await.unwrap();
    let ex = |endpoint: &str, name: &str| example(&api, endpoint, name);
    let charge = query_of(&ex("soft token charge", "request"));
    let charged = send(&sandbox, &charge).await;
    let id = field(&charged, "Id");
    // getToken and CancelTrans of that charge.
    let get_token = with(&query_of(&ex("getToken", "request")), "TransId", Some(&id));
    let raw = send(&sandbox, &get_token).await;
    conforms(&raw, &ex("getToken", "response-token-issued"));
    assert_eq!(field(&raw, "Id"), id);
    // A refund of another charge.
    let other = field(&send(&sandbox, &charge).await, "Id");
    let refund = with(
        &query_of(&ex("zikoyAPI", "request")),
        "TransId",
        Some(&other),
    );
    conforms(
        &send(&sandbox, &refund).await,
        &ex("zikoyAPI", "response-refunded"),
    );
    let cancel = with(
        &query_of(&ex("CancelTrans", "request")),
        "TransId",
        Some(&id),
    );
    let raw = send(&sandbox, &cancel).await;
    conforms(&raw, &ex("CancelTrans", "response-cancelled"));
    assert_eq!(field(&raw, "TransId"), id);
    // A postponed charge, committed.
    let postponed = send(&sandbox, &format!("{charge}&Postpone=True")).await;
    assert_eq!(field(&postponed, "CCode"), "800");
    let commit = query_of(&ex("commitTrans", "request"));
    let commit = with(&commit, "TransId", Some(&field(&postponed, "Id")));
    conforms(
        &send(&sandbox, &commit).await,
        &ex("commitTrans", "response-committed"),
    );
    // A J5 authorization, captured.
    let auth = send(&sandbox, &format!("{charge}&J5=True&MoreData=True")).await;
    let capture = query_of(&ex("soft capture J4", "request"));
    let capture = with(&capture, "inputObj.originalUid", Some(&field(&auth, "UID")));
    let capture = with(&capture, "Amount", Some("10"));
    conforms(
        &send(&sandbox, &capture).await,
        &ex("soft capture J4", "response-captured"),
    );
    // A payment link, deleted.
    let created = send(&sandbox, &query_of(&ex("payRequest CREATE", "request"))).await;
    let delete = query_of(&ex("payRequest DELETE", "request"));
    let delete = with(
        &delete,
        "PayRequest",
        Some(&field(&created, "payRequestId")),
    );
    conforms(
        &send(&sandbox, &delete).await,
        &ex("payRequest DELETE", "response-deleted"),
    );
}

#[tokio::test]
async fn sign_page_and_verify_answer_the_docs_examples() {
    let api = spec();
    let sandbox = Sandbox::start().await.unwrap();
    let sign = query_of(&example(&api, "APISign SIGN", "request"));
    let signed = send(&sandbox, &sign).await;
    conforms(&signed, &example(&api, "APISign SIGN", "response-signed"));
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let page = format!("{}/?{}", sandbox.base_url("pay"), signed.text());
    let paid = http.post(&page).body("outcome=pay").send().await.unwrap();
    let location = paid.headers()["location"].to_str().unwrap().to_string();
    let redirect = location.split_once('?').unwrap().1.to_string();
    // The redirect has the doc's VERIFY example's parameters: the example, redirect replaced.
    let doc_verify = query_of(&example(&api, "APISign VERIFY", "request"));
    let head: Pairs = pairs(&doc_verify).into_iter().take(5).collect();
    let verify = format!("{}&{redirect}", encode(&head));
    let doc_redirect: Vec<String> = pairs(&doc_verify)[5..]
        .iter()
        .map(|(k, _)| k.clone())
        .collect();
    let got_redirect: Vec<String> = pairs(&redirect).into_iter().map(|(k, _)| k).collect();
    assert_eq!(got_redirect, doc_redirect);
    conforms(
        &send(&sandbox, &verify).await,
        &example(&api, "APISign VERIFY", "response-verified"),
    );
}

#[tokio::test]
async fn documented_error_cases_answer_the_docs_error_examples() {
    let api = spec();
    let sandbox = Sandbox::start().await.unwrap();
    let ex = |endpoint: &str, name: &str| example(&api, endpoint, name);
    let q = |endpoint: &str, name: &str| query_of(&ex(endpoint, name));
    // 904: SIGN without `What`.
    let no_what = with(&q("APISign SIGN", "request"), "What", None);
    conforms(
        &send(&sandbox, &no_what).await,
        &ex("APISign SIGN", "error-904-missing-what"),
    );
    // 902: a wrong PassP, in each action's own frame.
    for (endpoint, request, error) in [
        (
            "APISign PrintHesh",
            "request",
            "error-902-authentication-failed",
        ),
        ("getToken", "request", "error-902-authentication-failed"),
        (
            "payRequest LIST",
            "request",
            "error-902-authentication-failed-urlencoded",
        ),
    ] {
        let wrong = with(&q(endpoint, request), "PassP", Some("wrong"));
        conforms(&send(&sandbox, &wrong).await, &ex(endpoint, error));
    }
    // 33: a refund beyond the charge.
    let charge = q("soft token charge", "request");
    let id = field(&send(&sandbox, &charge).await, "Id");
    let refund = with(&q("zikoyAPI", "request"), "TransId", Some(&id));
    let refund = with(&refund, "Amount", Some("11"));
    conforms(
        &send(&sandbox, &refund).await,
        &ex("zikoyAPI", "error-33-refund-exceeds-original"),
    );
}
