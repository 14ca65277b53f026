// A token charge takes the card's expiry month (`Tmonth`, MM) and year (`Tyear`, YY), both two
// digits; each is its own type (spec/pay/types.yaml), as is the customer's Israeli ID
// (`UserId`), so none of them can take another's place.

use hyp_api::pay::{ChargeTokenRequest, ChargeTokenRequired, Tmonth, Tyear, UserId};
use hyp_api::{CardToken, Money};

fn main() {
    let month = Tmonth::new("05");
    let year = Tyear::new("31");
    let _charge = ChargeTokenRequest::new(ChargeTokenRequired {
        client_name: "Jenny".into(),
        info: "recurring transaction".into(),
        cc: CardToken::new("6920843946458103712"),
        amount: Money::new("10".parse().unwrap()),
        tmonth: year,
        tyear: month,
        user_id: UserId::new("000000000"),
    });
}
