// Responses come only from the vendor: a response struct is `#[non_exhaustive]`, so code
// outside hyp-api cannot make one with a struct literal (and pass it off as a real answer).

use hyp_api::hyper_erp::DepositFiatResponse;

fn main() {
    let _response = DepositFiatResponse { receipt_num: 1 };
}
