//! Hyper ERP/CRM against the embedded sandbox: a card deposit, the same deposit resent, and a
//! request refused before it is sent.
//!
//!     cargo run -p hyp-api --example hyper_erp
//!
//! `hyp_sandbox::Sandbox` starts in this process on loopback and plays the API as its vendor
//! documents it (the codes, the idempotent `Ticket_ID`, the balances): nothing is scripted and
//! nothing leaves the machine. Point `Client::builder` at your instance instead to run it for
//! real.

use chrono::{TimeZone, Utc};
use hyp_api::hyper_erp::*;
use hyp_api::{FixedClock, Money, SecretString};
use rust_decimal_macros::dec;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let sandbox = hyp_sandbox::Sandbox::start().await?;
    let base = sandbox.base_url("hyper-erp");
    let token = SecretString::from(sandbox.credential("hyper-erp", "token"));
    // Date rules ("within the last 366 days") are judged by the client's clock: fixed here.
    let today = Utc
        .with_ymd_and_hms(2026, 5, 25, 12, 0, 0)
        .single()
        .ok_or("date")?;
    let client = Client::builder(&base, token)
        .clock(FixedClock(today))
        .build()?;
    let password = SecretString::from(sandbox.credential("hyper-erp", "API_Password"));

    let deposit_of = |ticket_id: &str| {
        DepositFiatRequest::new(DepositFiatRequired {
            client_number: ClientNumber::new(500155),
            api_password: password.clone(),
            ticket_id: ticket_id.into(),
            bank_enum: BankRow::new(1),
            method: PaymentMethod::CreditCard,
            currency: Currency::Ils,
            amount: Money::new(dec!(3500.00)),
            usd_convert_rate: dec!(3.2),
            end_user_ip: "82.81.138.8".into(),
        })
    };
    // The Ticket_ID is the idempotency key: Hyper books each one once.
    let deposit = deposit_of("{F454E096-D080-40FD-A36B-156F4B999124}");

    // 1. The deposit is booked: code 0, a new receipt number.
    match client.deposit_fiat(&deposit).await?.outcome {
        DepositFiatOutcome::Created(r) => println!("1. booked: receipt {}", r.receipt_num),
        DepositFiatOutcome::Duplicate(r) => println!("1. already booked: {}", r.receipt_num),
    }
    // 2. Resent with the same Ticket_ID (say, after a timeout): Hyper answers code 30 with the
    //    ORIGINAL receipt, as a typed `Duplicate`, and books nothing twice.
    match client.deposit_fiat(&deposit).await?.outcome {
        DepositFiatOutcome::Created(r) => println!("2. booked again?! {}", r.receipt_num),
        DepositFiatOutcome::Duplicate(r) => println!(
            "2. duplicate (code 30): the original receipt is {}",
            r.receipt_num
        ),
    }
    println!(
        "   the client's ILS balance in the sandbox: {} (moved once)",
        sandbox.balance("hyper-erp", "balance", &["500155", "ILS"])
    );
    // 3. A Ticket_ID over the documented 50 characters breaks a spec rule: refused before
    //    sending, with the field's wire path; the sandbox never sees it.
    let bad = deposit_of(&"X".repeat(60));
    match client.deposit_fiat(&bad).await {
        Err(e) => println!("3. refused before sending: {e}"),
        Ok(r) => println!("3. sent?! {r:?}"),
    }
    Ok(())
}
