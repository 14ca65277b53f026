//! Hosted payment pages (the spec's `pages:` rule): a call issues one (Hyp Pay's signed
//! `What=SIGN` answer, CreditGuard's `TxnSetup` deal), the sandbox serves it as an HTML form,
//! and a POST to the form pays or declines it once, keeps the deal, and redirects (303) to the
//! merchant with the redirect parameters signed as the spec says.

use std::collections::HashMap;

use axum::http::{Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use hyp_api::wire::{UTF_8, encode_query};
use hyp_api::{Node, SecretString};
use crate::plan::spec::{Page, ValueFrom};

use crate::answer::{Answer, text};
use crate::incoming::Incoming;
use crate::served::{Served, ServedApi};
use crate::server::Shared;
use crate::state::{State, is_true};

/// Name/value pairs, in order.
type Pairs = Vec<(String, String)>;

/// A page the sandbox handed out.
struct Issued {
    /// The query that must reach the page unchanged (Hyp Pay: the whole signed answer).
    query: Pairs,
    /// The issuing request's fields.
    fields: Node,
    /// The API password the issuing call carried (the key of a documented redirect MAC).
    password: Option<SecretString>,
    used: bool,
}

/// The pages issued and the redirects sent.
#[derive(Default)]
pub struct PageBook {
    /// (api, page, id) → the page.
    issued: HashMap<(String, String, String), Issued>,
    /// (api, page) → every redirect sent, parameters in order.
    sent: HashMap<(String, String), Vec<Pairs>>,
}

impl PageBook {
    /// Whether `redirect` is, pair for pair, one the sandbox sent from `page`.
    pub fn sent(&self, api: &str, page: &str, redirect: &[(String, String)]) -> bool {
        self.sent
            .get(&(api.to_string(), page.to_string()))
            .is_some_and(|all| all.iter().any(|r| r == redirect))
    }
}

fn pairs_of(n: &Node) -> Vec<(String, String)> {
    match n {
        Node::Map(entries) => entries
            .iter()
            .map(|(k, v)| (k.clone(), text(v).unwrap_or_default()))
            .collect(),
        _ => Vec::new(),
    }
}

fn query_pairs(query: &str) -> Vec<(String, String)> {
    pairs_of(&hyp_api::wire::parse_urlencoded(query, UTF_8, None))
}

/// Issues the pages a successful call of `e` issues: numbers the page, writes its id and URL
/// into the answer, and remembers it.
pub fn issue(
    shared: &Shared,
    state: &mut State,
    api: &ServedApi,
    e: &Served,
    fields: &Node,
    password: Option<&str>,
    answer: &mut Answer,
) {
    let pages = api.plan.sandbox.pages.iter();
    for p in pages.filter(|p| p.issued_by == e.plan.key) {
        let meets = p.when.iter().all(|w| {
            let v = fields.get(&w.field).and_then(text);
            v.is_some_and(|v| w.values.contains(&v))
        });
        if !meets {
            continue;
        }
        let id = match &p.id_field {
            Some(field) => {
                let id = state.fresh().to_string();
                answer.set(e, field, Node::Str(id.clone()));
                id
            }
            None => answer
                .get(e, &p.id)
                .and_then(|n| text(&n))
                .unwrap_or_default(),
        };
        let query = match &p.url_field {
            Some(field) => {
                let query = vec![(p.id.clone(), id.clone())];
                let url = format!(
                    "{}{}{}?{}",
                    shared.origin,
                    api.prefix(),
                    p.path,
                    encode_query(&query, UTF_8)
                );
                answer.set(e, field, Node::Str(url));
                query
            }
            None => pairs_of(&answer.doc),
        };
        let key = (api.plan.api.clone(), p.name.clone(), id);
        let issued = Issued {
            query,
            fields: fields.clone(),
            password: password.map(|p| SecretString::from(p.to_string())),
            used: false,
        };
        state.pages.issued.insert(key, issued);
    }
}

/// The page a request asks for, if it is one: its rule and the query sent.
fn page_of<'a>(api: &'a ServedApi, req: &Incoming) -> Option<(&'a Page, Vec<(String, String)>)> {
    let query = query_pairs(req.query.as_deref().unwrap_or(""));
    let page = api.plan.sandbox.pages.iter().find(|p| {
        p.path == req.path
            && query.iter().any(|(k, _)| *k == p.id)
            && p.marked_by
                .iter()
                .all(|m| query.iter().any(|(k, v)| *k == m.field && *v == m.value))
    })?;
    Some((page, query))
}

/// Serves a page request (the form, or its submission); `None` when the request is no page.
pub fn serve(shared: &Shared, api: &ServedApi, req: &Incoming) -> Option<Response> {
    let (page, query) = page_of(api, req)?;
    let id = query
        .iter()
        .find(|(k, _)| *k == page.id)
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    let key = (api.plan.api.clone(), page.name.clone(), id);
    let mut state = shared.state();
    let Some(issued) = state.pages.issued.get(&key) else {
        return Some(html(StatusCode::NOT_FOUND, "No such payment page."));
    };
    if issued.query != query {
        return Some(html(
            StatusCode::BAD_REQUEST,
            "The payment page's parameters were changed after they were signed.",
        ));
    }
    if issued.used {
        return Some(html(
            StatusCode::GONE,
            "This payment page was already used.",
        ));
    }
    if req.method != Method::POST {
        let action = format!(
            "{}{}?{}",
            api.prefix(),
            req.path,
            req.query.as_deref().unwrap_or("")
        );
        return Some(form(&action));
    }
    let form = query_pairs(&String::from_utf8_lossy(&req.body));
    let get = |name: &str| {
        form.iter()
            .find(|(k, _)| k == name)
            .map_or(String::new(), |(_, v)| v.trim().to_string())
    };
    let paid = get("outcome") != "decline";
    let fields = issued.fields.clone();
    let password = issued.password.clone();
    let code = if paid {
        page.flag_codes
            .iter()
            .find(|f| is_true(&fields, &f.flag))
            .map_or(page.approved, |f| f.code)
    } else {
        page.declined.code
    };
    let payment = Payment {
        id: &key.2,
        code,
        paid,
        fields: &fields,
        number: get("cardNumber"),
        month: get("expMonth"),
        year: get("expYear"),
        password,
    };
    let redirect = redirect(&mut state, api, page, &payment);
    state.apply_page(api, &page.name, code, &redirect, &fields);
    if let Some(i) = state.pages.issued.get_mut(&key) {
        i.used = true;
    }
    state
        .pages
        .sent
        .entry((key.0.clone(), key.1.clone()))
        .or_default()
        .push(redirect.clone());
    let to = if code == page.approved || page.flag_codes.iter().any(|f| f.code == code) {
        &page.success_url
    } else {
        &page.failure_url
    };
    let base = to
        .field
        .as_ref()
        .and_then(|f| fields.get(f).and_then(text))
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| to.default.clone());
    let sep = if base.contains('?') { '&' } else { '?' };
    let location = format!("{base}{sep}{}", encode_query(&redirect, UTF_8));
    Some(
        (
            StatusCode::SEE_OTHER,
            [(header::LOCATION, location)],
            String::new(),
        )
            .into_response(),
    )
}

/// One submission of a page: what it was issued with and what the form was given.
struct Payment<'a> {
    id: &'a str,
    code: i64,
    paid: bool,
    /// The issuing request's fields.
    fields: &'a Node,
    number: String,
    month: String,
    year: String,
    password: Option<SecretString>,
}

/// The redirect's parameters, in the spec's order.
fn redirect(state: &mut State, api: &ServedApi, page: &Page, pay: &Payment<'_>) -> Pairs {
    let Payment {
        id,
        code,
        paid,
        fields,
        ..
    } = *pay;
    let frame = api.endpoint(&page.issued_by);
    let code_text = |c: i64| frame.map_or(c.to_string(), |e| crate::answer::code_text(e, c));
    let mut out: Pairs = Vec::new();
    for r in &page.redirect {
        if r.when.as_ref().is_some_and(|w| !is_true(fields, w)) {
            continue;
        }
        let value = if r.paid_only && !paid {
            String::new()
        } else {
            match r.from {
                ValueFrom::Request => r
                    .fields
                    .iter()
                    .filter_map(|f| fields.get(f).and_then(text))
                    .filter(|v| !v.is_empty())
                    .collect::<Vec<_>>()
                    .join(" "),
                ValueFrom::PageId => id.to_string(),
                ValueFrom::Fresh => state.fresh().to_string(),
                ValueFrom::Code => code_text(code),
                ValueFrom::ErrorCode if paid => String::new(),
                ValueFrom::ErrorCode => code_text(code),
                ValueFrom::CardLast4 => {
                    let n = &pay.number;
                    n.get(n.len().saturating_sub(4)..)
                        .unwrap_or_default()
                        .to_string()
                }
                ValueFrom::ExpiryMonth => pay.month.clone(),
                ValueFrom::ExpiryYear => pay.year.clone(),
                ValueFrom::Expiry => format!("{}{}", pay.month, pay.year),
                ValueFrom::Signature => {
                    let nonce = state.fresh();
                    crate::sign::signature(nonce, &out)
                }
                ValueFrom::Mac => match (api.redirect_mac, &pay.password) {
                    (Some(sign), Some(pw)) => sign(pw, &out),
                    _ => String::new(),
                },
            }
        };
        out.push((r.name.clone(), value));
    }
    out
}

fn escape(s: &str) -> String {
    quick_xml::escape::escape(s).into_owned()
}

fn html(status: StatusCode, message: &str) -> Response {
    let body = format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Payment page</title></head>\
         <body><p>{}</p></body></html>",
        escape(message)
    );
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response()
}

/// The page: a form a browser submits, posting back to the page's own URL.
fn form(action: &str) -> Response {
    let body = format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Payment page</title></head><body>\
         <form method=\"post\" action=\"{}\">\
         <label>Card number <input name=\"cardNumber\" autocomplete=\"cc-number\"></label>\
         <label>Month (MM) <input name=\"expMonth\" size=\"2\"></label>\
         <label>Year (YY) <input name=\"expYear\" size=\"2\"></label>\
         <button type=\"submit\" name=\"outcome\" value=\"pay\">Pay</button>\
         <button type=\"submit\" name=\"outcome\" value=\"decline\">Decline</button>\
         </form></body></html>",
        escape(action)
    );
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response()
}

/// The API password a form-authenticated call carried (the key of its redirect MAC).
pub fn auth_password(api: &ServedApi, req: &Incoming) -> Option<String> {
    let (_, field) = api.plan.auth_fields.as_ref()?;
    form_urlencoded::parse(&req.body)
        .find(|(k, _)| k == field.as_str())
        .map(|(_, v)| v.into_owned())
}
