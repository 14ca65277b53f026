//! Amounts at and past what the vendors carry: never a panic, in the client or the sandbox.
//! An amount at `Decimal::MAX` is an invalid request before it is sent; one sent anyway gets
//! the vendor's invalid-request answer; balances move only when the sum fits; an item list
//! whose quantity × price overflows is a violation, not a crash.

mod common;
use common::secret;

use hyp_api::{Decimal, Error, MinorUnits, Money};
use hyp_sandbox::Sandbox;
use rust_decimal_macros::dec;

/// The most a Hyper ERP / MT5 amount carries (spec quirk `amount-maximum`: 2^53 cents).
const DOUBLE_MAX: Decimal = dec!(90071992547409.91);

fn hyper(sandbox: &Sandbox) -> hyp_api::hyper_erp::Client {
    hyp_api::hyper_erp::Client::builder(
        sandbox.base_url("hyper-erp"),
        secret("sandbox-access-token"),
    )
    .build()
    .unwrap()
}

fn hyper_deposit(ticket: &str, amount: Money) -> hyp_api::hyper_erp::DepositFiatRequest {
    use hyp_api::hyper_erp::{Currency, DepositFiatRequest, DepositFiatRequired, PaymentMethod};
    DepositFiatRequest::new(DepositFiatRequired {
        client_number: 500155.into(),
        api_password: secret("eBt5yJD3uc12"),
        ticket_id: ticket.into(),
        bank_enum: 1.into(),
        method: PaymentMethod::CreditCard,
        currency: Currency::Ils,
        amount,
        usd_convert_rate: dec!(3.2),
        end_user_ip: "82.81.138.8".into(),
    })
}

fn invalid_paths<C: hyp_api::VendorCode>(err: &Error<C>) -> Vec<&str> {
    match err {
        Error::InvalidRequest(v) => v.paths(),
        other => panic!("expected an invalid request, got {other:?}"),
    }
}

#[tokio::test]
async fn an_amount_at_decimal_max_is_an_invalid_request_on_every_money_api() {
    let sandbox = Sandbox::start().await.unwrap();
    let max = Money::new(Decimal::MAX);

    let err = hyper(&sandbox)
        .deposit_fiat(&hyper_deposit("T-1", max))
        .await
        .unwrap_err();
    assert_eq!(invalid_paths(&err), ["Amount"]);

    let mt5 = hyp_api::mt5_manager::Client::builder(
        sandbox.base_url("mt5-manager"),
        secret("sandbox-manager-key"),
    )
    .build()
    .unwrap();
    let request =
        hyp_api::mt5_manager::DepositRequest::new(hyp_api::mt5_manager::DepositRequired {
            operator_id: "ops-1".into(),
            login: 1001.into(),
            amount: max,
        });
    let err = mt5.deposit(&request).await.unwrap_err();
    assert_eq!(invalid_paths(&err), ["amount"]);

    let pay = hyp_api::pay::Client::builder(
        sandbox.base_url("pay"),
        "0010345518",
        secret("your-api-password"),
    )
    .build()
    .unwrap();
    let request = hyp_api::pay::RefundRequest::new(hyp_api::pay::RefundRequired {
        trans_id: "12345".into(),
        amount: max,
    });
    let err = pay.refund(&request).await.unwrap_err();
    assert_eq!(invalid_paths(&err), ["Amount"]);

    use hyp_api::creditguard::*;
    let cg = Client::builder(
        sandbox.base_url("creditguard"),
        "your-api-username",
        secret("your-api-password"),
    )
    .build()
    .unwrap();
    let request = DoDealRequest::new(DoDealRequired {
        language: Language::Eng,
        terminal_number: "0962832".into(),
        total: MinorUnits::new(i64::MAX),
        transaction_type: TransactionType::Debit,
        credit_type: CreditType::RegularCredit,
        currency: "ILS".into(),
        transaction_code: TransactionCode::Phone,
        validation: Validation::AutoComm,
    })
    .card_id(hyp_api::CardToken::new("1234567890123456"))
    .card_expiration("1230");
    let err = cg.do_deal(&request).await.unwrap_err();
    assert_eq!(invalid_paths(&err), ["total"]);

    for (api, endpoint) in [
        ("hyper-erp", "MT4_Deposit_Fiat_Json"),
        ("mt5-manager", "POST /transactions/deposit"),
        ("pay", "zikoyAPI"),
        ("creditguard", "doDeal"),
    ] {
        assert_eq!(sandbox.received(api, endpoint), 0, "{api} {endpoint}");
    }
}

#[tokio::test]
async fn the_spec_maximum_itself_goes_through_and_one_cent_more_does_not() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = hyper(&sandbox);
    client
        .deposit_fiat(&hyper_deposit("T-1", Money::new(DOUBLE_MAX)))
        .await
        .unwrap();
    let err = client
        .deposit_fiat(&hyper_deposit("T-2", Money::new(DOUBLE_MAX + dec!(0.01))))
        .await
        .unwrap_err();
    assert_eq!(invalid_paths(&err), ["Amount"]);
}

/// A raw deposit, as a client that skips validation would send it: (the sandbox's reason
/// header, JSON answer).
async fn raw_deposit(sandbox: &Sandbox, ticket: &str, amount: &str) -> (String, serde_json::Value) {
    let body = format!(
        r#"{{"ClientNumber":500155,"API_Password":"eBt5yJD3uc12","Ticket_ID":"{ticket}",
        "BankEnum":1,"MethodEnum":1,"Currency":"ILS","Amount":{amount},"USD_ConvertRate":3.2,
        "End_user_IP":"82.81.138.8"}}"#
    );
    let response = reqwest::Client::new()
        .post(format!(
            "{}/MT4_Deposit_Fiat_Json",
            sandbox.base_url("hyper-erp")
        ))
        .header("Authorization", "Bearer sandbox-access-token")
        .header("Content-Type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap();
    let reason = response
        .headers()
        .get(hyp_sandbox::REASON_HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let text = response.text().await.unwrap();
    (reason, serde_json::from_str(&text).unwrap())
}

#[tokio::test]
async fn two_max_deposits_into_one_balance_get_the_invalid_request_answer() {
    let sandbox = Sandbox::start().await.unwrap();
    let account = ["500155", "ILS"];
    for ticket in ["MAX-1", "MAX-2"] {
        let (reason, answer) = raw_deposit(&sandbox, ticket, &Decimal::MAX.to_string()).await;
        // Hyper's invalid-request code (spec/hyper-erp/sandbox.yaml `invalid_request`).
        assert_eq!(answer["ResponseCode"], 14, "{answer}");
        assert!(reason.contains("Amount"), "{reason}");
    }
    assert_eq!(sandbox.balance("hyper-erp", "balance", &account), dec!(0));
    assert_eq!(sandbox.applied("hyper-erp", "MT4_Deposit_Fiat_Json"), 0);
    // The state lock is not poisoned: the same balance still moves.
    for ticket in ["TOP-1", "TOP-2"] {
        let (_, answer) = raw_deposit(&sandbox, ticket, &DOUBLE_MAX.to_string()).await;
        assert_eq!(answer["ResponseCode"], 0, "{answer}");
    }
    assert_eq!(
        sandbox.balance("hyper-erp", "balance", &account),
        DOUBLE_MAX * dec!(2)
    );
    assert_eq!(sandbox.applied("hyper-erp", "MT4_Deposit_Fiat_Json"), 2);
}

/// Hyp Pay offline invoice items (`[code~desc~qty~price]`) whose quantity × price, or whose
/// running sum, does not fit a decimal.
fn invoice(items: &str) -> hyp_api::pay::CreateOfflineInvoiceRequest {
    use hyp_api::pay::{
        CreateOfflineInvoiceRequest, CreateOfflineInvoiceRequired, OfflinePaymentType,
    };
    CreateOfflineInvoiceRequest::new(CreateOfflineInvoiceRequired {
        amount: Money::new(dec!(200)),
        trans_type: OfflinePaymentType::Cash,
        client_name: "Jenny".into(),
        user_id: "890108558".into(),
        info: "offline".into(),
    })
    .pritim(true)
    .hesh_desc(items)
}

#[tokio::test]
async fn an_item_list_that_overflows_is_a_violation_in_the_client_and_the_sandbox() {
    let sandbox = Sandbox::start().await.unwrap();
    let pay = hyp_api::pay::Client::builder(
        sandbox.base_url("pay"),
        "0010345518",
        secret("your-api-password"),
    )
    .build()
    .unwrap();
    let huge = Decimal::MAX;
    for items in [
        format!("[1~a~{huge}~{huge}]"),
        format!("[1~a~1~{huge}][2~b~1~{huge}]"),
    ] {
        let err = pay
            .create_offline_invoice(&invoice(&items))
            .await
            .unwrap_err();
        let Error::InvalidRequest(v) = &err else {
            panic!("{err:?}")
        };
        assert_eq!(v.paths(), ["heshDesc"], "{v}");
        assert!(v.to_string().contains("more than a decimal holds"), "{v}");

        // The same items sent raw: Hyp Pay's invalid-request answer (CCode 421), and the
        // sandbox serves on.
        let query: String = form_urlencoded::Serializer::new(String::new())
            .extend_pairs([
                ("action", "soft"),
                ("Masof", "0010345518"),
                ("PassP", "your-api-password"),
                ("Amount", "200"),
                ("TransType", "Cash"),
                ("Pritim", "True"),
                ("heshDesc", items.as_str()),
                ("Info", "offline"),
                ("ClientName", "Jenny"),
                ("UserId", "890108558"),
                ("UTF8out", "True"),
            ])
            .finish();
        let url = format!("{}/?{query}", sandbox.base_url("pay"));
        let body = reqwest::get(url).await.unwrap().text().await.unwrap();
        let pairs: Vec<(String, String)> = form_urlencoded::parse(body.as_bytes())
            .into_owned()
            .collect();
        assert!(
            pairs.iter().any(|(k, v)| k == "CCode" && v == "421"),
            "{body}"
        );
    }
    assert_eq!(sandbox.applied("pay", "soft offline invoice"), 0);
}
