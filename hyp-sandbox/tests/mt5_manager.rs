//! MT5 Manager against the sandbox: every rule of spec/mt5-manager/sandbox.yaml and every fault.
//!
//! MT5 is REST without an envelope: the HTTP status is the code, and a mutation resent with an
//! `x-request-id` already applied answers 409, which the client decodes as `AlreadyApplied`.

mod common;
#[path = "mt5_manager/faults.rs"]
mod faults;
#[path = "mt5_manager/rules.rs"]
mod rules;
use common::fast_retries;

use std::time::Duration;

use hyp_api::mt5_manager::*;
use hyp_api::{Error, Money, RetryPolicy, SecretString};
use hyp_sandbox::{Fault, Sandbox};
use rust_decimal_macros::dec;

const API: &str = "mt5-manager";
const DEPOSIT: &str = "POST /transactions/deposit";
const WITHDRAW: &str = "POST /transactions/withdraw";
const CREATE: &str = "POST /accounts";

fn client_with(sandbox: &Sandbox, retry: RetryPolicy) -> Client {
    Client::builder(
        sandbox.base_url(API),
        SecretString::from("sandbox-manager-key".to_string()),
    )
    .retry(retry)
    .build()
    .unwrap()
}

fn client(sandbox: &Sandbox) -> Client {
    client_with(sandbox, fast_retries())
}

fn deposit(login: i64, amount: rust_decimal::Decimal) -> DepositRequest {
    DepositRequest::new(DepositRequired {
        operator_id: "backoffice".into(),
        login: login.into(),
        amount: Money::new(amount),
    })
}

fn withdraw(login: i64, amount: rust_decimal::Decimal) -> WithdrawRequest {
    WithdrawRequest::new(WithdrawRequired {
        operator_id: "backoffice".into(),
        login: login.into(),
        amount: Money::new(amount),
    })
}

fn balance(sandbox: &Sandbox, login: i64) -> rust_decimal::Decimal {
    sandbox.balance(API, "balance", &[&login.to_string()])
}
