//! Shared by the loopback integration tests: the fixed "today", clients for a [`MockServer`],
//! one valid typed request per endpoint (values from the vendor's request examples), and a
//! tracing capture.
//!
//! Each test crate uses only part of this module.
#![allow(dead_code)]

use std::time::Duration;

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use hyp_api::hyper_erp::*;
use hyp_api::{ClientBuilder, FixedClock, Money, RetryPolicy, SecretString};
use rust_decimal_macros::dec;

/// The access token of ordinary tests (not a secret under test).
pub const TOKEN: &str = "access-token-integration";
/// The API_Password of the vendor's request examples.
pub const PASSWORD: &str = "eBt5yJD3uc12";

/// Every function of the spec, by wire name.
pub const WIRES: [&str; 8] = [
    "Create_TP_Account_Json",
    "MT4_Deposit_Fiat_Json",
    "MT4_Withdrawal_Fiat_Json",
    "Create_TP_Balance_Order_Json",
    "CC_Clearing_Json",
    "Create_Refund_Json",
    "Query_Refunds_API_Queue_json",
    "Update_Refunds_API_Queue_json",
];

/// The working day the vendor's examples describe: 2026-05-25 12:00:00 UTC.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 5, 25, 12, 0, 0).unwrap()
}

pub fn today() -> NaiveDate {
    now().date_naive()
}

pub fn secret(s: &str) -> SecretString {
    SecretString::from(s.to_string())
}

pub fn ts(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap()
}

/// A builder on `base_url` with `token` and the fixed clock; never retries unless told.
pub fn builder(base_url: &str, token: &str) -> ClientBuilder<Client> {
    Client::builder(base_url, secret(token))
        .clock(FixedClock(now()))
        .retry(RetryPolicy::never())
}

/// A client that never retries, with the fixed clock.
pub fn client(base_url: &str) -> Client {
    builder(base_url, TOKEN).build().expect("client builds")
}

/// Retries fast: 3 attempts, 10 ms apart.
pub fn fast_retries() -> RetryPolicy {
    RetryPolicy {
        max_attempts: 3,
        initial_backoff: Duration::from_millis(10),
        max_backoff: Duration::from_millis(10),
    }
}

pub fn create_tp_account(password: &str) -> CreateTpAccountRequest {
    CreateTpAccountRequest::new(CreateTpAccountRequired {
        client_number: 500014.into(),
        api_password: secret(password),
    })
}

/// The documented deposit request, field for field.
pub fn deposit(password: &str) -> DepositFiatRequest {
    DepositFiatRequest::new(DepositFiatRequired {
        client_number: 500155.into(),
        api_password: secret(password),
        ticket_id: "{F454E096-D080-40FD-A36B-156F4B999124}".into(),
        bank_enum: 1.into(),
        method: PaymentMethod::CreditCard,
        currency: Currency::Ils,
        amount: Money::new(dec!(3500)),
        usd_convert_rate: dec!(3.2),
        end_user_ip: "82.81.138.8".into(),
    })
    .time_stamp(ts("2026-01-21 08:00:00"))
}

pub fn withdrawal(password: &str) -> WithdrawFiatRequest {
    WithdrawFiatRequest::new(WithdrawFiatRequired {
        client_number: 500155.into(),
        api_password: secret(password),
        ticket_id: "{A1B2C3D4-E5F6-7890-1234-56789ABCDEF0}".into(),
        bank_enum: 1.into(),
        method: PaymentMethod::CreditCard,
        currency: Currency::Usd,
        amount: Money::new(dec!(500)),
        usd_convert_rate: dec!(1),
        time_stamp: ts("2026-01-21 09:30:00"),
        end_user_ip: "82.81.138.8".into(),
    })
}

pub fn balance_order(password: &str) -> CreateBalanceOrderRequest {
    CreateBalanceOrderRequest::new(CreateBalanceOrderRequired {
        client_number: 500155.into(),
        api_password: secret(password),
        action: BalanceAction::Withdraw,
        ticket_id: "{F456E096-D080-40FD-A36B-156A4B919124}".into(),
        amount: Money::new(dec!(100.00)),
        comment: "Withdrawal request in personal area".into(),
    })
    .purpose(Purpose::FixAnError)
}

pub fn charge_card(password: &str) -> ChargeCardRequest {
    ChargeCardRequest::new(ChargeCardRequired {
        client_number: 500155.into(),
        api_password: secret(password),
        reference: "{F454E096-D080-40FD-A36B-156F4B999124}".into(),
        bank_enum: 1.into(),
        currency: Currency::Ils,
        amount: Money::new(dec!(3500)),
    })
    .manual_confirmation_code("")
}

pub fn refund_item(payment_date: NaiveDate) -> RefundItem {
    RefundItem::new(RefundItemRequired {
        refund_method: RefundMethod::BankTransfer,
        payment_date,
        total_amount: Money::new(dec!(1500.0)),
        currency: "ILS".into(),
    })
    .bank_code("12")
    .branch_swift("001")
    .account("123456")
    .from_internal_account(1100)
}

pub fn create_refund() -> CreateRefundRequest {
    CreateRefundRequest::new(CreateRefundRequired {
        client_number: 500608.into(),
        items: vec![refund_item(NaiveDate::from_ymd_opt(2026, 4, 26).unwrap())],
    })
    .ticket_id("WD-998877")
    .internal_doc_dont_send(true)
    .sales_agent("Dani")
    .notes("Client portal withdrawal request 1234")
    .ip_address("203.0.113.25")
    .refund_form_purpose(RefundFormPurpose::WithdrawalFromAccount)
    .money_laundering(MoneyLaunderingControl::Normal)
}

pub fn query_queue() -> QueryRefundQueueRequest {
    QueryRefundQueueRequest::new()
}

pub fn update_queue() -> UpdateRefundQueueRequest {
    UpdateRefundQueueRequest::new(UpdateRefundQueueRequired {
        docs: vec![
            RefundStatusUpdate::new(RefundStatusUpdateRequired {
                refund_number: RefundNumber::new(23451),
                authorization_status: AuthorizationStatus::SentAwaitingResult,
            })
            .authorization_text_desc("Sent to bank API. External request id: BNK-778899"),
            RefundStatusUpdate::new(RefundStatusUpdateRequired {
                refund_number: RefundNumber::new(23452),
                authorization_status: AuthorizationStatus::ExecutedSuccessfully,
            })
            .authorization_text_desc("Executed successfully. Bank reference: TRX-445566"),
            RefundStatusUpdate::new(RefundStatusUpdateRequired {
                refund_number: RefundNumber::new(23453),
                authorization_status: AuthorizationStatus::ExecutionFailed,
            })
            .authorization_text_desc("Execution failed: beneficiary account rejected"),
        ],
    })
}

pub use hyp_api_tests::logs::LogBuf;

/// Captures every tracing event and span of this thread at TRACE level until the guard drops.
/// `#[tokio::test]` runs on one thread, so the client's and the server's tasks are captured.
pub fn capture_logs() -> (LogBuf, tracing::subscriber::DefaultGuard) {
    let buf = LogBuf::default();
    let writer = buf.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    (buf, tracing::subscriber::set_default(subscriber))
}
