//! Charsets: windows-1255 answers (percent-escaped and raw bytes) decode to Hebrew, and with
//! `UTF8out=True` UTF-8 answers do.

use hyp_api::Error;
use hyp_api::Money;
use hyp_api::pay::*;
use hyp_api_tests::mock::{MockServer, Reply};
use rust_decimal_macros::dec;

use crate::pay_common as c;
use crate::shared::{CARD_TOKEN, text};

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
