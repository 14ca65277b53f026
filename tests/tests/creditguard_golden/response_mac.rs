//! The payment-page redirect's `responseMac` (vendor-notes §4 item 14):
//! Base64(SHA-256(password ‖ txId ‖ ErrorCode, or "000" when absent ‖ cardToken ‖ cardExp ‖
//! personalId ‖ uniqueID)), against a MAC computed outside Rust.

use hyp_api::MacVerdict;
use hyp_api::creditguard::*;

use crate::creditguard_common as c;

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
