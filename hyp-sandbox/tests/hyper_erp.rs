//! Hyper ERP against the sandbox: every rule of spec/hyper-erp/sandbox.yaml and every fault.

use std::time::Duration;

use hyp_api::hyper_erp::*;
use hyp_api::{Error, Money, RetryPolicy, SecretString};
use hyp_sandbox::{Fault, Sandbox};
use rust_decimal_macros::dec;

fn secret(s: &str) -> SecretString {
    SecretString::from(s.to_string())
}

fn client(sandbox: &Sandbox) -> Client {
    Client::builder(sandbox.base_url("hyper-erp"), secret("token"))
        .retry(RetryPolicy::default())
        .build()
        .unwrap()
}

fn deposit(ticket: &str, amount: Money) -> DepositFiatRequest {
    DepositFiatRequest::new(
        500155,
        secret("eBt5yJD3uc12"),
        ticket,
        1,
        PaymentMethod::CreditCard,
        Currency::Ils,
        amount,
        dec!(3.2),
        "82.81.138.8",
    )
}

#[tokio::test]
async fn a_repeated_ticket_answers_code_30_with_the_original_receipt() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let first = client.deposit_fiat(&deposit("T-1", Money::new(dec!(3500)))).await.unwrap();
    let DepositFiatOutcome::Created(created) = first else { panic!("{first:?}") };
    let again = client.deposit_fiat(&deposit("T-1", Money::new(dec!(3500)))).await.unwrap();
    let DepositFiatOutcome::Duplicate(dup) = again else { panic!("{again:?}") };
    assert_eq!(dup.receipt_num, created.receipt_num);
    assert_eq!(sandbox.balance("hyper-erp", "balance", &["500155", "ILS"]), dec!(3500));
    assert_eq!(sandbox.applied("hyper-erp", "MT4_Deposit_Fiat_Json"), 1);
}

#[tokio::test]
async fn a_dropped_connection_after_applying_is_retried_once_and_applied_once() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    sandbox.inject("hyper-erp", "MT4_Deposit_Fiat_Json", Fault::drop_connection());
    let out = client.deposit_fiat(&deposit("T-2", Money::new(dec!(100)))).await.unwrap();
    assert!(matches!(out, DepositFiatOutcome::Duplicate(_)), "{out:?}");
    assert_eq!(sandbox.received("hyper-erp", "MT4_Deposit_Fiat_Json"), 2);
    assert_eq!(sandbox.applied("hyper-erp", "MT4_Deposit_Fiat_Json"), 1);
    assert_eq!(sandbox.balance("hyper-erp", "balance", &["500155", "ILS"]), dec!(100));
    let _ = Duration::ZERO;
    let _: Option<Error<ResponseCode>> = None;
}
