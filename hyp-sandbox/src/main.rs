//! `hyp-sandbox`: the sandbox as a server you run beside your tests.

use std::net::{IpAddr, SocketAddr};

use clap::Parser;

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
/// port: `sandbox.base_url("pay")`). Any credentials are accepted.
///
/// Faults: send the header `x-hyp-sandbox-fault` with one of `delay=<ms>`, `http-500`,
/// `html-page`, `truncated-body`, `drop-connection`, `vendor-timeout`, `code=<n>`, optionally
/// followed by `;applied` or `;not-applied` (whether the call takes effect before the fault).
/// A fault the spec cannot play for the endpoint (a vendor timeout it declares none for, a code
/// missing from the API's table) answers HTTP 400 naming the reason, and the call is not applied.
#[derive(Parser)]
#[command(name = "hyp-sandbox", version, verbatim_doc_comment)]
struct Args {
    /// The port to listen on (0: any free port).
    #[arg(long, default_value_t = 8080)]
    port: u16,
    /// The address to listen on. Keep it on loopback: the sandbox accepts any credentials.
    #[arg(long, default_value = "127.0.0.1")]
    host: IpAddr,
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    tracing_subscriber::fmt::init();
    let args = Args::parse();
    let sandbox = hyp_sandbox::Sandbox::start_on(SocketAddr::new(args.host, args.port)).await?;
    println!("hyp-sandbox listening on http://{}", sandbox.addr());
    for api in sandbox.apis() {
        println!("  {api:<12} {}", sandbox.base_url(api));
    }
    println!("Ctrl-C stops it.");
    tokio::signal::ctrl_c().await?;
    Ok(())
}
