//! Hyp CreditGuard (XML relay) against the embedded sandbox: check a payment page's signed
//! redirect, charge a card token, and refund part of it, then too much.
//!
//!     cargo run -p hyp-api --example creditguard
//!
//! `hyp_sandbox::Sandbox` starts in this process on loopback and answers as CreditGuard
//! documents it: the XML envelope, the result codes, the deals it keeps for refunds.

use hyp_api::Error;
use hyp_api::creditguard::*;
use hyp_api::{MinorUnits, SecretString};

const TERMINAL: &str = "0882819014";

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let sandbox = hyp_sandbox::Sandbox::start().await?;
    let base = sandbox.base_url("creditguard");
    let password = SecretString::from(sandbox.credential("creditguard", "password"));
    let client = Client::builder(
        &base,
        sandbox.credential("creditguard", "user"),
        password.clone(),
    )
    .build()?;

    // 1. A customer comes back from the hosted payment page: the redirect's `responseMac` is
    //    checked (SHA-256 over the documented parameters and your password, constant time).
    let mut redirect: Vec<(String, String)> = [
        ("txId", "f6c9683f-9faf-4e5d-bf48-7a193bd88b0c"),
        ("uniqueID", "order-20260525-0001"),
        ("cardToken", "1092880571131111"),
        ("cardExp", "0228"),
        ("personalId", ""),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let mac = sign_redirect_mac(&password, &redirect); // here we play the vendor's part
    redirect.push(("responseMac".into(), mac));
    println!(
        "1. redirect signature: {:?}",
        verify_redirect_mac(&password, &redirect)
    );
    redirect[3].1 = "1299".into();
    println!(
        "   after changing cardExp: {:?}",
        verify_redirect_mac(&password, &redirect)
    );

    // 2. Charge 250.00 ILS (25,000 agorot: CreditGuard counts in minor units) on the token.
    let deal = DoDealRequest::new(DoDealRequired {
        language: Language::Eng,
        terminal_number: TERMINAL.into(),
        total: MinorUnits::new(25000),
        transaction_type: TransactionType::Debit,
        credit_type: CreditType::RegularCredit,
        currency: "ILS".into(),
        transaction_code: TransactionCode::Internet,
        validation: Validation::AutoComm,
    })
    .card_id(hyp_api::CardToken::new("1092880571131111"))
    .card_expiration("0228");
    let charged = client.do_deal(&deal).await?;
    let tran_id = charged.tran_id.clone().ok_or("no tranId")?;
    println!("2. approved (result 000): tranId {tran_id}");

    // 3. Refund 100.00, then 200.00 more: the second exceeds what is left, and CreditGuard's
    //    result 310 comes back as a typed API error with the vendor's message.
    for total in [10000, 20000] {
        let refund = RefundDealRequest::new(RefundDealRequired {
            language: Language::Eng,
            terminal_number: TERMINAL.into(),
        })
        .tran_id(tran_id.clone())
        .total(MinorUnits::new(total));
        match client.refund_deal(&refund).await {
            Ok(r) => println!("3. refunded {total} agorot: tranId {:?}", r.tran_id),
            Err(Error::Api(e)) => println!(
                "3. refund of {total} agorot refused: {:?}: {}",
                e.code,
                e.message.unwrap_or_default()
            ),
            Err(e) => return Err(e.into()),
        }
    }
    Ok(())
}
