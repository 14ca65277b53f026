//! CreditGuard through the real client against a loopback server (route `POST /xpo/Relay`):
//! - every command of spec/creditguard (iterated from the spec, so a new command fails until it
//!   gets a typed call here): a `000` answer is `Ok`; the request on the wire is the form
//!   (`user`, `password`, URL-encoded `int_in`) with version 2000, the language,
//!   `<command>{wire}</command>` and the `<{wire}>` element; an error answer without the command
//!   element is a typed `Error::Api`;
//! - 310 on refundDeal (the doc's own error answer) is `NoMatchingDebitDeal`;
//! - `mayBeDuplicate`: a timed-out doDeal is outcome-unknown and is resent identically; the
//!   envelope rules (`requestId` required with it, at most 20 characters) are checked before
//!   anything is sent; a money-moving command is never retried, a read is;
//! - charsets: an ISO-8859-8 answer (declared in the XML prolog, or only in the Content-Type)
//!   decodes to Hebrew; Hebrew in a request travels as UTF-8;
//! - secrets (the password, the card number) never reach `Debug`, `Display` or a kept body.

#[path = "../creditguard_common/mod.rs"]
mod creditguard_common;

mod answers;
mod charsets;
mod commands;
mod retries;
mod secrets;
