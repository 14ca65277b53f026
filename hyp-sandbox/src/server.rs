//! The HTTP side: one axum server for every API, each under its own prefix
//! (`/hyper-erp`, `/pay`, …), and the [`Sandbox`] handle tests and examples hold.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, PoisonError};

use axum::body::{Body, Bytes};
use axum::extract::State as AxumState;
use axum::http::{HeaderMap, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use hyp_api::wire::{Encoding, UTF_8};
use hyp_api::{Decimal, TransportKind};
use tokio::net::TcpListener;

use crate::answer::{Answer, Wire};
use crate::fault::{FAULT_HEADER, Fault, FaultKind};
use crate::incoming::{Incoming, Routed, route};
use crate::served::{Served, ServedApi};
use crate::state::State;

struct Shared {
    apis: Vec<ServedApi>,
    state: Mutex<State>,
    /// (api, endpoint) → faults for its next calls, in order.
    faults: Mutex<HashMap<(String, String), Vec<Fault>>>,
}

impl Shared {
    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// A running sandbox serving every API in `spec/` on loopback. Dropping it stops the server.
pub struct Sandbox {
    addr: SocketAddr,
    shared: Arc<Shared>,
    _stop: tokio::sync::oneshot::Sender<()>,
}

impl Sandbox {
    /// Starts on `127.0.0.1` on a free port (inside a tokio runtime).
    pub async fn start() -> std::io::Result<Sandbox> {
        Self::start_on(SocketAddr::from(([127, 0, 0, 1], 0))).await
    }

    /// Starts on `addr` (port 0: a free port).
    pub async fn start_on(addr: SocketAddr) -> std::io::Result<Sandbox> {
        let listener = TcpListener::bind(addr).await?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared {
            apis: crate::generated::apis(),
            state: Mutex::new(State::default()),
            faults: Mutex::new(HashMap::new()),
        });
        let app = axum::Router::new()
            .fallback(handle)
            .with_state(shared.clone());
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(async move {
            let shutdown = async {
                let _ = stopped.await;
            };
            if let Err(e) = axum::serve(listener, app)
                .with_graceful_shutdown(shutdown)
                .await
            {
                tracing::error!(error = %e, "sandbox server stopped");
            }
        });
        Ok(Sandbox {
            addr,
            shared,
            _stop: stop,
        })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The APIs served, by spec name (`hyper-erp`, `mt5-manager`, `creditguard`, `pay`).
    pub fn apis(&self) -> Vec<&str> {
        self.shared
            .apis
            .iter()
            .map(|a| a.plan.api.as_str())
            .collect()
    }

    /// The base URL to give an API's `Client::builder` (`http://127.0.0.1:PORT/hyper-erp`).
    ///
    /// # Panics
    /// When no API in `spec/` has this name (see [`Sandbox::apis`]).
    pub fn base_url(&self, api: &str) -> String {
        let served = self.api(api);
        format!("http://{}{}", self.addr, served.prefix())
    }

    fn api(&self, api: &str) -> &ServedApi {
        self.shared
            .apis
            .iter()
            .find(|a| a.plan.api == api)
            .unwrap_or_else(|| panic!("no API `{api}` in spec/; served: {:?}", self.apis()))
    }

    /// Makes the next call of `endpoint` (its spec key: `MT4_Deposit_Fiat_Json`,
    /// `POST /transactions/deposit`, `doDeal`, `soft token charge`) meet `fault`. Faults
    /// injected for the same endpoint strike its next calls in order.
    ///
    /// # Panics
    /// When the API or the endpoint is not in `spec/`.
    pub fn inject(&self, api: &str, endpoint: &str, fault: Fault) {
        assert!(
            self.api(api).endpoint(endpoint).is_some(),
            "`{api}` has no endpoint `{endpoint}`"
        );
        self.shared
            .faults
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .entry((api.to_string(), endpoint.to_string()))
            .or_default()
            .push(fault);
    }

    /// A ledger's balance (`balance` of `hyper-erp` for `["500155", "ILS"]`): the sum of the
    /// amounts credited less those debited, in the request's major units.
    pub fn balance(&self, api: &str, ledger: &str, account: &[&str]) -> Decimal {
        self.shared.state().balance(api, ledger, account)
    }

    /// Moves a record to `status` (a payment link to `paid`), as the vendor's other channels
    /// would. False when no such record exists.
    pub fn set_status(&self, api: &str, record: &str, id: &str, status: &str) -> bool {
        self.shared.state().set_status(api, record, id, status)
    }

    /// A queue's rows: (id, status), in the order they were added.
    pub fn queue(&self, api: &str, queue: &str) -> Vec<(String, i64)> {
        self.shared.state().queue(api, queue)
    }

    /// How many calls of `endpoint` arrived (well-formed, whatever their answer).
    pub fn received(&self, api: &str, endpoint: &str) -> usize {
        let key = (api.to_string(), endpoint.to_string());
        self.shared.state().received.get(&key).copied().unwrap_or(0)
    }

    /// How many calls of `endpoint` took effect (replays and refusals do not).
    pub fn applied(&self, api: &str, endpoint: &str) -> usize {
        let key = (api.to_string(), endpoint.to_string());
        self.shared.state().applied.get(&key).copied().unwrap_or(0)
    }
}

async fn handle(
    AxumState(shared): AxumState<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let path = uri.path();
    let Some(api) = shared.apis.iter().find(|a| {
        path.strip_prefix(&a.prefix())
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    }) else {
        let names: Vec<_> = shared.apis.iter().map(|a| a.prefix()).collect();
        return (
            StatusCode::NOT_FOUND,
            format!("no API at {path}; served: {names:?}"),
        )
            .into_response();
    };
    let rest = &path[api.prefix().len()..];
    let incoming = Incoming {
        method,
        path: if rest.is_empty() {
            "/".into()
        } else {
            rest.to_string()
        },
        query: uri.query().map(str::to_string),
        headers,
        body: body.to_vec(),
    };
    let header_fault = incoming
        .headers
        .get(FAULT_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::parse::<Fault>);
    let header_fault = match header_fault {
        Some(Err(e)) => {
            return (StatusCode::BAD_REQUEST, format!("{FAULT_HEADER}: {e}")).into_response();
        }
        Some(Ok(f)) => Some(f),
        None => None,
    };
    let Some(frame) = api.endpoints.first() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match route(api, &incoming) {
        Routed::Unknown(reason) => match &api.plan.sandbox.unknown_endpoint {
            Some(a) => {
                let mut answer = Answer::for_code(api, frame, a.code).without_command(frame);
                answer.set_message(frame, &reason);
                write(api, frame, &answer, false)
            }
            None => (StatusCode::NOT_FOUND, reason).into_response(),
        },
        Routed::Malformed(reason) => match invalid_answer(api, frame, &reason) {
            Some(answer) => write(api, frame, &answer.without_command(frame), false),
            None => (
                StatusCode::BAD_REQUEST,
                format!("invalid request: {reason}"),
            )
                .into_response(),
        },
        Routed::Found {
            endpoint,
            fields,
            utf8_answer,
        } => {
            let key = (api.plan.api.clone(), endpoint.plan.key.clone());
            *shared.state().received.entry(key.clone()).or_default() += 1;
            let fault = header_fault
                .or_else(|| {
                    let mut faults = shared.faults.lock().unwrap_or_else(PoisonError::into_inner);
                    let queued = faults.get_mut(&key)?;
                    (!queued.is_empty()).then(|| queued.remove(0))
                })
                .map(|f| playable(api, endpoint, f));
            if let Err(reason) = (endpoint.hook.check)(&fields) {
                return invalid(api, endpoint, &reason, utf8_answer);
            }
            if let Some(f) = fault.filter(|f| !f.applied) {
                return strike(api, endpoint, f, None, utf8_answer).await;
            }
            let answer = {
                let mut state = shared.state();
                state
                    .replayed(api, endpoint, &fields)
                    .or_else(|| state.refusal(api, endpoint, &fields))
                    .unwrap_or_else(|| {
                        let success = success(api, endpoint, &fields);
                        state.apply(api, endpoint, &fields, success)
                    })
            };
            match fault {
                Some(f) => strike(api, endpoint, f, Some(&answer), utf8_answer).await,
                None => write(api, endpoint, &answer, utf8_answer),
            }
        }
    }
}

/// A vendor timeout the spec does not declare for the endpoint cannot be played: the call is
/// then not applied either.
fn playable(api: &ServedApi, e: &Served, fault: Fault) -> Fault {
    let declared = api
        .plan
        .sandbox
        .timeouts
        .iter()
        .any(|t| t.endpoints.contains(&e.plan.key));
    if fault.kind == FaultKind::VendorTimeout && !declared {
        fault.applied(false)
    } else {
        fault
    }
}

/// The answer of a call that goes through: its first outcome code, or the code a request
/// flag selects (a J5 charge answers 700).
fn success(api: &ServedApi, e: &Served, fields: &hyp_api::Node) -> Answer {
    let flagged = api.plan.sandbox.flag_codes.iter().find(|f| {
        f.endpoint == e.plan.key
            && matches!(fields, hyp_api::Node::Map(m) if m.iter().any(|(k, v)| *k == f.flag
                && crate::answer::text(v).is_some_and(|t| t == e.hook.bool_text.0 || t == "true")))
    });
    match flagged {
        // The flagged code's own example, else the success answer's fields (a J5
        // authorization carries the `Id`, `ACode` and `UID` a charge does) with its code.
        Some(f) => Answer::documented(api, e, f.code).unwrap_or_else(|| {
            let mut answer = success_without_effects(api, e);
            answer.set_code(api, e, f.code);
            answer
        }),
        None => success_without_effects(api, e),
    }
}

/// The spec's answer to a request its validators refuse, the reason in the message.
fn invalid_answer(api: &ServedApi, e: &Served, reason: &str) -> Option<Answer> {
    let a = api.plan.sandbox.invalid_request.as_ref()?;
    let mut answer = Answer::for_code(api, e, a.code);
    answer.set_code(api, e, a.code);
    answer.set_message(e, &format!("invalid request: {reason}"));
    Some(answer)
}

fn invalid(api: &ServedApi, e: &Served, reason: &str, utf8: bool) -> Response {
    match invalid_answer(api, e, reason) {
        Some(answer) => write(api, e, &answer, utf8),
        None => (
            StatusCode::BAD_REQUEST,
            format!("invalid request: {reason}"),
        )
            .into_response(),
    }
}

fn charset(api: &ServedApi, e: &Served, utf8: bool) -> &'static Encoding {
    match &api.plan.answer_charset {
        Some((label, _)) if !utf8 && e.hook.transport == TransportKind::QueryGet => {
            Encoding::for_label(label.as_bytes()).unwrap_or(UTF_8)
        }
        _ => UTF_8,
    }
}

fn bytes(api: &ServedApi, e: &Served, answer: &Answer, utf8: bool) -> Wire {
    answer.write(e.hook.bool_text, charset(api, e, utf8))
}

fn respond(w: Wire) -> Response {
    Response::builder()
        .status(w.status)
        .header(header::CONTENT_TYPE, w.content_type)
        .body(Body::from(w.body))
        .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
}

fn write(api: &ServedApi, e: &Served, answer: &Answer, utf8: bool) -> Response {
    respond(bytes(api, e, answer, utf8))
}

async fn strike(
    api: &ServedApi,
    e: &Served,
    fault: Fault,
    answer: Option<&Answer>,
    utf8: bool,
) -> Response {
    let normal = || {
        answer
            .cloned()
            .unwrap_or_else(|| success_without_effects(api, e))
    };
    match fault.kind {
        FaultKind::Delay(d) => {
            tokio::time::sleep(d).await;
            write(api, e, &normal(), utf8)
        }
        FaultKind::Http500 => (StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error").into_response(),
        FaultKind::HtmlPage => (
            [(header::CONTENT_TYPE, "text/html")],
            "<html><head><title>Server Error</title></head><body><h1>Server Error</h1><p>The server encountered an error.</p></body></html>",
        )
            .into_response(),
        FaultKind::TruncatedBody => {
            let mut w = bytes(api, e, &normal(), utf8);
            w.body.truncate(w.body.len() / 2);
            respond(w)
        }
        FaultKind::DropConnection => {
            let broken = futures_util::stream::once(async {
                Err::<Bytes, std::io::Error>(std::io::Error::other("sandbox: connection dropped"))
            });
            Response::builder()
                .status(200)
                .body(Body::from_stream(broken))
                .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
        }
        FaultKind::VendorTimeout => {
            let declared = api
                .plan
                .sandbox
                .timeouts
                .iter()
                .find(|t| t.endpoints.contains(&e.plan.key));
            let mut timeout = declared.and_then(|t| match (&t.example, t.code) {
                (Some(x), _) => Answer::example(api, e, x),
                (None, Some(code)) => Some(Answer::for_code(api, e, code)),
                (None, None) => None,
            });
            // The ids the applied call was given (card clearing's Req_ID) are the ones its
            // timeout answer reports, so a caller can reconcile by them.
            if let (Some(t), Some(applied)) = (timeout.as_mut(), answer) {
                let fresh = api.plan.sandbox.fresh_ids.iter();
                for path in fresh.filter(|f| f.endpoint == e.plan.key).flat_map(|f| &f.fields) {
                    if let Some(id) = applied.get(e, path) {
                        t.set(e, path, id);
                    }
                }
            }
            let answer = timeout;
            match answer {
                Some(a) => write(api, e, &a, utf8),
                None => (
                    StatusCode::NOT_IMPLEMENTED,
                    format!("the spec declares no vendor timeout for `{}`", e.plan.key),
                )
                    .into_response(),
            }
        }
        FaultKind::Code(code) => write(api, e, &Answer::for_code(api, e, code), utf8),
    }
}

/// What the call would have answered, for faults that strike before anything is applied.
fn success_without_effects(api: &ServedApi, e: &Served) -> Answer {
    let code = e.plan.outcome_codes.first().copied().unwrap_or(0);
    Answer::for_code(api, e, code)
}
