//! Every fault the sandbox injects into Hyp Pay answers.

use super::*;

#[tokio::test]
async fn a_delay_past_the_client_timeout_is_a_timeout_with_outcome_unknown() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = Client::builder(sandbox.base_url("pay"), MASOF, secret(PASSP))
        .retry(RetryPolicy::default())
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    sandbox.inject("pay", CHARGE, Fault::delay(Duration::from_secs(3)));
    match client.charge_token(&charge(Money::new(dec!(10)))).await {
        Err(Error::Timeout {
            outcome_unknown, ..
        }) => assert!(outcome_unknown),
        other => panic!("expected Error::Timeout, got {other:?}"),
    }
    assert_eq!(sandbox.received("pay", CHARGE), 1, "not retried");
}

/// A proxy's plain-text 500 carries no `CCode`: it is undecodable, never a charge (an absent
/// `CCode` means 0 only on a 2xx answer).
#[tokio::test]
async fn an_http_500_is_an_error_and_not_retried() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.inject("pay", CHARGE, Fault::http_500());
    let result = client(&sandbox)
        .charge_token(&charge(Money::new(dec!(10))))
        .await;
    match result {
        Err(Error::Decode { http_status, .. }) => assert_eq!(http_status, 500),
        other => panic!("expected Error::Decode with HTTP 500, got {other:?}"),
    }
    assert_eq!(sandbox.received("pay", CHARGE), 1);
    assert_eq!(sandbox.applied("pay", CHARGE), 0);
}

#[tokio::test]
async fn an_html_page_is_a_vendor_page() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.inject("pay", CHARGE, Fault::html_page());
    match client(&sandbox)
        .charge_token(&charge(Money::new(dec!(10))))
        .await
    {
        Err(Error::VendorPage {
            http_status, body, ..
        }) => {
            assert_eq!(http_status, 200);
            assert!(body.contains("<html"), "{body}");
        }
        other => panic!("expected Error::VendorPage, got {other:?}"),
    }
    assert_eq!(sandbox.applied("pay", CHARGE), 0);
}

/// A URL-encoded answer cut in half (with a matching Content-Length) is still well-formed: the
/// client cannot tell it from a whole one and reads the pairs that arrived. The charge is
/// applied once and not retried.
#[tokio::test]
async fn a_truncated_body_is_read_as_the_pairs_that_arrived_and_not_retried() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    sandbox.inject("pay", CHARGE, Fault::truncated_body());
    let cut = client
        .charge_token(&charge(Money::new(dec!(10))))
        .await
        .unwrap();
    let whole = client
        .charge_token(&charge(Money::new(dec!(10))))
        .await
        .unwrap();
    let (ChargeTokenOutcome::Charged(cut), ChargeTokenOutcome::Charged(whole)) = (cut, whole)
    else {
        panic!("both charges answer CCode 0")
    };
    // The doc's charge answer ends `…&Fild3=&Hesh=EZ` (002 § Charge a saved token).
    assert!(whole.hesh.is_some() && whole.acode.is_some(), "{whole:?}");
    assert_eq!(cut.hesh, None, "the last pair is lost: {cut:?}");
    let pairs = |r: &ChargeTokenResponse| match ToNode::to_node(r) {
        Node::Map(entries) => entries.len(),
        _ => 0,
    };
    assert!(pairs(&cut) < pairs(&whole), "{cut:?}\n{whole:?}");
    assert_eq!(sandbox.received("pay", CHARGE), 2);
    assert_eq!(sandbox.applied("pay", CHARGE), 2);
}

#[tokio::test]
async fn a_dropped_connection_is_a_transport_error_maybe_applied() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.inject("pay", CHARGE, Fault::drop_connection());
    match client(&sandbox)
        .charge_token(&charge(Money::new(dec!(10))))
        .await
    {
        Err(Error::Transport {
            sent,
            maybe_applied,
            ..
        }) => assert!(sent && maybe_applied),
        other => panic!("expected Error::Transport, got {other:?}"),
    }
}

#[tokio::test]
async fn a_charge_is_not_retried_after_a_dropped_connection_even_with_the_default_policy() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.inject("pay", CHARGE, Fault::drop_connection());
    let result = client(&sandbox)
        .charge_token(&charge(Money::new(dec!(10))))
        .await;
    assert!(result.is_err_and(|e| e.outcome_unknown()));
    // No idempotency key: a resend would charge the card twice.
    assert_eq!(sandbox.received("pay", CHARGE), 1);
    assert_eq!(sandbox.applied("pay", CHARGE), 1);
}

#[tokio::test]
async fn a_vendor_timeout_on_a_charge_answers_999_outcome_unknown_and_is_not_retried() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.inject("pay", CHARGE, Fault::vendor_timeout());
    let result = client(&sandbox)
        .charge_token(&charge(Money::new(dec!(10))))
        .await;
    let Err(Error::Api(e)) = result else {
        panic!("expected Error::Api, got {result:?}")
    };
    assert!(matches!(e.code, CCode::CommunicationError), "{:?}", e.code);
    assert_eq!(e.code.value(), 999);
    assert!(e.code.outcome_unknown());
    // 999 is a retryable code, but a charge has no idempotency key.
    assert_eq!(sandbox.received("pay", CHARGE), 1);
}
