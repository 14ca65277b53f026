// A payment-page doDeal carries two ids the merchant makes: `requestId` (the resend key of
// `mayBeDuplicate`) and `uniqueid` (its own id of the deal, given back on the answer, the rows
// and the redirect). Each is its own type (`RequestId`, `UniqueId`,
// spec/creditguard/types.yaml), so one cannot be given where the other goes.

use hyp_api::creditguard::{
    CreditType, DoDealRequest, DoDealRequired, Language, RequestId, TransactionCode,
    TransactionType, UniqueId, Validation,
};
use hyp_api::MinorUnits;

fn main() {
    let request_id = RequestId::new("REQ-1");
    let unique = UniqueId::new("order-2025-0001");
    let _page = DoDealRequest::new(DoDealRequired {
        language: Language::Eng,
        terminal_number: "0882819014".into(),
        total: MinorUnits::new(11400),
        transaction_type: TransactionType::Debit,
        credit_type: CreditType::RegularCredit,
        currency: "ILS".into(),
        transaction_code: TransactionCode::Internet,
        validation: Validation::TxnSetup,
    })
    .may_be_duplicate(true)
    .request_id(unique)
    .uniqueid(request_id);
}
