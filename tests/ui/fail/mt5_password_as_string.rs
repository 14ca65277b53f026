// The new password is a secret: a plain `String` (or `&str`) is not accepted where the
// `SecretString` is expected, so the password cannot end up in a field `Debug` would print.

use hyp_api::mt5_manager::{PasswordType, RotatePasswordRequest, RotatePasswordRequired};

fn main() {
    let _req = RotatePasswordRequest::new(RotatePasswordRequired {
        login: 128001.into(),
        operator_id: "backoffice-reporting".into(),
        password_type: PasswordType::Main,
        password: "Tr4d1ng-Pa55!".to_string(),
    });
}
