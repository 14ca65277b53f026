//! Every fault the sandbox injects, with and without the client's retries.

use super::*;

#[tokio::test]
async fn a_delay_past_the_timeout_is_an_unknown_outcome_and_the_resend_is_a_duplicate() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = Client::builder(sandbox.base_url(API), secret("sandbox-access-token"))
        .retry(RetryPolicy::never())
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    sandbox.inject(API, DEPOSIT, Fault::delay(Duration::from_secs(2)));
    let err = client
        .deposit_fiat(&deposit("T-1", Money::new(dec!(100))))
        .await
        .unwrap_err();
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
    assert!(err.outcome_unknown());
    assert_eq!(sandbox.applied(API, DEPOSIT), 1);
    let again = client
        .deposit_fiat(&deposit("T-1", Money::new(dec!(100))))
        .await
        .map(hyp_api::Keyed::into_inner)
        .unwrap();
    assert!(
        matches!(again, DepositFiatOutcome::Duplicate(_)),
        "{again:?}"
    );
    assert_eq!(sandbox.received(API, DEPOSIT), 2);
    assert_eq!(sandbox.applied(API, DEPOSIT), 1);
    assert_eq!(ils_balance(&sandbox), dec!(100));
}

#[tokio::test]
async fn a_delay_past_the_timeout_is_retried_with_the_same_ticket_and_applied_once() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = Client::builder(sandbox.base_url(API), secret("sandbox-access-token"))
        .retry(fast_retries())
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    sandbox.inject(API, DEPOSIT, Fault::delay(Duration::from_secs(2)));
    let out = client
        .deposit_fiat(&deposit("T-1", Money::new(dec!(100))))
        .await
        .map(hyp_api::Keyed::into_inner)
        .unwrap();
    assert!(matches!(out, DepositFiatOutcome::Duplicate(_)), "{out:?}");
    assert_eq!(sandbox.received(API, DEPOSIT), 2);
    assert_eq!(sandbox.applied(API, DEPOSIT), 1);
    assert_eq!(ils_balance(&sandbox), dec!(100));
}

#[tokio::test]
async fn http_500_without_retries_is_a_decode_error_with_status_500() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client_with(&sandbox, RetryPolicy::never());
    sandbox.inject(API, DEPOSIT, Fault::http_500());
    let err = client
        .deposit_fiat(&deposit("T-1", Money::new(dec!(100))))
        .await
        .unwrap_err();
    let Error::Decode {
        http_status, body, ..
    } = &err
    else {
        panic!("{err:?}")
    };
    assert_eq!(*http_status, 500);
    assert_eq!(body, "Internal Server Error");
    assert_eq!(sandbox.applied(API, DEPOSIT), 0);
    assert_eq!(ils_balance(&sandbox), dec!(0));
}

#[tokio::test]
async fn http_500_is_retried_and_the_resend_is_applied_once() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client_with(&sandbox, fast_retries());
    sandbox.inject(API, DEPOSIT, Fault::http_500());
    let out = client
        .deposit_fiat(&deposit("T-1", Money::new(dec!(100))))
        .await
        .map(hyp_api::Keyed::into_inner)
        .unwrap();
    // The 500 struck before anything was applied: the resend is the first to take effect.
    assert!(matches!(out, DepositFiatOutcome::Created(_)), "{out:?}");
    assert_eq!(sandbox.received(API, DEPOSIT), 2);
    assert_eq!(sandbox.applied(API, DEPOSIT), 1);
    assert_eq!(ils_balance(&sandbox), dec!(100));
}

#[tokio::test]
async fn an_html_page_is_a_vendor_page_and_not_retried() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client_with(&sandbox, fast_retries());
    sandbox.inject(API, DEPOSIT, Fault::html_page());
    let err = client
        .deposit_fiat(&deposit("T-1", Money::new(dec!(100))))
        .await
        .unwrap_err();
    let Error::VendorPage {
        http_status, body, ..
    } = &err
    else {
        panic!("{err:?}")
    };
    assert_eq!(*http_status, 200);
    assert!(body.starts_with("<html>"), "{body}");
    assert_eq!(sandbox.received(API, DEPOSIT), 1);
    assert_eq!(sandbox.applied(API, DEPOSIT), 0);
    assert_eq!(ils_balance(&sandbox), dec!(0));
}

#[tokio::test]
async fn a_truncated_body_is_a_decode_error_and_the_resend_is_a_duplicate() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client_with(&sandbox, fast_retries());
    sandbox.inject(API, DEPOSIT, Fault::truncated_body());
    let err = client
        .deposit_fiat(&deposit("T-1", Money::new(dec!(100))))
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
    // An undecodable 2xx is final: the client does not resend it by itself.
    assert_eq!(sandbox.received(API, DEPOSIT), 1);
    assert_eq!(sandbox.applied(API, DEPOSIT), 1);
    let again = client
        .deposit_fiat(&deposit("T-1", Money::new(dec!(100))))
        .await
        .map(hyp_api::Keyed::into_inner)
        .unwrap();
    assert!(
        matches!(again, DepositFiatOutcome::Duplicate(_)),
        "{again:?}"
    );
    assert_eq!(sandbox.applied(API, DEPOSIT), 1);
    assert_eq!(ils_balance(&sandbox), dec!(100));
}

#[tokio::test]
async fn a_dropped_connection_without_retries_is_a_transport_error_that_may_have_applied() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client_with(&sandbox, RetryPolicy::never());
    sandbox.inject(API, DEPOSIT, Fault::drop_connection());
    let err = client
        .deposit_fiat(&deposit("T-1", Money::new(dec!(100))))
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Transport {
                sent: true,
                maybe_applied: true,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(sandbox.received(API, DEPOSIT), 1);
    assert_eq!(sandbox.applied(API, DEPOSIT), 1);
    assert_eq!(ils_balance(&sandbox), dec!(100));
}

#[tokio::test]
async fn a_dropped_connection_after_applying_is_retried_once_and_applied_once() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    sandbox.inject(
        "hyper-erp",
        "MT4_Deposit_Fiat_Json",
        Fault::drop_connection(),
    );
    let out = client
        .deposit_fiat(&deposit("T-2", Money::new(dec!(100))))
        .await
        .map(hyp_api::Keyed::into_inner)
        .unwrap();
    assert!(matches!(out, DepositFiatOutcome::Duplicate(_)), "{out:?}");
    assert_eq!(sandbox.received("hyper-erp", "MT4_Deposit_Fiat_Json"), 2);
    assert_eq!(sandbox.applied("hyper-erp", "MT4_Deposit_Fiat_Json"), 1);
    assert_eq!(
        sandbox.balance("hyper-erp", "balance", &["500155", "ILS"]),
        dec!(100)
    );
    let _ = Duration::ZERO;
    let _: Option<Error<ResponseCode>> = None;
}

#[tokio::test]
async fn a_vendor_timeout_on_a_balance_order_without_retries_is_code_5() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client_with(&sandbox, RetryPolicy::never());
    sandbox.inject(API, BALANCE_ORDER, Fault::vendor_timeout());
    let err = client
        .create_balance_order(&balance_order("B-1"))
        .await
        .unwrap_err();
    let Error::Api(api) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(api.code, ResponseCode::TradingSystemTimeout);
    assert_eq!(api.code.value(), 5);
    assert_eq!(Some(api.http_status), api.code.documented_http_status());
    assert!(err.outcome_unknown());
    assert_eq!(sandbox.received(API, BALANCE_ORDER), 1);
    assert_eq!(sandbox.applied(API, BALANCE_ORDER), 1);
}

#[tokio::test]
async fn a_vendor_timeout_on_a_balance_order_is_retried_into_a_duplicate() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client_with(&sandbox, fast_retries());
    sandbox.inject(API, BALANCE_ORDER, Fault::vendor_timeout());
    let out = client
        .create_balance_order(&balance_order("B-1"))
        .await
        .map(hyp_api::Keyed::into_inner)
        .unwrap();
    let CreateBalanceOrderOutcome::Duplicate(dup) = out else {
        panic!("{out:?}")
    };
    assert_eq!(sandbox.received(API, BALANCE_ORDER), 2);
    assert_eq!(sandbox.applied(API, BALANCE_ORDER), 1);
    let later = client
        .create_balance_order(&balance_order("B-1"))
        .await
        .unwrap();
    assert_eq!(later.response().tp_order_id, dup.tp_order_id);
    assert_eq!(sandbox.applied(API, BALANCE_ORDER), 1);
}

#[tokio::test]
async fn a_vendor_timeout_on_a_tp_account_is_code_5_and_not_resent() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client_with(&sandbox, fast_retries());
    sandbox.inject(API, TP_ACCOUNT, Fault::vendor_timeout());
    let request = CreateTpAccountRequest::new(CreateTpAccountRequired {
        client_number: 500014.into(),
        api_password: secret("eBt5yJD3uc12"),
    });
    let err = client.create_tp_account(&request).await.unwrap_err();
    assert!(
        matches!(&err, Error::Api(api) if api.code == ResponseCode::TradingSystemTimeout),
        "{err:?}"
    );
    // No idempotency key: the client must not resend by itself.
    assert_eq!(sandbox.received(API, TP_ACCOUNT), 1);
    // The account was made regardless: asking again finds it.
    let again = client.create_tp_account(&request).await.unwrap();
    assert!(
        matches!(again, CreateTpAccountOutcome::AlreadyExists(_)),
        "{again:?}"
    );
    assert_eq!(sandbox.applied(API, TP_ACCOUNT), 1);
}

#[tokio::test]
async fn a_vendor_timeout_on_card_clearing_is_processed_with_result_code_997() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client_with(&sandbox, fast_retries());
    let approved = client.charge_card(&charge("REF-1")).await.unwrap();
    assert_eq!(approved.result_code, ClearingResultCode::Approved);
    sandbox.inject(API, CLEARING, Fault::vendor_timeout());
    let timed_out = client.charge_card(&charge("REF-2")).await.unwrap();
    assert_eq!(timed_out.result_code, ClearingResultCode::TimedOut);
    assert_eq!(
        timed_out.result_code.to_node(),
        hyp_api::Node::Num("997".into())
    );
    assert_eq!(sandbox.received(API, CLEARING), 2);
    assert_eq!(sandbox.applied(API, CLEARING), 2);
}

#[tokio::test]
async fn an_injected_retryable_code_is_resent_and_applied_once() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client_with(&sandbox, fast_retries());
    sandbox.inject(API, DEPOSIT, Fault::code(10));
    let out = client
        .deposit_fiat(&deposit("T-1", Money::new(dec!(100))))
        .await
        .map(hyp_api::Keyed::into_inner)
        .unwrap();
    assert!(matches!(out, DepositFiatOutcome::Created(_)), "{out:?}");
    assert_eq!(sandbox.received(API, DEPOSIT), 2);
    assert_eq!(sandbox.applied(API, DEPOSIT), 1);
    assert_eq!(ils_balance(&sandbox), dec!(100));
}

#[tokio::test]
async fn an_injected_final_code_is_that_typed_error_and_nothing_is_applied() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client_with(&sandbox, fast_retries());
    sandbox.inject(API, DEPOSIT, Fault::code(11));
    let err = client
        .deposit_fiat(&deposit("T-1", Money::new(dec!(100))))
        .await
        .unwrap_err();
    let Error::Api(api) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(api.code, ResponseCode::SecurityAlert);
    assert_eq!(Some(api.http_status), api.code.documented_http_status());
    assert_eq!(sandbox.received(API, DEPOSIT), 1);
    assert_eq!(sandbox.applied(API, DEPOSIT), 0);
    assert_eq!(ils_balance(&sandbox), dec!(0));
}

#[tokio::test]
async fn the_fault_header_strikes_the_requests_that_carry_it() {
    let sandbox = Sandbox::start().await.unwrap();
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        FAULT_HEADER,
        reqwest::header::HeaderValue::from_static("http-500"),
    );
    let faulty = Client::builder(sandbox.base_url(API), secret("sandbox-access-token"))
        .retry(RetryPolicy::never())
        .http_client(
            reqwest::Client::builder()
                .default_headers(headers)
                .build()
                .unwrap(),
        )
        .build()
        .unwrap();
    let err = faulty
        .deposit_fiat(&deposit("T-1", Money::new(dec!(100))))
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Decode {
                http_status: 500,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(sandbox.applied(API, DEPOSIT), 0);
    // A request without the header is answered normally.
    let out = client_with(&sandbox, RetryPolicy::never())
        .deposit_fiat(&deposit("T-1", Money::new(dec!(100))))
        .await
        .map(hyp_api::Keyed::into_inner)
        .unwrap();
    assert!(matches!(out, DepositFiatOutcome::Created(_)), "{out:?}");
    assert_eq!(ils_balance(&sandbox), dec!(100));
}
