//! The resolved model: what the emitters consume. Names are computed, type references resolved,
//! constraints checked against their types, order kept as written in the spec.

use std::path::PathBuf;

pub use crate::spec::{
    AnswerFormat, AuthKind, EnumRepr, ExampleKind, FieldLocation, HttpMethod, TransportKind,
};

/// Where an item is written in the spec (file and 1-based line), for tools that report on it.
/// Not part of an item's meaning: two items that differ only in `Loc` are the same.
#[derive(Debug, Clone, Default)]
pub struct Loc {
    pub file: PathBuf,
    pub line: usize,
}

impl PartialEq for Loc {
    fn eq(&self, _: &Loc) -> bool {
        true
    }
}
impl Eq for Loc {}

#[derive(Debug, Clone)]
pub struct Api {
    pub name: String,
    pub module: String,
    pub feature: String,
    pub title: String,
    pub doc: String,
    pub source: String,
    pub transport: TransportKind,
    pub path_template: String,
    pub base_url_default: Option<String>,
    pub base_url_doc: String,
    pub auth: AuthKind,
    pub auth_doc: String,
    /// Request fields the client supplies (in_request auth), by wire name.
    pub client_fields: Vec<crate::spec::ClientField>,
    /// form_fields auth: the user and password field names.
    pub auth_fields: Option<(String, String)>,
    /// form_xml: the XML envelope.
    pub xml: Option<XmlEnvelope>,
    /// How booleans are written where the wire has none (`("1", "0")`).
    pub bool_text: Option<(String, String)>,
    pub redirect_mac: Option<RedirectMac>,
    /// (default encoding label, wire name of the boolean that switches answers to UTF-8).
    pub answer_charset: Option<(String, Option<String>)>,
    /// The same for the values a request sends.
    pub request_charset: Option<(String, Option<String>)>,
    pub envelope: Option<Envelope>,
    pub default_timeout_secs: u64,
    pub keep_unknown_fields: bool,
    pub timeout_margin_secs: u64,
    pub code_type: String,
    pub code_doc: String,
    /// Every meaning a code can have: the service table first, then endpoint-specific ones.
    pub codes: Vec<Code>,
    /// How many of `codes` form the service-wide table.
    pub service_code_count: usize,
    /// Named types (newtypes over `int` or `string`), in spec order.
    pub types: Vec<NamedType>,
    pub enums: Vec<Enum>,
    pub objects: Vec<Object>,
    pub endpoints: Vec<Endpoint>,
    pub quirks: Vec<Quirk>,
    /// How `hyp-sandbox` plays the API (checked against the rest of the model).
    pub sandbox: Option<crate::sandbox::spec::SandboxDef>,
}

#[derive(Debug, Clone)]
pub struct XmlEnvelope {
    pub form_field: String,
    pub root: String,
    pub request: String,
    pub response: String,
    pub command: String,
}

#[derive(Debug, Clone)]
pub enum MacPart {
    Password,
    Param(String),
    ParamOr(String, String),
}

#[derive(Debug, Clone)]
pub struct RedirectMac {
    pub param: String,
    pub parts: Vec<MacPart>,
    pub doc: String,
    pub source: String,
}

#[derive(Debug, Clone)]
pub struct Envelope {
    pub code_wire: String,
    pub code_lenient: bool,
    pub message_wire: String,
    pub code_when_missing: Option<i64>,
    /// Envelope answer fields an error keeps (`error_details`).
    pub error_details: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Code {
    pub loc: Loc,
    pub value: i64,
    pub name: String,
    pub doc: String,
    pub source: String,
    pub http_status: Option<u16>,
    pub message: Option<String>,
    pub retryable: bool,
    pub outcome_unknown: bool,
}

/// The kinds of sensitive value: spec types `secret`, `pan`, `cvv`, `card_token`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretKind {
    /// A password, API key or other credential: `SecretString`.
    Plain,
    /// A card number: `Pan` (`Debug` shows first six / last four digits at most).
    Pan,
    /// A card security code: `Cvv`.
    Cvv,
    /// A card token: `CardToken`.
    CardToken,
}

impl SecretKind {
    /// The spec's name of the type.
    pub fn spec_name(self) -> &'static str {
        match self {
            SecretKind::Plain => "secret",
            SecretKind::Pan => "pan",
            SecretKind::Cvv => "cvv",
            SecretKind::CardToken => "card_token",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ty {
    Int,
    String,
    Bool,
    Money,
    MinorUnits,
    Decimal,
    /// With its chrono format.
    Date(String),
    DateTime(String),
    /// Never printed; its kind picks the runtime type (and what `Debug` may show).
    Secret(SecretKind),
    /// Any value, kept as received.
    Json,
    /// An XML element's `code` attribute and text.
    Coded,
    /// Name/value pairs sent in their order (the field's own wire name is not sent).
    Params,
    Enum(String),
    Object(String),
    /// A named type from the spec's `types:` (a newtype over `int` or `string`).
    Named(String),
    List(Box<Ty>),
}

#[derive(Debug, Clone)]
pub struct Field {
    pub loc: Loc,
    pub wire: String,
    pub rust: String,
    pub ty: Ty,
    pub required: bool,
    pub doc: String,
    pub source: String,
    pub decision: Option<String>,
    pub constraints: Constraints,
    pub location: FieldLocation,
    pub assumed: bool,
    /// Always sent as this text; not a struct field.
    pub fixed: Option<String>,
    /// Other documented spellings of the wire name, accepted in answers.
    pub aliases: Vec<String>,
}

/// Constraints, with decimal bounds as exact decimal text.
#[derive(Debug, Clone, Default)]
pub struct Constraints {
    pub gt: Option<String>,
    pub ge: Option<String>,
    pub le: Option<String>,
    pub max_len: Option<usize>,
    pub min_len: Option<usize>,
    pub pattern: Option<String>,
    pub min_items: Option<usize>,
    pub max_items: Option<usize>,
    pub max_decimal_places: Option<u32>,
    pub within_past_days: Option<u32>,
    pub not_future: bool,
    /// For a boolean: when true, the request field with this wire name must be set.
    pub requires: Option<String>,
    /// Must not exceed this request field, compared in major units.
    pub le_field: Option<String>,
    pub item_list: Option<ItemList>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemList {
    pub open: String,
    pub close: String,
    pub separator: String,
    pub parts: usize,
    pub quantity: usize,
    pub price: usize,
    pub sums_to: String,
    pub when: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum WireValue {
    Int(i64),
    Str(String),
}

#[derive(Debug, Clone)]
pub struct EnumValue {
    pub loc: Loc,
    pub wire: WireValue,
    pub also: Vec<WireValue>,
    pub name: String,
    pub doc: String,
    pub source: Option<String>,
}

/// A named type from the spec's `types:`: a newtype over a scalar, its constraints stated once.
#[derive(Debug, Clone)]
pub struct NamedType {
    pub loc: Loc,
    pub name: String,
    /// `Ty::Int` or `Ty::String`.
    pub base: Ty,
    pub doc: String,
    pub source: String,
    pub decision: Option<String>,
    pub constraints: Constraints,
}

impl Api {
    /// Whether requests go out as JSON bodies (written straight into text, not through a
    /// tree): neither the XML envelope nor the query string.
    pub fn json_body(&self) -> bool {
        self.xml.is_none() && self.transport != TransportKind::QueryGet
    }

    /// Whether the client supplies this request field (set per call only to override).
    pub fn from_client(&self, f: &Field) -> bool {
        self.client_fields.iter().any(|c| c.wire == f.wire)
    }

    /// The scalar a type stands for: a named type's base, any other type itself.
    pub fn base<'a>(&'a self, ty: &'a Ty) -> &'a Ty {
        match ty {
            Ty::Named(n) => self
                .types
                .iter()
                .find(|t| &t.name == n)
                .map_or(ty, |t| &t.base),
            other => other,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Enum {
    pub loc: Loc,
    pub name: String,
    pub repr: EnumRepr,
    pub doc: String,
    pub source: String,
    pub values: Vec<EnumValue>,
    /// Used in a request: the enum is closed, and response fields of this type are
    /// `Open<Self>`. Otherwise it is `#[non_exhaustive]` with an `Unknown` variant.
    pub in_request: bool,
}

#[derive(Debug, Clone)]
pub struct Object {
    pub loc: Loc,
    pub name: String,
    /// Reachable from a request: its enum fields are closed enums, not `Open<_>`.
    pub in_request: bool,
    pub doc: String,
    pub source: String,
    pub fields: Vec<Field>,
}

#[derive(Debug, Clone)]
pub struct Outcome {
    pub loc: Loc,
    pub variant: String,
    pub codes: Vec<i64>,
    pub doc: String,
    pub source: String,
    /// Response fields an answer with this outcome must carry.
    pub requires: Vec<SuccessField>,
}

/// A response field an outcome must carry (`requires:` in the spec).
#[derive(Debug, Clone)]
pub struct SuccessField {
    pub wire: String,
    pub rust: String,
    /// A list: "carried" means not empty.
    pub list: bool,
    pub source: String,
}

#[derive(Debug, Clone)]
pub struct Example {
    pub name: String,
    pub kind: ExampleKind,
    pub http_status: Option<u16>,
    pub expect: Option<String>,
    pub body: String,
    pub source: String,
    pub fixups: Vec<Fixup>,
}

#[derive(Debug, Clone)]
pub struct Fixup {
    pub name: String,
    pub reason: String,
    pub find: String,
    pub replace: String,
}

impl Example {
    /// The body with every fixup applied, in order.
    pub fn fixed_body(&self) -> String {
        self.fixups
            .iter()
            .fold(self.body.clone(), |b, f| b.replacen(&f.find, &f.replace, 1))
    }
}

#[derive(Debug, Clone)]
pub struct Endpoint {
    pub loc: Loc,
    pub wire: String,
    /// Method name (snake_case).
    pub method: String,
    /// Type-name stem (UpperCamelCase of `method`).
    pub stem: String,
    pub doc: String,
    pub source: String,
    pub moves_money: bool,
    pub server_wait_secs: Option<u64>,
    pub read_only: bool,
    pub http_method: HttpMethod,
    /// The path under the base URL, with `{wire}` placeholders for path fields.
    pub path: String,
    /// Rust name of the request field that makes a resend safe.
    pub idempotency_key: Option<String>,
    /// The client makes an idempotency key when the caller gives none.
    pub generate_idempotency_key: bool,
    pub answer: AnswerFormat,
    pub request_doc: Option<String>,
    pub request: Vec<Field>,
    pub response_doc: Option<String>,
    /// The answer has no documented shape: kept whole.
    pub response_raw: bool,
    pub response: Vec<Field>,
    pub outcomes: Vec<Outcome>,
    /// (code value, variant name in the code enum) overriding the service table here.
    pub code_overrides: Vec<(i64, String)>,
    pub examples: Vec<Example>,
}

impl Endpoint {
    /// Client timeout: the vendor's documented wait plus the margin, or the service default.
    pub fn timeout_secs(&self, api: &Api) -> u64 {
        self.server_wait_secs
            .map_or(api.default_timeout_secs, |w| w + api.timeout_margin_secs)
    }
}

#[derive(Debug, Clone)]
pub struct Quirk {
    pub id: String,
    pub what: String,
    pub decision: String,
    pub applies_to: Vec<String>,
    pub source: String,
}
