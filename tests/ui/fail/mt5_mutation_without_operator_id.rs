// A mutation needs its operator: the spec makes `x-operator-id` required on every MT5 mutation
// (the audit record is keyed by it), so it is an argument of `new` and a mutation without one
// does not compile: neither an account update nor a deposit.

use hyp_api::Money;
use hyp_api::mt5_manager::{DepositRequest, UpdateAccountRequest};

fn main() {
    let _update = UpdateAccountRequest::new(128001);
    // Less direct for the deposit: `operator_id` is its first parameter and takes
    // `impl Into<String>`, so rustc reports the login as "not Into<String>" (naming
    // `operator_id` in its note) and then asks for a missing `i64`.
    let _deposit = DepositRequest::new(128001, Money::new("250.00".parse().unwrap()));
}
