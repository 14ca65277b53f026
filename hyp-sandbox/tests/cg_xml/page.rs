//! CreditGuard's hosted payment page at the wire: a `TxnSetup` deal (001 § Request, the
//! payment-page example), the page's form submitted raw, the 303's parameters read from its
//! `Location` (vendor-notes §2.1 Payment-page redirect parameters).

use hyp_sandbox::Sandbox;

use super::{API, El, TERMINAL, command};

/// The password `cg_xml::post` sends: the key of the redirect's MAC.
pub const PASSWORD: &str = "your-api-password";

/// The doc's payment-page `doDeal` children for `total` agorot, with `extra` children.
pub fn setup_deal(total: u32, unique: &str, extra: &str) -> String {
    format!(
        "<terminalNumber>{TERMINAL}</terminalNumber><cardNo>CGMPI</cardNo><total>{total}</total>\
         <transactionType>Debit</transactionType><creditType>RegularCredit</creditType>\
         <currency>ILS</currency><transactionCode>Internet</transactionCode>\
         <validation>TxnSetup</validation><mid>940</mid><uniqueid>{unique}</uniqueid>\
         <mpiValidation>AutoComm</mpiValidation><id>203269535</id>\
         <successUrl>https://shop.example/ok?o=1</successUrl>{extra}"
    )
}

/// A client that does not follow redirects (the test reads the 303 itself).
pub fn http() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// A set-up page: the setup's answer, the page URL and the token.
pub struct SetUp {
    pub answer: El,
    pub url: String,
    pub token: String,
}

/// Sets up a page of 11400 agorot.
pub async fn page(sandbox: &Sandbox, unique: &str, extra: &str) -> SetUp {
    let r = command(sandbox, "doDeal", &setup_deal(11400, unique, extra)).await;
    assert_eq!(r.text_at("result"), "000", "{r:#?}");
    let url = r.text_at("doDeal/mpiHostedPageUrl");
    let token = r.text_at("doDeal/token");
    assert!(!token.is_empty());
    assert!(
        url.starts_with(&sandbox.base_url(API)) && url.ends_with(&format!("?txId={token}")),
        "{url}"
    );
    SetUp {
        answer: r,
        url,
        token,
    }
}

/// Submits the page's form with card 4580458045804580, 02/28: the redirect's base URL and its
/// parameters.
pub async fn submit(url: &str, outcome: &str) -> (String, Vec<(String, String)>) {
    let form = format!("outcome={outcome}&cardNumber=4580458045804580&expMonth=02&expYear=28");
    let r = http()
        .post(url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(form)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 303);
    let location = r.headers()["location"].to_str().unwrap().to_string();
    // The parameters follow the URL's own query, if it has one.
    let (base, query) = location.split_once("txId=").unwrap();
    let params = form_urlencoded::parse(format!("txId={query}").as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    (base.to_string(), params)
}

/// A redirect parameter's value ("" when absent).
pub fn get<'a>(params: &'a [(String, String)], key: &str) -> &'a str {
    params
        .iter()
        .find(|(k, _)| k == key)
        .map_or("", |(_, v)| v.as_str())
}
