//! Calls each Hyper ERP function with its valid request through the real client and keeps what
//! came back: the outcome variant and the typed response encoded back to JSON.

use super::common::{self, PASSWORD};
use hyp_api::ToNode;
use hyp_api::hyper_erp::*;
use serde_json::Value;

/// What a successful call gave: the outcome variant (`None` for a function with a single
/// outcome, which returns its response directly) and the typed response encoded back to JSON.
pub(crate) struct Answer {
    pub(crate) variant: Option<&'static str>,
    pub(crate) typed: Value,
}

fn encoded(response: &impl ToNode) -> Value {
    let text = hyp_api::wire::to_json(&response.to_node()).expect("typed answer encodes");
    serde_json::from_str(&text).expect("encoded answer is JSON")
}

/// Calls the function `wire` with its valid request.
pub(crate) async fn call(client: &Client, wire: &str) -> Result<Answer, CallError> {
    let (variant, typed) = match wire {
        "Create_TP_Account_Json" => {
            let out = client
                .create_tp_account(&common::create_tp_account(PASSWORD))
                .await?;
            let v = match &out {
                CreateTpAccountOutcome::Created(_) => "Created",
                CreateTpAccountOutcome::AlreadyExists(_) => "AlreadyExists",
            };
            (Some(v), encoded(out.response()))
        }
        "MT4_Deposit_Fiat_Json" => {
            let out = client
                .deposit_fiat(&common::deposit(PASSWORD))
                .await?
                .outcome;
            let v = match &out {
                DepositFiatOutcome::Created(_) => "Created",
                DepositFiatOutcome::Duplicate(_) => "Duplicate",
            };
            (Some(v), encoded(out.response()))
        }
        "MT4_Withdrawal_Fiat_Json" => {
            let out = client
                .withdraw_fiat(&common::withdrawal(PASSWORD))
                .await?
                .outcome;
            let v = match &out {
                WithdrawFiatOutcome::Created(_) => "Created",
                WithdrawFiatOutcome::Duplicate(_) => "Duplicate",
            };
            (Some(v), encoded(out.response()))
        }
        "Create_TP_Balance_Order_Json" => {
            let out = client
                .create_balance_order(&common::balance_order(PASSWORD))
                .await?
                .outcome;
            let v = match &out {
                CreateBalanceOrderOutcome::Created(_) => "Created",
                CreateBalanceOrderOutcome::Duplicate(_) => "Duplicate",
            };
            (Some(v), encoded(out.response()))
        }
        "CC_Clearing_Json" => {
            let out = client.charge_card(&common::charge_card(PASSWORD)).await?;
            (None, encoded(&out))
        }
        "Create_Refund_Json" => {
            let out = client
                .create_refund(&common::create_refund())
                .await?
                .outcome;
            let v = match &out {
                CreateRefundOutcome::Created(_) => "Created",
                CreateRefundOutcome::Duplicate(_) => "Duplicate",
            };
            (Some(v), encoded(out.response()))
        }
        "Query_Refunds_API_Queue_json" => {
            let out = client.query_refund_queue(&common::query_queue()).await?;
            (None, encoded(&out))
        }
        "Update_Refunds_API_Queue_json" => {
            let out = client.update_refund_queue(&common::update_queue()).await?;
            (None, encoded(&out))
        }
        other => panic!("endpoint `{other}` is in the spec but not in this test: add it"),
    };
    Ok(Answer { variant, typed })
}
