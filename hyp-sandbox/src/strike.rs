//! Faults striking: what the client receives instead of (or after) the call's answer.

use axum::body::{Body, Bytes};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::answer::Answer;
use crate::fault::{Fault, FaultKind};
use crate::handle::{bytes, first_outcome, respond, write};
use crate::served::{Served, ServedApi};

/// The vendor timeout the spec declares for the endpoint (`sandbox.timeouts`), if any.
pub(crate) fn declared_timeout<'a>(
    api: &'a ServedApi,
    e: &Served,
) -> Option<&'a crate::plan::spec::TimeoutAnswer> {
    api.plan
        .sandbox
        .timeouts
        .iter()
        .find(|t| t.endpoints.contains(&e.plan.key))
}

/// An HTML error page (HTTP 200) where the API's wire format was expected.
pub(crate) fn html_page() -> Response {
    (
        [(header::CONTENT_TYPE, "text/html")],
        "<html><head><title>Server Error</title></head><body><h1>Server Error</h1><p>The server encountered an error.</p></body></html>",
    )
        .into_response()
}

pub(crate) async fn strike(
    api: &ServedApi,
    e: &Served,
    fault: Fault,
    answer: Option<&Answer>,
    utf8: bool,
) -> Response {
    let normal = || answer.cloned().unwrap_or_else(|| first_outcome(api, e));
    match fault.kind {
        FaultKind::Delay(d) => {
            tokio::time::sleep(d).await;
            write(api, e, &normal(), utf8)
        }
        FaultKind::Http500 => {
            (StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error").into_response()
        }
        FaultKind::HtmlPage => html_page(),
        FaultKind::Panic => panic!("sandbox: the injected `panic` fault for `{}`", e.plan.key),
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
            let mut timeout = declared_timeout(api, e).and_then(|t| match (&t.example, t.code) {
                (Some(x), _) => Answer::example(api, e, x),
                (None, Some(code)) => Some(Answer::for_code(api, e, code)),
                (None, None) => None,
            });
            // The ids the applied call was given (card clearing's Req_ID) are the ones its
            // timeout answer reports, so a caller can reconcile by them.
            if let (Some(t), Some(applied)) = (timeout.as_mut(), answer) {
                let fresh = api.plan.sandbox.fresh_ids.iter();
                for path in fresh
                    .filter(|f| f.endpoint == e.plan.key)
                    .flat_map(|f| &f.fields)
                {
                    if let Some(id) = applied.get(e, path) {
                        t.set(e, path, id);
                    }
                }
            }
            // `names::check_fault` refuses a vendor timeout the spec does not declare, at
            // injection; the call's own answer stands in should one ever get here.
            write(api, e, &timeout.unwrap_or_else(normal), utf8)
        }
        FaultKind::Code(code) => write(api, e, &Answer::for_code(api, e, code), utf8),
    }
}
