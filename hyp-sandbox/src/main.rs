//! `hyp-sandbox`: the sandbox as a server you run beside your tests.

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use clap::{CommandFactory, FromArgMatches, Parser};

/// A local, stateful stand-in for the Hyper ERP, MT5 Manager, CreditGuard and Hyp Pay APIs,
/// generated from hyp-api's spec. Nothing leaves the machine.
///
/// Point your tests at it by giving each client its base URL, e.g. with port 8080:
///
///   hyper_erp::Client::builder("http://127.0.0.1:8080/hyper-erp", token)
///   mt5_manager::Client::builder("http://127.0.0.1:8080/mt5-manager", key)
///   creditguard::Client::builder("http://127.0.0.1:8080/creditguard", user, password)
///   pay::Client::builder("http://127.0.0.1:8080/pay")
///
/// (in Rust tests, `hyp_sandbox::Sandbox::start()` runs the same server in process on a free
/// port: `sandbox.base_url("pay")`). Each API accepts its configured credentials only (the
/// defaults are listed below; `--credential` changes one); others get the vendor's own
/// authentication error (Hyper 99 or 6, MT5 401 or 403, Hyp Pay CCode 902, CreditGuard 400).
///
/// Faults: send the header `x-hyp-sandbox-fault` with one of `delay=<ms>`, `http-500`,
/// `html-page`, `truncated-body`, `drop-connection`, `vendor-timeout`, `code=<n>`, `panic`,
/// optionally followed by `;applied` or `;not-applied` (whether the call takes effect before
/// the fault). A fault the spec cannot play for the endpoint (a vendor timeout it declares none
/// for, a code missing from the API's table) answers HTTP 400 naming the reason, and the call
/// is not applied.
///
/// A panic in the sandbox's handling of one request (the `panic` fault plays one) is logged
/// and answered in the API's system-error form (Hyper code 4, MT5 503, CreditGuard `result`
/// 500, Hyp Pay an HTML page); the sandbox serves on.
#[derive(Parser)]
#[command(name = "hyp-sandbox", version, verbatim_doc_comment)]
struct Args {
    /// The port to listen on (0: any free port).
    #[arg(long, default_value_t = 8080)]
    port: u16,
    /// The address to listen on. Keep it on loopback: the default credentials are public.
    #[arg(long, default_value = "127.0.0.1")]
    host: IpAddr,
    /// A credential's value, `API:NAME=VALUE` (e.g. `hyper-erp:token=abc`); repeatable.
    #[arg(long = "credential", value_name = "API:NAME=VALUE", value_parser = credential)]
    credentials: Vec<(String, String, String)>,
    /// Seconds a client may take to send a request's headers; a connection still short of
    /// them is then closed (slow clients cannot hold connections).
    #[arg(long, value_name = "SECS", default_value_t = 10)]
    header_read_timeout: u64,
    /// Seconds a request's body may wait between two chunks; a body that stalls longer is
    /// refused with HTTP 408.
    #[arg(long, value_name = "SECS", default_value_t = 10)]
    body_read_timeout: u64,
    /// Where an API's payment pages send the customer after a payment (the terminal's success
    /// URL), `API=URL` (e.g. `pay=http://127.0.0.1:3000/paid`); repeatable. Default:
    /// http://127.0.0.1/merchant/success. A page whose request names its own URL
    /// (CreditGuard `successUrl`) still goes there.
    #[arg(long = "success-url", value_name = "API=URL", value_parser = api_url)]
    success_urls: Vec<(String, String)>,
    /// Where an API's payment pages send the customer after a declined payment (the
    /// terminal's failure URL), `API=URL`; repeatable. Default:
    /// http://127.0.0.1/merchant/failure. A page whose request names its own URL (CreditGuard
    /// `errorUrl`) still goes there.
    #[arg(long = "failure-url", value_name = "API=URL", value_parser = api_url)]
    failure_urls: Vec<(String, String)>,
    /// The largest request body accepted, in bytes; a larger one is refused with HTTP 413.
    #[arg(long, value_name = "BYTES", default_value_t = 1024 * 1024)]
    body_limit: usize,
}

/// `API:NAME=VALUE` → its three parts.
fn credential(s: &str) -> Result<(String, String, String), String> {
    let (api, rest) = s
        .split_once(':')
        .ok_or("expected API:NAME=VALUE (no `:`)")?;
    let (name, value) = rest
        .split_once('=')
        .ok_or("expected API:NAME=VALUE (no `=`)")?;
    Ok((api.to_string(), name.to_string(), value.to_string()))
}

/// `API=URL` → its two parts.
fn api_url(s: &str) -> Result<(String, String), String> {
    let (api, url) = s.split_once('=').ok_or("expected API=URL (no `=`)")?;
    Ok((api.to_string(), url.to_string()))
}

/// The default credentials, for `--help`.
fn defaults() -> String {
    let mut out = String::from("Default credentials (API:NAME=VALUE):\n");
    for (api, name, value, doc) in hyp_sandbox::Sandbox::default_credentials() {
        out.push_str(&format!("  {api}:{name}={value}\n      {doc}\n"));
    }
    out
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    tracing_subscriber::fmt::init();
    let matches = Args::command().after_help(defaults()).get_matches();
    let args = Args::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    let mut builder = hyp_sandbox::Sandbox::builder()
        .addr(SocketAddr::new(args.host, args.port))
        .header_read_timeout(Duration::from_secs(args.header_read_timeout))
        .body_read_timeout(Duration::from_secs(args.body_read_timeout))
        .body_limit(args.body_limit);
    for (api, name, value) in &args.credentials {
        builder = builder.credential(api, name, value);
    }
    for (api, url) in &args.success_urls {
        builder = builder.success_url(api, url);
    }
    for (api, url) in &args.failure_urls {
        builder = builder.failure_url(api, url);
    }
    let sandbox = builder.start().await?;
    println!("hyp-sandbox listening on http://{}", sandbox.addr());
    for api in sandbox.apis() {
        println!("  {api:<12} {}", sandbox.base_url(api));
    }
    println!("Ctrl-C stops it.");
    tokio::signal::ctrl_c().await?;
    Ok(())
}
