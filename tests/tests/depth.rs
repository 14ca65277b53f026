//! Nesting is bounded everywhere a body is parsed: a JSON array, a JSON object or an XML
//! element nested 100, 1,000 or 100,000 deep is a typed `Decode` error naming its path, never
//! a stack overflow, both through the parsers the sandbox reads requests with and through a
//! real client call against a loopback server answering the deep body. The bound
//! ([`hyp_api::wire::MAX_DEPTH`]) is far above anything the specs' examples nest.

mod common;
mod creditguard_common;

use creditguard_common as c;
use hyp_api::wire::{MAX_DEPTH, parse_json, parse_xml};
use hyp_api::{DecodeError, Error, Node};
use hyp_api_tests::mock::{MockServer, Reply};
use hyp_api_tests::vendor;

const DEPTHS: [usize; 3] = [100, 1_000, 100_000];

/// The reason every too-deep body is refused with.
fn too_deep() -> String {
    format!("nested deeper than {MAX_DEPTH} levels")
}

/// `depth` JSON arrays inside one another around `0`.
fn arrays(depth: usize) -> String {
    format!("{}0{}", "[".repeat(depth), "]".repeat(depth))
}

/// `depth` JSON objects inside one another, each holding the next under `k`.
fn objects(depth: usize) -> String {
    format!("{}0{}", "{\"k\":".repeat(depth), "}".repeat(depth))
}

/// `depth` XML elements `<e>` inside one another around text.
fn elements(depth: usize) -> String {
    format!("{}x{}", "<e>".repeat(depth), "</e>".repeat(depth))
}

fn assert_too_deep(e: &DecodeError, path: &str, depth: usize) {
    assert_eq!(e.reason, too_deep(), "depth {depth}");
    assert_eq!(e.path, path, "depth {depth}");
}

#[test]
fn the_parsers_refuse_deep_arrays_objects_and_elements_with_their_path() {
    for depth in DEPTHS {
        let e = parse_json(&arrays(depth)).unwrap_err();
        assert_too_deep(&e, &"[0]".repeat(MAX_DEPTH), depth);
        let e = parse_json(&objects(depth)).unwrap_err();
        assert_too_deep(&e, &vec!["k"; MAX_DEPTH].join("."), depth);
        let e = parse_xml(&elements(depth)).unwrap_err();
        assert_too_deep(&e, &vec!["e"; MAX_DEPTH + 1].join("."), depth);
    }
}

/// The deepest a node tree goes (a map or list is one level).
fn node_depth(n: &Node) -> usize {
    match n {
        Node::List(items) => 1 + items.iter().map(node_depth).max().unwrap_or(0),
        Node::Map(entries) => {
            1 + entries
                .iter()
                .map(|(_, v)| node_depth(v))
                .max()
                .unwrap_or(0)
        }
        _ => 0,
    }
}

/// Every JSON or XML example of every API parses, and nests far less than the bound: the bound
/// refuses nothing a vendor documents.
#[test]
fn every_spec_example_nests_far_below_the_bound() {
    let apis = hyp_codegen::load_all(&vendor::spec_root()).expect("spec loads");
    let mut deepest = (0, String::new());
    let mut parsed = 0;
    for api in &apis {
        for e in &api.endpoints {
            for x in &e.examples {
                let body = x.fixed_body();
                let node = match body.trim_start().as_bytes().first() {
                    Some(b'<') if !body.contains("<html") && !body.contains("<HTML") => {
                        parse_xml(&body)
                    }
                    Some(b'{' | b'[') => parse_json(&body),
                    _ => continue,
                };
                let node =
                    node.unwrap_or_else(|err| panic!("{} {}: {err}\n{body}", e.wire, x.name));
                parsed += 1;
                let d = node_depth(&node);
                if d > deepest.0 {
                    deepest = (d, format!("{} {} {}", api.name, e.wire, x.name));
                }
            }
        }
    }
    assert!(parsed > 30, "only {parsed} examples parsed");
    assert!(
        deepest.0 * 4 <= MAX_DEPTH,
        "{deepest:?} nests close to the bound"
    );
}

/// A Hyper ERP deposit answer, valid but for one extra field holding `deep`.
fn deposit_answer(deep: &str) -> String {
    format!(r#"{{"ResponseCode":0,"ResponseMsgEng":"Success","Receipt_Num":1234,"Extra":{deep}}}"#)
}

fn decode_reason<C: hyp_api::VendorCode>(r: Result<impl std::fmt::Debug, Error<C>>) -> String {
    match r {
        Err(Error::Decode { source, .. }) => source.to_string(),
        other => panic!("expected a Decode error, got {other:?}"),
    }
}

#[tokio::test]
async fn a_client_call_answered_with_deep_json_is_a_decode_error() {
    let mock = MockServer::start().await;
    let client = common::client(&mock.base_url());
    for depth in DEPTHS {
        let bodies = [
            (
                arrays(depth),
                format!("Extra{}", "[0]".repeat(MAX_DEPTH - 1)),
            ),
            (
                objects(depth),
                format!("Extra.{}", vec!["k"; MAX_DEPTH - 1].join(".")),
            ),
        ];
        for (deep, path) in bodies {
            mock.push(
                "MT4_Deposit_Fiat_Json",
                Reply::new(200, deposit_answer(&deep)),
            );
            let reason = decode_reason(client.deposit_fiat(&common::deposit("pw")).await);
            assert_eq!(reason, format!("{path}: {}", too_deep()), "depth {depth}");
        }
    }
    // The same answer one level shallower than the bound is a success.
    let shallow = arrays(MAX_DEPTH - 1);
    mock.push(
        "MT4_Deposit_Fiat_Json",
        Reply::new(200, deposit_answer(&shallow)),
    );
    client
        .deposit_fiat(&common::deposit("pw"))
        .await
        .expect("a body within the bound decodes");
}

#[tokio::test]
async fn a_client_call_answered_with_deep_xml_is_a_decode_error() {
    let mock = MockServer::start().await;
    let client = c::client(&mock);
    let above = ["ashrait", "response", "doDeal"];
    for depth in DEPTHS {
        let body = c::answer(
            "doDeal",
            "000",
            "Permitted transaction",
            Some(&elements(depth)),
        );
        mock.push(
            c::ROUTE,
            Reply::new(200, body).with_content_type("text/xml; charset=UTF-8"),
        );
        let reason = decode_reason(client.do_deal(&c::charge()).await);
        let mut path = above.to_vec();
        path.extend(vec!["e"; MAX_DEPTH + 1 - above.len()]);
        assert_eq!(
            reason,
            format!("{}: {}", path.join("."), too_deep()),
            "depth {depth}"
        );
    }
}
