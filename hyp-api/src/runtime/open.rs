//! [`Open`]: a value of a closed request enum as received in an answer, where the vendor may send
//! a value the spec does not list yet.

use crate::runtime::codec::ToNode;
use crate::runtime::node::Node;

/// A documented value, or the raw wire value of one the spec does not list. A new vendor value
/// never fails a decode: match `Known(_)` for the values you handle and treat `Unknown` as
/// "log and escalate".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Open<E> {
    /// A value the spec documents.
    Known(E),
    /// The wire text of an undocumented value.
    Unknown(String),
}

impl<E> Open<E> {
    /// The documented value, if it is one.
    pub fn known(&self) -> Option<&E> {
        match self {
            Open::Known(e) => Some(e),
            Open::Unknown(_) => None,
        }
    }
}

/// Implemented by generated closed enums: decoding that reports an unlisted value as `None`.
pub trait ClosedEnum: ToNode + Sized {
    /// The enum travels as numbers (`repr: int`), so an unknown value is re-sent as a number.
    const NUMERIC: bool;
    /// The documented value this wire text names, if any.
    fn from_wire_text(text: &str) -> Option<Self>;
}

impl<E: ClosedEnum> ToNode for Open<E> {
    fn to_node(&self) -> Node {
        match self {
            Open::Known(e) => e.to_node(),
            Open::Unknown(raw) => crate::runtime::codec::unknown_node(raw, E::NUMERIC),
        }
    }
}
