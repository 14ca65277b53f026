//! The spec diff's rules: one fixture per rule (a small base spec, an edit of it, and the exact
//! kinds and severities expected), a check that every `ChangeKind` is classified and has a
//! fixture, the false-positive guards (moves between files, reordered keys, comments,
//! reformatting: no change), fingerprint stability, the version bump rule, and the JSON output
//! against its schema.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use hyp_codegen::diff::kind::{ALL, ChangeKind as K, Constraint as C, Side};
use hyp_codegen::diff::rules::{self, RULES, Severity};
use hyp_codegen::diff::semver::{Bump, suggest};
use hyp_codegen::diff::{self, Change, Report};
use hyp_codegen::model::Api;

use Severity::{Breaking as B, Info as I, Warning as W};
use Side::{Request as Req, Response as Resp};

// ---------------------------------------------------------------------------------------------
// The base spec: one API folder, `demo`, four files
// ---------------------------------------------------------------------------------------------

const SERVICE: &str = r#"service:
  name: demo
  module: demo
  feature: demo
  title: Demo API
  doc: A small API for the diff fixtures.
  source: s
  transport:
    kind: json_post
    path: "{wire}"
    doc: d
    source: s
  base_url:
    default: null
    doc: d
    source: s
  auth:
    kind: bearer
    doc: d
    source: s
  envelope:
    code: ResponseCode
    message: ResponseMsg
    doc: d
    source: s
  timeouts:
    default_secs: 30
    margin_secs: 5
    doc: d
"#;

const CODES: &str = r#"codes:
  type: ResultCode
  doc: d
  values:
    - code: 0
      name: Success
      doc: Success.
      source: s
      http_status: 200
    - code: 4
      name: DatabaseError
      doc: Database error.
      source: s
      http_status: 500
      retryable: true
    - code: 30
      name: Duplicate
      doc: Already processed.
      source: s
      http_status: 200
"#;

const TYPES: &str = r#"enums:
  Method:
    repr: int
    doc: How the client pays.
    source: s
    values:
      - wire: 1
        name: Card
        doc: Card.
        source: s
      - wire: 2
        name: Bank
        doc: Bank transfer.
        source: s
  Status:
    repr: string
    doc: The state of a row.
    source: s
    values:
      - wire: open
        name: Open
        doc: Open.
      - wire: done
        name: Done
        doc: Done.
        also: ["DONE"]
objects:
  Item:
    doc: A line we send.
    source: s
    fields:
      - wire: Sku
        type: string
        required: true
        doc: d
        source: s
      - wire: Qty
        type: int
        doc: d
        source: s
  Row:
    doc: A row we receive.
    source: s
    fields:
      - wire: Id
        type: int
        required: true
        doc: d
        source: s
      - wire: State
        type: Status
        doc: d
        source: s
"#;

const ENDPOINTS: &str = r#"endpoints:
  Pay_Json:
    rust: pay
    doc: Pay.
    source: s
    moves_money: true
    idempotency_key: Ticket
    request:
      fields:
        - wire: Client
          type: int
          required: true
          doc: d
          source: s
        - wire: Ticket
          type: string
          required: true
          doc: d
          source: s
        - wire: Password
          type: secret
          required: true
          doc: d
          source: s
        - wire: Method
          type: Method
          required: true
          doc: d
          source: s
        - wire: ReqMoney
          type: money
          doc: d
          source: s
          constraints: { le: "1000000" }
        - wire: ReqText
          type: string
          doc: d
          source: s
        - wire: ReqList
          type: list<Item>
          doc: d
          source: s
        - wire: ReqDay
          type: date
          doc: d
          source: s
        - wire: ReqFlag
          type: bool
          doc: d
          source: s
        - wire: Note
          type: string
          doc: d
          source: s
    response:
      fields:
        - wire: Receipt
          type: int
          required: true
          doc: d
          source: s
        - wire: RespMoney
          type: money
          doc: d
          source: s
        - wire: RespText
          type: string
          doc: d
          source: s
        - wire: RespList
          type: list<Row>
          doc: d
          source: s
        - wire: RespDay
          type: date
          doc: d
          source: s
        - wire: RespFlag
          type: bool
          doc: d
          source: s
        - wire: Comment
          type: string
          doc: d
          source: s
    outcomes:
      - codes: [0]
        variant: Created
        doc: d
        source: s
      - codes: [30]
        variant: Duplicate
        doc: d
        source: s
    codes:
      - code: 10
        name: BadCredentials
        doc: d
        source: s
        http_status: 401
    examples:
      - name: request
        kind: request
        body: '{"Client": 1}'
        source: s
  Read_Json:
    rust: read
    doc: Read.
    source: s
    read_only: true
    server_wait_secs: 10
    request:
      fields: []
    response:
      doc: d
    outcomes:
      - codes: [0]
        variant: Done
        doc: d
        source: s
quirks:
  - id: q1
    what: w
    decision: d
    applies_to: ["endpoints.Pay_Json"]
    source: s
"#;

/// A spec folder's files by name.
#[derive(Clone)]
struct Spec(BTreeMap<String, String>);

fn base() -> Spec {
    Spec(BTreeMap::from([
        ("service.yaml".into(), SERVICE.into()),
        ("codes.yaml".into(), CODES.into()),
        ("types.yaml".into(), TYPES.into()),
        ("endpoints.yaml".into(), ENDPOINTS.into()),
    ]))
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

impl Spec {
    fn text(&mut self, file: &str) -> &mut String {
        self.0
            .get_mut(file)
            .unwrap_or_else(|| panic!("no {file} in the fixture"))
    }

    /// Replaces the one occurrence of `from` in `file`.
    fn replace(mut self, file: &str, from: &str, to: &str) -> Spec {
        let t = self.text(file);
        assert_eq!(
            t.matches(from).count(),
            1,
            "`{from}` must occur once in {file}"
        );
        *t = t.replacen(from, to, 1);
        self
    }

    /// Appends `text` to `file` (a new file when missing).
    fn append(mut self, file: &str, text: &str) -> Spec {
        self.0.entry(file.into()).or_default().push_str(text);
        self
    }

    /// Edits the YAML item whose first line, trimmed, is `anchor` (`- wire: Note`,
    /// `Read_Json:`): `edit` gets its key lines (one indent deeper than the anchor).
    fn item(mut self, file: &str, anchor: &str, edit: impl FnOnce(&mut Item)) -> Spec {
        let t = self.text(file);
        let lines: Vec<String> = t.lines().map(str::to_string).collect();
        let at: Vec<usize> = (0..lines.len())
            .filter(|i| lines[*i].trim() == anchor)
            .collect();
        assert_eq!(at.len(), 1, "`{anchor}` must occur once in {file}");
        let start = at[0];
        let base = indent(&lines[start]);
        let end = (start + 1..lines.len())
            .find(|i| !lines[*i].trim().is_empty() && indent(&lines[*i]) <= base)
            .unwrap_or(lines.len());
        let mut item = Item {
            key_indent: base + 2,
            lines: lines[start..end].to_vec(),
        };
        edit(&mut item);
        let mut out: Vec<String> = lines[..start].to_vec();
        out.extend(item.lines);
        out.extend(lines[end..].iter().cloned());
        *t = out.join("\n") + "\n";
        self
    }

    /// Edits field `wire` of `file`.
    fn field(self, file: &str, wire: &str, edit: impl FnOnce(&mut Item)) -> Spec {
        self.item(file, &format!("- wire: {wire}"), edit)
    }

    /// Writes the folder under a fresh temp dir, loads it, and removes the dir (the model keeps
    /// the paths, not the files).
    fn load(&self) -> Api {
        let dir = self.write();
        let api = hyp_codegen::load_one(&dir);
        if let Some(root) = dir.parent() {
            let _ = std::fs::remove_dir_all(root);
        }
        api.unwrap_or_else(|d| panic!("fixture spec does not load:\n{d}\n{:#?}", self.0))
    }

    fn write(&self) -> PathBuf {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join(format!(
                "diff-rules-{}-{}",
                std::process::id(),
                N.fetch_add(1, Ordering::SeqCst)
            ))
            .join("demo");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create fixture dir");
        for (name, text) in &self.0 {
            std::fs::write(dir.join(name), text).expect("write fixture file");
        }
        dir
    }
}

/// The lines of one YAML item.
struct Item {
    key_indent: usize,
    lines: Vec<String>,
}

impl Item {
    fn key_line(&self, key: &str) -> Option<usize> {
        self.lines.iter().position(|l| {
            indent(l) == self.key_indent && l.trim_start().starts_with(&format!("{key}:"))
        })
    }

    /// Sets a one-line `key: value` (replacing it, or adding it after the first line).
    fn set(&mut self, key: &str, value: &str) {
        let line = format!("{}{key}: {value}", " ".repeat(self.key_indent));
        match self.key_line(key) {
            Some(i) => self.lines[i] = line,
            None => self.lines.insert(1, line),
        }
    }

    /// Removes a one-line key.
    fn remove(&mut self, key: &str) {
        let i = self
            .key_line(key)
            .unwrap_or_else(|| panic!("no `{key}` in {:#?}", self.lines));
        self.lines.remove(i);
    }
}

// ---------------------------------------------------------------------------------------------
// Running a fixture
// ---------------------------------------------------------------------------------------------

fn changes(base: &Spec, new: &Spec) -> Vec<Change> {
    diff::diff(&[base.load()], &[new.load()])
}

fn sorted(mut v: Vec<(K, Severity)>) -> Vec<(String, Severity)> {
    let mut out: Vec<(String, Severity)> = v.drain(..).map(|(k, s)| (k.id(), s)).collect();
    out.sort();
    out
}

/// One rule's fixture: a name, the two specs, the exact (kind, severity) list expected.
struct Fx {
    name: String,
    base: Spec,
    new: Spec,
    expect: Vec<(K, Severity)>,
}

fn fx(name: &str, base: Spec, new: Spec, expect: &[(K, Severity)]) -> Fx {
    Fx {
        name: name.into(),
        base,
        new,
        expect: expect.to_vec(),
    }
}

/// The same edit undone: `new` → `base`.
fn undo(name: &str, f: &Fx, expect: &[(K, Severity)]) -> Fx {
    fx(name, f.new.clone(), f.base.clone(), expect)
}

/// Runs `f`, checks the exact kinds and severities, returns the changes.
fn run(f: &Fx) -> Vec<Change> {
    let got = changes(&f.base, &f.new);
    let got_pairs = sorted(got.iter().map(|c| (c.kind, c.severity)).collect());
    assert_eq!(
        got_pairs,
        sorted(f.expect.clone()),
        "fixture `{}`: got {:#?}",
        f.name,
        got.iter()
            .map(|c| format!("{} {}: {}", c.kind.id(), c.subject, c.summary))
            .collect::<Vec<_>>()
    );
    got
}

// ---------------------------------------------------------------------------------------------
// The fixtures: one or more per rule
// ---------------------------------------------------------------------------------------------

const PING: &str = r#"  Ping_Json:
    rust: ping
    doc: Ping.
    source: s
    read_only: true
    request:
      fields: []
    response:
      doc: d
    outcomes:
      - codes: [0]
        variant: Pong
        doc: d
        source: s
"#;

fn service_fixtures() -> Vec<Fx> {
    let s = "service.yaml";
    let kept = fx(
        "unknown fields now kept",
        base(),
        base().item(s, "service:", |i| i.set("keep_unknown_fields", "true")),
        &[(K::UnknownFieldsNowKept, I)],
    );
    vec![
        fx(
            "transport kind",
            base(),
            base().replace(s, "kind: json_post", "kind: rest_json"),
            &[(K::TransportChanged, B)],
        ),
        fx(
            "auth kind",
            base(),
            base().replace(s, "kind: bearer", "kind: in_request"),
            &[(K::AuthChanged, B)],
        ),
        fx(
            "default base URL",
            base(),
            base().replace(s, "default: null", "default: \"https://demo.example\""),
            &[(K::BaseUrlChanged, W)],
        ),
        fx(
            "envelope message wire name",
            base(),
            base().replace(s, "message: ResponseMsg", "message: Message"),
            &[(K::EnvelopeChanged, B)],
        ),
        undo(
            "unknown fields no longer kept",
            &kept,
            &[(K::UnknownFieldsNoLongerKept, B)],
        ),
        kept,
        fx(
            "service default timeout (service and the endpoint using it)",
            base(),
            base().replace(s, "default_secs: 30", "default_secs: 40"),
            &[(K::TimeoutChanged, W), (K::TimeoutChanged, W)],
        ),
        fx(
            "module renamed",
            base(),
            base().replace(s, "module: demo", "module: demo_api"),
            &[(K::RustNameChanged, B)],
        ),
        fx(
            "service title",
            base(),
            base().replace(s, "title: Demo API", "title: The Demo API"),
            &[(K::DocChanged, I)],
        ),
    ]
}

fn endpoint_fixtures() -> Vec<Fx> {
    let e = "endpoints.yaml";
    let added = fx(
        "endpoint added",
        base(),
        base().replace(e, "quirks:\n", &format!("{PING}quirks:\n")),
        &[(K::EndpointAdded, I)],
    );
    let outcome = fx(
        "outcome added",
        base(),
        base().replace(
            e,
            "        variant: Done\n        doc: d\n        source: s\n",
            "        variant: Done\n        doc: d\n        source: s\n      - codes: [30]\n        variant: Again\n        doc: d\n        source: s\n",
        ),
        &[(K::OutcomeAdded, B)],
    );
    let requires = fx(
        "outcome requires a field",
        base(),
        base().replace(
            e,
            "        variant: Created\n        doc: d\n        source: s\n",
            "        variant: Created\n        doc: d\n        source: s\n        requires:\n          - { wire: RespText, source: s }\n",
        ),
        &[(K::OutcomeRequiresAdded, W)],
    );
    let alias = fx(
        "field alias added",
        base(),
        base().replace(
            e,
            "        - wire: Comment\n          type: string\n",
            "        - wire: Comment\n          type: string\n          aliases: [\"Comment Text\"]\n",
        ),
        &[(K::FieldAliasAdded, I)],
    );
    vec![
        undo("field alias removed", &alias, &[(K::FieldAliasRemoved, W)]),
        alias,
        undo("outcome no longer requires a field", &requires, &[(K::OutcomeRequiresRemoved, I)]),
        requires,
        undo("endpoint removed", &added, &[(K::EndpointRemoved, B)]),
        added,
        fx(
            "route",
            base(),
            base().item(e, "Read_Json:", |i| {
                i.set("http", "{ method: PUT, path: \"reads\" }")
            }),
            &[(K::RouteChanged, W)],
        ),
        fx(
            "server wait",
            base(),
            base().replace(e, "server_wait_secs: 10", "server_wait_secs: 20"),
            &[(K::TimeoutChanged, W)],
        ),
        fx(
            "idempotency key dropped",
            base(),
            base().replace(e, "    idempotency_key: Ticket\n", ""),
            &[(K::IdempotencyKeyChanged, W)],
        ),
        fx(
            "idempotency key generated",
            base(),
            base().item(e, "Pay_Json:", |i| i.set("generate_idempotency_key", "true")),
            &[(K::IdempotencyKeyChanged, W)],
        ),
        fx(
            "read only",
            base(),
            base().replace(e, "    read_only: true\n", ""),
            &[(K::ReadOnlyChanged, W)],
        ),
        fx(
            "moves money",
            base(),
            base().replace(e, "moves_money: true", "moves_money: false"),
            &[(K::MovesMoneyChanged, W)],
        ),
        fx(
            "raw response",
            base(),
            base().replace(e, "    response:\n      doc: d\n", "    response:\n      doc: d\n      raw: true\n"),
            &[(K::ResponseShapeChanged, B)],
        ),
        fx(
            "required request fields reordered",
            base(),
            base().replace(
                e,
                "        - wire: Client\n          type: int\n          required: true\n          doc: d\n          source: s\n        - wire: Ticket\n          type: string\n          required: true\n          doc: d\n          source: s\n",
                "        - wire: Ticket\n          type: string\n          required: true\n          doc: d\n          source: s\n        - wire: Client\n          type: int\n          required: true\n          doc: d\n          source: s\n",
            ),
            &[(K::ConstructorOrderChanged, B)],
        ),
        undo("outcome removed", &outcome, &[(K::OutcomeRemoved, B)]),
        outcome,
        fx(
            "outcome codes",
            base(),
            base().replace(e, "codes: [30]", "codes: [30, 4]"),
            &[(K::OutcomeCodesChanged, B)],
        ),
        fx(
            "endpoint method renamed",
            base(),
            base().replace(e, "rust: read", "rust: read_all"),
            &[(K::RustNameChanged, B)],
        ),
        fx(
            "endpoint wire renamed",
            base(),
            base().replace(e, "  Read_Json:", "  Read_All_Json:"),
            &[(K::WireNameChanged, W), (K::RouteChanged, W)],
        ),
        fx(
            "endpoint doc",
            base(),
            base().replace(e, "doc: Read.", "doc: Read everything."),
            &[(K::DocChanged, I)],
        ),
    ]
}

fn code_fixtures() -> Vec<Fx> {
    let c = "codes.yaml";
    let e = "endpoints.yaml";
    let added = fx(
        "service code added",
        base(),
        base().append(
            c,
            "    - code: 31\n      name: RateLimited\n      doc: Too many calls.\n      source: s\n      http_status: 429\n",
        ),
        &[(K::CodeAdded, W)],
    );
    let override_added = fx(
        "endpoint code added",
        base(),
        base().replace(
            e,
            "        http_status: 401\n",
            "        http_status: 401\n      - code: 11\n        name: WrongPassword\n        doc: d\n        source: s\n",
        ),
        &[(K::CodeAdded, W)],
    );
    vec![
        undo("service code removed", &added, &[(K::CodeRemoved, B)]),
        added,
        undo(
            "endpoint code removed",
            &override_added,
            &[(K::CodeRemoved, B)],
        ),
        override_added,
        fx(
            "service code renamed",
            base(),
            base().replace(c, "name: DatabaseError", "name: ServerError"),
            &[(K::CodeMeaningChanged, B)],
        ),
        fx(
            "endpoint code renamed",
            base(),
            base().replace(e, "name: BadCredentials", "name: WrongCredentials"),
            &[(K::CodeMeaningChanged, B)],
        ),
        fx(
            "service code HTTP status",
            base(),
            base().replace(c, "http_status: 500", "http_status: 503"),
            &[(K::CodeHttpStatusChanged, B)],
        ),
        fx(
            "endpoint code HTTP status",
            base(),
            base().replace(e, "http_status: 401", "http_status: 403"),
            &[(K::CodeHttpStatusChanged, B)],
        ),
        fx(
            "code retryable",
            base(),
            base().replace(c, "      retryable: true\n", ""),
            &[(K::CodeRetryableChanged, W)],
        ),
        fx(
            "code outcome unknown",
            base(),
            base().replace(
                c,
                "      retryable: true\n",
                "      retryable: true\n      outcome_unknown: true\n",
            ),
            &[(K::CodeOutcomeUnknownChanged, B)],
        ),
        fx(
            "code value moved",
            base(),
            base().replace(c, "code: 4\n", "code: 5\n"),
            &[(K::WireNameChanged, W)],
        ),
        fx(
            "code doc",
            base(),
            base().replace(c, "doc: Database error.", "doc: A database error."),
            &[(K::DocChanged, I)],
        ),
    ]
}

fn field_fixtures() -> Vec<Fx> {
    let e = "endpoints.yaml";
    let t = "types.yaml";
    let add = |wire: &str, after: &str, required: bool| {
        let req = if required {
            "          required: true\n"
        } else {
            ""
        };
        base().field(e, after, |i| {
            i.lines.push(format!("        - wire: {wire}"));
            i.lines.push("          type: int".into());
            if !req.is_empty() {
                i.lines.push("          required: true".into());
            }
            i.lines.push("          doc: d".into());
            i.lines.push("          source: s".into());
        })
    };
    let opt_req = fx(
        "optional request field added",
        base(),
        add("Memo", "Note", false),
        &[(
            K::FieldAdded {
                required: false,
                side: Req,
            },
            I,
        )],
    );
    let opt_resp = fx(
        "optional response field added",
        base(),
        add("Extra", "Comment", false),
        &[(
            K::FieldAdded {
                required: false,
                side: Resp,
            },
            I,
        )],
    );
    vec![
        undo(
            "request field removed",
            &opt_req,
            &[(K::FieldRemoved { side: Req }, B)],
        ),
        undo(
            "response field removed",
            &opt_resp,
            &[(K::FieldRemoved { side: Resp }, B)],
        ),
        opt_req,
        opt_resp,
        fx(
            "required request field added",
            base(),
            add("Branch", "Note", true),
            &[(
                K::FieldAdded {
                    required: true,
                    side: Req,
                },
                B,
            )],
        ),
        fx(
            "required response field added",
            base(),
            add("Serial", "Comment", true),
            &[(
                K::FieldAdded {
                    required: true,
                    side: Resp,
                },
                W,
            )],
        ),
        fx(
            "field type",
            base(),
            base().field(e, "Note", |i| i.set("type", "int")),
            &[(K::FieldTypeChanged, B)],
        ),
        fx(
            "secret made non-secret",
            base(),
            base().field(e, "Password", |i| i.set("type", "string")),
            &[(K::SecretMadeNonSecret, B)],
        ),
        fx(
            "request field made required",
            base(),
            base().field(e, "Note", |i| i.set("required", "true")),
            &[(K::FieldMadeRequired { side: Req }, B)],
        ),
        fx(
            "response field made required",
            base(),
            base().field(e, "Comment", |i| i.set("required", "true")),
            &[(K::FieldMadeRequired { side: Resp }, B)],
        ),
        fx(
            "request field made optional",
            base(),
            base().field(e, "Client", |i| i.remove("required")),
            &[(K::FieldMadeOptional { side: Req }, B)],
        ),
        fx(
            "response field made optional",
            base(),
            base().field(e, "Receipt", |i| i.remove("required")),
            &[(K::FieldMadeOptional { side: Resp }, B)],
        ),
        fx(
            "field location",
            base(),
            base().field(e, "Note", |i| i.set("in", "query")),
            &[(K::FieldLocationChanged, W)],
        ),
        fx(
            "field Rust name",
            base(),
            base().field(e, "Note", |i| i.set("rust", "memo")),
            &[(K::RustNameChanged, B)],
        ),
        fx(
            "field wire name",
            base(),
            base()
                .replace(e, "- wire: Note\n", "- wire: Remark\n")
                .field(e, "Remark", |i| i.set("rust", "note")),
            &[(K::WireNameChanged, W)],
        ),
        fx(
            "field doc and decision",
            base(),
            base().field(e, "Note", |i| {
                i.set("doc", "A note.");
                i.set("decision", "Kept optional.");
            }),
            &[(K::DocChanged, I)],
        ),
        fx(
            "object field made required (request object)",
            base(),
            base().field(t, "Qty", |i| i.set("required", "true")),
            &[(K::FieldMadeRequired { side: Req }, B)],
        ),
        fx(
            "object field removed (response object)",
            base(),
            base().replace(
                t,
                "      - wire: State\n        type: Status\n        doc: d\n        source: s\n",
                "",
            ),
            &[(K::FieldRemoved { side: Resp }, B)],
        ),
    ]
}

fn type_fixtures() -> Vec<Fx> {
    let t = "types.yaml";
    let e = "endpoints.yaml";
    let enum_added = fx(
        "enum added",
        base(),
        base().replace(
            t,
            "objects:\n",
            "  Color:\n    repr: string\n    doc: d\n    source: s\n    values:\n      - wire: red\n        name: Red\n        doc: d\n        source: s\nobjects:\n",
        ),
        &[(K::EnumAdded, I)],
    );
    let object_added = fx(
        "object added",
        base(),
        base().append(
            t,
            "  Extra:\n    doc: d\n    source: s\n    fields:\n      - wire: X\n        type: int\n        doc: d\n        source: s\n",
        ),
        &[(K::ObjectAdded, I)],
    );
    let req_value = fx(
        "request enum value added",
        base(),
        base().item(t, "- wire: 2", |i| {
            i.lines.extend(
                [
                    "      - wire: 3",
                    "        name: Wallet",
                    "        doc: Wallet.",
                    "        source: s",
                ]
                .map(String::from),
            )
        }),
        &[(K::EnumValueAdded { side: Req }, W)],
    );
    let resp_value = fx(
        "response enum value added",
        base(),
        base().item(t, "- wire: done", |i| {
            i.lines.extend(
                [
                    "      - wire: late",
                    "        name: Late",
                    "        doc: Late.",
                ]
                .map(String::from),
            )
        }),
        &[(K::EnumValueAdded { side: Resp }, W)],
    );
    let alias = fx(
        "enum alias added",
        base(),
        base().item(t, "- wire: open", |i| i.set("also", "[\"OPEN\"]")),
        &[(K::EnumAliasAdded, I)],
    );
    vec![
        undo("enum removed", &enum_added, &[(K::EnumRemoved, B)]),
        enum_added,
        undo("object removed", &object_added, &[(K::ObjectRemoved, B)]),
        object_added,
        undo(
            "request enum value removed",
            &req_value,
            &[(K::EnumValueRemoved { side: Req }, B)],
        ),
        req_value,
        undo(
            "response enum value removed",
            &resp_value,
            &[(K::EnumValueRemoved { side: Resp }, B)],
        ),
        resp_value,
        undo("enum alias removed", &alias, &[(K::EnumAliasRemoved, W)]),
        alias,
        fx(
            "enum repr (values and aliases change with it)",
            base(),
            base()
                .replace(t, "repr: string", "repr: int")
                .replace(t, "- wire: open", "- wire: 11")
                .replace(t, "- wire: done", "- wire: 12")
                .replace(t, "also: [\"DONE\"]", "also: [13]"),
            &[
                (K::EnumReprChanged, B),
                (K::WireNameChanged, W),
                (K::WireNameChanged, W),
                (K::EnumAliasAdded, I),
                (K::EnumAliasRemoved, W),
            ],
        ),
        fx(
            "enum now sent (response enum used in a request)",
            base(),
            base().field(e, "Note", |i| i.set("type", "Status")),
            &[(K::FieldTypeChanged, B), (K::EnumSideChanged, B)],
        ),
        fx(
            "object now sent (response object used in a request)",
            base(),
            base().field(e, "Note", |i| i.set("type", "Row")),
            &[
                (K::FieldTypeChanged, B),
                (K::ObjectSideChanged, B),
                (K::EnumSideChanged, B),
            ],
        ),
        fx(
            "enum value Rust name",
            base(),
            base().replace(t, "name: Bank\n", "name: BankTransfer\n"),
            &[(K::RustNameChanged, B)],
        ),
        fx(
            "enum doc",
            base(),
            base().replace(
                t,
                "doc: How the client pays.",
                "doc: How the client pays us.",
            ),
            &[(K::DocChanged, I)],
        ),
        fx(
            "object doc",
            base(),
            base().replace(t, "doc: A row we receive.", "doc: One row we receive."),
            &[(K::DocChanged, I)],
        ),
    ]
}

fn record_fixtures() -> Vec<Fx> {
    let e = "endpoints.yaml";
    let example = fx(
        "example added",
        base(),
        base().replace(
            e,
            "        source: s\n  Read_Json:",
            "        source: s\n      - name: created\n        kind: response\n        expect: Created\n        body: '{\"ResponseCode\": 0, \"Receipt\": 7}'\n        source: s\n  Read_Json:",
        ),
        &[(K::ExampleAdded, I)],
    );
    let quirk = fx(
        "quirk added",
        base(),
        base().append(
            e,
            "  - id: q2\n    what: w\n    decision: d\n    applies_to: []\n    source: s\n",
        ),
        &[(K::QuirkAdded, I)],
    );
    vec![
        undo("example removed", &example, &[(K::ExampleRemoved, I)]),
        example,
        fx(
            "example body",
            base(),
            base().replace(e, "body: '{\"Client\": 1}'", "body: '{\"Client\": 2}'"),
            &[(K::ExampleChanged, I)],
        ),
        undo("quirk removed", &quirk, &[(K::QuirkRemoved, I)]),
        quirk,
        fx(
            "quirk decision",
            base(),
            base().replace(e, "    decision: d\n", "    decision: Documented.\n"),
            &[(K::QuirkChanged, I)],
        ),
    ]
}

/// The field and a constraint value for each constraint, per side.
fn constraint_target(c: C, side: Side) -> (&'static str, &'static str, &'static str) {
    let (req, resp, value) = match c {
        C::Gt => ("ReqMoney", "RespMoney", "\"0\""),
        C::Ge => ("ReqMoney", "RespMoney", "\"1\""),
        C::Le => ("ReqMoney", "RespMoney", "\"100\""),
        C::MaxDecimalPlaces => ("ReqMoney", "RespMoney", "2"),
        C::MaxLen => ("ReqText", "RespText", "10"),
        C::MinLen => ("ReqText", "RespText", "1"),
        C::Pattern => ("ReqText", "RespText", "\"^[a-z]+$\""),
        C::MinItems => ("ReqList", "RespList", "1"),
        C::MaxItems => ("ReqList", "RespList", "5"),
        C::WithinPastDays => ("ReqDay", "RespDay", "30"),
        C::NotFuture => ("ReqDay", "RespDay", "true"),
        C::Requires => ("ReqFlag", "RespFlag", "Note"),
        C::LeField => ("ReqMoney", "RespMoney", "ReqMoney"),
        C::ItemList => (
            "ReqText",
            "RespText",
            "{ open: \"[\", close: \"]\", separator: \"~\", parts: 4, quantity: 3, price: 4, sums_to: ReqMoney, when: ReqFlag }",
        ),
    };
    match side {
        Side::Request => (req, c.key(), value),
        Side::Response => (resp, c.key(), value),
    }
}

fn constrained(field: &str, key: &str, value: &str) -> Spec {
    // A request amount keeps the maximum every request amount must state.
    let keep = if field == "ReqMoney" && key != "le" {
        ", le: \"1000000\""
    } else {
        ""
    };
    base().field("endpoints.yaml", field, |i| {
        i.set("constraints", &format!("{{ {key}: {value}{keep} }}"))
    })
}

fn constraint_fixtures() -> Vec<Fx> {
    let mut out = Vec::new();
    for c in C::ALL {
        for side in Side::ALL {
            let (field, key, value) = constraint_target(c, side);
            let (tight, loose) = if side == Req { (B, W) } else { (I, I) };
            let added = fx(
                &format!("{key} added ({})", side.key()),
                base(),
                constrained(field, key, value),
                &[(
                    K::ConstraintTightened {
                        constraint: c,
                        side,
                    },
                    tight,
                )],
            );
            out.push(undo(
                &format!("{key} removed ({})", side.key()),
                &added,
                &[(
                    K::ConstraintLoosened {
                        constraint: c,
                        side,
                    },
                    loose,
                )],
            ));
            out.push(added);
        }
    }
    let t = |c, side| K::ConstraintTightened {
        constraint: c,
        side,
    };
    let l = |c, side| K::ConstraintLoosened {
        constraint: c,
        side,
    };
    out.extend([
        fx(
            "max_len lowered",
            constrained("ReqText", "max_len", "50"),
            constrained("ReqText", "max_len", "20"),
            &[(t(C::MaxLen, Req), B)],
        ),
        fx(
            "max_len raised",
            constrained("ReqText", "max_len", "20"),
            constrained("ReqText", "max_len", "50"),
            &[(l(C::MaxLen, Req), W)],
        ),
        fx(
            "gt raised (decimal compare: 0.10 < 0.5)",
            constrained("ReqMoney", "gt", "\"0.10\""),
            constrained("ReqMoney", "gt", "\"0.5\""),
            &[(t(C::Gt, Req), B)],
        ),
        fx(
            "le raised",
            constrained("ReqMoney", "le", "\"100\""),
            constrained("ReqMoney", "le", "\"1000\""),
            &[(l(C::Le, Req), W)],
        ),
        fx(
            "pattern changed (counts as tightened)",
            constrained("ReqText", "pattern", "\"^[a-z]+$\""),
            constrained("ReqText", "pattern", "\"^[a-z0-9]+$\""),
            &[(t(C::Pattern, Req), B)],
        ),
        fx(
            "constraint on a request object's field",
            base(),
            base().field("types.yaml", "Sku", |i| {
                i.set("constraints", "{ max_len: 12 }")
            }),
            &[(t(C::MaxLen, Req), B)],
        ),
    ]);
    out
}

/// A fixture on whole models: an API folder present on one side only.
struct ApiFx {
    name: &'static str,
    base: Vec<Api>,
    new: Vec<Api>,
    expect: Vec<(K, Severity)>,
}

fn api_fixtures() -> Vec<ApiFx> {
    let api = base().load();
    let added = vec![
        (K::ApiAdded, I),
        (K::EnumAdded, I),
        (K::EnumAdded, I),
        (K::ObjectAdded, I),
        (K::ObjectAdded, I),
        (K::EndpointAdded, I),
        (K::EndpointAdded, I),
    ];
    let removed = vec![
        (K::ApiRemoved, B),
        (K::EnumRemoved, B),
        (K::EnumRemoved, B),
        (K::ObjectRemoved, B),
        (K::ObjectRemoved, B),
        (K::EndpointRemoved, B),
        (K::EndpointRemoved, B),
    ];
    vec![
        ApiFx {
            name: "API added",
            base: vec![],
            new: vec![api.clone()],
            expect: added,
        },
        ApiFx {
            name: "API removed",
            base: vec![api],
            new: vec![],
            expect: removed,
        },
    ]
}

/// Named types (`types:`): a newtype callers write, so adding or removing one is adding or
/// removing a struct; a field switching to one changes its Rust type; its constraints are
/// compared on the fields that use it.
fn named_type_fixtures() -> Vec<Fx> {
    let (n, e) = ("named.yaml", "endpoints.yaml");
    let with = base().append(
        n,
        "types:\n  Ref:\n    base: string\n    doc: d\n    source: s\n",
    );
    let used = with.clone().replace(
        e,
        "        - wire: Note\n          type: string\n",
        "        - wire: Note\n          type: Ref\n",
    );
    let added = fx(
        "named type added",
        base(),
        with.clone(),
        &[(K::ObjectAdded, I)],
    );
    vec![
        undo("named type removed", &added, &[(K::ObjectRemoved, B)]),
        added,
        fx(
            "named type wraps another scalar",
            with.clone(),
            with.clone().replace(n, "base: string", "base: int"),
            &[(K::FieldTypeChanged, B)],
        ),
        fx(
            "named type doc",
            with.clone(),
            with.clone().replace(n, "doc: d", "doc: e"),
            &[(K::DocChanged, I)],
        ),
        fx(
            "request field becomes a named type",
            with,
            used.clone(),
            &[(K::FieldTypeChanged, B)],
        ),
        fx(
            "named type constraint tightened, on the field using it",
            used.clone(),
            used.replace(
                n,
                "    source: s\n",
                "    source: s\n    constraints: { max_len: 10 }\n",
            ),
            &[(
                K::ConstraintTightened {
                    constraint: C::MaxLen,
                    side: Req,
                },
                B,
            )],
        ),
    ]
}

/// `envelope.error_details`: which envelope answer fields an API error keeps.
fn error_detail_fixtures() -> Vec<Fx> {
    let s = "service.yaml";
    let with_field = base().replace(
        s,
        "    message: ResponseMsg\n",
        "    message: ResponseMsg\n    response_fields:\n      - wire: Detail\n        type: string\n        doc: d\n        source: s\n",
    );
    let kept = with_field.clone().replace(
        s,
        "    message: ResponseMsg\n",
        "    message: ResponseMsg\n    error_details: [Detail]\n",
    );
    let added = fx(
        "error detail added",
        with_field,
        kept,
        &[(K::ErrorDetailAdded, I)],
    );
    vec![
        undo(
            "error detail removed",
            &added,
            &[(K::ErrorDetailRemoved, W)],
        ),
        added,
    ]
}

fn all_fixtures() -> Vec<Fx> {
    let mut v = service_fixtures();
    v.extend(named_type_fixtures());
    v.extend(error_detail_fixtures());
    v.extend(endpoint_fixtures());
    v.extend(code_fixtures());
    v.extend(field_fixtures());
    v.extend(type_fixtures());
    v.extend(record_fixtures());
    v.extend(constraint_fixtures());
    v
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

#[test]
fn every_fixture_gives_exactly_its_classification() {
    let fixtures = all_fixtures();
    for f in &fixtures {
        run(f);
    }
    eprintln!(
        "{} spec-pair fixtures",
        fixtures.len() + api_fixtures().len()
    );
    for f in api_fixtures() {
        let got = sorted(
            diff::diff(&f.base, &f.new)
                .iter()
                .map(|c| (c.kind, c.severity))
                .collect(),
        );
        assert_eq!(got, sorted(f.expect), "fixture `{}`", f.name);
    }
}

/// Keeps `ALL` honest from the test side too: adding a variant fails to compile here until it
/// is handled.
fn listed(k: K) -> bool {
    match k {
        K::ApiAdded
        | K::ApiRemoved
        | K::TransportChanged
        | K::AuthChanged
        | K::BaseUrlChanged
        | K::EnvelopeChanged
        | K::UnknownFieldsNowKept
        | K::UnknownFieldsNoLongerKept
        | K::EndpointAdded
        | K::EndpointRemoved
        | K::RouteChanged
        | K::TimeoutChanged
        | K::IdempotencyKeyChanged
        | K::ReadOnlyChanged
        | K::MovesMoneyChanged
        | K::ResponseShapeChanged
        | K::ConstructorOrderChanged
        | K::OutcomeAdded
        | K::OutcomeRemoved
        | K::OutcomeCodesChanged
        | K::CodeAdded
        | K::CodeRemoved
        | K::CodeMeaningChanged
        | K::CodeHttpStatusChanged
        | K::CodeRetryableChanged
        | K::CodeOutcomeUnknownChanged
        | K::FieldAdded { .. }
        | K::FieldRemoved { .. }
        | K::FieldTypeChanged
        | K::SecretMadeNonSecret
        | K::FieldMadeRequired { .. }
        | K::FieldMadeOptional { .. }
        | K::FieldLocationChanged
        | K::EnumAdded
        | K::EnumRemoved
        | K::EnumReprChanged
        | K::EnumSideChanged
        | K::EnumValueAdded { .. }
        | K::EnumValueRemoved { .. }
        | K::EnumAliasAdded
        | K::EnumAliasRemoved
        | K::ObjectAdded
        | K::ObjectRemoved
        | K::ObjectSideChanged
        | K::RustNameChanged
        | K::WireNameChanged
        | K::DocChanged
        | K::ExampleAdded
        | K::ExampleRemoved
        | K::ExampleChanged
        | K::QuirkAdded
        | K::QuirkRemoved
        | K::QuirkChanged
        | K::OutcomeRequiresAdded
        | K::OutcomeRequiresRemoved
        | K::FieldAliasAdded
        | K::FieldAliasRemoved
        | K::ErrorDetailAdded
        | K::ErrorDetailRemoved
        | K::ConstraintTightened { .. }
        | K::ConstraintLoosened { .. } => ALL.contains(&k),
    }
}

#[test]
fn every_change_kind_is_classified_once() {
    assert!(ALL.len() > 100, "ALL lists {} kinds", ALL.len());
    let mut ids = HashSet::new();
    for &k in ALL {
        assert!(listed(k));
        assert!(ids.insert(k.id()), "two kinds share the id {}", k.id());
        let rows: Vec<_> = RULES.iter().filter(|r| r.kind == k).collect();
        assert_eq!(rows.len(), 1, "{} must have exactly one rule", k.id());
        let r = rules::rule(k);
        assert_eq!(r.kind, k);
        assert!(!r.reason.is_empty() && !r.reason.contains("unclassified"));
    }
    assert_eq!(RULES.len(), ALL.len(), "a rule for a kind not in ALL");
    // The payload combinations are all there.
    for side in Side::ALL {
        for required in [false, true] {
            assert!(ALL.contains(&K::FieldAdded { required, side }));
        }
        for c in C::ALL {
            assert!(ALL.contains(&K::ConstraintTightened {
                constraint: c,
                side
            }));
            assert!(ALL.contains(&K::ConstraintLoosened {
                constraint: c,
                side
            }));
        }
    }
}

#[test]
fn every_change_kind_has_a_fixture() {
    let mut seen: HashSet<String> = HashSet::new();
    for f in all_fixtures() {
        seen.extend(f.expect.iter().map(|(k, _)| k.id()));
    }
    for f in api_fixtures() {
        seen.extend(f.expect.iter().map(|(k, _)| k.id()));
    }
    let missing: Vec<String> = ALL
        .iter()
        .map(|k| k.id())
        .filter(|id| !seen.contains(id))
        .collect();
    assert!(missing.is_empty(), "kinds with no fixture: {missing:#?}");
}

#[test]
fn direction_decides_severity() {
    // Request side: narrowing what we send breaks; response side: widening what we receive warns.
    assert_eq!(rules::rule(K::EnumValueRemoved { side: Req }).severity, B);
    assert_eq!(rules::rule(K::EnumValueAdded { side: Resp }).severity, W);
    assert_eq!(
        rules::rule(K::FieldAdded {
            required: true,
            side: Req
        })
        .severity,
        B
    );
    assert_eq!(
        rules::rule(K::FieldAdded {
            required: false,
            side: Req
        })
        .severity,
        I
    );
    assert_eq!(
        rules::rule(K::ConstraintTightened {
            constraint: C::MaxLen,
            side: Req
        })
        .severity,
        B
    );
    assert_eq!(
        rules::rule(K::ConstraintLoosened {
            constraint: C::MaxLen,
            side: Req
        })
        .severity,
        W
    );
}

// ---------------------------------------------------------------------------------------------
// False-positive guards: no change reported
// ---------------------------------------------------------------------------------------------

fn assert_no_change(name: &str, new: Spec) {
    let got = changes(&base(), &new);
    assert!(
        got.is_empty(),
        "`{name}` should not be a change, got {:#?}",
        got.iter()
            .map(|c| format!("{} {}", c.kind.id(), c.subject))
            .collect::<Vec<_>>()
    );
}

const STATUS_ENUM: &str = r#"  Status:
    repr: string
    doc: The state of a row.
    source: s
    values:
      - wire: open
        name: Open
        doc: Open.
      - wire: done
        name: Done
        doc: Done.
        also: ["DONE"]
"#;

#[test]
fn moving_items_between_files_is_not_a_change() {
    // An enum and an endpoint move to files of their own.
    let read = ENDPOINTS
        .split("  Read_Json:\n")
        .nth(1)
        .and_then(|r| r.split("quirks:\n").next())
        .expect("Read_Json in the fixture");
    let moved = base()
        .replace("types.yaml", STATUS_ENUM, "")
        .append("z-status.yaml", &format!("enums:\n{STATUS_ENUM}"))
        .replace("endpoints.yaml", &format!("  Read_Json:\n{read}"), "")
        .append("a-read.yaml", &format!("endpoints:\n  Read_Json:\n{read}"));
    assert_no_change("an enum and an endpoint moved to other files", moved);
}

#[test]
fn reordering_keys_is_not_a_change() {
    let reordered = base()
        .replace(
            "service.yaml",
            "  name: demo\n  module: demo\n  feature: demo\n",
            "  feature: demo\n  name: demo\n  module: demo\n",
        )
        .replace(
            "endpoints.yaml",
            "        - wire: Note\n          type: string\n          doc: d\n          source: s\n",
            "        - source: s\n          doc: d\n          type: string\n          wire: Note\n",
        )
        .replace(
            "codes.yaml",
            "      name: DatabaseError\n      doc: Database error.\n",
            "      doc: Database error.\n      name: DatabaseError\n",
        );
    assert_no_change("keys reordered", reordered);
}

#[test]
fn reordering_identified_list_items_is_not_a_change() {
    // Enum values, codes and endpoints are matched by identity, not position.
    let reordered = base()
        .replace(
            "types.yaml",
            "      - wire: 1\n        name: Card\n        doc: Card.\n        source: s\n      - wire: 2\n        name: Bank\n        doc: Bank transfer.\n        source: s\n",
            "      - wire: 2\n        name: Bank\n        doc: Bank transfer.\n        source: s\n      - wire: 1\n        name: Card\n        doc: Card.\n        source: s\n",
        )
        .replace(
            "codes.yaml",
            "    - code: 0\n      name: Success\n      doc: Success.\n      source: s\n      http_status: 200\n",
            "",
        )
        .append(
            "codes.yaml",
            "    - code: 0\n      name: Success\n      doc: Success.\n      source: s\n      http_status: 200\n",
        );
    assert_no_change("enum values and codes reordered", reordered);
}

#[test]
fn comments_are_not_a_change() {
    let mut s = base();
    for text in s.0.values_mut() {
        *text = format!(
            "# A comment at the top.\n{}",
            text.replace("    source: s\n", "    source: s # where it comes from\n")
        );
    }
    assert_no_change("comments added", s);
}

#[test]
fn reformatting_is_not_a_change() {
    let reformatted = base()
        .replace(
            "endpoints.yaml",
            "        - wire: Note\n          type: string\n          doc: d\n          source: s\n",
            "\n        - { wire: \"Note\", type: 'string', doc: \"d\",\n            source: s }\n\n",
        )
        .replace("service.yaml", "path: \"{wire}\"", "path: '{wire}'")
        .replace("endpoints.yaml", "codes: [30]", "codes:\n          - 30");
    assert_no_change("flow style, quoting, blank lines", reformatted);
}

#[test]
fn the_real_spec_has_no_change_against_itself() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec");
    let a = hyp_codegen::load_all(&root).expect("spec/ loads");
    let b = hyp_codegen::load_all(&root).expect("spec/ loads");
    assert!(!a.is_empty());
    assert!(diff::diff(&a, &b).is_empty());
}

// ---------------------------------------------------------------------------------------------
// Fingerprints, locations, version bump, JSON
// ---------------------------------------------------------------------------------------------

fn made_required() -> Spec {
    base().field("endpoints.yaml", "Note", |i| i.set("required", "true"))
}

#[test]
fn fingerprints_survive_reformatting_and_locations_point_at_the_new_spec() {
    let a = changes(&base(), &made_required());
    let shifted = made_required().replace(
        "endpoints.yaml",
        "endpoints:\n",
        "# Moved down by a few lines.\n\n\nendpoints:\n",
    );
    let b = changes(&base(), &shifted);
    assert_eq!(a.len(), 1);
    assert_eq!(b.len(), 1);
    assert_eq!(a[0].fingerprint, b[0].fingerprint);
    assert_eq!(a[0].fingerprint.len(), 16);
    assert!(a[0].fingerprint.chars().all(|c| c.is_ascii_hexdigit()));
    let (la, lb) = (a[0].location.line.unwrap(), b[0].location.line.unwrap());
    assert_eq!(lb, la + 3, "the location follows the new spec");
    assert!(a[0].location.file.ends_with("endpoints.yaml"));
    assert!(!a[0].location.in_base);
    let note_line = ENDPOINTS
        .lines()
        .position(|l| l.trim() == "- wire: Note")
        .map(|i| i + 1);
    assert_eq!(Some(la), note_line);
    assert_eq!(a[0].subject, "endpoints.Pay_Json.request.Note");
}

#[test]
fn fingerprints_are_unique_across_all_fixtures_of_one_diff() {
    for f in all_fixtures() {
        let got = changes(&f.base, &f.new);
        let mut seen = HashSet::new();
        for c in &got {
            assert!(
                seen.insert(&c.fingerprint),
                "`{}`: duplicate fingerprint",
                f.name
            );
        }
    }
}

#[test]
fn removed_items_point_at_their_parent_in_the_new_spec() {
    let removed = base().replace(
        "endpoints.yaml",
        "        - wire: Comment\n          type: string\n          doc: d\n          source: s\n",
        "",
    );
    let got = changes(&base(), &removed);
    assert_eq!(got.len(), 1);
    let pay = ENDPOINTS
        .lines()
        .position(|l| l.trim() == "Pay_Json:")
        .unwrap()
        + 1;
    assert_eq!(got[0].location.line, Some(pay));
    assert!(!got[0].location.in_base);
}

fn with_severity(s: Severity) -> Vec<Change> {
    let f = match s {
        B => made_required(),
        W => base().replace("codes.yaml", "      retryable: true\n", ""),
        I => base().field("endpoints.yaml", "Note", |i| i.set("doc", "A note.")),
    };
    let c = changes(&base(), &f);
    assert!(c.iter().all(|c| c.severity == s));
    c
}

#[test]
fn version_bump_follows_cargo_semver() {
    let breaking = with_severity(B);
    let warning = with_severity(W);
    let docs = with_severity(I);
    let s = suggest(&breaking, Some("0.1.0"));
    assert_eq!((s.bump, s.next.as_deref()), (Bump::Minor, Some("0.2.0")));
    let s = suggest(&warning, Some("0.1.0"));
    assert_eq!((s.bump, s.next.as_deref()), (Bump::Patch, Some("0.1.1")));
    let s = suggest(&docs, Some("0.1.0"));
    assert_eq!((s.bump, s.next.as_deref()), (Bump::Patch, Some("0.1.1")));

    let s = suggest(&breaking, Some("1.2.3"));
    assert_eq!((s.bump, s.next.as_deref()), (Bump::Major, Some("2.0.0")));
    let s = suggest(&warning, Some("1.2.3"));
    assert_eq!((s.bump, s.next.as_deref()), (Bump::Minor, Some("1.3.0")));
    let s = suggest(&docs, Some("1.2.3"));
    assert_eq!((s.bump, s.next.as_deref()), (Bump::Patch, Some("1.2.4")));

    // New optional API is a minor change even though it is only `Info`.
    let new_field = changes(
        &base(),
        &base().field("endpoints.yaml", "Note", |i| {
            i.lines.extend(
                [
                    "        - wire: Memo",
                    "          type: string",
                    "          doc: d",
                    "          source: s",
                ]
                .map(String::from),
            )
        }),
    );
    assert_eq!(new_field.len(), 1);
    assert_eq!(suggest(&new_field, Some("1.2.3")).bump, Bump::Minor);

    assert_eq!(suggest(&[], Some("0.1.0")).bump, Bump::None);
    assert_eq!(suggest(&breaking, None).next, None);
    assert_eq!(
        suggest(&breaking, Some("0.0.3")).next.as_deref(),
        Some("0.0.4")
    );
}

/// The issue's example: a new request enum value, a field made required, a new code.
fn vendor_change() -> Spec {
    base()
        .item("types.yaml", "- wire: 2", |i| {
            i.lines.extend(
                ["      - wire: 8", "        name: Crypto", "        doc: Crypto (example).", "        source: s"]
                    .map(String::from),
            )
        })
        .field("endpoints.yaml", "Note", |i| i.set("required", "true"))
        .append(
            "codes.yaml",
            "    - code: 31\n      name: RateLimited\n      doc: Too many calls.\n      source: s\n      http_status: 429\n",
        )
}

#[test]
fn a_realistic_vendor_change() {
    let got = changes(&base(), &vendor_change());
    let kinds = sorted(got.iter().map(|c| (c.kind, c.severity)).collect());
    assert_eq!(
        kinds,
        sorted(vec![
            (K::EnumValueAdded { side: Req }, W),
            (K::FieldMadeRequired { side: Req }, B),
            (K::CodeAdded, W),
        ])
    );
    let report = Report {
        base: "HEAD~1 (abc1234)".into(),
        version: Some("0.1.0".into()),
        changes: got,
    };
    let md = diff::render::markdown(&report);
    assert!(
        md.starts_with("### Spec diff: 1 breaking, 2 warnings, 0 info"),
        "{md}"
    );
    assert!(md.contains("**minor (0.1.0 → 0.2.0)**"), "{md}");
    assert!(
        md.contains("#### Breaking (1)") && md.contains("#### Warning (2)"),
        "{md}"
    );
    assert!(!md.contains("Info ("), "{md}");
    let text = diff::render::text(&report);
    assert!(
        text.contains("BREAKING  field made required (request)"),
        "{text}"
    );
}

#[test]
fn json_output_matches_its_schema() {
    let schema_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/schema/spec-diff.schema.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path).expect("schema"))
            .expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    // Every kind the schema names, and every kind has its name in the schema.
    let names = |def: &str| -> Vec<String> {
        schema["$defs"]["change"]["properties"][def]["enum"]
            .as_array()
            .expect("an enum")
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect()
    };
    let (kinds, constraints) = (names("kind"), names("constraint"));
    for k in ALL {
        assert!(
            kinds.contains(&k.name().to_string()),
            "schema lacks kind {}",
            k.name()
        );
    }
    for c in C::ALL {
        assert!(
            constraints.contains(&c.key().to_string()),
            "schema lacks constraint {}",
            c.key()
        );
    }
    let mut all = changes(&base(), &vendor_change());
    // One change of every kind.
    for f in all_fixtures() {
        all.extend(changes(&f.base, &f.new));
    }
    // One change of every shape: removals (in the base), API-level ones without a line.
    all.extend(diff::diff(&[base().load()], &[]));
    all.extend(changes(
        &base(),
        &base().replace("service.yaml", "kind: bearer", "kind: in_request"),
    ));
    for version in [Some("0.1.0".to_string()), None] {
        let report = Report {
            base: "HEAD~1 (abc1234)".into(),
            version,
            changes: all.clone(),
        };
        let doc: serde_json::Value =
            serde_json::from_str(&diff::render::json(&report)).expect("the output is JSON");
        let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{errors:#?}");
        assert_eq!(doc["summary"]["total"], all.len());
    }
    let empty = Report {
        base: "HEAD~1".into(),
        version: None,
        changes: vec![],
    };
    let doc: serde_json::Value = serde_json::from_str(&diff::render::json(&empty)).unwrap();
    assert!(validator.is_valid(&doc));
    assert!(diff::render::markdown(&empty).contains("no changes"));
}
