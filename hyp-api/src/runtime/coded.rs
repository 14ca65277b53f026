//! [`Coded`]: an XML element that carries a `code` attribute and a text
//! (`<cardType code="99">Foreign</cardType>`), decoded to both.

use crate::runtime::codec::ToNode;
use crate::runtime::node::Node;

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

impl ToNode for Coded {
    #[inline]
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tree_form_has_the_attribute_and_the_text_present() {
        let c = Coded {
            code: Some("99".into()),
            text: Some("Foreign".into()),
        };
        assert_eq!(
            c.to_node(),
            Node::Map(vec![
                ("@code".into(), Node::Str("99".into())),
                ("#text".into(), Node::Str("Foreign".into())),
            ])
        );
        let empty = Coded::default();
        assert!(empty.is_empty());
        assert_eq!(empty.to_node(), Node::Map(Vec::new()));
    }
}
