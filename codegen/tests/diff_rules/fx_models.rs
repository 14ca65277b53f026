//! Fixtures on records, constraints, whole API folders, named types and error details.

use hyp_codegen::diff::kind::{ChangeKind as K, Constraint as C, Side};
use hyp_codegen::diff::rules::Severity;
use hyp_codegen::model::Api;

use Severity::{Breaking as B, Info as I, Warning as W};
use Side::Request as Req;

use crate::run::{Fx, fx, undo};
use crate::spec::{Spec, base};

pub(crate) fn record_fixtures() -> Vec<Fx> {
    let e = "endpoints.yaml";
    let example = fx(
        "example added",
        base(),
        base().replace(
            e,
            "        source: s\n  Read_Json:",
            "        source: s\n      - name: created\n        kind: response\n        expect: Created\n        body: '{\"ResponseCode\": 0, \"Receipt\": 7}'\n        source: s\n  Read_Json:",
        ),
        &[(K::ExampleAdded, I)],
    );
    let quirk = fx(
        "quirk added",
        base(),
        base().append(
            e,
            "  - id: q2\n    what: w\n    decision: d\n    applies_to: []\n    source: s\n",
        ),
        &[(K::QuirkAdded, I)],
    );
    vec![
        undo("example removed", &example, &[(K::ExampleRemoved, I)]),
        example,
        fx(
            "example body",
            base(),
            base().replace(e, "body: '{\"Client\": 1}'", "body: '{\"Client\": 2}'"),
            &[(K::ExampleChanged, I)],
        ),
        undo("quirk removed", &quirk, &[(K::QuirkRemoved, I)]),
        quirk,
        fx(
            "quirk decision",
            base(),
            base().replace(e, "    decision: d\n", "    decision: Documented.\n"),
            &[(K::QuirkChanged, I)],
        ),
    ]
}

/// The field and a constraint value for each constraint, per side.
fn constraint_target(c: C, side: Side) -> (&'static str, &'static str, &'static str) {
    let (req, resp, value) = match c {
        C::Gt => ("ReqMoney", "RespMoney", "\"0\""),
        C::Ge => ("ReqMoney", "RespMoney", "\"1\""),
        C::Le => ("ReqMoney", "RespMoney", "\"100\""),
        C::MaxDecimalPlaces => ("ReqMoney", "RespMoney", "2"),
        C::MaxLen => ("ReqText", "RespText", "10"),
        C::MinLen => ("ReqText", "RespText", "1"),
        C::Pattern => ("ReqText", "RespText", "\"^[a-z]+$\""),
        C::MinItems => ("ReqList", "RespList", "1"),
        C::MaxItems => ("ReqList", "RespList", "5"),
        C::WithinPastDays => ("ReqDay", "RespDay", "30"),
        C::NotFuture => ("ReqDay", "RespDay", "true"),
        C::Requires => ("ReqFlag", "RespFlag", "Note"),
        C::LeField => ("ReqMoney", "RespMoney", "ReqMoney"),
        C::ItemList => (
            "ReqText",
            "RespText",
            "{ open: \"[\", close: \"]\", separator: \"~\", parts: 4, quantity: 3, price: 4, sums_to: ReqMoney, when: ReqFlag }",
        ),
    };
    match side {
        Side::Request => (req, c.key(), value),
        Side::Response => (resp, c.key(), value),
    }
}

fn constrained(field: &str, key: &str, value: &str) -> Spec {
    // A request amount keeps the maximum every request amount must state.
    let keep = if field == "ReqMoney" && key != "le" {
        ", le: \"1000000\""
    } else {
        ""
    };
    base().field("endpoints.yaml", field, |i| {
        i.set("constraints", &format!("{{ {key}: {value}{keep} }}"))
    })
}

pub(crate) fn constraint_fixtures() -> Vec<Fx> {
    let mut out = Vec::new();
    for c in C::ALL {
        for side in Side::ALL {
            let (field, key, value) = constraint_target(c, side);
            let (tight, loose) = if side == Req { (B, W) } else { (I, I) };
            let added = fx(
                &format!("{key} added ({})", side.key()),
                base(),
                constrained(field, key, value),
                &[(
                    K::ConstraintTightened {
                        constraint: c,
                        side,
                    },
                    tight,
                )],
            );
            out.push(undo(
                &format!("{key} removed ({})", side.key()),
                &added,
                &[(
                    K::ConstraintLoosened {
                        constraint: c,
                        side,
                    },
                    loose,
                )],
            ));
            out.push(added);
        }
    }
    let t = |c, side| K::ConstraintTightened {
        constraint: c,
        side,
    };
    let l = |c, side| K::ConstraintLoosened {
        constraint: c,
        side,
    };
    out.extend([
        fx(
            "max_len lowered",
            constrained("ReqText", "max_len", "50"),
            constrained("ReqText", "max_len", "20"),
            &[(t(C::MaxLen, Req), B)],
        ),
        fx(
            "max_len raised",
            constrained("ReqText", "max_len", "20"),
            constrained("ReqText", "max_len", "50"),
            &[(l(C::MaxLen, Req), W)],
        ),
        fx(
            "gt raised (decimal compare: 0.10 < 0.5)",
            constrained("ReqMoney", "gt", "\"0.10\""),
            constrained("ReqMoney", "gt", "\"0.5\""),
            &[(t(C::Gt, Req), B)],
        ),
        fx(
            "le raised",
            constrained("ReqMoney", "le", "\"100\""),
            constrained("ReqMoney", "le", "\"1000\""),
            &[(l(C::Le, Req), W)],
        ),
        fx(
            "pattern changed (counts as tightened)",
            constrained("ReqText", "pattern", "\"^[a-z]+$\""),
            constrained("ReqText", "pattern", "\"^[a-z0-9]+$\""),
            &[(t(C::Pattern, Req), B)],
        ),
        fx(
            "constraint on a request object's field",
            base(),
            base().field("types.yaml", "Sku", |i| {
                i.set("constraints", "{ max_len: 12 }")
            }),
            &[(t(C::MaxLen, Req), B)],
        ),
    ]);
    out
}

/// A fixture on whole models: an API folder present on one side only.
pub(crate) struct ApiFx {
    pub(crate) name: &'static str,
    pub(crate) base: Vec<Api>,
    pub(crate) new: Vec<Api>,
    pub(crate) expect: Vec<(K, Severity)>,
}

pub(crate) fn api_fixtures() -> Vec<ApiFx> {
    let api = base().load();
    let added = vec![
        (K::ApiAdded, I),
        (K::EnumAdded, I),
        (K::EnumAdded, I),
        (K::ObjectAdded, I),
        (K::ObjectAdded, I),
        (K::EndpointAdded, I),
        (K::EndpointAdded, I),
    ];
    let removed = vec![
        (K::ApiRemoved, B),
        (K::EnumRemoved, B),
        (K::EnumRemoved, B),
        (K::ObjectRemoved, B),
        (K::ObjectRemoved, B),
        (K::EndpointRemoved, B),
        (K::EndpointRemoved, B),
    ];
    vec![
        ApiFx {
            name: "API added",
            base: vec![],
            new: vec![api.clone()],
            expect: added,
        },
        ApiFx {
            name: "API removed",
            base: vec![api],
            new: vec![],
            expect: removed,
        },
    ]
}

/// Named types (`types:`): a newtype callers write, so adding or removing one is adding or
/// removing a struct; a field switching to one changes its Rust type; its constraints are
/// compared on the fields that use it.
pub(crate) fn named_type_fixtures() -> Vec<Fx> {
    let (n, e) = ("named.yaml", "endpoints.yaml");
    let with = base().append(
        n,
        "types:\n  Ref:\n    base: string\n    doc: d\n    source: s\n",
    );
    let used = with.clone().replace(
        e,
        "        - wire: Note\n          type: string\n",
        "        - wire: Note\n          type: Ref\n",
    );
    let added = fx(
        "named type added",
        base(),
        with.clone(),
        &[(K::ObjectAdded, I)],
    );
    vec![
        undo("named type removed", &added, &[(K::ObjectRemoved, B)]),
        added,
        fx(
            "named type wraps another scalar",
            with.clone(),
            with.clone().replace(n, "base: string", "base: int"),
            &[(K::FieldTypeChanged, B)],
        ),
        fx(
            "named type doc",
            with.clone(),
            with.clone().replace(n, "doc: d", "doc: e"),
            &[(K::DocChanged, I)],
        ),
        fx(
            "request field becomes a named type",
            with,
            used.clone(),
            &[(K::FieldTypeChanged, B)],
        ),
        fx(
            "named type constraint tightened, on the field using it",
            used.clone(),
            used.replace(
                n,
                "    source: s\n",
                "    source: s\n    constraints: { max_len: 10 }\n",
            ),
            &[(
                K::ConstraintTightened {
                    constraint: C::MaxLen,
                    side: Req,
                },
                B,
            )],
        ),
    ]
}

/// `envelope.error_details`: which envelope answer fields an API error keeps.
pub(crate) fn error_detail_fixtures() -> Vec<Fx> {
    let s = "service.yaml";
    let with_field = base().replace(
        s,
        "    message: ResponseMsg\n",
        "    message: ResponseMsg\n    response_fields:\n      - wire: Detail\n        type: string\n        doc: d\n        source: s\n",
    );
    let kept = with_field.clone().replace(
        s,
        "    message: ResponseMsg\n",
        "    message: ResponseMsg\n    error_details: [Detail]\n",
    );
    let added = fx(
        "error detail added",
        with_field,
        kept,
        &[(K::ErrorDetailAdded, I)],
    );
    vec![
        undo(
            "error detail removed",
            &added,
            &[(K::ErrorDetailRemoved, W)],
        ),
        added,
    ]
}
