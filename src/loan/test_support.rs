//! Builders shared by the loan modules' tests: a rate from text, a schedule at the
//! computed instalment, and the check that a schedule adds up.

use super::instalment::emi;
use super::rate::AnnualRate;
use super::schedule::{Row, Schedule, schedule};
use time::macros::date;

/// A rate the test knows is valid, written as a person would type it.
pub(super) fn rate(raw: &str) -> AnnualRate {
    AnnualRate::parse(raw).expect("valid rate")
}

/// The schedule of a loan at its computed instalment, first paid on 31 January 2024 (a
/// month end, so later dates clamp to shorter months).
pub(super) fn sched(principal: i64, r: &str, months: u32) -> Schedule {
    let instalment = emi(principal, rate(r), months).expect("valid loan");
    schedule(
        principal,
        rate(r),
        months,
        instalment,
        date!(2024 - 01 - 31),
    )
    .expect("ok")
}

/// Every schedule must add up: principal parts sum to the principal, payments to the
/// total paid, interest to the total interest, and the balance walks down to zero.
pub(super) fn assert_consistent(s: &Schedule, principal: i64) {
    let sum = |f: fn(&Row) -> i64| s.rows.iter().map(f).sum::<i64>();
    assert_eq!(sum(|r| r.principal), principal);
    assert_eq!(sum(|r| r.payment), s.total_paid);
    assert_eq!(sum(|r| r.interest), s.total_interest);
    assert_eq!(s.total_paid, principal + s.total_interest);
    let mut balance = principal;
    for row in &s.rows {
        assert_eq!(row.payment, row.interest + row.principal);
        balance -= row.principal;
        assert_eq!(row.balance, balance);
    }
    assert_eq!(s.rows.last().map(|r| r.balance), Some(0));
}

/// A fixed pseudo-random sequence (a 64-bit LCG) for sweeps that must repeat exactly:
/// each call gives the next number below `bound`.
pub(super) fn lcg(seed: u64) -> impl FnMut(u64) -> u64 {
    let mut state = seed;
    move |bound| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) % bound
    }
}
