//! Fingerprints, locations, the version bump rule and the JSON output against its schema.

use std::collections::HashSet;
use std::path::Path;

use hyp_codegen::diff::kind::{ALL, ChangeKind as K, Constraint as C, Side};
use hyp_codegen::diff::rules::Severity;
use hyp_codegen::diff::semver::{Bump, suggest};
use hyp_codegen::diff::{self, Change, Report};

use Severity::{Breaking as B, Info as I, Warning as W};
use Side::Request as Req;

use crate::run::{all_fixtures, changes, sorted};
use crate::spec::{ENDPOINTS, Spec, base};

fn made_required() -> Spec {
    base().field("endpoints.yaml", "Note", |i| i.set("required", "true"))
}

#[test]
fn fingerprints_survive_reformatting_and_locations_point_at_the_new_spec() {
    let a = changes(&base(), &made_required());
    let shifted = made_required().replace(
        "endpoints.yaml",
        "endpoints:\n",
        "# Moved down by a few lines.\n\n\nendpoints:\n",
    );
    let b = changes(&base(), &shifted);
    assert_eq!(a.len(), 1);
    assert_eq!(b.len(), 1);
    assert_eq!(a[0].fingerprint, b[0].fingerprint);
    assert_eq!(a[0].fingerprint.len(), 16);
    assert!(a[0].fingerprint.chars().all(|c| c.is_ascii_hexdigit()));
    let (la, lb) = (a[0].location.line.unwrap(), b[0].location.line.unwrap());
    assert_eq!(lb, la + 3, "the location follows the new spec");
    assert!(a[0].location.file.ends_with("endpoints.yaml"));
    assert!(!a[0].location.in_base);
    let note_line = ENDPOINTS
        .lines()
        .position(|l| l.trim() == "- wire: Note")
        .map(|i| i + 1);
    assert_eq!(Some(la), note_line);
    assert_eq!(a[0].subject, "endpoints.Pay_Json.request.Note");
}

#[test]
fn fingerprints_are_unique_across_all_fixtures_of_one_diff() {
    for f in all_fixtures() {
        let got = changes(&f.base, &f.new);
        let mut seen = HashSet::new();
        for c in &got {
            assert!(
                seen.insert(&c.fingerprint),
                "`{}`: duplicate fingerprint",
                f.name
            );
        }
    }
}

#[test]
fn removed_items_point_at_their_parent_in_the_new_spec() {
    let removed = base().replace(
        "endpoints.yaml",
        "        - wire: Comment\n          type: string\n          doc: d\n          source: s\n",
        "",
    );
    let got = changes(&base(), &removed);
    assert_eq!(got.len(), 1);
    let pay = ENDPOINTS
        .lines()
        .position(|l| l.trim() == "Pay_Json:")
        .unwrap()
        + 1;
    assert_eq!(got[0].location.line, Some(pay));
    assert!(!got[0].location.in_base);
}

fn with_severity(s: Severity) -> Vec<Change> {
    let f = match s {
        B => made_required(),
        W => base().replace("codes.yaml", "      retryable: true\n", ""),
        I => base().field("endpoints.yaml", "Note", |i| i.set("doc", "A note.")),
    };
    let c = changes(&base(), &f);
    assert!(c.iter().all(|c| c.severity == s));
    c
}

#[test]
fn version_bump_follows_cargo_semver() {
    let breaking = with_severity(B);
    let warning = with_severity(W);
    let docs = with_severity(I);
    let s = suggest(&breaking, Some("0.1.0"));
    assert_eq!((s.bump, s.next.as_deref()), (Bump::Minor, Some("0.2.0")));
    let s = suggest(&warning, Some("0.1.0"));
    assert_eq!((s.bump, s.next.as_deref()), (Bump::Patch, Some("0.1.1")));
    let s = suggest(&docs, Some("0.1.0"));
    assert_eq!((s.bump, s.next.as_deref()), (Bump::Patch, Some("0.1.1")));

    let s = suggest(&breaking, Some("1.2.3"));
    assert_eq!((s.bump, s.next.as_deref()), (Bump::Major, Some("2.0.0")));
    let s = suggest(&warning, Some("1.2.3"));
    assert_eq!((s.bump, s.next.as_deref()), (Bump::Minor, Some("1.3.0")));
    let s = suggest(&docs, Some("1.2.3"));
    assert_eq!((s.bump, s.next.as_deref()), (Bump::Patch, Some("1.2.4")));

    // New optional API is a minor change even though it is only `Info`.
    let new_field = changes(
        &base(),
        &base().field("endpoints.yaml", "Note", |i| {
            i.lines.extend(
                [
                    "        - wire: Memo",
                    "          type: string",
                    "          doc: d",
                    "          source: s",
                ]
                .map(String::from),
            )
        }),
    );
    assert_eq!(new_field.len(), 1);
    assert_eq!(suggest(&new_field, Some("1.2.3")).bump, Bump::Minor);

    assert_eq!(suggest(&[], Some("0.1.0")).bump, Bump::None);
    assert_eq!(suggest(&breaking, None).next, None);
    assert_eq!(
        suggest(&breaking, Some("0.0.3")).next.as_deref(),
        Some("0.0.4")
    );
}

/// The example: a new request enum value, a field made required, a new code.
fn vendor_change() -> Spec {
    base()
        .item("types.yaml", "- wire: 2", |i| {
            i.lines.extend(
                ["      - wire: 8", "        name: Crypto", "        doc: Crypto (example).", "        source: s"]
                    .map(String::from),
            )
        })
        .field("endpoints.yaml", "Note", |i| i.set("required", "true"))
        .append(
            "codes.yaml",
            "    - code: 31\n      name: RateLimited\n      doc: Too many calls.\n      source: s\n      http_status: 429\n",
        )
}

#[test]
fn a_realistic_vendor_change() {
    let got = changes(&base(), &vendor_change());
    let kinds = sorted(got.iter().map(|c| (c.kind, c.severity)).collect());
    assert_eq!(
        kinds,
        sorted(vec![
            (K::EnumValueAdded { side: Req }, W),
            (K::FieldMadeRequired { side: Req }, B),
            (K::CodeAdded, W),
        ])
    );
    let report = Report {
        base: "HEAD~1 (abc1234)".into(),
        version: Some("0.1.0".into()),
        changes: got,
    };
    let md = diff::render::markdown(&report);
    assert!(
        md.starts_with("### Spec diff: 1 breaking, 2 warnings, 0 info"),
        "{md}"
    );
    assert!(md.contains("**minor (0.1.0 → 0.2.0)**"), "{md}");
    assert!(
        md.contains("#### Breaking (1)") && md.contains("#### Warning (2)"),
        "{md}"
    );
    assert!(!md.contains("Info ("), "{md}");
    let text = diff::render::text(&report);
    assert!(
        text.contains("BREAKING  field made required (request)"),
        "{text}"
    );
}

#[test]
fn json_output_matches_its_schema() {
    let schema_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/schema/spec-diff.schema.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path).expect("schema"))
            .expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    // Every kind the schema names, and every kind has its name in the schema.
    let names = |def: &str| -> Vec<String> {
        schema["$defs"]["change"]["properties"][def]["enum"]
            .as_array()
            .expect("an enum")
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect()
    };
    let (kinds, constraints) = (names("kind"), names("constraint"));
    for k in ALL {
        assert!(
            kinds.contains(&k.name().to_string()),
            "schema lacks kind {}",
            k.name()
        );
    }
    for c in C::ALL {
        assert!(
            constraints.contains(&c.key().to_string()),
            "schema lacks constraint {}",
            c.key()
        );
    }
    let mut all = changes(&base(), &vendor_change());
    // One change of every kind.
    for f in all_fixtures() {
        all.extend(changes(&f.base, &f.new));
    }
    // One change of every shape: removals (in the base), API-level ones without a line.
    all.extend(diff::diff(&[base().load()], &[]));
    all.extend(changes(
        &base(),
        &base().replace("service.yaml", "kind: bearer", "kind: in_request"),
    ));
    for version in [Some("0.1.0".to_string()), None] {
        let report = Report {
            base: "HEAD~1 (abc1234)".into(),
            version,
            changes: all.clone(),
        };
        let doc: serde_json::Value =
            serde_json::from_str(&diff::render::json(&report)).expect("the output is JSON");
        let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{errors:#?}");
        assert_eq!(doc["summary"]["total"], all.len());
    }
    let empty = Report {
        base: "HEAD~1".into(),
        version: None,
        changes: vec![],
    };
    let doc: serde_json::Value = serde_json::from_str(&diff::render::json(&empty)).unwrap();
    assert!(validator.is_valid(&doc));
    assert!(diff::render::markdown(&empty).contains("no changes"));
}
