//! The CreditGuard part of the day: check a hosted payment page's signed redirect; charge a
//! card token with `requestId` + `mayBeDuplicate`, lose an answer to a timeout and resend it
//! (the sandbox re-sends the first result, as CreditGuard does); refund part of the charge,
//! then more than is left (the vendor's 310).

use std::time::Duration;

use hyp_api::Error;
use hyp_api::creditguard::*;
use hyp_api::{MinorUnits, RetryPolicy};
use hyp_sandbox::{Fault, Sandbox};

use crate::{secret, section};

const API: &str = "creditguard";
const TERMINAL: &str = "0882819014";

pub async fn run(sandbox: &Sandbox) -> Result<(), Box<dyn std::error::Error>> {
    let base = sandbox.base_url(API);
    println!("\n== CreditGuard (XML relay), against {base} ==");
    let password = secret(&sandbox.credential(API, "password"));
    let client = Client::builder(&base, sandbox.credential(API, "user"), password.clone())
        .retry(RetryPolicy::never())
        .build()?;

    section("A customer back from the hosted payment page: check the redirect's responseMac");
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
    // Here the "vendor" signs with our password, as Hyp does.
    let mac = sign_redirect_mac(&password, &redirect);
    redirect.push(("responseMac".into(), mac));
    println!("signature: {:?}", verify_redirect_mac(&password, &redirect));
    redirect[3].1 = "1299".into();
    println!(
        "after tampering with cardExp: {:?}",
        verify_redirect_mac(&password, &redirect)
    );

    section("Charge 250.00 ILS on the saved card token, resendable (requestId + mayBeDuplicate)");
    let charge = |request_id: &str, total: i64| {
        DoDealRequest::new(DoDealRequired {
            language: Language::Eng,
            terminal_number: TERMINAL.into(),
            total: MinorUnits::new(total),
            transaction_type: TransactionType::Debit,
            credit_type: CreditType::RegularCredit,
            currency: "ILS".into(),
            transaction_code: TransactionCode::Internet,
            validation: Validation::AutoComm,
        })
        .card_id(hyp_api::CardToken::new("1092880571131111"))
        .card_expiration("0228")
        .request_id(request_id)
        .may_be_duplicate(true)
    };
    let first = client.do_deal(&charge("day-charge-0001", 25000)).await?;
    println!("approved (000): tranId {:?}", first.tran_id);
    let debit = first.tran_id.clone().ok_or("no tranId")?;

    section("The next charge (90.00 ILS) loses its answer (client timeout 300 ms)");
    let impatient = Client::builder(&base, sandbox.credential(API, "user"), password.clone())
        .retry(RetryPolicy::never())
        .timeout(Duration::from_millis(300))
        .build()?;
    sandbox.inject(API, "doDeal", Fault::delay(Duration::from_secs(2)));
    let second = charge("day-charge-0002", 9000);
    match impatient.do_deal(&second).await {
        Err(e) => println!("{e} (outcome unknown: {})", e.outcome_unknown()),
        Ok(r) => println!("unexpected: {:?}", r.tran_id),
    }
    let resent = client.do_deal(&second).await?;
    println!(
        "resent identically: tranId {:?} (the first result, re-sent; not charged again)",
        resent.tran_id
    );
    println!(
        "doDeal calls received {}, applied {}",
        sandbox.received(API, "doDeal"),
        sandbox.applied(API, "doDeal")
    );

    section("Refund 100.00 of the 250.00 charge, then 200.00 more");
    for total in [10000, 20000] {
        let refund = RefundDealRequest::new(RefundDealRequired {
            language: Language::Eng,
            terminal_number: TERMINAL.into(),
        })
        .tran_id(debit.clone())
        .total(MinorUnits::new(total));
        match client.refund_deal(&refund).await {
            Ok(r) => println!("refunded {total} agorot: tranId {:?}", r.tran_id),
            Err(Error::Api(e)) => println!(
                "refund of {total} agorot refused: {:?}: {}",
                e.code,
                e.message.unwrap_or_default()
            ),
            Err(e) => return Err(e.into()),
        }
    }
    Ok(())
}
