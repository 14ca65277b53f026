//! Hyper ERP against the sandbox: every rule of spec/hyper-erp/sandbox.yaml and every fault.

use chrono::TimeZone;

mod common;
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

// ---------------------------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn a_repeated_ticket_answers_code_30_with_the_original_receipt() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let first = client
        .deposit_fiat(&deposit("T-1", Money::new(dec!(3500))))
        .await
        .map(hyp_api::Keyed::into_inner)
        .unwrap();
    let DepositFiatOutcome::Created(created) = first else {
        panic!("{first:?}")
    };
    let again = client
        .deposit_fiat(&deposit("T-1", Money::new(dec!(3500))))
        .await
        .map(hyp_api::Keyed::into_inner)
        .unwrap();
    let DepositFiatOutcome::Duplicate(dup) = again else {
        panic!("{again:?}")
    };
    assert_eq!(dup.receipt_num, created.receipt_num);
    assert_eq!(
        sandbox.balance("hyper-erp", "balance", &["500155", "ILS"]),
        dec!(3500)
    );
    assert_eq!(sandbox.applied("hyper-erp", "MT4_Deposit_Fiat_Json"), 1);
}

#[tokio::test]
async fn distinct_tickets_create_distinct_receipts() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let a = client
        .deposit_fiat(&deposit("T-A", Money::new(dec!(10))))
        .await
        .map(hyp_api::Keyed::into_inner)
        .unwrap();
    let b = client
        .deposit_fiat(&deposit("T-B", Money::new(dec!(10))))
        .await
        .map(hyp_api::Keyed::into_inner)
        .unwrap();
    let (DepositFiatOutcome::Created(a), DepositFiatOutcome::Created(b)) = (a, b) else {
        panic!("both deposits should be created")
    };
    assert_ne!(a.receipt_num, b.receipt_num);
    assert_eq!(sandbox.applied(API, DEPOSIT), 2);
    assert_eq!(ils_balance(&sandbox), dec!(20));
}

#[tokio::test]
async fn a_repeated_withdrawal_ticket_answers_code_30_with_the_original_refund() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let w = withdrawal_for(500155, Currency::Ils, "W-1", Money::new(dec!(400)));
    let first = client.withdraw_fiat(&w).await.unwrap().into_inner();
    let WithdrawFiatOutcome::Created(created) = first else {
        panic!("{first:?}")
    };
    let again = client.withdraw_fiat(&w).await.unwrap().into_inner();
    let WithdrawFiatOutcome::Duplicate(dup) = again else {
        panic!("{again:?}")
    };
    assert_eq!(dup.refund_num, created.refund_num);
    assert_eq!(sandbox.applied(API, WITHDRAWAL), 1);
    assert_eq!(ils_balance(&sandbox), dec!(-400));
}

#[tokio::test]
async fn a_repeated_balance_order_ticket_answers_code_30_with_the_original_order() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let first = client
        .create_balance_order(&balance_order("B-1"))
        .await
        .map(hyp_api::Keyed::into_inner)
        .unwrap();
    let CreateBalanceOrderOutcome::Created(created) = first else {
        panic!("{first:?}")
    };
    let again = client
        .create_balance_order(&balance_order("B-1"))
        .await
        .map(hyp_api::Keyed::into_inner)
        .unwrap();
    let CreateBalanceOrderOutcome::Duplicate(dup) = again else {
        panic!("{again:?}")
    };
    assert_eq!(dup.tp_order_id, created.tp_order_id);
    assert_eq!(sandbox.received(API, BALANCE_ORDER), 2);
    assert_eq!(sandbox.applied(API, BALANCE_ORDER), 1);
}

#[tokio::test]
async fn a_repeated_refund_ticket_answers_code_30_and_queues_nothing_new() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let number = queued_refund(&client, "R-1").await;
    let again = client
        .create_refund(&refund("R-1"))
        .await
        .unwrap()
        .into_inner();
    let CreateRefundOutcome::Duplicate(dup) = again else {
        panic!("{again:?}")
    };
    assert_eq!(dup.doc.map(|d| d.refund_number), Some(number));
    assert_eq!(sandbox.applied(API, REFUND), 1);
    assert_eq!(sandbox.queue(API, QUEUE), vec![(number.to_string(), 2)]);
}

#[tokio::test]
async fn a_second_tp_account_for_a_client_answers_code_1_with_the_same_login() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let request = CreateTpAccountRequest::new(CreateTpAccountRequired {
        client_number: 500014.into(),
        api_password: secret("eBt5yJD3uc12"),
    });
    let first = client.create_tp_account(&request).await.unwrap();
    let CreateTpAccountOutcome::Created(created) = first else {
        panic!("{first:?}")
    };
    let again = client.create_tp_account(&request).await.unwrap();
    let CreateTpAccountOutcome::AlreadyExists(existing) = again else {
        panic!("{again:?}")
    };
    assert_eq!(
        existing.account.account_login,
        created.account.account_login
    );
    assert_eq!(sandbox.applied(API, TP_ACCOUNT), 1);
}

#[tokio::test]
async fn another_client_gets_its_own_tp_account() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let a = client
        .create_tp_account(&CreateTpAccountRequest::new(CreateTpAccountRequired {
            client_number: 500014.into(),
            api_password: secret("eBt5yJD3uc12"),
        }))
        .await
        .unwrap();
    let b = client
        .create_tp_account(&CreateTpAccountRequest::new(CreateTpAccountRequired {
            client_number: 500015.into(),
            api_password: secret("eBt5yJD3uc12"),
        }))
        .await
        .unwrap();
    let (CreateTpAccountOutcome::Created(a), CreateTpAccountOutcome::Created(b)) = (a, b) else {
        panic!("each client's first account should be created")
    };
    assert_ne!(a.account.account_login, b.account.account_login);
}

#[tokio::test]
async fn deposits_add_and_withdrawals_subtract_per_client_and_currency() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    // (client, currency, ticket, amount): D- tickets deposit, W- tickets withdraw.
    let moves = [
        (500155, Currency::Ils, "D-1", dec!(1000.50)),
        (500155, Currency::Usd, "D-2", dec!(50)),
        (500156, Currency::Ils, "D-3", dec!(70)),
        (500155, Currency::Ils, "W-1", dec!(300.25)),
        (500155, Currency::Usd, "W-2", dec!(20)),
    ];
    for (who, currency, ticket, amount) in moves {
        let amount = Money::new(amount);
        if ticket.starts_with('D') {
            let request = deposit_for(who, currency, ticket, amount);
            client.deposit_fiat(&request).await.unwrap();
        } else {
            let request = withdrawal_for(who, currency, ticket, amount);
            client.withdraw_fiat(&request).await.unwrap();
        }
    }
    assert_eq!(
        sandbox.balance(API, "balance", &["500155", "ILS"]),
        dec!(700.25)
    );
    assert_eq!(
        sandbox.balance(API, "balance", &["500155", "USD"]),
        dec!(30)
    );
    assert_eq!(
        sandbox.balance(API, "balance", &["500156", "ILS"]),
        dec!(70)
    );
    assert_eq!(sandbox.balance(API, "balance", &["500156", "USD"]), dec!(0));
}

#[tokio::test]
async fn a_created_refund_joins_the_queue_ready_to_execute_and_is_listed() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let number = queued_refund(&client, "R-1").await;
    assert_eq!(sandbox.queue(API, QUEUE), vec![(number.to_string(), 2)]);
    assert_eq!(listed(&client, None).await, vec![number]);
}

#[tokio::test]
async fn an_empty_queue_answers_code_2_with_no_rows() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    assert_eq!(listed(&client, None).await, Vec::<RefundNumber>::new());
    let (status, body) = post_raw(
        &sandbox,
        "Query_Refunds_API_Queue_json",
        serde_json::json!({}),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(body["ResponseCode"], 2, "{body}");
    assert!(body.get("Queue").is_none(), "{body}");
}

#[tokio::test]
async fn a_status_filter_that_matches_no_row_answers_code_2() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    queued_refund(&client, "R-1").await;
    assert_eq!(
        listed(&client, Some(QueueFilter::ExecutionFailed)).await,
        Vec::<RefundNumber>::new()
    );
    assert_eq!(
        listed(&client, Some(QueueFilter::SentAwaitingResult)).await,
        Vec::<RefundNumber>::new()
    );
    let (_, body) = post_raw(
        &sandbox,
        "Query_Refunds_API_Queue_json",
        serde_json::json!({"Status": "execution failed"}),
    )
    .await;
    assert_eq!(body["ResponseCode"], 2, "{body}");
}

#[tokio::test]
async fn an_update_to_3_lists_the_refund_as_sent_awaiting_result() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let number = queued_refund(&client, "R-1").await;
    set_refund_status(&client, number, AuthorizationStatus::SentAwaitingResult).await;
    assert_eq!(sandbox.queue(API, QUEUE), vec![(number.to_string(), 3)]);
    assert_eq!(
        listed(&client, Some(QueueFilter::SentAwaitingResult)).await,
        vec![number]
    );
    assert_eq!(listed(&client, None).await, Vec::<RefundNumber>::new());
    assert_eq!(
        listed(&client, Some(QueueFilter::ExecutionFailed)).await,
        Vec::<RefundNumber>::new()
    );
}

#[tokio::test]
async fn an_update_to_5_lists_the_refund_as_execution_failed() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let number = queued_refund(&client, "R-1").await;
    set_refund_status(&client, number, AuthorizationStatus::SentAwaitingResult).await;
    set_refund_status(&client, number, AuthorizationStatus::ExecutionFailed).await;
    assert_eq!(sandbox.queue(API, QUEUE), vec![(number.to_string(), 5)]);
    assert_eq!(
        listed(&client, Some(QueueFilter::ExecutionFailed)).await,
        vec![number]
    );
    assert_eq!(
        listed(&client, Some(QueueFilter::SentAwaitingResult)).await,
        Vec::<RefundNumber>::new()
    );
    assert_eq!(listed(&client, None).await, Vec::<RefundNumber>::new());
}

#[tokio::test]
async fn the_queue_lists_only_the_rows_in_the_asked_status() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let sent = queued_refund(&client, "R-1").await;
    let ready = queued_refund(&client, "R-2").await;
    set_refund_status(&client, sent, AuthorizationStatus::SentAwaitingResult).await;
    assert_eq!(listed(&client, None).await, vec![ready]);
    assert_eq!(
        listed(&client, Some(QueueFilter::SentAwaitingResult)).await,
        vec![sent]
    );
}

#[tokio::test]
async fn unknown_refund_numbers_in_an_update_come_back_in_skipped() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let number = queued_refund(&client, "R-1").await;
    let unknown = RefundNumber::new(number.get() + 1_000_000);
    let request = UpdateRefundQueueRequest::new(UpdateRefundQueueRequired {
        docs: vec![
            RefundStatusUpdate::new(RefundStatusUpdateRequired {
                refund_number: number,
                authorization_status: AuthorizationStatus::SentAwaitingResult,
            }),
            RefundStatusUpdate::new(RefundStatusUpdateRequired {
                refund_number: unknown,
                authorization_status: AuthorizationStatus::SentAwaitingResult,
            }),
        ],
    });
    let answer = client.update_refund_queue(&request).await.unwrap();
    assert_eq!(answer.skipped, vec![unknown]);
    assert_eq!(sandbox.queue(API, QUEUE), vec![(number.to_string(), 3)]);
}

#[tokio::test]
async fn an_update_naming_no_queued_refund_answers_code_14() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let number = queued_refund(&client, "R-1").await;
    let request = UpdateRefundQueueRequest::new(UpdateRefundQueueRequired {
        docs: vec![RefundStatusUpdate::new(RefundStatusUpdateRequired {
            refund_number: RefundNumber::new(number.get() + 1_000_000),
            authorization_status: AuthorizationStatus::ExecutedSuccessfully,
        })],
    });
    let err = client.update_refund_queue(&request).await.unwrap_err();
    let Error::Api(api) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(api.code, ResponseCode::BadInputData);
    assert_eq!(api.http_status, 400);
    assert_eq!(
        api.message.as_deref(),
        Some("docs array does not contain valid refund numbers")
    );
    assert_eq!(sandbox.applied(API, "Update_Refunds_API_Queue_json"), 0);
    assert_eq!(sandbox.queue(API, QUEUE), vec![(number.to_string(), 2)]);
}

#[tokio::test]
async fn an_invalid_request_answers_http_400_code_14_naming_the_field() {
    let sandbox = Sandbox::start().await.unwrap();
    let body = serde_json::json!({
        "ClientNumber": 500155,
        "API_Password": "eBt5yJD3uc12",
        "Ticket_ID": "X".repeat(51),
        "BankEnum": 1,
        "MethodEnum": 1,
        "Currency": "ILS",
        "Amount": 3500,
        "USD_ConvertRate": 3.2,
        "End_user_IP": "82.81.138.8",
    });
    let (status, answer, reason) = post_with_reason(&sandbox, DEPOSIT, body).await;
    assert_eq!(status, 400, "{answer}");
    assert_eq!(answer["ResponseCode"], 14, "{answer}");
    // The vendor's words in the body; the sandbox's reason beside it.
    let message = answer["ResponseMsgEng"].as_str().unwrap_or_default();
    assert_eq!(
        message,
        "Posted fields contain wrong data and/or missing fields."
    );
    assert!(reason.contains("Ticket_ID"), "{reason}");
    assert_eq!(sandbox.applied(API, DEPOSIT), 0);
    assert_eq!(ils_balance(&sandbox), dec!(0));
}

/// Date rules are judged by the sandbox's clock: a withdrawal stamped after it is refused
/// with code 14, one stamped before it is booked.
#[tokio::test]
async fn date_rules_are_judged_by_the_sandbox_clock() {
    let noon = chrono::Utc.with_ymd_and_hms(2026, 5, 25, 12, 0, 0).unwrap();
    let sandbox = Sandbox::builder()
        .clock(hyp_api::FixedClock(noon))
        .start()
        .await
        .unwrap();
    let withdrawal = |ticket: &str, stamp: &str| {
        serde_json::json!({
            "ClientNumber": 500155,
            "API_Password": "eBt5yJD3uc12",
            "Ticket_ID": ticket,
            "BankEnum": 1,
            "MethodEnum": 1,
            "Currency": "ILS",
            "Amount": 10,
            "USD_ConvertRate": 3.2,
            "Time_Stamp": stamp,
            "End_user_IP": "82.81.138.8",
        })
    };
    let (status, answer, reason) = post_with_reason(
        &sandbox,
        WITHDRAWAL,
        withdrawal("late", "2026-05-25 12:30:00"),
    )
    .await;
    assert_eq!(
        (status, &answer["ResponseCode"]),
        (400, &serde_json::json!(14)),
        "{answer}"
    );
    assert!(reason.contains("Time_Stamp"), "{reason}");
    let (status, answer) = post_raw(
        &sandbox,
        WITHDRAWAL,
        withdrawal("early", "2026-05-25 11:30:00"),
    )
    .await;
    assert_eq!(
        (status, &answer["ResponseCode"]),
        (200, &serde_json::json!(0)),
        "{answer}"
    );
    assert_eq!(sandbox.applied(API, WITHDRAWAL), 1);
}

#[tokio::test]
async fn the_same_request_within_the_rules_is_applied() {
    // The control of the test above: only the Ticket_ID's length differs.
    let sandbox = Sandbox::start().await.unwrap();
    let body = serde_json::json!({
        "ClientNumber": 500155,
        "API_Password": "eBt5yJD3uc12",
        "Ticket_ID": "X".repeat(50),
        "BankEnum": 1,
        "MethodEnum": 1,
        "Currency": "ILS",
        "Amount": 3500,
        "USD_ConvertRate": 3.2,
        "End_user_IP": "82.81.138.8",
    });
    let (status, answer) = post_raw(&sandbox, DEPOSIT, body).await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["ResponseCode"], 0, "{answer}");
    assert_eq!(ils_balance(&sandbox), dec!(3500));
}

#[tokio::test]
async fn the_client_refuses_an_over_long_ticket_without_sending_it() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let err = client
        .deposit_fiat(&deposit(&"X".repeat(51), Money::new(dec!(10))))
        .await
        .unwrap_err();
    let Error::InvalidRequest(violations) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(violations.paths(), vec!["Ticket_ID"]);
    assert_eq!(sandbox.received(API, DEPOSIT), 0);
}

#[tokio::test]
async fn an_unknown_function_answers_code_3() {
    let sandbox = Sandbox::start().await.unwrap();
    let (status, answer, reason) =
        post_with_reason(&sandbox, "No_Such_Function_Json", serde_json::json!({})).await;
    assert_eq!(status, 404, "{answer}");
    assert_eq!(answer["ResponseCode"], 3, "{answer}");
    assert_eq!(
        answer["ResponseMsgEng"], "API function does not exist",
        "{answer}"
    );
    assert!(reason.contains("No_Such_Function_Json"), "{reason}");
}

// ---------------------------------------------------------------------------------------------
// Faults
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn a_delay_past_the_timeout_is_an_unknown_outcome_and_the_resend_is_a_duplicate() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = Client::builder(sandbox.base_url(API), secret("sandbox-access-token"))
        .retry(RetryPolicy::never())
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    sandbox.inject(API, DEPOSIT, Fault::delay(Duration::from_secs(2)));
    let err = client
        .deposit_fiat(&deposit("T-1", Money::new(dec!(100))))
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Timeout {
                outcome_unknown: true,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.outcome_unknown());
    assert_eq!(sandbox.applied(API, DEPOSIT), 1);
    let again = client
        .deposit_fiat(&deposit("T-1", Money::new(dec!(100))))
        .await
        .map(hyp_api::Keyed::into_inner)
        .unwrap();
    assert!(
        matches!(again, DepositFiatOutcome::Duplicate(_)),
        "{again:?}"
    );
    assert_eq!(sandbox.received(API, DEPOSIT), 2);
    assert_eq!(sandbox.applied(API, DEPOSIT), 1);
    assert_eq!(ils_balance(&sandbox), dec!(100));
}

#[tokio::test]
async fn a_delay_past_the_timeout_is_retried_with_the_same_ticket_and_applied_once() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = Client::builder(sandbox.base_url(API), secret("sandbox-access-token"))
        .retry(fast_retries())
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    sandbox.inject(API, DEPOSIT, Fault::delay(Duration::from_secs(2)));
    let out = client
        .deposit_fiat(&deposit("T-1", Money::new(dec!(100))))
        .await
        .map(hyp_api::Keyed::into_inner)
        .unwrap();
    assert!(matches!(out, DepositFiatOutcome::Duplicate(_)), "{out:?}");
    assert_eq!(sandbox.received(API, DEPOSIT), 2);
    assert_eq!(sandbox.applied(API, DEPOSIT), 1);
    assert_eq!(ils_balance(&sandbox), dec!(100));
}

#[tokio::test]
async fn http_500_without_retries_is_a_decode_error_with_status_500() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client_with(&sandbox, RetryPolicy::never());
    sandbox.inject(API, DEPOSIT, Fault::http_500());
    let err = client
        .deposit_fiat(&deposit("T-1", Money::new(dec!(100))))
        .await
        .unwrap_err();
    let Error::Decode {
        http_status, body, ..
    } = &err
    else {
        panic!("{err:?}")
    };
    assert_eq!(*http_status, 500);
    assert_eq!(body, "Internal Server Error");
    assert_eq!(sandbox.applied(API, DEPOSIT), 0);
    assert_eq!(ils_balance(&sandbox), dec!(0));
}

#[tokio::test]
async fn http_500_is_retried_and_the_resend_is_applied_once() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client_with(&sandbox, fast_retries());
    sandbox.inject(API, DEPOSIT, Fault::http_500());
    let out = client
        .deposit_fiat(&deposit("T-1", Money::new(dec!(100))))
        .await
        .map(hyp_api::Keyed::into_inner)
        .unwrap();
    // The 500 struck before anything was applied: the resend is the first to take effect.
    assert!(matches!(out, DepositFiatOutcome::Created(_)), "{out:?}");
    assert_eq!(sandbox.received(API, DEPOSIT), 2);
    assert_eq!(sandbox.applied(API, DEPOSIT), 1);
    assert_eq!(ils_balance(&sandbox), dec!(100));
}

#[tokio::test]
async fn an_html_page_is_a_vendor_page_and_not_retried() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client_with(&sandbox, fast_retries());
    sandbox.inject(API, DEPOSIT, Fault::html_page());
    let err = client
        .deposit_fiat(&deposit("T-1", Money::new(dec!(100))))
        .await
        .unwrap_err();
    let Error::VendorPage {
        http_status, body, ..
    } = &err
    else {
        panic!("{err:?}")
    };
    assert_eq!(*http_status, 200);
    assert!(body.starts_with("<html>"), "{body}");
    assert_eq!(sandbox.received(API, DEPOSIT), 1);
    assert_eq!(sandbox.applied(API, DEPOSIT), 0);
    assert_eq!(ils_balance(&sandbox), dec!(0));
}

#[tokio::test]
async fn a_truncated_body_is_a_decode_error_and_the_resend_is_a_duplicate() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client_with(&sandbox, fast_retries());
    sandbox.inject(API, DEPOSIT, Fault::truncated_body());
    let err = client
        .deposit_fiat(&deposit("T-1", Money::new(dec!(100))))
        .await
        .unwrap_err();
    let Error::Decode {
        http_status, body, ..
    } = &err
    else {
        panic!("{err:?}")
    };
    assert_eq!(*http_status, 200);
    assert!(body.starts_with('{') && !body.ends_with('}'), "{body}");
    // An undecodable 2xx is final: the client does not resend it by itself.
    assert_eq!(sandbox.received(API, DEPOSIT), 1);
    assert_eq!(sandbox.applied(API, DEPOSIT), 1);
    let again = client
        .deposit_fiat(&deposit("T-1", Money::new(dec!(100))))
        .await
        .map(hyp_api::Keyed::into_inner)
        .unwrap();
    assert!(
        matches!(again, DepositFiatOutcome::Duplicate(_)),
        "{again:?}"
    );
    assert_eq!(sandbox.applied(API, DEPOSIT), 1);
    assert_eq!(ils_balance(&sandbox), dec!(100));
}

#[tokio::test]
async fn a_dropped_connection_without_retries_is_a_transport_error_that_may_have_applied() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client_with(&sandbox, RetryPolicy::never());
    sandbox.inject(API, DEPOSIT, Fault::drop_connection());
    let err = client
        .deposit_fiat(&deposit("T-1", Money::new(dec!(100))))
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Transport {
                sent: true,
                maybe_applied: true,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(sandbox.received(API, DEPOSIT), 1);
    assert_eq!(sandbox.applied(API, DEPOSIT), 1);
    assert_eq!(ils_balance(&sandbox), dec!(100));
}

#[tokio::test]
async fn a_dropped_connection_after_applying_is_retried_once_and_applied_once() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    sandbox.inject(
        "hyper-erp",
        "MT4_Deposit_Fiat_Json",
        Fault::drop_connection(),
    );
    let out = client
        .deposit_fiat(&deposit("T-2", Money::new(dec!(100))))
        .await
        .map(hyp_api::Keyed::into_inner)
        .unwrap();
    assert!(matches!(out, DepositFiatOutcome::Duplicate(_)), "{out:?}");
    assert_eq!(sandbox.received("hyper-erp", "MT4_Deposit_Fiat_Json"), 2);
    assert_eq!(sandbox.applied("hyper-erp", "MT4_Deposit_Fiat_Json"), 1);
    assert_eq!(
        sandbox.balance("hyper-erp", "balance", &["500155", "ILS"]),
        dec!(100)
    );
    let _ = Duration::ZERO;
    let _: Option<Error<ResponseCode>> = None;
}

#[tokio::test]
async fn a_vendor_timeout_on_a_balance_order_without_retries_is_code_5() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client_with(&sandbox, RetryPolicy::never());
    sandbox.inject(API, BALANCE_ORDER, Fault::vendor_timeout());
    let err = client
        .create_balance_order(&balance_order("B-1"))
        .await
        .unwrap_err();
    let Error::Api(api) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(api.code, ResponseCode::TradingSystemTimeout);
    assert_eq!(api.code.value(), 5);
    assert_eq!(Some(api.http_status), api.code.documented_http_status());
    assert!(err.outcome_unknown());
    assert_eq!(sandbox.received(API, BALANCE_ORDER), 1);
    assert_eq!(sandbox.applied(API, BALANCE_ORDER), 1);
}

#[tokio::test]
async fn a_vendor_timeout_on_a_balance_order_is_retried_into_a_duplicate() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client_with(&sandbox, fast_retries());
    sandbox.inject(API, BALANCE_ORDER, Fault::vendor_timeout());
    let out = client
        .create_balance_order(&balance_order("B-1"))
        .await
        .map(hyp_api::Keyed::into_inner)
        .unwrap();
    let CreateBalanceOrderOutcome::Duplicate(dup) = out else {
        panic!("{out:?}")
    };
    assert_eq!(sandbox.received(API, BALANCE_ORDER), 2);
    assert_eq!(sandbox.applied(API, BALANCE_ORDER), 1);
    let later = client
        .create_balance_order(&balance_order("B-1"))
        .await
        .unwrap();
    assert_eq!(later.response().tp_order_id, dup.tp_order_id);
    assert_eq!(sandbox.applied(API, BALANCE_ORDER), 1);
}

#[tokio::test]
async fn a_vendor_timeout_on_a_tp_account_is_code_5_and_not_resent() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client_with(&sandbox, fast_retries());
    sandbox.inject(API, TP_ACCOUNT, Fault::vendor_timeout());
    let request = CreateTpAccountRequest::new(CreateTpAccountRequired {
        client_number: 500014.into(),
        api_password: secret("eBt5yJD3uc12"),
    });
    let err = client.create_tp_account(&request).await.unwrap_err();
    assert!(
        matches!(&err, Error::Api(api) if api.code == ResponseCode::TradingSystemTimeout),
        "{err:?}"
    );
    // No idempotency key: the client must not resend by itself.
    assert_eq!(sandbox.received(API, TP_ACCOUNT), 1);
    // The account was made regardless: asking again finds it.
    let again = client.create_tp_account(&request).await.unwrap();
    assert!(
        matches!(again, CreateTpAccountOutcome::AlreadyExists(_)),
        "{again:?}"
    );
    assert_eq!(sandbox.applied(API, TP_ACCOUNT), 1);
}

#[tokio::test]
async fn a_vendor_timeout_on_card_clearing_is_processed_with_result_code_997() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client_with(&sandbox, fast_retries());
    let approved = client.charge_card(&charge("REF-1")).await.unwrap();
    assert_eq!(approved.result_code, ClearingResultCode::Approved);
    sandbox.inject(API, CLEARING, Fault::vendor_timeout());
    let timed_out = client.charge_card(&charge("REF-2")).await.unwrap();
    assert_eq!(timed_out.result_code, ClearingResultCode::TimedOut);
    assert_eq!(
        timed_out.result_code.to_node(),
        hyp_api::Node::Num("997".into())
    );
    assert_eq!(sandbox.received(API, CLEARING), 2);
    assert_eq!(sandbox.applied(API, CLEARING), 2);
}

#[tokio::test]
async fn an_injected_retryable_code_is_resent_and_applied_once() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client_with(&sandbox, fast_retries());
    sandbox.inject(API, DEPOSIT, Fault::code(10));
    let out = client
        .deposit_fiat(&deposit("T-1", Money::new(dec!(100))))
        .await
        .map(hyp_api::Keyed::into_inner)
        .unwrap();
    assert!(matches!(out, DepositFiatOutcome::Created(_)), "{out:?}");
    assert_eq!(sandbox.received(API, DEPOSIT), 2);
    assert_eq!(sandbox.applied(API, DEPOSIT), 1);
    assert_eq!(ils_balance(&sandbox), dec!(100));
}

#[tokio::test]
async fn an_injected_final_code_is_that_typed_error_and_nothing_is_applied() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client_with(&sandbox, fast_retries());
    sandbox.inject(API, DEPOSIT, Fault::code(11));
    let err = client
        .deposit_fiat(&deposit("T-1", Money::new(dec!(100))))
        .await
        .unwrap_err();
    let Error::Api(api) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(api.code, ResponseCode::SecurityAlert);
    assert_eq!(Some(api.http_status), api.code.documented_http_status());
    assert_eq!(sandbox.received(API, DEPOSIT), 1);
    assert_eq!(sandbox.applied(API, DEPOSIT), 0);
    assert_eq!(ils_balance(&sandbox), dec!(0));
}

#[tokio::test]
async fn the_fault_header_strikes_the_requests_that_carry_it() {
    let sandbox = Sandbox::start().await.unwrap();
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        FAULT_HEADER,
        reqwest::header::HeaderValue::from_static("http-500"),
    );
    let faulty = Client::builder(sandbox.base_url(API), secret("sandbox-access-token"))
        .retry(RetryPolicy::never())
        .http_client(
            reqwest::Client::builder()
                .default_headers(headers)
                .build()
                .unwrap(),
        )
        .build()
        .unwrap();
    let err = faulty
        .deposit_fiat(&deposit("T-1", Money::new(dec!(100))))
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Decode {
                http_status: 500,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(sandbox.applied(API, DEPOSIT), 0);
    // A request without the header is answered normally.
    let out = client_with(&sandbox, RetryPolicy::never())
        .deposit_fiat(&deposit("T-1", Money::new(dec!(100))))
        .await
        .map(hyp_api::Keyed::into_inner)
        .unwrap();
    assert!(matches!(out, DepositFiatOutcome::Created(_)), "{out:?}");
    assert_eq!(ils_balance(&sandbox), dec!(100));
}
