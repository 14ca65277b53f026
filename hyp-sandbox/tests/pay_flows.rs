//! Hyp Pay flows at the wire, against vendor-docs 002: raw HTTP with reqwest, answers parsed
//! from the raw bytes with `form_urlencoded` (never through hyp-api's decoders), so a misreading
//! shared by the client and the sandbox cannot pass.

use hyp_sandbox::Sandbox;

/// The doc's SIGN example request (002 § Create a payment page request, Example request).
const SIGN: &str = "action=APISign&What=SIGN&Sign=True&KEY=your-api-key&PassP=your-api-password&Masof=0010345518&Amount=10&Order=12345678910&tmp=2&PageLang=ENG&UserId=203269535&ClientName=Jenny&ClientLName=Parkington&street=HaDekel%2014&city=Rishon%20LeZion&email=jennyp@example.co.il&cell=0504999999";
const CREDS: &str = "Masof=0010345518&PassP=your-api-password";
/// A token charge as the doc's example sends it (002 § Charge a saved token).
const CHARGE: &str = "action=soft&Masof=0010345518&PassP=your-api-password&Amount=10&CC=6920843946458103712&Tmonth=06&Tyear=26&Token=True&UserId=000000000&ClientName=Jenny&Info=recurring%20transaction";

type Pairs = Vec<(String, String)>;

fn parse(body: &[u8]) -> Pairs {
    form_urlencoded::parse(body)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn keys(pairs: &Pairs) -> Vec<&str> {
    pairs.iter().map(|(k, _)| k.as_str()).collect()
}

fn get<'a>(pairs: &'a Pairs, key: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map_or_else(|| panic!("no `{key}` in {pairs:?}"), |(_, v)| v.as_str())
}

fn encode(pairs: &Pairs) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

fn http() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// GET `{base}/?{query}`: (status, raw body).
async fn call(sandbox: &Sandbox, query: &str) -> (u16, Vec<u8>) {
    let url = format!("{}/?{query}", sandbox.base_url("pay"));
    let r = http().get(url).send().await.unwrap();
    (r.status().as_u16(), r.bytes().await.unwrap().to_vec())
}

async fn answer(sandbox: &Sandbox, query: &str) -> Pairs {
    let (status, body) = call(sandbox, query).await;
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
    parse(&body)
}

/// Pays (or declines) the page of a signed answer: the redirect's base and parameters.
async fn pay_page(sandbox: &Sandbox, signed: &Pairs, outcome: &str) -> (String, Pairs) {
    let url = format!("{}/?{}", sandbox.base_url("pay"), encode(signed));
    let page = http().get(&url).send().await.unwrap();
    assert_eq!(page.status().as_u16(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("<form method=\"post\""), "{html}");
    let form = format!("outcome={outcome}&cardNumber=4580000000000000&expMonth=06&expYear=31");
    let r = http()
        .post(&url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(form)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 303);
    let location = r.headers()["location"].to_str().unwrap().to_string();
    let (base, query) = location.split_once('?').unwrap();
    (base.to_string(), parse(query.as_bytes()))
}

fn verify_query(redirect: &Pairs) -> String {
    format!(
        "action=APISign&What=VERIFY&Masof=0010345518&KEY=your-api-key&PassP=your-api-password&{}",
        encode(redirect)
    )
}

#[tokio::test]
async fn sign_answers_the_request_sorted_with_action_pay_and_a_signature_last() {
    let sandbox = Sandbox::start().await.unwrap();
    let signed = answer(&sandbox, SIGN).await;
    // 002 § Create a payment page request, Example response: the same keys, in this order.
    let expected = "Amount=10&ClientLName=Parkington&ClientName=Jenny&Masof=0010345518&Order=12345678910&PageLang=ENG&Sign=True&UserId=203269535&action=pay&cell=0504999999&city=Rishon%20LeZion&email=jennyp%40example.co.il&street=HaDekel%2014&tmp=2&signature=0806fe45b00f11d4b3f3392d894fbfe8be372bb3822ae83fef87831c7c35426a";
    let doc = parse(expected.as_bytes());
    assert_eq!(signed[..signed.len() - 1], doc[..doc.len() - 1]);
    let (name, sig) = signed.last().unwrap();
    assert_eq!(name, "signature");
    assert!(
        sig.len() == 64 && sig.chars().all(|c| c.is_ascii_hexdigit()),
        "{sig}"
    );
    // Not canned: another request is another answer.
    let other = answer(&sandbox, &SIGN.replace("Amount=10", "Amount=25.5")).await;
    assert_eq!(get(&other, "Amount"), "25.5");
    assert_ne!(get(&other, "signature"), sig);
}

#[tokio::test]
async fn print_hesh_signs_the_request_sent_not_the_docs_example() {
    let sandbox = Sandbox::start().await.unwrap();
    // 002 § Generate a link to an invoice, Example request.
    let request = "Masof=0010210290&action=APISign&KEY=your-api-key&What=SIGN&PassP=your-api-password&TransId=55373520&type=EZCOUNT&ACTION=PrintHesh";
    let signed = answer(&sandbox, request).await;
    // Example response `Masof=…&TransId=…&action=PrintHesh&type=EZCOUNT&signature=…`: these
    // keys in this order, the values of the request sent (the doc's answer names another deal).
    let expected = [
        ("Masof", "0010210290"),
        ("TransId", "55373520"),
        ("action", "PrintHesh"),
        ("type", "EZCOUNT"),
    ];
    assert_eq!(
        keys(&signed),
        ["Masof", "TransId", "action", "type", "signature"]
    );
    for (k, v) in expected {
        assert_eq!(get(&signed, k), v);
    }
    let sig = get(&signed, "signature");
    assert!(
        sig.len() == 64 && sig.chars().all(|c| c.is_ascii_hexdigit()),
        "{sig}"
    );
    let other = answer(&sandbox, &request.replace("55373520", "55373521")).await;
    assert_eq!(get(&other, "TransId"), "55373521");
    assert_ne!(get(&other, "signature"), sig);
}

#[tokio::test]
async fn sign_page_redirect_verify_and_a_changed_redirect_fails_with_200() {
    let sandbox = Sandbox::start().await.unwrap();
    let signed = answer(&sandbox, SIGN).await;
    let (to, redirect) = pay_page(&sandbox, &signed, "pay").await;
    assert_eq!(to, "http://127.0.0.1/merchant/success");
    // 002 § Validate a transaction, Example request: the redirect's parameters, in order.
    let names = [
        "Id", "CCode", "Amount", "ACode", "Order", "Fild1", "Fild2", "Fild3", "Sign",
    ];
    assert_eq!(keys(&redirect), names);
    assert_eq!(get(&redirect, "CCode"), "0");
    assert_eq!(get(&redirect, "Amount"), "10");
    assert_eq!(get(&redirect, "Order"), "12345678910");
    assert_eq!(get(&redirect, "Fild1"), "Jenny Parkington");
    assert_eq!(get(&redirect, "Fild2"), "jennyp@example.co.il");
    assert!(!get(&redirect, "ACode").is_empty());
    // VERIFY with the redirect as received: `CCode=0`, the doc's frame.
    let (status, body) = call(&sandbox, &verify_query(&redirect)).await;
    assert_eq!((status, body.as_slice()), (200, &b"CCode=0"[..]));
    // A changed value, a missing parameter, another order, a forged Sign: `CCode=200`.
    let mut changed = redirect.clone();
    changed[2].1 = "1000".into();
    let mut missing = redirect.clone();
    missing.remove(7);
    let mut reordered = redirect.clone();
    reordered.swap(0, 1);
    let mut forged = redirect.clone();
    forged[8].1 = "0".repeat(64);
    for bad in [changed, missing, reordered, forged] {
        let (status, body) = call(&sandbox, &verify_query(&bad)).await;
        assert_eq!(
            (status, body.as_slice()),
            (200, &b"CCode=200"[..]),
            "{bad:?}"
        );
    }
}

#[tokio::test]
async fn a_page_is_paid_once_and_a_changed_page_url_is_refused() {
    let sandbox = Sandbox::start().await.unwrap();
    let signed = answer(&sandbox, SIGN).await;
    pay_page(&sandbox, &signed, "pay").await;
    let url = format!("{}/?{}", sandbox.base_url("pay"), encode(&signed));
    let again = http().post(&url).body("outcome=pay").send().await.unwrap();
    assert_eq!(again.status().as_u16(), 410);
    let mut tampered = answer(&sandbox, SIGN).await;
    tampered[0].1 = "1".into();
    let url = format!("{}/?{}", sandbox.base_url("pay"), encode(&tampered));
    let r = http().get(url).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 400);
}

#[tokio::test]
async fn a_declined_page_redirects_to_the_failure_url_with_code_4_and_no_acode() {
    let sandbox = Sandbox::start().await.unwrap();
    let signed = answer(&sandbox, SIGN).await;
    let (to, redirect) = pay_page(&sandbox, &signed, "decline").await;
    assert_eq!(to, "http://127.0.0.1/merchant/failure");
    assert_eq!(get(&redirect, "CCode"), "4");
    assert_eq!(get(&redirect, "ACode"), "");
    let (_, body) = call(&sandbox, &verify_query(&redirect)).await;
    assert_eq!(
        body, b"CCode=0",
        "the redirect is authentic, though declined"
    );
}

#[tokio::test]
async fn more_data_adds_the_card_fields_and_a_j5_page_authorizes_with_700() {
    let sandbox = Sandbox::start().await.unwrap();
    let signed = answer(&sandbox, &format!("{SIGN}&MoreData=True&J5=True")).await;
    let (_, redirect) = pay_page(&sandbox, &signed, "pay").await;
    assert_eq!(get(&redirect, "CCode"), "700");
    assert_eq!(get(&redirect, "L4digit"), "0000");
    assert_eq!(get(&redirect, "Tmonth"), "06");
    assert_eq!(get(&redirect, "UserId"), "203269535");
    assert!(!get(&redirect, "UID").is_empty());
    assert_eq!(keys(&redirect).last(), Some(&"Sign"));
}

#[tokio::test]
async fn without_sign_true_the_redirect_carries_no_sign() {
    let sandbox = Sandbox::start().await.unwrap();
    let signed = answer(&sandbox, &SIGN.replace("&Sign=True", "")).await;
    let (_, redirect) = pay_page(&sandbox, &signed, "pay").await;
    assert!(!keys(&redirect).contains(&"Sign"), "{redirect:?}");
}

#[tokio::test]
async fn a_postponed_page_and_a_postponed_charge_commit_once_then_250() {
    let sandbox = Sandbox::start().await.unwrap();
    let signed = answer(&sandbox, &format!("{SIGN}&Postpone=True")).await;
    let (_, redirect) = pay_page(&sandbox, &signed, "pay").await;
    assert_eq!(get(&redirect, "CCode"), "800");
    let charge = answer(&sandbox, &format!("{CHARGE}&Postpone=True")).await;
    assert_eq!(get(&charge, "CCode"), "800");
    for id in [get(&redirect, "Id"), get(&charge, "Id")] {
        let commit = format!("action=commitTrans&{CREDS}&TransId={id}");
        let first = answer(&sandbox, &commit).await;
        assert_eq!(get(&first, "CCode"), "0");
        assert_ne!(get(&first, "Id"), id, "the finalized charge has its own Id");
        // 002 § commitTrans, failed example: `Id=…&CCode=250&Fild1=&Fild2=&Fild3=&HeshASM=0`.
        let again = answer(&sandbox, &commit).await;
        assert_eq!(
            keys(&again),
            ["Id", "CCode", "Fild1", "Fild2", "Fild3", "HeshASM"]
        );
        assert_eq!(get(&again, "CCode"), "250");
    }
    let unknown = answer(&sandbox, &format!("action=commitTrans&{CREDS}&TransId=1")).await;
    assert_eq!(get(&unknown, "CCode"), "250");
}

#[tokio::test]
async fn a_cancelled_charge_cannot_be_refunded_captured_or_cancelled_again() {
    let sandbox = Sandbox::start().await.unwrap();
    let charge = answer(&sandbox, CHARGE).await;
    let id = get(&charge, "Id");
    let cancel = format!("action=CancelTrans&{CREDS}&TransId={id}");
    let cancelled = answer(&sandbox, &cancel).await;
    assert_eq!(get(&cancelled, "CCode"), "0");
    assert_eq!(get(&cancelled, "TransId"), id);
    let refund = answer(
        &sandbox,
        &format!("action=zikoyAPI&{CREDS}&TransId={id}&Amount=10"),
    )
    .await;
    assert_eq!(get(&refund, "CCode"), "998");
    // 002 § CancelTrans, failed example: `TransId=…&CCode=920`, the TransId as sent.
    let (_, again) = call(&sandbox, &cancel).await;
    assert_eq!(again, format!("TransId={id}&CCode=920").as_bytes());
    let (_, unknown) = call(&sandbox, &format!("action=CancelTrans&{CREDS}&TransId=77")).await;
    assert_eq!(unknown, b"TransId=77&CCode=920");
    // A J5 authorization cancelled by its Id cannot be captured by its UID.
    let auth = answer(&sandbox, &format!("{CHARGE}&J5=True&MoreData=True")).await;
    assert_eq!(get(&auth, "CCode"), "700");
    let cancel = format!("action=CancelTrans&{CREDS}&TransId={}", get(&auth, "Id"));
    assert_eq!(get(&answer(&sandbox, &cancel).await, "CCode"), "0");
    let capture = format!(
        "action=soft&{CREDS}&Token=True&CC=6920843946458103712&Tmonth=06&Tyear=26&AuthNum=0463077&Amount=10&inputObj.originalAmount=1000&inputObj.originalUid={}&inputObj.authorizationCodeManpik=7&UserId=000000000&ClientName=Jenny&Info=final",
        get(&auth, "UID")
    );
    let captured = answer(&sandbox, &capture).await;
    assert_eq!(get(&captured, "CCode"), "998");
    assert_eq!(sandbox.applied("pay", "soft capture J4"), 0);
}

#[tokio::test]
async fn get_token_works_for_a_deal_the_sandbox_made_only() {
    let sandbox = Sandbox::start().await.unwrap();
    let charge = answer(&sandbox, CHARGE).await;
    let id = get(&charge, "Id");
    let token = answer(&sandbox, &format!("action=getToken&{CREDS}&TransId={id}")).await;
    assert_eq!(get(&token, "CCode"), "0");
    assert_eq!(get(&token, "Id"), id);
    // 002 § getToken, failed example frame: `CCode=…&Fild1=&Fild2=&Fild3=`.
    let (_, unknown) = call(
        &sandbox,
        &format!("action=getToken&{CREDS}&TransId=401594866"),
    )
    .await;
    assert_eq!(unknown, b"CCode=250&Fild1=&Fild2=&Fild3=");
}

#[tokio::test]
async fn a_missing_what_answers_a_bare_904_with_http_200() {
    let sandbox = Sandbox::start().await.unwrap();
    let (status, body) = call(&sandbox, &SIGN.replace("&What=SIGN", "")).await;
    assert_eq!((status, body.as_slice()), (200, &b"CCode=904"[..]));
}

#[tokio::test]
async fn a_token_charge_without_token_true_answers_447_in_the_charge_frame() {
    let sandbox = Sandbox::start().await.unwrap();
    let (status, body) = call(&sandbox, &CHARGE.replace("&Token=True", "")).await;
    assert_eq!(status, 200);
    let a = parse(&body);
    assert_eq!(
        keys(&a),
        ["Id", "CCode", "Amount", "ACode", "Fild1", "Fild2", "Fild3"]
    );
    assert_eq!((get(&a, "CCode"), get(&a, "Amount")), ("447", "10"));
    assert_eq!(sandbox.applied("pay", "soft token charge"), 0);
}

#[tokio::test]
async fn an_unknown_action_answers_a_bare_ccode_with_http_200() {
    let sandbox = Sandbox::start().await.unwrap();
    let (status, body) = call(&sandbox, &format!("action=nosuch&{CREDS}")).await;
    assert_eq!((status, body.as_slice()), (200, &b"CCode=421"[..]));
}

#[tokio::test]
async fn a_form_post_body_is_served_like_the_query_string() {
    let sandbox = Sandbox::start().await.unwrap();
    let post = |body: String| async {
        let r = http()
            .post(format!("{}/", sandbox.base_url("pay")))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .unwrap();
        (r.status().as_u16(), parse(&r.bytes().await.unwrap()))
    };
    let (status, charged) = post(CHARGE.to_string()).await;
    assert_eq!(status, 200);
    let by_get = answer(&sandbox, CHARGE).await;
    assert_eq!(keys(&charged), keys(&by_get));
    assert_eq!(get(&charged, "CCode"), "0");
    assert_eq!(sandbox.applied("pay", "soft token charge"), 2);
    let (_, signed) = post(SIGN.to_string()).await;
    assert_eq!(keys(&signed), keys(&answer(&sandbox, SIGN).await));
    let (_, refused) = post(SIGN.replace("&What=SIGN", "")).await;
    assert_eq!(refused, [("CCode".to_string(), "904".to_string())]);
}

#[tokio::test]
async fn booleans_are_true_or_false_and_every_other_spelling_is_refused_alike() {
    let sandbox = Sandbox::start().await.unwrap();
    let j5 = answer(&sandbox, &format!("{CHARGE}&J5=True")).await;
    assert_eq!(get(&j5, "CCode"), "700");
    let plain = answer(&sandbox, &format!("{CHARGE}&J5=False")).await;
    assert_eq!(get(&plain, "CCode"), "0");
    for flag in [
        "J5=true",
        "UTF8=true",
        "UTF8out=TRUE",
        "Postpone=1",
        "MoreData=yes",
    ] {
        let a = answer(&sandbox, &format!("{CHARGE}&{flag}")).await;
        assert_eq!(get(&a, "CCode"), "421", "{flag}");
    }
    let token = answer(&sandbox, &CHARGE.replace("Token=True", "Token=true")).await;
    assert_eq!(get(&token, "CCode"), "421");
    assert_eq!(sandbox.applied("pay", "soft token charge"), 2);
}

#[tokio::test]
async fn the_more_data_details_come_only_with_more_data_true() {
    let sandbox = Sandbox::start().await.unwrap();
    // 002 § Charge a saved token, Example response: exactly these keys.
    let plain = answer(&sandbox, CHARGE).await;
    assert_eq!(
        keys(&plain),
        [
            "Id", "CCode", "Amount", "ACode", "Fild1", "Fild2", "Fild3", "Hesh"
        ]
    );
    let more = answer(&sandbox, &format!("{CHARGE}&MoreData=True")).await;
    assert_eq!(get(&more, "UserId"), "000000000");
    assert_eq!(get(&more, "Tmonth"), "06");
    assert!(!get(&more, "UID").is_empty());
}
