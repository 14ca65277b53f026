//! Conformance: the sandbox's raw answers against the vendor docs' answer examples, by
//! structure (tests/common/shape.rs), never through hyp-api's decoders.

mod common;
#[path = "conformance/comparator.rs"]
mod comparator;
