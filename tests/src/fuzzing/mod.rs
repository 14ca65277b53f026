//! The fuzz targets' input functions, shared by the cargo-fuzz targets in `fuzz/` (nightly,
//! coverage-guided) and the stable smoke run (`cargo xtask fuzz-smoke`: the committed corpus
//! replayed, then inputs mutated from it for a few seconds per target).

pub mod answer;
mod mutate;
pub mod sandbox;
pub mod spec;

use std::path::Path;
use std::time::{Duration, Instant};

use hyp_api::Node;
use hyp_codegen::model::{Api, Endpoint as SpecEndpoint, ExampleKind};
use hyp_codegen::spec::TransportKind;

pub use mutate::Mutator;

/// One fuzz target: its name (the file under `fuzz/fuzz_targets/` and the corpus folder) and
/// its input function.
pub struct Target {
    /// `answer_pay`, `sandbox_request`, …
    pub name: &'static str,
    /// Runs one input; returns normally for every input.
    pub run: fn(&[u8]),
}

/// Every fuzz target.
pub const TARGETS: &[Target] = &[
    Target {
        name: "answer_hyper_erp",
        run: |d| answer::run("hyper-erp", d),
    },
    Target {
        name: "answer_mt5_manager",
        run: |d| answer::run("mt5-manager", d),
    },
    Target {
        name: "answer_creditguard",
        run: |d| answer::run("creditguard", d),
    },
    Target {
        name: "answer_pay",
        run: |d| answer::run("pay", d),
    },
    Target {
        name: "sandbox_request",
        run: |d| {
            sandbox::run(d);
        },
    },
    Target {
        name: "spec_loader",
        run: spec::run,
    },
];

/// The target called `name`.
pub fn target(name: &str) -> Option<&'static Target> {
    TARGETS.iter().find(|t| t.name == name)
}

/// The seeds of a target, from the spec's own examples (answers, requests) and files.
pub fn seeds(name: &str) -> Vec<Vec<u8>> {
    let apis = sandbox::apis();
    if let Some(api_name) = name.strip_prefix("answer_") {
        let Some(api) = apis.iter().find(|a| a.name.replace('-', "_") == api_name) else {
            return Vec::new();
        };
        return api
            .endpoints
            .iter()
            .filter_map(|e| Some((answer::index_of(&api.name, &e.wire)?, e)))
            .flat_map(|(i, e)| {
                let documented: Vec<Vec<u8>> = e
                    .examples
                    .iter()
                    .filter(|x| x.kind == ExampleKind::Response)
                    .map(|x| answer::input(i, x.http_status.unwrap_or(200), &x.fixed_body()))
                    .collect();
                if documented.is_empty() {
                    built_answers(api, i, e)
                } else {
                    documented
                }
            })
            .collect();
    }
    match name {
        "sandbox_request" => apis
            .iter()
            .enumerate()
            .flat_map(|(a, api)| {
                api.endpoints.iter().enumerate().flat_map(move |(e, ep)| {
                    ep.examples
                        .iter()
                        .filter(|x| x.kind == ExampleKind::Request)
                        .map(move |x| {
                            sandbox::input(
                                sandbox::index_of(a, e),
                                &sandbox::payload(api, &x.fixed_body()),
                            )
                        })
                })
            })
            .collect(),
        "spec_loader" => spec_files(),
        _ => Vec::new(),
    }
}

/// Answers of an endpoint whose spec shows none (MT5's docs give no answer body): for each
/// success status of its outcomes, a JSON object with every response field the spec lists, each
/// with a value its type accepts (`{}` for an answer kept raw). Only JSON answers are built.
fn built_answers(api: &Api, index: usize, e: &SpecEndpoint) -> Vec<Vec<u8>> {
    if !matches!(
        api.transport,
        TransportKind::JsonPost | TransportKind::RestJson
    ) {
        return Vec::new();
    }
    let body = Node::Map(
        e.response
            .iter()
            .map(|f| (f.wire.clone(), crate::requests::value(api, f)))
            .collect(),
    );
    let Ok(body) = hyp_api::wire::to_json(&body) else {
        return Vec::new();
    };
    e.outcomes
        .iter()
        .flat_map(|o| o.codes.iter())
        .filter_map(|code| u16::try_from(*code).ok())
        .filter(|status| (200..300).contains(status))
        .map(|status| answer::input(index, status, &body))
        .collect()
}

/// The spec's smaller files (the corpus stays small; the big code tables add no new shape).
fn spec_files() -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let Ok(apis) = std::fs::read_dir(crate::vendor::spec_root()) else {
        return out;
    };
    let mut files: Vec<_> = apis
        .flatten()
        .filter_map(|d| std::fs::read_dir(d.path()).ok())
        .flat_map(|d| d.flatten().map(|f| f.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    for path in files {
        if let Ok(bytes) = std::fs::read(&path)
            && bytes.len() <= 12 * 1024
        {
            out.push(bytes);
        }
    }
    out
}

/// What a smoke run of one target did.
#[derive(Debug, Clone, Copy)]
pub struct Smoke {
    /// Corpus files replayed.
    pub replayed: usize,
    /// Mutated inputs run.
    pub mutated: usize,
}

/// Replays every file of `corpus` through the target, then runs inputs mutated from the corpus
/// until `budget` has passed. Returns normally when no input panicked.
pub fn smoke(target: &Target, corpus: &Path, budget: Duration) -> Smoke {
    let mut inputs: Vec<Vec<u8>> = std::fs::read_dir(corpus)
        .map(|d| {
            d.flatten()
                .filter_map(|f| std::fs::read(f.path()).ok())
                .collect()
        })
        .unwrap_or_default();
    if inputs.is_empty() {
        inputs = seeds(target.name);
    }
    for input in &inputs {
        (target.run)(input);
    }
    let start = Instant::now();
    let mut mutator = Mutator::new(0x5eed_f00d ^ target.name.len() as u64);
    let mut mutated = 0;
    while start.elapsed() < budget && !inputs.is_empty() {
        let input = mutator.mutate(&inputs);
        (target.run)(&input);
        mutated += 1;
    }
    Smoke {
        replayed: inputs.len(),
        mutated,
    }
}
