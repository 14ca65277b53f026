//! The vendor examples as typed golden vectors: requests built through the typed API encode to
//! exactly the documented JSON (compared as JSON values), and documented answers decode to the
//! typed values a caller reads.

use chrono::{NaiveDate, NaiveDateTime};
use hyp_api::hyper_erp::*;
use hyp_api::{Decimal, Endpoint, Money, Open, SecretString, ToNode};
use hyp_api_tests::vendor;
use rust_decimal_macros::dec;

fn pw(s: &str) -> SecretString {
    SecretString::from(s.to_string())
}

fn money(d: Decimal) -> Money {
    Money::new(d)
}

/// The typed request's JSON equals the documented request example of `E`.
fn assert_encodes<E: Endpoint>(request: &E::Request) {
    let documented = vendor::example(vendor::hyper_erp(), E::WIRE, "request").fixed_body();
    let ours = hyp_api::wire::to_json(&request.to_node()).expect("encodes");
    let ours: serde_json::Value = serde_json::from_str(&ours).expect("our JSON parses");
    let theirs: serde_json::Value = serde_json::from_str(&documented).expect("doc JSON parses");
    assert_eq!(ours, theirs, "{}", E::WIRE);
}

fn decode<E: Endpoint>(example: &str) -> Result<E::Output, hyp_api::Error<E::Code>> {
    let (status, body) = vendor::answer(vendor::hyper_erp(), E::WIRE, example);
    hyp_api::wire::decode_answer::<E>(status, &body, &[])
}

fn ts(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap()
}

#[test]
fn create_tp_account_request_and_answers() {
    assert_encodes::<CreateTpAccount>(&CreateTpAccountRequest::new(CreateTpAccountRequired {
        client_number: 500014.into(),
        api_password: pw("S0wUqUWvujCf"),
    }));

    let Ok(CreateTpAccountOutcome::Created(r)) = decode::<CreateTpAccount>("response-created")
    else {
        panic!("expected Created")
    };
    let a = r.account;
    assert_eq!(a.account_login, 61436);
    assert_eq!(a.data_source.as_deref(), Some("R1"));
    assert_eq!(a.platform.as_deref(), Some("MT4"));
    // Documented as a string enum, sent as the integer 3.
    assert_eq!(a.status, Some(TpAccountStatus::Active));
    assert_eq!(a.group.as_deref(), Some("Basic_IL2"));
    assert_eq!(a.balance.map(|m| m.to_string()).as_deref(), Some("0.00"));

    // The vendor's example is not valid JSON; the spec's named fixup makes it decode.
    let Ok(CreateTpAccountOutcome::AlreadyExists(r)) =
        decode::<CreateTpAccount>("response-already-exists")
    else {
        panic!("expected AlreadyExists")
    };
    assert_eq!(r.account.account_login, 55521);
    assert_eq!(r.account.balance, Some(money(dec!(18270.84))));
    assert_eq!(r.account.margin, Some(money(dec!(1200.00))));
}

#[test]
fn deposit_request_and_answers() {
    let req = DepositFiatRequest::new(DepositFiatRequired {
        client_number: 500155.into(),
        api_password: pw("eBt5yJD3uc12"),
        ticket_id: "{F454E096-D080-40FD-A36B-156F4B999124}".into(),
        bank_enum: 1.into(),
        method: PaymentMethod::CreditCard,
        currency: Currency::Ils,
        amount: money(dec!(3500)),
        usd_convert_rate: dec!(3.2),
        end_user_ip: "82.81.138.8".into(),
    })
    .time_stamp(ts("2026-01-21 08:00:00"));
    assert_encodes::<DepositFiat>(&req);

    let Ok(DepositFiatOutcome::Created(r)) = decode::<DepositFiat>("response-created") else {
        panic!("expected Created")
    };
    assert_eq!(r.receipt_num, 1234);
    let Ok(DepositFiatOutcome::Duplicate(r)) =
        decode::<DepositFiat>("response-duplicate-receipt-http-200")
    else {
        panic!("expected Duplicate")
    };
    assert_eq!(r.receipt_num, 10542);
}

#[test]
fn withdrawal_request_and_duplicate() {
    let req = WithdrawFiatRequest::new(WithdrawFiatRequired {
        client_number: 500155.into(),
        api_password: pw("eBt5yJD3uc12"),
        ticket_id: "{A1B2C3D4-E5F6-7890-1234-56789ABCDEF0}".into(),
        bank_enum: 1.into(),
        method: PaymentMethod::CreditCard,
        currency: Currency::Usd,
        amount: money(dec!(500)),
        usd_convert_rate: dec!(1),
        time_stamp: ts("2026-01-21 09:30:00"),
        end_user_ip: "82.81.138.8".into(),
    });
    assert_encodes::<WithdrawFiat>(&req);
    let dup = vendor::hyper_erp()
        .endpoints
        .iter()
        .find(|e| e.wire == "MT4_Withdrawal_Fiat_Json")
        .and_then(|e| {
            e.examples
                .iter()
                .find(|x| x.expect.as_deref() == Some("Duplicate"))
        })
        .expect("a duplicate example");
    let Ok(WithdrawFiatOutcome::Duplicate(r)) =
        hyp_api::wire::decode_answer::<WithdrawFiat>(200, &dup.fixed_body(), &[])
    else {
        panic!("expected Duplicate")
    };
    assert_eq!(r.refund_num, 9021);
}

#[test]
fn balance_order_request_and_answer() {
    let req = CreateBalanceOrderRequest::new(CreateBalanceOrderRequired {
        client_number: 500155.into(),
        api_password: pw("eBt5yJD3uc12"),
        action: BalanceAction::Withdraw,
        ticket_id: "{F456E096-D080-40FD-A36B-156A4B919124}".into(),
        amount: money(dec!(100.00)),
        comment: "Withdrawal request in personal area".into(),
    })
    .purpose(Purpose::FixAnError);
    assert_encodes::<CreateBalanceOrder>(&req);
    let Ok(CreateBalanceOrderOutcome::Created(r)) =
        decode::<CreateBalanceOrder>("response-created-http-200")
    else {
        panic!("expected Created")
    };
    assert_eq!(r.tp_login, Some(TpLogin::new(650021)));
    assert_eq!(r.tp_order_id, 8812345);
}

#[test]
fn card_clearing_request_and_business_results() {
    let req = ChargeCardRequest::new(ChargeCardRequired {
        client_number: 500155.into(),
        api_password: pw("eBt5yJD3uc12"),
        reference: "{F454E096-D080-40FD-A36B-156F4B999124}".into(),
        bank_enum: 1.into(),
        currency: Currency::Ils,
        amount: money(dec!(3500)),
    })
    .manual_confirmation_code("");
    assert_encodes::<ChargeCard>(&req);

    let ok = decode::<ChargeCard>("response-approved-http-200").expect("technical success");
    assert_eq!(ok.req_id, 10452);
    assert_eq!(ok.result_code, ClearingResultCode::Approved);
    assert_eq!(ok.result_last_4_digits.as_deref(), Some("4582"));
    // A technical success whose business result is the ~41 s clearing timeout.
    let timeout = decode::<ChargeCard>("response-timeout-997-http-200").expect("technical success");
    assert_eq!(timeout.req_id, 10453);
    assert_eq!(timeout.result_code, ClearingResultCode::TimedOut);
}

#[test]
fn refund_request_and_document() {
    let item = RefundItem::new(RefundItemRequired {
        refund_method: RefundMethod::BankTransfer,
        payment_date: NaiveDate::from_ymd_opt(2026, 4, 26).unwrap(),
        total_amount: money(dec!(1500.0)),
        currency: "ILS".into(),
    })
    .bank_code("12")
    .branch_swift("001")
    .account("123456")
    .from_internal_account(1100);
    let req = CreateRefundRequest::new(CreateRefundRequired {
        client_number: 500608.into(),
        items: vec![item],
    })
    .ticket_id("WD-998877")
    .internal_doc_dont_send(true)
    .sales_agent("Dani")
    .notes("Client portal withdrawal request 1234")
    .ip_address("203.0.113.25")
    .refund_form_purpose(RefundFormPurpose::WithdrawalFromAccount)
    .money_laundering(MoneyLaunderingControl::Normal);
    assert_encodes::<CreateRefund>(&req);

    let Ok(CreateRefundOutcome::Created(r)) = decode::<CreateRefund>("response-created") else {
        panic!("expected Created")
    };
    let doc = r.doc.expect("Doc");
    assert_eq!(doc.refund_number, 23451);
    assert_eq!(doc.total_refund_lc, Some(money(dec!(1500.00))));
    assert_eq!(doc.created_on_utc, Some(ts("2026-05-25 07:07:41")));
    // "CancellationTime": "" is an absent value, not a decode failure.
    assert_eq!(doc.cancellation_time, None);
    assert_eq!(
        doc.refund_form_purpose,
        Some(Open::Known(RefundFormPurpose::WithdrawalFromAccount))
    );
    // 0 is not a documented AuthorizationStatus: kept, not rejected.
    assert_eq!(doc.authorization_status, Some(Open::Unknown("0".into())));
}

#[test]
fn refund_queue_answers() {
    let r = decode::<QueryRefundQueue>("response-queue").expect("queue");
    assert_eq!(r.queue.len(), 1);
    let row = &r.queue[0];
    assert_eq!(row.refund_number, 67393);
    assert_eq!(
        row.refund_method,
        Some(Open::Known(RefundMethod::BankTransfer))
    );
    assert_eq!(row.total_amount, Some(money(dec!(150.00))));
    // Hebrew survives.
    assert_eq!(
        row.from_internal_account_name.as_deref(),
        Some("קראנסיי קלאוד")
    );
    // Code 2 "No Results / Data" is an empty queue, not an error.
    let empty = decode::<QueryRefundQueue>("response-no-results").expect("empty queue");
    assert!(empty.queue.is_empty());
}

#[test]
fn refund_queue_update_request_and_answer() {
    let docs = vec![
        RefundStatusUpdate::new(RefundStatusUpdateRequired {
            refund_number: RefundNumber::new(23451),
            authorization_status: AuthorizationStatus::SentAwaitingResult,
        })
        .authorization_text_desc("Sent to bank API. External request id: BNK-778899"),
        RefundStatusUpdate::new(RefundStatusUpdateRequired {
            refund_number: RefundNumber::new(23452),
            authorization_status: AuthorizationStatus::ExecutedSuccessfully,
        })
        .authorization_text_desc("Executed successfully. Bank reference: TRX-445566"),
        RefundStatusUpdate::new(RefundStatusUpdateRequired {
            refund_number: RefundNumber::new(23453),
            authorization_status: AuthorizationStatus::ExecutionFailed,
        })
        .authorization_text_desc("Execution failed: beneficiary account rejected"),
    ];
    assert_encodes::<UpdateRefundQueue>(&UpdateRefundQueueRequest::new(
        UpdateRefundQueueRequired { docs },
    ));
    let r = decode::<UpdateRefundQueue>("response-updated").expect("updated");
    assert_eq!(r.skipped, vec![23453]);
}
