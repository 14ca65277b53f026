//! Documented alternative spellings of a wire name (the spec's `aliases:`), for the tree
//! decoder: the one-pass decoders match them directly.

use crate::runtime::node::Node;

/// `node` with each key spelled as an alias renamed to its wire name (`(alias, wire)` pairs),
/// unless the wire name is there too (then the wire name's value is the one read, and the
/// alias's entry is left for `unknown_fields`). Anything but a map is returned as is.
pub fn with_aliases(node: &Node, aliases: &[(&str, &str)]) -> Node {
    let Node::Map(entries) = node else {
        return node.clone();
    };
    let has = |name: &str| entries.iter().any(|(k, _)| k == name);
    Node::Map(
        entries
            .iter()
            .map(|(k, v)| {
                let wire = aliases
                    .iter()
                    .find(|(alias, wire)| k == alias && !has(wire))
                    .map(|(_, wire)| (*wire).to_string());
                (wire.unwrap_or_else(|| k.clone()), v.clone())
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(pairs: &[(&str, i64)]) -> Node {
        Node::Map(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), Node::Num(v.to_string())))
                .collect(),
        )
    }

    #[test]
    fn an_alias_is_read_under_its_wire_name() {
        let got = with_aliases(
            &map(&[("Account Login", 7), ("X", 1)]),
            &[("Account Login", "AccountLogin")],
        );
        assert_eq!(got, map(&[("AccountLogin", 7), ("X", 1)]));
    }

    #[test]
    fn the_wire_name_wins_over_an_alias() {
        let node = map(&[("Account Login", 7), ("AccountLogin", 8)]);
        assert_eq!(
            with_aliases(&node, &[("Account Login", "AccountLogin")]),
            node
        );
    }
}
