//! Hyp Pay through the real client against a loopback server (route `GET /p/`):
//! - every scenario of spec/pay (iterated from the spec, so a new scenario fails until it gets
//!   a typed call in `pay_common::call`): its documented success answer is `Ok`, its documented
//!   failure answer a typed `Error::Api`;
//! - an HTML answer is `Error::VendorPage` with the page kept;
//! - charsets: windows-1255 answers (percent-escaped and raw bytes) decode to Hebrew, and with
//!   `UTF8out=True` UTF-8 answers do;
//! - booleans travel as `True`/`False`;
//! - secrets (`PassP`, `KEY`, `zPass`, the card token) never reach a `Debug`, a `Display`, an
//!   error's text or the tracing output, for every scenario and every way a call ends;
//! - local validation refuses a bad request, naming the wire path, and sends nothing.

mod pay_common;

use std::time::Duration;

use hyp_api::Error;
use hyp_api::pay::*;
use hyp_api::{Money, SecretString};
use hyp_api_tests::mock::{MockServer, Reply};
use pay_common::{self as c, KEY, MASOF, PASSP, set};
use rust_decimal_macros::dec;

const ZPASS: &str = "zp-S3cret-3318";
/// A card token (19 digits, the `CC` pattern).
const CARD_TOKEN: &str = "4580123456789012377";

fn secret(s: &str) -> SecretString {
    SecretString::from(s.to_string())
}

fn text(body: impl Into<String>) -> Reply {
    Reply::new(200, body).with_content_type("text/html; charset=windows-1255")
}

/// The valid pairs of `e` with this test's secrets in place of the doc's.
fn secret_pairs(e: &hyp_codegen::model::Endpoint) -> Vec<(String, String)> {
    let mut pairs = c::valid_pairs(e);
    for (name, value) in [
        ("PassP", PASSP),
        ("KEY", KEY),
        ("zPass", ZPASS),
        ("CC", CARD_TOKEN),
    ] {
        if pairs.iter().any(|(k, _)| k == name) {
            set(&mut pairs, name, value);
        }
    }
    pairs
}

/// (success body, expected outcome), (failure body, expected code) of `e`, from the examples.
fn answers(e: &hyp_codegen::model::Endpoint) -> ((String, String), (String, String)) {
    let ex = c::examples_endpoint(c::api(), e);
    let ok = c::answer_examples(ex)
        .find(|x| c::is_success(ex, x))
        .unwrap_or_else(|| panic!("{}: no success example", e.wire));
    let err = c::answer_examples(ex)
        .find(|x| !c::is_success(ex, x))
        .unwrap_or_else(|| panic!("{}: no failure example", e.wire));
    (
        (ok.fixed_body(), ok.expect.clone().unwrap()),
        (err.fixed_body(), err.expect.clone().unwrap()),
    )
}

#[tokio::test]
async fn every_scenario_answers_ok_and_typed_errors() {
    let mock = MockServer::start().await;
    let client = c::client(&mock);
    let api = c::api();
    assert_eq!(api.endpoints.len(), 16, "scenarios in spec/pay");
    for e in &api.endpoints {
        let node = c::node_for(&e.wire, &c::valid_pairs(e));
        let ((ok, outcome), (fail, code)) = answers(e);

        mock.push(c::ROUTE, text(ok));
        let got = c::call(&client, &e.wire, &node)
            .await
            .unwrap_or_else(|err| panic!("{}: {err}", e.wire));
        if e.outcomes.len() == 1 {
            assert!(
                got.split([' ', '{']).next().unwrap().ends_with("Response"),
                "{}: {got}",
                e.wire
            );
        } else {
            assert!(got.starts_with(&format!("{outcome}(")), "{}: {got}", e.wire);
        }

        mock.push(c::ROUTE, text(fail.clone()));
        match c::call(&client, &e.wire, &node).await {
            Err(Error::Api(api_err)) => {
                assert_eq!(format!("{:?}", api_err.code), code, "{}", e.wire);
                assert_eq!(api_err.http_status, 200);
                assert_eq!(api_err.body, fail, "{}: the body is kept", e.wire);
            }
            other => panic!("{}: expected Error::Api({code}), got {other:?}", e.wire),
        }
    }
    assert_eq!(mock.received().len(), 32);
}

#[tokio::test]
async fn a_token_charge_decodes_each_documented_non_error_result() {
    let mock = MockServer::start().await;
    let client = c::client(&mock);
    let e = c::api()
        .endpoints
        .iter()
        .find(|e| e.wire == "soft token charge")
        .unwrap();
    let request: ChargeTokenRequest = c::req(&c::node_for(&e.wire, &c::valid_pairs(e)));
    for (code, variant) in [
        (0, "Charged"),
        (600, "DetailsReceived"),
        (700, "Authorized"),
        (800, "Postponed"),
    ] {
        mock.push(
            c::ROUTE,
            text(format!("Id=408671193&CCode={code}&Amount=10&ACode=0502150")),
        );
        let out = client.charge_token(&request).await.unwrap();
        assert!(format!("{out:?}").starts_with(variant), "{code}: {out:?}");
        assert_eq!(out.response().id.as_deref(), Some("408671193"));
        assert_eq!(out.response().acode.as_deref(), Some("0502150"));
    }
}

#[tokio::test]
async fn an_html_answer_is_a_vendor_page_with_the_body_kept() {
    let mock = MockServer::start().await;
    let client = c::client(&mock);
    let page =
        "<!DOCTYPE html>\n<html><head><title>Error</title></head><body>Masof Error</body></html>";
    for e in &c::api().endpoints {
        mock.push(
            c::ROUTE,
            Reply::new(200, page).with_content_type("text/html"),
        );
        match c::call(&client, &e.wire, &c::node_for(&e.wire, &c::valid_pairs(e))).await {
            Err(Error::VendorPage {
                endpoint,
                http_status,
                body,
                ..
            }) => {
                assert_eq!(endpoint, e.wire);
                assert_eq!(http_status, 200);
                assert_eq!(body, page);
            }
            other => panic!("{}: expected VendorPage, got {other:?}", e.wire),
        }
    }
}

/// `s` in windows-1255: ASCII as is, Hebrew letters א..ת as 0xE0..0xFA.
fn windows_1255(s: &str) -> Vec<u8> {
    s.chars()
        .map(|ch| match ch {
            'א'..='ת' => 0xE0 + (ch as u32 - 0x5D0) as u8,
            c if c.is_ascii() => c as u8,
            c => panic!("{c} is not in this test's windows-1255 table"),
        })
        .collect()
}

fn percent_escape(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("%{b:02X}")).collect()
}

const HEBREW: &str = "שלום עולם";

fn commit_request() -> CommitTransactionRequest {
    CommitTransactionRequest::new(CommitTransactionRequired {
        trans_id: "403377225".into(),
    })
}

#[tokio::test]
async fn a_windows_1255_answer_percent_escaped_decodes_to_hebrew() {
    let mock = MockServer::start().await;
    let client = c::client(&mock);
    let fild1 = percent_escape(&windows_1255(HEBREW));
    mock.push(
        c::ROUTE,
        Reply::bytes(
            200,
            "text/html",
            format!("Id=404011214&CCode=0&Fild1={fild1}&Fild2=&Fild3=&HeshASM=EZ").into_bytes(),
        ),
    );
    let r = client.commit_transaction(&commit_request()).await.unwrap();
    assert_eq!(r.fild1.as_deref(), Some(HEBREW));

    // An error's Hebrew errMsg.
    mock.push(
        c::ROUTE,
        Reply::bytes(
            200,
            "text/html",
            format!("Id=0&CCode=250&errMsg={fild1}").into_bytes(),
        ),
    );
    match client.commit_transaction(&commit_request()).await {
        Err(Error::Api(e)) => {
            assert!(matches!(e.code, CCode::TransactionNotFound));
            assert_eq!(e.message.as_deref(), Some(HEBREW));
        }
        other => panic!("{other:?}"),
    }
}

/// Raw (unescaped) windows-1255 bytes in a URL-encoded answer.
///
/// Regression (was a bug): the client decoded the whole answer from windows-1255 into text
/// (`runtime/client.rs`, `encoding.decode(&bytes)`), then `urlencoded::parse` percent-decodes
/// that text (a raw `ש` becomes its UTF-8 bytes D7 A9) and decodes those bytes from
/// windows-1255 a second time: `ש` comes out as `׳©`. Escaped bytes decode right; raw bytes
/// are decoded twice. Fix: percent-decode the raw answer bytes, then decode once.
#[tokio::test]
async fn a_windows_1255_answer_with_raw_bytes_decodes_to_hebrew() {
    let mock = MockServer::start().await;
    let client = c::client(&mock);
    let mut body = b"Id=404011214&CCode=0&Fild1=".to_vec();
    body.extend(windows_1255(HEBREW));
    body.extend(b"&Fild2=&Fild3=&HeshASM=EZ");
    mock.push(c::ROUTE, Reply::bytes(200, "text/html", body));
    let r = client.commit_transaction(&commit_request()).await.unwrap();
    assert_eq!(r.fild1.as_deref(), Some(HEBREW));

    let mut body = b"CCode=250&errMsg=".to_vec();
    body.extend(windows_1255(HEBREW));
    mock.push(c::ROUTE, Reply::bytes(200, "text/html", body));
    match client.commit_transaction(&commit_request()).await {
        Err(Error::Api(e)) => assert_eq!(e.message.as_deref(), Some(HEBREW)),
        other => panic!("{other:?}"),
    }
}

/// Windows-1255 is the spec's rule: it wins over a Content-Type that says UTF-8.
#[tokio::test]
async fn the_spec_charset_wins_over_the_content_type() {
    let mock = MockServer::start().await;
    let client = c::client(&mock);
    let fild1 = percent_escape(&windows_1255(HEBREW));
    mock.push(
        c::ROUTE,
        Reply::bytes(
            200,
            "text/plain; charset=utf-8",
            format!("Id=1&CCode=0&Fild1={fild1}").into_bytes(),
        ),
    );
    let r = client.commit_transaction(&commit_request()).await.unwrap();
    assert_eq!(r.fild1.as_deref(), Some(HEBREW));
}

fn token_charge() -> ChargeTokenRequest {
    ChargeTokenRequest::new(ChargeTokenRequired {
        client_name: "Jenny".into(),
        info: "recurring transaction".into(),
        cc: hyp_api::CardToken::new(CARD_TOKEN),
        amount: Money::new(dec!(10)),
        tmonth: "06".into(),
        tyear: "26".into(),
        user_id: "000000000".into(),
    })
}

#[tokio::test]
async fn with_utf8out_a_utf8_answer_decodes_to_hebrew() {
    let mock = MockServer::start().await;
    let client = c::client(&mock);
    let request = token_charge().utf8out(true);
    let escaped = percent_escape(HEBREW.as_bytes());
    mock.push(
        c::ROUTE,
        Reply::bytes(
            200,
            "text/html",
            format!("Id=408671193&CCode=0&Amount=10&ACode=0502150&Fild1={escaped}").into_bytes(),
        ),
    );
    let out = client.charge_token(&request).await.unwrap();
    assert_eq!(out.response().fild1.as_deref(), Some(HEBREW));

    let mut raw = b"Id=408671193&CCode=0&Amount=10&Fild1=".to_vec();
    raw.extend(HEBREW.as_bytes());
    mock.push(c::ROUTE, Reply::bytes(200, "text/html", raw));
    let out = client.charge_token(&request).await.unwrap();
    assert_eq!(out.response().fild1.as_deref(), Some(HEBREW));

    mock.push(
        c::ROUTE,
        Reply::bytes(
            200,
            "text/html",
            format!("CCode=997&errMsg={escaped}").into_bytes(),
        ),
    );
    match client.charge_token(&request).await {
        Err(Error::Api(e)) => {
            assert!(matches!(e.code, CCode::InvalidToken), "{:?}", e.code);
            assert_eq!(e.message.as_deref(), Some(HEBREW));
        }
        other => panic!("{other:?}"),
    }
    let sent = c::query_pairs(mock.received()[0].query.as_deref().unwrap());
    assert!(
        sent.contains(&("UTF8out".into(), "True".into())),
        "{sent:?}"
    );
}

/// Without `UTF8out` the same token charge answers windows-1255.
#[tokio::test]
async fn without_utf8out_a_token_charge_answer_is_windows_1255() {
    let mock = MockServer::start().await;
    let client = c::client(&mock);
    let escaped = percent_escape(&windows_1255(HEBREW));
    mock.push(
        c::ROUTE,
        text(format!("Id=408671193&CCode=0&Amount=10&Fild1={escaped}")),
    );
    let out = client.charge_token(&token_charge()).await.unwrap();
    assert_eq!(out.response().fild1.as_deref(), Some(HEBREW));
}

/// The spec (`answer_charset`): "a decoder should fall back to windows-1255 when a UTF-8
/// answer's bytes are not valid UTF-8" (wallet charges answer `errMsg` in windows-1255 even
/// with `UTF8out=True`).
///
/// Regression (was a bug): no fallback was implemented; the invalid UTF-8 bytes became U+FFFD.
#[tokio::test]
async fn with_utf8out_an_answer_that_is_not_utf8_falls_back_to_windows_1255() {
    let mock = MockServer::start().await;
    let client = c::client(&mock);
    let escaped = percent_escape(&windows_1255(HEBREW));
    mock.push(
        c::ROUTE,
        Reply::bytes(
            200,
            "text/html",
            format!("CCode=997&errMsg={escaped}").into_bytes(),
        ),
    );
    match client.charge_token(&token_charge().utf8out(true)).await {
        Err(Error::Api(e)) => assert_eq!(e.message.as_deref(), Some(HEBREW)),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn booleans_travel_as_true_and_false() {
    let mock = MockServer::start().await;
    let client = c::client(&mock);
    let request = SignPaymentPageRequest::new(SignPaymentPageRequired {
        amount: Money::new(dec!(10)),
    })
    .sign(true)
    .postpone(false)
    .more_data(true)
    .hide_btns(false);
    mock.push(c::ROUTE, text("Amount=10&action=pay&signature=ab"));
    client.sign_payment_page(&request).await.unwrap();
    mock.push(
        c::ROUTE,
        text("Id=1&CCode=0&Token=0505743578473060772&Tokef=3105"),
    );
    client
        .get_token(
            &GetTokenRequest::new(GetTokenRequired {
                trans_id: "401594866".into(),
            })
            .allow_false(true),
        )
        .await
        .unwrap();
    let received = mock.received();
    let sign = c::query_pairs(received[0].query.as_deref().unwrap());
    let value = |pairs: &[(String, String)], n: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == n)
            .map(|(_, v)| v.clone())
            .unwrap_or_else(|| panic!("{n} not sent: {pairs:?}"))
    };
    assert_eq!(value(&sign, "Sign"), "True");
    assert_eq!(value(&sign, "Postpone"), "False");
    assert_eq!(value(&sign, "MoreData"), "True");
    assert_eq!(value(&sign, "hideBtns"), "False");
    assert!(
        !sign.iter().any(|(k, _)| k == "J5"),
        "absent options are not sent"
    );
    let token = c::query_pairs(received[1].query.as_deref().unwrap());
    assert_eq!(value(&token, "allowFalse"), "True");
    // The raw query carries exactly `True`, not `true` or `1`.
    assert!(received[0].query.as_deref().unwrap().contains("Sign=True"));
}

#[tokio::test]
async fn list_parameters_are_comma_joined() {
    let mock = MockServer::start().await;
    let client = c::client(&mock);
    let e = c::api()
        .endpoints
        .iter()
        .find(|e| e.wire == "soft offline invoice multi-check")
        .unwrap();
    mock.push(
        c::ROUTE,
        text("Id=416194874&CCode=0&Amount=150&ACode=&Hesh=EZ"),
    );
    c::call(
        &client,
        &e.wire,
        &c::node_for(&e.wire, &c::multi_check_pairs()),
    )
    .await
    .unwrap();
    let sent = c::query_pairs(mock.received()[0].query.as_deref().unwrap());
    for (k, v) in [
        ("Amount", "100,50"),
        ("CheckNum", "111,222"),
        ("Date", "20260310,20260410"),
        ("TransType", "Multi"),
    ] {
        assert!(
            sent.contains(&(k.into(), v.into())),
            "{k}={v} not in {sent:?}"
        );
    }
}

// ---- secrets ----

/// Every form a secret could be printed in.
fn leaks(haystack: &str) -> Vec<&'static str> {
    [PASSP, KEY, ZPASS, CARD_TOKEN]
        .into_iter()
        .filter(|s| haystack.contains(s))
        .collect()
}

/// An error answer that echoes back every secret the request carried (a vendor may).
fn echoing(code: i64, sent: &[&str]) -> String {
    let mut body = format!("CCode={code}&errMsg=bad+credentials+{}", sent.join("+"));
    for (i, s) in sent.iter().enumerate() {
        body.push_str(&format!("&Echo{i}={s}"));
    }
    body
}

/// The secrets among a request's pairs.
fn sent_secrets(pairs: &[(String, String)]) -> Vec<&'static str> {
    [PASSP, KEY, ZPASS, CARD_TOKEN]
        .into_iter()
        .filter(|s| pairs.iter().any(|(_, v)| v == s))
        .collect()
}

#[tokio::test]
async fn no_secret_reaches_debug_display_errors_or_tracing_for_any_ending_of_any_scenario() {
    let logs = c::capture_logs();
    let mock = MockServer::start().await;
    let client = c::client(&mock);
    let timeout_client = Client::builder(
        format!("{}/p/", mock.base_url()),
        MASOF,
        SecretString::from(PASSP),
    )
    .api_key(SecretString::from(KEY))
    .retry(hyp_api::RetryPolicy::never())
    .timeout(Duration::from_millis(150))
    .build()
    .unwrap();
    let refused = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = l.local_addr().unwrap().port();
        drop(l);
        c::client_on(&format!("http://127.0.0.1:{port}/p/"))
    };
    let mut printed = String::new();
    let mut endings = 0;
    for e in &c::api().endpoints {
        let pairs = secret_pairs(e);
        let node = c::node_for(&e.wire, &pairs);
        printed.push_str(&c::request_debug(&e.wire, &node));
        printed.push_str(&format!("{client:?}"));
        let ((ok, _), (fail, _)) = answers(e);
        // A getToken success answer carries the card token itself.
        let ok = if e.wire == "getToken" {
            ok.replace("0505743578473060772", CARD_TOKEN)
        } else {
            ok
        };
        let sent = sent_secrets(&pairs);
        assert!(
            sent.contains(&PASSP),
            "{}: every call carries PassP",
            e.wire
        );
        let html = format!("<html><body>Masof Error: {}</body></html>", sent.join(" "));
        for (name, reply) in [
            ("success", text(ok)),
            ("api error", text(fail)),
            ("api error echoing secrets", text(echoing(902, &sent))),
            ("html", Reply::new(200, html).with_content_type("text/html")),
        ] {
            mock.push(c::ROUTE, reply);
            let result = c::call(&client, &e.wire, &node).await;
            match &result {
                Ok(out) => printed.push_str(out),
                Err(err) => {
                    printed.push_str(&format!("{err:?}\n{err}\n"));
                    if let Error::Api(a) = err {
                        printed.push_str(&a.body);
                        printed.push_str(a.message.as_deref().unwrap_or_default());
                    }
                }
            }
            assert!(
                leaks(&printed).is_empty(),
                "{} / {name}: {:?} printed",
                e.wire,
                leaks(&printed)
            );
            endings += 1;
        }
        // A timeout.
        mock.push(c::ROUTE, text("CCode=0").delayed(Duration::from_secs(2)));
        let err = c::call(&timeout_client, &e.wire, &node).await.unwrap_err();
        assert!(matches!(err, Error::Timeout { .. }), "{}: {err:?}", e.wire);
        printed.push_str(&format!("{err:?}\n{err}\n"));
        // Connection refused.
        let err = c::call(&refused, &e.wire, &node).await.unwrap_err();
        assert!(
            matches!(err, Error::Transport { sent: false, .. }),
            "{}: {err:?}",
            e.wire
        );
        printed.push_str(&format!("{err:?}\n{err}\n"));
        endings += 2;
        assert!(
            leaks(&printed).is_empty(),
            "{}: {:?} printed",
            e.wire,
            leaks(&printed)
        );
    }
    assert_eq!(endings, 16 * 6);
    // The secrets did travel (in the query string, their purpose) ...
    let sent: String = mock
        .received()
        .iter()
        .filter_map(|r| r.query.clone())
        .collect();
    for s in [PASSP, KEY, ZPASS, CARD_TOKEN] {
        assert!(sent.contains(s), "{s} was never sent");
    }
    // ... and the captured tracing output (TRACE, the client's and the server's) has none.
    let logs = logs.text();
    assert!(
        logs.contains("hyp_api.call"),
        "tracing was captured:\n{logs}"
    );
    assert!(
        leaks(&logs).is_empty(),
        "{:?} in tracing output",
        leaks(&logs)
    );
}

// ---- validation ----

async fn refused(
    wire: &str,
    edit: impl FnOnce(&mut Vec<(String, String)>),
) -> (Vec<String>, String) {
    let mock = MockServer::start().await;
    let client = c::client(&mock);
    let e = c::api().endpoints.iter().find(|e| e.wire == wire).unwrap();
    let mut pairs = c::valid_pairs(e);
    edit(&mut pairs);
    let result = c::call(&client, wire, &c::node_for(wire, &pairs)).await;
    assert!(mock.received().is_empty(), "{wire}: nothing is sent");
    match result {
        Err(Error::InvalidRequest(v)) => (
            v.paths().iter().map(|p| p.to_string()).collect(),
            v.to_string(),
        ),
        other => panic!("{wire}: expected InvalidRequest, got {other:?}"),
    }
}

#[tokio::test]
async fn a_masof_of_9_digits_is_refused_unsent() {
    for wire in [
        "CancelTrans",
        "APISign SIGN",
        "soft payout",
        "payRequest LIST",
    ] {
        let (paths, _) = refused(wire, |p| set(p, "Masof", "010345518")).await;
        assert_eq!(paths, ["Masof"], "{wire}");
    }
}

#[tokio::test]
async fn a_user_id_of_8_digits_is_refused_unsent() {
    for wire in ["soft token charge", "APISign SIGN", "soft offline invoice"] {
        let (paths, _) = refused(wire, |p| set(p, "UserId", "20326953")).await;
        assert_eq!(paths, ["UserId"], "{wire}");
    }
}

#[tokio::test]
async fn an_amount_with_3_decimals_is_refused_unsent() {
    for wire in [
        "zikoyAPI",
        "soft token charge",
        "APISign SIGN",
        "payRequest CREATE",
    ] {
        let (paths, _) = refused(wire, |p| set(p, "Amount", "10.005")).await;
        assert_eq!(paths, ["Amount"], "{wire}");
    }
    // Two decimals, one, none: accepted (checked by the success sweep for `10`).
    let mock = MockServer::start().await;
    let client = c::client(&mock);
    for amount in ["10.50", "10.5", "10.00"] {
        mock.push(c::ROUTE, text("Id=1&CCode=0"));
        client
            .refund(&RefundRequest::new(RefundRequired {
                trans_id: "12290620".into(),
                amount: amount.parse().unwrap(),
            }))
            .await
            .unwrap_or_else(|e| panic!("{amount}: {e}"));
    }
}

#[tokio::test]
async fn card_fields_are_checked() {
    let (paths, _) = refused("soft token charge", |p| set(p, "CC", "692084394645810371")).await;
    assert_eq!(paths, ["CC"], "an 18-digit token");
    let (paths, _) = refused("soft capture J4", |p| set(p, "Tmonth", "13")).await;
    assert_eq!(paths, ["Tmonth"]);
    let (paths, _) = refused("soft payout", |p| set(p, "Tyear", "2031")).await;
    assert_eq!(paths, ["Tyear"]);
}

#[tokio::test]
async fn a_capture_above_the_authorized_amount_is_refused_unsent() {
    // The example authorizes inputObj.originalAmount=1500 agorot (15.00) and captures 15.
    let (paths, message) = refused("soft capture J4", |p| set(p, "Amount", "15.01")).await;
    assert_eq!(paths, ["Amount"]);
    assert!(message.contains("inputObj.originalAmount"), "{message}");
    // Exactly the authorized amount, and less, are sent.
    let mock = MockServer::start().await;
    let client = c::client(&mock);
    let e = c::api()
        .endpoints
        .iter()
        .find(|e| e.wire == "soft capture J4")
        .unwrap();
    for amount in ["15.00", "14.99"] {
        let mut pairs = c::valid_pairs(e);
        set(&mut pairs, "Amount", amount);
        mock.push(c::ROUTE, text("Id=1&CCode=0"));
        c::call(&client, &e.wire, &c::node_for(&e.wire, &pairs))
            .await
            .unwrap_or_else(|err| panic!("{amount}: {err}"));
    }
}

#[tokio::test]
async fn hesh_desc_items_must_add_up_to_the_amount_with_pritim() {
    let sign = |items: &str, pritim: Option<bool>| {
        let r = SignPaymentPageRequest::new(SignPaymentPageRequired {
            amount: Money::new(dec!(10)),
        })
        .hesh_desc(items);
        match pritim {
            Some(p) => r.pritim(p),
            None => r,
        }
    };
    let mock = MockServer::start().await;
    let client = c::client(&mock);
    // 1 × 8 + 2 × 1 = 10: sent.
    mock.push(c::ROUTE, text("signature=ab"));
    client
        .sign_payment_page(&sign("[0~Item 1~1~8][0~Item 2~2~1]", Some(true)))
        .await
        .unwrap();
    // 1 × 8 + 1 × 1 = 9 ≠ 10: refused, nothing more sent.
    match client
        .sign_payment_page(&sign("[0~Item 1~1~8][0~Item 2~1~1]", Some(true)))
        .await
    {
        Err(Error::InvalidRequest(v)) => assert_eq!(v.paths(), ["heshDesc"]),
        other => panic!("{other:?}"),
    }
    assert_eq!(mock.received().len(), 1);
    // Without Pritim (or with Pritim=False) heshDesc is free text: not parsed.
    for pritim in [None, Some(false)] {
        mock.push(c::ROUTE, text("signature=ab"));
        client
            .sign_payment_page(&sign("[0~Item 1~1~8]", pritim))
            .await
            .unwrap_or_else(|e| panic!("{pritim:?}: {e}"));
    }
    assert_eq!(mock.received().len(), 3);
}

#[tokio::test]
async fn a_payout_sends_zpass_and_its_codes_have_the_payout_meaning() {
    let mock = MockServer::start().await;
    let client = c::client(&mock);
    let request = PayoutRequest::new(PayoutRequired {
        zpass: secret(ZPASS),
        cc: hyp_api::CardToken::new(CARD_TOKEN),
        amount: Money::new(dec!(10)),
        tmonth: "05".into(),
        tyear: "31".into(),
        user_id: "203269535".into(),
        client_name: "Jenny".into(),
        info: "payout".into(),
    });
    mock.push(c::ROUTE, text("CCode=901"));
    let err = client.payout(&request).await.unwrap_err();
    assert!(matches!(err.code(), Some(CCode::WrongZPass)), "{err:?}");
    assert_eq!(err.code().map(|c| c.value()), Some(901));
    let sent = c::query_pairs(mock.received()[0].query.as_deref().unwrap());
    assert!(sent.contains(&("zPass".into(), ZPASS.into())));
}
