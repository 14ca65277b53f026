//! This test's secrets, answers in the vendor's content type, and each scenario's documented
//! answers.

use hyp_api::SecretString;
use hyp_api_tests::mock::Reply;

use crate::pay_common as c;

/// The payout password (`zPass`) this test sends.
pub(crate) const ZPASS: &str = "zp-S3cret-3318";
/// A card token (19 digits, the `CC` pattern).
pub(crate) const CARD_TOKEN: &str = "4580123456789012377";

/// `s` as a secret.
pub(crate) fn secret(s: &str) -> SecretString {
    SecretString::from(s.to_string())
}

/// A 200 answer with `body`, in the content type Hyp Pay answers with.
pub(crate) fn text(body: impl Into<String>) -> Reply {
    Reply::new(200, body).with_content_type("text/html; charset=windows-1255")
}

/// (success body, expected outcome), (failure body, expected code) of `e`, from the examples.
pub(crate) fn answers(e: &hyp_codegen::model::Endpoint) -> ((String, String), (String, String)) {
    let ex = c::examples_endpoint(c::api(), e);
    let ok = c::answer_examples(ex)
        .find(|x| c::is_success(ex, x))
        .unwrap_or_else(|| panic!("{}: no success example", e.wire));
    let err = c::answer_examples(ex)
        .find(|x| !c::is_success(ex, x))
        .unwrap_or_else(|| panic!("{}: no failure example", e.wire));
    (
        (ok.fixed_body(), ok.expect.clone().unwrap()),
        (err.fixed_body(), err.expect.clone().unwrap()),
    )
}
