//! What "the typed answer carries the documented body" means: values compared as exact
//! decimals or as text, a documented value the typed answer lacks only if it was empty.

use hyp_api::Decimal;
use serde_json::Value;

/// A scalar's text: a number's digits, a string's contents.
fn scalar_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Numbers compare as exact decimals (`0.00` == `0.0`), everything else as text (an enum
/// value the spec does not list comes back as its raw text).
pub(crate) fn same_scalar(a: &Value, b: &Value) -> bool {
    let (a, b) = (scalar_text(a), scalar_text(b));
    match (a.parse::<Decimal>(), b.parse::<Decimal>()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

pub(crate) fn is_empty_value(v: &Value) -> bool {
    matches!(v, Value::Null) || v == "" || v.as_array().is_some_and(Vec::is_empty)
}

/// The typed answer carries what the documented body says: every value it has equals the
/// documented one, and every documented value it lacks is empty (`""`, null, `[]`).
pub(crate) fn assert_carries(typed: &Value, documented: &Value, at: &str, skip: &[&str]) {
    match (typed, documented) {
        (Value::Object(t), Value::Object(d)) => {
            for (k, tv) in t {
                let dv = d
                    .get(k)
                    .unwrap_or_else(|| panic!("{at}.{k}: decoded but not in the documented body"));
                assert_carries(tv, dv, &format!("{at}.{k}"), &[]);
            }
            for (k, dv) in d {
                if !t.contains_key(k) && !skip.contains(&k.as_str()) {
                    assert!(is_empty_value(dv), "{at}.{k}: documented {dv}, lost");
                }
            }
        }
        (Value::Array(t), Value::Array(d)) => {
            assert_eq!(t.len(), d.len(), "{at}: list length");
            for (i, (tv, dv)) in t.iter().zip(d).enumerate() {
                assert_carries(tv, dv, &format!("{at}[{i}]"), &[]);
            }
        }
        (t, d) => assert!(same_scalar(t, d), "{at}: decoded {t}, documented {d}"),
    }
}
