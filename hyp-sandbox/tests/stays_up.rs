//! The sandbox stays up: a panic in one request's handling answers the vendor's system-error
//! form and the sandbox serves on; a client slow to send its headers or its body is cut off;
//! an oversize body is refused. Every test then proves the next ordinary call is served.

mod common;
use common::secret;

use std::time::{Duration, Instant};

use hyp_api::{Money, RetryPolicy};
use hyp_sandbox::{FAULT_HEADER, Fault, Sandbox};
use rust_decimal_macros::dec;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const DEPOSIT: &str = "MT4_Deposit_Fiat_Json";

fn once() -> RetryPolicy {
    RetryPolicy {
        max_attempts: 1,
        ..RetryPolicy::default()
    }
}

fn hyper(sandbox: &Sandbox) -> hyp_api::hyper_erp::Client {
    hyp_api::hyper_erp::Client::builder(
        sandbox.base_url("hyper-erp"),
        secret("sandbox-access-token"),
    )
    .retry(once())
    .build()
    .unwrap()
}

fn deposit(ticket: &str) -> hyp_api::hyper_erp::DepositFiatRequest {
    use hyp_api::hyper_erp::{Currency, DepositFiatRequest, DepositFiatRequired, PaymentMethod};
    DepositFiatRequest::new(DepositFiatRequired {
        client_number: 500155.into(),
        api_password: secret("eBt5yJD3uc12"),
        ticket_id: ticket.into(),
        bank_enum: 1.into(),
        method: PaymentMethod::CreditCard,
        currency: Currency::Ils,
        amount: Money::new(dec!(100)),
        usd_convert_rate: dec!(3.2),
        end_user_ip: "82.81.138.8".into(),
    })
}

/// An ordinary deposit goes through: the sandbox is serving.
async fn still_serving(sandbox: &Sandbox, ticket: &str) {
    let out = hyper(sandbox).deposit_fiat(&deposit(ticket)).await;
    assert!(out.is_ok(), "the sandbox no longer serves: {out:?}");
}

const DEPOSIT_BODY: &str = r#"{"ClientNumber":500155,"API_Password":"eBt5yJD3uc12","Ticket_ID":"RAW-1","BankEnum":1,"MethodEnum":1,"Currency":"ILS","Amount":100,"USD_ConvertRate":3.2,"End_user_IP":"82.81.138.8"}"#;

#[tokio::test]
async fn a_panic_answers_hyper_code_4_on_the_wire_and_the_sandbox_serves_on() {
    let sandbox = Sandbox::start().await.unwrap();
    let response = reqwest::Client::new()
        .post(format!("{}/{DEPOSIT}", sandbox.base_url("hyper-erp")))
        .header("Authorization", "Bearer sandbox-access-token")
        .header("Content-Type", "application/json")
        .header(FAULT_HEADER, "panic")
        .body(DEPOSIT_BODY)
        .send()
        .await
        .unwrap();
    // Code 4 "Internal server error", with its HTTP status from the code table (500).
    assert_eq!(response.status(), 500);
    let answer: serde_json::Value = serde_json::from_str(&response.text().await.unwrap()).unwrap();
    assert_eq!(answer["ResponseCode"], 4, "{answer}");
    assert_eq!(sandbox.applied("hyper-erp", DEPOSIT), 0);
    still_serving(&sandbox, "T-after").await;
    assert_eq!(sandbox.applied("hyper-erp", DEPOSIT), 1);
}

#[tokio::test]
async fn a_panic_is_each_apis_system_error_through_the_clients() {
    let sandbox = Sandbox::start().await.unwrap();

    sandbox.inject("hyper-erp", DEPOSIT, Fault::panic());
    let err = hyper(&sandbox)
        .deposit_fiat(&deposit("T-1"))
        .await
        .unwrap_err();
    assert_eq!(err.code().map(|c| c.value()), Some(4), "{err:?}");

    let mt5 = hyp_api::mt5_manager::Client::builder(
        sandbox.base_url("mt5-manager"),
        secret("sandbox-manager-key"),
    )
    .retry(once())
    .build()
    .unwrap();
    let request =
        hyp_api::mt5_manager::DepositRequest::new(hyp_api::mt5_manager::DepositRequired {
            operator_id: "ops-1".into(),
            login: 1001.into(),
            amount: Money::new(dec!(5)),
        });
    sandbox.inject("mt5-manager", "POST /transactions/deposit", Fault::panic());
    let err = mt5.deposit(&request).await.unwrap_err();
    assert_eq!(err.code().map(|c| c.value()), Some(503), "{err:?}");

    let err = {
        use hyp_api::creditguard::*;
        let cg = Client::builder(
            sandbox.base_url("creditguard"),
            "your-api-username",
            secret("your-api-password"),
        )
        .retry(once())
        .build()
        .unwrap();
        let deal = DoDealRequest::new(DoDealRequired {
            language: Language::Eng,
            terminal_number: "0962832".into(),
            total: hyp_api::MinorUnits::new(5000),
            transaction_type: TransactionType::Debit,
            credit_type: CreditType::RegularCredit,
            currency: "ILS".into(),
            transaction_code: TransactionCode::Phone,
            validation: Validation::AutoComm,
        })
        .card_id(hyp_api::CardToken::new("1234567890123456"))
        .card_expiration("1230");
        sandbox.inject("creditguard", "doDeal", Fault::panic());
        cg.do_deal(&deal).await.unwrap_err()
    };
    assert_eq!(err.code().map(|c| c.value()), Some(500), "{err:?}");

    let pay = hyp_api::pay::Client::builder(
        sandbox.base_url("pay"),
        "0010345518",
        secret("your-api-password"),
    )
    .retry(once())
    .build()
    .unwrap();
    let refund = hyp_api::pay::RefundRequest::new(hyp_api::pay::RefundRequired {
        trans_id: "12345".into(),
        amount: Money::new(dec!(5)),
    });
    sandbox.inject("pay", "zikoyAPI", Fault::panic());
    let err = pay.refund(&refund).await.unwrap_err();
    assert!(matches!(err, hyp_api::Error::VendorPage { .. }), "{err:?}");

    for (api, endpoint) in [
        ("hyper-erp", DEPOSIT),
        ("mt5-manager", "POST /transactions/deposit"),
        ("creditguard", "doDeal"),
        ("pay", "zikoyAPI"),
    ] {
        assert_eq!(sandbox.received(api, endpoint), 1, "{api} {endpoint}");
        assert_eq!(sandbox.applied(api, endpoint), 0, "{api} {endpoint}");
    }
    let out = mt5.deposit(&request).await;
    assert!(out.is_ok(), "{out:?}");
    still_serving(&sandbox, "T-2").await;
}

/// Reads until the server closes the connection (or `limit` passes): what it sent.
async fn read_until_closed(stream: &mut TcpStream, limit: Duration) -> Option<String> {
    let mut got = Vec::new();
    let read = tokio::time::timeout(limit, stream.read_to_end(&mut got)).await;
    read.ok()
        .map(|_| String::from_utf8_lossy(&got).into_owned())
}

#[tokio::test]
async fn slow_clients_holding_a_partial_header_are_cut_off() {
    let sandbox = Sandbox::builder()
        .header_read_timeout(Duration::from_millis(300))
        .start()
        .await
        .unwrap();
    let start = Instant::now();
    let mut slow = Vec::new();
    for _ in 0..50 {
        let mut s = TcpStream::connect(sandbox.addr()).await.unwrap();
        s.write_all(b"POST /hyper-erp/MT4_Deposit_Fiat_Json HTTP/1.1\r\nHost: sandbox\r\nContent-")
            .await
            .unwrap();
        slow.push(s);
    }
    for s in &mut slow {
        let closed = read_until_closed(s, Duration::from_secs(5)).await;
        assert!(
            closed.is_some(),
            "a slow client still holds its connection after 5 s"
        );
    }
    let took = start.elapsed();
    assert!(
        took >= Duration::from_millis(300),
        "cut off before the timeout: {took:?}"
    );
    assert!(took < Duration::from_secs(4), "cut off late: {took:?}");
    still_serving(&sandbox, "T-after-slow").await;
}

#[tokio::test]
async fn an_oversize_body_is_refused() {
    let sandbox = Sandbox::builder().body_limit(1024).start().await.unwrap();
    let url = format!("{}/{DEPOSIT}", sandbox.base_url("hyper-erp"));
    let big = format!("{{\"Pad\":\"{}\"}}", "x".repeat(4096));
    let response = reqwest::Client::new()
        .post(&url)
        .header("Content-Type", "application/json")
        .body(big.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 413);
    // Without a Content-Length (chunked): refused while reading.
    let mut s = TcpStream::connect(sandbox.addr()).await.unwrap();
    let mut request = b"POST /hyper-erp/MT4_Deposit_Fiat_Json HTTP/1.1\r\nHost: sandbox\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n".to_vec();
    for chunk in big.as_bytes().chunks(512) {
        request.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        request.extend_from_slice(chunk);
        request.extend_from_slice(b"\r\n");
    }
    request.extend_from_slice(b"0\r\n\r\n");
    // The server may answer and close before every chunk is written.
    let _ = s.write_all(&request).await;
    let answer = read_until_closed(&mut s, Duration::from_secs(5))
        .await
        .expect("an answer within 5 s");
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert_eq!(sandbox.received("hyper-erp", DEPOSIT), 0);
    still_serving(&sandbox, "T-after-big").await;
}

#[tokio::test]
async fn a_stalled_body_is_refused() {
    let sandbox = Sandbox::builder()
        .body_read_timeout(Duration::from_millis(300))
        .start()
        .await
        .unwrap();
    let start = Instant::now();
    let mut s = TcpStream::connect(sandbox.addr()).await.unwrap();
    s.write_all(
        b"POST /hyper-erp/MT4_Deposit_Fiat_Json HTTP/1.1\r\nHost: sandbox\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"ClientNumber\":",
    )
    .await
    .unwrap();
    let answer = read_until_closed(&mut s, Duration::from_secs(5))
        .await
        .expect("a stalled body still holds its connection after 5 s");
    let took = start.elapsed();
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(
        took >= Duration::from_millis(300) && took < Duration::from_secs(4),
        "{took:?}"
    );
    assert_eq!(sandbox.received("hyper-erp", DEPOSIT), 0);
    still_serving(&sandbox, "T-after-stall").await;
}
