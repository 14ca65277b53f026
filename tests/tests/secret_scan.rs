//! The secret scan (issue #13): every endpoint of every API, built from the spec's own request
//! example (or its fields where the doc has none), is called through every ending (the outcome
//! or API error the sandbox answers, a documented error code, an HTML page, an undecodable
//! answer, a dropped connection, a timeout) while the "vendor" echoes each of the call's
//! secrets back in every form (as sent, JSON `\uXXXX` and `\/`, percent- and form-encoded,
//! XML-escaped, decimal and hex character references). Neither the result's `Debug`, the
//! error's `Display`, nor anything traced at TRACE level shows a secret in any of those forms.

use std::collections::BTreeMap;
use std::fmt::Debug;
use std::future::Future;
use std::pin::Pin;

use hyp_api::Endpoint;
use hyp_api_tests::every::{Visit, every_endpoint, names};
use hyp_api_tests::logs::LogBuf;
use hyp_api_tests::{requests, vendor};
use hyp_sandbox::Sandbox;
use tracing_subscriber::filter::{LevelFilter, Targets};
use tracing_subscriber::layer::SubscriberExt;

use hyp_api_tests::scan::{self, proxy::Proxy};

type Report = (BTreeMap<&'static str, usize>, Vec<String>);
type Call<'a> = Pin<Box<dyn Future<Output = (String, Report)> + 'a>>;

/// Collects the scan of every endpoint of one API.
struct Calls<'a> {
    api: &'a str,
    sandbox: &'a Sandbox,
    proxy: &'a Proxy,
    calls: Vec<Call<'a>>,
}

impl Visit for Calls<'_> {
    fn visit<E: Endpoint + 'static>(&mut self)
    where
        E::Output: Debug,
    {
        if E::SERVICE != self.api {
            return;
        }
        let (sandbox, proxy) = (self.sandbox, self.proxy);
        self.calls.push(Box::pin(async move {
            let (api, _) = vendor::find(E::SERVICE, E::WIRE);
            let request = requests::request::<E>()
                .unwrap_or_else(|e| panic!("{}: the request does not decode: {e}", E::WIRE));
            let report = scan::scan::<E>(api, sandbox, proxy, &request).await;
            (E::WIRE.to_string(), report)
        }));
    }
}

async fn scan_api(api: &str) {
    let logs = LogBuf::default();
    let writer = logs.clone();
    let subscriber = tracing_subscriber::registry()
        .with(
            tracing_subscriber::fmt::layer()
                .with_writer(move || writer.clone())
                .with_ansi(false),
        )
        .with(
            Targets::new()
                .with_target("hyp_api", LevelFilter::TRACE)
                .with_target("reqwest", LevelFilter::TRACE),
        );
    let _guard = tracing::subscriber::set_default(subscriber);
    let sandbox = Sandbox::start().await.expect("sandbox");
    let proxy = Proxy::start(format!("http://{}", sandbox.addr())).await;
    let mut calls = Calls {
        api,
        sandbox: &sandbox,
        proxy: &proxy,
        calls: Vec::new(),
    };
    every_endpoint(&mut calls);
    let expected = names().iter().filter(|(a, _)| *a == api).count();
    assert_eq!(calls.calls.len(), expected);
    let mut leaks = Vec::new();
    let mut table = Vec::new();
    for call in calls.calls {
        let (wire, (endings, found)) = call.await;
        for must in ["transport", "timeout"] {
            assert!(
                endings.contains_key(must),
                "{wire}: no {must} ending in {endings:?}"
            );
        }
        assert!(
            endings
                .keys()
                .any(|k| matches!(*k, "outcome" | "api-error" | "invalid-request")),
            "{wire}: never answered: {endings:?}"
        );
        table.push(format!("{wire}: {endings:?}"));
        leaks.extend(found);
    }
    println!("{api}:\n  {}", table.join("\n  "));
    let log = logs.text();
    assert!(log.contains("hyp_api.call"), "the calls were traced");
    assert!(
        leaks.is_empty(),
        "{} leaks:\n{}",
        leaks.len(),
        leaks.join("\n\n")
    );
    // Every secret of every request, scanned in the whole trace.
    let mut secret_count = 0;
    for (api_name, wire) in names().into_iter().filter(|(a, _)| *a == api) {
        let (spec_api, e) = vendor::find(api_name, wire);
        let node = requests::request_node(spec_api, e);
        let hyp_api::Node::Map(entries) = node else {
            continue;
        };
        for f in e
            .request
            .iter()
            .filter(|f| matches!(f.ty, hyp_codegen::model::Ty::Secret(_)))
        {
            if let Some((_, hyp_api::Node::Str(secret))) =
                entries.iter().find(|(k, _)| *k == f.wire)
            {
                secret_count += 1;
                let found = scan::echo::leaks(&log, secret);
                assert!(
                    found.is_empty(),
                    "the trace shows {wire}'s {} ({found:?})",
                    f.wire
                );
            }
        }
    }
    println!(
        "{api}: {secret_count} request secrets scanned in {} bytes of trace",
        log.len()
    );
}

#[test]
fn every_endpoint_is_visited() {
    let mut listed = names();
    let mut spec: Vec<(&str, &str)> = vendor::all()
        .iter()
        .flat_map(|a| {
            a.endpoints
                .iter()
                .map(move |e| (a.name.as_str(), e.wire.as_str()))
        })
        .collect();
    listed.sort();
    spec.sort();
    assert_eq!(
        listed, spec,
        "tests/src/every.rs lists exactly the spec's endpoints"
    );
}

#[tokio::test]
async fn hyper_erp_never_shows_a_secret() {
    scan_api("hyper-erp").await;
}

#[tokio::test]
async fn mt5_manager_never_shows_a_secret() {
    scan_api("mt5-manager").await;
}

#[tokio::test]
async fn creditguard_never_shows_a_secret() {
    scan_api("creditguard").await;
}

#[tokio::test]
async fn pay_never_shows_a_secret() {
    scan_api("pay").await;
}
