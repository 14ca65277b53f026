// The intended use of the generated Hyper ERP API compiles: a client with a retry policy,
// requests built from their required fields plus optional setters (including a nested list of
// items), and outcomes and result codes handled by `match`. Nothing is sent: `handle` is only
// type-checked, never awaited.

use std::sync::Arc;

use hyp_api::hyper_erp::{
    BankRow, Client, ClientNumber, CreateRefundRequest, CreateRefundRequired, Currency,
    DepositFiatOutcome, DepositFiatRequest, DepositFiatRequired, CallError, PaymentMethod, RefundItem,
    RefundItemRequired, RefundMethod, ResponseCode, VoucherNumber,
};
use hyp_api::{
    Decimal, FixedClock, Money, NaiveDate, RetryPolicy, SecretString, Validate, ValidationContext,
};

/// Calls the API and handles every outcome; compiled to prove the signatures line up.
#[allow(dead_code)]
async fn handle(client: &Client, req: &DepositFiatRequest) -> Result<i64, CallError> {
    match client.deposit_fiat(req).await?.outcome {
        DepositFiatOutcome::Created(r) => Ok(r.receipt_num),
        // A resend of the same Ticket_ID: the original receipt, nothing new booked.
        DepositFiatOutcome::Duplicate(r) => Ok(r.receipt_num),
    }
}

/// What to do with a vendor code: a non_exhaustive enum, so the wildcard arm is required.
fn describe(code: ResponseCode) -> &'static str {
    match code {
        ResponseCode::Success => "ok",
        ResponseCode::Duplicate => "already processed",
        ResponseCode::ResourceBusy | ResponseCode::DatabaseError => "try again later",
        ResponseCode::Unknown(_) => "undocumented code: escalate",
        _ => "error",
    }
}

fn main() {
    // Date rules (e.g. a refund's PaymentDate within the last 366 days) are checked against
    // this clock; a fixed one keeps the example deterministic.
    let today = NaiveDate::from_ymd_opt(2024, 5, 2).unwrap();
    // From the re-exported date types, no chrono import needed.
    let clock = FixedClock::at(today.and_hms_opt(12, 0, 0).unwrap());
    let _start_of_day = FixedClock::on(today);
    // A code's number and meaning without importing the `VendorCode` trait.
    assert_eq!(ResponseCode::Unknown(77).value(), 77);
    let _meaning: &str = ResponseCode::Success.description();

    let client: Client = Client::builder(
        "https://erp.example",
        SecretString::from("token".to_string()),
    )
    .retry(RetryPolicy::default())
    .clock(clock)
    .build()
    .expect("an https base URL builds");

    let deposit = DepositFiatRequest::new(DepositFiatRequired {
        client_number: ClientNumber::new(500_608),
        api_password: SecretString::from("api-password".to_string()),
        ticket_id: "{F454E096-D080-40FD-A36B-156F4B999124}".into(),
        bank_enum: BankRow::new(3),
        method: PaymentMethod::CreditCard,
        currency: Currency::Ils,
        amount: "3500.00".parse::<Money>().unwrap(),
        usd_convert_rate: Decimal::new(32, 1),
        end_user_ip: "82.81.138.8".into(),
    })
    .voucher_number(123_456);
    assert_eq!(deposit.voucher_number, Some(VoucherNumber::new(123_456)));

    let item = RefundItem::new(RefundItemRequired {
        refund_method: RefundMethod::BankTransfer,
        payment_date: NaiveDate::from_ymd_opt(2024, 5, 1).unwrap(),
        total_amount: "1500.00".parse::<Money>().unwrap(),
        currency: "ILS".into(),
    })
    .bank_code("12")
    .branch_swift("600")
    .account("123456");
    let refund = CreateRefundRequest::new(CreateRefundRequired {
        client_number: ClientNumber::new(500_608),
        items: vec![item],
    })
    .ticket_id("WD-998877")
    .notes("withdrawal to bank");
    assert_eq!(refund.items.len(), 1);

    // Both requests satisfy the spec's rules (checked locally, nothing is sent).
    let cx = ValidationContext::new(Arc::new(clock));
    deposit.validate(&cx).expect("deposit is valid");
    refund.validate(&cx).expect("refund is valid");

    assert_eq!(describe(ResponseCode::Success), "ok");
    assert_eq!(describe(ResponseCode::NotAuthorized), "error");

    // The future is created (the types line up) but never polled: no network.
    drop(handle(&client, &deposit));
}
