//! The contract between generated endpoint types and the runtime.

use std::time::Duration;

use crate::runtime::codec::Wire;
use crate::runtime::error::ResultCode;
use crate::runtime::node::{DecodeError, Node};
use crate::runtime::validate::Validate;

/// How an API's requests travel (from the spec's `service.transport.kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TransportKind {
    /// A JSON body POSTed to `{base_url}/{path}`; answers are JSON with a code envelope.
    JsonPost,
}

/// Where an API's answers carry their code and message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EnvelopeSpec {
    pub code: &'static str,
    pub message: &'static str,
}

/// One vendor function, as the spec describes it. Implemented by generated marker types.
pub trait Endpoint {
    type Request: Validate + Wire + Send + Sync;
    /// What a successful call returns: the response, or an enum of the documented outcomes.
    type Output: Send;
    type Code: ResultCode;

    const SERVICE: &'static str;
    /// The vendor's name for the function.
    const WIRE: &'static str;
    /// The URL path under the base URL.
    const PATH: &'static str;
    const TRANSPORT: TransportKind;
    const ENVELOPE: EnvelopeSpec;
    /// The call creates, moves or reverses money.
    const MOVES_MONEY: bool;
    /// The call only reads: retrying it is always safe.
    const READ_ONLY: bool;
    /// Client-side timeout: the vendor's documented wait plus a margin.
    const TIMEOUT: Duration;

    /// The request's idempotency key, if the endpoint has one and the request carries it.
    fn idempotency_key(request: &Self::Request) -> Option<&str>;
    /// The secret values in the request, to be scrubbed from anything kept for diagnostics.
    fn secrets(request: &Self::Request) -> Vec<&str>;
    /// The code's meaning on this endpoint.
    fn code(value: i64) -> Self::Code;
    /// The output for a code that is an outcome of this endpoint, `None` for an error code.
    fn decode(code: i64, body: &Node) -> Result<Option<Self::Output>, DecodeError>;
}
