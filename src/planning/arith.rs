//! Exact integer arithmetic for percentages and rounding up: products in 128 bits, so a
//! threshold is never missed or reported twice through rounding.

/// True when `amount` is at least `percent` % of `whole`. Exact: the products are taken in
/// 128 bits, where no pair of `i64` amounts times a percentage can overflow.
pub(super) fn reaches(amount: i64, whole: i64, percent: u8) -> bool {
    i128::from(amount) * 100 >= i128::from(whole) * i128::from(percent)
}

/// `amount` as a percentage of `whole` (> 0), rounded down and clamped to `0..=cap`.
pub(super) fn percent_floor(amount: i64, whole: i64, cap: u16) -> u16 {
    let percent = (i128::from(amount) * 100).div_euclid(i128::from(whole));
    let clamped = percent.clamp(0, i128::from(cap));
    u16::try_from(clamped).unwrap_or(cap)
}

/// `numerator / denominator` rounded up, for a positive numerator and denominator.
pub(super) fn ceil_div(numerator: i64, denominator: i64) -> i64 {
    numerator / denominator + i64::from(numerator % denominator != 0)
}
