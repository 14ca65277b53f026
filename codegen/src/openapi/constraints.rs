//! The constraints of a field or named type, as JSON Schema keywords where it has one and as
//! `x-hyp-…` extensions for the rules it cannot state (dates relative to a clock, cross-field
//! rules, Hyp Pay's item lists, numeric bounds of numbers written as text).

use serde_json::{Map, Value, json};

use crate::model::Constraints;

/// Marks a decimal written in place of a JSON number: `serde_json::Value` holds numbers as
/// `f64`, which cannot keep `90071992547409.91`, so the text travels as a marked string and
/// [`exact_numbers`] writes it back as the number's own digits in the document's text.
const DECIMAL: &str = "\u{1}decimal:";

/// A decimal bound's text as a JSON number, exactly as the spec writes it.
fn number(text: &str) -> Value {
    match serde_json::from_str::<serde_json::Number>(text) {
        Ok(n) if n.is_i64() || n.is_u64() => Value::Number(n),
        Ok(_) => Value::String(format!("{DECIMAL}{text}")),
        Err(_) => Value::String(text.to_string()),
    }
}

/// The serialized document with every marked decimal written as a JSON number.
pub fn exact_numbers(json_text: &str) -> String {
    let marker = "\"\\u0001decimal:";
    let mut out = String::with_capacity(json_text.len());
    let mut rest = json_text;
    while let Some(i) = rest.find(marker) {
        out.push_str(&rest[..i]);
        let after = &rest[i + marker.len()..];
        let end = after.find('"').unwrap_or(after.len());
        out.push_str(&after[..end]);
        rest = after.get(end + 1..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// Adds the constraints to a schema: standard keywords where JSON Schema has one, `x-hyp-…`
/// extensions for the rules it cannot state (dates relative to a clock, cross-field rules).
pub fn constrain(s: &mut Map<String, Value>, c: &Constraints) {
    // A number written as text keeps its bounds as extensions: JSON Schema bounds numbers only.
    let text = s.get("type") == Some(&json!("string"));
    let x = if text { "x-hyp-" } else { "" };
    let mut put = |k: &str, v: Value| {
        s.insert(k.to_string(), v);
    };
    if let Some(v) = &c.gt {
        put(&format!("{x}exclusiveMinimum"), number(v));
    }
    if let Some(v) = &c.ge {
        put(&format!("{x}minimum"), number(v));
    }
    if let Some(v) = &c.le {
        put(&format!("{x}maximum"), number(v));
    }
    if let Some(v) = c.max_len {
        put("maxLength", json!(v));
    }
    if let Some(v) = c.min_len {
        put("minLength", json!(v));
    }
    if let Some(v) = &c.pattern {
        put("pattern", json!(v));
    }
    if let Some(v) = c.min_items {
        put("minItems", json!(v));
    }
    if let Some(v) = c.max_items {
        put("maxItems", json!(v));
    }
    if let Some(v) = c.max_decimal_places {
        if text {
            put("pattern", json!(format!("^-?[0-9]+(\\.[0-9]{{1,{v}}})?$")));
        } else {
            let step = match v {
                0 => "1".to_string(),
                n => format!("0.{}1", "0".repeat(n as usize - 1)),
            };
            put("multipleOf", number(&step));
        }
        put("x-hyp-max-decimal-places", json!(v));
    }
    if let Some(v) = c.within_past_days {
        put("x-hyp-within-past-days", json!(v));
    }
    if c.not_future {
        put("x-hyp-not-future", json!(true));
    }
    if let Some(v) = &c.requires {
        put("x-hyp-requires", json!(v));
    }
    if let Some(v) = &c.le_field {
        put("x-hyp-le-field", json!(v));
    }
    if let Some(l) = &c.item_list {
        put(
            "x-hyp-item-list",
            json!({
                "open": l.open, "close": l.close, "separator": l.separator, "parts": l.parts,
                "quantity": l.quantity, "price": l.price, "sums_to": l.sums_to, "when": l.when
            }),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_bounds_stay_exact_numbers() {
        let mut s = Map::new();
        let c = Constraints {
            gt: Some("0.1".into()),
            le: Some("90071992547409.91".into()),
            max_decimal_places: Some(2),
            ..Constraints::default()
        };
        constrain(&mut s, &c);
        let text = exact_numbers(&serde_json::to_string(&s).unwrap());
        let back: Value = serde_json::from_str(&text).unwrap();
        assert!(text.contains(r#""maximum":90071992547409.91"#), "{text}");
        assert!(text.contains(r#""exclusiveMinimum":0.1"#), "{text}");
        assert!(text.contains(r#""multipleOf":0.01"#), "{text}");
        assert!(back["maximum"].is_number());
    }

    #[test]
    fn bounds_of_a_number_written_as_text_are_extensions() {
        let mut s = Map::new();
        s.insert("type".into(), json!("string"));
        let c = Constraints {
            ge: Some("1".into()),
            max_decimal_places: Some(2),
            ..Constraints::default()
        };
        constrain(&mut s, &c);
        assert_eq!(s["x-hyp-minimum"], json!(1));
        assert!(!s.contains_key("minimum"));
        let re = regex::Regex::new(s["pattern"].as_str().unwrap()).unwrap();
        assert!(re.is_match("10.5") && re.is_match("10") && !re.is_match("10.555"));
    }
}
