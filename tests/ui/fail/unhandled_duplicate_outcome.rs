// Outcome enums are exhaustive: a `match` that handles only `Created` is rejected, so the
// caller cannot forget that a resent Ticket_ID answers `Duplicate` (nothing new was booked).

use hyp_api::hyper_erp::DepositFiatOutcome;

fn receipt(outcome: DepositFiatOutcome) -> i64 {
    match outcome {
        DepositFiatOutcome::Created(r) => r.receipt_num,
    }
}

fn main() {
    let _ = receipt;
}
