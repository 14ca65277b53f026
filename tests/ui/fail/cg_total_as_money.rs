// CreditGuard amounts are agorot/cents: `total` takes `MinorUnits`, and an amount in major units
// (`Money`, shekels) is rejected, so 114.00 ILS cannot be sent as 114 agorot (or 11400 ILS as
// 11400 shekels).

use hyp_api::creditguard::{
    CreditType, DoDealRequest, DoDealRequired, Language, TransactionCode, TransactionType,
    Validation,
};
use hyp_api::{Decimal, Money};

fn main() {
    let _req = DoDealRequest::new(DoDealRequired {
        language: Language::Eng,
        terminal_number: "0882819014".into(),
        total: Money::new(Decimal::new(11400, 2)),
        transaction_type: TransactionType::Debit,
        credit_type: CreditType::RegularCredit,
        currency: "ILS".into(),
        transaction_code: TransactionCode::Internet,
        validation: Validation::TxnSetup,
    });
}
