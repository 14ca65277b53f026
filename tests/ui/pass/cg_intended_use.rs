// The intended use of the CreditGuard API: a payment-page doDeal in agorot with the password as
// a secret, a resend-safe charge, an inquiry (by cgUid, and by the page's `token` as its
// `mpiTransactionId`), and the redirect check.

use hyp_api::creditguard::{
    Client, CreditType, DoDealRequest, DoDealRequired, DoDealResponse,
    InquireTransactionsRequest, InquireTransactionsRequired, Language, TransactionCode,
    TransactionType, UniqueId, Validation, verify_redirect_mac,
};

/// The inquiry that finds a payment page's deals: the setup answer's `token` is passed on as
/// the `mpiTransactionId` it is, and the merchant's `uniqueid` comes back typed.
#[allow(dead_code)]
fn find_page_deals(setup: &DoDealResponse, sent: &UniqueId) -> Option<InquireTransactionsRequest> {
    if setup.uniqueid.as_ref() != Some(sent) {
        return None;
    }
    let token = setup.token.clone()?;
    Some(
        InquireTransactionsRequest::new(InquireTransactionsRequired {
            language: Language::Eng,
            terminal_number: "0882819014".into(),
        })
        .query_name("mpiTransaction")
        .mpi_transaction_id(token),
    )
}
use hyp_api::{MacVerdict, MinorUnits, SecretString};

fn main() {
    let password = SecretString::from("pw".to_string());
    let _client = Client::builder("https://cguat2.creditguard.co.il", "user", password.clone())
        .build()
        .expect("client");
    let _page = DoDealRequest::new(DoDealRequired {
        language: Language::Heb,
        terminal_number: "0882819014".into(),
        total: MinorUnits::new(11400),
        transaction_type: TransactionType::Debit,
        credit_type: CreditType::RegularCredit,
        currency: "ILS".into(),
        transaction_code: TransactionCode::Internet,
        validation: Validation::TxnSetup,
    })
    .card_no(hyp_api::Pan::new("CGMPI"))
    .mpi_validation(Validation::AutoComm)
    .may_be_duplicate(true)
    .request_id("REQ-1")
    .uniqueid(UniqueId::new("order-2025-0001"));
    let _inquiry = InquireTransactionsRequest::new(InquireTransactionsRequired {
        language: Language::Eng,
        terminal_number: "0882819014".into(),
    })
    .cg_uid("118664947");
    let verdict = verify_redirect_mac(&password, &[("txId".to_string(), "t".to_string())]);
    match verdict {
        MacVerdict::Valid => {}
        MacVerdict::Invalid | MacVerdict::Missing => {}
    }
}
