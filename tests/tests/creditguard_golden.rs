//! The CreditGuard vendor doc (vendor-docs 001) as golden vectors:
//! - its payment-page `doDeal` request (after the spec's placeholder fixups): the typed request,
//!   sent by the real client, arrives as the documented form (`user`, `password`, URL-encoded
//!   `int_in`) whose XML equals the doc's, compared as parsed trees;
//! - its `inquireTransactions` answer: every value of the three transactions, the totals and the
//!   envelope, read through the typed API, and cross-checked element by element against the doc;
//! - its `refundDeal` error answer (310): a typed `Error::Api`;
//! - the payment-page redirect's `responseMac` (vendor-notes §4 item 14), against a MAC computed
//!   outside Rust.

mod creditguard_common;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{NaiveDate, NaiveDateTime};
use creditguard_common::{self as c, child, entries, text, xml};
use hyp_api::Error;
use hyp_api::creditguard::*;
use hyp_api::{Coded, MacVerdict, MinorUnits, Node, VendorCode as _, Wire};
use hyp_api_tests::mock::{MockServer, Reply};
use hyp_api_tests::vendor;

fn dt(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").expect("a datetime")
}

fn dt_min(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|d| d.and_hms_opt(h, min, 0))
        .expect("a datetime")
}

/// The doc's `inquireTransactions` answer, as the spec keeps it.
fn inquire_body() -> String {
    vendor::example(
        c::api(),
        "inquireTransactions",
        "response-three-transactions",
    )
    .fixed_body()
}

fn decode_inquire() -> InquireTransactionsResponse {
    hyp_api::wire::decode_answer::<InquireTransactions>(200, &inquire_body(), &[])
        .unwrap_or_else(|e| panic!("the doc's inquireTransactions answer decodes: {e}"))
}

/// Sorts every map's entries by name (stably): the tree without element order.
fn unordered(node: &Node) -> Node {
    match node {
        Node::Map(e) => {
            let mut e: Vec<(String, Node)> =
                e.iter().map(|(k, v)| (k.clone(), unordered(v))).collect();
            e.sort_by(|a, b| a.0.cmp(&b.0));
            Node::Map(e)
        }
        other => other.clone(),
    }
}

// ---------------------------------------------------------------------------------------------
// (a) The doc's doDeal request.

/// The doc's payment-page request, built through the typed API with the values the spec's
/// fixups put in its `{…}` placeholders.
fn documented_do_deal() -> DoDealRequest {
    DoDealRequest::new(DoDealRequired {
        language: Language::Eng,
        terminal_number: "0882819014".into(),
        total: MinorUnits::new(11400),
        transaction_type: TransactionType::Debit,
        credit_type: CreditType::RegularCredit,
        currency: "ILS".into(),
        transaction_code: TransactionCode::Internet,
        validation: Validation::TxnSetup,
    })
    .card_no(hyp_api::Pan::new("CGMPI"))
    .mid("531")
    .uniqueid("order-2025-0001")
    .mpi_validation(Validation::AutoComm)
    .success_url("https://merchant.example/payment/success")
    .error_url("https://merchant.example/payment/error")
}

/// The doc's request XML after the fixups, and the `int_in` XML the client sent for
/// [`documented_do_deal`] (its transport checked on the way: POST `/xpo/Relay`, form content
/// type, fields `user`, `password`, `int_in`).
async fn do_deal_on_the_wire() -> (String, String) {
    let documented = vendor::example(c::api(), "doDeal", "request-payment-page-template");
    let theirs = documented.fixed_body();
    assert!(
        !theirs.contains('{') && !theirs.contains('}'),
        "every placeholder is filled by a fixup:\n{theirs}"
    );
    assert!(
        theirs.contains("<total>11400</total>"),
        "the amount is agorot"
    );

    let mock = MockServer::start().await;
    mock.push(
        c::ROUTE,
        Reply::new(
            200,
            c::answer(
                "doDeal",
                "000",
                "Permitted transaction",
                Some("<status>000</status><cgUid>118664947</cgUid>"),
            ),
        )
        .with_content_type("text/xml"),
    );
    let answer = c::client(&mock)
        .do_deal(&documented_do_deal())
        .await
        .expect("000 is Approved");
    assert_eq!(answer.status.as_deref(), Some("000"));
    let received = mock.received();
    assert_eq!(received.len(), 1, "sent once");
    let ours = c::int_in(&received[0]);
    assert_eq!(c::form_field(&received[0].body, "user"), c::USER);
    assert_eq!(c::form_field(&received[0].body, "password"), c::PASSWORD);
    (theirs, ours)
}

/// The values: every element of the doc's request, with the same text, and nothing else.
#[tokio::test]
async fn do_deal_request_carries_exactly_the_documented_elements_and_values() {
    let (theirs, ours) = do_deal_on_the_wire().await;
    let (theirs, ours) = (xml(&theirs), xml(&ours));
    assert_eq!(unordered(&ours), unordered(&theirs));

    // The envelope, spelled out.
    let request = child(child(&ours, "ashrait"), "request");
    assert_eq!(text(child(request, "version")), "2000");
    assert_eq!(text(child(request, "language")), "ENG");
    assert_eq!(text(child(request, "command")), "doDeal");
    let deal = child(request, "doDeal");
    assert_eq!(text(child(deal, "total")), "11400");
    assert_eq!(text(child(deal, "cardNo")), "CGMPI");
    assert_eq!(text(child(deal, "validation")), "TxnSetup");
    assert_eq!(text(child(deal, "mpiValidation")), "AutoComm");
    assert_eq!(
        c::names(request),
        ["version", "language", "command", "doDeal"],
        "the envelope in the doc's order"
    );

    // Apart from `mpiValidation` (see the ignored test below), the doc's order too.
    let without_mpi = |deal: &Node| -> Vec<String> {
        c::names(deal)
            .into_iter()
            .filter(|n| *n != "mpiValidation")
            .map(str::to_string)
            .collect()
    };
    let their_deal = child(child(child(&theirs, "ashrait"), "request"), "doDeal");
    assert_eq!(without_mpi(deal), without_mpi(their_deal));
}

/// Element order too: the client writes the `doDeal` children in the order of the doc's
/// example.
///
/// It does not: the doc has `…<mid>`, `<uniqueid>`, `<mpiValidation>`, `<successUrl>…`, the
/// client writes `<mpiValidation>` right after `<validation>` (the spec's field order in
/// `endpoint-do-deal.yaml`), so the trees differ in order although every element and value is
/// the doc's (see the test above). Whether the vendor's parser cares about order is not
/// documented.
#[tokio::test]
async fn do_deal_request_is_the_documented_xml_element_for_element() {
    let (theirs, ours) = do_deal_on_the_wire().await;
    assert_eq!(xml(&ours), xml(&theirs));
}

// ---------------------------------------------------------------------------------------------
// (b) The doc's inquireTransactions answer.

/// Every text field of a transaction row, by wire name.
fn texts(t: &Transaction) -> Vec<(&'static str, Option<&str>)> {
    vec![
        ("status", t.status.as_deref()),
        ("statusText", t.status_text.as_deref()),
        ("extendedStatus", t.extended_status.as_deref()),
        ("extendedStatusText", t.extended_status_text.as_deref()),
        ("extendedUserMessage", t.extended_user_message.as_deref()),
        ("terminalNumber", t.terminal_number.as_deref()),
        (
            "cardId",
            t.card_id.as_ref().map(hyp_api::ExposeSecret::expose_secret),
        ),
        ("cardBin", t.card_bin.as_deref()),
        ("cardMask", t.card_mask.as_deref()),
        ("cardNo", t.card_no.as_deref()),
        ("cardName", t.card_name.as_deref()),
        ("cardExpiration", t.card_expiration.as_deref()),
        ("serviceCode", t.service_code.as_deref()),
        ("baseCurrency", t.base_currency.as_deref()),
        ("baseAmount", t.base_amount.as_deref()),
        ("paymentsInterest", t.payments_interest.as_deref()),
        ("mid", t.mid.as_deref()),
        ("uniqueid", t.uniqueid.as_deref()),
        ("mpiValidation", t.mpi_validation.as_deref()),
        ("token", t.token.as_deref()),
        ("mpiHostedPageUrl", t.mpi_hosted_page_url.as_deref()),
        ("returnUrl", t.return_url.as_deref()),
        ("successUrl", t.success_url.as_deref()),
        ("errorUrl", t.error_url.as_deref()),
        ("cancelUrl", t.cancel_url.as_deref()),
        ("clubId", t.club_id.as_deref()),
        ("authNumber", t.auth_number.as_deref()),
        ("fileNumber", t.file_number.as_deref()),
        ("slaveTerminalNumber", t.slave_terminal_number.as_deref()),
        (
            "slaveTerminalSequence",
            t.slave_terminal_sequence.as_deref(),
        ),
        ("eci", t.eci.as_deref()),
        ("clientIp", t.client_ip.as_deref()),
        ("email", t.email.as_deref()),
        ("user", t.user.as_deref()),
        ("addonData", t.addon_data.as_deref()),
        ("supplierNumber", t.supplier_number.as_deref()),
        ("id", t.id.as_deref()),
        ("shiftId1", t.shift_id1.as_deref()),
        ("shiftId2", t.shift_id2.as_deref()),
        ("shiftId3", t.shift_id3.as_deref()),
        ("shiftTxnDate", t.shift_txn_date.as_deref()),
        ("cgUid", t.cg_uid.as_deref()),
        ("cardHash", t.card_hash.as_deref()),
        ("extendedTranCode", t.extended_tran_code.as_deref()),
        ("sendNotification", t.send_notification.as_deref()),
        ("message", t.message.as_deref()),
        ("userMessage", t.user_message.as_deref()),
        ("mpiTransactionId", t.mpi_transaction_id.as_deref()),
        ("tranId", t.tran_id.as_deref()),
        ("shovar", t.shovar.as_deref()),
        ("shvaReferanceNo", t.shva_referance_no.as_deref()),
        ("transmitId", t.transmit_id.as_deref()),
    ]
}

/// Every non-text scalar field of a row (numbers, money, dates, the enum), as wire text.
fn typed(t: &Transaction) -> Vec<(&'static str, Option<String>)> {
    let date = |d: &Option<NaiveDateTime>| d.map(|d| d.format("%Y-%m-%d %H:%M:%S").to_string());
    let minor = |m: &Option<MinorUnits>| m.map(|m| m.value().to_string());
    vec![
        ("cardLength", t.card_length.map(|n| n.to_string())),
        ("total", minor(&t.total)),
        ("firstPayment", minor(&t.first_payment)),
        ("periodicalPayment", minor(&t.periodical_payment)),
        (
            "numberOfPayments",
            t.number_of_payments.map(|n| n.to_string()),
        ),
        (
            "financialStatus",
            t.financial_status
                .as_ref()
                .map(|s| text(&s.to_node()).to_string()),
        ),
        ("transactionDate", date(&t.transaction_date)),
        ("transmitDateTime", date(&t.transmit_date_time)),
    ]
}

/// Every coded field of a row.
fn codeds(t: &Transaction) -> Vec<(&'static str, Option<&Coded>)> {
    vec![
        ("cardType", t.card_type.as_ref()),
        ("extendedCardType", t.extended_card_type.as_ref()),
        ("creditCompany", t.credit_company.as_ref()),
        ("cardBrand", t.card_brand.as_ref()),
        ("cardAcquirer", t.card_acquirer.as_ref()),
        ("transactionType", t.transaction_type.as_ref()),
        ("creditType", t.credit_type.as_ref()),
        ("currency", t.currency.as_ref()),
        ("transactionCode", t.transaction_code.as_ref()),
        ("validation", t.validation.as_ref()),
        ("idStatus", t.id_status.as_ref()),
        ("cvvStatus", t.cvv_status.as_ref()),
        ("authSource", t.auth_source.as_ref()),
        ("cavv", t.cavv.as_ref()),
    ]
}

/// Every text field of `acquirerData`.
fn acquirer_texts(a: &AcquirerData) -> Vec<(&'static str, Option<&str>)> {
    vec![
        ("acquirerResponseId", a.acquirer_response_id.as_deref()),
        ("walletSupplierId", a.wallet_supplier_id.as_deref()),
        ("mcc", a.mcc.as_deref()),
    ]
}

/// Every text field of `ashraitEmvData`.
fn emv_texts(e: &AshraitEmvData) -> Vec<(&'static str, Option<&str>)> {
    vec![
        ("uid", e.uid.as_deref()),
        ("cardSeqNumber", e.card_seq_number.as_deref()),
        ("authNoAcquirer", e.auth_no_acquirer.as_deref()),
        ("dspBalance", e.dsp_balance.as_deref()),
        ("specialProjectCode", e.special_project_code.as_deref()),
        ("specialProjectInfo1", e.special_project_info1.as_deref()),
        ("cashbackAmount", e.cashback_amount.as_deref()),
        ("tipAmount", e.tip_amount.as_deref()),
        ("commisionAmount", e.commision_amount.as_deref()),
        ("conversionProvider", e.conversion_provider.as_deref()),
        ("conversionCurrency", e.conversion_currency.as_deref()),
        ("conversionAmount", e.conversion_amount.as_deref()),
        ("conversionRate", e.conversion_rate.as_deref()),
        ("paymentIndexType", e.payment_index_type.as_deref()),
        ("recurringNo", e.recurring_no.as_deref()),
        ("recurringTotalNo", e.recurring_total_no.as_deref()),
        ("recurringTotalSum", e.recurring_total_sum.as_deref()),
        ("recurringUniqueRef", e.recurring_unique_ref.as_deref()),
        ("recurringFrequency", e.recurring_frequency.as_deref()),
        ("deferMonths", e.defer_months.as_deref()),
        ("ipayAmount", e.ipay_amount.as_deref()),
        ("ipayNumber", e.ipay_number.as_deref()),
        ("ipayOfferCode", e.ipay_offer_code.as_deref()),
        ("dueDate", e.due_date.as_deref()),
        ("ipayCode", e.ipay_code.as_deref()),
        ("ipayPrecent", e.ipay_precent.as_deref()),
        ("ipayProductCode", e.ipay_product_code.as_deref()),
        ("ashReasonCredit", e.ash_reason_credit.as_deref()),
        ("isSelfService", e.is_self_service.as_deref()),
        ("orgUid", e.org_uid.as_deref()),
        ("orgTranDate", e.org_tran_date.as_deref()),
        ("orgAmount", e.org_amount.as_deref()),
        ("orgAuthNo", e.org_auth_no.as_deref()),
        (
            "orgAuthCodeCreditCompany",
            e.org_auth_code_credit_company.as_deref(),
        ),
        ("orgAuthCodeAcquirer", e.org_auth_code_acquirer.as_deref()),
        ("orgLinkIncrAuth", e.org_link_incr_auth.as_deref()),
        ("orgAuthNoAcquirer", e.org_auth_no_acquirer.as_deref()),
        ("posJcode", e.pos_jcode.as_deref()),
        ("pinpadSerialNumber", e.pinpad_serial_number.as_deref()),
        ("termSerialnumber", e.term_serialnumber.as_deref()),
        ("ashTermType", e.ash_term_type.as_deref()),
        ("jsonData", e.json_data.as_deref()),
        ("addendum1", e.addendum1.as_deref()),
        ("addendum2", e.addendum2.as_deref()),
        ("requestMti", e.request_mti.as_deref()),
        ("mti", e.mti.as_deref()),
        ("posDateTime", e.pos_date_time.as_deref()),
    ]
}

/// Every coded field of `ashraitEmvData`.
fn emv_codeds(e: &AshraitEmvData) -> Vec<(&'static str, Option<&Coded>)> {
    vec![
        ("authCodeAcquirer", e.auth_code_acquirer.as_ref()),
        ("authCodeCreditCompany", e.auth_code_credit_company.as_ref()),
        ("authValidationType", e.auth_validation_type.as_ref()),
        ("informativeTranCode", e.informative_tran_code.as_ref()),
    ]
}

/// A coded value's (code, text), both absent for an absent value.
fn parts(c: Option<&Coded>) -> (Option<&str>, Option<&str>) {
    c.map_or((None, None), |c| (c.code.as_deref(), c.text.as_deref()))
}

/// Every value a row carries, keyed `wire`, `wire@code`, `wire#text`, `parent.wire`; text
/// fields that are present but empty are left out (see
/// `empty_text_elements_are_absent_values`).
fn present(t: &Transaction) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut put = |k: String, v: Option<&str>| {
        if let Some(v) = v.filter(|v| !v.is_empty()) {
            out.insert(k, v.to_string());
        }
    };
    for (k, v) in texts(t) {
        put(k.into(), v);
    }
    for (k, v) in typed(t) {
        put(k.into(), v.as_deref());
    }
    let mut coded = |prefix: &str, list: Vec<(&'static str, Option<&Coded>)>| {
        for (k, v) in list {
            let (code, text) = parts(v);
            put(format!("{prefix}{k}@code"), code);
            put(format!("{prefix}{k}#text"), text);
        }
    };
    coded("", codeds(t));
    if let Some(e) = &t.ashrait_emv_data {
        coded("ashraitEmvData.", emv_codeds(e));
    }
    if let Some(a) = &t.acquirer_data {
        for (k, v) in acquirer_texts(a) {
            put(format!("acquirerData.{k}"), v);
        }
    }
    if let Some(e) = &t.ashrait_emv_data {
        for (k, v) in emv_texts(e) {
            put(format!("ashraitEmvData.{k}"), v);
        }
    }
    out
}

fn table(rows: &[(&str, &str)]) -> BTreeMap<String, String> {
    rows.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// The values of the doc's first transaction (the payment-page setup row), copied from the doc.
fn row_1() -> BTreeMap<String, String> {
    table(&[
        ("status", "000"),
        ("statusText", "Permitted transaction"),
        ("terminalNumber", "0882819014"),
        ("cardBin", "CG"),
        ("cardMask", "CGGMPI"),
        ("cardLength", "5"),
        ("cardNo", "xGMPI"),
        ("extendedCardType@code", "0"),
        ("extendedCardType#text", "Credit"),
        ("transactionType@code", "51"),
        ("transactionType#text", "RegularCredit"),
        ("creditType@code", "1"),
        ("creditType#text", "RegularCredit"),
        ("currency@code", "1"),
        ("currency#text", "ILS"),
        ("transactionCode@code", "52"),
        ("transactionCode#text", "Internet"),
        ("total", "11400"),
        ("validation@code", "106"),
        ("validation#text", "TxnSetup"),
        ("authSource@code", "6"),
        ("authSource#text", "MPIServer"),
        ("cgUid", "118664947"),
        ("ashraitEmvData.mti", "100"),
        ("message", "Permitted transaction"),
        ("userMessage", "Permitted transaction"),
        ("mpiTransactionId", "f6c9683f-9faf-4e5d-bf48-7a193bd88b0c"),
        ("financialStatus", "Other"),
        ("tranId", "118664947"),
        ("transactionDate", "2025-07-10 13:08:05"),
    ])
}

/// The values of the doc's second transaction (the J4 charge), copied from the doc.
fn row_2() -> BTreeMap<String, String> {
    table(&[
        ("status", "000"),
        ("statusText", "Permitted transaction"),
        ("terminalNumber", "0882819014"),
        ("cardId", "1092880571131111"),
        ("cardBin", "411111"),
        ("cardMask", "411111******1111"),
        ("cardLength", "16"),
        ("cardNo", "xxxxxxxxxxxx1111"),
        ("cardExpiration", "0228"),
        ("cardType@code", "99"),
        ("cardType#text", "Foreign"),
        ("extendedCardType@code", "0"),
        ("extendedCardType#text", "Credit"),
        ("creditCompany@code", "0"),
        ("creditCompany#text", "Foreign"),
        ("cardBrand@code", "2"),
        ("cardBrand#text", "Visa"),
        ("cardAcquirer@code", "6"),
        ("cardAcquirer#text", "Alphacard"),
        ("transactionType@code", "53"),
        ("transactionType#text", "AuthCredit"),
        ("creditType@code", "1"),
        ("creditType#text", "RegularCredit"),
        ("currency@code", "1"),
        ("currency#text", "ILS"),
        ("transactionCode@code", "52"),
        ("transactionCode#text", "Internet"),
        ("total", "11400"),
        ("numberOfPayments", "0"),
        ("validation@code", "4"),
        ("validation#text", "AutoComm"),
        ("idStatus@code", "0"),
        ("idStatus#text", "Absent"),
        ("cvvStatus@code", "3"),
        ("cvvStatus#text", "NotValidated"),
        ("authSource@code", "2"),
        ("authSource#text", "CreditCompany"),
        ("authNumber", "4397830"),
        ("fileNumber", "70"),
        ("slaveTerminalNumber", "085"),
        ("slaveTerminalSequence", "013"),
        ("eci", "7"),
        ("supplierNumber", "300012"),
        ("cgUid", "118664947"),
        ("acquirerData.acquirerResponseId", "770774801258"),
        ("acquirerData.mcc", "4121"),
        ("ashraitEmvData.uid", "25071013082408828199589"),
        ("ashraitEmvData.authCodeAcquirer@code", "0"),
        ("ashraitEmvData.authCodeAcquirer#text", "NoAuthNumber"),
        ("ashraitEmvData.authCodeCreditCompany@code", "1"),
        (
            "ashraitEmvData.authCodeCreditCompany#text",
            "CreditCompanyAuthorized",
        ),
        ("ashraitEmvData.ashTermType", "0"),
        ("ashraitEmvData.requestMti", "100"),
        ("ashraitEmvData.mti", "100"),
        ("message", "Permitted transaction"),
        ("userMessage", "Permitted transaction"),
        ("mpiTransactionId", "f6c9683f-9faf-4e5d-bf48-7a193bd88b0c"),
        ("financialStatus", "Transmitted"),
        ("tranId", "118664958"),
        ("shovar", "085013"),
        ("transactionDate", "2025-07-10 13:08:24"),
        ("transmitDateTime", "2025-07-10 23:06:03"),
        ("shvaReferanceNo", "04139459"),
        ("transmitId", "1575324"),
    ])
}

/// The values of the doc's third transaction (the rejected refund), copied from the doc.
fn row_3() -> BTreeMap<String, String> {
    table(&[
        ("status", "310"),
        (
            "statusText",
            "There is no debit deal that matches the credit deal",
        ),
        ("terminalNumber", "0882819014"),
        ("cardLength", "0"),
        // `<extendedCardType code="">Credit</extendedCardType>`: a text without a code.
        ("extendedCardType#text", "Credit"),
        // `<transactionType code="00">`: the code as sent, zero-padded.
        ("transactionType@code", "00"),
        ("transactionType#text", "Blocked"),
        ("cgUid", "118664947"),
        ("ashraitEmvData.mti", "100"),
        (
            "message",
            "There is no debit deal that matches the credit deal",
        ),
        ("userMessage", "Please contact System Administration"),
        ("financialStatus", "Rejected"),
        ("tranId", "118683662"),
        ("transactionDate", "2025-07-11 16:47:37"),
    ])
}

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

// ---------------------------------------------------------------------------------------------
// (c) The doc's refundDeal error answer.

#[test]
fn refund_deal_error_answer_is_a_typed_api_error() {
    let (status, body) = vendor::answer(c::api(), "refundDeal", "error-310-no-matching-debit-deal");
    assert_eq!(status, 200);
    let Err(Error::Api(e)) = hyp_api::wire::decode_answer::<RefundDeal>(status, &body, &[]) else {
        panic!("result 310 is an Error::Api")
    };
    assert_eq!(e.code, ResultCode::NoMatchingDebitDeal);
    assert_eq!(e.code.value(), 310);
    assert!(!e.code.outcome_unknown());
    assert_eq!(e.endpoint, "refundDeal");
    assert_eq!(
        e.message.as_deref(),
        Some("There is no debit deal that matches the credit deal")
    );
    assert_eq!(e.http_status, 200);
    assert!(e.body.contains("<refundDeal>"), "the body is kept");
    assert!(e.body.contains("No matching transactions found."));
    assert_eq!(e.body, body, "kept as received (no secret to scrub)");
}

/// The spec's code table is the generated `ResultCode` (by name, value, HTTP status and
/// outcome-unknown flag), and an unlisted code is `Unknown`.
#[test]
fn the_result_code_table_is_the_spec_one() {
    let api = c::api();
    assert!(
        api.codes
            .iter()
            .any(|c| c.value == 310 && c.name == "NoMatchingDebitDeal")
    );
    for code in &api.codes {
        let typed = ResultCode::from_service_table(code.value);
        assert_eq!(format!("{typed:?}"), code.name);
        assert_eq!(typed.value(), code.value);
        assert_eq!(typed.documented_http_status(), code.http_status);
        assert_eq!(typed.outcome_unknown(), code.outcome_unknown, "{typed:?}");
        assert_eq!(typed.is_retryable(), code.retryable, "{typed:?}");
    }
    assert_eq!(
        ResultCode::from_service_table(405),
        ResultCode::Unknown(405)
    );
    assert!(ResultCode::Duplicate.outcome_unknown());
    assert!(ResultCode::DuplicateMinus80.outcome_unknown());
}

// ---------------------------------------------------------------------------------------------
// (d) The payment-page redirect's responseMac (vendor-notes §4 item 14):
// Base64(SHA-256(password ‖ txId ‖ ErrorCode, or "000" when absent ‖ cardToken ‖ cardExp ‖
// personalId ‖ uniqueID)).

/// The merchant's API password (the MAC key).
const MAC_PASSWORD: &str = "cg-Pa55word!";

/// The MAC of [`success_redirect`], computed outside Rust:
/// `printf '%s' 'cg-Pa55word!f6c9683f-9faf-4e5d-bf48-7a193bd88b0c00010928805711311110228000000018order-2025-0001' | sha256sum | cut -d' ' -f1 | xxd -r -p | base64`
const SUCCESS_MAC: &str = "dLkuQ55xzBd5Uk0O1+Yc/XAMMeVHrG+Q74tFDmOp68E=";

/// The MAC of [`error_redirect`] (error code 033, no card), computed outside Rust:
/// `printf '%s' 'cg-Pa55word!f6c9683f-9faf-4e5d-bf48-7a193bd88b0c033order-2025-0001' | sha256sum | cut -d' ' -f1 | xxd -r -p | base64`
const ERROR_MAC: &str = "EkhIzjh97cYex6QjwWaCw/AI5W8eHXURd/A8/Zr/xRw=";

/// The parameters the MAC covers.
const SIGNED: [&str; 6] = [
    "txId",
    "ErrorCode",
    "cardToken",
    "cardExp",
    "personalId",
    "uniqueID",
];

fn params(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// A success redirect's query, URL-decoded, with the doc's values.
fn success_redirect() -> Vec<(String, String)> {
    params(&[
        ("txId", "f6c9683f-9faf-4e5d-bf48-7a193bd88b0c"),
        ("uniqueID", "order-2025-0001"),
        ("cgUid", "118664947"),
        ("cardToken", "1092880571131111"),
        ("cardExp", "0228"),
        ("cardMask", "411111******1111"),
        ("personalId", "000000018"),
        ("authNumber", "4397830"),
        ("ErrorCode", "000"),
        ("ErrorText", "Permitted transaction"),
        ("responseMac", SUCCESS_MAC),
    ])
}

fn error_redirect() -> Vec<(String, String)> {
    params(&[
        ("txId", "f6c9683f-9faf-4e5d-bf48-7a193bd88b0c"),
        ("uniqueID", "order-2025-0001"),
        ("ErrorCode", "033"),
        ("ErrorText", "Defective card"),
        ("responseMac", ERROR_MAC),
    ])
}

fn verify(params: &[(String, String)]) -> MacVerdict {
    verify_redirect_mac(&c::secret(MAC_PASSWORD), params)
}

fn with(params: &[(String, String)], name: &str, value: &str) -> Vec<(String, String)> {
    let mut p = params.to_vec();
    p.iter_mut()
        .find(|(k, _)| k == name)
        .unwrap_or_else(|| panic!("no `{name}`"))
        .1 = value.to_string();
    p
}

fn without(params: &[(String, String)], name: &str) -> Vec<(String, String)> {
    let p: Vec<_> = params.iter().filter(|(k, _)| k != name).cloned().collect();
    assert_eq!(p.len() + 1, params.len(), "`{name}` was there");
    p
}

#[test]
fn response_mac_of_a_computed_example_is_valid() {
    assert_eq!(verify(&success_redirect()), MacVerdict::Valid);
    assert_eq!(verify(&error_redirect()), MacVerdict::Valid);
    // The signing helper for test servers computes the same text.
    let unsigned = without(&success_redirect(), "responseMac");
    assert_eq!(
        sign_redirect_mac(&c::secret(MAC_PASSWORD), &unsigned),
        SUCCESS_MAC
    );
    // Parameter order on the query does not matter.
    let mut reversed = success_redirect();
    reversed.reverse();
    assert_eq!(verify(&reversed), MacVerdict::Valid);
}

#[test]
fn response_mac_changing_any_signed_part_is_invalid() {
    for name in SIGNED {
        let original = success_redirect();
        let value = &original.iter().find(|(k, _)| k == name).expect("present").1;
        let altered = if name == "ErrorCode" {
            "001".to_string()
        } else {
            format!("{value}0")
        };
        assert_eq!(
            verify(&with(&original, name, &altered)),
            MacVerdict::Invalid,
            "`{name}` altered to `{altered}`"
        );
        if name != "ErrorCode" {
            assert_eq!(
                verify(&without(&original, name)),
                MacVerdict::Invalid,
                "`{name}` removed"
            );
        }
    }
    // The key: another password.
    assert_eq!(
        verify_redirect_mac(&c::secret("cg-Pa55word?"), &success_redirect()),
        MacVerdict::Invalid
    );
    // The MAC itself.
    let forged = SUCCESS_MAC.replacen('d', "e", 1);
    assert_eq!(
        verify(&with(&success_redirect(), "responseMac", &forged)),
        MacVerdict::Invalid
    );
    // The error redirect: its code is signed, so dropping it (≡ "000") breaks the MAC.
    assert_eq!(
        verify(&without(&error_redirect(), "ErrorCode")),
        MacVerdict::Invalid
    );
}

#[test]
fn response_mac_covers_only_the_documented_parts() {
    // Parameters outside the recipe do not change the verdict.
    for name in ["cgUid", "cardMask", "authNumber", "ErrorText"] {
        assert_eq!(
            verify(&with(&success_redirect(), name, "changed")),
            MacVerdict::Valid,
            "`{name}` is not signed"
        );
    }
}

#[test]
fn response_mac_absent_or_empty_is_missing() {
    assert_eq!(
        verify(&without(&success_redirect(), "responseMac")),
        MacVerdict::Missing
    );
    assert_eq!(
        verify(&with(&success_redirect(), "responseMac", "")),
        MacVerdict::Missing
    );
    assert_eq!(verify(&[]), MacVerdict::Missing);
}

#[test]
fn response_mac_error_code_absent_or_empty_is_000() {
    let redirect = success_redirect();
    assert_eq!(verify(&without(&redirect, "ErrorCode")), MacVerdict::Valid);
    assert_eq!(verify(&with(&redirect, "ErrorCode", "")), MacVerdict::Valid);
}

#[test]
fn response_mac_parameter_names_match_ignoring_case() {
    // The redirect spells the merchant id `uniqueID` or `uniqueId`, the error code `ErrorCode`
    // (the validation page writes `errorCode`).
    let mut p = success_redirect();
    for (k, _) in p.iter_mut() {
        if k == "uniqueID" {
            *k = "uniqueId".into();
        }
        if k == "ErrorCode" {
            *k = "errorCode".into();
        }
    }
    assert_eq!(verify(&p), MacVerdict::Valid);
    let p = with(&p, "uniqueId", "order-2025-0002");
    assert_eq!(verify(&p), MacVerdict::Invalid);
}
