//! The rules of spec/mt5-manager/sandbox.yaml: idempotency keys, balances, validation, unknown
//! routes.

use super::*;

#[tokio::test]
async fn a_deposit_resent_with_its_request_id_answers_already_applied_and_is_applied_once() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let req = deposit(7001, dec!(250)).request_id("dep-1");
    let first = client.deposit(&req).await.unwrap().into_inner();
    assert!(matches!(first, DepositOutcome::Applied(_)), "{first:?}");
    let again = client.deposit(&req).await.unwrap().into_inner();
    assert!(
        matches!(again, DepositOutcome::AlreadyApplied(_)),
        "{again:?}"
    );
    assert_eq!(sandbox.received(API, DEPOSIT), 2);
    assert_eq!(sandbox.applied(API, DEPOSIT), 1);
    assert_eq!(balance(&sandbox, 7001), dec!(250));
}

#[tokio::test]
async fn a_withdrawal_resent_with_its_request_id_answers_already_applied_and_is_applied_once() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let req = withdraw(7002, dec!(40)).request_id("wd-1");
    let first = client.withdraw(&req).await.unwrap().into_inner();
    assert!(matches!(first, WithdrawOutcome::Applied(_)), "{first:?}");
    let again = client.withdraw(&req).await.unwrap().into_inner();
    assert!(
        matches!(again, WithdrawOutcome::AlreadyApplied(_)),
        "{again:?}"
    );
    assert_eq!(sandbox.received(API, WITHDRAW), 2);
    assert_eq!(sandbox.applied(API, WITHDRAW), 1);
    assert_eq!(balance(&sandbox, 7002), dec!(-40));
}

#[tokio::test]
async fn an_account_creation_resent_with_its_request_id_answers_already_applied_with_the_same_login()
 {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let req = CreateAccountRequest::new(CreateAccountRequired {
        operator_id: "backoffice".into(),
        name: "Dana Levi".into(),
        group: "demo\\retail".into(),
        email: "dana@example.com".into(),
    })
    .request_id("acc-1");
    let first = client.create_account(&req).await.unwrap().into_inner();
    let CreateAccountOutcome::Created(created) = first else {
        panic!("{first:?}")
    };
    let login = created.login.expect("the sandbox assigns a login");
    let again = client.create_account(&req).await.unwrap().into_inner();
    let CreateAccountOutcome::AlreadyApplied(replayed) = again else {
        panic!("{again:?}")
    };
    assert_eq!(replayed.login, Some(login));
    assert_eq!(sandbox.applied(API, CREATE), 1);
    // A different request id is a new account, with a new login.
    let other = client
        .create_account(&req.clone().request_id("acc-2"))
        .await
        .map(hyp_api::Keyed::into_inner)
        .unwrap();
    let CreateAccountOutcome::Created(other) = other else {
        panic!("{other:?}")
    };
    assert_ne!(other.login, Some(login));
    assert_eq!(sandbox.applied(API, CREATE), 2);
}

#[tokio::test]
async fn the_generated_idempotency_key_makes_a_retry_after_a_dropped_connection_already_applied() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    sandbox.inject(API, DEPOSIT, Fault::drop_connection());
    // No request_id: the client makes one and resends it on the retry.
    let out = client
        .deposit(&deposit(7003, dec!(100)))
        .await
        .unwrap()
        .into_inner();
    assert!(matches!(out, DepositOutcome::AlreadyApplied(_)), "{out:?}");
    assert_eq!(sandbox.received(API, DEPOSIT), 2);
    assert_eq!(sandbox.applied(API, DEPOSIT), 1);
    assert_eq!(balance(&sandbox, 7003), dec!(100));
}

/// `balance` of `GET /accounts/{login}`, through the client (the answer echoes the `login`).
async fn shown_balance(client: &Client, login: i64) -> hyp_api::Decimal {
    let account = client
        .get_account(&GetAccountRequest::new(GetAccountRequired {
            login: login.into(),
        }))
        .await
        .unwrap();
    assert_eq!(account.login, login);
    account.balance.expect("the balance is shown").amount()
}

#[tokio::test]
async fn deposits_and_withdrawals_move_the_balance_get_account_shows() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    client.deposit(&deposit(7004, dec!(100.50))).await.unwrap();
    assert_eq!(shown_balance(&client, 7004).await, dec!(100.50));
    assert_eq!(balance(&sandbox, 7004), dec!(100.50));
    client.withdraw(&withdraw(7004, dec!(30.25))).await.unwrap();
    assert_eq!(shown_balance(&client, 7004).await, dec!(70.25));
    assert_eq!(balance(&sandbox, 7004), dec!(70.25));
    // Another account is untouched.
    assert_eq!(shown_balance(&client, 7005).await, dec!(0));
    assert_eq!(balance(&sandbox, 7005), dec!(0));
}

#[tokio::test]
async fn an_invalid_request_answers_400_with_the_reason() {
    let sandbox = Sandbox::start().await.unwrap();
    // Amount 0 breaks `amount > 0`; the client would refuse to send it, so send it raw.
    let answer = reqwest::Client::new()
        .post(format!("{}/transactions/deposit", sandbox.base_url(API)))
        .bearer_auth("sandbox-manager-key")
        .header("x-operator-id", "backoffice")
        .header("x-request-id", "bad-1")
        .header("content-type", "application/json")
        .body(serde_json::json!({ "login": 7006, "amount": 0 }).to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status().as_u16(), 400);
    let reason = answer.headers()[hyp_sandbox::REASON_HEADER]
        .to_str()
        .unwrap();
    assert!(reason.contains("invalid request: amount"), "{reason}");
    let body: serde_json::Value = serde_json::from_str(&answer.text().await.unwrap()).unwrap();
    // The vendor's meaning of 400, not the sandbox's reason.
    assert_eq!(
        body["message"],
        "The requested group, leverage, or balance payload is invalid."
    );
    assert_eq!(sandbox.applied(API, DEPOSIT), 0);
    assert_eq!(balance(&sandbox, 7006), dec!(0));
}

#[tokio::test]
async fn the_client_refuses_the_same_invalid_request_without_sending_it() {
    let sandbox = Sandbox::start().await.unwrap();
    let err = client(&sandbox)
        .deposit(&deposit(7006, dec!(0)))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidRequest(_)), "{err:?}");
    assert_eq!(sandbox.received(API, DEPOSIT), 0);
}

/// No 404 in the vendor's table: an unknown route is 400 ValidationError (a spec decision),
/// the route named in the sandbox's reason header.
#[tokio::test]
async fn an_unknown_route_answers_400_from_the_code_table() {
    let sandbox = Sandbox::start().await.unwrap();
    let answer = reqwest::Client::new()
        .post(format!("{}/transactions/teleport", sandbox.base_url(API)))
        .bearer_auth("sandbox-manager-key")
        .header("x-operator-id", "backoffice")
        .header("content-type", "application/json")
        .body(serde_json::json!({ "login": 7007, "amount": 5 }).to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status().as_u16(), 400);
    let reason = answer.headers()[hyp_sandbox::REASON_HEADER]
        .to_str()
        .unwrap();
    assert!(
        reason.contains("no route POST /transactions/teleport"),
        "{reason}"
    );
    let body: serde_json::Value = serde_json::from_str(&answer.text().await.unwrap()).unwrap();
    assert_eq!(
        body["message"],
        "The requested group, leverage, or balance payload is invalid."
    );
}
