//! The report as markdown (to paste into a pull request), plain text (CI logs) or JSON
//! (`spec/schema/spec-diff.schema.json`). Changes are listed most severe first, in walk order
//! within a severity.

mod json;
mod markdown;
mod text;

pub use json::json;
pub use markdown::markdown;
pub use text::text;

use super::rules::Severity;
use super::{Change, Report};

/// The severities, most severe first, with their headings.
const GROUPS: [(Severity, &str); 3] = [
    (Severity::Breaking, "Breaking"),
    (Severity::Warning, "Warning"),
    (Severity::Info, "Info"),
];

fn of(report: &Report, severity: Severity) -> Vec<&Change> {
    report
        .changes
        .iter()
        .filter(|c| c.severity == severity)
        .collect()
}

/// `before → after`, when the change has both.
fn values(c: &Change, arrow: &str) -> Option<String> {
    match (&c.before, &c.after) {
        (Some(b), Some(a)) => Some(format!("{b} {arrow} {a}")),
        _ => None,
    }
}

/// "1 breaking, 2 warnings, 0 info".
fn tally(report: &Report) -> String {
    let c = report.counts();
    format!(
        "{} breaking, {} warning{}, {} info",
        c.breaking,
        c.warning,
        if c.warning == 1 { "" } else { "s" },
        c.info
    )
}

/// "minor (0.1.0 → 0.2.0)".
fn bump(report: &Report, arrow: &str) -> String {
    let s = report.suggestion();
    match (&s.current, &s.next) {
        (Some(c), Some(n)) if c != n => format!("{} ({c} {arrow} {n})", s.bump.key()),
        _ => s.bump.key().to_string(),
    }
}
