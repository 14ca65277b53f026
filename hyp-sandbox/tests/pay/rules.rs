//! The rules of spec/pay/sandbox.yaml: charges, captures, refunds, payment links, validation,
//! answer charsets.

use super::*;

#[tokio::test]
async fn a_j5_token_charge_answers_700_authorized_with_a_uid() {
    let sandbox = Sandbox::start().await.unwrap();
    let out = client(&sandbox)
        .charge_token(&charge(Money::new(dec!(100))).j5(true).more_data(true))
        .await
        .unwrap();
    let ChargeTokenOutcome::Authorized(r) = out else {
        panic!("{out:?}")
    };
    assert!(r.uid.as_deref().is_some_and(|u| !u.is_empty()), "{r:?}");
    // What a capture needs from it: the ACode (sent back as AuthNum) and the Id.
    assert!(r.acode.as_deref().is_some_and(|c| !c.is_empty()), "{r:?}");
    assert!(r.id.as_deref().is_some_and(|c| !c.is_empty()), "{r:?}");
    assert_eq!(sandbox.applied("pay", CHARGE), 1);
}

#[tokio::test]
async fn a_postponed_token_charge_answers_800_postponed() {
    let sandbox = Sandbox::start().await.unwrap();
    let out = client(&sandbox)
        .charge_token(&charge(Money::new(dec!(100))).postpone(true))
        .await
        .unwrap();
    assert!(matches!(out, ChargeTokenOutcome::Postponed(_)), "{out:?}");
}

#[tokio::test]
async fn a_capture_of_the_authorization_for_at_most_its_amount_is_captured() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let uid = authorize(&client, Money::new(dec!(100))).await;
    let captured = client
        .capture(&capture(&uid, Money::new(dec!(60)), MinorUnits::new(10000)))
        .await
        .unwrap();
    assert!(captured.id.is_some(), "{captured:?}");
    assert_eq!(sandbox.applied("pay", CAPTURE), 1);
}

#[tokio::test]
async fn a_second_capture_of_the_same_uid_answers_250() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let uid = authorize(&client, Money::new(dec!(100))).await;
    let first = capture(&uid, Money::new(dec!(40)), MinorUnits::new(10000));
    client.capture(&first).await.unwrap();
    // Even for what is left of the amount: an authorization is captured once.
    let code = api_code(client.capture(&first).await);
    assert_eq!(code.value(), 250, "{code:?}");
    assert!(matches!(code, CCode::NotFound), "{code:?}");
    assert_eq!(sandbox.received("pay", CAPTURE), 2);
    assert_eq!(sandbox.applied("pay", CAPTURE), 1);
}

#[tokio::test]
async fn a_capture_above_the_authorized_amount_answers_507() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let uid = authorize(&client, Money::new(dec!(100))).await;
    // The caller claims 150.00 was authorized (so the client sends it); the vendor knows 100.
    let over = capture(&uid, Money::new(dec!(150)), MinorUnits::new(15000));
    let code = api_code(client.capture(&over).await);
    assert_eq!(code.value(), 507, "{code:?}");
    assert!(
        matches!(code, CCode::ActualAmountExceedsApproved),
        "{code:?}"
    );
    assert_eq!(sandbox.applied("pay", CAPTURE), 0);
}

#[tokio::test]
async fn a_charge_can_be_refunded_in_parts_up_to_its_amount() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let id = charged(&client, Money::new(dec!(100))).await;
    let first = client
        .refund(&refund(&id, Money::new(dec!(40))))
        .await
        .unwrap();
    let rest = client
        .refund(&refund(&id, Money::new(dec!(60))))
        .await
        .unwrap();
    assert!(first.id.is_some() && rest.id.is_some());
    assert_ne!(first.id, rest.id, "each refund is its own transaction");
    assert_eq!(sandbox.applied("pay", "zikoyAPI"), 2);
}

#[tokio::test]
async fn a_refund_beyond_what_is_left_answers_33() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let id = charged(&client, Money::new(dec!(100))).await;
    client
        .refund(&refund(&id, Money::new(dec!(60))))
        .await
        .unwrap();
    let code = api_code(client.refund(&refund(&id, Money::new(dec!(40.01)))).await);
    assert!(matches!(code, CCode::RefundExceedsOriginal), "{code:?}");
    assert_eq!(code.value(), 33);
    assert_eq!(sandbox.applied("pay", "zikoyAPI"), 1);
}

#[tokio::test]
async fn a_capture_can_be_refunded_up_to_its_amount() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let uid = authorize(&client, Money::new(dec!(100))).await;
    let captured = client
        .capture(&capture(&uid, Money::new(dec!(60)), MinorUnits::new(10000)))
        .await
        .unwrap();
    let id = captured.id.expect("a capture carries its Id");
    client
        .refund(&refund(&id, Money::new(dec!(60))))
        .await
        .unwrap();
    let code = api_code(client.refund(&refund(&id, Money::new(dec!(0.01)))).await);
    assert!(matches!(code, CCode::RefundExceedsOriginal), "{code:?}");
}

#[tokio::test]
async fn a_refund_of_an_unknown_trans_id_answers_250() {
    let sandbox = Sandbox::start().await.unwrap();
    let code = api_code(
        client(&sandbox)
            .refund(&refund("12290620", Money::new(dec!(10))))
            .await,
    );
    assert_eq!(code.value(), 250, "{code:?}");
    assert_eq!(sandbox.applied("pay", "zikoyAPI"), 0);
}

#[tokio::test]
async fn an_unpaid_payment_link_can_be_deleted() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let id = link(&client).await;
    client.delete_payment_link(&delete(&id)).await.unwrap();
    assert_eq!(sandbox.applied("pay", "payRequest DELETE"), 1);
}

#[tokio::test]
async fn a_deleted_payment_link_is_gone_deleting_it_again_answers_250() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let id = link(&client).await;
    client.delete_payment_link(&delete(&id)).await.unwrap();
    let code = api_code(client.delete_payment_link(&delete(&id)).await);
    assert!(matches!(code, CCode::PaymentLinkNotFound), "{code:?}");
}

#[tokio::test]
async fn a_paid_payment_link_cannot_be_deleted_995() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    let id = link(&client).await;
    assert!(sandbox.set_status("pay", "payment-link", &id, "paid"));
    let code = api_code(client.delete_payment_link(&delete(&id)).await);
    assert!(matches!(code, CCode::PaymentLinkAlreadyPaid), "{code:?}");
    assert_eq!(code.value(), 995);
    assert_eq!(sandbox.applied("pay", "payRequest DELETE"), 0);
}

#[tokio::test]
async fn deleting_an_unknown_payment_link_answers_250() {
    let sandbox = Sandbox::start().await.unwrap();
    let code = api_code(
        client(&sandbox)
            .delete_payment_link(&delete("abc123xyz"))
            .await,
    );
    assert!(matches!(code, CCode::PaymentLinkNotFound), "{code:?}");
    assert_eq!(code.value(), 250);
}

/// A raw GET of `{base}/?{query}`: (content type, body bytes).
async fn raw(sandbox: &Sandbox, query: &str) -> (String, Vec<u8>) {
    let url = format!("{}/?{query}", sandbox.base_url("pay"));
    let response = reqwest::get(url).await.unwrap();
    assert_eq!(response.status(), 200);
    let content_type = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    (content_type, response.bytes().await.unwrap().to_vec())
}

fn pair(answer: &Node, key: &str) -> Option<String> {
    match answer {
        Node::Map(entries) => entries
            .iter()
            .find(|(k, _)| k == key)
            .and_then(|(_, v)| match v {
                Node::Str(s) | Node::Num(s) => Some(s.clone()),
                _ => None,
            }),
        _ => None,
    }
}

/// A token charge's required fields but `ClientName`, `Info`, `Tmonth`, `Tyear` and `UserId`.
const MISSING_FIELDS: &str = "action=soft&Masof=0010345518&PassP=your-api-password&Token=True&CC=4580123456789012377&Amount=10";

/// The refusal is in the frame of the charge's documented failure
/// (`Id=…&CCode=997&Amount=10&ACode=&Fild1=&Fild2=&Fild3=`), the request's `Amount` echoed,
/// and carries no text the vendor would not send (no `errMsg`: the frame has none).
#[tokio::test]
async fn an_invalid_request_answers_ccode_421_in_the_charges_error_frame() {
    let sandbox = Sandbox::start().await.unwrap();
    let (_, body) = raw(&sandbox, MISSING_FIELDS).await;
    let text = String::from_utf8(body).unwrap();
    let keys: Vec<String> = form_urlencoded::parse(text.as_bytes())
        .map(|(k, _)| k.into_owned())
        .collect();
    assert_eq!(
        keys,
        ["Id", "CCode", "Amount", "ACode", "Fild1", "Fild2", "Fild3"],
        "{text}"
    );
    let answer = parse_urlencoded(&text, UTF_8, None);
    assert_eq!(pair(&answer, "CCode").as_deref(), Some("421"), "{text}");
    assert_eq!(pair(&answer, "Amount").as_deref(), Some("10"), "{text}");
    assert_eq!(sandbox.applied("pay", CHARGE), 0);
}

/// "שלום" in windows-1255, percent-escaped.
const SHALOM_1255: &str = "%F9%EC%E5%ED";
/// "שלום" in UTF-8, percent-escaped.
const SHALOM_UTF8: &str = "%D7%A9%D7%9C%D7%95%D7%9D";

/// A token charge whose `Amount` is a Hebrew word (in windows-1255, the request charset): the
/// refusal's frame echoes it as `Amount`.
fn hebrew_amount(extra: &str) -> String {
    format!(
        "action=soft&Masof=0010345518&PassP=your-api-password&ClientName=Jenny&Info=x&Token=True\
         &CC=4580123456789012377&Amount={SHALOM_1255}&Tmonth=06&Tyear=31&UserId=000000000{extra}"
    )
}

#[tokio::test]
async fn answers_are_windows_1255_by_default() {
    let sandbox = Sandbox::start().await.unwrap();
    let (content_type, body) = raw(&sandbox, &hebrew_amount("")).await;
    assert!(content_type.contains("windows-1255"), "{content_type}");
    let text = String::from_utf8(body).unwrap();
    assert!(text.contains(SHALOM_1255), "{text}");
    let answer = parse_urlencoded(&text, WINDOWS_1255, None);
    assert_eq!(pair(&answer, "CCode").as_deref(), Some("421"), "{text}");
    assert_eq!(pair(&answer, "Amount").as_deref(), Some("שלום"), "{text}");
}

#[tokio::test]
async fn answers_are_utf8_with_utf8out_true() {
    let sandbox = Sandbox::start().await.unwrap();
    let (content_type, body) = raw(&sandbox, &hebrew_amount("&UTF8out=True")).await;
    assert!(
        content_type.to_ascii_lowercase().contains("utf-8"),
        "{content_type}"
    );
    let text = String::from_utf8(body).unwrap();
    assert!(text.contains(SHALOM_UTF8), "{text}");
    let answer = parse_urlencoded(&text, UTF_8, None);
    assert_eq!(pair(&answer, "CCode").as_deref(), Some("421"), "{text}");
    assert_eq!(pair(&answer, "Amount").as_deref(), Some("שלום"), "{text}");
}
