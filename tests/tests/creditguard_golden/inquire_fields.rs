//! Every field of a decoded transaction by its wire name, as text, typed value or `Coded`.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use hyp_api::creditguard::*;
use hyp_api::{Coded, MinorUnits, ToNode};

use crate::creditguard_common::text;

/// Every text field of a transaction row, by wire name.
pub(crate) fn texts(t: &Transaction) -> Vec<(&'static str, Option<&str>)> {
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
pub(crate) fn typed(t: &Transaction) -> Vec<(&'static str, Option<String>)> {
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
pub(crate) fn codeds(t: &Transaction) -> Vec<(&'static str, Option<&Coded>)> {
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
pub(crate) fn acquirer_texts(a: &AcquirerData) -> Vec<(&'static str, Option<&str>)> {
    vec![
        ("acquirerResponseId", a.acquirer_response_id.as_deref()),
        ("walletSupplierId", a.wallet_supplier_id.as_deref()),
        ("mcc", a.mcc.as_deref()),
    ]
}

/// Every text field of `ashraitEmvData`.
pub(crate) fn emv_texts(e: &AshraitEmvData) -> Vec<(&'static str, Option<&str>)> {
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
pub(crate) fn emv_codeds(e: &AshraitEmvData) -> Vec<(&'static str, Option<&Coded>)> {
    vec![
        ("authCodeAcquirer", e.auth_code_acquirer.as_ref()),
        ("authCodeCreditCompany", e.auth_code_credit_company.as_ref()),
        ("authValidationType", e.auth_validation_type.as_ref()),
        ("informativeTranCode", e.informative_tran_code.as_ref()),
    ]
}

/// A coded value's (code, text), both absent for an absent value.
pub(crate) fn parts(c: Option<&Coded>) -> (Option<&str>, Option<&str>) {
    c.map_or((None, None), |c| (c.code.as_deref(), c.text.as_deref()))
}

/// Every value a row carries, keyed `wire`, `wire@code`, `wire#text`, `parent.wire`; text
/// fields that are present but empty are left out (see
/// `empty_text_elements_are_absent_values`).
pub(crate) fn present(t: &Transaction) -> BTreeMap<String, String> {
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
