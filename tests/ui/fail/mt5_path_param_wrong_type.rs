// A path parameter has its spec type: the login in `GET /accounts/{login}` is an integer, so
// the text "128001" (as it appears in the URL) is not accepted where the login is expected.

use hyp_api::mt5_manager::{GetAccountRequest, GetAccountRequired};

fn main() {
    let _req = GetAccountRequest::new(GetAccountRequired { login: "128001" });
}
