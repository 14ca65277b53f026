//! CreditGuard at the wire: scripted flows that POST raw form bodies and read the raw XML
//! answers themselves (vendor-docs 001 § Request, § Response; vendor-notes §2.1).

mod cg_xml;

use cg_xml::*;
use chrono::TimeZone;
use hyp_sandbox::Sandbox;

// --- The envelope ---------------------------------------------------------------------------

#[tokio::test]
async fn the_envelope_has_the_docs_fields_in_the_docs_order_then_the_command() {
    let day = chrono::Utc.with_ymd_and_hms(2026, 5, 25, 9, 7, 31).unwrap();
    let sandbox = Sandbox::builder()
        .clock(hyp_api::FixedClock(day))
        .start()
        .await
        .unwrap();
    let envelope = [
        ("version", "2000"),
        ("language", "HEB"),
        ("requestId", "R-77"),
    ];
    let r = send(&sandbox, "doDeal", &envelope, &card_charge(11400, "")).await;
    let mut expected: Vec<&str> = ENVELOPE.to_vec();
    expected.push("doDeal");
    assert_eq!(r.names(), expected);
    assert_eq!(r.text_at("command"), "doDeal");
    assert_eq!(r.text_at("dateTime"), "2026-05-25 09:07");
    assert_eq!(r.text_at("requestId"), "R-77");
    assert_eq!(r.text_at("version"), "2000");
    assert_eq!(r.text_at("language"), "HEB");
    assert_eq!(r.text_at("result"), "000");
    assert_eq!(r.text_at("message"), "Permitted transaction");
    assert_eq!(r.text_at("userMessage"), "Permitted transaction");
    assert!(!r.text_at("tranId").is_empty());
    // None of the envelope's fields sit inside the command element.
    let inside = r.at("doDeal").names();
    for name in ENVELOPE {
        assert!(!inside.contains(&name), "<doDeal> has <{name}>");
    }
}

#[tokio::test]
async fn every_handled_request_gets_its_own_tran_id_errors_included() {
    let sandbox = Sandbox::start().await.unwrap();
    let a = deal(&sandbox, 100, "").await.text_at("tranId");
    let b = deal(&sandbox, 100, "").await.text_at("tranId");
    let refused = command(&sandbox, "refundDeal", &by_tran_id("424242")).await;
    assert_eq!(refused.text_at("result"), "310");
    let c = refused.text_at("tranId");
    let listed = command(
        &sandbox,
        "inquireTransactions",
        &format!("<terminalNumber>{TERMINAL}</terminalNumber>"),
    )
    .await
    .text_at("tranId");
    let ids = [&a, &b, &c, &listed];
    for (i, x) in ids.iter().enumerate() {
        assert!(!x.is_empty());
        for y in &ids[i + 1..] {
            assert_ne!(x, y);
        }
    }
}

#[tokio::test]
async fn an_error_answer_carries_the_vendor_texts_and_the_deal_element() {
    let sandbox = Sandbox::start().await.unwrap();
    let r = command(&sandbox, "refundDeal", &by_tran_id("424242")).await;
    let mut expected: Vec<&str> = ENVELOPE.to_vec();
    expected.push("refundDeal");
    assert_eq!(r.names(), expected);
    assert_eq!(
        r.text_at("message"),
        "There is no debit deal that matches the credit deal"
    );
    assert_eq!(
        r.text_at("userMessage"),
        "Please contact System Administration"
    );
    assert_eq!(r.text_at("refundDeal/status"), "310");
    assert_eq!(r.text_at("refundDeal/terminalNumber"), TERMINAL);
    // The doc's example ids are not replayed as this answer's.
    assert_ne!(r.text_at("tranId"), "119101676");
    assert_ne!(r.text_at("refundDeal/cgUid"), "118664947");
}

#[tokio::test]
async fn a_language_other_than_heb_or_eng_falls_back_to_english() {
    let sandbox = Sandbox::start().await.unwrap();
    for language in ["FRA", "Eng", "xx"] {
        let envelope = [("version", "2000"), ("language", language)];
        let r = send(&sandbox, "doDeal", &envelope, &card_charge(500, "")).await;
        assert_eq!(r.text_at("result"), "000", "{language}: {r:#?}");
        assert_eq!(r.text_at("language"), language);
        assert_eq!(r.text_at("message"), "Permitted transaction");
    }
    assert_eq!(sandbox.applied(API, "doDeal"), 3);
}

// --- Deals ----------------------------------------------------------------------------------

#[tokio::test]
async fn a_deal_answers_its_result_block_with_the_card_masked() {
    let sandbox = Sandbox::start().await.unwrap();
    let xml = request(
        "doDeal",
        &eng(),
        &card_charge(11400, "<user>order-9</user>"),
    );
    let (_, root, body) = post(&sandbox.base_url(API), &xml).await;
    assert!(!body.contains("4111111111111111"), "{body}");
    let r = root.at("response");
    let d = r.at("doDeal");
    assert_eq!(d.text_at("status"), "000");
    assert_eq!(d.text_at("statusText"), "Permitted transaction");
    assert_eq!(d.text_at("terminalNumber"), TERMINAL);
    assert_eq!(d.text_at("cardBin"), "411111");
    assert_eq!(d.text_at("cardMask"), "411111******1111");
    assert_eq!(d.text_at("cardLength"), "16");
    assert_eq!(d.text_at("cardNo"), "xxxxxxxxxxxx1111");
    assert_eq!(d.text_at("cardExpiration"), "0228");
    assert_eq!(d.text_at("total"), "11400");
    assert_eq!(d.text_at("user"), "order-9");
    assert!(!d.text_at("authNumber").is_empty());
    // A new financial transaction's cgUid is its own tranId.
    assert_eq!(d.text_at("cgUid"), r.text_at("tranId"));
    // Enumerated elements carry the doc's code attribute beside their text.
    for (name, code, text) in [
        ("currency", "1", "ILS"),
        ("creditType", "1", "RegularCredit"),
        ("transactionCode", "52", "Internet"),
        ("validation", "4", "AutoComm"),
        ("transactionType", "53", "AuthCredit"),
    ] {
        let el = d.at(name);
        assert_eq!(
            (el.attr("code"), el.text.as_str()),
            (Some(code), text),
            "{name}"
        );
    }
    assert_eq!(d.at("ashraitEmvData").text_at("mti"), "100");
}

#[tokio::test]
async fn a_payment_page_setup_masks_cgmpi_as_the_doc_shows() {
    let sandbox = Sandbox::start().await.unwrap();
    let setup = format!(
        "<terminalNumber>{TERMINAL}</terminalNumber><cardNo>CGMPI</cardNo><total>11400</total>\
         <transactionType>Debit</transactionType><creditType>RegularCredit</creditType>\
         <currency>ILS</currency><transactionCode>Internet</transactionCode>\
         <validation>TxnSetup</validation><mid>531</mid><uniqueid>u-1</uniqueid>\
         <mpiValidation>AutoComm</mpiValidation>"
    );
    let r = command(&sandbox, "doDeal", &setup).await;
    assert_eq!(r.text_at("result"), "000");
    let d = r.at("doDeal");
    for (name, text) in [
        ("cardBin", "CG"),
        ("cardMask", "CGGMPI"),
        ("cardLength", "5"),
        ("cardNo", "xGMPI"),
    ] {
        assert_eq!(d.text_at(name), text, "{name}");
    }
    // The page's elements sit where the doc's setup row has them, as sent.
    let names = d.names();
    let at = names.iter().position(|n| *n == "numberOfPayments").unwrap();
    assert_eq!(
        names[at + 1..at + 12],
        [
            "paymentsInterest",
            "mid",
            "uniqueid",
            "mpiValidation",
            "token",
            "mpiHostedPageUrl",
            "returnUrl",
            "successUrl",
            "errorUrl",
            "cancelUrl",
            "clubId"
        ]
    );
    assert_eq!(d.text_at("mid"), "531");
    assert_eq!(d.text_at("uniqueid"), "u-1");
    assert_eq!(d.text_at("mpiValidation"), "AutoComm");
    assert_eq!(d.at("validation").attr("code"), Some("106"));
    assert_eq!(d.at("transactionType").attr("code"), Some("51"));
    assert_eq!(d.text_at("authNumber"), "");
    // A charge has no page elements.
    let charge = deal(&sandbox, 100, "").await;
    assert!(charge.at("doDeal").child("mid").is_none());
}

// --- Requests no command takes --------------------------------------------------------------

/// The error envelope of a request that reached no command: the doc's fields in order, no
/// command element, `result` 400 (the spec's decision), a new `tranId`.
fn assert_error_envelope(r: &El, command: &str) {
    assert_eq!(r.names(), ENVELOPE, "no command element: {r:#?}");
    assert_eq!(r.text_at("command"), command);
    assert_eq!(r.text_at("result"), "400");
    let tran_id = r.text_at("tranId");
    assert!(!tran_id.is_empty() && tran_id.bytes().all(|b| b.is_ascii_digit()));
    assert_eq!(r.text_at("dateTime").len(), "2025-07-28 12:54".len());
}

#[tokio::test]
async fn an_unknown_command_answers_the_error_envelope_not_an_http_404() {
    let sandbox = Sandbox::start().await.unwrap();
    let envelope = [
        ("version", "2000"),
        ("language", "ENG"),
        ("requestId", "R-9"),
    ];
    let xml = request("doMagic", &envelope, "<total>1</total>");
    let response = relay(&sandbox.base_url(API), &xml).await;
    assert_eq!(response.status().as_u16(), 200);
    let reason = response.headers()[hyp_sandbox::REASON_HEADER]
        .to_str()
        .unwrap()
        .to_string();
    assert!(reason.contains("no command `doMagic`"), "{reason}");
    let body = response.text().await.unwrap();
    let r = parse(&body).at("response").clone();
    assert_error_envelope(&r, "doMagic");
    assert_eq!(r.text_at("requestId"), "R-9");
    assert_eq!(r.text_at("version"), "2000");
    assert_eq!(r.text_at("language"), "ENG");
    // The sandbox's reason is beside the answer, never in the vendor's fields.
    assert!(!body.contains("doMagic`"), "{body}");
    assert_eq!(sandbox.received(API, "doDeal"), 0);
}

#[tokio::test]
async fn a_request_that_is_no_xml_or_goes_elsewhere_answers_the_error_envelope() {
    let sandbox = Sandbox::start().await.unwrap();
    let (status, root, body) = post(&sandbox.base_url(API), "<ashrait><request>").await;
    assert_eq!(status, 200, "{body}");
    assert_error_envelope(root.at("response"), "");
    // Another path under the API, or a GET of the relay: the same frame.
    for response in [
        reqwest::Client::new()
            .post(format!("{}/xpo/Other", sandbox.base_url(API)))
            .form(&[("int_in", "<ashrait/>")])
            .send()
            .await
            .unwrap(),
        reqwest::get(format!("{}/xpo/Relay", sandbox.base_url(API)))
            .await
            .unwrap(),
    ] {
        assert_eq!(response.status().as_u16(), 200);
        let body = response.text().await.unwrap();
        assert_error_envelope(parse(&body).at("response"), "");
    }
}
