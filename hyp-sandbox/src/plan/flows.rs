//! The `sandbox:` rules for whole flows rather than single calls: requests that miss one fixed
//! value (Hyp Pay's missing `What`), strict booleans, the deals a sandbox made (looked up,
//! cancelled), signed answers and their verification, and hosted payment pages. Names resolve
//! as in [`super::spec`]; the generator's checker reports the ones that do not exist.

use serde::{Deserialize, Serialize};

use super::spec::{CodeAnswer, FieldValues};

/// A request that matches `endpoint` except for its fixed value of `field` (absent or other):
/// answered with `code` in the endpoint's frame rather than routed elsewhere.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct NearMiss {
    pub endpoint: String,
    /// A request field of the endpoint with a `fixed:` value.
    pub field: String,
    pub code: i64,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
}

/// The deals the sandbox made: who makes them (and the answer fields naming them), who looks
/// them up, who cancels them, and what a cancelled deal answers.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Deals {
    pub doc: String,
    pub source: String,
    pub made_by: Vec<DealMaker>,
    /// Calls that need a deal the sandbox made, by a request field naming it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub looked_up_by: Vec<DealCall>,
    /// The call that cancels a deal (once).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cancelled_by: Option<DealCall>,
    /// The answer to a call naming a cancelled deal (a capture, a refund, a commit).
    pub cancelled: CodeAnswer,
}

/// An endpoint (or a page, by name) whose answer with one of `codes` makes a deal.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DealMaker {
    pub endpoint: String,
    pub codes: Vec<i64>,
    /// The answer fields whose values name the deal (`Id`, `UID`).
    pub ids: Vec<String>,
}

/// A call naming a deal by request field `id`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DealCall {
    pub endpoint: String,
    pub id: String,
    /// The answer when no deal of the sandbox has that id (or it cannot be cancelled again).
    pub not_found: CodeAnswer,
    /// The answer field that carries the request's `id` back (getToken's `Id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub echo_as: Option<String>,
}

/// An endpoint whose answer is the request's own parameters, signed (Hyp Pay `What=SIGN`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Signing {
    pub endpoint: String,
    pub doc: String,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
    /// Request parameters not sent back (credentials, the sub-command).
    pub drop: Vec<String>,
    /// Parameters sorted by name (bytes), as the vendor's example shows; else as sent.
    #[serde(default)]
    pub sorted: bool,
    /// Parameters whose value changes in the answer (`action` → `pay`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub set: Vec<FieldValue>,
    /// The answer field of the signature, written last.
    pub signature: String,
}

/// A field and one value.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FieldValue {
    pub field: String,
    pub value: String,
}

/// An endpoint that checks parameters a page redirect carried against what the sandbox issued.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Verifying {
    pub endpoint: String,
    pub source: String,
    /// The page whose redirects are checked.
    pub page: String,
    /// The answer when a parameter is missing, added, reordered or changed, or the signature
    /// is not one the sandbox issued.
    pub failed: CodeAnswer,
}

/// A hosted payment page: issued by a call, served by the sandbox as an HTML form, paid or
/// declined once, then redirecting to the merchant with signed parameters.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Page {
    pub name: String,
    pub doc: String,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
    /// The call whose success issues a page, when its request meets every condition.
    pub issued_by: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub when: Vec<FieldValues>,
    /// Where the page is served, under the API's prefix, and the query values that mark it.
    pub path: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub marked_by: Vec<FieldValue>,
    /// The query parameter that names the page: the issuing answer's field of that name
    /// (Hyp Pay `signature`), else a fresh id written to `id_field`, or carried by the URL
    /// alone (`fresh_id`).
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_field: Option<String>,
    /// A fresh id that only the page's URL carries (Hyp Pay's payment link `?pay=…`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub fresh_id: bool,
    /// The answer field that gets the page's URL; absent: the page's URL is the path with
    /// the issuing answer as its query (Hyp Pay: `{base}/?` + the signed answer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url_field: Option<String>,
    pub success_url: ReturnUrl,
    pub failure_url: ReturnUrl,
    /// The code of a paid page, unless a flag of the issuing request selects another.
    pub approved: i64,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flag_codes: Vec<PageFlag>,
    /// The code of a declined payment.
    pub declined: CodeAnswer,
    /// The redirect's parameters, in order.
    pub redirect: Vec<RedirectParam>,
    /// The deal a paid page makes, as a call of an endpoint the sandbox plays itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deal: Option<PageDeal>,
    /// The record the issuing call created, moved to a status when the page is paid (a paid
    /// payment link).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paid_record: Option<PaidRecord>,
}

/// The deal a paid page makes: a call of `endpoint` the sandbox plays itself, with the issuing
/// request's fields and `set` over them, answered with the page's code. It goes through the
/// endpoint's rules as a merchant's call would (its result block, its journal row, the holds,
/// records and card tokens it opens; `Sandbox::applied` counts it for the endpoint, as it took
/// effect, `Sandbox::received` does not); its answer is never sent, the redirect's
/// `from: deal` parameters read it. A declined page makes no deal.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PageDeal {
    pub endpoint: String,
    pub doc: String,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
    /// Request fields of the deal and where their values come from.
    pub set: Vec<PageValue>,
    /// Answer fields written into the deal's result before it is kept (the page's id).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stamp: Vec<PageValue>,
}

/// A field and where a page's value for it comes from (as for a redirect parameter).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PageValue {
    pub field: String,
    pub from: ValueFrom,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<String>,
}

/// A record moved to `status` when the page is paid: the one the issuing call created (its
/// id is the issuing answer's field the record rule names).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PaidRecord {
    pub record: String,
    pub status: String,
    pub source: String,
}

/// Where a page returns to: a field of the issuing request, else the terminal's setting.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ReturnUrl {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// The sandbox terminal's setting (a vendor configures it in its portal).
    pub default: String,
}

/// A flag of the issuing request that selects the paid page's code (J5 → 700).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PageFlag {
    pub flag: String,
    pub code: i64,
    pub source: String,
}

/// One redirect parameter and where its value comes from.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RedirectParam {
    pub name: String,
    pub from: ValueFrom,
    /// The issuing request's fields (`from: request`), their values joined by a space; the
    /// answer field read (`from: issued`, `from: deal`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<String>,
    /// Only when this boolean field of the issuing request is true (`MoreData`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    /// Only on a paid page (an authorization number), empty on a declined one.
    #[serde(default)]
    pub paid_only: bool,
}

/// Where a redirect parameter's value comes from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueFrom {
    /// The issuing request's `fields`, as sent (empty when absent).
    #[default]
    Request,
    /// The page's id.
    PageId,
    /// A fresh number.
    Fresh,
    /// The outcome code (paid, flagged or declined).
    Code,
    /// The outcome code, only when it is not a success (empty otherwise).
    ErrorCode,
    /// The card's last four digits, as entered on the page.
    CardLast4,
    /// The card's expiry as entered: `MM`, `YY` or `MMYY`.
    ExpiryMonth,
    ExpiryYear,
    Expiry,
    /// The sandbox's signature over the parameters before it (verified by the API's verify
    /// endpoint).
    Signature,
    /// The API's documented redirect MAC (`redirect_mac` in the service).
    Mac,
    /// The card number as entered on the page (never a redirect parameter: a deal's field).
    CardNumber,
    /// A field of the issuing call's answer (`fields[0]`: the setup's `tranId`).
    Issued,
    /// A field of the answer of the deal the paid page made (`fields[0]`); empty when the
    /// page was declined.
    Deal,
}

/// Answer fields an endpoint sends only when a boolean of the request is true (Hyp Pay's
/// `MoreData=True` details).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FlagFields {
    pub endpoint: String,
    pub flag: String,
    pub fields: Vec<String>,
    pub source: String,
}

/// A call that may name a transaction by another id than the one the rules read (CreditGuard
/// `cancelDeal` by `cgUid` instead of `tranId`): when the request leaves `field` empty and
/// gives `by`, the journal's latest row whose `by` is that value, whose `field` names a live
/// `record`, and which meets none of `unless`, lends its `field` to the call; when it gives
/// both, `field` wins and `by` is ignored.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RowLookup {
    pub doc: String,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
    pub endpoint: String,
    /// The request field the rules read (it wins when given).
    pub field: String,
    /// The other request field naming the transaction (a row field of the same name).
    pub by: String,
    /// The record the row's `field` must name, not removed.
    pub record: String,
    /// Rows left out (a page setup), by their fields' texts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unless: Vec<FieldValues>,
}
