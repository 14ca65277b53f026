//! The checks generated `validate_into` bodies call, one per spec constraint.

use super::*;

/// The value must be greater than `bound`.
pub fn gt(v: &impl AsDecimal, bound: Decimal, p: &FieldPath, out: &mut Violations) {
    if v.as_decimal() <= bound {
        out.push(p, format!("must be greater than {bound}"));
    }
}
/// The value must be at least `bound`.
pub fn ge(v: &impl AsDecimal, bound: Decimal, p: &FieldPath, out: &mut Violations) {
    if v.as_decimal() < bound {
        out.push(p, format!("must be at least {bound}"));
    }
}
/// The value must be at most `bound`.
pub fn le(v: &impl AsDecimal, bound: Decimal, p: &FieldPath, out: &mut Violations) {
    if v.as_decimal() > bound {
        out.push(p, format!("must be at most {bound}"));
    }
}
/// The value must have at most `max` decimal places.
pub fn max_decimal_places(v: &impl AsDecimal, max: u32, p: &FieldPath, out: &mut Violations) {
    if v.as_decimal().normalize().scale() > max {
        out.push(p, format!("must have at most {max} decimal places"));
    }
}
/// Lengths count characters (Hebrew letters count one each), not bytes.
pub fn max_len(v: &impl AsText, max: usize, p: &FieldPath, out: &mut Violations) {
    if v.as_text().chars().count() > max {
        out.push(p, format!("must be at most {max} characters"));
    }
}
/// The text must have at least `min` characters.
pub fn min_len(v: &impl AsText, min: usize, p: &FieldPath, out: &mut Violations) {
    if v.as_text().chars().count() < min {
        out.push(p, format!("must be at least {min} characters"));
    }
}
/// `re` is the spec's pattern, anchored by the spec. The value is never echoed: it may be
/// a secret.
pub fn pattern(v: &impl AsText, re: &Pattern, p: &FieldPath, out: &mut Violations) {
    if !re.is_match(v.as_text()) {
        out.push(p, format!("must match the pattern `{}`", re.as_str()));
    }
}
/// The list must have at least `min` items.
pub fn min_items<T>(v: &[T], min: usize, p: &FieldPath, out: &mut Violations) {
    if v.len() < min {
        out.push(p, format!("must have at least {min} item(s)"));
    }
}
/// The list must have at most `max` items.
pub fn max_items<T>(v: &[T], max: usize, p: &FieldPath, out: &mut Violations) {
    if v.len() > max {
        out.push(p, format!("must have at most {max} item(s)"));
    }
}
/// An amount that must not exceed another field (compared in major units).
pub fn le_field(
    v: &impl AsMajor,
    bound: &impl AsMajor,
    bound_wire: &str,
    p: &FieldPath,
    out: &mut Violations,
) {
    if v.as_major() > bound.as_major() {
        out.push(
            p,
            format!("must not exceed `{bound_wire}` ({})", bound.as_major()),
        );
    }
}
/// The items' grammar, and (when `total` is given) that quantity × price adds up to it.
/// (`#[inline]`: compiled only into the crates whose requests have an item list.)
#[inline]
pub fn item_list(
    text: &str,
    rule: &ItemListRule,
    total: Option<(&str, Decimal)>,
    p: &FieldPath,
    out: &mut Violations,
) {
    let mut rest = text.trim();
    let mut sum = Decimal::ZERO;
    let mut n = 0;
    while !rest.is_empty() {
        let item = rest
            .strip_prefix(rule.open)
            .and_then(|r| r.split_once(rule.close));
        let Some((body, after)) = item else {
            out.push(
                p,
                format!(
                    "item {} must be written {}part{}part…{}",
                    n + 1,
                    rule.open,
                    rule.separator,
                    rule.close
                ),
            );
            return;
        };
        let parts: Vec<&str> = body.split(rule.separator).collect();
        if parts.len() != rule.parts {
            out.push(p, format!("item {} must have {} parts", n + 1, rule.parts));
            return;
        }
        let number = |i: usize| Decimal::from_str_exact(parts[i - 1].trim()).ok();
        match (number(rule.quantity), number(rule.price)) {
            (Some(q), Some(pr)) => {
                // Checked: quantity × price, or the running sum, may not fit a Decimal.
                let Some(next) = q.checked_mul(pr).and_then(|line| sum.checked_add(line)) else {
                    out.push(
                        p,
                        format!(
                            "items up to item {} add up to more than a decimal holds",
                            n + 1
                        ),
                    );
                    return;
                };
                sum = next;
            }
            _ => {
                out.push(
                    p,
                    format!("item {}: quantity and price must be numbers", n + 1),
                );
                return;
            }
        }
        n += 1;
        rest = after.trim_start();
    }
    if let Some((wire, expected)) = total
        && sum != expected
    {
        out.push(
            p,
            format!("items add up to {sum}, not `{wire}` ({expected})"),
        );
    }
}
/// A flag that needs a companion field, which is missing.
pub fn requires(companion: &str, p: &FieldPath, out: &mut Violations) {
    out.push(p, format!("when true, `{companion}` must be set"));
}
/// Today counts; `days` days ago counts; earlier or later does not.
pub fn within_past_days(
    v: &NaiveDate,
    days: u32,
    cx: &ValidationContext,
    p: &FieldPath,
    out: &mut Violations,
) {
    let today = cx.now().date_naive();
    let earliest = today - chrono::Days::new(u64::from(days));
    if *v < earliest || *v > today {
        out.push(
            p,
            format!("must be within the last {days} days ({earliest} to {today})"),
        );
    }
}
/// The date must not be after today (by the context's clock).
pub fn not_future_date(v: &NaiveDate, cx: &ValidationContext, p: &FieldPath, out: &mut Violations) {
    if *v > cx.now().date_naive() {
        out.push(p, "must not be in the future".into());
    }
}
/// The wire carries no zone; the vendor says the value is UTC.
pub fn not_future_datetime(
    v: &NaiveDateTime,
    cx: &ValidationContext,
    p: &FieldPath,
    out: &mut Violations,
) {
    if *v > cx.now().naive_utc() {
        out.push(p, "must not be in the future (UTC)".into());
    }
}
