//! Request validation: the spec's constraints, checked before anything is sent. Every violation
//! is collected (not only the first), each with the wire path of its field (`Items[0].Currency`).
//! Date rules are checked against an injected [`Clock`], so tests control "today".

use std::fmt;
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use rust_decimal::Decimal;
use secrecy::{ExposeSecret, SecretString};

use crate::runtime::money::{MinorUnits, Money};
use crate::runtime::pattern::Pattern;

pub mod check;

/// Where "now" comes from. The default is the system clock; tests inject a fixed one.
pub trait Clock: Send + Sync + fmt::Debug {
    /// The current time.
    fn now(&self) -> DateTime<Utc>;
}

/// The system clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock stopped at one instant.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub DateTime<Utc>);

impl FixedClock {
    /// A clock stopped at the start (00:00 UTC) of `date`.
    pub fn on(date: NaiveDate) -> Self {
        FixedClock(date.and_time(chrono::NaiveTime::MIN).and_utc())
    }

    /// A clock stopped at `at`, read as UTC.
    pub fn at(at: NaiveDateTime) -> Self {
        FixedClock(at.and_utc())
    }
}

impl From<NaiveDate> for FixedClock {
    fn from(date: NaiveDate) -> Self {
        FixedClock::on(date)
    }
}

impl From<NaiveDateTime> for FixedClock {
    fn from(at: NaiveDateTime) -> Self {
        FixedClock::at(at)
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.0
    }
}

/// What validation may consult.
#[derive(Debug, Clone)]
pub struct ValidationContext {
    clock: Arc<dyn Clock>,
}

impl ValidationContext {
    /// A context judging dates by `clock`.
    pub fn new(clock: Arc<dyn Clock>) -> Self {
        ValidationContext { clock }
    }
    /// The clock's current time.
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }
}

/// One broken rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// Wire path of the field, e.g. `Items[0].RefundMethod`.
    pub path: String,
    /// What the rule requires, e.g. `must be greater than 0.1`.
    pub rule: String,
}

/// All broken rules of one request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Violations(pub Vec<Violation>);

impl Violations {
    /// Whether no rule is broken.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// The paths of the broken fields, in order.
    pub fn paths(&self) -> Vec<&str> {
        let mut paths = Vec::with_capacity(self.0.len());
        for v in &self.0 {
            paths.push(v.path.as_str());
        }
        paths
    }
    fn push(&mut self, path: &FieldPath, rule: String) {
        let mut text = String::new();
        path.write(&mut text);
        self.0.push(Violation { path: text, rule });
    }
}

impl fmt::Display for Violations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, v) in self.0.iter().enumerate() {
            let sep = if i == 0 { "" } else { "; " };
            write!(f, "{sep}{}: {}", v.path, v.rule)?;
        }
        Ok(())
    }
}

/// A field path under construction: each step borrows the one above it, so nothing is
/// allocated while a request is valid; the text (`Items[0].Currency`) is made for a violation.
#[derive(Debug, Clone, Copy)]
pub enum FieldPath<'a> {
    /// The request itself (empty).
    Root,
    /// A field under a path, by its wire name.
    Field(&'a FieldPath<'a>, &'a str),
    /// An item of a list under a path.
    Index(&'a FieldPath<'a>, usize),
}

impl<'a> FieldPath<'a> {
    /// The path of the request itself (empty).
    pub fn root() -> Self {
        FieldPath::Root
    }
    /// The path of a field under this one, by its wire name.
    pub fn field(&'a self, wire: &'a str) -> Self {
        FieldPath::Field(self, wire)
    }
    /// The path of a list item under this one.
    pub fn index(&'a self, i: usize) -> Self {
        FieldPath::Index(self, i)
    }
    /// Appends the path's text: wire names joined by `.`, items as `[i]`.
    fn write(&self, out: &mut String) {
        match self {
            FieldPath::Root => {}
            FieldPath::Field(parent, wire) => {
                parent.write(out);
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(wire);
            }
            FieldPath::Index(parent, i) => {
                use std::fmt::Write as _;
                parent.write(out);
                let _ = write!(out, "[{i}]");
            }
        }
    }
}

/// Implemented by every generated request and request object.
pub trait Validate {
    /// Checks every rule of this value (and of its fields) and adds each broken one to `out`.
    fn validate_into(&self, cx: &ValidationContext, path: &FieldPath, out: &mut Violations);

    /// All violations of this value, or `Ok`.
    fn validate(&self, cx: &ValidationContext) -> Result<(), Violations> {
        let mut out = Violations::default();
        self.validate_into(cx, &FieldPath::root(), &mut out);
        if out.is_empty() { Ok(()) } else { Err(out) }
    }
}

impl<T: Validate> Validate for Vec<T> {
    fn validate_into(&self, cx: &ValidationContext, path: &FieldPath, out: &mut Violations) {
        for (i, item) in self.iter().enumerate() {
            item.validate_into(cx, &path.index(i), out);
        }
    }
}

/// A value a numeric bound applies to.
pub trait AsDecimal {
    fn as_decimal(&self) -> Decimal;
}
impl AsDecimal for i64 {
    fn as_decimal(&self) -> Decimal {
        Decimal::from(*self)
    }
}
impl AsDecimal for Decimal {
    fn as_decimal(&self) -> Decimal {
        *self
    }
}
impl AsDecimal for Money {
    fn as_decimal(&self) -> Decimal {
        self.amount()
    }
}
impl AsDecimal for MinorUnits {
    fn as_decimal(&self) -> Decimal {
        Decimal::from(self.value())
    }
}

/// An amount in major units, for comparing amounts across types (`Money` vs `MinorUnits`).
pub trait AsMajor {
    /// The value in major units (shekels/dollars).
    fn as_major(&self) -> Decimal;
}
impl AsMajor for Money {
    fn as_major(&self) -> Decimal {
        self.amount()
    }
}
impl AsMajor for MinorUnits {
    fn as_major(&self) -> Decimal {
        Decimal::new(self.value(), 2)
    }
}
impl AsMajor for Decimal {
    fn as_major(&self) -> Decimal {
        *self
    }
}
impl AsMajor for i64 {
    fn as_major(&self) -> Decimal {
        Decimal::from(*self)
    }
}

/// The grammar of a bracketed item list (`[code~desc~qty~price]…`).
#[derive(Debug, Clone, Copy)]
pub struct ItemListRule {
    /// The text opening the list.
    pub open: &'static str,
    /// The text closing the list.
    pub close: &'static str,
    /// The text between items.
    pub separator: &'static str,
    /// The number of parts in an item.
    pub parts: usize,
    /// 1-based positions of the quantity and the unit price.
    pub quantity: usize,
    /// The index of the price part.
    pub price: usize,
}

/// A value a length or pattern rule applies to.
pub trait AsText {
    /// The value as text.
    fn as_text(&self) -> &str;
}
impl AsText for String {
    fn as_text(&self) -> &str {
        self
    }
}
impl AsText for SecretString {
    fn as_text(&self) -> &str {
        self.expose_secret()
    }
}
