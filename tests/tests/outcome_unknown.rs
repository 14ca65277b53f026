//! Issue #14: an undocumented code on a call that moves money is "outcome unknown" (the answer
//! does not prove nothing was booked), while a documented failure code, and any code on a read,
//! is a definite answer. Decoded from the vendor's JSON frame with only the code changed.

use hyp_api::hyper_erp::{DepositFiat, QueryRefundQueue, ResponseCode};
use hyp_api::{Endpoint, Error};

fn answer<E: Endpoint>(code: i64) -> Error<E::Code> {
    let body = format!(r#"{{"ResponseCode":{code},"ResponseMsgEng":"from the test"}}"#);
    match hyp_api::wire::decode_answer::<E>(200, &body, &[]) {
        Ok(_) => panic!("code {code} decoded as a result"),
        Err(e) => e,
    }
}

#[test]
fn an_undocumented_code_on_a_deposit_is_outcome_unknown() {
    let e = answer::<DepositFiat>(77);
    let Error::Api(api) = &e else { panic!("{e:?}") };
    assert_eq!(api.code, ResponseCode::Unknown(77));
    assert!(api.outcome_unknown);
    assert!(e.outcome_unknown(), "{e}");
}

#[test]
fn a_documented_failure_on_a_deposit_is_a_definite_answer() {
    let e = answer::<DepositFiat>(10);
    assert!(
        matches!(&e, Error::Api(a) if a.code != ResponseCode::Unknown(10)),
        "{e:?}"
    );
    assert!(!e.outcome_unknown(), "{e}");
}

#[test]
fn an_undocumented_code_on_a_read_is_a_definite_answer() {
    let e = answer::<QueryRefundQueue>(77);
    assert!(
        matches!(&e, Error::Api(a) if a.code == ResponseCode::Unknown(77)),
        "{e:?}"
    );
    assert!(!e.outcome_unknown(), "{e}");
}
