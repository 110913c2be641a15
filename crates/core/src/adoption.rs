//! `adoption-curve`: the share of firms using generative AI, 8% (June 2023)
//! to 43% under a year later, fitted with a logistic (S-shaped) curve and
//! set against naive straight-line and exponential extrapolations.

use crate::calc::{Calculator, Default, Param};
use crate::format::grouped;
use crate::table::{Cell, Column, Table};
use crate::chart::{LineChart, Marker, Role, Scale, Series};
use crate::figure::{Chart, Figure};

pub static ADOPTION: Calculator = Calculator {
    id: "adoption-curve",
    prefix: "adopt",
    title: "Where does the adoption curve level off?",
    intro: "An S-shaped curve through the two survey points, against a straight line and an exponential through the same points. Choose where the curve levels off.",
    params: &[
        Param::new("from", "Share in June 2023", "%", (0.5, 60.0, 0.5), 1, Default::Fact("genai-use-2023")),
        Param::new("to", "Share under a year later", "%", (1.0, 99.0, 0.5), 1, Default::Fact("genai-use-2024")),
        Param::new("gap", "Months between the surveys", "months", (1.0, 36.0, 1.0), 0, Default::Value(11.0))
            .assumed()
            .help("Reported only as less than a year."),
        Param::new("ceiling", "Share at saturation", "%", (1.0, 100.0, 1.0), 0, Default::Value(90.0))
            .assumed()
            .help("The share of firms that will ever use it."),
        Param::new("level", "Find when the share reaches", "%", (1.0, 99.0, 1.0), 0, Default::Value(75.0)).assumed(),
    ],
};

/// Months from June 2023 that the chart covers.
pub const HORIZON_MONTHS: f64 = 60.0;
/// June 2023 as a fractional year (the middle of June).
const START: f64 = 2023.0 + 5.5 / 12.0;

/// Why no logistic curve fits the inputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoFit {
    /// The later share is not above the earlier one.
    NotRising,
    /// The ceiling is at or below the later share.
    CeilingTooLow,
}

impl std::fmt::Display for NoFit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NoFit::NotRising => write!(f, "The later share must be above the earlier one for a rising curve."),
            NoFit::CeilingTooLow => write!(f, "The saturation share must be above the latest share; a curve cannot level off below a point it has already reached."),
        }
    }
}

/// A logistic curve p(t) = L / (1 + e^(−k(t − t0))), t in months from June 2023.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Logistic {
    /// Ceiling, percent.
    pub ceiling: f64,
    /// Growth rate per month.
    pub k: f64,
    /// Month of the midpoint (half the ceiling).
    pub t0: f64,
}

impl Logistic {
    /// Fits the curve through (0, p0) and (months, p1), shares in percent.
    pub fn fit(p0: f64, p1: f64, months: f64, ceiling: f64) -> Result<Logistic, NoFit> {
        // Written to fail on NaN as well as on the wrong order.
        if p1.partial_cmp(&p0) != Some(std::cmp::Ordering::Greater) {
            return Err(NoFit::NotRising);
        }
        if ceiling.partial_cmp(&p1) != Some(std::cmp::Ordering::Greater) {
            return Err(NoFit::CeilingTooLow);
        }
        let logit = |p: f64| (p / (ceiling - p)).ln();
        let k = (logit(p1) - logit(p0)) / months;
        Ok(Logistic { ceiling, k, t0: -logit(p0) / k })
    }

    pub fn at(&self, t: f64) -> f64 {
        self.ceiling / (1.0 + (-self.k * (t - self.t0)).exp())
    }

    /// Month at which the share reaches `level`; `None` if it never does.
    pub fn reaches(&self, level: f64) -> Option<f64> {
        (level > 0.0 && level < self.ceiling).then(|| self.t0 + (level / (self.ceiling - level)).ln() / self.k)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Adoption {
    pub from: f64,
    pub to: f64,
    pub gap: f64,
    pub ceiling: f64,
    pub level: f64,
    pub fit: Result<Logistic, NoFit>,
    /// Month the logistic curve reaches the chosen level; `None` if never.
    pub level_month: Option<f64>,
    /// Month a straight line through both points passes 100%.
    pub linear_full: Option<f64>,
    /// Month an exponential through both points passes 100%.
    pub exponential_full: Option<f64>,
}

/// Inputs `[from %, to %, gap months, ceiling %, level %]`; sanitized first.
pub fn compute(values: &[f64]) -> Adoption {
    let (v, _) = ADOPTION.sanitize(values);
    let (from, to, gap, ceiling, level) = (v[0], v[1], v[2], v[3], v[4]);
    let fit = Logistic::fit(from, to, gap, ceiling);
    let slope = (to - from) / gap;
    let growth = (to / from).ln() / gap;
    Adoption {
        from,
        to,
        gap,
        ceiling,
        level,
        level_month: fit.ok().and_then(|f| f.reaches(level)),
        fit,
        linear_full: (slope > 0.0).then(|| (100.0 - from) / slope),
        exponential_full: (growth > 0.0).then(|| (100.0 / from).ln() / growth),
    }
}

/// Months after June 2023 as a fractional calendar year.
pub fn year_of(month: f64) -> f64 {
    START + month / 12.0
}

/// Months after June 2023 as a calendar month: "April 2025".
pub fn month_name(month: f64) -> String {
    const NAMES: [&str; 12] = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ];
    let index = 5 + crate::num::clamp(month.round(), 0.0, 12_000.0) as usize;
    format!("{} {}", NAMES[index % 12], 2023 + index / 12)
}

/// One month of the chart: (month, S-curve if it fits, straight line,
/// exponential), shares in percent.
pub type Sample = (f64, Option<f64>, f64, f64);

/// The chart's sampled curves, one point a month.
pub fn curves(a: &Adoption) -> Vec<Sample> {
    (0..=HORIZON_MONTHS as usize)
        .map(|m| {
            let t = m as f64;
            (
                t,
                a.fit.ok().map(|f| f.at(t)),
                a.from + (a.to - a.from) / a.gap * t,
                a.from * crate::num::pow(a.to / a.from, t / a.gap),
            )
        })
        .collect()
}

pub fn working(a: &Adoption) -> String {
    match a.fit {
        Ok(f) => format!(
            "k = (ln({to} ÷ ({c} − {to})) − ln({from} ÷ ({c} − {from}))) ÷ {gap} = {k} a month; the curve is halfway to {c}% in month {mid}.",
            to = grouped(a.to, 1),
            from = grouped(a.from, 1),
            c = grouped(a.ceiling, 0),
            gap = grouped(a.gap, 0),
            k = grouped(f.k, 3),
            mid = grouped(f.t0, 1),
        ),
        Err(e) => e.to_string(),
    }
}

pub fn table(a: &Adoption) -> Table {
    let rows = curves(a)
        .into_iter()
        .filter(|(t, ..)| (*t as usize).is_multiple_of(6))
        .map(|(t, logistic, linear, exponential)| {
            vec![
                Cell::Text(month_name(t)),
                logistic.map_or(Cell::Text("no fit".into()), Cell::Num),
                Cell::Num(linear),
                Cell::Num(exponential),
            ]
        })
        .collect();
    Table {
        columns: vec![
            Column::new("Month", "", 0),
            Column::new("S-curve", "%", 1),
            Column::new("Straight line", "%", 1),
            Column::new("Exponential", "%", 1),
        ],
        rows,
    }
}


/// The chart and its text for adoption inputs.
pub fn figure(values: &[f64], _scale: Scale) -> Figure {
    let a = compute(values);
    let samples = curves(&a);
    let line = |name, role, width, dashed, pick: fn(&Sample) -> Option<f64>| Series {
        name,
        points: samples.iter().filter_map(|s| pick(s).map(|y| (year_of(s.0), y))).collect(),
        role,
        width,
        dashed,
    };
    let mut markers = vec![
        Marker { at: (year_of(0.0), a.from), label: format!("{}%", grouped(a.from, 0)), role: Role::Series },
        Marker { at: (year_of(a.gap), a.to), label: format!("{}%", grouped(a.to, 0)), role: Role::Series },
    ];
    // Where the naive lines hit 100% (each line's name stands at its end).
    for month in [a.linear_full, a.exponential_full] {
        if let Some(m) = month.filter(|m| *m <= HORIZON_MONTHS) {
            markers.push(Marker { at: (year_of(m), 100.0), label: String::new(), role: Role::Neutral });
        }
    }
    let title = match (a.fit, a.level_month) {
        (Err(_), _) => "No S-curve fits these inputs".to_string(),
        (Ok(_), Some(m)) => format!("On an S-curve, {}% of firms use it by {}", grouped(a.level, 0), month_name(m)),
        (Ok(_), None) => format!("On an S-curve, the share never reaches {}%", grouped(a.level, 0)),
    };
    Figure {
        title,
        subtitle: "Share of mainland Chinese firms using generative AI, %; points from the Gartner survey, curves projected".into(),
        source: "Source: Gartner survey (8% in June 2023, 43% under a year later), reported mid-2025. Curves: our calculation.",
        description: format!(
            "Line chart of three projections through {}% and {}% of firms: an S-curve levelling off at {}%, a straight line and an exponential, the last two passing 100%.",
            grouped(a.from, 0), grouped(a.to, 0), grouped(a.ceiling, 0)
        ),
        chart: Chart::Lines(LineChart {
            series: vec![
                line("Straight", Role::Neutral, 2, true, |s| Some(s.2)),
                line("Exponential", Role::Neutral, 2, true, |s| Some(s.3)),
                line("S-curve", Role::Accent, 3, false, |s| s.1),
            ],
            x_range: (year_of(0.0), year_of(HORIZON_MONTHS)),
            x_label: crate::chart::year_label,
            y_label: |y| format!("{}%", crate::format::axis(y)),
            scale: Scale::Linear,
            y_cap: Some(100.0),
            markers,
        }),
        table: table(&a),
        working: working(&a),
        notice: a.fit.err().map(|e| e.to_string()),
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
    }

    #[test]
    fn defaults_project_a_crossing_and_naive_lines_pass_100() {
        let a = compute(&ADOPTION.defaults());
        let f = a.fit.unwrap();
        // logit_90(43) = ln(43/47) = −0.08895; logit_90(8) = ln(8/82) = −2.32728
        assert!(close(f.k, (-0.08895 + 2.32728) / 11.0, 1e-5));
        // k = 0.20348; t0 = 2.32728 / k = 11.437; 75%: t = t0 + ln(75/15) / k = 19.35
        let t = a.level_month.unwrap();
        assert!(close(t, 19.3465, 1e-3), "{t}");
        assert_eq!(month_name(t), "January 2025");
        // Straight line: slope 35/11 a month; 92 / (35/11) = 28.9 months
        assert!(close(a.linear_full.unwrap(), 28.914, 1e-3));
        // Exponential: 11 × ln(12.5) / ln(5.375) = 16.52 months
        assert!(close(a.exponential_full.unwrap(), 16.520, 1e-3));
    }

    #[test]
    fn degenerate_inputs_are_explained() {
        let a = compute(&[8.0, 43.0, 11.0, 40.0, 75.0]);
        assert_eq!(a.fit, Err(NoFit::CeilingTooLow));
        assert_eq!(a.level_month, None);
        assert!(working(&a).contains("saturation share must be above"));
        assert_eq!(compute(&[30.0, 20.0, 11.0, 90.0, 75.0]).fit, Err(NoFit::NotRising));
        // A level at or above the ceiling is never reached.
        assert_eq!(compute(&[8.0, 43.0, 11.0, 70.0, 75.0]).level_month, None);
    }

    #[test]
    fn month_names() {
        assert_eq!(month_name(0.0), "June 2023");
        assert_eq!(month_name(7.0), "January 2024");
        assert_eq!(month_name(11.0), "May 2024");
    }
}
