//! Wire messages are the vendor's words: every answer the sandbox gives (each request
//! example as written, with every code of the API's table, without its token, with a wrong
//! credential, sent twice, timed out, refused by a validator, to an unknown endpoint) carries
//! in its message field only a text the vendor writes, and nowhere a word of the spec's
//! annotations (sources, assumptions, library names, glosses); where the HTTP status is the
//! code (MT5), it is a status of the vendor's table.

use std::collections::BTreeSet;

use hyp_codegen::model::{Api, ExampleKind, TransportKind};
use hyp_codegen::sandbox::spec::Carried;
use hyp_sandbox::Sandbox;

use crate::common::shape::{Raw, Tree, parse, sniff};
use crate::wire::{Twist, apis, requests, send};

/// Words of the spec's annotations and of the sandbox itself, which no vendor answer has.
const ANNOTATIONS: &[&str] = &[
    "ASSUMPTION",
    "assumption",
    "vendor-docs",
    "vendor-notes",
    "§",
    "library practice",
    "decision",
    "kb_page",
    ".php",
    ".java",
    ".scala",
    "yaadpay",
    "MordiSacks",
    "Wix",
    "`",
    "invalid request",
    "sandbox",
    "Shva 0",
];

/// The texts the vendor writes in the API's message field: each code's `message`, and what
/// the doc's own answer examples carry there.
fn vendor_texts(api: &Api, field: &str) -> BTreeSet<String> {
    let mut texts: BTreeSet<String> = api.codes.iter().filter_map(|c| c.message.clone()).collect();
    for e in &api.endpoints {
        for x in e
            .examples
            .iter()
            .filter(|x| x.kind == ExampleKind::Response)
        {
            let body = x.fixed_body();
            if let Ok(tree) = parse(sniff(&body), &body) {
                collect(&tree, field, &mut texts);
            }
        }
    }
    texts.insert(String::new());
    texts
}

fn collect(tree: &Tree, field: &str, out: &mut BTreeSet<String>) {
    match tree {
        Tree::Leaf(_) => {}
        Tree::List(items) => items.iter().for_each(|t| collect(t, field, out)),
        Tree::Branch(entries) => {
            for (k, v) in entries {
                match v {
                    Tree::Leaf((_, text)) if k == field => {
                        out.insert(text.clone());
                    }
                    _ => collect(v, field, out),
                }
            }
        }
    }
}

/// The API's message field: its envelope's, or the REST reason field.
fn message_field(api: &Api) -> Option<String> {
    api.envelope
        .as_ref()
        .map(|e| e.message_wire.clone())
        .or_else(|| {
            let sb = api.sandbox.as_ref()?;
            sb.reason_field.as_ref().map(|r| r.field.clone())
        })
}

/// Every answer this test provokes from `api`, with what provoked it.
async fn answers(sandbox: &Sandbox, api: &Api) -> Vec<(String, Raw)> {
    let mut out = Vec::new();
    let sb = api.sandbox.clone().unwrap_or_default();
    for e in &api.endpoints {
        for (name, request) in requests(e) {
            let what = |how: &str| format!("{} `{}` example `{name}` {how}", api.name, e.wire);
            let plain = Twist::default();
            out.push((
                what("as written"),
                send(sandbox, api, e, &request, plain).await,
            ));
            out.push((what("again"), send(sandbox, api, e, &request, plain).await));
            let t = Twist {
                no_token: true,
                ..plain
            };
            out.push((
                what("without a token"),
                send(sandbox, api, e, &request, t).await,
            ));
            for k in sb
                .credentials
                .iter()
                .filter(|k| k.carried != Carried::Bearer)
            {
                let Some(field) = k.field.as_deref() else {
                    continue;
                };
                let t = Twist {
                    field: Some((field, "wrong-credential")),
                    ..plain
                };
                let how = format!("with a wrong {field}");
                out.push((what(&how), send(sandbox, api, e, &request, t).await));
            }
            if sb.timeouts.iter().any(|t| t.endpoints.contains(&e.wire)) {
                let t = Twist {
                    fault: Some("vendor-timeout"),
                    ..plain
                };
                out.push((what("timed out"), send(sandbox, api, e, &request, t).await));
            }
            let codes: BTreeSet<i64> = api.codes.iter().map(|c| c.value).collect();
            for code in codes {
                let fault = format!("code={code}");
                let t = Twist {
                    fault: Some(&fault),
                    ..plain
                };
                let how = format!("answering code {code}");
                out.push((what(&how), send(sandbox, api, e, &request, t).await));
            }
        }
    }
    out.extend(refused(sandbox, api).await);
    out
}

/// A request the validators refuse and one to no endpoint, in the API's transport.
async fn refused(sandbox: &Sandbox, api: &Api) -> Vec<(String, Raw)> {
    let base = sandbox.base_url(&api.name);
    let http = reqwest::Client::new();
    let token = crate::wire::bearer(api).map(|(name, _)| sandbox.credential(&api.name, &name));
    let bearer = |r: reqwest::RequestBuilder| match &token {
        Some(t) => r.bearer_auth(t),
        None => r,
    };
    let first = &api.endpoints[0];
    let (invalid, unknown) = match api.transport {
        TransportKind::JsonPost => (
            http.post(format!("{base}{}", first.path)).body("{}"),
            http.post(format!("{base}/No_Such_Function_Json"))
                .body("{}"),
        ),
        TransportKind::RestJson => (
            http.post(format!("{base}/transactions/deposit"))
                .body(r#"{"amount":0}"#),
            http.get(format!("{base}/no/such/route")),
        ),
        TransportKind::FormXml => {
            let form = |command: &str| {
                let xml = format!(
                    "<ashrait><request><command>{command}</command><{command}/></request></ashrait>"
                );
                vec![
                    ("user".to_string(), sandbox.credential(&api.name, "user")),
                    (
                        "password".to_string(),
                        sandbox.credential(&api.name, "password"),
                    ),
                    ("int_in".to_string(), xml),
                ]
            };
            (
                http.post(format!("{base}{}", first.path))
                    .form(&form("doDeal")),
                http.post(format!("{base}{}", first.path))
                    .form(&form("noSuchCommand")),
            )
        }
        TransportKind::QueryGet => (
            http.get(format!(
                "{base}/?action=soft&PassP=your-api-password&Amount=x"
            )),
            http.get(format!(
                "{base}/?action=noSuchAction&PassP=your-api-password"
            )),
        ),
    };
    let invalid = Raw::read(bearer(invalid).send().await.unwrap()).await;
    let unknown = Raw::read(bearer(unknown).send().await.unwrap()).await;
    vec![
        (format!("{} refused request", api.name), invalid),
        (format!("{} unknown endpoint", api.name), unknown),
    ]
}

#[tokio::test]
async fn every_answer_speaks_the_vendors_words_only() {
    let sandbox = Sandbox::start().await.unwrap();
    let mut scanned = 0;
    let mut bad = Vec::new();
    for api in apis() {
        let field = message_field(&api);
        let allowed = field.as_deref().map(|f| vendor_texts(&api, f));
        for (what, raw) in answers(&sandbox, &api).await {
            scanned += 1;
            let text = raw.text();
            // Where the status is the code (REST), it is one the vendor's table has.
            let status = i64::from(raw.status);
            if api.transport == TransportKind::RestJson
                && !api.codes.iter().any(|c| c.value == status)
            {
                bad.push(format!(
                    "{what}: HTTP {status} is in no row of the code table"
                ));
            }
            for word in ANNOTATIONS.iter().filter(|w| text.contains(**w)) {
                bad.push(format!("{what}: `{word}` on the wire: {text}"));
            }
            let (Some(field), Some(allowed)) = (&field, &allowed) else {
                continue;
            };
            let mut sent = BTreeSet::new();
            if let Ok(tree) = parse(sniff(&text), &text) {
                collect(&tree, field, &mut sent);
            }
            for m in sent.difference(allowed) {
                bad.push(format!("{what}: {field} {m:?} is not the vendor's text"));
            }
        }
    }
    assert!(scanned > 500, "only {scanned} answers scanned");
    assert!(
        bad.is_empty(),
        "{} of {scanned} answers:\n{}",
        bad.len(),
        bad.join("\n")
    );
}
