//! Hosted payment pages (the spec's `pages:` rule): a call issues one (Hyp Pay's signed
//! `What=SIGN` answer and payment links, CreditGuard's `TxnSetup` deal), the sandbox serves it
//! as an HTML form, and a POST to the form pays or declines it once, keeps the deal it makes,
//! and redirects (303) to the merchant with the redirect parameters signed as the spec says.

mod deal;
mod html;
mod values;

use std::collections::HashMap;

use axum::http::{Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use hyp_api::wire::{UTF_8, encode_query};
use hyp_api::{Node, SecretString};

use crate::answer::{Answer, text};
use crate::incoming::Incoming;
use crate::plan::spec::Page;
use crate::served::{Served, ServedApi};
use crate::server::Shared;
use crate::state::{State, is_true};
use html::{form, html};
use values::{Pairs, Payment, Sources};

/// A page the sandbox handed out.
struct Issued {
    /// The query that must reach the page unchanged (Hyp Pay: the whole signed answer).
    query: Pairs,
    /// The issuing request's fields.
    fields: Node,
    /// The issuing answer's fields (the setup's `tranId`, a link's id).
    answer: Node,
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
            None if p.fresh_id => state.fresh().to_string(),
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
            answer: answer.fields(e),
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
    let issued_answer = issued.answer.clone();
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
        issued: &issued_answer,
        number: get("cardNumber"),
        month: get("expMonth"),
        year: get("expYear"),
        password,
    };
    let src = Sources {
        api,
        page,
        deal: None,
    };
    // A paid page makes its deal first: the redirect carries what the deal answered.
    let made = match (&page.deal, paid) {
        (Some(d), true) => deal::play(&mut state, &src, d, &payment, shared.validation.now()),
        _ => None,
    };
    let src = Sources {
        deal: made.as_ref(),
        ..src
    };
    let redirect = values::redirect(&mut state, &src, &payment);
    state.apply_page(api, &page.name, code, &redirect, &fields);
    if paid {
        deal::mark_paid(&mut state, &src, &payment);
    }
    if let Some(i) = state.pages.issued.get_mut(&key) {
        i.used = true;
    }
    state
        .pages
        .sent
        .entry((key.0.clone(), key.1.clone()))
        .or_default()
        .push(redirect.clone());
    let success = code == page.approved || page.flag_codes.iter().any(|f| f.code == code);
    let to = if success {
        &page.success_url
    } else {
        &page.failure_url
    };
    let base = to
        .field
        .as_ref()
        .and_then(|f| fields.get(f).and_then(text))
        .filter(|u| !u.is_empty())
        .or_else(|| shared.return_url(&api.plan.api, success))
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

/// The API password a form-authenticated call carried (the key of its redirect MAC).
pub fn auth_password(api: &ServedApi, req: &Incoming) -> Option<String> {
    let (_, field) = api.plan.auth_fields.as_ref()?;
    form_urlencoded::parse(&req.body)
        .find(|(k, _)| k == field.as_str())
        .map(|(_, v)| v.into_owned())
}
