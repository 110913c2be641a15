//! Discounted cash flows: net present value and internal rate of return.

/// Net present value of `flows` (year 0 first) at `rate`, a fraction above −1.
pub fn npv(flows: &[f64], rate: f64) -> f64 {
    flows.iter().enumerate().map(|(t, f)| f / (1.0 + rate).powi(t as i32)).sum()
}

/// The rate at which the NPV of `flows` is zero, found by bisection
/// between −99% and 1,000%; `None` when the NPV does not change sign there.
pub fn irr(flows: &[f64]) -> Option<f64> {
    let (mut lo, mut hi) = (-0.99, 10.0);
    let (f_lo, f_hi) = (npv(flows, lo), npv(flows, hi));
    if !(f_lo.is_finite() && f_hi.is_finite()) || f_lo.signum() == f_hi.signum() {
        return None;
    }
    // Halving 11 units down to a trillionth takes about 44 steps.
    while hi - lo > 1e-12 {
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
    fn no_sign_change_means_no_irr() {
        assert_eq!(irr(&[-100.0, 0.0, 0.0]), None);
        assert_eq!(irr(&[100.0, 10.0]), None);
    }
}
