//! The doc's `inquireTransactions` answer, decoded, and its three transactions as expected
//! values.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};
use hyp_api::creditguard::*;
use hyp_api_tests::vendor;

use crate::creditguard_common as c;

pub(crate) fn dt(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").expect("a datetime")
}

pub(crate) fn dt_min(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|d| d.and_hms_opt(h, min, 0))
        .expect("a datetime")
}

/// The doc's `inquireTransactions` answer, as the spec keeps it.
pub(crate) fn inquire_body() -> String {
    vendor::example(
        c::api(),
        "inquireTransactions",
        "response-three-transactions",
    )
    .fixed_body()
}

pub(crate) fn decode_inquire() -> InquireTransactionsResponse {
    hyp_api::wire::decode_answer::<InquireTransactions>(200, &inquire_body(), &[])
        .unwrap_or_else(|e| panic!("the doc's inquireTransactions answer decodes: {e}"))
}

pub(crate) fn table(rows: &[(&str, &str)]) -> BTreeMap<String, String> {
    rows.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// The values of the doc's first transaction (the payment-page setup row), copied from the doc.
pub(crate) fn row_1() -> BTreeMap<String, String> {
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
pub(crate) fn row_2() -> BTreeMap<String, String> {
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
pub(crate) fn row_3() -> BTreeMap<String, String> {
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
