// A payout needs the credit password `zPass` (from Hyp support): the constructor has no form
// without it, and a request cannot be built field by field (`#[non_exhaustive]`).

use hyp_api::pay::PayoutRequest;
use hyp_api::{Decimal, Money, SecretString};

fn main() {
    let _req = PayoutRequest::new(
        "0010345518",
        SecretString::from("your-api-password".to_string()),
        SecretString::from("4724478937284730772".to_string()),
        Money::new(Decimal::new(10, 0)),
        "05",
        "31",
        "203269535",
        "Jenny",
        "payout",
    );
}
