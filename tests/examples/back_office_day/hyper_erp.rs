//! The Hyper ERP/CRM part of the day: a TP account, a deposit and its resend, a withdrawal
//! (the client's balance read from the sandbox), a balance order through the trading
//! platform's timeout, card clearing, a refund document through the bank-transfer queue.
//! Every answer comes from the sandbox's state, played as spec/hyper-erp documents it.

use std::time::Duration;

use chrono::{NaiveDate, NaiveDateTime, TimeZone, Utc};
use hyp_api::Error;
use hyp_api::hyper_erp::*;
use hyp_api::{FixedClock, Money, RetryPolicy};
use hyp_sandbox::{Fault, Sandbox};
use rust_decimal_macros::dec;

use crate::{secret, section};

const API: &str = "hyper-erp";
const CLIENT: i64 = 500155;

pub async fn run(sandbox: &Sandbox) -> Result<(), Box<dyn std::error::Error>> {
    let base = sandbox.base_url(API);
    // The working day the vendor's examples describe.
    let today = Utc
        .with_ymd_and_hms(2026, 5, 25, 12, 0, 0)
        .single()
        .ok_or("date")?;
    let client = Client::builder(&base, secret(&sandbox.credential(API, "token")))
        .clock(FixedClock(today))
        .retry(RetryPolicy {
            max_attempts: 3,
            initial_backoff: Duration::from_millis(50),
            max_backoff: Duration::from_millis(200),
        })
        .build()?;
    // The sandbox's account (its defaults: `hyp-sandbox --help`).
    let password = secret(&sandbox.credential(API, "API_Password"));
    let balance = || sandbox.balance(API, "balance", &["500155", "ILS"]);

    println!("== Hyper ERP back-office day against {base} ==");

    section("Open a trading-platform account for client 500155");
    let open = CreateTpAccountRequest::new(CreateTpAccountRequired {
        client_number: CLIENT.into(),
        api_password: password.clone(),
    });
    match client.create_tp_account(&open).await? {
        CreateTpAccountOutcome::Created(r) => println!(
            "created: login {} in group {:?}",
            r.account.account_login, r.account.group
        ),
        CreateTpAccountOutcome::AlreadyExists(r) => println!("already there: {:?}", r.account),
    }
    section("The same again: the client already has one");
    match client.create_tp_account(&open).await? {
        CreateTpAccountOutcome::Created(r) => println!("created: {:?}", r.account),
        CreateTpAccountOutcome::AlreadyExists(r) => println!(
            "already exists (code 1): login {} in group {:?}",
            r.account.account_login, r.account.group
        ),
    }

    section("Card deposit of 3,500.00 ILS");
    let deposit = DepositFiatRequest::new(DepositFiatRequired {
        client_number: CLIENT.into(),
        api_password: password.clone(),
        ticket_id: "{F454E096-D080-40FD-A36B-156F4B999124}".into(),
        bank_enum: 1.into(),
        method: PaymentMethod::CreditCard,
        currency: Currency::Ils,
        amount: Money::new(dec!(3500.00)),
        usd_convert_rate: dec!(3.2),
        end_user_ip: "82.81.138.8".into(),
    })
    .time_stamp(at("2026-05-25 08:00:00")?);
    match client.deposit_fiat(&deposit).await?.outcome {
        DepositFiatOutcome::Created(r) => println!("receipt {}", r.receipt_num),
        DepositFiatOutcome::Duplicate(r) => println!("duplicate of receipt {}", r.receipt_num),
    }
    println!("balance: {} ILS", balance());
    section("The deposit resent with the same Ticket_ID");
    match client.deposit_fiat(&deposit).await?.outcome {
        DepositFiatOutcome::Created(r) => println!("new receipt {}", r.receipt_num),
        DepositFiatOutcome::Duplicate(r) => println!(
            "duplicate (code 30): the original receipt is {}",
            r.receipt_num
        ),
    }
    println!("balance: {} ILS (booked once)", balance());

    section("Withdrawal of 500.00 ILS by card refund");
    let withdrawal = WithdrawFiatRequest::new(WithdrawFiatRequired {
        client_number: CLIENT.into(),
        api_password: password.clone(),
        ticket_id: "{A1B2C3D4-E5F6-7890-1234-56789ABCDEF0}".into(),
        bank_enum: 1.into(),
        method: PaymentMethod::CreditCard,
        currency: Currency::Ils,
        amount: Money::new(dec!(500.00)),
        usd_convert_rate: dec!(3.2),
        time_stamp: at("2026-05-25 09:30:00")?,
        end_user_ip: "82.81.138.8".into(),
    });
    match client.withdraw_fiat(&withdrawal).await?.outcome {
        WithdrawFiatOutcome::Created(r) => println!("refund document {}", r.refund_num),
        WithdrawFiatOutcome::Duplicate(r) => println!("duplicate of {}", r.refund_num),
    }
    println!("balance: {} ILS", balance());

    section(
        "Direct balance order (fee correction of 100.00): the platform does not confirm in time",
    );
    sandbox.inject(API, "Create_TP_Balance_Order_Json", Fault::vendor_timeout());
    let order = CreateBalanceOrderRequest::new(CreateBalanceOrderRequired {
        client_number: CLIENT.into(),
        api_password: password.clone(),
        action: BalanceAction::Withdraw,
        ticket_id: "{F456E096-D080-40FD-A36B-156A4B919124}".into(),
        amount: Money::new(dec!(100.00)),
        comment: "Fee correction".into(),
    })
    .purpose(Purpose::Fee);
    match client.create_balance_order(&order).await?.outcome {
        CreateBalanceOrderOutcome::Created(r) => println!("order {}", r.tp_order_id),
        CreateBalanceOrderOutcome::Duplicate(r) => println!(
            "code 5 (queued, unconfirmed), retried with the same Ticket_ID: duplicate (code 30) of order {}",
            r.tp_order_id
        ),
    }
    println!(
        "balance orders received {}, applied {}",
        sandbox.received(API, "Create_TP_Balance_Order_Json"),
        sandbox.applied(API, "Create_TP_Balance_Order_Json")
    );

    section("Card clearing: approved, then the ~41 s clearing timeout (Result Code 997)");
    let charge = ChargeCardRequest::new(ChargeCardRequired {
        client_number: CLIENT.into(),
        api_password: password.clone(),
        reference: "{F454E096-D080-40FD-A36B-156F4B999124}".into(),
        bank_enum: 1.into(),
        currency: Currency::Ils,
        amount: Money::new(dec!(3500)),
    });
    for timed_out in [false, true] {
        if timed_out {
            sandbox.inject(API, "CC_Clearing_Json", Fault::vendor_timeout());
        }
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
    let bad = WithdrawFiatRequest::new(WithdrawFiatRequired {
        client_number: CLIENT.into(),
        api_password: password.clone(),
        ticket_id: "x".repeat(51).into(),
        bank_enum: 1.into(),
        method: PaymentMethod::BankTransfer,
        currency: Currency::Ils,
        amount: Money::new(dec!(0)),
        usd_convert_rate: dec!(0.5),
        time_stamp: at("2027-01-01 00:00:00")?,
        end_user_ip: "82.81.138.8".into(),
    });
    match client.withdraw_fiat(&bad).await {
        Err(Error::InvalidRequest(v)) => {
            for x in &v.0 {
                println!("  {}: {}", x.path, x.rule);
            }
        }
        other => println!("unexpected: {other:?}"),
    }

    section("Refund document: a bank transfer of 1,500.00 ILS");
    let item = RefundItem::new(RefundItemRequired {
        refund_method: RefundMethod::BankTransfer,
        payment_date: NaiveDate::from_ymd_opt(2026, 5, 25).ok_or("date")?,
        total_amount: Money::new(dec!(1500.00)),
        currency: "ILS".into(),
    })
    .bank_code("12")
    .branch_swift("001")
    .account("123456")
    .from_internal_account(1100);
    let refund = CreateRefundRequest::new(CreateRefundRequired {
        client_number: CLIENT.into(),
        items: vec![item],
    })
    .ticket_id("WD-998877")
    .refund_form_purpose(RefundFormPurpose::WithdrawalFromAccount)
    .notes("Client portal withdrawal request 1234");
    let refund_number = match client.create_refund(&refund).await?.outcome {
        CreateRefundOutcome::Created(r) | CreateRefundOutcome::Duplicate(r) => {
            let number = r.doc.ok_or("no Doc")?.refund_number;
            println!(
                "refund {number}; the bank-transfer queue (number, status): {:?}",
                sandbox.queue(API, "refund-queue")
            );
            number
        }
    };

    section("Bank-transfer queue: ready to execute, sent (3), executed (4)");
    let ready_rows = QueryRefundQueueRequest::new();
    let sent_rows = QueryRefundQueueRequest::new().status(QueueFilter::SentAwaitingResult);
    let ready = client.query_refund_queue(&ready_rows).await?;
    println!("ready to execute: {} row(s)", ready.queue.len());
    for row in &ready.queue {
        println!("  refund {} row {:?}", row.refund_number, row.row_index);
    }
    let sent = UpdateRefundQueueRequest::new(UpdateRefundQueueRequired {
        docs: vec![RefundStatusUpdate::new(RefundStatusUpdateRequired {
            refund_number,
            authorization_status: AuthorizationStatus::SentAwaitingResult,
        })],
    });
    let r = client.update_refund_queue(&sent).await?;
    println!("marked sent; skipped: {:?}", r.skipped);
    let awaiting = client.query_refund_queue(&sent_rows).await?;
    println!(
        "sent, awaiting the bank: {:?}",
        awaiting
            .queue
            .iter()
            .map(|r| r.refund_number)
            .collect::<Vec<_>>()
    );
    let executed = UpdateRefundQueueRequest::new(UpdateRefundQueueRequired {
        docs: vec![
            RefundStatusUpdate::new(RefundStatusUpdateRequired {
                refund_number,
                authorization_status: AuthorizationStatus::ExecutedSuccessfully,
            }),
            RefundStatusUpdate::new(RefundStatusUpdateRequired {
                refund_number: RefundNumber::new(23452),
                authorization_status: AuthorizationStatus::ExecutedSuccessfully,
            }),
        ],
    });
    let r = client.update_refund_queue(&executed).await?;
    println!(
        "marked executed; skipped (not in the queue): {:?}",
        r.skipped
    );
    println!(
        "ready to execute now: {} row(s); the sandbox's queue: {:?}",
        client.query_refund_queue(&ready_rows).await?.queue.len(),
        sandbox.queue(API, "refund-queue")
    );

    section("A vendor error, typed: an update naming no queued refund");
    let unknown = UpdateRefundQueueRequest::new(UpdateRefundQueueRequired {
        docs: vec![RefundStatusUpdate::new(RefundStatusUpdateRequired {
            refund_number: RefundNumber::new(99999),
            authorization_status: AuthorizationStatus::ExecutionFailed,
        })],
    });
    match client.update_refund_queue(&unknown).await {
        Err(Error::Api(e)) => println!(
            "code {:?} (HTTP {}): {}",
            e.code,
            e.http_status,
            e.message.unwrap_or_default()
        ),
        other => println!("unexpected: {other:?}"),
    }

    section("The trading system does not answer in time (client timeout 300 ms, no retry)");
    let impatient = Client::builder(&base, secret(&sandbox.credential(API, "token")))
        .clock(FixedClock(today))
        .retry(RetryPolicy::never())
        .timeout(Duration::from_millis(300))
        .build()?;
    sandbox.inject(
        API,
        "Create_TP_Balance_Order_Json",
        Fault::delay(Duration::from_secs(2)),
    );
    let bonus = CreateBalanceOrderRequest::new(CreateBalanceOrderRequired {
        client_number: CLIENT.into(),
        api_password: password,
        action: BalanceAction::Deposit,
        ticket_id: "{0B7D2C11-4E8A-4F55-9D0E-3A1C2B4D5E6F}".into(),
        amount: Money::new(dec!(250.00)),
        comment: "Bonus".into(),
    });
    match impatient.create_balance_order(&bonus).await {
        Err(e) => println!("{e} (outcome unknown: {})", e.outcome_unknown()),
        Ok(o) => println!("unexpected: {o:?}"),
    }
    match client.create_balance_order(&bonus).await?.outcome {
        CreateBalanceOrderOutcome::Created(r) => println!("resent: new order {}", r.tp_order_id),
        CreateBalanceOrderOutcome::Duplicate(r) => println!(
            "resent with the same Ticket_ID: duplicate (code 30) of order {}: it had gone through",
            r.tp_order_id
        ),
    }
    Ok(())
}

fn at(s: &str) -> Result<NaiveDateTime, chrono::ParseError> {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S")
}
