//! Fixtures on fields and types.

use hyp_codegen::diff::kind::{ChangeKind as K, Side};
use hyp_codegen::diff::rules::Severity;

use Severity::{Breaking as B, Info as I, Warning as W};
use Side::{Request as Req, Response as Resp};

use crate::run::{Fx, fx, undo};
use crate::spec::base;

pub(crate) fn field_fixtures() -> Vec<Fx> {
    let e = "endpoints.yaml";
    let t = "types.yaml";
    let add = |wire: &str, after: &str, required: bool| {
        let req = if required {
            "          required: true\n"
        } else {
            ""
        };
        base().field(e, after, |i| {
            i.lines.push(format!("        - wire: {wire}"));
            i.lines.push("          type: int".into());
            if !req.is_empty() {
                i.lines.push("          required: true".into());
            }
            i.lines.push("          doc: d".into());
            i.lines.push("          source: s".into());
        })
    };
    let opt_req = fx(
        "optional request field added",
        base(),
        add("Memo", "Note", false),
        &[(
            K::FieldAdded {
                required: false,
                side: Req,
            },
            I,
        )],
    );
    let opt_resp = fx(
        "optional response field added",
        base(),
        add("Extra", "Comment", false),
        &[(
            K::FieldAdded {
                required: false,
                side: Resp,
            },
            I,
        )],
    );
    vec![
        undo(
            "request field removed",
            &opt_req,
            &[(K::FieldRemoved { side: Req }, B)],
        ),
        undo(
            "response field removed",
            &opt_resp,
            &[(K::FieldRemoved { side: Resp }, B)],
        ),
        opt_req,
        opt_resp,
        fx(
            "required request field added",
            base(),
            add("Branch", "Note", true),
            &[(
                K::FieldAdded {
                    required: true,
                    side: Req,
                },
                B,
            )],
        ),
        fx(
            "required response field added",
            base(),
            add("Serial", "Comment", true),
            &[(
                K::FieldAdded {
                    required: true,
                    side: Resp,
                },
                W,
            )],
        ),
        fx(
            "field type",
            base(),
            base().field(e, "Note", |i| i.set("type", "int")),
            &[(K::FieldTypeChanged, B)],
        ),
        fx(
            "secret made non-secret",
            base(),
            base().field(e, "Password", |i| i.set("type", "string")),
            &[(K::SecretMadeNonSecret, B)],
        ),
        fx(
            "request field made required",
            base(),
            base().field(e, "Note", |i| i.set("required", "true")),
            &[(K::FieldMadeRequired { side: Req }, B)],
        ),
        fx(
            "response field made required",
            base(),
            base().field(e, "Comment", |i| i.set("required", "true")),
            &[(K::FieldMadeRequired { side: Resp }, B)],
        ),
        fx(
            "request field made optional",
            base(),
            base().field(e, "Client", |i| i.remove("required")),
            &[(K::FieldMadeOptional { side: Req }, B)],
        ),
        fx(
            "response field made optional",
            base(),
            base().field(e, "Receipt", |i| i.remove("required")),
            &[(K::FieldMadeOptional { side: Resp }, B)],
        ),
        fx(
            "field location",
            base(),
            base().field(e, "Note", |i| i.set("in", "query")),
            &[(K::FieldLocationChanged, W)],
        ),
        fx(
            "field Rust name",
            base(),
            base().field(e, "Note", |i| i.set("rust", "memo")),
            &[(K::RustNameChanged, B)],
        ),
        fx(
            "field wire name",
            base(),
            base()
                .replace(e, "- wire: Note\n", "- wire: Remark\n")
                .field(e, "Remark", |i| i.set("rust", "note")),
            &[(K::WireNameChanged, W)],
        ),
        fx(
            "field doc and decision",
            base(),
            base().field(e, "Note", |i| {
                i.set("doc", "A note.");
                i.set("decision", "Kept optional.");
            }),
            &[(K::DocChanged, I)],
        ),
        fx(
            "object field made required (request object)",
            base(),
            base().field(t, "Qty", |i| i.set("required", "true")),
            &[(K::FieldMadeRequired { side: Req }, B)],
        ),
        fx(
            "object field removed (response object)",
            base(),
            base().replace(
                t,
                "      - wire: State\n        type: Status\n        doc: d\n        source: s\n",
                "",
            ),
            &[(K::FieldRemoved { side: Resp }, B)],
        ),
    ]
}

pub(crate) fn type_fixtures() -> Vec<Fx> {
    let t = "types.yaml";
    let e = "endpoints.yaml";
    let enum_added = fx(
        "enum added",
        base(),
        base().replace(
            t,
            "objects:\n",
            "  Color:\n    repr: string\n    doc: d\n    source: s\n    values:\n      - wire: red\n        name: Red\n        doc: d\n        source: s\nobjects:\n",
        ),
        &[(K::EnumAdded, I)],
    );
    let object_added = fx(
        "object added",
        base(),
        base().append(
            t,
            "  Extra:\n    doc: d\n    source: s\n    fields:\n      - wire: X\n        type: int\n        doc: d\n        source: s\n",
        ),
        &[(K::ObjectAdded, I)],
    );
    let req_value = fx(
        "request enum value added",
        base(),
        base().item(t, "- wire: 2", |i| {
            i.lines.extend(
                [
                    "      - wire: 3",
                    "        name: Wallet",
                    "        doc: Wallet.",
                    "        source: s",
                ]
                .map(String::from),
            )
        }),
        &[(K::EnumValueAdded { side: Req }, W)],
    );
    let resp_value = fx(
        "response enum value added",
        base(),
        base().item(t, "- wire: done", |i| {
            i.lines.extend(
                [
                    "      - wire: late",
                    "        name: Late",
                    "        doc: Late.",
                ]
                .map(String::from),
            )
        }),
        &[(K::EnumValueAdded { side: Resp }, W)],
    );
    let alias = fx(
        "enum alias added",
        base(),
        base().item(t, "- wire: open", |i| i.set("also", "[\"OPEN\"]")),
        &[(K::EnumAliasAdded, I)],
    );
    vec![
        undo("enum removed", &enum_added, &[(K::EnumRemoved, B)]),
        enum_added,
        undo("object removed", &object_added, &[(K::ObjectRemoved, B)]),
        object_added,
        undo(
            "request enum value removed",
            &req_value,
            &[(K::EnumValueRemoved { side: Req }, B)],
        ),
        req_value,
        undo(
            "response enum value removed",
            &resp_value,
            &[(K::EnumValueRemoved { side: Resp }, B)],
        ),
        resp_value,
        undo("enum alias removed", &alias, &[(K::EnumAliasRemoved, W)]),
        alias,
        fx(
            "enum repr (values and aliases change with it)",
            base(),
            base()
                .replace(t, "repr: string", "repr: int")
                .replace(t, "- wire: open", "- wire: 11")
                .replace(t, "- wire: done", "- wire: 12")
                .replace(t, "also: [\"DONE\"]", "also: [13]"),
            &[
                (K::EnumReprChanged, B),
                (K::WireNameChanged, W),
                (K::WireNameChanged, W),
                (K::EnumAliasAdded, I),
                (K::EnumAliasRemoved, W),
            ],
        ),
        fx(
            "enum now sent (response enum used in a request)",
            base(),
            base().field(e, "Note", |i| i.set("type", "Status")),
            &[(K::FieldTypeChanged, B), (K::EnumSideChanged, B)],
        ),
        fx(
            "object now sent (response object used in a request)",
            base(),
            base().field(e, "Note", |i| i.set("type", "Row")),
            &[
                (K::FieldTypeChanged, B),
                (K::ObjectSideChanged, B),
                (K::EnumSideChanged, B),
            ],
        ),
        fx(
            "enum value Rust name",
            base(),
            base().replace(t, "name: Bank\n", "name: BankTransfer\n"),
            &[(K::RustNameChanged, B)],
        ),
        fx(
            "enum doc",
            base(),
            base().replace(
                t,
                "doc: How the client pays.",
                "doc: How the client pays us.",
            ),
            &[(K::DocChanged, I)],
        ),
        fx(
            "object doc",
            base(),
            base().replace(t, "doc: A row we receive.", "doc: One row we receive."),
            &[(K::DocChanged, I)],
        ),
    ]
}
