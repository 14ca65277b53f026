//! An answer being built: a document in the API's wire shape (a JSON object, an XML
//! `<root><response>` envelope, `key=value` pairs, a JSON list), its code and HTTP status, and
//! how it is written out (`write`). Answers start from the vendor's own examples where the spec
//! has one.

use crate::plan::api::ExampleKind;
use hyp_api::wire::{UTF_8, parse_json, parse_urlencoded, parse_xml};
use hyp_api::{AnswerFormat, Node, TransportKind};

use crate::served::{Served, ServedApi};

mod write;

pub use write::Wire;

/// An answer in the making.
#[derive(Clone, Debug)]
pub struct Answer {
    pub status: u16,
    pub doc: Node,
    kind: Kind,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    /// A JSON object whose code sits in an envelope field (`ResponseCode`).
    JsonEnvelope,
    /// A JSON value whose code is the HTTP status.
    Rest,
    /// `<root><response>…<{wire}>…</{wire}></response></root>`.
    Xml,
    /// `key=value&…` with the code among the pairs.
    Urlencoded,
    /// A JSON value (a list) that only carries a code when it is a failure.
    JsonList,
}

fn kind_of(e: &Served) -> Kind {
    match e.hook.transport {
        TransportKind::JsonPost => Kind::JsonEnvelope,
        TransportKind::RestJson => Kind::Rest,
        TransportKind::FormXml => Kind::Xml,
        TransportKind::QueryGet if e.hook.answer == AnswerFormat::Json => Kind::JsonList,
        TransportKind::QueryGet => Kind::Urlencoded,
    }
}

/// The code text as the API writes it (CreditGuard: three digits, `000`).
fn code_node(kind: Kind, code: i64) -> Node {
    match kind {
        Kind::Xml if code >= 0 => Node::Str(format!("{code:03}")),
        Kind::JsonEnvelope => Node::Num(code.to_string()),
        _ => Node::Str(code.to_string()),
    }
}

/// A code as endpoint `e`'s API writes it (CreditGuard: three digits).
pub fn code_text(e: &Served, code: i64) -> String {
    text(&code_node(kind_of(e), code)).unwrap_or_default()
}

/// `node[key]`, made an empty map first when absent.
fn child_map<'n>(node: &'n mut Node, key: &str) -> Option<&'n mut Node> {
    if node.get(key).is_none() {
        node.set(key, Node::Map(Vec::new()));
    }
    node.get_mut(key)
}

/// A scalar's text.
pub fn text(n: &Node) -> Option<String> {
    match n {
        Node::Str(s) | Node::Num(s) => Some(s.clone()),
        Node::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

impl Answer {
    /// The vendor's example `name` of endpoint `e`.
    pub fn example(api: &ServedApi, e: &Served, name: &str) -> Option<Answer> {
        let x = e.plan.examples.iter().find(|x| x.name == name)?;
        Self::parse(api, e, &x.body, x.http_status)
    }

    fn parse(api: &ServedApi, e: &Served, body: &str, status: Option<u16>) -> Option<Answer> {
        let mut kind = kind_of(e);
        let doc = match kind {
            Kind::Xml => parse_xml(body).ok()?,
            Kind::Urlencoded => parse_urlencoded(body, UTF_8, None),
            // A JSON endpoint's failure example is `key=value` pairs, and is written so.
            Kind::JsonList if parse_json(body).is_err() => {
                kind = Kind::Urlencoded;
                parse_urlencoded(body, UTF_8, None)
            }
            _ => parse_json(body).ok()?,
        };
        let mut a = Answer {
            status: status.unwrap_or(200),
            doc,
            kind,
        };
        if status.is_none()
            && let Some(code) = a.code(e)
        {
            a.status = api.http_status(e, code);
        }
        Some(a)
    }

    /// The answer of endpoint `e` for `code`: the endpoint's example with that code when the
    /// spec has one (the vendor's own wording), else the bare envelope with the code table's
    /// message.
    pub fn for_code(api: &ServedApi, e: &Served, code: i64) -> Answer {
        Self::documented(api, e, code).unwrap_or_else(|| {
            if !e.plan.outcome_codes.contains(&code)
                && let Some(mut frame) = Self::error_frame(api, e)
            {
                frame.set_code(api, e, code);
                frame.set_message(api, e, &api.message(e, code));
                return frame;
            }
            let mut a = Self::skeleton(e);
            a.set_code(api, e, code);
            if !e.plan.outcome_codes.contains(&code) {
                a.set_message(api, e, &api.message(e, code));
            }
            a
        })
    }

    /// The endpoint's example answer with this code (for a success, one the client decodes
    /// as an outcome), if the spec has one.
    pub fn documented(api: &ServedApi, e: &Served, code: i64) -> Option<Answer> {
        e.plan
            .examples
            .iter()
            .filter(|x| x.kind == ExampleKind::Response)
            .filter_map(|x| Some((Self::parse(api, e, &x.body, x.http_status)?, &x.body)))
            .find(|(a, body)| {
                a.code(e) == Some(code) && (code != 0 || (e.hook.outcome)(a.status, body))
            })
            .map(|(a, _)| a)
    }

    /// A URL-encoded endpoint's error frame: the keys of its first documented failure, in
    /// order (`Id=…&CCode=…&Amount=…&ACode=&Fild1=…`, or a bare `CCode=…`). Without one, a
    /// bare `CCode`.
    fn error_frame(api: &ServedApi, e: &Served) -> Option<Answer> {
        if !matches!(kind_of(e), Kind::Urlencoded | Kind::JsonList) {
            return None;
        }
        let failure = e
            .plan
            .examples
            .iter()
            .filter(|x| x.kind == ExampleKind::Response)
            .filter_map(|x| Self::parse(api, e, &x.body, x.http_status))
            .find(|a| matches!(a.doc, Node::Map(_)) && a.code(e).is_some_and(|c| c != 0));
        let doc = failure.map_or(Node::Map(Vec::new()), |a| a.doc);
        Some(Answer {
            status: 200,
            doc,
            kind: Kind::Urlencoded,
        })
    }

    /// A bare `CCode=…` answer in the API's URL-encoded frame (a request naming no endpoint).
    pub fn bare(api: &ServedApi, e: &Served, code: i64) -> Option<Answer> {
        let mut a = Self::error_frame(api, e)?;
        a.doc = Node::Map(Vec::new());
        a.set_code(api, e, code);
        Some(a)
    }

    /// Copies the request's values into the frame's fields of the same name that the
    /// endpoint echoes (`Amount`, `TransId`, `Fild1`…); adds none.
    pub fn echo_into_frame(&mut self, e: &Served, fields: &Node) {
        for wire in &e.plan.echo {
            if let (Some(was), Some(value)) = (self.doc.get(wire), fields.get(wire)) {
                let value = in_kind(e, wire, Some(was), value.clone());
                self.doc.set(wire, value);
            }
        }
    }

    /// `value` in the kind field `wire` has in this answer: the vendor example's where the
    /// frame shows the field, else the spec's type (see [`in_kind`]).
    pub fn field_value(&self, e: &Served, wire: &str, value: Node) -> Node {
        in_kind(e, wire, self.get(e, wire).as_ref(), value)
    }

    fn skeleton(e: &Served) -> Answer {
        let kind = kind_of(e);
        let doc = match (kind, e.hook.xml) {
            (Kind::Xml, Some(x)) => Node::Map(vec![(
                x.root.to_string(),
                Node::Map(vec![(
                    x.response.to_string(),
                    Node::Map(vec![
                        (x.command.to_string(), Node::Str(e.plan.key.clone())),
                        (e.plan.key.clone(), Node::Map(Vec::new())),
                    ]),
                )]),
            )]),
            _ => Node::Map(Vec::new()),
        };
        Answer {
            status: 200,
            doc,
            kind,
        }
    }

    /// The answer to a request that named no endpoint: an XML envelope then names no command
    /// (the frame endpoint only lends the API's wire format).
    pub fn without_command(mut self, e: &Served) -> Self {
        if let (Kind::Xml, Some(x)) = (self.kind, e.hook.xml)
            && let Some(Node::Map(entries)) = self.envelope_mut(e)
        {
            entries.retain(|(k, _)| *k != e.plan.key);
            for (k, v) in entries.iter_mut() {
                if k == x.command {
                    *v = Node::Str(String::new());
                }
            }
        }
        self
    }

    /// Where the envelope's fields are (the root, or XML's `<response>`).
    pub(crate) fn envelope_mut(&mut self, e: &Served) -> Option<&mut Node> {
        match (self.kind, e.hook.xml) {
            (Kind::Xml, Some(x)) => self.doc.get_mut(x.root).and_then(|r| r.get_mut(x.response)),
            _ => Some(&mut self.doc),
        }
    }

    pub(crate) fn envelope(&self, e: &Served) -> Option<&Node> {
        match (self.kind, e.hook.xml) {
            (Kind::Xml, Some(x)) => self.doc.get(x.root).and_then(|r| r.get(x.response)),
            _ => Some(&self.doc),
        }
    }

    /// The fields as the client's decoder reads them (XML: the envelope's and the command
    /// element's together).
    pub fn fields(&self, e: &Served) -> Node {
        match (self.kind, e.hook.xml) {
            (Kind::Xml, Some(x)) => hyp_api::wire::xml_answer_fields(&self.doc, &x, &e.plan.key)
                .map_or(Node::Map(Vec::new()), |(_, fields)| fields),
            _ => self.doc.clone(),
        }
    }

    pub fn code(&self, e: &Served) -> Option<i64> {
        match (self.kind, e.hook.envelope) {
            (Kind::Rest, _) => Some(i64::from(self.status)),
            (Kind::JsonList, _) if matches!(self.doc, Node::List(_)) => Some(0),
            (_, Some(env)) => match self.envelope(e).and_then(|n| n.get(env.code)) {
                Some(n) => text(n).and_then(|t| t.trim().parse().ok()),
                None => env.code_when_missing,
            },
            _ => None,
        }
    }

    pub fn set_code(&mut self, api: &ServedApi, e: &Served, code: i64) {
        let kind = self.kind;
        match (kind, e.hook.envelope) {
            (Kind::Rest, _) => {
                self.status = u16::try_from(code).unwrap_or(500);
                return;
            }
            (Kind::JsonList, _) if code != 0 => {
                // A JSON endpoint fails in `key=value` form.
                self.kind = Kind::Urlencoded;
                self.doc = Node::Map(Vec::new());
            }
            _ => {}
        }
        if let (Some(env), Some(target)) = (e.hook.envelope, self.envelope_mut(e)) {
            target.set(env.code, code_node(kind, code));
        }
        self.status = api.http_status(e, code);
    }

    /// Writes the vendor's text for the code (nothing when the vendor gives none: the
    /// sandbox never sends words of its own).
    pub fn set_message(&mut self, api: &ServedApi, e: &Served, message: &str) {
        if message.is_empty() {
            return;
        }
        if self.kind == Kind::Rest {
            if let Some(r) = &api.plan.sandbox.reason_field {
                self.doc.set(&r.field, Node::Str(message.to_string()));
            }
            return;
        }
        let urlencoded = self.kind == Kind::Urlencoded;
        if let (Some(env), Some(target)) = (e.hook.envelope, self.envelope_mut(e)) {
            // A URL-encoded frame carries a message only where the vendor's does.
            if urlencoded && target.get(env.message).is_none() {
                return;
            }
            target.set(env.message, Node::Str(message.to_string()));
        }
    }

    /// A field by answer path (`Receipt_Num`, `Doc.RefundNumber`), wherever it sits.
    pub fn get(&self, e: &Served, path: &str) -> Option<Node> {
        let fields = self.fields(e);
        if let Some(n) = fields.get(path) {
            return Some(n.clone());
        }
        let mut node = &fields;
        for seg in path.split('.') {
            node = node.get(seg)?;
        }
        Some(node.clone())
    }

    /// Sets a field by answer path: where it already is, else in the body (XML: the command
    /// element).
    pub fn set(&mut self, e: &Served, path: &str, value: Node) {
        let xml = self.kind == Kind::Xml;
        let key = e.plan.key.clone();
        let Some(env) = self.envelope_mut(e) else {
            return;
        };
        if env.get(path).is_some() || !xml && !path.contains('.') {
            env.set(path, value);
            return;
        }
        let mut node = if xml {
            match child_map(env, &key) {
                Some(n) => n,
                None => return,
            }
        } else {
            env
        };
        let segs: Vec<&str> = path.split('.').collect();
        let Some((last, parents)) = segs.split_last() else {
            return;
        };
        for seg in parents {
            node = match child_map(node, seg) {
                Some(n) => n,
                None => return,
            };
        }
        node.set(last, value);
    }

    /// Removes these fields from the body (XML: the command element).
    pub fn remove(&mut self, e: &Served, names: &[String]) {
        let key = e.plan.key.clone();
        let body = match self.kind {
            Kind::Xml => self.envelope_mut(e).and_then(|env| env.get_mut(&key)),
            _ => Some(&mut self.doc),
        };
        if let Some(Node::Map(entries)) = body {
            entries.retain(|(k, _)| !names.contains(k));
        }
    }
}

/// `value` for answer field `wire`, which holds `was` in the frame: digits given as text become
/// a number where the frame holds a number there, or, where the frame does not show the field,
/// where the spec types it as an integer (`PlanEndpoint::integers`). A path's `{login}` is text
/// on the way in and a JSON number in the answer; a value the vendor's example writes as text
/// stays text.
fn in_kind(e: &Served, wire: &str, was: Option<&Node>, value: Node) -> Node {
    let number = match was {
        Some(Node::Num(_)) => true,
        Some(_) => false,
        None => e.plan.integers.iter().any(|w| w == wire),
    };
    match value {
        Node::Str(s) if number && s.parse::<i64>().is_ok() => Node::Num(s),
        other => other,
    }
}
