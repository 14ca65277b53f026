//! The conformance sweep: every answer example in spec/ (the vendor's own) is provoked from a
//! fresh sandbox with the endpoint's request example, sent raw, and the answer is compared
//! with the example by structure (tests/common/shape.rs): the frame (HTTP status, content
//! kind), names in order and nesting, the code exactly, the sandbox's own values by kind.
//!
//! How each example is provoked: a success code by the request example as written; the
//! bearer credential's code without the token; a credential field's code with a wrong value
//! in that field; a replay rule's code by sending the request twice; any other code of the
//! table by the fault header `code=N` (the sandbox then answers the vendor's example of it);
//! the vendor's timeout example by the fault header `vendor-timeout`.

use chrono::TimeZone;
use hyp_codegen::model::{Api, Endpoint, ExampleKind};
use hyp_codegen::sandbox::spec::Carried;
use hyp_sandbox::Sandbox;

use crate::common::shape::{Expect, Raw};
use crate::wire::{Twist, apis, bearer, code_of, requests, send};

/// Answer examples that presume the vendor's state (a deal, a queued refund, a signature it
/// issued) the doc's request names: a fresh sandbox rightly answers them "unknown". The scripted flows provoke them
/// from state the sandbox made (hyper_erp.rs's refund queue; the Hyp Pay flows).
const NEEDS_STATE: &[(&str, &str, &str)] = &[
    (
        "hyper-erp",
        "Update_Refunds_API_Queue_json",
        "response-updated",
    ),
    ("pay", "APISign VERIFY", "response-verified"),
    ("pay", "CancelTrans", "response-cancelled"),
    ("pay", "commitTrans", "response-committed"),
    ("pay", "getToken", "response-token-issued"),
    ("pay", "payRequest DELETE", "response-deleted"),
    ("pay", "soft capture J4", "response-captured"),
    ("pay", "zikoyAPI", "response-refunded"),
];

/// A sandbox on the day the vendor's examples describe.
pub async fn sandbox() -> Sandbox {
    let day = chrono::Utc.with_ymd_and_hms(2026, 5, 25, 12, 0, 0).unwrap();
    Sandbox::builder()
        .clock(hyp_api::FixedClock(day))
        .start()
        .await
        .unwrap()
}

/// Provokes `code` on endpoint `e` from a fresh sandbox; `None` when the spec gives no way.
async fn provoke(api: &Api, e: &Endpoint, request: &str, example: &str, code: i64) -> Option<Raw> {
    let sandbox = sandbox().await;
    let plain = Twist::default();
    let sb = api.sandbox.as_ref();
    let timeout = sb
        .into_iter()
        .flat_map(|s| &s.timeouts)
        .any(|t| t.example.as_deref() == Some(example) && t.endpoints.contains(&e.wire));
    if timeout {
        let t = Twist {
            fault: Some("vendor-timeout"),
            ..plain
        };
        return Some(send(&sandbox, api, e, request, t).await);
    }
    if e.outcomes.first().and_then(|o| o.codes.first()) == Some(&code) {
        return Some(send(&sandbox, api, e, request, plain).await);
    }
    if bearer(api).is_some_and(|(_, wrong)| wrong == code) {
        let t = Twist {
            no_token: true,
            ..plain
        };
        return Some(send(&sandbox, api, e, request, t).await);
    }
    let credential = sb.into_iter().flat_map(|s| &s.credentials).find(|k| {
        k.carried != Carried::Bearer && {
            let own = k.wrong_on.iter().find(|w| w.endpoint == e.wire);
            own.map_or(k.wrong.code, |w| w.code) == code
        }
    });
    if let Some(field) = credential.and_then(|k| k.field.as_deref()) {
        let t = Twist {
            field: Some((field, "wrong-credential")),
            ..plain
        };
        return Some(send(&sandbox, api, e, request, t).await);
    }
    let replayed = sb
        .into_iter()
        .flat_map(|s| &s.replays)
        .any(|r| r.code == Some(code) && r.endpoints.contains(&e.wire));
    if replayed {
        send(&sandbox, api, e, request, plain).await;
        return Some(send(&sandbox, api, e, request, plain).await);
    }
    if api.codes.iter().any(|c| c.value == code) {
        let fault = format!("code={code}");
        let t = Twist {
            fault: Some(&fault),
            ..plain
        };
        return Some(send(&sandbox, api, e, request, t).await);
    }
    None
}

#[tokio::test]
async fn every_answer_example_of_the_docs_is_matched_by_structure() {
    let mut diverging: Vec<(String, String, String, String)> = Vec::new();
    let mut compared = 0;
    for api in apis() {
        let code_wire = api.envelope.as_ref().map(|e| e.code_wire.clone());
        for e in &api.endpoints {
            let Some((_, request)) = requests(e).into_iter().next() else {
                continue;
            };
            for x in e
                .examples
                .iter()
                .filter(|x| x.kind == ExampleKind::Response)
            {
                if NEEDS_STATE.contains(&(api.name.as_str(), e.wire.as_str(), x.name.as_str())) {
                    continue;
                }
                let doc = x.fixed_body();
                let Some(code) = code_of(&api, &doc).or(x.http_status.map(i64::from)) else {
                    continue;
                };
                let Some(raw) = provoke(&api, e, &request, &x.name, code).await else {
                    continue;
                };
                let table_status = api
                    .codes
                    .iter()
                    .find(|c| c.value == code)
                    .and_then(|c| c.http_status);
                let status = x.http_status.or(table_status).unwrap_or(200);
                let exact: Vec<&str> = code_wire.iter().map(String::as_str).collect();
                let diffs = Expect::doc(&doc).status(status).exact(&exact).check(&raw);
                compared += 1;
                if !diffs.is_empty() {
                    diverging.push((
                        api.name.clone(),
                        e.wire.clone(),
                        x.name.clone(),
                        diffs.join("; "),
                    ));
                }
            }
        }
    }
    assert!(
        compared >= 30,
        "only {compared} answer examples were compared"
    );
    assert!(
        diverging.is_empty(),
        "{} of {compared} answer examples diverge from the docs:\n{}",
        diverging.len(),
        diverging
            .iter()
            .map(|(a, e, x, d)| format!("  {a} {e} {x}: {d}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}
