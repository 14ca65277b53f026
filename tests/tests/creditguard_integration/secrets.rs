//! Secrets (the password, the card number) never reach `Debug`, `Display` or a kept body.

use hyp_api::Error;
use hyp_api::RetryPolicy;
use hyp_api::creditguard::*;
use hyp_api_tests::mock::{MockServer, Reply};

use crate::answers::xml_answer;
use crate::creditguard_common::{self as c, child, text};

fn assert_clean(what: &str, text: &str, secrets: &[&str]) {
    for s in secrets {
        assert!(!text.contains(s), "{what} shows a secret `{s}`:\n{text}");
    }
}

#[tokio::test]
async fn the_password_and_the_card_number_never_show() {
    let secrets = [c::PASSWORD, c::CARD];
    let mock = MockServer::start().await;
    let client = c::client(&mock);
    let request = c::charge();
    assert_clean("Debug of the request", &format!("{request:?}"), &secrets);
    assert_clean("Debug of the client", &format!("{client:?}"), &secrets);
    let refund = c::refund_deal().card_no(hyp_api::Pan::new(c::CARD));
    assert_clean("Debug of a refund", &format!("{refund:?}"), &secrets);
    let cancel = c::cancel_deal().card_no(hyp_api::Pan::new(c::CARD));
    assert_clean("Debug of a cancel", &format!("{cancel:?}"), &secrets);

    // The vendor echoes what it was sent, in an error answer…
    let echo = format!(
        "<user>{}</user><password>{}</password><cardNo>{}</cardNo>",
        c::USER,
        c::PASSWORD,
        c::CARD
    );
    let body = c::answer(
        "doDeal",
        "405",
        &format!("bad card {} for password {}", c::CARD, c::PASSWORD),
        Some(&echo),
    );
    mock.push(c::ROUTE, xml_answer(200, body));
    let err = client.do_deal(&request).await.expect_err("405");
    let Error::Api(e) = &err else {
        panic!("an Error::Api, got {err}")
    };
    assert_eq!(e.code, ResultCode::Unknown(405));
    assert!(e.body.contains("[REDACTED]"), "{}", e.body);
    assert!(e.body.contains(c::USER), "only secrets are scrubbed");
    assert_clean("the Api error body", &e.body, &secrets);
    assert_clean(
        "the Api error message",
        e.message.as_deref().unwrap_or_default(),
        &secrets,
    );
    assert_clean("Debug of the Api error", &format!("{err:?}"), &secrets);
    assert_clean("Display of the Api error", &err.to_string(), &secrets);

    // …and in an answer that does not decode.
    for (what, body) in [
        (
            "not XML",
            format!(
                "Internal error for user={}&password={}&cardNo={}",
                c::USER,
                c::PASSWORD,
                c::CARD
            ),
        ),
        (
            "no <ashrait><response>",
            format!(
                "<error><password>{}</password><cardNo>{}</cardNo></error>",
                c::PASSWORD,
                c::CARD
            ),
        ),
    ] {
        mock.push(
            c::ROUTE,
            Reply::new(500, body).with_content_type("text/plain"),
        );
        let err = client.do_deal(&request).await.expect_err("undecodable");
        let Error::Decode { body, .. } = &err else {
            panic!("{what}: an Error::Decode, got {err}")
        };
        assert!(body.contains("[REDACTED]"), "{what}: {body}");
        assert_clean(&format!("{what}: the Decode body"), body, &secrets);
        assert_clean(&format!("{what}: Debug"), &format!("{err:?}"), &secrets);
        assert_clean(&format!("{what}: Display"), &err.to_string(), &secrets);
    }

    // The secrets did go on the wire, where they belong.
    let sent = &mock.received()[0];
    assert_eq!(c::form_field(&sent.body, "password"), c::PASSWORD);
    let int_in = c::int_in(sent);
    assert_eq!(
        text(child(
            child(&c::request_element(&int_in), "doDeal"),
            "cardNo"
        )),
        c::CARD
    );
}

/// A password echoed inside XML is XML-escaped (`&` → `&amp;`), so the kept body carries the
/// password in that form; it must be scrubbed too.
///
/// The runtime's `redact` replaces the secrets' raw text only, in the raw answer text
/// (`ApiError::body`, `Error::Decode::body`): a password with `&`, `<`, `>`, `"` or `'` echoed by
/// the vendor in its XML answer stays readable in the kept body (the decoded `message` is
/// scrubbed, as it is unescaped before redaction).
#[tokio::test]
async fn an_xml_escaped_echo_of_the_password_is_redacted() {
    let password = "Cg&Pa<5>";
    let escaped = "Cg&amp;Pa&lt;5&gt;";
    let mock = MockServer::start().await;
    let client = Client::builder(mock.base_url(), c::USER, c::secret(password))
        .retry(RetryPolicy::never())
        .build()
        .expect("client builds");
    let body = c::answer(
        "doDeal",
        "405",
        &format!("wrong password {escaped}"),
        Some(&format!("<password>{escaped}</password>")),
    );
    mock.push(c::ROUTE, xml_answer(200, body));
    let Err(Error::Api(e)) = client.do_deal(&c::do_deal()).await else {
        panic!("an Error::Api")
    };
    assert_clean(
        "the decoded message",
        e.message.as_deref().unwrap_or_default(),
        &[password],
    );
    assert_clean("the kept body", &e.body, &[password, escaped]);
}
