//! Every fault the sandbox injects into MT5 Manager answers, with and without retries.

use super::*;

#[tokio::test]
async fn a_delay_past_the_timeout_is_outcome_unknown_and_a_resend_is_already_applied() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = Client::builder(
        sandbox.base_url(API),
        SecretString::from("sandbox-manager-key".to_string()),
    )
    .retry(RetryPolicy::never())
    .timeout(Duration::from_millis(200))
    .build()
    .unwrap();
    sandbox.inject(API, DEPOSIT, Fault::delay(Duration::from_secs(2)));
    let req = deposit(7008, dec!(75)).request_id("slow-1");
    let err = client.deposit(&req).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::Timeout {
                outcome_unknown: true,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(balance(&sandbox, 7008), dec!(75));
    let again = client.deposit(&req).await.unwrap().into_inner();
    assert!(
        matches!(again, DepositOutcome::AlreadyApplied(_)),
        "{again:?}"
    );
    assert_eq!(sandbox.received(API, DEPOSIT), 2);
    assert_eq!(sandbox.applied(API, DEPOSIT), 1);
    assert_eq!(balance(&sandbox, 7008), dec!(75));
}

#[tokio::test]
async fn an_http_500_is_an_api_error_with_status_500_and_nothing_applied() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client_with(&sandbox, RetryPolicy::never());
    sandbox.inject(API, DEPOSIT, Fault::http_500());
    let err = client.deposit(&deposit(7009, dec!(10))).await.unwrap_err();
    // No envelope: the status is the code, and 500 is not in the table.
    let Error::Api(api) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(api.http_status, 500);
    assert_eq!(api.code, StatusCode::Unknown(500));
    assert!(api.body.contains("Internal Server Error"), "{}", api.body);
    // Undocumented on a call that moves money: the client cannot know nothing was booked
    // (issue #14), though here the sandbox applied nothing.
    assert!(err.outcome_unknown());
    assert_eq!(sandbox.received(API, DEPOSIT), 1);
    assert_eq!(sandbox.applied(API, DEPOSIT), 0);
    assert_eq!(balance(&sandbox, 7009), dec!(0));
}

/// An HTML page with a 2xx is a page, not an answer: `VendorPage`, final, not retried.
#[tokio::test]
async fn an_html_page_for_a_typed_answer_is_a_vendor_page() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    sandbox.inject(API, "GET /accounts/{login}", Fault::html_page());
    let err = client
        .get_account(&GetAccountRequest::new(GetAccountRequired {
            login: 7010.into(),
        }))
        .await
        .unwrap_err();
    let Error::VendorPage {
        http_status, body, ..
    } = &err
    else {
        panic!("{err:?}")
    };
    assert_eq!(*http_status, 200);
    assert!(body.contains("<html>"), "{body}");
    assert_eq!(sandbox.received(API, "GET /accounts/{login}"), 1);
}

/// A money-moving call never reads as applied from an HTML page: the deposit is a
/// `VendorPage` error, and indeed nothing was applied.
#[tokio::test]
async fn an_html_page_on_deposit_is_a_vendor_page_not_an_applied_deposit() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    sandbox.inject(API, DEPOSIT, Fault::html_page());
    let err = client.deposit(&deposit(7011, dec!(10))).await.unwrap_err();
    assert!(matches!(err, Error::VendorPage { .. }), "{err:?}");
    assert_eq!(sandbox.applied(API, DEPOSIT), 0);
    assert_eq!(balance(&sandbox, 7011), dec!(0));
}

#[tokio::test]
async fn a_truncated_typed_answer_is_undecodable() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    client.deposit(&deposit(7012, dec!(20))).await.unwrap();
    sandbox.inject(API, "GET /accounts/{login}", Fault::truncated_body());
    let err = client
        .get_account(&GetAccountRequest::new(GetAccountRequired {
            login: 7012.into(),
        }))
        .await
        .unwrap_err();
    let Error::Decode {
        http_status, body, ..
    } = &err
    else {
        panic!("{err:?}")
    };
    assert_eq!(*http_status, 200);
    assert!(body.starts_with('{') && !body.ends_with('}'), "{body}");
    // The next read is whole again.
    let account = client
        .get_account(&GetAccountRequest::new(GetAccountRequired {
            login: 7012.into(),
        }))
        .await
        .unwrap();
    assert_eq!(account.balance.map(|m| m.amount()), Some(dec!(20)));
}

/// A cut answer to a deposit is undecodable although the deposit was applied; a resend with
/// the same request id is then answered 409 and applies nothing more.
#[tokio::test]
async fn a_truncated_deposit_answer_is_undecodable_and_a_resend_is_already_applied() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client_with(&sandbox, RetryPolicy::never());
    sandbox.inject(API, DEPOSIT, Fault::truncated_body());
    let request = deposit(7013, dec!(15)).request_id("cut-1");
    let err = client.deposit(&request).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::Decode {
                http_status: 201,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(sandbox.applied(API, DEPOSIT), 1);
    let again = client.deposit(&request).await.unwrap().into_inner();
    assert!(
        matches!(again, DepositOutcome::AlreadyApplied(_)),
        "{again:?}"
    );
    assert_eq!(sandbox.applied(API, DEPOSIT), 1);
    assert_eq!(balance(&sandbox, 7013), dec!(15));
}

/// A cut answer to an account creation does not pass for `Created` without its login: it is
/// undecodable, and the resend with the same request id recovers the login.
#[tokio::test]
async fn a_truncated_account_creation_is_undecodable_and_the_resend_recovers_the_login() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client_with(&sandbox, RetryPolicy::never());
    sandbox.inject(API, CREATE, Fault::truncated_body());
    let req = CreateAccountRequest::new(CreateAccountRequired {
        operator_id: "backoffice".into(),
        name: "Dana Levi".into(),
        group: "demo\\retail".into(),
        email: "dana@example.com".into(),
    })
    .request_id("acc-cut-1");
    let err = client.create_account(&req).await.unwrap_err();
    assert!(matches!(err, Error::Decode { .. }), "{err:?}");
    assert_eq!(sandbox.applied(API, CREATE), 1);
    let again = client.create_account(&req).await.unwrap().into_inner();
    let CreateAccountOutcome::AlreadyApplied(replayed) = again else {
        panic!("{again:?}")
    };
    assert!(replayed.login.is_some(), "{replayed:?}");
    assert_eq!(sandbox.applied(API, CREATE), 1);
}

#[tokio::test]
async fn a_dropped_connection_without_retries_is_a_maybe_applied_transport_error() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client_with(&sandbox, RetryPolicy::never());
    sandbox.inject(API, DEPOSIT, Fault::drop_connection());
    let err = client.deposit(&deposit(7014, dec!(60))).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::Transport {
                maybe_applied: true,
                sent: true,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.outcome_unknown());
    assert_eq!(sandbox.received(API, DEPOSIT), 1);
    assert_eq!(sandbox.applied(API, DEPOSIT), 1);
    assert_eq!(balance(&sandbox, 7014), dec!(60));
}

#[tokio::test]
async fn a_dropped_connection_with_retries_is_applied_once() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    sandbox.inject(API, WITHDRAW, Fault::drop_connection());
    let out = client
        .withdraw(&withdraw(7015, dec!(5)).request_id("wd-drop-1"))
        .await
        .map(hyp_api::Keyed::into_inner)
        .unwrap();
    assert!(matches!(out, WithdrawOutcome::AlreadyApplied(_)), "{out:?}");
    assert_eq!(sandbox.received(API, WITHDRAW), 2);
    assert_eq!(sandbox.applied(API, WITHDRAW), 1);
    assert_eq!(balance(&sandbox, 7015), dec!(-5));
}

#[tokio::test]
async fn code_503_is_manager_offline_and_not_applied() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client_with(&sandbox, RetryPolicy::never());
    sandbox.inject(API, DEPOSIT, Fault::code(503));
    let err = client.deposit(&deposit(7016, dec!(30))).await.unwrap_err();
    let Error::Api(api) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(api.code, StatusCode::ManagerOffline);
    assert_eq!(api.http_status, 503);
    assert!(api.body.contains("temporarily unavailable"), "{}", api.body);
    assert_eq!(sandbox.received(API, DEPOSIT), 1);
    assert_eq!(sandbox.applied(API, DEPOSIT), 0);
    assert_eq!(balance(&sandbox, 7016), dec!(0));
}

#[tokio::test]
async fn code_503_is_retried_and_the_retry_applies_once() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    sandbox.inject(API, DEPOSIT, Fault::code(503));
    let out = client
        .deposit(&deposit(7017, dec!(30)))
        .await
        .unwrap()
        .into_inner();
    // The 503 applied nothing, so the retry is the first to apply: Applied, not AlreadyApplied.
    assert!(matches!(out, DepositOutcome::Applied(_)), "{out:?}");
    assert_eq!(sandbox.received(API, DEPOSIT), 2);
    assert_eq!(sandbox.applied(API, DEPOSIT), 1);
    assert_eq!(balance(&sandbox, 7017), dec!(30));
}

#[tokio::test]
async fn code_503_every_time_gives_up_after_max_attempts() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    for _ in 0..3 {
        sandbox.inject(API, DEPOSIT, Fault::code(503));
    }
    let err = client.deposit(&deposit(7018, dec!(30))).await.unwrap_err();
    assert_eq!(err.code(), Some(&StatusCode::ManagerOffline), "{err:?}");
    assert_eq!(sandbox.received(API, DEPOSIT), 3);
    assert_eq!(sandbox.applied(API, DEPOSIT), 0);
}
