//! The rules of spec/hyper-erp/sandbox.yaml: idempotent tickets, one TP account per client,
//! balances, validation, dates by the sandbox's clock, unknown functions.

use super::*;

#[tokio::test]
async fn a_repeated_ticket_answers_code_30_with_the_original_receipt() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let first = client
        .deposit_fiat(&deposit("T-1", Money::new(dec!(3500))))
        .await
        .map(hyp_api::Keyed::into_inner)
        .unwrap();
    let DepositFiatOutcome::Created(created) = first else {
        panic!("{first:?}")
    };
    let again = client
        .deposit_fiat(&deposit("T-1", Money::new(dec!(3500))))
        .await
        .map(hyp_api::Keyed::into_inner)
        .unwrap();
    let DepositFiatOutcome::Duplicate(dup) = again else {
        panic!("{again:?}")
    };
    assert_eq!(dup.receipt_num, created.receipt_num);
    assert_eq!(
        sandbox.balance("hyper-erp", "balance", &["500155", "ILS"]),
        dec!(3500)
    );
    assert_eq!(sandbox.applied("hyper-erp", "MT4_Deposit_Fiat_Json"), 1);
}

#[tokio::test]
async fn distinct_tickets_create_distinct_receipts() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let a = client
        .deposit_fiat(&deposit("T-A", Money::new(dec!(10))))
        .await
        .map(hyp_api::Keyed::into_inner)
        .unwrap();
    let b = client
        .deposit_fiat(&deposit("T-B", Money::new(dec!(10))))
        .await
        .map(hyp_api::Keyed::into_inner)
        .unwrap();
    let (DepositFiatOutcome::Created(a), DepositFiatOutcome::Created(b)) = (a, b) else {
        panic!("both deposits should be created")
    };
    assert_ne!(a.receipt_num, b.receipt_num);
    assert_eq!(sandbox.applied(API, DEPOSIT), 2);
    assert_eq!(ils_balance(&sandbox), dec!(20));
}

#[tokio::test]
async fn a_repeated_withdrawal_ticket_answers_code_30_with_the_original_refund() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let w = withdrawal_for(500155, Currency::Ils, "W-1", Money::new(dec!(400)));
    let first = client.withdraw_fiat(&w).await.unwrap().into_inner();
    let WithdrawFiatOutcome::Created(created) = first else {
        panic!("{first:?}")
    };
    let again = client.withdraw_fiat(&w).await.unwrap().into_inner();
    let WithdrawFiatOutcome::Duplicate(dup) = again else {
        panic!("{again:?}")
    };
    assert_eq!(dup.refund_num, created.refund_num);
    assert_eq!(sandbox.applied(API, WITHDRAWAL), 1);
    assert_eq!(ils_balance(&sandbox), dec!(-400));
}

#[tokio::test]
async fn a_repeated_balance_order_ticket_answers_code_30_with_the_original_order() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let first = client
        .create_balance_order(&balance_order("B-1"))
        .await
        .map(hyp_api::Keyed::into_inner)
        .unwrap();
    let CreateBalanceOrderOutcome::Created(created) = first else {
        panic!("{first:?}")
    };
    let again = client
        .create_balance_order(&balance_order("B-1"))
        .await
        .map(hyp_api::Keyed::into_inner)
        .unwrap();
    let CreateBalanceOrderOutcome::Duplicate(dup) = again else {
        panic!("{again:?}")
    };
    assert_eq!(dup.tp_order_id, created.tp_order_id);
    assert_eq!(sandbox.received(API, BALANCE_ORDER), 2);
    assert_eq!(sandbox.applied(API, BALANCE_ORDER), 1);
}

#[tokio::test]
async fn a_repeated_refund_ticket_answers_code_30_and_queues_nothing_new() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let number = queued_refund(&client, "R-1").await;
    let again = client
        .create_refund(&refund("R-1"))
        .await
        .unwrap()
        .into_inner();
    let CreateRefundOutcome::Duplicate(dup) = again else {
        panic!("{again:?}")
    };
    assert_eq!(dup.doc.map(|d| d.refund_number), Some(number));
    assert_eq!(sandbox.applied(API, REFUND), 1);
    assert_eq!(sandbox.queue(API, QUEUE), vec![(number.to_string(), 2)]);
}

#[tokio::test]
async fn a_second_tp_account_for_a_client_answers_code_1_with_the_same_login() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let request = CreateTpAccountRequest::new(CreateTpAccountRequired {
        client_number: 500014.into(),
        api_password: secret("eBt5yJD3uc12"),
    });
    let first = client.create_tp_account(&request).await.unwrap();
    let CreateTpAccountOutcome::Created(created) = first else {
        panic!("{first:?}")
    };
    let again = client.create_tp_account(&request).await.unwrap();
    let CreateTpAccountOutcome::AlreadyExists(existing) = again else {
        panic!("{again:?}")
    };
    assert_eq!(
        existing.account.account_login,
        created.account.account_login
    );
    assert_eq!(sandbox.applied(API, TP_ACCOUNT), 1);
}

#[tokio::test]
async fn another_client_gets_its_own_tp_account() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let a = client
        .create_tp_account(&CreateTpAccountRequest::new(CreateTpAccountRequired {
            client_number: 500014.into(),
            api_password: secret("eBt5yJD3uc12"),
        }))
        .await
        .unwrap();
    let b = client
        .create_tp_account(&CreateTpAccountRequest::new(CreateTpAccountRequired {
            client_number: 500015.into(),
            api_password: secret("eBt5yJD3uc12"),
        }))
        .await
        .unwrap();
    let (CreateTpAccountOutcome::Created(a), CreateTpAccountOutcome::Created(b)) = (a, b) else {
        panic!("each client's first account should be created")
    };
    assert_ne!(a.account.account_login, b.account.account_login);
}

#[tokio::test]
async fn deposits_add_and_withdrawals_subtract_per_client_and_currency() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    // (client, currency, ticket, amount): D- tickets deposit, W- tickets withdraw.
    let moves = [
        (500155, Currency::Ils, "D-1", dec!(1000.50)),
        (500155, Currency::Usd, "D-2", dec!(50)),
        (500156, Currency::Ils, "D-3", dec!(70)),
        (500155, Currency::Ils, "W-1", dec!(300.25)),
        (500155, Currency::Usd, "W-2", dec!(20)),
    ];
    for (who, currency, ticket, amount) in moves {
        let amount = Money::new(amount);
        if ticket.starts_with('D') {
            let request = deposit_for(who, currency, ticket, amount);
            client.deposit_fiat(&request).await.unwrap();
        } else {
            let request = withdrawal_for(who, currency, ticket, amount);
            client.withdraw_fiat(&request).await.unwrap();
        }
    }
    assert_eq!(
        sandbox.balance(API, "balance", &["500155", "ILS"]),
        dec!(700.25)
    );
    assert_eq!(
        sandbox.balance(API, "balance", &["500155", "USD"]),
        dec!(30)
    );
    assert_eq!(
        sandbox.balance(API, "balance", &["500156", "ILS"]),
        dec!(70)
    );
    assert_eq!(sandbox.balance(API, "balance", &["500156", "USD"]), dec!(0));
}

#[tokio::test]
async fn an_invalid_request_answers_http_400_code_14_naming_the_field() {
    let sandbox = Sandbox::start().await.unwrap();
    let body = serde_json::json!({
        "ClientNumber": 500155,
        "API_Password": "eBt5yJD3uc12",
        "Ticket_ID": "X".repeat(51),
        "BankEnum": 1,
        "MethodEnum": 1,
        "Currency": "ILS",
        "Amount": 3500,
        "USD_ConvertRate": 3.2,
        "End_user_IP": "82.81.138.8",
    });
    let (status, answer, reason) = post_with_reason(&sandbox, DEPOSIT, body).await;
    assert_eq!(status, 400, "{answer}");
    assert_eq!(answer["ResponseCode"], 14, "{answer}");
    // The vendor's words in the body; the sandbox's reason beside it.
    let message = answer["ResponseMsgEng"].as_str().unwrap_or_default();
    assert_eq!(
        message,
        "Posted fields contain wrong data and/or missing fields."
    );
    assert!(reason.contains("Ticket_ID"), "{reason}");
    assert_eq!(sandbox.applied(API, DEPOSIT), 0);
    assert_eq!(ils_balance(&sandbox), dec!(0));
}

/// Date rules are judged by the sandbox's clock: a withdrawal stamped after it is refused
/// with code 14, one stamped before it is booked.
#[tokio::test]
async fn date_rules_are_judged_by_the_sandbox_clock() {
    let noon = chrono::Utc.with_ymd_and_hms(2026, 5, 25, 12, 0, 0).unwrap();
    let sandbox = Sandbox::builder()
        .clock(hyp_api::FixedClock(noon))
        .start()
        .await
        .unwrap();
    let withdrawal = |ticket: &str, stamp: &str| {
        serde_json::json!({
            "ClientNumber": 500155,
            "API_Password": "eBt5yJD3uc12",
            "Ticket_ID": ticket,
            "BankEnum": 1,
            "MethodEnum": 1,
            "Currency": "ILS",
            "Amount": 10,
            "USD_ConvertRate": 3.2,
            "Time_Stamp": stamp,
            "End_user_IP": "82.81.138.8",
        })
    };
    let (status, answer, reason) = post_with_reason(
        &sandbox,
        WITHDRAWAL,
        withdrawal("late", "2026-05-25 12:30:00"),
    )
    .await;
    assert_eq!(
        (status, &answer["ResponseCode"]),
        (400, &serde_json::json!(14)),
        "{answer}"
    );
    assert!(reason.contains("Time_Stamp"), "{reason}");
    let (status, answer) = post_raw(
        &sandbox,
        WITHDRAWAL,
        withdrawal("early", "2026-05-25 11:30:00"),
    )
    .await;
    assert_eq!(
        (status, &answer["ResponseCode"]),
        (200, &serde_json::json!(0)),
        "{answer}"
    );
    assert_eq!(sandbox.applied(API, WITHDRAWAL), 1);
}

#[tokio::test]
async fn the_same_request_within_the_rules_is_applied() {
    // The control of the test above: only the Ticket_ID's length differs.
    let sandbox = Sandbox::start().await.unwrap();
    let body = serde_json::json!({
        "ClientNumber": 500155,
        "API_Password": "eBt5yJD3uc12",
        "Ticket_ID": "X".repeat(50),
        "BankEnum": 1,
        "MethodEnum": 1,
        "Currency": "ILS",
        "Amount": 3500,
        "USD_ConvertRate": 3.2,
        "End_user_IP": "82.81.138.8",
    });
    let (status, answer) = post_raw(&sandbox, DEPOSIT, body).await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["ResponseCode"], 0, "{answer}");
    assert_eq!(ils_balance(&sandbox), dec!(3500));
}

#[tokio::test]
async fn the_client_refuses_an_over_long_ticket_without_sending_it() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let err = client
        .deposit_fiat(&deposit(&"X".repeat(51), Money::new(dec!(10))))
        .await
        .unwrap_err();
    let Error::InvalidRequest(violations) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(violations.paths(), vec!["Ticket_ID"]);
    assert_eq!(sandbox.received(API, DEPOSIT), 0);
}

#[tokio::test]
async fn an_unknown_function_answers_code_3() {
    let sandbox = Sandbox::start().await.unwrap();
    let (status, answer, reason) =
        post_with_reason(&sandbox, "No_Such_Function_Json", serde_json::json!({})).await;
    assert_eq!(status, 404, "{answer}");
    assert_eq!(answer["ResponseCode"], 3, "{answer}");
    assert_eq!(
        answer["ResponseMsgEng"], "API function does not exist",
        "{answer}"
    );
    assert!(reason.contains("No_Such_Function_Json"), "{reason}");
}
