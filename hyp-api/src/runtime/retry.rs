//! The retry policy, as one pure function ([`decide`]) with one small test per rule.
//!
//! A call is retried only when a retry cannot apply it twice: the endpoint only reads, or the
//! request carries the idempotency key by which the vendor detects a resend (`Ticket_ID`), or
//! the failure proves nothing was sent (connection refused).

use std::time::Duration;

/// How often and how patiently to retry. Configurable per client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included (1 = never retry).
    pub max_attempts: u32,
    /// Wait before the second attempt; doubled for each further one.
    pub initial_backoff: Duration,
    /// The longest wait between attempts.
    pub max_backoff: Duration,
}

impl Default for RetryPolicy {
    /// Three attempts, waiting 250 ms then 500 ms (capped at 4 s).
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 3,
            initial_backoff: Duration::from_millis(250),
            max_backoff: Duration::from_secs(4),
        }
    }
}

impl RetryPolicy {
    /// Never retry.
    pub fn never() -> Self {
        RetryPolicy {
            max_attempts: 1,
            ..Self::default()
        }
    }
}

/// What went wrong with one attempt, as far as retrying is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// Nothing reached the vendor (connection refused, DNS).
    NotSent,
    /// The request may have reached the vendor: timeout, reset, HTTP 5xx without a readable
    /// answer, or a vendor code documented as retryable.
    MaybeApplied,
    /// Retrying cannot help (invalid request, a definite vendor error, an undecodable 2xx).
    Final,
}

/// What to do after a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    RetryAfter(Duration),
    GiveUp,
}

/// Decides whether to retry after attempt number `attempt` (1-based) failed.
/// `retry_safe`: the call is a read, or carries its idempotency key.
pub fn decide(policy: &RetryPolicy, attempt: u32, failure: Failure, retry_safe: bool) -> Decision {
    if attempt >= policy.max_attempts {
        return Decision::GiveUp;
    }
    match failure {
        Failure::Final => Decision::GiveUp,
        Failure::MaybeApplied if !retry_safe => Decision::GiveUp,
        Failure::NotSent | Failure::MaybeApplied => Decision::RetryAfter(backoff(policy, attempt)),
    }
}

fn backoff(policy: &RetryPolicy, attempt: u32) -> Duration {
    let factor = 2u32.saturating_pow(attempt.saturating_sub(1));
    policy
        .initial_backoff
        .saturating_mul(factor)
        .min(policy.max_backoff)
}

#[cfg(test)]
mod tests {
    use super::*;

    const P: RetryPolicy = RetryPolicy {
        max_attempts: 4,
        initial_backoff: Duration::from_millis(100),
        max_backoff: Duration::from_millis(300),
    };

    #[test]
    fn final_failures_are_not_retried() {
        assert_eq!(decide(&P, 1, Failure::Final, true), Decision::GiveUp);
    }

    #[test]
    fn maybe_applied_is_retried_only_when_retry_safe() {
        assert_eq!(
            decide(&P, 1, Failure::MaybeApplied, false),
            Decision::GiveUp
        );
        assert_eq!(
            decide(&P, 1, Failure::MaybeApplied, true),
            Decision::RetryAfter(Duration::from_millis(100))
        );
    }

    #[test]
    fn not_sent_is_retried_even_without_a_key() {
        assert!(matches!(
            decide(&P, 1, Failure::NotSent, false),
            Decision::RetryAfter(_)
        ));
    }

    #[test]
    fn backoff_doubles_and_is_capped() {
        assert_eq!(
            decide(&P, 2, Failure::NotSent, true),
            Decision::RetryAfter(Duration::from_millis(200))
        );
        assert_eq!(
            decide(&P, 3, Failure::NotSent, true),
            Decision::RetryAfter(Duration::from_millis(300))
        );
    }

    #[test]
    fn attempts_are_bounded() {
        assert_eq!(decide(&P, 4, Failure::NotSent, true), Decision::GiveUp);
        assert_eq!(
            decide(&RetryPolicy::never(), 1, Failure::NotSent, true),
            Decision::GiveUp
        );
    }
}
