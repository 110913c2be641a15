//! Decimal text to and from `f64`, small and deterministic.
//!
//! The standard library's float formatting and parsing are exact for every
//! `f64`, and carry tens of kilobytes of tables and big-number code into the
//! WebAssembly for it. Every number here is a reader's input or a figure
//! rounded for display, at most a few places, so scaled integers do: values
//! are rounded half away from zero, and text reads back to the nearest
//! `f64` whenever it has at most 15 significant digits.

/// Largest magnitude written digit by digit; beyond it numbers are written
/// in powers of ten ("1.5e21").
const PLAIN_LIMIT: f64 = 1e18;

/// Powers of ten exactly representable in an `f64`.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
    1e20, 1e21, 1e22,
];

/// `10^e` for any exponent (exact up to 22).
fn pow10(e: i32) -> f64 {
    match usize::try_from(e.unsigned_abs()) {
        Ok(i) if i < POW10.len() => {
            if e < 0 {
                1.0 / POW10[i]
            } else {
                POW10[i]
            }
        }
        _ => 10f64.powi(e),
    }
}

/// `x` raised to the power `y`, for `x >= 0`, as `exp(y · ln x)`; NaN for
/// negative `x`. Within a few units in the last place of `f64::powf`, and
/// without its 4 KB table in the WebAssembly (exp and ln are there anyway).
pub fn pow(x: f64, y: f64) -> f64 {
    if x > 0.0 {
        (y * x.ln()).exp()
    } else if x == 0.0 {
        if y > 0.0 {
            0.0
        } else if y == 0.0 {
            1.0
        } else {
            f64::INFINITY
        }
    } else {
        f64::NAN
    }
}

/// `x` limited to `lo..=hi`, NaN becoming `lo`. Unlike `f64::clamp` it
/// never panics (so it carries no float printing for a panic message).
pub fn clamp(x: f64, lo: f64, hi: f64) -> f64 {
    x.max(lo).min(hi)
}

/// Appends the decimal digits of `n`.
pub fn push_uint(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[i..] {
        out.push(d as char);
    }
}

/// Appends `n` with a hyphen-minus when negative (for markup and URLs).
pub fn push_int(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    push_uint(out, n.unsigned_abs());
}

/// `x` with exactly `decimals` places (at most 9), an ASCII `-` when the
/// rounded value is negative, no grouping: "1234.50". Non-finite values
/// give `None`. Magnitudes of 10^18 and more are written as "1.23e21".
pub fn fixed(x: f64, decimals: usize) -> Option<String> {
    if !x.is_finite() {
        return None;
    }
    let decimals = decimals.min(9);
    let mut out = String::new();
    let magnitude = x.abs();
    if magnitude >= PLAIN_LIMIT {
        if x < 0.0 {
            out.push('-');
        }
        let exponent = magnitude.log10().floor() as i32;
        let mantissa = magnitude / pow10(exponent);
        let (m, exponent) = if mantissa >= 9.995 { (mantissa / 10.0, exponent + 1) } else { (mantissa, exponent) };
        out.push_str(&fixed(m, 2).unwrap_or_default());
        out.push('e');
        push_int(&mut out, exponent.into());
        return Some(out);
    }
    let scale = POW10[decimals];
    // Integer and fraction are split first so that no scaled value exceeds
    // the 53 bits an f64 holds exactly.
    let whole = magnitude.trunc();
    let mut int = whole as u64;
    let mut frac = ((magnitude - whole) * scale).round() as u64;
    if frac >= scale as u64 {
        int += 1;
        frac = 0;
    }
    if x < 0.0 && (int != 0 || frac != 0) {
        out.push('-');
    }
    push_uint(&mut out, int);
    if decimals > 0 {
        out.push('.');
        let mut digits = String::new();
        push_uint(&mut digits, frac);
        for _ in digits.len()..decimals {
            out.push('0');
        }
        out.push_str(&digits);
    }
    Some(out)
}

/// The fewest decimal places (up to 9) that [`parse`] reads back as exactly
/// `x`: "1.5", "2", "0.125". Non-finite values give an empty string.
pub fn shortest(x: f64) -> String {
    let mut last = String::new();
    for decimals in 0..=9 {
        let Some(text) = fixed(x, decimals) else { return String::new() };
        if parse(&text) == Some(x) {
            return text;
        }
        last = text;
    }
    last
}

/// Reads a plain decimal number: optional sign, digits with an optional
/// point, an optional exponent ("-1.5", ".5", "2e3"). Anything else,
/// including "inf" and "NaN", gives `None`; a number too large for an
/// `f64` reads as infinity, as the standard library's parser has it.
pub fn parse(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let negative = match bytes.first() {
        Some(b'-') => {
            i += 1;
            true
        }
        Some(b'+') => {
            i += 1;
            false
        }
        _ => false,
    };
    let mut mantissa: u64 = 0;
    let mut exponent: i32 = 0;
    let mut digits = 0;
    let mut seen_point = false;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'0'..=b'9' => {
                digits += 1;
                if mantissa < 100_000_000_000_000_000 {
                    mantissa = mantissa * 10 + u64::from(b - b'0');
                    if seen_point {
                        exponent -= 1;
                    }
                } else if !seen_point {
                    // Digits beyond what a u64 holds only scale the value.
                    exponent += 1;
                }
            }
            b'.' if !seen_point => seen_point = true,
            _ => break,
        }
        i += 1;
    }
    if digits == 0 {
        return None;
    }
    if let Some(b'e' | b'E') = bytes.get(i) {
        i += 1;
        let sign = match bytes.get(i) {
            Some(b'-') => {
                i += 1;
                -1
            }
            Some(b'+') => {
                i += 1;
                1
            }
            _ => 1,
        };
        let start = i;
        let mut e: i32 = 0;
        while let Some(&b @ b'0'..=b'9') = bytes.get(i) {
            e = e.saturating_mul(10).saturating_add(i32::from(b - b'0'));
            i += 1;
        }
        if i == start {
            return None;
        }
        exponent = exponent.saturating_add(sign * e);
    }
    if i != bytes.len() {
        return None;
    }
    let m = mantissa as f64;
    // Exact operands give a correctly rounded result (Clinger's fast path).
    let value = if exponent < 0 {
        match usize::try_from(exponent.unsigned_abs()) {
            Ok(k) if k < POW10.len() => m / POW10[k],
            _ => m * pow10(exponent),
        }
    } else {
        m * pow10(exponent)
    };
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn fixed_rounds_half_away_from_zero_and_pads() {
        assert_eq!(fixed(1234.5, 2).unwrap(), "1234.50");
        assert_eq!(fixed(0.125, 2).unwrap(), "0.13");
        assert_eq!(fixed(-0.125, 2).unwrap(), "-0.13");
        assert_eq!(fixed(0.05, 1).unwrap(), "0.1");
        assert_eq!(fixed(9.999, 2).unwrap(), "10.00");
        assert_eq!(fixed(0.0001, 2).unwrap(), "0.00");
        assert_eq!(fixed(-0.0001, 2).unwrap(), "0.00", "no negative zero");
        assert_eq!(fixed(3.0, 0).unwrap(), "3");
        assert_eq!(fixed(2.5, 0).unwrap(), "3");
        assert_eq!(fixed(1.05, 3).unwrap(), "1.050");
        assert_eq!(fixed(123_456_789_012.0, 0).unwrap(), "123456789012");
        assert_eq!(fixed(1.5e21, 1).unwrap(), "1.50e21");
        assert_eq!(fixed(-2e30, 0).unwrap(), "-2.00e30");
        assert_eq!(fixed(f64::NAN, 2), None);
        assert_eq!(fixed(f64::INFINITY, 2), None);
    }

    #[test]
    fn parse_reads_plain_decimals_only() {
        assert_eq!(parse("1.5"), Some(1.5));
        assert_eq!(parse("-0.25"), Some(-0.25));
        assert_eq!(parse("+7"), Some(7.0));
        assert_eq!(parse(".5"), Some(0.5));
        assert_eq!(parse("5."), Some(5.0));
        assert_eq!(parse("2e3"), Some(2000.0));
        assert_eq!(parse("2.5E-2"), Some(0.025));
        assert_eq!(parse("0.1"), Some(0.1));
        assert_eq!(parse("12345678901234567890"), Some(12345678901234567890.0));
        assert_eq!(parse("1e999"), Some(f64::INFINITY));
        assert_eq!(parse("-1e999"), Some(f64::NEG_INFINITY));
        assert_eq!(parse("1e-999"), Some(0.0));
        for bad in ["", "-", ".", "e5", "1e", "1e+", "1.2.3", "1,5", " 1", "1 ", "inf", "NaN", "0x10"] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn pow_agrees_with_powf() {
        for (x, y) in [(1.877, 6.0), (43.75, 1.0 / 6.0), (2.0, 0.5), (0.5, 3.0), (10.0, -2.0), (1.0, 1e6)] {
            let (ours, std) = (pow(x, y), x.powf(y));
            assert!((ours - std).abs() <= std.abs() * 1e-14, "{x}^{y}: {ours} vs {std}");
        }
        assert_eq!(pow(0.0, 2.0), 0.0);
        assert_eq!(pow(0.0, 0.0), 1.0);
        assert!(pow(-1.0, 0.5).is_nan());
    }

    #[test]
    fn shortest_uses_the_fewest_places_that_read_back() {
        assert_eq!(shortest(1.5), "1.5");
        assert_eq!(shortest(2.0), "2");
        assert_eq!(shortest(-0.125), "-0.125");
        assert_eq!(shortest(87.7), "87.7");
        assert_eq!(shortest(1e-12), "0.000000000", "below the places written");
        assert_eq!(shortest(f64::NAN), "");
    }

    proptest! {
        /// Values with up to six places survive the URL unchanged.
        #[test]
        fn shortest_round_trips(int in -1_000_000i64..1_000_000, frac in 0u32..1_000_000, places in 0u32..7) {
            let x = parse(&format!("{int}.{:06}", frac)).unwrap();
            let x = parse(&fixed(x, places as usize).unwrap()).unwrap();
            prop_assert_eq!(parse(&shortest(x)), Some(x));
        }


        /// What `fixed` writes reads back within half a unit of its last place.
        #[test]
        fn fixed_round_trips(x in -1e12f64..1e12, decimals in 0usize..6) {
            let text = fixed(x, decimals).unwrap();
            let back = parse(&text).unwrap();
            let unit = 10f64.powi(-(decimals as i32));
            prop_assert!((back - x).abs() <= unit / 2.0 + x.abs() * 1e-15, "{} -> {} -> {}", x, text, back);
        }

        /// Parsing agrees with the standard library to the last bit for
        /// numbers of up to 15 significant digits.
        #[test]
        fn parse_matches_std(int in 0u64..1_000_000_000, frac in 0u64..1_000_000, places in 0usize..6, negative: bool) {
            let frac = frac % 10u64.pow(places as u32);
            let text = if places == 0 {
                format!("{}{int}", if negative { "-" } else { "" })
            } else {
                format!("{}{int}.{frac:0places$}", if negative { "-" } else { "" })
            };
            prop_assert_eq!(parse(&text), text.parse::<f64>().ok(), "{}", text);
        }
    }
}
