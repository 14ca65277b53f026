//! A "vendor" on loopback that is the sandbox with a twist: every request is passed on to
//! `hyp-sandbox` as received, and its answer comes back with a secret echoed into it (or cut
//! short first), as a vendor echoing what it was sent would answer.

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};

/// What the proxy does to the next answers.
#[derive(Debug, Clone, Default)]
pub enum Twist {
    /// The sandbox's answer as it is.
    #[default]
    None,
    /// The answer with an echo (form name, text) added as an unlisted field.
    Echo(&'static str, String),
    /// The first half of the answer, then the echo as an unlisted field (undecodable, but
    /// for URL-encoded pairs, which have no end to miss).
    Truncate(&'static str, String),
    /// The answer with its code (the envelope field of this name, or the HTTP status where
    /// there is none) replaced by one the vendor never documented.
    Code(Option<String>, i64),
    /// The answer after this long (a client timeout).
    Delay(std::time::Duration),
}

#[derive(Clone)]
struct Shared {
    sandbox: String,
    twist: Arc<Mutex<(Twist, String)>>,
    http: reqwest::Client,
}

/// The proxy: point clients at [`Proxy::origin`] + the sandbox's API prefix.
pub struct Proxy {
    pub origin: String,
    twist: Arc<Mutex<(Twist, String)>>,
}

impl Proxy {
    /// Starts a proxy in front of the sandbox at `sandbox_origin` (`http://127.0.0.1:PORT`).
    pub async fn start(sandbox_origin: String) -> Proxy {
        let twist = Arc::new(Mutex::new((Twist::None, String::new())));
        let shared = Shared {
            sandbox: sandbox_origin,
            twist: twist.clone(),
            http: reqwest::Client::new(),
        };
        let app = Router::new().fallback(forward).with_state(shared);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let origin = format!("http://{}", listener.local_addr().expect("addr"));
        tokio::spawn(async move { axum::serve(listener, app).await.ok() });
        Proxy { origin, twist }
    }

    /// Twists the next answers; `command` names the XML element holding the answer's fields.
    pub fn set(&self, twist: Twist, command: &str) {
        *self.twist.lock().unwrap_or_else(|p| p.into_inner()) = (twist, command.to_string());
    }
}

async fn forward(
    State(s): State<Shared>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let (twist, command) = s.twist.lock().unwrap_or_else(|p| p.into_inner()).clone();
    if let Twist::Delay(d) = twist {
        tokio::time::sleep(d).await;
    }
    let path = uri.path_and_query().map_or("/", |p| p.as_str());
    let mut request = s
        .http
        .request(method, format!("{}{path}", s.sandbox))
        .body(body);
    for (name, value) in &headers {
        if name != "host" && name != "content-length" {
            request = request.header(name, value);
        }
    }
    let Ok(answer) = request.send().await else {
        return StatusCode::BAD_GATEWAY.into_response();
    };
    let status = answer.status();
    let content_type = answer.headers().get("content-type").cloned();
    let bytes = answer.bytes().await.unwrap_or_default();
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let mut twist_code = None;
    let body = match twist {
        Twist::None | Twist::Delay(_) => text,
        Twist::Code(field, code) => {
            twist_code = Some((field, code));
            text
        }
        Twist::Echo(form, echo) => super::echo::insert(&text, &command, (form, &echo)),
        Twist::Truncate(form, echo) => {
            // The echo where the full answer has it, the end cut off (a URL-encoded answer has
            // its echo at the end, so it is cut first).
            let pairs = !text.trim_start().starts_with(['{', '[', '<']);
            if pairs {
                let half = head(&text, text.len() / 2);
                super::echo::insert(half, &command, (form, &echo))
            } else {
                let echoed = super::echo::insert(&text, &command, (form, &echo));
                head(&echoed, echoed.len() - text.len() / 2).to_string()
            }
        }
    };
    let (status, body) = match twist_code {
        Some((field, code)) => super::code::rewrite(status, &body, field.as_deref(), code),
        None => (status, body),
    };
    let mut response = (status, body).into_response();
    if let Some(ct) = content_type {
        response.headers_mut().insert("content-type", ct);
    }
    response
}

/// The first `len` bytes of `text` (fewer, to end on a character).
fn head(text: &str, len: usize) -> &str {
    let mut cut = len.min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    &text[..cut]
}
