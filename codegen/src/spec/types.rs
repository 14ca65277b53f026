//! The value shapes: the result-code table, enums, objects and their fields, named types and
//! their constraints.

use serde::Deserialize;

use super::{FieldLocation, Source};

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
