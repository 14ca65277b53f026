// A required field cannot be left out: required fields are named in the request's `…Required`
// struct, so a request without one (here `end_user_ip`, wire `End_user_IP`) does not compile,
// and rustc names the missing field.

use hyp_api::hyper_erp::{Currency, DepositFiatRequest, DepositFiatRequired, PaymentMethod};
use hyp_api::{Decimal, Money, SecretString};

fn main() {
    let _req = DepositFiatRequest::new(DepositFiatRequired {
        client_number: 500_608.into(),
        api_password: SecretString::from("api-password".to_string()),
        ticket_id: "{F454E096-D080-40FD-A36B-156F4B999124}".into(),
        bank_enum: 3.into(),
        method: PaymentMethod::CreditCard,
        currency: Currency::Ils,
        amount: Money::new(Decimal::new(350_000, 2)),
        usd_convert_rate: Decimal::ONE,
    });
}
