// The one Hyp Pay amount in agorot: a J4 capture's `inputObj.originalAmount` takes `MinorUnits`,
// and an amount in major units (`Money`, shekels) is rejected, so an authorization of 15.00 ILS
// cannot be declared as 15 agorot.

use hyp_api::pay::CaptureRequest;
use hyp_api::{Decimal, Money, SecretString};

fn main() {
    let _req = CaptureRequest::new(
        "0010345518",
        SecretString::from("your-api-password".to_string()),
        "0463077",
        Money::new(Decimal::new(1500, 2)),
        "26031819235508822860136",
        Money::new(Decimal::new(15, 0)),
        SecretString::from("4652588708969300772".to_string()),
        "05",
        "31",
        "000000000",
        "Jenny",
        "final charge",
    );
}
