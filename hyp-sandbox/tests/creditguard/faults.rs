//! Every fault the sandbox injects on CreditGuard, with and without the client's retries.

use super::*;

#[tokio::test]
async fn a_delay_past_the_timeout_leaves_the_deal_unknown() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = Client::builder(
        sandbox.base_url(API),
        "your-api-username",
        SecretString::from("your-api-password".to_string()),
    )
    .timeout(Duration::from_millis(200))
    .build()
    .unwrap();
    sandbox.inject(API, "doDeal", Fault::delay(Duration::from_millis(1500)));
    let err = client
        .do_deal(&resendable(10000, "REQ-T"))
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
    // Not retried (doDeal carries no idempotency key), yet applied.
    assert_eq!(sandbox.received(API, "doDeal"), 1);
    assert_eq!(sandbox.applied(API, "doDeal"), 1);
}

#[tokio::test]
async fn a_resend_after_a_timeout_answers_the_first_deal_applied_once() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = Client::builder(
        sandbox.base_url(API),
        "your-api-username",
        SecretString::from("your-api-password".to_string()),
    )
    .timeout(Duration::from_millis(200))
    .build()
    .unwrap();
    sandbox.inject(API, "doDeal", Fault::delay(Duration::from_millis(1500)));
    let err = client
        .do_deal(&resendable(10000, "REQ-T2"))
        .await
        .unwrap_err();
    assert!(err.outcome_unknown(), "{err:?}");
    let resent = approved(&client, &resendable(10000, "REQ-T2")).await;
    let again = approved(&client, &resendable(10000, "REQ-T2")).await;
    assert_eq!(again, resent);
    assert_eq!(sandbox.received(API, "doDeal"), 3);
    assert_eq!(sandbox.applied(API, "doDeal"), 1);
    // The answer is the deal that was applied: its whole total can be refunded.
    client.refund_deal(&refund(&resent, 10000)).await.unwrap();
}

#[tokio::test]
async fn http_500_is_an_undecodable_answer_and_nothing_is_applied() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.inject(API, "doDeal", Fault::http_500());
    let err = client(&sandbox).do_deal(&charge(10000)).await.unwrap_err();
    let Error::Decode { http_status, .. } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(*http_status, 500);
    // Not retried: a 5xx may have been applied and doDeal has no idempotency key.
    assert_eq!(sandbox.received(API, "doDeal"), 1);
    assert_eq!(sandbox.applied(API, "doDeal"), 0);
}

#[tokio::test]
async fn an_html_page_is_a_vendor_page() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.inject(API, "doDeal", Fault::html_page());
    let err = client(&sandbox).do_deal(&charge(10000)).await.unwrap_err();
    let Error::VendorPage {
        http_status, body, ..
    } = &err
    else {
        panic!("{err:?}")
    };
    assert_eq!(*http_status, 200);
    assert!(body.contains("<html>"), "{body}");
    assert_eq!(sandbox.applied(API, "doDeal"), 0);
}

#[tokio::test]
async fn a_truncated_answer_is_a_decode_error_after_applying() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.inject(API, "doDeal", Fault::truncated_body());
    let err = client(&sandbox).do_deal(&charge(10000)).await.unwrap_err();
    let Error::Decode { body, .. } = &err else {
        panic!("{err:?}")
    };
    assert!(!body.contains("</ashrait>"), "{body}");
    assert_eq!(sandbox.received(API, "doDeal"), 1);
    assert_eq!(sandbox.applied(API, "doDeal"), 1);
}

#[tokio::test]
async fn a_dropped_connection_is_a_transport_error_that_may_have_applied() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.inject(API, "doDeal", Fault::drop_connection());
    let client = client_with(&sandbox, RetryPolicy::never());
    let err = client.do_deal(&charge(10000)).await.unwrap_err();
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
    assert_eq!(sandbox.applied(API, "doDeal"), 1);
}

#[tokio::test]
async fn a_dropped_connection_is_not_retried_even_with_a_request_id_and_a_resend_applies_once() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.inject(API, "doDeal", Fault::drop_connection());
    let client = client_with(&sandbox, RetryPolicy::default());
    // doDeal declares no idempotency key: requestId + mayBeDuplicate do not make the client
    // retry a call that may have been applied.
    let err = client
        .do_deal(&resendable(10000, "REQ-D"))
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Transport {
                maybe_applied: true,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(sandbox.received(API, "doDeal"), 1);
    assert_eq!(sandbox.applied(API, "doDeal"), 1);
    // The caller's own resend gets the applied deal back, not a second one.
    let resent = approved(&client, &resendable(10000, "REQ-D")).await;
    assert_eq!(approved(&client, &resendable(10000, "REQ-D")).await, resent);
    assert_eq!(sandbox.received(API, "doDeal"), 3);
    assert_eq!(sandbox.applied(API, "doDeal"), 1);
}

#[tokio::test]
async fn a_card_code_fault_is_an_api_error_with_that_typed_code() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.inject(API, "doDeal", Fault::code(4));
    let err = client(&sandbox).do_deal(&charge(10000)).await.unwrap_err();
    let Error::Api(api) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(api.code, ResultCode::Refused);
    assert!(api.body.contains("<result>004</result>"), "{}", api.body);
    assert_eq!(sandbox.applied(API, "doDeal"), 0);
}

#[tokio::test]
async fn a_vendor_timeout_fault_is_refused_as_creditguard_declares_none() {
    let sandbox = Sandbox::start().await.unwrap();
    let refused = sandbox.try_inject(API, "doDeal", Fault::vendor_timeout());
    let reason = refused.unwrap_err();
    assert!(
        reason.contains("declares no vendor timeout for `doDeal`"),
        "{reason}"
    );
    // Nothing was queued: the next deal goes through.
    client(&sandbox).do_deal(&charge(10000)).await.unwrap();
    assert_eq!(sandbox.applied(API, "doDeal"), 1);
}
