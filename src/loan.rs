//! Loans: instalments (EMI), amortization schedules and a payoff planner, in exact integer
//! arithmetic. No floating point anywhere: amounts are `i64` minor units, rates are exact
//! decimals, and every rounding is one explicit half-up step to the minor unit.
//!
//! The conventions, so that an independent financial library can be matched to the minor
//! unit:
//!
//! - **Rate.** [`AnnualRate`] is a nominal annual percentage with at most four decimals,
//!   held as an integer count of 1/10 000 of a percent (6.5 % is 65 000). The monthly rate
//!   is exactly `r = annual / 12 / 100`, i.e. `scaled / 12 000 000`.
//! - **Instalment.** [`emi`] is the annuity `P·r·(1+r)^n / ((1+r)^n − 1)` evaluated as an
//!   exact fraction (big integers, see `Big`) and rounded once, half up, to the nearest
//!   minor unit — not up. At 0 % it is `P / n`, rounded the same way. It is never below one
//!   minor unit.
//! - **Interest.** Each month's interest is `balance · r`, rounded half up to the minor unit
//!   (balances are never negative, so half up and half away from zero agree).
//! - **Schedule.** Each payment is the instalment, split into that interest and principal.
//!   Because the instalment was rounded to the nearest unit, the last payment of the tenure
//!   absorbs the difference (it is `balance + interest`, a few units above or below the
//!   instalment), so the balance ends at exactly zero. A larger instalment ends the
//!   schedule early, with a smaller final payment.
//! - **Dates.** Payment `n` falls `n − 1` months after the first payment, on the first
//!   payment's day of the month, clamped to the month's length (31 Jan → 28/29 Feb →
//!   31 Mar: no drift).
//!
//! Each part lives in its own module below (rate, instalment, schedule, payments, payoff
//! planner); this file only names the public paths, so nothing imports from here.

mod big;
mod error;
mod instalment;
mod payments;
mod planner;
mod rate;
mod schedule;
#[cfg(test)]
mod test_support;

pub use error::{LoanError, MAX_AMOUNT, MAX_MONTHS};
pub use instalment::{check_emi, emi};
pub use payments::{Applied, PaymentRefused, Standing, apply_payment};
pub use planner::{PLAN_HORIZON_MONTHS, Plan, PlanDebt, Strategy, plan};
pub use rate::{AnnualRate, AnnualRateError, MAX_RATE, RATE_SCALE};
pub use schedule::{Row, Schedule, payment_date, remaining_schedule, schedule};
