// A mutation needs its operator: the spec makes `x-operator-id` required on every MT5 mutation
// (the audit record is keyed by it), so it is a field of the request's `…Required` struct and a
// mutation without one does not compile: neither an account update nor a deposit.

use hyp_api::Money;
use hyp_api::mt5_manager::{
    DepositRequest, DepositRequired, UpdateAccountRequest, UpdateAccountRequired,
};

fn main() {
    let _update = UpdateAccountRequest::new(UpdateAccountRequired {
        login: 128001.into(),
    });
    let _deposit = DepositRequest::new(DepositRequired {
        login: 128001.into(),
        amount: Money::new("250.00".parse().unwrap()),
    });
}
