//! Secrets are never printed: with everything traced at TRACE level, calls that succeed, fail
//! with a vendor error, time out and fail to decode leave neither the access token nor the
//! API_Password in the log, in any request's or the client's `Debug`, or in any error's
//! `Debug` or `Display`, even when the vendor echoes them back.

mod common;

use std::time::Duration;

use hyp_api::Error;
use hyp_api::RetryPolicy;
use hyp_api::hyper_erp::*;
use hyp_api_tests::mock::{MockServer, Reply};

const TOKEN: &str = "tok-SECRET-1234";
const PASSWORD: &str = "pw-SECRET-5678";
const TP_ACCOUNT: &str = "Create_TP_Account_Json";
const DEPOSIT: &str = "MT4_Deposit_Fiat_Json";

fn assert_no_secret(what: &str, text: &str) {
    for secret in [TOKEN, PASSWORD] {
        assert!(
            !text.contains(secret),
            "{what} shows the secret `{secret}`:\n{text}"
        );
    }
}

/// Both forms of an error, checked.
fn assert_error_clean(what: &str, err: &CallError) {
    assert_no_secret(&format!("{what} (Debug)"), &format!("{err:?}"));
    assert_no_secret(&format!("{what} (Display)"), &format!("{err}"));
}

fn client(base_url: &str) -> Client {
    common::builder(base_url, TOKEN)
        .retry(RetryPolicy {
            max_attempts: 2,
            initial_backoff: Duration::from_millis(10),
            max_backoff: Duration::from_millis(10),
        })
        .timeout(Duration::from_millis(1_000))
        .build()
        .expect("client builds")
}

#[tokio::test]
async fn secrets_never_reach_logs_debug_or_errors() {
    let (logs, _guard) = common::capture_logs();
    let mock = MockServer::start().await;
    let builder = common::builder(&mock.base_url(), TOKEN);
    assert_no_secret("the client builder", &format!("{builder:?}"));
    let client = client(&mock.base_url());
    assert_no_secret("the client", &format!("{client:?}"));

    let tp = common::create_tp_account(PASSWORD);
    let deposit = common::deposit(PASSWORD);
    let withdrawal = common::withdrawal(PASSWORD);
    let order = common::balance_order(PASSWORD);
    let charge = common::charge_card(PASSWORD);
    for (what, dbg) in [
        ("CreateTpAccountRequest", format!("{tp:?}")),
        ("DepositFiatRequest", format!("{deposit:?}")),
        ("WithdrawFiatRequest", format!("{withdrawal:?}")),
        ("CreateBalanceOrderRequest", format!("{order:?}")),
        ("ChargeCardRequest", format!("{charge:?}")),
        (
            "CreateRefundRequest",
            format!("{:?}", common::create_refund()),
        ),
        (
            "UpdateRefundQueueRequest",
            format!("{:?}", common::update_queue()),
        ),
        (
            "QueryRefundQueueRequest",
            format!("{:?}", common::query_queue()),
        ),
    ] {
        assert_no_secret(what, &dbg);
    }
    assert!(
        format!("{tp:?}").contains("500014"),
        "Debug still shows the rest"
    );

    // Success.
    mock.push(
        DEPOSIT,
        Reply::new(
            200,
            r#"{"ResponseCode":0,"ResponseMsgEng":"Success","Receipt_Num":1234}"#,
        ),
    );
    let out = client.deposit_fiat(&deposit).await.expect("created");
    assert_no_secret("the outcome", &format!("{out:?}"));

    // A vendor error.
    mock.push(
        TP_ACCOUNT,
        Reply::new(
            401,
            r#"{"ResponseCode":11,"ResponseMsgEng":"Incorrect API_Password"}"#,
        ),
    );
    let err = client.create_tp_account(&tp).await.expect_err("401");
    assert_eq!(err.code(), Some(&ResponseCode::IncorrectApiPassword));
    assert_error_clean("an API error", &err);

    // A timeout (retried once: the deposit carries its Ticket_ID).
    for _ in 0..2 {
        mock.push(
            DEPOSIT,
            Reply::new(200, "{}").delayed(Duration::from_secs(5)),
        );
    }
    let err = client.deposit_fiat(&deposit).await.expect_err("timeout");
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    assert_error_clean("a timeout", &err);

    // Garbage that echoes both secrets back.
    let echo = format!("debug: token={TOKEN} password={PASSWORD}");
    mock.push(TP_ACCOUNT, Reply::new(200, echo));
    let err = client.create_tp_account(&tp).await.expect_err("garbage");
    let Error::Decode { body, .. } = &err else {
        panic!("expected Decode, got {err:?}")
    };
    assert_eq!(body, "debug: token=[REDACTED] password=[REDACTED]");
    assert_error_clean("a decode error", &err);

    // Every request really carried both secrets: redaction is not vacuous.
    let received = mock.received();
    assert!(
        received
            .iter()
            .all(|r| r.authorization.as_deref() == Some("Bearer tok-SECRET-1234"))
    );
    assert!(received.iter().all(|r| r.body.contains(PASSWORD)));

    let log = logs.text();
    assert!(
        log.contains("hyp_api.call"),
        "the calls were traced:\n{log}"
    );
    assert!(
        log.contains("call failed"),
        "the failures were logged:\n{log}"
    );
    assert!(log.contains("retrying"), "the retry was logged:\n{log}");
    assert_no_secret("the TRACE log", &log);
}

/// Regression: `ApiError::message` once kept the vendor's text unredacted, so a vendor that
/// echoes the password in `ResponseMsgEng` put it in the error's `Debug`/`Display` and in the
/// client's "call failed" log line.
#[tokio::test]
async fn a_vendor_message_that_echoes_the_password_is_redacted() {
    let (logs, _guard) = common::capture_logs();
    let mock = MockServer::start().await;
    let client = client(&mock.base_url());
    let body =
        format!(r#"{{"ResponseCode":11,"ResponseMsgEng":"Incorrect API_Password {PASSWORD}"}}"#);
    mock.push(TP_ACCOUNT, Reply::new(401, body));
    let err = client
        .create_tp_account(&common::create_tp_account(PASSWORD))
        .await
        .expect_err("401");
    assert_eq!(err.code(), Some(&ResponseCode::IncorrectApiPassword));
    assert_error_clean("an API error echoing the password", &err);
    assert_no_secret("the TRACE log", &logs.text());
}

/// Regression: the reason of an `Error::Decode` once quoted the offending value ("`…` is not an
/// integer") unredacted, so `Debug`, `Display` and the "call failed" log line printed it.
#[tokio::test]
async fn a_decode_reason_that_quotes_the_password_is_redacted() {
    let (logs, _guard) = common::capture_logs();
    let mock = MockServer::start().await;
    let client = client(&mock.base_url());
    let body = format!(r#"{{"ResponseCode":"{PASSWORD}","ResponseMsgEng":"x"}}"#);
    mock.push(TP_ACCOUNT, Reply::new(200, body));
    let err = client
        .create_tp_account(&common::create_tp_account(PASSWORD))
        .await
        .expect_err("undecodable");
    let Error::Decode { body, .. } = &err else {
        panic!("expected Decode, got {err:?}")
    };
    assert!(body.contains("[REDACTED]"), "{body}");
    assert_error_clean("a decode error quoting the password", &err);
    assert_no_secret("the TRACE log", &logs.text());
}
