//! Sign-in throttling: after a run of consecutive failures an account is locked for a
//! while. Pure state transitions, so the rule is tested here and the database only stores
//! the result.

use time::{Duration, OffsetDateTime};

/// How many consecutive failures lock an account, and for how long.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LockoutPolicy {
    pub max_failures: i64,
    pub duration: Duration,
}

impl Default for LockoutPolicy {
    fn default() -> Self {
        Self {
            max_failures: 5,
            duration: Duration::minutes(15),
        }
    }
}

/// What the credentials row records about failures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct FailureState {
    pub failed_count: i64,
    pub last_failed_at: Option<OffsetDateTime>,
    pub locked_until: Option<OffsetDateTime>,
}

impl FailureState {
    /// True while a lock is in force; at the instant it ends the account is open again.
    pub fn is_locked(&self, now: OffsetDateTime) -> bool {
        self.locked_until.is_some_and(|until| now < until)
    }

    /// The state after one more failed attempt. A failure while locked changes nothing
    /// (the lock is neither extended nor counted); the first failure after a lock has
    /// expired starts a new run.
    pub fn after_failure(self, now: OffsetDateTime, policy: LockoutPolicy) -> Self {
        if self.is_locked(now) {
            return self;
        }
        let run = if self.locked_until.is_some() {
            0
        } else {
            self.failed_count
        };
        let failed_count = run + 1;
        Self {
            failed_count,
            last_failed_at: Some(now),
            locked_until: (failed_count >= policy.max_failures).then(|| now + policy.duration),
        }
    }

    /// The state after a successful sign-in: the run is over. The last failure time is
    /// kept as history.
    pub fn after_success(self) -> Self {
        Self {
            failed_count: 0,
            last_failed_at: self.last_failed_at,
            locked_until: None,
        }
    }

    /// Whole minutes (rounded up) until the lock ends, for the message to the user.
    pub fn minutes_left(&self, now: OffsetDateTime) -> i64 {
        match self.locked_until {
            Some(until) if now < until => {
                let seconds = (until - now).whole_seconds();
                (seconds + 59) / 60
            }
            _ => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    const T0: OffsetDateTime = datetime!(2026-03-01 12:00 UTC);

    fn fail_times(n: i64, policy: LockoutPolicy) -> FailureState {
        (0..n).fold(FailureState::default(), |state, i| {
            state.after_failure(T0 + Duration::seconds(i), policy)
        })
    }

    #[test]
    fn four_failures_do_not_lock_and_the_fifth_does() {
        let policy = LockoutPolicy::default();
        let four = fail_times(4, policy);
        assert_eq!(four.failed_count, 4);
        assert!(!four.is_locked(T0 + Duration::seconds(4)));
        let five = four.after_failure(T0 + Duration::seconds(4), policy);
        assert_eq!(five.failed_count, 5);
        assert_eq!(
            five.locked_until,
            Some(T0 + Duration::seconds(4) + Duration::minutes(15))
        );
        assert!(five.is_locked(T0 + Duration::minutes(10)));
    }

    #[test]
    fn the_lock_ends_exactly_at_its_deadline() {
        let policy = LockoutPolicy::default();
        let locked = fail_times(5, policy);
        let until = locked.locked_until.expect("locked");
        assert!(locked.is_locked(until - Duration::seconds(1)));
        assert!(!locked.is_locked(until));
    }

    #[test]
    fn failures_while_locked_neither_count_nor_extend() {
        let policy = LockoutPolicy::default();
        let locked = fail_times(5, policy);
        let again = locked.after_failure(T0 + Duration::minutes(1), policy);
        assert_eq!(again, locked);
    }

    #[test]
    fn a_failure_after_the_lock_expires_starts_a_new_run() {
        let policy = LockoutPolicy::default();
        let locked = fail_times(5, policy);
        let later = T0 + Duration::minutes(20);
        let next = locked.after_failure(later, policy);
        assert_eq!(next.failed_count, 1);
        assert_eq!(next.locked_until, None);
        assert_eq!(next.last_failed_at, Some(later));
    }

    #[test]
    fn success_resets_the_run() {
        let policy = LockoutPolicy::default();
        let state = fail_times(3, policy).after_success();
        assert_eq!(state.failed_count, 0);
        assert_eq!(state.locked_until, None);
        assert_eq!(
            fail_times(3, policy)
                .after_success()
                .after_failure(T0, policy)
                .failed_count,
            1
        );
    }

    #[test]
    fn the_policy_is_configurable() {
        let policy = LockoutPolicy {
            max_failures: 2,
            duration: Duration::minutes(1),
        };
        let state = fail_times(2, policy);
        assert!(state.is_locked(T0 + Duration::seconds(30)));
        assert_eq!(state.minutes_left(T0 + Duration::seconds(30)), 1);
        assert_eq!(state.minutes_left(T0 + Duration::minutes(2)), 0);
    }
}
