//! Every command of spec/creditguard: a `000` answer is `Ok` and the request is the documented
//! form; an error answer without the command element is a typed `Error::Api`; 310 on
//! refundDeal is `NoMatchingDebitDeal`.

use hyp_api::Error;
use hyp_api::Node;
use hyp_api::creditguard::*;
use hyp_api_tests::mock::MockServer;
use hyp_api_tests::vendor;

use crate::answers::{raw, success_element, xml_answer};
use crate::creditguard_common::{self as c, child, names, text};

/// What a successful call gave back: the envelope's `tranId`, and the command element's
/// `status` (from the typed answer, or the raw body of the untyped commands).
#[derive(Debug, PartialEq)]
struct Answered {
    tran_id: Option<String>,
    status: Option<String>,
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
