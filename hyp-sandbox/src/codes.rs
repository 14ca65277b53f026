//! The API's code table as the sandbox answers it: a code's vendor text and its HTTP status,
//! an endpoint's own meaning of a code first.

use hyp_api::TransportKind;

use crate::plan::api::PlanCode;
use crate::served::{Served, ServedApi};

impl ServedApi {
    /// The vendor's text for `code` on endpoint `e` (the endpoint's own meaning where it has
    /// one); empty when the vendor gives none.
    pub fn message(&self, e: &Served, code: i64) -> String {
        self.code_entry(e, code)
            .map(|c| c.message.clone())
            .unwrap_or_default()
    }

    /// The HTTP status the vendor sends with `code` (200 where the table gives none).
    pub fn http_status(&self, e: &Served, code: i64) -> u16 {
        if e.hook.transport == TransportKind::RestJson {
            return u16::try_from(code).unwrap_or(500);
        }
        self.code_entry(e, code)
            .and_then(|c| c.http_status)
            .unwrap_or(200)
    }

    fn code_entry(&self, e: &Served, code: i64) -> Option<&PlanCode> {
        let name = e
            .plan
            .code_overrides
            .iter()
            .find(|(v, _)| *v == code)
            .map(|(_, n)| n.as_str());
        self.plan
            .codes
            .iter()
            .find(|c| c.value == code && name.is_none_or(|n| n == c.name))
    }
}
