//! The version bump a set of changes asks of hyp-api.
//!
//! The rule, following Cargo's reading of SemVer (which is what `cargo update` and `^` use):
//!
//! | needed by the changes | version ≥ 1.0.0 | 0.y.z (y ≥ 1) | 0.0.z |
//! |---|---|---|---|
//! | any `Breaking` | major | **minor** | patch |
//! | any `Warning`, or `Info` that adds API | minor | patch | patch |
//! | `Info` text only (docs, examples, quirks) | patch | patch | patch |
//! | no change | none | none | none |
//!
//! While 0.x, Cargo treats the minor as the breaking component (`^0.1` accepts 0.1.9 but not
//! 0.2.0), so a breaking change bumps the minor and everything else the patch; in 0.0.z every
//! release is breaking. hyp-api is 0.1.0: a breaking spec change means 0.2.0.

use super::Change;
use super::rules::{Severity, rule};

/// What a set of changes needs, before applying it to a version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Need {
    None,
    /// Text only.
    Patch,
    /// New API or changed behaviour, nothing breaks.
    Compatible,
    Breaking,
}

/// The version component to bump.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Bump {
    None,
    Patch,
    Minor,
    Major,
}

impl Bump {
    /// `none`, `patch`, `minor`, `major`.
    pub const fn key(self) -> &'static str {
        match self {
            Bump::None => "none",
            Bump::Patch => "patch",
            Bump::Minor => "minor",
            Bump::Major => "major",
        }
    }
}

/// The suggestion, with the version it leads to when the current one is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub need: Need,
    pub bump: Bump,
    pub current: Option<String>,
    pub next: Option<String>,
    /// Why, in one sentence.
    pub why: String,
}

/// What `changes` need.
pub fn need(changes: &[Change]) -> Need {
    changes
        .iter()
        .map(|c| match c.severity {
            Severity::Breaking => Need::Breaking,
            Severity::Warning => Need::Compatible,
            Severity::Info if rule(c.kind).adds_api => Need::Compatible,
            Severity::Info => Need::Patch,
        })
        .max()
        .unwrap_or(Need::None)
}

fn parse(version: &str) -> Option<(u64, u64, u64)> {
    let core = version.split(['-', '+']).next()?;
    let mut parts = core.split('.').map(|p| p.parse::<u64>().ok());
    let v = (parts.next()??, parts.next()??, parts.next()??);
    parts.next().is_none().then_some(v)
}

/// The bump `changes` ask of a crate at `current` (standard SemVer when it is unknown).
pub fn suggest(changes: &[Change], current: Option<&str>) -> Suggestion {
    let need = need(changes);
    let parsed = current.and_then(parse);
    let (major, minor) = parsed.map_or((1, 0), |(ma, mi, _)| (ma, mi));
    let bump = match (need, major, minor) {
        (Need::None, ..) => Bump::None,
        (_, 0, 0) => Bump::Patch,
        (Need::Breaking, 0, _) => Bump::Minor,
        (_, 0, _) => Bump::Patch,
        (Need::Breaking, ..) => Bump::Major,
        (Need::Compatible, ..) => Bump::Minor,
        (Need::Patch, ..) => Bump::Patch,
    };
    let next = parsed.map(|(ma, mi, pa)| match bump {
        Bump::None => format!("{ma}.{mi}.{pa}"),
        Bump::Patch => format!("{ma}.{mi}.{}", pa + 1),
        Bump::Minor => format!("{ma}.{}.0", mi + 1),
        Bump::Major => format!("{}.0.0", ma + 1),
    });
    let what = match need {
        Need::None => "no change to the spec model",
        Need::Patch => "text-only changes",
        Need::Compatible => "new API or changed behaviour, nothing breaking",
        Need::Breaking => "breaking changes",
    };
    let why = match (need, major, minor) {
        (Need::None, ..) => what.to_string(),
        (_, 0, 0) if parsed.is_some() => format!("{what}; every 0.0.z release is breaking"),
        (Need::Breaking, 0, _) if parsed.is_some() => {
            format!("{what}; while 0.x the minor version is the breaking one (Cargo's rule)")
        }
        (_, 0, _) if parsed.is_some() => {
            format!("{what}; while 0.x only breaking changes bump the minor version")
        }
        _ if parsed.is_none() => format!("{what} (current version unknown: standard SemVer)"),
        _ => what.to_string(),
    };
    Suggestion {
        need,
        bump,
        current: current.map(str::to_string),
        next,
        why,
    }
}
