//! The MT5 Manager part of the day: open an account, fund it, pay out of it, read its
//! balance, and resend a deposit under its request id. The sandbox applies each
//! `x-request-id` once and moves the account's balance, which `GET /accounts/{login}` shows.
//! The vendor documents statuses but few bodies: the sandbox answers with the documented
//! statuses and the spec's (assumed) shapes.

use std::time::Duration;

use hyp_api::mt5_manager::*;
use hyp_api::{Money, RetryPolicy};
use hyp_sandbox::Sandbox;
use rust_decimal_macros::dec;

use crate::{secret, section};

pub async fn run(sandbox: &Sandbox) -> Result<(), Box<dyn std::error::Error>> {
    let base = sandbox.base_url("mt5-manager");
    println!("\n== MT5 Manager REST, against {base} (production: {DEFAULT_BASE_URL}) ==");
    let client = Client::builder(
        &base,
        secret(&sandbox.credential("mt5-manager", "manager-key")),
    )
    .retry(RetryPolicy {
        max_attempts: 3,
        initial_backoff: Duration::from_millis(50),
        max_backoff: Duration::from_millis(200),
    })
    .build()?;

    section("Open an MT5 account");
    let create = CreateAccountRequest::new(CreateAccountRequired {
        operator_id: "onboarding-portal".into(),
        name: "Dana Levi".into(),
        group: "retail\\usd".into(),
        email: "dana@example.com".into(),
    })
    .request_id("onboarding-dana-levi")
    .leverage(100)
    .password(secret("Main-Pass-1"))
    .password_investor(secret("Read-Only-1"));
    let (outcome, created) = match client.create_account(&create).await?.outcome {
        CreateAccountOutcome::Created(r) => ("created", r),
        CreateAccountOutcome::AlreadyApplied(r) => ("already created under this request id", r),
    };
    let login = created.login.ok_or("no login")?;
    println!("{outcome}: login {login}");

    section("Deposit 250.00, then withdraw 40.00");
    let deposit = DepositRequest::new(DepositRequired {
        operator_id: "finance-bot".into(),
        login,
        amount: Money::new(dec!(250.00)),
    })
    .request_id("deposit-receipt-1234")
    .comment("Card deposit, receipt 1234");
    match client.deposit(&deposit).await?.outcome {
        DepositOutcome::Applied(_) => println!("deposit applied"),
        DepositOutcome::AlreadyApplied(_) => println!("deposit already applied"),
    }
    let withdraw = WithdrawRequest::new(WithdrawRequired {
        operator_id: "finance-bot".into(),
        login,
        amount: Money::new(dec!(40.00)),
    })
    .request_id("withdrawal-5678")
    .comment("Withdrawal request 5678");
    match client.withdraw(&withdraw).await?.outcome {
        WithdrawOutcome::Applied(_) => println!("withdrawal applied"),
        WithdrawOutcome::AlreadyApplied(_) => println!("withdrawal already applied"),
    }

    section("The account, as the manager sees it");
    let account = client
        .get_account(
            &GetAccountRequest::new(GetAccountRequired { login })
                .operator_id("backoffice-reporting"),
        )
        .await?;
    println!("login {}: balance {:?}", account.login, account.balance);

    section("The deposit resent with its request id: already applied (409), not a failure");
    match client.deposit(&deposit).await?.outcome {
        DepositOutcome::Applied(_) => println!("applied again"),
        DepositOutcome::AlreadyApplied(_) => println!("already applied: nothing to do"),
    }
    let account = client
        .get_account(&GetAccountRequest::new(GetAccountRequired { login }))
        .await?;
    println!("balance still {:?}", account.balance);
    Ok(())
}
