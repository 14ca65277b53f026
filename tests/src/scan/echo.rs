//! A secret echoed back by a "vendor" in every form one could: as sent, JSON `\uXXXX` and `\/`
//! escapes, percent- and form-encoded, XML-escaped, decimal and hex character references. Each
//! form is put in an answer as a field the spec does not list, either natively (the answer's
//! parser decodes it back to the secret) or as text (the escape survives parsing).

/// (name, text) of every echo form of `secret`.
pub fn forms(secret: &str) -> Vec<(&'static str, String)> {
    vec![
        ("raw", secret.to_string()),
        (
            "json-u",
            secret
                .encode_utf16()
                .map(|u| format!("\\u{u:04x}"))
                .collect(),
        ),
        ("json-slash", secret.replace('/', "\\/")),
        (
            "percent",
            secret.bytes().map(|b| format!("%{b:02X}")).collect(),
        ),
        (
            "form",
            form_urlencoded::byte_serialize(secret.as_bytes()).collect(),
        ),
        ("xml", quick_xml::escape::escape(secret).into_owned()),
        (
            "ncr-dec",
            secret.chars().map(|c| format!("&#{};", c as u32)).collect(),
        ),
        (
            "ncr-hex",
            secret
                .chars()
                .map(|c| format!("&#x{:X};", c as u32))
                .collect(),
        ),
    ]
}

/// `body` with the echo `(form, text)` added as an unlisted field `hypEcho`; `command` is the
/// XML element holding the answer's fields (CreditGuard), if any.
pub fn insert(body: &str, command: &str, (form, text): (&str, &str)) -> String {
    let trimmed = body.trim_start();
    let lower = trimmed.to_ascii_lowercase();
    if trimmed.is_empty() {
        return format!("{{\"hypEcho\":{}}}", json_string(form, text));
    }
    if trimmed.starts_with(['{', '[']) {
        let Some(at) = body.find('{') else {
            return body.to_string();
        };
        let empty = body[at + 1..].trim_start().starts_with('}');
        let comma = if empty { "" } else { "," };
        return format!(
            "{}{{\"hypEcho\":{}{comma}{}",
            &body[..at],
            json_string(form, text),
            &body[at + 1..]
        );
    }
    if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
        return format!("{body}{text}");
    }
    if trimmed.starts_with('<') {
        let value = if form.starts_with("ncr") {
            text.to_string()
        } else {
            quick_xml::escape::escape(text).into_owned()
        };
        let element = format!("<hypEcho>{value}</hypEcho>");
        for open in [format!("<{command}>"), "<response>".to_string()] {
            if let Some(at) = body.find(&open) {
                let at = at + open.len();
                return format!("{}{element}{}", &body[..at], &body[at..]);
            }
        }
        return body.to_string();
    }
    let value = if matches!(form, "percent" | "form") {
        text.to_string()
    } else {
        form_urlencoded::byte_serialize(text.as_bytes()).collect()
    };
    format!("{body}&hypEcho={value}")
}

/// A JSON string holding `text`: as it is for the JSON escape forms (the parser decodes them),
/// escaped by serde_json for the others.
fn json_string(form: &str, text: &str) -> String {
    if form.starts_with("json") {
        format!("\"{text}\"")
    } else {
        serde_json::to_string(text).unwrap_or_default()
    }
}

/// Where `output` shows `secret` in any form (or a form as `Debug` escapes it).
pub fn leaks(output: &str, secret: &str) -> Vec<&'static str> {
    forms(secret)
        .into_iter()
        .filter(|(_, text)| {
            // A short secret (a 3-digit CVV) may be any number's digits: its escaped forms are
            // specific, its raw text is not.
            let specific = text != secret || secret.chars().count() >= 6;
            let debugged = format!("{text:?}");
            let debugged = debugged.trim_matches('"');
            specific && (output.contains(text.as_str()) || output.contains(debugged))
        })
        .map(|(name, _)| name)
        .collect()
}
