// The access token is a secret: `Client::builder` rejects a plain `String` where the
// `SecretString` bearer token is expected.

use hyp_api::hyper_erp::Client;

fn main() {
    let _client = Client::builder("https://x", "token".to_string()).build();
}
