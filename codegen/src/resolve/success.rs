//! What a success must carry: each outcome's `requires:` names response fields an answer with
//! that outcome's code must have, or it is undecodable.

use crate::model::{self, Ty};
use crate::spec;

use super::Ctx;

/// Resolves the `requires:` of every outcome of `endpoint` against its response fields (with
/// the included and envelope fields already in place).
pub(super) fn resolve_requires(
    cx: &mut Ctx,
    file: usize,
    wire: &str,
    e: &spec::Endpoint,
    endpoint: &mut model::Endpoint,
) {
    for (i, o) in e.outcomes.iter().enumerate() {
        let mut requires = Vec::new();
        for (j, r) in o.requires.iter().enumerate() {
            let path = format!("endpoints.{wire}.outcomes[{i}].requires[{j}].wire");
            if endpoint.response_raw {
                cx.err(
                    file,
                    &path,
                    "a `raw` response has no fields to require".into(),
                    "remove `requires:`, or describe the response's fields",
                );
                continue;
            }
            let Some(f) = endpoint.response.iter().find(|f| f.wire == r.wire) else {
                cx.err(
                    file,
                    &path,
                    format!("`{}` is not a response field of `{wire}`", r.wire),
                    "name a response field (its wire name) that this outcome always carries",
                );
                continue;
            };
            if f.required {
                cx.err(
                    file,
                    &path,
                    format!("`{}` is already required on every answer", r.wire),
                    "delete it here: the decoder already refuses an answer without it",
                );
                continue;
            }
            if requires
                .iter()
                .any(|s: &model::SuccessField| s.wire == r.wire)
            {
                cx.err(
                    file,
                    &path,
                    format!("`{}` is listed twice", r.wire),
                    "list each field once",
                );
                continue;
            }
            requires.push(model::SuccessField {
                wire: f.wire.clone(),
                rust: f.rust.clone(),
                list: matches!(f.ty, Ty::List(_)),
                source: r.source.clone(),
            });
        }
        if let Some(outcome) = endpoint.outcomes.get_mut(i) {
            outcome.requires = requires;
        }
    }
}
