//! The `service:` block: transport, base URLs, credentials, the answer envelope, formats,
//! timeouts.

use serde::Deserialize;

use super::{AuthKind, Field, Source};

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
