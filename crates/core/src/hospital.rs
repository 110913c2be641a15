//! `hospital-risk`: over 300 hospitals use DeepSeek. An illustration of why
//! clinician review matters, not an estimate of real harm: every input but
//! the hospital count is an assumption.

use crate::calc::{Calculator, Default, Param};
use crate::format::grouped;
use crate::table::{Cell, Column, Table};
use crate::chart::{LineChart, Marker, Role, Scale, Series};
use crate::figure::{Chart, Figure};

pub static HOSPITAL: Calculator = Calculator {
    id: "hospital-risk",
    prefix: "hosp",
    title: "Why review catches matter at scale",
    intro: "This illustrates why review matters at scale; it is not an estimate of real harm. Only the hospital count is reported.",
    params: &[
        Param::new("hospitals", "Hospitals using the model", "hospitals", (1.0, 5000.0, 1.0), 0, Default::Fact("hospitals")),
        Param::new("consults", "AI-assisted consultations per hospital", "a day", (1.0, 5000.0, 1.0), 0, Default::Value(100.0)).assumed(),
        Param::new("wrong", "Suggestions that are wrong", "%", (0.0, 50.0, 0.1), 1, Default::Value(2.0)).assumed(),
        Param::new("caught", "Wrong suggestions caught by clinicians", "%", (0.0, 100.0, 1.0), 0, Default::Value(90.0)).assumed(),
    ],
};

#[derive(Clone, Debug, PartialEq)]
pub struct HospitalRisk {
    pub hospitals: f64,
    pub consults: f64,
    pub wrong: f64,
    pub caught: f64,
    /// Consultations a day across all hospitals.
    pub daily: f64,
    pub uncaught_per_day: f64,
    pub uncaught_per_year: f64,
}

/// Inputs `[hospitals, consults a day, wrong %, caught %]`; sanitized first.
pub fn compute(values: &[f64]) -> HospitalRisk {
    let (v, _) = HOSPITAL.sanitize(values);
    let (hospitals, consults, wrong, caught) = (v[0], v[1], v[2], v[3]);
    let daily = hospitals * consults;
    let uncaught_per_day = uncaught(daily, wrong, caught);
    HospitalRisk { hospitals, consults, wrong, caught, daily, uncaught_per_day, uncaught_per_year: uncaught_per_day * 365.0 }
}

/// Wrong suggestions that slip through review, per day.
pub fn uncaught(daily: f64, wrong_pct: f64, caught_pct: f64) -> f64 {
    daily * wrong_pct / 100.0 * (1.0 - caught_pct / 100.0)
}

impl HospitalRisk {
    /// Uncaught per day at each catch rate from 0% to 100%.
    pub fn curve(&self) -> Vec<(f64, f64)> {
        (0..=20).map(|i| f64::from(i) * 5.0).map(|c| (c, uncaught(self.daily, self.wrong, c))).collect()
    }
}

pub fn working(h: &HospitalRisk) -> String {
    format!(
        "{} × {} × {}% wrong × (1 − {}% caught) = {} a day; × 365 = {} a year.",
        grouped(h.hospitals, 0),
        grouped(h.consults, 0),
        grouped(h.wrong, 1),
        grouped(h.caught, 0),
        grouped(h.uncaught_per_day, 1),
        grouped(h.uncaught_per_year, 0)
    )
}

pub fn table(h: &HospitalRisk) -> Table {
    Table {
        columns: vec![Column::new("Share caught", "%", 0), Column::new("Uncaught a day", "suggestions", 1), Column::new("Uncaught a year", "suggestions", 0)],
        rows: h.curve().into_iter().map(|(c, d)| vec![Cell::Num(c), Cell::Num(d), Cell::Num(d * 365.0)]).collect(),
    }
}


/// The chart and its text for hospital-risk inputs.
pub fn figure(values: &[f64], _scale: Scale) -> Figure {
    let h = compute(values);
    Figure {
        title: format!("Each extra point of review catches {} more wrong suggestions a day", grouped(h.daily * h.wrong / 100.0 / 100.0, 1)),
        subtitle: "Wrong AI suggestions not caught by review, per day, against the share that review catches".into(),
        source: "Illustrative: only the hospital count is reported (Tsinghua University study, mid-2025); every rate is an assumption.",
        description: format!(
            "Line chart falling from {} uncaught suggestions a day with no review to none with perfect review; at {}% caught, {} a day.",
            grouped(h.daily * h.wrong / 100.0, 0), grouped(h.caught, 0), grouped(h.uncaught_per_day, 1)
        ),
        chart: Chart::Lines(LineChart {
            series: vec![Series { name: "Uncaught", points: h.curve(), role: Role::Series, width: 3, dashed: false }],
            x_range: (0.0, 100.0),
            x_label: |x| format!("{}%", x.round() as i64),
            y_label: crate::format::axis,
            scale: Scale::Linear,
            y_cap: None,
            markers: vec![Marker {
                at: (h.caught, h.uncaught_per_day),
                label: format!("You: {} a day", grouped(h.uncaught_per_day, 1)),
                role: Role::Accent,
            }],
        }),
        table: table(&h),
        working: working(&h),
        notice: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_by_hand() {
        let h = compute(&HOSPITAL.defaults());
        // 300 × 100 = 30,000 a day; 2% wrong = 600; 10% uncaught = 60
        assert_eq!(h.daily, 30_000.0);
        assert!((h.uncaught_per_day - 60.0).abs() < 1e-9);
        assert!((h.uncaught_per_year - 21_900.0).abs() < 1e-6);
        assert_eq!(working(&h), "300 × 100 × 2.0% wrong × (1 − 90% caught) = 60.0 a day; × 365 = 21,900 a year.");
    }

    #[test]
    fn full_review_catches_everything() {
        let h = compute(&[300.0, 100.0, 2.0, 100.0]);
        assert_eq!(h.uncaught_per_day, 0.0);
        let curve = h.curve();
        assert_eq!(curve.first(), Some(&(0.0, 600.0)));
        assert_eq!(curve.len(), 21);
    }
}
