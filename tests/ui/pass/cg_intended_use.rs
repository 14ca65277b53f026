// The intended use of the CreditGuard API: a payment-page doDeal in agorot with the password as
// a secret, a resend-safe charge, an inquiry, and the redirect check.

use hyp_api::creditguard::{
    Client, CreditType, DoDealRequest, InquireTransactionsRequest, Language, TransactionCode,
    TransactionType, Validation, verify_redirect_mac,
};
use hyp_api::{MacVerdict, MinorUnits, SecretString};

fn main() {
    let password = SecretString::from("pw".to_string());
    let _client = Client::builder("https://cguat2.creditguard.co.il", "user", password.clone())
        .build()
        .expect("client");
    let _page = DoDealRequest::new(
        Language::Heb,
        "0882819014",
        MinorUnits::new(11400),
        TransactionType::Debit,
        CreditType::RegularCredit,
        "ILS",
        TransactionCode::Internet,
        Validation::TxnSetup,
    )
    .card_no(SecretString::from("CGMPI".to_string()))
    .mpi_validation(Validation::AutoComm)
    .may_be_duplicate(true)
    .request_id("REQ-1");
    let _inquiry = InquireTransactionsRequest::new(Language::Eng, "0882819014").cg_uid("118664947");
    let verdict = verify_redirect_mac(&password, &[("txId".to_string(), "t".to_string())]);
    match verdict {
        MacVerdict::Valid => {}
        MacVerdict::Invalid | MacVerdict::Missing => {}
    }
}
