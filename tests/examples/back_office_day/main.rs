//! The main job: a realistic back-office day against every API in spec/, each against the
//! embedded sandbox (`hyp_sandbox::Sandbox`), started in this process on loopback: it plays
//! every API as its vendor documents it and keeps state (balances, idempotency keys, holds,
//! payment links, the refund queue), so the day needs no set-up and no scripted answers. Every
//! result is printed as the typed value a caller gets.
//!
//!     cargo run -p hyp-api-tests --example back_office_day

mod creditguard;
mod hyper_erp;
mod mt5_manager;
mod pay;

use hyp_api::SecretString;
use hyp_sandbox::Sandbox;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let sandbox = Sandbox::start().await?;
    hyper_erp::run(&sandbox).await?;
    mt5_manager::run(&sandbox).await?;
    creditguard::run(&sandbox).await?;
    pay::run(&sandbox).await?;
    Ok(())
}

fn secret(s: &str) -> SecretString {
    SecretString::from(s.to_string())
}

fn section(title: &str) {
    println!("\n-- {title}");
}
