//! Every documented code of every function, HTTP statuses included, through the real client
//! against a loopback server:
//! - every response example in spec/hyper-erp (iterated from the spec, so a new example is
//!   covered without touching this file) gives the typed outcome or the typed error its
//!   `expect` names, with the documented status and message, and the decoded answer carries
//!   the documented values;
//! - every code of the service-wide table, on every function where it is not an outcome, is a
//!   typed error with the function's meaning (its override where it has one);
//! - an undocumented code is `Unknown(n)`, and a zero-padded string code is still its code.

#[path = "integration_codes/calls.rs"]
mod calls;
#[path = "integration_codes/carries.rs"]
mod carries;
mod common;

use calls::call;
use carries::assert_carries;
use common::PASSWORD;
use hyp_api::Error;
use hyp_api::hyper_erp::*;
use hyp_api::{Open, VendorCode};
use hyp_api_tests::mock::{MockServer, Reply};
use hyp_api_tests::vendor;
use hyp_codegen::model::{Code, Endpoint as SpecEndpoint, ExampleKind};
use serde_json::{Value, json};

/// The meaning code `value` has on endpoint `e`: its override there, else the service's.
fn meaning(e: &SpecEndpoint, value: i64) -> &'static Code {
    let api = vendor::hyper_erp();
    let name = e
        .code_overrides
        .iter()
        .find(|(v, _)| *v == value)
        .map(|(_, name)| name.as_str());
    api.codes
        .iter()
        .find(|c| match name {
            Some(n) => c.name == n,
            None => c.value == value,
        })
        .unwrap_or_else(|| panic!("code {value} is not in the spec"))
}

fn is_outcome(e: &SpecEndpoint, value: i64) -> bool {
    e.outcomes.iter().any(|o| o.codes.contains(&value))
}

#[tokio::test]
async fn every_documented_answer_of_every_function_decodes_as_the_spec_expects() {
    let api = vendor::hyper_erp();
    let envelope = api.envelope.as_ref().expect("the API has an envelope");
    let envelope_keys = [envelope.code_wire.as_str(), envelope.message_wire.as_str()];
    let mock = MockServer::start().await;
    let client = common::client(&mock.base_url());
    let (mut checked, mut outcomes, mut errors) = (0, 0, 0);
    for e in &api.endpoints {
        for x in e
            .examples
            .iter()
            .filter(|x| x.kind == ExampleKind::Response)
        {
            let at = format!("{} / {}", e.wire, x.name);
            let expect = x
                .expect
                .as_deref()
                .expect("response examples name what they mean");
            let (status, body) = vendor::answer(api, &e.wire, &x.name);
            let documented: Value = serde_json::from_str(&body).expect("example is JSON");
            let code = documented[envelope_keys[0]]
                .as_i64()
                .expect("documented code is a number");
            mock.push(&e.wire, Reply::new(status, body.clone()));
            match call(&client, &e.wire).await {
                Ok(answer) => {
                    let outcome = e.outcomes.iter().find(|o| o.codes.contains(&code));
                    assert_eq!(outcome.map(|o| o.variant.as_str()), Some(expect), "{at}");
                    match answer.variant {
                        Some(v) => assert_eq!(v, expect, "{at}"),
                        None => assert_eq!(e.outcomes.len(), 1, "{at}: a single outcome"),
                    }
                    assert_carries(&answer.typed, &documented, &at, &envelope_keys);
                    outcomes += 1;
                }
                Err(Error::Api(err)) => {
                    assert_eq!(format!("{:?}", err.code), expect, "{at}");
                    assert_eq!(err.code.value(), code, "{at}");
                    assert_eq!(err.endpoint, e.wire, "{at}");
                    assert_eq!(err.http_status, status, "{at}");
                    let documented_status = meaning(e, code).http_status;
                    assert_eq!(err.code.documented_http_status(), documented_status, "{at}");
                    if let Some(s) = x.http_status {
                        assert_eq!(Some(s), documented_status, "{at}: example vs code table");
                    }
                    let msg = documented[envelope_keys[1]].as_str();
                    assert_eq!(err.message.as_deref(), msg, "{at}");
                    assert!(
                        !is_outcome(e, code),
                        "{at}: an outcome code came back as an error"
                    );
                    errors += 1;
                }
                Err(other) => panic!("{at}: {other:?}"),
            }
            checked += 1;
        }
    }
    assert!(checked >= 20, "only {checked} answer examples");
    assert!(
        outcomes >= 10 && errors >= 10,
        "{outcomes} outcomes, {errors} errors"
    );
    assert_eq!(mock.received().len(), checked, "one request per example");
}

/// The examples a caller cares most about, by name, with their typed values.
#[tokio::test]
async fn landmark_answers_are_the_typed_values_a_caller_reads() {
    let api = vendor::hyper_erp();
    let mock = MockServer::start().await;
    let client = common::client(&mock.base_url());
    let script = |wire: &str, name: &str| {
        let (status, body) = vendor::answer(api, wire, name);
        mock.push(wire, Reply::new(status, body));
    };

    script("Create_TP_Account_Json", "response-already-exists");
    let out = client
        .create_tp_account(&common::create_tp_account(PASSWORD))
        .await
        .expect("code 1 is an outcome");
    let CreateTpAccountOutcome::AlreadyExists(r) = out else {
        panic!("expected AlreadyExists, got {out:?}")
    };
    assert_eq!(r.account.account_login, 55521);
    assert_eq!(r.account.status, Some(TpAccountStatus::Active));

    script(
        "MT4_Deposit_Fiat_Json",
        "response-duplicate-receipt-http-200",
    );
    let out = client
        .deposit_fiat(&common::deposit(PASSWORD))
        .await
        .map(hyp_api::Keyed::into_inner);
    let Ok(DepositFiatOutcome::Duplicate(r)) = out else {
        panic!("expected Duplicate, got {out:?}")
    };
    assert_eq!(r.receipt_num, 10542);

    script("CC_Clearing_Json", "response-timeout-997-http-200");
    let r = client
        .charge_card(&common::charge_card(PASSWORD))
        .await
        .expect("997 is a technical success");
    assert_eq!(r.result_code, ClearingResultCode::TimedOut);
    assert_eq!(r.req_id, 10453);

    script("Query_Refunds_API_Queue_json", "response-no-results");
    let r = client
        .query_refund_queue(&common::query_queue())
        .await
        .expect("code 2 is an empty queue");
    assert!(r.queue.is_empty());

    script("Create_Refund_Json", "response-created");
    let out = client
        .create_refund(&common::create_refund())
        .await
        .map(hyp_api::Keyed::into_inner);
    let Ok(CreateRefundOutcome::Created(r)) = out else {
        panic!("expected Created, got {out:?}")
    };
    let doc = r.doc.expect("Doc");
    assert_eq!(doc.authorization_status, Some(Open::Unknown("0".into())));
}

#[tokio::test]
async fn every_service_code_on_every_function_is_a_typed_error_with_its_documented_status() {
    let api = vendor::hyper_erp();
    let mock = MockServer::start().await;
    let client = common::client(&mock.base_url()); // RetryPolicy::never()
    let mut seen = Vec::new();
    for code in &api.codes[..api.service_code_count] {
        for e in api.endpoints.iter().filter(|e| !is_outcome(e, code.value)) {
            let at = format!("code {} on {}", code.value, e.wire);
            let m = meaning(e, code.value);
            let status = m.http_status.unwrap_or(200);
            let msg = format!("vendor text for {at}");
            let body = json!({"ResponseCode": code.value, "ResponseMsgEng": msg});
            mock.push(&e.wire, Reply::new(status, body.to_string()));
            let Err(Error::Api(err)) = call(&client, &e.wire).await else {
                panic!("{at}: expected an API error")
            };
            assert_eq!(err.code.value(), code.value, "{at}");
            assert_eq!(format!("{:?}", err.code), m.name, "{at}");
            assert_eq!(err.code.documented_http_status(), m.http_status, "{at}");
            assert_eq!(err.code.is_retryable(), m.retryable, "{at}");
            assert_eq!(err.code.outcome_unknown(), m.outcome_unknown, "{at}");
            assert_eq!(err.http_status, status, "{at}");
            assert_eq!(err.message.as_deref(), Some(msg.as_str()), "{at}");
            seen.push((e.wire.clone(), err.code));
        }
    }
    // Retryable codes were not retried: one request per call.
    assert_eq!(mock.received().len(), seen.len());
    let on = |wire: &str, value: i64| {
        seen.iter()
            .find(|(w, c)| w == wire && c.value() == value)
            .map(|(_, c)| *c)
    };
    // The endpoint overrides, and the service meanings everywhere else.
    use ResponseCode as R;
    assert_eq!(on("CC_Clearing_Json", 10), Some(R::BadAccountCredentials));
    assert_eq!(
        on("Create_TP_Account_Json", 11),
        Some(R::IncorrectApiPassword)
    );
    assert_eq!(
        on("Create_TP_Account_Json", 5),
        Some(R::TradingSystemTimeout)
    );
    assert_eq!(
        on("Create_TP_Balance_Order_Json", 5),
        Some(R::TradingSystemTimeout)
    );
    assert_eq!(on("MT4_Deposit_Fiat_Json", 10), Some(R::ResourceBusy));
    assert_eq!(on("CC_Clearing_Json", 11), Some(R::SecurityAlert));
    assert_eq!(on("MT4_Deposit_Fiat_Json", 5), Some(R::TechnicalError));
    assert_eq!(
        on("MT4_Withdrawal_Fiat_Json", 1),
        Some(R::IncompleteSuccess)
    );
    assert_eq!(on("CC_Clearing_Json", 30), Some(R::Duplicate));
    assert_eq!(R::BadAccountCredentials.documented_http_status(), Some(401));
    assert_eq!(R::ResourceBusy.documented_http_status(), Some(423));
    // Outcome codes are never errors.
    assert_eq!(on("Create_TP_Account_Json", 1), None);
    assert_eq!(on("Query_Refunds_API_Queue_json", 2), None);
    assert_eq!(on("MT4_Deposit_Fiat_Json", 30), None);
    assert!(seen.len() > 140, "only {} combinations", seen.len());
}

#[tokio::test]
async fn an_undocumented_code_is_unknown_on_every_function_never_a_decode_failure() {
    let mock = MockServer::start().await;
    let client = common::client(&mock.base_url());
    for wire in common::WIRES {
        mock.push(
            wire,
            Reply::new(418, r#"{"ResponseCode":777,"ResponseMsgEng":"Brand new"}"#),
        );
        match call(&client, wire).await {
            Err(Error::Api(err)) => {
                assert_eq!(err.code, ResponseCode::Unknown(777), "{wire}");
                assert_eq!(err.code.value(), 777);
                assert_eq!(err.code.documented_http_status(), None);
                assert!(!err.code.is_retryable());
                assert_eq!(err.http_status, 418);
                assert_eq!(err.message.as_deref(), Some("Brand new"));
            }
            Err(other) => panic!("{wire}: {other:?}"),
            Ok(_) => panic!("{wire}: 777 is not an outcome"),
        }
    }
    assert_eq!(mock.received().len(), common::WIRES.len());
}

#[tokio::test]
async fn zero_padded_string_codes_keep_their_meaning() {
    let mock = MockServer::start().await;
    let client = common::client(&mock.base_url());
    let wire = "MT4_Deposit_Fiat_Json";
    mock.push(
        wire,
        Reply::new(
            200,
            r#"{"ResponseCode":"030","ResponseMsgEng":"A form with identical information has already been submitted.","Receipt_Num":10542}"#,
        ),
    );
    let out = client
        .deposit_fiat(&common::deposit(PASSWORD))
        .await
        .map(hyp_api::Keyed::into_inner);
    let Ok(DepositFiatOutcome::Duplicate(r)) = out else {
        panic!("\"030\" should be the Duplicate outcome, got {out:?}")
    };
    assert_eq!(r.receipt_num, 10542);

    mock.push(
        wire,
        Reply::new(400, r#"{"ResponseCode":"014","ResponseMsgEng":"Bad"}"#),
    );
    let err = client.deposit_fiat(&common::deposit(PASSWORD)).await;
    let Err(Error::Api(err)) = err else {
        panic!("\"014\" should be an API error, got {err:?}")
    };
    assert_eq!(err.code, ResponseCode::BadInputData);

    // On CC_Clearing_Json a padded 10 still takes the endpoint's meaning.
    mock.push(
        "CC_Clearing_Json",
        Reply::new(401, r#"{"ResponseCode":"010","ResponseMsgEng":"Bad"}"#),
    );
    let err = client.charge_card(&common::charge_card(PASSWORD)).await;
    assert_eq!(
        err.err().and_then(|e| e.code().copied()),
        Some(ResponseCode::BadAccountCredentials)
    );
}
