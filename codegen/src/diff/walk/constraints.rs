//! Constraints: each one tightened (accepts less) or loosened (accepts more). Adding a bound
//! tightens, removing it loosens; a changed bound tightens or loosens by its direction; a
//! changed pattern cannot be compared and counts as tightened.

use std::cmp::Ordering;

use super::{Out, worst};
use crate::diff::Location;
use crate::diff::kind::{ChangeKind, Constraint as C, Side};
use crate::model::Constraints;
use crate::resolve::decimal;

#[derive(Clone, Copy, PartialEq)]
enum Dir {
    Tighter,
    Looser,
}

/// A bound where a larger value accepts less (`gt`, `ge`, `min_len`, `min_items`).
fn lower<T: Ord>(old: Option<T>, new: Option<T>) -> Option<Dir> {
    match (old, new) {
        (None, Some(_)) => Some(Dir::Tighter),
        (Some(_), None) => Some(Dir::Looser),
        (Some(a), Some(b)) => match b.cmp(&a) {
            Ordering::Greater => Some(Dir::Tighter),
            Ordering::Less => Some(Dir::Looser),
            Ordering::Equal => None,
        },
        (None, None) => None,
    }
}

/// A bound where a smaller value accepts less (`le`, `max_len`, `max_items`, …).
fn upper<T: Ord>(old: Option<T>, new: Option<T>) -> Option<Dir> {
    match (old, new) {
        (Some(a), Some(b)) => lower(Some(b), Some(a)),
        other => lower(other.0, other.1),
    }
}

fn pattern(old: &Option<String>, new: &Option<String>) -> Option<Dir> {
    match (old, new) {
        (None, Some(_)) => Some(Dir::Tighter),
        (Some(_), None) => Some(Dir::Looser),
        (Some(a), Some(b)) if a != b => Some(Dir::Tighter),
        _ => None,
    }
}

fn flag(old: bool, new: bool) -> Option<Dir> {
    match (old, new) {
        (false, true) => Some(Dir::Tighter),
        (true, false) => Some(Dir::Looser),
        _ => None,
    }
}

fn show<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map_or_else(|| "none".to_string(), T::to_string)
}

/// Compares a field's constraints; `subject` and `what` name the field.
pub(super) fn compare(
    out: &mut Out,
    sides: &[Side],
    (subject, what): (&str, &str),
    at: &Location,
    old: &Constraints,
    new: &Constraints,
) {
    let Constraints {
        gt,
        ge,
        le,
        max_len,
        min_len,
        pattern: pat,
        min_items,
        max_items,
        max_decimal_places,
        within_past_days,
        not_future,
        requires,
        le_field,
        item_list,
    } = old;
    let dec = |v: &Option<String>| v.as_deref().map(decimal);
    // A rule that appears narrows what may be sent; one that goes widens it; one that changes
    // both narrows and widens: counted as tighter.
    fn presence<T: PartialEq>(a: &Option<T>, b: &Option<T>) -> Option<Dir> {
        match (a, b) {
            (a, b) if a == b => None,
            (Some(_), None) => Some(Dir::Looser),
            _ => Some(Dir::Tighter),
        }
    }
    let found: [(C, Option<Dir>, String, String); 14] = [
        (C::Gt, lower(dec(gt), dec(&new.gt)), show(gt), show(&new.gt)),
        (C::Ge, lower(dec(ge), dec(&new.ge)), show(ge), show(&new.ge)),
        (C::Le, upper(dec(le), dec(&new.le)), show(le), show(&new.le)),
        (
            C::MaxLen,
            upper(*max_len, new.max_len),
            show(max_len),
            show(&new.max_len),
        ),
        (
            C::MinLen,
            lower(*min_len, new.min_len),
            show(min_len),
            show(&new.min_len),
        ),
        (
            C::Pattern,
            pattern(pat, &new.pattern),
            show(pat),
            show(&new.pattern),
        ),
        (
            C::MinItems,
            lower(*min_items, new.min_items),
            show(min_items),
            show(&new.min_items),
        ),
        (
            C::MaxItems,
            upper(*max_items, new.max_items),
            show(max_items),
            show(&new.max_items),
        ),
        (
            C::MaxDecimalPlaces,
            upper(*max_decimal_places, new.max_decimal_places),
            show(max_decimal_places),
            show(&new.max_decimal_places),
        ),
        (
            C::WithinPastDays,
            upper(*within_past_days, new.within_past_days),
            show(within_past_days),
            show(&new.within_past_days),
        ),
        (
            C::NotFuture,
            flag(*not_future, new.not_future),
            not_future.to_string(),
            new.not_future.to_string(),
        ),
        (
            C::Requires,
            // A new required companion narrows what may be sent; any other change of the
            // companion both narrows and widens: counted as tighter.
            presence(requires, &new.requires),
            show(requires),
            show(&new.requires),
        ),
        (
            C::LeField,
            presence(le_field, &new.le_field),
            show(le_field),
            show(&new.le_field),
        ),
        (
            C::ItemList,
            presence(item_list, &new.item_list),
            format!("{item_list:?}"),
            format!("{:?}", new.item_list),
        ),
    ];
    for (constraint, dir, before, after) in found {
        let Some(dir) = dir else { continue };
        let (kind, verb): (fn(C, Side) -> ChangeKind, &str) = match dir {
            Dir::Tighter => (
                |constraint, side| ChangeKind::ConstraintTightened { constraint, side },
                "tightened",
            ),
            Dir::Looser => (
                |constraint, side| ChangeKind::ConstraintLoosened { constraint, side },
                "loosened",
            ),
        };
        out.push_values(
            worst(sides, |side| kind(constraint, side)),
            &format!("{subject}.constraints.{}", constraint.key()),
            at,
            format!("`{}` of {what} {verb}", constraint.key()),
            Some(before),
            Some(after),
        );
    }
}
