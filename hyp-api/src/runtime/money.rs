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

    /// The sum of two amounts, or `None` when it does not fit a [`Decimal`].
    #[inline]
    pub fn checked_add(self, other: Money) -> Option<Money> {
        self.0.checked_add(other.0).map(Money)
    }

    /// The difference of two amounts, or `None` when it does not fit a [`Decimal`].
    #[inline]
    pub fn checked_sub(self, other: Money) -> Option<Money> {
        self.0.checked_sub(other.0).map(Money)
    }

    /// The amount times a quantity (`2.5` items at `10.00`), or `None` when the product does
    /// not fit a [`Decimal`].
    #[inline]
    pub fn checked_mul(self, quantity: Decimal) -> Option<Money> {
        self.0.checked_mul(quantity).map(Money)
    }

    /// The amount in minor units (`12.34` → `1234` agorot), or `None` when it has more than
    /// two decimal places (a fraction of an agora is not an amount) or does not fit an `i64`.
    #[inline]
    pub fn to_minor_units(self) -> Option<MinorUnits> {
        let minor = self.0.checked_mul(Decimal::ONE_HUNDRED)?;
        if !minor.fract().is_zero() {
            return None;
        }
        i64::try_from(minor).ok().map(MinorUnits)
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

    /// The sum of two amounts, or `None` when it does not fit an `i64`.
    pub const fn checked_add(self, other: MinorUnits) -> Option<MinorUnits> {
        match self.0.checked_add(other.0) {
            Some(v) => Some(MinorUnits(v)),
            None => None,
        }
    }

    /// The difference of two amounts, or `None` when it does not fit an `i64`.
    pub const fn checked_sub(self, other: MinorUnits) -> Option<MinorUnits> {
        match self.0.checked_sub(other.0) {
            Some(v) => Some(MinorUnits(v)),
            None => None,
        }
    }

    /// The amount in major units (`1234` agorot → `12.34`). Always exact: every `i64` count of
    /// hundredths is a [`Decimal`].
    pub fn to_money(self) -> Money {
        Money(Decimal::new(self.0, 2))
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

    #[test]
    fn sums_at_the_limits_are_none_not_a_panic() {
        let max = Money::new(Decimal::MAX);
        assert_eq!(max.checked_add(Money::new(Decimal::ONE)), None);
        assert_eq!(
            Money::new(Decimal::MIN).checked_sub(Money::new(Decimal::ONE)),
            None
        );
        assert_eq!(max.checked_mul(Decimal::TWO), None);
        assert_eq!(
            Money::new(Decimal::new(1050, 2)).checked_mul(Decimal::new(3, 0)),
            Some(Money::new(Decimal::new(3150, 2)))
        );
        let big = MinorUnits::new(i64::MAX);
        assert_eq!(big.checked_add(MinorUnits::new(1)), None);
        assert_eq!(
            MinorUnits::new(i64::MIN).checked_sub(MinorUnits::new(1)),
            None
        );
        assert_eq!(
            MinorUnits::new(5).checked_add(MinorUnits::new(7)),
            Some(MinorUnits::new(12))
        );
    }

    #[test]
    fn conversions_are_exact_or_none() {
        assert_eq!(
            "12.34".parse::<Money>().unwrap().to_minor_units(),
            Some(MinorUnits::new(1234))
        );
        assert_eq!("12.345".parse::<Money>().unwrap().to_minor_units(), None);
        assert_eq!(Money::new(Decimal::MAX).to_minor_units(), None);
        // One hundredth past i64::MAX agorot.
        let past = Decimal::new(i64::MAX, 2) + Decimal::new(1, 2);
        assert_eq!(Money::new(past).to_minor_units(), None);
        assert_eq!(
            MinorUnits::new(i64::MAX).to_money().to_minor_units(),
            Some(MinorUnits::new(i64::MAX))
        );
        assert_eq!(MinorUnits::new(-250).to_money().to_string(), "-2.50");
    }
}
