//! The Hyp Pay part of the day: a J5 (authorize-then-capture) card payment end to end, and a
//! payment link created, listed and cancelled. Every answer is the vendor doc's own example
//! (read from spec/pay), served by the loopback server.

use hyp_api::pay::*;
use hyp_api::{MinorUnits, Money, RetryPolicy};
use hyp_api_tests::mock::{MockServer, Reply};
use hyp_api_tests::vendor;
use rust_decimal_macros::dec;

use crate::{secret, section};

const ROUTE: &str = "GET /p/";
const MASOF: &str = "0010345518";

pub async fn run(server: &MockServer) -> Result<(), Box<dyn std::error::Error>> {
    let api = hyp_codegen::load_one(&vendor::spec_root().join("pay")).map_err(|d| d.to_string())?;
    let script = |wire: &str, example: &str| {
        let (status, body) = vendor::answer(&api, wire, example);
        server.push(
            ROUTE,
            Reply::new(status, body).with_content_type("text/plain"),
        );
    };
    let base = format!("{}/p/", server.base_url());
    println!("\n== Hyp Pay, against {base} (production: {DEFAULT_BASE_URL}) ==");
    let client = Client::builder(&base).retry(RetryPolicy::never()).build()?;
    let (key, pass) = (secret("your-api-key"), secret("your-api-password"));

    section("Sign a payment page for a J5 authorization of 10.00 ILS");
    script("APISign SIGN", "response-signed");
    let page = SignPaymentPageRequest::new(MASOF, key.clone(), pass.clone(), Money::new(dec!(10)))
        .sign(true)
        .j5(true)
        .more_data(true)
        .order("12345678910");
    let signed = client.sign_payment_page(&page).await?;
    println!(
        "redirect the customer with action={:?} and signature {:?} ({} parameters echoed)",
        signed.action,
        signed.signature,
        signed.echoed.len()
    );

    section("The customer is back (CCode=700: authorized, not charged): verify the redirect");
    script("APISign VERIFY", "response-verified");
    let redirect: Vec<(String, String)> = [
        ("Id", "408941655"),
        ("CCode", "700"),
        ("Amount", "10"),
        ("ACode", "0505293"),
        ("Order", "12345678910"),
        (
            "Sign",
            "a84b11187377554427f267a9139ad4fd7daf7fb661dd668a9b954cf41cd25904",
        ),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let verify = VerifyTransactionRequest::new(MASOF, key.clone(), pass.clone(), redirect);
    println!("{:?}", client.verify_transaction(&verify).await?);

    section("A token for the authorized card (allowFalse: the J5 was not a charge)");
    script("getToken", "response-token-issued");
    let token = client
        .get_token(&GetTokenRequest::new(MASOF, pass.clone(), "408941655").allow_false(true))
        .await?;
    println!(
        "token issued (never printed): {:?}, expiry (YYMM) {:?}",
        token.token.is_some(),
        token.tokef
    );

    section("Capture 8.50 of the 10.00 authorization (J4)");
    script("soft capture J4", "response-captured");
    let Some(card) = token.token else {
        return Err("no token".into());
    };
    let capture = CaptureRequest::new(
        MASOF,
        pass.clone(),
        "0505293",
        MinorUnits::new(1000),
        "25071013082408828199589",
        Money::new(dec!(8.50)),
        card,
        "05",
        "31",
        "000000000",
        "Jenny Parkington",
        "Order 12345678910",
    );
    println!("{:?}", client.capture(&capture).await?);

    section("Refund 8.50 of it (zikoyAPI)");
    script("zikoyAPI", "response-refunded");
    let refund = RefundRequest::new(MASOF, pass.clone(), "408941655", Money::new(dec!(8.50)));
    println!("{:?}", client.refund(&refund).await?);

    section("A payment link: create it, list the links, cancel it");
    script("payRequest CREATE", "response-created");
    let link = client
        .create_payment_link(&CreatePaymentLinkRequest::new(
            MASOF,
            pass.clone(),
            Money::new(dec!(120)),
            "Jenny Parkington",
        ))
        .await?;
    println!("{:?}", link);
    script("payRequest LIST", "response-listed");
    let links = client
        .list_payment_links(&ListPaymentLinksRequest::new(MASOF, pass.clone()))
        .await?;
    for l in &links.links {
        println!(
            "  {:?} {:?} {:?} {:?}",
            l.pay_request_id, l.status, l.amount, l.payment_url
        );
    }
    script("payRequest DELETE", "response-deleted");
    let id = link.pay_request_id.clone().unwrap_or_default();
    println!(
        "{:?}",
        client
            .delete_payment_link(&DeletePaymentLinkRequest::new(MASOF, pass.clone(), id))
            .await?
    );

    section("Hyp's system-error page instead of an answer");
    server.push(
        ROUTE,
        Reply::new(200, "<html><body>Masof Error</body></html>").with_content_type("text/html"),
    );
    match client
        .get_token(&GetTokenRequest::new(MASOF, pass, "1"))
        .await
    {
        Err(e @ Error::VendorPage { .. }) => println!("{e}"),
        other => println!("unexpected: {other:?}"),
    }
    Ok(())
}
