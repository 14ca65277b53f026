//! Every vendor example in spec/pay is a golden vector:
//! - each documented request URL decodes (its query pairs) into its typed request, which the
//!   client sends to a loopback server as the same parameters with the same values; in the
//!   same order where the doc's example follows the parameter table, else (quirk
//!   `parameter-order-and-names`) as the same multiset, in the table's order;
//! - each documented answer decodes to the outcome or error code the spec's `expect` names;
//! - a few documented answers decode to their typed values (token, reversal status, ids,
//!   signature, the payment-link list).

mod pay_common;

use hyp_api::Error;
use hyp_api::ExposeSecret;
use hyp_api::pay::*;
use hyp_api_tests::mock::{MockServer, Reply};
use hyp_api_tests::outcome::decoded_as;
use hyp_codegen::model::Endpoint;
use pay_common::{self as c, url_pairs};

/// Runs `f` with the marker type of the scenario named `wire`.
macro_rules! with_endpoint {
    ($wire:expr, $f:ident ( $($arg:expr),* )) => {
        match $wire {
            "APISign SIGN" => $f::<SignPaymentPage>($($arg),*),
            "APISign VERIFY" => $f::<VerifyTransaction>($($arg),*),
            "APISign PrintHesh" => $f::<SignInvoiceLink>($($arg),*),
            "payRequest CREATE" => $f::<CreatePaymentLink>($($arg),*),
            "payRequest LIST" => $f::<ListPaymentLinks>($($arg),*),
            "payRequest DELETE" => $f::<DeletePaymentLink>($($arg),*),
            "soft token charge" => $f::<ChargeToken>($($arg),*),
            "soft capture J4" => $f::<Capture>($($arg),*),
            "soft payout" => $f::<Payout>($($arg),*),
            "soft offline invoice" => $f::<CreateOfflineInvoice>($($arg),*),
            "soft offline invoice multi-check" => $f::<CreateMultiCheckInvoice>($($arg),*),
            "CancelTrans" => $f::<CancelTransaction>($($arg),*),
            "commitTrans" => $f::<CommitTransaction>($($arg),*),
            "getToken" => $f::<GetToken>($($arg),*),
            "HKStatus" => $f::<SetRecurringStatus>($($arg),*),
            "zikoyAPI" => $f::<Refund>($($arg),*),
            other => panic!("scenario `{other}` is in spec/pay but not in this test: add it"),
        }
    };
}

/// The position of each parameter name in the spec's request table; a name no field claims
/// belongs to the `params` field (`...`, VERIFY's redirect parameters), if there is one.
fn table_index(e: &Endpoint, name: &str) -> usize {
    e.request
        .iter()
        .position(|f| f.wire == name)
        .or_else(|| e.request.iter().position(|f| f.wire == "..."))
        .unwrap_or_else(|| panic!("{}: `{name}` is not a parameter of the spec", e.wire))
}

fn sorted(mut v: Vec<(String, String)>) -> Vec<(String, String)> {
    v.sort();
    v
}

/// Every request example, decoded into its typed request and sent: the server receives the
/// example's parameters and values.
#[tokio::test]
async fn every_request_example_is_sent_as_documented() {
    let api = c::api();
    let mock = MockServer::start().await;
    let client = c::client(&mock);
    let mut checked = 0;
    let mut in_order = Vec::new();
    let mut reordered = Vec::new();
    for e in &api.endpoints {
        for x in c::request_examples(e) {
            let pairs = url_pairs(&x.fixed_body());
            let success = c::answer_examples(e)
                .find(|a| c::is_success(e, a))
                .unwrap_or_else(|| panic!("{}: no success answer example", e.wire));
            mock.push(
                c::ROUTE,
                Reply::new(200, success.fixed_body()).with_content_type("text/plain"),
            );
            let before = mock.received().len();
            c::call(&client, &e.wire, &c::node_for(&e.wire, &pairs))
                .await
                .unwrap_or_else(|err| panic!("{} / {}: {err}", e.wire, x.name));
            let received = mock.received();
            assert_eq!(received.len(), before + 1, "{}: one request", e.wire);
            let got = received.last().unwrap();
            assert_eq!(got.method, "GET");
            assert_eq!(got.path, "/p/");
            assert!(got.body.is_empty(), "{}: a GET carries no body", e.wire);
            let sent = c::query_pairs(got.query.as_deref().unwrap_or_default());

            // Same names, same values.
            assert_eq!(
                sorted(sent.clone()),
                sorted(pairs.clone()),
                "{} / {}: parameters differ",
                e.wire,
                x.name
            );
            // The client's order is the table's (stable; a params field keeps its own order).
            let idx: Vec<usize> = sent.iter().map(|(k, _)| table_index(e, k)).collect();
            assert!(
                idx.windows(2).all(|w| w[0] <= w[1]),
                "{}: not sent in the spec's table order: {sent:?}",
                e.wire
            );
            // Where the doc's example follows the table, the order is the doc's.
            let doc_idx: Vec<usize> = pairs.iter().map(|(k, _)| table_index(e, k)).collect();
            if doc_idx.windows(2).all(|w| w[0] <= w[1]) {
                assert_eq!(sent, pairs, "{} / {}: order differs", e.wire, x.name);
                in_order.push(e.wire.clone());
            } else {
                reordered.push(e.wire.clone());
            }
            checked += 1;
        }
    }
    // 15 scenarios have a request example; the multi-check invoice has none in the doc.
    assert_eq!(checked, 15, "request examples checked");
    // Documented: which examples use another order than the table (compared as a multiset).
    eprintln!("request examples in table order (compared in order): {in_order:?}");
    eprintln!("request examples in another order (compared as a multiset): {reordered:?}");
    assert!(
        in_order.iter().any(|w| w == "APISign VERIFY"),
        "VERIFY's redirect parameters keep the doc's order"
    );
}

#[test]
fn every_answer_example_decodes_to_what_the_spec_expects() {
    let api = c::api();
    let mut checked = 0;
    let (mut successes, mut failures) = (0, 0);
    for e in &api.endpoints {
        for x in c::answer_examples(e) {
            let expect = x.expect.as_deref().unwrap_or_else(|| {
                panic!("{} / {}: a response example needs `expect`", e.wire, x.name)
            });
            let status = x.http_status.unwrap_or(200);
            let got = with_endpoint!(e.wire.as_str(), decoded_as(status, &x.fixed_body()));
            if c::is_success(e, x) {
                successes += 1;
                let single = e.outcomes.len() == 1;
                if single {
                    assert!(
                        got.ends_with("Response"),
                        "{} / {}: got {got}",
                        e.wire,
                        x.name
                    );
                } else {
                    assert_eq!(got, expect, "{} / {}", e.wire, x.name);
                }
            } else {
                failures += 1;
                assert_eq!(got, expect, "{} / {}", e.wire, x.name);
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 30, "answer examples checked");
    assert_eq!((successes, failures), (15, 15));
}

#[test]
fn the_multi_check_invoice_decodes_the_offline_invoice_answers() {
    // No example of its own: the spec says its codes are `create_offline_invoice`'s.
    let api = c::api();
    let single = api
        .endpoints
        .iter()
        .find(|e| e.wire == "soft offline invoice")
        .unwrap();
    for x in c::answer_examples(single) {
        let got = decoded_as::<CreateMultiCheckInvoice>(200, &x.fixed_body());
        let expect = x.expect.as_deref().unwrap();
        if c::is_success(single, x) {
            assert_eq!(got, "CreateMultiCheckInvoiceResponse");
        } else {
            assert_eq!(got, expect);
        }
    }
}

fn answer(wire: &str, name: &str) -> String {
    let e = c::api()
        .endpoints
        .iter()
        .find(|e| e.wire == wire)
        .unwrap_or_else(|| panic!("no scenario {wire}"));
    e.examples
        .iter()
        .find(|x| x.name == name)
        .unwrap_or_else(|| panic!("no example {wire} / {name}"))
        .fixed_body()
}

fn decode<E: hyp_api::Endpoint<Code = CCode>>(body: &str) -> Result<E::Output, CallError> {
    hyp_api::wire::decode_answer::<E>(200, body, &[])
}

#[test]
fn get_token_answer_carries_token_and_tokef() {
    let r = decode::<GetToken>(&answer("getToken", "response-token-issued")).unwrap();
    assert_eq!(
        r.token
            .as_ref()
            .map(|t| t.expose_secret().to_string())
            .as_deref(),
        Some("0505743578473060772")
    );
    assert_eq!(r.tokef.as_deref(), Some("3105"));
    assert_eq!(r.id.as_deref(), Some("401594866"));
    assert_eq!(r.fild1.as_deref(), Some(""));
    // The token is a secret: never in Debug.
    assert!(!format!("{r:?}").contains("0505743578473060772"));
}

#[test]
fn cancel_answer_carries_reversal_status_777() {
    let r = decode::<CancelTransaction>(&answer("CancelTrans", "response-cancelled")).unwrap();
    assert_eq!(r.reversal_status, Some(ReversalStatus::OkCanProceed));
    assert_eq!(r.trans_id.as_deref(), Some("405532558"));
    assert_eq!(r.hesh.as_deref(), Some("EZ"));
    let err = decode::<CancelTransaction>(&answer("CancelTrans", "error-920-cannot-be-cancelled"))
        .unwrap_err();
    assert!(
        matches!(err.code(), Some(CCode::CannotBeCancelled)),
        "{err:?}"
    );
    assert_eq!(err.code().map(|c| c.value()), Some(920));
}

#[test]
fn commit_answer_carries_the_id() {
    let r = decode::<CommitTransaction>(&answer("commitTrans", "response-committed")).unwrap();
    assert_eq!(r.id.as_deref(), Some("404011214"));
    assert_eq!(r.hesh_asm.as_deref(), Some("EZ"));
}

#[test]
fn sign_answer_carries_the_signature_and_the_echo_in_order() {
    let r = decode::<SignPaymentPage>(&answer("APISign SIGN", "response-signed")).unwrap();
    assert_eq!(
        r.signature.as_deref(),
        Some("0806fe45b00f11d4b3f3392d894fbfe8be372bb3822ae83fef87831c7c35426a")
    );
    assert_eq!(r.action.as_deref(), Some("pay"));
    let names: Vec<&str> = r.echoed.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        names,
        [
            "Amount",
            "ClientLName",
            "ClientName",
            "Masof",
            "Order",
            "PageLang",
            "Sign",
            "UserId",
            "cell",
            "city",
            "email",
            "street",
            "tmp"
        ]
    );
    let value = |n: &str| {
        r.echoed
            .iter()
            .find(|(k, _)| k == n)
            .map(|(_, v)| v.as_str())
    };
    assert_eq!(value("street"), Some("HaDekel 14"));
    assert_eq!(value("email"), Some("jennyp@example.co.il"));

    let r = decode::<SignInvoiceLink>(&answer("APISign PrintHesh", "response-signed")).unwrap();
    assert_eq!(
        r.signature.as_deref(),
        Some("76942f55ffe7e2d7ba9d2501792a394cbce4e7d00de3da0d71f372ae919db9cd")
    );
}

#[test]
fn payment_link_answers_decode_typed() {
    let r = decode::<ListPaymentLinks>(&answer("payRequest LIST", "response-listed")).unwrap();
    assert_eq!(r.links.len(), 1);
    let l = &r.links[0];
    assert_eq!(l.pay_request_id.as_deref(), Some("abc123xyz"));
    assert_eq!(l.amount.map(|m| m.to_string()).as_deref(), Some("100"));
    assert_eq!(
        l.payment_url.as_deref(),
        Some("https://pay.hyp.co.il/p/?pay=3zwf90y")
    );
    assert_eq!(
        l.date_created.map(|d| d.to_string()).as_deref(),
        Some("2026-03-10 14:56:20")
    );
    // An empty array is a success with no links.
    assert!(decode::<ListPaymentLinks>("[]").unwrap().links.is_empty());
    // The failure comes URL-encoded although the success is JSON.
    let err = decode::<ListPaymentLinks>(&answer(
        "payRequest LIST",
        "error-902-authentication-failed-urlencoded",
    ))
    .unwrap_err();
    assert!(
        matches!(err.code(), Some(CCode::AuthenticationFailed)),
        "{err:?}"
    );

    let r = decode::<CreatePaymentLink>(&answer("payRequest CREATE", "response-created")).unwrap();
    assert_eq!(r.pay_request_id.as_deref(), Some("abc123xyz"));
    assert_eq!(r.fild1.as_deref(), Some("Order1234"));
    assert_eq!(
        r.payment_url.as_deref(),
        Some("https://pay.hyp.co.il/p/?pay=3zwf90y")
    );
    let err = decode::<CreatePaymentLink>(&answer(
        "payRequest CREATE",
        "error-16-missing-required-fields",
    ))
    .unwrap_err();
    match err {
        Error::Api(e) => {
            assert!(matches!(e.code, CCode::MissingRequiredFields));
            assert_eq!(e.message.as_deref(), Some("Missing required fields"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn refund_33_is_the_refund_meaning_not_the_card_meaning() {
    let err =
        decode::<Refund>(&answer("zikoyAPI", "error-33-refund-exceeds-original")).unwrap_err();
    assert!(
        matches!(err.code(), Some(CCode::RefundExceedsOriginal)),
        "{err:?}"
    );
    let r = decode::<Refund>(&answer("zikoyAPI", "response-refunded")).unwrap();
    assert_eq!(r.id.as_deref(), Some("405577499"));
    assert_eq!(r.acode.as_deref(), Some("0476241"));
}

#[test]
fn typed_requests_of_the_examples_hide_their_secrets_in_debug() {
    // `PassP`, `KEY`, `zPass` and the card token `CC` are secrets: never in `Debug`.
    for e in &c::api().endpoints {
        for x in c::request_examples(e) {
            let pairs = url_pairs(&x.fixed_body());
            let debug = c::request_debug(&e.wire, &c::node_for(&e.wire, &pairs));
            for (k, v) in &pairs {
                if ["PassP", "KEY", "zPass", "CC"].contains(&k.as_str()) {
                    assert!(!debug.contains(v.as_str()), "{}: {k} in Debug", e.wire);
                }
            }
        }
    }
}
