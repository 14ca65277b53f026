// A CreditGuard terminal number and a cgUid are both digit strings; each is its own type
// (`TerminalNumber`, `CgUid`, spec/creditguard/types.yaml), so an inquiry cannot be sent for
// the terminal a cgUid names, nor filtered by a terminal number given as the cgUid.

use hyp_api::creditguard::{
    CgUid, InquireTransactionsRequest, InquireTransactionsRequired, Language, TerminalNumber,
};

fn main() {
    let terminal = TerminalNumber::new("0882819014");
    let uid = CgUid::new("118664947");
    let _req = InquireTransactionsRequest::new(InquireTransactionsRequired {
        language: Language::Eng,
        terminal_number: uid,
    })
    .cg_uid(terminal);
}
