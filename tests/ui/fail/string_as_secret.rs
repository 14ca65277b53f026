// The API_Password is a secret: neither a plain `String` nor a `&str` is accepted where the
// `SecretString` is expected, so a password cannot end up in a field that `Debug` would print.

use hyp_api::hyper_erp::{Currency, DepositFiatRequest, DepositFiatRequired, PaymentMethod};
use hyp_api::{Decimal, Money};

fn main() {
    let _from_string = DepositFiatRequest::new(DepositFiatRequired {
        client_number: 500_608.into(),
        api_password: "api-password".to_string(),
        ticket_id: "{F454E096-D080-40FD-A36B-156F4B999124}".into(),
        bank_enum: 3.into(),
        method: PaymentMethod::CreditCard,
        currency: Currency::Ils,
        amount: Money::new(Decimal::new(350_000, 2)),
        usd_convert_rate: Decimal::ONE,
        end_user_ip: "82.81.138.8".into(),
    });
    let _from_str = DepositFiatRequest::new(DepositFiatRequired {
        client_number: 500_608.into(),
        api_password: "api-password",
        ticket_id: "{F454E096-D080-40FD-A36B-156F4B999124}".into(),
        bank_enum: 3.into(),
        method: PaymentMethod::CreditCard,
        currency: Currency::Ils,
        amount: Money::new(Decimal::new(350_000, 2)),
        usd_convert_rate: Decimal::ONE,
        end_user_ip: "82.81.138.8".into(),
    });
}
