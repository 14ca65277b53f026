//! An endpoint's vendor examples: unique names, a known expectation, fixups that still apply.

use std::collections::HashSet;

use crate::model;
use crate::spec;

use super::Ctx;

/// Checks and lowers the examples of one endpoint; `variants` are its outcome variants.
pub(super) fn resolve_examples(
    cx: &mut Ctx,
    file: usize,
    base: &str,
    e: &spec::Endpoint,
    variants: &HashSet<String>,
    codes: &[model::Code],
) -> Vec<model::Example> {
    let mut examples = Vec::new();
    let mut example_names = HashSet::new();
    for (i, x) in e.examples.iter().enumerate() {
        let p = format!("{base}.examples[{i}]");
        if !example_names.insert(x.name.clone()) {
            cx.err(
                file,
                &format!("{p}.name"),
                format!("example name `{}` is used twice", x.name),
                "give each example its own name",
            );
        }
        if let Some(expect) = &x.expect {
            let known = variants.contains(expect) || codes.iter().any(|c| &c.name == expect);
            if !known {
                cx.err(
                    file,
                    &format!("{p}.expect"),
                    format!("`{expect}` is neither an outcome of this endpoint nor a code name"),
                    "name an outcome variant (for results) or a code name (for errors)",
                );
            }
        }
        for (j, fx) in x.fixups.iter().enumerate() {
            if !x.body.contains(&fx.find) {
                cx.err(
                    file,
                    &format!("{p}.fixups[{j}].find"),
                    format!(
                        "fixup `{}` no longer applies: its `find` text is not in the body",
                        fx.name
                    ),
                    "the vendor text changed: check whether the mistake is gone and remove the fixup",
                );
            }
        }
        examples.push(model::Example {
            name: x.name.clone(),
            kind: x.kind,
            http_status: x.http_status,
            expect: x.expect.clone(),
            body: x.body.clone(),
            source: x.source.clone(),
            fixups: x
                .fixups
                .iter()
                .map(|f| model::Fixup {
                    name: f.name.clone(),
                    reason: f.reason.clone(),
                    find: f.find.clone(),
                    replace: f.replace.clone(),
                })
                .collect(),
        });
    }
    examples
}
