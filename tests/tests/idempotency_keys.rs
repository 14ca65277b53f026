//! The key a keyed call carried is on every way it can end (issue #14), checked against what
//! went out on the wire: a connection dropped after the request was read (a transport error),
//! an answer that does not decode, and an HTML page. Hyper's key is the request's `Ticket_ID`
//! (read from the JSON body the server received); MT5's is the `x-request-id` header, made by
//! the client when the caller gives none. (Timeouts and vendor errors: mt5_integration/ and
//! integration_transport.rs.)

mod common;
mod mt5_common;

use std::time::Duration;

use hyp_api::{Error, RetryPolicy};
use hyp_api_tests::mock::{MockServer, Reply};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

const DEPOSIT: &str = "MT4_Deposit_Fiat_Json";
const MT5_DEPOSIT: &str = "POST /mt5/manager/transactions/deposit";

/// A server that reads one whole request (headers and `Content-Length` body), hands it over,
/// and closes the connection without answering.
async fn swallowing_server() -> (String, tokio::task::JoinHandle<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    let task = tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.expect("a connection");
        let mut buf = Vec::new();
        let mut chunk = [0u8; 4096];
        loop {
            let n = socket.read(&mut chunk).await.expect("read");
            assert!(n > 0, "the client closed first");
            buf.extend_from_slice(&chunk[..n]);
            let text = String::from_utf8_lossy(&buf);
            if let Some(end) = text.find("\r\n\r\n") {
                let length = text[..end]
                    .lines()
                    .find_map(|l| {
                        let (k, v) = l.split_once(':')?;
                        k.eq_ignore_ascii_case("content-length")
                            .then(|| v.trim().parse::<usize>().ok())?
                    })
                    .unwrap_or(0);
                if buf.len() >= end + 4 + length {
                    break;
                }
            }
        }
        socket.shutdown().await.ok();
        String::from_utf8_lossy(&buf).into_owned()
    });
    (base, task)
}

/// The value of header `name` in a raw HTTP request.
fn header<'a>(raw: &'a str, name: &str) -> Option<&'a str> {
    raw.split("\r\n\r\n").next()?.lines().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        k.eq_ignore_ascii_case(name).then(|| v.trim())
    })
}

/// The `Ticket_ID` of a JSON body.
fn ticket_id(body: &str) -> String {
    let v: serde_json::Value =
        serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"));
    v["Ticket_ID"]
        .as_str()
        .unwrap_or_else(|| panic!("no Ticket_ID: {body}"))
        .to_string()
}

#[tokio::test]
async fn a_dropped_mt5_deposit_is_a_transport_error_with_the_generated_request_id() {
    let (base, server) = swallowing_server().await;
    let client = hyp_api::mt5_manager::Client::builder(
        format!("{base}{}", mt5_common::BASE_PATH),
        mt5_common::secret(mt5_common::TOKEN),
    )
    .retry(RetryPolicy::never())
    .timeout(Duration::from_secs(5))
    .build()
    .expect("client builds");
    let err = client
        .deposit(&mt5_common::deposit())
        .await
        .expect_err("no answer");
    let raw = server.await.expect("the server read the request");
    let sent = header(&raw, "x-request-id").expect("an x-request-id went out");
    assert!(mt5_common::is_uuid_v4(sent), "{sent}");
    let Error::Transport {
        sent: was_sent,
        maybe_applied,
        idempotency_key,
        ..
    } = &err
    else {
        panic!("expected a transport error, got {err:?}")
    };
    assert!(*was_sent && *maybe_applied, "{err:?}");
    assert!(err.outcome_unknown(), "{err:?}");
    assert_eq!(idempotency_key.as_deref(), Some(sent));
    assert_eq!(err.idempotency_key(), Some(sent));
}

#[tokio::test]
async fn a_dropped_hyper_deposit_is_a_transport_error_with_its_ticket_id() {
    let (base, server) = swallowing_server().await;
    let client = common::builder(&base, common::TOKEN)
        .timeout(Duration::from_secs(5))
        .build()
        .expect("client builds");
    let err = client
        .deposit_fiat(&common::deposit(common::PASSWORD))
        .await
        .expect_err("no answer");
    let raw = server.await.expect("the server read the request");
    let body = raw.split("\r\n\r\n").nth(1).expect("a body");
    let sent = ticket_id(body);
    assert!(matches!(err, Error::Transport { .. }), "{err:?}");
    assert!(err.outcome_unknown(), "{err:?}");
    assert_eq!(err.idempotency_key(), Some(sent.as_str()));
}

#[tokio::test]
async fn an_undecodable_answer_and_an_html_page_keep_the_ticket_id() {
    let mock = MockServer::start().await;
    let client = common::client(&mock.base_url());
    mock.push(
        DEPOSIT,
        Reply::new(200, r#"{"ResponseCode":0,"Receipt_Num":"#),
    );
    mock.push(
        DEPOSIT,
        Reply::new(502, "<html><body>Bad Gateway</body></html>").with_content_type("text/html"),
    );
    let undecodable = client
        .deposit_fiat(&common::deposit(common::PASSWORD))
        .await
        .expect_err("cut short");
    let page = client
        .deposit_fiat(&common::deposit(common::PASSWORD))
        .await
        .expect_err("an HTML page");
    let received = mock.received();
    assert_eq!(received.len(), 2);
    let sent: Vec<String> = received.iter().map(|r| ticket_id(&r.body)).collect();

    assert!(
        matches!(undecodable, Error::Decode { .. }),
        "{undecodable:?}"
    );
    assert_eq!(undecodable.idempotency_key(), Some(sent[0].as_str()));
    assert!(matches!(page, Error::VendorPage { .. }), "{page:?}");
    assert_eq!(page.idempotency_key(), Some(sent[1].as_str()));
}

#[tokio::test]
async fn an_mt5_outcome_and_its_errors_name_the_callers_request_id() {
    let mock = MockServer::start().await;
    let client = mt5_common::client(&mock);
    mock.push(MT5_DEPOSIT, Reply::new(201, ""));
    mock.push(MT5_DEPOSIT, Reply::new(403, r#"{"error":"forbidden"}"#));
    let given = "req-caller-0042";
    let keyed = client
        .deposit(&mt5_common::deposit().request_id(given))
        .await
        .expect("applied");
    assert_eq!(keyed.idempotency_key(), Some(given));
    let err = client
        .deposit(&mt5_common::deposit().request_id(given))
        .await
        .expect_err("forbidden");
    assert!(matches!(err, Error::Api(_)), "{err:?}");
    assert_eq!(err.idempotency_key(), Some(given));
    let ids: Vec<Option<String>> = mock
        .received()
        .iter()
        .map(|r| r.header("x-request-id").map(str::to_string))
        .collect();
    assert_eq!(ids, vec![Some(given.to_string()); 2]);
}
