//! Numbers for the Numeric operators: integers and decimals, compared exactly (OPS).
//!
//! A number is kept as its significant digits and the position of the decimal point, so `10`, `10.0` and
//! `1e1` are equal and no number is too large or too precise to compare. Accepted: an optional sign,
//! digits with an optional fraction (`5`, `-2.50`, `.5`, `5.`), and an optional exponent as JSON writes it
//! (`1e3`).

use std::cmp::Ordering;

/// A decimal number: `0.d₁d₂… × 10^point`, with no leading or trailing zero digits; zero has no digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Decimal {
    negative: bool,
    digits: Vec<u8>,
    point: i64,
}

/// Reads a number; `None` when the text is not one.
pub(super) fn parse(text: &str) -> Option<Decimal> {
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => (mantissa, parse_exponent(exponent)?),
        None => (unsigned, 0),
    };
    let (integer, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all_digits = |part: &str| part.bytes().all(|byte| byte.is_ascii_digit());
    if (integer.is_empty() && fraction.is_empty()) || !all_digits(integer) || !all_digits(fraction)
    {
        return None;
    }
    let mut point = i64::try_from(integer.len()).ok()?.checked_add(exponent)?;
    let mut digits: Vec<u8> = integer
        .bytes()
        .chain(fraction.bytes())
        .map(|byte| byte - b'0')
        .collect();
    let leading_zeros = digits.iter().take_while(|digit| **digit == 0).count();
    digits.drain(..leading_zeros);
    point = point.checked_sub(i64::try_from(leading_zeros).ok()?)?;
    while digits.last() == Some(&0) {
        digits.pop();
    }
    if digits.is_empty() {
        return Some(Decimal {
            negative: false,
            digits,
            point: 0,
        });
    }
    Some(Decimal {
        negative,
        digits,
        point,
    })
}

/// An exponent: optional sign and up to 18 digits, so it always fits.
fn parse_exponent(text: &str) -> Option<i64> {
    let digits = text.strip_prefix(['+', '-']).unwrap_or(text);
    if digits.is_empty() || digits.len() > 18 || !digits.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

impl Decimal {
    fn sign(&self) -> i8 {
        match (self.digits.is_empty(), self.negative) {
            (true, _) => 0,
            (false, true) => -1,
            (false, false) => 1,
        }
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> Ordering {
        let by_sign = self.sign().cmp(&other.sign());
        if by_sign != Ordering::Equal || self.sign() == 0 {
            return by_sign;
        }
        // Same sign, both non-zero: without leading zeros, the point position orders the magnitudes, then
        // the digits do (without trailing zeros a proper prefix is the smaller number).
        let magnitude = self
            .point
            .cmp(&other.point)
            .then_with(|| self.digits.cmp(&other.digits));
        if self.negative {
            magnitude.reverse()
        } else {
            magnitude
        }
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
