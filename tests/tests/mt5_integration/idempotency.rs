//! Idempotency: a mutation carries an `x-request-id` that is the same on every retry; a 409
//! after a retry the server had already applied is `AlreadyApplied`; reads are retried without
//! a key.

use std::time::Duration;

use hyp_api::Error;
use hyp_api::mt5_manager::*;
use hyp_api::{RetryPolicy, VendorCode};
use hyp_api_tests::mock::{MockServer, Reply};

use crate::mt5_common::{self as c, OPERATOR, REQUEST_ID};
use crate::routes::{DEPOSIT, GROUPS};

#[tokio::test]
async fn a_503_is_retried_with_the_same_request_id_and_the_deposit_applied_once() {
    let mock = MockServer::start().await;
    let client = c::client_with(&mock, c::fast_retries(), 5_000);
    mock.push(DEPOSIT, Reply::new(503, r#"{"error":"manager offline"}"#));
    mock.push(DEPOSIT, Reply::new(201, ""));
    let keyed = client.deposit(&c::deposit()).await.expect("applied");
    assert!(
        matches!(keyed.outcome, DepositOutcome::Applied(_)),
        "{keyed:?}"
    );

    let received = mock.received();
    assert_eq!(received.len(), 2);
    let first = received[0].header("x-request-id").expect("a request id");
    assert!(c::is_uuid_v4(first), "{first}");
    // The key the client made is returned with the outcome: the one both attempts carried.
    assert_eq!(keyed.idempotency_key(), Some(first));
    assert_eq!(
        received[1].header("x-request-id"),
        Some(first),
        "the retry is the same operation"
    );
    assert_eq!(
        received[0].body, received[1].body,
        "the resend is identical"
    );
}

#[tokio::test]
async fn the_callers_request_id_is_kept_on_every_retry() {
    let mock = MockServer::start().await;
    let client = c::client_with(&mock, c::fast_retries(), 5_000);
    for _ in 0..3 {
        mock.push(DEPOSIT, Reply::new(503, "{}"));
    }
    let err = client
        .deposit(&c::deposit().request_id(REQUEST_ID))
        .await
        .expect_err("offline three times");
    let Error::Api(a) = &err else {
        panic!("expected ManagerOffline, got {err:?}")
    };
    assert_eq!(a.code, StatusCode::ManagerOffline);
    assert!(a.code.is_retryable());
    assert_eq!(a.idempotency_key.as_deref(), Some(REQUEST_ID));
    assert_eq!(err.idempotency_key(), Some(REQUEST_ID));
    assert_eq!(err.code(), Some(&StatusCode::ManagerOffline));
    let ids: Vec<Option<String>> = mock
        .received()
        .iter()
        .map(|r| r.header("x-request-id").map(str::to_string))
        .collect();
    assert_eq!(
        ids,
        vec![Some(REQUEST_ID.to_string()); 3],
        "3 attempts, one id"
    );
}

#[tokio::test]
async fn a_409_after_a_retry_the_server_had_applied_is_already_applied() {
    let mock = MockServer::start().await;
    let client = c::client_with(&mock, c::fast_retries(), 200);
    // The server applies the first attempt but answers after the client gave up waiting.
    mock.push(DEPOSIT, Reply::new(201, "").delayed(Duration::from_secs(3)));
    mock.push(DEPOSIT, Reply::new(409, r#"{"error":"already applied"}"#));
    let out = client
        .deposit(&c::deposit())
        .await
        .map(hyp_api::Keyed::into_inner)
        .expect("done, not a failure");
    let DepositOutcome::AlreadyApplied(r) = &out else {
        panic!("expected AlreadyApplied, got {out:?}")
    };
    assert_eq!(r.body, c::node(r#"{"error":"already applied"}"#));

    let received = mock.received();
    assert_eq!(received.len(), 2, "the timeout was retried once");
    let id = received[0].header("x-request-id").expect("a request id");
    assert!(c::is_uuid_v4(id), "{id}");
    assert_eq!(received[1].header("x-request-id"), Some(id));
}

#[tokio::test]
async fn a_deposit_timeout_without_retries_leaves_the_outcome_unknown() {
    let mock = MockServer::start().await;
    let client = c::client_with(&mock, RetryPolicy::never(), 200);
    mock.push(DEPOSIT, Reply::new(201, "").delayed(Duration::from_secs(3)));
    let err = client.deposit(&c::deposit()).await.expect_err("timed out");
    assert!(
        matches!(
            err,
            Error::Timeout {
                endpoint: "POST /transactions/deposit",
                outcome_unknown: true,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.outcome_unknown());
    let received = mock.received();
    assert_eq!(received.len(), 1);
    // The generated key the lost attempt carried is on the error: resend under it.
    let sent = received[0].header("x-request-id").expect("a request id");
    assert!(c::is_uuid_v4(sent), "{sent}");
    assert_eq!(err.idempotency_key(), Some(sent));
}

#[tokio::test]
async fn separate_calls_get_separate_request_ids() {
    let mock = MockServer::start().await;
    let client = c::client(&mock);
    mock.push(DEPOSIT, Reply::new(201, ""));
    mock.push(DEPOSIT, Reply::new(201, ""));
    let request = c::deposit();
    client.deposit(&request).await.expect("applied");
    client.deposit(&request).await.expect("applied");
    assert_eq!(
        request.request_id, None,
        "the caller's request is untouched"
    );

    let received = mock.received();
    assert_eq!(received.len(), 2);
    let a = received[0].header("x-request-id").expect("a request id");
    let b = received[1].header("x-request-id").expect("a request id");
    assert!(c::is_uuid_v4(a) && c::is_uuid_v4(b), "{a} / {b}");
    assert_ne!(a, b, "two calls are two operations");
}

#[tokio::test]
async fn a_report_is_retried_after_a_503_without_a_key() {
    let mock = MockServer::start().await;
    let client = c::client_with(&mock, c::fast_retries(), 5_000);
    let report = r#"{"groups":[{"group":"real\\pro-usd","accounts":412}]}"#;
    mock.push(GROUPS, Reply::new(503, r#"{"error":"offline"}"#));
    mock.push(GROUPS, Reply::new(200, report));
    let out = client
        .group_report(&GroupReportRequest::new().operator_id(OPERATOR))
        .await
        .expect("the second attempt succeeds");
    assert_eq!(out.body, c::node(report));

    let received = mock.received();
    assert_eq!(received.len(), 2, "a read is retried");
    for r in &received {
        assert_eq!(r.path, "/mt5/manager/reports/groups");
        assert_eq!(r.header("x-request-id"), None, "a read needs no key");
        assert_eq!(r.header("x-operator-id"), Some(OPERATOR));
    }
}

#[tokio::test]
async fn definite_answers_are_not_retried() {
    let mock = MockServer::start().await;
    let client = c::client_with(&mock, c::fast_retries(), 5_000);
    for status in [400, 401, 403] {
        mock.push(DEPOSIT, Reply::new(status, "{}"));
        mock.push(DEPOSIT, Reply::new(201, ""));
        let err = client
            .deposit(&c::deposit())
            .await
            .expect_err("a definite error");
        assert_eq!(
            err.code().map(|c| c.value()),
            Some(i64::from(status)),
            "{err:?}"
        );
        // Drain the unused 201 so the next round starts clean.
        client.deposit(&c::deposit()).await.expect("applied");
    }
    mock.push(DEPOSIT, Reply::new(409, ""));
    mock.push(DEPOSIT, Reply::new(201, ""));
    let out = client
        .deposit(&c::deposit())
        .await
        .map(hyp_api::Keyed::into_inner)
        .expect("already applied");
    assert!(matches!(out, DepositOutcome::AlreadyApplied(_)), "{out:?}");
    // 3 × (error + drain) + the 409: nothing was sent twice.
    assert_eq!(mock.received().len(), 7);
}
