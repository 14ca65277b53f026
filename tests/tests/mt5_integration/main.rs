//! MT5 Manager through the real client against a loopback server:
//! - every endpoint of spec/mt5-manager (iterated from the spec, so a new endpoint fails until
//!   it gets a typed call here) × every status of the code table plus an undocumented one: the
//!   endpoint's outcomes are `Ok` with the right variant, every other status is a typed
//!   `Error::Api` (503 retryable, 418 kept as `Unknown(418)`);
//! - idempotency: a mutation carries an `x-request-id` (the caller's, or a UUID made once per
//!   call) that is the same on every retry; a 409 after a retry the server had already applied
//!   is `AlreadyApplied`, not a failure; reads are retried without a key;
//! - invalid requests are never sent; raw answers are kept as received; query and path
//!   parameters; secrets echoed by the server are scrubbed.

#[path = "../mt5_common/mod.rs"]
mod mt5_common;

mod idempotency;
mod regressions;
mod requests;
mod routes;
mod statuses;
