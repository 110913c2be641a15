//! Compound growth: rates implied by two values, doubling and halving
//! times, values projected at a rate.

use crate::text::num;

/// Compound yearly growth (as a fraction) that takes `start` to `end` in
/// `years`. `None` unless all three are finite and positive.
pub fn implied_growth(start: f64, end: f64, years: f64) -> Option<f64> {
    let ok = |x: f64| x.is_finite() && x > 0.0;
    if !(ok(start) && ok(end) && ok(years)) {
        return None;
    }
    let g = num::pow(end / start, 1.0 / years) - 1.0;
    g.is_finite().then_some(g)
}

/// Years to double at yearly growth `rate` (a fraction). `None` when the
/// value never doubles (zero or negative growth).
pub fn doubling_time(rate: f64) -> Option<f64> {
    if !(rate.is_finite() && rate > 0.0) {
        return None;
    }
    let t = std::f64::consts::LN_2 / rate.ln_1p();
    t.is_finite().then_some(t)
}

/// Years to halve at yearly growth `rate` (a fraction). `None` unless the
/// value shrinks (a rate between −100% and 0).
pub fn halving_time(rate: f64) -> Option<f64> {
    if !(rate.is_finite() && rate < 0.0 && rate > -1.0) {
        return None;
    }
    let t = -std::f64::consts::LN_2 / rate.ln_1p();
    t.is_finite().then_some(t)
}

/// `start` grown at `rate` (a fraction) for `years`.
pub fn compound(start: f64, rate: f64, years: f64) -> f64 {
    start * num::pow(1.0 + rate, years)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn close(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() <= tolerance
    }

    #[test]
    fn the_forecast_implies_87_7_percent_a_year() {
        // (140 / 3.2)^(1/6) - 1 = 43.75^(1/6) - 1 = 0.877139
        let g = implied_growth(3.2, 140.0, 6.0).unwrap();
        assert!(close(g, 0.877139, 1e-6), "{g}");
        // ln 2 / ln 1.877139 = 0.693147 / 0.629739 = 1.10067 years
        assert!(close(doubling_time(g).unwrap(), 1.10067, 1e-5));
    }

    #[test]
    fn hand_computed_cases() {
        assert_eq!(implied_growth(100.0, 200.0, 1.0), Some(1.0));
        assert!(close(implied_growth(100.0, 121.0, 2.0).unwrap(), 0.1, 1e-12));
        assert!(close(doubling_time(1.0).unwrap(), 1.0, 1e-12));
        assert!(close(doubling_time(0.07).unwrap(), 10.2448, 1e-4));
        assert!(close(halving_time(-0.5).unwrap(), 1.0, 1e-12));
        assert!(close(compound(3.2, 0.5, 6.0), 36.45, 1e-9));
        assert_eq!(doubling_time(0.0), None);
        assert_eq!(doubling_time(-0.1), None);
        assert_eq!(halving_time(0.1), None);
        assert_eq!(implied_growth(0.0, 140.0, 6.0), None);
        assert_eq!(implied_growth(3.2, 140.0, 0.0), None);
    }

    proptest! {
        #[test]
        fn never_a_non_finite_answer(a in any::<f64>(), b in any::<f64>(), t in any::<f64>()) {
            prop_assert!(implied_growth(a, b, t).is_none_or(f64::is_finite));
            prop_assert!(doubling_time(a).is_none_or(f64::is_finite));
            prop_assert!(halving_time(a).is_none_or(f64::is_finite));
        }
    }
}
