//! Money types. Money is never `f64`: amounts are exact decimals, and amounts in major units
//! (shekels, dollars) and in minor units (agorot, cents) are different types, so one cannot be
//! passed where the other is expected.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

/// An amount in major currency units (e.g. `1500.00` ILS), exact, with the scale it was written
/// with (`1500.00` keeps its two decimal places on the wire).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Money(Decimal);

impl Money {
    /// Wraps an exact decimal amount in major units.
    pub const fn new(amount: Decimal) -> Self {
        Money(amount)
    }

    /// The amount in major units.
    pub const fn amount(self) -> Decimal {
        self.0
    }
}

impl From<Decimal> for Money {
    fn from(d: Decimal) -> Self {
        Money(d)
    }
}

impl FromStr for Money {
    type Err = rust_decimal::Error;
    /// Parses decimal text exactly (`"12345678901234567.89"`), never through a float.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Decimal::from_str_exact(s.trim()).map(Money)
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

/// An amount in minor currency units: agorot or cents (`10000` = 100.00 ILS).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct MinorUnits(i64);

impl MinorUnits {
    /// Wraps a count of agorot/cents.
    pub const fn new(units: i64) -> Self {
        MinorUnits(units)
    }

    /// The count of agorot/cents.
    pub const fn value(self) -> i64 {
        self.0
    }
}

impl fmt::Display for MinorUnits {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_exactly_and_keeps_scale() {
        let m: Money = "12345678901234567.89".parse().unwrap();
        assert_eq!(m.to_string(), "12345678901234567.89");
        let m: Money = "1500.00".parse().unwrap();
        assert_eq!(m.to_string(), "1500.00");
        assert!("1e3".parse::<Money>().is_err());
    }
}
