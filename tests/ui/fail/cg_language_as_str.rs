// The request language is the closed `Language` enum (`HEB` or `ENG`): its wire text `"ENG"` is
// rejected, so a spelling the vendor does not accept ("Eng", "EN") cannot be sent.

use hyp_api::creditguard::{InquireTransactionsRequest, InquireTransactionsRequired};

fn main() {
    let _req = InquireTransactionsRequest::new(InquireTransactionsRequired {
        language: "ENG",
        terminal_number: "0882819014".into(),
    });
}
