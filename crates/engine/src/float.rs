//! Floating-point numbers as text, exactly as Rust's `Display` writes them (`1.5`, `1000`, `0.0000001`,
//! `-0`, `NaN`, `inf`), built from serde_json's shortest round-trip digits rather than by core's float
//! formatter: the page's WebAssembly module carries serde_json's already, and core's would add 15 KB.

/// `value` as `format!("{value}")` writes it: the shortest digits that read back as `value`, in plain
/// decimal notation, never with an exponent.
pub fn float_text(value: f64) -> String {
    let Some(number) = serde_json::Number::from_f64(value) else {
        return match value {
            f64::INFINITY => "inf".to_owned(),
            f64::NEG_INFINITY => "-inf".to_owned(),
            _ => "NaN".to_owned(),
        };
    };
    let (digits, point) = shortest_digits(&number.to_string());
    let (digits, point) = round_ties_up(value, digits, point);
    let sign = if value.is_sign_negative() { "-" } else { "" };
    format!("{sign}{}", plain(&digits, point))
}

/// The significant digits of a decimal number as serde_json writes floats (`-1.5e-7`, `1e21`, `0.1`),
/// without leading or trailing zeros, and where the decimal point falls among them: `("15", -6)` for
/// `1.5e-7`. Zero is `("", 0)`.
fn shortest_digits(text: &str) -> (String, i64) {
    let unsigned = text.trim_start_matches('-');
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => (mantissa, exponent.parse::<i64>().unwrap_or(0)),
        None => (unsigned, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{whole}{fraction}");
    let significant = digits.trim_start_matches('0');
    let point = whole.len() as i64 + exponent - (digits.len() - significant.len()) as i64;
    (significant.trim_end_matches('0').to_owned(), point)
}

/// The digits Rust writes, and where its point falls, where serde_json's and Rust's shortest digits can
/// differ: when `value` lies exactly halfway between `digits` and the next number of as many digits,
/// serde_json rounds to the even one and Rust rounds up.
fn round_ties_up(value: f64, digits: String, point: i64) -> (String, i64) {
    let Ok(lower) = digits.parse::<u64>() else {
        return (digits, point);
    };
    // The exponent of the last digit: `value` is a tie when it is exactly (2 × lower + 1) × 10^last / 2.
    let last = point - digits.len() as i64;
    if !is_halfway(value, lower, last) {
        return (digits, point);
    }
    let upper = (lower + 1).to_string();
    if upper.len() > digits.len() {
        // 99…9 rounded up is 10…0: one digit more, the point one place further on; the zeros go.
        return ("1".to_owned(), point + 1);
    }
    (upper.trim_end_matches('0').to_owned(), point)
}

/// Whether |`value`| = (2 × `lower` + 1) × 10^`last` / 2 exactly. With |`value`| = m × 2^e, m = odd × 2^t:
/// both sides' powers of two must match (`last` = t + e + 1) and so must their odd parts.
fn is_halfway(value: f64, lower: u64, last: i64) -> bool {
    let bits = value.to_bits();
    let fraction = bits & ((1 << 52) - 1);
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let (mantissa, exponent) = match biased {
        0 => (fraction, -1074),
        _ => (fraction | (1 << 52), biased - 1075),
    };
    if mantissa == 0 {
        return false;
    }
    let twos = i64::from(mantissa.trailing_zeros());
    let odd = u128::from(mantissa >> twos);
    let Some(halfway) = u128::from(lower)
        .checked_mul(2)
        .and_then(|twice| twice.checked_add(1))
    else {
        return false;
    };
    let Ok(fives) = u32::try_from(last.abs()) else {
        return false;
    };
    let Some(power) = 5u128.checked_pow(fives) else {
        return false;
    };
    last == twos + exponent + 1
        && if last >= 0 {
            halfway.checked_mul(power) == Some(odd)
        } else {
            odd.checked_mul(power) == Some(halfway)
        }
}

/// Significant `digits` with the decimal point `point` places in, in plain notation: `0.00015`, `15000`,
/// `1.5`; `0` when there are none.
fn plain(digits: &str, point: i64) -> String {
    if digits.is_empty() {
        return "0".to_owned();
    }
    let zeros = |count: i64| "0".repeat(usize::try_from(count).unwrap_or(0));
    if point <= 0 {
        return format!("0.{}{digits}", zeros(-point));
    }
    match usize::try_from(point)
        .ok()
        .and_then(|at| digits.split_at_checked(at))
    {
        Some((whole, "")) => whole.to_owned(),
        Some((whole, fraction)) => format!("{whole}.{fraction}"),
        None => format!("{digits}{}", zeros(point - digits.len() as i64)),
    }
}

#[cfg(test)]
mod tests;
