//! The `sandbox:` section of an API folder (`spec/<api>/sandbox.yaml`): how `hyp-sandbox` plays
//! the vendor. Every rule names endpoints by their spec key and fields by their wire names; the
//! generator's checker (`hyp-codegen`, `sandbox::check`) resolves each name against the API and
//! reports a diagnostic with file, line and column for one that does not exist.
//!
//! One definition for both sides: the generator reads these shapes from the YAML and writes
//! them into the plan (`src/generated/<api>.json`), the sandbox reads them back, so they derive
//! `Serialize` as well as `Deserialize`. The file lives in `hyp-sandbox` (which must build
//! without the generator) and the generator includes it by path.

use serde::{Deserialize, Serialize};

pub use super::flows::*;
pub use super::shape::*;
pub use super::stateful::*;

/// How the sandbox answers for this API, and the state it keeps.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SandboxDef {
    pub doc: String,
    pub source: String,
    /// The answer to a request the spec's validators refuse (a missing field, a value out of
    /// range, an undecodable value). Absent: HTTP 400 with the reason as plain text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invalid_request: Option<CodeAnswer>,
    /// Where the API has no code envelope (REST: the status is the code), the answer field an
    /// error's reason is written in. Absent: the reason is not sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason_field: Option<ReasonField>,
    /// The vendor's answer when its own server fails: what the sandbox answers when its
    /// handling of a request panics (logged; the sandbox serves on). Absent: HTTP 500.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system_error: Option<SystemError>,
    /// The answer to a request that names no endpoint of this API.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unknown_endpoint: Option<CodeAnswer>,
    /// The credentials the sandbox accepts (each with its default, settable by the test), and
    /// the vendor's answer to a missing or wrong one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub credentials: Vec<Credential>,
    /// The vendor's own "did not answer in time" answers, for the `VendorTimeout` fault.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub timeouts: Vec<TimeoutAnswer>,
    /// Answer fields numbered afresh on every applied call (document numbers, transaction ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fresh_ids: Vec<FreshIds>,
    /// A request flag that selects the answer's code (a J5 authorization answers 700).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flag_codes: Vec<FlagCode>,
    /// A resend carrying the same key gets the first answer back (with another code).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replays: Vec<Replay>,
    /// Balances that calls move.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ledgers: Vec<Ledger>,
    /// Amounts one call opens and later calls consume (J5 captures, refunds).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub holds: Vec<Hold>,
    /// Records with a status that some calls are refused in (a paid payment link).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub records: Vec<Record>,
    /// Work queues whose rows move through statuses (the refund queue).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub queues: Vec<Queue>,
    /// Request values read as another when outside a closed set.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fallbacks: Vec<Fallback>,
    /// The XML answer envelope's order and filling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub envelope: Option<EnvelopeRule>,
    /// Command elements built from an object and filled from request and state.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub results: Vec<ResultBlock>,
    /// Handled calls kept as rows, listed by an inquiry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub journal: Option<Journal>,
    /// Requests that match an endpoint but for one fixed value, and their code.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub near_misses: Vec<NearMiss>,
    /// Booleans are only the API's two spellings (`True`/`False`); any other is refused
    /// with this answer. Absent: read as the client's codec reads them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strict_booleans: Option<CodeAnswer>,
    /// The deals the sandbox made, looked up and cancelled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deals: Option<Deals>,
    /// Answers that are the request signed (Hyp Pay `What=SIGN`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signing: Vec<Signing>,
    /// Checks of a page's redirect against what the sandbox issued (Hyp Pay `What=VERIFY`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub verifying: Vec<Verifying>,
    /// Hosted payment pages the sandbox serves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pages: Vec<Page>,
    /// Answer fields sent only when a request flag is true (`MoreData`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flag_fields: Vec<FlagFields>,
    /// Calls that may name a transaction by another of its ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lookups: Vec<RowLookup>,
}

/// One credential of the API's account: where a request carries it, the value accepted unless
/// the sandbox is told another, and the answer to a missing or wrong one.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Credential {
    /// The name tests and the command line set it by (`token`, `API_Password`).
    pub name: String,
    pub doc: String,
    pub source: String,
    pub carried: Carried,
    /// `field`: the request field's wire name (checked on the endpoints that declare it);
    /// `form`: the form field's name (the API's `auth_fields`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// The value accepted unless the sandbox is told another.
    pub default: String,
    /// Other values accepted by default (the vendor's other examples).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<String>,
    /// Accepted on read-only endpoints only (a reporting key); elsewhere `beyond_scope` answers.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub read_only: bool,
    /// The answer to a missing or wrong value.
    pub wrong: CodeAnswer,
    /// Endpoints whose docs give a wrong value a code of their own.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub wrong_on: Vec<EndpointCode>,
    /// The answer to a read-only credential used on an endpoint that writes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beyond_scope: Option<CodeAnswer>,
}

/// An endpoint's own code for a case.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EndpointCode {
    pub endpoint: String,
    pub code: i64,
    pub source: String,
}

/// Where a request carries a credential.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Carried {
    /// `Authorization: Bearer <value>`.
    #[default]
    Bearer,
    /// A request field (JSON body, query string, XML element, REST header), by wire name.
    Field,
    /// A form field beside the XML document (CreditGuard `user`, `password`).
    Form,
}

/// The answer field that carries an error's reason, and why that one.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ReasonField {
    pub field: String,
    pub source: String,
    pub decision: String,
}

/// An answer given by a code of the API's table (its HTTP status and message come from there).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CodeAnswer {
    pub code: i64,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
}

/// The vendor's system-error form: a code of its table in its wire format, or an HTML page.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SystemError {
    /// Answer this code (documented, or decided on with `decision`)...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<i64>,
    /// ...or an HTML error page where the API's wire format was expected.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub html: bool,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TimeoutAnswer {
    pub endpoints: Vec<String>,
    /// Answer this code...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<i64>,
    /// ...or this documented example of the endpoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub example: Option<String>,
    pub source: String,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FreshIds {
    pub endpoint: String,
    /// Answer field paths (`Doc.RefundNumber`).
    pub fields: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FlagCode {
    pub endpoint: String,
    /// A boolean request field.
    pub flag: String,
    pub code: i64,
    pub source: String,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Replay {
    pub doc: String,
    pub source: String,
    pub endpoints: Vec<String>,
    /// The request fields whose values make two calls "the same".
    pub key: Vec<String>,
    /// Only when this boolean request field is true (CreditGuard `mayBeDuplicate`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    /// The code the resend answers with; absent: the first answer unchanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<i64>,
    /// Only a resend whose every field is the same as the first call's is a replay (another
    /// request under the same key is a call of its own).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub identical: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
}
