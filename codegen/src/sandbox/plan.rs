//! The plan: what `hyp-sandbox` needs to know about one API, lowered from the resolved model
//! and written next to the sandbox's generated code as JSON. The plan's types are the
//! sandbox's own (`hyp-sandbox/src/plan/api.rs`, included here by path), so the sandbox reads
//! back exactly what is written and builds without this crate. The spec's own enums that the
//! plan carries (`AuthKind`, `FieldLocation`, `ExampleKind`) are these types too (re-exported
//! by `spec`), so nothing is converted.

use crate::model::{Api, SecretKind, Ty};

pub use super::api::*;

fn shape_kind(ty: &Ty) -> ShapeKind {
    match ty {
        Ty::Coded => ShapeKind::Coded,
        Ty::Object(name) => ShapeKind::Object(name.clone()),
        Ty::List(inner) => match inner.as_ref() {
            Ty::Object(name) => ShapeKind::List(name.clone()),
            _ => ShapeKind::Scalar,
        },
        _ => ShapeKind::Scalar,
    }
}

/// The plan of an API (an API without a `sandbox:` section is served with the defaults).
pub fn plan(api: &Api) -> Plan {
    Plan {
        api: api.name.clone(),
        title: api.title.clone(),
        auth: api.auth,
        auth_fields: api.auth_fields.clone(),
        answer_charset: api.answer_charset.clone(),
        request_charset: api.request_charset.clone(),
        codes: api
            .codes
            .iter()
            .map(|c| PlanCode {
                value: c.value,
                name: c.name.clone(),
                message: c.message.clone().unwrap_or_default(),
                http_status: c.http_status,
            })
            .collect(),
        endpoints: api
            .endpoints
            .iter()
            .map(|e| PlanEndpoint {
                key: e.wire.clone(),
                path: e.path.clone(),
                fixed: e
                    .request
                    .iter()
                    .filter_map(|f| f.fixed.clone().map(|v| (f.wire.clone(), v)))
                    .collect(),
                fields: e
                    .request
                    .iter()
                    .map(|f| PlanField {
                        wire: f.wire.clone(),
                        location: f.location,
                        required: f.required || api.from_client(f),
                        list: matches!(f.ty, Ty::List(_)),
                        boolean: f.ty == Ty::Bool,
                        params: f.ty == Ty::Params,
                    })
                    .collect(),
                outcome_codes: e.outcomes.iter().flat_map(|o| o.codes.clone()).collect(),
                code_overrides: e.code_overrides.clone(),
                echo: e
                    .response
                    .iter()
                    // Never a secret: a vendor masks a card number it sends back. A card token
                    // comes back as it is (CreditGuard's `cardId`).
                    .filter(|r| echoed(&r.ty))
                    .filter(|r| e.request.iter().any(|f| f.wire == r.wire && echoed(&f.ty)))
                    .map(|r| r.wire.clone())
                    .collect(),
                integers: e
                    .response
                    .iter()
                    .filter(|r| *api.base(&r.ty) == Ty::Int)
                    .map(|r| r.wire.clone())
                    .collect(),
                examples: e
                    .examples
                    .iter()
                    .map(|x| PlanExample {
                        name: x.name.clone(),
                        kind: x.kind,
                        http_status: x.http_status,
                        body: x.fixed_body(),
                    })
                    .collect(),
            })
            .collect(),
        shapes: api
            .objects
            .iter()
            .map(|o| PlanShape {
                name: o.name.clone(),
                fields: o
                    .fields
                    .iter()
                    .map(|f| (f.wire.clone(), shape_kind(&f.ty)))
                    .collect(),
            })
            .collect(),
        sandbox: api.sandbox.clone().unwrap_or_default(),
    }
}

/// Whether a value of this type may be echoed from the request into an answer.
fn echoed(ty: &Ty) -> bool {
    !matches!(ty, Ty::Secret(k) if *k != SecretKind::CardToken)
}
