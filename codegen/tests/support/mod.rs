//! The diagnostics tests' fixture: a small valid spec folder written to a fresh temp dir,
//! edits of it, and assertions on the diagnostics it gives.

use std::path::{Path, PathBuf};

use hyp_codegen::{Diagnostic, Diagnostics};

// ---------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------

/// A fresh spec root under the system temp dir, holding one API folder (`acme`). Removed on drop.
pub struct Fixture {
    pub root: PathBuf,
    pub dir: PathBuf,
}

impl Fixture {
    /// An empty API folder, unique to this test and process.
    pub fn empty(test: &str) -> Fixture {
        let root = std::env::temp_dir().join(format!(
            "hyp-codegen-diagnostics-{test}-{}",
            std::process::id()
        ));
        if root.exists() {
            std::fs::remove_dir_all(&root).expect("remove a stale fixture dir");
        }
        let dir = root.join("acme");
        std::fs::create_dir_all(&dir).expect("create the fixture dir");
        Fixture { root, dir }
    }

    /// An API folder holding the valid `service.yaml` and `enums.yaml`; the test adds the rest.
    pub fn new(test: &str) -> Fixture {
        let f = Fixture::empty(test);
        f.write("service.yaml", SERVICE);
        f.write("enums.yaml", ENUMS);
        f
    }

    /// Writes `name` into the API folder and returns its path.
    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.dir.join(name);
        std::fs::write(&path, text).expect("write a fixture file");
        path
    }

    /// `load_one` on the folder, which must fail; returns the diagnostics.
    pub fn load_err(&self) -> Diagnostics {
        match hyp_codegen::load_one(&self.dir) {
            Ok(api) => panic!(
                "expected diagnostics, but the spec in {} loaded (api `{}`)",
                self.dir.display(),
                api.name
            ),
            Err(d) => {
                assert!(!d.is_empty(), "Err with no diagnostics");
                d
            }
        }
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

/// A minimal valid `service:` (the shape of spec/hyper-erp/service.yaml, trimmed) and code table.
pub const SERVICE: &str = r#"service:
  name: acme
  module: acme
  feature: acme
  title: Acme test API
  doc: A tiny API for the diagnostics tests.
  source: "test"
  transport:
    kind: json_post
    path: "{wire}"
    doc: JSON POST to the function name.
    source: "test"
  base_url:
    default: null
    doc: No default host.
    source: "test"
  auth:
    kind: bearer
    doc: Bearer token on every request.
    source: "test"
  envelope:
    code: Code
    code_lenient: true
    message: Message
    doc: Every answer carries Code and Message.
    source: "test"
  formats:
    date: "%Y-%m-%d"
    datetime: "%Y-%m-%d %H:%M:%S"
  timeouts:
    default_secs: 30
    margin_secs: 5
    doc: 30 s unless stated.
codes:
  type: ResultCode
  doc: The service-wide result codes.
  values:
    - code: 0
      name: Success
      doc: Success.
      source: "test"
      http_status: 200
    - code: 14
      name: BadInput
      doc: Bad or missing input data.
      source: "test"
      http_status: 400
"#;

pub const ENUMS: &str = r#"enums:
  Currency:
    repr: string
    doc: Transaction currency.
    source: "test"
    values:
      - wire: ILS
        name: Ils
        doc: Shekel.
      - wire: USD
        name: Usd
        doc: Dollar.
"#;

/// A valid endpoint using every construct the mistakes below break.
pub const ENDPOINT: &str = r#"endpoints:
  Make_Payment_Json:
    rust: make_payment
    doc: Makes a payment.
    source: "test"
    moves_money: true
    idempotency_key: Ticket_ID
    request:
      doc: The payment.
      fields:
        - wire: Ticket_ID
          type: string
          doc: Resend key.
          source: "test"
          constraints:
            max_len: 20
        - wire: Amount
          type: money
          required: true
          doc: Amount in major units.
          source: "test"
          constraints:
            gt: "0"
            max_decimal_places: 2
            le: "1000000"
        - wire: Currency
          type: Currency
          required: true
          doc: Currency of the amount.
          source: "test"
        - wire: PaidOn
          type: date
          doc: Day paid.
          source: "test"
          constraints:
            within_past_days: 30
        - wire: CreatedAt
          type: datetime
          doc: When the payment was made.
          source: "test"
          constraints:
            not_future: true
    response:
      fields:
        - wire: PaymentId
          type: int
          doc: The new payment's id.
          source: "test"
    outcomes:
      - codes: [0]
        variant: Paid
        doc: The payment was made.
        source: "test"
    examples:
      - name: response-paid
        kind: response
        http_status: 200
        expect: Paid
        body: |
          {"Code": 0, "Message": "OK", "PaymentId": 7,}
        source: "test"
        fixups:
          - name: trailing-comma
            reason: The vendor's example has a trailing comma.
            find: "7,}"
            replace: "7}"
"#;

/// `ENDPOINT` with `old` (which must occur exactly once) replaced by `new`.
pub fn endpoint_with(old: &str, new: &str) -> String {
    edit(ENDPOINT, old, new)
}

pub fn edit(text: &str, old: &str, new: &str) -> String {
    assert_eq!(
        text.matches(old).count(),
        1,
        "fixture edit: `{old}` must occur exactly once"
    );
    text.replacen(old, new, 1)
}

/// 1-based (line, column) of the `nth` (0-based) occurrence of `needle` in `text`.
pub fn pos_of(text: &str, needle: &str, nth: usize) -> (usize, usize) {
    let (at, _) = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("fixture has no occurrence #{nth} of `{needle}`"));
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}

// ---------------------------------------------------------------------------------------------
// Assertions
// ---------------------------------------------------------------------------------------------

pub fn show(diags: &Diagnostics) -> String {
    diags.to_string()
}

/// The one diagnostic whose message contains `needle`.
pub fn the<'a>(diags: &'a Diagnostics, needle: &str) -> &'a Diagnostic {
    let hits: Vec<&Diagnostic> = diags
        .0
        .iter()
        .filter(|d| d.message.contains(needle))
        .collect();
    assert_eq!(
        hits.len(),
        1,
        "expected exactly one diagnostic mentioning `{needle}`, got:\n{}",
        show(diags)
    );
    hits[0]
}

/// `d` points at `file`, at `(line, column)`, has a help text containing `help_needle`, and its
/// rendering starts with `file:line:column: error:`.
pub fn assert_diag(d: &Diagnostic, file: &Path, at: (usize, usize), help_needle: &str) {
    assert_eq!(d.file, file, "wrong file in\n{d}");
    assert_eq!((d.line, d.column), at, "wrong place (line, column) in\n{d}");
    assert!(!d.help.trim().is_empty(), "empty help in\n{d}");
    assert!(
        d.help.contains(help_needle),
        "help does not say `{help_needle}` in\n{d}"
    );
    let rendered = d.to_string();
    let head = format!("{}:{}:{}: error: ", file.display(), at.0, at.1);
    assert!(
        rendered.starts_with(&head),
        "rendering does not start with `{head}`:\n{rendered}"
    );
    assert!(
        rendered.contains("help: "),
        "rendering lacks help:\n{rendered}"
    );
}
