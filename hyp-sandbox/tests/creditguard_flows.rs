//! CreditGuard state at the wire: deals, inquiries, cancellations, refunds and resends, each
//! a scripted flow of raw form POSTs whose raw XML answers the test reads itself
//! (vendor-docs 001 § Request, § Response; vendor-notes §2.1).

mod cg_xml;

use cg_xml::*;
use hyp_sandbox::Sandbox;

fn refund(tran_id: &str, total: u32) -> String {
    format!("{}<total>{total}</total>", by_tran_id(tran_id))
}

// --- Inquiries ------------------------------------------------------------------------------

#[tokio::test]
async fn a_deal_is_found_by_its_tran_id_as_exactly_one_row() {
    let sandbox = Sandbox::start().await.unwrap();
    let first = deal(&sandbox, 11400, "<user>order-1</user>").await;
    let other = deal(&sandbox, 2500, "<user>order-2</user>").await;
    let tran_id = first.text_at("tranId");
    let rows = inquire(&sandbox, &format!("<tranId>{tran_id}</tranId>")).await;
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    assert_eq!(row.text_at("tranId"), tran_id);
    assert_eq!(row.text_at("status"), "000");
    assert_eq!(row.text_at("total"), "11400");
    assert_eq!(row.text_at("user"), "order-1");
    assert_eq!(row.text_at("cardMask"), "411111******1111");
    assert_eq!(row.text_at("cgUid"), first.text_at("doDeal/cgUid"));
    assert_eq!(row.text_at("message"), "Permitted transaction");
    assert_eq!(row.text_at("financialStatus"), "Other");
    assert_eq!(row.at("currency").attr("code"), Some("1"));
    assert!(row.text_at("transactionDate").len() == "2025-07-10 13:08:05".len());
    // The other deal is its own row.
    let rows = inquire(
        &sandbox,
        &format!("<tranId>{}</tranId>", other.text_at("tranId")),
    )
    .await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].text_at("total"), "2500");
}

#[tokio::test]
async fn an_inquiry_answers_from_state_filtered_by_what_is_asked() {
    let sandbox = Sandbox::start().await.unwrap();
    // An empty sandbox has nothing to list (the doc's example rows are not seeded).
    assert!(inquire(&sandbox, "").await.is_empty());
    let a = deal(&sandbox, 1000, "<user>alice</user>").await;
    deal(&sandbox, 2000, "<user>bob</user>").await;
    let refunded = command(&sandbox, "refundDeal", &refund(&a.text_at("tranId"), 400)).await;
    assert_eq!(refunded.text_at("result"), "000");
    assert_eq!(inquire(&sandbox, "").await.len(), 3);
    let bob = inquire(&sandbox, "<user>bob</user>").await;
    assert_eq!(bob.len(), 1);
    assert_eq!(bob[0].text_at("total"), "2000");
    // By cgUid: every technical transaction of the financial transaction (deal and refund).
    let cg_uid = a.text_at("doDeal/cgUid");
    let linked = inquire(&sandbox, &format!("<cgUid>{cg_uid}</cgUid>")).await;
    let ids: Vec<String> = linked.iter().map(|r| r.text_at("tranId")).collect();
    assert_eq!(ids, [a.text_at("tranId"), refunded.text_at("tranId")]);
    assert_eq!(linked[1].text_at("total"), "400");
    assert_eq!(linked[1].text_at("transactionType"), "Refund");
    // By date range: today's deals are inside today, none are in a past year.
    let today = a.text_at("dateTime")[..10].to_string();
    let range = format!("<fromDealDate>{today}</fromDealDate><toDealDate>{today}</toDealDate>");
    assert_eq!(inquire(&sandbox, &range).await.len(), 3);
    let past = "<fromDealDate>2020-01-01</fromDealDate><toDealDate>2020-12-31</toDealDate>";
    assert!(inquire(&sandbox, past).await.is_empty());
    assert!(inquire(&sandbox, "<tranId>1</tranId>").await.is_empty());
}

// --- Card tokens ----------------------------------------------------------------------------

#[tokio::test]
async fn a_card_deal_issues_a_token_whose_deals_answer_the_masked_card() {
    let sandbox = Sandbox::start().await.unwrap();
    let first = deal(&sandbox, 1000, "").await;
    let token = first.text_at("doDeal/cardId");
    assert_eq!(token.len(), 16, "{token}");
    assert!(token.chars().all(|c| c.is_ascii_digit()), "{token}");
    let by_token = format!(
        "<terminalNumber>{TERMINAL}</terminalNumber><cardId>{token}</cardId>\
         <cardExpiration>0228</cardExpiration><total>300</total>\
         <transactionType>Debit</transactionType><creditType>RegularCredit</creditType>\
         <currency>ILS</currency><transactionCode>Phone</transactionCode>\
         <validation>AutoComm</validation>"
    );
    let second = command(&sandbox, "doDeal", &by_token).await;
    assert_eq!(second.text_at("result"), "000");
    let d = second.at("doDeal");
    assert_eq!(d.text_at("cardId"), token);
    assert_eq!(d.text_at("cardMask"), "411111******1111");
    assert_eq!(d.text_at("cardNo"), "xxxxxxxxxxxx1111");
    // A token the sandbox never issued: accepted, its card unknown.
    let unknown = by_token.replace(&token, "9999888877776666");
    let third = command(&sandbox, "doDeal", &unknown).await;
    assert_eq!(third.text_at("result"), "000");
    assert_eq!(third.text_at("doDeal/cardMask"), "");
    // Both deals on the token are found by it.
    let rows = inquire(&sandbox, &format!("<cardId>{token}</cardId>")).await;
    let totals: Vec<String> = rows.iter().map(|r| r.text_at("total")).collect();
    assert_eq!(totals, ["1000", "300"]);
}

// --- Cancellations --------------------------------------------------------------------------

#[tokio::test]
async fn a_cancelled_deal_cannot_be_refunded() {
    let sandbox = Sandbox::start().await.unwrap();
    let d = deal(&sandbox, 5000, "").await;
    let tran_id = d.text_at("tranId");
    let cancel = command(&sandbox, "cancelDeal", &by_tran_id(&tran_id)).await;
    assert_eq!(cancel.text_at("result"), "000", "{cancel:#?}");
    // The cancellation is a transaction of its own, linked to the deal by cgUid.
    assert_ne!(cancel.text_at("tranId"), tran_id);
    let c = cancel.at("cancelDeal");
    assert_eq!(c.text_at("transactionType"), "Cancel");
    assert_eq!(c.text_at("cgUid"), d.text_at("doDeal/cgUid"));
    assert_eq!(c.text_at("total"), "5000");
    assert_eq!(c.text_at("cardMask"), "411111******1111");
    let refused = command(&sandbox, "refundDeal", &refund(&tran_id, 5000)).await;
    assert_eq!(refused.text_at("result"), "310");
    assert_eq!(sandbox.applied(API, "refundDeal"), 0);
    let rows = inquire(&sandbox, &format!("<cgUid>{}</cgUid>", c.text_at("cgUid"))).await;
    let kinds: Vec<String> = rows.iter().map(|r| r.text_at("status")).collect();
    assert_eq!(kinds, ["000", "000", "310"]);
    assert_eq!(rows[2].text_at("financialStatus"), "Rejected");
}

#[tokio::test]
async fn a_deal_cannot_be_cancelled_twice() {
    let sandbox = Sandbox::start().await.unwrap();
    let tran_id = deal(&sandbox, 5000, "").await.text_at("tranId");
    let first = command(&sandbox, "cancelDeal", &by_tran_id(&tran_id)).await;
    assert_eq!(first.text_at("result"), "000");
    let again = command(&sandbox, "cancelDeal", &by_tran_id(&tran_id)).await;
    assert_eq!(again.text_at("result"), "310");
    assert_eq!(again.at("cancelDeal").text_at("status"), "310");
    assert_eq!(sandbox.applied(API, "cancelDeal"), 1);
}

#[tokio::test]
async fn cancelling_an_unknown_deal_is_an_error() {
    let sandbox = Sandbox::start().await.unwrap();
    let r = command(&sandbox, "cancelDeal", &by_tran_id("118374610")).await;
    assert_eq!(r.text_at("result"), "310");
    assert_ne!(r.text_at("message"), "Permitted transaction");
    assert_eq!(sandbox.received(API, "cancelDeal"), 1);
    assert_eq!(sandbox.applied(API, "cancelDeal"), 0);
    // Control: a deal the sandbox made is cancelled.
    let tran_id = deal(&sandbox, 100, "").await.text_at("tranId");
    let r = command(&sandbox, "cancelDeal", &by_tran_id(&tran_id)).await;
    assert_eq!(r.text_at("result"), "000");
}

/// cancelDeal looks a deal up by `tranId` or `cgUid`; `tranId` wins and the other lookup
/// elements are ignored (vendor-notes §2.1, cancelDeal).
#[tokio::test]
async fn cancel_deal_finds_the_deal_by_cg_uid_and_a_tran_id_wins_over_it() {
    let sandbox = Sandbox::start().await.unwrap();
    let a = deal(&sandbox, 1000, "").await;
    let b = deal(&sandbox, 2000, "").await;
    let (a_tran, b_uid) = (a.text_at("tranId"), b.text_at("doDeal/cgUid"));
    // Both given: the tranId's deal (a) is cancelled, not the cgUid's (b).
    let both = format!("{}<cgUid>{b_uid}</cgUid>", by_tran_id(&a_tran));
    let r = command(&sandbox, "cancelDeal", &both).await;
    assert_eq!(r.text_at("result"), "000");
    assert_eq!(r.text_at("cancelDeal/cgUid"), a.text_at("doDeal/cgUid"));
    let r = command(&sandbox, "refundDeal", &refund(&a_tran, 100)).await;
    assert_eq!(r.text_at("result"), "310");
    let r = command(&sandbox, "refundDeal", &refund(&b.text_at("tranId"), 100)).await;
    assert_eq!(r.text_at("result"), "000");
    // By cgUid alone: b is found and cancelled.
    let by_uid = format!("<terminalNumber>{TERMINAL}</terminalNumber><cgUid>{b_uid}</cgUid>");
    let r = command(&sandbox, "cancelDeal", &by_uid).await;
    assert_eq!(r.text_at("result"), "000");
    assert_eq!(r.text_at("cancelDeal/cgUid"), b_uid);
    let r = command(&sandbox, "refundDeal", &refund(&b.text_at("tranId"), 100)).await;
    assert_eq!(r.text_at("result"), "310");
    // A cgUid naming nothing cancellable is the unknown deal's error.
    let r = command(&sandbox, "cancelDeal", &by_uid).await;
    assert_eq!(r.text_at("result"), "310");
    let none = format!("<terminalNumber>{TERMINAL}</terminalNumber><cgUid>1</cgUid>");
    let r = command(&sandbox, "cancelDeal", &none).await;
    assert_eq!(r.text_at("result"), "310");
}

// --- Resends (mayBeDuplicate) ---------------------------------------------------------------

fn resend(request_id: &str) -> Vec<(&str, &str)> {
    vec![
        ("version", "2000"),
        ("language", "ENG"),
        ("mayBeDuplicate", "1"),
        ("requestId", request_id),
    ]
}

#[tokio::test]
async fn an_identical_resend_replays_the_first_answer_and_applies_once() {
    let sandbox = Sandbox::start().await.unwrap();
    let first = send(&sandbox, "doDeal", &resend("R-1"), &card_charge(700, "")).await;
    let again = send(&sandbox, "doDeal", &resend("R-1"), &card_charge(700, "")).await;
    assert_eq!(again.text_at("result"), "000");
    assert_eq!(again.text_at("tranId"), first.text_at("tranId"));
    assert_eq!(again.at("doDeal"), first.at("doDeal"));
    assert_eq!(sandbox.received(API, "doDeal"), 2);
    assert_eq!(sandbox.applied(API, "doDeal"), 1);
    assert_eq!(inquire(&sandbox, "").await.len(), 1);
}

#[tokio::test]
async fn a_different_request_under_the_same_request_id_is_not_a_replay() {
    let sandbox = Sandbox::start().await.unwrap();
    let first = send(&sandbox, "doDeal", &resend("R-2"), &card_charge(700, "")).await;
    let other = send(&sandbox, "doDeal", &resend("R-2"), &card_charge(900, "")).await;
    assert_eq!(other.text_at("result"), "000");
    assert_ne!(other.text_at("tranId"), first.text_at("tranId"));
    assert_eq!(other.text_at("doDeal/total"), "900");
    assert_eq!(sandbox.applied(API, "doDeal"), 2);
    // ...and an identical resend of the second replays the second.
    let again = send(&sandbox, "doDeal", &resend("R-2"), &card_charge(900, "")).await;
    assert_eq!(again.text_at("tranId"), other.text_at("tranId"));
    assert_eq!(sandbox.applied(API, "doDeal"), 2);
}

#[tokio::test]
async fn without_may_be_duplicate_an_identical_request_is_a_new_deal() {
    let sandbox = Sandbox::start().await.unwrap();
    let envelope = [
        ("version", "2000"),
        ("language", "ENG"),
        ("requestId", "R-3"),
    ];
    let first = send(&sandbox, "doDeal", &envelope, &card_charge(700, "")).await;
    let second = send(&sandbox, "doDeal", &envelope, &card_charge(700, "")).await;
    assert_ne!(second.text_at("tranId"), first.text_at("tranId"));
    assert_eq!(sandbox.applied(API, "doDeal"), 2);
}
