//! The CreditGuard vendor doc (vendor-docs 001) as golden vectors:
//! - its payment-page `doDeal` request (after the spec's placeholder fixups): the typed request,
//!   sent by the real client, arrives as the documented form (`user`, `password`, URL-encoded
//!   `int_in`) whose XML equals the doc's, compared as parsed trees;
//! - its `inquireTransactions` answer: every value of the three transactions, the totals and the
//!   envelope, read through the typed API, and cross-checked element by element against the doc;
//! - its `refundDeal` error answer (310): a typed `Error::Api`;
//! - the payment-page redirect's `responseMac` (vendor-notes §4 item 14), against a MAC computed
//!   outside Rust.

#[path = "../creditguard_common/mod.rs"]
mod creditguard_common;

mod deals;
mod inquire;
mod inquire_fields;
mod inquire_rows;
mod response_mac;
