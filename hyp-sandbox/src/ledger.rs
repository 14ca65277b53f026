//! Ledger arithmetic, checked: a balance moves by an amount only when the result fits a
//! [`Decimal`]. A call that would overflow a balance is refused (the API's invalid-request
//! answer) before anything is applied, so no request panics the sandbox or poisons its state.

use crate::plan::spec::Ledger;
use hyp_api::Decimal;

/// +1 when `endpoint` credits the ledger, −1 when it debits it, 0 otherwise.
pub(crate) fn direction(l: &Ledger, endpoint: &str) -> Decimal {
    if l.credit.iter().any(|c| c == endpoint) {
        Decimal::ONE
    } else if l.debit.iter().any(|d| d == endpoint) {
        -Decimal::ONE
    } else {
        Decimal::ZERO
    }
}

/// The balance after moving `amount` in `sign`'s direction, or `None` when it does not fit.
pub(crate) fn moved(balance: Decimal, sign: Decimal, amount: Decimal) -> Option<Decimal> {
    balance.checked_add(sign.checked_mul(amount)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_max_deposit_does_not_fit() {
        let once = moved(Decimal::ZERO, Decimal::ONE, Decimal::MAX);
        assert_eq!(once, Some(Decimal::MAX));
        assert_eq!(moved(Decimal::MAX, Decimal::ONE, Decimal::MAX), None);
        assert_eq!(moved(Decimal::MIN, -Decimal::ONE, Decimal::MAX), None);
        // A withdrawal from a full balance fits.
        assert_eq!(
            moved(Decimal::MAX, -Decimal::ONE, Decimal::MAX),
            Some(Decimal::ZERO)
        );
    }

    #[test]
    fn direction_follows_the_ledger() {
        let l = Ledger {
            credit: vec!["deposit".into()],
            debit: vec!["withdraw".into()],
            ..Ledger::default()
        };
        assert_eq!(direction(&l, "deposit"), Decimal::ONE);
        assert_eq!(direction(&l, "withdraw"), -Decimal::ONE);
        assert_eq!(direction(&l, "report"), Decimal::ZERO);
    }
}
