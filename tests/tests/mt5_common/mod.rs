//! Shared by the MT5 Manager tests: a client on a [`MockServer`] under the documented base
//! path (`/mt5/manager`), one valid typed request per endpoint, mock routes, and small checks.
//!
//! Each test crate uses only part of this module.
#![allow(dead_code)]

use std::time::Duration;

use chrono::NaiveDate;
use hyp_api::mt5_manager::*;
use hyp_api::{ClientBuilder, Money, Node, RetryPolicy, SecretString};
use hyp_api_tests::mock::MockServer;

/// The path of the documented base URL (`https://api.metatraderapi.xyz/mt5/manager`): the
/// client's base is the mock's origin plus this, so the path under the base is checked too.
pub const BASE_PATH: &str = "/mt5/manager";
/// The placeholder token of the doc's curl example.
pub const TOKEN: &str = "<manager-key>";
/// The login of the doc's curl example.
pub const LOGIN: i64 = 128001;
/// The operator id of the doc's header table.
pub const OPERATOR: &str = "backoffice-reporting";
/// The request id of the doc's header table.
pub const REQUEST_ID: &str = "req_mng5_7711";
/// A password used by the password-carrying requests (a secret under test).
pub const NEW_PASSWORD: &str = "Tr4d1ng-Pa55!";

pub fn secret(s: &str) -> SecretString {
    SecretString::from(s.to_string())
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
}

/// Exact money from its decimal text (never through a float).
pub fn money(text: &str) -> Money {
    text.parse().expect("decimal text")
}

/// The JSON text as a wire node (numbers keep their exact text, keys their order).
pub fn node(text: &str) -> Node {
    hyp_api::wire::parse_json(text).unwrap_or_else(|e| panic!("not JSON ({e:?}):\n{text}"))
}

/// The client's base URL for `mock`: its origin plus [`BASE_PATH`].
pub fn base_url(mock: &MockServer) -> String {
    format!("{}{BASE_PATH}", mock.base_url())
}

/// A builder on `mock` under [`BASE_PATH`] with [`TOKEN`]; never retries unless told.
pub fn builder(mock: &MockServer) -> ClientBuilder<Client> {
    Client::builder(base_url(mock), secret(TOKEN)).retry(RetryPolicy::never())
}

/// A client that never retries.
pub fn client(mock: &MockServer) -> Client {
    builder(mock).build().expect("client builds")
}

/// A client with `retry` and a client-side timeout of `timeout_ms`.
pub fn client_with(mock: &MockServer, retry: RetryPolicy, timeout_ms: u64) -> Client {
    builder(mock)
        .retry(retry)
        .timeout(Duration::from_millis(timeout_ms))
        .build()
        .expect("client builds")
}

/// Retries fast: 3 attempts, 10 ms apart.
pub fn fast_retries() -> RetryPolicy {
    RetryPolicy {
        max_attempts: 3,
        initial_backoff: Duration::from_millis(10),
        max_backoff: Duration::from_millis(10),
    }
}

/// The path under the base of the endpoint `wire` (`METHOD /path/{login}`), login filled in.
pub fn path_of(wire: &str) -> String {
    let (_, path) = wire.split_once(' ').expect("wire is `METHOD /path`");
    path.replace("{login}", &LOGIN.to_string())
}

/// The method of the endpoint `wire`.
pub fn method_of(wire: &str) -> &str {
    wire.split_once(' ').expect("wire is `METHOD /path`").0
}

/// The mock route of the endpoint `wire` as the server sees it: `METHOD /mt5/manager/path`.
pub fn route(wire: &str) -> String {
    format!("{} {BASE_PATH}{}", method_of(wire), path_of(wire))
}

/// A v4 UUID in its hyphenated text form (`xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx`).
pub fn is_uuid_v4(s: &str) -> bool {
    let groups: Vec<&str> = s.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.chars().all(|c| c.is_ascii_hexdigit()))
        && groups[2].starts_with('4')
        && groups[3].starts_with(['8', '9', 'a', 'b', 'A', 'B'])
}

// One valid request per endpoint, with the doc's header values.

pub fn create_account() -> CreateAccountRequest {
    CreateAccountRequest::new(CreateAccountRequired {
        operator_id: OPERATOR.into(),
        name: "Dana Levi".into(),
        group: "real\\pro-usd".into(),
        email: "dana@example.com".into(),
    })
    .leverage(100)
    .password(secret(NEW_PASSWORD))
}

pub fn update_account() -> UpdateAccountRequest {
    UpdateAccountRequest::new(UpdateAccountRequired {
        login: LOGIN.into(),
        operator_id: OPERATOR.into(),
    })
    .leverage(200)
}

pub fn get_account() -> GetAccountRequest {
    GetAccountRequest::new(GetAccountRequired {
        login: LOGIN.into(),
    })
}

pub fn rotate_password() -> RotatePasswordRequest {
    RotatePasswordRequest::new(RotatePasswordRequired {
        login: LOGIN.into(),
        operator_id: OPERATOR.into(),
        password_type: PasswordType::Investor,
        password: secret(NEW_PASSWORD),
    })
}

pub fn daily_report() -> DailyReportRequest {
    DailyReportRequest::new(DailyReportRequired {
        date: date(2026, 4, 7),
    })
}

pub fn deposit() -> DepositRequest {
    DepositRequest::new(DepositRequired {
        operator_id: OPERATOR.into(),
        login: LOGIN.into(),
        amount: money("250.00"),
    })
}

pub fn withdraw() -> WithdrawRequest {
    WithdrawRequest::new(WithdrawRequired {
        operator_id: OPERATOR.into(),
        login: LOGIN.into(),
        amount: money("120.50"),
    })
}

pub fn credit() -> CreditRequest {
    CreditRequest::new(CreditRequired {
        operator_id: OPERATOR.into(),
        login: LOGIN.into(),
        amount: money("50.00"),
    })
}

pub fn transaction_history() -> TransactionHistoryRequest {
    TransactionHistoryRequest::new()
        .login(LOGIN)
        .from(date(2026, 4, 1))
        .to(date(2026, 4, 7))
}
