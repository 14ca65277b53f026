// CreditGuard amounts are agorot/cents: `total` takes `MinorUnits`, and an amount in major units
// (`Money`, shekels) is rejected, so 114.00 ILS cannot be sent as 114 agorot (or 11400 ILS as
// 11400 shekels).

use hyp_api::creditguard::{
    CreditType, DoDealRequest, Language, TransactionCode, TransactionType, Validation,
};
use hyp_api::{Decimal, Money};

fn main() {
    let _req = DoDealRequest::new(
        Language::Eng,
        "0882819014",
        Money::new(Decimal::new(11400, 2)),
        TransactionType::Debit,
        CreditType::RegularCredit,
        "ILS",
        TransactionCode::Internet,
        Validation::TxnSetup,
    );
}
