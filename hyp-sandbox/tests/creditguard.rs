//! CreditGuard against the sandbox: every rule of spec/creditguard/sandbox.yaml (here) and every
//! fault (`faults`).

#[path = "creditguard/faults.rs"]
mod faults;

use std::time::Duration;

use hyp_api::Error;
use hyp_api::creditguard::*;
use hyp_api::{MinorUnits, RetryPolicy, SecretString};
use hyp_sandbox::{Fault, Sandbox};

const API: &str = "creditguard";
const TERMINAL: &str = "0882819014";

fn client_with(sandbox: &Sandbox, retry: RetryPolicy) -> Client {
    Client::builder(
        sandbox.base_url(API),
        "your-api-username",
        SecretString::from("your-api-password".to_string()),
    )
    .retry(retry)
    .build()
    .unwrap()
}

fn client(sandbox: &Sandbox) -> Client {
    client_with(sandbox, RetryPolicy::default())
}

/// A J4 charge of a card token, `total` in agorot.
fn charge(total: i64) -> DoDealRequest {
    deal(TransactionType::Debit, Validation::AutoComm, total)
}

fn deal(kind: TransactionType, validation: Validation, total: i64) -> DoDealRequest {
    DoDealRequest::new(DoDealRequired {
        language: Language::Eng,
        terminal_number: TERMINAL.into(),
        total: MinorUnits::new(total),
        transaction_type: kind,
        credit_type: CreditType::RegularCredit,
        currency: "ILS".into(),
        transaction_code: TransactionCode::Phone,
        validation,
    })
    .card_id(hyp_api::CardToken::new("1234567890123456"))
    .card_expiration("1230")
}

/// The same charge, marked as a possible resend of `request_id`.
fn resendable(total: i64, request_id: &str) -> DoDealRequest {
    charge(total).request_id(request_id).may_be_duplicate(true)
}

fn refund(tran_id: &str, total: i64) -> RefundDealRequest {
    RefundDealRequest::new(RefundDealRequired {
        language: Language::Eng,
        terminal_number: TERMINAL.into(),
    })
    .tran_id(tran_id)
    .total(MinorUnits::new(total))
}

async fn approved(client: &Client, request: &DoDealRequest) -> TranId {
    let deal = client.do_deal(request).await.unwrap();
    deal.tran_id.expect("an approved deal has a tranId")
}

/// Posts `int_in` as the client would (form fields `user`, `password`, `int_in`), raw.
async fn post_raw(sandbox: &Sandbox, int_in: &str) -> (u16, String) {
    let response = reqwest::Client::new()
        .post(format!("{}/xpo/Relay", sandbox.base_url(API)))
        .form(&[
            ("user", "your-api-username"),
            ("password", "your-api-password"),
            ("int_in", int_in),
        ])
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.text().await.unwrap())
}

/// An `<ashrait><request>` envelope for `command` with these children.
fn envelope(command: &str, children: &str) -> String {
    format!(
        "<ashrait><request><version>2000</version><language>ENG</language>\
         <command>{command}</command><{command}>{children}</{command}></request></ashrait>"
    )
}

const DEAL_WITHOUT_TERMINAL: &str = "<cardId>1234567890123456</cardId>\
    <cardExpiration>1230</cardExpiration><total>10000</total>\
    <transactionType>Debit</transactionType><creditType>RegularCredit</creditType>\
    <currency>ILS</currency><transactionCode>Phone</transactionCode>\
    <validation>AutoComm</validation>";

// --- Rules -------------------------------------------------------------------------------

#[tokio::test]
async fn a_resend_with_may_be_duplicate_answers_the_first_deal_and_applies_it_once() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let first = approved(&client, &resendable(10000, "REQ-1")).await;
    let again = approved(&client, &resendable(10000, "REQ-1")).await;
    assert_eq!(again, first);
    assert_eq!(sandbox.received(API, "doDeal"), 2);
    assert_eq!(sandbox.applied(API, "doDeal"), 1);
}

#[tokio::test]
async fn the_same_request_id_without_may_be_duplicate_is_a_new_deal() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let first = approved(&client, &charge(10000).request_id("REQ-2")).await;
    let second = approved(&client, &charge(10000).request_id("REQ-2")).await;
    assert_ne!(second, first);
    assert_eq!(sandbox.applied(API, "doDeal"), 2);
}

#[tokio::test]
async fn a_deal_is_refunded_in_parts_up_to_its_total() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let deal = approved(&client, &charge(10000)).await;
    let part1 = client.refund_deal(&refund(&deal, 4000)).await.unwrap();
    let part2 = client.refund_deal(&refund(&deal, 6000)).await.unwrap();
    let (id1, id2) = (part1.tran_id.unwrap(), part2.tran_id.unwrap());
    assert_ne!(id1, deal);
    assert_ne!(id2, id1);
    assert_eq!(sandbox.applied(API, "refundDeal"), 2);
}

#[tokio::test]
async fn a_refund_beyond_what_is_left_answers_310_and_changes_nothing() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let deal = approved(&client, &charge(10000)).await;
    client.refund_deal(&refund(&deal, 4000)).await.unwrap();
    let err = client.refund_deal(&refund(&deal, 6001)).await.unwrap_err();
    let Error::Api(api) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(api.code, ResultCode::NoMatchingDebitDeal);
    assert!(api.body.contains("<result>310</result>"), "{}", api.body);
    assert_eq!(sandbox.applied(API, "refundDeal"), 1);
    // The refused refund consumed nothing: the 6000 left can still be refunded.
    client.refund_deal(&refund(&deal, 6000)).await.unwrap();
    assert_eq!(sandbox.applied(API, "refundDeal"), 2);
}

#[tokio::test]
async fn a_refund_of_more_than_the_deal_answers_310() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let deal = approved(&client, &charge(10000)).await;
    let err = client.refund_deal(&refund(&deal, 10001)).await.unwrap_err();
    assert_eq!(
        err.code(),
        Some(&ResultCode::NoMatchingDebitDeal),
        "{err:?}"
    );
    assert_eq!(sandbox.applied(API, "refundDeal"), 0);
}

/// Only a deal that charged can be refunded: a credit deal, a J5 hold (`Verify`) and a
/// payment-page setup (`TxnSetup`) are approved but open nothing to refund.
#[tokio::test]
async fn deals_that_charged_nothing_cannot_be_refunded() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    for request in [
        deal(TransactionType::Credit, Validation::AutoComm, 5000),
        deal(TransactionType::Debit, Validation::Verify, 5000),
        deal(TransactionType::Debit, Validation::TxnSetup, 5000),
    ] {
        let tran_id = approved(&client, &request).await;
        let err = client
            .refund_deal(&refund(&tran_id, 5000))
            .await
            .unwrap_err();
        let Error::Api(api) = &err else {
            panic!("{err:?}")
        };
        assert_eq!(
            api.code,
            ResultCode::NoMatchingDebitDeal,
            "{:?}",
            request.validation
        );
    }
    assert_eq!(sandbox.applied(API, "refundDeal"), 0);
    // The control: the same deal as a charge is refundable.
    let tran_id = approved(&client, &charge(5000)).await;
    client.refund_deal(&refund(&tran_id, 5000)).await.unwrap();
    assert_eq!(sandbox.applied(API, "refundDeal"), 1);
}

#[tokio::test]
async fn a_refund_of_an_unknown_tran_id_answers_310() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let err = client
        .refund_deal(&refund("999999999", 100))
        .await
        .unwrap_err();
    let Error::Api(api) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(api.code, ResultCode::NoMatchingDebitDeal);
    assert_eq!(sandbox.received(API, "refundDeal"), 1);
    assert_eq!(sandbox.applied(API, "refundDeal"), 0);
}

#[tokio::test]
async fn an_invalid_request_answers_result_400_with_the_reason() {
    let sandbox = Sandbox::start().await.unwrap();
    // Control: the same deal with its terminal number is approved.
    let with_terminal =
        format!("<terminalNumber>{TERMINAL}</terminalNumber>{DEAL_WITHOUT_TERMINAL}");
    let (status, text) = post_raw(&sandbox, &envelope("doDeal", &with_terminal)).await;
    assert_eq!(status, 200);
    assert!(text.contains("<result>000</result>"), "{text}");
    assert_eq!(sandbox.applied(API, "doDeal"), 1);

    let (status, text) = post_raw(&sandbox, &envelope("doDeal", DEAL_WITHOUT_TERMINAL)).await;
    assert_eq!(status, 200);
    assert!(text.contains("<ashrait><response>"), "{text}");
    assert!(text.contains("<result>400</result>"), "{text}");
    let err = hyp_api::wire::decode_answer::<DoDeal>(status, &text, &[]).unwrap_err();
    let Error::Api(api) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(api.code, ResultCode::Unknown(400));
    // No vendor text exists for 400: the sandbox's reason is not in the answer's message.
    let message = api.message.as_deref().unwrap_or_default();
    assert!(!message.contains("terminalNumber"), "{message}");
    assert_eq!(sandbox.received(API, "doDeal"), 2);
    assert_eq!(sandbox.applied(API, "doDeal"), 1);
}
