//! Where a page's values come from (the spec's `from:`): the issuing request and answer, the
//! form the customer submitted, the deal the payment made, fresh numbers and signatures. The
//! redirect's parameters and the paid page's deal read them alike.

use hyp_api::{Node, SecretString};

use crate::answer::text;
use crate::plan::spec::{Page, ValueFrom};
use crate::served::ServedApi;
use crate::state::{State, is_true};

/// Name/value pairs, in order.
pub type Pairs = Vec<(String, String)>;

/// One submission of a page: what it was issued with and what the form was given.
pub struct Payment<'a> {
    pub id: &'a str,
    pub code: i64,
    pub paid: bool,
    /// The issuing request's fields.
    pub fields: &'a Node,
    /// The issuing answer's fields.
    pub issued: &'a Node,
    pub number: String,
    pub month: String,
    pub year: String,
    pub password: Option<SecretString>,
}

/// Where a value is read from, besides the payment.
pub struct Sources<'a> {
    pub api: &'a ServedApi,
    pub page: &'a Page,
    /// The answer of the deal the paid page made.
    pub deal: Option<&'a Node>,
}

/// The first named field's text in `node`.
fn field_of(node: Option<&Node>, fields: &[String]) -> String {
    let first = fields.first().map(String::as_str).unwrap_or_default();
    node.and_then(|n| n.get(first))
        .and_then(text)
        .unwrap_or_default()
}

/// The value `from` gives, `before` being the redirect's parameters so far (what a
/// signature signs).
pub fn value(
    state: &mut State,
    src: &Sources<'_>,
    pay: &Payment<'_>,
    (from, fields): (ValueFrom, &[String]),
    before: &[(String, String)],
) -> String {
    let frame = src.api.endpoint(&src.page.issued_by);
    let code_text = |c: i64| frame.map_or(c.to_string(), |e| crate::answer::code_text(e, c));
    match from {
        ValueFrom::Request => fields
            .iter()
            .filter_map(|f| pay.fields.get(f).and_then(text))
            .filter(|v| !v.is_empty())
            .collect::<Vec<_>>()
            .join(" "),
        ValueFrom::PageId => pay.id.to_string(),
        ValueFrom::Fresh => state.fresh().to_string(),
        ValueFrom::Code => code_text(pay.code),
        ValueFrom::ErrorCode if pay.paid => String::new(),
        ValueFrom::ErrorCode => code_text(pay.code),
        ValueFrom::CardLast4 => {
            let n = &pay.number;
            n.get(n.len().saturating_sub(4)..)
                .unwrap_or_default()
                .to_string()
        }
        ValueFrom::CardNumber => pay.number.clone(),
        ValueFrom::ExpiryMonth => pay.month.clone(),
        ValueFrom::ExpiryYear => pay.year.clone(),
        ValueFrom::Expiry => format!("{}{}", pay.month, pay.year),
        ValueFrom::Signature => {
            let nonce = state.fresh();
            crate::sign::signature(nonce, before)
        }
        ValueFrom::Mac => match (src.api.redirect_mac, &pay.password) {
            (Some(sign), Some(pw)) => sign(pw, before),
            _ => String::new(),
        },
        ValueFrom::Issued => field_of(Some(pay.issued), fields),
        ValueFrom::Deal => field_of(src.deal, fields),
    }
}

/// The redirect's parameters, in the spec's order.
pub fn redirect(state: &mut State, src: &Sources<'_>, pay: &Payment<'_>) -> Pairs {
    let mut out: Pairs = Vec::new();
    for r in &src.page.redirect {
        if r.when.as_ref().is_some_and(|w| !is_true(pay.fields, w)) {
            continue;
        }
        let value = if r.paid_only && !pay.paid {
            String::new()
        } else {
            value(state, src, pay, (r.from, &r.fields), &out)
        };
        out.push((r.name.clone(), value));
    }
    out
}
