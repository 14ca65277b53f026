// Money is an exact decimal in major units, made from a decimal literal, parsed from text,
// or wrapped from a Decimal; never from a float.

use hyp_api::{Decimal, Money};
use rust_decimal_macros::dec;

fn main() {
    let from_macro = Money::new(dec!(1500.00));
    let parsed = "1500.00".parse::<Money>().expect("decimal text parses");
    let from_decimal: Money = Decimal::new(150_000, 2).into();

    assert_eq!(from_macro, parsed);
    assert_eq!(parsed, from_decimal);
    // The scale it was written with is kept (two decimal places on the wire).
    assert_eq!(parsed.to_string(), "1500.00");
    assert_eq!(from_macro.amount(), dec!(1500.00));
    // Exponent notation is not decimal text.
    assert!("1e3".parse::<Money>().is_err());
}
