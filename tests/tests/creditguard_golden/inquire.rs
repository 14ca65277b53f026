//! The doc's `inquireTransactions` answer: every value of every transaction, the totals and the
//! envelope, cross-checked element by element against the doc.

use std::collections::BTreeSet;

use hyp_api::creditguard::*;
use hyp_api::{Coded, MinorUnits, Node};

use crate::creditguard_common::{self as c, child, entries, text, xml};
use crate::inquire_fields::{
    acquirer_texts, codeds, emv_codeds, emv_texts, parts, present, texts, typed,
};
use crate::inquire_rows::{decode_inquire, dt, dt_min, inquire_body, row_1, row_2, row_3};

#[test]
fn inquire_transactions_answer_every_value_of_every_transaction() {
    let r = decode_inquire();
    assert_eq!(r.transactions.len(), 3);
    let [t1, t2, t3] = &r.transactions[..] else {
        panic!("three transactions")
    };
    assert_eq!(present(t1), row_1(), "transaction 1");
    assert_eq!(present(t2), row_2(), "transaction 2");
    assert_eq!(present(t3), row_3(), "transaction 3");
    for t in &r.transactions {
        assert!(
            t.unknown_fields.is_empty(),
            "every element of the doc's rows is a typed field: {:?}",
            t.unknown_fields
        );
    }

    // The typed values behind the wire text.
    // Amounts are agorot (MinorUnits), not major units; `<total/>` is absent.
    assert_eq!(t1.total, Some(MinorUnits::new(11400)));
    assert_eq!(t2.total, Some(MinorUnits::new(11400)));
    assert_eq!(t3.total, None);
    for t in &r.transactions {
        assert_eq!((t.first_payment, t.periodical_payment), (None, None));
    }
    // Integers; `<numberOfPayments/>` is absent, `0` is zero.
    assert_eq!(
        (t1.card_length, t2.card_length, t3.card_length),
        (Some(5), Some(16), Some(0))
    );
    assert_eq!(
        (
            t1.number_of_payments,
            t2.number_of_payments,
            t3.number_of_payments
        ),
        (None, Some(0), None)
    );
    // The enum.
    assert_eq!(t1.financial_status, Some(FinancialStatus::Other));
    assert_eq!(t2.financial_status, Some(FinancialStatus::Transmitted));
    assert_eq!(t3.financial_status, Some(FinancialStatus::Rejected));
    // Dates with seconds.
    assert_eq!(t1.transaction_date, Some(dt("2025-07-10 13:08:05")));
    assert_eq!(t2.transaction_date, Some(dt("2025-07-10 13:08:24")));
    assert_eq!(t3.transaction_date, Some(dt("2025-07-11 16:47:37")));
    assert_eq!(t2.transmit_date_time, Some(dt("2025-07-10 23:06:03")));
    assert_eq!((t1.transmit_date_time, t3.transmit_date_time), (None, None));
    // Coded pairs: code and text, each absent when empty.
    assert_eq!(parts(t2.card_type.as_ref()), (Some("99"), Some("Foreign")));
    assert_eq!(
        parts(t1.card_type.as_ref()),
        (None, None),
        "<cardType code=\"\"/>"
    );
    assert_eq!(
        parts(t3.extended_card_type.as_ref()),
        (None, Some("Credit"))
    );
    assert_eq!(
        parts(t3.transaction_type.as_ref()),
        (Some("00"), Some("Blocked"))
    );
    assert_eq!(
        parts(t2.cvv_status.as_ref()),
        (Some("3"), Some("NotValidated"))
    );
    // Identifiers keep their leading zeros.
    assert_eq!(t1.terminal_number.as_deref(), Some("0882819014"));
    assert_eq!(t2.slave_terminal_number.as_deref(), Some("085"));
    assert_eq!(t2.shva_referance_no.as_deref(), Some("04139459"));
    // The nested elements.
    let emv = t2.ashrait_emv_data.as_ref().expect("ashraitEmvData");
    assert_eq!(emv.uid.as_deref(), Some("25071013082408828199589"));
    assert_eq!(
        parts(emv.auth_code_acquirer.as_ref()),
        (Some("0"), Some("NoAuthNumber"))
    );
    assert_eq!(
        parts(emv.auth_code_credit_company.as_ref()),
        (Some("1"), Some("CreditCompanyAuthorized"))
    );
    assert_eq!(
        (
            emv.ash_term_type.as_deref(),
            emv.request_mti.as_deref(),
            emv.mti.as_deref()
        ),
        (Some("0"), Some("100"), Some("100"))
    );
    assert!(emv.unknown_fields.is_empty(), "{:?}", emv.unknown_fields);
    let acq = t2.acquirer_data.as_ref().expect("acquirerData");
    assert_eq!(acq.acquirer_response_id.as_deref(), Some("770774801258"));
    assert_eq!(acq.mcc.as_deref(), Some("4121"));
    assert!(acq.unknown_fields.is_empty(), "{:?}", acq.unknown_fields);
    for t in [t1, t3] {
        let emv = t.ashrait_emv_data.as_ref().expect("ashraitEmvData");
        assert_eq!(emv.mti.as_deref(), Some("100"));
        assert_eq!(parts(emv.auth_code_acquirer.as_ref()), (None, None));
    }
}

#[test]
fn inquire_transactions_answer_totals_and_envelope() {
    let r = decode_inquire();
    let totals = r.totals.as_ref().expect("totals");
    // `<pageNumber/>`, `<pagesAmount/>`: empty numbers are absent, not a decode failure.
    assert_eq!((totals.page_number, totals.pages_amount), (None, None));
    assert_eq!((totals.total, totals.total_match), (Some(3), Some(3)));
    assert!(
        totals.unknown_fields.is_empty(),
        "{:?}",
        totals.unknown_fields
    );

    assert_eq!(r.tran_id.as_deref(), Some("119101579"));
    assert_eq!(r.date_time, Some(dt_min(2025, 7, 28, 12, 49)));
    assert_eq!(r.version.as_deref(), Some("2000"));
    assert_eq!(r.language.as_deref(), Some("Eng"), "answers spell it `Eng`");
    assert_eq!(r.user_message.as_deref(), Some("Permitted transaction"));
    // The rest of the envelope (`command`, `result`, `message`) is not a response field; no
    // element of the command element is left untyped.
    let unknown: Vec<&str> = r.unknown_fields.iter().map(|(k, _)| k.as_str()).collect();
    for k in &unknown {
        assert!(
            ["command", "result", "message"].contains(k),
            "an unexpected untyped element <{k}>"
        );
    }
}

/// Cross-check, element by element: every element of every `<transaction>` of the doc's XML has
/// a typed field whose value is the element's (text, code and text, or nested children), so no
/// value of the doc escapes the tables above.
#[test]
fn inquire_transactions_every_doc_element_is_read_into_its_typed_field() {
    let doc = xml(&inquire_body());
    let transactions = child(
        child(
            child(child(&doc, "ashrait"), "response"),
            "inquireTransactions",
        ),
        "transactions",
    );
    let rows = decode_inquire().transactions;
    assert_eq!(entries(transactions).len(), rows.len());
    let mut values = 0;
    for (i, ((name, row_xml), t)) in entries(transactions).iter().zip(&rows).enumerate() {
        assert_eq!(name, "transaction");
        for (wire, node) in entries(row_xml) {
            let at = format!("transaction {} <{wire}>", i + 1);
            let texts = texts(t);
            let typed = typed(t);
            let codeds = codeds(t);
            if let Some((_, got)) = texts.iter().find(|(k, _)| k == wire) {
                values += check_text(&at, node, *got);
            } else if let Some((_, got)) = typed.iter().find(|(k, _)| k == wire) {
                let want = text(node);
                if want.is_empty() {
                    assert_eq!(got, &None, "{at}: an empty element is absent");
                } else {
                    values += 1;
                    assert_eq!(got.as_deref(), Some(want), "{at}");
                }
            } else if let Some((_, got)) = codeds.iter().find(|(k, _)| k == wire) {
                values += check_coded(&at, node, *got);
            } else if wire == "acquirerData" || wire == "ashraitEmvData" {
                let (fields, coded) = match (wire.as_str(), &t.acquirer_data, &t.ashrait_emv_data) {
                    ("acquirerData", Some(a), _) => (acquirer_texts(a), Vec::new()),
                    ("ashraitEmvData", _, Some(e)) => (emv_texts(e), emv_codeds(e)),
                    _ => panic!("{at}: the element is in the doc but not decoded"),
                };
                for (w, n) in entries(node) {
                    let at = format!("{at}<{w}>");
                    if let Some((_, got)) = fields.iter().find(|(k, _)| k == w) {
                        values += check_text(&at, n, *got);
                    } else if let Some((_, got)) = coded.iter().find(|(k, _)| k == w) {
                        values += check_coded(&at, n, *got);
                    } else {
                        panic!("{at}: no typed field for this element");
                    }
                }
            } else {
                panic!("{at}: no typed field for this element");
            }
        }
    }
    // As many elements carry a value as the three tables above list (a code and its text are
    // one element): the tables miss no value of the doc.
    let elements_with_a_value: usize = [row_1(), row_2(), row_3()]
        .iter()
        .map(|t| {
            t.keys()
                .map(|k| k.split(['@', '#']).next().unwrap_or(k))
                .collect::<BTreeSet<_>>()
                .len()
        })
        .sum();
    assert_eq!(values, elements_with_a_value);
}

/// A text element of the doc against its typed field; 1 when it carries a value. An empty
/// element may read as absent or as the empty text here (see
/// `empty_text_elements_are_absent_values`).
fn check_text(at: &str, node: &Node, got: Option<&str>) -> usize {
    let want = text(node);
    if want.is_empty() {
        assert!(got.is_none_or(str::is_empty), "{at}: {got:?}");
        0
    } else {
        assert_eq!(got, Some(want), "{at}");
        1
    }
}

/// A coded element of the doc against its typed pair; 1 when it carries a value.
fn check_coded(at: &str, node: &Node, got: Option<&Coded>) -> usize {
    let attr = |k: &str| c::find(node, k).map(text).filter(|s| !s.is_empty());
    let want = match node {
        Node::Map(_) => (attr("@code"), attr("#text")),
        Node::Str(s) if s.is_empty() => (None, None),
        other => panic!("{at}: not a coded element: {other:?}"),
    };
    assert_eq!(parts(got), want, "{at}");
    usize::from(want != (None, None))
}

/// Empty elements are absent values for text too: `<cardName/>` reads as `None`, like `<total/>`
/// (spec quirk `empty-elements-are-absent`: "an empty element is an absent value for every
/// type"; the issue: "Empty elements (`<total/>`) are absent values").
///
/// Text fields decode an empty element as `Some("")` instead: the generated code reads every
/// `string` field with `MapReader::optional(wire, false, …)` (`empty_is_absent` false), while
/// numbers, money, dates, enums and coded pairs pass `true`. A caller testing
/// `t.card_name.is_some()` or `t.auth_number.is_some()` gets `true` for the doc's empty
/// elements.
#[test]
fn empty_text_elements_are_absent_values() {
    let r = decode_inquire();
    let mut empty = Vec::new();
    for (i, t) in r.transactions.iter().enumerate() {
        let mut all = texts(t);
        if let Some(a) = &t.acquirer_data {
            all.extend(acquirer_texts(a));
        }
        if let Some(e) = &t.ashrait_emv_data {
            all.extend(emv_texts(e));
        }
        for (k, v) in all {
            if v == Some("") {
                empty.push(format!("transaction {} {k}", i + 1));
            }
        }
    }
    for (k, v) in [
        ("requestId", r.request_id.as_deref()),
        ("additionalInfo", r.additional_info.as_deref()),
        (
            "totals.queryResultId",
            r.totals.as_ref().and_then(|t| t.query_result_id.as_deref()),
        ),
    ] {
        if v == Some("") {
            empty.push(k.to_string());
        }
    }
    assert!(empty.is_empty(), "present but empty: {empty:#?}");
}
