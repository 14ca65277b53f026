//! Shared by the Hyp Pay tests: the spec (loaded once), a test-only query-string decoder, the
//! vendor's request examples as typed requests (decoded from their query pairs), a dispatcher
//! that calls the typed client method of every scenario, clients for a [`MockServer`], and a
//! tracing capture.
//!
//! Each test crate uses only part of this module.
#![allow(dead_code)]

use std::sync::OnceLock;

use hyp_api::pay::*;
use hyp_api::{FromNode, Node, RetryPolicy, SecretString};
use hyp_api_tests::mock::MockServer;
use hyp_codegen::model::{Api, Endpoint, Example, ExampleKind};

/// The resolved Hyp Pay spec (loaded once).
pub fn api() -> &'static Api {
    static API: OnceLock<Api> = OnceLock::new();
    API.get_or_init(|| {
        hyp_codegen::load_one(&hyp_api_tests::vendor::spec_root().join("pay"))
            .unwrap_or_else(|d| panic!("spec/pay does not load:\n{d}"))
    })
}

/// The route every call takes: the client GETs `{base}/` and the tests' base ends in `/p/`.
pub const ROUTE: &str = "GET /p/";

/// A client on the mock (base `…/p/`, like the vendor's), never retrying.
pub fn client(mock: &MockServer) -> Client {
    client_on(&format!("{}/p/", mock.base_url()))
}

/// The terminal and its credentials the tests' clients carry.
pub const MASOF: &str = "0010345518";
pub const PASSP: &str = "pp-S3cret-4471";
pub const KEY: &str = "key-S3cret-9920";

pub fn client_on(base_url: &str) -> Client {
    Client::builder(base_url, MASOF, SecretString::from(PASSP))
        .api_key(SecretString::from(KEY))
        .retry(RetryPolicy::never())
        .build()
        .expect("client builds")
}

/// Percent-decodes one query component (`+` is a space), bytes as UTF-8.
pub fn percent_decode(s: &str) -> String {
    String::from_utf8(percent_decode_bytes(s)).unwrap_or_else(|e| panic!("not UTF-8: {s}: {e}"))
}

/// Percent-decodes one query component (`+` is a space) to its bytes.
pub fn percent_decode_bytes(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                let hex = std::str::from_utf8(&b[i + 1..i + 3]).expect("ASCII escape");
                out.push(
                    u8::from_str_radix(hex, 16).unwrap_or_else(|_| panic!("bad escape in {s}")),
                );
                i += 2;
            }
            c => out.push(c),
        }
        i += 1;
    }
    out
}

/// The decoded name/value pairs of a query string, in order.
pub fn query_pairs(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

/// The decoded query pairs of a documented request URL.
pub fn url_pairs(url: &str) -> Vec<(String, String)> {
    let (_, query) = url
        .split_once('?')
        .unwrap_or_else(|| panic!("no query string in {url}"));
    query_pairs(query)
}

/// Query pairs as the flat map node a request decodes from (every value a string).
pub fn node_of(pairs: &[(String, String)]) -> Node {
    Node::Map(
        pairs
            .iter()
            .map(|(k, v)| (k.clone(), Node::Str(v.clone())))
            .collect(),
    )
}

/// Query pairs of scenario `wire` as the map node its request decodes from: a list parameter
/// of the spec (`list<…>`, sent comma-joined) is split back into its items.
pub fn node_for(wire: &str, pairs: &[(String, String)]) -> Node {
    let e = api()
        .endpoints
        .iter()
        .find(|e| e.wire == wire)
        .unwrap_or_else(|| panic!("no scenario {wire}"));
    let is_list = |name: &str| {
        e.request
            .iter()
            .any(|f| f.wire == name && matches!(f.ty, hyp_codegen::model::Ty::List(_)))
    };
    Node::Map(
        pairs
            .iter()
            .map(|(k, v)| {
                let node = if is_list(k) {
                    Node::List(v.split(',').map(|i| Node::Str(i.to_string())).collect())
                } else {
                    Node::Str(v.clone())
                };
                (k.clone(), node)
            })
            .collect(),
    )
}

/// Decodes a typed request from a node; panics with the field path on failure.
pub fn req<T: FromNode>(node: &Node) -> T {
    T::from_node(node).unwrap_or_else(|e| panic!("request does not decode: {e}"))
}

/// The request examples of an endpoint.
pub fn request_examples(e: &Endpoint) -> impl Iterator<Item = &Example> {
    e.examples.iter().filter(|x| x.kind == ExampleKind::Request)
}

/// The answer examples of an endpoint.
pub fn answer_examples(e: &Endpoint) -> impl Iterator<Item = &Example> {
    e.examples
        .iter()
        .filter(|x| x.kind == ExampleKind::Response)
}

/// Whether an answer example's `expect` names a success outcome of its endpoint.
pub fn is_success(e: &Endpoint, x: &Example) -> bool {
    let expect = x.expect.as_deref().unwrap_or_default();
    e.outcomes.iter().any(|o| o.variant == expect)
}

/// The endpoint `soft offline invoice multi-check` has no documented example: its answers are
/// those of the single-payment offline invoice (the spec says: "as `create_offline_invoice`").
pub fn examples_endpoint<'a>(api: &'a Api, e: &'a Endpoint) -> &'a Endpoint {
    if e.examples.is_empty() && e.wire == "soft offline invoice multi-check" {
        api.endpoints
            .iter()
            .find(|o| o.wire == "soft offline invoice")
            .expect("soft offline invoice")
    } else {
        e
    }
}

/// The pairs of a multi-check offline invoice (no example in the doc): two checks, with the
/// doc's own list illustration (`Amount=100,50&CheckNum=111,222`).
pub fn multi_check_pairs() -> Vec<(String, String)> {
    [
        ("action", "soft"),
        ("Masof", "0010345518"),
        ("PassP", "your-api-password"),
        ("Amount", "100,50"),
        ("TransType", "Multi"),
        ("ClientName", "Jenny"),
        ("UserId", "890108558"),
        ("Info", "Offline checks"),
        ("Bank", "12,10"),
        ("Snif", "345,801"),
        ("PAN", "123456,654321"),
        ("CheckNum", "111,222"),
        ("Date", "20260310,20260410"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

/// The query pairs a valid request of `e` is built from: its first request example (or, for
/// the multi-check invoice, [`multi_check_pairs`]).
pub fn valid_pairs(e: &Endpoint) -> Vec<(String, String)> {
    match request_examples(e).next() {
        Some(x) => url_pairs(&x.fixed_body()),
        None if e.wire == "soft offline invoice multi-check" => multi_check_pairs(),
        None => panic!("{}: no request example and no built request", e.wire),
    }
}

/// Replaces the value of parameter `name` (or appends it).
pub fn set(pairs: &mut Vec<(String, String)>, name: &str, value: &str) {
    match pairs.iter_mut().find(|(k, _)| k == name) {
        Some(p) => p.1 = value.to_string(),
        None => pairs.push((name.to_string(), value.to_string())),
    }
}

/// Calls the scenario `wire` with the request decoded from `node`; `Ok` is the output's `Debug`.
pub async fn call(client: &Client, wire: &str, node: &Node) -> Result<String, CallError> {
    Ok(match wire {
        "APISign SIGN" => format!("{:?}", client.sign_payment_page(&req(node)).await?),
        "APISign VERIFY" => format!("{:?}", client.verify_transaction(&req(node)).await?),
        "APISign PrintHesh" => format!("{:?}", client.sign_invoice_link(&req(node)).await?),
        "payRequest CREATE" => format!("{:?}", client.create_payment_link(&req(node)).await?),
        "payRequest LIST" => format!("{:?}", client.list_payment_links(&req(node)).await?),
        "payRequest DELETE" => format!("{:?}", client.delete_payment_link(&req(node)).await?),
        "soft token charge" => format!("{:?}", client.charge_token(&req(node)).await?),
        "soft capture J4" => format!("{:?}", client.capture(&req(node)).await?),
        "soft payout" => format!("{:?}", client.payout(&req(node)).await?),
        "soft offline invoice" => format!("{:?}", client.create_offline_invoice(&req(node)).await?),
        "soft offline invoice multi-check" => {
            format!("{:?}", client.create_multi_check_invoice(&req(node)).await?)
        }
        "CancelTrans" => format!("{:?}", client.cancel_transaction(&req(node)).await?),
        "commitTrans" => format!("{:?}", client.commit_transaction(&req(node)).await?),
        "getToken" => format!("{:?}", client.get_token(&req(node)).await?),
        "HKStatus" => format!("{:?}", client.set_recurring_status(&req(node)).await?),
        "zikoyAPI" => format!("{:?}", client.refund(&req(node)).await?),
        other => panic!("spec/pay has a scenario `{other}` this test does not call: add it"),
    })
}

/// The `Debug` of the typed request of `wire` decoded from `node`.
pub fn request_debug(wire: &str, node: &Node) -> String {
    match wire {
        "APISign SIGN" => format!("{:?}", req::<SignPaymentPageRequest>(node)),
        "APISign VERIFY" => format!("{:?}", req::<VerifyTransactionRequest>(node)),
        "APISign PrintHesh" => format!("{:?}", req::<SignInvoiceLinkRequest>(node)),
        "payRequest CREATE" => format!("{:?}", req::<CreatePaymentLinkRequest>(node)),
        "payRequest LIST" => format!("{:?}", req::<ListPaymentLinksRequest>(node)),
        "payRequest DELETE" => format!("{:?}", req::<DeletePaymentLinkRequest>(node)),
        "soft token charge" => format!("{:?}", req::<ChargeTokenRequest>(node)),
        "soft capture J4" => format!("{:?}", req::<CaptureRequest>(node)),
        "soft payout" => format!("{:?}", req::<PayoutRequest>(node)),
        "soft offline invoice" => format!("{:?}", req::<CreateOfflineInvoiceRequest>(node)),
        "soft offline invoice multi-check" => {
            format!("{:?}", req::<CreateMultiCheckInvoiceRequest>(node))
        }
        "CancelTrans" => format!("{:?}", req::<CancelTransactionRequest>(node)),
        "commitTrans" => format!("{:?}", req::<CommitTransactionRequest>(node)),
        "getToken" => format!("{:?}", req::<GetTokenRequest>(node)),
        "HKStatus" => format!("{:?}", req::<SetRecurringStatusRequest>(node)),
        "zikoyAPI" => format!("{:?}", req::<RefundRequest>(node)),
        other => panic!("spec/pay has a scenario `{other}` this test does not know: add it"),
    }
}

pub use hyp_api_tests::logs::LogBuf;

/// Captures every tracing event and span of this test binary at TRACE level, from now on, in
/// one buffer: the process-wide subscriber (a thread-scoped one can miss callsites whose
/// interest another test thread cached while no subscriber listened). Every test of the binary
/// uses the same secrets, so scanning everything is the stricter check.
pub fn capture_logs() -> LogBuf {
    static BUF: OnceLock<LogBuf> = OnceLock::new();
    BUF.get_or_init(|| {
        let buf = LogBuf::default();
        let writer = buf.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .finish();
        tracing::subscriber::set_global_default(subscriber).expect("the only global subscriber");
        buf
    })
    .clone()
}
