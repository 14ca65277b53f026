//! An HTTP request → the endpoint it calls and its fields as one map by wire name (the shape
//! the generated `from_node` reads), per transport: a JSON body; REST path, query, headers and
//! body; an XML envelope in a form field; a query string selected by its fixed values.

use axum::http::{HeaderMap, Method};
use hyp_api::wire::{Encoding, UTF_8, parse_json, parse_urlencoded, parse_xml};
use hyp_api::{HttpMethod, Node, TransportKind};
use crate::plan::api::FieldLocation;

use crate::answer::text;
use crate::served::{Served, ServedApi};

/// A request as the sandbox received it, under the API's prefix.
pub struct Incoming {
    pub method: Method,
    /// The path under the API's prefix, starting with `/`.
    pub path: String,
    pub query: Option<String>,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

/// What a request calls.
pub enum Routed<'a> {
    Found {
        endpoint: &'a Served,
        fields: Node,
        /// The request asked for UTF-8 answers (where the API answers another charset by default).
        utf8_answer: bool,
    },
    /// A request that matches an endpoint but for one fixed value: answered with `code` in
    /// that endpoint's frame (a missing `What`, a token charge without `Token=True`).
    Refused {
        endpoint: &'a Served,
        fields: Node,
        code: i64,
    },
    /// No endpoint has this path (or command, or action).
    Unknown(String),
    /// The body is not in the API's wire format.
    Malformed(String),
}

pub fn route<'a>(api: &'a ServedApi, req: &Incoming) -> Routed<'a> {
    match api.transport() {
        Some(TransportKind::JsonPost) => json_post(api, req),
        Some(TransportKind::RestJson) => rest(api, req),
        Some(TransportKind::FormXml) => form_xml(api, req),
        Some(TransportKind::QueryGet) => query_get(api, req),
        None => Routed::Unknown("this API has no endpoints".into()),
    }
}

fn body_map(body: &[u8]) -> Result<Vec<(String, Node)>, String> {
    let text = std::str::from_utf8(body).map_err(|_| "the body is not UTF-8".to_string())?;
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    match parse_json(text).map_err(|e| format!("the body is not JSON: {e}"))? {
        Node::Map(entries) => Ok(entries),
        _ => Err("the body is not a JSON object".into()),
    }
}

fn json_post<'a>(api: &'a ServedApi, req: &Incoming) -> Routed<'a> {
    let Some(endpoint) = api
        .endpoints
        .iter()
        .find(|e| e.plan.path == req.path && req.method == Method::POST)
    else {
        return Routed::Unknown(format!(
            "no function `{}`",
            req.path.trim_start_matches('/')
        ));
    };
    match body_map(&req.body) {
        Ok(entries) => found(endpoint, Node::Map(entries), false),
        Err(e) => Routed::Malformed(e),
    }
}

fn found(endpoint: &Served, fields: Node, utf8_answer: bool) -> Routed<'_> {
    Routed::Found {
        endpoint,
        fields,
        utf8_answer,
    }
}

fn method_of(m: HttpMethod) -> Method {
    match m {
        HttpMethod::Get => Method::GET,
        HttpMethod::Post => Method::POST,
        HttpMethod::Put => Method::PUT,
        HttpMethod::Patch => Method::PATCH,
        HttpMethod::Delete => Method::DELETE,
    }
}

/// `/accounts/{login}` against `/accounts/77`: the path fields, or `None`.
fn match_path(template: &str, path: &str) -> Option<Vec<(String, Node)>> {
    let (t, p): (Vec<_>, Vec<_>) = (template.split('/').collect(), path.split('/').collect());
    if t.len() != p.len() {
        return None;
    }
    let mut fields = Vec::new();
    for (t, p) in t.iter().zip(&p) {
        match t.strip_prefix('{').and_then(|n| n.strip_suffix('}')) {
            Some(name) if !p.is_empty() => {
                let value = percent_decode(p);
                fields.push((name.to_string(), Node::Str(value)));
            }
            Some(_) => return None,
            None if t == p => {}
            None => return None,
        }
    }
    Some(fields)
}

/// A path segment's text (percent-escapes resolved; `+` is a plus in a path).
fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

fn rest<'a>(api: &'a ServedApi, req: &Incoming) -> Routed<'a> {
    let matched = api.endpoints.iter().find_map(|e| {
        (method_of(e.hook.method) == req.method)
            .then(|| match_path(&e.plan.path, &req.path))
            .flatten()
            .map(|params| (e, params))
    });
    let Some((endpoint, mut fields)) = matched else {
        return Routed::Unknown(format!("no route {} {}", req.method, req.path));
    };
    let query = query_pairs(req.query.as_deref().unwrap_or(""), UTF_8);
    for f in &endpoint.plan.fields {
        let value = match f.location {
            FieldLocation::Header => req
                .headers
                .get(f.wire.as_str())
                .and_then(|v| v.to_str().ok())
                .map(str::to_string),
            FieldLocation::Query => query
                .iter()
                .find(|(k, _)| *k == f.wire)
                .map(|(_, v)| v.clone()),
            _ => None,
        };
        if let Some(v) = value {
            fields.push((f.wire.clone(), Node::Str(v)));
        }
    }
    match body_map(&req.body) {
        Ok(body) => {
            fields.extend(body);
            found(endpoint, Node::Map(fields), false)
        }
        Err(e) => Routed::Malformed(e),
    }
}

fn query_pairs(query: &str, encoding: &'static Encoding) -> Vec<(String, String)> {
    match parse_urlencoded(query, encoding, None) {
        Node::Map(entries) => entries
            .into_iter()
            .map(|(k, v)| match v {
                Node::Str(s) => (k, s),
                _ => (k, String::new()),
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn form_xml<'a>(api: &'a ServedApi, req: &Incoming) -> Routed<'a> {
    let Some(spec) = api.endpoints.first().and_then(|e| e.hook.xml) else {
        return Routed::Unknown("this API declares no XML envelope".into());
    };
    if req.method != Method::POST || !api.endpoints.iter().any(|e| e.plan.path == req.path) {
        return Routed::Unknown(format!("no route {} {}", req.method, req.path));
    }
    let Some(xml) = form_urlencoded::parse(&req.body)
        .find(|(k, _)| k == spec.form_field)
        .map(|(_, v)| v.into_owned())
    else {
        return Routed::Malformed(format!("the form has no `{}` field", spec.form_field));
    };
    let doc = match parse_xml(&xml) {
        Ok(d) => d,
        Err(e) => return Routed::Malformed(format!("`{}` is not XML: {e}", spec.form_field)),
    };
    let request = doc.get(spec.root).and_then(|r| r.get(spec.request));
    let Some(Node::Map(entries)) = request else {
        return Routed::Malformed(format!("no <{}><{}> element", spec.root, spec.request));
    };
    let command = request.and_then(|r| r.get(spec.command)).and_then(text);
    let Some(endpoint) = command.as_deref().and_then(|c| api.endpoint(c)) else {
        return Routed::Unknown(format!("no command `{}`", command.unwrap_or_default()));
    };
    let mut fields: Vec<(String, Node)> = Vec::new();
    for (k, v) in entries {
        if k == spec.command {
            continue;
        }
        if *k == endpoint.plan.key {
            if let Node::Map(children) = v {
                fields.extend(children.iter().cloned());
            }
        } else {
            fields.push((k.clone(), v.clone()));
        }
    }
    found(endpoint, Node::Map(fields), false)
}

/// The query string, and a form POST body as its equivalent ("Most calls can also be performed
/// using equivalent HTTP POST requests", Hyp Pay): the body's pairs follow the query's.
fn query_and_form(req: &Incoming) -> String {
    let form = req.method == Method::POST
        && req
            .headers
            .get(axum::http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_none_or(|t| t.starts_with("application/x-www-form-urlencoded"));
    let body = if form {
        String::from_utf8_lossy(&req.body).into_owned()
    } else {
        String::new()
    };
    [req.query.as_deref().unwrap_or(""), body.trim()]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("&")
}

/// Whether `e`'s fixed values are all in `pairs`, but for `except`.
fn fixed_match(e: &Served, pairs: &[(String, String)], except: Option<&str>) -> bool {
    e.plan
        .fixed
        .iter()
        .filter(|(k, _)| Some(k.as_str()) != except)
        .all(|(k, v)| pairs.iter().any(|(pk, pv)| pk == k && pv == v))
}

/// The spec's near miss for a request no endpoint takes whole: its endpoint and code.
fn near_miss<'a>(api: &'a ServedApi, pairs: &[(String, String)]) -> Option<(&'a Served, i64)> {
    let sb = &api.plan.sandbox;
    sb.near_misses.iter().find_map(|m| {
        let e = api.endpoint(&m.endpoint)?;
        let fixed = e.plan.fixed.iter().find(|(k, _)| *k == m.field)?;
        let sent = pairs.iter().find(|(k, _)| *k == m.field).map(|(_, v)| v);
        if !fixed_match(e, pairs, Some(&m.field)) || sent == Some(&fixed.1) {
            return None;
        }
        // A boolean in another spelling is refused as every such boolean is.
        let strict = sb.strict_booleans.as_ref().filter(|_| {
            let (yes, no) = e.hook.bool_text;
            let boolean = e.plan.fields.iter().any(|f| f.wire == m.field && f.boolean);
            boolean && sent.is_some_and(|v| v != yes && v != no)
        });
        Some((e, strict.map_or(m.code, |a| a.code)))
    })
}

fn query_get<'a>(api: &'a ServedApi, req: &Incoming) -> Routed<'a> {
    let raw = query_and_form(req);
    let raw = raw.as_str();
    // Values are in the request charset (windows-1255 on Hyp Pay) unless the flag says UTF-8.
    let flag_true = |pairs: &[(String, String)], flag: &Option<String>, yes: &str| {
        flag.as_ref()
            .is_some_and(|f| pairs.iter().any(|(k, v)| k == f && v == yes))
    };
    let yes = api.endpoints.first().map_or("True", |e| e.hook.bool_text.0);
    let ascii = query_pairs(raw, UTF_8);
    let encoding = match &api.plan.request_charset {
        Some((label, flag)) if !flag_true(&ascii, flag, yes) => {
            Encoding::for_label(label.as_bytes()).unwrap_or(UTF_8)
        }
        _ => UTF_8,
    };
    let pairs = query_pairs(raw, encoding);
    let utf8_answer = api
        .plan
        .answer_charset
        .as_ref()
        .is_some_and(|(_, flag)| flag_true(&pairs, flag, yes));
    // Endpoints share the path and `action`: every fixed value must match; then the one whose
    // required fields are all present, knowing most of the sent names (a payout's `zPass`, a
    // capture's `inputObj.*`), and with the most fixed values wins.
    let candidates: Vec<&Served> = api
        .endpoints
        .iter()
        .filter(|e| e.plan.path == req.path && fixed_match(e, &pairs, None))
        .collect();
    let complete = |e: &&Served| {
        e.plan
            .fields
            .iter()
            .filter(|f| f.required && !f.params)
            .all(|f| pairs.iter().any(|(k, _)| *k == f.wire))
    };
    if !candidates.iter().any(complete)
        && let Some((endpoint, code)) = near_miss(api, &pairs)
    {
        let fields = Node::Map(pairs.into_iter().map(|(k, v)| (k, Node::Str(v))).collect());
        return Routed::Refused {
            endpoint,
            fields,
            code,
        };
    }
    let best = candidates.into_iter().max_by_key(|e| {
        let known = |name: &str| e.plan.fields.iter().any(|f| f.wire == name);
        let recognised = pairs.iter().filter(|(k, _)| known(k)).count() as i64;
        let unknown = pairs.len() as i64 - recognised;
        (complete(e), recognised - unknown, e.plan.fixed.len())
    });
    let Some(endpoint) = best else {
        return Routed::Unknown(format!("no endpoint for `{raw}`"));
    };
    let fields = pairs
        .into_iter()
        .map(|(k, v)| {
            let list = endpoint.plan.fields.iter().any(|f| f.wire == k && f.list);
            let value = if list {
                Node::List(v.split(',').map(|s| Node::Str(s.to_string())).collect())
            } else {
                Node::Str(v)
            };
            (k, value)
        })
        .collect();
    found(endpoint, Node::Map(fields), utf8_answer)
}

#[cfg(test)]
mod tests {
    use hyp_api::TransportKind;
    use crate::plan::api::ExampleKind;

    use super::*;

    /// The vendor's request example of an endpoint, as the HTTP request a client sends.
    fn as_sent(api: &ServedApi, endpoint: &Served, body: &str) -> Option<Incoming> {
        let post = |path: &str, body: Vec<u8>| Incoming {
            method: Method::POST,
            path: path.to_string(),
            query: None,
            headers: HeaderMap::new(),
            body,
        };
        match api.transport()? {
            TransportKind::JsonPost => Some(post(&endpoint.plan.path, body.as_bytes().to_vec())),
            TransportKind::FormXml => {
                let field = endpoint.hook.xml?.form_field;
                let form = form_urlencoded::Serializer::new(String::new())
                    .append_pair("user", "u")
                    .append_pair("password", "p")
                    .append_pair(field, body)
                    .finish();
                Some(post(&endpoint.plan.path, form.into_bytes()))
            }
            TransportKind::QueryGet => Some(Incoming {
                method: Method::GET,
                path: endpoint.plan.path.clone(),
                query: body.trim().split_once('?').map(|(_, q)| q.to_string()),
                headers: HeaderMap::new(),
                body: Vec::new(),
            }),
            // The REST examples are curl command lines, not requests to replay.
            TransportKind::RestJson => None,
        }
    }

    /// Every request example in the spec reaches its own endpoint, however many endpoints
    /// share its path and `action` (Hyp Pay's five `action=soft` scenarios), and passes its
    /// checks on the day the examples describe.
    #[test]
    fn every_request_example_routes_to_its_endpoint_and_passes_its_checks() {
        use chrono::TimeZone;
        let day = chrono::Utc.with_ymd_and_hms(2026, 5, 25, 12, 0, 0).unwrap();
        let cx = hyp_api::ValidationContext::new(std::sync::Arc::new(hyp_api::FixedClock(day)));
        let mut routed = 0;
        for api in crate::generated::apis() {
            for endpoint in &api.endpoints {
                let requests = endpoint.plan.examples.iter();
                for x in requests.filter(|x| x.kind == ExampleKind::Request) {
                    let Some(request) = as_sent(&api, endpoint, &x.body) else {
                        continue;
                    };
                    match route(&api, &request) {
                        Routed::Found {
                            endpoint: e,
                            fields,
                            ..
                        } => {
                            assert_eq!(
                                e.plan.key, endpoint.plan.key,
                                "{} example `{}`",
                                api.plan.api, x.name
                            );
                            // ...and the client's own decoders and validators accept it.
                            let checked = (e.hook.check)(&fields, &cx);
                            assert_eq!(checked, Ok(()), "{} example `{}`", api.plan.api, x.name);
                        }
                        Routed::Refused { code, .. } => panic!(
                            "{} `{}` example `{}` refused with {code}",
                            api.plan.api, endpoint.plan.key, x.name
                        ),
                        Routed::Unknown(r) | Routed::Malformed(r) => {
                            panic!(
                                "{} `{}` example `{}`: {r}",
                                api.plan.api, endpoint.plan.key, x.name
                            )
                        }
                    }
                    routed += 1;
                }
            }
        }
        assert!(routed >= 20, "only {routed} request examples were routed");
    }

    #[test]
    fn path_templates_match_segments_and_decode_them() {
        assert_eq!(
            match_path("/accounts/{login}/password", "/accounts/7%2F7/password"),
            Some(vec![("login".to_string(), Node::Str("7/7".into()))])
        );
        assert_eq!(match_path("/accounts/{login}", "/accounts/"), None);
        assert_eq!(
            match_path("/accounts/{login}", "/accounts/1/password"),
            None
        );
        assert_eq!(match_path("/reports/daily", "/reports/groups"), None);
    }
}
