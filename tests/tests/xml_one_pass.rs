//! The CreditGuard XML one-pass decoder on every answer example, XML variants of each that the
//! spec does not show (attributes where none are documented, blank and empty objects and lists,
//! the command element missing, empty, with text or repeated, envelope fields after it, text
//! beside elements, repeated and many attributes, nesting past the bound) and the fuzz corpus
//! `fuzz/corpus/answer_creditguard`: what the client makes of each answer (its output, the code
//! and message of an error code, undecodable, a page) is the value recorded in
//! `tests/expected/xml_one_pass.txt`, recorded from the `Node` tree decoder while it existed
//! (the one-pass decoder then accepted what the tree accepted, with the same output, and
//! rejected what it rejected). `HYP_BLESS=1` rewrites the file.
//!
//! And the one-pass decoder alone gives it: an answer with an error code whose body does not
//! fit the response is read through the code-only pass (`one_pass::xml_code`), with the same
//! code and message.
//!
//! `HYP_XML_DIFF_CORPUS=<dir>` adds the fuzz inputs of another directory (a local fuzz run's):
//! for those, only that the one-pass decoder alone agrees with the client's path.

#[path = "xml_one_pass/variants.rs"]
mod variants;

use std::fmt::Debug;
use std::path::Path;

use hyp_api::__private::one_pass::{self, Received};
use hyp_api::wire::{UTF_8, decode_answer_in};
use hyp_api::{Endpoint, Error};
use hyp_api_tests::every::{Visit, every_endpoint};
use hyp_api_tests::expected::{self, Expected};
use hyp_api_tests::vendor;
use hyp_codegen::model::ExampleKind;
use variants::variants;

/// What a caller sees of a decode through the client's answer path.
fn client<E: Endpoint>(status: u16, body: &str) -> String
where
    E::Output: Debug,
{
    match decode_answer_in::<E>(status, body, &[], (UTF_8, None)) {
        Ok(out) => format!("ok {out:?}"),
        Err(Error::Api(e)) => format!("code {:?} {:?}", e.code, e.message),
        Err(Error::Decode { .. }) => "undecodable".into(),
        Err(Error::VendorPage { .. }) => "page".into(),
        Err(other) => format!("other {other}"),
    }
}

/// The same through the one-pass decoder alone.
fn one_pass<E: Endpoint>(status: u16, body: &str) -> String
where
    E::Output: Debug,
{
    let received = Received {
        status,
        text: body,
        charset: (UTF_8, None),
        envelope: E::ENVELOPE,
        xml: E::XML.map(|x| (x, E::WIRE)),
    };
    match E::decode_one_pass(&received) {
        Ok((_, _, Some(out))) => match E::check_success(&out) {
            Ok(()) => format!("ok {out:?}"),
            Err(_) => "undecodable".into(),
        },
        Ok((code, message, None)) => format!("code {:?} {message:?}", E::code(code)),
        Err(_) => "undecodable".into(),
    }
}

/// The code-only pass (`one_pass::xml_code`): the code and message of an error code's answer.
fn code_only<E: Endpoint>(status: u16, body: &str) -> String {
    let received = Received {
        status,
        text: body,
        charset: (UTF_8, None),
        envelope: E::ENVELOPE,
        xml: E::XML.map(|x| (x, E::WIRE)),
    };
    match one_pass::xml_code(&received) {
        Ok((code, message)) => format!("code {:?} {message:?}", E::code(code)),
        Err(_) => "undecodable".into(),
    }
}

/// One answer: the client's result recorded under `key` (when given), and a line for each
/// difference between it and the one-pass decoder alone.
fn compare<E: Endpoint>(
    status: u16,
    body: &str,
    key: Option<String>,
    expected: &mut Expected,
    diffs: &mut Vec<String>,
) -> usize
where
    E::Output: Debug,
{
    let client = client::<E>(status, body);
    if let Some(key) = &key {
        expected.check(format!("{} {status} / {key}", E::WIRE), client.as_str());
    }
    // An HTML page is found before the decoder runs.
    if client == "page" {
        return 0;
    }
    let mut one = one_pass::<E>(status, body);
    if one == "undecodable" && client.starts_with("code ") {
        one = code_only::<E>(status, body);
    }
    if client != one {
        let cut = |s: &str| s.chars().take(300).collect::<String>();
        diffs.push(format!(
            "{} {status} / {}\n  client:   {}\n  one pass: {}\n  body: {}",
            E::WIRE,
            key.as_deref().unwrap_or("extra fuzz input"),
            cut(&client),
            cut(&one),
            cut(body)
        ));
    }
    1
}

/// Every CreditGuard endpoint: its examples and their variants, and the fuzz inputs for it.
struct Sweep {
    api: hyp_codegen::model::Api,
    /// Fuzz inputs: `[endpoint selector, status selector, body…]`, and whether the expected
    /// file records them (the committed corpus's).
    fuzz: Vec<(Vec<u8>, bool)>,
    index: usize,
    compared: usize,
    expected: Expected,
    diffs: Vec<String>,
}

/// The statuses a fuzz input selects from (as `hyp_api_tests::fuzzing::answer`).
const STATUSES: [u16; 10] = [200, 201, 204, 400, 401, 403, 404, 409, 500, 503];

impl Visit for Sweep {
    fn visit<E: Endpoint + 'static>(&mut self)
    where
        E::Output: Debug,
    {
        if E::SERVICE != "creditguard" {
            return;
        }
        let index = self.index;
        self.index += 1;
        let e = vendor::endpoint(&self.api, E::WIRE);
        for x in e
            .examples
            .iter()
            .filter(|x| x.kind == ExampleKind::Response)
        {
            let status = x.http_status.unwrap_or(200);
            let body = x.fixed_body();
            let (expected, diffs) = (&mut self.expected, &mut self.diffs);
            self.compared += compare::<E>(status, &body, Some(x.name.clone()), expected, diffs);
            for (what, variant) in variants(&body, E::WIRE) {
                let what = format!("{} ({what})", x.name);
                self.compared += compare::<E>(status, &variant, Some(what), expected, diffs);
            }
        }
        let count = hyp_api_tests::fuzzing::answer::count("creditguard");
        for (input, recorded) in &self.fuzz {
            let [endpoint, status, body @ ..] = input.as_slice() else {
                continue;
            };
            if usize::from(*endpoint) % count != index {
                continue;
            }
            let status = STATUSES[usize::from(*status) % STATUSES.len()];
            let body = String::from_utf8_lossy(body);
            let key = recorded.then(|| format!("fuzz {}", expected::fnv(input)));
            let (expected, diffs) = (&mut self.expected, &mut self.diffs);
            self.compared += compare::<E>(status, &body, key, expected, diffs);
        }
    }
}

fn corpus(dir: &Path) -> Vec<Vec<u8>> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    files.sort();
    files.iter().filter_map(|f| std::fs::read(f).ok()).collect()
}

#[test]
fn the_xml_one_pass_decoder_gives_the_recorded_values() {
    let root = vendor::spec_root();
    let mut fuzz: Vec<(Vec<u8>, bool)> = corpus(&root.join("../fuzz/corpus/answer_creditguard"))
        .into_iter()
        .map(|input| (input, true))
        .collect();
    if let Some(dir) = std::env::var_os("HYP_XML_DIFF_CORPUS") {
        fuzz.extend(corpus(Path::new(&dir)).into_iter().map(|i| (i, false)));
    }
    let mut sweep = Sweep {
        api: hyp_codegen::load_one(&root.join("creditguard")).expect("spec loads"),
        fuzz,
        index: 0,
        compared: 0,
        expected: Expected::open("xml_one_pass"),
        diffs: Vec::new(),
    };
    every_endpoint(&mut sweep);
    println!("compared {} answers", sweep.compared);
    assert!(sweep.compared > 80, "compared {}", sweep.compared);
    assert!(
        sweep.diffs.is_empty(),
        "{} answers decode differently:\n{}",
        sweep.diffs.len(),
        sweep.diffs.join("\n")
    );
    sweep.expected.finish();
}

/// The response of an inquireTransactions answer through the one-pass decoder alone.
fn inquire(body: &str) -> hyp_api::creditguard::InquireTransactionsResponse {
    use hyp_api::creditguard::InquireTransactions as E;
    let received = Received {
        status: 200,
        text: body,
        charset: (UTF_8, None),
        envelope: E::ENVELOPE,
        xml: E::XML.map(|x| (x, E::WIRE)),
    };
    match E::decode_one_pass(&received) {
        Ok((0, _, Some(out))) => out,
        other => panic!("not a found answer: {:?}", other.map(|(c, m, _)| (c, m))),
    }
}

fn three_transactions() -> String {
    let api = hyp_codegen::load_one(&vendor::spec_root().join("creditguard")).expect("spec");
    let e = vendor::endpoint(&api, "inquireTransactions");
    e.examples
        .iter()
        .find(|x| x.name == "response-three-transactions")
        .expect("the vendor doc's example")
        .fixed_body()
}

#[test]
fn attributes_are_entries_of_their_object_and_a_blank_object_is_absent() {
    let body = three_transactions();
    let plain = inquire(&body);
    let at = body.find("<acquirerData>").expect("an acquirerData block");
    let row = body[..at].matches("<transaction>").count() - 1;
    assert!(plain.transactions[row].acquirer_data.is_some());
    let end = body.find("</acquirerData>").expect("its end") + "</acquirerData>".len();
    let edited = format!(
        "{}<acquirerData> </acquirerData>{}",
        &body[..at],
        &body[end..]
    )
    .replacen("<transaction>", "<transaction b=\"2\">", 1);
    let out = inquire(&edited);
    assert!(out.transactions[row].acquirer_data.is_none());
    assert_eq!(
        out.transactions[0].unknown_fields,
        vec![("@b".to_string(), hyp_api::Node::Str("2".into()))]
    );
    assert_eq!(out.transactions.len(), plain.transactions.len());
}

#[test]
fn the_envelope_level_comes_before_the_command_element_s_children() {
    let body = three_transactions()
        .replacen(
            "<inquireTransactions>",
            "<inquireTransactions c=\"3\"><zz>1</zz>",
            1,
        )
        .replacen("</response>", "<yy>2</yy></response>", 1);
    let names: Vec<String> = inquire(&body)
        .unknown_fields
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    // `command` is an envelope element the response does not list.
    assert_eq!(names, ["command", "yy", "@c", "zz"]);
}
