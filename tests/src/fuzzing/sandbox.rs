//! Fuzz input: one request to `hyp-sandbox`, built as a client sends it and handed to the
//! sandbox's own service in process (the router every connection is served by, called as a
//! tower `Service`: no socket, so the fuzzer runs thousands of requests a second, not
//! hundreds). Bytes: `[endpoint selector, payload…]`; the payload is the JSON body (Hyper ERP,
//! MT5), the XML of the `int_in` form field (CreditGuard, with the sandbox's credentials
//! beside it) or the query string (Hyp Pay). A panic while handling it aborts the fuzzer
//! (libFuzzer's panic hook runs before the sandbox's panic guard can catch it); a hang is a
//! timeout.

use std::sync::{Mutex, OnceLock};

use axum::body::Body;
use axum::http::{Method, Request, header};
use hyp_codegen::model::Api;
use hyp_codegen::spec::{AuthKind, HttpMethod, TransportKind};
use hyp_sandbox::Sandbox;
use tower::ServiceExt;

/// Requests served by one sandbox before a fresh one replaces it (its state grows by design).
const REQUESTS_PER_SANDBOX: usize = 20_000;

/// The largest answer body read back (the sandbox's answers are a few KB).
const ANSWER_LIMIT: usize = 16 * 1024 * 1024;

struct Runner {
    runtime: tokio::runtime::Runtime,
    sandbox: Sandbox,
    served: usize,
}

fn runner() -> &'static Mutex<Runner> {
    static RUNNER: OnceLock<Mutex<Runner>> = OnceLock::new();
    RUNNER.get_or_init(|| {
        // A worker thread for the sandboxes' own tasks: on a current-thread runtime they would
        // run only when a request awaits, which the router's answers seldom do, so a replaced
        // sandbox's accept loop never saw its stop signal and its state was never freed.
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

/// Hands `data` as one request to the sandbox's service; returns the answer's status, if the
/// input makes a request at all.
pub fn run(data: &[u8]) -> Option<u16> {
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
    let request = request(&runner.sandbox, data)?.map(Body::from);
    let service = runner.sandbox.router();
    runner.runtime.block_on(async {
        let response = service.oneshot(request).await.ok()?;
        let status = response.status().as_u16();
        axum::body::to_bytes(response.into_body(), ANSWER_LIMIT)
            .await
            .ok()?;
        Some(status)
    })
}

/// The request input `data` makes for `sandbox`, as a client would send it (the URL, absolute,
/// parsed and so percent-encoded by reqwest's parser; the credentials where the API carries
/// them); `None` when the input makes no request (empty, or a URL that does not parse).
pub fn request(sandbox: &Sandbox, data: &[u8]) -> Option<Request<String>> {
    let (&selector, payload) = data.split_first()?;
    let all = endpoints();
    let (a, e) = all[usize::from(selector) % all.len()];
    let (api, endpoint) = (&apis()[a], &apis()[a].endpoints[e]);
    let payload = String::from_utf8_lossy(payload);
    let path = placeholders(&endpoint.path);
    let mut url = format!("{}{path}", sandbox.base_url(&api.name));
    let credentials = credentials(&api.name);
    let method = match endpoint.http_method {
        HttpMethod::Get => Method::GET,
        HttpMethod::Post => Method::POST,
        HttpMethod::Put => Method::PUT,
        HttpMethod::Patch => Method::PATCH,
        HttpMethod::Delete => Method::DELETE,
    };
    let (content_type, body) = match api.transport {
        TransportKind::QueryGet => {
            url.push('?');
            url.push_str(&payload);
            (None, String::new())
        }
        TransportKind::FormXml => {
            let (user, password) = api.auth_fields.clone()?;
            let xml = api.xml.as_ref()?;
            let form = form_urlencoded::Serializer::new(String::new())
                .append_pair(&user, credentials.first()?)
                .append_pair(&password, credentials.get(1)?)
                .append_pair(&xml.form_field, &payload)
                .finish();
            (Some("application/x-www-form-urlencoded"), form)
        }
        TransportKind::JsonPost | TransportKind::RestJson => {
            (Some("application/json"), payload.into_owned())
        }
    };
    let url = reqwest::Url::parse(&url).ok()?;
    let mut request = Request::builder()
        .method(method)
        .uri(url.as_str())
        .header(header::HOST, url.authority());
    if let Some(content_type) = content_type {
        request = request.header(header::CONTENT_TYPE, content_type);
    }
    if let (AuthKind::Bearer, Some(token)) = (&api.auth, credentials.first()) {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    request.body(body).ok()
}

/// The default credentials of `api`, in spec order (what a fresh sandbox accepts), read once:
/// each read parses the sandbox's plans, which would cost more than the request itself.
fn credentials(api: &str) -> &'static [String] {
    static BY_API: OnceLock<Vec<(String, Vec<String>)>> = OnceLock::new();
    let by_api = BY_API.get_or_init(|| {
        let mut out: Vec<(String, Vec<String>)> = Vec::new();
        for (a, _, value, _) in Sandbox::default_credentials() {
            match out.iter_mut().find(|(x, _)| *x == a) {
                Some((_, values)) => values.push(value),
                None => out.push((a, vec![value])),
            }
        }
        out
    });
    by_api
        .iter()
        .find(|(a, _)| a == api)
        .map_or(&[], |(_, values)| values.as_slice())
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
