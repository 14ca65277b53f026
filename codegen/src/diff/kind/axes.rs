//! The two axes a change is classified on besides its kind: the side data flows on and the
//! constraint that changed.

/// Which way data flows through the changed item: sent by us (request) or received (response).
/// Narrowing what we send and widening what we receive are the risky directions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Side {
    Request,
    Response,
}

impl Side {
    pub const ALL: [Side; 2] = [Side::Request, Side::Response];

    pub const fn ordinal(self) -> usize {
        match self {
            Side::Request => 0,
            Side::Response => 1,
        }
    }

    /// `request` or `response`.
    pub const fn key(self) -> &'static str {
        match self {
            Side::Request => "request",
            Side::Response => "response",
        }
    }
}

/// A field constraint, named as in the spec (`constraints:` keys).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Constraint {
    Gt,
    Ge,
    Le,
    MaxLen,
    MinLen,
    Pattern,
    MinItems,
    MaxItems,
    MaxDecimalPlaces,
    WithinPastDays,
    NotFuture,
    Requires,
    LeField,
    ItemList,
}

impl Constraint {
    pub const ALL: [Constraint; 14] = [
        Constraint::Gt,
        Constraint::Ge,
        Constraint::Le,
        Constraint::MaxLen,
        Constraint::MinLen,
        Constraint::Pattern,
        Constraint::MinItems,
        Constraint::MaxItems,
        Constraint::MaxDecimalPlaces,
        Constraint::WithinPastDays,
        Constraint::NotFuture,
        Constraint::Requires,
        Constraint::LeField,
        Constraint::ItemList,
    ];

    pub const fn ordinal(self) -> usize {
        match self {
            Constraint::Gt => 0,
            Constraint::Ge => 1,
            Constraint::Le => 2,
            Constraint::MaxLen => 3,
            Constraint::MinLen => 4,
            Constraint::Pattern => 5,
            Constraint::MinItems => 6,
            Constraint::MaxItems => 7,
            Constraint::MaxDecimalPlaces => 8,
            Constraint::WithinPastDays => 9,
            Constraint::NotFuture => 10,
            Constraint::Requires => 11,
            Constraint::LeField => 12,
            Constraint::ItemList => 13,
        }
    }

    /// The key under `constraints:` in the spec.
    pub const fn key(self) -> &'static str {
        match self {
            Constraint::Gt => "gt",
            Constraint::Ge => "ge",
            Constraint::Le => "le",
            Constraint::MaxLen => "max_len",
            Constraint::MinLen => "min_len",
            Constraint::Pattern => "pattern",
            Constraint::MinItems => "min_items",
            Constraint::MaxItems => "max_items",
            Constraint::MaxDecimalPlaces => "max_decimal_places",
            Constraint::WithinPastDays => "within_past_days",
            Constraint::NotFuture => "not_future",
            Constraint::Requires => "requires",
            Constraint::LeField => "le_field",
            Constraint::ItemList => "item_list",
        }
    }
}
