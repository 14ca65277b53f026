//! Every documented answer still decodes with its text varied: letters replaced by any
//! character (escapes included), digits, structure, keys and codes kept; no decode error where
//! the example had none.

use std::fmt::Debug;

use hyp_api::Endpoint;
use hyp_api_tests::every::{Visit, every_endpoint};
use hyp_api_tests::vendor;
use hyp_codegen::model::{Api, ExampleKind};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

/// `text` with its letters replaced by `with` (cycled), digits and punctuation kept.
fn vary(text: &str, with: &[char]) -> String {
    let mut i = 0;
    text.chars()
        .map(|c| {
            if c.is_alphabetic() && !with.is_empty() {
                i += 1;
                with[i % with.len()]
            } else {
                c
            }
        })
        .collect()
}

/// A documented answer with the letters of its values varied, structure, keys and codes kept.
fn varied(api: &Api, body: &str, with: &[char]) -> String {
    let code = api
        .envelope
        .as_ref()
        .map(|e| e.code_wire.as_str())
        .unwrap_or("");
    if let Ok(mut json) = serde_json::from_str::<serde_json::Value>(body) {
        fn walk(v: &mut serde_json::Value, code: &str, with: &[char]) {
            match v {
                serde_json::Value::String(s) => *s = vary(s, with),
                serde_json::Value::Array(items) => {
                    items.iter_mut().for_each(|i| walk(i, code, with))
                }
                serde_json::Value::Object(map) => map
                    .iter_mut()
                    .filter(|(k, _)| k.as_str() != code)
                    .for_each(|(_, v)| walk(v, code, with)),
                _ => {}
            }
        }
        walk(&mut json, code, with);
        return json.to_string();
    }
    if body.trim_start().starts_with('<') {
        return body.to_string();
    }
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (k, v) in form_urlencoded::parse(body.as_bytes()) {
        let v = if k == code {
            v.into_owned()
        } else {
            vary(&v, with)
        };
        out.append_pair(&k, &v);
    }
    out.finish()
}

struct Answers(usize);

impl Visit for Answers {
    fn visit<E: Endpoint + 'static>(&mut self)
    where
        E::Output: Debug,
    {
        let (api, e) = vendor::find(E::SERVICE, E::WIRE);
        for x in e
            .examples
            .iter()
            .filter(|x| x.kind == ExampleKind::Response)
        {
            let status = x.http_status.unwrap_or(200);
            let body = x.fixed_body();
            let decodes = |text: &str| {
                !matches!(
                    hyp_api::wire::decode_answer::<E>(status, text, &[]),
                    Err(hyp_api::Error::Decode { .. })
                )
            };
            if !decodes(&body) {
                continue;
            }
            let letters = proptest::collection::vec(
                prop_oneof![
                    any::<char>().prop_filter("not a control", |c| !c.is_control()),
                    Just('&'),
                    Just('<'),
                    Just('%'),
                    Just('+')
                ],
                1..6,
            );
            let mut runner = TestRunner::new(Config {
                cases: 32,
                failure_persistence: None,
                ..Config::default()
            });
            runner
                .run(&letters, |with| {
                    let text = varied(api, &body, &with);
                    prop_assert!(
                        decodes(&text),
                        "{} / {}: does not decode:\n{text}",
                        E::WIRE,
                        x.name
                    );
                    Ok(())
                })
                .unwrap_or_else(|e| panic!("{e}"));
            self.0 += 1;
        }
    }
}

#[test]
fn every_documented_answer_decodes_with_its_text_varied() {
    let mut answers = Answers(0);
    every_endpoint(&mut answers);
    assert!(answers.0 >= 40, "only {} answer examples", answers.0);
    println!(
        "{} answer examples, each decoded with 32 variations",
        answers.0
    );
}
