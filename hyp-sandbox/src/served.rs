//! What the sandbox serves: each API's plan (from the spec, generated as JSON) joined with each
//! endpoint's `hyp-api` type, whose decoders and validators judge incoming requests exactly as
//! the client judges outgoing ones.

use crate::plan::api::{Plan, PlanEndpoint};
use hyp_api::{
    AnswerFormat, Endpoint, EnvelopeSpec, FromNode, HttpMethod, Node, TransportKind, Validate,
    ValidationContext, XmlSpec,
};

/// One endpoint's wire facts and checks, taken from its generated `hyp-api` type.
#[derive(Clone, Copy)]
pub struct Hook {
    pub transport: TransportKind,
    pub method: HttpMethod,
    pub envelope: Option<EnvelopeSpec>,
    pub xml: Option<XmlSpec>,
    pub bool_text: (&'static str, &'static str),
    pub answer: AnswerFormat,
    /// The call only reads (a read-only credential may make it).
    pub read_only: bool,
    /// Decodes a request (its fields as one map, by wire name) and validates it.
    pub check: fn(&Node, &ValidationContext) -> Result<(), String>,
    /// Whether the client takes this answer (HTTP status, body text) as an outcome: its own
    /// answer path (the one-pass decoders) returns an output for it.
    pub outcome: fn(u16, &str) -> bool,
}

/// The hook of endpoint `E` (named by the generated code).
pub fn hook<E: Endpoint>() -> Hook {
    Hook {
        transport: E::TRANSPORT,
        method: E::METHOD,
        envelope: E::ENVELOPE,
        xml: E::XML,
        bool_text: E::BOOL_TEXT,
        answer: E::ANSWER,
        read_only: E::READ_ONLY,
        check: check::<E>,
        outcome: |status, body| hyp_api::wire::decode_answer::<E>(status, body, &[]).is_ok(),
    }
}

fn check<E: Endpoint>(node: &Node, cx: &ValidationContext) -> Result<(), String> {
    let request = E::Request::from_node(node).map_err(|e| e.to_string())?;
    request.validate(cx).map_err(|v| v.to_string())
}

/// One endpoint: its plan and its hook.
pub struct Served {
    pub plan: PlanEndpoint,
    pub hook: Hook,
}

/// The API's documented redirect signature (`sign_redirect_mac`): password, parameters.
pub type MacSigner = fn(&hyp_api::SecretString, &[(String, String)]) -> String;

/// One API as served.
pub struct ServedApi {
    pub plan: Plan,
    pub endpoints: Vec<Served>,
    /// Signs a page's redirect where the API documents how (`from: mac`).
    pub redirect_mac: Option<MacSigner>,
}

impl ServedApi {
    /// Joins the generated plan with the hooks, which the generated code lists in plan order.
    ///
    /// # Panics
    /// When the plan is not valid JSON for [`Plan`] or the counts differ: both come from the
    /// same `cargo xtask codegen` run, and CI checks they are current.
    pub fn new(plan_json: &str, hooks: Vec<Hook>) -> Self {
        let plan: Plan = serde_json::from_str(plan_json)
            .unwrap_or_else(|e| panic!("generated sandbox plan does not parse: {e}"));
        assert_eq!(
            plan.endpoints.len(),
            hooks.len(),
            "generated plan and hooks disagree; run `cargo xtask codegen`"
        );
        let endpoints = plan
            .endpoints
            .iter()
            .cloned()
            .zip(hooks)
            .map(|(plan, hook)| Served { plan, hook })
            .collect();
        ServedApi {
            plan,
            endpoints,
            redirect_mac: None,
        }
    }

    /// The API's redirect signer (the generated code passes the client's own).
    pub fn with_redirect_mac(mut self, signer: MacSigner) -> Self {
        self.redirect_mac = Some(signer);
        self
    }

    /// The API's path prefix on the sandbox (`/hyper-erp`).
    pub fn prefix(&self) -> String {
        format!("/{}", self.plan.api)
    }

    pub fn transport(&self) -> Option<TransportKind> {
        self.endpoints.first().map(|e| e.hook.transport)
    }

    pub fn endpoint(&self, key: &str) -> Option<&Served> {
        self.endpoints.iter().find(|e| e.plan.key == key)
    }
}
