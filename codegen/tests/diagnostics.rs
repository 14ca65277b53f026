//! A bad spec gives an error naming the file, the line and column, and what to do; it never
//! panics. One test per kind of mistake, each on a small spec folder written to a fresh temp dir,
//! plus a sweep of mechanical mutations of the real `spec/hyper-erp` and a determinism check of
//! the generator's output.
//!
//! Expected places are computed from the fixture text (the position of a marker string), never
//! written as numbers.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

#[allow(dead_code)]
mod support;

use support::*;

// ---------------------------------------------------------------------------------------------
// The valid fixture
// ---------------------------------------------------------------------------------------------

/// Guards every other test: the fixture without the mistake loads and generates, so each
/// diagnostic below comes from the one mistake added.
#[test]
fn valid_fixture_loads_and_generates() {
    let f = Fixture::new("valid");
    f.write("endpoint-make-payment.yaml", ENDPOINT);
    let api = hyp_codegen::load_one(&f.dir).unwrap_or_else(|d| panic!("{d}"));
    assert_eq!(api.name, "acme");
    assert_eq!(api.endpoints.len(), 1);
    let files = hyp_codegen::generate(&f.root).unwrap_or_else(|d| panic!("{d}"));
    assert!(!files.is_empty());
}

// ---------------------------------------------------------------------------------------------
// One test per kind of mistake
// ---------------------------------------------------------------------------------------------

#[test]
fn unknown_type() {
    let f = Fixture::new("unknown-type");
    let text = endpoint_with("type: money", "type: Monie");
    let file = f.write("endpoint-make-payment.yaml", &text);
    let diags = f.load_err();

    let d = the(&diags, "Monie");
    assert!(d.message.contains("unknown type `Monie`"), "{d}");
    assert_diag(d, &file, pos_of(&text, "type: Monie", 0), "use one of");
    // The help lists the known types: every scalar, the API's own enums, and list<T>.
    for known in [
        "int",
        "string",
        "bool",
        "money",
        "minor_units",
        "decimal",
        "date",
        "datetime",
        "secret",
        "Currency",
        "list<T>",
    ] {
        assert!(d.help.contains(known), "help does not list `{known}`:\n{d}");
    }
    assert!(d.help.contains("define `Monie`"), "{d}");
}

#[test]
fn unknown_type_inside_a_list() {
    let f = Fixture::new("unknown-list-type");
    let text = endpoint_with("type: Currency", "type: list<Curency>");
    let file = f.write("endpoint-make-payment.yaml", &text);
    let diags = f.load_err();
    let d = the(&diags, "Curency");
    assert!(d.message.contains("unknown type `Curency`"), "{d}");
    assert_diag(
        d,
        &file,
        pos_of(&text, "type: list<Curency>", 0),
        "Currency",
    );
}

#[test]
fn duplicate_wire_name_in_request_fields() {
    let f = Fixture::new("duplicate-wire");
    // The third request field (`Currency`) is renamed to `Amount`, which the second already has.
    let text = endpoint_with("- wire: Currency", "- wire: Amount");
    let file = f.write("endpoint-make-payment.yaml", &text);
    let diags = f.load_err();

    let d = the(&diags, "wire name `Amount` appears twice");
    // The place is the second `wire: Amount`, the duplicate.
    assert_diag(
        d,
        &file,
        pos_of(&text, "wire: Amount", 1),
        "delete the duplicate",
    );
    // Both fields would also get the Rust name `amount`; that is reported at the same place.
    let r = the(&diags, "Rust name `amount`");
    assert_diag(r, &file, pos_of(&text, "wire: Amount", 1), "rust:");
    assert_eq!(diags.0.len(), 2, "{}", show(&diags));
}

#[test]
fn duplicate_wire_name_in_object_fields() {
    let f = Fixture::new("duplicate-wire-object");
    let objects = r#"objects:
  Payer:
    doc: Who pays.
    source: "test"
    fields:
      - wire: Name
        type: string
        doc: Name.
        source: "test"
      - wire: Name
        type: string
        doc: Name again.
        source: "test"
"#;
    let file = f.write("objects.yaml", objects);
    f.write("endpoint-make-payment.yaml", ENDPOINT);
    let diags = f.load_err();
    let d = the(&diags, "wire name `Name` appears twice");
    assert_diag(
        d,
        &file,
        pos_of(objects, "wire: Name", 1),
        "delete the duplicate",
    );
}

#[test]
fn enum_without_values() {
    let f = Fixture::new("enum-no-values");
    let enums = r#"enums:
  Currency:
    repr: string
    doc: Transaction currency.
    source: "test"
    values:
      - wire: ILS
        name: Ils
        doc: Shekel.
  Empty:
    repr: int
    doc: Nothing documented.
    source: "test"
    values: []
"#;
    let file = f.write("enums.yaml", enums);
    f.write("endpoint-make-payment.yaml", ENDPOINT);
    let diags = f.load_err();
    let d = the(&diags, "has no values");
    assert!(d.message.contains("enum `Empty`"), "{d}");
    // The place is the enum's name (its definition), not the `values:` key.
    assert_diag(d, &file, pos_of(enums, "Empty:", 0), "under `values:`");
    assert_eq!(diags.0.len(), 1, "{}", show(&diags));
}

/// A constraint written on a field of a type it does not apply to: exactly one diagnostic, at
/// the constraint, naming the constraint, the field and its type, and saying which types take it.
struct Misplaced<'a> {
    test: &'a str,
    /// The fixture text replaced, and its replacement (which holds `written`).
    find: &'a str,
    replace: &'a str,
    written: &'a str,
    key: &'a str,
    field: &'a str,
    ty: &'a str,
    help: &'a str,
}

fn assert_misplaced(m: Misplaced) {
    let f = Fixture::new(m.test);
    let text = endpoint_with(m.find, m.replace);
    let file = f.write("endpoint-make-payment.yaml", &text);
    let diags = f.load_err();
    let d = the(&diags, &format!("`{}`", m.key));
    assert!(
        d.message.contains(&format!("field `{}`", m.field))
            && d.message.contains(&format!("type `{}`", m.ty)),
        "{d}"
    );
    assert_diag(d, &file, pos_of(&text, m.written, 0), m.help);
    assert_eq!(diags.0.len(), 1, "{}", show(&diags));
}

/// YAML nested 100, 1,000 and 100,000 deep (flow lists, and block mappings at 100) is one
/// diagnostic: no stack overflow, no serde error after it.
#[test]
fn yaml_nested_deep_is_a_diagnostic() {
    let block: String = (0..100)
        .map(|d| format!("{}k:\n", "  ".repeat(d)))
        .collect::<String>()
        + &"  ".repeat(100)
        + "v: 1\n";
    let cases = [100, 1_000, 100_000]
        .map(|depth| format!("enums: {}{}\n", "[".repeat(depth), "]".repeat(depth)))
        .into_iter()
        .chain([block]);
    for (i, text) in cases.enumerate() {
        let f = Fixture::new(&format!("deep-{i}"));
        let file = f.write("deep.yaml", &text);
        let diags = f.load_err();
        // Our bound, or saphyr's own limit where its scanner looks that far ahead first.
        assert_eq!(diags.0.len(), 1, "{}", show(&diags));
        let d = &diags.0[0];
        assert!(
            d.message.contains("nested deeper than 64 levels")
                || d.message.contains("recursion limit exceeded"),
            "{d}"
        );
        assert_eq!(d.file, file);
    }
}

/// A request amount must state the most the vendor carries (`validate()` refuses more).
#[test]
fn request_amount_without_maximum() {
    let f = Fixture::new("amount-without-maximum");
    let text = endpoint_with("            le: \"1000000\"\n", "");
    let file = f.write("endpoint-make-payment.yaml", &text);
    let diags = f.load_err();
    let d = the(&diags, "states no maximum");
    assert!(d.message.contains("`Amount`"), "{d}");
    assert_diag(d, &file, pos_of(&text, "wire: Amount", 0), "le: <max>");
    assert_eq!(diags.0.len(), 1, "{}", show(&diags));
}

#[test]
fn constraint_max_len_on_money() {
    assert_misplaced(Misplaced {
        test: "max-len-on-money",
        find: "            gt: \"0\"\n",
        replace: "            max_len: 12\n",
        written: "max_len: 12",
        key: "max_len",
        field: "Amount",
        ty: "money",
        help: "applies to string and secret fields",
    });
}

#[test]
fn constraint_gt_on_string() {
    assert_misplaced(Misplaced {
        test: "gt-on-string",
        find: "max_len: 20",
        replace: "gt: 5",
        written: "gt: 5",
        key: "gt",
        field: "Ticket_ID",
        ty: "string",
        help: "int, money, minor_units and decimal",
    });
}

#[test]
fn constraint_within_past_days_on_datetime() {
    assert_misplaced(Misplaced {
        test: "within-past-days-on-datetime",
        find: "not_future: true",
        replace: "within_past_days: 7",
        written: "within_past_days: 7",
        key: "within_past_days",
        field: "CreatedAt",
        ty: "datetime",
        help: "applies to date fields",
    });
}

#[test]
fn constraint_bound_that_is_not_a_number() {
    let f = Fixture::new("bound-not-a-number");
    let text = endpoint_with("gt: \"0\"", "gt: \"zero\"");
    let file = f.write("endpoint-make-payment.yaml", &text);
    let diags = f.load_err();
    let d = the(&diags, "must be a decimal number");
    assert_diag(d, &file, pos_of(&text, "gt: \"zero\"", 0), "quoted decimal");
}

#[test]
fn yaml_syntax_error_bad_indentation() {
    let f = Fixture::new("bad-indentation");
    // The endpoint's `doc:` is indented two columns right of its sibling `rust:`, so it reads as
    // a continuation of the plain scalar `make_payment`, where a `:` may not follow.
    let text = endpoint_with("    doc: Makes a payment.", "      doc: Makes a payment.");
    let file = f.write("endpoint-make-payment.yaml", &text);
    let diags = f.load_err();
    assert_eq!(diags.0.len(), 1, "{}", show(&diags));
    let d = &diags.0[0];
    assert!(d.message.contains("mapping values are not allowed"), "{d}");
    // libyaml stops at the `:` that cannot be there.
    assert_diag(
        d,
        &file,
        pos_of(&text, ": Makes a payment.", 0),
        "indentation",
    );
}

/// A key dedented out of its list item.
///
/// Regression (was a bug): `serde_yaml` hands
/// serde the events parsed before the syntax error, so the item that lost its `doc:` ends first
/// and serde's "missing field `doc`" (at the item's first key, two lines up) is reported
/// instead of libyaml's "did not find expected '-' indicator" at the stray key. The place and
/// the help ("add the missing key") then point away from the mistake. Fix: check the syntax
/// before deserializing (e.g. report the scan error that `Positions::index` already meets and
/// drops), and report a syntax error in preference to a serde error after it.
#[test]
fn yaml_syntax_error_dedented_key_in_a_list() {
    let f = Fixture::new("dedented-key");
    let text = endpoint_with("          doc: Resend key.", "         doc: Resend key.");
    let file = f.write("endpoint-make-payment.yaml", &text);
    let diags = f.load_err();
    assert_eq!(diags.0.len(), 1, "{}", show(&diags));
    let d = &diags.0[0];
    // Today: `...fields[0]: missing field `doc`` at the `wire:` of `- wire: Ticket_ID`.
    assert!(
        d.message.contains("did not find expected '-' indicator"),
        "{d}"
    );
    assert_diag(
        d,
        &file,
        pos_of(&text, "doc: Resend key.", 0),
        "indentation",
    );
}

#[test]
fn yaml_syntax_error_unclosed_quote_at_end_of_file() {
    let f = Fixture::new("unclosed-quote-eof");
    let text = endpoint_with("replace: \"7}\"", "replace: \"7}");
    let file = f.write("endpoint-make-payment.yaml", &text);
    let diags = f.load_err();
    assert_eq!(diags.0.len(), 1, "{}", show(&diags));
    let d = &diags.0[0];
    // The syntax check runs before serde and names the quote that is never closed.
    let open = pos_of(&text, "\"7}", 0);
    assert_diag(d, &file, open, "quoting");
    assert!(d.message.contains("quoted scalar"), "{d}");
}

#[test]
fn yaml_syntax_error_unclosed_quote_mid_file() {
    let f = Fixture::new("unclosed-quote-mid");
    let text = endpoint_with(
        "source: \"test\"\n    moves_money",
        "source: \"test\n    moves_money",
    );
    let file = f.write("endpoint-make-payment.yaml", &text);
    let diags = f.load_err();
    assert_eq!(diags.0.len(), 1, "{}", show(&diags));
    let d = &diags.0[0];
    // The quoted scalar goes on to the next line, which is not indented enough to continue it:
    // the syntax check names the open quote.
    let open = pos_of(&text, "\"test\n", 0);
    assert_diag(d, &file, open, "quoting");
    assert!(d.message.contains("quoted scalar"), "{d}");
    assert!(!d.help.is_empty());
}

#[test]
fn yaml_syntax_errors_in_two_files_are_both_reported() {
    let f = Fixture::new("two-syntax-errors");
    let a = endpoint_with("    doc: Makes a payment.", "   doc: Makes a payment.");
    let b = edit(ENUMS, "  Currency:\n", "  Currency:\n   repr: string\n");
    let fa = f.write("endpoint-make-payment.yaml", &a);
    let fb = f.write("enums.yaml", &b);
    let diags = f.load_err();
    assert_eq!(diags.0.len(), 2, "{}", show(&diags));
    assert!(diags.0.iter().any(|d| d.file == fa), "{}", show(&diags));
    assert!(diags.0.iter().any(|d| d.file == fb), "{}", show(&diags));
}

#[test]
fn unknown_key_is_rejected_with_its_place() {
    let f = Fixture::new("unknown-key");
    let text = endpoint_with(
        "          type: money\n          required: true",
        "          type: money\n          requird: true",
    );
    let file = f.write("endpoint-make-payment.yaml", &text);
    let diags = f.load_err();
    assert_eq!(diags.0.len(), 1, "{}", show(&diags));
    let d = &diags.0[0];
    assert!(d.message.contains("unknown field `requird`"), "{d}");
    assert!(
        d.message.contains("required"),
        "lists the expected keys: {d}"
    );
    assert_diag(
        d,
        &file,
        pos_of(&text, "requird: true", 0),
        "remove or rename the key",
    );
}

#[test]
fn unknown_top_level_key_is_rejected_with_its_place() {
    let f = Fixture::new("unknown-top-key");
    let text = edit(ENDPOINT, "endpoints:", "endpoint:");
    let file = f.write("endpoint-make-payment.yaml", &text);
    let diags = f.load_err();
    assert_eq!(diags.0.len(), 1, "{}", show(&diags));
    let d = &diags.0[0];
    assert!(d.message.contains("unknown field `endpoint`"), "{d}");
    assert_diag(d, &file, pos_of(&text, "endpoint:", 0), "remove or rename");
}

#[test]
fn missing_key_is_reported() {
    let f = Fixture::new("missing-key");
    let text = endpoint_with("    rust: make_payment\n", "");
    let file = f.write("endpoint-make-payment.yaml", &text);
    let diags = f.load_err();
    assert_eq!(diags.0.len(), 1, "{}", show(&diags));
    let d = &diags.0[0];
    assert!(d.message.contains("missing field `rust`"), "{d}");
    assert_eq!(d.file, file, "{d}");
    // serde notices at the end of the mapping that lacks the key: at or after its start.
    let start = pos_of(&text, "Make_Payment_Json:", 0);
    assert!(d.line >= start.0 && d.column >= 1, "{d}");
    assert!(d.help.contains("add the missing key"), "{d}");
}

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

// ---------------------------------------------------------------------------------------------
// Never panics: mechanical mutations of the real spec
// ---------------------------------------------------------------------------------------------

fn spec_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec")
}

/// Copies spec/hyper-erp into a fresh fixture folder; returns the fixture and (name, text) of
/// every file.
fn copy_real_spec(test: &str) -> (Fixture, Vec<(String, String)>) {
    let f = Fixture::empty(test);
    let mut files = Vec::new();
    let src = spec_root().join("hyper-erp");
    for entry in std::fs::read_dir(&src).expect("read spec/hyper-erp") {
        let path = entry.expect("dir entry").path();
        if path.extension().is_some_and(|e| e == "yaml") {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&path).expect("read a spec file");
            f.write(&name, &text);
            files.push((name, text));
        }
    }
    files.sort();
    assert!(files.len() > 3, "spec/hyper-erp looks empty");
    (f, files)
}

/// Loads the folder, catching a panic, and checks every diagnostic's place and file: `Ok(true)`
/// when the spec was rejected with well-formed diagnostics, `Ok(false)` when it loaded (and, if
/// `emit`, then emitted without a panic), `Err` describing what went wrong otherwise.
fn load_checked(dir: &Path, what: &str, emit: bool) -> Result<bool, String> {
    let result = catch_unwind(AssertUnwindSafe(|| hyp_codegen::load_one(dir)));
    match result {
        Err(_) => Err(format!("{what}: load_one panicked")),
        Ok(Ok(_)) if !emit => Ok(false),
        Ok(Ok(api)) => {
            let emitted = catch_unwind(AssertUnwindSafe(|| hyp_codegen::emit::emit(&[api])));
            match emitted {
                Err(_) => Err(format!("{what}: the spec loaded, then emit panicked")),
                Ok(_) => Ok(false),
            }
        }
        Ok(Err(diags)) => {
            if diags.is_empty() {
                return Err(format!("{what}: Err with no diagnostics"));
            }
            for d in &diags.0 {
                if d.line < 1 || d.column < 1 {
                    return Err(format!("{what}: place below 1:1 in\n{d}"));
                }
                if !d.file.starts_with(dir) {
                    return Err(format!("{what}: file outside the spec folder in\n{d}"));
                }
                if d.help.trim().is_empty() || d.message.trim().is_empty() {
                    return Err(format!("{what}: empty message or help in\n{d}"));
                }
            }
            Ok(true)
        }
    }
}

/// Deletes single lines and truncates each file of the real spec, one mutation at a time; every
/// load returns Ok or well-placed diagnostics, never a panic.
#[test]
fn mutations_of_the_real_spec_never_panic() {
    // Lines deleted from the start of each file, then every `STRIDE`th line after that, and
    // truncation points per file: ~200 loads of the whole folder, ~10-15 s in debug.
    const FIRST: usize = 6;
    const STRIDE: usize = 60;
    const CUTS: usize = 3;
    const EMITS: usize = 2;
    const BUDGET: Duration = Duration::from_secs(60);

    let (f, files) = copy_real_spec("mutations");
    assert!(
        hyp_codegen::load_one(&f.dir).is_ok(),
        "the unmutated copy must load"
    );
    let started = Instant::now();
    let mut failures = Vec::new();
    let mut loads = 0usize;
    let mut rejected = 0usize;
    // A panic is caught and reported with the mutation that caused it (the default hook still
    // prints its message).
    for (name, text) in &files {
        let path = f.dir.join(name);
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        let mut mutations: Vec<(String, String)> = Vec::new();
        for i in (0..lines.len()).filter(|&i| i < FIRST || i % STRIDE == 0) {
            let mutated: String = lines
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != i)
                .map(|(_, l)| *l)
                .collect();
            mutations.push((format!("{name}: line {} deleted", i + 1), mutated));
        }
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        for k in 1..=CUTS {
            let at = chars.get(chars.len() * k / (CUTS + 1)).map_or(0, |c| c.0);
            mutations.push((
                format!("{name}: truncated at byte {at}"),
                text[..at].to_string(),
            ));
        }
        // An indentation shift on a middle line, and lost quotes.
        let mid = lines.len() / 2;
        let mut shifted = lines.clone();
        let indented = format!(" {}", lines[mid]);
        shifted[mid] = &indented;
        mutations.push((
            format!("{name}: line {} indented", mid + 1),
            shifted.concat(),
        ));
        if let Some(q) = text.rfind('"') {
            let unclosed = format!("{}{}", &text[..q], &text[q + 1..]);
            mutations.push((format!("{name}: last `\"` removed"), unclosed));
        }
        if let Some(q) = text.find(": \"") {
            let unclosed = format!("{}{}", &text[..q + 2], &text[q + 3..]);
            mutations.push((format!("{name}: first opening `\"` removed"), unclosed));
        }

        // Emitting is slow in debug: only the first few mutations per file that still load are
        // emitted too.
        let mut emits_left = EMITS;
        for (what, mutated) in mutations {
            std::fs::write(&path, &mutated).expect("write a mutation");
            loads += 1;
            match load_checked(&f.dir, &what, emits_left > 0) {
                Err(failure) => failures.push(failure),
                Ok(true) => rejected += 1,
                Ok(false) => emits_left = emits_left.saturating_sub(1),
            }
        }
        std::fs::write(&path, text).expect("restore a file");
    }
    let took = started.elapsed();
    assert!(
        failures.is_empty(),
        "{} of {loads} mutations misbehaved:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(
        rejected > 0,
        "no mutation was rejected: the sweep tests nothing"
    );
    assert!(took < BUDGET, "the sweep took {took:?} for {loads} loads");
}

/// Every file of the real spec, cut at each line boundary of its first lines: a half-written
/// file never panics either.
#[test]
fn truncations_at_line_ends_never_panic() {
    const FIRST: usize = 4;
    let (f, files) = copy_real_spec("truncations");
    let mut failures = Vec::new();
    for (name, text) in &files {
        let path = f.dir.join(name);
        let ends: Vec<usize> = text
            .match_indices('\n')
            .map(|(i, _)| i)
            .take(FIRST)
            .collect();
        for at in ends {
            // Cut just before the newline and just after it (the next line's start).
            for cut in [at, at + 1] {
                std::fs::write(&path, &text[..cut]).expect("write a truncation");
                if let Err(failure) =
                    load_checked(&f.dir, &format!("{name}: truncated at byte {cut}"), false)
                {
                    failures.push(failure);
                }
            }
        }
        std::fs::write(&path, text).expect("restore a file");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ---------------------------------------------------------------------------------------------
// Determinism
// ---------------------------------------------------------------------------------------------

#[test]
fn generate_is_deterministic_and_marks_files_generated() {
    let root = spec_root();
    let first = hyp_codegen::generate(&root).unwrap_or_else(|d| panic!("{d}"));
    let second = hyp_codegen::generate(&root).unwrap_or_else(|d| panic!("{d}"));
    assert!(!first.is_empty(), "no files generated");
    assert_eq!(first.len(), second.len());
    for (a, b) in first.iter().zip(&second) {
        assert_eq!(a.path, b.path, "file order differs between runs");
        assert!(
            a.contents == b.contents,
            "{} differs between runs",
            a.path.display()
        );
        assert!(
            a.contents.starts_with("// @generated"),
            "{} does not start with `// @generated`",
            a.path.display()
        );
    }
    let mut paths: Vec<&Path> = first.iter().map(|f| f.path.as_path()).collect();
    paths.dedup();
    assert_eq!(paths.len(), first.len(), "a path is generated twice");
}

/// A type or variant name that starts with a digit.
///
/// Regression (was a bug): `check_camel` compares
/// a name with its `heck` UpperCamelCase form, which leaves `3ds` as `3ds`, so the name passes
/// validation and `load_one` returns `Ok`; `generate` then panics in `emit/types.rs` (`ident`:
/// `Ident::new("3ds")`: "\"3ds\" is not a valid Ident"). The same hole is in every name
/// checked by `check_camel` (enum, object, enum value, outcome variant, code name, code type).
/// Worse, for `3Ds` the diagnostic's help says "write it as `3ds`", exactly the name that panics.
#[test]
fn variant_name_starting_with_a_digit() {
    let f = Fixture::new("digit-name");
    let enums = edit(ENUMS, "name: Usd", "name: 3ds");
    let file = f.write("enums.yaml", &enums);
    f.write("endpoint-make-payment.yaml", ENDPOINT);
    let generated = catch_unwind(AssertUnwindSafe(|| hyp_codegen::generate(&f.root).is_ok()));
    assert!(
        generated.is_ok(),
        "generate panicked on the variant name `3ds`"
    );
    let diags = f.load_err();
    let d = the(&diags, "`3ds`");
    assert_diag(d, &file, pos_of(&enums, "name: 3ds", 0), "capital letter");
}

// ---------------------------------------------------------------------------------------------
// The sandbox section
// ---------------------------------------------------------------------------------------------

/// A valid `sandbox:` for the fixture's one endpoint.
const SANDBOX: &str = r#"sandbox:
  doc: How the sandbox plays acme.
  source: "test"
  invalid_request:
    code: 14
    source: "test"
  fresh_ids:
    - endpoint: Make_Payment_Json
      fields: [PaymentId]
  replays:
    - doc: A resent ticket answers the first answer.
      source: "test"
      endpoints: [Make_Payment_Json]
      key: [Ticket_ID]
      code: 0
"#;

#[test]
fn sandbox_section_is_checked_and_lowered_to_a_plan() {
    let f = Fixture::new("sandbox-valid");
    f.write("endpoint-make-payment.yaml", ENDPOINT);
    f.write("sandbox.yaml", SANDBOX);
    let api = hyp_codegen::load_one(&f.dir).unwrap_or_else(|d| panic!("{d}"));
    let sandbox = api.sandbox.as_ref().expect("the sandbox section is kept");
    assert_eq!(sandbox.replays[0].key, ["Ticket_ID"]);
    let files = hyp_codegen::generate_sandbox(&f.root).unwrap_or_else(|d| panic!("{d}"));
    let plan = files
        .iter()
        .find(|g| g.path.ends_with("acme.json"))
        .expect("a plan per API");
    let plan: hyp_codegen::sandbox::plan::Plan =
        serde_json::from_str(&plan.contents).expect("the plan reads back");
    assert_eq!(plan.sandbox, *sandbox);
    assert_eq!(plan.endpoints[0].path, "/Make_Payment_Json");
    let module = files
        .iter()
        .find(|g| g.path.ends_with("acme.rs"))
        .expect("a module per API");
    assert!(
        module.contents.contains("hyp_api::acme::MakePayment"),
        "{}",
        module.contents
    );
}

#[test]
fn sandbox_names_that_do_not_resolve() {
    // (what to break, what it becomes, a word of the message, a word of the help).
    for (bad, good, needle, help) in [
        (
            "[Make_Payment_Json]",
            "[Make_Paymnt_Json]",
            "Make_Paymnt_Json",
            "endpoint key",
        ),
        (
            "key: [Ticket_ID]",
            "key: [Ticket]",
            "`Ticket`",
            "request field",
        ),
        (
            "fields: [PaymentId]",
            "fields: [PaymentNo]",
            "PaymentNo",
            "response field",
        ),
        ("code: 14", "code: 77", "code 77", "documented"),
    ] {
        let f = Fixture::new("sandbox-bad");
        f.write("endpoint-make-payment.yaml", ENDPOINT);
        let text = edit(SANDBOX, bad, good);
        let file = f.write("sandbox.yaml", &text);
        let diags = f.load_err();
        let d = the(&diags, needle);
        assert_eq!(d.file, file, "{d}");
        assert_eq!(d.line, pos_of(&text, good, 0).0, "{d}");
        assert!(d.help.contains(help), "{d}");
    }
}

/// The object the shaping part's `results` builds from.
const PAYMENT_OBJECT: &str = "objects:\n  Payment:\n    doc: d\n    source: s\n    fields:\n      - { wire: PaymentId, type: string, doc: d, source: s }\n";

/// A valid answer-shaping part of a `sandbox:` (envelope, results) for the fixture's endpoint.
const SHAPING: &str = r#"  envelope:
    doc: The envelope in the vendor's order.
    source: "test"
    order: [ResponseCode, PaymentId]
    texts:
      - code: 14
        source: "test"
        fields: { Message: Invalid }
    errors_keep_command: [Make_Payment_Json]
  results:
    - doc: The payment's block.
      source: "test"
      endpoints: [Make_Payment_Json]
      object: Payment
      error_shape: { endpoint: Make_Payment_Json, example: response-paid }
      status: ResponseCode
      status_text: Message
"#;

#[test]
fn sandbox_shaping_names_that_do_not_resolve() {
    let f = Fixture::new("sandbox-shaping-valid");
    f.write("endpoint-make-payment.yaml", ENDPOINT);
    f.write("objects.yaml", PAYMENT_OBJECT);
    f.write("sandbox.yaml", &format!("{SANDBOX}{SHAPING}"));
    let api = hyp_codegen::load_one(&f.dir).unwrap_or_else(|d| panic!("{d}"));
    let sandbox = api.sandbox.expect("the sandbox section is kept");
    assert_eq!(sandbox.results[0].object, "Payment");
    // (what to break, what it becomes, a word of the message, a word of the help).
    for (bad, good, needle, help) in [
        (
            "errors_keep_command: [Make_Payment_Json]",
            "errors_keep_command: [Make_Paymnt_Json]",
            "Make_Paymnt_Json",
            "endpoint key",
        ),
        ("- code: 14", "- code: 77", "code 77", "documented"),
        (
            "object: Payment",
            "object: Paymnt",
            "`Paymnt`",
            "object name",
        ),
        (
            "example: response-paid",
            "example: response-pad",
            "response-pad",
            "examples",
        ),
    ] {
        let f = Fixture::new("sandbox-shaping-bad");
        f.write("endpoint-make-payment.yaml", ENDPOINT);
        f.write("objects.yaml", PAYMENT_OBJECT);
        let text = format!("{SANDBOX}{}", edit(SHAPING, bad, good));
        let file = f.write("sandbox.yaml", &text);
        let diags = f.load_err();
        let d = the(&diags, needle);
        assert_eq!(d.file, file, "{d}");
        assert_eq!(d.line, pos_of(&text, good, 0).0, "{d}");
        assert!(d.help.contains(help), "{d}");
    }
}

/// A payment page whose paid payment is a deal and moves a record, and a lookup by another
/// id, for the fixture's endpoint.
const PAGES: &str = r#"  records:
    - name: payment
      doc: A payment.
      source: "test"
      created_by: Make_Payment_Json
      id: PaymentId
      initial: open
      statuses: [open, paid]
      refusals: []
      not_found: { code: 14, source: "test" }
  journal:
    doc: Every payment is a row.
    source: "test"
    recorded_by: [Make_Payment_Json]
    row_example: { endpoint: Make_Payment_Json, example: response-paid }
    clock: { field: PaidOn, format: "%Y-%m-%d" }
    original: { request: Ticket_ID, row: PaymentId }
    listed_by:
      endpoint: Make_Payment_Json
      list: Rows
      item: Row
      totals: Totals
      counts: [Total]
      filters: []
  lookups:
    - doc: A payment found by its ticket.
      source: "test"
      endpoint: Make_Payment_Json
      field: Ticket_ID
      by: Currency
      record: payment
  pages:
    - name: page
      doc: The payment page.
      source: "test"
      issued_by: Make_Payment_Json
      path: /page
      id: id
      fresh_id: true
      success_url: { default: "http://127.0.0.1/ok" }
      failure_url: { default: "http://127.0.0.1/failed" }
      approved: 0
      declined: { code: 14, source: "test" }
      redirect:
        - { name: Paid, from: deal, fields: [PaymentId] }
        - { name: Was, from: issued, fields: [PaymentId] }
      deal:
        endpoint: Make_Payment_Json
        doc: The payment the page makes.
        source: "test"
        set:
          - { field: Amount, from: request, fields: [Amount] }
        stamp:
          - { field: PaymentId, from: page_id }
      paid_record: { record: payment, status: paid, source: "test" }
"#;

#[test]
fn sandbox_page_deals_and_lookups_that_do_not_resolve() {
    let f = Fixture::new("sandbox-pages-valid");
    f.write("endpoint-make-payment.yaml", ENDPOINT);
    f.write("objects.yaml", PAYMENT_OBJECT);
    f.write("sandbox.yaml", &format!("{SANDBOX}{PAGES}"));
    let api = hyp_codegen::load_one(&f.dir).unwrap_or_else(|d| panic!("{d}"));
    let sandbox = api.sandbox.expect("the sandbox section is kept");
    assert_eq!(
        sandbox.pages[0].deal.as_ref().unwrap().set[0].field,
        "Amount"
    );
    assert_eq!(sandbox.lookups[0].by, "Currency");
    // (what to break, what it becomes, a word of the message, a word of the help).
    for (bad, good, needle, help) in [
        (
            "endpoint: Make_Payment_Json\n        doc",
            "endpoint: Make_Paymnt_Json\n        doc",
            "Make_Paymnt_Json",
            "endpoint key",
        ),
        (
            "{ field: Amount, from",
            "{ field: Amont, from",
            "`Amont`",
            "request field",
        ),
        (
            "from: deal, fields: [PaymentId]",
            "from: deal, fields: [PaymentNo]",
            "PaymentNo",
            "response field",
        ),
        (
            "{ field: PaymentId, from: page_id }",
            "{ field: PaymentNo, from: page_id }",
            "PaymentNo",
            "journal",
        ),
        (
            "{ record: payment, status: paid",
            "{ record: payment, status: settled",
            "settled",
            "statuses",
        ),
        ("by: Currency", "by: Currncy", "Currncy", "request field"),
        (
            "record: payment\n  pages",
            "record: paymnt\n  pages",
            "paymnt",
            "records",
        ),
    ] {
        let f = Fixture::new("sandbox-pages-bad");
        f.write("endpoint-make-payment.yaml", ENDPOINT);
        f.write("objects.yaml", PAYMENT_OBJECT);
        let text = format!("{SANDBOX}{}", edit(PAGES, bad, good));
        let file = f.write("sandbox.yaml", &text);
        let diags = f.load_err();
        let d = the(&diags, needle);
        assert_eq!(d.file, file, "{d}");
        let first = good.lines().next().unwrap_or(good);
        assert_eq!(d.line, pos_of(&text, first, 0).0, "{d}");
        assert!(d.help.contains(help), "{d}");
    }
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
