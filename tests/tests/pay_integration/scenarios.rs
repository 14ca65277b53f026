//! Every scenario of spec/pay: its documented success answer is `Ok`, its documented failure
//! answer a typed `Error::Api`; an HTML answer is `Error::VendorPage`; booleans travel as
//! `True`/`False`, lists comma-joined.

use hyp_api::Error;
use hyp_api::Money;
use hyp_api::pay::*;
use hyp_api_tests::mock::{MockServer, Reply};
use rust_decimal_macros::dec;

use crate::pay_common as c;
use crate::shared::{answers, text};

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
