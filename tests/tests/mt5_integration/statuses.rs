//! Every endpoint of spec/mt5-manager × every status of the code table plus an undocumented
//! one: the endpoint's outcomes are `Ok` with the right variant, every other status is a typed
//! `Error::Api`.

use hyp_api::Error;
use hyp_api::VendorCode;
use hyp_api::mt5_manager::*;
use hyp_api_tests::mock::{MockServer, Reply};
use hyp_api_tests::vendor;
use hyp_codegen::model::Api;

use crate::mt5_common::{self as c, BASE_PATH, LOGIN, OPERATOR};

/// A status the spec does not list.
const UNDOCUMENTED: u16 = 418;

/// Calls the endpoint `wire` with its valid request; on success, the outcome's variant name
/// (for an endpoint with one outcome, which returns its response directly, that outcome's).
async fn call(client: &Client, wire: &str) -> Result<&'static str, CallError> {
    Ok(match wire {
        "POST /accounts" => match client.create_account(&c::create_account()).await?.outcome {
            CreateAccountOutcome::Created(_) => "Created",
            CreateAccountOutcome::AlreadyApplied(_) => "AlreadyApplied",
        },
        "PATCH /accounts/{login}" => {
            match client.update_account(&c::update_account()).await?.outcome {
                UpdateAccountOutcome::Updated(_) => "Updated",
                UpdateAccountOutcome::AlreadyApplied(_) => "AlreadyApplied",
            }
        }
        "GET /accounts/{login}" => {
            let account = client.get_account(&c::get_account()).await?;
            assert_eq!(account.login, LOGIN);
            "Found"
        }
        "POST /accounts/{login}/password" => {
            match client.rotate_password(&c::rotate_password()).await?.outcome {
                RotatePasswordOutcome::Rotated(_) => "Rotated",
                RotatePasswordOutcome::AlreadyApplied(_) => "AlreadyApplied",
            }
        }
        "GET /reports/daily" => {
            client.daily_report(&c::daily_report()).await?;
            "Report"
        }
        "GET /reports/groups" => {
            client.group_report(&GroupReportRequest::new()).await?;
            "Report"
        }
        "GET /reports/symbols" => {
            client.symbol_report(&SymbolReportRequest::new()).await?;
            "Report"
        }
        "GET /reports/exposure" => {
            client
                .exposure_report(&ExposureReportRequest::new())
                .await?;
            "Report"
        }
        "POST /transactions/deposit" => match client.deposit(&c::deposit()).await?.outcome {
            DepositOutcome::Applied(_) => "Applied",
            DepositOutcome::AlreadyApplied(_) => "AlreadyApplied",
        },
        "POST /transactions/withdraw" => match client.withdraw(&c::withdraw()).await?.outcome {
            WithdrawOutcome::Applied(_) => "Applied",
            WithdrawOutcome::AlreadyApplied(_) => "AlreadyApplied",
        },
        "POST /transactions/credit" => match client.credit(&c::credit()).await?.outcome {
            CreditOutcome::Applied(_) => "Applied",
            CreditOutcome::AlreadyApplied(_) => "AlreadyApplied",
        },
        "GET /transactions/history" => {
            client
                .transaction_history(&c::transaction_history())
                .await?;
            "Ledger"
        }
        other => panic!(
            "spec/mt5-manager has an endpoint `{other}` this test does not call: add it to `call`"
        ),
    })
}

/// The typed code the spec's table gives `status`, by the table's name (so a new code in the
/// spec fails here until the test knows it); `Unknown` for a status it does not list.
fn expected_code(api: &Api, status: u16) -> StatusCode {
    let Some(code) = api.codes.iter().find(|c| c.value == i64::from(status)) else {
        return StatusCode::Unknown(i64::from(status));
    };
    match code.name.as_str() {
        "Ok" => StatusCode::Ok,
        "Created" => StatusCode::Created,
        "ValidationError" => StatusCode::ValidationError,
        "Unauthorized" => StatusCode::Unauthorized,
        "PermissionDenied" => StatusCode::PermissionDenied,
        "AlreadyApplied" => StatusCode::AlreadyApplied,
        "ManagerOffline" => StatusCode::ManagerOffline,
        other => panic!("code {status} `{other}` is new in the spec: add it to `expected_code`"),
    }
}

/// The scripted body for `status`: none for 201 and 409 (REST answers that may carry none),
/// a small JSON object otherwise (with the login, which `GET /accounts/{login}` requires).
fn body_for(status: u16) -> String {
    match status {
        201 | 409 => String::new(),
        200 => r#"{"login":128001,"status":"ok"}"#.to_string(),
        _ => format!(r#"{{"error":"scripted","status":{status}}}"#),
    }
}

#[test]
fn the_code_table_is_the_documented_one() {
    let api = vendor::mt5_manager();
    let codes: Vec<(i64, &str, Option<u16>, bool)> = api
        .codes
        .iter()
        .map(|c| (c.value, c.name.as_str(), c.http_status, c.retryable))
        .collect();
    assert_eq!(
        codes,
        [
            (200, "Ok", Some(200), false),
            (201, "Created", Some(201), false),
            (400, "ValidationError", Some(400), false),
            (401, "Unauthorized", Some(401), false),
            (403, "PermissionDenied", Some(403), false),
            (409, "AlreadyApplied", Some(409), false),
            (503, "ManagerOffline", Some(503), true),
        ]
    );
    for c in &api.codes {
        let code = expected_code(api, c.value as u16);
        assert_eq!(code.value(), c.value);
        assert_eq!(code.documented_http_status(), c.http_status);
        assert_eq!(code.is_retryable(), c.retryable, "{code:?}");
        assert!(!code.outcome_unknown(), "{code:?}");
    }
    let unknown = StatusCode::Unknown(418);
    assert_eq!(unknown.value(), 418);
    assert_eq!(unknown.documented_http_status(), None);
    assert!(!unknown.is_retryable());
}

#[tokio::test]
async fn every_endpoint_gives_every_status_its_typed_meaning() {
    let api = vendor::mt5_manager();
    assert_eq!(api.endpoints.len(), 12, "the vendor doc's 12 endpoints");
    let statuses: Vec<u16> = api
        .codes
        .iter()
        .map(|c| u16::try_from(c.value).expect("an HTTP status"))
        .chain([UNDOCUMENTED])
        .collect();
    let mock = MockServer::start().await;
    let client = c::client(&mock);
    let (mut outcomes, mut errors) = (0, 0);
    for e in &api.endpoints {
        let wire = e.wire.as_str();
        for &status in &statuses {
            let what = format!("{wire} answering {status}");
            let body = body_for(status);
            mock.push(&c::route(wire), Reply::new(status, body.clone()));
            let before = mock.received().len();
            let result = call(&client, wire).await;

            let received = mock.received();
            assert_eq!(received.len(), before + 1, "{what}: sent once, not retried");
            let r = &received[before];
            assert_eq!(r.method, c::method_of(wire), "{what}");
            assert_eq!(r.path, format!("{BASE_PATH}{}", c::path_of(wire)), "{what}");
            assert_eq!(
                r.header("authorization"),
                Some("Bearer <manager-key>"),
                "{what}"
            );
            if e.read_only {
                assert_eq!(r.header("x-request-id"), None, "{what}: a read has no key");
                assert_eq!(r.body, "", "{what}: a read has no body");
            } else {
                // Every mutation: the operator (required) and a request id (made by the client).
                assert_eq!(r.header("x-operator-id"), Some(OPERATOR), "{what}");
                let id = r.header("x-request-id").unwrap_or_default();
                assert!(c::is_uuid_v4(id), "{what}: x-request-id `{id}`");
                assert_eq!(
                    r.content_type.as_deref(),
                    Some("application/json"),
                    "{what}"
                );
            }

            let outcome = e
                .outcomes
                .iter()
                .find(|o| o.codes.contains(&i64::from(status)));
            match (outcome, result) {
                (Some(o), Ok(variant)) => {
                    assert_eq!(variant, o.variant, "{what}");
                    outcomes += 1;
                }
                (Some(o), Err(err)) => panic!("{what}: expected {}, got {err:?}", o.variant),
                (None, Ok(variant)) => panic!("{what}: expected an error, got {variant}"),
                (None, Err(Error::Api(a))) => {
                    assert_eq!(a.code, expected_code(api, status), "{what}");
                    assert_eq!(a.code.value(), i64::from(status), "{what}");
                    assert_eq!(a.http_status, status, "{what}");
                    assert_eq!(a.endpoint, wire, "{what}");
                    assert_eq!(a.body, body, "{what}: the answer is kept");
                    assert_eq!(a.message, None, "{what}: no envelope, no message");
                    assert_eq!(a.code.is_retryable(), status == 503, "{what}");
                    errors += 1;
                }
                (None, Err(err)) => panic!("{what}: expected Error::Api, got {err:?}"),
            }
        }
    }
    // 200 on all 12 endpoints, 201 on the 5 mutations that create (not the PATCH), 409 on
    // all 6 mutations.
    assert_eq!(outcomes, 12 + 5 + 6);
    assert_eq!(outcomes + errors, 12 * statuses.len());
}
