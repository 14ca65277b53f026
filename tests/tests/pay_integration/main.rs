//! Hyp Pay through the real client against a loopback server (route `GET /p/`):
//! - every scenario of spec/pay (iterated from the spec, so a new scenario fails until it gets
//!   a typed call in `pay_common::call`): its documented success answer is `Ok`, its documented
//!   failure answer a typed `Error::Api`;
//! - an HTML answer is `Error::VendorPage` with the page kept;
//! - charsets: windows-1255 answers (percent-escaped and raw bytes) decode to Hebrew, and with
//!   `UTF8out=True` UTF-8 answers do;
//! - booleans travel as `True`/`False`;
//! - secrets (`PassP`, `KEY`, `zPass`, the card token) never reach a `Debug`, a `Display`, an
//!   error's text or the tracing output, for every scenario and every way a call ends;
//! - local validation refuses a bad request, naming the wire path, and sends nothing.

#[path = "../pay_common/mod.rs"]
mod pay_common;

mod charsets;
mod scenarios;
mod secrets;
mod shared;
mod validation;
