//! Answers the loopback server gives, and what a test reads back from a raw answer.

use hyp_api::Node;
use hyp_api_tests::mock::Reply;

use crate::creditguard_common::{self as c, text};

/// A text entry of a raw answer's body (the envelope's fields and the command element's
/// children).
pub(crate) fn raw(body: &Node, name: &str) -> Option<String> {
    c::find(body, name).map(|n| text(n).to_string())
}

/// The children of the command element in a success answer: a status and one more child
/// (`inquireTransactions` answers rows).
pub(crate) fn success_element(wire: &str) -> &'static str {
    match wire {
        "inquireTransactions" => {
            "<transactions><transaction><status>000</status><cgUid>118664947</cgUid>\
             </transaction></transactions><totals><total>1</total></totals>"
        }
        _ => "<status>000</status><cgUid>118664947</cgUid>",
    }
}

/// An XML answer (`text/xml; charset=UTF-8`) with `status` and `body`.
pub(crate) fn xml_answer(status: u16, body: String) -> Reply {
    Reply::new(status, body).with_content_type("text/xml; charset=UTF-8")
}
