//! Differential check while both decoders exist: every fuzz corpus file and seed of the
//! `answer_*` targets, and inputs mutated from them, decode the same through the client's
//! answer path and through the `Node` tree (same output, or the same typed error).

use std::path::Path;

use hyp_api::__private::decode_answer_by_tree;
use hyp_api::Endpoint;
use hyp_api::wire::{UTF_8, WINDOWS_1255, decode_answer_in};
use hyp_api_tests::every::{Visit, every_endpoint};
use hyp_api_tests::fuzzing::{self, Mutator};

const STATUSES: [u16; 10] = [200, 201, 204, 400, 401, 403, 404, 409, 500, 503];

struct Compare<'a> {
    api: &'a str,
    wanted: usize,
    seen: usize,
    status: u16,
    body: &'a str,
    differ: &'a mut Vec<String>,
}

impl Visit for Compare<'_> {
    fn visit<E: Endpoint + 'static>(&mut self)
    where
        E::Output: std::fmt::Debug,
    {
        if E::SERVICE != self.api {
            return;
        }
        if self.seen == self.wanted {
            let charsets = (UTF_8, Some(WINDOWS_1255));
            let secrets = [fuzzing::answer::SENT_SECRET];
            let one = decode_answer_in::<E>(self.status, self.body, &secrets, charsets);
            let tree = decode_answer_by_tree::<E>(self.status, self.body, &secrets, charsets);
            let (one, tree) = (format!("{one:?}"), format!("{tree:?}"));
            if one != tree {
                self.differ.push(format!(
                    "{} {} {:?}\n  one:  {one}\n  tree: {tree}",
                    E::WIRE,
                    self.status,
                    self.body
                ));
            }
        }
        self.seen += 1;
    }
}

fn compare(api: &str, data: &[u8], differ: &mut Vec<String>) {
    let [endpoint, status, body @ ..] = data else {
        return;
    };
    let count = fuzzing::answer::count(api);
    let mut c = Compare {
        api,
        wanted: usize::from(*endpoint) % count,
        seen: 0,
        status: STATUSES[usize::from(*status) % STATUSES.len()],
        body: &String::from_utf8_lossy(body),
        differ,
    };
    every_endpoint(&mut c);
}

#[test]
fn the_client_path_and_the_tree_agree_on_the_fuzz_corpora() {
    let mutations: usize = std::env::var("HYP_DIFF_MUTATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3000);
    let mut differ = Vec::new();
    for api in ["hyper-erp", "mt5-manager", "pay", "creditguard"] {
        let target = format!("answer_{}", api.replace('-', "_"));
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../fuzz/corpus")
            .join(&target);
        let mut inputs: Vec<Vec<u8>> = std::fs::read_dir(&dir)
            .map(|d| {
                d.filter_map(|e| std::fs::read(e.ok()?.path()).ok())
                    .collect()
            })
            .unwrap_or_default();
        inputs.extend(fuzzing::seeds(&target));
        for input in &inputs {
            compare(api, input, &mut differ);
        }
        let mut m = Mutator::new(7);
        for _ in 0..mutations {
            let input = m.mutate(&inputs);
            compare(api, &input, &mut differ);
        }
    }
    for d in &differ {
        println!("{d}");
    }
    assert!(differ.is_empty(), "{} inputs differ", differ.len());
}
