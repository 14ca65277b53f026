// Money is never a float: an `f64` amount is rejected where `Money` is expected.

use hyp_api::hyper_erp::{Currency, DepositFiatRequest, PaymentMethod};
use hyp_api::{Decimal, SecretString};

fn main() {
    let _req = DepositFiatRequest::new(
        500_608,
        SecretString::from("api-password".to_string()),
        "{F454E096-D080-40FD-A36B-156F4B999124}",
        3,
        PaymentMethod::CreditCard,
        Currency::Ils,
        3500.0_f64,
        Decimal::ONE,
        "82.81.138.8",
    );
}
