//! Hyper ERP against the sandbox: every rule of spec/hyper-erp/sandbox.yaml and every fault.

use chrono::TimeZone;

mod common;
#[path = "hyper_erp/faults.rs"]
mod faults;
#[path = "hyper_erp/queue.rs"]
mod queue;
#[path = "hyper_erp/rules.rs"]
mod rules;
use common::{fast_retries, secret};

use std::time::Duration;

use hyp_api::hyper_erp::*;
use hyp_api::{Error, Money, NaiveDate, NaiveDateTime, RetryPolicy, ToNode, VendorCode};
use hyp_sandbox::{FAULT_HEADER, Fault, REASON_HEADER, Sandbox};
use rust_decimal_macros::dec;

const API: &str = "hyper-erp";
const DEPOSIT: &str = "MT4_Deposit_Fiat_Json";
const WITHDRAWAL: &str = "MT4_Withdrawal_Fiat_Json";
const BALANCE_ORDER: &str = "Create_TP_Balance_Order_Json";
const TP_ACCOUNT: &str = "Create_TP_Account_Json";
const REFUND: &str = "Create_Refund_Json";
const CLEARING: &str = "CC_Clearing_Json";
const QUEUE: &str = "refund-queue";

fn client(sandbox: &Sandbox) -> Client {
    Client::builder(
        sandbox.base_url("hyper-erp"),
        secret("sandbox-access-token"),
    )
    .retry(RetryPolicy::default())
    .build()
    .unwrap()
}

fn client_with(sandbox: &Sandbox, policy: RetryPolicy) -> Client {
    Client::builder(sandbox.base_url(API), secret("sandbox-access-token"))
        .retry(policy)
        .build()
        .unwrap()
}

fn deposit(ticket: &str, amount: Money) -> DepositFiatRequest {
    DepositFiatRequest::new(DepositFiatRequired {
        client_number: 500155.into(),
        api_password: secret("eBt5yJD3uc12"),
        ticket_id: ticket.into(),
        bank_enum: 1.into(),
        method: PaymentMethod::CreditCard,
        currency: Currency::Ils,
        amount,
        usd_convert_rate: dec!(3.2),
        end_user_ip: "82.81.138.8".into(),
    })
}

fn deposit_for(client: i64, currency: Currency, ticket: &str, amount: Money) -> DepositFiatRequest {
    DepositFiatRequest::new(DepositFiatRequired {
        client_number: client.into(),
        api_password: secret("eBt5yJD3uc12"),
        ticket_id: ticket.into(),
        bank_enum: 1.into(),
        method: PaymentMethod::BankTransfer,
        currency,
        amount,
        usd_convert_rate: dec!(3.2),
        end_user_ip: "82.81.138.8".into(),
    })
}

fn a_past_time() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2024, 3, 1)
        .unwrap()
        .and_hms_opt(10, 30, 0)
        .unwrap()
}

fn withdrawal_for(
    client: i64,
    currency: Currency,
    ticket: &str,
    amount: Money,
) -> WithdrawFiatRequest {
    WithdrawFiatRequest::new(WithdrawFiatRequired {
        client_number: client.into(),
        api_password: secret("eBt5yJD3uc12"),
        ticket_id: ticket.into(),
        bank_enum: 1.into(),
        method: PaymentMethod::BankTransfer,
        currency,
        amount,
        usd_convert_rate: dec!(3.2),
        time_stamp: a_past_time(),
        end_user_ip: "82.81.138.8".into(),
    })
}

fn balance_order(ticket: &str) -> CreateBalanceOrderRequest {
    CreateBalanceOrderRequest::new(CreateBalanceOrderRequired {
        client_number: 500155.into(),
        api_password: secret("eBt5yJD3uc12"),
        action: BalanceAction::Deposit,
        ticket_id: ticket.into(),
        amount: Money::new(dec!(250)),
        comment: "bonus".into(),
    })
}

/// Today (UTC): a refund's PaymentDate must lie within the last 366 days.
fn today() -> NaiveDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    // 719_163: 1970-01-01 counted in days from 0001-01-01 (day 1).
    NaiveDate::from_num_days_from_ce_opt(719_163 + i32::try_from(secs / 86_400).unwrap()).unwrap()
}

fn refund(ticket: &str) -> CreateRefundRequest {
    let item = RefundItem::new(RefundItemRequired {
        refund_method: RefundMethod::BankTransfer,
        payment_date: today(),
        total_amount: Money::new(dec!(1200)),
        currency: "ILS".into(),
    });
    CreateRefundRequest::new(CreateRefundRequired {
        client_number: 500608.into(),
        items: vec![item],
    })
    .ticket_id(ticket)
}

fn charge(reference: &str) -> ChargeCardRequest {
    ChargeCardRequest::new(ChargeCardRequired {
        client_number: 500155.into(),
        api_password: secret("eBt5yJD3uc12"),
        reference: reference.into(),
        bank_enum: 3.into(),
        currency: Currency::Ils,
        amount: Money::new(dec!(150)),
    })
}

fn ils_balance(sandbox: &Sandbox) -> rust_decimal::Decimal {
    sandbox.balance(API, "balance", &["500155", "ILS"])
}

/// Creates a refund and returns its number (the queue's row id).
async fn queued_refund(client: &Client, ticket: &str) -> RefundNumber {
    let out = client
        .create_refund(&refund(ticket))
        .await
        .unwrap()
        .into_inner();
    let CreateRefundOutcome::Created(created) = out else {
        panic!("{out:?}")
    };
    created.doc.expect("Doc").refund_number
}

async fn listed(client: &Client, filter: Option<QueueFilter>) -> Vec<RefundNumber> {
    let mut request = QueryRefundQueueRequest::new();
    if let Some(f) = filter {
        request = request.status(f);
    }
    let answer = client.query_refund_queue(&request).await.unwrap();
    answer.queue.iter().map(|r| r.refund_number).collect()
}

async fn set_refund_status(client: &Client, refund: RefundNumber, status: AuthorizationStatus) {
    let request = UpdateRefundQueueRequest::new(UpdateRefundQueueRequired {
        docs: vec![RefundStatusUpdate::new(RefundStatusUpdateRequired {
            refund_number: refund,
            authorization_status: status,
        })],
    });
    let answer = client.update_refund_queue(&request).await.unwrap();
    assert!(answer.skipped.is_empty(), "{:?}", answer.skipped);
}

/// POSTs `body` to a Hyper function without going through the client (and its validation).
async fn post_raw(
    sandbox: &Sandbox,
    function: &str,
    body: serde_json::Value,
) -> (u16, serde_json::Value) {
    let (status, json, _) = post_with_reason(sandbox, function, body).await;
    (status, json)
}

/// [`post_raw`], with the sandbox's reason header (empty when absent).
async fn post_with_reason(
    sandbox: &Sandbox,
    function: &str,
    body: serde_json::Value,
) -> (u16, serde_json::Value, String) {
    let response = reqwest::Client::new()
        .post(format!("{}/{function}", sandbox.base_url(API)))
        .header("Authorization", "Bearer sandbox-access-token")
        .header("Content-Type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let reason = response
        .headers()
        .get(REASON_HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let text = response.text().await.unwrap();
    let json = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
    (status, json, reason)
}
