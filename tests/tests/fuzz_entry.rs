//! The fuzz target `sandbox_request` hands its requests to the sandbox's router in process
//! (`Sandbox::router`, no socket). That is only worth fuzzing if the router answers as the
//! sandbox answers a client over loopback: this sends every seed of the target both ways, each
//! to its own fresh sandbox, and compares the answers.

use hyp_api_tests::fuzzing::{self, sandbox::request};
use hyp_sandbox::Sandbox;
use tower::ServiceExt;

/// An answer with its digits zeroed: the two sandboxes differ in port (page URLs), clock
/// (`dateTime`) and fresh ids; everything else must be equal.
fn masked(body: &[u8]) -> String {
    String::from_utf8_lossy(body)
        .chars()
        .map(|c| if c.is_ascii_digit() { '0' } else { c })
        .collect()
}

#[test]
fn the_in_process_router_answers_every_seed_as_the_socket_does() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let over_socket = rt.block_on(Sandbox::start()).expect("sandbox");
    let in_process = rt.block_on(Sandbox::start()).expect("sandbox");
    let http = reqwest::Client::new();
    let seeds = fuzzing::seeds("sandbox_request");
    assert!(seeds.len() >= 20, "{} seeds", seeds.len());
    let mut succeeded = 0;
    for seed in &seeds {
        let sent = request(&over_socket, seed).expect("a seed makes a request");
        let sent = reqwest::Request::try_from(sent.map(reqwest::Body::from)).expect("a request");
        let (status, body) = rt.block_on(async {
            let answer = http.execute(sent).await.expect("an answer over loopback");
            let status = answer.status().as_u16();
            (status, answer.bytes().await.expect("a body").to_vec())
        });
        let handed = request(&in_process, seed).expect("a seed makes a request");
        let (status_in, body_in) = rt.block_on(async {
            let answer = in_process
                .router()
                .oneshot(handed.map(axum::body::Body::from))
                .await
                .expect("the router is infallible");
            let status = answer.status().as_u16();
            let body = axum::body::to_bytes(answer.into_body(), usize::MAX).await;
            (status, body.expect("a body").to_vec())
        });
        let seed_text = String::from_utf8_lossy(seed);
        assert_eq!(status, status_in, "status of seed {seed_text:?}");
        assert_eq!(
            masked(&body),
            masked(&body_in),
            "body of seed {seed_text:?}"
        );
        assert!(
            !body.is_empty(),
            "seed {seed_text:?} answered an empty body"
        );
        succeeded += usize::from(status == 200 || status == 201);
    }
    // Not refusals only: most seeds (documented request examples) answer a success status.
    assert!(
        succeeded * 2 > seeds.len(),
        "{succeeded} of {} seeds answered 200/201",
        seeds.len()
    );
}
