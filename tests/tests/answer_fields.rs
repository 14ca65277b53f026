//! What answers keep: CreditGuard errors keep `userMessage` and `additionalInfo`; Hyper's
//! `TpAccount` keeps fields the spec does not list; a documented alternative spelling of a wire
//! name (`Account Login` for `AccountLogin`) decodes as the field. Through the client's answer
//! path (the one-pass decoders).

use hyp_api::creditguard::DoDeal;
use hyp_api::hyper_erp::{CreateTpAccount, CreateTpAccountOutcome};
use hyp_api::{Endpoint, Error};

fn decode<E: Endpoint>(text: &str) -> Result<E::Output, Error<E::Code>> {
    hyp_api::wire::decode_answer::<E>(200, text, &[])
}

#[test]
fn a_creditguard_error_keeps_user_message_and_additional_info() {
    // The envelope of vendor doc 001 § Response, with an error result.
    let text = "<ashrait><response><command>doDeal</command><dateTime>2025-07-28 12:49</dateTime>\
        <requestId/><tranId>119101580</tranId><result>405</result>\
        <message>Missing XML field</message><userMessage>The transaction was declined</userMessage>\
        <additionalInfo>terminalNumber</additionalInfo><version>2000</version>\
        <language>Eng</language></response></ashrait>";
    let r = decode::<DoDeal>(text);
    let Err(Error::Api(e)) = r else {
        panic!("expected an API error, got {r:?}")
    };
    assert_eq!(e.code.value(), 405);
    assert_eq!(e.message.as_deref(), Some("Missing XML field"));
    assert_eq!(
        e.detail("userMessage"),
        Some("The transaction was declined")
    );
    assert_eq!(e.detail("additionalInfo"), Some("terminalNumber"));
    assert_eq!(e.details.len(), 2, "{:?}", e.details);
}

#[test]
fn an_empty_detail_is_left_out_and_secrets_are_removed() {
    let text = "<ashrait><response><command>doDeal</command><result>405</result>\
        <message>m</message><userMessage>bad password hunter22</userMessage><additionalInfo/>\
        </response></ashrait>";
    let Err(Error::Api(e)) = hyp_api::wire::decode_answer::<DoDeal>(200, text, &["hunter22"])
    else {
        panic!("expected an API error")
    };
    assert_eq!(e.detail("userMessage"), Some("bad password [REDACTED]"));
    assert_eq!(e.detail("additionalInfo"), None);
}

/// The vendor's success answer (vendor doc 000 § Create Trading Platform Account), with the
/// login spelled `login_key` and one field the spec does not list.
fn tp_answer(login_key: &str) -> String {
    format!(
        r#"{{"ResponseCode":0,"ResponseMsgEng":"Success","account":{{"{login_key}":61436,"DataSource":"R1","Platform":"MT5","Status":3,"Group":"Basic_IL2","Currency":"USD","Balance":0.00,"Equity":0.00,"Margin":0.00,"Leverage":100}}}}"#
    )
}

fn account(
    r: Result<CreateTpAccountOutcome, Error<hyp_api::hyper_erp::ResponseCode>>,
) -> hyp_api::hyper_erp::TpAccount {
    r.expect("decodes").into_response().account
}

#[test]
fn a_tp_account_keeps_fields_the_spec_does_not_list() {
    let a = account(decode::<CreateTpAccount>(&tp_answer("AccountLogin")));
    assert_eq!(a.account_login, 61436);
    let names: Vec<&str> = a.unknown_fields.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(names, ["Leverage"]);
}

#[test]
fn the_tables_spelling_account_login_is_read_as_the_login() {
    let a = account(decode::<CreateTpAccount>(&tp_answer("Account Login")));
    assert_eq!(a.account_login, 61436);
    assert!(
        a.unknown_fields.iter().all(|(k, _)| k != "Account Login"),
        "{:?}",
        a.unknown_fields
    );
}

/// Both spellings in one answer, with different values (the vendor doc is silent on this): the
/// decoder reads the first one in the answer as the field and skip the later one, as they skip
/// a repeated key (spec/hyper-erp/objects.yaml `AccountLogin` decision); the skipped spelling is
/// not kept among the unknown fields either.
#[test]
fn with_both_spellings_the_first_in_the_answer_counts() {
    for (first, later) in [
        ("AccountLogin", "Account Login"),
        ("Account Login", "AccountLogin"),
    ] {
        // `tp_answer` writes `"<key>":61436`: the key given ends the first member and opens
        // the later one, so the first spelling carries 1 and the later one 61436.
        let text = tp_answer(&format!(r#"{first}":1,"{later}"#));
        assert!(
            text.contains(&format!(r#""{first}":1,"{later}":61436"#)),
            "{text}"
        );
        let a = account(decode::<CreateTpAccount>(&text));
        assert_eq!(a.account_login, 1, "{first} first");
        let names: Vec<&str> = a.unknown_fields.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(names, ["Leverage"], "{first} first");
    }
}
