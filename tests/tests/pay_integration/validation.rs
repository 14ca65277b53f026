//! Local validation refuses a bad request, naming the wire path, and sends nothing.

use hyp_api::Error;
use hyp_api::Money;
use hyp_api::pay::*;
use hyp_api_tests::mock::MockServer;
use rust_decimal_macros::dec;

use crate::pay_common::{self as c, set};
use crate::shared::{CARD_TOKEN, ZPASS, secret, text};

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
