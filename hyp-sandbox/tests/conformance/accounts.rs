//! Accounts: each API accepts its configured credentials only (spec/<api>/sandbox.yaml
//! `credentials`); a missing or wrong one gets the vendor's authentication error, on the wire.

use hyp_sandbox::Sandbox;

use crate::common::shape::Raw;
use crate::{HYPER_DEPOSIT, HYPER_TOKEN};

fn json(raw: &Raw) -> serde_json::Value {
    serde_json::from_slice(&raw.body).unwrap_or_else(|e| panic!("{e}: {}", raw.text()))
}

async fn hyper_deposit(sandbox: &Sandbox, token: Option<&str>, body: &str) -> Raw {
    let mut request = reqwest::Client::new()
        .post(format!(
            "{}/MT4_Deposit_Fiat_Json",
            sandbox.base_url("hyper-erp")
        ))
        .header("content-type", "application/json")
        .body(body.to_string());
    if let Some(t) = token {
        request = request.bearer_auth(t);
    }
    Raw::read(request.send().await.unwrap()).await
}

/// Hyper: a missing or wrong access token is ResponseCode 99 with HTTP 400; a wrong
/// API_Password is 6 with HTTP 401; neither is applied; the right pair is.
#[tokio::test]
async fn hyper_answers_99_for_the_token_and_6_for_the_api_password() {
    let sandbox = Sandbox::start().await.unwrap();
    for token in [None, Some("wrong-token")] {
        let raw = hyper_deposit(&sandbox, token, HYPER_DEPOSIT).await;
        assert_eq!(raw.status, 400, "{token:?}: {}", raw.text());
        assert_eq!(json(&raw)["ResponseCode"], 99, "{}", raw.text());
    }
    let wrong_password = HYPER_DEPOSIT.replace("eBt5yJD3uc12", "not-the-one1");
    let raw = hyper_deposit(&sandbox, Some(HYPER_TOKEN), &wrong_password).await;
    assert_eq!(raw.status, 401, "{}", raw.text());
    assert_eq!(json(&raw)["ResponseCode"], 6, "{}", raw.text());
    assert_eq!(sandbox.received("hyper-erp", "MT4_Deposit_Fiat_Json"), 3);
    assert_eq!(sandbox.applied("hyper-erp", "MT4_Deposit_Fiat_Json"), 0);
    let raw = hyper_deposit(&sandbox, Some(HYPER_TOKEN), HYPER_DEPOSIT).await;
    assert_eq!(json(&raw)["ResponseCode"], 0, "{}", raw.text());
    assert_eq!(sandbox.applied("hyper-erp", "MT4_Deposit_Fiat_Json"), 1);
}

/// The builder sets a credential: the new value is accepted, the default no longer is.
#[tokio::test]
async fn the_builder_sets_the_accepted_credentials() {
    let sandbox = Sandbox::builder()
        .credential("hyper-erp", "token", "my-token")
        .credential("hyper-erp", "API_Password", "Pa55word1234")
        .start()
        .await
        .unwrap();
    assert_eq!(sandbox.credential("hyper-erp", "token"), "my-token");
    let raw = hyper_deposit(&sandbox, Some(HYPER_TOKEN), HYPER_DEPOSIT).await;
    assert_eq!(json(&raw)["ResponseCode"], 99, "{}", raw.text());
    let raw = hyper_deposit(&sandbox, Some("my-token"), HYPER_DEPOSIT).await;
    assert_eq!(json(&raw)["ResponseCode"], 6, "{}", raw.text());
    let body = HYPER_DEPOSIT.replace("eBt5yJD3uc12", "Pa55word1234");
    let raw = hyper_deposit(&sandbox, Some("my-token"), &body).await;
    assert_eq!(json(&raw)["ResponseCode"], 0, "{}", raw.text());
}

#[test]
#[should_panic(expected = "`pay` has no credential `Passp`; its credentials: `PassP`, `KEY`")]
fn the_builder_refuses_an_unknown_credential() {
    let _ = Sandbox::builder().credential("pay", "Passp", "x");
}

#[test]
fn the_defaults_are_listed_for_every_api() {
    let defaults = Sandbox::default_credentials();
    for api in ["hyper-erp", "mt5-manager", "creditguard", "pay"] {
        assert!(
            defaults.iter().any(|(a, ..)| a == api),
            "{api}: {defaults:?}"
        );
    }
    let token = defaults
        .iter()
        .find(|(a, n, ..)| a == "hyper-erp" && n == "token");
    assert_eq!(token.map(|t| t.2.as_str()), Some(HYPER_TOKEN));
}

async fn mt5(sandbox: &Sandbox, method: reqwest::Method, path: &str, key: Option<&str>) -> Raw {
    let mut request = reqwest::Client::new()
        .request(method, format!("{}{path}", sandbox.base_url("mt5-manager")))
        .header("x-operator-id", "backoffice-reporting")
        .header("x-request-id", "req_mng5_7711")
        .header("content-type", "application/json");
    if path.starts_with("/transactions") {
        request = request.body(r#"{"login":128001,"amount":25}"#);
    }
    if let Some(k) = key {
        request = request.bearer_auth(k);
    }
    Raw::read(request.send().await.unwrap()).await
}

/// MT5: a missing or unknown manager key is 401; the read-only reporting key reads but a
/// write with it is 403; the manager key writes.
#[tokio::test]
async fn mt5_answers_401_without_a_key_and_403_for_a_write_with_the_reporting_key() {
    use reqwest::Method;
    let sandbox = Sandbox::start().await.unwrap();
    let report = "/reports/daily?date=2026-04-07";
    let deposit = "/transactions/deposit";
    for key in [None, Some("<manager-key>")] {
        assert_eq!(mt5(&sandbox, Method::GET, report, key).await.status, 401);
        assert_eq!(mt5(&sandbox, Method::POST, deposit, key).await.status, 401);
    }
    let reporting = Some("sandbox-reporting-key");
    let raw = mt5(&sandbox, Method::GET, report, reporting).await;
    assert_eq!(raw.status, 200, "{}", raw.text());
    let raw = mt5(&sandbox, Method::POST, deposit, reporting).await;
    assert_eq!(raw.status, 403, "{}", raw.text());
    let ep = "POST /transactions/deposit";
    assert_eq!(sandbox.applied("mt5-manager", ep), 0);
    let raw = mt5(&sandbox, Method::POST, deposit, Some("sandbox-manager-key")).await;
    assert_eq!(raw.status, 201, "{}", raw.text());
    assert_eq!(sandbox.applied("mt5-manager", ep), 1);
}

/// Hyp Pay: a wrong `PassP` or `KEY` is `CCode=902` with HTTP 200 (vendor-docs 002).
#[tokio::test]
async fn pay_answers_902_for_a_wrong_passp_or_key() {
    let sandbox = Sandbox::start().await.unwrap();
    let get = |query: String| {
        let url = format!("{}/?{query}", sandbox.base_url("pay"));
        async move { Raw::read(reqwest::get(url).await.unwrap()).await }
    };
    let commit = "action=commitTrans&Masof=0010345518&TransId=403377225&PassP=";
    let raw = get(format!("{commit}wrong")).await;
    assert_eq!(raw.status, 200);
    // In commitTrans's documented failure frame (`Id=…&CCode=…&Fild1=&Fild2=&Fild3=&HeshASM=0`).
    let pairs: Vec<(String, String)> = form_urlencoded::parse(raw.text().as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let names: Vec<&str> = pairs.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(names, ["Id", "CCode", "Fild1", "Fild2", "Fild3", "HeshASM"]);
    assert_eq!(pairs[1].1, "902", "{}", raw.text());
    let sign = "action=APISign&What=SIGN&Masof=0010345518&Amount=10&Order=1&Sign=True";
    let raw = get(format!("{sign}&PassP=your-api-password&KEY=wrong")).await;
    assert!(raw.text().starts_with("CCode=902"), "{}", raw.text());
    let raw = get(format!("{sign}&PassP=your-api-password&KEY=your-api-key")).await;
    assert!(!raw.text().contains("CCode=902"), "{}", raw.text());
}

/// CreditGuard: wrong `user`/`password` form fields answer the recorded decision (result 400
/// in the error envelope); the right ones go through.
#[tokio::test]
async fn creditguard_refuses_wrong_form_credentials() {
    let sandbox = Sandbox::start().await.unwrap();
    let xml = "<ashrait><request><version>2000</version><language>ENG</language>\
        <command>doDeal</command><doDeal><terminalNumber>0882819014</terminalNumber>\
        <cardId>4580000000000000</cardId><cardExpiration>1230</cardExpiration>\
        <total>100</total><transactionType>Debit</transactionType>\
        <creditType>RegularCredit</creditType><currency>ILS</currency>\
        <transactionCode>Phone</transactionCode><validation>AutoComm</validation>\
        </doDeal></request></ashrait>";
    let post = |user: &'static str, password: &'static str| {
        let url = format!("{}/xpo/Relay", sandbox.base_url("creditguard"));
        let form = [("user", user), ("password", password), ("int_in", xml)];
        async move {
            let response = reqwest::Client::new().post(url).form(&form).send();
            Raw::read(response.await.unwrap()).await
        }
    };
    for (user, password) in [("your-api-username", "x"), ("x", "your-api-password")] {
        let raw = post(user, password).await;
        assert!(
            raw.text().contains("<result>400</result>"),
            "{}",
            raw.text()
        );
    }
    assert_eq!(sandbox.applied("creditguard", "doDeal"), 0);
    let raw = post("your-api-username", "your-api-password").await;
    assert!(
        raw.text().contains("<result>000</result>"),
        "{}",
        raw.text()
    );
    assert_eq!(sandbox.applied("creditguard", "doDeal"), 1);
}

/// The binary: `--help` lists the defaults; `--credential` sets one.
#[tokio::test]
async fn the_command_line_lists_and_sets_credentials() {
    let bin = env!("CARGO_BIN_EXE_hyp-sandbox");
    let help = std::process::Command::new(bin)
        .arg("--help")
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    for line in [
        "hyper-erp:token=sandbox-access-token",
        "pay:PassP=your-api-password",
    ] {
        assert!(help.contains(line), "{help}");
    }
    let mut child = std::process::Command::new(bin)
        .args(["--port", "0", "--credential", "hyper-erp:token=cli-token"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Its first line: "hyp-sandbox listening on http://127.0.0.1:PORT".
    let mut first = String::new();
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    std::io::BufRead::read_line(&mut stdout, &mut first).unwrap();
    let addr = first.trim().rsplit("http://").next().unwrap().to_string();
    let send = |token: &'static str| {
        let url = format!("http://{addr}/hyper-erp/MT4_Deposit_Fiat_Json");
        async move {
            let r = reqwest::Client::new().post(url).bearer_auth(token);
            Raw::read(r.body(HYPER_DEPOSIT).send().await.unwrap()).await
        }
    };
    assert_eq!(json(&send(HYPER_TOKEN).await)["ResponseCode"], 99);
    let accepted = json(&send("cli-token").await)["ResponseCode"].clone();
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(accepted, 0);
}
