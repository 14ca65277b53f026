//! An answer's result code replaced by one no table documents, in the answer's own format:
//! a JSON envelope field (Hyper ERP, Hyp Pay JSON), a `key=value` pair (Hyp Pay), an XML
//! element (CreditGuard `<result>`), or the HTTP status where the status is the code (MT5).

use axum::http::StatusCode;

/// (status, body) with the code `field` (none: the status) set to `code`.
pub fn rewrite(
    status: StatusCode,
    body: &str,
    field: Option<&str>,
    code: i64,
) -> (StatusCode, String) {
    let Some(field) = field else {
        let status = u16::try_from(code)
            .ok()
            .and_then(|c| StatusCode::from_u16(c).ok());
        return (status.unwrap_or(status_fallback()), body.to_string());
    };
    if let Ok(mut json) = serde_json::from_str::<serde_json::Value>(body)
        && let Some(map) = json.as_object_mut()
    {
        map.insert(field.to_string(), serde_json::Value::from(code));
        return (status, json.to_string());
    }
    let open = format!("<{field}>");
    let close = format!("</{field}>");
    if let (Some(a), Some(b)) = (body.find(&open), body.find(&close)) {
        return (
            status,
            format!("{}{code}{}", &body[..a + open.len()], &body[b..]),
        );
    }
    let pairs: Vec<(String, String)> = form_urlencoded::parse(body.as_bytes())
        .map(|(k, v)| {
            let v = if k == field {
                code.to_string()
            } else {
                v.into_owned()
            };
            (k.into_owned(), v)
        })
        .collect();
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (k, v) in &pairs {
        out.append_pair(k, v);
    }
    if !pairs.iter().any(|(k, _)| k == field) {
        out.append_pair(field, &code.to_string());
    }
    (status, out.finish())
}

fn status_fallback() -> StatusCode {
    StatusCode::from_u16(299).unwrap_or(StatusCode::OK)
}
