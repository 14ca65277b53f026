//! `cargo bench -p hyp-api`: every row of issue #12's table, hyp-api beside its baseline on the
//! same bytes in the same process, then the ratio (the median over interleaved pairs of
//! hyp-api's time ÷ the baseline's, see [`row`]). The inputs are the spec's own examples, rows repeated to scale:
//!
//! - CreditGuard `inquireTransactions` answer, 1,000 rows: `wire::decode_answer_in` vs a raw
//!   quick-xml event loop;
//! - Hyper ERP refund-queue answer, 1,000 rows: `wire::decode_answer_in` vs serde_json into a
//!   typed struct with `f64` money;
//! - Hyp Pay soft token charge answer (windows-1255 bytes): the client's charset decoding and
//!   `wire::decode_answer_in` vs `form_urlencoded::parse` into owned pairs;
//! - one Hyper ERP deposit through the client on loopback vs a raw reqwest POST of the same
//!   body and serde_json decode of the same answer.
//!
//! `cargo bench -p hyp-api -- --test` (and CI's `cargo bench --no-run`) only check it runs.

use std::cell::RefCell;
use std::hint::black_box;
use std::path::Path;
use std::rc::Rc;
use std::time::{Duration, Instant};

use criterion::{Bencher, Criterion, criterion_group, criterion_main};
use hyp_api::wire::{self, WINDOWS_1255};
use hyp_api::{Endpoint, FromNode, ToNode, creditguard, hyper_erp, pay};
use hyp_codegen::model::Api;

/// Seconds per iteration, one entry per criterion sample.
type Samples = Rc<RefCell<Vec<f64>>>;

/// A function to time, recording each sample's time per iteration into `samples`.
fn timed<T>(samples: &Samples, mut f: impl FnMut() -> T) -> impl FnMut(&mut Bencher) {
    let samples = samples.clone();
    move |b: &mut Bencher| {
        b.iter_custom(|iters| {
            let start = Instant::now();
            for _ in 0..iters {
                black_box(f());
            }
            let took = start.elapsed();
            samples
                .borrow_mut()
                .push(took.as_secs_f64() / iters.max(1) as f64);
            took
        })
    }
}

/// Times `ours` and `baseline` as one criterion group (its report gives each one's time), then
/// prints the ratio measured in interleaved pairs: each pair runs `ours` and then `baseline`
/// for the same number of iterations, back to back, so both see the same load on a busy machine
/// (criterion runs all of one function's samples before the other's). The ratio is the median
/// over the pairs of hyp-api's time ÷ the baseline's; beside it, the ratio of each side's
/// fastest pair time (the least disturbed estimate). Where all the work is on this thread
/// (`on_thread`), also the median ratio of the pairs' thread CPU time (see [`thread_cpu_time`]).
fn row<A, B>(
    c: &mut Criterion,
    (name, on_thread): (&str, bool),
    sample_size: usize,
    mut ours: impl FnMut() -> A,
    mut baseline: impl FnMut() -> B,
) {
    let (a, b): (Samples, Samples) = Default::default();
    let mut group = c.benchmark_group(name);
    group
        .sample_size(sample_size)
        .measurement_time(Duration::from_secs(4));
    group.bench_function("hyp-api", timed(&a, &mut ours));
    group.bench_function("baseline", timed(&b, &mut baseline));
    group.finish();
    if a.borrow().len() < sample_size {
        println!("RATIO {name}: not measured (test mode runs each function once)");
        return;
    }
    let time = |f: &mut dyn FnMut(), iters: u64| {
        let (start, cpu) = (Instant::now(), thread_cpu_time());
        for _ in 0..iters {
            f();
        }
        let per = |t: f64| t / iters as f64;
        Pair {
            wall: per(start.elapsed().as_secs_f64()),
            cpu: per(thread_cpu_time() - cpu),
        }
    };
    let mut ours = move || drop(black_box(ours()));
    let mut baseline = move || drop(black_box(baseline()));
    // Enough iterations for ~5 ms of baseline per side of a pair.
    let once = time(&mut baseline, 3).wall;
    let iters = ((5e-3 / once) as u64).clamp(1, 1_000_000);
    let pairs: Vec<(Pair, Pair)> = (0..PAIRS)
        .map(|_| (time(&mut ours, iters), time(&mut baseline, iters)))
        .collect();
    let median = |side: fn(&Pair) -> f64| {
        let mut p: Vec<(f64, f64)> = pairs.iter().map(|(a, b)| (side(a), side(b))).collect();
        p.sort_by(|x, y| (x.0 / x.1).total_cmp(&(y.0 / y.1)));
        p[p.len() / 2]
    };
    let (ma, mb) = median(|p| p.wall);
    let (ca, cb) = median(|p| p.cpu);
    let fastest = |side: fn(&(Pair, Pair)) -> f64| pairs.iter().map(side).fold(f64::MAX, f64::min);
    let (fa, fb) = (fastest(|p| p.0.wall), fastest(|p| p.1.wall));
    let cpu = if on_thread {
        format!(
            "; thread CPU time: {:.2}x, median pair {:.3} µs / {:.3} µs",
            ca / cb,
            ca * 1e6,
            cb * 1e6
        )
    } else {
        String::new()
    };
    println!(
        "RATIO {name}: {:.2}x (median pair: hyp-api {:.3} µs, baseline {:.3} µs; fastest of each: \
         {:.2}x; {PAIRS} pairs of {iters} iterations{cpu})",
        ma / mb,
        ma * 1e6,
        mb * 1e6,
        fa / fb,
    );
}

/// One side of a pair: seconds per iteration, wall clock and CPU time of this thread.
struct Pair {
    wall: f64,
    cpu: f64,
}

/// Seconds of CPU time this thread has used: unlike the wall clock, it does not count the
/// time the thread waited for a core other processes held (the machine may be shared). It
/// counts only this thread, so only rows whose work is all on it read it (not the call).
fn thread_cpu_time() -> f64 {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid, writable timespec; the clock id is a constant the OS defines.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    assert_eq!(ok, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID)");
    t.tv_sec as f64 + t.tv_nsec as f64 * 1e-9
}

/// How many interleaved pairs a ratio is the median of.
const PAIRS: usize = 41;

fn spec(api: &str) -> Api {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../spec")
        .join(api);
    hyp_codegen::load_one(&dir).unwrap_or_else(|d| panic!("spec/{api} does not load:\n{d}"))
}

/// The fixed body of example `name` of endpoint `E`.
fn example<E: Endpoint>(api: &Api, name: &str) -> String {
    api.endpoints
        .iter()
        .find(|e| e.wire == E::WIRE)
        .and_then(|e| e.examples.iter().find(|x| x.name == name))
        .unwrap_or_else(|| panic!("no example `{name}` of `{}`", E::WIRE))
        .fixed_body()
}

/// `body` with the items between `open` and `close` (its first occurrences) repeated, in turn,
/// to `rows` items joined by `sep`; `split` tells where one item ends within them.
fn scaled(
    body: &str,
    (open, close, sep): (&str, &str, &str),
    rows: usize,
    split: fn(&str) -> Vec<&str>,
) -> String {
    let start = body.find(open).expect("list opens") + open.len();
    let end = start + body[start..].find(close).expect("list closes");
    let items = split(&body[start..end]);
    assert!(!items.is_empty(), "the example's list is empty");
    let repeated: Vec<&str> = items.iter().copied().cycle().take(rows).collect();
    format!("{}{}{}", &body[..start], repeated.join(sep), &body[end..])
}

fn creditguard_rows(c: &mut Criterion) {
    use creditguard::InquireTransactions;
    let api = spec("creditguard");
    let body = scaled(
        &example::<InquireTransactions>(&api, "response-three-transactions"),
        ("<transactions>", "</transactions>", ""),
        1_000,
        |list| {
            list.split_inclusive("</transaction>")
                .filter(|t| t.contains("<transaction>"))
                .collect()
        },
    );
    let output =
        wire::decode_answer_in::<InquireTransactions>(200, &body, &[], (wire::UTF_8, None))
            .expect("the scaled example decodes");
    assert_eq!(output.transactions.len(), 1_000);
    let name = format!(
        "creditguard inquireTransactions 1,000 rows ({} KB)",
        body.len() / 1024
    );
    row(
        c,
        (&name, true),
        10,
        || wire::decode_answer_in::<InquireTransactions>(200, &body, &[], (wire::UTF_8, None)),
        || {
            let mut reader = quick_xml::Reader::from_str(&body);
            let mut events = 0usize;
            loop {
                match reader.read_event().expect("XML") {
                    quick_xml::events::Event::Eof => break events,
                    e => {
                        black_box(e);
                        events += 1;
                    }
                }
            }
        },
    );
}

/// The baseline's typed answer: what a hand-written serde client would declare.
#[allow(non_snake_case, dead_code)]
#[derive(serde::Deserialize)]
struct QueueAnswer {
    ResponseCode: i64,
    ResponseMsgEng: String,
    Queue: Vec<QueueRow>,
}

#[allow(non_snake_case, dead_code)]
#[derive(serde::Deserialize)]
struct QueueRow {
    RefundNumber: i64,
    RowIndex: i64,
    RefundMethod: i64,
    PaymentDate: String,
    TotalAmount: f64,
    Currency: String,
    BankCode: String,
    BranchSwift: String,
    Account: String,
    BankTransferPaymentFormat: i64,
    RegRefundToCountry: String,
    RegBankName: String,
    RegBankAddress: String,
    RegAccountOwnerAsContactPerson: String,
    FromInternalAccount: i64,
    FromInternalAccountName: String,
}

fn hyper_rows(c: &mut Criterion) {
    use hyper_erp::QueryRefundQueue;
    let api = spec("hyper-erp");
    let body = scaled(
        &example::<QueryRefundQueue>(&api, "response-queue"),
        ("\"Queue\":[", "\n  ]", ","),
        1_000,
        |list| vec![list.trim()],
    );
    let output = wire::decode_answer::<QueryRefundQueue>(200, &body, &[])
        .expect("the scaled example decodes");
    assert_eq!(output.queue.len(), 1_000);
    let base: QueueAnswer = serde_json::from_str(&body).expect("baseline decodes");
    assert_eq!(base.Queue.len(), 1_000);
    let name = format!("hyper refund queue 1,000 rows ({} KB)", body.len() / 1024);
    row(
        c,
        (&name, true),
        20,
        || wire::decode_answer::<QueryRefundQueue>(200, &body, &[]),
        || serde_json::from_str::<QueueAnswer>(&body),
    );
}

fn pay_soft_charge(c: &mut Criterion) {
    use pay::ChargeToken;
    let api = spec("pay");
    let text = example::<ChargeToken>(&api, "response-charged");
    let (bytes, _, _) = WINDOWS_1255.encode(&text);
    let bytes = bytes.into_owned();
    let ours = || {
        let text = WINDOWS_1255.decode(&bytes).0;
        wire::decode_answer_in::<ChargeToken>(200, &text, &[], (WINDOWS_1255, None))
    };
    ours().expect("the example decodes");
    let name = format!("pay soft charge answer ({} B, windows-1255)", bytes.len());
    row(c, (&name, true), 50, ours, || {
        form_urlencoded::parse(&bytes)
            .into_owned()
            .collect::<Vec<(String, String)>>()
    });
}

/// The baseline's typed deposit answer.
#[allow(non_snake_case, dead_code)]
#[derive(serde::Deserialize)]
struct DepositAnswer {
    ResponseCode: i64,
    ResponseMsgEng: String,
    Receipt_Num: i64,
}

fn one_call(c: &mut Criterion) {
    use hyper_erp::{Client, DepositFiat, DepositFiatRequest};
    let api = spec("hyper-erp");
    let request_text = example::<DepositFiat>(&api, "request");
    let answer = example::<DepositFiat>(&api, "response-created");
    let request = DepositFiatRequest::from_node(&wire::parse_json(&request_text).expect("JSON"))
        .expect("the request example decodes");
    let body = wire::to_json(&request.to_node()).expect("encodes");
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let url = rt.block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        let app = axum::Router::new().fallback(move || {
            let answer = answer.clone();
            async move {
                (
                    [("content-type", "application/json; charset=utf-8")],
                    answer,
                )
            }
        });
        tokio::spawn(async move { axum::serve(listener, app).await });
        format!("http://{addr}")
    });
    let http = reqwest::Client::new();
    let client = Client::builder(url.clone(), "bench-token".to_string().into())
        .http_client(http.clone())
        .build()
        .expect("client");
    rt.block_on(client.deposit_fiat(&request))
        .expect("the call succeeds");
    let target = format!("{url}/{}", DepositFiat::WIRE);
    let raw = || {
        rt.block_on(async {
            let bytes = http
                .post(&target)
                .bearer_auth("bench-token")
                .header("content-type", "application/json")
                .body(body.clone())
                .send()
                .await
                .expect("sent")
                .bytes()
                .await
                .expect("answer");
            serde_json::from_slice::<DepositAnswer>(&bytes).expect("decodes")
        })
    };
    row(
        c,
        ("one client call, loopback (hyper deposit)", false),
        50,
        || rt.block_on(client.deposit_fiat(&request)),
        raw,
    );
}

criterion_group!(
    benches,
    creditguard_rows,
    hyper_rows,
    pay_soft_charge,
    one_call
);
criterion_main!(benches);
