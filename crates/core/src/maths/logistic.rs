//! The logistic (S-shaped) curve through two points, with a chosen ceiling.

/// Why no logistic curve fits the inputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoFit {
    /// The later share is not above the earlier one.
    NotRising,
    /// The ceiling is at or below the later share.
    CeilingTooLow,
}

impl NoFit {
    /// The reason in a sentence.
    /// [`NoFit::reason`] in Chinese.
    pub fn reason_zh(self) -> &'static str {
        match self {
            NoFit::NotRising => "第二次调查的使用率必须高于第一次，曲线才会上升。",
            NoFit::CeilingTooLow => "饱和时的使用率必须高于最新一次的使用率；曲线不可能在已经达到的水平之下走平。",
        }
    }

    pub fn reason(self) -> &'static str {
        match self {
            NoFit::NotRising => "The later share must be above the earlier one for a rising curve.",
            NoFit::CeilingTooLow => {
                "The saturation share must be above the latest share; a curve cannot level off below a point it has already reached."
            }
        }
    }
}

/// p(t) = L / (1 + e^(−k(t − t0))).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Logistic {
    /// Ceiling L.
    pub ceiling: f64,
    /// Growth rate k per unit of t.
    pub k: f64,
    /// The midpoint t0, where the curve is at half its ceiling.
    pub t0: f64,
}

impl Logistic {
    /// The curve through (0, p0) and (t1, p1) that levels off at `ceiling`.
    pub fn fit(p0: f64, p1: f64, t1: f64, ceiling: f64) -> Result<Logistic, NoFit> {
        // Written to fail on NaN as well as on the wrong order.
        if p1.partial_cmp(&p0) != Some(std::cmp::Ordering::Greater) {
            return Err(NoFit::NotRising);
        }
        if ceiling.partial_cmp(&p1) != Some(std::cmp::Ordering::Greater) {
            return Err(NoFit::CeilingTooLow);
        }
        let logit = |p: f64| (p / (ceiling - p)).ln();
        let k = (logit(p1) - logit(p0)) / t1;
        Ok(Logistic { ceiling, k, t0: -logit(p0) / k })
    }

    /// The curve's value at `t`.
    pub fn at(&self, t: f64) -> f64 {
        self.ceiling / (1.0 + (-self.k * (t - self.t0)).exp())
    }

    /// When the curve reaches `level`; `None` if it never does.
    pub fn reaches(&self, level: f64) -> Option<f64> {
        (level > 0.0 && level < self.ceiling).then(|| self.t0 + (level / (self.ceiling - level)).ln() / self.k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    #[test]
    fn rate_at_full_saturation_matches_the_brief() {
        // (logit 0.43 − logit 0.08) ÷ 11 = (−0.28185 + 2.44235) ÷ 11 = 0.19641
        let f = Logistic::fit(8.0, 43.0, 11.0, 100.0).unwrap();
        assert!(close(f.k, 0.19641, 1e-5), "{}", f.k);
        assert!(close(f.at(0.0), 8.0, 1e-9) && close(f.at(11.0), 43.0, 1e-9));
        // Midpoint: t0 = 2.44235 ÷ 0.19641 = 12.435 months
        assert!(close(f.t0, 12.435, 1e-3));
        assert!(close(f.reaches(50.0).unwrap(), f.t0, 1e-12));
        assert_eq!(f.reaches(100.0), None);
    }

    #[test]
    fn no_curve_through_falling_points_or_under_the_ceiling() {
        assert_eq!(Logistic::fit(30.0, 20.0, 11.0, 90.0), Err(NoFit::NotRising));
        assert_eq!(Logistic::fit(8.0, 43.0, 11.0, 40.0), Err(NoFit::CeilingTooLow));
        assert_eq!(Logistic::fit(f64::NAN, 43.0, 11.0, 90.0), Err(NoFit::NotRising));
    }
}
