//! One request: route it, check it with the endpoint's generated types, let the rules answer
//! or apply it, and write the answer in the API's wire format (or strike with a fault).

use std::sync::{Arc, PoisonError};

use axum::body::{Body, Bytes};
use axum::extract::State as AxumState;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use hyp_api::wire::{Encoding, UTF_8};
use hyp_api::{Node, TransportKind};

use crate::answer::{Answer, Wire};
use crate::fault::{FAULT_HEADER, Fault, FaultKind, REASON_HEADER};
use crate::incoming::{Incoming, Routed, route};
use crate::served::{Served, ServedApi};
use crate::server::Shared;
use crate::shaped::Received;
use crate::strike::strike;

pub(crate) async fn handle(
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
    if let Some(page) = crate::page::serve(&shared, api, &incoming) {
        return page;
    }
    match route(api, &incoming) {
        Routed::Unknown(reason) => match &api.plan.sandbox.unknown_endpoint {
            Some(a) => {
                tracing::info!(api = %api.plan.api, %reason, "no endpoint");
                let answer = Answer::bare(api, frame, a.code)
                    .unwrap_or_else(|| Answer::for_code(api, frame, a.code).without_command(frame));
                let answer = enveloped(&shared, api, frame, &incoming, answer);
                with_reason(write(api, frame, &answer, false), &reason)
            }
            // No vendor answer is declared: an empty body, the reason beside it.
            None => with_reason(StatusCode::NOT_FOUND.into_response(), &reason),
        },
        Routed::Refused {
            endpoint,
            fields,
            code,
        } => {
            let key = (api.plan.api.clone(), endpoint.plan.key.clone());
            *shared.state().received.entry(key).or_default() += 1;
            let mut answer = Answer::for_code(api, endpoint, code);
            answer.echo_into_frame(endpoint, &fields);
            write(api, endpoint, &answer, false)
        }
        Routed::Malformed(reason) => {
            let reason = format!("invalid request: {reason}");
            match invalid_answer(api, frame) {
                Some(answer) => {
                    let answer = answer.without_command(frame);
                    let answer = enveloped(&shared, api, frame, &incoming, answer);
                    with_reason(write(api, frame, &answer, false), &reason)
                }
                None => with_reason(StatusCode::BAD_REQUEST.into_response(), &reason),
            }
        }
        Routed::Found {
            endpoint,
            fields,
            utf8_answer,
        } => {
            let denied = shared.accounts.refusal(api, endpoint, &incoming, &fields);
            let call = Call {
                endpoint,
                fields: &fields,
                utf8: utf8_answer,
                denied,
                password: crate::page::auth_password(api, &incoming),
            };
            serve(&shared, api, call, header_fault).await
        }
    }
}

/// An answer to a request that reached no endpoint, in the API's envelope where it has one:
/// the request's own envelope values echoed as far as they can be read, the time, a new id.
fn enveloped(
    shared: &Shared,
    api: &ServedApi,
    frame: &Served,
    incoming: &Incoming,
    mut answer: Answer,
) -> Answer {
    if crate::envelope::has_rule(api) {
        let sent = crate::incoming::envelope_fields(api, incoming);
        let now = shared.validation.now();
        let mut state = shared.state();
        crate::envelope::shape(api, frame, &sent, &mut answer, now, || state.fresh());
    }
    answer
}

/// A call routed to its endpoint.
struct Call<'a> {
    endpoint: &'a Served,
    fields: &'a Node,
    /// The request asked for UTF-8 answers.
    utf8: bool,
    /// The vendor's authentication error code, when the credentials are missing or wrong.
    denied: Option<i64>,
    /// The API password a form-authenticated call carried (the key of a redirect MAC).
    password: Option<String>,
}

/// The first boolean field sent in a spelling other than the API's two, where the spec
/// allows only those.
fn misspelt_boolean(api: &ServedApi, e: &Served, fields: &Node) -> Option<String> {
    api.plan.sandbox.strict_booleans.as_ref()?;
    let (yes, no) = e.hook.bool_text;
    e.plan.fields.iter().filter(|f| f.boolean).find_map(|f| {
        let v = fields.get(&f.wire).and_then(crate::answer::text)?;
        (v != yes && v != no).then(|| format!("`{}` is `{v}`, not `{yes}` or `{no}`", f.wire))
    })
}

/// A call that reached an endpoint: authenticated, checked, then answered by the rules (a
/// replay, a refusal) or applied, with the fault the request or the test chose striking before
/// or after.
async fn serve(
    shared: &Shared,
    api: &ServedApi,
    call: Call<'_>,
    header_fault: Option<Fault>,
) -> Response {
    let Call {
        endpoint,
        fields,
        utf8,
        denied,
        password,
    } = call;
    let key = (api.plan.api.clone(), endpoint.plan.key.clone());
    *shared.state().received.entry(key.clone()).or_default() += 1;
    // A fault the spec cannot play here is the test's mistake: a clear 400, never an answer
    // the vendor would not give.
    if let Some(Err(reason)) = header_fault.as_ref().map(|f| api.check_fault(endpoint, f)) {
        return (StatusCode::BAD_REQUEST, format!("{FAULT_HEADER}: {reason}")).into_response();
    }
    if let Some(code) = denied {
        let mut answer = Answer::for_code(api, endpoint, code);
        answer.echo_into_frame(endpoint, fields);
        return write(api, endpoint, &answer, utf8);
    }
    let fault = header_fault.or_else(|| {
        let mut faults = shared.faults.lock().unwrap_or_else(PoisonError::into_inner);
        let queued = faults.get_mut(&key)?;
        (!queued.is_empty()).then(|| queued.remove(0))
    });
    if let Some(reason) = misspelt_boolean(api, endpoint, fields)
        && let Some(a) = &api.plan.sandbox.strict_booleans
    {
        tracing::info!(api = %api.plan.api, endpoint = %endpoint.plan.key, %reason, "refused");
        let mut answer = Answer::for_code(api, endpoint, a.code);
        answer.echo_into_frame(endpoint, fields);
        return write(api, endpoint, &answer, utf8);
    }
    let played = crate::envelope::played(api, fields);
    let call = Received {
        sent: fields,
        played: &played,
    };
    let now = shared.validation.now();
    if let Err(reason) = (endpoint.hook.check)(&played, &shared.validation) {
        return match invalid_answer(api, endpoint) {
            Some(mut answer) => {
                answer.echo_into_frame(endpoint, fields);
                let answer = shared.state().shape(api, endpoint, &call, answer, now);
                let reason = format!("invalid request: {reason}");
                with_reason(write(api, endpoint, &answer, utf8), &reason)
            }
            None => invalid(api, endpoint, fields, &reason, utf8),
        };
    }
    // A code fault answers in the API's shaped frame (its envelope, a new id, the time).
    let coded = |code: i64| {
        let answer = Answer::for_code(api, endpoint, code);
        shared.state().shape(api, endpoint, &call, answer, now)
    };
    if let Some(f) = fault.filter(|f| !f.applied) {
        return match f.kind {
            FaultKind::Code(code) if crate::envelope::has_rule(api) => {
                write(api, endpoint, &coded(code), utf8)
            }
            _ => strike(api, endpoint, f, None, utf8).await,
        };
    }
    let answer = {
        let mut state = shared.state();
        match state.replayed(api, endpoint, &played) {
            Some(first) => first,
            None => {
                // A transaction named by another of its ids is played as named by the one
                // the rules read; a resend is still judged as sent.
                let sent = &played;
                let resolved = crate::lookup::resolve(&state, api, endpoint, sent);
                let played = resolved.as_ref().unwrap_or(sent);
                let call = Received {
                    sent: fields,
                    played,
                };
                let refused = state.refusal(api, endpoint, played);
                let applies = refused.is_none();
                let answer = refused.unwrap_or_else(|| success(api, endpoint, played));
                let mut answer = state.shape(api, endpoint, &call, answer, now);
                if applies {
                    answer = state.apply(api, endpoint, played, answer);
                    // A signed answer is the request as sent; a page keeps what was played.
                    let nonce = state.fresh();
                    crate::sign::signed(api, endpoint, fields, nonce, &mut answer);
                    let password = password.as_deref();
                    crate::page::issue(
                        shared,
                        &mut state,
                        api,
                        endpoint,
                        played,
                        password,
                        &mut answer,
                    );
                    state.remember(api, endpoint, sent, &answer);
                }
                state.record(api, endpoint, &call, &answer, now);
                answer
            }
        }
    };
    let mut answer = answer;
    let code = answer.code(endpoint).unwrap_or_default();
    if !endpoint.plan.outcome_codes.contains(&code) {
        answer.echo_into_frame(endpoint, fields);
    }
    match fault {
        Some(Fault {
            kind: FaultKind::Code(code),
            ..
        }) if crate::envelope::has_rule(api) => write(api, endpoint, &coded(code), utf8),
        Some(f) => strike(api, endpoint, f, Some(&answer), utf8).await,
        None => write(api, endpoint, &answer, utf8),
    }
}

/// The answer of a call that goes through: its first outcome code, or the code a request
/// flag selects (a J5 charge answers 700).
fn success(api: &ServedApi, e: &Served, fields: &Node) -> Answer {
    let flagged = api
        .plan
        .sandbox
        .flag_codes
        .iter()
        .find(|f| f.endpoint == e.plan.key && crate::state::is_true(fields, &f.flag));
    match flagged {
        // The flagged code's own example, else the success answer's fields (a J5
        // authorization carries the `Id`, `ACode` and `UID` a charge does) with its code.
        Some(f) => Answer::documented(api, e, f.code).unwrap_or_else(|| {
            let mut answer = first_outcome(api, e);
            answer.set_code(api, e, f.code);
            answer
        }),
        None => first_outcome(api, e),
    }
}

/// The spec's answer to a request its validators refuse, in the vendor's words (the reason
/// goes in the [`REASON_HEADER`], never in the vendor's message fields).
pub(crate) fn invalid_answer(api: &ServedApi, e: &Served) -> Option<Answer> {
    let a = api.plan.sandbox.invalid_request.as_ref()?;
    let mut answer = Answer::for_code(api, e, a.code);
    answer.set_code(api, e, a.code);
    // The code table's own text, not an example's: an example names its own problem (Hyper's
    // 14 "Wrong [Refund Method] enum value; Items[0]"), which is not the one refused here.
    answer.set_message(api, e, &api.message(e, a.code));
    Some(answer)
}

/// The sandbox's own account of why it answered an error: a header beside the vendor's
/// answer, so the body stays in the vendor's words.
fn with_reason(mut response: Response, reason: &str) -> Response {
    let printable: String = reason
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() || c == ' ' {
                c
            } else {
                '?'
            }
        })
        .collect();
    if let Ok(v) = HeaderValue::from_str(&printable) {
        response.headers_mut().insert(REASON_HEADER, v);
    }
    response
}

fn invalid(api: &ServedApi, e: &Served, fields: &Node, reason: &str, utf8: bool) -> Response {
    let reason = format!("invalid request: {reason}");
    match invalid_answer(api, e) {
        Some(mut answer) => {
            answer.echo_into_frame(e, fields);
            with_reason(write(api, e, &answer, utf8), &reason)
        }
        None => with_reason(StatusCode::BAD_REQUEST.into_response(), &reason),
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

pub(crate) fn bytes(api: &ServedApi, e: &Served, answer: &Answer, utf8: bool) -> Wire {
    answer.write(e.hook.bool_text, charset(api, e, utf8))
}

pub(crate) fn respond(w: Wire) -> Response {
    Response::builder()
        .status(w.status)
        .header(header::CONTENT_TYPE, w.content_type)
        .body(Body::from(w.body))
        .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
}

pub(crate) fn write(api: &ServedApi, e: &Served, answer: &Answer, utf8: bool) -> Response {
    respond(bytes(api, e, answer, utf8))
}

/// The answer of the endpoint's first documented outcome, before any rule touches it.
pub(crate) fn first_outcome(api: &ServedApi, e: &Served) -> Answer {
    let code = e.plan.outcome_codes.first().copied().unwrap_or(0);
    Answer::for_code(api, e, code)
}
