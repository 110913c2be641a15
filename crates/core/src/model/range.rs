//! A calculator's range: the reader says how unsure they are (one input,
//! "± %"), some of its inputs then vary by that much around their values,
//! and a seeded Monte Carlo run turns them into a fan of results; a
//! tornado swings each input alone to show which moves the result most.

use crate::chart::{Band, Role, Swing};
use crate::chart::{Plot, Tornado};
use crate::maths::uncertainty::{latin_hypercube, percentile, sort, Z90};
use crate::model::figure::Figure;
use crate::model::param::{value_at, Param};
use crate::model::table::{Cell, Column, Table};
use crate::text::format::{amount, plain, Lang};

/// Draws per fan. On a Latin hypercube this puts each percentile within
/// about 1% of the exact value for one input, and keeps the heaviest
/// calculator's redraw within the slider's budget.
pub const DRAWS: usize = 200;

/// One seed for every fan: the same inputs always give the same picture.
const SEED: u64 = 0x00c4_1a0a_1202_5e11;

/// The percentiles a fan holds, in order.
pub const LEVELS: [f64; 5] = [10.0, 25.0, 50.0, 75.0, 90.0];

/// The "± %" input every ranged calculator declares: how far its uncertain
/// inputs move from their values, 8 draws in 10.
pub const fn spread_param(default: f64) -> Param {
    Param::new(
        crate::both!("Range: how unsure, ±", "不确定范围：±"),
        crate::both!("% of each", "%（各项）"),
        (0.0, 50.0, 1.0),
        0,
        crate::model::Source::Value(default),
    )
    .assumed()
    .help(crate::both!("0 shows a single line.", "设为0时只显示一条线。"))
}

/// How a calculator's inputs vary.
#[derive(Clone, Copy, Debug)]
pub struct Ranges {
    /// The calculator's inputs.
    pub params: &'static [Param],
    /// The "± %" input (`Field::range as usize`).
    pub spread: usize,
    /// The inputs that vary (`Field::x as usize`).
    pub vary: &'static [usize],
}

/// The range's standard normal draws for `k` varying inputs: always the
/// same (one seed), so made once per `k` and kept, as the fan is drawn
/// again on every move of a slider.
fn draws(k: usize) -> std::rc::Rc<Vec<f64>> {
    use std::cell::RefCell;
    use std::rc::Rc;
    thread_local! {
        static MADE: RefCell<Vec<(usize, Rc<Vec<f64>>)>> = const { RefCell::new(Vec::new()) };
    }
    MADE.with(|made| {
        let mut made = made.borrow_mut();
        if let Some((_, z)) = made.iter().find(|(n, _)| *n == k) {
            return z.clone();
        }
        let z = Rc::new(latin_hypercube(DRAWS, k, SEED));
        made.push((k, z.clone()));
        z
    })
}

impl Ranges {
    /// The spread the reader set, as a fraction (0.2 for ±20%).
    pub fn spread(&self, values: &[f64]) -> f64 {
        value_at(self.params, values, self.spread) / 100.0
    }

    /// Input `j`'s value with `z` standard normal steps of its spread
    /// (`z` = ±1.28 is the spread's edge), on its slider's steps and in its
    /// range: the value a reader could set, so a tornado's label, its bar
    /// and the model all use the same number.
    fn moved(&self, values: &[f64], j: usize, z: f64, spread: f64) -> f64 {
        let p = &self.params[j];
        let x = value_at(self.params, values, j) * (1.0 + spread * z / Z90);
        // As `Param::snap` without its tidying of binary noise (written
        // text and parsed back), which would be most of a fan's time.
        let stepped = if p.step > 0.0 { p.min + ((x - p.min) / p.step).round() * p.step } else { x };
        crate::text::num::clamp(stepped, p.min, p.max)
    }

    /// The fan of `path` (one value per x, the same x for every input;
    /// NaN where there is none, +∞ for "never"): its percentiles at each x
    /// over [`DRAWS`] draws, "never" counted as later than any value.
    /// `None` when the spread is zero or nothing varies.
    pub fn fan(&self, values: &[f64], path: fn(&[f64]) -> Vec<f64>) -> Option<Fan> {
        let (k, spread) = (self.vary.len(), self.spread(values));
        if spread <= 0.0 || k == 0 {
            return None;
        }
        let z = draws(k);
        let mut by_x: Vec<Vec<f64>> = Vec::new();
        let mut v = values.to_vec();
        v.resize(self.params.len(), f64::NAN);
        for draw in z.chunks_exact(k) {
            for (&j, &zj) in self.vary.iter().zip(draw) {
                v[j] = self.moved(values, j, zj, spread);
            }
            for (x, y) in path(&v).into_iter().enumerate() {
                if x >= by_x.len() {
                    by_x.resize_with(x + 1, || Vec::with_capacity(DRAWS));
                }
                if y.is_finite() || y == f64::INFINITY {
                    by_x[x].push(y);
                }
            }
        }
        let at = by_x
            .into_iter()
            .map(|mut ys| {
                // A percentile needs most draws to have a value there.
                if ys.len() * 2 < DRAWS {
                    return [f64::NAN; 5];
                }
                sort(&mut ys);
                LEVELS.map(|p| percentile(&ys, p))
            })
            .collect();
        Some(Fan { at })
    }

    /// Each varying input swung alone to its low and high end (the
    /// spread's edges) with the others held: `result` at each end, the
    /// widest swing first. Empty when the spread is zero.
    pub fn swings(&self, values: &[f64], result: fn(&[f64]) -> f64, lang: Lang) -> Vec<Swing> {
        let spread = self.spread(values);
        if spread <= 0.0 {
            return Vec::new();
        }
        let mut out: Vec<Swing> = self
            .vary
            .iter()
            .map(|&j| {
                let mut v = values.to_vec();
                v.resize(self.params.len(), f64::NAN);
                let (from, to) = (self.moved(values, j, -Z90, spread), self.moved(values, j, Z90, spread));
                v[j] = from;
                let low = result(&v);
                v[j] = to;
                let high = result(&v);
                let p = self.params[j].shown(lang);
                let (from, to) = (from * p.factor, to * p.factor);
                let d = p.field.decimals;
                let label = match lang.in_build() {
                    Lang::En => format!("{} ({}): {} to {}", p.label, p.unit, amount(from, d), amount(to, d)),
                    Lang::Zh => format!("{}（{}）：{}至{}", p.label, p.unit, plain(from, d), plain(to, d)),
                };
                Swing { input: p.label, label, low, high }
            })
            .collect();
        // Widest first; an insertion sort, as there are only a few inputs
        // (and the standard library's stable sort is kilobytes of code).
        let width = |s: &Swing| if (s.high - s.low).is_finite() { (s.high - s.low).abs() } else { 0.0 };
        for i in 1..out.len() {
            let mut j = i;
            while j > 0 && width(&out[j - 1]) < width(&out[j]) {
                out.swap(j - 1, j);
                j -= 1;
            }
        }
        out
    }
}

impl Ranges {
    /// A tornado of `result` under `figure`'s line chart (none when the
    /// spread is zero): `heading` names the result and its unit. The
    /// description says which input moves the result most, each end
    /// written by `show`.
    pub fn tornado(&self, figure: &mut Figure, values: &[f64], heading: &str, result: fn(&[f64]) -> f64, show: &dyn Fn(f64) -> String) {
        let lang = figure.lang.in_build();
        let bars = self.swings(values, result, lang);
        if let Some(top) = bars.first() {
            figure.description.push_str(&match lang.in_build() {
                Lang::En => format!(
                    " Moved alone across your range, the input that changes it most is {}: from {} to {}.",
                    crate::text::style::mid_sentence(top.input),
                    show(top.low),
                    show(top.high)
                ),
                Lang::Zh => format!("在你设定的范围内单独变动时，对结果影响最大的是“{}”：从{}到{}。", top.input, show(top.low), show(top.high)),
            });
        }
        if let (Plot::Lines(chart), false) = (&mut figure.plot, bars.is_empty()) {
            chart.tornado = Some(Tornado {
                heading: match lang.in_build() {
                    Lang::En => format!("{heading}, with one input at a time at each end of your range"),
                    Lang::Zh => format!("{heading}：每次只让一个输入取你设定范围的两端"),
                },
                centre: result(values),
                bars,
                x_label: lang.pick([crate::text::format::axis as fn(f64) -> String, crate::text::format::axis_zh]),
                key: lang.pick([["input at its low end", "input at its high end"], ["输入取低端", "输入取高端"]]),
            });
        }
    }
}

/// Percentiles of a result at each x of its chart: `[p10, p25, p50, p75,
/// p90]`, NaN where too few draws have a value.
#[derive(Clone, Debug, PartialEq)]
pub struct Fan {
    pub at: Vec<[f64; 5]>,
}

impl Fan {
    /// The 10–90% and 25–75% bands, at these x values, for a chart.
    pub fn bands(&self, xs: &[f64], role: Role) -> Vec<Band> {
        let band = |lo: usize, hi: usize, alpha| Band { points: xs.iter().zip(&self.at).map(|(x, q)| (*x, q[lo], q[hi])).collect(), role, alpha };
        vec![band(0, 4, 0.16), band(1, 3, 0.22)]
    }

    /// The percentiles at the last x.
    pub fn last(&self) -> [f64; 5] {
        self.at.last().copied().unwrap_or([f64::NAN; 5])
    }

    /// Shows the fan on `figure`: its bands at `xs` around the reader's
    /// line; its 10th and 90th percentiles in the table, as two columns
    /// named in `columns` (whose rows are every `step`th x, in `unit`); and
    /// `words` as the figure's range and at the end of its description.
    pub fn show(
        &self,
        figure: &mut Figure,
        xs: &[f64],
        columns: [&'static str; 2],
        (unit, decimals, step): (&'static str, usize, usize),
        words: String,
    ) {
        if let Plot::Lines(chart) = &mut figure.plot {
            chart.bands = self.bands(xs, crate::chart::Role::Accent);
        }
        self.add_to(&mut figure.table, columns, unit, decimals, step);
        if figure.lang.in_build() == Lang::En {
            figure.description.push(' ');
        }
        figure.description.push_str(&words);
        figure.range = Some(words);
    }

    /// `table` with the fan's 10th and 90th percentiles as two more
    /// columns; its rows are every `step`th x.
    fn add_to(&self, table: &mut Table, [low, high]: [&'static str; 2], unit: &'static str, decimals: usize, step: usize) {
        table.columns.push(Column::new(low, unit, decimals));
        table.columns.push(Column::new(high, unit, decimals));
        let none = if table.columns.first().is_some_and(|c| c.lang.in_build() == Lang::Zh) { "无" } else { "none" };
        let cell = |x: f64| if x.is_finite() { Cell::Num(x) } else { Cell::Text(none.into()) };
        for (row, q) in table.rows.iter_mut().zip(self.at.iter().step_by(step.max(1))) {
            row.push(cell(q[0]));
            row.push(cell(q[4]));
        }
    }
}

/// Where a result lands in 8 draws of 10, in words: "between A and B in 8
/// draws out of 10", or, where the two ends read the same, "`at` A in at
/// least 8 draws out of 10" (`at`: "at", "in", or "" for none). In Chinese
/// a clause the sentence ends with: "八成模拟结果落在A至B之间".
pub fn in_words(q: [f64; 5], show: impl Fn(f64) -> String, at: &str, lang: Lang) -> String {
    let (low, high) = (show(q[0]), show(q[4]));
    match (lang.in_build(), low == high) {
        (Lang::En, true) => {
            let at = if at.is_empty() { String::new() } else { format!("{at} ") };
            format!("{at}{low} in at least eight draws out of 10")
        }
        (Lang::En, false) => format!("between {low} and {high} in eight draws out of 10"),
        (Lang::Zh, true) => format!("至少八成模拟结果为{low}"),
        (Lang::Zh, false) => format!("八成模拟结果落在{low}至{high}之间"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::maths::uncertainty::normal_quantile;
    use crate::model::Source;

    static PARAMS: [Param; 3] = [
        Param::new(crate::both!("Rate", "增速"), crate::both!("%", "%"), (-50.0, 200.0, 0.1), 1, Source::Value(50.0)).with_key("rate"),
        Param::new(crate::both!("Other", "其他"), crate::both!("x", "x"), (0.0, 10.0, 1.0), 0, Source::Value(5.0)).with_key("other"),
        Param::new(crate::both!("Range", "范围"), crate::both!("%", "%"), (0.0, 50.0, 1.0), 0, Source::Value(20.0)).with_key("range"),
    ];
    const RANGES: Ranges = Ranges { params: &PARAMS, spread: 2, vary: &[0] };

    /// Growth at the drawn rate for `t` years from 3.2: the market's path.
    fn path(v: &[f64]) -> Vec<f64> {
        (0..=6).map(|t| 3.2 * (1.0 + v[0] / 100.0).powi(t)).collect()
    }

    #[test]
    fn the_fan_matches_the_closed_form_for_one_input() {
        // The rate is normal around 50% with its 10–90% at ±20% of it, and
        // the end value rises with the rate, so its pth percentile is the
        // path at the rate's pth percentile: 3.2 (1 + r_p)^6 with
        // r_p = 0.5 (1 + 0.2 Φ⁻¹(p) ÷ Φ⁻¹(0.9)).
        let fan = RANGES.fan(&[50.0, 5.0, 20.0], path).unwrap();
        assert_eq!(fan.at.len(), 7);
        for (i, p) in LEVELS.iter().enumerate() {
            let r = 0.5 * (1.0 + 0.2 * normal_quantile(p / 100.0) / Z90);
            let exact = 3.2 * (1.0 + r).powi(6);
            let got = fan.last()[i];
            assert!((got / exact - 1.0).abs() < 0.005, "p{p}: {got} vs {exact}");
        }
        // The spread's edges are the 10th and 90th percentiles of the rate.
        assert!((fan.last()[0] - 3.2 * 1.4f64.powi(6)).abs() < 0.05);
        assert!((fan.last()[4] - 3.2 * 1.6f64.powi(6)).abs() < 0.05);
    }

    #[test]
    fn log_normal_growth_matches_its_closed_form() {
        // The rate's draw as a log growth: X = 3.2 exp(6 g), g normal, is
        // log-normal with pth percentile 3.2 exp(6 (μ + σ Φ⁻¹(p))).
        let log_path = |v: &[f64]| vec![3.2 * (6.0 * v[0] / 100.0).exp()];
        let fan = RANGES.fan(&[40.0, 5.0, 30.0], log_path).unwrap();
        let (mu, sigma) = (0.4, 0.4 * 0.3 / Z90);
        for (i, p) in LEVELS.iter().enumerate() {
            let exact = 3.2 * (6.0 * (mu + sigma * normal_quantile(p / 100.0))).exp();
            assert!((fan.last()[i] / exact - 1.0).abs() < 0.005, "p{p}");
        }
    }

    #[test]
    fn no_spread_no_fan_and_the_same_inputs_the_same_fan() {
        assert!(RANGES.fan(&[50.0, 5.0, 0.0], path).is_none());
        assert!(RANGES.swings(&[50.0, 5.0, 0.0], |v| v[0], Lang::En).is_empty());
        assert_eq!(RANGES.fan(&[50.0, 5.0, 20.0], path), RANGES.fan(&[50.0, 5.0, 20.0], path));
    }

    #[test]
    fn draws_stay_in_range_and_gaps_blank_the_fan() {
        // ±50% of 190% would pass the rate's 200% maximum: kept within.
        let fan = RANGES.fan(&[190.0, 5.0, 50.0], |v| vec![v[0]]).unwrap();
        assert!(fan.last()[4] <= 200.0 && fan.last()[0] >= 95.0 - 1.0);
        // Most draws without a value: no percentile.
        let fan = RANGES.fan(&[50.0, 5.0, 20.0], |v| vec![if v[0] > 55.0 { v[0] } else { f64::NAN }]).unwrap();
        assert!(fan.last()[2].is_nan());
    }

    #[test]
    fn swings_hold_the_others_and_put_the_widest_first() {
        const BOTH: Ranges = Ranges { params: &PARAMS, spread: 2, vary: &[1, 0] };
        let s = BOTH.swings(&[50.0, 5.0, 20.0], |v| v[0] + v[1], Lang::En);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0], Swing { input: "Rate", label: "Rate (%): 40.0 to 60.0".into(), low: 45.0, high: 65.0 });
        assert_eq!(s[1], Swing { input: "Other", label: "Other (x): 4 to 6".into(), low: 54.0, high: 56.0 });
        let s = BOTH.swings(&[50.0, 5.0, 20.0], |v| v[0] + v[1], Lang::Zh);
        assert_eq!(s[0].label, "增速（%）：40.0至60.0");
    }

    #[test]
    fn never_counts_as_later_than_any_value_and_nothing_to_vary_is_no_fan() {
        // Draws above 55% never arrive: about 31% of them, so the 90th
        // percentile is "never" and the 10th a real value.
        let fan = RANGES.fan(&[50.0, 5.0, 20.0], |v| vec![if v[0] > 55.0 { f64::INFINITY } else { v[0] }]).unwrap();
        assert!(fan.last()[0].is_finite() && fan.last()[4] == f64::INFINITY, "{:?}", fan.last());
        const NONE: Ranges = Ranges { params: &PARAMS, spread: 2, vary: &[] };
        assert!(NONE.fan(&[50.0, 5.0, 20.0], |v| vec![v[0]]).is_none());
    }

    #[test]
    fn words_name_both_ends() {
        assert_eq!(in_words([1.0, 2.0, 3.0, 4.0, 5.0], |x| format!("{x}"), "at", Lang::En), "between 1 and 5 in eight draws out of 10");
        assert_eq!(in_words([3.21, 3.2, 3.2, 3.2, 3.19], |x| format!("{:.1}", x), "at", Lang::En), "at 3.2 in at least eight draws out of 10");
        assert_eq!(in_words([3.21, 3.2, 3.2, 3.2, 3.19], |x| format!("{:.1}", x), "", Lang::En), "3.2 in at least eight draws out of 10");
        assert_eq!(in_words([1.0, 2.0, 3.0, 4.0, 5.0], |x| format!("{x}亿美元"), "at", Lang::Zh), "八成模拟结果落在1亿美元至5亿美元之间");
    }
}
