// The intended use of the generated MT5 Manager API compiles: a client on the documented base
// URL with a retry policy, a deposit with the operator and the caller's request id, its two
// outcomes handled by `match` (409 AlreadyApplied is done, not a failure), and the status
// codes matched with the wildcard arm their `#[non_exhaustive]` requires. Nothing is sent.

use hyp_api::mt5_manager::{
    Client, DEFAULT_BASE_URL, DailyReportRequest, DailyReportRequired, DepositOutcome,
    DepositRequest, DepositRequired, CallError, GetAccountRequest, GetAccountRequired, Login,
    PasswordType, RotatePasswordRequest, RotatePasswordRequired, StatusCode,
};
use hyp_api::{Money, NaiveDate, RetryPolicy, SecretString};

/// Deposits once, whatever the retries: `true` when this call applied it.
#[allow(dead_code)]
async fn deposit(client: &Client, login: Login, amount: Money) -> Result<bool, CallError> {
    let request = DepositRequest::new(DepositRequired {
        operator_id: "backoffice-reporting".into(),
        login,
        amount,
    })
    .request_id("req_mng5_7711")
    .comment("bank wire");
    match client.deposit(&request).await?.outcome {
        DepositOutcome::Applied(_) => Ok(true),
        DepositOutcome::AlreadyApplied(_) => Ok(false),
    }
}

fn describe(code: StatusCode) -> &'static str {
    match code {
        StatusCode::ManagerOffline => "try again later",
        StatusCode::Unauthorized | StatusCode::PermissionDenied => "check the manager key",
        StatusCode::Unknown(_) => "undocumented status: escalate",
        _ => "error",
    }
}

fn main() {
    let client = Client::builder(DEFAULT_BASE_URL, SecretString::from("mk".to_string()))
        .retry(RetryPolicy::default())
        .build()
        .expect("client builds");
    let _ = &client;
    let _read = GetAccountRequest::new(GetAccountRequired {
        login: Login::new(128001),
    })
    .operator_id("backoffice-reporting");
    let _report = DailyReportRequest::new(DailyReportRequired {
        date: NaiveDate::from_ymd_opt(2026, 4, 7).unwrap(),
    });
    let _rotate = RotatePasswordRequest::new(RotatePasswordRequired {
        login: Login::new(128001),
        operator_id: "backoffice-reporting".into(),
        password_type: PasswordType::Investor,
        password: SecretString::from("Inv3stor-Only".to_string()),
    });
    assert_eq!(
        describe(StatusCode::Unknown(418)),
        "undocumented status: escalate"
    );
    assert_eq!(describe(StatusCode::ManagerOffline), "try again later");
}
