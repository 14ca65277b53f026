//! Hyp Pay against the sandbox: every rule of spec/pay/sandbox.yaml and every fault.

mod common;
#[path = "pay/faults.rs"]
mod faults;
#[path = "pay/rules.rs"]
mod rules;
use common::secret;

use std::time::Duration;

use hyp_api::Error;
use hyp_api::pay::*;
use hyp_api::wire::{UTF_8, WINDOWS_1255, parse_urlencoded};
use hyp_api::{MinorUnits, Money, Node, RetryPolicy, ToNode, VendorCode};
use hyp_sandbox::{Fault, Sandbox};
use rust_decimal_macros::dec;

const MASOF: &str = "0010345518";
/// The sandbox's default `PassP` (spec/pay/sandbox.yaml `credentials`).
const PASSP: &str = "your-api-password";
/// A card token (19 digits, the `CC` pattern).
const CARD_TOKEN: &str = "4580123456789012377";
const CHARGE: &str = "soft token charge";
const CAPTURE: &str = "soft capture J4";

/// A client with the default retry policy: whatever it retries, it retries here too.
fn client(sandbox: &Sandbox) -> Client {
    Client::builder(sandbox.base_url("pay"), MASOF, secret(PASSP))
        .retry(RetryPolicy::default())
        .build()
        .unwrap()
}

fn charge(amount: Money) -> ChargeTokenRequest {
    ChargeTokenRequest::new(ChargeTokenRequired {
        client_name: "Jenny".into(),
        info: "order 1234".into(),
        cc: hyp_api::CardToken::new(CARD_TOKEN),
        amount,
        tmonth: "06".into(),
        tyear: "31".into(),
        user_id: "000000000".into(),
    })
}

/// A J4 capture of authorization `uid`; `original` is what the caller says was authorized
/// (the client refuses an `Amount` above it, the sandbox holds the real figure).
fn capture(uid: &str, amount: Money, original: MinorUnits) -> CaptureRequest {
    CaptureRequest::new(CaptureRequired {
        auth_num: "0463077".into(),
        original_amount: original,
        original_uid: uid.into(),
        amount,
        cc: hyp_api::CardToken::new(CARD_TOKEN),
        tmonth: "06".into(),
        tyear: "31".into(),
        user_id: "000000000".into(),
        client_name: "Jenny".into(),
        info: "final charge".into(),
    })
}

fn refund(trans_id: &str, amount: Money) -> RefundRequest {
    RefundRequest::new(RefundRequired {
        trans_id: trans_id.into(),
        amount,
    })
}

/// A J5 authorization of `amount`: its UID.
async fn authorize(client: &Client, amount: Money) -> Uid {
    // `MoreData=True` brings the UID (002: "required for two-phase commits").
    let out = client
        .charge_token(&charge(amount).j5(true).more_data(true))
        .await
        .unwrap();
    let ChargeTokenOutcome::Authorized(r) = out else {
        panic!("{out:?}")
    };
    r.uid.expect("an authorization carries its UID")
}

/// A plain charge (CCode 0) of `amount`: its Id.
async fn charged(client: &Client, amount: Money) -> TransId {
    let out = client.charge_token(&charge(amount)).await.unwrap();
    let ChargeTokenOutcome::Charged(r) = out else {
        panic!("{out:?}")
    };
    r.id.expect("a charge carries its Id")
}

/// A new payment link: its payRequestId.
async fn link(client: &Client) -> PayRequestId {
    let req = CreatePaymentLinkRequest::new(CreatePaymentLinkRequired {
        amount: Money::new(dec!(100)),
        client_name: "David".into(),
    })
    .email("david@example.com");
    let created = client.create_payment_link(&req).await.unwrap();
    created
        .pay_request_id
        .expect("a created link carries its id")
}

fn delete(id: &str) -> DeletePaymentLinkRequest {
    DeletePaymentLinkRequest::new(DeletePaymentLinkRequired {
        pay_request: id.into(),
    })
}

/// The typed vendor code of a failed call.
fn api_code<T: std::fmt::Debug>(result: Result<T, CallError>) -> CCode {
    match result {
        Err(Error::Api(e)) => e.code,
        other => panic!("expected Error::Api, got {other:?}"),
    }
}
