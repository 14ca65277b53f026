//! Test helpers cannot pass by typo: an unknown API, endpoint, ledger, queue, record or status
//! panics naming the valid ones; the generated endpoint types name an endpoint without a string.

use hyp_api::hyper_erp::{DepositFiat, WithdrawFiat};
use hyp_sandbox::{Fault, Sandbox};

const API: &str = "hyper-erp";

#[tokio::test]
#[should_panic(expected = "no API `hyper_erp` in spec/; served: ")]
async fn applied_refuses_an_unknown_api() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.applied("hyper_erp", "MT4_Deposit_Fiat_Json");
}

#[tokio::test]
#[should_panic(expected = "`hyper-erp` has no endpoint `MT4_Deposit_Fiat`; its endpoints: ")]
async fn applied_refuses_an_unknown_endpoint() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.applied(API, "MT4_Deposit_Fiat");
}

#[tokio::test]
#[should_panic(expected = "`MT4_Deposit_Fiat_Json`")]
async fn received_refuses_an_unknown_endpoint_naming_the_valid_ones() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.received(API, "deposit");
}

#[tokio::test]
#[should_panic(expected = "`hyper-erp` keeps no ledger `balances`; its ledgers: `balance`")]
async fn balance_refuses_an_unknown_ledger() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.balance(API, "balances", &["500155", "ILS"]);
}

#[tokio::test]
#[should_panic(expected = "names an account by [\"ClientNumber\", \"Currency\"], not by 1 values")]
async fn balance_refuses_an_account_missing_its_currency() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.balance(API, "balance", &["500155"]);
}

#[tokio::test]
#[should_panic(expected = "`hyper-erp` keeps no queue `refunds`; its queues: `refund-queue`")]
async fn queue_refuses_an_unknown_queue() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.queue(API, "refunds");
}

#[tokio::test]
#[should_panic(expected = "`pay` keeps no record `payment_link`; its records: `payment-link`")]
async fn set_status_refuses_an_unknown_record() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.set_status("pay", "payment_link", "1", "paid");
}

#[tokio::test]
#[should_panic(expected = "has no status `Paid`; its statuses: `unpaid`, `paid`")]
async fn set_status_refuses_an_unknown_status() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.set_status("pay", "payment-link", "1", "Paid");
}

#[tokio::test]
#[should_panic(expected = "`mt5-manager` has no endpoint `POST /transactions/deposits`")]
async fn inject_refuses_an_unknown_endpoint() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.inject(
        "mt5-manager",
        "POST /transactions/deposits",
        Fault::http_500(),
    );
}

/// The known names answer, and the generated types name the same endpoints: a raw deposit
/// counts for `DepositFiat` and not for `WithdrawFiat`.
#[tokio::test]
async fn known_names_and_generated_types_count_the_same_calls() {
    let sandbox = Sandbox::start().await.unwrap();
    assert_eq!(sandbox.applied_by::<DepositFiat>(), 0);
    let answer = reqwest::Client::new()
        .post(format!("{}/MT4_Deposit_Fiat_Json", sandbox.base_url(API)))
        .bearer_auth(crate::HYPER_TOKEN)
        .body(crate::HYPER_DEPOSIT)
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 200);
    assert_eq!(sandbox.received_by::<DepositFiat>(), 1);
    assert_eq!(sandbox.applied_by::<DepositFiat>(), 1);
    assert_eq!(sandbox.applied(API, "MT4_Deposit_Fiat_Json"), 1);
    assert_eq!(sandbox.applied_by::<WithdrawFiat>(), 0);
    assert_eq!(
        sandbox.balance(API, "balance", &["500155", "ILS"]),
        rust_decimal::Decimal::from(3500)
    );
    assert!(sandbox.queue(API, "refund-queue").is_empty());
    assert!(!sandbox.set_status("pay", "payment-link", "no-such-link", "paid"));
}
