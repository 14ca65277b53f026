//! Documented alternative spellings of a wire name (the spec's `aliases:`), for a request read
//! from a tree (`FromNode`, as hyp-sandbox reads what a client sent; answers are read in one
//! pass, whose decoders match aliases directly). One rule everywhere: each spelling is read as
//! the field, the first occurrence of any of its spellings counts, and later ones (either
//! spelling) are skipped, as a repeated field is, not kept among the unknown fields.

use crate::runtime::node::Node;

/// `node` with the first entry spelled as a field's wire name or one of its aliases
/// (`(alias, wire)` pairs) under the wire name, and that field's later spellings left out.
/// Anything but a map is returned as is.
pub fn with_aliases(node: &Node, aliases: &[(&str, &str)]) -> Node {
    let Node::Map(entries) = node else {
        return node.clone();
    };
    // The wire name a key spells, if it is a field with aliases.
    let field = |k: &str| {
        aliases
            .iter()
            .find(|(alias, wire)| k == *alias || k == *wire)
            .map(|(_, wire)| *wire)
    };
    let mut seen: Vec<&str> = Vec::new();
    let mut out = Vec::with_capacity(entries.len());
    for (k, v) in entries {
        match field(k) {
            Some(wire) if seen.contains(&wire) => {}
            Some(wire) => {
                seen.push(wire);
                out.push((wire.to_string(), v.clone()));
            }
            None => out.push((k.clone(), v.clone())),
        }
    }
    Node::Map(out)
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
    fn the_first_spelling_counts_and_later_ones_are_skipped() {
        let aliases = [("Account Login", "AccountLogin")];
        let node = map(&[("Account Login", 7), ("X", 1), ("AccountLogin", 8)]);
        assert_eq!(
            with_aliases(&node, &aliases),
            map(&[("AccountLogin", 7), ("X", 1)])
        );
        let node = map(&[("AccountLogin", 8), ("Account Login", 7)]);
        assert_eq!(with_aliases(&node, &aliases), map(&[("AccountLogin", 8)]));
    }
}
