//! Hyp Pay against the embedded sandbox: charge a saved card token, refund part of it, then
//! more than is left, and meet Hyp's HTML system-error page.
//!
//!     cargo run -p hyp-api --example pay
//!
//! `hyp_sandbox::Sandbox` starts in this process on loopback and answers as Hyp Pay documents
//! it: URL-encoded answers with `CCode`, the refundable amounts it keeps, its error page.

use hyp_api::Error;
use hyp_api::pay::*;
use hyp_api::{Money, RetryPolicy, SecretString};
use hyp_sandbox::Fault;
use rust_decimal_macros::dec;

const MASOF: &str = "0010345518";

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let sandbox = hyp_sandbox::Sandbox::start().await?;
    // The terminal and its API password are the client's: every request carries them.
    let pass = SecretString::from(sandbox.credential("pay", "PassP"));
    let client = Client::builder(sandbox.base_url("pay"), MASOF, pass)
        .retry(RetryPolicy::never())
        .build()?;

    // 1. Charge 120.00 ILS on a saved token (19 digits, as getToken returns it): CCode 0.
    let charge = ChargeTokenRequest::new(ChargeTokenRequired {
        client_name: "Jenny Parkington".into(),
        info: "Order 12345678910".into(),
        cc: hyp_api::CardToken::new("4761234567890123456"),
        amount: Money::new(dec!(120)),
        tmonth: "05".into(),
        tyear: "31".into(),
        user_id: "000000000".into(),
    });
    let id = match client.charge_token(&charge).await? {
        ChargeTokenOutcome::Charged(r) => r.id.ok_or("no Id")?,
        other => return Err(format!("not charged: {other:?}").into()),
    };
    println!("1. charged (CCode 0): transaction {id}");

    // 2. Refund 50.00, then 80.00: the second is more than the 70.00 left, and Hyp's CCode 33
    //    comes back as a typed API error with its message.
    for amount in [dec!(50), dec!(80)] {
        let refund = RefundRequest::new(RefundRequired {
            trans_id: id.clone(),
            amount: Money::new(amount),
        });
        match client.refund(&refund).await {
            Ok(r) => println!("2. refunded {amount}: Id {:?}", r.id),
            Err(Error::Api(e)) => println!(
                "2. refund of {amount} refused: {:?} (Hyp sends no message with it: {:?})",
                e.code, e.message
            ),
            Err(e) => return Err(e.into()),
        }
    }

    // 3. On a system error Hyp answers an HTML page instead of `key=value` pairs: its own
    //    error kind, so it is never mistaken for an answer (injected here).
    sandbox.inject("pay", "getToken", Fault::html_page());
    let token = GetTokenRequest::new(GetTokenRequired { trans_id: id });
    match client.get_token(&token).await {
        Err(e @ Error::VendorPage { .. }) => println!("3. {e}"),
        other => println!("3. unexpected: {other:?}"),
    }
    Ok(())
}
