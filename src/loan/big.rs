//! Unsigned big integers, only as much as the exact annuity needs. Private to the loan
//! rules: nothing else should do arithmetic this way.

use std::cmp::Ordering;

/// Just enough unsigned big-integer arithmetic for the exact annuity: `(1 + r)^600` as a
/// fraction has about 14 000 bits. Little-endian 64-bit limbs without leading zero limbs,
/// so equal values have equal representations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Big(Vec<u64>);

impl Big {
    pub(super) fn pow(base: u64, exponent: u32) -> Self {
        (0..exponent).fold(Self(vec![1]), |acc, _| acc.mul_small(base))
    }

    #[expect(
        clippy::cast_possible_truncation,
        reason = "a limb is the low 64 bits of the 128-bit product; the carry keeps the rest"
    )]
    pub(super) fn mul_small(&self, factor: u64) -> Self {
        let mut limbs = Vec::with_capacity(self.0.len() + 1);
        let mut carry: u128 = 0;
        for &limb in &self.0 {
            let product = u128::from(limb) * u128::from(factor) + carry;
            limbs.push(product as u64);
            carry = product >> 64;
        }
        limbs.push(carry as u64);
        Self(limbs).normalized()
    }

    pub(super) fn add(&self, other: &Self) -> Self {
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
        Self(limbs).normalized()
    }

    /// `self − other`, for `self ≥ other`.
    pub(super) fn sub(&self, other: &Self) -> Self {
        let mut limbs = Vec::with_capacity(self.0.len());
        let mut borrow = false;
        for i in 0..self.0.len() {
            let (diff, b1) = self.limb(i).overflowing_sub(other.limb(i));
            let (diff, b2) = diff.overflowing_sub(u64::from(borrow));
            limbs.push(diff);
            borrow = b1 || b2;
        }
        Self(limbs).normalized()
    }

    pub(super) fn cmp(&self, other: &Self) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }

    fn limb(&self, i: usize) -> u64 {
        self.0.get(i).copied().unwrap_or(0)
    }

    fn normalized(mut self) -> Self {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
        self
    }
}
