//! MT5 answers at the wire: each field the spec types as a number is a JSON number, also where
//! the sandbox echoes it from the request's path, whose `{login}` segment is text (schemathesis
//! ST108 found `"login": "128001"`). Read with reqwest and parsed here, not through hyp-api.

use hyp_sandbox::Sandbox;
use serde_json::Value;

const API: &str = "mt5-manager";

/// `method` on `path` with the manager key, an operator and a request id (and `body`, when
/// not null); the parsed answer, which must be a success.
async fn call(sandbox: &Sandbox, method: reqwest::Method, path: &str, body: Value) -> Value {
    let mut request = reqwest::Client::new()
        .request(method, format!("{}{path}", sandbox.base_url(API)))
        .bearer_auth("sandbox-manager-key")
        .header("x-operator-id", "backoffice")
        .header("x-request-id", format!("types-{path}"));
    if !body.is_null() {
        request = request
            .header("content-type", "application/json")
            .body(body.to_string());
    }
    let answer = request.send().await.unwrap();
    assert!(answer.status().is_success(), "{path}: {}", answer.status());
    serde_json::from_str(&answer.text().await.unwrap()).unwrap()
}

#[tokio::test]
async fn the_login_of_a_path_is_answered_as_a_number() {
    let sandbox = Sandbox::start().await.unwrap();
    let get = reqwest::Method::GET;
    let account = call(&sandbox, get, "/accounts/128001", Value::Null).await;
    assert_eq!(account["login"], serde_json::json!(128001), "{account}");
    let patched = call(
        &sandbox,
        reqwest::Method::PATCH,
        "/accounts/128001",
        serde_json::json!({ "leverage": 200 }),
    )
    .await;
    if let Some(login) = patched.get("login") {
        assert!(login.is_i64(), "{patched}");
    }
}

#[tokio::test]
async fn a_created_login_is_a_number() {
    let sandbox = Sandbox::start().await.unwrap();
    let created = call(
        &sandbox,
        reqwest::Method::POST,
        "/accounts",
        serde_json::json!({
            "name": "Dana Levi", "group": "retail\\usd", "email": "dana@example.com"
        }),
    )
    .await;
    assert!(created["login"].is_i64(), "{created}");
}
