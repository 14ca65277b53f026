// A payout needs the credit password `zPass` (from Hyp support): it is a field of
// `PayoutRequired`, so a payout without it does not compile, and a request cannot be built
// field by field (`#[non_exhaustive]`).

use hyp_api::pay::{PayoutRequest, PayoutRequired};
use hyp_api::{Decimal, Money};

fn main() {
    let _req = PayoutRequest::new(PayoutRequired {
        cc: hyp_api::CardToken::new("4724478937284730772"),
        amount: Money::new(Decimal::new(10, 0)),
        tmonth: "05".into(),
        tyear: "31".into(),
        user_id: "203269535".into(),
        client_name: "Jenny".into(),
        info: "payout".into(),
    });
}
