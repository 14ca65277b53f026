//! One endpoint: its route, body, outcomes, examples; and the quirks the spec resolves.

use serde::Deserialize;

use super::{Code, ExampleKind, Field, Source};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Endpoint {
    /// Rust method name on the client; also the stem of the request/response type names.
    pub rust: String,
    pub doc: String,
    pub source: Source,
    /// The call creates, moves or reverses money: a timeout after sending leaves it unknown.
    #[serde(default)]
    pub moves_money: bool,
    /// How long the vendor itself waits before answering, where documented.
    pub server_wait_secs: Option<u64>,
    /// The call only reads: retrying it is always safe.
    #[serde(default)]
    pub read_only: bool,
    /// REST endpoints: the HTTP method and the path under the base URL, with `{wire}` for each
    /// `in: path` field. Without it, the transport's `path` template and POST are used.
    pub http: Option<HttpRoute>,
    /// When the caller gives no idempotency key, the client makes one (a UUID) and reuses it on
    /// every retry of the call.
    #[serde(default)]
    pub generate_idempotency_key: bool,
    /// query_get: how this endpoint answers (default `urlencoded`: `key=value&…`).
    #[serde(default)]
    pub answer: AnswerFormat,
    /// The request field by which the vendor detects a resend (`Ticket_ID`): a retry is safe
    /// when the request carries it.
    pub idempotency_key: Option<String>,
    pub request: Body,
    pub response: Body,
    /// Codes that are results, not errors, each a variant of the endpoint's outcome.
    pub outcomes: Vec<Outcome>,
    /// Codes whose meaning on this endpoint differs from (or is missing in) the service table.
    #[serde(default)]
    pub codes: Vec<Code>,
    #[serde(default)]
    pub examples: Vec<Example>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerFormat {
    /// `key=value&…`, URL-encoded, in the answer's charset.
    #[default]
    Urlencoded,
    /// JSON (an object or a list).
    Json,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HttpRoute {
    pub method: HttpMethod,
    pub path: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum HttpMethod {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    pub doc: Option<String>,
    /// The vendor documents no shape for this answer: the response keeps the whole body, as
    /// received, in one `body` field.
    #[serde(default)]
    pub raw: bool,
    /// An object whose fields come first, so a shared block is written once.
    pub include: Option<String>,
    #[serde(default)]
    pub fields: Vec<Field>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    pub codes: Vec<i64>,
    /// Rust variant name of the outcome.
    pub variant: String,
    pub doc: String,
    pub source: Source,
    /// Answer fields this outcome must carry: an answer with the outcome's code but without
    /// one of them is undecodable (a `Decode` error naming the field), never a result.
    #[serde(default)]
    pub requires: Vec<SuccessField>,
}

/// An answer field an outcome must carry, with the doc line that says so.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SuccessField {
    /// The response field's wire name.
    pub wire: String,
    pub source: Source,
    pub decision: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    pub name: String,
    pub kind: ExampleKind,
    /// The documented HTTP status of a response example.
    pub http_status: Option<u16>,
    /// For a response: the outcome variant or the code name it must decode to.
    pub expect: Option<String>,
    /// The vendor's text, copied verbatim.
    pub body: String,
    pub source: Source,
    /// Named corrections of a vendor mistake in `body`; each must still apply.
    #[serde(default)]
    pub fixups: Vec<Fixup>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fixup {
    pub name: String,
    pub reason: String,
    pub find: String,
    pub replace: String,
}

/// A vendor quirk and how the spec resolves it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quirk {
    pub id: String,
    pub what: String,
    pub decision: String,
    pub applies_to: Vec<String>,
    pub source: Source,
}
