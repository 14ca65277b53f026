//! Card data as types: a card number ([`Pan`]), a card security code ([`Cvv`]) and a card
//! token ([`CardToken`]). Each keeps its value exactly as it travels on the wire, zeroized on
//! drop (inside a [`SecretString`]), readable only through [`ExposeSecret::expose_secret`], and
//! prints in `Debug` no more than PCI DSS allows a screen to show: a card number's first six
//! and last four digits, nothing of a security code or a token. None implements `Display`.
//! Passwords and API keys are [`SecretString`], whose `Debug` shows nothing.

use std::fmt;

use secrecy::{ExposeSecret, SecretString};

use crate::runtime::codec::{FromNode, ToNode, text};
use crate::runtime::fields::FromText;
use crate::runtime::node::{DecodeError, Node};
use crate::runtime::validate::AsText;

/// What `Debug` prints in place of a hidden value.
const HIDDEN: &str = "[REDACTED]";

macro_rules! sensitive {
    ($(#[$doc:meta])* $name:ident, $debug:path) => {
        $(#[$doc])*
        #[derive(Clone, Default)]
        pub struct $name(SecretString);

        impl $name {
            /// The value, kept exactly as given (it is sent as it is).
            pub fn new(value: impl Into<String>) -> Self {
                $name(SecretString::from(value.into()))
            }
        }

        impl ExposeSecret<str> for $name {
            fn expose_secret(&self) -> &str {
                self.0.expose_secret()
            }
        }

        impl From<String> for $name {
            fn from(value: String) -> Self {
                $name::new(value)
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                $name::new(value)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                debug(f, stringify!($name), &$debug(self.0.expose_secret()))
            }
        }

        /// Sensitive values go on the wire (that is their purpose) and nowhere else.
        impl ToNode for $name {
            fn to_node(&self) -> Node {
                Node::Str(self.0.expose_secret().to_string())
            }
        }

        impl FromNode for $name {
            #[inline]
            fn from_node(node: &Node) -> Result<Self, DecodeError> {
                text(node).map($name::new)
            }
        }

        impl FromText for $name {
            fn from_text(text: &str) -> Result<Self, DecodeError> {
                Ok($name::new(text))
            }
        }

        impl AsText for $name {
            fn as_text(&self) -> &str {
                self.0.expose_secret()
            }
        }
    };
}

sensitive!(
    /// A card number (PAN), or what the vendor accepts in its place (CreditGuard's `CGMPI`).
    /// `Debug` shows a card number of 13 to 19 digits as its first six and last four digits
    /// (`411111******1111`), the most PCI DSS allows on display; anything else not at all.
    Pan,
    masked_pan
);

sensitive!(
    /// A card security code (CVV/CVC). PCI DSS forbids keeping it after authorization:
    /// `Debug` shows nothing of it.
    Cvv,
    hidden
);

sensitive!(
    /// A card token: it charges the card it stands for, so `Debug` shows nothing of it (not
    /// even a fingerprint).
    CardToken,
    hidden
);

impl Pan {
    /// The card number as PCI DSS allows it shown (first six and last four digits, the rest
    /// `*`), or `None` when the value is not a card number of 13 to 19 digits.
    pub fn masked(&self) -> Option<String> {
        let pan = self.0.expose_secret();
        let digits = (13..=19).contains(&pan.len()) && pan.bytes().all(|b| b.is_ascii_digit());
        digits.then(|| {
            let mut shown = String::with_capacity(pan.len());
            shown.push_str(&pan[..6]);
            for _ in 10..pan.len() {
                shown.push('*');
            }
            shown.push_str(&pan[pan.len() - 4..]);
            shown
        })
    }
}

fn masked_pan(pan: &str) -> String {
    Pan::new(pan).masked().unwrap_or_else(|| HIDDEN.to_string())
}

/// `Name(shown)`, the same for every type here (one copy, not one per type).
fn debug(f: &mut fmt::Formatter<'_>, name: &str, shown: &str) -> fmt::Result {
    f.debug_tuple(name).field(&format_args!("{shown}")).finish()
}

fn hidden(_: &str) -> String {
    HIDDEN.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_number_shows_its_first_six_and_last_four_digits_at_most() {
        assert_eq!(
            format!("{:?}", Pan::new("4580000000001234")),
            "Pan(458000******1234)"
        );
        assert_eq!(
            format!("{:?}", Pan::new("4580000000123")),
            "Pan(458000***0123)"
        );
        assert_eq!(
            format!("{:?}", Pan::new("4580000000000001234")),
            "Pan(458000*********1234)"
        );
        for not_a_pan in [
            "CGMPI",
            "458000000012",
            "45800000000000001234",
            "4580 0000 0000 1234",
        ] {
            assert_eq!(format!("{:?}", Pan::new(not_a_pan)), "Pan([REDACTED])");
        }
    }

    #[test]
    fn security_codes_and_tokens_show_nothing() {
        let cvv = Cvv::new("123");
        let token = CardToken::new("0505743578473060772");
        assert_eq!(
            format!("{cvv:?} {token:#?}"),
            "Cvv([REDACTED]) CardToken(\n    [REDACTED],\n)"
        );
        assert_eq!(format!("{:?}", Pan::default()), "Pan([REDACTED])");
    }

    #[test]
    fn values_keep_their_exact_wire_form() {
        for value in ["0042", " 4580000000001234 ", "x&y%2F"] {
            let pan = Pan::from_node(&Node::Str(value.into())).unwrap();
            assert_eq!(pan.expose_secret(), value);
            assert_eq!(pan.to_node(), Node::Str(value.into()));
            assert_eq!(CardToken::from(value).as_text(), value);
        }
        assert_eq!(
            Cvv::from_node(&Node::Num("007".into()))
                .unwrap()
                .expose_secret(),
            "007"
        );
    }
}
