// A CreditGuard `tranId` and an `authNumber` are both digit strings that a refund may look a
// deal up by; each is its own type (`TranId`, `AuthNumber`, spec/creditguard/types.yaml), so the
// refund cannot name the wrong deal by a swap.

use hyp_api::creditguard::{
    AuthNumber, Language, RefundDealRequest, RefundDealRequired, TerminalNumber, TranId,
};

fn main() {
    let tran = TranId::new("118664958");
    let auth = AuthNumber::new("4397830");
    let _refund = RefundDealRequest::new(RefundDealRequired {
        language: Language::Eng,
        terminal_number: TerminalNumber::new("0882819014"),
    })
    .tran_id(auth)
    .auth_number(tran);
}
