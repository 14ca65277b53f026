//! Every fixture gives exactly its classification; every `ChangeKind` is classified once and
//! has a fixture; the direction of an edit decides its severity.

use std::collections::HashSet;

use hyp_codegen::diff;
use hyp_codegen::diff::kind::{ALL, ChangeKind as K, Constraint as C, Side};
use hyp_codegen::diff::rules::{self, RULES, Severity};

use Severity::{Breaking as B, Info as I, Warning as W};
use Side::{Request as Req, Response as Resp};

use crate::fx_models::api_fixtures;
use crate::run::{all_fixtures, run, sorted};

#[test]
fn every_fixture_gives_exactly_its_classification() {
    let fixtures = all_fixtures();
    for f in &fixtures {
        run(f);
    }
    eprintln!(
        "{} spec-pair fixtures",
        fixtures.len() + api_fixtures().len()
    );
    for f in api_fixtures() {
        let got = sorted(
            diff::diff(&f.base, &f.new)
                .iter()
                .map(|c| (c.kind, c.severity))
                .collect(),
        );
        assert_eq!(got, sorted(f.expect), "fixture `{}`", f.name);
    }
}

/// Keeps `ALL` honest from the test side too: adding a variant fails to compile here until it
/// is handled.
fn listed(k: K) -> bool {
    match k {
        K::ApiAdded
        | K::ApiRemoved
        | K::TransportChanged
        | K::AuthChanged
        | K::BaseUrlChanged
        | K::EnvelopeChanged
        | K::UnknownFieldsNowKept
        | K::UnknownFieldsNoLongerKept
        | K::EndpointAdded
        | K::EndpointRemoved
        | K::RouteChanged
        | K::TimeoutChanged
        | K::IdempotencyKeyChanged
        | K::ReadOnlyChanged
        | K::MovesMoneyChanged
        | K::ResponseShapeChanged
        | K::ConstructorOrderChanged
        | K::OutcomeAdded
        | K::OutcomeRemoved
        | K::OutcomeCodesChanged
        | K::CodeAdded
        | K::CodeRemoved
        | K::CodeMeaningChanged
        | K::CodeHttpStatusChanged
        | K::CodeRetryableChanged
        | K::CodeOutcomeUnknownChanged
        | K::FieldAdded { .. }
        | K::FieldRemoved { .. }
        | K::FieldTypeChanged
        | K::SecretMadeNonSecret
        | K::FieldMadeRequired { .. }
        | K::FieldMadeOptional { .. }
        | K::FieldLocationChanged
        | K::EnumAdded
        | K::EnumRemoved
        | K::EnumReprChanged
        | K::EnumSideChanged
        | K::EnumValueAdded { .. }
        | K::EnumValueRemoved { .. }
        | K::EnumAliasAdded
        | K::EnumAliasRemoved
        | K::ObjectAdded
        | K::ObjectRemoved
        | K::ObjectSideChanged
        | K::RustNameChanged
        | K::WireNameChanged
        | K::DocChanged
        | K::ExampleAdded
        | K::ExampleRemoved
        | K::ExampleChanged
        | K::QuirkAdded
        | K::QuirkRemoved
        | K::QuirkChanged
        | K::OutcomeRequiresAdded
        | K::OutcomeRequiresRemoved
        | K::FieldAliasAdded
        | K::FieldAliasRemoved
        | K::ErrorDetailAdded
        | K::ErrorDetailRemoved
        | K::ConstraintTightened { .. }
        | K::ConstraintLoosened { .. } => ALL.contains(&k),
    }
}

#[test]
fn every_change_kind_is_classified_once() {
    assert!(ALL.len() > 100, "ALL lists {} kinds", ALL.len());
    let mut ids = HashSet::new();
    for &k in ALL {
        assert!(listed(k));
        assert!(ids.insert(k.id()), "two kinds share the id {}", k.id());
        let rows: Vec<_> = RULES.iter().filter(|r| r.kind == k).collect();
        assert_eq!(rows.len(), 1, "{} must have exactly one rule", k.id());
        let r = rules::rule(k);
        assert_eq!(r.kind, k);
        assert!(!r.reason.is_empty() && !r.reason.contains("unclassified"));
    }
    assert_eq!(RULES.len(), ALL.len(), "a rule for a kind not in ALL");
    // The payload combinations are all there.
    for side in Side::ALL {
        for required in [false, true] {
            assert!(ALL.contains(&K::FieldAdded { required, side }));
        }
        for c in C::ALL {
            assert!(ALL.contains(&K::ConstraintTightened {
                constraint: c,
                side
            }));
            assert!(ALL.contains(&K::ConstraintLoosened {
                constraint: c,
                side
            }));
        }
    }
}

#[test]
fn every_change_kind_has_a_fixture() {
    let mut seen: HashSet<String> = HashSet::new();
    for f in all_fixtures() {
        seen.extend(f.expect.iter().map(|(k, _)| k.id()));
    }
    for f in api_fixtures() {
        seen.extend(f.expect.iter().map(|(k, _)| k.id()));
    }
    let missing: Vec<String> = ALL
        .iter()
        .map(|k| k.id())
        .filter(|id| !seen.contains(id))
        .collect();
    assert!(missing.is_empty(), "kinds with no fixture: {missing:#?}");
}

#[test]
fn direction_decides_severity() {
    // Request side: narrowing what we send breaks; response side: widening what we receive warns.
    assert_eq!(rules::rule(K::EnumValueRemoved { side: Req }).severity, B);
    assert_eq!(rules::rule(K::EnumValueAdded { side: Resp }).severity, W);
    assert_eq!(
        rules::rule(K::FieldAdded {
            required: true,
            side: Req
        })
        .severity,
        B
    );
    assert_eq!(
        rules::rule(K::FieldAdded {
            required: false,
            side: Req
        })
        .severity,
        I
    );
    assert_eq!(
        rules::rule(K::ConstraintTightened {
            constraint: C::MaxLen,
            side: Req
        })
        .severity,
        B
    );
    assert_eq!(
        rules::rule(K::ConstraintLoosened {
            constraint: C::MaxLen,
            side: Req
        })
        .severity,
        W
    );
}
