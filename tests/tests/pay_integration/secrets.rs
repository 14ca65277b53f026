//! Secrets (`PassP`, `KEY`, `zPass`, the card token) never reach a `Debug`, a `Display`, an
//! error's text or the tracing output, for every scenario and every way a call ends.

use std::time::Duration;

use hyp_api::Error;
use hyp_api::SecretString;
use hyp_api::pay::*;
use hyp_api_tests::mock::{MockServer, Reply};

use crate::pay_common::{self as c, KEY, MASOF, PASSP, set};
use crate::shared::{CARD_TOKEN, ZPASS, answers, text};

/// The valid pairs of `e` with this test's secrets in place of the doc's.
fn secret_pairs(e: &hyp_codegen::model::Endpoint) -> Vec<(String, String)> {
    let mut pairs = c::valid_pairs(e);
    for (name, value) in [
        ("PassP", PASSP),
        ("KEY", KEY),
        ("zPass", ZPASS),
        ("CC", CARD_TOKEN),
    ] {
        if pairs.iter().any(|(k, _)| k == name) {
            set(&mut pairs, name, value);
        }
    }
    pairs
}

/// Every form a secret could be printed in.
fn leaks(haystack: &str) -> Vec<&'static str> {
    [PASSP, KEY, ZPASS, CARD_TOKEN]
        .into_iter()
        .filter(|s| haystack.contains(s))
        .collect()
}

/// An error answer that echoes back every secret the request carried (a vendor may).
fn echoing(code: i64, sent: &[&str]) -> String {
    let mut body = format!("CCode={code}&errMsg=bad+credentials+{}", sent.join("+"));
    for (i, s) in sent.iter().enumerate() {
        body.push_str(&format!("&Echo{i}={s}"));
    }
    body
}

/// The secrets among a request's pairs.
fn sent_secrets(pairs: &[(String, String)]) -> Vec<&'static str> {
    [PASSP, KEY, ZPASS, CARD_TOKEN]
        .into_iter()
        .filter(|s| pairs.iter().any(|(_, v)| v == s))
        .collect()
}

#[tokio::test]
async fn no_secret_reaches_debug_display_errors_or_tracing_for_any_ending_of_any_scenario() {
    let logs = c::capture_logs();
    let mock = MockServer::start().await;
    let client = c::client(&mock);
    let timeout_client = Client::builder(
        format!("{}/p/", mock.base_url()),
        MASOF,
        SecretString::from(PASSP),
    )
    .api_key(SecretString::from(KEY))
    .retry(hyp_api::RetryPolicy::never())
    .timeout(Duration::from_millis(150))
    .build()
    .unwrap();
    let refused = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = l.local_addr().unwrap().port();
        drop(l);
        c::client_on(&format!("http://127.0.0.1:{port}/p/"))
    };
    let mut printed = String::new();
    let mut endings = 0;
    for e in &c::api().endpoints {
        let pairs = secret_pairs(e);
        let node = c::node_for(&e.wire, &pairs);
        printed.push_str(&c::request_debug(&e.wire, &node));
        printed.push_str(&format!("{client:?}"));
        let ((ok, _), (fail, _)) = answers(e);
        // A getToken success answer carries the card token itself.
        let ok = if e.wire == "getToken" {
            ok.replace("0505743578473060772", CARD_TOKEN)
        } else {
            ok
        };
        let sent = sent_secrets(&pairs);
        assert!(
            sent.contains(&PASSP),
            "{}: every call carries PassP",
            e.wire
        );
        let html = format!("<html><body>Masof Error: {}</body></html>", sent.join(" "));
        for (name, reply) in [
            ("success", text(ok)),
            ("api error", text(fail)),
            ("api error echoing secrets", text(echoing(902, &sent))),
            ("html", Reply::new(200, html).with_content_type("text/html")),
        ] {
            mock.push(c::ROUTE, reply);
            let result = c::call(&client, &e.wire, &node).await;
            match &result {
                Ok(out) => printed.push_str(out),
                Err(err) => {
                    printed.push_str(&format!("{err:?}\n{err}\n"));
                    if let Error::Api(a) = err {
                        printed.push_str(&a.body);
                        printed.push_str(a.message.as_deref().unwrap_or_default());
                    }
                }
            }
            assert!(
                leaks(&printed).is_empty(),
                "{} / {name}: {:?} printed",
                e.wire,
                leaks(&printed)
            );
            endings += 1;
        }
        // A timeout.
        mock.push(c::ROUTE, text("CCode=0").delayed(Duration::from_secs(2)));
        let err = c::call(&timeout_client, &e.wire, &node).await.unwrap_err();
        assert!(matches!(err, Error::Timeout { .. }), "{}: {err:?}", e.wire);
        printed.push_str(&format!("{err:?}\n{err}\n"));
        // Connection refused.
        let err = c::call(&refused, &e.wire, &node).await.unwrap_err();
        assert!(
            matches!(err, Error::Transport { sent: false, .. }),
            "{}: {err:?}",
            e.wire
        );
        printed.push_str(&format!("{err:?}\n{err}\n"));
        endings += 2;
        assert!(
            leaks(&printed).is_empty(),
            "{}: {:?} printed",
            e.wire,
            leaks(&printed)
        );
    }
    assert_eq!(endings, 16 * 6);
    // The secrets did travel (in the query string, their purpose) ...
    let sent: String = mock
        .received()
        .iter()
        .filter_map(|r| r.query.clone())
        .collect();
    for s in [PASSP, KEY, ZPASS, CARD_TOKEN] {
        assert!(sent.contains(s), "{s} was never sent");
    }
    // ... and the captured tracing output (TRACE, the client's and the server's) has none.
    let logs = logs.text();
    assert!(
        logs.contains("hyp_api.call"),
        "tracing was captured:\n{logs}"
    );
    assert!(
        leaks(&logs).is_empty(),
        "{:?} in tracing output",
        leaks(&logs)
    );
}
