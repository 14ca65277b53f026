//! Charsets: an ISO-8859-8 answer decodes to Hebrew; Hebrew in a request travels as UTF-8.

use hyp_api::Error;
use hyp_api::creditguard::*;
use hyp_api_tests::mock::{MockServer, Reply};

use crate::answers::{raw, xml_answer};
use crate::creditguard_common::{self as c, child, text};

const HEBREW: &str = "עסקה תקינה";

/// A doDeal answer whose `userMessage` is `user_message`, with `prolog`.
fn hebrew_answer(prolog: &str, user_message: &str) -> String {
    format!(
        "{prolog}\n<ashrait><response><command>doDeal</command>\
         <dateTime>2025-07-28 12:49</dateTime><tranId>119101579</tranId><result>000</result>\
         <message>Permitted transaction</message><userMessage>{user_message}</userMessage>\
         <version>2000</version><language>Heb</language>\
         <doDeal><status>000</status><statusText>{user_message}</statusText>\
         <cgUid>118664947</cgUid></doDeal>\
         </response></ashrait>"
    )
}

#[test]
fn the_iso_8859_8_table_is_the_standard_one() {
    // א = 0xE0, ת = 0xFA; "שלום" = F9 EC E5 ED (the runtime's own charset test uses these).
    assert_eq!(c::iso_8859_8("א"), [0xE0]);
    assert_eq!(c::iso_8859_8("ת"), [0xFA]);
    assert_eq!(c::iso_8859_8("שלום"), [0xF9, 0xEC, 0xE5, 0xED]);
    assert_eq!(
        c::iso_8859_8(HEBREW),
        [0xF2, 0xF1, 0xF7, 0xE4, 0x20, 0xFA, 0xF7, 0xE9, 0xF0, 0xE4]
    );
}

#[tokio::test]
async fn an_iso_8859_8_answer_declared_in_the_prolog_decodes_to_hebrew() {
    let bytes = c::iso_8859_8(&hebrew_answer(
        "<?xml version='1.0' encoding='ISO-8859-8'?>",
        HEBREW,
    ));
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the bytes are not UTF-8"
    );
    let mock = MockServer::start().await;
    mock.push(c::ROUTE, Reply::bytes(200, "text/xml", bytes));
    let r = c::client(&mock)
        .do_deal(&c::do_deal())
        .await
        .expect("decodes");
    assert_eq!(r.user_message.as_deref(), Some(HEBREW));
    assert_eq!(r.status_text.as_deref(), Some(HEBREW));
    assert_eq!(r.language.as_deref(), Some("Heb"));
}

#[tokio::test]
async fn an_iso_8859_8_answer_declared_only_in_the_content_type_decodes_to_hebrew() {
    let bytes = c::iso_8859_8(&hebrew_answer("<?xml version='1.0'?>", HEBREW));
    let mock = MockServer::start().await;
    mock.push(
        c::ROUTE,
        Reply::bytes(200, "text/xml; charset=ISO-8859-8", bytes.clone()),
    );
    mock.push(
        c::ROUTE,
        Reply::bytes(200, "text/xml;charset=\"iso-8859-8\"", bytes),
    );
    let client = c::client(&mock);
    for _ in 0..2 {
        let r = client.do_deal(&c::do_deal()).await.expect("decodes");
        assert_eq!(r.user_message.as_deref(), Some(HEBREW));
        assert_eq!(r.status_text.as_deref(), Some(HEBREW));
    }
}

/// HTTP media-type parameter names are case-insensitive (RFC 9110 §8.3.1: `Charset=` is
/// `charset=`), so `text/xml; Charset=ISO-8859-8` declares ISO-8859-8 too.
///
/// The runtime's `charset::decode` looks for the exact prefix `charset=`; with `Charset=` it
/// finds no charset, the prolog declares none, and the ISO-8859-8 bytes are decoded as UTF-8
/// (every Hebrew letter becomes U+FFFD).
#[tokio::test]
async fn the_content_type_charset_parameter_name_is_case_insensitive() {
    let bytes = c::iso_8859_8(&hebrew_answer("<?xml version='1.0'?>", HEBREW));
    let mock = MockServer::start().await;
    mock.push(
        c::ROUTE,
        Reply::bytes(200, "text/xml; Charset=ISO-8859-8", bytes),
    );
    let r = c::client(&mock)
        .do_deal(&c::do_deal())
        .await
        .expect("decodes");
    assert_eq!(r.user_message.as_deref(), Some(HEBREW));
}

#[tokio::test]
async fn an_iso_8859_8_error_answer_keeps_its_hebrew_message() {
    let body = c::answer("refundDeal", "310", "אין עסקת חיוב מתאימה", None);
    let mock = MockServer::start().await;
    mock.push(
        c::ROUTE,
        Reply::bytes(200, "text/xml; charset=ISO-8859-8", c::iso_8859_8(&body)),
    );
    let Err(Error::Api(e)) = c::client(&mock).refund_deal(&c::refund_deal()).await else {
        panic!("310 is an Error::Api")
    };
    assert_eq!(e.code, ResultCode::NoMatchingDebitDeal);
    assert_eq!(e.message.as_deref(), Some("אין עסקת חיוב מתאימה"));
    assert_eq!(e.body, body, "the kept body is the decoded text");
}

#[tokio::test]
async fn hebrew_survives_a_round_trip_as_utf_8() {
    let mock = MockServer::start().await;
    // A UTF-8 answer with a charset, and one without any (UTF-8 is the default).
    mock.push(
        c::ROUTE,
        xml_answer(200, hebrew_answer("<?xml version='1.0'?>", HEBREW)),
    );
    mock.push(
        c::ROUTE,
        Reply::new(200, hebrew_answer("<?xml version='1.0'?>", HEBREW))
            .with_content_type("text/xml"),
    );
    let client = c::client(&mock);
    let request = c::do_deal()
        .description("תשלום עבור הזמנה 17")
        .customer_data(CustomerData::new().first_name("דנה").last_name("לוי"));
    for _ in 0..2 {
        let r = client.do_deal(&request).await.expect("decodes");
        assert_eq!(r.user_message.as_deref(), Some(HEBREW));
    }

    let received = mock.received();
    // UTF-8 in the form encoding: ד = D7 93, נ = D7 A0, ה = D7 94.
    assert!(
        received[0].body.contains("%D7%93%D7%A0%D7%94"),
        "{}",
        received[0].body
    );
    let int_in = c::int_in(&received[0]);
    let deal = child(&c::request_element(&int_in), "doDeal").clone();
    assert_eq!(text(child(&deal, "description")), "תשלום עבור הזמנה 17");
    let customer = child(&deal, "customerData");
    assert_eq!(text(child(customer, "firstName")), "דנה");
    assert_eq!(text(child(customer, "lastName")), "לוי");
    // And the invoice subject of addCgInvoice (the HEB request).
    mock.push(
        c::ROUTE,
        xml_answer(200, c::answer("addCgInvoice", "000", "עסקה תקינה", None)),
    );
    let r = client
        .add_cg_invoice(&c::add_cg_invoice())
        .await
        .expect("decodes");
    assert_eq!(raw(&r.body, "userMessage").as_deref(), Some("עסקה תקינה"));
    let int_in = c::int_in(mock.received().last().expect("sent"));
    let invoice = child(
        child(&c::request_element(&int_in), "addCgInvoice"),
        "invoice",
    )
    .clone();
    assert_eq!(text(child(&invoice, "invoiceSubject")), "חשבונית");
}
