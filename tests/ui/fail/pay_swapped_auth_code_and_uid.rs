// A J4 capture takes two values from the J5 authorization's answer: its `ACode` (sent as
// `AuthNum`) and its `UID` (sent as `inputObj.originalUid`), both digit strings. Each is its own
// type (`AuthCode`, `Uid`, spec/pay/types.yaml), so the two cannot be swapped.

use hyp_api::pay::{AuthCode, CaptureRequest, CaptureRequired, Uid};
use hyp_api::{CardToken, MinorUnits, Money};

fn main() {
    let acode = AuthCode::new("0463077");
    let uid = Uid::new("26031819235508822860136");
    let _capture = CaptureRequest::new(CaptureRequired {
        auth_num: uid,
        original_amount: MinorUnits::new(1500),
        original_uid: acode,
        amount: Money::new("15".parse().unwrap()),
        cc: CardToken::new("4652588708969300772"),
        tmonth: "05".into(),
        tyear: "31".into(),
        user_id: "000000000".into(),
        client_name: "Jenny".into(),
        info: "final charge".into(),
    });
}
