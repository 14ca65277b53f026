// Hyp Pay amounts are major units (`Amount=10` is 10.00 ILS): `MinorUnits` (agorot) are rejected
// where `Money` is expected, so a 10.00 ILS refund cannot be sent as 1000 ILS.

use hyp_api::pay::{RefundRequest, RefundRequired};
use hyp_api::MinorUnits;

fn main() {
    let _req = RefundRequest::new(RefundRequired {
        trans_id: "12290620".into(),
        amount: MinorUnits::new(1000),
    });
}
