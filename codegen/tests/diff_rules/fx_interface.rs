//! Fixtures on the service, endpoints and codes.

use hyp_codegen::diff::kind::ChangeKind as K;
use hyp_codegen::diff::rules::Severity;

use Severity::{Breaking as B, Info as I, Warning as W};

use crate::run::{Fx, fx, undo};
use crate::spec::base;

const PING: &str = r#"  Ping_Json:
    rust: ping
    doc: Ping.
    source: s
    read_only: true
    request:
      fields: []
    response:
      doc: d
    outcomes:
      - codes: [0]
        variant: Pong
        doc: d
        source: s
"#;

pub(crate) fn service_fixtures() -> Vec<Fx> {
    let s = "service.yaml";
    let kept = fx(
        "unknown fields now kept",
        base(),
        base().item(s, "service:", |i| i.set("keep_unknown_fields", "true")),
        &[(K::UnknownFieldsNowKept, I)],
    );
    vec![
        fx(
            "transport kind",
            base(),
            base().replace(s, "kind: json_post", "kind: rest_json"),
            &[(K::TransportChanged, B)],
        ),
        fx(
            "auth kind",
            base(),
            base().replace(s, "kind: bearer", "kind: in_request"),
            &[(K::AuthChanged, B)],
        ),
        fx(
            "default base URL",
            base(),
            base().replace(s, "default: null", "default: \"https://demo.example\""),
            &[(K::BaseUrlChanged, W)],
        ),
        fx(
            "envelope message wire name",
            base(),
            base().replace(s, "message: ResponseMsg", "message: Message"),
            &[(K::EnvelopeChanged, B)],
        ),
        undo(
            "unknown fields no longer kept",
            &kept,
            &[(K::UnknownFieldsNoLongerKept, B)],
        ),
        kept,
        fx(
            "service default timeout (service and the endpoint using it)",
            base(),
            base().replace(s, "default_secs: 30", "default_secs: 40"),
            &[(K::TimeoutChanged, W), (K::TimeoutChanged, W)],
        ),
        fx(
            "module renamed",
            base(),
            base().replace(s, "module: demo", "module: demo_api"),
            &[(K::RustNameChanged, B)],
        ),
        fx(
            "service title",
            base(),
            base().replace(s, "title: Demo API", "title: The Demo API"),
            &[(K::DocChanged, I)],
        ),
    ]
}

pub(crate) fn endpoint_fixtures() -> Vec<Fx> {
    let e = "endpoints.yaml";
    let added = fx(
        "endpoint added",
        base(),
        base().replace(e, "quirks:\n", &format!("{PING}quirks:\n")),
        &[(K::EndpointAdded, I)],
    );
    let outcome = fx(
        "outcome added",
        base(),
        base().replace(
            e,
            "        variant: Done\n        doc: d\n        source: s\n",
            "        variant: Done\n        doc: d\n        source: s\n      - codes: [30]\n        variant: Again\n        doc: d\n        source: s\n",
        ),
        &[(K::OutcomeAdded, B)],
    );
    let requires = fx(
        "outcome requires a field",
        base(),
        base().replace(
            e,
            "        variant: Created\n        doc: d\n        source: s\n",
            "        variant: Created\n        doc: d\n        source: s\n        requires:\n          - { wire: RespText, source: s }\n",
        ),
        &[(K::OutcomeRequiresAdded, W)],
    );
    let alias = fx(
        "field alias added",
        base(),
        base().replace(
            e,
            "        - wire: Comment\n          type: string\n",
            "        - wire: Comment\n          type: string\n          aliases: [\"Comment Text\"]\n",
        ),
        &[(K::FieldAliasAdded, I)],
    );
    vec![
        undo("field alias removed", &alias, &[(K::FieldAliasRemoved, W)]),
        alias,
        undo("outcome no longer requires a field", &requires, &[(K::OutcomeRequiresRemoved, I)]),
        requires,
        undo("endpoint removed", &added, &[(K::EndpointRemoved, B)]),
        added,
        fx(
            "route",
            base(),
            base().item(e, "Read_Json:", |i| {
                i.set("http", "{ method: PUT, path: \"reads\" }")
            }),
            &[(K::RouteChanged, W)],
        ),
        fx(
            "server wait",
            base(),
            base().replace(e, "server_wait_secs: 10", "server_wait_secs: 20"),
            &[(K::TimeoutChanged, W)],
        ),
        fx(
            "idempotency key dropped",
            base(),
            base().replace(e, "    idempotency_key: Ticket\n", ""),
            &[(K::IdempotencyKeyChanged, W)],
        ),
        fx(
            "idempotency key generated",
            base(),
            base().item(e, "Pay_Json:", |i| i.set("generate_idempotency_key", "true")),
            &[(K::IdempotencyKeyChanged, W)],
        ),
        fx(
            "read only",
            base(),
            base().replace(e, "    read_only: true\n", ""),
            &[(K::ReadOnlyChanged, W)],
        ),
        fx(
            "moves money",
            base(),
            base().replace(e, "moves_money: true", "moves_money: false"),
            &[(K::MovesMoneyChanged, W)],
        ),
        fx(
            "raw response",
            base(),
            base().replace(e, "    response:\n      doc: d\n", "    response:\n      doc: d\n      raw: true\n"),
            &[(K::ResponseShapeChanged, B)],
        ),
        fx(
            "required request fields reordered",
            base(),
            base().replace(
                e,
                "        - wire: Client\n          type: int\n          required: true\n          doc: d\n          source: s\n        - wire: Ticket\n          type: string\n          required: true\n          doc: d\n          source: s\n",
                "        - wire: Ticket\n          type: string\n          required: true\n          doc: d\n          source: s\n        - wire: Client\n          type: int\n          required: true\n          doc: d\n          source: s\n",
            ),
            &[(K::ConstructorOrderChanged, B)],
        ),
        undo("outcome removed", &outcome, &[(K::OutcomeRemoved, B)]),
        outcome,
        fx(
            "outcome codes",
            base(),
            base().replace(e, "codes: [30]", "codes: [30, 4]"),
            &[(K::OutcomeCodesChanged, B)],
        ),
        fx(
            "endpoint method renamed",
            base(),
            base().replace(e, "rust: read", "rust: read_all"),
            &[(K::RustNameChanged, B)],
        ),
        fx(
            "endpoint wire renamed",
            base(),
            base().replace(e, "  Read_Json:", "  Read_All_Json:"),
            &[(K::WireNameChanged, W), (K::RouteChanged, W)],
        ),
        fx(
            "endpoint doc",
            base(),
            base().replace(e, "doc: Read.", "doc: Read everything."),
            &[(K::DocChanged, I)],
        ),
    ]
}

pub(crate) fn code_fixtures() -> Vec<Fx> {
    let c = "codes.yaml";
    let e = "endpoints.yaml";
    let added = fx(
        "service code added",
        base(),
        base().append(
            c,
            "    - code: 31\n      name: RateLimited\n      doc: Too many calls.\n      source: s\n      http_status: 429\n",
        ),
        &[(K::CodeAdded, W)],
    );
    let override_added = fx(
        "endpoint code added",
        base(),
        base().replace(
            e,
            "        http_status: 401\n",
            "        http_status: 401\n      - code: 11\n        name: WrongPassword\n        doc: d\n        source: s\n",
        ),
        &[(K::CodeAdded, W)],
    );
    vec![
        undo("service code removed", &added, &[(K::CodeRemoved, B)]),
        added,
        undo(
            "endpoint code removed",
            &override_added,
            &[(K::CodeRemoved, B)],
        ),
        override_added,
        fx(
            "service code renamed",
            base(),
            base().replace(c, "name: DatabaseError", "name: ServerError"),
            &[(K::CodeMeaningChanged, B)],
        ),
        fx(
            "endpoint code renamed",
            base(),
            base().replace(e, "name: BadCredentials", "name: WrongCredentials"),
            &[(K::CodeMeaningChanged, B)],
        ),
        fx(
            "service code HTTP status",
            base(),
            base().replace(c, "http_status: 500", "http_status: 503"),
            &[(K::CodeHttpStatusChanged, B)],
        ),
        fx(
            "endpoint code HTTP status",
            base(),
            base().replace(e, "http_status: 401", "http_status: 403"),
            &[(K::CodeHttpStatusChanged, B)],
        ),
        fx(
            "code retryable",
            base(),
            base().replace(c, "      retryable: true\n", ""),
            &[(K::CodeRetryableChanged, W)],
        ),
        fx(
            "code outcome unknown",
            base(),
            base().replace(
                c,
                "      retryable: true\n",
                "      retryable: true\n      outcome_unknown: true\n",
            ),
            &[(K::CodeOutcomeUnknownChanged, B)],
        ),
        fx(
            "code value moved",
            base(),
            base().replace(c, "code: 4\n", "code: 5\n"),
            &[(K::WireNameChanged, W)],
        ),
        fx(
            "code doc",
            base(),
            base().replace(c, "doc: Database error.", "doc: A database error."),
            &[(K::DocChanged, I)],
        ),
    ]
}
