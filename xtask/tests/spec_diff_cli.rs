//! `cargo xtask spec-diff` end to end: a temporary git repository with a tiny spec, commits of
//! realistic edits, and the built `xtask` binary run inside it (it finds the repository from its
//! current directory). Checks the markdown and JSON output, `--fail-on`, the default base, the
//! working tree, a single-commit clone, a base whose spec does not load, and moves that are not
//! changes.

#[path = "spec_diff_cli/repo.rs"]
mod repo;

use repo::*;

#[test]
fn markdown_lists_the_vendor_change_with_files_and_lines() {
    let r = Repo::new("markdown");
    r.vendor_change();
    r.commit("vendor docs changed");
    let run = r.spec_diff(&["--base", "HEAD~1", "--format", "markdown"]);
    assert_eq!(run.code(), Some(0), "{}", run.debug());
    let md = run.stdout();
    assert!(
        md.starts_with("### Spec diff: 1 breaking, 2 warnings, 0 info"),
        "{md}"
    );
    assert!(md.contains("#### Breaking (1)"), "{md}");
    assert!(md.contains("#### Warning (2)"), "{md}");
    assert!(md.contains("**field made required (request)**"), "{md}");
    assert!(md.contains("**enum value added (request)**"), "{md}");
    assert!(md.contains("**code added**"), "{md}");
    // Where: the new spec's file and line, relative to the repository.
    let line = r
        .read("spec/shop/endpoints.yaml")
        .lines()
        .position(|l| l.trim() == "- wire: Voucher_Number")
        .map(|i| i + 1)
        .expect("Voucher_Number");
    assert!(
        md.contains(&format!("`spec/shop/endpoints.yaml:{line}`")),
        "{md}"
    );
    // No hyp-api/Cargo.toml here: standard SemVer, no versions named.
    assert!(
        md.contains("**major**: breaking changes (current version unknown"),
        "{md}"
    );
}

#[test]
fn json_has_the_documented_shape() {
    let r = Repo::new("json");
    r.vendor_change();
    r.commit("vendor docs changed");
    r.write(
        "hyp-api/Cargo.toml",
        "[package]\nname = \"hyp-api\"\nversion = \"0.1.0\"\n\n[dependencies]\nx = { version = \"9.9.9\" }\n",
    );
    let run = r.spec_diff(&["--base", "HEAD~1", "--format", "json"]);
    assert_eq!(run.code(), Some(0), "{}", run.debug());
    let json = run.stdout();
    for needle in [
        "\"schema_version\": 1",
        "\"breaking\": 1",
        "\"warning\": 2",
        "\"total\": 3",
        "\"bump\": \"minor\"",
        "\"current\": \"0.1.0\"",
        "\"next\": \"0.2.0\"",
        "\"kind\": \"field_made_required\"",
        "\"id\": \"field_made_required.request\"",
        "\"subject\": \"endpoints.MT4_Deposit_Fiat_Json.request.Voucher_Number\"",
        "\"kind\": \"enum_value_added\"",
        "\"subject\": \"enums.PaymentMethod.values.8\"",
        "\"kind\": \"code_added\"",
        "\"subject\": \"codes.31\"",
        "\"file\": \"spec/shop/endpoints.yaml\"",
        "\"in_base\": false",
    ] {
        assert!(json.contains(needle), "missing {needle} in\n{json}");
    }
    assert!(json.trim_start().starts_with('{') && json.trim_end().ends_with('}'));
    // Fingerprints: 16 hex digits, the same on a second run.
    let again = r
        .spec_diff(&["--base", "HEAD~1", "--format", "json"])
        .stdout();
    assert_eq!(json, again);
}

#[test]
fn fail_on_sets_the_exit_code() {
    let r = Repo::new("fail-on");
    r.vendor_change();
    r.commit("vendor docs changed");
    let breaking = r.spec_diff(&["--base", "HEAD~1", "--fail-on", "breaking"]);
    assert_eq!(breaking.code(), Some(1), "{}", breaking.debug());
    assert!(
        breaking.stdout().contains("### Spec diff"),
        "the report is still printed"
    );
    assert_eq!(
        r.spec_diff(&["--base", "HEAD~1", "--fail-on", "warn"])
            .code(),
        Some(1)
    );
    assert_eq!(r.spec_diff(&["--base", "HEAD~1"]).code(), Some(0));

    // A doc-only change fails neither.
    r.edit(
        "spec/shop/endpoints.yaml",
        "doc: Record a deposit.",
        "doc: Record a fiat deposit.",
    );
    r.commit("docs");
    for fail_on in ["breaking", "warn"] {
        let run = r.spec_diff(&["--base", "HEAD~1", "--format", "text", "--fail-on", fail_on]);
        assert_eq!(run.code(), Some(0), "{}", run.debug());
        assert!(
            run.stdout().contains("0 breaking, 0 warnings, 1 info"),
            "{}",
            run.debug()
        );
    }
    // A new code alone is a warning: --fail-on warn fails, --fail-on breaking does not.
    r.edit(
        "spec/shop/service.yaml",
        "      http_status: 500\n",
        "      http_status: 500\n    - code: 32\n      name: Maintenance\n      doc: Down for maintenance.\n      source: s\n      http_status: 503\n",
    );
    r.commit("a new code");
    assert_eq!(
        r.spec_diff(&["--base", "HEAD~1", "--fail-on", "breaking"])
            .code(),
        Some(0)
    );
    assert_eq!(
        r.spec_diff(&["--base", "HEAD~1", "--fail-on", "warn"])
            .code(),
        Some(1)
    );
}

#[test]
fn default_base_is_the_merge_base_with_main_and_the_working_tree_counts() {
    let r = Repo::new("default-base");
    r.git(&["checkout", "-q", "-b", "vendor-update"]);
    r.vendor_change();
    r.commit("vendor docs changed");
    // An uncommitted edit is part of what is compared.
    r.edit(
        "spec/shop/enums.yaml",
        "doc: Credit card.",
        "doc: Credit or debit card.",
    );
    let run = r.spec_diff(&["--format", "text"]);
    assert_eq!(run.code(), Some(0), "{}", run.debug());
    let text = run.stdout();
    assert!(text.contains("the merge base with main"), "{text}");
    assert!(
        text.contains("4 changes (1 breaking, 2 warnings, 1 info)"),
        "{text}"
    );
    assert!(text.contains("INFO      doc changed"), "{text}");
}

#[test]
fn a_single_commit_clone_has_no_base_and_exits_0() {
    let r = Repo::new("single-commit");
    let run = r.spec_diff(&["--base", "HEAD~1", "--format", "text"]);
    assert_eq!(run.code(), Some(0), "{}", run.debug());
    assert!(run.stdout().contains("no base"), "{}", run.debug());
    // With --fail-on, not being able to compare is an error.
    let run = r.spec_diff(&["--base", "HEAD~1", "--fail-on", "breaking"]);
    assert_eq!(run.code(), Some(2), "{}", run.debug());
}

#[test]
fn a_base_whose_spec_does_not_load_is_reported_with_exit_2() {
    let r = Repo::new("bad-base");
    r.edit(
        "spec/shop/enums.yaml",
        "    repr: int\n",
        "    repr: int\n    colour: blue\n",
    );
    r.commit("a typo");
    r.edit("spec/shop/enums.yaml", "    colour: blue\n", "");
    r.commit("typo fixed");
    let run = r.spec_diff(&["--base", "HEAD~1"]);
    assert_eq!(run.code(), Some(2), "{}", run.debug());
    let err = run.stderr();
    assert!(err.contains("does not load"), "{err}");
    assert!(err.contains("spec/shop/enums.yaml"), "{err}");
    assert!(err.contains("colour"), "{err}");
}

#[test]
fn moving_and_reformatting_yaml_is_not_a_change() {
    let r = Repo::new("moves");
    // The enum moves to another file, keys are reordered, comments and blank lines added.
    std::fs::remove_file(r.dir.join("spec/shop/enums.yaml")).expect("remove");
    r.write(
        "spec/shop/payment.yaml",
        &format!(
            "# Moved here.\n\n{}",
            ENUMS
                .replace("    repr: int\n    doc:", "    doc:")
                .replace(
                    "    source: s\n    values:",
                    "    source: s\n    repr: int # how it travels\n    values:"
                )
        ),
    );
    r.commit("move and reformat");
    let run = r.spec_diff(&["--base", "HEAD~1", "--format", "markdown"]);
    assert_eq!(run.code(), Some(0), "{}", run.debug());
    assert!(
        run.stdout().contains("### Spec diff: no changes"),
        "{}",
        run.debug()
    );
}

#[test]
fn outside_a_repository_it_exits_2() {
    let r = Repo::dir("no-repo");
    let run = r.spec_diff(&["--base", "HEAD~1"]);
    assert_eq!(run.code(), Some(2), "{}", run.debug());
    assert!(
        run.stderr().contains("inside the repository"),
        "{}",
        run.debug()
    );
}

#[test]
fn a_new_api_folder_is_listed_as_added() {
    let r = Repo::new("new-api");
    for (file, text) in [
        ("service.yaml", SERVICE),
        ("enums.yaml", ENUMS),
        ("endpoints.yaml", ENDPOINTS),
    ] {
        r.write(
            &format!("spec/shop2/{file}"),
            &text
                .replace("name: shop", "name: shop2")
                .replace("module: shop", "module: shop2")
                .replace("feature: shop", "feature: shop2"),
        );
    }
    r.commit("a second API");
    let run = r.spec_diff(&["--base", "HEAD~1", "--format", "text"]);
    assert_eq!(run.code(), Some(0), "{}", run.debug());
    let text = run.stdout();
    assert!(text.contains("INFO      api added"), "{text}");
    assert!(text.contains("INFO      endpoint added"), "{text}");
    assert!(text.contains("at spec/shop2/endpoints.yaml:2"), "{text}");
}
