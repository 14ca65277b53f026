//! The plan: what `hyp-sandbox` needs to know about one API, lowered from the resolved model
//! and written next to the sandbox's generated code as JSON. The typed request checks come
//! from `hyp-api` itself (the generated module names each endpoint's type); the plan carries
//! the rest: routes, fixed values, codes and their messages, the vendor's examples and the
//! sandbox rules.

use serde::{Deserialize, Serialize};

use crate::model::{Api, AuthKind, ExampleKind, FieldLocation, Ty};
use crate::sandbox::spec::SandboxDef;

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Plan {
    pub api: String,
    pub title: String,
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
    pub codes: Vec<PlanCode>,
    pub endpoints: Vec<PlanEndpoint>,
    /// Every object's fields in order, for answers the sandbox builds from an object.
    #[serde(default)]
    pub shapes: Vec<PlanShape>,
    pub sandbox: SandboxDef,
}

/// An object's fields, in the spec's order, with what kind of element each is.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct PlanShape {
    pub name: String,
    pub fields: Vec<(String, ShapeKind)>,
}

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

fn shape_kind(ty: &Ty) -> ShapeKind {
    match ty {
        Ty::Coded => ShapeKind::Coded,
        Ty::Object(name) => ShapeKind::Object(name.clone()),
        Ty::List(inner) => match inner.as_ref() {
            Ty::Object(name) => ShapeKind::List(name.clone()),
            _ => ShapeKind::Scalar,
        },
        _ => ShapeKind::Scalar,
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct PlanCode {
    pub value: i64,
    pub name: String,
    /// The vendor's own text for the code (the spec's `message`), the message the sandbox
    /// answers with; empty when the vendor gives none (the spec's prose never reaches the
    /// wire). The service table comes first; a value can appear again with an endpoint's own
    /// meaning.
    pub message: String,
    #[serde(default)]
    pub http_status: Option<u16>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct PlanEndpoint {
    /// The spec key (`MT4_Deposit_Fiat_Json`, `POST /accounts`, `soft capture J4`).
    pub key: String,
    /// The path under the base URL, `{wire}` placeholders for path fields.
    pub path: String,
    /// Request fields always sent with one value: they tell endpoints sharing a path apart.
    pub fixed: Vec<(String, String)>,
    pub fields: Vec<PlanField>,
    /// The codes that are outcomes (results, not errors) of this endpoint.
    pub outcome_codes: Vec<i64>,
    /// (code, name) where this endpoint gives a code its own meaning.
    pub code_overrides: Vec<(i64, String)>,
    pub examples: Vec<PlanExample>,
    /// Answer fields that carry a request field of the same wire name "as sent" (CreditGuard
    /// `requestId`, MT5 `login`): the sandbox copies the request's value into them.
    pub echo: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct PlanField {
    pub wire: String,
    pub location: FieldLocation,
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

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct PlanExample {
    pub name: String,
    pub kind: ExampleKind,
    #[serde(default)]
    pub http_status: Option<u16>,
    /// The body with the spec's fixups applied.
    pub body: String,
}

/// The plan of an API (an API without a `sandbox:` section is served with the defaults).
pub fn plan(api: &Api) -> Plan {
    Plan {
        api: api.name.clone(),
        title: api.title.clone(),
        auth: api.auth,
        auth_fields: api.auth_fields.clone(),
        answer_charset: api.answer_charset.clone(),
        request_charset: api.request_charset.clone(),
        codes: api
            .codes
            .iter()
            .map(|c| PlanCode {
                value: c.value,
                name: c.name.clone(),
                message: c.message.clone().unwrap_or_default(),
                http_status: c.http_status,
            })
            .collect(),
        endpoints: api
            .endpoints
            .iter()
            .map(|e| PlanEndpoint {
                key: e.wire.clone(),
                path: e.path.clone(),
                fixed: e
                    .request
                    .iter()
                    .filter_map(|f| f.fixed.clone().map(|v| (f.wire.clone(), v)))
                    .collect(),
                fields: e
                    .request
                    .iter()
                    .map(|f| PlanField {
                        wire: f.wire.clone(),
                        location: f.location,
                        required: f.required,
                        list: matches!(f.ty, Ty::List(_)),
                        boolean: f.ty == Ty::Bool,
                        params: f.ty == Ty::Params,
                    })
                    .collect(),
                outcome_codes: e.outcomes.iter().flat_map(|o| o.codes.clone()).collect(),
                code_overrides: e.code_overrides.clone(),
                echo: e
                    .response
                    .iter()
                    // Never a secret: a vendor masks a card number it sends back.
                    .filter(|r| r.ty != Ty::Secret)
                    .filter(|r| {
                        e.request
                            .iter()
                            .any(|f| f.wire == r.wire && f.ty != Ty::Secret)
                    })
                    .map(|r| r.wire.clone())
                    .collect(),
                examples: e
                    .examples
                    .iter()
                    .map(|x| PlanExample {
                        name: x.name.clone(),
                        kind: x.kind,
                        http_status: x.http_status,
                        body: x.fixed_body(),
                    })
                    .collect(),
            })
            .collect(),
        shapes: api
            .objects
            .iter()
            .map(|o| PlanShape {
                name: o.name.clone(),
                fields: o
                    .fields
                    .iter()
                    .map(|f| (f.wire.clone(), shape_kind(&f.ty)))
                    .collect(),
            })
            .collect(),
        sandbox: api.sandbox.clone().unwrap_or_default(),
    }
}
