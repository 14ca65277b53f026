//! Mistakes across items, files and folders: idempotency keys, examples, fixups, services,
//! endpoints, outcomes, and two mistakes reported together.

use crate::support::*;

#[test]
fn idempotency_key_naming_no_field() {
    let f = Fixture::new("idempotency-key");
    let text = endpoint_with("idempotency_key: Ticket_ID", "idempotency_key: TicketId");
    let file = f.write("endpoint-make-payment.yaml", &text);
    let diags = f.load_err();
    let d = the(&diags, "`TicketId`");
    assert!(d.message.contains("not a string field"), "{d}");
    assert_diag(
        d,
        &file,
        pos_of(&text, "idempotency_key: TicketId", 0),
        "name the request field",
    );
    assert_eq!(diags.0.len(), 1, "{}", show(&diags));
}

#[test]
fn idempotency_key_naming_a_non_string_field() {
    let f = Fixture::new("idempotency-key-money");
    let text = endpoint_with("idempotency_key: Ticket_ID", "idempotency_key: Amount");
    let file = f.write("endpoint-make-payment.yaml", &text);
    let diags = f.load_err();
    let d = the(&diags, "`Amount`");
    assert_diag(
        d,
        &file,
        pos_of(&text, "idempotency_key: Amount", 0),
        "name the request field",
    );
}

#[test]
fn example_expect_naming_nothing() {
    let f = Fixture::new("expect-nothing");
    let text = endpoint_with("expect: Paid", "expect: Payed");
    let file = f.write("endpoint-make-payment.yaml", &text);
    let diags = f.load_err();
    let d = the(&diags, "`Payed`");
    assert!(d.message.contains("neither an outcome"), "{d}");
    assert_diag(
        d,
        &file,
        pos_of(&text, "expect: Payed", 0),
        "name an outcome variant",
    );
    assert_eq!(diags.0.len(), 1, "{}", show(&diags));
}

#[test]
fn fixup_whose_find_is_not_in_the_body() {
    let f = Fixture::new("fixup-find");
    let text = endpoint_with("find: \"7,}\"", "find: \"8,}\"");
    let file = f.write("endpoint-make-payment.yaml", &text);
    let diags = f.load_err();
    let d = the(&diags, "`trailing-comma`");
    assert!(d.message.contains("no longer applies"), "{d}");
    assert_diag(
        d,
        &file,
        pos_of(&text, "find: \"8,}\"", 0),
        "remove the fixup",
    );
    assert_eq!(diags.0.len(), 1, "{}", show(&diags));
}

#[test]
fn two_mistakes_in_one_folder_are_both_reported() {
    let f = Fixture::new("two-mistakes");
    let enums = edit(
        ENUMS,
        "      - wire: USD\n        name: Usd\n",
        "      - wire: USD\n        name: Ils\n",
    );
    let text = endpoint_with("expect: Paid", "expect: Payed");
    let enums_file = f.write("enums.yaml", &enums);
    let file = f.write("endpoint-make-payment.yaml", &text);
    let diags = f.load_err();
    assert_eq!(diags.0.len(), 2, "{}", show(&diags));
    let a = the(&diags, "variant `Ils` appears twice");
    assert_diag(a, &enums_file, pos_of(&enums, "name: Ils", 1), "own name");
    let b = the(&diags, "`Payed`");
    assert_diag(
        b,
        &file,
        pos_of(&text, "expect: Payed", 0),
        "outcome variant",
    );
    // The rendering counts both.
    assert!(
        show(&diags).ends_with("2 error(s) in spec"),
        "{}",
        show(&diags)
    );
}

#[test]
fn two_mistakes_in_one_file_are_both_reported() {
    let f = Fixture::new("two-mistakes-one-file");
    let text = edit(
        &endpoint_with("type: money", "type: Monie"),
        "find: \"7,}\"",
        "find: \"8,}\"",
    );
    let file = f.write("endpoint-make-payment.yaml", &text);
    let diags = f.load_err();
    assert_eq!(diags.0.len(), 2, "{}", show(&diags));
    assert_diag(
        the(&diags, "Monie"),
        &file,
        pos_of(&text, "type: Monie", 0),
        "use one of",
    );
    assert_diag(
        the(&diags, "trailing-comma"),
        &file,
        pos_of(&text, "find: \"8,}\"", 0),
        "remove the fixup",
    );
}

#[test]
fn missing_service() {
    let f = Fixture::empty("missing-service");
    f.write("enums.yaml", ENUMS);
    f.write("endpoint-make-payment.yaml", ENDPOINT);
    let diags = f.load_err();
    assert_eq!(diags.0.len(), 1, "{}", show(&diags));
    let d = &diags.0[0];
    assert!(d.message.contains("no `service:`"), "{d}");
    // No file holds the mistake: the diagnostic names the API folder, at 1:1.
    assert_diag(d, &f.dir, (1, 1), "add a service.yaml");
}

#[test]
fn second_service_is_reported_in_the_second_file() {
    let f = Fixture::new("second-service");
    // The `service:` part of SERVICE (everything before `codes:`), in a second file.
    let again = &SERVICE[..SERVICE.find("codes:").expect("SERVICE has codes")];
    let file = f.write("zz-service-again.yaml", again);
    let diags = f.load_err();
    let d = the(&diags, "a second `service:`");
    assert_diag(
        d,
        &file,
        pos_of(again, "service:", 0),
        "keep one `service:`",
    );
}

#[test]
fn duplicate_endpoint_in_two_files_names_the_second() {
    let f = Fixture::new("duplicate-endpoint");
    let first = f.write("endpoint-a.yaml", ENDPOINT);
    let second_text = endpoint_with("rust: make_payment", "rust: make_payment_again");
    let second = f.write("endpoint-b.yaml", &second_text);

    let diags = f.load_err();
    assert_eq!(diags.0.len(), 1, "{}", show(&diags));
    let d = the(&diags, "`Make_Payment_Json` is defined twice");
    assert!(
        d.message.contains(&first.display().to_string()),
        "names the first file: {d}"
    );
    assert_diag(
        d,
        &second,
        pos_of(&second_text, "Make_Payment_Json:", 0),
        "one definition",
    );

    // `generate` on the spec root reports the same diagnostic.
    let via_generate = match hyp_codegen::generate(&f.root) {
        Ok(_) => panic!("generate accepted a duplicate endpoint"),
        Err(d) => d,
    };
    assert_eq!(via_generate.0, diags.0);
}

#[test]
fn generate_reports_a_mistake_with_its_place() {
    let f = Fixture::new("generate-unknown-type");
    let text = endpoint_with("type: money", "type: Monie");
    let file = f.write("endpoint-make-payment.yaml", &text);
    let diags = match hyp_codegen::generate(&f.root) {
        Ok(_) => panic!("generate accepted an unknown type"),
        Err(d) => d,
    };
    let d = the(&diags, "Monie");
    assert_diag(d, &file, pos_of(&text, "type: Monie", 0), "use one of");
}

#[test]
fn generate_on_a_missing_root_is_a_diagnostic() {
    let root = std::env::temp_dir().join(format!(
        "hyp-codegen-diagnostics-no-such-root-{}",
        std::process::id()
    ));
    let diags = match hyp_codegen::generate(&root) {
        Ok(_) => panic!("generate accepted a missing folder"),
        Err(d) => d,
    };
    assert_eq!(diags.0.len(), 1, "{}", show(&diags));
    assert_diag(&diags.0[0], &root, (1, 1), "exists");
}

/// Two definitions of one endpoint (its wire name is the key) in the *same* file.
///
/// Regression (was a bug): serde deserializes
/// `endpoints:` into an `IndexMap`, which keeps the last of two equal keys and silently drops the
/// first, so the loader never sees the duplicate and `load_one` returns `Ok`. Across two files
/// the same mistake is reported (`duplicate_endpoint_in_two_files_names_the_second`).
#[test]
fn duplicate_endpoint_in_one_file() {
    let f = Fixture::new("duplicate-endpoint-one-file");
    let body = ENDPOINT.strip_prefix("endpoints:\n").unwrap();
    let text = format!("endpoints:\n{body}{body}");
    let file = f.write("endpoint-make-payment.yaml", &text);
    let diags = f.load_err();
    let d = the(&diags, "Make_Payment_Json");
    assert_diag(
        d,
        &file,
        pos_of(&text, "Make_Payment_Json:", 1),
        "delete or rename",
    );
}

#[test]
fn outcome_requires_a_field_the_response_lacks() {
    let f = Fixture::new("requires-unknown");
    let text = endpoint_with(
        "        variant: Paid\n        doc: The payment was made.\n        source: \"test\"\n",
        "        variant: Paid\n        doc: The payment was made.\n        source: \"test\"\n        requires:\n          - wire: PaymentRef\n            source: \"test\"\n",
    );
    let file = f.write("endpoint-make-payment.yaml", &text);
    let diags = f.load_err();
    let d = the(&diags, "`PaymentRef`");
    assert!(d.message.contains("not a response field"), "{d}");
    assert_diag(
        d,
        &file,
        pos_of(&text, "wire: PaymentRef", 0),
        "name a response field",
    );
    assert_eq!(diags.0.len(), 1, "{}", show(&diags));
}

#[test]
fn outcome_requires_a_field_that_is_already_required() {
    let f = Fixture::new("requires-required");
    let text = edit(
        &endpoint_with(
            "        variant: Paid\n        doc: The payment was made.\n        source: \"test\"\n",
            "        variant: Paid\n        doc: The payment was made.\n        source: \"test\"\n        requires:\n          - wire: PaymentId\n            source: \"test\"\n",
        ),
        "        - wire: PaymentId\n          type: int\n",
        "        - wire: PaymentId\n          type: int\n          required: true\n",
    );
    let file = f.write("endpoint-make-payment.yaml", &text);
    let diags = f.load_err();
    let d = the(&diags, "already required");
    assert_diag(
        d,
        &file,
        pos_of(&text, "wire: PaymentId", 1),
        "delete it here",
    );
    assert_eq!(diags.0.len(), 1, "{}", show(&diags));
}

#[test]
fn outcome_requires_without_a_source_is_rejected() {
    let f = Fixture::new("requires-no-source");
    let text = endpoint_with(
        "        variant: Paid\n        doc: The payment was made.\n        source: \"test\"\n",
        "        variant: Paid\n        doc: The payment was made.\n        source: \"test\"\n        requires:\n          - wire: PaymentId\n",
    );
    f.write("endpoint-make-payment.yaml", &text);
    let diags = f.load_err();
    assert!(
        show(&diags).contains("source"),
        "a requirement names the doc line it follows:\n{}",
        show(&diags)
    );
}
