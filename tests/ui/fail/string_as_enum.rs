// Enumerated fields take the enum, not its wire text: `"ILS"` is rejected where the `Currency`
// enum is required, so a typo such as "ILs" or "EUR" cannot reach the vendor.

use hyp_api::hyper_erp::{DepositFiatRequest, DepositFiatRequired, PaymentMethod};
use hyp_api::{Decimal, Money, SecretString};

fn main() {
    let _req = DepositFiatRequest::new(DepositFiatRequired {
        client_number: 500_608.into(),
        api_password: SecretString::from("api-password".to_string()),
        ticket_id: "{F454E096-D080-40FD-A36B-156F4B999124}".into(),
        bank_enum: 3.into(),
        method: PaymentMethod::CreditCard,
        currency: "ILS",
        amount: Money::new(Decimal::new(350_000, 2)),
        usd_convert_rate: Decimal::ONE,
        end_user_ip: "82.81.138.8".into(),
    });
}
