//! # hyp-api
//!
//! Typed, validated bindings for the Hyp payment APIs and the Hyper brokerage back office,
//! generated from the YAML specs in `spec/`. One module per API, each behind a cargo feature:
//!
//! | module | feature | API |
//! |---|---|---|
//! | `hyper_erp` | `hyper-erp` | Hyper ERP/CRM: trading accounts, fiat deposits and withdrawals, balance orders, card clearing, refunds |
//! | `mt5_manager` | `mt5-manager` | MT5 Manager REST: accounts, funding, reports |
//! | `creditguard` | `creditguard` | Hyp CreditGuard XML relay: deals, refunds, cancellations, inquiries |
//! | `pay` | `pay` | Hyp Pay: payment pages, verification, tokens, captures, payouts, refunds, payment links |
//!
//! What every module gives you:
//! - Requests whose required fields are named in one generated `…Required` struct given to
//!   `new` (a missing one does not compile) and whose optional fields have setters; identifiers
//!   that recur across endpoints are their own types, so two of them cannot be swapped. The
//!   spec's constraints are checked before anything is sent, all at once, with wire paths such
//!   as `Items[0].PaymentDate`.
//! - Money as [`Money`] (exact decimal, major units) or [`MinorUnits`] (agorot/cents); never `f64`.
//! - Secrets as [`SecretString`]: never in `Debug`, errors or logs.
//! - Every documented result code as a typed value; results that are not errors (created,
//!   already exists, duplicate) as typed outcomes; everything else as [`Error`], whose kinds
//!   separate invalid requests, transport failures, timeouts (with "outcome unknown" for calls
//!   that change something), vendor errors and undecodable answers.
//! - Retries only where the spec makes them safe (a read, or an idempotency key), per a
//!   configurable [`RetryPolicy`].
#![forbid(unsafe_code)]
// docs.rs (nightly, `--cfg docsrs`) labels each item with the feature that enables it; stable
// builds never see the attribute.
#![cfg_attr(docsrs, feature(doc_cfg))]

// Generated code is formatted by prettyplease at generation time; rustfmt must leave it as
// generated so `cargo xtask codegen --check` compares like with like.
#[rustfmt::skip]
mod generated;
// Every public item of the hand-written runtime is documented.
#[deny(missing_docs)]
mod runtime;

pub use chrono::{NaiveDate, NaiveDateTime};
// Empty when built without any API feature.
#[allow(unused_imports)]
pub use generated::*;
/// The HTTP client hyp-api uses: [`ClientBuilder::http_client`] takes its `Client`, and its
/// errors are the sources of transport errors. Re-exported so you build the client with the
/// same version (`hyp_api::reqwest::Client::builder()`), without a dependency of your own.
pub use reqwest;
pub use runtime::client::Core;
pub use runtime::client_builder::{Auth, ClientBuilder, ConfigError};
pub use runtime::codec::{FromNode, ToNode};
pub use runtime::coded::Coded;
pub use runtime::endpoint::{
    AnswerFormat, Endpoint, EnvelopeSpec, HttpMethod, TransportKind, XmlSpec,
};
pub use runtime::error::{ApiError, Error, VendorCode};
pub use runtime::keyed::Keyed;
#[cfg(feature = "__mac")]
pub use runtime::mac::{MacPart, MacVerdict};
pub use runtime::money::{MinorUnits, Money};
pub use runtime::node::{DecodeError, Node};
pub use runtime::open::Open;
pub use runtime::retry::RetryPolicy;
pub use runtime::sensitive::{CardToken, Cvv, Pan};
pub use runtime::validate::{
    Clock, FixedClock, SystemClock, Validate, ValidationContext, Violation, Violations,
};
pub use rust_decimal::Decimal;
pub use secrecy::{ExposeSecret, SecretString};

/// Wire codecs, exposed for tests and tools that read or write vendor bodies directly.
pub mod wire {
    pub use crate::runtime::answer::{decode_answer, decode_answer_in, redact};
    #[cfg(feature = "__json")]
    pub use crate::runtime::json::{parse as parse_json, to_string as to_json};
    pub use crate::runtime::node::MAX_DEPTH;
    pub use crate::runtime::urlencoded::{encode_query, parse as parse_urlencoded};
    #[cfg(feature = "__xml")]
    pub use crate::runtime::xml::{
        answer_fields as xml_answer_fields, parse as parse_xml, to_string as to_xml,
    };
    /// Charsets for [`decode_answer_in`].
    pub use encoding_rs::{Encoding, ISO_8859_8, UTF_8, WINDOWS_1255};
}

/// Items the generated code uses; not part of the public API.
#[doc(hidden)]
pub mod __private {
    #[cfg(feature = "__sandbox")]
    pub use crate::runtime::aliases::with_aliases;
    pub use crate::runtime::client_builder::FromCore;
    pub use crate::runtime::client_fields::ClientFields;
    pub use crate::runtime::codec;
    pub use crate::runtime::endpoint::{Body, Header, Parts};
    pub use crate::runtime::fields::{self, Failure, FromText};
    #[cfg(feature = "__form")]
    pub use crate::runtime::form_in::{FormFields, FormIn};
    #[cfg(feature = "__json")]
    pub use crate::runtime::json_in::{self, JsonFields};
    #[cfg(feature = "__mac")]
    pub use crate::runtime::mac;
    pub use crate::runtime::map_writer::{MapWriter, WriteFields};
    pub use crate::runtime::names;
    pub use crate::runtime::node::{MapReader, only};
    pub use crate::runtime::one_pass;
    pub use crate::runtime::open::ClosedEnum;
    pub use crate::runtime::pattern::Pattern;
    pub use crate::runtime::validate::{AsMajor, AsText, FieldPath, ItemListRule, check};
    #[cfg(feature = "__xml")]
    pub use crate::runtime::xml_in::{self, XmlFields, XmlIn};
    pub use serde;
}

/// The README's examples, compiled as doc-tests (`rust,ignore` blocks excepted).
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;
