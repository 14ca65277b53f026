// A required field cannot be left out: required fields are arguments of `new`, so a request
// without one (here `end_user_ip`, wire `End_user_IP`) does not compile.

use hyp_api::hyper_erp::{Currency, DepositFiatRequest, PaymentMethod};
use hyp_api::{Decimal, Money, SecretString};

fn main() {
    let _req = DepositFiatRequest::new(
        500_608,
        SecretString::from("api-password".to_string()),
        "{F454E096-D080-40FD-A36B-156F4B999124}",
        3,
        PaymentMethod::CreditCard,
        Currency::Ils,
        Money::new(Decimal::new(350_000, 2)),
        Decimal::ONE,
    );
}
