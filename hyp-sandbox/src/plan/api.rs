//! The plan: what the sandbox needs to know about one API, lowered from the resolved model by
//! the generator (`hyp-codegen`, `sandbox::plan`) and written next to the sandbox's generated
//! code as JSON. The typed request checks come from `hyp-api` itself (the generated module
//! names each endpoint's type); the plan carries the rest: routes, fixed values, codes and
//! their messages, the vendor's examples and the sandbox rules.
//!
//! The generator includes this file by path, so the JSON it writes and the JSON the sandbox
//! reads have one definition.

use serde::{Deserialize, Serialize};

use super::spec::SandboxDef;

/// One API as the sandbox plays it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Plan {
    /// The API's folder name under `spec/` (`creditguard`).
    pub api: String,
    /// The API's title.
    pub title: String,
    /// How a request carries its credentials.
    pub auth: AuthKind,
    /// form_fields auth: the user and password field names.
    #[serde(default)]
    pub auth_fields: Option<(String, String)>,
    /// (default charset label, boolean request field that switches answers to UTF-8).
    #[serde(default)]
    pub answer_charset: Option<(String, Option<String>)>,
    /// The same for the values a request sends.
    #[serde(default)]
    pub request_charset: Option<(String, Option<String>)>,
    /// The API's codes: the service table first, then the endpoints' own.
    pub codes: Vec<PlanCode>,
    /// Every endpoint, in the spec's order.
    pub endpoints: Vec<PlanEndpoint>,
    /// Every object's fields in order, for answers the sandbox builds from an object.
    #[serde(default)]
    pub shapes: Vec<PlanShape>,
    /// The spec's `sandbox:` section (the defaults where the API has none).
    pub sandbox: SandboxDef,
}

/// How a request carries its credentials (the spec's `auth.kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AuthKind {
    /// `Authorization: Bearer <secret>` on every request.
    Bearer,
    /// Credentials travel as request fields.
    InRequest,
    /// A user name and a password sent as form fields beside the payload.
    FormFields,
}

/// Where a request field travels (the spec's `location`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldLocation {
    /// The body (JSON, XML command element, query pairs of a query-string API).
    #[default]
    Body,
    /// A `{name}` segment of the endpoint's path.
    Path,
    /// The query string.
    Query,
    /// A header.
    Header,
    /// The request envelope around the command.
    Envelope,
}

/// Whether a vendor example is a request or an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ExampleKind {
    /// A request the vendor shows.
    Request,
    /// An answer the vendor shows.
    Response,
}

/// An object's fields, in the spec's order, with what kind of element each is.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct PlanShape {
    /// The object's spec name.
    pub name: String,
    /// (wire name, kind) of each field.
    pub fields: Vec<(String, ShapeKind)>,
}

/// What kind of element a field of an object is.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ShapeKind {
    /// Text (or empty).
    Scalar,
    /// A `code` attribute beside a text.
    Coded,
    /// An element whose children are this object's fields.
    Object(String),
    /// Repeated items of this object.
    List(String),
}

/// One code of the API.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct PlanCode {
    /// The code.
    pub value: i64,
    /// Its spec name.
    pub name: String,
    /// The vendor's own text for the code (the spec's `message`), the message the sandbox
    /// answers with; empty when the vendor gives none (the spec's prose never reaches the
    /// wire). The service table comes first; a value can appear again with an endpoint's own
    /// meaning.
    pub message: String,
    /// The HTTP status it is answered with, where the spec gives one.
    #[serde(default)]
    pub http_status: Option<u16>,
}

/// One endpoint of the API.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct PlanEndpoint {
    /// The spec key (`MT4_Deposit_Fiat_Json`, `POST /accounts`, `soft capture J4`).
    pub key: String,
    /// The path under the base URL, `{wire}` placeholders for path fields.
    pub path: String,
    /// Request fields always sent with one value: they tell endpoints sharing a path apart.
    pub fixed: Vec<(String, String)>,
    /// The request's fields.
    pub fields: Vec<PlanField>,
    /// The codes that are outcomes (results, not errors) of this endpoint.
    pub outcome_codes: Vec<i64>,
    /// (code, name) where this endpoint gives a code its own meaning.
    pub code_overrides: Vec<(i64, String)>,
    /// The vendor's examples.
    pub examples: Vec<PlanExample>,
    /// Answer fields that carry a request field of the same wire name "as sent" (CreditGuard
    /// `requestId`, MT5 `login`): the sandbox copies the request's value into them.
    pub echo: Vec<String>,
    /// Answer fields the spec types as an integer (`int`, or a named type over it): where the
    /// sandbox fills one the vendor's example does not show (an echo of a path's `{login}`,
    /// which is text on the way in; a fresh id), it answers a number.
    #[serde(default)]
    pub integers: Vec<String>,
}

/// One request field.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct PlanField {
    /// The vendor's name.
    pub wire: String,
    /// Where it travels.
    pub location: FieldLocation,
    /// Whether the spec requires it.
    pub required: bool,
    /// A list (a query string carries it comma-separated).
    pub list: bool,
    /// A boolean (judged by the API's two spellings where the spec says so).
    #[serde(default)]
    pub boolean: bool,
    /// Name/value pairs sent in their order; the field's own name is never on the wire.
    #[serde(default)]
    pub params: bool,
}

/// One vendor example.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct PlanExample {
    /// Its spec name.
    pub name: String,
    /// Request or answer.
    pub kind: ExampleKind,
    /// The HTTP status the vendor shows with it.
    #[serde(default)]
    pub http_status: Option<u16>,
    /// The body with the spec's fixups applied.
    pub body: String,
}
