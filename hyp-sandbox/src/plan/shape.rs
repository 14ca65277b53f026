//! The parts of the `sandbox:` section that shape answers: the XML envelope, request
//! fallbacks, result blocks filled from request and state, and the journal of handled calls an
//! inquiry lists. Re-exported by [`super::spec`].

use serde::{Deserialize, Serialize};

use super::spec::FieldValues;

/// A request value outside a closed set that the vendor reads as another (CreditGuard: a
/// language other than HEB/ENG is answered in English): the sandbox judges and plays the call
/// with `otherwise`, and echoes what was sent.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Fallback {
    pub doc: String,
    pub source: String,
    /// A request (or request-envelope) field's wire name.
    pub field: String,
    /// The values taken as sent.
    pub values: Vec<String>,
    /// What any other value is read as.
    pub otherwise: String,
}

/// The answer envelope of an XML API: its fields in order, what fills them, and whether an
/// error answer keeps the command element.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EnvelopeRule {
    pub doc: String,
    pub source: String,
    /// The envelope's fields, in the order written; the command element follows them.
    pub order: Vec<String>,
    /// Fields copied from the request as sent (empty when the request has none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub echo: Vec<String>,
    /// A field holding the time of the answer, from the sandbox clock.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clock: Option<ClockField>,
    /// Fields numbered afresh on every handled request, errors included.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fresh: Vec<String>,
    /// The vendor's texts for a code.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub texts: Vec<CodeTexts>,
    /// For a code without texts, these fields carry the code's message.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub message_copies: Vec<String>,
    /// The endpoints whose error answers keep their command element (the others drop it).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors_keep_command: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
}

/// A field holding the sandbox clock's time, in a chrono format.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ClockField {
    pub field: String,
    pub format: String,
}

/// The vendor's texts of one code, by envelope field.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CodeTexts {
    pub code: i64,
    pub source: String,
    /// Field → text, in the envelope's order.
    pub fields: std::collections::BTreeMap<String, String>,
}

/// A command element built from an object's fields and filled from the request, the code and
/// the state (a deal's result block).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ResultBlock {
    pub doc: String,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
    pub endpoints: Vec<String>,
    /// The object whose fields, in order, are the element's children on success.
    pub object: String,
    /// The example whose command element is the shape (and default values) of an error's.
    pub error_shape: ExampleRef,
    /// The fields an error's element takes from the request (the rest stay as the example has them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub error_echo: Vec<String>,
    /// The fields carrying the code (zero-padded as the envelope writes it) and its message.
    pub status: String,
    pub status_text: String,
    /// Coded fields: the `code` attribute of each documented text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub coded: Vec<CodedTable>,
    /// Fields derived from a sensitive request field (a card number), never echoing it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub masks: Vec<Mask>,
    /// Coded fields whose text and code follow another request field's value.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub derived: Vec<Derived>,
    /// A field's fixed text per endpoint (a cancellation's `transactionType`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fixed: Vec<FixedText>,
    /// Fields numbered afresh on a success meeting every condition.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fresh: Vec<FreshWhen>,
    /// The field linking the technical transactions of one financial transaction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<Link>,
    /// Fields left out when they have no value.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub omit_empty: Vec<String>,
    /// Card tokens: issued by a success that sends a card, and answered with the card's
    /// masked fields by a later deal naming the token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<TokenRule>,
    /// Fields a success's element has only when the call met every condition (a page setup's
    /// elements), written after the field `after`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<BlockGroup>,
    /// Constant values (dotted paths into nested elements), with their source.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub constants: Vec<Constant>,
}

/// A token `field` issued (digits, `digits` long) by a success sending `from` and meeting
/// `when`; the `keeps` fields of that answer are answered again by a deal naming the token.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TokenRule {
    pub field: String,
    pub from: String,
    pub digits: usize,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub when: Vec<FieldValues>,
    pub keeps: Vec<String>,
    pub source: String,
    pub decision: String,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct BlockGroup {
    pub fields: Vec<String>,
    pub after: String,
    pub when: Vec<FieldValues>,
    pub source: String,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ExampleRef {
    pub endpoint: String,
    pub example: String,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CodedTable {
    pub field: String,
    pub source: String,
    /// Text → code.
    pub codes: std::collections::BTreeMap<String, String>,
}

/// Masked forms of a request field: `head` characters kept (at most half the length), `tail`
/// characters kept, the middle written as `fill` (empty: left out); or its `length`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Mask {
    pub field: String,
    pub from: String,
    #[serde(default)]
    pub head: usize,
    #[serde(default)]
    pub tail: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fill: Option<char>,
    #[serde(default)]
    pub length: bool,
    pub source: String,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Derived {
    pub field: String,
    /// The request field whose value selects the text.
    pub from: String,
    pub source: String,
    pub values: Vec<DerivedValue>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DerivedValue {
    /// The request value.
    pub when: String,
    pub text: String,
    pub code: String,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FixedText {
    pub endpoint: String,
    pub field: String,
    pub text: String,
    pub source: String,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FreshWhen {
    pub field: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub when: Vec<FieldValues>,
}

/// `field` is the request's value when it names one, else the original's (a call naming an
/// earlier transaction), else the envelope field `own` of this answer.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub field: String,
    pub own: String,
    pub source: String,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Constant {
    pub field: String,
    pub value: String,
    pub source: String,
}

/// Every handled call of some endpoints, kept as a row, and the endpoint that lists them.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Journal {
    pub doc: String,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
    pub recorded_by: Vec<String>,
    /// The example whose rows, merged in order, are a row's shape: values come from the
    /// answer's command element, then its envelope, then the request.
    pub row_example: ExampleRef,
    /// The row's time field.
    pub clock: ClockField,
    /// A field written one text on success and another on error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<OutcomeText>,
    /// Fields a row has only when the call met every condition (a page setup's fields).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<RowGroup>,
    /// Fields left out of a row when they have no value.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub omit_empty: Vec<String>,
    /// How a call names an earlier row (a refund's `tranId`).
    pub original: Lookup,
    pub listed_by: JournalList,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OutcomeText {
    pub field: String,
    pub success: String,
    pub error: String,
    pub source: String,
    pub decision: String,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RowGroup {
    pub fields: Vec<String>,
    pub when: Vec<FieldValues>,
    pub source: String,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Lookup {
    /// The request field naming the row.
    pub request: String,
    /// The row field it names.
    pub row: String,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct JournalList {
    pub endpoint: String,
    /// The answer's list element and its item element.
    pub list: String,
    pub item: String,
    /// The answer's object of counts, and its fields given the number of rows listed.
    pub totals: String,
    pub counts: Vec<String>,
    pub filters: Vec<RowFilter>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RowFilter {
    pub request: String,
    pub row: String,
    /// `equals` (default), `from` or `to` (a date against the start of the row's time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub op: Option<FilterOp>,
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FilterOp {
    Equals,
    From,
    To,
}
