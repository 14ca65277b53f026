// The API_Password is a secret: neither a plain `String` nor a `&str` is accepted where the
// `SecretString` is expected, so a password cannot end up in a field that `Debug` would print.

use hyp_api::hyper_erp::{Currency, DepositFiatRequest, PaymentMethod};
use hyp_api::{Decimal, Money};

fn main() {
    let _from_string = DepositFiatRequest::new(
        500_608,
        "api-password".to_string(),
        "{F454E096-D080-40FD-A36B-156F4B999124}",
        3,
        PaymentMethod::CreditCard,
        Currency::Ils,
        Money::new(Decimal::new(350_000, 2)),
        Decimal::ONE,
        "82.81.138.8",
    );
    let _from_str = DepositFiatRequest::new(
        500_608,
        "api-password",
        "{F454E096-D080-40FD-A36B-156F4B999124}",
        3,
        PaymentMethod::CreditCard,
        Currency::Ils,
        Money::new(Decimal::new(350_000, 2)),
        Decimal::ONE,
        "82.81.138.8",
    );
}
