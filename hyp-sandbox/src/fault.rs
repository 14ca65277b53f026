//! Faults a test injects, per endpoint (`Sandbox::inject`) or per request (the
//! `x-hyp-sandbox-fault` header): the network's failures and the vendors' own.

use std::str::FromStr;
use std::time::Duration;

/// What goes wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum FaultKind {
    /// The answer comes this late (past the client's timeout, as a test chooses it).
    Delay(Duration),
    /// HTTP 500 with a plain-text body, from "a proxy", not the vendor's envelope.
    Http500,
    /// An HTML error page (HTTP 200) where the API's wire format was expected.
    HtmlPage,
    /// The answer's first half only.
    TruncatedBody,
    /// The connection closes before an answer is read.
    DropConnection,
    /// The vendor's own "did not answer in time" answer for the endpoint, as the spec's
    /// `sandbox.timeouts` declares it (Hyper code 5, card clearing's `Result Code` 997).
    VendorTimeout,
    /// This code of the API's table, in the API's wire format.
    Code(i64),
    /// The sandbox's own handling of the call panics (a stand-in for a sandbox bug): the
    /// sandbox answers the API's system-error form (`sandbox.system_error` in the spec), logs
    /// the panic, and serves on.
    Panic,
}

/// A fault and whether the call is applied (its effects happen) before it strikes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fault {
    pub kind: FaultKind,
    /// The call takes effect although the client never sees its answer: the case a retry
    /// must not apply twice. Defaults: applied for a delay, a truncated body, a dropped
    /// connection and a vendor timeout; not applied for HTTP 500, an HTML page and a code.
    pub applied: bool,
}

impl Fault {
    pub fn new(kind: FaultKind) -> Self {
        let applied = matches!(
            kind,
            FaultKind::Delay(_)
                | FaultKind::TruncatedBody
                | FaultKind::DropConnection
                | FaultKind::VendorTimeout
        );
        Fault { kind, applied }
    }
    pub fn delay(d: Duration) -> Self {
        Self::new(FaultKind::Delay(d))
    }
    pub fn http_500() -> Self {
        Self::new(FaultKind::Http500)
    }
    pub fn html_page() -> Self {
        Self::new(FaultKind::HtmlPage)
    }
    pub fn truncated_body() -> Self {
        Self::new(FaultKind::TruncatedBody)
    }
    pub fn drop_connection() -> Self {
        Self::new(FaultKind::DropConnection)
    }
    pub fn vendor_timeout() -> Self {
        Self::new(FaultKind::VendorTimeout)
    }
    pub fn code(code: i64) -> Self {
        Self::new(FaultKind::Code(code))
    }
    pub fn panic() -> Self {
        Self::new(FaultKind::Panic)
    }
    /// Whether the call takes effect before the fault strikes.
    pub fn applied(mut self, applied: bool) -> Self {
        self.applied = applied;
        self
    }
}

/// The header a request names its own fault in.
pub const FAULT_HEADER: &str = "x-hyp-sandbox-fault";

/// The header an error answer carries the sandbox's own reason in (which field a validator
/// refused, which route is unknown): the body stays in the vendor's words.
pub const REASON_HEADER: &str = "x-hyp-sandbox-reason";

/// `delay=<ms>`, `http-500`, `html-page`, `truncated-body`, `drop-connection`,
/// `vendor-timeout`, `code=<n>`, `panic`; a `;applied` or `;not-applied` suffix overrides the default.
impl FromStr for Fault {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let (kind, applied) = match s.split_once(';') {
            Some((k, "applied")) => (k, Some(true)),
            Some((k, "not-applied")) => (k, Some(false)),
            Some((_, other)) => return Err(format!("unknown fault option `{other}`")),
            None => (s, None),
        };
        let number = |v: &str| {
            v.parse::<i64>()
                .map_err(|_| format!("`{v}` is not a number"))
        };
        let kind = match kind.split_once('=') {
            Some(("delay", ms)) => {
                FaultKind::Delay(Duration::from_millis(number(ms)?.max(0) as u64))
            }
            Some(("code", c)) => FaultKind::Code(number(c)?),
            None if kind == "http-500" => FaultKind::Http500,
            None if kind == "html-page" => FaultKind::HtmlPage,
            None if kind == "truncated-body" => FaultKind::TruncatedBody,
            None if kind == "drop-connection" => FaultKind::DropConnection,
            None if kind == "vendor-timeout" => FaultKind::VendorTimeout,
            None if kind == "panic" => FaultKind::Panic,
            _ => return Err(format!("unknown fault `{kind}`")),
        };
        let fault = Fault::new(kind);
        Ok(applied.map_or(fault, |a| fault.applied(a)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_header_values_with_their_defaults() {
        assert_eq!("http-500".parse(), Ok(Fault::http_500()));
        assert!(!Fault::http_500().applied);
        assert!("drop-connection".parse::<Fault>().unwrap().applied);
        assert_eq!(
            "delay=1500;not-applied".parse(),
            Ok(Fault::delay(Duration::from_millis(1500)).applied(false))
        );
        assert_eq!("code=5".parse(), Ok(Fault::code(5)));
        assert_eq!("panic".parse(), Ok(Fault::panic()));
        assert!("explode".parse::<Fault>().is_err());
        assert!("code=x".parse::<Fault>().is_err());
    }
}
