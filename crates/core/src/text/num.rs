//! Decimal text to and from `f64`, exact, without the standard library's
//! float printing and parsing.
//!
//! The standard library's float formatting and parsing carry tens of
//! kilobytes of tables and big-number code into the WebAssembly. The
//! functions here give the same results for every finite `f64`: `fixed`
//! writes what `format!("{:.*}", decimals, x)` writes, `parse` reads what
//! `str::parse::<f64>` reads, to the last bit, and `shortest` writes the
//! digits of `format!("{:e}", x)`. Every exact step is done on a small
//! unsigned big integer (`Big`); machine floats serve only a first guess
//! and the cases where one correctly rounded operation is provably exact.
//! This is slower than the standard library, which matters little: a slider
//! move formats a few hundred numbers.

use core::cmp::Ordering;

/// The bits of `f64::INFINITY`: one more than the bits of `f64::MAX`. The
/// bits of non-negative doubles increase with their value, so a step of one
/// in the bits is a step of one unit in the last place.
const INFINITY_BITS: u64 = 0x7ff0_0000_0000_0000;

/// Places that `fixed` writes at most. The exact value of every finite
/// `f64` ends within 1074 places (the smallest subnormal is 2^-1074), so
/// beyond this the standard library writes only zeros.
const MAX_DECIMALS: usize = 1074;

/// Significant digits that `parse` keeps exactly. A value halfway between
/// two neighbouring doubles has at most 767 significant digits, so a longer
/// text can be cut here and marked inexact by one more nonzero digit
/// without changing which side of any halfway value it lies on.
const MAX_DIGITS: usize = 800;

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
    let mut digits = [0u8; 20]; // u64::MAX has 20 digits
    let mut count = 0;
    for slot in digits.iter_mut().rev() {
        *slot = b'0' + (n % 10) as u8;
        n /= 10;
        count += 1;
        if n == 0 {
            break;
        }
    }
    for &d in digits.iter().skip(digits.len().saturating_sub(count)) {
        out.push(char::from(d));
    }
}

/// Appends `n` with a hyphen-minus when negative (for markup and URLs).
pub fn push_int(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    push_uint(out, n.unsigned_abs());
}

/// `x` with exactly `decimals` places, no grouping, an ASCII `-` when
/// negative: "1234.50". Non-finite values give `None`.
///
/// The result is the exact binary value of `x` rounded to `decimals`
/// places, halfway cases to the even last digit, exactly as
/// `format!("{:.*}", decimals, x)` writes it, for every finite `x`: no
/// exponent, so 1e300 is written with all its 301 digits. One difference: a
/// result whose digits are all zero carries no minus sign ("0.00" for
/// -0.001, "0" for -0.0). `decimals` above 1074 counts as 1074, which
/// already writes every `f64` exactly; the standard library would go on
/// adding zeros.
pub fn fixed(x: f64, decimals: usize) -> Option<String> {
    if !x.is_finite() {
        return None;
    }
    let decimals = decimals.min(MAX_DECIMALS);
    let (m, e) = decode(x.to_bits());
    Some(write_fixed(x.is_sign_negative(), &scaled(m, e, decimals), decimals))
}

/// The fewest significant digits that [`parse`] reads back as exactly `x`,
/// the same digits as `format!("{:e}", x)`: of the shortest decimals that
/// read back, the one nearest `x`, and of two equally near, the larger in
/// magnitude. Non-finite values give an empty string; -0.0 gives "-0".
///
/// The number is written plainly when its leading digit is in a place from
/// 10^-7 to 10^20 ("1.5", "2", "0.125", "-87.7", "1400", "0.0000001"),
/// otherwise as digits with a lowercase exponent ("1e21", "2.5e-8",
/// "5e-324", "1.7976931348623157e308"). Both forms are valid input to
/// `str::parse`, to JavaScript's `Number` and to HTML number inputs.
pub fn shortest(x: f64) -> String {
    let mut out = String::new();
    if !x.is_finite() {
        return out;
    }
    if x.is_sign_negative() {
        out.push('-');
    }
    let (digits, exponent) = shortest_digits(x.to_bits() & !(1 << 63));
    let count = i64::try_from(digits.len()).unwrap_or(i64::MAX);
    if digits.is_empty() {
        out.push('0');
    } else if (-7..=20).contains(&exponent) {
        if exponent < 0 {
            out.push_str("0.");
            for _ in 1..-exponent {
                out.push('0');
            }
            push_digits(&mut out, &digits);
        } else {
            // At most 21 digits before the point.
            let whole = usize::try_from(exponent + 1).unwrap_or(0);
            push_digits(&mut out, digits.iter().take(whole));
            for _ in count..exponent + 1 {
                out.push('0');
            }
            if digits.len() > whole {
                out.push('.');
                push_digits(&mut out, digits.iter().skip(whole));
            }
        }
    } else {
        push_digits(&mut out, digits.iter().take(1));
        if digits.len() > 1 {
            out.push('.');
            push_digits(&mut out, digits.iter().skip(1));
        }
        out.push('e');
        push_int(&mut out, exponent);
    }
    out
}

/// Reads an optional sign at `bytes[*i]`, moving past it: true for "-".
fn sign(bytes: &[u8], i: &mut usize) -> bool {
    match bytes.get(*i) {
        Some(b'-') => {
            *i += 1;
            true
        }
        Some(b'+') => {
            *i += 1;
            false
        }
        _ => false,
    }
}

/// Reads a decimal number: an optional `+` or `-`, digits with at most one
/// `.` among them (at least one digit), then optionally `e` or `E`, an
/// optional sign and at least one digit ("-1.5", ".5", "5.", "2e3",
/// "+1E-7"). Anything else gives `None`: spaces, "inf", "NaN", hexadecimal,
/// `_` or `,`.
///
/// What it accepts it reads exactly as `str::parse::<f64>` does, to the last
/// bit: the nearest `f64` to the exact decimal value, halfway cases to the
/// even one, however many digits the text has and however large its
/// exponent. Values from halfway above `f64::MAX` up read as infinity,
/// values up to halfway to the smallest subnormal as zero, both signed
/// ("-0" is -0.0).
pub fn parse(text: &str) -> Option<f64> {
    parse_with(text, true)
}

/// `parse`, with Clinger's fast path taken when `fast` allows it (the tests
/// check the exact path on its own as well).
fn parse_with(text: &str, fast: bool) -> Option<f64> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let negative = sign(bytes, &mut i);
    // The value is `digits` read as an integer times 10^exponent, until the
    // digits run past MAX_DIGITS: then `inexact` records a nonzero digit
    // left out.
    let mut digits: Vec<u8> = Vec::new();
    let mut exponent: i64 = 0;
    let (mut any_digit, mut point, mut inexact) = (false, false, false);
    while let Some(&b) = bytes.get(i) {
        match b {
            b'0'..=b'9' => {
                any_digit = true;
                let d = b - b'0';
                if digits.len() < MAX_DIGITS {
                    // Leading zeros are not kept; after the point they
                    // still scale the value.
                    if d != 0 || !digits.is_empty() {
                        digits.push(d);
                    }
                    if point {
                        exponent = exponent.saturating_sub(1);
                    }
                } else {
                    inexact |= d != 0;
                    if !point {
                        exponent = exponent.saturating_add(1);
                    }
                }
            }
            b'.' if !point => point = true,
            _ => break,
        }
        i += 1;
    }
    if !any_digit {
        return None;
    }
    if let Some(b'e' | b'E') = bytes.get(i) {
        i += 1;
        let negative_exponent = sign(bytes, &mut i);
        let start = i;
        let mut e: i64 = 0;
        while let Some(&b @ b'0'..=b'9') = bytes.get(i) {
            e = e.saturating_mul(10).saturating_add(i64::from(b - b'0'));
            i += 1;
        }
        if i == start {
            return None;
        }
        exponent = if negative_exponent { exponent.saturating_sub(e) } else { exponent.saturating_add(e) };
    }
    if i != bytes.len() {
        return None;
    }
    if inexact {
        // Any nonzero digit below the kept ones stands for all of them.
        digits.push(1);
        exponent = exponent.saturating_sub(1);
    } else {
        while digits.last() == Some(&0) {
            digits.pop();
            exponent = exponent.saturating_add(1);
        }
    }
    let magnitude = nearest(&digits, exponent, fast);
    Some(if negative { -magnitude } else { magnitude })
}

/// The `f64` nearest to `digits` (read as an integer, no leading or
/// trailing zeros) times 10^exponent, halfway cases to even.
fn nearest(digits: &[u8], exponent: i64, fast: bool) -> f64 {
    if digits.is_empty() {
        return 0.0;
    }
    let count = i64::try_from(digits.len()).unwrap_or(i64::MAX);
    // The value lies in [10^(top - 1), 10^top).
    let top = count.saturating_add(exponent);
    if top > 309 {
        return f64::INFINITY; // at least 10^309
    }
    if top < -323 {
        return 0.0; // below 10^-324, less than half of 2^-1074
    }
    // Now |exponent| <= 1124, so every power below is of modest size.
    if fast && count <= 19 {
        // Clinger: an integer of at most 53 bits and a power of ten up to
        // 10^22 are both exact doubles, so one correctly rounded product or
        // quotient is the answer.
        let (mut n, mut e) = (leading(digits), exponent);
        while e > 22 && n <= (1 << 53) / 10 {
            n *= 10;
            e -= 1;
        }
        if n <= 1 << 53 && (-22..=22).contains(&e) {
            let power = pow10(e.unsigned_abs());
            return if e < 0 { n as f64 / power } else { n as f64 * power };
        }
    }
    // A guess within a few units in the last place: the leading 19 digits
    // scaled by powers of ten, each step rounding once.
    let mut guess = leading(digits) as f64;
    let mut e = exponent.saturating_add(count.saturating_sub(19).max(0));
    while e >= 22 {
        guess *= 1e22;
        e -= 22;
    }
    while e <= -22 {
        guess /= 1e22;
        e += 22;
    }
    let power = pow10(e.unsigned_abs());
    guess = if e < 0 { guess / power } else { guess * power };
    // Then exact comparisons with the halfway values on either side move it
    // to the nearest double. Infinity is the double above f64::MAX here,
    // reached from halfway between f64::MAX and 2^1024.
    let value = Big::from_digits(digits);
    let mut bits = guess.to_bits().min(INFINITY_BITS);
    loop {
        if bits > 0 {
            match versus_halfway(&value, exponent, bits - 1) {
                Ordering::Less => {
                    bits -= 1;
                    continue;
                }
                Ordering::Equal if bits & 1 == 1 => {
                    bits -= 1;
                    continue;
                }
                _ => {}
            }
        }
        if bits < INFINITY_BITS {
            match versus_halfway(&value, exponent, bits) {
                Ordering::Greater => {
                    bits += 1;
                    continue;
                }
                Ordering::Equal if bits & 1 == 1 => {
                    bits += 1;
                    continue;
                }
                _ => {}
            }
        }
        return f64::from_bits(bits);
    }
}

/// How `value` · 10^exponent compares with the value halfway between the
/// finite non-negative double with `bits` and the next one up.
fn versus_halfway(value: &Big, exponent: i64, bits: u64) -> Ordering {
    let (m, e) = decode(bits);
    // Halfway is (2m + 1) · 2^(e - 1); 10^exponent is 5^exponent ·
    // 2^exponent. Each power goes to the side where it is a whole number.
    let mut left = value.clone();
    let mut right = Big::new(2 * m + 1);
    let fives = u32::try_from(exponent.unsigned_abs()).unwrap_or(u32::MAX);
    if exponent >= 0 {
        left.mul_pow5(fives);
    } else {
        right.mul_pow5(fives);
    }
    let twos = exponent - i64::from(e - 1);
    let shift = u32::try_from(twos.unsigned_abs()).unwrap_or(u32::MAX);
    if twos >= 0 {
        left.shl(shift);
    } else {
        right.shl(shift);
    }
    left.cmp(&right)
}

/// The leading (at most 19) digits as an integer.
fn leading(digits: &[u8]) -> u64 {
    digits.iter().take(19).fold(0, |n, &d| n * 10 + u64::from(d))
}

/// 10^k, exact for k up to 22.
fn pow10(k: u64) -> f64 {
    let mut power = 1.0;
    for _ in 0..k {
        power *= 10.0;
    }
    power
}

/// The non-negative double with `bits` as (m, e), its value m · 2^e.
fn decode(bits: u64) -> (u64, i32) {
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | 1 << 52, biased - 1075)
    }
}

/// The exact value m · 2^e as (digits of n, k) with value n · 10^k: no
/// leading zeros, none at all for zero.
fn expand(m: u64, e: i32) -> (Vec<u8>, i32) {
    let mut n = Big::new(m);
    if e >= 0 {
        n.shl(e.unsigned_abs());
        (n.digits(), 0)
    } else {
        // 2^e = 5^-e · 10^e.
        n.mul_pow5(e.unsigned_abs());
        (n.digits(), e)
    }
}

/// The digits of round(m · 2^e · 10^decimals), halfway cases to even, from
/// the exact decimal expansion; none for zero.
fn scaled(m: u64, e: i32, decimals: usize) -> Vec<u8> {
    let (mut digits, k) = expand(m, e);
    let places = i64::from(k).saturating_add(i64::try_from(decimals).unwrap_or(i64::MAX));
    let drop = usize::try_from(places.unsigned_abs()).unwrap_or(usize::MAX);
    if places >= 0 {
        if !digits.is_empty() {
            digits.resize(digits.len().saturating_add(drop), 0);
        }
        return digits;
    }
    let Some(keep) = digits.len().checked_sub(drop) else {
        return Vec::new(); // below a tenth of the last place
    };
    let first = digits.get(keep).copied().unwrap_or(0);
    let beyond = digits.iter().skip(keep + 1).any(|&d| d != 0);
    digits.truncate(keep);
    let odd = digits.last().is_some_and(|d| d % 2 == 1);
    if first > 5 || (first == 5 && (beyond || odd)) {
        increment(&mut digits);
    }
    digits
}

/// Writes the integer `digits` divided by 10^decimals.
fn write_fixed(negative: bool, digits: &[u8], decimals: usize) -> String {
    let mut out = String::new();
    if negative && !digits.is_empty() {
        out.push('-');
    }
    let whole = digits.len().saturating_sub(decimals);
    if whole == 0 {
        out.push('0');
    }
    push_digits(&mut out, digits.iter().take(whole));
    if decimals > 0 {
        out.push('.');
        for _ in digits.len()..decimals {
            out.push('0');
        }
        push_digits(&mut out, digits.iter().skip(whole));
    }
    out
}

/// The shortest digits that read back as the positive double with `bits`,
/// and the power of ten of the first: 1.25 is ([1, 2, 5], 0). Zero gives no
/// digits.
fn shortest_digits(bits: u64) -> (Vec<u8>, i64) {
    let (m, e) = decode(bits);
    if m == 0 {
        return (Vec::new(), 0);
    }
    // Every decimal strictly between the halfway values below and above x
    // reads back as x, and so do the halfway values themselves when x's
    // last bit is even. In units of 2^(e - 2): x is 4m, the halfway value
    // above 4m + 2, the one below 4m - 2, or 4m - 1 at a power of two,
    // where the double below is nearer.
    let below = if m == 1 << 52 && e > -1074 { 4 * m - 1 } else { 4 * m - 2 };
    let inclusive = m % 2 == 0;
    let (high, k) = expand(4 * m + 2, e - 2);
    let width = high.len();
    let pad = |(digits, _): (Vec<u8>, i32)| {
        let mut padded = vec![0; width.saturating_sub(digits.len())];
        padded.extend(digits);
        padded
    };
    let (low, x) = (pad(expand(below, e - 2)), pad(expand(4 * m, e - 2)));
    // Cut x after its first `cut` digits, and try the cut value and the one
    // a unit in its last place above: the first cut where either reads back
    // gives the fewest digits.
    for cut in 1..=width {
        let down: Vec<u8> = x.iter().take(cut).copied().collect();
        let mut up = down.clone();
        increment(&mut up);
        let down_fits = match versus_padded(&down, &low, cut) {
            Ordering::Greater => true,
            Ordering::Equal => inclusive,
            Ordering::Less => false,
        };
        let up_fits = up.len() == cut
            && match versus_padded(&up, &high, cut) {
                Ordering::Less => true,
                Ordering::Equal => inclusive,
                Ordering::Greater => false,
            };
        // Of two that fit, the nearer; halfway goes up.
        let rounds_up = x.get(cut).is_some_and(|&d| d >= 5);
        let mut digits = match (down_fits, up_fits) {
            (true, true) if rounds_up => up,
            (true, _) => down,
            (false, true) => up,
            (false, false) => continue,
        };
        let zeros = digits.iter().take_while(|&&d| d == 0).count();
        while digits.last() == Some(&0) {
            digits.pop();
        }
        let place = i64::from(k) + i64::try_from(width.saturating_sub(zeros + 1)).unwrap_or(0);
        return (digits.into_iter().skip(zeros).collect(), place);
    }
    (Vec::new(), 0)
}

/// How `prefix` followed by zeros compares with `digits` of the same
/// length, `prefix` being its first `cut` digits.
fn versus_padded(prefix: &[u8], digits: &[u8], cut: usize) -> Ordering {
    let rest = if digits.iter().skip(cut).all(|&d| d == 0) { Ordering::Equal } else { Ordering::Less };
    prefix.iter().cmp(digits.iter().take(cut)).then(rest)
}

/// Adds one to the integer `digits`, growing it by a digit when all are 9.
fn increment(digits: &mut Vec<u8>) {
    for d in digits.iter_mut().rev() {
        if *d == 9 {
            *d = 0;
        } else {
            *d += 1;
            return;
        }
    }
    digits.insert(0, 1);
}

fn push_digits<'a>(out: &mut String, digits: impl IntoIterator<Item = &'a u8>) {
    for &d in digits {
        out.push(char::from(b'0' + d));
    }
}

/// An unsigned integer of any size: 32-bit limbs, least significant first,
/// never a zero limb at the top (zero has no limbs).
#[derive(Clone)]
struct Big(Vec<u32>);

impl Big {
    fn new(n: u64) -> Big {
        let mut big = Big(vec![n as u32, (n >> 32) as u32]);
        big.trim();
        big
    }

    /// The integer whose decimal digits (0 to 9) these are.
    fn from_digits(digits: &[u8]) -> Big {
        let mut big = Big(Vec::new());
        for chunk in digits.chunks(9) {
            let (scale, value) = chunk.iter().fold((1, 0), |(s, v), &d| (s * 10, v * 10 + u32::from(d)));
            big.mul_add(scale, value);
        }
        big
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    /// self · factor + addend.
    fn mul_add(&mut self, factor: u32, addend: u32) {
        let mut carry = u64::from(addend);
        for limb in &mut self.0 {
            let t = u64::from(*limb) * u64::from(factor) + carry;
            *limb = t as u32;
            carry = t >> 32;
        }
        if carry != 0 {
            self.0.push(carry as u32);
        }
        self.trim();
    }

    /// self · 5^k.
    fn mul_pow5(&mut self, mut k: u32) {
        while k > 0 {
            let step = k.min(13); // 5^13 < 2^32
            self.mul_add(5u32.pow(step), 0);
            k -= step;
        }
    }

    /// self · 2^bits.
    fn shl(&mut self, bits: u32) {
        if self.0.is_empty() {
            return;
        }
        let rest = bits % 32;
        if rest > 0 {
            let mut carry = 0;
            for limb in &mut self.0 {
                let t = u64::from(*limb) << rest | carry;
                *limb = t as u32;
                carry = t >> 32;
            }
            if carry != 0 {
                self.0.push(carry as u32);
            }
        }
        let mut limbs = vec![0; usize::try_from(bits / 32).unwrap_or(0)];
        limbs.append(&mut self.0);
        self.0 = limbs;
    }

    fn cmp(&self, other: &Big) -> Ordering {
        self.0.len().cmp(&other.0.len()).then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }

    /// Divides by 10^9 and returns the remainder.
    fn div_rem_1e9(&mut self) -> u32 {
        const BILLION: u64 = 1_000_000_000;
        let mut rest = 0;
        for limb in self.0.iter_mut().rev() {
            let t = rest << 32 | u64::from(*limb);
            *limb = (t / BILLION) as u32;
            rest = t % BILLION;
        }
        self.trim();
        rest as u32
    }

    /// The decimal digits, most significant first; none for zero.
    fn digits(mut self) -> Vec<u8> {
        let mut reversed = Vec::new();
        while !self.0.is_empty() {
            let mut chunk = self.div_rem_1e9();
            let last = self.0.is_empty();
            for _ in 0..9 {
                if last && chunk == 0 {
                    break;
                }
                reversed.push((chunk % 10) as u8);
                chunk /= 10;
            }
        }
        reversed.reverse();
        reversed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The standard library's `{:.*}`, with the sign dropped from zero.
    fn std_fixed(x: f64, decimals: usize) -> String {
        let text = format!("{x:.decimals$}");
        match text.strip_prefix('-') {
            Some(rest) if rest.bytes().all(|b| b == b'0' || b == b'.') => rest.to_string(),
            _ => text,
        }
    }

    /// The significant digits and the power of ten of the first of a plain
    /// or exponent-form number.
    fn significant(text: &str) -> (String, i64) {
        let text = text.trim_start_matches('-');
        let (mantissa, exponent) = match text.split_once('e') {
            Some((m, e)) => (m, e.parse::<i64>().unwrap()),
            None => (text, 0),
        };
        let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let all = format!("{int}{frac}");
        let zeros = all.len() - all.trim_start_matches('0').len();
        let digits = all.trim_start_matches('0').trim_end_matches('0').to_string();
        (digits, int.len() as i64 - 1 - zeros as i64 + exponent)
    }

    fn check_fixed(x: f64, decimals: usize) -> Result<(), TestCaseError> {
        prop_assert_eq!(fixed(x, decimals).unwrap(), std_fixed(x, decimals), "{:e} to {} places", x, decimals);
        Ok(())
    }

    fn check_shortest(x: f64) -> Result<(), TestCaseError> {
        let text = shortest(x);
        prop_assert_eq!(parse(&text).map(f64::to_bits), Some(x.to_bits()), "{:e} written as {}", x, text);
        prop_assert_eq!(text.parse::<f64>().map(f64::to_bits), Ok(x.to_bits()), "{}", text);
        if x != 0.0 {
            prop_assert_eq!(significant(&text), significant(&format!("{x:e}")), "{:e} written as {}", x, text);
        }
        Ok(())
    }

    fn check_parse(text: &str) -> Result<(), TestCaseError> {
        let expected = text.parse::<f64>().ok().map(f64::to_bits);
        prop_assert_eq!(parse(text).map(f64::to_bits), expected, "{}", text);
        Ok(())
    }

    /// Every finite double, from random bit patterns (mostly very large or
    /// very small magnitudes) and from proptest's float classes (including
    /// subnormals and both zeros).
    fn finite() -> impl Strategy<Value = f64> {
        prop_oneof![
            any::<u64>().prop_map(f64::from_bits).prop_filter("finite", |x| x.is_finite()),
            prop::num::f64::POSITIVE | prop::num::f64::NEGATIVE | prop::num::f64::NORMAL | prop::num::f64::SUBNORMAL | prop::num::f64::ZERO,
        ]
    }

    /// Magnitudes spread evenly over the powers of ten from 10^lo to 10^hi.
    fn decades(lo: i32, hi: i32) -> impl Strategy<Value = f64> {
        (1.0f64..10.0, lo..hi, any::<bool>()).prop_map(|(m, e, negative)| {
            let x = m * 10f64.powi(e);
            if negative {
                -x
            } else {
                x
            }
        })
    }

    /// Doubles a few units in the last place from a power of two, where the
    /// spacing of doubles changes, and around 2^53 and 2^64.
    fn near_powers_of_two() -> impl Strategy<Value = f64> {
        prop_oneof![
            (-1074i32..1024, -3i64..=3).prop_map(|(p, k)| f64::from_bits(2f64.powi(p).to_bits().saturating_add_signed(k))),
            (-3000i64..3000).prop_map(|k| f64::from_bits(2f64.powi(53).to_bits().saturating_add_signed(k))),
            (-3000i64..3000).prop_map(|k| f64::from_bits(2f64.powi(64).to_bits().saturating_add_signed(k))),
        ]
        .prop_filter("finite", |x| x.is_finite())
    }

    /// Values with short exact expansions, where rounding meets exact ties:
    /// k / 2^n (0.125, 2.5, 0.375) and small odd multiples of powers of two.
    fn dyadic() -> impl Strategy<Value = f64> {
        prop_oneof![
            (-1_000_000i64..1_000_000, 0i32..=24).prop_map(|(k, n)| k as f64 / 2f64.powi(n)),
            (0u64..1 << 17).prop_map(|j| 1.0 + j as f64 / 2f64.powi(17)),
            (1u64..1 << 20, -1074i32..1000).prop_map(|(m, e)| (m | 1) as f64 * 2f64.powi(e)),
        ]
        .prop_filter("finite", |x| x.is_finite())
    }

    /// Values near decimal grids, k / 10^d (1.5e-5, 0.05, 87.7).
    fn decimal_grid() -> impl Strategy<Value = f64> {
        (-100_000_000i64..100_000_000, 0i32..=12).prop_map(|(k, d)| k as f64 / 10f64.powi(d))
    }

    fn any_value() -> impl Strategy<Value = f64> {
        prop_oneof![finite(), decades(15, 308), decades(-320, -5), near_powers_of_two(), dyadic(), decimal_grid()]
    }

    #[test]
    fn fixed_rounds_half_to_even_and_pads() {
        assert_eq!(fixed(1234.5, 2).unwrap(), "1234.50");
        assert_eq!(fixed(0.125, 2).unwrap(), "0.12", "an exact tie goes to the even digit");
        assert_eq!(fixed(0.375, 2).unwrap(), "0.38");
        assert_eq!(fixed(-0.125, 2).unwrap(), "-0.12");
        assert_eq!(fixed(0.05, 1).unwrap(), "0.1", "0.05 is a little above the tie");
        assert_eq!(fixed(9.999, 2).unwrap(), "10.00");
        assert_eq!(fixed(0.0001, 2).unwrap(), "0.00");
        assert_eq!(fixed(-0.0001, 2).unwrap(), "0.00", "no negative zero");
        assert_eq!(fixed(-0.0, 0).unwrap(), "0");
        assert_eq!(fixed(3.0, 0).unwrap(), "3");
        assert_eq!(fixed(2.5, 0).unwrap(), "2");
        assert_eq!(fixed(3.5, 0).unwrap(), "4");
        assert_eq!(fixed(0.5, 0).unwrap(), "0");
        assert_eq!(fixed(1.05, 3).unwrap(), "1.050");
        assert_eq!(fixed(123_456_789_012.0, 0).unwrap(), "123456789012");
        assert_eq!(fixed(1e20, 0).unwrap(), "100000000000000000000");
        assert_eq!(fixed(1.5e21, 1).unwrap(), "1500000000000000000000.0");
        assert_eq!(fixed(-2e30, 0).unwrap(), "-2000000000000000039769249677312");
        assert_eq!(fixed(1e300, 0).unwrap().len(), 301);
        assert_eq!(fixed(5e-324, 2).unwrap(), "0.00");
        assert_eq!(fixed(0.1, 30).unwrap(), "0.100000000000000005551115123126");
        assert_eq!(fixed(f64::NAN, 2), None);
        assert_eq!(fixed(f64::INFINITY, 2), None);
        assert_eq!(fixed(f64::NEG_INFINITY, 0), None);
        // Every double is exact at MAX_DECIMALS places; more are not written.
        assert_eq!(fixed(5e-324, 5000).unwrap(), format!("{:.1074}", 5e-324));
        assert!(fixed(5e-324, MAX_DECIMALS).unwrap().ends_with("5"));
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
        // Std accepts these; this parser does not.
        for bad in ["inf", "-inf", "+infinity", "infinity", "NaN", "nan", "iNf"] {
            assert!(bad.parse::<f64>().is_ok(), "{bad:?}");
            assert_eq!(parse(bad), None, "{bad:?}");
        }
        // Neither accepts these.
        for bad in [
            "", "-", "+", ".", "-.", "e5", ".e5", "1e", "1e+", "1e-", "1.2.3", "1,5", " 1", "1 ", "0x10", "1_000", "--1", "+-1", "1e5.0", "1e1e1",
            "1f", "١",
        ] {
            assert!(bad.parse::<f64>().is_err(), "{bad:?}");
            assert_eq!(parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn parse_saturates_and_rounds_at_the_edges() {
        let bits = |text: &str| parse(text).map(f64::to_bits);
        assert_eq!(bits("0e400"), Some(0));
        assert_eq!(bits("-0"), Some((-0.0f64).to_bits()));
        assert_eq!(bits("-1e-400"), Some((-0.0f64).to_bits()));
        assert_eq!(parse("1e400"), Some(f64::INFINITY));
        assert_eq!(bits("1e-400"), Some(0));
        assert_eq!(parse("1e99999999999999999"), Some(f64::INFINITY));
        assert_eq!(parse("1e999999999999999999999999999999"), Some(f64::INFINITY));
        assert_eq!(bits("1e-999999999999999999999999999999"), Some(0));
        assert_eq!(bits("0.000e99999999999"), Some(0));
        assert_eq!(parse("1.7976931348623158e308"), Some(f64::MAX));
        assert_eq!(parse("1.7976931348623159e308"), Some(f64::INFINITY));
        assert_eq!(parse("5e-324"), Some(f64::from_bits(1)));
        assert_eq!(parse("2.2250738585072014e-308"), Some(f64::MIN_POSITIVE));
        // A thousand digits, with leading and trailing zeros.
        let long = format!("000{}.{}000e-1000", "1".repeat(1000), "9".repeat(1000));
        check_parse(&long).unwrap();
        check_parse(&format!("0.{}1", "0".repeat(2000))).unwrap();
        check_parse(&format!("{}e-2000", "9".repeat(2000))).unwrap();
        // Exactly halfway between f64::MAX and 2^1024, and a hair either
        // side; exactly halfway between 0 and the smallest subnormal.
        let max = exact(f64::MAX);
        let threshold = halve(&add(&max, &double(&exact(2f64.powi(1023)))));
        for text in [to_text(&threshold), to_text(&bump(&threshold, 1)), to_text(&bump(&threshold, -1))] {
            check_parse(&text).unwrap();
        }
        let tiny = halve(&exact(5e-324));
        for text in [to_text(&tiny), to_text(&bump(&tiny, 1)), to_text(&bump(&tiny, -1))] {
            check_parse(&text).unwrap();
        }
        assert_eq!(parse(&to_text(&threshold)), Some(f64::INFINITY));
        assert_eq!(parse(&to_text(&bump(&threshold, -1))), Some(f64::MAX));
        assert_eq!(bits(&to_text(&tiny)), Some(0));
        assert_eq!(bits(&to_text(&bump(&tiny, 1))), Some(1));
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
    fn push_writes_integers() {
        let mut out = String::new();
        push_uint(&mut out, 0);
        push_uint(&mut out, u64::MAX);
        push_int(&mut out, i64::MIN);
        push_int(&mut out, -7);
        assert_eq!(out, format!("0{}{}-7", u64::MAX, i64::MIN));
        assert_eq!(clamp(f64::NAN, 1.0, 2.0), 1.0);
        assert_eq!(clamp(3.0, 1.0, 2.0), 2.0);
        assert_eq!(clamp(0.0, 1.0, 2.0), 1.0);
    }

    #[test]
    fn shortest_uses_the_fewest_digits_that_read_back() {
        assert_eq!(shortest(1.5), "1.5");
        assert_eq!(shortest(2.0), "2");
        assert_eq!(shortest(-0.125), "-0.125");
        assert_eq!(shortest(87.7), "87.7");
        assert_eq!(shortest(-87.7), "-87.7");
        assert_eq!(shortest(1400.0), "1400");
        assert_eq!(shortest(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(shortest(0.0), "0");
        assert_eq!(shortest(-0.0), "-0");
        assert_eq!(shortest(1e20), "100000000000000000000");
        assert_eq!(shortest(1.5e20), "150000000000000000000");
        assert_eq!(shortest(1e21), "1e21");
        assert_eq!(shortest(1.25e21), "1.25e21");
        assert_eq!(shortest(1e-7), "0.0000001");
        assert_eq!(shortest(2.5e-8), "2.5e-8");
        assert_eq!(shortest(1e-12), "1e-12");
        assert_eq!(shortest(5e-324), "5e-324");
        assert_eq!(shortest(f64::MAX), "1.7976931348623157e308");
        assert_eq!(shortest(-f64::MIN_POSITIVE), "-2.2250738585072014e-308");
        assert_eq!(shortest(9007199254740993.0), "9007199254740992");
        // Two 17-digit decimals are equally near; std takes the upper one.
        assert_eq!(shortest(1.0 + 2f64.powi(-17)), "1.0000076293945313");
        assert_eq!(shortest(f64::NAN), "");
        assert_eq!(shortest(f64::INFINITY), "");
    }

    // Exact decimal arithmetic for building test texts: a number is its
    // digits times 10^-1101, enough for every double and every halfway
    // value between two of them.

    const PLACES: usize = 1101;

    fn exact(x: f64) -> Vec<u8> {
        format!("{:.*}", PLACES, x.abs()).bytes().filter(u8::is_ascii_digit).map(|b| b - b'0').collect()
    }

    fn add(a: &[u8], b: &[u8]) -> Vec<u8> {
        let (mut sum, mut carry) = (Vec::new(), 0);
        for i in 0..a.len().max(b.len()) {
            let digit = |v: &[u8]| if i < v.len() { v[v.len() - 1 - i] } else { 0 };
            let s = digit(a) + digit(b) + carry;
            sum.push(s % 10);
            carry = s / 10;
        }
        sum.push(carry);
        sum.reverse();
        sum
    }

    fn double(a: &[u8]) -> Vec<u8> {
        add(a, a)
    }

    fn halve(a: &[u8]) -> Vec<u8> {
        let mut rest = 0;
        let half = a
            .iter()
            .map(|&d| {
                let v = rest * 10 + d;
                rest = v % 2;
                v / 2
            })
            .collect();
        assert_eq!(rest, 0, "halving an odd number of 10^-1101");
        half
    }

    /// `a` with `by` (1 or -1) added in its last place.
    fn bump(a: &[u8], by: i8) -> Vec<u8> {
        let mut a = a.to_vec();
        for d in a.iter_mut().rev() {
            let v = *d as i8 + by;
            if (0..10).contains(&v) {
                *d = v as u8;
                break;
            }
            *d = if by > 0 { 0 } else { 9 };
        }
        a
    }

    fn to_text(a: &[u8]) -> String {
        let digits: String = a.iter().map(|d| char::from(b'0' + d)).collect();
        format!("{digits}e-{PLACES}")
    }

    /// A decimal text for digits times 10^-1101, written in one of several
    /// equivalent ways: with the point placed, leading zeros kept or not,
    /// and possibly cut to its first `keep` significant digits.
    fn spelled(a: &[u8], keep: usize, point: bool) -> String {
        let start = a.iter().position(|&d| d != 0).unwrap_or(a.len());
        let significant = &a[start..];
        let kept = &significant[..keep.min(significant.len())];
        let digits: String = kept.iter().map(|d| char::from(b'0' + d)).collect();
        let exponent = significant.len() as i64 - kept.len() as i64 - PLACES as i64;
        if point && !digits.is_empty() {
            format!("{}.{}e{}", &digits[..1], &digits[1..], exponent + digits.len() as i64 - 1)
        } else {
            format!("{digits}e{exponent}")
        }
    }

    proptest! {
        #![proptest_config(crate::cases(400))]

        #[test]
        fn fixed_matches_std(x in any_value(), decimals in 0usize..=22) {
            check_fixed(x, decimals)?;
        }

        #[test]
        fn fixed_matches_std_at_exact_ties(x in dyadic(), extra in 0usize..4) {
            for decimals in 0..=extra + 6 {
                check_fixed(x, decimals)?;
            }
        }

        #[test]
        fn shortest_matches_std(x in any_value()) {
            check_shortest(x)?;
        }

        #[test]
        fn parse_matches_std_on_random_texts(
            sign in prop::sample::select(vec!["", "-", "+"]),
            zeros in 0usize..4,
            digits in prop::collection::vec(0u8..10, 1..60),
            trailing in 0usize..4,
            point in prop::option::of(any::<prop::sample::Index>()),
            exponent in prop::option::of((prop::sample::select(vec!["e", "E", "e+", "E-", "e-"]), 0u32..400)),
        ) {
            let mut body: String = "0".repeat(zeros);
            body.extend(digits.iter().map(|d| char::from(b'0' + d)));
            body.push_str(&"0".repeat(trailing));
            if let Some(index) = point {
                body.insert(index.index(body.len() + 1), '.');
            }
            let mut text = format!("{sign}{body}");
            if let Some((mark, e)) = exponent {
                text.push_str(&format!("{mark}{e}"));
            }
            check_parse(&text)?;
            // The exact path on its own, where the fast path would answer.
            let expected = text.parse::<f64>().map(f64::to_bits).ok();
            prop_assert_eq!(parse_with(&text, false).map(f64::to_bits), expected, "{}", text);
        }

        #[test]
        fn parse_matches_std_on_long_texts(
            digits in prop_oneof![
                prop::collection::vec(0u8..10, 19..40),
                prop::collection::vec(0u8..10, 300..1200),
            ],
            shift in -340i64..310,
        ) {
            let body: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
            let exponent = shift - digits.len() as i64;
            check_parse(&format!("{body}e{exponent}"))?;
            check_parse(&format!("0.{body}e{}", shift))?;
        }

        #[test]
        fn parse_matches_std_on_shortest_and_fixed(x in any_value(), decimals in 0usize..=20) {
            check_parse(&shortest(x))?;
            check_parse(&format!("{x:e}"))?;
            check_parse(&format!("{x:.decimals$}"))?;
        }
    }

    proptest! {
        #![proptest_config(crate::cases(150))]

        /// Texts exactly halfway between a double and the next one up, a
        /// unit in the 1101st place either side, and the same cut short.
        #[test]
        fn parse_matches_std_near_halfway(
            x in prop_oneof![
                any::<u64>().prop_map(|b| f64::from_bits(b >> 1)),
                decades(-320, 308).prop_map(f64::abs),
                near_powers_of_two().prop_map(f64::abs),
                dyadic().prop_map(f64::abs),
                Just(f64::MAX),
                Just(0.0),
            ].prop_filter("finite", |x| x.is_finite()),
            keep in prop_oneof![1usize..20, 15usize..800, 760usize..1200],
            point: bool,
        ) {
            let next = if x == f64::MAX { double(&exact(2f64.powi(1023))) } else { exact(f64::from_bits(x.to_bits() + 1)) };
            let halfway = halve(&add(&exact(x), &next));
            for value in [bump(&halfway, -1), halfway.clone(), bump(&halfway, 1)] {
                check_parse(&to_text(&value))?;
                check_parse(&spelled(&value, keep, point))?;
            }
        }

        /// Every double's exact expansion to the last place.
        #[test]
        fn fixed_matches_std_to_the_last_place(x in any_value()) {
            check_fixed(x, MAX_DECIMALS)?;
            check_fixed(x, 400)?;
        }
    }
}
