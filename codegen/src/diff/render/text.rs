//! Plain text, for CI logs.

use std::fmt::Write;

use super::{GROUPS, bump, of, tally, values};
use crate::diff::Report;

pub fn text(report: &Report) -> String {
    let mut s = String::new();
    let n = report.counts().total();
    let _ = writeln!(
        s,
        "spec diff against {}: {n} change{} ({})",
        report.base,
        if n == 1 { "" } else { "s" },
        tally(report)
    );
    let _ = writeln!(
        s,
        "suggested hyp-api version bump: {}: {}",
        bump(report, "->"),
        report.suggestion().why
    );
    for (severity, heading) in GROUPS {
        for c in of(report, severity) {
            let _ = writeln!(s, "\n{:<9} {}", heading.to_uppercase(), c.kind.label());
            let _ = writeln!(s, "  {}", c.summary);
            if let Some(v) = values(c, "->") {
                let _ = writeln!(s, "  {v}");
            }
            let _ = writeln!(s, "  at {}  [{}]", c.location, c.fingerprint);
            let _ = writeln!(s, "  why: {}", c.reason);
        }
    }
    s
}
