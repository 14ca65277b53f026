//! The CreditGuard part of the day: set up a hosted payment page, check the signed redirect,
//! inquire the deal, refund it (and see the vendor's 310 when there is nothing to refund).
//! The inquiry and the 310 are the vendor doc's own answers (read from spec/creditguard);
//! the page setup and the refund success are answers in the documented envelope.

use hyp_api::creditguard::*;
use hyp_api::{MinorUnits, RetryPolicy};
use hyp_api_tests::mock::{MockServer, Reply};
use hyp_api_tests::vendor;

use crate::{secret, section};

const RELAY: &str = "POST /xpo/Relay";

/// An answer in the documented envelope, with `command` and the command element's children.
fn answer(command: &str, result: &str, message: &str, children: &str) -> Reply {
    Reply::new(
        200,
        format!(
            "<?xml version='1.0'?><ashrait><response><command>{command}</command>\
             <dateTime>2026-05-25 12:00</dateTime><requestId/><tranId>119200001</tranId>\
             <result>{result}</result><message>{message}</message><userMessage>{message}</userMessage>\
             <additionalInfo/><version>2000</version><language>Eng</language>\
             <{command}>{children}</{command}></response></ashrait>"
        ),
    )
    .with_content_type("text/xml")
}

pub async fn run(server: &MockServer) -> Result<(), Box<dyn std::error::Error>> {
    println!(
        "\n== CreditGuard (XML relay), against {} ==",
        server.base_url()
    );
    let password = secret("relay-password");
    let client = Client::builder(server.base_url(), "merchant-api-user", password.clone())
        .retry(RetryPolicy::never())
        .build()?;

    section("Set up a hosted payment page for 114.00 ILS (total in agorot)");
    server.push(
        RELAY,
        answer(
            "doDeal",
            "000",
            "Permitted transaction",
            "<status>000</status><mpiHostedPageUrl>https://cgmpiuat.creditguard.co.il/CGMPI_Server/PerformTransaction?txId=f6c9683f-9faf-4e5d-bf48-7a193bd88b0c</mpiHostedPageUrl><token>f6c9683f-9faf-4e5d-bf48-7a193bd88b0c</token>",
        ),
    );
    let setup = DoDealRequest::new(
        Language::Eng,
        "0882819014",
        MinorUnits::new(11400),
        TransactionType::Debit,
        CreditType::RegularCredit,
        "ILS",
        TransactionCode::Internet,
        Validation::TxnSetup,
    )
    .card_no(secret("CGMPI"))
    .mpi_validation(Validation::AutoComm)
    .mid("12345")
    .uniqueid("order-20260525-0001")
    .success_url("https://shop.example/paid")
    .error_url("https://shop.example/failed");
    let page = client.do_deal(&setup).await?;
    println!(
        "redirect the customer to {} (valid 10 minutes, one use); tranId {:?}",
        page.mpi_hosted_page_url.as_deref().unwrap_or("?"),
        page.tran_id
    );

    section("The customer comes back: check the redirect's responseMac");
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

    section("Inquire the deal by cgUid (the vendor doc's answer: three technical rows)");
    let (_, doc_answer) = {
        let api = hyp_codegen::load_one(&vendor::spec_root().join("creditguard"))
            .map_err(|d| d.to_string())?;
        vendor::answer(&api, "inquireTransactions", "response-three-transactions")
    };
    server.push(
        RELAY,
        Reply::new(200, doc_answer).with_content_type("text/xml"),
    );
    let found = client
        .inquire_transactions(
            &InquireTransactionsRequest::new(Language::Eng, "0882819014").cg_uid("118664947"),
        )
        .await?;
    for t in &found.transactions {
        println!(
            "  tranId {:?}: status {:?} {:?}, type {:?}, total {:?}, card {:?}, {:?}",
            t.tran_id,
            t.status,
            t.status_text,
            t.transaction_type.as_ref().and_then(|c| c.text.clone()),
            t.total,
            t.card_mask,
            t.financial_status
        );
    }

    section("Refund 114.00 of the settled deal");
    server.push(
        RELAY,
        answer(
            "refundDeal",
            "000",
            "Permitted transaction",
            "<status>000</status><tranId>119200002</tranId>",
        ),
    );
    let refund = RefundDealRequest::new(Language::Eng, "0882819014")
        .tran_id("118664958")
        .total(MinorUnits::new(11400));
    println!("{:?}", client.refund_deal(&refund).await.map(|r| r.tran_id));

    section("Refund a deal with no matching debit (the vendor doc's 310 answer)");
    let api = hyp_codegen::load_one(&vendor::spec_root().join("creditguard"))
        .map_err(|d| d.to_string())?;
    let (_, error_answer) = vendor::answer(&api, "refundDeal", "error-310-no-matching-debit-deal");
    server.push(
        RELAY,
        Reply::new(200, error_answer).with_content_type("text/xml"),
    );
    match client.refund_deal(&refund).await {
        Err(Error::Api(e)) => println!("{:?}: {}", e.code, e.message.unwrap_or_default()),
        other => println!("unexpected: {other:?}"),
    }
    Ok(())
}
