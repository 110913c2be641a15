//! `payback`: the humanoid-robot bubble worry as an investment's cash flows.
//! No returns are reported; every default is an illustrative assumption.

use crate::calc::{Calculator, Default, Param};
use crate::format::grouped;
use crate::table::{Cell, Column, Table};
use crate::chart::{LineChart, Marker, Role, Scale, Series};
use crate::figure::{Chart, Figure};

pub static PAYBACK: Calculator = Calculator {
    id: "payback",
    prefix: "robot",
    title: "When does a robot bet pay back?",
    intro: "An investment that pays nothing for some years, then a steady return. Discounting shows what delay does to its value.",
    params: &[
        Param::new("invest", "Investment up front", "US$ m", (1.0, 10_000.0, 1.0), 0, Default::Value(100.0)).assumed(),
        Param::new("return", "Net return a year, once running", "US$ m", (0.0, 2000.0, 1.0), 0, Default::Value(15.0)).assumed(),
        Param::new("delay", "Years before returns start", "years", (0.0, 20.0, 1.0), 0, Default::Value(3.0))
            .assumed()
            .help("Analysts warn returns could take years."),
        Param::new("discount", "Discount rate", "% a year", (-99.0, 50.0, 0.5), 1, Default::Value(8.0))
            .assumed()
            .help("What money is worth elsewhere; −100% would make the future infinitely valuable, so it stops at −99%."),
        Param::new("horizon", "Years to count", "years", (1.0, 50.0, 1.0), 0, Default::Value(15.0)),
    ],
};

#[derive(Clone, Debug, PartialEq)]
pub struct Payback {
    pub invest: f64,
    pub yearly: f64,
    pub delay: usize,
    /// Discount rate as a fraction.
    pub rate: f64,
    pub horizon: usize,
    /// Cash flow of each year, year 0 (the investment) first.
    pub flows: Vec<f64>,
    /// Running total of discounted cash flows, year 0 first.
    pub cumulative: Vec<f64>,
    /// Running total without discounting.
    pub cumulative_plain: Vec<f64>,
    pub npv: f64,
    /// First year the discounted running total reaches zero.
    pub payback_year: Option<usize>,
    /// Internal rate of return, as a fraction, where one exists.
    pub irr: Option<f64>,
}

fn flows(invest: f64, yearly: f64, delay: usize, horizon: usize) -> Vec<f64> {
    (0..=horizon).map(|t| if t == 0 { -invest } else if t > delay { yearly } else { 0.0 }).collect()
}

/// Net present value of `flows` at `rate` (a fraction above −1).
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

/// Inputs `[investment, yearly return, delay, discount %, horizon]`; sanitized first.
pub fn compute(values: &[f64]) -> Payback {
    let (v, _) = PAYBACK.sanitize(values);
    let (invest, yearly, rate, horizon) = (v[0], v[1], v[3] / 100.0, v[4].round() as usize);
    let delay = v[2].round() as usize;
    let flows = flows(invest, yearly, delay, horizon);
    let mut cumulative = Vec::with_capacity(flows.len());
    let mut cumulative_plain = Vec::with_capacity(flows.len());
    let (mut sum, mut plain) = (0.0, 0.0);
    for (t, f) in flows.iter().enumerate() {
        sum += f / (1.0 + rate).powi(t as i32);
        plain += f;
        cumulative.push(sum);
        cumulative_plain.push(plain);
    }
    Payback {
        invest,
        yearly,
        delay,
        rate,
        horizon,
        payback_year: cumulative.iter().position(|c| *c >= -1e-9),
        irr: irr(&flows),
        npv: sum,
        cumulative,
        cumulative_plain,
        flows,
    }
}

pub fn working(p: &Payback) -> String {
    format!(
        "NPV = −{} + Σ {} ÷ (1 + {})^t for years {} to {} = US${} m.",
        grouped(p.invest, 0),
        grouped(p.yearly, 0),
        grouped(p.rate, 3),
        (p.delay + 1).min(p.horizon + 1),
        p.horizon,
        grouped(p.npv, 1)
    )
}

pub fn table(p: &Payback) -> Table {
    Table {
        columns: vec![
            Column::new("Year", "", 0),
            Column::new("Cash flow", "US$ m", 1),
            Column::new("Discounted running total", "US$ m", 1),
            Column::new("Plain running total", "US$ m", 1),
        ],
        rows: (0..p.flows.len())
            .map(|t| vec![Cell::Text(t.to_string()), Cell::Num(p.flows[t]), Cell::Num(p.cumulative[t]), Cell::Num(p.cumulative_plain[t])])
            .collect(),
    }
}


/// The chart and its text for payback inputs.
pub fn figure(values: &[f64], _scale: Scale) -> Figure {
    let p = compute(values);
    let line = |name, role, width, dashed, ys: &[f64]| Series {
        name,
        points: ys.iter().enumerate().map(|(t, y)| (t as f64, *y)).collect(),
        role,
        width,
        dashed,
    };
    let mut markers = Vec::new();
    if let Some(y) = p.payback_year {
        markers.push(Marker { at: (y as f64, p.cumulative[y]), label: format!("Pays back in year {y}"), role: Role::Accent });
    }
    let title = match p.payback_year {
        Some(y) => format!("The bet pays back in year {y}"),
        None => format!("The bet does not pay back within {} years", p.horizon),
    };
    Figure {
        title,
        subtitle: "Running total of cash flows, US$ m; discounted (solid) and plain (dashed)".into(),
        source: "Illustrative: no returns are reported. Bubble warning from Jefferies analysts, mid-2025.",
        description: format!(
            "Line chart of the running total of discounted cash flows over {} years, ending at a net present value of US${} m.",
            p.horizon, grouped(p.npv, 1)
        ),
        chart: Chart::Lines(LineChart {
            series: vec![line("Plain", Role::Neutral, 2, true, &p.cumulative_plain), line("Discounted", Role::Accent, 3, false, &p.cumulative)],
            x_range: (0.0, p.horizon as f64),
            x_label: |x| format!("{}", x.round() as i64),
            y_label: crate::format::axis,
            scale: Scale::Linear,
            y_cap: None,
            markers,
        }),
        table: table(&p),
        working: working(&p),
        notice: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simple_cases_by_hand() {
        // −100 now, +110 next year at 10%: NPV 0, IRR 10%, pays back in year 1.
        let p = compute(&[100.0, 110.0, 0.0, 10.0, 1.0]);
        assert!(p.npv.abs() < 1e-9);
        assert!((p.irr.unwrap() - 0.10).abs() < 1e-9);
        assert_eq!(p.payback_year, Some(1));
    }

    #[test]
    fn defaults_by_hand() {
        let p = compute(&PAYBACK.defaults());
        // 15 a year in years 4..15 at 8%: 15 × (annuity 15y − annuity 3y)
        // = 15 × (8.55948 − 2.57710) = 89.7357; NPV = −10.264
        assert!((p.npv - -10.2643).abs() < 1e-3, "{}", p.npv);
        assert_eq!(p.payback_year, None);
        // Undiscounted the bet returns 180 for 100, so an IRR exists below 8%.
        let irr = p.irr.unwrap();
        assert!(irr > 0.0 && irr < 0.08 && npv(&p.flows, irr).abs() < 1e-6);
    }

    #[test]
    fn no_return_has_no_irr_and_never_pays_back() {
        let p = compute(&[100.0, 0.0, 3.0, 8.0, 15.0]);
        assert_eq!(p.irr, None);
        assert_eq!(p.payback_year, None);
        assert_eq!(p.npv, -100.0);
    }

    #[test]
    fn a_discount_rate_of_minus_100_percent_is_out_of_range() {
        let rate = PAYBACK.param("discount").unwrap();
        assert!(rate.parse("-100").is_err());
        let p = compute(&[100.0, 15.0, 3.0, -100.0, 15.0]);
        assert_eq!(p.rate, -0.99);
        assert!(p.npv.is_finite());
    }
}
