//! Fuzz input: one request to `hyp-sandbox`, sent over loopback as a client would. Bytes:
//! `[endpoint selector, payload…]`; the payload is the JSON body (Hyper ERP, MT5), the XML of
//! the `int_in` form field (CreditGuard, with the sandbox's credentials beside it) or the query
//! string (Hyp Pay). A panic while handling it aborts the fuzzer (libFuzzer's panic hook runs
//! before the sandbox's panic guard can catch it); a hang is a timeout.

use std::sync::{Mutex, OnceLock};

use hyp_codegen::model::Api;
use hyp_codegen::spec::{AuthKind, HttpMethod, TransportKind};
use hyp_sandbox::Sandbox;

/// Requests served by one sandbox before a fresh one replaces it (its state grows by design).
const REQUESTS_PER_SANDBOX: usize = 20_000;

struct Runner {
    runtime: tokio::runtime::Runtime,
    sandbox: Sandbox,
    served: usize,
    http: reqwest::Client,
}

fn runner() -> &'static Mutex<Runner> {
    static RUNNER: OnceLock<Mutex<Runner>> = OnceLock::new();
    RUNNER.get_or_init(|| {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .expect("a tokio runtime");
        let sandbox = runtime
            .block_on(Sandbox::start())
            .expect("the sandbox starts");
        Mutex::new(Runner {
            runtime,
            sandbox,
            served: 0,
            http: reqwest::Client::new(),
        })
    })
}

/// Every API of the spec, loaded once.
pub fn apis() -> &'static [Api] {
    crate::vendor::all()
}

/// (API index, endpoint index) of every endpoint, in spec order.
fn endpoints() -> &'static [(usize, usize)] {
    static ALL: OnceLock<Vec<(usize, usize)>> = OnceLock::new();
    ALL.get_or_init(|| {
        apis()
            .iter()
            .enumerate()
            .flat_map(|(a, api)| (0..api.endpoints.len()).map(move |e| (a, e)))
            .collect()
    })
}

/// The input bytes for a request of the `index`-th endpoint (over all APIs, spec order).
pub fn input(index: usize, payload: &str) -> Vec<u8> {
    let mut out = vec![index as u8];
    out.extend_from_slice(payload.as_bytes());
    out
}

/// The payload of a documented request example (`kind: request`) as [`run`] expects it.
pub fn payload(api: &Api, example_body: &str) -> String {
    match api.transport {
        TransportKind::QueryGet => example_body
            .split_once('?')
            .map_or(example_body, |(_, q)| q)
            .to_string(),
        _ => example_body.to_string(),
    }
}

/// Index (over all APIs) of endpoint `e` of API `a`.
pub fn index_of(a: usize, e: usize) -> usize {
    endpoints()
        .iter()
        .position(|x| *x == (a, e))
        .expect("a spec endpoint")
}

/// Sends `data` as one request to the sandbox; returns the answer's status, if any.
pub fn run(data: &[u8]) -> Option<u16> {
    let (&selector, payload) = data.split_first()?;
    let all = endpoints();
    let (a, e) = all[usize::from(selector) % all.len()];
    let (api, endpoint) = (&apis()[a], &apis()[a].endpoints[e]);
    let payload = String::from_utf8_lossy(payload);
    let mut runner = runner().lock().unwrap_or_else(|p| p.into_inner());
    if runner.served >= REQUESTS_PER_SANDBOX {
        let fresh = runner
            .runtime
            .block_on(Sandbox::start())
            .expect("the sandbox starts");
        runner.sandbox = fresh;
        runner.served = 0;
    }
    runner.served += 1;
    let request = build(&runner, api, endpoint, &payload)?;
    runner.runtime.block_on(async {
        let response = request.send().await.ok()?;
        let status = response.status().as_u16();
        response.bytes().await.ok()?;
        Some(status)
    })
}

fn build(
    runner: &Runner,
    api: &Api,
    endpoint: &hyp_codegen::model::Endpoint,
    payload: &str,
) -> Option<reqwest::RequestBuilder> {
    let sandbox = &runner.sandbox;
    let path = placeholders(&endpoint.path);
    let mut url = format!("{}{path}", sandbox.base_url(&api.name));
    let credentials: Vec<String> = Sandbox::default_credentials()
        .into_iter()
        .filter(|(a, ..)| *a == api.name)
        .map(|(_, name, ..)| sandbox.credential(&api.name, &name))
        .collect();
    let method = match endpoint.http_method {
        HttpMethod::Get => reqwest::Method::GET,
        HttpMethod::Post => reqwest::Method::POST,
        HttpMethod::Put => reqwest::Method::PUT,
        HttpMethod::Patch => reqwest::Method::PATCH,
        HttpMethod::Delete => reqwest::Method::DELETE,
    };
    let request = match api.transport {
        TransportKind::QueryGet => {
            url.push('?');
            url.push_str(payload);
            let url = reqwest::Url::parse(&url).ok()?;
            runner.http.request(method, url)
        }
        TransportKind::FormXml => {
            let (user, password) = api.auth_fields.clone()?;
            let xml = api.xml.as_ref()?;
            let form = form_urlencoded::Serializer::new(String::new())
                .append_pair(&user, credentials.first()?)
                .append_pair(&password, credentials.get(1)?)
                .append_pair(&xml.form_field, payload)
                .finish();
            runner
                .http
                .request(method, &url)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(form)
        }
        TransportKind::JsonPost | TransportKind::RestJson => runner
            .http
            .request(method, &url)
            .header("content-type", "application/json")
            .body(payload.to_string()),
    };
    Some(match (&api.auth, credentials.first()) {
        (AuthKind::Bearer, Some(token)) => request.bearer_auth(token),
        _ => request,
    })
}

/// A path with every `{field}` placeholder filled with a plausible account number.
fn placeholders(path: &str) -> String {
    let mut out = String::new();
    let mut rest = path;
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        out.push_str("1001");
        rest = after.split_once('}').map_or("", |(_, r)| r);
    }
    out.push_str(rest);
    out
}
