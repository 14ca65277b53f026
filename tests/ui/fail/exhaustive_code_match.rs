// `ResponseCode` is `#[non_exhaustive]`: a `match` without a wildcard arm is rejected (E0004),
// so code written today keeps compiling, and keeps handling the unexpected, when the spec
// documents a new code.

use hyp_api::hyper_erp::ResponseCode;

fn describe(code: ResponseCode) -> &'static str {
    match code {
        ResponseCode::Success => "ok",
        ResponseCode::Duplicate => "already processed",
        ResponseCode::ResourceBusy => "try again later",
        ResponseCode::Unknown(_) => "undocumented code",
    }
}

fn main() {
    let _ = describe(ResponseCode::Success);
}
