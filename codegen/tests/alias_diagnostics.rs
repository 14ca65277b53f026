//! `aliases:` (a field's other documented spellings) must each name one field: an alias that is
//! another field's wire name or alias, or the field's own wire name, is a spec error with its
//! file, line and column, on a field list of its own, through an included object and against
//! the service envelope. Places come from the fixture text, never written as numbers.

#[allow(dead_code)]
mod support;

use support::*;

/// The fixture's answer (`PaymentId`) with a second field, `Status`, spelled `extra` below it.
fn response_with(extra: &str) -> String {
    response_with_text(ENDPOINT, extra)
}

#[test]
fn an_alias_that_is_another_fields_wire_name_is_an_error() {
    let f = Fixture::new("alias-is-wire");
    let text = response_with(
        "        - wire: Status\n          type: int\n          aliases: [\"PaymentId\"]\n          doc: The status.\n          source: \"test\"\n",
    );
    let file = f.write("endpoint-make-payment.yaml", &text);
    let diags = f.load_err();
    assert_eq!(diags.0.len(), 1, "{}", show(&diags));
    let d = the(
        &diags,
        "alias `PaymentId` of `Status` is the wire name of another field",
    );
    assert_diag(
        d,
        &file,
        pos_of(&text, "\"PaymentId\"]", 0),
        "delete the alias",
    );
}

#[test]
fn an_alias_shared_by_two_fields_is_an_error() {
    let f = Fixture::new("alias-shared");
    let text = endpoint_with(
        "        - wire: PaymentId\n          type: int\n",
        "        - wire: PaymentId\n          type: int\n          aliases: [\"Payment Id\"]\n",
    );
    let text = response_with_text(
        &text,
        "        - wire: Status\n          type: int\n          aliases: [\"Payment Id\"]\n          doc: The status.\n          source: \"test\"\n",
    );
    let file = f.write("endpoint-make-payment.yaml", &text);
    let diags = f.load_err();
    assert_eq!(diags.0.len(), 1, "{}", show(&diags));
    let d = the(
        &diags,
        "alias `Payment Id` of `Status` is also an alias of `PaymentId`",
    );
    // The second use is the one reported.
    assert_diag(
        d,
        &file,
        pos_of(&text, "\"Payment Id\"]", 1),
        "delete the alias",
    );
}

#[test]
fn an_alias_that_repeats_its_own_wire_name_is_an_error() {
    let f = Fixture::new("alias-own-wire");
    let text = endpoint_with(
        "        - wire: PaymentId\n          type: int\n",
        "        - wire: PaymentId\n          type: int\n          aliases: [\"PaymentId\"]\n",
    );
    let file = f.write("endpoint-make-payment.yaml", &text);
    let diags = f.load_err();
    assert_eq!(diags.0.len(), 1, "{}", show(&diags));
    let d = the(
        &diags,
        "alias `PaymentId` of `PaymentId` is its own wire name",
    );
    assert_diag(
        d,
        &file,
        pos_of(&text, "\"PaymentId\"]", 0),
        "delete the alias",
    );
}

#[test]
fn an_alias_clashing_with_an_included_objects_field_is_an_error() {
    let f = Fixture::new("alias-include");
    f.write(
        "objects.yaml",
        "objects:\n  Receipt:\n    doc: A receipt.\n    source: \"test\"\n    fields:\n      - wire: ReceiptNo\n        type: int\n        doc: The receipt's number.\n        source: \"test\"\n",
    );
    let text = endpoint_with(
        "    response:\n      fields:\n        - wire: PaymentId\n          type: int\n",
        "    response:\n      include: Receipt\n      fields:\n        - wire: PaymentId\n          type: int\n          aliases: [\"ReceiptNo\"]\n",
    );
    let file = f.write("endpoint-make-payment.yaml", &text);
    let diags = f.load_err();
    assert_eq!(diags.0.len(), 1, "{}", show(&diags));
    let d = the(
        &diags,
        "alias `ReceiptNo` of `PaymentId` is also a spelling of `ReceiptNo`",
    );
    assert_diag(
        d,
        &file,
        pos_of(&text, "include: Receipt", 0),
        "delete the alias",
    );
}

#[test]
fn distinct_aliases_load() {
    let f = Fixture::new("alias-valid");
    let text = endpoint_with(
        "        - wire: PaymentId\n          type: int\n",
        "        - wire: PaymentId\n          type: int\n          aliases: [\"Payment Id\"]\n",
    );
    f.write("endpoint-make-payment.yaml", &text);
    let api = hyp_codegen::load_one(&f.dir).unwrap_or_else(|d| panic!("{d}"));
    let field = &api.endpoints[0].response[0];
    assert_eq!(field.aliases, ["Payment Id"]);
}

/// `text` (the fixture, possibly edited) with `extra` as a second answer field.
fn response_with_text(text: &str, extra: &str) -> String {
    edit(
        text,
        "          doc: The new payment's id.\n          source: \"test\"\n",
        &format!("          doc: The new payment's id.\n          source: \"test\"\n{extra}"),
    )
}
