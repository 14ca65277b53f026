//! CreditGuard's hosted payment page end to end, at the wire: a `doDeal` with
//! `validation=TxnSetup` (001 § Request, the payment-page example) answers `mpiHostedPageUrl`
//! and `token`; the page is a form; paying or declining it redirects (303) to the request's
//! `successUrl`/`errorUrl` with the redirect parameters and `responseMac` (vendor-notes §2.1,
//! §4 item 14), checked with hyp-api's own `verify_redirect_mac`.

mod cg_xml;

use cg_xml::page::*;
use cg_xml::*;
use hyp_api::MacVerdict;
use hyp_api::creditguard::verify_redirect_mac;
use hyp_sandbox::Sandbox;

#[tokio::test]
async fn a_txn_setup_page_pays_and_redirects_with_a_response_mac_that_verifies() {
    let sandbox = Sandbox::start().await.unwrap();
    let SetUp { url, token, .. } = page(&sandbox, "order-77", "").await;
    let html = http().get(&url).send().await.unwrap();
    assert_eq!(html.status().as_u16(), 200);
    assert!(html.text().await.unwrap().contains("<form method=\"post\""));
    let (to, params) = submit(&url, "pay").await;
    assert_eq!(to, "https://shop.example/ok?o=1&");
    let names: Vec<&str> = params.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        names,
        [
            "txId",
            "ErrorCode",
            "cardToken",
            "cardExp",
            "personalId",
            "uniqueID",
            "cgUid",
            "authNumber",
            "responseMac"
        ]
    );
    assert_eq!(get(&params, "txId"), token);
    assert_eq!(get(&params, "uniqueID"), "order-77");
    assert_eq!(get(&params, "personalId"), "203269535");
    assert_eq!(get(&params, "cardExp"), "0228");
    assert_eq!(get(&params, "ErrorCode"), "");
    let password = hyp_api::SecretString::from(PASSWORD.to_string());
    assert_eq!(verify_redirect_mac(&password, &params), MacVerdict::Valid);
    // A changed parameter, or another password, no longer verifies.
    let mut tampered = params.clone();
    tampered[4].1 = "000000018".into();
    assert_eq!(
        verify_redirect_mac(&password, &tampered),
        MacVerdict::Invalid
    );
    let other = hyp_api::SecretString::from("another".to_string());
    assert_eq!(verify_redirect_mac(&other, &params), MacVerdict::Invalid);
    // One payment per page.
    let again = http().post(&url).body("outcome=pay").send().await.unwrap();
    assert_eq!(again.status().as_u16(), 410);
}

#[tokio::test]
async fn a_declined_page_redirects_to_the_error_url_with_its_code_and_no_card() {
    let sandbox = Sandbox::start().await.unwrap();
    let error_url = "<errorUrl>https://shop.example/failed</errorUrl>";
    let SetUp { url, .. } = page(&sandbox, "order-78", error_url).await;
    let (to, params) = submit(&url, "decline").await;
    assert_eq!(to, "https://shop.example/failed?");
    assert_eq!(get(&params, "ErrorCode"), "004");
    assert_eq!(get(&params, "cardToken"), "");
    assert_eq!(get(&params, "authNumber"), "");
    let password = hyp_api::SecretString::from(PASSWORD.to_string());
    assert_eq!(verify_redirect_mac(&password, &params), MacVerdict::Valid);
}

#[tokio::test]
async fn a_charge_that_is_no_setup_answers_no_page_and_an_unknown_page_is_not_found() {
    let sandbox = Sandbox::start().await.unwrap();
    let r = deal(&sandbox, 1000, "").await;
    let url = r.at("doDeal").child("mpiHostedPageUrl");
    assert!(url.is_none_or(|u| u.text.is_empty()), "{url:?}");
    let url = format!(
        "{}/CGMPI_Server/PerformTransaction?txId=1",
        sandbox.base_url(API)
    );
    let r = http().get(url).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 404);
}
