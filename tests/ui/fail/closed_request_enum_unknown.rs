// Enums sent in requests are closed: `Currency` has only the documented values and no
// `Unknown(raw)` variant, so an undocumented currency cannot be sent.

use hyp_api::hyper_erp::Currency;

fn main() {
    let _currency = Currency::Unknown("EUR".into());
}
