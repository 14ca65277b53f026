//! The Hyper ERP/CRM part of the day: accounts, deposits and withdrawals, a balance order,
//! card clearing, a refund document and the bank-transfer queue, answered with the vendor's
//! documented responses (read from spec/hyper-erp).

use std::time::Duration;

use chrono::{NaiveDate, NaiveDateTime, TimeZone, Utc};
use hyp_api::hyper_erp::*;
use hyp_api::{FixedClock, Money, RetryPolicy};
use hyp_api_tests::mock::{MockServer, Reply};
use hyp_api_tests::vendor;
use rust_decimal_macros::dec;

use crate::{secret, section};

pub async fn run(server: &MockServer) -> Result<(), Box<dyn std::error::Error>> {
    let api = vendor::hyper_erp();
    let script = |wire: &str, example: &str| {
        let (status, body) = vendor::answer(api, wire, example);
        server.push(wire, Reply::new(status, body));
    };
    // The working day the vendor's examples describe.
    let today = Utc
        .with_ymd_and_hms(2026, 5, 25, 12, 0, 0)
        .single()
        .ok_or("date")?;
    let client = Client::builder(server.base_url(), secret("access-token-from-refresh-flow"))
        .clock(FixedClock(today))
        .retry(RetryPolicy::default())
        .build()?;
    let password = secret("eBt5yJD3uc12");

    println!(
        "== Hyper ERP back-office day against {} ==",
        server.base_url()
    );

    section("Open a trading-platform account for client 500155");
    script("Create_TP_Account_Json", "response-created");
    match client
        .create_tp_account(&CreateTpAccountRequest::new(500155, password.clone()))
        .await?
    {
        CreateTpAccountOutcome::Created(r) => println!("created: {:?}", r.account),
        CreateTpAccountOutcome::AlreadyExists(r) => println!("already there: {:?}", r.account),
    }
    section("The same again: the client already has one");
    script("Create_TP_Account_Json", "response-already-exists");
    match client
        .create_tp_account(&CreateTpAccountRequest::new(500155, password.clone()))
        .await?
    {
        CreateTpAccountOutcome::Created(r) => println!("created: {:?}", r.account),
        CreateTpAccountOutcome::AlreadyExists(r) => println!(
            "already exists (code 1): login {} in group {:?}",
            r.account.account_login, r.account.group
        ),
    }

    section("Card deposit of 3,500.00 ILS");
    script("MT4_Deposit_Fiat_Json", "response-created");
    let deposit = DepositFiatRequest::new(
        500155,
        password.clone(),
        "{F454E096-D080-40FD-A36B-156F4B999124}",
        1,
        PaymentMethod::CreditCard,
        Currency::Ils,
        Money::new(dec!(3500.00)),
        dec!(3.2),
        "82.81.138.8",
    )
    .time_stamp(at("2026-05-25 08:00:00")?);
    println!("{:?}", client.deposit_fiat(&deposit).await?);
    section("The deposit resent with the same Ticket_ID");
    script(
        "MT4_Deposit_Fiat_Json",
        "response-duplicate-receipt-http-200",
    );
    match client.deposit_fiat(&deposit).await? {
        DepositFiatOutcome::Created(r) => println!("new receipt {}", r.receipt_num),
        DepositFiatOutcome::Duplicate(r) => {
            println!(
                "duplicate (code 30): the original receipt is {}",
                r.receipt_num
            )
        }
    }

    section("Withdrawal of 500 USD by card refund");
    script("MT4_Withdrawal_Fiat_Json", "response-created");
    let withdrawal = WithdrawFiatRequest::new(
        500155,
        password.clone(),
        "{A1B2C3D4-E5F6-7890-1234-56789ABCDEF0}",
        1,
        PaymentMethod::CreditCard,
        Currency::Usd,
        Money::new(dec!(500)),
        dec!(1),
        at("2026-05-25 09:30:00")?,
        "82.81.138.8",
    );
    println!("{:?}", client.withdraw_fiat(&withdrawal).await?);

    section("Direct balance order: fee correction of 100.00");
    script("Create_TP_Balance_Order_Json", "response-created-http-200");
    let order = CreateBalanceOrderRequest::new(
        500155,
        password.clone(),
        BalanceAction::Withdraw,
        "{F456E096-D080-40FD-A36B-156A4B919124}",
        Money::new(dec!(100.00)),
        "Withdrawal request in personal area",
    )
    .purpose(Purpose::Fee);
    println!("{:?}", client.create_balance_order(&order).await?);

    section("Card clearing: approved, then the ~41 s clearing timeout (Result Code 997)");
    let charge = ChargeCardRequest::new(
        500155,
        password.clone(),
        "{F454E096-D080-40FD-A36B-156F4B999124}",
        1,
        Currency::Ils,
        Money::new(dec!(3500)),
    );
    for example in [
        "response-approved-http-200",
        "response-timeout-997-http-200",
    ] {
        script("CC_Clearing_Json", example);
        let r = client.charge_card(&charge).await?;
        match r.result_code {
            ClearingResultCode::Approved => println!(
                "approved: request {} card {:?} ****{} voucher {:?}",
                r.req_id,
                r.result_cc_brand_name,
                r.result_last_4_digits.as_deref().unwrap_or("?"),
                r.result_bank_reference
            ),
            ClearingResultCode::TimedOut => println!(
                "clearing timed out (997) on request {}: outcome unknown, reconcile before charging again: {:?}",
                r.req_id, r.result_text
            ),
            other => println!("clearing result {other:?}: {:?}", r.result_text),
        }
    }

    section("A bad request is refused before it is sent");
    let bad = WithdrawFiatRequest::new(
        500155,
        password.clone(),
        "x".repeat(51),
        1,
        PaymentMethod::BankTransfer,
        Currency::Ils,
        Money::new(dec!(0)),
        dec!(0.5),
        at("2027-01-01 00:00:00")?,
        "82.81.138.8",
    );
    match client.withdraw_fiat(&bad).await {
        Err(Error::InvalidRequest(v)) => {
            for x in &v.0 {
                println!("  {}: {}", x.path, x.rule);
            }
        }
        other => println!("unexpected: {other:?}"),
    }

    section("Refund document: a bank transfer of 1,500.00 ILS");
    script("Create_Refund_Json", "response-created");
    let item = RefundItem::new(
        RefundMethod::BankTransfer,
        NaiveDate::from_ymd_opt(2026, 4, 26).ok_or("date")?,
        Money::new(dec!(1500.00)),
        "ILS",
    )
    .bank_code("12")
    .branch_swift("001")
    .account("123456")
    .from_internal_account(1100);
    let refund = CreateRefundRequest::new(500608, vec![item])
        .ticket_id("WD-998877")
        .refund_form_purpose(RefundFormPurpose::WithdrawalFromAccount)
        .notes("Client portal withdrawal request 1234");
    if let CreateRefundOutcome::Created(r) = client.create_refund(&refund).await? {
        let d = r.doc.ok_or("no Doc")?;
        println!(
            "refund {} for {:?}: {:?} {:?}, authorization {:?}",
            d.refund_number,
            d.client_full_name,
            d.total_refund_lc,
            d.purchaser_currency,
            d.authorization_status
        );
    }

    section("Bank-transfer queue: rows ready to execute, then none left");
    script("Query_Refunds_API_Queue_json", "response-queue");
    script("Query_Refunds_API_Queue_json", "response-no-results");
    for _ in 0..2 {
        let q = client
            .query_refund_queue(&QueryRefundQueueRequest::new())
            .await?;
        println!("{} row(s)", q.queue.len());
        for row in &q.queue {
            println!(
                "  refund {} row {:?}: {:?} {:?} to {:?} ({:?})",
                row.refund_number,
                row.row_index,
                row.total_amount,
                row.currency,
                row.account,
                row.reg_account_owner_as_contact_person
            );
        }
    }

    section("Feed the bank's results back: one document is Skipped");
    script("Update_Refunds_API_Queue_json", "response-updated");
    let update = UpdateRefundQueueRequest::new(vec![
        RefundStatusUpdate::new(23451, AuthorizationStatus::SentAwaitingResult),
        RefundStatusUpdate::new(23452, AuthorizationStatus::ExecutedSuccessfully),
        RefundStatusUpdate::new(23453, AuthorizationStatus::ExecutionFailed)
            .authorization_text_desc("Execution failed: beneficiary account rejected"),
    ]);
    let r = client.update_refund_queue(&update).await?;
    println!("updated; skipped: {:?}", r.skipped);

    section("A vendor error, typed");
    script(
        "CC_Clearing_Json",
        "error-10-bad-account-credentials-http-401",
    );
    match client.charge_card(&charge).await {
        Err(Error::Api(e)) => println!(
            "code {:?} (HTTP {}): {}",
            e.code,
            e.http_status,
            e.message.unwrap_or_default()
        ),
        other => println!("unexpected: {other:?}"),
    }

    section("The trading system does not answer in time (client timeout 300 ms)");
    let impatient = Client::builder(server.base_url(), secret("access-token-from-refresh-flow"))
        .clock(FixedClock(today))
        .retry(RetryPolicy::never())
        .timeout(Duration::from_millis(300))
        .build()?;
    let (status, body) = vendor::answer(
        api,
        "Create_TP_Balance_Order_Json",
        "response-created-http-200",
    );
    server.push(
        "Create_TP_Balance_Order_Json",
        Reply::new(status, body).delayed(Duration::from_secs(2)),
    );
    match impatient.create_balance_order(&order).await {
        Err(e) => println!("{e} (outcome unknown: {})", e.outcome_unknown()),
        Ok(o) => println!("unexpected: {o:?}"),
    }
    Ok(())
}

fn at(s: &str) -> Result<NaiveDateTime, chrono::ParseError> {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S")
}
