//! `hospital-risk`: over 300 hospitals use DeepSeek. An illustration of why
//! clinician review matters, not an estimate of real harm: every input but
//! the hospital count is an assumption.

use super::Calculator;
use crate::chart::{LineChart, Marker, Plot, Role, Scale, Series};
use crate::content::facts::id;
use crate::model::{Cell, Claims, Column, Figure, Output, Param, Quantity, Source, Table};
use crate::text::format::{self, grouped, Money};

crate::inputs! {
    /// Hospitals, consultations and two assumed rates.
    pub struct Inputs {
        /// Hospitals using the model.
        hospitals: Param::new("Hospitals using the model", "hospitals", (1.0, 5000.0, 1.0), 0, Source::Fact(id::HOSPITALS)),
        /// AI-assisted consultations per hospital a day.
        consults: Param::new("AI-assisted consultations per hospital", "a day", (1.0, 5000.0, 1.0), 0, Source::Value(100.0)).assumed(),
        /// Suggestions that are wrong, %.
        wrong: Param::new("Suggestions that are wrong", "%", (0.0, 50.0, 0.1), 1, Source::Value(2.0)).assumed(),
        /// Wrong suggestions caught by clinicians, %.
        caught: Param::new("Wrong suggestions caught by clinicians", "%", (0.0, 100.0, 1.0), 0, Source::Value(90.0)).assumed(),
    }
}

pub static CALCULATOR: Calculator = Calculator {
    id: "hospital-risk",
    prefix: "hosp",
    title: "Why review catches matter at scale",
    intro: "An illustration, not an estimate of harm: only the hospital count is reported; every rate is yours to set.",
    params: Inputs::PARAMS,
    has_scale: false,
    extras: &[],
    figure,
};

#[derive(Clone, Debug, PartialEq)]
pub struct HospitalRisk {
    pub inputs: Inputs,
    /// Consultations a day across all hospitals.
    pub daily: f64,
    pub uncaught_per_day: f64,
    pub uncaught_per_year: f64,
}

pub fn compute(i: &Inputs) -> HospitalRisk {
    let daily = i.hospitals * i.consults;
    let uncaught_per_day = uncaught(daily, i.wrong, i.caught);
    HospitalRisk { inputs: *i, daily, uncaught_per_day, uncaught_per_year: uncaught_per_day * 365.0 }
}

/// Wrong suggestions that slip through review, per day.
pub fn uncaught(daily: f64, wrong_pct: f64, caught_pct: f64) -> f64 {
    daily * wrong_pct / 100.0 * (1.0 - caught_pct / 100.0)
}

impl HospitalRisk {
    /// Uncaught per day at each catch rate from 0% to 100%.
    pub fn curve(&self) -> Vec<(f64, f64)> {
        (0..=20).map(|i| f64::from(i) * 5.0).map(|c| (c, uncaught(self.daily, self.inputs.wrong, c))).collect()
    }

    /// Wrong suggestions a day before any review.
    pub fn wrong_per_day(&self) -> f64 {
        self.daily * self.inputs.wrong / 100.0
    }
}

pub fn working(h: &HospitalRisk) -> String {
    let i = &h.inputs;
    format!(
        "{} × {} × {} wrong × (1 − {} caught) = {} a day; × 365 = {} a year.",
        grouped(i.hospitals, 0),
        grouped(i.consults, 0),
        format::percent(i.wrong, 1),
        format::percent(i.caught, 0),
        format::amount(h.uncaught_per_day, 1),
        grouped(h.uncaught_per_year, 0)
    )
}

pub fn table(h: &HospitalRisk) -> Table {
    Table {
        columns: vec![Column::new("Share caught", "%", 0), Column::new("Uncaught a day", "suggestions", 1), Column::new("Uncaught a year", "suggestions", 0)],
        rows: h.curve().into_iter().map(|(c, d)| vec![Cell::Num(c), Cell::Num(d), Cell::Num(d * 365.0)]).collect(),
    }
}

/// The figure for any values (made safe first).
pub fn figure(values: &[f64], _scale: Scale, _money: Money) -> Figure {
    let h = compute(&Inputs::from_values(values));
    let mut said = Claims::default();
    let wrong = h.wrong_per_day();
    // Small numbers keep three figures: 0.004 more is not "0.0 more".
    let few = |x: f64| if x >= 0.05 { format::amount(x, 1) } else { format::axis(x) };
    let (title, description) = if wrong > 0.0 {
        (
            format!("Each extra point of review catches {} more wrong suggestions a day", few(wrong / 100.0)),
            format!(
                "Line chart falling from {} uncaught suggestions a day with no review to none with perfect review; at {} caught, {} a day.",
                few(wrong),
                format::percent(h.inputs.caught, 0),
                few(h.uncaught_per_day)
            ),
        )
    } else {
        let none = said.change("wrong", wrong, ["some wrong suggestions", "no wrong suggestions", "fewer than none"]);
        ("With no wrong suggestions, review has nothing to catch".to_string(), format!("Line chart flat at zero: {none}, so none get through."))
    };
    Figure {
        title,
        subtitle: "Wrong AI suggestions not caught by review, per day, against the share that review catches".into(),
        source: "Illustrative: only the hospital count is reported (over 300, Tsinghua University study); every rate is an assumption.",
        description,
        plot: Plot::Lines(LineChart {
            series: vec![Series { name: "Uncaught", points: h.curve(), role: Role::Series, width: 3, dashed: false }],
            x_range: (0.0, 100.0),
            x_label: |x| format::percent(x.round(), 0),
            y_label: format::axis,
            scale: Scale::Linear,
            y_cap: None,
            markers: vec![Marker {
                at: (h.inputs.caught, h.uncaught_per_day),
                label: format!("You: {} a day", format::amount(h.uncaught_per_day, 1)),
                role: Role::Accent,
            }],
            bands: Vec::new(),
            tornado: None,
        }),
        outputs: vec![
            Output {
                id: "daily",
                label: "Wrong suggestions not caught, a day",
                value: Quantity::Count { n: h.uncaught_per_day, decimals: 1, of: None },
                note: format!("{} a year, under the assumptions set", format::count(h.uncaught_per_year.round())),
                reader: true,
            },
            Output {
                id: "consults",
                label: "Consultations a day, all hospitals",
                value: Quantity::Count { n: h.daily, decimals: 0, of: None },
                note: format!("{} wrong before review", format::count(h.wrong_per_day().round())),
                reader: false,
            },
        ],
        table: table(&h),
        working: working(&h),
        range: None,
        prose: None,
        notice: None,
        claims: said,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_by_hand() {
        let h = compute(&Inputs::from_values(&CALCULATOR.defaults()));
        // 300 × 100 = 30,000 a day; 2% wrong = 600; 10% uncaught = 60
        assert_eq!(h.daily, 30_000.0);
        assert!((h.uncaught_per_day - 60.0).abs() < 1e-9);
        assert!((h.uncaught_per_year - 21_900.0).abs() < 1e-6);
        assert_eq!(working(&h), "300 × 100 × 2.0% wrong × (1 − 90% caught) = 60.0 a day; × 365 = 21,900 a year.");
    }

    #[test]
    fn no_wrong_suggestions_leave_nothing_to_catch() {
        let f = figure(&[300.0, 100.0, 0.0, 90.0], Scale::Linear, Money::USD);
        assert_eq!(f.title, "With no wrong suggestions, review has nothing to catch");
        assert_eq!(f.description, "Line chart flat at zero: no wrong suggestions, so none get through.");
        // Tiny numbers keep their figures.
        let f = figure(&[1.0, 1.0, 0.1, 90.0], Scale::Linear, Money::USD);
        assert_eq!(f.title, "Each extra point of review catches 0.00001 more wrong suggestions a day");
    }

    #[test]
    fn full_review_catches_everything() {
        let h = compute(&Inputs { hospitals: 300.0, consults: 100.0, wrong: 2.0, caught: 100.0 });
        assert_eq!(h.uncaught_per_day, 0.0);
        let curve = h.curve();
        assert_eq!(curve.first(), Some(&(0.0, 600.0)));
        assert_eq!(curve.len(), 21);
    }
}
