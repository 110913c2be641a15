//! Deterministic number formatting for facts, chart labels and the working
//! shown to readers. (Live outputs in the browser are formatted by the
//! browser's `Intl.NumberFormat`; this module serves everything that must be
//! identical natively and in the browser, such as chart SVG.)

/// Formats `x` with `decimals` places and comma thousands separators, using a
/// true minus sign. Non-finite values format as an en dash, never "NaN".
pub fn grouped(x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return "–".into();
    }
    let text = crate::num::fixed(x.abs(), decimals).unwrap_or_default();
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_str(), None),
    };
    let mut out = String::with_capacity(text.len() + 4);
    // "-0.0" must not keep its sign once rounded.
    if x < 0.0 && text.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
        out.push('−');
    }
    let digits = int.len();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (digits - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if let Some(frac) = frac {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// A short label for chart axes: up to three significant figures, with
/// thousands separators, trailing zeros dropped ("0.5", "12", "1,400").
pub fn axis(x: f64) -> String {
    if !x.is_finite() {
        return "–".into();
    }
    let magnitude = x.abs();
    let decimals = if magnitude == 0.0 || magnitude >= 100.0 {
        0
    } else if magnitude >= 10.0 {
        1
    } else if magnitude >= 1.0 {
        2
    } else {
        // Enough places to show three significant figures of small values.
        (2 - magnitude.log10().floor() as i32).clamp(0, 8) as usize
    };
    trim_zeros(grouped(x, decimals))
}

/// Formats with `decimals` places, then drops trailing zeros after the point.
pub fn trimmed(x: f64, decimals: usize) -> String {
    trim_zeros(grouped(x, decimals))
}

fn trim_zeros(s: String) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// Spells out whole numbers below ten, as a newspaper would ("three labs").
pub fn count(x: f64) -> String {
    const WORDS: [&str; 10] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    if x.fract() == 0.0 && (0.0..10.0).contains(&x) {
        WORDS[x as usize].to_string()
    } else {
        grouped(x, 0)
    }
}

/// Appends `text` escaped for HTML and XML text and attribute values.
pub fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// `text` escaped for HTML and XML text and attribute values.
pub fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands_and_rounds() {
        assert_eq!(grouped(1_400_000.0, 0), "1,400,000");
        assert_eq!(grouped(999.96, 1), "1,000.0");
        assert_eq!(grouped(-1234.5, 1), "−1,234.5");
        assert_eq!(grouped(-0.04, 1), "0.0");
        assert_eq!(grouped(f64::NAN, 1), "–");
        assert_eq!(grouped(f64::INFINITY, 0), "–");
    }

    #[test]
    fn axis_labels_keep_three_figures() {
        assert_eq!(axis(0.0), "0");
        assert_eq!(axis(0.5), "0.5");
        assert_eq!(axis(0.0123), "0.0123");
        assert_eq!(axis(3.2), "3.2");
        assert_eq!(axis(12.5), "12.5");
        assert_eq!(axis(140.0), "140");
        assert_eq!(axis(1400.0), "1,400");
    }

    #[test]
    fn small_counts_are_words() {
        assert_eq!(count(3.0), "three");
        assert_eq!(count(300.0), "300");
        assert_eq!(count(12.0), "12");
    }
}
