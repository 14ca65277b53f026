//! `Error::Decode` keeps its cause as a typed `source()` (issue #14, "causes keep their source
//! chain"): a `hyp_api::DecodeError` with the field path from the body's root and the reason,
//! the sent secrets removed from both, whichever decoder read the answer.

use std::error::Error as _;

use hyp_api::hyper_erp::QueryRefundQueue;
use hyp_api::{DecodeError, Endpoint, Error, wire};
use hyp_api_tests::vendor;

/// The vendor's queue example (doc 004 § Refunds Bank Transfer API, Successful Response) with a
/// second row whose `PaymentDate` is `date`.
fn queue_with_second_date(date: &str) -> String {
    let (_, body) = vendor::answer(
        vendor::hyper_erp(),
        QueryRefundQueue::WIRE,
        "response-queue",
    );
    let row_at = body
        .find('{')
        .and_then(|o| body[o + 1..].find('{').map(|i| o + 1 + i));
    let row_at = row_at.expect("the example has a row");
    let row_end = row_at + body[row_at..].find('}').expect("the row closes") + 1;
    let row = &body[row_at..row_end];
    assert!(row.contains(r#""PaymentDate":"2026-04-01""#), "{row}");
    let second = row.replace("2026-04-01", date);
    format!("{},{second}{}", &body[..row_end], &body[row_end..])
}

fn cause<C: hyp_api::VendorCode>(err: &Error<C>) -> &DecodeError {
    err.source()
        .and_then(|s| s.downcast_ref::<DecodeError>())
        .unwrap_or_else(|| panic!("no DecodeError source on {err:?}"))
}

#[test]
fn a_bad_field_is_the_source_with_its_path() {
    let text = queue_with_second_date("2026-13-01");
    let err = wire::decode_answer::<QueryRefundQueue>(200, &text, &[]).unwrap_err();
    let Error::Decode { source: field, .. } = &err else {
        panic!("expected Decode, got {err:?}")
    };
    let source = cause(&err);
    assert_eq!(field, source);
    assert_eq!(source.path, "Queue[1].PaymentDate");
    assert!(source.reason.contains("`2026-13-01`"), "{source:?}");
    assert!(err.to_string().ends_with(&source.to_string()), "{err}");
}

#[test]
fn the_source_loses_the_calls_secrets() {
    let text = queue_with_second_date("pw-9f3k");
    let err = wire::decode_answer::<QueryRefundQueue>(200, &text, &["pw-9f3k"]).unwrap_err();
    let source = cause(&err);
    assert_eq!(source.path, "Queue[1].PaymentDate");
    assert!(!source.reason.contains("pw-9f3k"), "{source:?}");
    assert!(source.reason.contains("[REDACTED]"), "{source:?}");
}

#[test]
fn a_missing_code_is_the_source_at_the_code_field() {
    // Doc 004's envelope is `ResponseCode` + `ResponseMsgEng`; an answer without the code.
    let err = wire::decode_answer::<QueryRefundQueue>(200, r#"{"ResponseMsgEng":"Success"}"#, &[])
        .unwrap_err();
    let source = cause(&err);
    assert_eq!(source.path, "ResponseCode");
    assert_eq!(source.reason, "required field is missing");
}
