//! Running a fixture: the changes between two specs, checked against the exact kinds and
//! severities expected.

use hyp_codegen::diff::kind::ChangeKind as K;
use hyp_codegen::diff::rules::Severity;
use hyp_codegen::diff::{self, Change};

use crate::fx_fields::{field_fixtures, type_fixtures};
use crate::fx_interface::{code_fixtures, endpoint_fixtures, service_fixtures};
use crate::fx_models::{
    constraint_fixtures, error_detail_fixtures, named_type_fixtures, record_fixtures,
};
use crate::spec::Spec;

pub(crate) fn changes(base: &Spec, new: &Spec) -> Vec<Change> {
    diff::diff(&[base.load()], &[new.load()])
}

pub(crate) fn sorted(mut v: Vec<(K, Severity)>) -> Vec<(String, Severity)> {
    let mut out: Vec<(String, Severity)> = v.drain(..).map(|(k, s)| (k.id(), s)).collect();
    out.sort();
    out
}

/// One rule's fixture: a name, the two specs, the exact (kind, severity) list expected.
pub(crate) struct Fx {
    pub(crate) name: String,
    pub(crate) base: Spec,
    pub(crate) new: Spec,
    pub(crate) expect: Vec<(K, Severity)>,
}

pub(crate) fn fx(name: &str, base: Spec, new: Spec, expect: &[(K, Severity)]) -> Fx {
    Fx {
        name: name.into(),
        base,
        new,
        expect: expect.to_vec(),
    }
}

/// The same edit undone: `new` → `base`.
pub(crate) fn undo(name: &str, f: &Fx, expect: &[(K, Severity)]) -> Fx {
    fx(name, f.new.clone(), f.base.clone(), expect)
}

/// Runs `f`, checks the exact kinds and severities, returns the changes.
pub(crate) fn run(f: &Fx) -> Vec<Change> {
    let got = changes(&f.base, &f.new);
    let got_pairs = sorted(got.iter().map(|c| (c.kind, c.severity)).collect());
    assert_eq!(
        got_pairs,
        sorted(f.expect.clone()),
        "fixture `{}`: got {:#?}",
        f.name,
        got.iter()
            .map(|c| format!("{} {}: {}", c.kind.id(), c.subject, c.summary))
            .collect::<Vec<_>>()
    );
    got
}

pub(crate) fn all_fixtures() -> Vec<Fx> {
    let mut v = service_fixtures();
    v.extend(named_type_fixtures());
    v.extend(error_detail_fixtures());
    v.extend(endpoint_fixtures());
    v.extend(code_fixtures());
    v.extend(field_fixtures());
    v.extend(type_fixtures());
    v.extend(record_fixtures());
    v.extend(constraint_fixtures());
    v
}
