//! Every kind of edit the resolved spec model can have, one [`ChangeKind`] each.
//!
//! [`ALL`] lists them, in the order of [`ChangeKind::ordinal`]. That `match` is exhaustive (no
//! wildcard arm, payloads spelled out), and a compile-time check in `all.rs` makes sure
//! `ALL[i]` has ordinal `i` for every `i`: adding a variant does not compile until it has an
//! ordinal, and an ordinal without its place in `ALL` fails the check. `rules.rs` must classify every entry of
//! `ALL` (tested in `codegen/tests/diff_rules/`).

mod all;
mod axes;

pub use all::ALL;
pub use axes::{Constraint, Side};

/// One kind of edit of the resolved model. The rules table (`rules.rs`) gives each its
/// severity and the reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChangeKind {
    /// A whole API folder appeared (its endpoints, enums and objects are listed as added too).
    ApiAdded,
    ApiRemoved,
    /// The transport kind or its URL template.
    TransportChanged,
    AuthChanged,
    /// The documented default base URL.
    BaseUrlChanged,
    /// The answer envelope: its code or message wire names, or lenient code decoding.
    EnvelopeChanged,
    /// Response structs now keep undocumented fields (`unknown_fields`).
    UnknownFieldsNowKept,
    UnknownFieldsNoLongerKept,
    EndpointAdded,
    EndpointRemoved,
    /// The HTTP method or path of an endpoint.
    RouteChanged,
    /// An endpoint's documented server wait or effective client timeout, or the service's
    /// default timeout or margin.
    TimeoutChanged,
    /// The idempotency key field, or whether the client generates one.
    IdempotencyKeyChanged,
    ReadOnlyChanged,
    MovesMoneyChanged,
    /// The response switched between typed fields and a raw body.
    ResponseShapeChanged,
    /// The required request fields (the constructor's arguments) are in a new order.
    ConstructorOrderChanged,
    OutcomeAdded,
    OutcomeRemoved,
    /// The codes that decode to an outcome.
    OutcomeCodesChanged,
    /// A documented code, service-wide or on one endpoint.
    CodeAdded,
    CodeRemoved,
    /// The code's name (what it means to callers) changed.
    CodeMeaningChanged,
    CodeHttpStatusChanged,
    CodeRetryableChanged,
    CodeOutcomeUnknownChanged,
    FieldAdded {
        required: bool,
        side: Side,
    },
    FieldRemoved {
        side: Side,
    },
    FieldTypeChanged,
    /// A `secret` field became another type: its value would no longer be redacted.
    SecretMadeNonSecret,
    FieldMadeRequired {
        side: Side,
    },
    FieldMadeOptional {
        side: Side,
    },
    /// Where a request field travels: body, path, query or header.
    FieldLocationChanged,
    EnumAdded,
    EnumRemoved,
    /// Integer ↔ string on the wire.
    EnumReprChanged,
    /// The enum became (or stopped being) a request enum: closed vs `#[non_exhaustive]`.
    EnumSideChanged,
    EnumValueAdded {
        side: Side,
    },
    EnumValueRemoved {
        side: Side,
    },
    /// Another wire form accepted for an enum value (`also:`).
    EnumAliasAdded,
    EnumAliasRemoved,
    ObjectAdded,
    ObjectRemoved,
    /// The object became (or stopped being) reachable from a request.
    ObjectSideChanged,
    /// A Rust name callers write (module, feature, type, method, field or variant) changed,
    /// the wire identity being the same.
    RustNameChanged,
    /// A wire name or value changed, the Rust name being the same.
    WireNameChanged,
    /// Docs, sources, decisions, titles: text only.
    DocChanged,
    /// A vendor example (golden vector).
    ExampleAdded,
    ExampleRemoved,
    ExampleChanged,
    QuirkAdded,
    QuirkRemoved,
    QuirkChanged,
    /// An outcome now requires a response field (`requires:`).
    OutcomeRequiresAdded,
    /// An outcome no longer requires a response field.
    OutcomeRequiresRemoved,
    /// A field is also read under another documented spelling (`aliases:`).
    FieldAliasAdded,
    /// A field is no longer read under an alternative spelling.
    FieldAliasRemoved,
    /// API errors keep one more envelope answer field (`envelope.error_details`).
    ErrorDetailAdded,
    /// API errors no longer keep an envelope answer field.
    ErrorDetailRemoved,
    ConstraintTightened {
        constraint: Constraint,
        side: Side,
    },
    ConstraintLoosened {
        constraint: Constraint,
        side: Side,
    },
}

const TIGHTENED: usize = 67;
const LOOSENED: usize = TIGHTENED + 2 * Constraint::ALL.len();

impl ChangeKind {
    /// The position of this kind in [`ALL`]. Exhaustive on purpose: a new variant does not
    /// compile until it has a place here and in `ALL`.
    pub const fn ordinal(self) -> usize {
        use ChangeKind::*;
        match self {
            ApiAdded => 0,
            ApiRemoved => 1,
            TransportChanged => 2,
            AuthChanged => 3,
            BaseUrlChanged => 4,
            EnvelopeChanged => 5,
            UnknownFieldsNowKept => 6,
            UnknownFieldsNoLongerKept => 7,
            EndpointAdded => 8,
            EndpointRemoved => 9,
            RouteChanged => 10,
            TimeoutChanged => 11,
            IdempotencyKeyChanged => 12,
            ReadOnlyChanged => 13,
            MovesMoneyChanged => 14,
            ResponseShapeChanged => 15,
            ConstructorOrderChanged => 16,
            OutcomeAdded => 17,
            OutcomeRemoved => 18,
            OutcomeCodesChanged => 19,
            CodeAdded => 20,
            CodeRemoved => 21,
            CodeMeaningChanged => 22,
            CodeHttpStatusChanged => 23,
            CodeRetryableChanged => 24,
            CodeOutcomeUnknownChanged => 25,
            FieldAdded { required, side } => 26 + 2 * (required as usize) + side.ordinal(),
            FieldRemoved { side } => 30 + side.ordinal(),
            FieldTypeChanged => 32,
            SecretMadeNonSecret => 33,
            FieldMadeRequired { side } => 34 + side.ordinal(),
            FieldMadeOptional { side } => 36 + side.ordinal(),
            FieldLocationChanged => 38,
            EnumAdded => 39,
            EnumRemoved => 40,
            EnumReprChanged => 41,
            EnumSideChanged => 42,
            EnumValueAdded { side } => 43 + side.ordinal(),
            EnumValueRemoved { side } => 45 + side.ordinal(),
            EnumAliasAdded => 47,
            EnumAliasRemoved => 48,
            ObjectAdded => 49,
            ObjectRemoved => 50,
            ObjectSideChanged => 51,
            RustNameChanged => 52,
            WireNameChanged => 53,
            DocChanged => 54,
            ExampleAdded => 55,
            ExampleRemoved => 56,
            ExampleChanged => 57,
            QuirkAdded => 58,
            QuirkRemoved => 59,
            QuirkChanged => 60,
            OutcomeRequiresAdded => 61,
            OutcomeRequiresRemoved => 62,
            FieldAliasAdded => 63,
            FieldAliasRemoved => 64,
            ErrorDetailAdded => 65,
            ErrorDetailRemoved => 66,
            ConstraintTightened { constraint, side } => {
                TIGHTENED + 2 * constraint.ordinal() + side.ordinal()
            }
            ConstraintLoosened { constraint, side } => {
                LOOSENED + 2 * constraint.ordinal() + side.ordinal()
            }
        }
    }

    /// The snake_case name of the variant, without its side or constraint (`field_added`).
    pub const fn name(self) -> &'static str {
        use ChangeKind::*;
        match self {
            ApiAdded => "api_added",
            ApiRemoved => "api_removed",
            TransportChanged => "transport_changed",
            AuthChanged => "auth_changed",
            BaseUrlChanged => "base_url_changed",
            EnvelopeChanged => "envelope_changed",
            UnknownFieldsNowKept => "unknown_fields_now_kept",
            UnknownFieldsNoLongerKept => "unknown_fields_no_longer_kept",
            EndpointAdded => "endpoint_added",
            EndpointRemoved => "endpoint_removed",
            RouteChanged => "route_changed",
            TimeoutChanged => "timeout_changed",
            IdempotencyKeyChanged => "idempotency_key_changed",
            ReadOnlyChanged => "read_only_changed",
            MovesMoneyChanged => "moves_money_changed",
            ResponseShapeChanged => "response_shape_changed",
            ConstructorOrderChanged => "constructor_order_changed",
            OutcomeAdded => "outcome_added",
            OutcomeRemoved => "outcome_removed",
            OutcomeCodesChanged => "outcome_codes_changed",
            CodeAdded => "code_added",
            CodeRemoved => "code_removed",
            CodeMeaningChanged => "code_meaning_changed",
            CodeHttpStatusChanged => "code_http_status_changed",
            CodeRetryableChanged => "code_retryable_changed",
            CodeOutcomeUnknownChanged => "code_outcome_unknown_changed",
            FieldAdded { .. } => "field_added",
            FieldRemoved { .. } => "field_removed",
            FieldTypeChanged => "field_type_changed",
            SecretMadeNonSecret => "secret_made_non_secret",
            FieldMadeRequired { .. } => "field_made_required",
            FieldMadeOptional { .. } => "field_made_optional",
            FieldLocationChanged => "field_location_changed",
            EnumAdded => "enum_added",
            EnumRemoved => "enum_removed",
            EnumReprChanged => "enum_repr_changed",
            EnumSideChanged => "enum_side_changed",
            EnumValueAdded { .. } => "enum_value_added",
            EnumValueRemoved { .. } => "enum_value_removed",
            EnumAliasAdded => "enum_alias_added",
            EnumAliasRemoved => "enum_alias_removed",
            ObjectAdded => "object_added",
            ObjectRemoved => "object_removed",
            ObjectSideChanged => "object_side_changed",
            RustNameChanged => "rust_name_changed",
            WireNameChanged => "wire_name_changed",
            DocChanged => "doc_changed",
            ExampleAdded => "example_added",
            ExampleRemoved => "example_removed",
            ExampleChanged => "example_changed",
            QuirkAdded => "quirk_added",
            QuirkRemoved => "quirk_removed",
            QuirkChanged => "quirk_changed",
            OutcomeRequiresAdded => "outcome_requires_added",
            OutcomeRequiresRemoved => "outcome_requires_removed",
            FieldAliasAdded => "field_alias_added",
            FieldAliasRemoved => "field_alias_removed",
            ErrorDetailAdded => "error_detail_added",
            ErrorDetailRemoved => "error_detail_removed",
            ConstraintTightened { .. } => "constraint_tightened",
            ConstraintLoosened { .. } => "constraint_loosened",
        }
    }

    /// The side the kind is classified for, where the direction matters.
    pub const fn side(self) -> Option<Side> {
        use ChangeKind::*;
        match self {
            FieldAdded { side, .. }
            | FieldRemoved { side }
            | FieldMadeRequired { side }
            | FieldMadeOptional { side }
            | EnumValueAdded { side }
            | EnumValueRemoved { side }
            | ConstraintTightened { side, .. }
            | ConstraintLoosened { side, .. } => Some(side),
            _ => None,
        }
    }

    /// The constraint of a constraint change.
    pub const fn constraint(self) -> Option<Constraint> {
        match self {
            ChangeKind::ConstraintTightened { constraint, .. }
            | ChangeKind::ConstraintLoosened { constraint, .. } => Some(constraint),
            _ => None,
        }
    }

    /// Whether an added field is required.
    pub const fn required(self) -> Option<bool> {
        match self {
            ChangeKind::FieldAdded { required, .. } => Some(required),
            _ => None,
        }
    }

    /// A stable identifier: the name, then the payload (`field_added.required.request`,
    /// `constraint_tightened.max_len.request`). Part of every change's fingerprint.
    pub fn id(self) -> String {
        let mut id = self.name().to_string();
        if let Some(r) = self.required() {
            id.push_str(if r { ".required" } else { ".optional" });
        }
        if let Some(c) = self.constraint() {
            id.push('.');
            id.push_str(c.key());
        }
        if let Some(s) = self.side() {
            id.push('.');
            id.push_str(s.key());
        }
        id
    }

    /// For people: `field added (required, request)`.
    pub fn label(self) -> String {
        let mut parts = Vec::new();
        if let Some(r) = self.required() {
            parts.push(if r { "required" } else { "optional" });
        }
        if let Some(c) = self.constraint() {
            parts.push(c.key());
        }
        if let Some(s) = self.side() {
            parts.push(s.key());
        }
        let name = self.name().replace('_', " ");
        if parts.is_empty() {
            name
        } else {
            format!("{name} ({})", parts.join(", "))
        }
    }
}
