//! Fault answers are vendor answers: a fault the spec cannot play for an endpoint is refused
//! when injected (an error to the test), never served as an invented HTTP status.

use hyp_sandbox::{FAULT_HEADER, Fault, Sandbox};

use crate::common::shape::Raw;

#[tokio::test]
async fn an_undeclared_vendor_timeout_is_refused_with_the_reason() {
    let sandbox = Sandbox::start().await.unwrap();
    let reason = sandbox
        .try_inject(
            "hyper-erp",
            "MT4_Deposit_Fiat_Json",
            Fault::vendor_timeout(),
        )
        .unwrap_err();
    assert!(
        reason.contains("declares no vendor timeout for `MT4_Deposit_Fiat_Json`"),
        "{reason}"
    );
    // It names where the spec does declare one.
    assert!(
        reason.contains("`Create_TP_Balance_Order_Json`"),
        "{reason}"
    );
    // A declared one is accepted.
    let declared = Fault::vendor_timeout();
    assert_eq!(
        sandbox.try_inject("hyper-erp", "Create_TP_Balance_Order_Json", declared),
        Ok(())
    );
}

#[tokio::test]
async fn a_code_missing_from_the_table_is_refused() {
    let sandbox = Sandbox::start().await.unwrap();
    let reason = sandbox
        .try_inject(
            "mt5-manager",
            "POST /transactions/deposit",
            Fault::code(418),
        )
        .unwrap_err();
    assert!(
        reason.contains("code 418 is not in the code table"),
        "{reason}"
    );
    assert!(reason.contains("503"), "{reason}");
    let reason = sandbox
        .try_inject("hyper-erp", "MT4_Deposit_Fiat_Json", Fault::code(42))
        .unwrap_err();
    assert!(reason.contains("code 42"), "{reason}");
    assert_eq!(
        sandbox.try_inject(
            "mt5-manager",
            "POST /transactions/deposit",
            Fault::code(503)
        ),
        Ok(())
    );
}

#[tokio::test]
#[should_panic(expected = "declares no vendor timeout for `doDeal`")]
async fn inject_panics_with_the_reason() {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.inject("creditguard", "doDeal", Fault::vendor_timeout());
}

/// The header form: a clear 400 naming the reason, and the call is not applied.
#[tokio::test]
async fn the_header_form_answers_400_for_an_unplayable_fault() {
    let sandbox = Sandbox::start().await.unwrap();
    let send = |fault: &'static str| {
        reqwest::Client::new()
            .post(format!(
                "{}/MT4_Deposit_Fiat_Json",
                sandbox.base_url("hyper-erp")
            ))
            .bearer_auth(crate::HYPER_TOKEN)
            .header(FAULT_HEADER, fault)
            .body(crate::HYPER_DEPOSIT)
            .send()
    };
    for (fault, reason) in [
        ("vendor-timeout", "declares no vendor timeout"),
        ("code=42", "code 42 is not in the code table"),
        ("explode", "unknown fault `explode`"),
    ] {
        let raw = Raw::read(send(fault).await.unwrap()).await;
        assert_eq!(raw.status, 400, "{fault}: {}", raw.text());
        assert!(raw.text().starts_with(FAULT_HEADER), "{}", raw.text());
        assert!(raw.text().contains(reason), "{fault}: {}", raw.text());
    }
    assert_eq!(sandbox.applied("hyper-erp", "MT4_Deposit_Fiat_Json"), 0);
    // A playable code is the vendor's own answer in its envelope.
    let raw = Raw::read(send("code=10").await.unwrap()).await;
    let body: serde_json::Value = serde_json::from_slice(&raw.body).unwrap();
    assert_eq!(body["ResponseCode"], 10, "{}", raw.text());
    assert_eq!(raw.status, 423);
}
