//! The main job: a realistic back-office day against every API in spec/, each against a
//! server started in this process on loopback that answers as the vendor documents. Every
//! result is printed as the typed value a caller gets.
//!
//!     cargo run -p hyp-api-tests --example back_office_day

mod creditguard;
mod hyper_erp;
mod mt5_manager;
mod pay;

use hyp_api::SecretString;
use hyp_api_tests::mock::MockServer;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let server = MockServer::start().await;
    hyper_erp::run(&server).await?;
    mt5_manager::run(&server).await?;
    creditguard::run(&server).await?;
    pay::run(&server).await?;
    Ok(())
}

fn secret(s: &str) -> SecretString {
    SecretString::from(s.to_string())
}

fn section(title: &str) {
    println!("\n-- {title}");
}
