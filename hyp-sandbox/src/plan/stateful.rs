//! The `sandbox:` rules over the sandbox's memory: balances that calls move (ledgers),
//! amounts one call opens and later calls consume (holds), records with a status, and work
//! queues. Re-exported by [`super::spec`].

use serde::{Deserialize, Serialize};

use super::spec::CodeAnswer;

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Ledger {
    pub name: String,
    pub doc: String,
    pub source: String,
    /// The request fields naming the account (with its currency, where amounts have one).
    pub account: Vec<String>,
    /// The request field holding the amount (major units).
    pub amount: String,
    pub credit: Vec<String>,
    pub debit: Vec<String>,
    /// An endpoint whose answer shows the balance, and the answer field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shown_by: Option<Shown>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Shown {
    pub endpoint: String,
    pub field: String,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Hold {
    pub name: String,
    pub doc: String,
    pub source: String,
    pub opened_by: Vec<Opener>,
    pub consumed_by: Consumer,
    /// Consumed by one call (a capture) rather than by several up to the amount (refunds).
    #[serde(default)]
    pub once: bool,
    /// The answer when the amount would be exceeded.
    pub exceeded: CodeAnswer,
    /// The answer when the reference names nothing open (unknown, or already consumed).
    pub not_open: CodeAnswer,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Opener {
    pub endpoint: String,
    /// The answer codes that open the hold.
    pub codes: Vec<i64>,
    /// The answer field (or envelope field) that identifies it.
    pub id: String,
    /// The request field holding the amount.
    pub amount: String,
    /// Only a call meeting every condition opens it (a debit deal that charges, not a credit
    /// or a page setup).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub when: Vec<FieldValues>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FieldValues {
    /// A request field's wire name.
    pub field: String,
    /// The values it may have, as sent.
    pub values: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Consumer {
    pub endpoint: String,
    /// The request field naming the hold.
    pub id: String,
    /// The request field of the amount consumed; absent: the whole hold at once (a commit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    pub name: String,
    pub doc: String,
    pub source: String,
    pub created_by: String,
    /// The answer field that identifies the record.
    pub id: String,
    /// The status a new record has; tests move it with `Sandbox::set_status`.
    pub initial: String,
    pub statuses: Vec<String>,
    pub refusals: Vec<Refusal>,
    /// A call that removes the record (a later call naming it finds nothing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub removed_by: Option<String>,
    /// The answer when a call names no record.
    pub not_found: CodeAnswer,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Refusal {
    pub endpoint: String,
    /// The request field naming the record.
    pub id: String,
    /// The statuses in which the call is refused.
    pub when: Vec<String>,
    pub answer: CodeAnswer,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Queue {
    pub name: String,
    pub doc: String,
    pub source: String,
    /// The call that adds a row, and the answer field path of the row's id.
    pub added_by: String,
    pub id: String,
    /// The status of a new row.
    pub initial: i64,
    pub listed_by: Lister,
    pub moved_by: Mover,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Lister {
    pub endpoint: String,
    /// The answer's list field, and the example whose first row is the template of every row.
    pub list: String,
    pub row_example: String,
    /// The row field holding the id.
    pub row_id: String,
    /// The request field choosing which status is listed, its values' statuses, and the status
    /// listed when it is absent.
    pub filter: String,
    pub filter_values: Vec<FilterValue>,
    pub default_status: i64,
    /// The code answered when nothing is listed.
    pub empty: CodeAnswer,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FilterValue {
    pub value: String,
    pub status: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Mover {
    pub endpoint: String,
    /// The request's list of updates, and each item's id and new-status fields.
    pub items: String,
    pub item_id: String,
    pub item_status: String,
    /// The answer's list of ids that named no row.
    pub skipped: String,
    /// The example answered when no item names a row.
    pub none_valid_example: String,
}
