//! The valid fixture, and mistakes in types, fields, enums and constraints.

use std::panic::{AssertUnwindSafe, catch_unwind};

use crate::support::*;

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

/// A date format with a specifier the runtime does not write (it writes `%Y %m %d`, and
/// `%H %M %S` for a date-time) is a spec error at the field.
#[test]
fn date_format_with_a_specifier_the_runtime_does_not_write() {
    let f = Fixture::new("datetime-format-specifier");
    let text = endpoint_with(
        "          type: datetime\n          doc: When the payment was made.",
        "          type: datetime\n          format: \"%Y-%m-%dT%H:%M:%S%z\"\n          doc: When the payment was made.",
    );
    let file = f.write("endpoint-make-payment.yaml", &text);
    let diags = f.load_err();
    let d = the(&diags, "`%z`");
    assert!(d.message.contains("`%Y-%m-%dT%H:%M:%S%z`"), "{d}");
    assert_diag(
        d,
        &file,
        pos_of(&text, "type: datetime\n          format", 0),
        "use only %Y, %m, %d, %H, %M, %S",
    );
    assert_eq!(diags.0.len(), 1, "{}", show(&diags));
}
