//! YAML syntax errors, unknown keys and missing keys, each with its place.

use crate::support::*;

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
