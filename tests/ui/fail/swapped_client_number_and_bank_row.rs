// Issue #14: a deposit with the client number and the bank row swapped compiled (both were
// `i64`) and was booked. Each is its own type now (`ClientNumber`, `BankRow`, declared once in
// spec/hyper-erp/types.yaml), so the swap does not compile.

use hyp_api::hyper_erp::{
    BankRow, ClientNumber, Currency, DepositFiatRequest, DepositFiatRequired, PaymentMethod,
};
use hyp_api::{Decimal, Money, SecretString};

fn main() {
    let client = ClientNumber::new(500_155);
    let row = BankRow::new(1);
    let _req = DepositFiatRequest::new(DepositFiatRequired {
        client_number: row,
        api_password: SecretString::from("api-password".to_string()),
        ticket_id: "{F454E096-D080-40FD-A36B-156F4B999124}".into(),
        bank_enum: client,
        method: PaymentMethod::CreditCard,
        currency: Currency::Ils,
        amount: Money::new(Decimal::new(350_000, 2)),
        usd_convert_rate: Decimal::ONE,
        end_user_ip: "82.81.138.8".into(),
    });
}
