//! Match the items of two lists by identity, whatever their order or file.

/// Items matched between a base list and a new list.
pub(super) struct Pairs<'a, T> {
    /// Same identity in both (in the new list's order).
    pub kept: Vec<(&'a T, &'a T)>,
    /// Only in the new list.
    pub added: Vec<&'a T>,
    /// Only in the base list.
    pub removed: Vec<&'a T>,
    /// Wire identity changed, Rust name kept: (base, new).
    pub rewired: Vec<(&'a T, &'a T)>,
}

/// Matches by `key` (the wire identity).
pub(super) fn by<'a, T, K: PartialEq>(
    old: &'a [T],
    new: &'a [T],
    key: impl Fn(&T) -> K,
) -> Pairs<'a, T> {
    let mut kept = Vec::new();
    let mut added = Vec::new();
    for n in new {
        match old.iter().find(|o| key(o) == key(n)) {
            Some(o) => kept.push((o, n)),
            None => added.push(n),
        }
    }
    let removed = old
        .iter()
        .filter(|o| !new.iter().any(|n| key(n) == key(o)))
        .collect();
    Pairs {
        kept,
        added,
        removed,
        rewired: Vec::new(),
    }
}

/// Matches by `key`, then pairs a removed and an added item with the same `rust` name as one
/// item whose wire identity changed.
pub(super) fn rewired<'a, T, K: PartialEq, R: PartialEq>(
    old: &'a [T],
    new: &'a [T],
    key: impl Fn(&T) -> K,
    rust: impl Fn(&T) -> R,
) -> Pairs<'a, T> {
    let mut p = by(old, new, key);
    let mut added = Vec::new();
    for n in std::mem::take(&mut p.added) {
        match p.removed.iter().position(|o| rust(o) == rust(n)) {
            Some(i) => {
                let o = p.removed.remove(i);
                p.rewired.push((o, n));
            }
            None => added.push(n),
        }
    }
    p.added = added;
    p
}
