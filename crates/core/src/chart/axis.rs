//! One axis type for every chart, and its tick values.

use crate::text::num;
use plotters::coord::combinators::LogCoord;
use plotters::coord::ranged1d::{KeyPointHint, NoDefaultFormatting, ValueFormatter};
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;

/// One axis of any chart, linear or logarithmic.
///
/// A single concrete type for every axis means plotters' generic chart code
/// is compiled once, not once per combination of scales. Tick labels always
/// come from the chart's own label functions, so plotters' default
/// formatters (and the float printing they carry) are never compiled in.
#[derive(Clone)]
pub struct Axis {
    pub(super) lo: f64,
    pub(super) hi: f64,
    pub(super) log: bool,
}

impl Axis {
    /// A linear axis from `lo` to `hi`.
    pub fn linear(lo: f64, hi: f64) -> Axis {
        Axis { lo, hi, log: false }
    }

    /// A logarithmic axis from `lo` to `hi` (both above zero).
    pub fn log(lo: f64, hi: f64) -> Axis {
        Axis { lo, hi, log: true }
    }

    fn as_linear(&self) -> RangedCoordf64 {
        (self.lo..self.hi).into()
    }

    fn as_log(&self) -> LogCoord<f64> {
        (self.lo..self.hi).log_scale().into()
    }
}

impl Ranged for Axis {
    type FormatOption = NoDefaultFormatting;
    type ValueType = f64;
    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        // Far outside the axis a value would overflow plotters' pixel
        // arithmetic; ten spans beyond either end is off the chart anyway.
        let (lo, hi) = (self.lo.min(self.hi), self.lo.max(self.hi));
        if self.log {
            let v = if *value > 0.0 && lo > 0.0 {
                let (a, b) = (lo.ln(), hi.ln());
                num::clamp(value.ln(), a - 10.0 * (b - a), b + 10.0 * (b - a)).exp()
            } else {
                *value
            };
            self.as_log().map(&v, limit)
        } else {
            let span = hi - lo;
            self.as_linear().map(&num::clamp(*value, lo - 10.0 * span, hi + 10.0 * span), limit)
        }
    }
    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        let (lo, hi) = (self.lo.min(self.hi), self.hi.max(self.lo));
        if self.log {
            log_ticks(lo, hi, hint.max_num_points())
        } else {
            linear_ticks(lo, hi, hint.max_num_points())
        }
    }
    fn range(&self) -> std::ops::Range<f64> {
        self.lo..self.hi
    }
}

/// Tick values of a linear axis: at most `max` round numbers (steps of 1,
/// 2 or 5 times a power of ten) from `lo` to `hi`. The same ticks plotters
/// chooses (a test compares them), computed without `powf`, whose tables
/// would otherwise be the largest piece of maths in the bundle.
fn linear_ticks(lo: f64, hi: f64, max: usize) -> Vec<f64> {
    if max == 0 || !lo.is_finite() || !hi.is_finite() {
        return Vec::new();
    }
    if (hi - lo).abs() < f64::EPSILON {
        return vec![lo];
    }
    // A range too wide for an f64 (from −1e308 to 1e308) has no grid.
    if !(hi - lo).is_finite() {
        return vec![lo, hi];
    }
    // The remainder of `a` on a grid of `step`, snapped to zero at the top.
    let rem = |a: f64, step: f64| {
        let r = a - (a / step).floor() * step;
        if (r - step).abs() < f64::EPSILON {
            0.0
        } else {
            r
        }
    };
    // Largest power of ten within the range (ln / ln, as plotters has it).
    let mut step = 10f64.powi(((hi - lo).ln() / 10f64.ln()).floor() as i32);
    // Values are rounded to a tenth of the step, so no tick reads 0.30000000000000004.
    let mut grain = step / 10.0;
    if 1 + ((hi - lo) / step).floor() as usize > max {
        step *= 10.0;
        grain *= 10.0;
    }
    // Refine by halves, fifths and tenths while the ticks still fit (an
    // f64 has some 600 powers of ten: past that the step is lost).
    'refine: for _ in 0..700 {
        let coarse = step;
        for divisor in [2.0, 5.0, 10.0] {
            let fine = coarse / divisor;
            let mut first = lo - rem(lo, fine);
            if first < lo {
                first += fine;
            }
            let last = hi - rem(hi, fine);
            if (1.0 + (last - first) / fine).round() as usize > max {
                break 'refine;
            }
            step = fine;
        }
        step = coarse / 10.0;
        grain /= 10.0;
    }
    let mut first = lo - rem(lo, step);
    if first < lo {
        first += step;
    }
    let last = hi - rem(hi, step);
    // Offsets from a base on the grain grid, so a large `first` never makes
    // `first + step == first` (which would never end).
    let base = (first / grain).floor() * grain;
    let mut offset = first - base;
    let mut ticks = Vec::new();
    while last - offset - base >= -f64::EPSILON && ticks.len() <= max.saturating_mul(10) {
        if (offset / grain).round() * grain < 0.0 {
            offset += grain;
        }
        ticks.push(offset + base);
        offset += step;
    }
    ticks
}

/// Tick values of a logarithmic axis: powers of ten from `lo` to `hi` (every
/// tenth, hundredth... power when there are more than `max`), with evenly
/// spaced minor ticks between them when there is room.
fn log_ticks(lo: f64, hi: f64, max: usize) -> Vec<f64> {
    if !(lo > 0.0 && hi.is_finite()) {
        return Vec::new();
    }
    let ln10 = 10f64.ln();
    // As plotters counts them; a ratio too large for an f64 (a range from
    // 1e-300 to 1e300) is counted from the logarithms instead.
    let ratio = hi / lo;
    let ln_ratio = if ratio.is_finite() { ratio.ln() } else { hi.ln() - lo.ln() };
    let decades = (ln_ratio.abs() / ln10).floor().max(1.0) as usize;
    let minor = if max < decades {
        0
    } else {
        let density = 1 + (max - decades) / decades;
        let mut power = 1;
        while power * 10 <= density {
            power *= 10;
        }
        power - 1
    };
    let mut factor = 10.0;
    let mut skip = 1;
    while max < decades / skip {
        factor *= 10.0;
        skip += 1;
    }
    let mut ticks = Vec::new();
    let mut tick = 10f64.powi((lo.ln() / ln10).ceil() as i32);
    while tick <= hi {
        ticks.push(tick);
        for i in 1..=minor {
            let v = tick * (1.0 + factor / f64::from(minor as u32 + 1) * f64::from(i as u32));
            if v > hi {
                break;
            }
            ticks.push(v);
        }
        tick *= factor;
    }
    ticks
}

impl ValueFormatter<f64> for Axis {
    fn format(value: &f64) -> String {
        crate::text::format::axis(*value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_range_too_wide_for_a_ratio_still_gets_ticks() {
        let ticks = log_ticks(7.75e-270, 1.4e308, 50);
        assert!(!ticks.is_empty() && ticks.len() <= 51, "{}", ticks.len());
        assert!(ticks.iter().all(|t| t.is_finite() && *t > 0.0));
    }

    #[test]
    fn values_far_off_the_axis_stay_just_off_the_chart() {
        let axis = Axis::linear(0.0, 1.0);
        assert_eq!(axis.map(&0.5, (0, 100)), 50);
        assert_eq!(axis.map(&1e300, (0, 100)), 1100);
        assert_eq!(axis.map(&-1e300, (100, 0)), 1100);
        let log = Axis::log(1.0, 100.0);
        assert_eq!(log.map(&10.0, (0, 100)), 50);
        assert_eq!(log.map(&1e300, (0, 100)), 1100);
    }

    proptest! {
        /// Our ticks are plotters' ticks, for any realistic range.
        #[test]
        fn ticks_match_plotters(lo in -1e9f64..1e9, span in 1e-6f64..1e10, max in 0usize..12) {
            let hi = lo + span;
            let theirs: RangedCoordf64 = (lo..hi).into();
            prop_assert_eq!(linear_ticks(lo, hi, max), theirs.key_points(max));
            if lo > 0.0 {
                let theirs: LogCoord<f64> = (lo..hi).log_scale().into();
                prop_assert_eq!(log_ticks(lo, hi, max), theirs.key_points(max));
            }
        }

        #[test]
        fn small_positive_log_ranges_match_plotters(lo in 1e-6f64..1e3, factor in 1.01f64..1e8, max in 0usize..12) {
            let hi = lo * factor;
            let theirs: LogCoord<f64> = (lo..hi).log_scale().into();
            prop_assert_eq!(log_ticks(lo, hi, max), theirs.key_points(max));
        }
    }
}
