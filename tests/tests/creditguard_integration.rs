//! CreditGuard through the real client against a loopback server (route `POST /xpo/Relay`):
//! - every command of spec/creditguard (iterated from the spec, so a new command fails until it
//!   gets a typed call here): a `000` answer is `Ok`; the request on the wire is the form
//!   (`user`, `password`, URL-encoded `int_in`) with version 2000, the language,
//!   `<command>{wire}</command>` and the `<{wire}>` element; an error answer without the command
//!   element is a typed `Error::Api`;
//! - 310 on refundDeal (the doc's own error answer) is `NoMatchingDebitDeal`;
//! - `mayBeDuplicate`: a timed-out doDeal is outcome-unknown and is resent identically; the
//!   envelope rules (`requestId` required with it, at most 20 characters) are checked before
//!   anything is sent; a money-moving command is never retried, a read is;
//! - charsets: an ISO-8859-8 answer (declared in the XML prolog, or only in the Content-Type)
//!   decodes to Hebrew; Hebrew in a request travels as UTF-8;
//! - secrets (the password, the card number) never reach `Debug`, `Display` or a kept body.

mod creditguard_common;

use std::time::Duration;

use creditguard_common::{self as c, child, names, text};
use hyp_api::Error;
use hyp_api::creditguard::*;
use hyp_api::{Node, RetryPolicy};
use hyp_api_tests::mock::{MockServer, Reply};
use hyp_api_tests::vendor;

/// What a successful call gave back: the envelope's `tranId`, and the command element's
/// `status` (from the typed answer, or the raw body of the untyped commands).
#[derive(Debug, PartialEq)]
struct Answered {
    tran_id: Option<String>,
    status: Option<String>,
}

/// A text entry of a raw answer's body (the envelope's fields and the command element's
/// children).
fn raw(body: &Node, name: &str) -> Option<String> {
    c::find(body, name).map(|n| text(n).to_string())
}

fn from_raw(body: &Node) -> Answered {
    Answered {
        tran_id: raw(body, "tranId"),
        status: raw(body, "status"),
    }
}

/// Calls the command `wire` with its valid request.
async fn call(client: &Client, wire: &str) -> Result<Answered, CallError> {
    Ok(match wire {
        "doDeal" => {
            let r = client.do_deal(&c::do_deal()).await?;
            Answered {
                tran_id: r.tran_id.map(String::from),
                status: r.status,
            }
        }
        "refundDeal" => {
            let r = client.refund_deal(&c::refund_deal()).await?;
            Answered {
                tran_id: r.tran_id.map(String::from),
                status: r.status,
            }
        }
        "cancelDeal" => {
            let r = client.cancel_deal(&c::cancel_deal()).await?;
            Answered {
                tran_id: r.tran_id.map(String::from),
                status: r.status,
            }
        }
        "inquireTransactions" => {
            let r = client
                .inquire_transactions(&c::inquire_transactions())
                .await?;
            assert_eq!(r.transactions.len(), 1, "one <transaction>");
            assert_eq!(r.totals.as_ref().and_then(|t| t.total), Some(1));
            Answered {
                tran_id: r.tran_id.map(String::from),
                status: r.transactions[0].status.clone(),
            }
        }
        "addCgInvoice" => from_raw(&client.add_cg_invoice(&c::add_cg_invoice()).await?.body),
        "getSessionId" => from_raw(&client.get_session_id(&c::get_session_id()).await?.body),
        "inquireInvoice" => from_raw(&client.inquire_invoice(&c::inquire_invoice()).await?.body),
        "refundCgInvoice" => from_raw(
            &client
                .refund_cg_invoice(&c::refund_cg_invoice())
                .await?
                .body,
        ),
        "transmitInquire" => from_raw(&client.transmit_inquire(&c::transmit_inquire()).await?.body),
        "transmitTerminal" => from_raw(
            &client
                .transmit_terminal(&c::transmit_terminal())
                .await?
                .body,
        ),
        other => panic!(
            "spec/creditguard has a command `{other}` this test does not call: add it to `call`"
        ),
    })
}

/// The children of the command element in a success answer: a status and one more child
/// (`inquireTransactions` answers rows).
fn success_element(wire: &str) -> &'static str {
    match wire {
        "inquireTransactions" => {
            "<transactions><transaction><status>000</status><cgUid>118664947</cgUid>\
             </transaction></transactions><totals><total>1</total></totals>"
        }
        _ => "<status>000</status><cgUid>118664947</cgUid>",
    }
}

/// The language each command's request is built with, as written on the wire.
fn language_of(wire: &str) -> &'static str {
    if wire == "addCgInvoice" { "HEB" } else { "ENG" }
}

/// One value inside the command element each request carries (its path under the element),
/// or `None` for `getSessionId`, whose element is sent empty.
fn a_field_of(wire: &str) -> Option<(&'static [&'static str], &'static str)> {
    match wire {
        "doDeal"
        | "refundDeal"
        | "cancelDeal"
        | "inquireTransactions"
        | "transmitInquire"
        | "transmitTerminal" => Some((&["terminalNumber"], c::TERMINAL)),
        "addCgInvoice" => Some((&["invoiceAtranId"], "119328971")),
        "refundCgInvoice" => Some((&["invoiceAtranId"], "119443246")),
        "inquireInvoice" => Some((&["invoice", "invoiceAtranId"], "119328971")),
        "getSessionId" => None,
        other => panic!("no field known for `{other}`"),
    }
}

fn xml_answer(status: u16, body: String) -> Reply {
    Reply::new(status, body).with_content_type("text/xml; charset=UTF-8")
}

#[tokio::test]
async fn every_command_answers_000_and_is_sent_as_the_documented_form() {
    let api = c::api();
    assert_eq!(api.endpoints.len(), 10, "the vendor doc's 10 commands");
    let mock = MockServer::start().await;
    let client = c::client(&mock);
    for e in &api.endpoints {
        let wire = e.wire.as_str();
        mock.push(
            c::ROUTE,
            xml_answer(
                200,
                c::answer(
                    wire,
                    "000",
                    "Permitted transaction",
                    Some(success_element(wire)),
                ),
            ),
        );
        let before = mock.received().len();
        let answered = call(&client, wire)
            .await
            .unwrap_or_else(|err| panic!("{wire}: 000 is Ok, got {err}"));
        assert_eq!(
            answered,
            Answered {
                tran_id: Some("119101579".into()),
                status: Some("000".into()),
            },
            "{wire}"
        );

        let received = mock.received();
        assert_eq!(received.len(), before + 1, "{wire}: sent once");
        let int_in = c::int_in(&received[before]);
        let request = c::request_element(&int_in);
        assert_eq!(
            names(&request),
            ["version", "language", "command", wire],
            "{wire}: the envelope, then the command element named as the command"
        );
        assert_eq!(text(child(&request, "version")), "2000", "{wire}");
        assert_eq!(
            text(child(&request, "language")),
            language_of(wire),
            "{wire}"
        );
        assert_eq!(text(child(&request, "command")), wire, "{wire}");
        assert!(
            int_in.contains(&format!("<command>{wire}</command>")),
            "{wire}: {int_in}"
        );
        let element = child(&request, wire);
        match a_field_of(wire) {
            Some((path, value)) => {
                let node = path.iter().fold(element, |n, name| child(n, name));
                assert_eq!(text(node), value, "{wire}: {}", path.join("/"));
            }
            None => assert_eq!(
                element,
                &Node::Str(String::new()),
                "{wire}: an empty element"
            ),
        }
    }
}

#[tokio::test]
async fn every_command_error_without_the_command_element_is_a_typed_api_error() {
    let api = c::api();
    let mock = MockServer::start().await;
    let client = c::client(&mock);
    for e in &api.endpoints {
        let wire = e.wire.as_str();
        for (result, expected) in [
            ("405", ResultCode::Unknown(405)),
            ("036", ResultCode::ExpiredCard),
            ("310", ResultCode::NoMatchingDebitDeal),
        ] {
            let what = format!("{wire} answering {result} without <{wire}>");
            let message = format!("Scripted failure {result}");
            let body = c::answer(wire, result, &message, None);
            assert!(!body.contains(&format!("<{wire}>")));
            mock.push(c::ROUTE, xml_answer(200, body.clone()));
            let before = mock.received().len();
            let Err(Error::Api(err)) = call(&client, wire).await else {
                panic!("{what}: an Error::Api")
            };
            assert_eq!(mock.received().len(), before + 1, "{what}: not retried");
            assert_eq!(err.code, expected, "{what}");
            assert_eq!(err.endpoint, wire, "{what}");
            assert_eq!(err.message.as_deref(), Some(message.as_str()), "{what}");
            assert_eq!(err.http_status, 200, "{what}");
            assert_eq!(err.body, body, "{what}: the body is kept");
        }
    }
}

#[tokio::test]
async fn refund_deal_310_is_no_matching_debit_deal() {
    // The doc's own error answer, with its (mostly empty) <refundDeal> element.
    let (status, body) = vendor::answer(c::api(), "refundDeal", "error-310-no-matching-debit-deal");
    let mock = MockServer::start().await;
    mock.push(c::ROUTE, xml_answer(status, body));
    let err = c::client(&mock)
        .refund_deal(&c::refund_deal())
        .await
        .expect_err("310 is an error");
    assert_eq!(err.code(), Some(&ResultCode::NoMatchingDebitDeal));
    assert!(!err.outcome_unknown());
    let Error::Api(e) = &err else {
        panic!("an Error::Api")
    };
    assert_eq!(
        e.message.as_deref(),
        Some("There is no debit deal that matches the credit deal")
    );
    assert!(err.to_string().contains("310"), "{err}");
    let int_in = c::int_in(&mock.received()[0]);
    let element = child(&c::request_element(&int_in), "refundDeal").clone();
    assert_eq!(text(child(&element, "tranId")), "118664958");
    assert_eq!(text(child(&element, "total")), "11400", "agorot");
}

// ---------------------------------------------------------------------------------------------
// mayBeDuplicate and retries.

#[tokio::test]
async fn a_timed_out_deal_is_resent_with_may_be_duplicate_and_gets_the_first_result() {
    let mock = MockServer::start().await;
    let first = c::answer(
        "doDeal",
        "000",
        "Permitted transaction",
        Some("<status>000</status><cgUid>118664947</cgUid><authNumber>4397830</authNumber>"),
    );
    // The first answer comes too late; the vendor answers the resend with the same result.
    mock.push(
        c::ROUTE,
        xml_answer(200, first.clone()).delayed(Duration::from_millis(1500)),
    );
    mock.push(c::ROUTE, xml_answer(200, first));
    let client = c::client_with(&mock, RetryPolicy::never(), 200);
    let request = c::charge().may_be_duplicate(true).request_id("REQ-1");

    let err = client.do_deal(&request).await.expect_err("times out");
    let Error::Timeout {
        endpoint,
        outcome_unknown,
        ..
    } = &err
    else {
        panic!("a timeout, got {err}")
    };
    assert_eq!(*endpoint, "doDeal");
    assert!(outcome_unknown, "a charge may have happened");
    assert!(err.outcome_unknown());
    assert_eq!(
        mock.received().len(),
        1,
        "a money-moving call is not retried"
    );

    // The caller resends the identical request (with a generous timeout here, so the resend
    // does not race the clock).
    let answer = c::client_with(&mock, RetryPolicy::never(), 5_000)
        .do_deal(&request)
        .await
        .expect("the resend is answered");
    assert_eq!(answer.tran_id.as_deref(), Some("119101579"));
    assert_eq!(answer.auth_number.as_deref(), Some("4397830"));
    assert_eq!(answer.cg_uid.as_deref(), Some("118664947"));

    let received = mock.received();
    assert_eq!(received.len(), 2);
    assert_eq!(received[0].body, received[1].body, "an identical resend");
    for r in &received {
        let int_in = c::int_in(r);
        assert!(
            int_in.contains("<mayBeDuplicate>1</mayBeDuplicate><requestId>REQ-1</requestId>"),
            "{int_in}"
        );
        let request = c::request_element(&int_in);
        assert_eq!(
            names(&request),
            [
                "version",
                "language",
                "mayBeDuplicate",
                "requestId",
                "command",
                "doDeal"
            ]
        );
    }
}

#[tokio::test]
async fn a_money_moving_command_is_never_retried_but_a_read_is() {
    let mock = MockServer::start().await;
    let ok = |wire: &str| {
        xml_answer(
            200,
            c::answer(
                wire,
                "000",
                "Permitted transaction",
                Some(success_element(wire)),
            ),
        )
    };
    let client = c::client_with(&mock, c::fast_retries(), 200);

    mock.push(
        c::ROUTE,
        ok("refundDeal").delayed(Duration::from_millis(1000)),
    );
    let err = client
        .refund_deal(&c::refund_deal())
        .await
        .expect_err("times out");
    assert!(
        matches!(
            err,
            Error::Timeout {
                outcome_unknown: true,
                ..
            }
        ),
        "{err}"
    );
    assert_eq!(
        mock.received().len(),
        1,
        "refundDeal is not retried (a retry would have been sent and answered 404)"
    );

    // A read that times out once, then is answered.
    let before = mock.received().len();
    mock.push(
        c::ROUTE,
        ok("inquireTransactions").delayed(Duration::from_millis(1000)),
    );
    mock.push(c::ROUTE, ok("inquireTransactions"));
    let r = client
        .inquire_transactions(&c::inquire_transactions())
        .await
        .expect("the retry is answered");
    assert_eq!(r.transactions.len(), 1);
    assert_eq!(
        mock.received().len(),
        before + 2,
        "the read was retried once"
    );

    // A read that never answers: timed out, but nothing can have changed.
    let client = c::client_with(&mock, RetryPolicy::never(), 200);
    mock.push(
        c::ROUTE,
        ok("inquireTransactions").delayed(Duration::from_millis(1000)),
    );
    let err = client
        .inquire_transactions(&c::inquire_transactions())
        .await
        .expect_err("times out");
    assert!(
        matches!(
            err,
            Error::Timeout {
                outcome_unknown: false,
                ..
            }
        ),
        "{err}"
    );
}

#[tokio::test]
async fn may_be_duplicate_needs_a_request_id_of_at_most_20_characters() {
    let mock = MockServer::start().await;
    let client = c::client(&mock);

    let Err(Error::InvalidRequest(v)) = client.do_deal(&c::charge().may_be_duplicate(true)).await
    else {
        panic!("mayBeDuplicate without requestId is invalid")
    };
    assert_eq!(v.paths(), ["mayBeDuplicate"], "{v}");
    assert!(v.to_string().contains("requestId"), "{v}");

    let Err(Error::InvalidRequest(v)) = client
        .refund_deal(
            &c::refund_deal()
                .may_be_duplicate(true)
                .request_id("R".repeat(21)),
        )
        .await
    else {
        panic!("a 21-character requestId is invalid")
    };
    assert_eq!(v.paths(), ["requestId"], "{v}");
    assert!(v.to_string().contains("20"), "{v}");

    // The same rules on a command without money.
    let Err(Error::InvalidRequest(v)) = client
        .inquire_transactions(&c::inquire_transactions().may_be_duplicate(true))
        .await
    else {
        panic!("mayBeDuplicate without requestId is invalid")
    };
    assert_eq!(v.paths(), ["mayBeDuplicate"], "{v}");

    assert!(mock.received().is_empty(), "nothing was sent");

    // 20 characters (counted as characters, Hebrew too) is fine; `mayBeDuplicate` 0 is written
    // as `0`.
    for (id, dup) in [("R".repeat(20), true), ("בקשה-".repeat(4), false)] {
        mock.push(
            c::ROUTE,
            xml_answer(
                200,
                c::answer(
                    "doDeal",
                    "000",
                    "Permitted transaction",
                    Some("<cgUid>118664947</cgUid>"),
                ),
            ),
        );
        client
            .do_deal(&c::charge().may_be_duplicate(dup).request_id(id.clone()))
            .await
            .expect("valid");
        let int_in = c::int_in(mock.received().last().expect("sent"));
        let request = c::request_element(&int_in);
        assert_eq!(text(child(&request, "requestId")), id);
        assert_eq!(
            text(child(&request, "mayBeDuplicate")),
            if dup { "1" } else { "0" }
        );
    }
}

/// `mayBeDuplicate` 1 with an empty `requestId` is as invalid as with none: the vendor needs
/// "a unique `requestId` with every transaction" (vendor-docs 001 § Request) and an empty one
/// identifies nothing.
///
/// The generated check is `may_be_duplicate == Some(true) && request_id.is_none()`, so
/// `.request_id("")` (or whitespace) passes validation and the request is sent with
/// `<requestId></requestId>`.
#[tokio::test]
async fn may_be_duplicate_with_an_empty_request_id_is_invalid() {
    let mock = MockServer::start().await;
    mock.push(
        c::ROUTE,
        xml_answer(
            200,
            c::answer("doDeal", "000", "Permitted transaction", None),
        ),
    );
    let result = c::client(&mock)
        .do_deal(&c::charge().may_be_duplicate(true).request_id(""))
        .await;
    assert!(
        matches!(&result, Err(Error::InvalidRequest(v)) if v.paths() == ["mayBeDuplicate"]),
        "{result:?}"
    );
    assert!(mock.received().is_empty(), "nothing was sent");
}

// ---------------------------------------------------------------------------------------------
// Charsets and Hebrew.

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

// ---------------------------------------------------------------------------------------------
// Secrets.

fn assert_clean(what: &str, text: &str, secrets: &[&str]) {
    for s in secrets {
        assert!(!text.contains(s), "{what} shows a secret `{s}`:\n{text}");
    }
}

#[tokio::test]
async fn the_password_and_the_card_number_never_show() {
    let secrets = [c::PASSWORD, c::CARD];
    let mock = MockServer::start().await;
    let client = c::client(&mock);
    let request = c::charge();
    assert_clean("Debug of the request", &format!("{request:?}"), &secrets);
    assert_clean("Debug of the client", &format!("{client:?}"), &secrets);
    let refund = c::refund_deal().card_no(hyp_api::Pan::new(c::CARD));
    assert_clean("Debug of a refund", &format!("{refund:?}"), &secrets);
    let cancel = c::cancel_deal().card_no(hyp_api::Pan::new(c::CARD));
    assert_clean("Debug of a cancel", &format!("{cancel:?}"), &secrets);

    // The vendor echoes what it was sent, in an error answer…
    let echo = format!(
        "<user>{}</user><password>{}</password><cardNo>{}</cardNo>",
        c::USER,
        c::PASSWORD,
        c::CARD
    );
    let body = c::answer(
        "doDeal",
        "405",
        &format!("bad card {} for password {}", c::CARD, c::PASSWORD),
        Some(&echo),
    );
    mock.push(c::ROUTE, xml_answer(200, body));
    let err = client.do_deal(&request).await.expect_err("405");
    let Error::Api(e) = &err else {
        panic!("an Error::Api, got {err}")
    };
    assert_eq!(e.code, ResultCode::Unknown(405));
    assert!(e.body.contains("[REDACTED]"), "{}", e.body);
    assert!(e.body.contains(c::USER), "only secrets are scrubbed");
    assert_clean("the Api error body", &e.body, &secrets);
    assert_clean(
        "the Api error message",
        e.message.as_deref().unwrap_or_default(),
        &secrets,
    );
    assert_clean("Debug of the Api error", &format!("{err:?}"), &secrets);
    assert_clean("Display of the Api error", &err.to_string(), &secrets);

    // …and in an answer that does not decode.
    for (what, body) in [
        (
            "not XML",
            format!(
                "Internal error for user={}&password={}&cardNo={}",
                c::USER,
                c::PASSWORD,
                c::CARD
            ),
        ),
        (
            "no <ashrait><response>",
            format!(
                "<error><password>{}</password><cardNo>{}</cardNo></error>",
                c::PASSWORD,
                c::CARD
            ),
        ),
    ] {
        mock.push(
            c::ROUTE,
            Reply::new(500, body).with_content_type("text/plain"),
        );
        let err = client.do_deal(&request).await.expect_err("undecodable");
        let Error::Decode { body, .. } = &err else {
            panic!("{what}: an Error::Decode, got {err}")
        };
        assert!(body.contains("[REDACTED]"), "{what}: {body}");
        assert_clean(&format!("{what}: the Decode body"), body, &secrets);
        assert_clean(&format!("{what}: Debug"), &format!("{err:?}"), &secrets);
        assert_clean(&format!("{what}: Display"), &err.to_string(), &secrets);
    }

    // The secrets did go on the wire, where they belong.
    let sent = &mock.received()[0];
    assert_eq!(c::form_field(&sent.body, "password"), c::PASSWORD);
    let int_in = c::int_in(sent);
    assert_eq!(
        text(child(
            child(&c::request_element(&int_in), "doDeal"),
            "cardNo"
        )),
        c::CARD
    );
}

/// A password echoed inside XML is XML-escaped (`&` → `&amp;`), so the kept body carries the
/// password in that form; it must be scrubbed too.
///
/// The runtime's `redact` replaces the secrets' raw text only, in the raw answer text
/// (`ApiError::body`, `Error::Decode::body`): a password with `&`, `<`, `>`, `"` or `'` echoed by
/// the vendor in its XML answer stays readable in the kept body (the decoded `message` is
/// scrubbed, as it is unescaped before redaction).
#[tokio::test]
async fn an_xml_escaped_echo_of_the_password_is_redacted() {
    let password = "Cg&Pa<5>";
    let escaped = "Cg&amp;Pa&lt;5&gt;";
    let mock = MockServer::start().await;
    let client = Client::builder(mock.base_url(), c::USER, c::secret(password))
        .retry(RetryPolicy::never())
        .build()
        .expect("client builds");
    let body = c::answer(
        "doDeal",
        "405",
        &format!("wrong password {escaped}"),
        Some(&format!("<password>{escaped}</password>")),
    );
    mock.push(c::ROUTE, xml_answer(200, body));
    let Err(Error::Api(e)) = client.do_deal(&c::do_deal()).await else {
        panic!("an Error::Api")
    };
    assert_clean(
        "the decoded message",
        e.message.as_deref().unwrap_or_default(),
        &[password],
    );
    assert_clean("the kept body", &e.body, &[password, escaped]);
}
