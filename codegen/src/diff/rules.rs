//! THE classification table: every [`ChangeKind`] → a [`Severity`] for callers of the
//! generated Rust API and for the wire, and the one-line reason a reviewer reads.
//!
//! How to read it: request side = data we send (narrowing it breaks callers: a value they send
//! is gone, a constraint rejects what passed, a field they did not give is now needed); response
//! side = data we receive (widening it needs attention: a new code or enum value reaches
//! callers' `match`es; removing or retyping something they read breaks them). Adding API
//! surface is `Info` with `adds_api` (a minor version), text only is `Info` (a patch).
//!
//! `codegen/tests/diff_rules/` checks that every entry of [`ALL`](super::kind::ALL) has exactly
//! one rule here, and has a fixture (a pair of specs) per rule.

use super::kind::{ChangeKind, Constraint, Side};

/// How much a change matters to callers of hyp-api.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// Docs, new optional API: nothing to do.
    Info,
    /// Compiles as before, but behaviour or what callers may see changed: review it.
    Warning,
    /// Callers' code stops compiling, or a request or an answer that worked now fails.
    Breaking,
}

impl Severity {
    /// `breaking`, `warning` or `info`.
    pub const fn key(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Breaking => "breaking",
        }
    }
}

/// One row of the table.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub kind: ChangeKind,
    pub severity: Severity,
    /// The change adds API surface (a minor version even when it is only `Info`).
    pub adds_api: bool,
    pub reason: &'static str,
}

const fn breaking(kind: ChangeKind, reason: &'static str) -> Rule {
    Rule {
        kind,
        severity: Severity::Breaking,
        adds_api: false,
        reason,
    }
}

const fn warning(kind: ChangeKind, reason: &'static str) -> Rule {
    Rule {
        kind,
        severity: Severity::Warning,
        adds_api: false,
        reason,
    }
}

/// New API surface, nothing else changes.
const fn addition(kind: ChangeKind, reason: &'static str) -> Rule {
    Rule {
        kind,
        severity: Severity::Info,
        adds_api: true,
        reason,
    }
}

/// Text only.
const fn info(kind: ChangeKind, reason: &'static str) -> Rule {
    Rule {
        kind,
        severity: Severity::Info,
        adds_api: false,
        reason,
    }
}

const TIGHT_REQ: &str =
    "a request that passed `validate()` may now be refused before it is sent (narrower input)";
const LOOSE_REQ: &str =
    "the vendor accepts more: values `validate()` used to refuse now go out; check the docs agree";
const CONSTRAINT_RESP: &str =
    "answers are not validated: a constraint on a received field only changes its docs";

use ChangeKind as K;
use Constraint as C;
use Side::{Request as Req, Response as Resp};

/// Every kind's classification, in the order of `kind::ALL`. One row per line, so rustfmt
/// leaves it as a table.
#[rustfmt::skip]
pub const RULES: &[Rule] = &[
    addition(K::ApiAdded, "a new API module and cargo feature"),
    breaking(K::ApiRemoved, "the module and its cargo feature are gone"),
    breaking(K::TransportChanged, "every request travels differently; answers decode differently"),
    breaking(K::AuthChanged, "clients authenticate differently: how they are built changes"),
    warning(K::BaseUrlChanged, "callers relying on the documented default talk to another host"),
    breaking(K::EnvelopeChanged, "every answer is decoded through the envelope"),
    addition(K::UnknownFieldsNowKept, "response structs gain `unknown_fields` (they are `#[non_exhaustive]`)"),
    breaking(K::UnknownFieldsNoLongerKept, "response structs lose `unknown_fields`: code reading it stops compiling"),
    addition(K::EndpointAdded, "a new client method and its request/response types"),
    breaking(K::EndpointRemoved, "the client method and its types are gone"),
    warning(K::RouteChanged, "the request goes to another URL or HTTP method; callers' code is unchanged"),
    warning(K::TimeoutChanged, "calls time out at a different moment"),
    warning(K::IdempotencyKeyChanged, "which resends are safe changes: the client's retries change"),
    warning(K::ReadOnlyChanged, "read-only calls are retried freely: the retry policy changes"),
    warning(K::MovesMoneyChanged, "whether a timeout after sending is reported as an unknown outcome changes"),
    breaking(K::ResponseShapeChanged, "the response type switches between typed fields and a raw body"),
    breaking(K::ConstructorOrderChanged, "`new` takes its arguments in a new order: calls may not compile, or swap values of the same type"),
    breaking(K::OutcomeAdded, "the outcome enum is exhaustive: `match`es need a new arm; a code that was an error is now a result"),
    breaking(K::OutcomeRemoved, "the outcome variant is gone: its code is an error again"),
    breaking(K::OutcomeCodesChanged, "the same answer now decodes to another outcome or to an error"),
    warning(K::CodeAdded, "a new code callers may receive (a new variant of the `#[non_exhaustive]` code enum)"),
    breaking(K::CodeRemoved, "the code's variant is gone: code matching it stops compiling"),
    breaking(K::CodeMeaningChanged, "the code means something else: its variant is renamed"),
    breaking(K::CodeHttpStatusChanged, "the code arrives with another HTTP status: errors classify differently"),
    warning(K::CodeRetryableChanged, "whether the client retries on this code changes"),
    breaking(K::CodeOutcomeUnknownChanged, "whether the operation may have happened changes: callers reconcile differently"),
    addition(K::FieldAdded { required: false, side: Req }, "a new optional request field: a new setter"),
    addition(K::FieldAdded { required: false, side: Resp }, "a new optional response field (`#[non_exhaustive]` struct)"),
    breaking(K::FieldAdded { required: true, side: Req }, "a new required request field: `new` takes one more argument"),
    warning(K::FieldAdded { required: true, side: Resp }, "answers without the new field now fail to decode"),
    breaking(K::FieldRemoved { side: Req }, "callers setting the field stop compiling; the vendor no longer reads it"),
    breaking(K::FieldRemoved { side: Resp }, "callers reading the field stop compiling"),
    breaking(K::FieldTypeChanged, "the field's Rust type changes; its wire form too, unless one side is a named type over the other"),
    breaking(K::SecretMadeNonSecret, "a secret becomes a plain value: it could appear in `Debug`, logs and errors"),
    breaking(K::FieldMadeRequired { side: Req }, "callers must now give the field: `new` takes one more argument"),
    breaking(K::FieldMadeRequired { side: Resp }, "`Option<T>` becomes `T`, and answers without the field now fail to decode"),
    breaking(K::FieldMadeOptional { side: Req }, "`new` loses an argument: the field moves to a setter"),
    breaking(K::FieldMadeOptional { side: Resp }, "`T` becomes `Option<T>`: callers reading it stop compiling"),
    warning(K::FieldLocationChanged, "the field travels elsewhere (body, path, query, header); callers' code is unchanged"),
    addition(K::EnumAdded, "a new enum type"),
    breaking(K::EnumRemoved, "the enum type is gone"),
    breaking(K::EnumReprChanged, "the enum's values travel as another JSON type"),
    breaking(K::EnumSideChanged, "the enum switches between closed (request) and `#[non_exhaustive]` with `Unknown` (response)"),
    warning(K::EnumValueAdded { side: Req }, "callers may send a new value; an exhaustive `match` on this closed enum needs a new arm"),
    warning(K::EnumValueAdded { side: Resp }, "callers may receive a new value: it decodes to a new variant, no longer to `Unknown`"),
    breaking(K::EnumValueRemoved { side: Req }, "callers sending this value stop compiling"),
    breaking(K::EnumValueRemoved { side: Resp }, "the variant is gone: code naming it stops compiling; the value decodes as `Unknown`"),
    info(K::EnumAliasAdded, "one more wire form decodes to the same variant"),
    warning(K::EnumAliasRemoved, "a wire form that decoded to the variant no longer does"),
    addition(K::ObjectAdded, "a new struct"),
    breaking(K::ObjectRemoved, "the struct is gone"),
    breaking(K::ObjectSideChanged, "the struct switches between request (constructor, closed enums) and response form"),
    breaking(K::RustNameChanged, "a name callers write in Rust changed"),
    warning(K::WireNameChanged, "the wire name or value changed under the same Rust name: check it against the vendor docs"),
    info(K::DocChanged, "text only (docs, sources, decisions)"),
    info(K::ExampleAdded, "a new vendor example: one more golden vector"),
    info(K::ExampleRemoved, "a vendor example is no longer a golden vector"),
    info(K::ExampleChanged, "a vendor example (golden vector) changed"),
    info(K::QuirkAdded, "a vendor quirk is recorded"),
    info(K::QuirkRemoved, "a vendor quirk record is gone"),
    info(K::QuirkChanged, "a vendor quirk record changed"),
    warning(K::OutcomeRequiresAdded, "answers with the outcome's code but without the field now fail to decode (`Decode`), instead of being a result"),
    info(K::OutcomeRequiresRemoved, "answers without the field are results again (the field stays optional in the response type)"),
    addition(K::FieldAliasAdded, "answers spelling the field the other documented way now decode it instead of keeping it as unknown"),
    warning(K::FieldAliasRemoved, "answers spelling the field that way no longer fill it: it lands in `unknown_fields`, or a required field fails to decode"),
    addition(K::ErrorDetailAdded, "API errors now keep this envelope answer field in `ApiError::details`"),
    warning(K::ErrorDetailRemoved, "API errors no longer keep this envelope answer field: `ApiError::detail` gives `None` for it"),
    breaking(K::ConstraintTightened { constraint: C::Gt, side: Req }, TIGHT_REQ),
    info(K::ConstraintTightened { constraint: C::Gt, side: Resp }, CONSTRAINT_RESP),
    breaking(K::ConstraintTightened { constraint: C::Ge, side: Req }, TIGHT_REQ),
    info(K::ConstraintTightened { constraint: C::Ge, side: Resp }, CONSTRAINT_RESP),
    breaking(K::ConstraintTightened { constraint: C::Le, side: Req }, TIGHT_REQ),
    info(K::ConstraintTightened { constraint: C::Le, side: Resp }, CONSTRAINT_RESP),
    breaking(K::ConstraintTightened { constraint: C::MaxLen, side: Req }, TIGHT_REQ),
    info(K::ConstraintTightened { constraint: C::MaxLen, side: Resp }, CONSTRAINT_RESP),
    breaking(K::ConstraintTightened { constraint: C::MinLen, side: Req }, TIGHT_REQ),
    info(K::ConstraintTightened { constraint: C::MinLen, side: Resp }, CONSTRAINT_RESP),
    breaking(K::ConstraintTightened { constraint: C::Pattern, side: Req }, "values that matched the old pattern may not match the new one (patterns are not compared: any change counts as tightened)"),
    info(K::ConstraintTightened { constraint: C::Pattern, side: Resp }, CONSTRAINT_RESP),
    breaking(K::ConstraintTightened { constraint: C::MinItems, side: Req }, TIGHT_REQ),
    info(K::ConstraintTightened { constraint: C::MinItems, side: Resp }, CONSTRAINT_RESP),
    breaking(K::ConstraintTightened { constraint: C::MaxItems, side: Req }, TIGHT_REQ),
    info(K::ConstraintTightened { constraint: C::MaxItems, side: Resp }, CONSTRAINT_RESP),
    breaking(K::ConstraintTightened { constraint: C::MaxDecimalPlaces, side: Req }, TIGHT_REQ),
    info(K::ConstraintTightened { constraint: C::MaxDecimalPlaces, side: Resp }, CONSTRAINT_RESP),
    breaking(K::ConstraintTightened { constraint: C::WithinPastDays, side: Req }, TIGHT_REQ),
    info(K::ConstraintTightened { constraint: C::WithinPastDays, side: Resp }, CONSTRAINT_RESP),
    breaking(K::ConstraintTightened { constraint: C::NotFuture, side: Req }, TIGHT_REQ),
    info(K::ConstraintTightened { constraint: C::NotFuture, side: Resp }, CONSTRAINT_RESP),
    breaking(K::ConstraintTightened { constraint: C::Requires, side: Req }, TIGHT_REQ),
    info(K::ConstraintTightened { constraint: C::Requires, side: Resp }, CONSTRAINT_RESP),
    breaking(K::ConstraintTightened { constraint: C::LeField, side: Req }, TIGHT_REQ),
    info(K::ConstraintTightened { constraint: C::LeField, side: Resp }, CONSTRAINT_RESP),
    breaking(K::ConstraintTightened { constraint: C::ItemList, side: Req }, TIGHT_REQ),
    info(K::ConstraintTightened { constraint: C::ItemList, side: Resp }, CONSTRAINT_RESP),
    warning(K::ConstraintLoosened { constraint: C::Gt, side: Req }, LOOSE_REQ),
    info(K::ConstraintLoosened { constraint: C::Gt, side: Resp }, CONSTRAINT_RESP),
    warning(K::ConstraintLoosened { constraint: C::Ge, side: Req }, LOOSE_REQ),
    info(K::ConstraintLoosened { constraint: C::Ge, side: Resp }, CONSTRAINT_RESP),
    warning(K::ConstraintLoosened { constraint: C::Le, side: Req }, LOOSE_REQ),
    info(K::ConstraintLoosened { constraint: C::Le, side: Resp }, CONSTRAINT_RESP),
    warning(K::ConstraintLoosened { constraint: C::MaxLen, side: Req }, LOOSE_REQ),
    info(K::ConstraintLoosened { constraint: C::MaxLen, side: Resp }, CONSTRAINT_RESP),
    warning(K::ConstraintLoosened { constraint: C::MinLen, side: Req }, LOOSE_REQ),
    info(K::ConstraintLoosened { constraint: C::MinLen, side: Resp }, CONSTRAINT_RESP),
    warning(K::ConstraintLoosened { constraint: C::Pattern, side: Req }, LOOSE_REQ),
    info(K::ConstraintLoosened { constraint: C::Pattern, side: Resp }, CONSTRAINT_RESP),
    warning(K::ConstraintLoosened { constraint: C::MinItems, side: Req }, LOOSE_REQ),
    info(K::ConstraintLoosened { constraint: C::MinItems, side: Resp }, CONSTRAINT_RESP),
    warning(K::ConstraintLoosened { constraint: C::MaxItems, side: Req }, LOOSE_REQ),
    info(K::ConstraintLoosened { constraint: C::MaxItems, side: Resp }, CONSTRAINT_RESP),
    warning(K::ConstraintLoosened { constraint: C::MaxDecimalPlaces, side: Req }, LOOSE_REQ),
    info(K::ConstraintLoosened { constraint: C::MaxDecimalPlaces, side: Resp }, CONSTRAINT_RESP),
    warning(K::ConstraintLoosened { constraint: C::WithinPastDays, side: Req }, LOOSE_REQ),
    info(K::ConstraintLoosened { constraint: C::WithinPastDays, side: Resp }, CONSTRAINT_RESP),
    warning(K::ConstraintLoosened { constraint: C::NotFuture, side: Req }, LOOSE_REQ),
    info(K::ConstraintLoosened { constraint: C::NotFuture, side: Resp }, CONSTRAINT_RESP),
    warning(K::ConstraintLoosened { constraint: C::Requires, side: Req }, LOOSE_REQ),
    info(K::ConstraintLoosened { constraint: C::Requires, side: Resp }, CONSTRAINT_RESP),
    warning(K::ConstraintLoosened { constraint: C::LeField, side: Req }, LOOSE_REQ),
    info(K::ConstraintLoosened { constraint: C::LeField, side: Resp }, CONSTRAINT_RESP),
    warning(K::ConstraintLoosened { constraint: C::ItemList, side: Req }, LOOSE_REQ),
    info(K::ConstraintLoosened { constraint: C::ItemList, side: Resp }, CONSTRAINT_RESP),
];

// The table is in `ALL` order, one row per kind.
const _: () = {
    let mut i = 0;
    while i < RULES.len() {
        assert!(
            RULES[i].kind.ordinal() == i,
            "diff::rules::RULES must have one row per ChangeKind, in the order of kind::ALL"
        );
        i += 1;
    }
    assert!(RULES.len() == super::kind::ALL.len());
};

/// The rule for `kind`. A kind without a row (impossible while the compile-time check above
/// holds) is treated as breaking, so nothing slips through unreviewed.
pub fn rule(kind: ChangeKind) -> Rule {
    RULES
        .get(kind.ordinal())
        .filter(|r| r.kind == kind)
        .copied()
        .unwrap_or(Rule {
            kind,
            severity: Severity::Breaking,
            adds_api: false,
            reason: "unclassified change kind: add it to codegen/src/diff/rules.rs",
        })
}
