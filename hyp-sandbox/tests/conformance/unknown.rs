//! A request that matches nothing, on every API the sandbox serves: answered in the vendor's
//! frame with the spec's `unknown_endpoint` code (Hyper 3, MT5 400, Hyp Pay 421, CreditGuard
//! 400 by a recorded decision), its reason beside it, never an empty body (issue #11: "a
//! request that matches no scenario answers a documented code in the vendor's frame").

use hyp_sandbox::{REASON_HEADER, Sandbox};

/// The spec's `unknown_endpoint` code of each API, read from the spec itself.
fn declared(api: &str) -> i64 {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec");
    let spec = hyp_codegen::load_one(&root.join(api)).expect("the spec loads");
    let sandbox = spec.sandbox.expect("a sandbox section");
    sandbox
        .unknown_endpoint
        .unwrap_or_else(|| panic!("{api} declares no unknown_endpoint answer"))
        .code
}

#[tokio::test]
async fn every_api_answers_a_request_that_matches_nothing_in_its_own_frame() {
    let sandbox = Sandbox::start().await.unwrap();
    for api in sandbox.apis() {
        let code = declared(api).to_string();
        for method in [reqwest::Method::GET, reqwest::Method::POST] {
            let url = format!("{}/no/such/route?action=nosuch", sandbox.base_url(api));
            let r = reqwest::Client::new()
                .request(method.clone(), url)
                .header("content-type", "application/x-www-form-urlencoded")
                .body("int_in=%3Cashrait%2F%3E")
                .send()
                .await
                .unwrap();
            let status = r.status().as_u16();
            let reason = r.headers().get(REASON_HEADER).cloned();
            let body = r.text().await.unwrap();
            assert!(!body.is_empty(), "{api} {method}: an empty body ({status})");
            assert!(reason.is_some(), "{api} {method}: no reason header");
            // The code, in the API's frame: a JSON ResponseCode, an XML result, a CCode pair,
            // or (REST) the status itself.
            let framed = match api {
                "hyper-erp" => body.contains(&format!("\"ResponseCode\":{code}")),
                "creditguard" => body.contains(&format!("<result>{code}</result>")),
                "pay" => body == format!("CCode={code}"),
                _ => status.to_string() == code,
            };
            assert!(framed, "{api} {method}: {status} {body}");
        }
    }
}
