//! A bad spec gives an error naming the file, the line and column, and what to do; it never
//! panics. One test per kind of mistake, each on a small spec folder written to a fresh temp dir,
//! plus a sweep of mechanical mutations of the real `spec/hyper-erp` and a determinism check of
//! the generator's output.
//!
//! Expected places are computed from the fixture text (the position of a marker string), never
//! written as numbers.

#[allow(dead_code)]
#[path = "../support/mod.rs"]
mod support;

mod real_spec;
mod sandbox;
mod structure;
mod types;
mod yaml;
