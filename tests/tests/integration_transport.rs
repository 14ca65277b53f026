//! The request on the wire and what the transport does with it, through the real client
//! against a loopback server: path, headers and body; timeouts and "outcome unknown"; which
//! calls are retried and which are not; invalid requests that are never sent; undecodable
//! answers; and money that stays exact both ways.

mod common;

use std::net::TcpListener;
use std::time::Duration;

use chrono::Days;
use common::{PASSWORD, TOKEN};
use hyp_api::Error;
use hyp_api::hyper_erp::*;
use hyp_api::{Decimal, Money, RetryPolicy};
use hyp_api_tests::mock::{MockServer, Reply};
use hyp_api_tests::vendor;
use hyp_codegen::model::ExampleKind;
use rust_decimal_macros::dec;
use serde_json::Value;

const DEPOSIT: &str = "MT4_Deposit_Fiat_Json";
const QUERY: &str = "Query_Refunds_API_Queue_json";
const TP_ACCOUNT: &str = "Create_TP_Account_Json";
const DB_ERROR_500: &str =
    r#"{"ResponseCode":4,"ResponseMsgEng":"Database Error on server side."}"#;
const DEPOSIT_OK: &str = r#"{"ResponseCode":0,"ResponseMsgEng":"Success","Receipt_Num":1234}"#;
const QUEUE_EMPTY: &str = r#"{"ResponseCode":2,"ResponseMsgEng":"No Results / Data"}"#;

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

/// A client with a short timeout and the given retry policy.
fn client_with(base_url: &str, retry: RetryPolicy, timeout_ms: u64) -> Client {
    common::builder(base_url, TOKEN)
        .retry(retry)
        .timeout(Duration::from_millis(timeout_ms))
        .build()
        .expect("client builds")
}

#[tokio::test]
async fn the_deposit_goes_out_as_the_documented_request() {
    let mock = MockServer::start().await;
    let client = common::client(&mock.base_url());
    mock.push(DEPOSIT, Reply::new(200, DEPOSIT_OK));
    client
        .deposit_fiat(&common::deposit(PASSWORD))
        .await
        .expect("created");
    let received = mock.received();
    assert_eq!(received.len(), 1);
    let r = &received[0];
    assert_eq!(r.path, "/MT4_Deposit_Fiat_Json");
    assert_eq!(
        r.authorization.as_deref(),
        Some(format!("Bearer {TOKEN}").as_str())
    );
    assert_eq!(r.content_type.as_deref(), Some("application/json"));
    let documented = vendor::example(vendor::hyper_erp(), DEPOSIT, "request").fixed_body();
    assert_eq!(json(&r.body), json(&documented));
}

#[tokio::test]
async fn the_base_urls_path_is_kept_with_or_without_a_trailing_slash() {
    let mock = MockServer::start().await;
    for base in ["/erp/api", "/erp/api/", "/erp/api//"] {
        let client = common::client(&format!("{}{base}", mock.base_url()));
        mock.push(
            &format!("POST /erp/api/{DEPOSIT}"),
            Reply::new(200, DEPOSIT_OK),
        );
        client
            .deposit_fiat(&common::deposit(PASSWORD))
            .await
            .expect("created");
    }
    let paths: Vec<String> = mock.received().into_iter().map(|r| r.path).collect();
    assert_eq!(paths, vec![format!("/erp/api/{DEPOSIT}"); 3]);
}

#[test]
fn a_base_url_that_cannot_take_a_path_is_refused_when_the_client_is_built() {
    for base in [
        "ftp://127.0.0.1/erp",
        "127.0.0.1:8080",
        "http://",
        "http://127.0.0.1/erp?x=1",
        "http://127.0.0.1/erp#top",
    ] {
        let refused = common::builder(base, TOKEN).build();
        assert!(
            matches!(refused, Err(hyp_api::ConfigError::BaseUrl(ref b)) if b == base),
            "{base}: {refused:?}"
        );
    }
    for base in ["http://127.0.0.1", "https://erp.example/api/"] {
        assert!(common::builder(base, TOKEN).build().is_ok(), "{base}");
    }
    // A password in a base URL is a secret: not shown by the builder, the client or the error.
    let with_password = "http://erp:pw-in-url@127.0.0.1/erp";
    let builder = common::builder(with_password, TOKEN);
    let client = common::builder(with_password, TOKEN)
        .build()
        .expect("builds");
    let refused = common::builder(&format!("{with_password}?x=1"), TOKEN)
        .build()
        .expect_err("a query is refused");
    for shown in [
        format!("{builder:?}"),
        format!("{client:?}"),
        format!("{refused:?}"),
        refused.to_string(),
    ] {
        assert!(!shown.contains("pw-in-url"), "{shown}");
        assert!(
            shown.contains("http://erp:REDACTED@127.0.0.1/erp"),
            "{shown}"
        );
    }
}

#[tokio::test]
async fn every_function_is_posted_to_its_name_with_the_documented_body() {
    let api = vendor::hyper_erp();
    let mock = MockServer::start().await;
    let client = common::client(&mock.base_url());
    for wire in common::WIRES {
        mock.push(wire, Reply::new(400, r#"{"ResponseCode":14}"#));
    }
    // The account example carries another client's password.
    let _ = client
        .create_tp_account(&common::create_tp_account("S0wUqUWvujCf"))
        .await;
    let _ = client.deposit_fiat(&common::deposit(PASSWORD)).await;
    let _ = client.withdraw_fiat(&common::withdrawal(PASSWORD)).await;
    let _ = client
        .create_balance_order(&common::balance_order(PASSWORD))
        .await;
    let _ = client.charge_card(&common::charge_card(PASSWORD)).await;
    let _ = client.create_refund(&common::create_refund()).await;
    let _ = client.query_refund_queue(&common::query_queue()).await;
    let _ = client.update_refund_queue(&common::update_queue()).await;
    let received = mock.received();
    assert_eq!(received.len(), common::WIRES.len());
    for (wire, r) in common::WIRES.iter().zip(&received) {
        assert_eq!(r.path, format!("/{wire}"));
        assert_eq!(
            r.authorization.as_deref(),
            Some("Bearer access-token-integration")
        );
        assert_eq!(r.content_type.as_deref(), Some("application/json"));
        let e = vendor::endpoint(api, wire);
        match e.examples.iter().find(|x| x.kind == ExampleKind::Request) {
            Some(x) => assert_eq!(json(&r.body), json(&x.fixed_body()), "{wire}"),
            None => assert_eq!(json(&r.body), json("{}"), "{wire}: no field set"),
        }
    }
}

#[tokio::test]
async fn a_timeout_of_a_money_moving_call_leaves_the_outcome_unknown() {
    let mock = MockServer::start().await;
    let client = client_with(&mock.base_url(), RetryPolicy::never(), 200);
    mock.push(
        DEPOSIT,
        Reply::new(200, DEPOSIT_OK).delayed(Duration::from_secs(3)),
    );
    let err = client
        .deposit_fiat(&common::deposit(PASSWORD))
        .await
        .expect_err("timed out");
    let Error::Timeout {
        endpoint,
        after,
        outcome_unknown,
        idempotency_key,
        source,
    } = &err
    else {
        panic!("expected a timeout, got {err:?}")
    };
    assert_eq!(*endpoint, DEPOSIT);
    assert_eq!(*after, Duration::from_millis(200));
    assert!(outcome_unknown, "a deposit may have been booked");
    assert!(err.outcome_unknown());
    // The key to reconcile by (or resend with) is on the error: the request's Ticket_ID.
    assert_eq!(
        idempotency_key.as_deref(),
        Some("{F454E096-D080-40FD-A36B-156F4B999124}")
    );
    assert_eq!(err.idempotency_key(), idempotency_key.as_deref());
    // The cause is the HTTP client's own error, not a string, and it keeps no URL.
    assert!(source.is_timeout(), "{source:?}");
    assert!(source.url().is_none(), "{source:?}");
    assert!(std::error::Error::source(&err).is_some());
    assert!(err.to_string().contains("reconcile"), "{err}");
    assert_eq!(mock.received().len(), 1);
}

#[tokio::test]
async fn a_timeout_of_a_read_changes_nothing() {
    let mock = MockServer::start().await;
    let client = client_with(&mock.base_url(), RetryPolicy::never(), 200);
    mock.push(
        QUERY,
        Reply::new(200, QUEUE_EMPTY).delayed(Duration::from_secs(3)),
    );
    let err = client
        .query_refund_queue(&common::query_queue())
        .await
        .expect_err("timed out");
    assert!(
        matches!(
            err,
            Error::Timeout {
                outcome_unknown: false,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(!err.outcome_unknown());
}

#[tokio::test]
async fn an_answer_with_a_byte_order_mark_reads_as_one_without() {
    let mock = MockServer::start().await;
    let client = common::client(&mock.base_url());
    // UTF-8 with its mark; UTF-16LE with its mark (a mark chooses the charset over the header).
    let utf8: Vec<u8> = b"\xEF\xBB\xBF"
        .iter()
        .chain(DEPOSIT_OK.as_bytes())
        .copied()
        .collect();
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(DEPOSIT_OK.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    for body in [utf8, utf16] {
        mock.push(
            DEPOSIT,
            Reply::bytes(200, "application/json; charset=utf-8", body),
        );
        let out = client
            .deposit_fiat(&common::deposit(PASSWORD))
            .await
            .map(hyp_api::Keyed::into_inner)
            .expect("decodes");
        assert!(matches!(out, DepositFiatOutcome::Created(ref r) if r.receipt_num == 1234));
    }
}

#[tokio::test]
async fn a_retryable_code_is_retried_with_the_same_ticket_id() {
    let mock = MockServer::start().await;
    let client = client_with(&mock.base_url(), common::fast_retries(), 5_000);
    mock.push(DEPOSIT, Reply::new(500, DB_ERROR_500));
    mock.push(DEPOSIT, Reply::new(200, DEPOSIT_OK));
    let out = client
        .deposit_fiat(&common::deposit(PASSWORD))
        .await
        .map(hyp_api::Keyed::into_inner)
        .expect("the second attempt succeeds");
    assert!(matches!(out, DepositFiatOutcome::Created(ref r) if r.receipt_num == 1234));
    let received = mock.received();
    assert_eq!(received.len(), 2);
    assert_eq!(
        received[0].body, received[1].body,
        "the resend is identical"
    );
    assert_eq!(
        json(&received[1].body)["Ticket_ID"],
        "{F454E096-D080-40FD-A36B-156F4B999124}"
    );
}

#[tokio::test]
async fn a_call_without_an_idempotency_key_is_not_retried() {
    let mock = MockServer::start().await;
    let client = client_with(&mock.base_url(), common::fast_retries(), 5_000);
    mock.push(TP_ACCOUNT, Reply::new(500, DB_ERROR_500));
    mock.push(TP_ACCOUNT, Reply::new(500, DB_ERROR_500));
    let err = client
        .create_tp_account(&common::create_tp_account(PASSWORD))
        .await
        .expect_err("not retried");
    assert_eq!(err.code(), Some(&ResponseCode::DatabaseError));
    assert_eq!(mock.received().len(), 1);

    // A card charge has no idempotency key either: a timeout is not blindly resent.
    mock.push(
        "CC_Clearing_Json",
        Reply::new(200, "{}").delayed(Duration::from_secs(3)),
    );
    let client = client_with(&mock.base_url(), common::fast_retries(), 200);
    let err = client
        .charge_card(&common::charge_card(PASSWORD))
        .await
        .expect_err("timed out");
    assert!(err.outcome_unknown(), "{err:?}");
    assert_eq!(mock.received().len(), 2);
}

#[tokio::test]
async fn a_read_is_retried_after_a_timeout_and_a_bad_gateway() {
    let mock = MockServer::start().await;
    let client = client_with(&mock.base_url(), common::fast_retries(), 1_000);
    mock.push(
        QUERY,
        Reply::new(200, QUEUE_EMPTY).delayed(Duration::from_secs(5)),
    );
    mock.push(QUERY, Reply::new(502, "<html>Bad Gateway</html>"));
    mock.push(QUERY, Reply::new(200, QUEUE_EMPTY));
    let r = client
        .query_refund_queue(&common::query_queue())
        .await
        .expect("the third attempt succeeds");
    assert!(r.queue.is_empty());
    assert_eq!(mock.received().len(), 3);
}

#[tokio::test]
async fn connection_refused_is_not_sent_and_is_retried_up_to_max_attempts() {
    let port = {
        let l = TcpListener::bind("127.0.0.1:0").expect("bind");
        l.local_addr().expect("addr").port()
    };
    let base_url = format!("http://127.0.0.1:{port}");
    let client = client_with(&base_url, common::fast_retries(), 2_000);
    let (logs, _guard) = common::capture_logs();
    let err = client
        .create_tp_account(&common::create_tp_account(PASSWORD))
        .await
        .expect_err("nothing listens");
    let Error::Transport {
        sent,
        maybe_applied,
        endpoint,
        message,
        idempotency_key,
        source,
    } = &err
    else {
        panic!("expected a transport error, got {err:?}")
    };
    assert!(!sent && !maybe_applied, "{err:?}");
    assert_eq!(*endpoint, TP_ACCOUNT);
    assert!(
        !message.contains(&base_url),
        "the URL is not kept: {message}"
    );
    // CreateTPAccount has no idempotency key; the cause chain is the HTTP client's, typed.
    assert_eq!(*idempotency_key, None);
    assert!(source.is_connect(), "{source:?}");
    let mut chain = Vec::new();
    let mut cause = std::error::Error::source(&err);
    while let Some(c) = cause {
        chain.push(c.to_string());
        cause = c.source();
    }
    assert!(
        chain.len() >= 2,
        "the connect error's own causes follow: {chain:?}"
    );
    assert!(
        chain.iter().all(|c| !c.contains(&base_url)),
        "no cause keeps the URL: {chain:?}"
    );
    // Nothing was sent, so even a call without an idempotency key is retried.
    let attempts = logs.text().matches("sending attempt=").count();
    assert_eq!(attempts, 3, "{}", logs.text());
}

#[tokio::test]
async fn an_invalid_request_lists_every_violation_and_is_not_sent() {
    let mock = MockServer::start().await;
    let client = common::client(&mock.base_url());
    let future = common::now().naive_utc() + chrono::Duration::hours(1);
    let request = WithdrawFiatRequest::new(WithdrawFiatRequired {
        client_number: 500155.into(),
        api_password: common::secret(PASSWORD),
        ticket_id: "X".repeat(51).into(),
        bank_enum: 1.into(),
        method: PaymentMethod::CreditCard,
        currency: Currency::Usd,
        amount: Money::new(dec!(0)),
        usd_convert_rate: dec!(1),
        time_stamp: future,
        end_user_ip: "82.81.138.8".into(),
    });
    let err = client.withdraw_fiat(&request).await.expect_err("invalid");
    let Error::InvalidRequest(v) = &err else {
        panic!("expected InvalidRequest, got {err:?}")
    };
    let mut paths = v.paths();
    paths.sort_unstable();
    assert_eq!(paths, ["Amount", "Ticket_ID", "Time_Stamp"]);
    assert!(err.to_string().contains("not sent"), "{err}");

    let old = common::today() - Days::new(400);
    let refund = CreateRefundRequest::new(CreateRefundRequired {
        client_number: 500608.into(),
        items: vec![
            common::refund_item(common::today()),
            common::refund_item(old),
        ],
    });
    let err = client.create_refund(&refund).await.expect_err("invalid");
    let Error::InvalidRequest(v) = &err else {
        panic!("expected InvalidRequest, got {err:?}")
    };
    assert_eq!(v.paths(), ["Items[1].PaymentDate"]);
    assert!(mock.received().is_empty(), "nothing reached the server");
}

#[tokio::test]
async fn an_html_answer_is_a_vendor_page_that_keeps_the_body() {
    let mock = MockServer::start().await;
    let client = common::client(&mock.base_url());
    let html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    mock.push(DEPOSIT, Reply::new(502, html));
    let err = client
        .deposit_fiat(&common::deposit(PASSWORD))
        .await
        .expect_err("not JSON");
    let Error::VendorPage {
        http_status, body, ..
    } = &err
    else {
        panic!("expected VendorPage, got {err:?}")
    };
    assert_eq!(*http_status, 502);
    assert_eq!(body, html);

    // A 200 that is not the envelope is undecodable too, and not retried even with a key.
    let client = client_with(&mock.base_url(), common::fast_retries(), 5_000);
    mock.push(DEPOSIT, Reply::new(200, r#"{"Receipt_Num":1}"#));
    mock.push(DEPOSIT, Reply::new(200, DEPOSIT_OK));
    let err = client.deposit_fiat(&common::deposit(PASSWORD)).await;
    assert!(
        matches!(
            err,
            Err(Error::Decode {
                http_status: 200,
                ..
            })
        ),
        "{err:?}"
    );
    assert_eq!(mock.received().len(), 2);
}

#[tokio::test]
async fn money_stays_exact_both_ways() {
    let mock = MockServer::start().await;
    let client = common::client(&mock.base_url());
    mock.push(
        TP_ACCOUNT,
        Reply::new(
            200,
            r#"{"ResponseCode":0,"ResponseMsgEng":"Success","account":{"AccountLogin":61436,"Balance": 12345678901234567.89}}"#,
        ),
    );
    let out = client
        .create_tp_account(&common::create_tp_account(PASSWORD))
        .await
        .expect("created");
    let balance = out.response().account.balance.expect("balance").amount();
    assert_eq!(balance, "12345678901234567.89".parse::<Decimal>().unwrap());
    assert_eq!(balance.to_string(), "12345678901234567.89");

    mock.push(DEPOSIT, Reply::new(200, DEPOSIT_OK));
    let mut request = common::deposit(PASSWORD);
    request.amount = Money::new(dec!(1500.00));
    client.deposit_fiat(&request).await.expect("created");
    let body = mock.received().pop().expect("received").body;
    assert!(body.contains(r#""Amount":1500.00,"#), "{body}");
    assert!(body.contains(r#""USD_ConvertRate":3.2,"#), "{body}");
}
