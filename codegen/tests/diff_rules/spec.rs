//! The base spec (one API folder, `demo`, four files) and the edits fixtures make of it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use hyp_codegen::model::Api;

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

pub(crate) const ENDPOINTS: &str = r#"endpoints:
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
pub(crate) struct Spec(pub(crate) BTreeMap<String, String>);

pub(crate) fn base() -> Spec {
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
    pub(crate) fn replace(mut self, file: &str, from: &str, to: &str) -> Spec {
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
    pub(crate) fn append(mut self, file: &str, text: &str) -> Spec {
        self.0.entry(file.into()).or_default().push_str(text);
        self
    }

    /// Edits the YAML item whose first line, trimmed, is `anchor` (`- wire: Note`,
    /// `Read_Json:`): `edit` gets its key lines (one indent deeper than the anchor).
    pub(crate) fn item(mut self, file: &str, anchor: &str, edit: impl FnOnce(&mut Item)) -> Spec {
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
    pub(crate) fn field(self, file: &str, wire: &str, edit: impl FnOnce(&mut Item)) -> Spec {
        self.item(file, &format!("- wire: {wire}"), edit)
    }

    /// Writes the folder under a fresh temp dir, loads it, and removes the dir (the model keeps
    /// the paths, not the files).
    pub(crate) fn load(&self) -> Api {
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
pub(crate) struct Item {
    key_indent: usize,
    pub(crate) lines: Vec<String>,
}

impl Item {
    fn key_line(&self, key: &str) -> Option<usize> {
        self.lines.iter().position(|l| {
            indent(l) == self.key_indent && l.trim_start().starts_with(&format!("{key}:"))
        })
    }

    /// Sets a one-line `key: value` (replacing it, or adding it after the first line).
    pub(crate) fn set(&mut self, key: &str, value: &str) {
        let line = format!("{}{key}: {value}", " ".repeat(self.key_indent));
        match self.key_line(key) {
            Some(i) => self.lines[i] = line,
            None => self.lines.insert(1, line),
        }
    }

    /// Removes a one-line key.
    pub(crate) fn remove(&mut self, key: &str) {
        let i = self
            .key_line(key)
            .unwrap_or_else(|| panic!("no `{key}` in {:#?}", self.lines));
        self.lines.remove(i);
    }
}
