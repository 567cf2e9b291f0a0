//! `float_text` writes every float as Rust's `Display` does.

use proptest::prelude::*;

use super::float_text;

#[test]
fn special_and_boundary_values_are_written_as_display_writes_them() {
    let values = [
        0.0,
        -0.0,
        1.0,
        -1.5,
        0.1,
        1e-7,
        1.5e-7,
        123_456.789,
        1e15,
        1e16,
        1e21,
        1e22,
        -1e300,
        f64::MAX,
        f64::MIN,
        f64::MIN_POSITIVE,
        f64::EPSILON,
        5e-324,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        // Exactly halfway between 142376757972736.12 and .13: Rust rounds up, serde_json to even.
        f64::from_bits(4_818_904_057_914_187_780),
    ];
    for value in values {
        assert_eq!(float_text(value), format!("{value}"), "{value:e}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]

    /// Every bit pattern: any exponent, any mantissa, either sign.
    #[test]
    fn any_float_is_written_as_display_writes_it(bits in any::<u64>()) {
        let value = f64::from_bits(bits);
        prop_assert_eq!(float_text(value), format!("{value}"));
    }

    /// Numbers as people write them: a few digits, scaled by a power of ten.
    #[test]
    fn short_decimals_are_written_as_display_writes_them(digits in -99_999i64..99_999, scale in -30i32..30) {
        let value = digits as f64 * 10f64.powi(scale);
        prop_assert_eq!(float_text(value), format!("{value}"));
    }
}
