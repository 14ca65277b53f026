//! The vendor's request examples (spec/<api>/*.yaml) sent raw, as each API's own client would,
//! with the sandbox's default credentials; and the code an answer example carries.

use std::path::Path;

use hyp_codegen::model::{Api, Endpoint, ExampleKind, TransportKind};
use hyp_sandbox::{FAULT_HEADER, Sandbox};

use crate::common::shape::{Kind, Raw, Tree, parse, sniff};

/// Every API of spec/, as codegen resolves it.
pub fn apis() -> Vec<Api> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec");
    hyp_codegen::load_all(&root).unwrap_or_else(|d| panic!("spec/ does not load: {d:?}"))
}

/// The endpoint's request examples, by name and body (fixups applied).
pub fn requests(e: &Endpoint) -> Vec<(String, String)> {
    e.examples
        .iter()
        .filter(|x| x.kind == ExampleKind::Request)
        .map(|x| (x.name.clone(), x.fixed_body()))
        .collect()
}

/// How to change a request before sending it.
#[derive(Clone, Copy, Default)]
pub struct Twist<'a> {
    /// Leave the bearer token out.
    pub no_token: bool,
    /// Give this field (JSON key, query parameter, form field) this value.
    pub field: Option<(&'a str, &'a str)>,
    /// The fault header's value.
    pub fault: Option<&'a str>,
}

/// A curl example → (method, path under the API, headers).
fn curl(body: &str) -> Option<(reqwest::Method, String)> {
    let url = body.split_whitespace().find(|w| w.starts_with("http"))?;
    let path = url.split_once("/manager")?.1.to_string();
    let method = if body.contains("-X POST") {
        reqwest::Method::POST
    } else {
        reqwest::Method::GET
    };
    Some((method, path))
}

/// Sends the example `body` of an endpoint of `api` raw; `None` when the example is not a
/// request one can replay (a template).
pub async fn send(sandbox: &Sandbox, api: &Api, e: &Endpoint, body: &str, t: Twist<'_>) -> Raw {
    let base = sandbox.base_url(&api.name);
    let http = reqwest::Client::new();
    let mut request = match api.transport {
        TransportKind::JsonPost => {
            let mut json: serde_json::Value = serde_json::from_str(body).expect("JSON example");
            if let Some((k, v)) = t.field {
                json[k] = serde_json::Value::String(v.to_string());
            }
            http.post(format!("{base}/{}", e.path.trim_start_matches('/')))
                .header("content-type", "application/json")
                .body(json.to_string())
        }
        TransportKind::FormXml => {
            let (user, password) = api.auth_fields.clone().expect("auth fields");
            let mut form = vec![
                (user.clone(), sandbox.credential(&api.name, &user)),
                (password.clone(), sandbox.credential(&api.name, &password)),
                ("int_in".to_string(), body.to_string()),
            ];
            if let Some((k, v)) = t.field {
                for (fk, fv) in form.iter_mut() {
                    if fk == k {
                        *fv = v.to_string();
                    }
                }
            }
            http.post(format!("{base}{}", e.path)).form(&form)
        }
        TransportKind::QueryGet => {
            let query = body.trim().split_once('?').map_or("", |(_, q)| q);
            let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
                .map(|(k, v)| match t.field {
                    Some((f, value)) if f == k => (k.into_owned(), value.to_string()),
                    _ => (k.into_owned(), v.into_owned()),
                })
                .collect();
            let query = form_urlencoded::Serializer::new(String::new())
                .extend_pairs(&pairs)
                .finish();
            http.get(format!("{base}{}?{query}", e.path))
        }
        TransportKind::RestJson => {
            let (method, path) = curl(body).expect("a curl example");
            http.request(method, format!("{base}{path}"))
                .header("accept", "application/json")
        }
    };
    if !t.no_token
        && let Some((name, ..)) = bearer(api)
    {
        request = request.bearer_auth(sandbox.credential(&api.name, &name));
    }
    if let Some(f) = t.fault {
        request = request.header(FAULT_HEADER, f);
    }
    Raw::read(request.send().await.expect("the sandbox answers")).await
}

/// The API's first bearer credential: (name, wrong code).
pub fn bearer(api: &Api) -> Option<(String, i64)> {
    let sb = api.sandbox.as_ref()?;
    sb.credentials
        .iter()
        .find(|k| k.carried == hyp_codegen::sandbox::spec::Carried::Bearer)
        .map(|k| (k.name.clone(), k.wrong.code))
}

/// The code an answer body carries in the API's envelope (its `code` field), if any; pairs or
/// a JSON value without it (Hyp Pay's payment-link list) carry the API's `code_when_missing`.
pub fn code_of(api: &Api, body: &str) -> Option<i64> {
    let name = api.envelope.as_ref()?.code_wire.clone();
    let kind = sniff(body);
    let tree = parse(kind, body).ok()?;
    find(&tree, &name)
        .and_then(|v| v.trim().parse().ok())
        .or(match kind {
            Kind::Form | Kind::Json => api.envelope.as_ref()?.code_when_missing,
            _ => None,
        })
}

fn find(tree: &Tree, name: &str) -> Option<String> {
    match tree {
        Tree::Leaf(_) => None,
        Tree::List(items) => items.iter().find_map(|t| find(t, name)),
        Tree::Branch(entries) => entries.iter().find_map(|(k, v)| match v {
            Tree::Leaf((_, text)) if k == name => Some(text.clone()),
            _ => find(v, name),
        }),
    }
}
