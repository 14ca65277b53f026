//! A scripted vendor on loopback (axum): each route answers from a queue of scripted replies,
//! and every request received is recorded for assertions. A route is a Hyper function name
//! (`MT4_Deposit_Fiat_Json`, for `POST /MT4_Deposit_Fiat_Json`) or a REST `METHOD /path`
//! (`GET /accounts/128001`).

use std::collections::{HashMap, VecDeque};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};

/// One scripted answer.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    /// The body's bytes (text is sent as UTF-8; see [`Reply::bytes`] for other charsets).
    pub body: Vec<u8>,
    pub content_type: String,
    /// Wait this long before answering (to provoke a client timeout).
    pub delay: Duration,
}

impl Reply {
    pub fn new(status: u16, body: impl Into<String>) -> Self {
        Reply {
            status,
            body: body.into().into_bytes(),
            content_type: "application/json; charset=utf-8".into(),
            delay: Duration::ZERO,
        }
    }

    /// A reply of raw bytes with its own content type (an XML answer in ISO-8859-8, an HTML
    /// error page).
    pub fn bytes(status: u16, content_type: &str, body: Vec<u8>) -> Self {
        Reply {
            status,
            body,
            content_type: content_type.into(),
            delay: Duration::ZERO,
        }
    }

    /// The same reply with another content type.
    pub fn with_content_type(mut self, content_type: &str) -> Self {
        self.content_type = content_type.into();
        self
    }
    pub fn delayed(mut self, d: Duration) -> Self {
        self.delay = d;
        self
    }
}

/// One request as the server saw it.
#[derive(Debug, Clone)]
pub struct Received {
    pub method: String,
    pub path: String,
    /// The raw query string, if any.
    pub query: Option<String>,
    /// Every header, lower-case names, in arrival order.
    pub headers: Vec<(String, String)>,
    pub authorization: Option<String>,
    pub content_type: Option<String>,
    pub body: String,
}

#[derive(Default)]
struct Shared {
    script: HashMap<String, VecDeque<Reply>>,
    received: Vec<Received>,
}

/// The server; it stops when the test's runtime ends.
#[derive(Clone)]
pub struct MockServer {
    addr: SocketAddr,
    shared: Arc<Mutex<Shared>>,
}

impl Received {
    /// The first value of header `name` (lower-case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

impl MockServer {
    /// Starts on an ephemeral loopback port.
    pub async fn start() -> MockServer {
        let shared = Arc::new(Mutex::new(Shared::default()));
        let app = Router::new().fallback(handle).with_state(shared.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind loopback");
        let addr = listener.local_addr().expect("local addr");
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        MockServer { addr, shared }
    }

    /// The base URL to give a client.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Queues `reply` as the next answer on `route`: a function name, or `METHOD /path`.
    pub fn push(&self, route: &str, reply: Reply) {
        self.lock()
            .script
            .entry(route.to_string())
            .or_default()
            .push_back(reply);
    }

    /// Every request received so far.
    pub fn received(&self) -> Vec<Received> {
        self.lock().received.clone()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Shared> {
        self.shared.lock().unwrap_or_else(|p| p.into_inner())
    }
}

async fn handle(
    State(shared): State<Arc<Mutex<Shared>>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let path = uri.path().to_string();
    let reply = {
        let mut s = shared.lock().unwrap_or_else(|p| p.into_inner());
        s.received.push(Received {
            method: method.to_string(),
            path: path.clone(),
            query: uri.query().map(str::to_string),
            headers: headers
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or_default().to_string()))
                .collect(),
            authorization: header("authorization"),
            content_type: header("content-type"),
            body: String::from_utf8_lossy(&body).into_owned(),
        });
        let rest = format!("{method} {path}");
        let function = path.trim_start_matches('/').to_string();
        [rest, function]
            .iter()
            .find_map(|k| s.script.get_mut(k).and_then(VecDeque::pop_front))
    };
    let Some(reply) = reply else {
        return (
            StatusCode::NOT_FOUND,
            format!("no scripted reply for {method} {path}"),
        )
            .into_response();
    };
    if !reply.delay.is_zero() {
        tokio::time::sleep(reply.delay).await;
    }
    let status = StatusCode::from_u16(reply.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, [("content-type", reply.content_type)], reply.body).into_response()
}
