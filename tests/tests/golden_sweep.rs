//! Every vendor example in spec/hyper-erp is a golden vector:
//! - each documented request decodes into its typed request and encodes back to the same JSON
//!   (compared as JSON values);
//! - each documented answer decodes to the outcome or error code the spec's `expect` names;
//! - each fixup of a vendor mistake still applies, and the verbatim text is still broken
//!   (when the vendor fixes its doc, this test says so).

use hyp_api::hyper_erp::*;
use hyp_api::{Endpoint, FromNode, ToNode};
use hyp_api_tests::outcome::decoded_as;
use hyp_api_tests::vendor;
use hyp_codegen::model::ExampleKind;

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

/// Decodes a request example into `E::Request` and encodes it again.
fn round_trip<E: Endpoint>(body: &str) -> String {
    let node = hyp_api::wire::parse_json(body).expect("example parses");
    let typed = E::Request::from_node(&node)
        .unwrap_or_else(|e| panic!("{}: request example does not decode: {e}", E::WIRE));
    hyp_api::wire::to_json(&typed.to_node()).expect("encodes")
}

/// Runs `f` with the marker type of the endpoint named `wire`.
macro_rules! with_endpoint {
    ($wire:expr, $f:ident ( $($arg:expr),* )) => {
        match $wire {
            "Create_TP_Account_Json" => $f::<CreateTpAccount>($($arg),*),
            "MT4_Deposit_Fiat_Json" => $f::<DepositFiat>($($arg),*),
            "MT4_Withdrawal_Fiat_Json" => $f::<WithdrawFiat>($($arg),*),
            "Create_TP_Balance_Order_Json" => $f::<CreateBalanceOrder>($($arg),*),
            "CC_Clearing_Json" => $f::<ChargeCard>($($arg),*),
            "Create_Refund_Json" => $f::<CreateRefund>($($arg),*),
            "Query_Refunds_API_Queue_json" => $f::<QueryRefundQueue>($($arg),*),
            "Update_Refunds_API_Queue_json" => $f::<UpdateRefundQueue>($($arg),*),
            other => panic!("endpoint `{other}` is in the spec but not in this test: add it"),
        }
    };
}

#[test]
fn every_request_example_round_trips() {
    let api = vendor::hyper_erp();
    let mut checked = 0;
    for e in &api.endpoints {
        for x in e.examples.iter().filter(|x| x.kind == ExampleKind::Request) {
            let body = x.fixed_body();
            let again = with_endpoint!(e.wire.as_str(), round_trip(&body));
            assert_eq!(json(&again), json(&body), "{} / {}", e.wire, x.name);
            checked += 1;
        }
    }
    assert!(checked >= 7, "only {checked} request examples");
}

#[test]
fn every_answer_example_decodes_to_what_the_spec_expects() {
    let api = vendor::hyper_erp();
    let mut checked = 0;
    for e in &api.endpoints {
        for x in e
            .examples
            .iter()
            .filter(|x| x.kind == ExampleKind::Response)
        {
            let expect = x.expect.as_deref().unwrap_or_else(|| {
                panic!("{} / {}: a response example needs `expect`", e.wire, x.name)
            });
            let status = x.http_status.unwrap_or(200);
            let got = with_endpoint!(e.wire.as_str(), decoded_as(status, &x.fixed_body()));
            // Single-outcome endpoints decode to their response struct.
            let single = e.outcomes.len() == 1 && e.outcomes[0].variant == expect;
            if single {
                assert!(
                    got.ends_with("Response"),
                    "{} / {}: got {got}",
                    e.wire,
                    x.name
                );
            } else {
                assert_eq!(got, expect, "{} / {}", e.wire, x.name);
            }
            checked += 1;
        }
    }
    assert!(checked >= 20, "only {checked} answer examples");
}

#[test]
fn fixups_still_apply_and_the_verbatim_text_is_still_broken() {
    let api = vendor::hyper_erp();
    let mut fixed = 0;
    for e in &api.endpoints {
        for x in e.examples.iter().filter(|x| !x.fixups.is_empty()) {
            assert!(
                serde_json::from_str::<serde_json::Value>(&x.body).is_err(),
                "{} / {}: the vendor text is valid JSON now; remove the fixup",
                e.wire,
                x.name
            );
            json(&x.fixed_body());
            fixed += 1;
        }
    }
    assert_eq!(
        fixed, 1,
        "exactly one documented example needs a fixup (already-exists)"
    );
}

#[test]
fn every_example_without_fixups_is_valid_json() {
    for e in &vendor::hyper_erp().endpoints {
        for x in e.examples.iter().filter(|x| x.fixups.is_empty()) {
            json(&x.body);
        }
    }
}
