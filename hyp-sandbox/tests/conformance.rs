//! Conformance and the "all four APIs" rules: the sandbox's raw answers against the vendor
//! docs' answer examples, by structure (tests/common/shape.rs), never through hyp-api's
//! decoders; faults the spec cannot play; helpers that cannot pass by typo.

#[path = "conformance/accounts.rs"]
mod accounts;
mod common;
#[path = "conformance/comparator.rs"]
mod comparator;
#[path = "conformance/faults.rs"]
mod faults;
#[path = "conformance/flows.rs"]
mod flows;
#[path = "conformance/helpers.rs"]
mod helpers;
#[path = "conformance/messages.rs"]
mod messages;
#[path = "conformance/sweep.rs"]
mod sweep;
#[path = "conformance/unknown.rs"]
mod unknown;
#[path = "conformance/wire.rs"]
mod wire;

/// The Hyper ERP access token the tests send.
const HYPER_TOKEN: &str = "sandbox-access-token";

/// The vendor's deposit request example (vendor-docs 000 § Deposit of Fiat, Request).
const HYPER_DEPOSIT: &str = r#"{"ClientNumber":500155,"API_Password":"eBt5yJD3uc12","Ticket_ID":"{F454E096-D080-40FD-A36B-156F4B999124}","BankEnum":1,"MethodEnum":1,"Currency":"ILS","Amount":3500,"USD_ConvertRate":3.2,"Time_Stamp":"2026-01-21 08:00:00","End_user_IP":"82.81.138.8"}"#;
