//! [`Coded`]: an XML element that carries a `code` attribute and a text
//! (`<cardType code="99">Foreign</cardType>`), decoded to both.

use crate::runtime::codec::Wire;
use crate::runtime::node::{DecodeError, Node, kind};

/// The vendor's numeric code and its text, each absent when empty
/// (`<cardType code=""/>` is both absent).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Coded {
    /// The `code` attribute, as sent (`"99"`, `"00"`).
    pub code: Option<String>,
    /// The element's text (`Foreign`).
    pub text: Option<String>,
}

impl Coded {
    /// Both parts absent.
    pub fn is_empty(&self) -> bool {
        self.code.is_none() && self.text.is_none()
    }
}

fn non_empty(node: Option<&Node>) -> Option<String> {
    match node {
        Some(Node::Str(s) | Node::Num(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        _ => None,
    }
}

impl Wire for Coded {
    fn to_node(&self) -> Node {
        let mut entries = Vec::new();
        if let Some(c) = &self.code {
            entries.push(("@code".to_string(), Node::Str(c.clone())));
        }
        if let Some(t) = &self.text {
            entries.push(("#text".to_string(), Node::Str(t.clone())));
        }
        Node::Map(entries)
    }
    fn from_node(node: &Node) -> Result<Self, DecodeError> {
        match node {
            Node::Map(entries) => {
                let get = |k: &str| entries.iter().find(|(n, _)| n == k).map(|(_, v)| v);
                Ok(Coded {
                    code: non_empty(get("@code")),
                    text: non_empty(get("#text")),
                })
            }
            // Text without a code attribute.
            Node::Str(_) | Node::Num(_) => Ok(Coded {
                code: None,
                text: non_empty(Some(node)),
            }),
            other => Err(DecodeError::new(format!(
                "expected an element with a code and a text, found {}",
                kind(other)
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_and_text_each_absent_when_empty() {
        let n = Node::Map(vec![
            ("@code".into(), Node::Str("99".into())),
            ("#text".into(), Node::Str("Foreign".into())),
        ]);
        let c = Coded::from_node(&n).unwrap();
        assert_eq!(
            (c.code.as_deref(), c.text.as_deref()),
            (Some("99"), Some("Foreign"))
        );
        let empty =
            Coded::from_node(&Node::Map(vec![("@code".into(), Node::Str(String::new()))])).unwrap();
        assert!(empty.is_empty());
        assert_eq!(Coded::from_node(&c.to_node()).unwrap(), c);
    }
}
