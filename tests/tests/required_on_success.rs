//! Required on success: an answer whose code is an outcome but which lacks a field the spec's
//! `requires:` says that outcome carries is a `Decode` error naming the field, never a result.
//! Checked through the client's answer path (the one-pass decoders).

use hyp_api::creditguard::{self, DoDeal};
use hyp_api::pay::{CancelTransaction, Refund};
use hyp_api::{Endpoint, Error};

/// Decodes `text` as the client does: the output, or the `Decode` error's reason.
fn decode<E: Endpoint>(text: &str) -> Result<E::Output, String>
where
    E::Output: std::fmt::Debug,
{
    match hyp_api::wire::decode_answer::<E>(200, text, &[]) {
        Ok(o) => Ok(o),
        Err(Error::Decode { source, .. }) => Err(source.to_string()),
        Err(e) => panic!("expected Ok or Decode, got {e:?}"),
    }
}

/// A CreditGuard answer in the envelope of vendor doc 001 § Response, with `inner` as the
/// command element's place.
fn cg_answer(inner: &str) -> String {
    format!(
        "<ashrait><response><command>doDeal</command><dateTime>2025-07-28 12:49</dateTime>\
         <requestId/><tranId>119101579</tranId><result>000</result>\
         <message>Permitted transaction</message><userMessage>Permitted transaction</userMessage>\
         <additionalInfo/><version>2000</version><language>Eng</language>{inner}\
         </response></ashrait>"
    )
}

#[test]
fn a_creditguard_000_without_its_dodeal_element_is_undecodable() {
    let reason = decode::<DoDeal>(&cg_answer("")).expect_err("not an approval");
    assert!(
        reason.contains("cgUid"),
        "the reason names the field: {reason}"
    );
    assert!(reason.contains("Approved"), "{reason}");
}

#[test]
fn a_creditguard_000_whose_dodeal_lacks_cg_uid_is_undecodable() {
    let inner = "<doDeal><status>000</status><authNumber>4397830</authNumber></doDeal>";
    let reason = decode::<DoDeal>(&cg_answer(inner)).expect_err("no cgUid");
    assert!(reason.starts_with("cgUid"), "{reason}");
}

#[test]
fn a_creditguard_000_with_cg_uid_is_approved() {
    // The TxnSetup row of the vendor's example: `cgUid` set, `authNumber` empty.
    let inner = "<doDeal><status>000</status><authNumber/><cgUid>118664947</cgUid></doDeal>";
    let approved = decode::<DoDeal>(&cg_answer(inner)).expect("approved");
    assert_eq!(
        approved.cg_uid.as_ref().map(|u| u.to_string()).as_deref(),
        Some("118664947")
    );
}

#[test]
fn a_creditguard_error_code_is_still_an_api_error() {
    // `requires:` is about outcomes only: an error answer has no `doDeal` to carry anything.
    let text = cg_answer("").replace("<result>000</result>", "<result>001</result>");
    let err = hyp_api::wire::decode_answer::<DoDeal>(200, &text, &[]).expect_err("an error");
    let Error::Api(e) = err else {
        panic!("expected an API error, got {err:?}")
    };
    assert_eq!(e.code.value(), 1);
    let _: &creditguard::ResultCode = &e.code;
}

#[test]
fn hyp_pay_cancel_trans_cut_short_is_undecodable() {
    // Vendor doc 002 § action=CancelTrans: `TransId=405532558&CCode=0&Hesh=EZ&ReversalStatus=777`.
    let full = "TransId=405532558&CCode=0&Hesh=EZ&ReversalStatus=777";
    let ok = decode::<CancelTransaction>(full).expect("the vendor's example is a cancellation");
    assert_eq!(ok.trans_id.as_deref(), Some("405532558"));
    // A failure cut before its CCode (`CCode` may be absent: 0) must not read as cancelled.
    for cut in [
        "TransId=412701022&CC",
        "TransId=405532558&CCode=0&Hesh=EZ&Rever",
    ] {
        let reason = decode::<CancelTransaction>(cut).expect_err(cut);
        assert!(reason.starts_with("ReversalStatus"), "{cut}: {reason}");
    }
    let reason = decode::<CancelTransaction>("CCo").expect_err("nothing");
    assert!(reason.starts_with("TransId"), "{reason}");
}

#[test]
fn hyp_pay_refund_without_its_new_id_is_undecodable() {
    // Vendor doc 002 § action=zikoyAPI: `Id=405577499&CCode=0&ACode=0476241&HeshASM=EZ`.
    let ok = decode::<Refund>("Id=405577499&CCode=0&ACode=0476241&HeshASM=EZ").expect("refunded");
    assert_eq!(ok.id.as_deref(), Some("405577499"));
    // `CCode=33` cut to `CCod`: no code (0), no Id.
    let reason = decode::<Refund>("CCod").expect_err("not a refund");
    assert!(reason.starts_with("Id"), "{reason}");
}
