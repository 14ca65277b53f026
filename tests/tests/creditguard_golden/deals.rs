//! The doc's payment-page `doDeal` request on the wire, and its `refundDeal` error answer.

use hyp_api::Error;
use hyp_api::creditguard::*;
use hyp_api::{MinorUnits, Node, VendorCode as _};
use hyp_api_tests::mock::{MockServer, Reply};
use hyp_api_tests::vendor;

use crate::creditguard_common::{self as c, child, text, xml};

/// Sorts every map's entries by name (stably): the tree without element order.
fn unordered(node: &Node) -> Node {
    match node {
        Node::Map(e) => {
            let mut e: Vec<(String, Node)> =
                e.iter().map(|(k, v)| (k.clone(), unordered(v))).collect();
            e.sort_by(|a, b| a.0.cmp(&b.0));
            Node::Map(e)
        }
        other => other.clone(),
    }
}

// ---------------------------------------------------------------------------------------------
// (a) The doc's doDeal request.

/// The doc's payment-page request, built through the typed API with the values the spec's
/// fixups put in its `{…}` placeholders.
fn documented_do_deal() -> DoDealRequest {
    DoDealRequest::new(DoDealRequired {
        language: Language::Eng,
        terminal_number: "0882819014".into(),
        total: MinorUnits::new(11400),
        transaction_type: TransactionType::Debit,
        credit_type: CreditType::RegularCredit,
        currency: "ILS".into(),
        transaction_code: TransactionCode::Internet,
        validation: Validation::TxnSetup,
    })
    .card_no(hyp_api::Pan::new("CGMPI"))
    .mid("531")
    .uniqueid("order-2025-0001")
    .mpi_validation(Validation::AutoComm)
    .success_url("https://merchant.example/payment/success")
    .error_url("https://merchant.example/payment/error")
}

/// The doc's request XML after the fixups, and the `int_in` XML the client sent for
/// [`documented_do_deal`] (its transport checked on the way: POST `/xpo/Relay`, form content
/// type, fields `user`, `password`, `int_in`).
async fn do_deal_on_the_wire() -> (String, String) {
    let documented = vendor::example(c::api(), "doDeal", "request-payment-page-template");
    let theirs = documented.fixed_body();
    assert!(
        !theirs.contains('{') && !theirs.contains('}'),
        "every placeholder is filled by a fixup:\n{theirs}"
    );
    assert!(
        theirs.contains("<total>11400</total>"),
        "the amount is agorot"
    );

    let mock = MockServer::start().await;
    mock.push(
        c::ROUTE,
        Reply::new(
            200,
            c::answer(
                "doDeal",
                "000",
                "Permitted transaction",
                Some("<status>000</status><cgUid>118664947</cgUid>"),
            ),
        )
        .with_content_type("text/xml"),
    );
    let answer = c::client(&mock)
        .do_deal(&documented_do_deal())
        .await
        .expect("000 is Approved");
    assert_eq!(answer.status.as_deref(), Some("000"));
    let received = mock.received();
    assert_eq!(received.len(), 1, "sent once");
    let ours = c::int_in(&received[0]);
    assert_eq!(c::form_field(&received[0].body, "user"), c::USER);
    assert_eq!(c::form_field(&received[0].body, "password"), c::PASSWORD);
    (theirs, ours)
}

/// The values: every element of the doc's request, with the same text, and nothing else.
#[tokio::test]
async fn do_deal_request_carries_exactly_the_documented_elements_and_values() {
    let (theirs, ours) = do_deal_on_the_wire().await;
    let (theirs, ours) = (xml(&theirs), xml(&ours));
    assert_eq!(unordered(&ours), unordered(&theirs));

    // The envelope, spelled out.
    let request = child(child(&ours, "ashrait"), "request");
    assert_eq!(text(child(request, "version")), "2000");
    assert_eq!(text(child(request, "language")), "ENG");
    assert_eq!(text(child(request, "command")), "doDeal");
    let deal = child(request, "doDeal");
    assert_eq!(text(child(deal, "total")), "11400");
    assert_eq!(text(child(deal, "cardNo")), "CGMPI");
    assert_eq!(text(child(deal, "validation")), "TxnSetup");
    assert_eq!(text(child(deal, "mpiValidation")), "AutoComm");
    assert_eq!(
        c::names(request),
        ["version", "language", "command", "doDeal"],
        "the envelope in the doc's order"
    );

    // Apart from `mpiValidation` (see the ignored test below), the doc's order too.
    let without_mpi = |deal: &Node| -> Vec<String> {
        c::names(deal)
            .into_iter()
            .filter(|n| *n != "mpiValidation")
            .map(str::to_string)
            .collect()
    };
    let their_deal = child(child(child(&theirs, "ashrait"), "request"), "doDeal");
    assert_eq!(without_mpi(deal), without_mpi(their_deal));
}

/// Element order too: the client writes the `doDeal` children in the order of the doc's
/// example.
///
/// It does not: the doc has `…<mid>`, `<uniqueid>`, `<mpiValidation>`, `<successUrl>…`, the
/// client writes `<mpiValidation>` right after `<validation>` (the spec's field order in
/// `endpoint-do-deal.yaml`), so the trees differ in order although every element and value is
/// the doc's (see the test above). Whether the vendor's parser cares about order is not
/// documented.
#[tokio::test]
async fn do_deal_request_is_the_documented_xml_element_for_element() {
    let (theirs, ours) = do_deal_on_the_wire().await;
    assert_eq!(xml(&ours), xml(&theirs));
}

// ---------------------------------------------------------------------------------------------
// (c) The doc's refundDeal error answer.

#[test]
fn refund_deal_error_answer_is_a_typed_api_error() {
    let (status, body) = vendor::answer(c::api(), "refundDeal", "error-310-no-matching-debit-deal");
    assert_eq!(status, 200);
    let Err(Error::Api(e)) = hyp_api::wire::decode_answer::<RefundDeal>(status, &body, &[]) else {
        panic!("result 310 is an Error::Api")
    };
    assert_eq!(e.code, ResultCode::NoMatchingDebitDeal);
    assert_eq!(e.code.value(), 310);
    assert!(!e.code.outcome_unknown());
    assert_eq!(e.endpoint, "refundDeal");
    assert_eq!(
        e.message.as_deref(),
        Some("There is no debit deal that matches the credit deal")
    );
    assert_eq!(e.http_status, 200);
    assert!(e.body.contains("<refundDeal>"), "the body is kept");
    assert!(e.body.contains("No matching transactions found."));
    assert_eq!(e.body, body, "kept as received (no secret to scrub)");
}

/// The spec's code table is the generated `ResultCode` (by name, value, HTTP status and
/// outcome-unknown flag), and an unlisted code is `Unknown`.
#[test]
fn the_result_code_table_is_the_spec_one() {
    let api = c::api();
    assert!(
        api.codes
            .iter()
            .any(|c| c.value == 310 && c.name == "NoMatchingDebitDeal")
    );
    for code in &api.codes {
        let typed = ResultCode::from_service_table(code.value);
        assert_eq!(format!("{typed:?}"), code.name);
        assert_eq!(typed.value(), code.value);
        assert_eq!(typed.documented_http_status(), code.http_status);
        assert_eq!(typed.outcome_unknown(), code.outcome_unknown, "{typed:?}");
        assert_eq!(typed.is_retryable(), code.retryable, "{typed:?}");
    }
    assert_eq!(
        ResultCode::from_service_table(405),
        ResultCode::Unknown(405)
    );
    assert!(ResultCode::Duplicate.outcome_unknown());
    assert!(ResultCode::DuplicateMinus80.outcome_unknown());
}
