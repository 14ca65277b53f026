// The CreditGuard API password is a secret (and the key of the redirect's responseMac): a plain
// `String` is not accepted where the `SecretString` is expected, so it cannot end up in a field
// `Debug` would print.

use hyp_api::creditguard::Client;

fn main() {
    let _builder = Client::builder("https://cguat2.creditguard.co.il", "user", "pw".to_string());
}
