//! The hand-written runtime: everything generated code relies on. It holds no vendor field
//! name, code or enum value: those are all generated from `spec/`.

pub mod aliases;
pub mod answer;
pub mod charset;
pub mod client;
pub mod client_builder;
pub mod client_fields;
pub mod codec;
pub mod coded;
pub mod details;
pub mod endpoint;
pub mod error;
pub mod exchange;
pub mod fields;
#[cfg(feature = "__form")]
pub mod form_in;
#[cfg(feature = "__json")]
pub mod json;
#[cfg(feature = "__json")]
pub mod json_in;
pub mod keyed;
#[cfg(feature = "__mac")]
pub mod mac;
pub mod money;
pub mod node;
pub mod one_pass;
pub mod open;
pub mod redact;
pub mod retry;
pub mod sensitive;
pub mod urlencoded;
pub mod validate;
#[cfg(feature = "__xml")]
pub mod xml;
#[cfg(feature = "__xml")]
pub mod xml_in;
