//! The query-string transport (Hyp Pay): the query (and a form POST body as its equivalent),
//! its fixed values (`action`, `What`, `iCommand`) selecting the endpoint among those sharing
//! a path; a near miss answered in its endpoint's frame.

use axum::http::Method;
use hyp_api::Node;
use hyp_api::wire::{Encoding, UTF_8};

use super::{Incoming, Routed, found, query_pairs};
use crate::served::{Served, ServedApi};

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

pub(super) fn query_get<'a>(api: &'a ServedApi, req: &Incoming) -> Routed<'a> {
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
