//! MT5 Manager REST against the embedded sandbox: open an account, deposit into it, read its
//! balance, and resend the deposit under its request id.
//!
//!     cargo run -p hyp-api --example mt5_manager
//!
//! `hyp_sandbox::Sandbox` starts in this process on loopback; it applies each `x-request-id`
//! once and keeps the balances. The vendor documents statuses but few bodies: the shapes are
//! the spec's (marked **Assumed** in the docs).

use hyp_api::mt5_manager::*;
use hyp_api::{Money, SecretString};
use rust_decimal_macros::dec;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let sandbox = hyp_sandbox::Sandbox::start().await?;
    let key = SecretString::from(sandbox.credential("mt5-manager", "manager-key"));
    let client = Client::builder(sandbox.base_url("mt5-manager"), key).build()?;

    // 1. A new account: 201 Created, with the login MT5 gave it.
    let create = CreateAccountRequest::new(CreateAccountRequired {
        operator_id: "onboarding-portal".into(),
        name: "Dana Levi".into(),
        group: "retail\\usd".into(),
        email: "dana@example.com".into(),
    })
    .leverage(100)
    .password(SecretString::from("Main-Pass-1".to_string()));
    let login = match client.create_account(&create).await?.outcome {
        CreateAccountOutcome::Created(r) | CreateAccountOutcome::AlreadyApplied(r) => {
            r.login.ok_or("no login")?
        }
    };
    println!("1. account created: login {login}");

    // 2. A deposit. It sets no idempotency key (`x-request-id`), so the client makes a UUID,
    //    reuses it on every retry, and returns it with the outcome (errors carry it too).
    let deposit = DepositRequest::new(DepositRequired {
        operator_id: "finance-bot".into(),
        login,
        amount: Money::new(dec!(250.00)),
    });
    let applied = client.deposit(&deposit).await?;
    let key = applied.idempotency_key().ok_or("no key")?.to_string();
    match applied.outcome {
        DepositOutcome::Applied(_) => println!("2. deposit applied under x-request-id {key}"),
        DepositOutcome::AlreadyApplied(_) => println!("2. deposit already applied"),
    }
    // 3. The account as the manager sees it: the balance moved by 250.00.
    let account = client
        .get_account(&GetAccountRequest::new(GetAccountRequired { login }))
        .await?;
    println!("3. balance: {:?}", account.balance);
    // 4. The same deposit resent under the same key: 409 "already applied", a typed outcome,
    //    not an error; the balance does not move again.
    match client.deposit(&deposit.request_id(key)).await?.outcome {
        DepositOutcome::Applied(_) => println!("4. applied twice?!"),
        DepositOutcome::AlreadyApplied(_) => println!("4. already applied (409): nothing to do"),
    }
    Ok(())
}
