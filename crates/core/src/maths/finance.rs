//! Discounted cash flows: net present value and internal rate of return.

/// Net present value of `flows` (year 0 first) at `rate`, a fraction above −1.
pub fn npv(flows: &[f64], rate: f64) -> f64 {
    flows.iter().enumerate().map(|(t, f)| f / (1.0 + rate).powi(t as i32)).sum()
}

/// The rate at which the NPV of `flows` is zero, found by bisection from
/// −99% up to as high as it takes (at most 10⁹, i.e. 100,000,000,000%);
/// `None` when the NPV does not change sign in that range.
pub fn irr(flows: &[f64]) -> Option<f64> {
    let (mut lo, mut hi) = (-0.99, 10.0);
    let f_lo = npv(flows, lo);
    // Widen the search upwards until the value changes sign: a cheap bet
    // with large returns can earn thousands of percent a year.
    while npv(flows, hi).signum() == f_lo.signum() && hi < 1e9 {
        hi *= 10.0;
    }
    let f_hi = npv(flows, hi);
    if !(f_lo.is_finite() && f_hi.is_finite()) || f_lo.signum() == f_hi.signum() {
        return None;
    }
    // Halve the bracket until it is a trillionth of the rate (about 44
    // steps for rates near 1, a few more for huge ones).
    while hi - lo > 1e-12 * hi.abs().max(1.0) {
        let mid = (lo + hi) / 2.0;
        if npv(flows, mid).signum() == f_lo.signum() {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Some((lo + hi) / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_year_at_ten_percent() {
        // −100 now, +110 next year: NPV 0 at 10%, IRR 10%.
        assert!(npv(&[-100.0, 110.0], 0.1).abs() < 1e-12);
        assert!((irr(&[-100.0, 110.0]).unwrap() - 0.1).abs() < 1e-9);
        // 2 × 1.1^-1 ... by hand: −100 + 60/1.1 + 60/1.21 = 4.1322
        assert!((npv(&[-100.0, 60.0, 60.0], 0.1) - 4.1322).abs() < 1e-4);
    }

    #[test]
    fn huge_returns_are_found_beyond_a_thousand_percent() {
        // −1 now, +2,000 next year: 1 + r = 2,000, so r = 1,999 (199,900%).
        let r = irr(&[-1.0, 2000.0]).unwrap();
        assert!((r - 1999.0).abs() < 1e-6, "{r}");
    }

    #[test]
    fn no_sign_change_means_no_irr() {
        assert_eq!(irr(&[-100.0, 0.0, 0.0]), None);
        assert_eq!(irr(&[100.0, 10.0]), None);
    }
}
