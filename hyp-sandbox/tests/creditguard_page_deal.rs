//! A paid CreditGuard payment page is a real deal, at the wire: the setup (001 § Request, the
//! payment-page example) → the page paid → the redirect (its `responseMac` verified with
//! hyp-api's `verify_redirect_mac`) → `inquireTransactions` lists the setup row and the charge
//! row linked as the doc's example rows are (001 § Response: the charge row's `cgUid` is the
//! setup's `tranId`, both share `mpiTransactionId`) → the charge is refunded and cancelled like
//! any deal (vendor-notes §2.1). Raw form POSTs, raw XML read by the tests' own parser.

mod cg_xml;

use cg_xml::page::*;
use cg_xml::*;
use hyp_api::MacVerdict;
use hyp_api::creditguard::verify_redirect_mac;
use hyp_sandbox::Sandbox;

fn by_cg_uid(cg_uid: &str) -> String {
    format!("<terminalNumber>{TERMINAL}</terminalNumber><cgUid>{cg_uid}</cgUid>")
}

/// Pays a fresh page: the setup's answer, the page's token and the redirect's parameters
/// (checked with the vendor's MAC recipe).
async fn paid_page(sandbox: &Sandbox, unique: &str) -> (El, String, Vec<(String, String)>) {
    let set_up = page(sandbox, unique, "").await;
    let (_, params) = submit(&set_up.url, "pay").await;
    let password = hyp_api::SecretString::from(PASSWORD.to_string());
    assert_eq!(verify_redirect_mac(&password, &params), MacVerdict::Valid);
    (set_up.answer, set_up.token, params)
}

#[tokio::test]
async fn a_paid_page_is_a_deal_linked_to_its_setup_and_listed_by_the_inquiry() {
    let sandbox = Sandbox::start().await.unwrap();
    let (setup, token, params) = paid_page(&sandbox, "order-90").await;
    let setup_tran = setup.text_at("tranId");
    // The setup's cgUid is its own tranId (the doc's setup row); the redirect carries it.
    assert_eq!(setup.text_at("doDeal/cgUid"), setup_tran);
    assert_eq!(get(&params, "cgUid"), setup_tran);
    assert_eq!(get(&params, "txId"), token);
    let card_token = get(&params, "cardToken");
    assert_eq!(card_token.len(), 16, "{params:?}");
    assert!(card_token.bytes().all(|b| b.is_ascii_digit()));
    assert!(!get(&params, "authNumber").is_empty());

    // By cgUid: the setup row and the charge row, in the order they were made.
    let rows = inquire(&sandbox, &format!("<cgUid>{setup_tran}</cgUid>")).await;
    assert_eq!(rows.len(), 2, "{rows:#?}");
    let (set_row, charge) = (&rows[0], &rows[1]);
    assert_eq!(set_row.text_at("tranId"), setup_tran);
    assert_eq!(set_row.text_at("validation"), "TxnSetup");
    assert_eq!(set_row.text_at("token"), token);
    let charge_tran = charge.text_at("tranId");
    assert_ne!(charge_tran, setup_tran);
    assert_eq!(charge.text_at("status"), "000");
    assert_eq!(charge.text_at("cgUid"), setup_tran);
    assert_eq!(charge.text_at("mpiTransactionId"), token);
    assert_eq!(charge.text_at("validation"), "AutoComm");
    assert_eq!(charge.at("validation").attr("code"), Some("4"));
    assert_eq!(charge.text_at("transactionType"), "AuthCredit");
    assert_eq!(charge.at("transactionType").attr("code"), Some("53"));
    assert_eq!(charge.text_at("cardId"), card_token);
    assert_eq!(charge.text_at("authNumber"), get(&params, "authNumber"));
    assert_eq!(charge.text_at("cardMask"), "458045******4580");
    assert_eq!(charge.text_at("cardNo"), "xxxxxxxxxxxx4580");
    assert_eq!(charge.text_at("cardExpiration"), "0228");
    assert_eq!(charge.text_at("total"), "11400");
    assert_eq!(charge.text_at("financialStatus"), "Other");
    // The charge row has no page elements (only the setup row has them, as in the doc).
    assert!(charge.child("mpiHostedPageUrl").is_none());
    // By its own tranId: exactly the charge.
    let one = inquire(&sandbox, &format!("<tranId>{charge_tran}</tranId>")).await;
    assert_eq!(one.len(), 1);
    assert_eq!(one[0], *charge);
}

#[tokio::test]
async fn a_paid_page_is_refunded_up_to_its_total_then_cancelled_by_cg_uid() {
    let sandbox = Sandbox::start().await.unwrap();
    let (setup, _, params) = paid_page(&sandbox, "order-91").await;
    let cg_uid = get(&params, "cgUid").to_string();
    let rows = inquire(&sandbox, &format!("<cgUid>{cg_uid}</cgUid>")).await;
    let charge_tran = rows[1].text_at("tranId");
    // The setup itself moved no money: nothing to refund against it.
    let refund = |tran: &str, total: u32| format!("{}<total>{total}</total>", by_tran_id(tran));
    let r = command(
        &sandbox,
        "refundDeal",
        &refund(&setup.text_at("tranId"), 100),
    )
    .await;
    assert_eq!(r.text_at("result"), "310");
    // The charge is: partly, then not beyond what is left (11400 - 4000 = 7400).
    let r = command(&sandbox, "refundDeal", &refund(&charge_tran, 4000)).await;
    assert_eq!(r.text_at("result"), "000", "{r:#?}");
    assert_eq!(r.text_at("refundDeal/cgUid"), cg_uid);
    assert_eq!(r.text_at("refundDeal/transactionType"), "Refund");
    let r = command(&sandbox, "refundDeal", &refund(&charge_tran, 7401)).await;
    assert_eq!(r.text_at("result"), "310");
    // cancelDeal by cgUid alone finds the charge (not the setup, not the refund).
    let r = command(&sandbox, "cancelDeal", &by_cg_uid(&cg_uid)).await;
    assert_eq!(r.text_at("result"), "000", "{r:#?}");
    assert_eq!(r.text_at("cancelDeal/transactionType"), "Cancel");
    assert_eq!(r.text_at("cancelDeal/cgUid"), cg_uid);
    // A cancelled deal is neither refunded nor cancelled again, by either id.
    let r = command(&sandbox, "refundDeal", &refund(&charge_tran, 100)).await;
    assert_eq!(r.text_at("result"), "310");
    let r = command(&sandbox, "cancelDeal", &by_tran_id(&charge_tran)).await;
    assert_eq!(r.text_at("result"), "310");
    let r = command(&sandbox, "cancelDeal", &by_cg_uid(&cg_uid)).await;
    assert_eq!(r.text_at("result"), "310");
    // The cancellation is a transaction of its own, linked by cgUid (the refused calls are
    // rows too, Rejected, as the doc's refused refund row is).
    let rows = inquire(&sandbox, &format!("<cgUid>{cg_uid}</cgUid>")).await;
    let approved: Vec<String> = rows
        .iter()
        .filter(|r| r.text_at("status") == "000")
        .map(|r| r.text_at("transactionType"))
        .collect();
    assert_eq!(
        approved,
        ["RegularCredit", "AuthCredit", "Refund", "Cancel"]
    );
    let rejected = rows.iter().filter(|r| r.text_at("status") == "310");
    assert!(rejected.clone().count() == 5);
    assert!(
        rejected
            .into_iter()
            .all(|r| r.text_at("financialStatus") == "Rejected")
    );
}

#[tokio::test]
async fn the_paid_pages_card_token_charges_the_same_card_again() {
    let sandbox = Sandbox::start().await.unwrap();
    let (_, _, params) = paid_page(&sandbox, "order-92").await;
    let again = format!(
        "<terminalNumber>{TERMINAL}</terminalNumber><cardId>{}</cardId>\
         <cardExpiration>{}</cardExpiration><total>500</total>\
         <transactionType>Debit</transactionType><creditType>RegularCredit</creditType>\
         <currency>ILS</currency><transactionCode>Internet</transactionCode>\
         <validation>AutoComm</validation>",
        get(&params, "cardToken"),
        get(&params, "cardExp")
    );
    let r = command(&sandbox, "doDeal", &again).await;
    assert_eq!(r.text_at("result"), "000", "{r:#?}");
    assert_eq!(r.text_at("doDeal/cardMask"), "458045******4580");
}

#[tokio::test]
async fn a_declined_page_makes_no_deal() {
    let sandbox = Sandbox::start().await.unwrap();
    let set_up = page(&sandbox, "order-93", "").await;
    let (_, params) = submit(&set_up.url, "decline").await;
    assert_eq!(get(&params, "ErrorCode"), "004");
    let cg_uid = set_up.answer.text_at("tranId");
    assert_eq!(get(&params, "cgUid"), cg_uid);
    let rows = inquire(&sandbox, &format!("<cgUid>{cg_uid}</cgUid>")).await;
    assert_eq!(rows.len(), 1, "only the setup: {rows:#?}");
    assert_eq!(rows[0].text_at("validation"), "TxnSetup");
    // Nothing to cancel by its cgUid either: the setup is no deal to cancel.
    let r = command(&sandbox, "cancelDeal", &by_cg_uid(&cg_uid)).await;
    assert_eq!(r.text_at("result"), "310");
    assert_eq!(
        inquire(&sandbox, "").await.len(),
        2,
        "the setup and the refused cancel"
    );
}

#[tokio::test]
async fn a_resent_setup_with_may_be_duplicate_answers_the_same_page() {
    let sandbox = Sandbox::start().await.unwrap();
    let envelope = [
        ("version", "2000"),
        ("language", "ENG"),
        ("mayBeDuplicate", "1"),
        ("requestId", "setup-7"),
    ];
    let children = setup_deal(11400, "order-94", "");
    let first = send(&sandbox, "doDeal", &envelope, &children).await;
    let again = send(&sandbox, "doDeal", &envelope, &children).await;
    assert_eq!(first.text_at("result"), "000");
    assert_eq!(again, first, "the first answer, re-sent");
    let token = first.text_at("doDeal/token");
    assert!(!token.is_empty());
    assert!(first.text_at("doDeal/mpiHostedPageUrl").ends_with(&token));
    // One page, one setup: the resend made nothing new.
    assert_eq!(inquire(&sandbox, "").await.len(), 1);
    let (_, params) = submit(&first.text_at("doDeal/mpiHostedPageUrl"), "pay").await;
    assert_eq!(get(&params, "txId"), token);
}
