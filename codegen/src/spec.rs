//! The spec format as written in `spec/<api>/*.yaml`: plain serde structs, one per YAML shape.
//!
//! Every file of an API folder is a [`SpecFile`]; the loader merges them (in file-name order) into
//! one API spec. Unknown keys are rejected (`deny_unknown_fields`) so a typo is a diagnostic,
//! not a silently ignored line. `spec/schema/spec.schema.json` describes the same shapes for
//! editors; `tests` checks that the two agree on every spec in the tree.

use indexmap::IndexMap;
use serde::Deserialize;

/// How credentials travel, where a field travels and what an example shows: the sandbox's
/// plan types (one definition, written into the plan as the spec states them).
pub use crate::sandbox::plan::{AuthKind, ExampleKind, FieldLocation};

/// One YAML file of an API folder. Every top-level key is optional; the folder as a whole must
/// have exactly one `service`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpecFile {
    pub service: Option<Service>,
    pub codes: Option<Codes>,
    /// Named types: identifiers and codes used on more than one endpoint, declared once with
    /// their constraints; each becomes a newtype, so two of them cannot be swapped.
    #[serde(default)]
    pub types: IndexMap<String, NamedTypeDef>,
    #[serde(default)]
    pub enums: IndexMap<String, EnumDef>,
    #[serde(default)]
    pub objects: IndexMap<String, ObjectDef>,
    #[serde(default)]
    pub endpoints: IndexMap<String, Endpoint>,
    #[serde(default)]
    pub quirks: Vec<Quirk>,
    /// How `hyp-sandbox` plays this API (one per folder, conventionally `sandbox.yaml`).
    pub sandbox: Option<crate::sandbox::spec::SandboxDef>,
}

/// Where a fact comes from: a vendor doc file and section, or a vendor-notes entry.
pub type Source = String;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Service {
    /// The folder name, e.g. `hyper-erp`.
    pub name: String,
    /// The Rust module under `hyp_api::`, e.g. `hyper_erp`.
    pub module: String,
    /// The cargo feature that compiles the module, e.g. `hyper-erp`.
    pub feature: String,
    pub title: String,
    pub doc: String,
    pub source: Source,
    pub transport: Transport,
    pub base_url: BaseUrl,
    pub auth: Auth,
    pub envelope: Option<Envelope>,
    #[serde(default)]
    pub formats: Formats,
    pub timeouts: Timeouts,
    /// Answers may carry fields the spec does not list (the vendor documents no full schema):
    /// response structs keep them in `unknown_fields` instead of dropping them.
    #[serde(default)]
    pub keep_unknown_fields: bool,
    /// A signature the vendor puts on a redirect back to the merchant, checked locally.
    pub redirect_mac: Option<RedirectMac>,
    /// The charset answers come in, where the vendor documents it.
    pub answer_charset: Option<AnswerCharset>,
    /// The charset the vendor reads query-string values in, where it documents one.
    pub request_charset: Option<AnswerCharset>,
}

/// A documented charset and the request flag that switches it to UTF-8 (Hyp Pay: answers are
/// windows-1255 unless `UTF8out=True`; request values likewise unless `UTF8=True`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerCharset {
    /// An encoding label (`windows-1255`).
    pub default: String,
    /// The wire name of a boolean request field that, when true, makes answers UTF-8.
    pub utf8_when: Option<String>,
    pub doc: String,
    pub source: Source,
}

/// `param` = Base64(SHA-256(concatenation of `parts`)), where each part is the client's
/// password or a redirect parameter (or its default when the parameter is absent or empty).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedirectMac {
    /// The redirect parameter carrying the signature (`responseMac`).
    pub param: String,
    pub parts: Vec<MacPart>,
    pub doc: String,
    pub source: Source,
}

/// Written `password`, `{ param: txId }` or `{ param_or: { param: ErrorCode, default: "000" } }`.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum MacPart {
    /// `password`: the client's password.
    Keyword(MacKeyword),
    /// A redirect parameter, or `default` when it is absent or empty.
    ParamOr { param_or: ParamOr },
    /// A redirect parameter by name.
    Param { param: String },
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MacKeyword {
    Password,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParamOr {
    pub param: String,
    pub default: String,
}

/// How requests travel. One kind per vendor wire style; the generator and the runtime know each.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Transport {
    pub kind: TransportKind,
    /// How an endpoint's `wire` name becomes a URL under the base URL, with `{wire}` standing for
    /// it (json_post: `"{wire}"`; form_xml: one fixed path such as `"/xpo/Relay"`).
    pub path: String,
    /// form_xml: the XML envelope and the form field that carries it.
    pub xml: Option<XmlEnvelope>,
    pub doc: String,
    pub source: Source,
}

/// An XML envelope carried in a form field: `<root><request>…<{command}>…</{command}></request>
/// </root>` going out, `<root><response>…<{command}>…</{command}></response></root>` back.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct XmlEnvelope {
    /// The form field that carries the XML (CreditGuard: `int_in`).
    pub form_field: String,
    /// The root element (`ashrait`).
    pub root: String,
    /// The element under the root in a request (`request`) and in an answer (`response`).
    pub request: String,
    pub response: String,
    /// The envelope element naming the command (`command`); the command's own element, named
    /// after the endpoint's wire name, follows the envelope fields.
    pub command: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TransportKind {
    /// JSON body POSTed to `{base}/{path}`; answers are JSON with a code envelope (Hyper ERP).
    JsonPost,
    /// An XML envelope URL-encoded into a form field and POSTed (CreditGuard's `int_in`).
    FormXml,
    /// Parameters in a GET query string; URL-encoded or JSON answers (Hyp Pay).
    QueryGet,
    /// REST: method + path with parameters, JSON bodies, errors by HTTP status (MT5 Manager).
    RestJson,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaseUrl {
    /// The documented default, if the vendor gives one.
    pub default: Option<String>,
    pub doc: String,
    pub source: Source,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Auth {
    pub kind: AuthKind,
    /// form_fields: the form field names of the user name and the password.
    pub user_field: Option<String>,
    pub password_field: Option<String>,
    /// in_request: request fields the client supplies (given once on the client's builder,
    /// overridable per call by the request's setter), e.g. a terminal and its password.
    #[serde(default)]
    pub client_fields: Vec<ClientField>,
    pub doc: String,
    pub source: Source,
}

/// A request field the client supplies: its wire name, the builder's name for it, and whether
/// the builder takes it as an argument (required) or by a setter (`optional`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClientField {
    pub wire: String,
    pub rust: String,
    #[serde(default)]
    pub optional: bool,
    pub doc: String,
    pub source: Source,
}

/// The fields every answer carries around its body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Envelope {
    /// Wire name of the result code.
    pub code: String,
    /// Accept the code as a number or as a (possibly zero-padded) digit string.
    #[serde(default)]
    pub code_lenient: bool,
    /// Wire name of the human-readable message.
    pub message: String,
    pub doc: String,
    pub source: Source,
    /// The code an answer means when it carries none (Hyp Pay's JSON list answers).
    pub code_when_missing: Option<i64>,
    /// Fields every request carries in the envelope, around the command (added to every
    /// request struct).
    #[serde(default)]
    pub request_fields: Vec<Field>,
    /// Fields every answer carries in the envelope (added to every response struct).
    #[serde(default)]
    pub response_fields: Vec<Field>,
    /// Wire names of envelope answer fields a vendor error keeps beside its code and message
    /// (`ApiError::details`): CreditGuard's `userMessage` and `additionalInfo`.
    #[serde(default)]
    pub error_details: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Formats {
    /// `chrono` format of `date` fields.
    #[serde(default = "default_date")]
    pub date: String,
    /// `chrono` format of `datetime` fields.
    #[serde(default = "default_datetime")]
    pub datetime: String,
    /// How `true` and `false` are written on the wire, when not as JSON booleans (`"1"`/`"0"`,
    /// `"True"`/`"False"`).
    pub bool_true: Option<String>,
    pub bool_false: Option<String>,
}

impl Default for Formats {
    fn default() -> Self {
        Formats {
            date: default_date(),
            datetime: default_datetime(),
            bool_true: None,
            bool_false: None,
        }
    }
}

fn default_date() -> String {
    "%Y-%m-%d".into()
}
fn default_datetime() -> String {
    "%Y-%m-%d %H:%M:%S".into()
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Timeouts {
    /// Client timeout of an endpoint that states no server wait.
    pub default_secs: u64,
    /// Added to an endpoint's documented server wait, for the network either side of it.
    pub margin_secs: u64,
    pub doc: String,
}

/// The service-wide result-code table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Codes {
    /// Rust name of the generated code type.
    #[serde(rename = "type")]
    pub type_name: String,
    pub doc: String,
    pub values: Vec<Code>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Code {
    pub code: i64,
    /// Rust variant name: what the code means.
    pub name: String,
    pub doc: String,
    pub source: Source,
    /// The HTTP status the vendor sends with it, where documented.
    pub http_status: Option<u16>,
    /// The vendor's own text for this code, verbatim (what the answer's message field carries,
    /// where the API has one); from the code's `source`. Absent: the vendor gives none, and the
    /// sandbox sends no message text.
    #[serde(default)]
    pub message: Option<String>,
    /// A retry of a retry-safe call may succeed.
    #[serde(default)]
    pub retryable: bool,
    /// The operation may or may not have happened: reconcile before acting.
    #[serde(default)]
    pub outcome_unknown: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnumDef {
    /// How values travel: as JSON numbers or strings.
    pub repr: EnumRepr,
    pub doc: String,
    pub source: Source,
    pub values: Vec<EnumValue>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EnumRepr {
    Int,
    String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnumValue {
    /// The value on the wire (a number for `repr: int`, a string for `repr: string`).
    pub wire: serde_yaml::Value,
    /// Rust variant name.
    pub name: String,
    pub doc: String,
    pub source: Option<Source>,
    /// Other wire forms the vendor is seen to send for this value; accepted when decoding.
    #[serde(default)]
    pub also: Vec<serde_yaml::Value>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObjectDef {
    pub doc: String,
    pub source: Source,
    /// An object whose fields come first, so a shared block is written once.
    pub include: Option<String>,
    #[serde(default)]
    pub fields: Vec<Field>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    /// The name on the wire, exactly as the vendor writes it.
    pub wire: String,
    /// Rust name; defaults to the wire name in snake_case.
    pub rust: Option<String>,
    /// `int`, `string`, `bool`, `money`, `minor_units`, `decimal`, `date`, `datetime`, `secret`,
    /// `pan` (card number), `cvv` (card security code), `card_token` (card token),
    /// `json` (any value, kept as received), `coded` (an XML element's `code` attribute and
    /// text), `params` (name/value pairs sent in their order, wire name ignored: Hyp Pay's
    /// VERIFY passes the redirect's parameters on), the name of an enum or object, or
    /// `list<T>`. A field whose wire name is `.` is the whole answer (a JSON list answer).
    #[serde(rename = "type")]
    pub ty: String,
    #[serde(default)]
    pub required: bool,
    pub doc: String,
    pub source: Source,
    #[serde(default)]
    pub constraints: Constraints,
    /// `chrono` format overriding the service's for this date/datetime field.
    pub format: Option<String>,
    /// How the spec resolves a vendor ambiguity or mistake about this field.
    pub decision: Option<String>,
    /// Where the field travels: the body (default), the URL path, the query string, a header.
    #[serde(rename = "in", default)]
    pub location: FieldLocation,
    /// Not stated by the vendor for this API: taken from another source (cited in `source`) as
    /// an assumption. Generated docs say so.
    #[serde(default)]
    pub assumed: bool,
    /// A value the vendor fixes (CreditGuard's `version` 2000): always sent as this text, never
    /// set by callers, not a struct field.
    pub fixed: Option<String>,
    /// Other spellings of the wire name the vendor documents (Hyper's table writes `Account
    /// Login` where its JSON sends `AccountLogin`): answers using one decode as this field.
    /// Requests always send `wire`. Each alias names one field of its list (a spec error
    /// otherwise); in an answer carrying two spellings of a field, the first counts and the
    /// later is skipped, as a repeated key is.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A named type: a scalar (`int` or `string`) with its meaning and constraints, stated once.
/// Fields name it as their `type`; the generated newtype keeps the exact wire form.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NamedTypeDef {
    /// `int` or `string`.
    pub base: String,
    pub doc: String,
    pub source: Source,
    /// How the spec resolves a vendor ambiguity about this type.
    pub decision: Option<String>,
    /// Checked wherever a field of this type is sent; a field's own constraints add to them.
    #[serde(default)]
    pub constraints: Constraints,
}

/// Validators the docs state. Each applies to some types only; the validator says which.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Constraints {
    /// Exclusive lower bound (a decimal written as a string or number).
    pub gt: Option<serde_yaml::Value>,
    /// Inclusive lower bound.
    pub ge: Option<serde_yaml::Value>,
    /// Inclusive upper bound.
    pub le: Option<serde_yaml::Value>,
    pub max_len: Option<usize>,
    pub min_len: Option<usize>,
    /// A regular expression the whole value must match.
    pub pattern: Option<String>,
    pub min_items: Option<usize>,
    pub max_items: Option<usize>,
    pub max_decimal_places: Option<u32>,
    /// The date must lie within this many days before today (and not after today).
    pub within_past_days: Option<u32>,
    /// The date or time must not be later than now.
    #[serde(default)]
    pub not_future: bool,
    /// For a boolean: when it is true, the request field with this wire name must be set
    /// (CreditGuard: `mayBeDuplicate` requires `requestId`).
    pub requires: Option<String>,
    /// An amount that must not exceed the request field with this wire name, compared in major
    /// units (a `minor_units` field counts in hundredths): a capture ≤ its authorization.
    pub le_field: Option<String>,
    /// A text that is a list of bracketed items (`[code~desc~qty~price]…`): its grammar and, when
    /// `when` (a boolean field) is true, that the sum of quantity × price equals `sums_to`.
    pub item_list: Option<ItemList>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemList {
    pub open: String,
    pub close: String,
    pub separator: String,
    /// How many parts each item has.
    pub parts: usize,
    /// 1-based positions of the quantity and the unit price within an item.
    pub quantity: usize,
    pub price: usize,
    /// The wire name of the amount the items must add up to.
    pub sums_to: String,
    /// The wire name of the boolean that turns the rule on (`Pritim`).
    pub when: String,
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mac_parts_read_as_written_in_yaml() {
        let parts: Vec<MacPart> = serde_yaml::from_str(
            "- password\n- { param: txId }\n- { param_or: { param: ErrorCode, default: \"000\" } }\n",
        )
        .unwrap();
        assert!(matches!(parts[0], MacPart::Keyword(MacKeyword::Password)));
        assert!(matches!(&parts[1], MacPart::Param { param } if param == "txId"));
        assert!(matches!(
            &parts[2],
            MacPart::ParamOr { param_or } if param_or.param == "ErrorCode" && param_or.default == "000"
        ));
    }
}
