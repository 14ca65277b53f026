//! spec/schema/spec.schema.json (what editors check as people type) agrees with the loader
//! (what codegen accepts): every spec in the tree validates against the schema, and a typo the
//! loader rejects is flagged by the schema too.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec")
}

fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join("schema/spec.schema.json")).expect("schema");
    let schema: serde_json::Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("schema compiles")
}

fn as_json(yaml: &str) -> serde_json::Value {
    let v: serde_yaml::Value = serde_yaml::from_str(yaml).expect("YAML");
    serde_json::to_value(v).expect("YAML maps to JSON")
}

fn loader_accepts(yaml: &str) -> bool {
    serde_yaml::from_str::<hyp_codegen::spec::SpecFile>(yaml).is_ok()
}

#[test]
fn every_spec_file_validates_against_the_schema() {
    let v = validator();
    let mut checked = 0;
    for dir in std::fs::read_dir(root()).expect("spec/").flatten() {
        for file in std::fs::read_dir(dir.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let path = file.path();
            if path.extension().is_some_and(|e| e == "yaml") {
                let doc = as_json(&std::fs::read_to_string(&path).expect("read"));
                let errors: Vec<String> = v.iter_errors(&doc).map(|e| e.to_string()).collect();
                assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
                checked += 1;
            }
        }
    }
    assert!(checked >= 10, "only {checked} spec files found");
}

#[test]
fn the_schema_flags_what_the_loader_rejects() {
    let v = validator();
    let good = "enums:\n  Side:\n    repr: int\n    doc: d\n    source: s\n    values: []\n";
    assert!(loader_accepts(good) && v.is_valid(&as_json(good)));
    for bad in [
        // A typo'd key.
        "enums:\n  Side:\n    repr: int\n    doc: d\n    source: s\n    valeus: []\n",
        // A value outside an enum of the format.
        "enums:\n  Side:\n    repr: float\n    doc: d\n    source: s\n    values: []\n",
        // A missing required key.
        "enums:\n  Side:\n    repr: int\n    doc: d\n    values: []\n",
    ] {
        assert!(!loader_accepts(bad), "the loader should reject:\n{bad}");
        assert!(!v.is_valid(&as_json(bad)), "the schema should flag:\n{bad}");
    }
}
