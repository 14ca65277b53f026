// Major and minor units are different types: agorot/cents (`MinorUnits`) are rejected where an
// amount in shekels/dollars (`Money`) is expected, so 3500.00 ILS cannot be sent as 350000 ILS.

use hyp_api::hyper_erp::{Currency, DepositFiatRequest, PaymentMethod};
use hyp_api::{Decimal, MinorUnits, SecretString};

fn main() {
    let _req = DepositFiatRequest::new(
        500_608,
        SecretString::from("api-password".to_string()),
        "{F454E096-D080-40FD-A36B-156F4B999124}",
        3,
        PaymentMethod::CreditCard,
        Currency::Ils,
        MinorUnits::new(350_000),
        Decimal::ONE,
        "82.81.138.8",
    );
}
