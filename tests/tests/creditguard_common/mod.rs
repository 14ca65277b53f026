//! Shared by the CreditGuard tests: the spec, clients on a [`MockServer`] (one route:
//! `POST /xpo/Relay`), a test-only reader of the `application/x-www-form-urlencoded` body (std
//! only: the tests crate has no form-decoding dependency), XML tree helpers over
//! [`hyp_api::wire::parse_xml`], answer bodies in the vendor's envelope, and a hand-made
//! ISO-8859-8 encoder for Hebrew.
//!
//! Each test crate uses only part of this module.
#![allow(dead_code)]

use std::sync::OnceLock;
use std::time::Duration;

use hyp_api::creditguard::*;
use hyp_api::{ClientBuilder, MinorUnits, Node, RetryPolicy, SecretString};
use hyp_api_tests::mock::{MockServer, Received};
use hyp_api_tests::vendor;
use hyp_codegen::model::Api;

/// The one route every CreditGuard command is POSTed to.
pub const ROUTE: &str = "POST /xpo/Relay";
/// The path under the base URL.
pub const PATH: &str = "/xpo/Relay";
/// The API user of the tests (the `user` form field).
pub const USER: &str = "cg-api-user";
/// The API password of the tests (the `password` form field; a secret under test). The `!`
/// is percent-encoded on the wire, so the form reader is exercised.
pub const PASSWORD: &str = "Cg5ecret!Pw9";
/// The terminal of the vendor doc's answer examples.
pub const TERMINAL: &str = "0882819014";
/// A full card number (the request `cardNo` is a secret).
pub const CARD: &str = "4580458045804580";

/// The resolved CreditGuard spec (loaded once).
pub fn api() -> &'static Api {
    static API: OnceLock<Api> = OnceLock::new();
    API.get_or_init(|| {
        hyp_codegen::load_one(&vendor::spec_root().join("creditguard"))
            .unwrap_or_else(|d| panic!("spec/creditguard does not load:\n{d}"))
    })
}

pub fn secret(s: &str) -> SecretString {
    SecretString::from(s.to_string())
}

/// A builder on `mock` with [`USER`] / [`PASSWORD`]; never retries unless told.
pub fn builder(mock: &MockServer) -> ClientBuilder<Client> {
    Client::builder(mock.base_url(), USER, secret(PASSWORD)).retry(RetryPolicy::never())
}

/// A client that never retries.
pub fn client(mock: &MockServer) -> Client {
    builder(mock).build().expect("client builds")
}

/// A client with `retry` and a client-side timeout of `timeout_ms`.
pub fn client_with(mock: &MockServer, retry: RetryPolicy, timeout_ms: u64) -> Client {
    builder(mock)
        .retry(retry)
        .timeout(Duration::from_millis(timeout_ms))
        .build()
        .expect("client builds")
}

/// Retries fast: 3 attempts, 10 ms apart.
pub fn fast_retries() -> RetryPolicy {
    RetryPolicy {
        max_attempts: 3,
        initial_backoff: Duration::from_millis(10),
        max_backoff: Duration::from_millis(10),
    }
}

// ---------------------------------------------------------------------------------------------
// The form body, read back with std only.

/// The value of one hex digit.
fn hex(b: u8) -> u8 {
    match b {
        b'0'..=b'9' => b - b'0',
        b'a'..=b'f' => b - b'a' + 10,
        b'A'..=b'F' => b - b'A' + 10,
        _ => panic!("`{}` is not a hex digit in a percent escape", b as char),
    }
}

/// `application/x-www-form-urlencoded` decoding of one name or value: `+` is a space, `%XY` is
/// the byte 0xXY, and the bytes are UTF-8 (a malformed escape or non-UTF-8 text panics: the
/// client must not send either).
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b'%' => {
                assert!(i + 2 < bytes.len(), "a truncated percent escape in `{s}`");
                out.push(hex(bytes[i + 1]) << 4 | hex(bytes[i + 2]));
                i += 3;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|e| panic!("form value is not UTF-8: {e}"))
}

/// The form's fields, decoded, in body order.
pub fn form_fields(body: &str) -> Vec<(String, String)> {
    body.split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

/// The one value of form field `name`.
pub fn form_field(body: &str, name: &str) -> String {
    let values: Vec<String> = form_fields(body)
        .into_iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v)
        .collect();
    assert_eq!(values.len(), 1, "form field `{name}` once in `{body}`");
    values.into_iter().next().unwrap_or_default()
}

/// Checks the transport of one received request (POST `{base}/xpo/Relay`, a form body with
/// exactly `user`, `password` and `int_in`, in that order, the XML URL-encoded) and returns the
/// `int_in` XML.
pub fn int_in(r: &Received) -> String {
    assert_eq!(r.method, "POST");
    assert_eq!(r.path, PATH);
    assert_eq!(
        r.content_type.as_deref(),
        Some("application/x-www-form-urlencoded")
    );
    assert!(
        !r.body.contains('<') && !r.body.contains('>'),
        "the XML is URL-encoded in the body: {}",
        r.body
    );
    let fields = form_fields(&r.body);
    let names: Vec<&str> = fields.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(names, ["user", "password", "int_in"], "form fields");
    assert_eq!(fields[0].1, USER);
    assert_eq!(fields[1].1, PASSWORD);
    fields[2].1.clone()
}

// ---------------------------------------------------------------------------------------------
// XML trees.

/// The XML text as a node tree (`hyp_api::wire::parse_xml`).
pub fn xml(text: &str) -> Node {
    hyp_api::wire::parse_xml(text).unwrap_or_else(|e| panic!("not XML ({e}):\n{text}"))
}

/// The entries of a map node.
pub fn entries(node: &Node) -> &[(String, Node)] {
    match node {
        Node::Map(e) => e,
        other => panic!("expected an element with children, found {other:?}"),
    }
}

/// The child `name` of a map node (the first, if repeated).
pub fn child<'a>(node: &'a Node, name: &str) -> &'a Node {
    entries(node)
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
        .unwrap_or_else(|| panic!("no <{name}> in {node:?}"))
}

/// The child `name` of a map node, if there is one.
pub fn find<'a>(node: &'a Node, name: &str) -> Option<&'a Node> {
    match node {
        Node::Map(e) => e.iter().find(|(k, _)| k == name).map(|(_, v)| v),
        _ => None,
    }
}

/// The text of a text element.
pub fn text(node: &Node) -> &str {
    match node {
        Node::Str(s) | Node::Num(s) => s,
        other => panic!("expected text, found {other:?}"),
    }
}

/// The child names of a map node, in order.
pub fn names(node: &Node) -> Vec<&str> {
    entries(node).iter().map(|(k, _)| k.as_str()).collect()
}

/// The `<ashrait><request>` element of an `int_in` document.
pub fn request_element(int_in: &str) -> Node {
    let doc = xml(int_in);
    assert_eq!(names(&doc), ["ashrait"], "one root element");
    let root = child(&doc, "ashrait");
    assert_eq!(names(root), ["request"], "<ashrait> holds <request>");
    child(root, "request").clone()
}

// ---------------------------------------------------------------------------------------------
// Answers.

/// An answer in the vendor's envelope (the doc's element order) with result `result` and, when
/// `element` is given, the command element `<{command}>{element}</{command}>`.
pub fn answer(command: &str, result: &str, message: &str, element: Option<&str>) -> String {
    let element = element
        .map(|e| format!("<{command}>{e}</{command}>"))
        .unwrap_or_default();
    format!(
        "<?xml version='1.0'?>\n<ashrait><response><command>{command}</command>\
         <dateTime>2025-07-28 12:49</dateTime><requestId/><tranId>119101579</tranId>\
         <result>{result}</result><message>{message}</message>\
         <userMessage>{message}</userMessage><additionalInfo/><version>2000</version>\
         <language>Eng</language>{element}</response></ashrait>"
    )
}

/// The answer text in ISO-8859-8: ASCII as is, the Hebrew letters א..ת (U+05D0..U+05EA) as
/// 0xE0..0xFA. Anything else panics (the test text uses nothing else).
pub fn iso_8859_8(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            c if c.is_ascii() => c as u8,
            'א'..='ת' => (0xE0 + (c as u32 - 0x5D0)) as u8,
            other => panic!("`{other}` is not in this test's ISO-8859-8 table"),
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// One valid request per command (values from the vendor doc where it has them).

/// The doc's payment-page `doDeal` (after the spec's fixups).
pub fn do_deal() -> DoDealRequest {
    DoDealRequest::new(DoDealRequired {
        language: Language::Eng,
        terminal_number: TERMINAL.into(),
        total: MinorUnits::new(11400),
        transaction_type: TransactionType::Debit,
        credit_type: CreditType::RegularCredit,
        currency: "ILS".into(),
        transaction_code: TransactionCode::Internet,
        validation: Validation::TxnSetup,
    })
    .card_no(hyp_api::Pan::new("CGMPI"))
    .mid("531")
    .uniqueid("order-2025-0001")
    .mpi_validation(Validation::AutoComm)
    .success_url("https://merchant.example/payment/success")
    .error_url("https://merchant.example/payment/error")
}

/// A J4 charge of a card (the card number is a secret).
pub fn charge() -> DoDealRequest {
    DoDealRequest::new(DoDealRequired {
        language: Language::Eng,
        terminal_number: TERMINAL.into(),
        total: MinorUnits::new(11400),
        transaction_type: TransactionType::Debit,
        credit_type: CreditType::RegularCredit,
        currency: "ILS".into(),
        transaction_code: TransactionCode::Phone,
        validation: Validation::AutoComm,
    })
    .card_no(hyp_api::Pan::new(CARD))
    .card_expiration("0228")
}

pub fn refund_deal() -> RefundDealRequest {
    RefundDealRequest::new(RefundDealRequired {
        language: Language::Eng,
        terminal_number: TERMINAL.into(),
    })
    .tran_id("118664958")
    .total(MinorUnits::new(11400))
}

pub fn cancel_deal() -> CancelDealRequest {
    CancelDealRequest::new(CancelDealRequired {
        language: Language::Eng,
        terminal_number: TERMINAL.into(),
    })
    .tran_id("118374610")
}

pub fn inquire_transactions() -> InquireTransactionsRequest {
    InquireTransactionsRequest::new(InquireTransactionsRequired {
        language: Language::Eng,
        terminal_number: TERMINAL.into(),
    })
    .cg_uid("118664947")
}

pub fn add_cg_invoice() -> AddCgInvoiceRequest {
    AddCgInvoiceRequest::new(AddCgInvoiceRequired {
        language: Language::Heb,
        invoice_atran_id: "119328971".into(),
        invoice: InvoiceData::new()
            .invoice_creation_method(InvoiceCreationMethod::Wait)
            .invoice_subject("חשבונית")
            .invoice_item_price("11400"),
    })
}

pub fn get_session_id() -> GetSessionIdRequest {
    GetSessionIdRequest::new(GetSessionIdRequired {
        language: Language::Eng,
    })
}

pub fn inquire_invoice() -> InquireInvoiceRequest {
    InquireInvoiceRequest::new(InquireInvoiceRequired {
        language: Language::Eng,
        invoice: InvoiceRef::new(InvoiceRefRequired {
            invoice_atran_id: "119328971".into(),
        }),
    })
}

pub fn refund_cg_invoice() -> RefundCgInvoiceRequest {
    RefundCgInvoiceRequest::new(RefundCgInvoiceRequired {
        language: Language::Eng,
        invoice_atran_id: "119443246".into(),
        invoice: InvoiceData::new().create_invoice(CreateInvoice::ReuseOriginal),
    })
}

pub fn transmit_inquire() -> TransmitInquireRequest {
    TransmitInquireRequest::new(TransmitInquireRequired {
        language: Language::Eng,
        terminal_number: TERMINAL.into(),
    })
}

pub fn transmit_terminal() -> TransmitTerminalRequest {
    TransmitTerminalRequest::new(TransmitTerminalRequired {
        language: Language::Eng,
        terminal_number: TERMINAL.into(),
        transmit_type: "manual".into(),
    })
    .response_type("immediate")
}
