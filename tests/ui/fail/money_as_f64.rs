// Money is never a float: an `f64` amount is rejected where `Money` is expected.

use hyp_api::hyper_erp::{Currency, DepositFiatRequest, DepositFiatRequired, PaymentMethod};
use hyp_api::{Decimal, SecretString};

fn main() {
    let _req = DepositFiatRequest::new(DepositFiatRequired {
        client_number: 500_608.into(),
        api_password: SecretString::from("api-password".to_string()),
        ticket_id: "{F454E096-D080-40FD-A36B-156F4B999124}".into(),
        bank_enum: 3.into(),
        method: PaymentMethod::CreditCard,
        currency: Currency::Ils,
        amount: 3500.0_f64,
        usd_convert_rate: Decimal::ONE,
        end_user_ip: "82.81.138.8".into(),
    });
}
