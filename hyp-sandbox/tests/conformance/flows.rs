//! Scripted Hyper ERP and MT5 flows at the wire level: raw requests, raw bodies parsed here,
//! so a misreading shared by the client and the sandbox cannot pass.

use hyp_codegen::model::Api;
use hyp_sandbox::Sandbox;
use serde_json::{Value, json};

use crate::common::shape::{Expect, Raw};
use crate::wire::{Twist, apis, requests, send};

fn api(name: &str) -> Api {
    apis().into_iter().find(|a| a.name == name).unwrap()
}

fn json(raw: &Raw) -> Value {
    serde_json::from_slice(&raw.body).unwrap_or_else(|e| panic!("{e}: {}", raw.text()))
}

/// The endpoint's first request example, sent raw.
async fn example(sandbox: &Sandbox, api: &Api, key: &str) -> Raw {
    let e = api.endpoints.iter().find(|e| e.wire == key).unwrap();
    let (_, body) = requests(e).into_iter().next().unwrap();
    send(sandbox, api, e, &body, Twist::default()).await
}

async fn post_hyper(sandbox: &Sandbox, function: &str, body: Value) -> Raw {
    let response = reqwest::Client::new()
        .post(format!("{}/{function}", sandbox.base_url("hyper-erp")))
        .bearer_auth(sandbox.credential("hyper-erp", "token"))
        .body(body.to_string())
        .send();
    Raw::read(response.await.unwrap()).await
}

/// Deposit → the same Ticket_ID again (code 30, the first receipt, the vendor's words) →
/// withdrawal: the balance moves once per ticket.
#[tokio::test]
async fn hyper_deposit_resend_and_withdrawal_on_the_wire() {
    let sandbox = crate::sweep::sandbox().await;
    let hyper = api("hyper-erp");
    let first = example(&sandbox, &hyper, "MT4_Deposit_Fiat_Json").await;
    let first = json(&first);
    assert_eq!(first["ResponseCode"], 0, "{first}");
    let receipt = first["Receipt_Num"]
        .as_i64()
        .expect("a numeric Receipt_Num");
    let again = example(&sandbox, &hyper, "MT4_Deposit_Fiat_Json").await;
    assert_eq!(again.status, 200);
    let again = json(&again);
    assert_eq!(again["ResponseCode"], 30);
    assert_eq!(
        again["ResponseMsgEng"],
        "A form with identical information has already been submitted."
    );
    assert_eq!(again["Receipt_Num"], receipt, "the original receipt");
    let ils = || sandbox.balance("hyper-erp", "balance", &["500155", "ILS"]);
    assert_eq!(ils(), rust_decimal::Decimal::from(3500));
    let withdrawal = example(&sandbox, &hyper, "MT4_Withdrawal_Fiat_Json").await;
    let doc = hyper
        .endpoints
        .iter()
        .find(|e| e.wire == "MT4_Withdrawal_Fiat_Json")
        .and_then(|e| {
            e.examples
                .iter()
                .find(|x| x.expect.as_deref() == Some("Created"))
        })
        .map(|x| x.fixed_body())
        .unwrap();
    Expect::doc(&doc)
        .exact(&["ResponseCode"])
        .assert(&withdrawal);
    // The vendor's withdrawal example takes 500 USD from the same client: the ILS balance
    // stays, the USD one goes below zero (the sandbox keeps no overdraft rule).
    assert_eq!(ils(), rust_decimal::Decimal::from(3500));
    let usd = sandbox.balance("hyper-erp", "balance", &["500155", "USD"]);
    assert_eq!(usd, rust_decimal::Decimal::from(-500));
}

/// A refund joins the bank-transfer queue (status 2), is listed, moved to 3 (sent awaiting
/// result), then listed under that filter only; an unknown number comes back in Skipped.
#[tokio::test]
async fn hyper_refund_queue_on_the_wire() {
    let sandbox = crate::sweep::sandbox().await;
    let hyper = api("hyper-erp");
    let created = json(&example(&sandbox, &hyper, "Create_Refund_Json").await);
    assert_eq!(created["ResponseCode"], 0, "{created}");
    let number = created["Doc"]["RefundNumber"]
        .as_i64()
        .expect("a RefundNumber");
    let listed = json(&post_hyper(&sandbox, "Query_Refunds_API_Queue_json", json!({})).await);
    let numbers: Vec<i64> = listed["Queue"]
        .as_array()
        .map(|rows| {
            rows.iter()
                .filter_map(|r| r["RefundNumber"].as_i64())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(numbers, vec![number], "{listed}");
    let update = json!({ "docs": [
        { "RefundNumber": number, "AuthorizationStatus": 3, "AuthorizationTextDesc": "sent" },
        { "RefundNumber": 999_999, "AuthorizationStatus": 3, "AuthorizationTextDesc": "x" },
    ]});
    let updated = json(&post_hyper(&sandbox, "Update_Refunds_API_Queue_json", update).await);
    assert_eq!(updated["ResponseCode"], 0, "{updated}");
    assert_eq!(updated["Skipped"], json!([999_999]), "{updated}");
    let ready = post_hyper(&sandbox, "Query_Refunds_API_Queue_json", json!({})).await;
    assert_eq!(json(&ready)["ResponseCode"], 2, "{}", ready.text());
    assert_eq!(json(&ready)["ResponseMsgEng"], "No Results / Data");
    let filter = json!({ "Status": "sent awaiting result" });
    let sent = json(&post_hyper(&sandbox, "Query_Refunds_API_Queue_json", filter).await);
    assert_eq!(sent["Queue"][0]["RefundNumber"], number, "{sent}");
    assert_eq!(
        sandbox.queue("hyper-erp", "refund-queue"),
        vec![(number.to_string(), 3)]
    );
}

async fn mt5(sandbox: &Sandbox, method: reqwest::Method, path: &str, id: &str, body: Value) -> Raw {
    let mut request = reqwest::Client::new()
        .request(method, format!("{}{path}", sandbox.base_url("mt5-manager")))
        .bearer_auth(sandbox.credential("mt5-manager", "manager-key"))
        .header("x-operator-id", "backoffice-reporting")
        .header("x-request-id", id);
    if !body.is_null() {
        request = request
            .header("content-type", "application/json")
            .body(body.to_string());
    }
    Raw::read(request.send().await.unwrap()).await
}

/// Deposit (201 Created) → the same x-request-id again (409, applied once) → withdrawal →
/// `GET /accounts/{login}` shows the balance; every status is one of the vendor's table.
#[tokio::test]
async fn mt5_funding_and_replay_on_the_wire() {
    use reqwest::Method;
    let sandbox = Sandbox::start().await.unwrap();
    let deposit = json!({ "login": 128001, "amount": 250.5 });
    let first = mt5(
        &sandbox,
        Method::POST,
        "/transactions/deposit",
        "req_1",
        deposit.clone(),
    )
    .await;
    assert_eq!(first.status, 201, "{}", first.text());
    let again = mt5(
        &sandbox,
        Method::POST,
        "/transactions/deposit",
        "req_1",
        deposit,
    )
    .await;
    assert_eq!(again.status, 409, "{}", again.text());
    let withdraw = json!({ "login": 128001, "amount": 50 });
    let out = mt5(
        &sandbox,
        Method::POST,
        "/transactions/withdraw",
        "req_2",
        withdraw,
    )
    .await;
    assert_eq!(out.status, 201, "{}", out.text());
    let account = mt5(
        &sandbox,
        Method::GET,
        "/accounts/128001",
        "req_3",
        json!(null),
    )
    .await;
    assert_eq!(account.status, 200);
    let account = json(&account);
    let balance: rust_decimal::Decimal = account["balance"].to_string().parse().unwrap();
    assert_eq!(balance, rust_decimal::Decimal::new(2005, 1), "{account}");
    assert_eq!(
        sandbox.applied("mt5-manager", "POST /transactions/deposit"),
        1
    );
}
