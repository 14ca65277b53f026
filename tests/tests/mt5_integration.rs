//! MT5 Manager through the real client against a loopback server:
//! - every endpoint of spec/mt5-manager (iterated from the spec, so a new endpoint fails until
//!   it gets a typed call here) × every status of the code table plus an undocumented one: the
//!   endpoint's outcomes are `Ok` with the right variant, every other status is a typed
//!   `Error::Api` (503 retryable, 418 kept as `Unknown(418)`);
//! - idempotency: a mutation carries an `x-request-id` (the caller's, or a UUID made once per
//!   call) that is the same on every retry; a 409 after a retry the server had already applied
//!   is `AlreadyApplied`, not a failure; reads are retried without a key;
//! - invalid requests are never sent; raw answers are kept as received; query and path
//!   parameters; secrets echoed by the server are scrubbed.

mod mt5_common;

use std::time::Duration;

use hyp_api::Error;
use hyp_api::mt5_manager::*;
use hyp_api::{RetryPolicy, VendorCode};
use hyp_api_tests::mock::{MockServer, Reply};
use hyp_api_tests::vendor;
use hyp_codegen::model::Api;
use mt5_common::{self as c, BASE_PATH, LOGIN, OPERATOR, REQUEST_ID};

const DEPOSIT: &str = "POST /mt5/manager/transactions/deposit";
const GROUPS: &str = "GET /mt5/manager/reports/groups";
/// A status the spec does not list.
const UNDOCUMENTED: u16 = 418;

/// Calls the endpoint `wire` with its valid request; on success, the outcome's variant name
/// (for an endpoint with one outcome, which returns its response directly, that outcome's).
async fn call(client: &Client, wire: &str) -> Result<&'static str, CallError> {
    Ok(match wire {
        "POST /accounts" => match client.create_account(&c::create_account()).await?.outcome {
            CreateAccountOutcome::Created(_) => "Created",
            CreateAccountOutcome::AlreadyApplied(_) => "AlreadyApplied",
        },
        "PATCH /accounts/{login}" => {
            match client.update_account(&c::update_account()).await?.outcome {
                UpdateAccountOutcome::Updated(_) => "Updated",
                UpdateAccountOutcome::AlreadyApplied(_) => "AlreadyApplied",
            }
        }
        "GET /accounts/{login}" => {
            let account = client.get_account(&c::get_account()).await?;
            assert_eq!(account.login, LOGIN);
            "Found"
        }
        "POST /accounts/{login}/password" => {
            match client.rotate_password(&c::rotate_password()).await?.outcome {
                RotatePasswordOutcome::Rotated(_) => "Rotated",
                RotatePasswordOutcome::AlreadyApplied(_) => "AlreadyApplied",
            }
        }
        "GET /reports/daily" => {
            client.daily_report(&c::daily_report()).await?;
            "Report"
        }
        "GET /reports/groups" => {
            client.group_report(&GroupReportRequest::new()).await?;
            "Report"
        }
        "GET /reports/symbols" => {
            client.symbol_report(&SymbolReportRequest::new()).await?;
            "Report"
        }
        "GET /reports/exposure" => {
            client
                .exposure_report(&ExposureReportRequest::new())
                .await?;
            "Report"
        }
        "POST /transactions/deposit" => match client.deposit(&c::deposit()).await?.outcome {
            DepositOutcome::Applied(_) => "Applied",
            DepositOutcome::AlreadyApplied(_) => "AlreadyApplied",
        },
        "POST /transactions/withdraw" => match client.withdraw(&c::withdraw()).await?.outcome {
            WithdrawOutcome::Applied(_) => "Applied",
            WithdrawOutcome::AlreadyApplied(_) => "AlreadyApplied",
        },
        "POST /transactions/credit" => match client.credit(&c::credit()).await?.outcome {
            CreditOutcome::Applied(_) => "Applied",
            CreditOutcome::AlreadyApplied(_) => "AlreadyApplied",
        },
        "GET /transactions/history" => {
            client
                .transaction_history(&c::transaction_history())
                .await?;
            "Ledger"
        }
        other => panic!(
            "spec/mt5-manager has an endpoint `{other}` this test does not call: add it to `call`"
        ),
    })
}

/// The typed code the spec's table gives `status`, by the table's name (so a new code in the
/// spec fails here until the test knows it); `Unknown` for a status it does not list.
fn expected_code(api: &Api, status: u16) -> StatusCode {
    let Some(code) = api.codes.iter().find(|c| c.value == i64::from(status)) else {
        return StatusCode::Unknown(i64::from(status));
    };
    match code.name.as_str() {
        "Ok" => StatusCode::Ok,
        "Created" => StatusCode::Created,
        "ValidationError" => StatusCode::ValidationError,
        "Unauthorized" => StatusCode::Unauthorized,
        "PermissionDenied" => StatusCode::PermissionDenied,
        "AlreadyApplied" => StatusCode::AlreadyApplied,
        "ManagerOffline" => StatusCode::ManagerOffline,
        other => panic!("code {status} `{other}` is new in the spec: add it to `expected_code`"),
    }
}

/// The scripted body for `status`: none for 201 and 409 (REST answers that may carry none),
/// a small JSON object otherwise (with the login, which `GET /accounts/{login}` requires).
fn body_for(status: u16) -> String {
    match status {
        201 | 409 => String::new(),
        200 => r#"{"login":128001,"status":"ok"}"#.to_string(),
        _ => format!(r#"{{"error":"scripted","status":{status}}}"#),
    }
}

#[test]
fn the_code_table_is_the_documented_one() {
    let api = vendor::mt5_manager();
    let codes: Vec<(i64, &str, Option<u16>, bool)> = api
        .codes
        .iter()
        .map(|c| (c.value, c.name.as_str(), c.http_status, c.retryable))
        .collect();
    assert_eq!(
        codes,
        [
            (200, "Ok", Some(200), false),
            (201, "Created", Some(201), false),
            (400, "ValidationError", Some(400), false),
            (401, "Unauthorized", Some(401), false),
            (403, "PermissionDenied", Some(403), false),
            (409, "AlreadyApplied", Some(409), false),
            (503, "ManagerOffline", Some(503), true),
        ]
    );
    for c in &api.codes {
        let code = expected_code(api, c.value as u16);
        assert_eq!(code.value(), c.value);
        assert_eq!(code.documented_http_status(), c.http_status);
        assert_eq!(code.is_retryable(), c.retryable, "{code:?}");
        assert!(!code.outcome_unknown(), "{code:?}");
    }
    let unknown = StatusCode::Unknown(418);
    assert_eq!(unknown.value(), 418);
    assert_eq!(unknown.documented_http_status(), None);
    assert!(!unknown.is_retryable());
}

#[tokio::test]
async fn every_endpoint_gives_every_status_its_typed_meaning() {
    let api = vendor::mt5_manager();
    assert_eq!(api.endpoints.len(), 12, "the vendor doc's 12 endpoints");
    let statuses: Vec<u16> = api
        .codes
        .iter()
        .map(|c| u16::try_from(c.value).expect("an HTTP status"))
        .chain([UNDOCUMENTED])
        .collect();
    let mock = MockServer::start().await;
    let client = c::client(&mock);
    let (mut outcomes, mut errors) = (0, 0);
    for e in &api.endpoints {
        let wire = e.wire.as_str();
        for &status in &statuses {
            let what = format!("{wire} answering {status}");
            let body = body_for(status);
            mock.push(&c::route(wire), Reply::new(status, body.clone()));
            let before = mock.received().len();
            let result = call(&client, wire).await;

            let received = mock.received();
            assert_eq!(received.len(), before + 1, "{what}: sent once, not retried");
            let r = &received[before];
            assert_eq!(r.method, c::method_of(wire), "{what}");
            assert_eq!(r.path, format!("{BASE_PATH}{}", c::path_of(wire)), "{what}");
            assert_eq!(
                r.header("authorization"),
                Some("Bearer <manager-key>"),
                "{what}"
            );
            if e.read_only {
                assert_eq!(r.header("x-request-id"), None, "{what}: a read has no key");
                assert_eq!(r.body, "", "{what}: a read has no body");
            } else {
                // Every mutation: the operator (required) and a request id (made by the client).
                assert_eq!(r.header("x-operator-id"), Some(OPERATOR), "{what}");
                let id = r.header("x-request-id").unwrap_or_default();
                assert!(c::is_uuid_v4(id), "{what}: x-request-id `{id}`");
                assert_eq!(
                    r.content_type.as_deref(),
                    Some("application/json"),
                    "{what}"
                );
            }

            let outcome = e
                .outcomes
                .iter()
                .find(|o| o.codes.contains(&i64::from(status)));
            match (outcome, result) {
                (Some(o), Ok(variant)) => {
                    assert_eq!(variant, o.variant, "{what}");
                    outcomes += 1;
                }
                (Some(o), Err(err)) => panic!("{what}: expected {}, got {err:?}", o.variant),
                (None, Ok(variant)) => panic!("{what}: expected an error, got {variant}"),
                (None, Err(Error::Api(a))) => {
                    assert_eq!(a.code, expected_code(api, status), "{what}");
                    assert_eq!(a.code.value(), i64::from(status), "{what}");
                    assert_eq!(a.http_status, status, "{what}");
                    assert_eq!(a.endpoint, wire, "{what}");
                    assert_eq!(a.body, body, "{what}: the answer is kept");
                    assert_eq!(a.message, None, "{what}: no envelope, no message");
                    assert_eq!(a.code.is_retryable(), status == 503, "{what}");
                    errors += 1;
                }
                (None, Err(err)) => panic!("{what}: expected Error::Api, got {err:?}"),
            }
        }
    }
    // 200 on all 12 endpoints, 201 on the 5 mutations that create (not the PATCH), 409 on
    // all 6 mutations.
    assert_eq!(outcomes, 12 + 5 + 6);
    assert_eq!(outcomes + errors, 12 * statuses.len());
}

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

#[tokio::test]
async fn invalid_requests_are_refused_before_sending() {
    let mock = MockServer::start().await;
    let client = c::client_with(&mock, c::fast_retries(), 5_000);
    for route in [
        DEPOSIT,
        "POST /mt5/manager/transactions/withdraw",
        "POST /mt5/manager/transactions/credit",
        "PATCH /mt5/manager/accounts/128001",
        "POST /mt5/manager/accounts",
    ] {
        mock.push(route, Reply::new(201, ""));
    }

    let paths = |err: CallError| -> Vec<String> {
        match err {
            Error::InvalidRequest(v) => v.paths().into_iter().map(str::to_string).collect(),
            other => panic!("expected InvalidRequest, got {other:?}"),
        }
    };
    let zero = DepositRequest::new(DepositRequired {
        operator_id: OPERATOR.into(),
        login: LOGIN.into(),
        amount: c::money("0"),
    });
    let err = client.deposit(&zero).await.expect_err("amount 0");
    assert!(!err.outcome_unknown());
    assert_eq!(paths(err), ["amount"]);
    let negative = WithdrawRequest::new(WithdrawRequired {
        operator_id: OPERATOR.into(),
        login: LOGIN.into(),
        amount: c::money("-10.00"),
    });
    assert_eq!(
        paths(client.withdraw(&negative).await.expect_err("negative")),
        ["amount"]
    );
    let zero_credit = CreditRequest::new(CreditRequired {
        operator_id: OPERATOR.into(),
        login: LOGIN.into(),
        amount: c::money("0.00"),
    });
    assert_eq!(
        paths(client.credit(&zero_credit).await.expect_err("amount 0.00")),
        ["amount"]
    );
    let leverage = UpdateAccountRequest::new(UpdateAccountRequired {
        login: LOGIN.into(),
        operator_id: OPERATOR.into(),
    })
    .leverage(0);
    assert_eq!(
        paths(
            client
                .update_account(&leverage)
                .await
                .expect_err("leverage 0")
        ),
        ["leverage"]
    );
    let create = c::create_account().leverage(0);
    assert_eq!(
        paths(
            client
                .create_account(&create)
                .await
                .expect_err("leverage 0")
        ),
        ["leverage"]
    );
    // An empty request id would be no key at all: refused, not replaced.
    let empty_key = c::deposit().request_id("");
    assert_eq!(
        paths(client.deposit(&empty_key).await.expect_err("empty key")),
        ["x-request-id"]
    );
    // Every rule at once.
    let both = DepositRequest::new(DepositRequired {
        operator_id: OPERATOR.into(),
        login: LOGIN.into(),
        amount: c::money("0"),
    })
    .request_id("");
    assert_eq!(
        paths(client.deposit(&both).await.expect_err("two rules")),
        ["x-request-id", "amount"]
    );
    assert!(mock.received().is_empty(), "nothing was sent");
}

#[tokio::test]
async fn raw_answers_are_kept_as_received() {
    let mock = MockServer::start().await;
    let client = c::client(&mock);
    let groups = r#"{"groups":[{"group":"real\\pro-usd","accounts":412,"balance":1250000.50,"equity":1249000.25}],"currency":"USD"}"#;
    let symbols = r#"[{"symbol":"EURUSD","volume":1520.35,"deals":8821},{"symbol":"XAUUSD","volume":0.10,"deals":3}]"#;
    let exposure =
        r#"{"net":{"EURUSD":-12.50,"XAUUSD":3.00},"margin":{"used":98765432.10,"free":null}}"#;
    let history = r#"{"items":[{"ticket":90001,"type":"deposit","amount":250.00,"comment":"ref 7711"}],"next":null}"#;
    let update = r#"{"login":128001,"leverage":200,"updated":true}"#;
    mock.push(GROUPS, Reply::new(200, groups));
    mock.push("GET /mt5/manager/reports/symbols", Reply::new(200, symbols));
    mock.push(
        "GET /mt5/manager/reports/exposure",
        Reply::new(200, exposure),
    );
    mock.push(
        "GET /mt5/manager/transactions/history",
        Reply::new(200, history),
    );
    mock.push(
        "PATCH /mt5/manager/accounts/128001",
        Reply::new(200, update),
    );

    let got = client
        .group_report(&GroupReportRequest::new())
        .await
        .expect("groups");
    assert_eq!(got.body, c::node(groups));
    let got = client
        .symbol_report(&SymbolReportRequest::new())
        .await
        .expect("symbols");
    assert_eq!(got.body, c::node(symbols));
    let got = client
        .exposure_report(&ExposureReportRequest::new())
        .await
        .expect("exposure");
    assert_eq!(got.body, c::node(exposure));
    let got = client
        .transaction_history(&TransactionHistoryRequest::new())
        .await
        .expect("history");
    assert_eq!(got.body, c::node(history));
    let UpdateAccountOutcome::Updated(got) = client
        .update_account(&c::update_account())
        .await
        .map(hyp_api::Keyed::into_inner)
        .expect("updated")
    else {
        panic!("expected Updated")
    };
    assert_eq!(got.body, c::node(update));
    // Exact numbers: the kept body writes back the text it received.
    let text = hyp_api::wire::to_json(&got.body).expect("encodes");
    assert_eq!(text, update);
    assert_eq!(mock.received().len(), 5);
}

#[tokio::test]
async fn a_created_account_gives_its_login_and_keeps_the_rest() {
    let mock = MockServer::start().await;
    mock.push(
        "POST /mt5/manager/accounts",
        Reply::new(201, r#"{"login":128002,"group":"real\\pro-usd"}"#),
    );
    let out = c::client(&mock)
        .create_account(&c::create_account().login(128002))
        .await
        .map(hyp_api::Keyed::into_inner)
        .expect("created");
    let CreateAccountOutcome::Created(r) = out else {
        panic!("expected Created, got {out:?}")
    };
    assert_eq!(r.login.map(Login::get), Some(128002));
    assert_eq!(
        r.unknown_fields,
        vec![(
            "group".to_string(),
            hyp_api::Node::Str("real\\pro-usd".into())
        )]
    );
    let received = mock.received();
    assert_eq!(
        c::node(&received[0].body),
        c::node(&format!(
            r#"{{"login":128002,"name":"Dana Levi","group":"real\\pro-usd","email":"dana@example.com","leverage":100,"password":"{}"}}"#,
            c::NEW_PASSWORD
        ))
    );
}

#[tokio::test]
async fn history_filters_go_in_the_query_string() {
    let mock = MockServer::start().await;
    let client = c::client(&mock);
    let route = "GET /mt5/manager/transactions/history";
    mock.push(route, Reply::new(200, "[]"));
    mock.push(route, Reply::new(200, "[]"));
    client
        .transaction_history(&c::transaction_history())
        .await
        .expect("ledger");
    client
        .transaction_history(&TransactionHistoryRequest::new())
        .await
        .expect("ledger");
    let received = mock.received();
    assert_eq!(received.len(), 2);
    assert_eq!(received[0].path, "/mt5/manager/transactions/history");
    assert_eq!(
        received[0].query.as_deref(),
        Some("login=128001&from=2026-04-01&to=2026-04-07")
    );
    assert_eq!(received[0].body, "");
    assert_eq!(received[1].query, None, "no filter, no query string");
}

#[tokio::test]
async fn the_login_is_a_path_segment() {
    let mock = MockServer::start().await;
    let client = c::client(&mock);
    mock.push(
        "POST /mt5/manager/accounts/128001/password",
        Reply::new(201, ""),
    );
    mock.push("PATCH /mt5/manager/accounts/128001", Reply::new(409, ""));
    let out = client
        .rotate_password(&c::rotate_password())
        .await
        .map(hyp_api::Keyed::into_inner)
        .expect("rotated");
    assert!(matches!(out, RotatePasswordOutcome::Rotated(_)), "{out:?}");
    let out = client
        .update_account(&c::update_account())
        .await
        .map(hyp_api::Keyed::into_inner)
        .expect("already applied");
    assert!(
        matches!(out, UpdateAccountOutcome::AlreadyApplied(_)),
        "{out:?}"
    );
    let received = mock.received();
    assert_eq!(received[0].method, "POST");
    assert_eq!(received[0].path, "/mt5/manager/accounts/128001/password");
    assert_eq!(received[0].query, None);
    assert_eq!(
        c::node(&received[0].body),
        c::node(&format!(
            r#"{{"type":"investor","password":"{}"}}"#,
            c::NEW_PASSWORD
        )),
        "the login is in the path, not the body"
    );
    assert_eq!(received[1].method, "PATCH");
    assert_eq!(received[1].path, "/mt5/manager/accounts/128001");
    assert_eq!(c::node(&received[1].body), c::node(r#"{"leverage":200}"#));
}

#[tokio::test]
async fn a_password_echoed_by_the_server_is_scrubbed_from_the_error() {
    let mock = MockServer::start().await;
    let echo = format!(
        r#"{{"error":"weak password","password":"{}","key":"<manager-key>"}}"#,
        c::NEW_PASSWORD
    );
    mock.push(
        "POST /mt5/manager/accounts/128001/password",
        Reply::new(400, echo),
    );
    let err = c::client(&mock)
        .rotate_password(&c::rotate_password())
        .await
        .expect_err("refused");
    let Error::Api(a) = &err else {
        panic!("expected ValidationError, got {err:?}")
    };
    assert_eq!(a.code, StatusCode::ValidationError);
    assert_eq!(
        a.body,
        r#"{"error":"weak password","password":"[REDACTED]","key":"[REDACTED]"}"#
    );
    for shown in [format!("{err:?}"), err.to_string()] {
        assert!(!shown.contains(c::NEW_PASSWORD), "{shown}");
        assert!(!shown.contains("<manager-key>"), "{shown}");
    }
}

// ---------------------------------------------------------------------------------------------
// Regressions: library bugs found while writing these tests, now fixed in the runtime.
// ---------------------------------------------------------------------------------------------

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
