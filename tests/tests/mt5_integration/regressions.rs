//! Regressions: library bugs found while writing these tests, now fixed in the runtime.

use std::time::Duration;

use hyp_api::Error;
use hyp_api::mt5_manager::*;
use hyp_api_tests::mock::{MockServer, Reply};

use crate::mt5_common as c;
use crate::routes::DEPOSIT;

/// Was a bug (hyp-api/src/runtime/client.rs `Core::attempt`): a header whose value is not a valid
/// HTTP header value (`HeaderValue::from_str` fails: control characters such as the trailing
/// newline of an id read from a line of a file) is silently left out. For `x-request-id` the
/// call still counts as retry-safe (`retry_safe` looks at the key, not at what was sent), so a retried deposit goes out twice WITHOUT any idempotency key:
/// the server cannot detect the resend and may apply it twice. (The same drops a required
/// `x-operator-id` such as `backoffice\n`.) Expected: refused before sending
/// (`Error::InvalidRequest` naming `x-request-id`), or the value sent intact.
#[tokio::test]
async fn a_request_id_that_is_not_a_header_value_is_not_dropped_silently() {
    let mock = MockServer::start().await;
    let client = c::client_with(&mock, c::fast_retries(), 5_000);
    mock.push(DEPOSIT, Reply::new(503, "{}"));
    mock.push(DEPOSIT, Reply::new(201, ""));
    let result = client
        .deposit(&c::deposit().request_id("req_mng5_7711\n"))
        .await;
    let received = mock.received();
    match result {
        Err(Error::InvalidRequest(v)) => {
            assert_eq!(v.paths(), ["x-request-id"]);
            assert!(received.is_empty(), "refused, so nothing was sent");
        }
        other => panic!("expected the request to be refused before sending, got {other:?}"),
    }
}

/// Was a bug (hyp-api/src/runtime/client.rs `decode_answer`): for a REST API the HTTP status IS the
/// code (no envelope), yet an error status whose body is not JSON (a proxy's `503 Service
/// Unavailable` page, a plain-text `409 Conflict`) becomes `Error::Decode` instead of its typed
/// code. For 503 the typed `ManagerOffline` is lost; for a 409 after a retry the idempotent
/// "already applied" OUTCOME of a raw-answer mutation becomes an error, inviting the caller to
/// deposit again under a new id. Expected: the status decides (`Error::Api(ManagerOffline)`,
/// `Ok(AlreadyApplied)` with the body kept), as with an empty body.
#[tokio::test]
async fn a_503_with_a_non_json_body_is_still_manager_offline() {
    let mock = MockServer::start().await;
    mock.push(
        DEPOSIT,
        Reply::new(503, "<html><body>503 Service Unavailable</body></html>"),
    );
    let err = c::client(&mock)
        .deposit(&c::deposit())
        .await
        .expect_err("offline");
    assert_eq!(
        err.code(),
        Some(&StatusCode::ManagerOffline),
        "typed 503: {err:?}"
    );
}

/// See [`a_503_with_a_non_json_body_is_still_manager_offline`]: the worse half. The first
/// attempt was applied but timed out; the retry's 409 says so in plain text; the caller gets an
/// error for a deposit that was applied exactly once.
#[tokio::test]
async fn a_409_with_a_non_json_body_is_still_already_applied() {
    let mock = MockServer::start().await;
    let client = c::client_with(&mock, c::fast_retries(), 200);
    mock.push(DEPOSIT, Reply::new(201, "").delayed(Duration::from_secs(3)));
    mock.push(DEPOSIT, Reply::new(409, "Conflict: already applied"));
    let out = client
        .deposit(&c::deposit())
        .await
        .map(hyp_api::Keyed::into_inner);
    assert_eq!(mock.received().len(), 2);
    assert!(
        matches!(out, Ok(DepositOutcome::AlreadyApplied(_))),
        "a 409 is already applied whatever its body: {out:?}"
    );
}
