//! The `sandbox:` section: checked, lowered to a plan, and every name that does not resolve
//! reported.

use crate::support::*;

/// A valid `sandbox:` for the fixture's one endpoint.
const SANDBOX: &str = r#"sandbox:
  doc: How the sandbox plays acme.
  source: "test"
  invalid_request:
    code: 14
    source: "test"
  fresh_ids:
    - endpoint: Make_Payment_Json
      fields: [PaymentId]
  replays:
    - doc: A resent ticket answers the first answer.
      source: "test"
      endpoints: [Make_Payment_Json]
      key: [Ticket_ID]
      code: 0
"#;

#[test]
fn sandbox_section_is_checked_and_lowered_to_a_plan() {
    let f = Fixture::new("sandbox-valid");
    f.write("endpoint-make-payment.yaml", ENDPOINT);
    f.write("sandbox.yaml", SANDBOX);
    let api = hyp_codegen::load_one(&f.dir).unwrap_or_else(|d| panic!("{d}"));
    let sandbox = api.sandbox.as_ref().expect("the sandbox section is kept");
    assert_eq!(sandbox.replays[0].key, ["Ticket_ID"]);
    let files = hyp_codegen::generate_sandbox(&f.root).unwrap_or_else(|d| panic!("{d}"));
    let plan = files
        .iter()
        .find(|g| g.path.ends_with("acme.json"))
        .expect("a plan per API");
    let plan: hyp_codegen::sandbox::plan::Plan =
        serde_json::from_str(&plan.contents).expect("the plan reads back");
    assert_eq!(plan.sandbox, *sandbox);
    assert_eq!(plan.endpoints[0].path, "/Make_Payment_Json");
    let module = files
        .iter()
        .find(|g| g.path.ends_with("acme.rs"))
        .expect("a module per API");
    assert!(
        module.contents.contains("hyp_api::acme::MakePayment"),
        "{}",
        module.contents
    );
}

#[test]
fn sandbox_names_that_do_not_resolve() {
    // (what to break, what it becomes, a word of the message, a word of the help).
    for (bad, good, needle, help) in [
        (
            "[Make_Payment_Json]",
            "[Make_Paymnt_Json]",
            "Make_Paymnt_Json",
            "endpoint key",
        ),
        (
            "key: [Ticket_ID]",
            "key: [Ticket]",
            "`Ticket`",
            "request field",
        ),
        (
            "fields: [PaymentId]",
            "fields: [PaymentNo]",
            "PaymentNo",
            "response field",
        ),
        ("code: 14", "code: 77", "code 77", "documented"),
    ] {
        let f = Fixture::new("sandbox-bad");
        f.write("endpoint-make-payment.yaml", ENDPOINT);
        let text = edit(SANDBOX, bad, good);
        let file = f.write("sandbox.yaml", &text);
        let diags = f.load_err();
        let d = the(&diags, needle);
        assert_eq!(d.file, file, "{d}");
        assert_eq!(d.line, pos_of(&text, good, 0).0, "{d}");
        assert!(d.help.contains(help), "{d}");
    }
}

/// The object the shaping part's `results` builds from.
const PAYMENT_OBJECT: &str = "objects:\n  Payment:\n    doc: d\n    source: s\n    fields:\n      - { wire: PaymentId, type: string, doc: d, source: s }\n";

/// A valid answer-shaping part of a `sandbox:` (envelope, results) for the fixture's endpoint.
const SHAPING: &str = r#"  envelope:
    doc: The envelope in the vendor's order.
    source: "test"
    order: [ResponseCode, PaymentId]
    texts:
      - code: 14
        source: "test"
        fields: { Message: Invalid }
    errors_keep_command: [Make_Payment_Json]
  results:
    - doc: The payment's block.
      source: "test"
      endpoints: [Make_Payment_Json]
      object: Payment
      error_shape: { endpoint: Make_Payment_Json, example: response-paid }
      status: ResponseCode
      status_text: Message
"#;

#[test]
fn sandbox_shaping_names_that_do_not_resolve() {
    let f = Fixture::new("sandbox-shaping-valid");
    f.write("endpoint-make-payment.yaml", ENDPOINT);
    f.write("objects.yaml", PAYMENT_OBJECT);
    f.write("sandbox.yaml", &format!("{SANDBOX}{SHAPING}"));
    let api = hyp_codegen::load_one(&f.dir).unwrap_or_else(|d| panic!("{d}"));
    let sandbox = api.sandbox.expect("the sandbox section is kept");
    assert_eq!(sandbox.results[0].object, "Payment");
    // (what to break, what it becomes, a word of the message, a word of the help).
    for (bad, good, needle, help) in [
        (
            "errors_keep_command: [Make_Payment_Json]",
            "errors_keep_command: [Make_Paymnt_Json]",
            "Make_Paymnt_Json",
            "endpoint key",
        ),
        ("- code: 14", "- code: 77", "code 77", "documented"),
        (
            "object: Payment",
            "object: Paymnt",
            "`Paymnt`",
            "object name",
        ),
        (
            "example: response-paid",
            "example: response-pad",
            "response-pad",
            "examples",
        ),
    ] {
        let f = Fixture::new("sandbox-shaping-bad");
        f.write("endpoint-make-payment.yaml", ENDPOINT);
        f.write("objects.yaml", PAYMENT_OBJECT);
        let text = format!("{SANDBOX}{}", edit(SHAPING, bad, good));
        let file = f.write("sandbox.yaml", &text);
        let diags = f.load_err();
        let d = the(&diags, needle);
        assert_eq!(d.file, file, "{d}");
        assert_eq!(d.line, pos_of(&text, good, 0).0, "{d}");
        assert!(d.help.contains(help), "{d}");
    }
}

/// A payment page whose paid payment is a deal and moves a record, and a lookup by another
/// id, for the fixture's endpoint.
const PAGES: &str = r#"  records:
    - name: payment
      doc: A payment.
      source: "test"
      created_by: Make_Payment_Json
      id: PaymentId
      initial: open
      statuses: [open, paid]
      refusals: []
      not_found: { code: 14, source: "test" }
  journal:
    doc: Every payment is a row.
    source: "test"
    recorded_by: [Make_Payment_Json]
    row_example: { endpoint: Make_Payment_Json, example: response-paid }
    clock: { field: PaidOn, format: "%Y-%m-%d" }
    original: { request: Ticket_ID, row: PaymentId }
    listed_by:
      endpoint: Make_Payment_Json
      list: Rows
      item: Row
      totals: Totals
      counts: [Total]
      filters: []
  lookups:
    - doc: A payment found by its ticket.
      source: "test"
      endpoint: Make_Payment_Json
      field: Ticket_ID
      by: Currency
      record: payment
  pages:
    - name: page
      doc: The payment page.
      source: "test"
      issued_by: Make_Payment_Json
      path: /page
      id: id
      fresh_id: true
      success_url: { default: "http://127.0.0.1/ok" }
      failure_url: { default: "http://127.0.0.1/failed" }
      approved: 0
      declined: { code: 14, source: "test" }
      redirect:
        - { name: Paid, from: deal, fields: [PaymentId] }
        - { name: Was, from: issued, fields: [PaymentId] }
      deal:
        endpoint: Make_Payment_Json
        doc: The payment the page makes.
        source: "test"
        set:
          - { field: Amount, from: request, fields: [Amount] }
        stamp:
          - { field: PaymentId, from: page_id }
      paid_record: { record: payment, status: paid, source: "test" }
"#;

#[test]
fn sandbox_page_deals_and_lookups_that_do_not_resolve() {
    let f = Fixture::new("sandbox-pages-valid");
    f.write("endpoint-make-payment.yaml", ENDPOINT);
    f.write("objects.yaml", PAYMENT_OBJECT);
    f.write("sandbox.yaml", &format!("{SANDBOX}{PAGES}"));
    let api = hyp_codegen::load_one(&f.dir).unwrap_or_else(|d| panic!("{d}"));
    let sandbox = api.sandbox.expect("the sandbox section is kept");
    assert_eq!(
        sandbox.pages[0].deal.as_ref().unwrap().set[0].field,
        "Amount"
    );
    assert_eq!(sandbox.lookups[0].by, "Currency");
    // (what to break, what it becomes, a word of the message, a word of the help).
    for (bad, good, needle, help) in [
        (
            "endpoint: Make_Payment_Json\n        doc",
            "endpoint: Make_Paymnt_Json\n        doc",
            "Make_Paymnt_Json",
            "endpoint key",
        ),
        (
            "{ field: Amount, from",
            "{ field: Amont, from",
            "`Amont`",
            "request field",
        ),
        (
            "from: deal, fields: [PaymentId]",
            "from: deal, fields: [PaymentNo]",
            "PaymentNo",
            "response field",
        ),
        (
            "{ field: PaymentId, from: page_id }",
            "{ field: PaymentNo, from: page_id }",
            "PaymentNo",
            "journal",
        ),
        (
            "{ record: payment, status: paid",
            "{ record: payment, status: settled",
            "settled",
            "statuses",
        ),
        ("by: Currency", "by: Currncy", "Currncy", "request field"),
        (
            "record: payment\n  pages",
            "record: paymnt\n  pages",
            "paymnt",
            "records",
        ),
    ] {
        let f = Fixture::new("sandbox-pages-bad");
        f.write("endpoint-make-payment.yaml", ENDPOINT);
        f.write("objects.yaml", PAYMENT_OBJECT);
        let text = format!("{SANDBOX}{}", edit(PAGES, bad, good));
        let file = f.write("sandbox.yaml", &text);
        let diags = f.load_err();
        let d = the(&diags, needle);
        assert_eq!(d.file, file, "{d}");
        let first = good.lines().next().unwrap_or(good);
        assert_eq!(d.line, pos_of(&text, first, 0).0, "{d}");
        assert!(d.help.contains(help), "{d}");
    }
}
