//! Sign-in throttling, per client: failed attempts are counted for one client and one
//! address (and for one client across every address), never for the account alone.
//!
//! Rule: the answer to an attempt depends only on what this client sent, never on whether
//! the address has an account, so throttling tells nothing about who has one; and the
//! owner, signing in from elsewhere, is never locked out by somebody else's attempts.
//! Held in memory: a restart forgets it, and each instance behind a load balancer counts
//! its own.

use florin::lockout::{FailureState, LockoutPolicy};
use std::collections::HashMap;
use std::sync::Mutex;
use time::OffsetDateTime;

/// How many failed attempts one client may make across all addresses before it waits
/// too: a spray over many addresses is slowed like a guess at one.
pub const CLIENT_FAILURES: i64 = 20;

/// Entries kept before the stale ones are swept out.
const SWEEP_AT: usize = 10_000;

/// The failures counted so far, by client and address (`""` for the client as a whole).
#[derive(Debug, Default)]
pub struct Throttle {
    failures: Mutex<HashMap<(String, String), FailureState>>,
}

impl Throttle {
    /// Whole minutes `client` must still wait before an attempt at `address` is heard;
    /// `None` when it may try now.
    pub fn wait(&self, client: &str, address: &str, now: OffsetDateTime) -> Option<i64> {
        let failures = self.lock();
        [address, ""]
            .iter()
            .filter_map(|key| failures.get(&(client.to_owned(), (*key).to_owned())))
            .filter(|state| state.is_locked(now))
            .map(|state| state.minutes_left(now))
            .max()
    }

    /// Counts a failed attempt; returns the minutes to wait when this one was one too many.
    pub fn fail(
        &self,
        client: &str,
        address: &str,
        now: OffsetDateTime,
        policy: LockoutPolicy,
    ) -> Option<i64> {
        let mut failures = self.lock();
        if failures.len() >= SWEEP_AT {
            failures.retain(|_, state| {
                state
                    .last_failed_at
                    .is_some_and(|at| now - at < policy.duration)
            });
        }
        let spray = LockoutPolicy {
            max_failures: CLIENT_FAILURES,
            ..policy
        };
        for (key, policy) in [(address, policy), ("", spray)] {
            let state = failures
                .entry((client.to_owned(), key.to_owned()))
                .or_default();
            *state = state.after_failure(now, policy);
        }
        drop(failures);
        self.wait(client, address, now)
    }

    /// Forgets the failures at `address` after a successful sign-in from `client`; those
    /// across every address stay, so a spray cannot reset itself with an account of its own.
    pub fn succeed(&self, client: &str, address: &str) {
        self.lock().remove(&(client.to_owned(), address.to_owned()));
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<(String, String), FailureState>> {
        // A panic while holding the lock leaves counts that are still counts.
        self.failures
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::Duration;

    const AT: OffsetDateTime = time::macros::datetime!(2026-03-01 12:00 UTC);

    #[test]
    fn five_failures_at_one_address_make_that_client_wait() {
        let throttle = Throttle::default();
        let policy = LockoutPolicy::default();
        for _ in 0..4 {
            assert_eq!(
                throttle.fail("10.0.0.1", "ada@example.org", AT, policy),
                None
            );
        }
        assert_eq!(
            throttle.fail("10.0.0.1", "ada@example.org", AT, policy),
            Some(15)
        );
        assert_eq!(throttle.wait("10.0.0.1", "ada@example.org", AT), Some(15));
        assert_eq!(
            throttle.wait("10.0.0.2", "ada@example.org", AT),
            None,
            "another client"
        );
        assert_eq!(
            throttle.wait("10.0.0.1", "bob@example.org", AT),
            None,
            "another address"
        );
        let later = AT + Duration::minutes(15);
        assert_eq!(throttle.wait("10.0.0.1", "ada@example.org", later), None);
    }

    #[test]
    fn a_spray_over_many_addresses_waits_too() {
        let throttle = Throttle::default();
        let policy = LockoutPolicy::default();
        for n in 0..CLIENT_FAILURES {
            throttle.fail("10.0.0.1", &format!("user{n}@example.org"), AT, policy);
        }
        assert_eq!(throttle.wait("10.0.0.1", "fresh@example.org", AT), Some(15));
        assert_eq!(throttle.wait("10.0.0.2", "fresh@example.org", AT), None);
    }

    #[test]
    fn success_forgets_the_address_but_not_the_spray() {
        let throttle = Throttle::default();
        let policy = LockoutPolicy::default();
        for _ in 0..3 {
            throttle.fail("10.0.0.1", "ada@example.org", AT, policy);
        }
        throttle.succeed("10.0.0.1", "ada@example.org");
        for _ in 0..4 {
            assert_eq!(
                throttle.fail("10.0.0.1", "ada@example.org", AT, policy),
                None
            );
        }
    }
}
