//! What the sandbox test files share.

#![allow(dead_code)] // each test file uses its own part

pub mod shape;

use std::time::Duration;

use hyp_api::{RetryPolicy, SecretString};

pub fn secret(s: &str) -> SecretString {
    SecretString::from(s.to_string())
}

/// The default policy's three attempts, without its waits, so retry tests stay quick.
pub fn fast_retries() -> RetryPolicy {
    RetryPolicy {
        max_attempts: 3,
        initial_backoff: Duration::from_millis(10),
        max_backoff: Duration::from_millis(20),
    }
}
