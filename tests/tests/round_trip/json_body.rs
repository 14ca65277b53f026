//! A JSON request body is written straight from the request into its text
//! (`MapWriter::json`), not through a tree: for every endpoint whose body is JSON, that text
//! is byte for byte the tree's JSON (`to_node`, only the body's fields), so the direct writer
//! sends exactly what the golden tests check against the vendor docs.

use std::fmt::Debug;

use hyp_api::__private::{Body, only};
use hyp_api::{Endpoint, ToNode, TransportKind};
use hyp_api_tests::every::{Visit, every_endpoint};
use hyp_api_tests::{requests, vendor};
use hyp_codegen::model::FieldLocation;

struct Compare(Vec<String>);

impl Visit for Compare {
    fn visit<E: Endpoint + 'static>(&mut self)
    where
        E::Output: Debug,
    {
        let json = E::XML.is_none() && E::TRANSPORT != TransportKind::QueryGet;
        let request = requests::request::<E>().expect("the request decodes");
        let (_, spec) = vendor::find(E::SERVICE, E::WIRE);
        let keys: Vec<&str> = spec
            .request
            .iter()
            .filter(|f| matches!(f.location, FieldLocation::Body | FieldLocation::Envelope))
            .map(|f| f.wire.as_str())
            .collect();
        match E::parts(&request).body {
            Some(Body::Json(text)) => {
                assert!(json, "{}: a JSON body for a non-JSON transport", E::WIRE);
                let text = text.unwrap_or_else(|e| panic!("{}: not written: {e}", E::WIRE));
                let tree = only(request.to_node(), &keys);
                let expected = hyp_api::wire::to_json(&tree).expect("the tree writes");
                assert_eq!(text, expected, "{}", E::WIRE);
                self.0.push(E::WIRE.to_string());
            }
            Some(Body::Tree(_)) => assert!(!json, "{}: a JSON body built as a tree", E::WIRE),
            None => assert!(keys.is_empty(), "{}: body fields but no body", E::WIRE),
        }
    }
}

#[test]
fn every_json_body_is_the_text_of_its_tree() {
    let mut c = Compare(Vec::new());
    every_endpoint(&mut c);
    // Hyper's eight functions and MT5's endpoints with a body.
    assert!(c.0.len() >= 8 + 6, "JSON bodies written: {:?}", c.0);
}
