//! The routes several tests script answers for.

/// The deposit route: a mutation, sent with an idempotency key.
pub(crate) const DEPOSIT: &str = "POST /mt5/manager/transactions/deposit";
/// The groups report route: a read.
pub(crate) const GROUPS: &str = "GET /mt5/manager/reports/groups";
