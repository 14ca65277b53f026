// Enumerated fields take the enum, not its wire text: `"ILS"` is rejected where the `Currency`
// enum is required, so a typo such as "ILs" or "EUR" cannot reach the vendor.

use hyp_api::hyper_erp::{DepositFiatRequest, PaymentMethod};
use hyp_api::{Decimal, Money, SecretString};

fn main() {
    let _req = DepositFiatRequest::new(
        500_608,
        SecretString::from("api-password".to_string()),
        "{F454E096-D080-40FD-A36B-156F4B999124}",
        3,
        PaymentMethod::CreditCard,
        "ILS",
        Money::new(Decimal::new(350_000, 2)),
        Decimal::ONE,
        "82.81.138.8",
    );
}
