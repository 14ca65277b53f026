//! The HTML a payment page answers: the form a browser submits, and the short pages for a
//! page that cannot be used (unknown, changed, used).

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

fn escape(s: &str) -> String {
    quick_xml::escape::escape(s).into_owned()
}

/// A page saying why the payment page cannot be used.
pub fn html(status: StatusCode, message: &str) -> Response {
    let body = format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Payment page</title></head>\
         <body><p>{}</p></body></html>",
        escape(message)
    );
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response()
}

/// The page: a form a browser submits, posting back to the page's own URL.
pub fn form(action: &str) -> Response {
    let body = format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Payment page</title></head><body>\
         <form method=\"post\" action=\"{}\">\
         <label>Card number <input name=\"cardNumber\" autocomplete=\"cc-number\"></label>\
         <label>Month (MM) <input name=\"expMonth\" size=\"2\"></label>\
         <label>Year (YY) <input name=\"expYear\" size=\"2\"></label>\
         <button type=\"submit\" name=\"outcome\" value=\"pay\">Pay</button>\
         <button type=\"submit\" name=\"outcome\" value=\"decline\">Decline</button>\
         </form></body></html>",
        escape(action)
    );
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response()
}
