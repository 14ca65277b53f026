//! False-positive guards: moves between files, reordered keys, comments and reformatting are
//! no change.

use std::path::Path;

use hyp_codegen::diff;

use crate::run::changes;
use crate::spec::{ENDPOINTS, Spec, base};

fn assert_no_change(name: &str, new: Spec) {
    let got = changes(&base(), &new);
    assert!(
        got.is_empty(),
        "`{name}` should not be a change, got {:#?}",
        got.iter()
            .map(|c| format!("{} {}", c.kind.id(), c.subject))
            .collect::<Vec<_>>()
    );
}

const STATUS_ENUM: &str = r#"  Status:
    repr: string
    doc: The state of a row.
    source: s
    values:
      - wire: open
        name: Open
        doc: Open.
      - wire: done
        name: Done
        doc: Done.
        also: ["DONE"]
"#;

#[test]
fn moving_items_between_files_is_not_a_change() {
    // An enum and an endpoint move to files of their own.
    let read = ENDPOINTS
        .split("  Read_Json:\n")
        .nth(1)
        .and_then(|r| r.split("quirks:\n").next())
        .expect("Read_Json in the fixture");
    let moved = base()
        .replace("types.yaml", STATUS_ENUM, "")
        .append("z-status.yaml", &format!("enums:\n{STATUS_ENUM}"))
        .replace("endpoints.yaml", &format!("  Read_Json:\n{read}"), "")
        .append("a-read.yaml", &format!("endpoints:\n  Read_Json:\n{read}"));
    assert_no_change("an enum and an endpoint moved to other files", moved);
}

#[test]
fn reordering_keys_is_not_a_change() {
    let reordered = base()
        .replace(
            "service.yaml",
            "  name: demo\n  module: demo\n  feature: demo\n",
            "  feature: demo\n  name: demo\n  module: demo\n",
        )
        .replace(
            "endpoints.yaml",
            "        - wire: Note\n          type: string\n          doc: d\n          source: s\n",
            "        - source: s\n          doc: d\n          type: string\n          wire: Note\n",
        )
        .replace(
            "codes.yaml",
            "      name: DatabaseError\n      doc: Database error.\n",
            "      doc: Database error.\n      name: DatabaseError\n",
        );
    assert_no_change("keys reordered", reordered);
}

#[test]
fn reordering_identified_list_items_is_not_a_change() {
    // Enum values, codes and endpoints are matched by identity, not position.
    let reordered = base()
        .replace(
            "types.yaml",
            "      - wire: 1\n        name: Card\n        doc: Card.\n        source: s\n      - wire: 2\n        name: Bank\n        doc: Bank transfer.\n        source: s\n",
            "      - wire: 2\n        name: Bank\n        doc: Bank transfer.\n        source: s\n      - wire: 1\n        name: Card\n        doc: Card.\n        source: s\n",
        )
        .replace(
            "codes.yaml",
            "    - code: 0\n      name: Success\n      doc: Success.\n      source: s\n      http_status: 200\n",
            "",
        )
        .append(
            "codes.yaml",
            "    - code: 0\n      name: Success\n      doc: Success.\n      source: s\n      http_status: 200\n",
        );
    assert_no_change("enum values and codes reordered", reordered);
}

#[test]
fn comments_are_not_a_change() {
    let mut s = base();
    for text in s.0.values_mut() {
        *text = format!(
            "# A comment at the top.\n{}",
            text.replace("    source: s\n", "    source: s # where it comes from\n")
        );
    }
    assert_no_change("comments added", s);
}

#[test]
fn reformatting_is_not_a_change() {
    let reformatted = base()
        .replace(
            "endpoints.yaml",
            "        - wire: Note\n          type: string\n          doc: d\n          source: s\n",
            "\n        - { wire: \"Note\", type: 'string', doc: \"d\",\n            source: s }\n\n",
        )
        .replace("service.yaml", "path: \"{wire}\"", "path: '{wire}'")
        .replace("endpoints.yaml", "codes: [30]", "codes:\n          - 30");
    assert_no_change("flow style, quoting, blank lines", reformatted);
}

#[test]
fn the_real_spec_has_no_change_against_itself() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec");
    let a = hyp_codegen::load_all(&root).expect("spec/ loads");
    let b = hyp_codegen::load_all(&root).expect("spec/ loads");
    assert!(!a.is_empty());
    assert!(diff::diff(&a, &b).is_empty());
}
