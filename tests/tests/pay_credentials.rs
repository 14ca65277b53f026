//! Hyp Pay's terminal credentials live on the client (issue #14): `Client::builder(url, Masof,
//! PassP)` and `.api_key(KEY)` fill them into every request that does not set them, and a
//! request's own `.masof(..)`, `.passp(..)`, `.key(..)` override them for that call (a merchant
//! with several terminals). Checked on the raw query string each call sent to a loopback
//! server; `zPass` (a payout's own password) is never filled in by the client.

mod pay_common;

use hyp_api::pay::*;
use hyp_api::{Money, SecretString};
use hyp_api_tests::mock::{MockServer, Reply};
use rust_decimal_macros::dec;

use pay_common::{self as c, KEY, MASOF, PASSP};

/// A second terminal of the same merchant, with its own password and key.
const OTHER_MASOF: &str = "0020456789";
const OTHER_PASSP: &str = "pp-Other-5512";
const OTHER_KEY: &str = "key-Other-7731";

fn secret(s: &str) -> SecretString {
    SecretString::from(s.to_string())
}

fn text(body: &str) -> Reply {
    Reply::new(200, body).with_content_type("text/html; charset=windows-1255")
}

/// Every value the call sent under `name`, decoded from its raw query string.
fn sent(query: &str, name: &str) -> Vec<String> {
    c::query_pairs(query)
        .into_iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v)
        .collect()
}

fn charge() -> ChargeTokenRequest {
    ChargeTokenRequest::new(ChargeTokenRequired {
        client_name: "Jenny".into(),
        info: "recurring transaction".into(),
        cc: hyp_api::CardToken::new("4580123456789012377"),
        amount: Money::new(dec!(10)),
        tmonth: "06".into(),
        tyear: "26".into(),
        user_id: "000000000".into(),
    })
}

fn sign() -> SignPaymentPageRequest {
    SignPaymentPageRequest::new(SignPaymentPageRequired {
        amount: Money::new(dec!(10)),
    })
}

#[tokio::test]
async fn the_clients_terminal_is_sent_unless_a_request_overrides_it() {
    let mock = MockServer::start().await;
    let client = c::client(&mock);
    for _ in 0..2 {
        mock.push(
            c::ROUTE,
            text("Id=405532558&CCode=0&Amount=10&ACode=0463077"),
        );
    }
    client.charge_token(&charge()).await.expect("charged");
    client
        .charge_token(&charge().masof(OTHER_MASOF).passp(secret(OTHER_PASSP)))
        .await
        .expect("charged on the other terminal");

    let received = mock.received();
    assert_eq!(received.len(), 2);
    let first = received[0].query.as_deref().expect("a query string");
    assert_eq!(sent(first, "Masof"), [MASOF], "{first}");
    assert_eq!(sent(first, "PassP"), [PASSP], "{first}");
    // The override replaces the client's values; neither is sent twice.
    let second = received[1].query.as_deref().expect("a query string");
    assert_eq!(sent(second, "Masof"), [OTHER_MASOF], "{second}");
    assert_eq!(sent(second, "PassP"), [OTHER_PASSP], "{second}");
    // A token charge is not an APISign action: the client's KEY is not sent.
    assert!(sent(first, "KEY").is_empty(), "{first}");
    assert!(sent(second, "KEY").is_empty(), "{second}");
}

#[tokio::test]
async fn the_api_key_is_sent_by_the_apisign_actions_and_overridable_per_call() {
    let mock = MockServer::start().await;
    let client = c::client(&mock);
    for _ in 0..3 {
        mock.push(c::ROUTE, text("Amount=10&action=pay&signature=ab"));
    }
    client.sign_payment_page(&sign()).await.expect("signed");
    client
        .sign_payment_page(&sign().key(secret(OTHER_KEY)))
        .await
        .expect("signed with the other key");
    // Only the terminal overridden: the client's password and key still go with it.
    client
        .sign_payment_page(&sign().masof(OTHER_MASOF))
        .await
        .expect("signed for the other terminal");

    let queries: Vec<String> = mock
        .received()
        .into_iter()
        .map(|r| r.query.expect("a query string"))
        .collect();
    assert_eq!(queries.len(), 3);
    assert_eq!(sent(&queries[0], "KEY"), [KEY], "{}", queries[0]);
    assert_eq!(sent(&queries[0], "Masof"), [MASOF], "{}", queries[0]);
    assert_eq!(sent(&queries[1], "KEY"), [OTHER_KEY], "{}", queries[1]);
    assert_eq!(sent(&queries[1], "PassP"), [PASSP], "{}", queries[1]);
    assert_eq!(sent(&queries[2], "Masof"), [OTHER_MASOF], "{}", queries[2]);
    assert_eq!(sent(&queries[2], "PassP"), [PASSP], "{}", queries[2]);
    assert_eq!(sent(&queries[2], "KEY"), [KEY], "{}", queries[2]);
}

#[tokio::test]
async fn a_payouts_credit_password_is_the_requests_own() {
    let mock = MockServer::start().await;
    let client = c::client(&mock);
    mock.push(c::ROUTE, text("Id=405532559&CCode=0&Amount=10"));
    let payout = PayoutRequest::new(PayoutRequired {
        zpass: secret("zp-S3cret-3318"),
        cc: hyp_api::CardToken::new("4580123456789012377"),
        amount: Money::new(dec!(10)),
        tmonth: "06".into(),
        tyear: "26".into(),
        user_id: "000000000".into(),
        client_name: "Jenny".into(),
        info: "payout".into(),
    });
    client.payout(&payout).await.expect("paid out");
    let received = mock.received();
    let query = received[0].query.as_deref().expect("a query string");
    assert_eq!(sent(query, "zPass"), ["zp-S3cret-3318"], "{query}");
    assert_eq!(sent(query, "Masof"), [MASOF], "{query}");
    assert_eq!(sent(query, "PassP"), [PASSP], "{query}");
}
