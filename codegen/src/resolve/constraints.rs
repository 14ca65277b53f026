//! Field constraints: each applies to the types it can check; bounds are exact decimals.

use rust_decimal::Decimal;

use crate::model::{self, Ty};
use crate::spec;

use super::Ctx;

pub(super) fn resolve_constraints(
    cx: &mut Ctx,
    file: usize,
    base: &str,
    ty: &Ty,
    (wire, ty_text, c): (&str, &str, &spec::Constraints),
) -> model::Constraints {
    let numeric = matches!(ty, Ty::Int | Ty::Money | Ty::MinorUnits | Ty::Decimal);
    let texty = matches!(ty, Ty::String | Ty::Secret(_));
    let listy = matches!(ty, Ty::List(_));
    let decimal = matches!(ty, Ty::Money | Ty::Decimal);
    let datey = matches!(ty, Ty::Date(_) | Ty::DateTime(_));
    let wrong = |cx: &mut Ctx, key: &str, ok: bool, applies: &str| {
        if !ok {
            cx.err(
                file,
                &format!("{base}.{key}"),
                format!("constraint `{key}` does not apply to field `{wire}` of type `{ty_text}`"),
                format!("`{key}` applies to {applies} fields: remove it or change the type"),
            );
        }
    };
    let bound = |cx: &mut Ctx, key: &str, v: &Option<serde_yaml::Value>| {
        let v = v.as_ref()?;
        wrong(cx, key, numeric, "int, money, minor_units and decimal");
        let text = match v {
            serde_yaml::Value::String(s) => s.clone(),
            serde_yaml::Value::Number(n) => n.to_string(),
            _ => String::new(),
        };
        match Decimal::from_str_exact(&text) {
            Ok(_) => Some(text),
            Err(_) => {
                cx.err(
                    file,
                    &format!("{base}.{key}"),
                    format!("`{key}` must be a decimal number, found {v:?}"),
                    "write the bound as a number or a quoted decimal like \"0.1\"",
                );
                None
            }
        }
    };
    let gt = bound(cx, "gt", &c.gt);
    let ge = bound(cx, "ge", &c.ge);
    let le = bound(cx, "le", &c.le);
    if c.max_len.is_some() {
        wrong(cx, "max_len", texty, "string and secret");
    }
    if c.min_len.is_some() {
        wrong(cx, "min_len", texty, "string and secret");
    }
    if let Some(p) = &c.pattern {
        wrong(cx, "pattern", texty, "string and secret");
        if let Err(e) = regex::Regex::new(p) {
            cx.err(
                file,
                &format!("{base}.pattern"),
                format!("`pattern` is not a valid regular expression: {e}"),
                "fix the expression (Rust `regex` syntax)",
            );
        }
    }
    if c.min_items.is_some() {
        wrong(cx, "min_items", listy, "list");
    }
    if c.max_items.is_some() {
        wrong(cx, "max_items", listy, "list");
    }
    if c.max_decimal_places.is_some() {
        wrong(cx, "max_decimal_places", decimal, "money and decimal");
    }
    if c.within_past_days.is_some() {
        wrong(cx, "within_past_days", matches!(ty, Ty::Date(_)), "date");
    }
    if c.not_future {
        wrong(cx, "not_future", datey, "date and datetime");
    }
    if c.requires.is_some() {
        wrong(cx, "requires", matches!(ty, Ty::Bool), "bool");
    }
    if c.le_field.is_some() {
        wrong(
            cx,
            "le_field",
            numeric,
            "int, money, minor_units and decimal",
        );
    }
    if let Some(i) = &c.item_list {
        wrong(cx, "item_list", matches!(ty, Ty::String), "string");
        let positions_ok = i.quantity >= 1
            && i.price >= 1
            && i.quantity <= i.parts
            && i.price <= i.parts
            && i.quantity != i.price;
        if !positions_ok || i.separator.is_empty() {
            cx.err(
                file,
                &format!("{base}.item_list"),
                "`item_list` needs a separator and distinct quantity/price positions within `parts`".into(),
                "positions are 1-based, e.g. `parts: 4, quantity: 3, price: 4`",
            );
        }
    }
    model::Constraints {
        gt,
        ge,
        le,
        max_len: c.max_len,
        min_len: c.min_len,
        pattern: c.pattern.clone(),
        min_items: c.min_items,
        max_items: c.max_items,
        max_decimal_places: c.max_decimal_places,
        within_past_days: c.within_past_days,
        not_future: c.not_future,
        requires: c.requires.clone(),
        le_field: c.le_field.clone(),
        item_list: c.item_list.as_ref().map(|i| model::ItemList {
            open: i.open.clone(),
            close: i.close.clone(),
            separator: i.separator.clone(),
            parts: i.parts,
            quantity: i.quantity,
            price: i.price,
            sums_to: i.sums_to.clone(),
            when: i.when.clone(),
        }),
    }
}

/// A `requires` constraint names a field of the same request.
pub(super) fn check_requires(cx: &mut Ctx, file: usize, wire: &str, fields: &[model::Field]) {
    for f in fields {
        if let Some(target) = &f.constraints.requires
            && !fields.iter().any(|g| &g.wire == target)
        {
            cx.err(
                file,
                &format!("endpoints.{wire}"),
                format!(
                    "`{}` requires `{target}`, which this request does not have",
                    f.wire
                ),
                "name a field of the same request (envelope fields included)",
            );
        }
    }
}

/// A field of a named type: the type's constraints, each overridden by the field's own.
pub(super) fn overlay(base: &model::Constraints, own: model::Constraints) -> model::Constraints {
    model::Constraints {
        gt: own.gt.or_else(|| base.gt.clone()),
        ge: own.ge.or_else(|| base.ge.clone()),
        le: own.le.or_else(|| base.le.clone()),
        max_len: own.max_len.or(base.max_len),
        min_len: own.min_len.or(base.min_len),
        pattern: own.pattern.or_else(|| base.pattern.clone()),
        min_items: own.min_items.or(base.min_items),
        max_items: own.max_items.or(base.max_items),
        max_decimal_places: own.max_decimal_places.or(base.max_decimal_places),
        within_past_days: own.within_past_days.or(base.within_past_days),
        not_future: own.not_future || base.not_future,
        requires: own.requires.or_else(|| base.requires.clone()),
        le_field: own.le_field.or_else(|| base.le_field.clone()),
        item_list: own.item_list.or_else(|| base.item_list.clone()),
    }
}
