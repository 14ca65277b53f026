//! Request fields the client supplies: a terminal and its passwords, given once on the
//! builder and filled into each request that does not set them itself.

use secrecy::{ExposeSecret, SecretString};

/// The values a client fills into request fields it supplies, by wire name. Values are kept as
/// secrets (never printed); the generated code takes text or secret from them per field.
#[derive(Clone, Default)]
pub struct ClientFields(Vec<(&'static str, SecretString)>);

impl ClientFields {
    /// Sets (or replaces) the value of the field `wire`.
    pub(crate) fn set(&mut self, wire: &'static str, value: SecretString) {
        match self.0.iter_mut().find(|(w, _)| *w == wire) {
            Some(slot) => slot.1 = value,
            None => self.0.push((wire, value)),
        }
    }

    /// The value of `wire` as text, if the client has one.
    pub fn text(&self, wire: &str) -> Option<String> {
        self.secret(wire).map(|v| v.expose_secret().to_string())
    }

    /// The value of `wire` as a secret, if the client has one.
    pub fn secret(&self, wire: &str) -> Option<SecretString> {
        self.0
            .iter()
            .find(|(w, _)| *w == wire)
            .map(|(_, v)| v.clone())
    }
}

impl std::fmt::Debug for ClientFields {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ClientFields([")?;
        for (i, (w, _)) in self.0.iter().enumerate() {
            let sep = if i == 0 { "" } else { ", " };
            write!(f, "{sep}{w:?}")?;
        }
        f.write_str("]: [REDACTED])")
    }
}
