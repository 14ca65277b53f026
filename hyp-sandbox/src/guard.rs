//! A panic in one request's handling never takes the sandbox down: it is caught, logged, and
//! answered in the API's system-error form from the spec (`sandbox.system_error`: Hyper code
//! 4, MT5 503, CreditGuard's error envelope, Hyp Pay's HTML page). The state locks recover
//! from poisoning (`Shared::state`), so the next request is served as usual.

use std::any::Any;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State as AxumState;
use axum::extract::rejection::BytesRejection;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use futures_util::FutureExt;
use tower_http::timeout::TimeoutError;

use crate::answer::Answer;
use crate::server::Shared;

/// [`crate::handle::handle`], with a panic answered as the vendor's system error.
pub(crate) async fn guarded(
    shared: AxumState<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let body = match body {
        Ok(body) => body,
        Err(rejection) => return refused(rejection),
    };
    let apis = shared.0.clone();
    let path = uri.path().to_string();
    let handled = crate::handle::handle(shared, method, uri, headers, body);
    match AssertUnwindSafe(handled).catch_unwind().await {
        Ok(response) => response,
        Err(panic) => {
            tracing::error!(path, panic = %what(&*panic), "sandbox: a request's handling panicked; answering the vendor's system error");
            system_error(&apis, &path)
        }
    }
}

/// A body that could not be read: too large (413, the limit layer's), stalled past the body
/// read timeout (408), or broken off (400).
fn refused(rejection: BytesRejection) -> Response {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(&rejection);
    while let Some(e) = cause {
        if e.is::<TimeoutError>() {
            return (StatusCode::REQUEST_TIMEOUT, "request body read timed out").into_response();
        }
        cause = e.source();
    }
    rejection.into_response()
}

/// The panic's message, where it has one.
fn what(panic: &(dyn Any + Send)) -> &str {
    panic
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("(no message)")
}

/// The system-error answer of the API `path` is under (HTTP 500 when the spec gives none).
fn system_error(shared: &Shared, path: &str) -> Response {
    let api = shared.apis.iter().find(|a| {
        path.strip_prefix(&a.prefix())
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    });
    let form = api.and_then(|a| {
        Some((
            a,
            a.plan.sandbox.system_error.as_ref()?,
            a.endpoints.first()?,
        ))
    });
    match form {
        Some((_, s, _)) if s.html => crate::strike::html_page(),
        Some((api, s, frame)) => match s.code {
            Some(code) => {
                let answer = Answer::for_code(api, frame, code).without_command(frame);
                crate::handle::write(api, frame, &answer, true)
            }
            None => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
        },
        None => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}
