// The one Hyp Pay amount in agorot: a J4 capture's `inputObj.originalAmount` takes `MinorUnits`,
// and an amount in major units (`Money`, shekels) is rejected, so an authorization of 15.00 ILS
// cannot be declared as 15 agorot.

use hyp_api::pay::{CaptureRequest, CaptureRequired};
use hyp_api::{Decimal, Money};

fn main() {
    let _req = CaptureRequest::new(CaptureRequired {
        auth_num: "0463077".into(),
        original_amount: Money::new(Decimal::new(1500, 2)),
        original_uid: "26031819235508822860136".into(),
        amount: Money::new(Decimal::new(15, 0)),
        cc: hyp_api::CardToken::new("4652588708969300772"),
        tmonth: "05".into(),
        tyear: "31".into(),
        user_id: "000000000".into(),
        client_name: "Jenny".into(),
        info: "final charge".into(),
    });
}
