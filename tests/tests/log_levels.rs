//! The level a failed call is logged at (issue #14): a documented business code is an answer,
//! logged at DEBUG; a transport failure, a timeout and an undocumented code are faults, logged
//! at WARN. Each case is a real call against a loopback server (or a port nothing listens
//! on), with every tracing event captured and the level of the client's line read from it.

mod common;

use std::net::TcpListener;
use std::time::Duration;

use common::{PASSWORD, TOKEN};
use hyp_api::hyper_erp::*;
use hyp_api::{Error, RetryPolicy, VendorCode};
use hyp_api_tests::mock::{MockServer, Reply};

const DEPOSIT: &str = "MT4_Deposit_Fiat_Json";
/// The client's line for a documented code, and for everything else that fails.
const DOCUMENTED: &str = "vendor answered a documented error code";
const FAILED: &str = "call failed";

/// The level of each captured line that contains `message` (the fmt subscriber writes
/// `<time> <LEVEL> <span>: <target>: <message> …`).
fn levels_of(log: &str, message: &str) -> Vec<String> {
    log.lines()
        .filter(|l| l.contains(message))
        .map(|l| {
            l.split_whitespace()
                .nth(1)
                .unwrap_or_else(|| panic!("no level in {l:?}"))
                .to_string()
        })
        .collect()
}

/// The levels of every captured line (a line per event).
fn all_levels(log: &str) -> Vec<String> {
    log.lines()
        .filter_map(|l| l.split_whitespace().nth(1).map(str::to_string))
        .collect()
}

#[tokio::test]
async fn a_documented_business_code_is_logged_at_debug_and_nothing_at_warn() {
    let (logs, _guard) = common::capture_logs();
    let mock = MockServer::start().await;
    let client = common::client(&mock.base_url());
    // Code 14 is in the spec's table (kb_page1226): a definite, documented refusal.
    mock.push(
        DEPOSIT,
        Reply::new(
            400,
            r#"{"ResponseCode":14,"ResponseMsgEng":"Bad or missing input data."}"#,
        ),
    );
    let err = client
        .deposit_fiat(&common::deposit(PASSWORD))
        .await
        .expect_err("code 14");
    let Error::Api(a) = &err else {
        panic!("expected Error::Api, got {err:?}")
    };
    assert_eq!(a.code, ResponseCode::BadInputData);
    assert!(a.code.is_documented());

    let log = logs.text();
    assert_eq!(levels_of(&log, DOCUMENTED), ["DEBUG"], "{log}");
    assert!(levels_of(&log, FAILED).is_empty(), "{log}");
    let levels = all_levels(&log);
    assert!(!levels.is_empty(), "the call was traced:\n{log}");
    assert!(
        levels.iter().all(|l| l != "WARN" && l != "ERROR"),
        "nothing above DEBUG for a documented code:\n{log}"
    );
}

#[tokio::test]
async fn an_undocumented_code_is_logged_at_warn() {
    let (logs, _guard) = common::capture_logs();
    let mock = MockServer::start().await;
    let client = common::client(&mock.base_url());
    // Code 77 is in no table of the spec: on a deposit (money moves) its outcome is unknown.
    mock.push(
        DEPOSIT,
        Reply::new(200, r#"{"ResponseCode":77,"ResponseMsgEng":"?"}"#),
    );
    let err = client
        .deposit_fiat(&common::deposit(PASSWORD))
        .await
        .expect_err("code 77");
    assert_eq!(err.code(), Some(&ResponseCode::Unknown(77)));
    assert!(err.outcome_unknown(), "{err:?}");

    let log = logs.text();
    assert_eq!(levels_of(&log, FAILED), ["WARN"], "{log}");
    assert!(levels_of(&log, DOCUMENTED).is_empty(), "{log}");
}

#[tokio::test]
async fn a_transport_failure_is_logged_at_warn() {
    let (logs, _guard) = common::capture_logs();
    let port = {
        let l = TcpListener::bind("127.0.0.1:0").expect("bind");
        l.local_addr().expect("addr").port()
    };
    let client = common::client(&format!("http://127.0.0.1:{port}"));
    let err = client
        .deposit_fiat(&common::deposit(PASSWORD))
        .await
        .expect_err("nothing listens");
    assert!(matches!(err, Error::Transport { .. }), "{err:?}");

    let log = logs.text();
    assert_eq!(levels_of(&log, FAILED), ["WARN"], "{log}");
    assert!(levels_of(&log, DOCUMENTED).is_empty(), "{log}");
}

#[tokio::test]
async fn a_timeout_is_logged_at_warn() {
    let (logs, _guard) = common::capture_logs();
    let mock = MockServer::start().await;
    let client = common::builder(&mock.base_url(), TOKEN)
        .retry(RetryPolicy::never())
        .timeout(Duration::from_millis(200))
        .build()
        .expect("client builds");
    mock.push(
        DEPOSIT,
        Reply::new(200, r#"{"ResponseCode":0}"#).delayed(Duration::from_secs(3)),
    );
    let err = client
        .deposit_fiat(&common::deposit(PASSWORD))
        .await
        .expect_err("timed out");
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");

    let log = logs.text();
    assert_eq!(levels_of(&log, FAILED), ["WARN"], "{log}");
}

#[tokio::test]
async fn a_success_logs_no_failure() {
    let (logs, _guard) = common::capture_logs();
    let mock = MockServer::start().await;
    let client = common::client(&mock.base_url());
    mock.push(
        DEPOSIT,
        Reply::new(
            200,
            r#"{"ResponseCode":0,"ResponseMsgEng":"Success","Receipt_Num":1234}"#,
        ),
    );
    client
        .deposit_fiat(&common::deposit(PASSWORD))
        .await
        .expect("created");
    let log = logs.text();
    assert!(levels_of(&log, FAILED).is_empty(), "{log}");
    assert!(levels_of(&log, DOCUMENTED).is_empty(), "{log}");
    assert!(
        all_levels(&log).iter().all(|l| l != "WARN" && l != "ERROR"),
        "{log}"
    );
}
