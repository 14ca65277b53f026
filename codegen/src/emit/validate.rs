//! `Validate` of one struct: the spec's constraints on each field (lengths, ranges, patterns,
//! nested objects), `requires`, `le_field` and `item_list`, checked before a request is sent.

use proc_macro2::TokenStream;
use quote::quote;

use super::structs::StructSpec;
use super::types::ident;
use crate::model::{Api, Field, Ty};
use crate::resolve::decimal;

/// The `Validate` impl of a struct.
pub(super) fn validate_impl(api: &Api, s: &StructSpec) -> TokenStream {
    let name = ident(s.name);
    let mut checks: Vec<TokenStream> = s
        .fields
        .iter()
        .filter(|f| f.fixed.is_none())
        .filter_map(|f| field_checks(api, f))
        .collect();
    checks.extend(
        s.fields
            .iter()
            .filter_map(|f| requires_check(api, s.fields, f)),
    );
    checks.extend(s.fields.iter().filter_map(|f| le_field_check(s.fields, f)));
    checks.extend(s.fields.iter().filter_map(|f| item_list_check(s.fields, f)));
    let body = quote! { #(#checks)* };
    quote! {
        impl crate::Validate for #name {
            #[allow(unused_variables)]
            #[inline]
            fn validate_into(
                &self,
                cx: &crate::ValidationContext,
                path: &crate::__private::FieldPath,
                out: &mut crate::Violations,
            ) {
                #body
            }
        }
    }
}

fn dec(text: &str) -> TokenStream {
    let d = decimal(text);
    let m = d.mantissa();
    let scale = d.scale();
    quote!(crate::Decimal::from_i128_with_scale(#m, #scale))
}

/// The checks of one field, on `v` (a reference to its value), or `None` when it has none.
fn field_checks(api: &Api, f: &Field) -> Option<TokenStream> {
    let c = &f.constraints;
    let w = &f.wire;
    let mut checks = Vec::new();
    let chk = quote!(crate::__private::check);
    if let Some(b) = &c.gt {
        let b = dec(b);
        checks.push(quote!(#chk::gt(v, #b, &p, out);));
    }
    if let Some(b) = &c.ge {
        let b = dec(b);
        checks.push(quote!(#chk::ge(v, #b, &p, out);));
    }
    if let Some(b) = &c.le {
        let b = dec(b);
        checks.push(quote!(#chk::le(v, #b, &p, out);));
    }
    if let Some(n) = c.max_decimal_places {
        checks.push(quote!(#chk::max_decimal_places(v, #n, &p, out);));
    }
    if let Some(n) = c.max_len {
        checks.push(quote!(#chk::max_len(v, #n, &p, out);));
    }
    if let Some(n) = c.min_len {
        checks.push(quote!(#chk::min_len(v, #n, &p, out);));
    }
    if let Some(re) = &c.pattern {
        checks.push(quote! {
            static PATTERN: crate::__private::Pattern = crate::__private::Pattern::new(#re);
            #chk::pattern(v, &PATTERN, &p, out);
        });
    }
    if let Some(n) = c.min_items {
        checks.push(quote!(#chk::min_items(v, #n, &p, out);));
    }
    if let Some(n) = c.max_items {
        checks.push(quote!(#chk::max_items(v, #n, &p, out);));
    }
    if let Some(n) = c.within_past_days {
        checks.push(quote!(#chk::within_past_days(v, #n, cx, &p, out);));
    }
    if c.not_future {
        match f.ty {
            Ty::Date(_) => checks.push(quote!(#chk::not_future_date(v, cx, &p, out);)),
            _ => checks.push(quote!(#chk::not_future_datetime(v, cx, &p, out);)),
        }
    }
    if nested_validates(api, &f.ty) {
        checks.push(quote!(crate::Validate::validate_into(v, cx, &p, out);));
    }
    if checks.is_empty() {
        return None;
    }
    let n = ident(&f.rust);
    // A named type is checked as its base value.
    let inner = if matches!(f.ty, Ty::Named(_)) {
        quote!(let v = &v.0;)
    } else {
        quote!()
    };
    let body = quote! { let p = path.field(#w); #inner #(#checks)* };
    Some(if f.required || matches!(f.ty, Ty::List(_)) {
        quote! { { let v = &self.#n; #body } }
    } else {
        quote! { if let Some(v) = &self.#n { #body } }
    })
}

/// `requires`: when this boolean is true, the named field must be set.
fn requires_check(api: &Api, fields: &[Field], f: &Field) -> Option<TokenStream> {
    let target = f.constraints.requires.as_ref()?;
    let t = fields.iter().find(|g| &g.wire == target)?;
    let (n, tn, w) = (ident(&f.rust), ident(&t.rust), &f.wire);
    let on = if f.required {
        quote!(self.#n)
    } else {
        quote!(self.#n == Some(true))
    };
    if t.required {
        // A required companion is always set.
        return None;
    }
    // An empty text does not count as set (a named type over text included).
    let unset = match (&t.ty, api.base(&t.ty)) {
        (Ty::Named(_), Ty::String) => quote!(self.#tn.as_ref().is_none_or(|v| v.is_empty())),
        (_, Ty::String | Ty::Secret(_)) => quote!(
            self.#tn.as_ref().is_none_or(|v| crate::__private::AsText::as_text(v).is_empty())
        ),
        _ => quote!(self.#tn.is_none()),
    };
    Some(quote! {
        if #on && #unset {
            crate::__private::check::requires(#target, &path.field(#w), out);
        }
    })
}

/// `le_field`: the amount must not exceed another field, compared in major units.
fn le_field_check(fields: &[Field], f: &Field) -> Option<TokenStream> {
    let target = f.constraints.le_field.as_ref()?;
    let t = fields.iter().find(|g| &g.wire == target)?;
    let (n, tn, w) = (ident(&f.rust), ident(&t.rust), &f.wire);
    let value = if f.required {
        quote!(Some(&self.#n))
    } else {
        quote!(self.#n.as_ref())
    };
    let bound = if t.required {
        quote!(Some(&self.#tn))
    } else {
        quote!(self.#tn.as_ref())
    };
    Some(quote! {
        if let (Some(v), Some(b)) = (#value, #bound) {
            crate::__private::check::le_field(v, b, #target, &path.field(#w), out);
        }
    })
}

/// `item_list`: the grammar always; the sum when the switch field is true.
fn item_list_check(fields: &[Field], f: &Field) -> Option<TokenStream> {
    let rule = f.constraints.item_list.as_ref()?;
    let sum = fields.iter().find(|g| g.wire == rule.sums_to)?;
    let when = fields.iter().find(|g| g.wire == rule.when)?;
    let (n, sn, wn, w) = (ident(&f.rust), ident(&sum.rust), ident(&when.rust), &f.wire);
    let (open, close, sep) = (&rule.open, &rule.close, &rule.separator);
    let (parts, q, p) = (rule.parts, rule.quantity, rule.price);
    let sums_to = &rule.sums_to;
    let text = if f.required {
        quote!(Some(&self.#n))
    } else {
        quote!(self.#n.as_ref())
    };
    let on = if when.required {
        quote!(self.#wn)
    } else {
        quote!(self.#wn == Some(true))
    };
    let total = if sum.required {
        quote!(Some(crate::__private::AsMajor::as_major(&self.#sn)))
    } else {
        quote!(self.#sn.as_ref().map(crate::__private::AsMajor::as_major))
    };
    Some(quote! {
        // Only when the switch is on is the text an item list at all.
        if #on && let Some(text) = #text {
            const RULE: crate::__private::ItemListRule = crate::__private::ItemListRule {
                open: #open, close: #close, separator: #sep, parts: #parts, quantity: #q, price: #p,
            };
            let total = #total.map(|t| (#sums_to, t));
            crate::__private::check::item_list(text, &RULE, total, &path.field(#w), out);
        }
    })
}

/// Objects (and lists of them) carry their own rules.
fn nested_validates(api: &Api, ty: &Ty) -> bool {
    match ty {
        Ty::Object(n) => api.objects.iter().any(|o| &o.name == n && o.in_request),
        Ty::List(inner) => nested_validates(api, inner),
        _ => false,
    }
}
