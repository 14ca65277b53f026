//! The MT5 Manager part of the day: open an account, fund it (with a retry through a
//! ManagerOffline 503 that reuses the same x-request-id), read the ledger and the daily
//! report. The vendor documents statuses but few bodies: answers here use the documented
//! statuses and the daily report's documented fields; other bodies follow the spec's
//! (assumed) shapes.

use std::time::Duration;

use chrono::NaiveDate;
use hyp_api::mt5_manager::*;
use hyp_api::{Money, RetryPolicy};
use hyp_api_tests::mock::{MockServer, Reply};
use rust_decimal_macros::dec;

use crate::{secret, section};

pub async fn run(server: &MockServer) -> Result<(), Box<dyn std::error::Error>> {
    // The documented base is DEFAULT_BASE_URL; here the same path under the loopback server.
    let base = format!("{}/mt5/manager", server.base_url());
    println!("\n== MT5 Manager REST, against {base} (production: {DEFAULT_BASE_URL}) ==");
    let client = Client::builder(&base, secret("manager-key-for-automation"))
        .retry(RetryPolicy {
            max_attempts: 3,
            initial_backoff: Duration::from_millis(50),
            max_backoff: Duration::from_millis(200),
        })
        .build()?;

    section("Open an MT5 account");
    server.push(
        "POST /mt5/manager/accounts",
        Reply::new(201, r#"{"login":128001,"group":"retail\\usd"}"#),
    );
    let create = CreateAccountRequest::new(
        "onboarding-portal",
        "Dana Levi",
        "retail\\usd",
        "dana@example.com",
    )
    .leverage(100)
    .password(secret("Main-Pass-1"))
    .password_investor(secret("Read-Only-1"));
    match client.create_account(&create).await? {
        CreateAccountOutcome::Created(r) => {
            println!(
                "created login {:?}; also returned: {:?}",
                r.login, r.unknown_fields
            )
        }
        CreateAccountOutcome::AlreadyApplied(_) => {
            println!("already created under this request id")
        }
    }

    section("Deposit 250.00: the manager is offline once (503), the retry reuses the request id");
    server.push(
        "POST /mt5/manager/transactions/deposit",
        Reply::new(503, ""),
    );
    server.push(
        "POST /mt5/manager/transactions/deposit",
        Reply::new(201, ""),
    );
    let deposit = DepositRequest::new("finance-bot", 128001, Money::new(dec!(250.00)))
        .comment("Card deposit, receipt 1234");
    let outcome = client.deposit(&deposit).await?;
    let ids: Vec<String> = server
        .received()
        .iter()
        .filter(|r| r.path.ends_with("/transactions/deposit"))
        .filter_map(|r| r.header("x-request-id").map(str::to_string))
        .collect();
    println!(
        "{outcome:?} after {} attempts with x-request-id {:?}",
        ids.len(),
        ids
    );

    section("The same deposit resent with its request id: already applied (409), not a failure");
    server.push(
        "POST /mt5/manager/transactions/deposit",
        Reply::new(409, ""),
    );
    let again = deposit
        .clone()
        .request_id(ids.first().cloned().unwrap_or_default());
    match client.deposit(&again).await? {
        DepositOutcome::Applied(_) => println!("applied"),
        DepositOutcome::AlreadyApplied(_) => println!("already applied: nothing to do"),
    }

    section("The funding ledger for the account");
    server.push(
        "GET /mt5/manager/transactions/history",
        Reply::new(
            200,
            r#"[{"login":128001,"amount":250.00,"comment":"Card deposit, receipt 1234"}]"#,
        ),
    );
    let day = NaiveDate::from_ymd_opt(2026, 4, 7).ok_or("date")?;
    let history = TransactionHistoryRequest::new()
        .login(128001)
        .from(day)
        .to(day);
    let ledger = client.transaction_history(&history).await?;
    println!(
        "ledger (kept as received): {}",
        hyp_api::wire::to_json(&ledger.body)?
    );

    section("The daily report");
    server.push(
        "GET /mt5/manager/reports/daily",
        Reply::new(200, r#"{"activeAccounts":1834,"equity":12345678.90,"deposits":250000.00,"withdrawals":120000.50}"#),
    );
    let report = client
        .daily_report(&DailyReportRequest::new(day).operator_id("backoffice-reporting"))
        .await?;
    println!(
        "{day}: {:?} active accounts, equity {:?}, deposits {:?}, withdrawals {:?}",
        report.active_accounts, report.equity, report.deposits, report.withdrawals
    );

    section("A key without the funding scope");
    server.push(
        "POST /mt5/manager/transactions/withdraw",
        Reply::new(403, r#"{"error":"forbidden"}"#),
    );
    let withdraw = WithdrawRequest::new("finance-bot", 128001, Money::new(dec!(50)));
    match client.withdraw(&withdraw).await {
        Err(Error::Api(e)) => println!("{:?} (HTTP {}): {}", e.code, e.http_status, e.body),
        other => println!("unexpected: {other:?}"),
    }
    Ok(())
}
