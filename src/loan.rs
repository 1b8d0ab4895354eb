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

use crate::money::{Money, NumberFormat};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::fmt;
use time::{Date, Month};

/// [`AnnualRate`] counts this many units per percent (four decimals).
pub const RATE_SCALE: u32 = 10_000;
/// 100 %: a rate above this is refused as a typing mistake rather than a loan.
pub const MAX_RATE: u32 = 100 * RATE_SCALE;
/// Longest tenure accepted (50 years).
pub const MAX_MONTHS: u32 = 600;
/// How far the payoff planner looks before it calls a plan hopeless (100 years).
pub const PLAN_HORIZON_MONTHS: u32 = 1200;
/// Largest principal, balance, instalment or monthly budget accepted: one trillion major
/// units at the largest exponent (3), as `money::MAX_MAJOR`. It keeps every total of a
/// schedule or a plan far inside `i64` (see [`plan`] for the bound).
pub const MAX_AMOUNT: i64 = 1_000_000_000_000_000;

/// `r = scaled / MONTHLY_DENOMINATOR`: 12 months × 100 percent × [`RATE_SCALE`].
const MONTHLY_DENOMINATOR: u64 = 12 * 100 * RATE_SCALE as u64;
const RATE_DECIMALS: usize = 4;

/// A nominal annual interest rate in percent, exactly, with at most four decimals:
/// an integer count of 1/10 000 of a percent, from 0 to 100 %.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u32", into = "u32")]
pub struct AnnualRate(u32);

/// Why text is not an interest rate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnnualRateError {
    Empty,
    NotANumber,
    Negative,
    AboveHundred,
    TooManyDecimals,
}

impl fmt::Display for AnnualRateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            AnnualRateError::Empty => "Enter an interest rate.",
            AnnualRateError::NotANumber => "Enter the rate as a number, like 6.5.",
            AnnualRateError::Negative => "An interest rate cannot be negative.",
            AnnualRateError::AboveHundred => "An annual rate can be at most 100 %.",
            AnnualRateError::TooManyDecimals => "Use at most 4 decimals in the rate.",
        })
    }
}

impl std::error::Error for AnnualRateError {}

impl AnnualRate {
    pub const ZERO: AnnualRate = AnnualRate(0);

    /// From a count of 1/10 000 of a percent (65 000 is 6.5 %); `None` above 100 %.
    pub fn from_scaled(scaled: u32) -> Option<AnnualRate> {
        (scaled <= MAX_RATE).then_some(AnnualRate(scaled))
    }

    /// The count of 1/10 000 of a percent, as stored.
    pub fn scaled(self) -> u32 {
        self.0
    }

    pub fn is_zero(self) -> bool {
        self.0 == 0
    }

    /// Parses "6.5", "6,5", "0.0125", "12 %". Either a point or a comma is read as the
    /// decimal separator: a rate is at most 100, so no grouping separator can occur.
    pub fn parse(raw: &str) -> Result<AnnualRate, AnnualRateError> {
        let raw = raw.trim();
        let raw = raw.strip_suffix('%').unwrap_or(raw).trim_end();
        if raw.is_empty() {
            return Err(AnnualRateError::Empty);
        }
        let (negative, body) = match raw.strip_prefix('-').or(raw.strip_prefix('\u{2212}')) {
            Some(rest) => (true, rest.trim_start()),
            None => (false, raw.strip_prefix('+').unwrap_or(raw).trim_start()),
        };
        let scaled = parse_unsigned_rate(body)?;
        if negative && scaled > 0 {
            return Err(AnnualRateError::Negative);
        }
        AnnualRate::from_scaled(scaled).ok_or(AnnualRateError::AboveHundred)
    }

    /// The monthly rate as the exact fraction `numerator / MONTHLY_DENOMINATOR`.
    fn monthly_numerator(self) -> u64 {
        u64::from(self.0)
    }
}

/// Digits with at most one decimal separator and four decimals, scaled by [`RATE_SCALE`].
fn parse_unsigned_rate(body: &str) -> Result<u32, AnnualRateError> {
    let (int, frac) = body.split_once(['.', ',']).unwrap_or((body, ""));
    let digits_only = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !digits_only(int) || !digits_only(frac) {
        return Err(AnnualRateError::NotANumber);
    }
    if frac.len() > RATE_DECIMALS {
        return Err(AnnualRateError::TooManyDecimals);
    }
    let int = int.trim_start_matches('0');
    // More than three integer digits is above 100 whatever follows; this also keeps the
    // parse below from overflowing.
    if int.len() > 3 {
        return Err(AnnualRateError::AboveHundred);
    }
    let int_value: u32 = if int.is_empty() {
        0
    } else {
        int.parse().map_err(|_| AnnualRateError::NotANumber)?
    };
    let mut frac_value: u32 = if frac.is_empty() {
        0
    } else {
        frac.parse().map_err(|_| AnnualRateError::NotANumber)?
    };
    for _ in frac.len()..RATE_DECIMALS {
        frac_value *= 10;
    }
    Ok(int_value * RATE_SCALE + frac_value)
}

impl TryFrom<u32> for AnnualRate {
    type Error = AnnualRateError;

    fn try_from(scaled: u32) -> Result<Self, Self::Error> {
        AnnualRate::from_scaled(scaled).ok_or(AnnualRateError::AboveHundred)
    }
}

impl From<AnnualRate> for u32 {
    fn from(rate: AnnualRate) -> u32 {
        rate.0
    }
}

impl fmt::Display for AnnualRate {
    /// "6.5", "12", "0.0125": the exact value without trailing zeros, no percent sign.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let int = self.0 / RATE_SCALE;
        let frac = format!("{:04}", self.0 % RATE_SCALE);
        let frac = frac.trim_end_matches('0');
        if frac.is_empty() {
            write!(f, "{int}")
        } else {
            write!(f, "{int}.{frac}")
        }
    }
}

/// Why a loan, an instalment or a plan is refused. Amounts are in minor units; use
/// [`LoanError::message`] to show them to a person in their currency.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoanError {
    /// The amount borrowed (or owed) is zero or negative.
    NonPositivePrincipal,
    /// A balance, minimum payment or extra amount is negative.
    NegativeAmount,
    /// Above [`MAX_AMOUNT`].
    TooLarge,
    ZeroMonths,
    TooManyMonths {
        max: u32,
    },
    /// The instalment is below what repays the loan within `months`; it does not even
    /// cover the first month's `interest`.
    InstalmentBelowInterest {
        interest: i64,
        minimum: i64,
    },
    /// The instalment is below `minimum`, the computed instalment for `months`.
    InstalmentTooSmall {
        minimum: i64,
        months: u32,
    },
    /// A payment date would fall outside the calendar (after the year 9999).
    DateOutOfRange,
}

impl LoanError {
    /// The message for a person, with amounts written in `currency` as `format` writes
    /// them.
    pub fn message(&self, currency: &str, format: NumberFormat) -> String {
        let money = |minor: i64| Money::new(minor, currency).format(format);
        match *self {
            LoanError::InstalmentBelowInterest { interest, minimum } => format!(
                "The instalment does not cover the first month's interest of {}; \
                 it must be at least {}.",
                money(interest),
                money(minimum)
            ),
            LoanError::InstalmentTooSmall { minimum, months } => format!(
                "That instalment does not repay the loan in {months} months; \
                 it must be at least {}.",
                money(minimum)
            ),
            other => other.to_string(),
        }
    }
}

impl fmt::Display for LoanError {
    /// For logs and for errors without amounts; amounts here are raw minor units.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            LoanError::NonPositivePrincipal => f.write_str("The amount must be more than zero."),
            LoanError::NegativeAmount => f.write_str("Amounts cannot be negative."),
            LoanError::TooLarge => f.write_str("That amount is too large."),
            LoanError::ZeroMonths => f.write_str("The tenure must be at least one month."),
            LoanError::TooManyMonths { max } => {
                write!(f, "The tenure can be at most {max} months.")
            }
            LoanError::InstalmentBelowInterest { interest, minimum } => write!(
                f,
                "The instalment does not cover the first month's interest of {interest} \
                 minor units; it must be at least {minimum} minor units."
            ),
            LoanError::InstalmentTooSmall { minimum, months } => write!(
                f,
                "That instalment does not repay the loan in {months} months; it must be at \
                 least {minimum} minor units."
            ),
            LoanError::DateOutOfRange => f.write_str("A payment date is out of range."),
        }
    }
}

impl std::error::Error for LoanError {}

/// The instalment that repays `principal` (minor units) at `rate` in `months` equal
/// payments: the exact annuity rounded half up to the minor unit (at least one unit). The
/// last payment of the schedule absorbs what that rounding leaves.
pub fn emi(principal: i64, rate: AnnualRate, months: u32) -> Result<i64, LoanError> {
    validate_loan(principal, months)?;
    let instalment = if rate.is_zero() {
        round_half_up(i128::from(principal), i128::from(months))
    } else {
        annuity(principal, rate, months)
    };
    Ok(instalment.max(1))
}

/// Accepts a given instalment when it is at least the computed [`emi`]: anything less
/// cannot repay the loan within the tenure under these conventions. The refusal names the
/// minimum, and says so when the instalment does not even cover the first month's
/// interest.
pub fn check_emi(
    principal: i64,
    rate: AnnualRate,
    months: u32,
    given: i64,
) -> Result<(), LoanError> {
    let minimum = emi(principal, rate, months)?;
    if given >= minimum {
        return Ok(());
    }
    let interest = monthly_interest(principal, rate);
    if given <= interest && interest > 0 {
        Err(LoanError::InstalmentBelowInterest { interest, minimum })
    } else {
        Err(LoanError::InstalmentTooSmall { minimum, months })
    }
}

/// One month of a schedule. `balance` is what is owed after this payment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    /// 1 for the first payment.
    pub n: u32,
    pub date: Date,
    pub payment: i64,
    pub interest: i64,
    pub principal: i64,
    pub balance: i64,
}

/// An amortization schedule with its totals (`total_paid` = principal + `total_interest`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    pub rows: Vec<Row>,
    pub total_interest: i64,
    pub total_paid: i64,
}

/// The schedule of a new loan paid by `instalment` from `first_payment` (the date of
/// payment 1). The instalment is checked with [`check_emi`]; payment `months` absorbs the
/// rounding, and a larger instalment ends the schedule early.
pub fn schedule(
    principal: i64,
    rate: AnnualRate,
    months: u32,
    instalment: i64,
    first_payment: Date,
) -> Result<Schedule, LoanError> {
    check_emi(principal, rate, months, instalment)?;
    amortize(principal, rate, instalment, months, first_payment, None)
}

/// The rest of a partly paid debt standing at `standing`, repaid by `instalment` from
/// `next_payment` until it is zero. The first row pays what is left of the current period
/// (its unpaid interest at least); the rest follow [`schedule`]. The instalment must repay
/// the balance within [`MAX_MONTHS`]: it is checked as [`check_emi`] does for that tenure
/// (so a refusal names the minimum), and payment 600, if reached, absorbs the rounding. A
/// zero balance has an empty schedule.
pub fn remaining_schedule(
    standing: &Standing,
    rate: AnnualRate,
    instalment: i64,
    next_payment: Date,
) -> Result<Schedule, LoanError> {
    if standing.balance == 0 {
        return Ok(Schedule {
            rows: Vec::new(),
            total_interest: 0,
            total_paid: 0,
        });
    }
    check_emi(standing.balance, rate, MAX_MONTHS, instalment)?;
    let first = FirstPeriod {
        interest: standing.interest_due(rate),
        payment: standing.instalment_due(rate, instalment),
    };
    amortize(
        standing.balance,
        rate,
        instalment,
        MAX_MONTHS,
        next_payment,
        Some(first),
    )
}

/// Where a debt stands between payments: the principal still owed and the instalment
/// period in progress. Interest is charged once per period, on the balance at its start
/// (as in [`schedule`]); a payment pays that interest first and the rest reduces the
/// principal. The period ends, and the next one's interest becomes due, when the payments
/// in it reach the instalment with its interest paid, or when the debt is cleared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Standing {
    /// Principal still owed.
    pub balance: i64,
    /// Interest of the current period not yet paid; `None` until the period's first
    /// payment, when it is `balance · r` on the balance then (the balance at the period's
    /// start, since nothing was paid in it yet).
    pub period_interest: Option<i64>,
    /// Paid so far in the current period.
    pub period_paid: i64,
}

impl Standing {
    /// A debt nothing has been paid on in the current period.
    pub fn new(balance: i64) -> Standing {
        Standing {
            balance,
            period_interest: None,
            period_paid: 0,
        }
    }

    /// The current period's interest still to pay.
    pub fn interest_due(&self, rate: AnnualRate) -> i64 {
        self.period_interest
            .unwrap_or_else(|| monthly_interest(self.balance, rate))
    }

    /// What clears the debt today: the balance and the period's unpaid interest.
    pub fn payoff(&self, rate: AnnualRate) -> i64 {
        self.balance + self.interest_due(rate)
    }

    /// What is left of the current instalment (at least the unpaid interest, at most the
    /// payoff): the amount a payment form suggests.
    pub fn instalment_due(&self, rate: AnnualRate, instalment: i64) -> i64 {
        let left = instalment.saturating_sub(self.period_paid).max(0);
        left.max(self.interest_due(rate)).min(self.payoff(rate))
    }
}

/// How one payment was applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Applied {
    pub interest: i64,
    pub principal: i64,
    /// The payment completed the period: the next payment date moves on one month.
    pub period_complete: bool,
    pub after: Standing,
}

/// Why a payment cannot be applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaymentRefused {
    NotPositive,
    /// More than [`Standing::payoff`]; `max` is that payoff (0 when nothing is owed).
    OverPayment {
        max: i64,
    },
}

/// Applies a payment of `amount` to a debt standing at `standing`: interest first, then
/// principal. Paying exactly the instalment each period follows [`schedule`] to the minor
/// unit; more reduces the principal sooner (so later interest is smaller); less leaves
/// the period open until its payments add up to the instalment.
pub fn apply_payment(
    standing: &Standing,
    rate: AnnualRate,
    instalment: i64,
    amount: i64,
) -> Result<Applied, PaymentRefused> {
    if amount <= 0 {
        return Err(PaymentRefused::NotPositive);
    }
    let due = standing.interest_due(rate);
    let max = standing.balance + due;
    if amount > max {
        return Err(PaymentRefused::OverPayment { max });
    }
    let interest = amount.min(due);
    let principal = amount - interest;
    let balance = standing.balance - principal;
    let paid = standing.period_paid + amount;
    let interest_left = due - interest;
    let period_complete = balance == 0 || (paid >= instalment && interest_left == 0);
    let after = if period_complete {
        Standing::new(balance)
    } else {
        Standing {
            balance,
            period_interest: Some(interest_left),
            period_paid: paid,
        }
    };
    Ok(Applied {
        interest,
        principal,
        period_complete,
        after,
    })
}

/// The date of payment `index + 1`: `index` months after `first_payment`, on its day of
/// the month or the month's last day when shorter. `None` past the year 9999.
pub fn payment_date(first_payment: Date, index: u32) -> Option<Date> {
    let month0 = i64::from(first_payment.year()) * 12 + i64::from(u8::from(first_payment.month()))
        - 1
        + i64::from(index);
    let year = i32::try_from(month0.div_euclid(12)).ok()?;
    let month = Month::try_from(u8::try_from(month0.rem_euclid(12) + 1).ok()?).ok()?;
    let day = first_payment.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).ok()
}

/// The interest of one month on `balance` (never negative): `balance · r`, rounded half
/// up. The product fits `i128` and the quotient is at most `balance / 12`.
fn monthly_interest(balance: i64, rate: AnnualRate) -> i64 {
    let num = i128::from(balance) * i128::from(rate.monthly_numerator());
    round_half_up(num, i128::from(MONTHLY_DENOMINATOR))
}

fn validate_loan(principal: i64, months: u32) -> Result<(), LoanError> {
    if principal <= 0 {
        return Err(LoanError::NonPositivePrincipal);
    }
    if principal > MAX_AMOUNT {
        return Err(LoanError::TooLarge);
    }
    if months == 0 {
        return Err(LoanError::ZeroMonths);
    }
    if months > MAX_MONTHS {
        return Err(LoanError::TooManyMonths { max: MAX_MONTHS });
    }
    Ok(())
}

/// A period already under way: its unpaid interest and what is left to pay in it.
struct FirstPeriod {
    interest: i64,
    payment: i64,
}

/// Pays `instalment` monthly until the balance is zero; payment `months` pays whatever is
/// left. `first`, when given, replaces the first period's interest and payment. Callers
/// have checked the inputs, which bounds every total: at most 600 months of at most
/// `MAX_AMOUNT / 12` interest each.
fn amortize(
    principal: i64,
    rate: AnnualRate,
    instalment: i64,
    months: u32,
    first_payment: Date,
    first: Option<FirstPeriod>,
) -> Result<Schedule, LoanError> {
    let mut rows = Vec::new();
    let mut balance = principal;
    let (mut total_interest, mut total_paid) = (0_i64, 0_i64);
    let mut first = first;
    for n in 1..=months {
        let (interest, due) = match first.take() {
            Some(period) => (period.interest, period.payment),
            None => (monthly_interest(balance, rate), instalment),
        };
        let owed = balance + interest;
        let payment = if n == months || owed <= due {
            owed
        } else {
            due
        };
        balance = owed - payment;
        total_interest += interest;
        total_paid += payment;
        rows.push(Row {
            n,
            date: payment_date(first_payment, n - 1).ok_or(LoanError::DateOutOfRange)?,
            payment,
            interest,
            principal: payment - interest,
            balance,
        });
        if balance == 0 {
            break;
        }
    }
    Ok(Schedule {
        rows,
        total_interest,
        total_paid,
    })
}

/// `num / den` rounded half up, for `num ≥ 0` and `den > 0`, narrowed to `i64`. Callers
/// bound their inputs so the quotient fits; saturating keeps a broken bound from
/// panicking.
fn round_half_up(num: i128, den: i128) -> i64 {
    let rounded = (2 * num + den) / (2 * den);
    i64::try_from(rounded).unwrap_or(i64::MAX)
}

/// The exact annuity for a non-zero rate, rounded half up. With `r = s / D` the formula
/// `P·r·(1+r)^n / ((1+r)^n − 1)` is the fraction `P·s·A / (D·(A − B))` with
/// `A = (D+s)^n` and `B = D^n`; half up is `floor((2·P·s·A + D·(A−B)) / (2·D·(A−B)))`.
fn annuity(principal: i64, rate: AnnualRate, months: u32) -> i64 {
    let d = MONTHLY_DENOMINATOR;
    let s = rate.monthly_numerator();
    let a = Big::pow(d + s, months);
    let b = Big::pow(d, months);
    let a_minus_b = a.sub(&b);
    let p = principal.unsigned_abs();
    let num = a.mul_small(p).mul_small(2 * s).add(&a_minus_b.mul_small(d));
    let den = a_minus_b.mul_small(2 * d);
    // The instalment is at most P·(1 + r) ≤ 2P < 2^62, so 62 quotient bits suffice.
    let mut quotient: u64 = 0;
    for bit in (0..62).rev() {
        let candidate = quotient | (1 << bit);
        if den.mul_small(candidate).cmp(&num) != Ordering::Greater {
            quotient = candidate;
        }
    }
    i64::try_from(quotient).unwrap_or(i64::MAX)
}

/// Just enough unsigned big-integer arithmetic for the exact annuity: `(1 + r)^600` as a
/// fraction has about 14 000 bits. Little-endian 64-bit limbs without leading zero limbs,
/// so equal values have equal representations.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Big(Vec<u64>);

impl Big {
    fn pow(base: u64, exponent: u32) -> Big {
        (0..exponent).fold(Big(vec![1]), |acc, _| acc.mul_small(base))
    }

    fn mul_small(&self, factor: u64) -> Big {
        let mut limbs = Vec::with_capacity(self.0.len() + 1);
        let mut carry: u128 = 0;
        for &limb in &self.0 {
            let product = u128::from(limb) * u128::from(factor) + carry;
            limbs.push(product as u64);
            carry = product >> 64;
        }
        limbs.push(carry as u64);
        Big(limbs).normalized()
    }

    fn add(&self, other: &Big) -> Big {
        let len = self.0.len().max(other.0.len());
        let mut limbs = Vec::with_capacity(len + 1);
        let mut carry = false;
        for i in 0..len {
            let (sum, c1) = self.limb(i).overflowing_add(other.limb(i));
            let (sum, c2) = sum.overflowing_add(u64::from(carry));
            limbs.push(sum);
            carry = c1 || c2;
        }
        limbs.push(u64::from(carry));
        Big(limbs).normalized()
    }

    /// `self − other`, for `self ≥ other`.
    fn sub(&self, other: &Big) -> Big {
        let mut limbs = Vec::with_capacity(self.0.len());
        let mut borrow = false;
        for i in 0..self.0.len() {
            let (diff, b1) = self.limb(i).overflowing_sub(other.limb(i));
            let (diff, b2) = diff.overflowing_sub(u64::from(borrow));
            limbs.push(diff);
            borrow = b1 || b2;
        }
        Big(limbs).normalized()
    }

    fn cmp(&self, other: &Big) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }

    fn limb(&self, i: usize) -> u64 {
        self.0.get(i).copied().unwrap_or(0)
    }

    fn normalized(mut self) -> Big {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
        self
    }
}

/// A debt as the payoff planner sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanDebt {
    pub id: i64,
    pub name: String,
    /// Owed now, in minor units.
    pub balance: i64,
    pub rate: AnnualRate,
    /// Paid every month while the debt is open (capped at what it owes).
    pub min_payment: i64,
}

/// Where the extra money goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Strategy {
    /// Highest rate first (ties: smaller balance, then smaller id).
    Avalanche,
    /// Smallest balance first (ties: higher rate, then smaller id).
    Snowball,
    /// Only each debt's minimum: no extra and no roll-over of freed minimums.
    MinimumOnly,
}

/// The outcome of a payoff plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    /// `None` when the debts are not all repaid within [`PLAN_HORIZON_MONTHS`].
    pub months_to_debt_free: Option<u32>,
    pub total_interest: i64,
    pub total_paid: i64,
    /// Debt ids with the month they close in, in closing order (0 for a debt already at
    /// zero). Within a month, debts closed by their own minimum come first, in input
    /// order, then those closed by the extra, in target order.
    pub payoff_order: Vec<(i64, u32)>,
    /// Total balance at the end of each simulated month.
    pub balance_by_month: Vec<i64>,
}

/// Simulates paying `debts` month by month. Each month, interest accrues on every open
/// balance (rounded half up, as in a schedule); each debt gets its minimum, capped at
/// what it owes; then, except for [`Strategy::MinimumOnly`], the rest of the monthly
/// budget — `extra_monthly` plus the minimums freed by closed debts ("snowball
/// roll-over") — goes to the debts in the strategy's order, recomputed every month.
///
/// The simulation stops as soon as repayment within the horizon has become impossible
/// (the total owed exceeds the budget times the months left; interest only adds), so for
/// a hopeless plan the totals and `balance_by_month` cover the months simulated until
/// then.
pub fn plan(debts: &[PlanDebt], extra_monthly: i64, strategy: Strategy) -> Result<Plan, LoanError> {
    let budget = validate_plan(debts, extra_monthly, strategy)?;
    let mut balances: Vec<i64> = debts.iter().map(|d| d.balance).collect();
    let mut plan = Plan {
        months_to_debt_free: None,
        total_interest: 0,
        total_paid: 0,
        payoff_order: debts
            .iter()
            .filter(|d| d.balance == 0)
            .map(|d| (d.id, 0))
            .collect(),
        balance_by_month: Vec::new(),
    };
    if balances.iter().all(|&b| b == 0) {
        plan.months_to_debt_free = Some(0);
        return Ok(plan);
    }
    // Bounds: the total owed never exceeds budget × 1200 ≤ 1.2·10^18 after the check
    // below, plus one month's interest, so no sum here overflows i64.
    for month in 1..=PLAN_HORIZON_MONTHS {
        plan_month(debts, &mut balances, budget, strategy, month, &mut plan);
        let total: i64 = balances.iter().sum();
        plan.balance_by_month.push(total);
        if total == 0 {
            plan.months_to_debt_free = Some(month);
            break;
        }
        if i128::from(total) > i128::from(PLAN_HORIZON_MONTHS - month) * i128::from(budget) {
            break;
        }
    }
    Ok(plan)
}

/// Checks the inputs and returns the monthly budget: every minimum plus the extra (none
/// for minimum-only, which never rolls anything over).
fn validate_plan(
    debts: &[PlanDebt],
    extra_monthly: i64,
    strategy: Strategy,
) -> Result<i64, LoanError> {
    let negative = extra_monthly < 0 || debts.iter().any(|d| d.balance < 0 || d.min_payment < 0);
    if negative {
        return Err(LoanError::NegativeAmount);
    }
    let sum = |f: fn(&PlanDebt) -> i64| debts.iter().map(|d| i128::from(f(d))).sum::<i128>();
    let extra = match strategy {
        Strategy::MinimumOnly => 0,
        Strategy::Avalanche | Strategy::Snowball => i128::from(extra_monthly),
    };
    let budget = sum(|d| d.min_payment) + extra;
    let max = i128::from(MAX_AMOUNT);
    if budget > max || sum(|d| d.balance) > max || i128::from(extra_monthly) > max {
        return Err(LoanError::TooLarge);
    }
    i64::try_from(budget).map_err(|_| LoanError::TooLarge)
}

/// One month of the plan: interest, minimums, then the rest of the budget to the targets.
fn plan_month(
    debts: &[PlanDebt],
    balances: &mut [i64],
    budget: i64,
    strategy: Strategy,
    month: u32,
    plan: &mut Plan,
) {
    let mut paid = 0;
    for (debt, balance) in debts.iter().zip(balances.iter_mut()) {
        if *balance == 0 {
            continue;
        }
        let interest = monthly_interest(*balance, debt.rate);
        *balance += interest;
        plan.total_interest += interest;
        let payment = debt.min_payment.min(*balance);
        *balance -= payment;
        paid += payment;
        if *balance == 0 {
            plan.payoff_order.push((debt.id, month));
        }
    }
    if strategy != Strategy::MinimumOnly {
        paid += pay_extra(debts, balances, budget - paid, strategy, month, plan);
    }
    plan.total_paid += paid;
}

/// Pays `available` to the open debts in the strategy's order; returns what was paid.
fn pay_extra(
    debts: &[PlanDebt],
    balances: &mut [i64],
    available: i64,
    strategy: Strategy,
    month: u32,
    plan: &mut Plan,
) -> i64 {
    let mut open: Vec<usize> = (0..debts.len()).filter(|&i| balances[i] > 0).collect();
    open.sort_by_key(|&i| {
        let (rate, balance, id) = (i64::from(debts[i].rate.scaled()), balances[i], debts[i].id);
        match strategy {
            Strategy::Snowball => (balance, -rate, id),
            // Minimum-only never reaches here; it shares an arm only to keep the match
            // exhaustive without a panic.
            Strategy::Avalanche | Strategy::MinimumOnly => (-rate, balance, id),
        }
    });
    let mut left = available;
    for i in open {
        if left == 0 {
            break;
        }
        let payment = left.min(balances[i]);
        balances[i] -= payment;
        left -= payment;
        if balances[i] == 0 {
            plan.payoff_order.push((debts[i].id, month));
        }
    }
    available - left
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::currency;
    use time::macros::date;

    fn rate(raw: &str) -> AnnualRate {
        AnnualRate::parse(raw).expect("valid rate")
    }

    fn sched(principal: i64, r: &str, months: u32) -> Schedule {
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
    fn assert_consistent(s: &Schedule, principal: i64) {
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

    #[test]
    fn parses_rates_exactly() {
        assert_eq!(rate("6.5").scaled(), 65_000);
        assert_eq!(rate("6,5").scaled(), 65_000);
        assert_eq!(rate(" 12 % ").scaled(), 120_000);
        assert_eq!(rate("0.0125").scaled(), 125);
        assert_eq!(rate(".5").scaled(), 5_000);
        assert_eq!(rate("100").scaled(), MAX_RATE);
        assert_eq!(rate("0"), AnnualRate::ZERO);
        assert_eq!(rate("007.25").to_string(), "7.25");
        assert_eq!(rate("6.5000").to_string(), "6.5");
        assert_eq!(rate("12").to_string(), "12");
        assert_eq!(rate("0.0001").to_string(), "0.0001");
    }

    #[test]
    fn refuses_bad_rates_with_a_reason() {
        use AnnualRateError::*;
        assert_eq!(AnnualRate::parse(""), Err(Empty));
        assert_eq!(AnnualRate::parse(" % "), Err(Empty));
        assert_eq!(AnnualRate::parse("-1"), Err(Negative));
        assert_eq!(AnnualRate::parse("\u{2212}0.5"), Err(Negative));
        assert_eq!(AnnualRate::parse("100.0001"), Err(AboveHundred));
        assert_eq!(AnnualRate::parse("250"), Err(AboveHundred));
        assert_eq!(AnnualRate::parse("99999999999999999999"), Err(AboveHundred));
        assert_eq!(AnnualRate::parse("6.12345"), Err(TooManyDecimals));
        assert_eq!(AnnualRate::parse("six"), Err(NotANumber));
        assert_eq!(AnnualRate::parse("6.5a"), Err(NotANumber));
        assert_eq!(AnnualRate::parse("6.5.1"), Err(NotANumber));
        assert_eq!(AnnualRate::parse("."), Err(NotANumber));
        assert_eq!(AnnualRate::parse("1e2"), Err(NotANumber));
        assert_eq!(AnnualRate::from_scaled(MAX_RATE + 1), None);
        assert_eq!(AnnualRate::try_from(MAX_RATE + 1), Err(AboveHundred));
    }

    #[test]
    fn published_home_loan_figures_match_to_the_cent() {
        // 3,500,000.00 at 6.5 % over 240 months. Exactly, the annuity is 26,095.0597…,
        // so the instalment is 26,095.06 (EMI calculators show ₹26,095 and total interest
        // ₹27,62,814). The figure 26,094.92 sometimes quoted for this loan does not follow
        // from the formula at any rounding.
        assert_eq!(currency::find("INR").map(|c| c.exponent), Some(2));
        let instalment = emi(350_000_000, rate("6.5"), 240);
        assert_eq!(instalment, Ok(2_609_506));
        let s = sched(350_000_000, "6.5", 240);
        assert_eq!(s.rows.len(), 240);
        assert_eq!(s.total_interest, 276_281_419);
        assert_eq!(s.total_paid, 626_281_419);
        let first = &s.rows[0];
        assert_eq!((first.interest, first.principal), (1_895_833, 713_673));
        assert_eq!(first.balance, 349_286_327);
        let last = &s.rows[239];
        assert_eq!((last.payment, last.interest), (2_609_485, 14_059));
        assert!(s.rows[..239].iter().all(|r| r.payment == 2_609_506));
        assert_consistent(&s, 350_000_000);
    }

    #[test]
    fn zero_interest_splits_evenly_and_the_last_payment_absorbs() {
        assert_eq!(emi(100_000, AnnualRate::ZERO, 3), Ok(33_333));
        let s = sched(100_000, "0", 3);
        let payments: Vec<i64> = s.rows.iter().map(|r| r.payment).collect();
        assert_eq!(payments, [33_333, 33_333, 33_334]);
        assert_eq!(s.total_interest, 0);
        assert_consistent(&s, 100_000);
        // 1000 / 7 = 142.86 rounds up to 143, so the last payment is the smaller one.
        let s = sched(1_000, "0", 7);
        assert_eq!(s.rows[0].payment, 143);
        assert_eq!(s.rows[6].payment, 142);
        assert_consistent(&s, 1_000);
    }

    #[test]
    fn yen_loans_round_to_whole_yen() {
        assert_eq!(currency::find("JPY").map(|c| c.exponent), Some(0));
        // ¥3,000,000 at 1.5 % over 35 years: exactly ¥9,185.6…, so ¥9,186, and the half
        // yen over-paid each month compounds into a smaller last payment.
        assert_eq!(emi(3_000_000, rate("1.5"), 420), Ok(9_186));
        let s = sched(3_000_000, "1.5", 420);
        assert_eq!(s.total_interest, 857_860);
        assert_eq!(s.rows.len(), 420);
        assert_eq!(s.rows[419].payment, 8_926);
        assert_consistent(&s, 3_000_000);
    }

    #[test]
    fn dinar_loans_round_to_the_fils() {
        assert_eq!(currency::find("KWD").map(|c| c.exponent), Some(3));
        // KWD 25,000.000 at 4.25 % over 84 months.
        assert_eq!(emi(25_000_000, rate("4.25"), 84), Ok(344_605));
        let s = sched(25_000_000, "4.25", 84);
        assert_eq!(s.total_interest, 3_946_784);
        assert_eq!(s.rows[83].payment, 344_569);
        assert_consistent(&s, 25_000_000);
    }

    #[test]
    fn a_one_month_loan_repays_principal_and_one_months_interest() {
        assert_eq!(emi(120_000, rate("12"), 1), Ok(121_200));
        let s = sched(120_000, "12", 1);
        assert_eq!(s.rows.len(), 1);
        assert_eq!((s.rows[0].interest, s.total_paid), (1_200, 121_200));
        assert_consistent(&s, 120_000);
    }

    #[test]
    fn exact_annuity_matches_closed_forms() {
        // n = 2 at 12 %: P·1.01² / 2.01 = 10,000 · 1.0201 / 2.01 = 5,075.1243…
        assert_eq!(emi(1_000_000, rate("12"), 2), Ok(507_512));
        // Half up, not half even: 1 unit at 0 % over 2 months is 0.5 → 1.
        assert_eq!(emi(1, AnnualRate::ZERO, 2), Ok(1));
        // 3 units over 2 months is 1.5 → 2.
        assert_eq!(emi(3, AnnualRate::ZERO, 2), Ok(2));
    }

    #[test]
    fn a_tiny_loan_still_has_an_instalment_of_one_unit() {
        assert_eq!(emi(1, rate("1"), 600), Ok(1));
        let s = sched(1, "1", 600);
        assert_eq!(s.rows.len(), 1);
        assert_consistent(&s, 1);
    }

    #[test]
    fn the_largest_loan_at_the_highest_rate_does_not_overflow() {
        let instalment = emi(MAX_AMOUNT, rate("100"), MAX_MONTHS).expect("valid loan");
        // About P·r = 10^15 / 12, a hair above it.
        assert_eq!(instalment, 83_333_333_333_333);
        let s = sched(MAX_AMOUNT, "100", MAX_MONTHS);
        assert_consistent(&s, MAX_AMOUNT);
        let s = sched(MAX_AMOUNT, "0.0001", MAX_MONTHS);
        assert_consistent(&s, MAX_AMOUNT);
    }

    #[test]
    fn invalid_loans_are_refused() {
        assert_eq!(emi(0, rate("5"), 12), Err(LoanError::NonPositivePrincipal));
        assert_eq!(
            emi(-100, rate("5"), 12),
            Err(LoanError::NonPositivePrincipal)
        );
        assert_eq!(emi(MAX_AMOUNT + 1, rate("5"), 12), Err(LoanError::TooLarge));
        assert_eq!(emi(100, rate("5"), 0), Err(LoanError::ZeroMonths));
        assert_eq!(
            emi(100, rate("5"), 601),
            Err(LoanError::TooManyMonths { max: 600 })
        );
    }

    #[test]
    fn an_instalment_below_the_computed_one_is_refused_with_the_minimum() {
        let r = rate("6.5");
        assert_eq!(check_emi(350_000_000, r, 240, 2_609_506), Ok(()));
        assert_eq!(check_emi(350_000_000, r, 240, 3_000_000), Ok(()));
        let too_small = LoanError::InstalmentTooSmall {
            minimum: 2_609_506,
            months: 240,
        };
        assert_eq!(check_emi(350_000_000, r, 240, 2_609_505), Err(too_small));
        let below_interest = LoanError::InstalmentBelowInterest {
            interest: 1_895_833,
            minimum: 2_609_506,
        };
        assert_eq!(
            check_emi(350_000_000, r, 240, 1_895_833),
            Err(below_interest)
        );
        assert_eq!(check_emi(350_000_000, r, 240, 0), Err(below_interest));
        let start = date!(2024 - 01 - 01);
        assert_eq!(
            schedule(350_000_000, r, 240, 2_000_000, start),
            Err(too_small)
        );
        let en = NumberFormat::for_locale("en");
        assert_eq!(
            below_interest.message("USD", en),
            "The instalment does not cover the first month's interest of $18,958.33; it must \
             be at least $26,095.06."
        );
        assert_eq!(
            too_small.message("EUR", NumberFormat::for_locale("de")),
            "That instalment does not repay the loan in 240 months; it must be at least \
             26.095,06\u{a0}€."
        );
    }

    #[test]
    fn at_zero_interest_any_positive_shortfall_is_too_small() {
        let too_small = LoanError::InstalmentTooSmall {
            minimum: 33_333,
            months: 3,
        };
        assert_eq!(check_emi(100_000, AnnualRate::ZERO, 3, 0), Err(too_small));
        assert_eq!(check_emi(100_000, AnnualRate::ZERO, 3, -5), Err(too_small));
        assert_eq!(
            check_emi(100_000, AnnualRate::ZERO, 3, 33_332),
            Err(too_small)
        );
    }

    #[test]
    fn a_larger_instalment_ends_the_schedule_early() {
        let s = schedule(1_000_000, rate("12"), 12, 500_000, date!(2024 - 01 - 15)).expect("ok");
        let payments: Vec<i64> = s.rows.iter().map(|r| r.payment).collect();
        // 10,000.00 + 100.00 − 5,000 → 5,100.00; + 51.00 − 5,000 → 151.00; + 1.51.
        assert_eq!(payments, [500_000, 500_000, 15_251]);
        assert_consistent(&s, 1_000_000);
    }

    #[test]
    fn payment_dates_clamp_to_month_end_without_drifting() {
        let first = date!(2024 - 01 - 31);
        let dates: Vec<Date> = (0..5).filter_map(|i| payment_date(first, i)).collect();
        assert_eq!(
            dates,
            [
                date!(2024 - 01 - 31),
                date!(2024 - 02 - 29),
                date!(2024 - 03 - 31),
                date!(2024 - 04 - 30),
                date!(2024 - 05 - 31),
            ]
        );
        assert_eq!(
            payment_date(date!(2023 - 01 - 31), 1),
            Some(date!(2023 - 02 - 28))
        );
        assert_eq!(
            payment_date(date!(2024 - 02 - 29), 12),
            Some(date!(2025 - 02 - 28))
        );
        assert_eq!(
            payment_date(date!(2024 - 02 - 29), 48),
            Some(date!(2028 - 02 - 29))
        );
        assert_eq!(
            payment_date(date!(2024 - 11 - 30), 3),
            Some(date!(2025 - 02 - 28))
        );
        assert_eq!(
            payment_date(date!(2024 - 12 - 15), 1),
            Some(date!(2025 - 01 - 15))
        );
        assert_eq!(payment_date(date!(9999 - 12 - 01), 1), None);
        let s = sched(350_000_000, "6.5", 240);
        assert_eq!(s.rows[1].date, date!(2024 - 02 - 29));
        assert_eq!(s.rows[239].date, date!(2043 - 12 - 31));
    }

    #[test]
    fn a_schedule_running_past_the_calendar_is_refused() {
        let late = date!(9990 - 01 - 01);
        assert_eq!(
            schedule(100_000, rate("5"), 240, 1_000, late),
            Err(LoanError::DateOutOfRange)
        );
    }

    #[test]
    fn the_remaining_schedule_continues_the_original_one() {
        let full = sched(350_000_000, "6.5", 240);
        let after = &full.rows[99];
        let rest = remaining_schedule(
            &Standing::new(after.balance),
            rate("6.5"),
            2_609_506,
            full.rows[100].date,
        )
        .expect("ok");
        assert_eq!(rest.rows.len(), 140);
        for (tail, row) in full.rows[100..].iter().zip(&rest.rows) {
            assert_eq!(row.n + 100, tail.n);
            assert_eq!(
                (row.date, row.payment, row.interest, row.balance),
                (tail.date, tail.payment, tail.interest, tail.balance)
            );
        }
        assert_consistent(&rest, after.balance);
    }

    #[test]
    fn a_remaining_schedule_needs_an_instalment_that_repays_in_600_months() {
        let start = date!(2024 - 06 - 01);
        let empty = remaining_schedule(&Standing::new(0), rate("6.5"), 100, start).expect("ok");
        assert!(empty.rows.is_empty() && empty.total_paid == 0);
        let minimum = emi(1_000_000, rate("12"), MAX_MONTHS).expect("valid");
        assert_eq!(
            remaining_schedule(&Standing::new(1_000_000), rate("12"), 10_000, start),
            Err(LoanError::InstalmentBelowInterest {
                interest: 10_000,
                minimum
            })
        );
        let s =
            remaining_schedule(&Standing::new(1_000_000), rate("12"), minimum, start).expect("ok");
        // 100.26 is 100.256… rounded up; the 0.4 of a cent over-paid each month compounds
        // at 1 % into nearly a whole instalment, so the debt closes in month 599 with 45.90.
        assert_eq!(minimum, 10_026);
        assert_eq!(s.rows.len(), 599);
        assert_eq!(s.rows[598].payment, 4_590);
        assert_consistent(&s, 1_000_000);
    }

    fn debt(id: i64, balance: i64, r: &str, min_payment: i64) -> PlanDebt {
        PlanDebt {
            id,
            name: format!("debt {id}"),
            balance,
            rate: rate(r),
            min_payment,
        }
    }

    /// A card at 24 % (2 % a month), a car at 12 % (1 %), a friend at 0 %; 50.00 extra.
    fn three_debts() -> Vec<PlanDebt> {
        vec![
            debt(1, 100_000, "24", 5_000),
            debt(2, 30_000, "12", 5_000),
            debt(3, 60_000, "0", 10_000),
        ]
    }

    #[test]
    fn snowball_closes_the_smallest_balance_first_as_computed_by_hand() {
        // Budget 250.00 a month. Month 1: card 1,020.00 − 50 = 970.00, car 303.00 − 50 −
        // 50 extra = 203.00, friend 500.00: 1,673.00. Month 2: card 989.40 − 50, car
        // 205.03 − 100 = 105.03, friend 400: 1,444.43. Month 3: card 958.19 − 50 =
        // 908.19, car 106.08 − 100 = 6.08, friend 300: 1,214.27. Month 4: card 926.35 −
        // 50 = 876.35; the car's 6.14 is covered by its minimum, leaving 93.86 for the
        // friend (200 → 106.14): 982.49. Month 5: the friend's minimum leaves 6.14, the
        // extra 100 closes it and 93.86 goes to the card (843.88 → 750.02).
        let p = plan(&three_debts(), 5_000, Strategy::Snowball).expect("valid");
        assert_eq!(p.payoff_order, [(2, 4), (3, 5), (1, 9)]);
        assert_eq!(
            p.balance_by_month[..5],
            [167_300, 144_443, 121_427, 98_249, 75_002]
        );
        assert_eq!(p.months_to_debt_free, Some(9));
        assert_eq!((p.total_interest, p.total_paid), (13_145, 203_145));
        assert_eq!(p.balance_by_month.last(), Some(&0));
    }

    #[test]
    fn avalanche_targets_the_highest_rate_and_pays_less_interest() {
        let p = plan(&three_debts(), 5_000, Strategy::Avalanche).expect("valid");
        // The friend and the car close on their own minimums while the card takes the
        // extra; all three are gone in the same month as with snowball, cheaper.
        assert_eq!(p.payoff_order, [(3, 6), (2, 7), (1, 9)]);
        assert_eq!(p.months_to_debt_free, Some(9));
        assert_eq!((p.total_interest, p.total_paid), (12_198, 202_198));
        let m = plan(&three_debts(), 5_000, Strategy::MinimumOnly).expect("valid");
        assert_eq!(m.payoff_order, [(3, 6), (2, 7), (1, 26)]);
        assert_eq!(
            (m.months_to_debt_free, m.total_interest),
            (Some(26), 30_085)
        );
    }

    #[test]
    fn minimum_only_equals_each_debts_own_schedule() {
        let start = date!(2024 - 01 - 01);
        let debts = [
            debt(7, 350_000_000, "6.5", 2_609_506),
            debt(8, 1_000_000, "19.99", 50_000),
            debt(9, 120_000, "0", 7_000),
        ];
        let p = plan(&debts, 99_999, Strategy::MinimumOnly).expect("valid");
        let schedules: Vec<Schedule> = debts
            .iter()
            .map(|d| {
                remaining_schedule(&Standing::new(d.balance), d.rate, d.min_payment, start)
                    .expect("ok")
            })
            .collect();
        let interest: i64 = schedules.iter().map(|s| s.total_interest).sum();
        let paid: i64 = schedules.iter().map(|s| s.total_paid).sum();
        assert_eq!((p.total_interest, p.total_paid), (interest, paid));
        let longest = schedules.iter().map(|s| s.rows.len()).max();
        assert_eq!(p.months_to_debt_free.map(|m| m as usize), longest);
        for (month, total) in p.balance_by_month.iter().enumerate() {
            let expected: i64 = schedules
                .iter()
                .map(|s| s.rows.get(month).map_or(0, |r| r.balance))
                .sum();
            assert_eq!(*total, expected, "month {}", month + 1);
        }
        for (d, s) in debts.iter().zip(&schedules) {
            let closed = p.payoff_order.iter().find(|(id, _)| *id == d.id);
            assert_eq!(closed.map(|(_, m)| *m as usize), Some(s.rows.len()));
        }
    }

    #[test]
    fn a_minimum_below_the_interest_never_pays_off_unless_the_extra_covers_it() {
        // 10,000.00 at 24 % accrues 200.00 a month; the minimum is 150.00.
        let debts = [debt(1, 1_000_000, "24", 15_000)];
        for strategy in [
            Strategy::MinimumOnly,
            Strategy::Avalanche,
            Strategy::Snowball,
        ] {
            let p = plan(&debts, 0, strategy).expect("valid");
            assert_eq!(p.months_to_debt_free, None, "{strategy:?}");
            assert!(p.payoff_order.is_empty());
        }
        let p = plan(&debts, 10_000, Strategy::MinimumOnly).expect("valid");
        assert_eq!(p.months_to_debt_free, None);
        let p = plan(&debts, 10_000, Strategy::Avalanche).expect("valid");
        assert_eq!(p.payoff_order, [(1, 82)]);
        assert_eq!(p.months_to_debt_free, Some(82));
        assert_eq!(p.total_paid, 1_000_000 + p.total_interest);
    }

    #[test]
    fn a_hopeless_plan_stops_early_instead_of_overflowing() {
        let debts = [debt(1, MAX_AMOUNT, "100", 1)];
        let p = plan(&debts, 0, Strategy::Avalanche).expect("valid");
        assert_eq!(p.months_to_debt_free, None);
        assert!(p.balance_by_month.len() < PLAN_HORIZON_MONTHS as usize);
        let p = plan(&[debt(1, 5, "0", 0)], 0, Strategy::Snowball).expect("valid");
        assert_eq!((p.months_to_debt_free, p.balance_by_month.len()), (None, 1));
    }

    #[test]
    fn closed_debts_free_their_minimum_for_the_others() {
        let debts = [debt(1, 0, "5", 10_000), debt(2, 30_000, "0", 5_000)];
        let rolled = plan(&debts, 0, Strategy::Snowball).expect("valid");
        assert_eq!(rolled.payoff_order, [(1, 0), (2, 2)]);
        let alone = plan(&debts, 0, Strategy::MinimumOnly).expect("valid");
        assert_eq!(alone.payoff_order, [(1, 0), (2, 6)]);
        let none = plan(&[], 1_000, Strategy::Avalanche).expect("valid");
        assert_eq!(none.months_to_debt_free, Some(0));
    }

    #[test]
    fn avalanche_ties_go_to_the_smaller_balance_then_the_id() {
        let debts = [
            debt(3, 50_000, "10", 0),
            debt(1, 50_000, "10", 0),
            debt(2, 20_000, "10", 0),
        ];
        let p = plan(&debts, 100_000, Strategy::Avalanche).expect("valid");
        let order: Vec<i64> = p.payoff_order.iter().map(|(id, _)| *id).collect();
        assert_eq!(order, [2, 1, 3]);
        // Snowball ties go to the higher rate. Balances of 0.10 accrue no interest at
        // either rate, so they stay tied; 0.05 a month goes to the 9 % debt first.
        let debts = [debt(2, 10, "5", 0), debt(1, 10, "9", 0)];
        let p = plan(&debts, 5, Strategy::Snowball).expect("valid");
        assert_eq!(p.payoff_order, [(1, 2), (2, 4)]);
    }

    #[test]
    fn avalanche_never_pays_more_interest_than_snowball() {
        // A fixed pseudo-random sweep (a 64-bit LCG) over small portfolios.
        let mut seed: u64 = 0x5eed;
        let mut next = |bound: u64| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            i64::try_from((seed >> 33) % bound).expect("small")
        };
        for case in 0..300 {
            let count = next(4) + 1;
            let debts: Vec<PlanDebt> = (0..count)
                .map(|id| PlanDebt {
                    id,
                    name: String::new(),
                    balance: next(2_000_000),
                    rate: AnnualRate::from_scaled(next(300_001) as u32).expect("≤ 30 %"),
                    min_payment: next(60_000),
                })
                .collect();
            let extra = next(50_000);
            let a = plan(&debts, extra, Strategy::Avalanche).expect("valid");
            let s = plan(&debts, extra, Strategy::Snowball).expect("valid");
            if s.months_to_debt_free.is_some() {
                assert!(a.months_to_debt_free.is_some(), "case {case}");
                assert!(a.total_interest <= s.total_interest, "case {case}");
            }
        }
    }

    #[test]
    fn negative_or_oversized_plan_inputs_are_refused() {
        let neg = [debt(1, -1, "5", 100)];
        assert_eq!(
            plan(&neg, 0, Strategy::Avalanche),
            Err(LoanError::NegativeAmount)
        );
        let ok = [debt(1, 100, "5", 100)];
        assert_eq!(
            plan(&ok, -1, Strategy::Snowball),
            Err(LoanError::NegativeAmount)
        );
        let huge = [debt(1, MAX_AMOUNT, "5", 1), debt(2, 1, "5", 1)];
        assert_eq!(
            plan(&huge, 0, Strategy::Avalanche),
            Err(LoanError::TooLarge)
        );
        assert_eq!(
            plan(&ok, MAX_AMOUNT, Strategy::Avalanche),
            Err(LoanError::TooLarge)
        );
    }

    /// Paying a debt with its scheduled payments, one `apply_payment` each.
    fn pay_down(principal: i64, r: &str, months: u32) -> (Schedule, Vec<Applied>) {
        let s = sched(principal, r, months);
        let instalment = emi(principal, rate(r), months).expect("valid");
        let mut standing = Standing::new(principal);
        let mut applied = Vec::new();
        for row in &s.rows {
            let a = apply_payment(&standing, rate(r), instalment, row.payment).expect("fits");
            standing = a.after;
            applied.push(a);
        }
        (s, applied)
    }

    #[test]
    fn paying_each_instalment_follows_the_schedule_to_the_minor_unit() {
        for (principal, r, months) in [
            (350_000_000, "6.5", 240),
            (100_000, "12", 12),
            (99_999, "0", 7),
            (1, "24", 1),
        ] {
            let (s, applied) = pay_down(principal, r, months);
            for (row, a) in s.rows.iter().zip(&applied) {
                assert_eq!((a.interest, a.principal), (row.interest, row.principal));
                assert_eq!(a.after.balance, row.balance);
                assert!(a.period_complete, "row {} of {principal} at {r}", row.n);
            }
            assert_eq!(applied.last().map(|a| a.after), Some(Standing::new(0)));
        }
    }

    #[test]
    fn split_instalments_land_where_one_would() {
        let r = rate("12");
        let instalment = emi(100_000, r, 12).expect("valid");
        let whole = apply_payment(&Standing::new(100_000), r, instalment, instalment).expect("ok");
        let first = apply_payment(&Standing::new(100_000), r, instalment, 600).expect("ok");
        // 1 % of 1,000.00 is 10.00: the first 6.00 is all interest, the period stays open.
        assert_eq!((first.interest, first.principal), (600, 0));
        assert!(!first.period_complete);
        assert_eq!(
            first.after,
            Standing {
                balance: 100_000,
                period_interest: Some(400),
                period_paid: 600
            }
        );
        assert_eq!(first.after.instalment_due(r, instalment), instalment - 600);
        let second = apply_payment(&first.after, r, instalment, instalment - 600).expect("ok");
        assert_eq!(
            (second.interest, second.principal),
            (400, instalment - 1_000)
        );
        assert!(second.period_complete);
        assert_eq!(second.after, whole.after);
    }

    #[test]
    fn extra_principal_lowers_later_interest() {
        let r = rate("12");
        let instalment = emi(100_000, r, 12).expect("valid");
        let big = apply_payment(&Standing::new(100_000), r, instalment, 50_000).expect("ok");
        assert_eq!((big.interest, big.principal), (1_000, 49_000));
        assert!(big.period_complete);
        assert_eq!(big.after.interest_due(r), 510);
    }

    #[test]
    fn a_payment_above_the_payoff_is_refused_with_the_payoff() {
        let r = rate("12");
        let standing = Standing::new(100_000);
        assert_eq!(standing.payoff(r), 101_000);
        assert_eq!(
            apply_payment(&standing, r, 8_885, 101_001),
            Err(PaymentRefused::OverPayment { max: 101_000 })
        );
        assert_eq!(
            apply_payment(&standing, r, 8_885, 0),
            Err(PaymentRefused::NotPositive)
        );
        let cleared = apply_payment(&standing, r, 8_885, 101_000).expect("ok");
        assert_eq!((cleared.interest, cleared.principal), (1_000, 100_000));
        assert!(cleared.period_complete);
        assert_eq!(cleared.after.payoff(r), 0);
        assert_eq!(
            apply_payment(&cleared.after, r, 8_885, 1),
            Err(PaymentRefused::OverPayment { max: 0 })
        );
    }

    #[test]
    fn a_period_stays_open_until_its_interest_is_paid() {
        // The rate rose after the loan was set up: the interest is above the instalment.
        let r = rate("24");
        let standing = Standing::new(100_000);
        let a = apply_payment(&standing, r, 1_500, 1_500).expect("ok");
        assert_eq!((a.interest, a.principal), (1_500, 0));
        assert!(!a.period_complete, "500 of interest is still unpaid");
        assert_eq!(a.after.instalment_due(r, 1_500), 500);
        let b = apply_payment(&a.after, r, 1_500, 500).expect("ok");
        assert!(b.period_complete);
        assert_eq!(b.after, Standing::new(100_000));
    }

    #[test]
    fn the_remaining_schedule_starts_with_what_is_left_of_the_period() {
        let r = rate("12");
        let instalment = emi(100_000, r, 12).expect("valid");
        let first = apply_payment(&Standing::new(100_000), r, instalment, 600).expect("ok");
        let start = date!(2026 - 02 - 15);
        let rest = remaining_schedule(&first.after, r, instalment, start).expect("ok");
        let full = sched(100_000, "12", 12);
        assert_eq!(rest.rows[0].payment, instalment - 600);
        assert_eq!(rest.rows[0].interest, 400);
        assert_eq!(rest.rows[0].balance, full.rows[0].balance);
        assert_eq!(rest.rows.len(), 12);
        assert_eq!(rest.total_interest + 600, full.total_interest);
    }

    #[test]
    fn random_loans_paid_instalment_by_instalment_match_their_schedules() {
        let mut seed: u64 = 0xf10_5eed;
        let mut next = |bound: u64| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) % bound
        };
        for _ in 0..300 {
            let principal = i64::try_from(next(1_000_000_000) + 1).expect("small");
            let scaled = u32::try_from(next(400_000)).expect("small");
            let months = u32::try_from(next(360) + 1).expect("small");
            let r = AnnualRate::from_scaled(scaled).expect("in range");
            let instalment = emi(principal, r, months).expect("valid");
            let s = schedule(principal, r, months, instalment, date!(2025 - 01 - 31)).expect("ok");
            let mut standing = Standing::new(principal);
            for row in &s.rows {
                let a = apply_payment(&standing, r, instalment, row.payment).expect("fits");
                assert_eq!((a.interest, a.after.balance), (row.interest, row.balance));
                standing = a.after;
            }
            assert_eq!(standing.payoff(r), 0);
        }
    }
}
