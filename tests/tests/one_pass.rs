//! The client's answer path (the one-pass decoders: JSON through serde, XML through quick-xml
//! events, URL-encoded pairs) gives the recorded value for every answer example of every API
//! and for variants of each that a vendor might send and the spec does not (unknown fields,
//! repeated fields, nulls, values of the wrong kind, deep nesting, fields out of order): the
//! same output, or the same typed error with the same path, as in
//! `tests/expected/one_pass_examples.txt` (recorded from the `Node` tree decoder while it
//! existed, which the one-pass decoders then matched on every input; `HYP_BLESS=1` rewrites it).
//! And they are really used: every success example of an endpoint with a one-pass decoder
//! decodes in one pass.

use std::fmt::Debug;

use hyp_api::__private::one_pass::Received;
use hyp_api::wire::{UTF_8, decode_answer_in};
use hyp_api::{Endpoint, creditguard, hyper_erp, mt5_manager, pay};
use hyp_api_tests::expected::Expected;
use hyp_api_tests::vendor;
use hyp_codegen::model::ExampleKind;

struct Tally {
    expected: Expected,
    one_pass: usize,
    /// Success examples (`http_status` 2xx, first outcome) the one-pass decoder did not take.
    missed: Vec<String>,
}

/// The client's answer path on `body`, recorded; `true` when the one-pass decoder took it
/// whole (not only the code, as for an error code whose body does not fit the response).
fn compare<E: Endpoint>(status: u16, body: &str, what: &str, tally: &mut Tally) -> bool
where
    E::Output: Debug,
    E::Code: Debug,
{
    let charset = (UTF_8, None);
    let got = decode_answer_in::<E>(status, body, &[], charset);
    tally
        .expected
        .check(format!("{} {status} / {what}", E::WIRE), format!("{got:?}"));
    let received = Received {
        status,
        text: body,
        charset,
        envelope: E::ENVELOPE,
        xml: E::XML.map(|x| (x, E::WIRE)),
    };
    let used = E::decode_one_pass(&received).is_ok();
    tally.one_pass += usize::from(used);
    used
}

/// The first key of a JSON object's text.
fn first_key(body: &str) -> Option<&str> {
    let rest = body.trim_start().strip_prefix('{')?.trim_start();
    let rest = rest.strip_prefix('"')?;
    rest.split('"').next()
}

/// Variants of one answer a vendor might send, named.
fn variants(body: &str, command: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let t = body.trim();
    if t.starts_with('{') {
        let open = body.find('{').unwrap_or(0) + 1;
        let close = body.rfind('}').unwrap_or(body.len());
        let insert = |s: &str| format!("{}{s}{}", &body[..open], &body[open..]);
        out.push((
            "unknown fields".into(),
            insert(r#""Zz Extra":{"a":[1,{"b":null}],"c":"\u05e9"},"Yy":"x","#),
        ));
        let deep = format!("{}0{}", "[".repeat(70), "]".repeat(70));
        out.push((
            "deep unknown field".into(),
            insert(&format!(r#""Deep":{deep},"#)),
        ));
        if let Some(key) = first_key(body) {
            out.push((
                "repeated field".into(),
                format!("{},\"{key}\":\"again\"{}", &body[..close], &body[close..]),
            ));
            out.push((
                "deep repeated field".into(),
                format!("{},\"{key}\":{deep}{}", &body[..close], &body[close..]),
            ));
            out.push(("null first".into(), insert(&format!("\"{key}\":null,"))));
            out.push((
                "object first".into(),
                insert(&format!("\"{key}\":{{\"x\":1}},")),
            ));
            out.push(("boolean first".into(), insert(&format!("\"{key}\":true,"))));
            out.push(("empty first".into(), insert(&format!("\"{key}\":\"\","))));
        }
    } else if t.starts_with('<') {
        if let Some(at) = body.find("<response>").map(|i| i + "<response>".len()) {
            let insert = |at: usize, s: &str| format!("{}{s}{}", &body[..at], &body[at..]);
            out.push((
                "unknown elements".into(),
                insert(at, "<zz a=\"1\"><b/>t &amp; u</zz><yy code=\"7\">x</yy>"),
            ));
            out.push(("repeated code".into(), insert(at, "<result>999</result>")));
            out.push((
                "message in pieces".into(),
                body.replacen("<message>", "<message> a &lt; b <!-- c --> ", 1),
            ));
            out.push((
                "attribute on code".into(),
                insert(at, "<result x=\"1\">0</result>"),
            ));
            let deep = format!("{}x{}", "<e>".repeat(70), "</e>".repeat(70));
            out.push(("deep unknown element".into(), insert(at, &deep)));
            if let Some(end) = body.find("</response>") {
                out.push((
                    "envelope after command".into(),
                    insert(end, "<tranId>1</tranId>"),
                ));
            }
            let open = format!("<{command}>");
            if let Some(c) = body.find(&open).map(|i| i + open.len()) {
                out.push((
                    "inside command".into(),
                    insert(c, "<zz/><yy>1</yy><zz>2</zz>"),
                ));
                out.push((
                    "text in pieces".into(),
                    insert(c, "<zz> t &amp; u <!-- c --> v<![CDATA[ <w> ]]> </zz>"),
                ));
                out.push((
                    "command twice".into(),
                    insert(at, &format!("{open}<q>1</q></{command}>")),
                ));
            }
        }
    } else if t.contains('=') && !t.starts_with('[') {
        out.push(("unknown pair".into(), format!("Zz=%D7%A9+x&{t}")));
        out.push(("repeated code".into(), format!("{t}&CCode=5")));
        out.push(("blank code first".into(), format!("CCode=&{t}")));
        out.push(("bad amount first".into(), format!("Amount=abc&{t}")));
        out.push(("bare key".into(), format!("{t}&Lonely")));
    }
    out
}

fn sweep<E: Endpoint>(api: &hyp_codegen::model::Api, tally: &mut Tally)
where
    E::Output: Debug,
    E::Code: Debug,
{
    let e = vendor::endpoint(api, E::WIRE);
    for x in e
        .examples
        .iter()
        .filter(|x| x.kind == ExampleKind::Response)
    {
        let status = x.http_status.unwrap_or(200);
        let body = x.fixed_body();
        let used = compare::<E>(status, &body, &x.name, tally);
        let first = e.outcomes.first().map(|o| o.variant.as_str());
        if !used && (200..300).contains(&status) && x.expect.as_deref() == first {
            tally.missed.push(format!("{} / {}", E::WIRE, x.name));
        }
        for (what, variant) in variants(&body, E::WIRE) {
            compare::<E>(status, &variant, &format!("{} ({what})", x.name), tally);
        }
    }
}

macro_rules! sweep_all {
    ($api:expr, $tally:expr, $($e:ty),* $(,)?) => {{
        let api = $api;
        let mut wires: Vec<&str> = api.endpoints.iter().map(|e| e.wire.as_str()).collect();
        $(
            wires.retain(|w| *w != <$e as Endpoint>::WIRE);
            sweep::<$e>(api, $tally);
        )*
        assert!(wires.is_empty(), "endpoints not in this test: {wires:?}");
    }};
}

fn api(name: &str) -> hyp_codegen::model::Api {
    hyp_codegen::load_one(&vendor::spec_root().join(name)).expect("spec loads")
}

#[test]
fn every_example_and_its_variants_decode_to_the_recorded_values() {
    let mut tally = Tally {
        expected: Expected::open("one_pass_examples"),
        one_pass: 0,
        missed: Vec::new(),
    };
    {
        use hyper_erp::*;
        sweep_all!(
            &api("hyper-erp"),
            &mut tally,
            ChargeCard,
            CreateBalanceOrder,
            CreateRefund,
            CreateTpAccount,
            DepositFiat,
            QueryRefundQueue,
            UpdateRefundQueue,
            WithdrawFiat,
        );
    }
    {
        use mt5_manager::*;
        sweep_all!(
            &api("mt5-manager"),
            &mut tally,
            CreateAccount,
            Credit,
            DailyReport,
            Deposit,
            ExposureReport,
            GetAccount,
            GroupReport,
            RotatePassword,
            SymbolReport,
            TransactionHistory,
            UpdateAccount,
            Withdraw,
        );
    }
    {
        use creditguard::*;
        sweep_all!(
            &api("creditguard"),
            &mut tally,
            AddCgInvoice,
            CancelDeal,
            DoDeal,
            GetSessionId,
            InquireInvoice,
            InquireTransactions,
            RefundCgInvoice,
            RefundDeal,
            TransmitInquire,
            TransmitTerminal,
        );
    }
    {
        use pay::*;
        sweep_all!(
            &api("pay"),
            &mut tally,
            CancelTransaction,
            Capture,
            ChargeToken,
            CommitTransaction,
            CreateMultiCheckInvoice,
            CreateOfflineInvoice,
            CreatePaymentLink,
            DeletePaymentLink,
            GetToken,
            ListPaymentLinks,
            Payout,
            Refund,
            SetRecurringStatus,
            SignInvoiceLink,
            SignPaymentPage,
            VerifyTransaction,
        );
    }
    println!(
        "compared {}, in one pass {}",
        tally.expected.len(),
        tally.one_pass
    );
    assert!(tally.expected.len() > 300, "{}", tally.expected.len());
    assert!(tally.one_pass > 100, "{}", tally.one_pass);
    assert!(
        tally.missed.is_empty(),
        "success examples not decoded in one pass: {:?}",
        tally.missed
    );
    tally.expected.finish();
}

/// An end tag that does not match its start tag is not well-formed XML: a `Decode` error,
/// wherever it is (a leaf inside a list item, an object, the command element,
/// the envelope), never a value read past it.
#[test]
fn a_mismatched_end_tag_is_a_decode_error() {
    use creditguard::InquireTransactions;
    let api = api("creditguard");
    let e = vendor::endpoint(&api, InquireTransactions::WIRE);
    let x = e
        .examples
        .iter()
        .find(|x| x.name == "response-three-transactions")
        .expect("the example");
    let body = x.fixed_body();
    let charset = (UTF_8, None);
    assert!(decode_answer_in::<InquireTransactions>(200, &body, &[], charset).is_ok());
    for (end, wrong) in [
        ("</status>", "</statuz>"),
        ("</cgUid>", "</cgUid2>"),
        ("</acquirerData>", "</acquirerDatb>"),
        ("</ashraitEmvData>", "</transaction>"),
        ("</transaction>", "</transactions>"),
        ("</inquireTransactions>", "</response>"),
        ("</message>", "</messag>"),
        ("</response>", "</ashrait>"),
    ] {
        assert!(body.contains(end), "{end} is in the example");
        let broken = body.replacen(end, wrong, 1);
        let got = match decode_answer_in::<InquireTransactions>(200, &broken, &[], charset) {
            Ok(_) => "a value".to_string(),
            Err(hyp_api::Error::Decode { .. }) => continue,
            Err(e) => format!("{e:?}"),
        };
        panic!("{end} as {wrong} gave {got}, not a Decode error");
    }
}
