//! The comparator itself: each difference it promises to see, it sees.

use crate::common::shape::{Expect, Kind, Raw, answer_kind, value_kind};

fn raw(status: u16, content_type: &str, body: &str) -> Raw {
    Raw {
        status,
        content_type: content_type.into(),
        body: body.as_bytes().to_vec(),
    }
}

fn json(body: &str) -> Raw {
    raw(200, "application/json; charset=utf-8", body)
}

#[test]
fn value_kinds() {
    assert_eq!(value_kind(""), "empty");
    assert_eq!(value_kind("0882819014"), "digits");
    assert_eq!(value_kind("-12"), "digits");
    assert_eq!(value_kind("10.00"), "decimal(2)");
    assert_eq!(value_kind("2025-07-28 12:54"), "9999-99-99 99:99");
    assert_eq!(value_kind("2026-01-21 08:00:00"), "9999-99-99 99:99:99");
    assert_eq!(value_kind("Permitted transaction"), "text");
    assert_eq!(value_kind("xxxxxxxxxxxx1111"), "text");
}

#[test]
fn json_keys_in_order_and_nesting() {
    let doc = r#"{"ResponseCode":0,"ResponseMsgEng":"Success","Receipt_Num":1234}"#;
    let same = json(r#"{"ResponseCode":0,"ResponseMsgEng":"Done","Receipt_Num":7}"#);
    assert!(Expect::doc(doc).check(&same).is_empty());
    let swapped = json(r#"{"ResponseMsgEng":"Success","ResponseCode":0,"Receipt_Num":1}"#);
    assert_eq!(Expect::doc(doc).check(&swapped).len(), 1, "key order");
    let missing = json(r#"{"ResponseCode":0,"ResponseMsgEng":"Success"}"#);
    assert!(Expect::doc(doc).check(&missing)[0].contains("Receipt_Num"));
    let as_string = json(r#"{"ResponseCode":0,"ResponseMsgEng":"Success","Receipt_Num":"1"}"#);
    assert!(Expect::doc(doc).check(&as_string)[0].contains("string:digits"));
    let nested = r#"{"a":{"b":[{"c":1}]}}"#;
    let deeper = json(r#"{"a":{"b":[{"c":1},{"d":2}]}}"#);
    assert_eq!(Expect::doc(nested).check(&deeper).len(), 1, "second item");
}

#[test]
fn exact_codes_and_any_echoes() {
    let doc = r#"{"ResponseCode":0,"ResponseMsgEng":"Success","Receipt_Num":1234}"#;
    let other_code = json(r#"{"ResponseCode":30,"ResponseMsgEng":"Success","Receipt_Num":1}"#);
    assert!(Expect::doc(doc).check(&other_code).is_empty(), "by kind");
    let exact = Expect::doc(doc).exact(&["ResponseCode"]);
    assert_eq!(exact.check(&other_code).len(), 1);
    let text = json(r#"{"ResponseCode":0,"ResponseMsgEng":"","Receipt_Num":1}"#);
    assert_eq!(Expect::doc(doc).check(&text).len(), 1, "empty ≠ text");
    assert!(
        Expect::doc(doc)
            .any(&["ResponseMsgEng"])
            .check(&text)
            .is_empty()
    );
    assert!(
        Expect::doc(doc)
            .any(&["/ResponseMsgEng"])
            .check(&text)
            .is_empty()
    );
}

#[test]
fn xml_elements_attributes_and_runs() {
    let doc = "<?xml version='1.0'?><ashrait><response><result>000</result>\
        <doDeal><cardType code=\"1\">Visa</cardType><row>1</row><row>2</row></doDeal>\
        </response></ashrait>";
    let xml = |b: &str| raw(200, "application/xml", b);
    let same = xml("<ashrait><response><result>000</result><doDeal>\
        <cardType code=\"2\">MasterCard</cardType><row>9</row></doDeal></response></ashrait>");
    assert!(
        Expect::doc(doc).check(&same).is_empty(),
        "{:?}",
        Expect::doc(doc).check(&same)
    );
    let no_attr = xml("<ashrait><response><result>000</result><doDeal>\
        <cardType>Visa</cardType><row>1</row></doDeal></response></ashrait>");
    assert_eq!(Expect::doc(doc).check(&no_attr).len(), 1);
    let moved = xml(
        "<ashrait><response><doDeal><cardType code=\"1\">Visa</cardType>\
        <row>1</row></doDeal><result>000</result></response></ashrait>",
    );
    assert_eq!(Expect::doc(doc).check(&moved).len(), 1, "order");
    let flat = xml("<ashrait><result>000</result><response><doDeal>\
        <cardType code=\"1\">Visa</cardType><row>1</row></doDeal></response></ashrait>");
    assert!(!Expect::doc(doc).check(&flat).is_empty(), "nesting");
    let code = Expect::doc(doc).exact(&["result", "@code"]);
    assert_eq!(code.check(&same).len(), 1, "@code 2 ≠ 1");
}

#[test]
fn url_encoded_keys_in_order() {
    let doc = "Id=12788261&CCode=0&Amount=10&ACode=0012345";
    let form = |b: &str| raw(200, "text/plain; charset=windows-1255", b);
    assert!(
        Expect::doc(doc)
            .check(&form("Id=5&CCode=0&Amount=99&ACode=77"))
            .is_empty()
    );
    assert_eq!(
        Expect::doc(doc)
            .check(&form("CCode=0&Id=5&Amount=1&ACode=7"))
            .len(),
        1
    );
    let code = Expect::doc(doc).exact(&["CCode"]);
    assert_eq!(
        code.check(&form("Id=5&CCode=902&Amount=1&ACode=7")).len(),
        1
    );
}

#[test]
fn frame_status_and_kind() {
    let doc = r#"{"ResponseCode":0}"#;
    let e = Expect::doc(doc);
    assert_eq!(e.check(&raw(400, "application/json", doc)).len(), 1);
    assert!(
        Expect::doc(doc)
            .status(400)
            .check(&raw(400, "application/json", doc))
            .is_empty()
    );
    assert_eq!(e.check(&raw(200, "application/xml", "<a>0</a>")).len(), 1);
    assert_eq!(
        answer_kind(&raw(200, "text/html", "<html></html>")),
        Kind::Html
    );
    assert_eq!(answer_kind(&raw(200, "text/plain", "CCode=0")), Kind::Form);
    assert_eq!(answer_kind(&raw(500, "", "")), Kind::Empty);
}
