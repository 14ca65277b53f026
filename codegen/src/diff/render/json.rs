//! JSON, as described by `spec/schema/spec-diff.schema.json` (`schema_version` 1).

use serde_json::{Value, json};

use crate::diff::{Change, Report};

/// The version of the JSON shape; bumped when a consumer would need to change.
pub const SCHEMA_VERSION: u64 = 1;

fn change(c: &Change) -> Value {
    json!({
        "fingerprint": c.fingerprint,
        "severity": c.severity.key(),
        "kind": c.kind.name(),
        "id": c.kind.id(),
        "side": c.kind.side().map(|s| s.key()),
        "constraint": c.kind.constraint().map(|k| k.key()),
        "api": c.api,
        "subject": c.subject,
        "summary": c.summary,
        "before": c.before,
        "after": c.after,
        "reason": c.reason,
        "location": {
            "file": c.location.file.to_string_lossy().replace('\\', "/"),
            "line": c.location.line,
            "in_base": c.location.in_base,
        },
    })
}

pub fn json(report: &Report) -> String {
    let counts = report.counts();
    let s = report.suggestion();
    let doc = json!({
        "schema_version": SCHEMA_VERSION,
        "base": report.base,
        "summary": {
            "breaking": counts.breaking,
            "warning": counts.warning,
            "info": counts.info,
            "total": counts.total(),
        },
        "semver": {
            "bump": s.bump.key(),
            "current": s.current,
            "next": s.next,
            "why": s.why,
        },
        "changes": report.changes.iter().map(change).collect::<Vec<_>>(),
    });
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}
