// The new password is a secret: a plain `String` (or `&str`) is not accepted where the
// `SecretString` is expected, so the password cannot end up in a field `Debug` would print.

use hyp_api::mt5_manager::{PasswordType, RotatePasswordRequest};

fn main() {
    let _req = RotatePasswordRequest::new(
        128001,
        "backoffice-reporting",
        PasswordType::Main,
        "Tr4d1ng-Pa55!".to_string(),
    );
}
