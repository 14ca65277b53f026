//! Invalid requests are never sent; raw answers are kept as received; query and path
//! parameters; secrets echoed by the server are scrubbed.

use hyp_api::Error;
use hyp_api::mt5_manager::*;
use hyp_api_tests::mock::{MockServer, Reply};

use crate::mt5_common::{self as c, LOGIN, OPERATOR};
use crate::routes::{DEPOSIT, GROUPS};

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
