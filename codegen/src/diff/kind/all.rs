//! [`ALL`]: every [`ChangeKind`], in ordinal order, with the compile-time check that it is so.

use super::{ChangeKind, Constraint, LOOSENED, Side};

use ChangeKind as K;
use Constraint as C;
use Side::{Request as Req, Response as Resp};

/// Every kind, in ordinal order (checked at compile time below).
pub const ALL: &[ChangeKind] = &[
    K::ApiAdded,
    K::ApiRemoved,
    K::TransportChanged,
    K::AuthChanged,
    K::BaseUrlChanged,
    K::EnvelopeChanged,
    K::UnknownFieldsNowKept,
    K::UnknownFieldsNoLongerKept,
    K::EndpointAdded,
    K::EndpointRemoved,
    K::RouteChanged,
    K::TimeoutChanged,
    K::IdempotencyKeyChanged,
    K::ReadOnlyChanged,
    K::MovesMoneyChanged,
    K::ResponseShapeChanged,
    K::ConstructorOrderChanged,
    K::OutcomeAdded,
    K::OutcomeRemoved,
    K::OutcomeCodesChanged,
    K::CodeAdded,
    K::CodeRemoved,
    K::CodeMeaningChanged,
    K::CodeHttpStatusChanged,
    K::CodeRetryableChanged,
    K::CodeOutcomeUnknownChanged,
    K::FieldAdded {
        required: false,
        side: Req,
    },
    K::FieldAdded {
        required: false,
        side: Resp,
    },
    K::FieldAdded {
        required: true,
        side: Req,
    },
    K::FieldAdded {
        required: true,
        side: Resp,
    },
    K::FieldRemoved { side: Req },
    K::FieldRemoved { side: Resp },
    K::FieldTypeChanged,
    K::SecretMadeNonSecret,
    K::FieldMadeRequired { side: Req },
    K::FieldMadeRequired { side: Resp },
    K::FieldMadeOptional { side: Req },
    K::FieldMadeOptional { side: Resp },
    K::FieldLocationChanged,
    K::EnumAdded,
    K::EnumRemoved,
    K::EnumReprChanged,
    K::EnumSideChanged,
    K::EnumValueAdded { side: Req },
    K::EnumValueAdded { side: Resp },
    K::EnumValueRemoved { side: Req },
    K::EnumValueRemoved { side: Resp },
    K::EnumAliasAdded,
    K::EnumAliasRemoved,
    K::ObjectAdded,
    K::ObjectRemoved,
    K::ObjectSideChanged,
    K::RustNameChanged,
    K::WireNameChanged,
    K::DocChanged,
    K::ExampleAdded,
    K::ExampleRemoved,
    K::ExampleChanged,
    K::QuirkAdded,
    K::QuirkRemoved,
    K::QuirkChanged,
    K::OutcomeRequiresAdded,
    K::OutcomeRequiresRemoved,
    K::FieldAliasAdded,
    K::FieldAliasRemoved,
    K::ErrorDetailAdded,
    K::ErrorDetailRemoved,
    K::ConstraintTightened {
        constraint: C::Gt,
        side: Req,
    },
    K::ConstraintTightened {
        constraint: C::Gt,
        side: Resp,
    },
    K::ConstraintTightened {
        constraint: C::Ge,
        side: Req,
    },
    K::ConstraintTightened {
        constraint: C::Ge,
        side: Resp,
    },
    K::ConstraintTightened {
        constraint: C::Le,
        side: Req,
    },
    K::ConstraintTightened {
        constraint: C::Le,
        side: Resp,
    },
    K::ConstraintTightened {
        constraint: C::MaxLen,
        side: Req,
    },
    K::ConstraintTightened {
        constraint: C::MaxLen,
        side: Resp,
    },
    K::ConstraintTightened {
        constraint: C::MinLen,
        side: Req,
    },
    K::ConstraintTightened {
        constraint: C::MinLen,
        side: Resp,
    },
    K::ConstraintTightened {
        constraint: C::Pattern,
        side: Req,
    },
    K::ConstraintTightened {
        constraint: C::Pattern,
        side: Resp,
    },
    K::ConstraintTightened {
        constraint: C::MinItems,
        side: Req,
    },
    K::ConstraintTightened {
        constraint: C::MinItems,
        side: Resp,
    },
    K::ConstraintTightened {
        constraint: C::MaxItems,
        side: Req,
    },
    K::ConstraintTightened {
        constraint: C::MaxItems,
        side: Resp,
    },
    K::ConstraintTightened {
        constraint: C::MaxDecimalPlaces,
        side: Req,
    },
    K::ConstraintTightened {
        constraint: C::MaxDecimalPlaces,
        side: Resp,
    },
    K::ConstraintTightened {
        constraint: C::WithinPastDays,
        side: Req,
    },
    K::ConstraintTightened {
        constraint: C::WithinPastDays,
        side: Resp,
    },
    K::ConstraintTightened {
        constraint: C::NotFuture,
        side: Req,
    },
    K::ConstraintTightened {
        constraint: C::NotFuture,
        side: Resp,
    },
    K::ConstraintTightened {
        constraint: C::Requires,
        side: Req,
    },
    K::ConstraintTightened {
        constraint: C::Requires,
        side: Resp,
    },
    K::ConstraintTightened {
        constraint: C::LeField,
        side: Req,
    },
    K::ConstraintTightened {
        constraint: C::LeField,
        side: Resp,
    },
    K::ConstraintTightened {
        constraint: C::ItemList,
        side: Req,
    },
    K::ConstraintTightened {
        constraint: C::ItemList,
        side: Resp,
    },
    K::ConstraintLoosened {
        constraint: C::Gt,
        side: Req,
    },
    K::ConstraintLoosened {
        constraint: C::Gt,
        side: Resp,
    },
    K::ConstraintLoosened {
        constraint: C::Ge,
        side: Req,
    },
    K::ConstraintLoosened {
        constraint: C::Ge,
        side: Resp,
    },
    K::ConstraintLoosened {
        constraint: C::Le,
        side: Req,
    },
    K::ConstraintLoosened {
        constraint: C::Le,
        side: Resp,
    },
    K::ConstraintLoosened {
        constraint: C::MaxLen,
        side: Req,
    },
    K::ConstraintLoosened {
        constraint: C::MaxLen,
        side: Resp,
    },
    K::ConstraintLoosened {
        constraint: C::MinLen,
        side: Req,
    },
    K::ConstraintLoosened {
        constraint: C::MinLen,
        side: Resp,
    },
    K::ConstraintLoosened {
        constraint: C::Pattern,
        side: Req,
    },
    K::ConstraintLoosened {
        constraint: C::Pattern,
        side: Resp,
    },
    K::ConstraintLoosened {
        constraint: C::MinItems,
        side: Req,
    },
    K::ConstraintLoosened {
        constraint: C::MinItems,
        side: Resp,
    },
    K::ConstraintLoosened {
        constraint: C::MaxItems,
        side: Req,
    },
    K::ConstraintLoosened {
        constraint: C::MaxItems,
        side: Resp,
    },
    K::ConstraintLoosened {
        constraint: C::MaxDecimalPlaces,
        side: Req,
    },
    K::ConstraintLoosened {
        constraint: C::MaxDecimalPlaces,
        side: Resp,
    },
    K::ConstraintLoosened {
        constraint: C::WithinPastDays,
        side: Req,
    },
    K::ConstraintLoosened {
        constraint: C::WithinPastDays,
        side: Resp,
    },
    K::ConstraintLoosened {
        constraint: C::NotFuture,
        side: Req,
    },
    K::ConstraintLoosened {
        constraint: C::NotFuture,
        side: Resp,
    },
    K::ConstraintLoosened {
        constraint: C::Requires,
        side: Req,
    },
    K::ConstraintLoosened {
        constraint: C::Requires,
        side: Resp,
    },
    K::ConstraintLoosened {
        constraint: C::LeField,
        side: Req,
    },
    K::ConstraintLoosened {
        constraint: C::LeField,
        side: Resp,
    },
    K::ConstraintLoosened {
        constraint: C::ItemList,
        side: Req,
    },
    K::ConstraintLoosened {
        constraint: C::ItemList,
        side: Resp,
    },
];

// `ALL` holds every kind once, in ordinal order, and nothing else.
const _: () = {
    let mut i = 0;
    while i < ALL.len() {
        assert!(
            ALL[i].ordinal() == i,
            "diff::kind::ALL must list every ChangeKind once, in ordinal order"
        );
        i += 1;
    }
    assert!(ALL.len() == LOOSENED + 2 * Constraint::ALL.len());
    let mut c = 0;
    while c < Constraint::ALL.len() {
        assert!(Constraint::ALL[c].ordinal() == c);
        c += 1;
    }
    assert!(Side::ALL[0].ordinal() == 0 && Side::ALL[1].ordinal() == 1);
};
