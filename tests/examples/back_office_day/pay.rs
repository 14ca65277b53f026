//! The Hyp Pay part of the day: a J5 (authorize-then-capture) charge of a saved card token;
//! a charge refunded in part, then beyond what is left (CCode 33); a payment link created,
//! paid by the customer and then no longer deletable (CCode 995). The sandbox keeps the
//! authorizations, the refundable amounts and the links, as spec/pay documents them.

use hyp_api::Error;
use hyp_api::pay::*;
use hyp_api::{MinorUnits, Money, RetryPolicy};
use hyp_sandbox::{Fault, Sandbox};
use rust_decimal_macros::dec;

use crate::{secret, section};

const API: &str = "pay";
const MASOF: &str = "0010345518";
/// A saved card token (19 digits) and its expiry, as `getToken` returns them.
const TOKEN: &str = "4761234567890123456";
const TMONTH: &str = "05";
const TYEAR: &str = "31";
const USER_ID: &str = "000000000";

pub async fn run(sandbox: &Sandbox) -> Result<(), Box<dyn std::error::Error>> {
    let base = sandbox.base_url(API);
    println!("\n== Hyp Pay, against {base} (production: {DEFAULT_BASE_URL}) ==");
    let pass = secret(&sandbox.credential(API, "PassP"));
    // The terminal and its API password are the client's: every request below carries them.
    let client = Client::builder(&base, MASOF, pass.clone())
        .retry(RetryPolicy::never())
        .build()?;
    let charge = |amount: Money| {
        ChargeTokenRequest::new(ChargeTokenRequired {
            client_name: "Jenny Parkington".into(),
            info: "Order 12345678910".into(),
            cc: hyp_api::CardToken::new(TOKEN),
            amount,
            tmonth: TMONTH.into(),
            tyear: TYEAR.into(),
            user_id: USER_ID.into(),
        })
        .more_data(true)
    };

    section("Authorize 10.00 ILS on the saved token (J5: held, not charged)");
    let (acode, uid) = match client
        .charge_token(&charge(Money::new(dec!(10))).j5(true))
        .await?
    {
        ChargeTokenOutcome::Authorized(r) => {
            println!(
                "authorized (700): {:?} held, Id {:?}, ACode {:?}, UID {:?}",
                r.amount, r.id, r.acode, r.uid
            );
            (r.acode.ok_or("no ACode")?, r.uid.ok_or("no UID")?)
        }
        other => return Err(format!("unexpected: {other:?}").into()),
    };

    section("Capture 8.50 of the 10.00 authorization (J4), then try to capture it again");
    // The capture sends the authorization's ACode as AuthNum and its UID as originalUid.
    let capture = CaptureRequest::new(CaptureRequired {
        auth_num: acode,
        original_amount: MinorUnits::new(1000),
        original_uid: uid,
        amount: Money::new(dec!(8.50)),
        cc: hyp_api::CardToken::new(TOKEN),
        tmonth: TMONTH.into(),
        tyear: TYEAR.into(),
        user_id: USER_ID.into(),
        client_name: "Jenny Parkington".into(),
        info: "Order 12345678910".into(),
    });
    let captured = client.capture(&capture).await?;
    println!(
        "captured: Id {:?}, amount {:?}",
        captured.id, captured.amount
    );
    match client.capture(&capture).await {
        Err(Error::Api(e)) => println!("again: {:?}: {}", e.code, e.message.unwrap_or_default()),
        other => println!("unexpected: {other:?}"),
    }

    section("Charge 120.00 ILS, refund 50.00 of it, then 80.00 more");
    let charged = match client.charge_token(&charge(Money::new(dec!(120)))).await? {
        ChargeTokenOutcome::Charged(r) => {
            println!("charged (0): Id {:?}, amount {:?}", r.id, r.amount);
            r.id.ok_or("no Id")?
        }
        other => return Err(format!("unexpected: {other:?}").into()),
    };
    for amount in [dec!(50), dec!(80)] {
        let refund = RefundRequest::new(RefundRequired {
            trans_id: charged.clone(),
            amount: Money::new(amount),
        });
        match client.refund(&refund).await {
            Ok(r) => println!("refunded {amount}: Id {:?}", r.id),
            Err(Error::Api(e)) => println!(
                "refund of {amount} refused: {:?}: {}",
                e.code,
                e.message.unwrap_or_default()
            ),
            Err(e) => return Err(e.into()),
        }
    }

    section("A payment link: create it, the customer pays it, then try to delete it");
    let link = client
        .create_payment_link(&CreatePaymentLinkRequest::new(CreatePaymentLinkRequired {
            amount: Money::new(dec!(120)),
            client_name: "Jenny Parkington".into(),
        }))
        .await?;
    let id = link.pay_request_id.clone().ok_or("no payRequestId")?;
    println!("link {id}: {:?}", link.payment_url);
    let paid = sandbox.set_status(API, "payment-link", &id, "paid");
    println!("the customer paid it (marked in the sandbox: {paid})");
    match client
        .delete_payment_link(&DeletePaymentLinkRequest::new(DeletePaymentLinkRequired {
            pay_request: id.clone(),
        }))
        .await
    {
        Err(Error::Api(e)) => println!(
            "delete refused: {:?}: {}",
            e.code,
            e.message.unwrap_or_default()
        ),
        other => println!("unexpected: {other:?}"),
    }

    section("Hyp's system-error page instead of an answer");
    sandbox.inject(API, "getToken", Fault::html_page());
    match client
        .get_token(&GetTokenRequest::new(GetTokenRequired {
            trans_id: "408941655".into(),
        }))
        .await
    {
        Err(e @ Error::VendorPage { .. }) => println!("{e}"),
        other => println!("unexpected: {other:?}"),
    }
    Ok(())
}
