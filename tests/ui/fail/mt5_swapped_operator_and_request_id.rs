// MT5's `x-operator-id` (who, for the audit record) and `x-request-id` (the idempotency key) are
// both header text; each is its own type (`OperatorId`, `RequestId`,
// spec/mt5-manager/types.yaml), so a deposit cannot be keyed by its operator.

use hyp_api::Money;
use hyp_api::mt5_manager::{DepositRequest, DepositRequired, OperatorId, RequestId};

fn main() {
    let operator = OperatorId::new("finance-bot");
    let key = RequestId::new("req_mng5_7711");
    let _deposit = DepositRequest::new(DepositRequired {
        operator_id: key,
        login: 128001.into(),
        amount: Money::new("250.00".parse().unwrap()),
    })
    .request_id(operator);
}
