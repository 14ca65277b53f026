//! `mayBeDuplicate` and retries: a timed-out doDeal is resent identically; the envelope rules
//! are checked before anything is sent; a money-moving command is never retried, a read is.

use std::time::Duration;

use hyp_api::Error;
use hyp_api::RetryPolicy;
use hyp_api_tests::mock::MockServer;

use crate::answers::{success_element, xml_answer};
use crate::creditguard_common::{self as c, child, names, text};

#[tokio::test]
async fn a_timed_out_deal_is_resent_with_may_be_duplicate_and_gets_the_first_result() {
    let mock = MockServer::start().await;
    let first = c::answer(
        "doDeal",
        "000",
        "Permitted transaction",
        Some("<status>000</status><cgUid>118664947</cgUid><authNumber>4397830</authNumber>"),
    );
    // The first answer comes too late; the vendor answers the resend with the same result.
    mock.push(
        c::ROUTE,
        xml_answer(200, first.clone()).delayed(Duration::from_millis(1500)),
    );
    mock.push(c::ROUTE, xml_answer(200, first));
    let client = c::client_with(&mock, RetryPolicy::never(), 200);
    let request = c::charge().may_be_duplicate(true).request_id("REQ-1");

    let err = client.do_deal(&request).await.expect_err("times out");
    let Error::Timeout {
        endpoint,
        outcome_unknown,
        ..
    } = &err
    else {
        panic!("a timeout, got {err}")
    };
    assert_eq!(*endpoint, "doDeal");
    assert!(outcome_unknown, "a charge may have happened");
    assert!(err.outcome_unknown());
    assert_eq!(
        mock.received().len(),
        1,
        "a money-moving call is not retried"
    );

    // The caller resends the identical request (with a generous timeout here, so the resend
    // does not race the clock).
    let answer = c::client_with(&mock, RetryPolicy::never(), 5_000)
        .do_deal(&request)
        .await
        .expect("the resend is answered");
    assert_eq!(answer.tran_id.as_deref(), Some("119101579"));
    assert_eq!(answer.auth_number.as_deref(), Some("4397830"));
    assert_eq!(answer.cg_uid.as_deref(), Some("118664947"));

    let received = mock.received();
    assert_eq!(received.len(), 2);
    assert_eq!(received[0].body, received[1].body, "an identical resend");
    for r in &received {
        let int_in = c::int_in(r);
        assert!(
            int_in.contains("<mayBeDuplicate>1</mayBeDuplicate><requestId>REQ-1</requestId>"),
            "{int_in}"
        );
        let request = c::request_element(&int_in);
        assert_eq!(
            names(&request),
            [
                "version",
                "language",
                "mayBeDuplicate",
                "requestId",
                "command",
                "doDeal"
            ]
        );
    }
}

#[tokio::test]
async fn a_money_moving_command_is_never_retried_but_a_read_is() {
    let mock = MockServer::start().await;
    let ok = |wire: &str| {
        xml_answer(
            200,
            c::answer(
                wire,
                "000",
                "Permitted transaction",
                Some(success_element(wire)),
            ),
        )
    };
    let client = c::client_with(&mock, c::fast_retries(), 200);

    mock.push(
        c::ROUTE,
        ok("refundDeal").delayed(Duration::from_millis(1000)),
    );
    let err = client
        .refund_deal(&c::refund_deal())
        .await
        .expect_err("times out");
    assert!(
        matches!(
            err,
            Error::Timeout {
                outcome_unknown: true,
                ..
            }
        ),
        "{err}"
    );
    assert_eq!(
        mock.received().len(),
        1,
        "refundDeal is not retried (a retry would have been sent and answered 404)"
    );

    // A read that times out once, then is answered.
    let before = mock.received().len();
    mock.push(
        c::ROUTE,
        ok("inquireTransactions").delayed(Duration::from_millis(1000)),
    );
    mock.push(c::ROUTE, ok("inquireTransactions"));
    let r = client
        .inquire_transactions(&c::inquire_transactions())
        .await
        .expect("the retry is answered");
    assert_eq!(r.transactions.len(), 1);
    assert_eq!(
        mock.received().len(),
        before + 2,
        "the read was retried once"
    );

    // A read that never answers: timed out, but nothing can have changed.
    let client = c::client_with(&mock, RetryPolicy::never(), 200);
    mock.push(
        c::ROUTE,
        ok("inquireTransactions").delayed(Duration::from_millis(1000)),
    );
    let err = client
        .inquire_transactions(&c::inquire_transactions())
        .await
        .expect_err("times out");
    assert!(
        matches!(
            err,
            Error::Timeout {
                outcome_unknown: false,
                ..
            }
        ),
        "{err}"
    );
}

#[tokio::test]
async fn may_be_duplicate_needs_a_request_id_of_at_most_20_characters() {
    let mock = MockServer::start().await;
    let client = c::client(&mock);

    let Err(Error::InvalidRequest(v)) = client.do_deal(&c::charge().may_be_duplicate(true)).await
    else {
        panic!("mayBeDuplicate without requestId is invalid")
    };
    assert_eq!(v.paths(), ["mayBeDuplicate"], "{v}");
    assert!(v.to_string().contains("requestId"), "{v}");

    let Err(Error::InvalidRequest(v)) = client
        .refund_deal(
            &c::refund_deal()
                .may_be_duplicate(true)
                .request_id("R".repeat(21)),
        )
        .await
    else {
        panic!("a 21-character requestId is invalid")
    };
    assert_eq!(v.paths(), ["requestId"], "{v}");
    assert!(v.to_string().contains("20"), "{v}");

    // The same rules on a command without money.
    let Err(Error::InvalidRequest(v)) = client
        .inquire_transactions(&c::inquire_transactions().may_be_duplicate(true))
        .await
    else {
        panic!("mayBeDuplicate without requestId is invalid")
    };
    assert_eq!(v.paths(), ["mayBeDuplicate"], "{v}");

    assert!(mock.received().is_empty(), "nothing was sent");

    // 20 characters (counted as characters, Hebrew too) is fine; `mayBeDuplicate` 0 is written
    // as `0`.
    for (id, dup) in [("R".repeat(20), true), ("בקשה-".repeat(4), false)] {
        mock.push(
            c::ROUTE,
            xml_answer(
                200,
                c::answer(
                    "doDeal",
                    "000",
                    "Permitted transaction",
                    Some("<cgUid>118664947</cgUid>"),
                ),
            ),
        );
        client
            .do_deal(&c::charge().may_be_duplicate(dup).request_id(id.clone()))
            .await
            .expect("valid");
        let int_in = c::int_in(mock.received().last().expect("sent"));
        let request = c::request_element(&int_in);
        assert_eq!(text(child(&request, "requestId")), id);
        assert_eq!(
            text(child(&request, "mayBeDuplicate")),
            if dup { "1" } else { "0" }
        );
    }
}

/// `mayBeDuplicate` 1 with an empty `requestId` is as invalid as with none: the vendor needs
/// "a unique `requestId` with every transaction" (vendor-docs 001 § Request) and an empty one
/// identifies nothing.
///
/// The generated check is `may_be_duplicate == Some(true) && request_id.is_none()`, so
/// `.request_id("")` (or whitespace) passes validation and the request is sent with
/// `<requestId></requestId>`.
#[tokio::test]
async fn may_be_duplicate_with_an_empty_request_id_is_invalid() {
    let mock = MockServer::start().await;
    mock.push(
        c::ROUTE,
        xml_answer(
            200,
            c::answer("doDeal", "000", "Permitted transaction", None),
        ),
    );
    let result = c::client(&mock)
        .do_deal(&c::charge().may_be_duplicate(true).request_id(""))
        .await;
    assert!(
        matches!(&result, Err(Error::InvalidRequest(v)) if v.paths() == ["mayBeDuplicate"]),
        "{result:?}"
    );
    assert!(mock.received().is_empty(), "nothing was sent");
}
