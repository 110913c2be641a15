//! `hospital-risk`: over 300 hospitals use DeepSeek. An illustration of why
//! clinician review matters, not an estimate of real harm: every input but
//! the hospital count is an assumption.

use super::Calculator;
use crate::chart::{LineChart, Marker, Plot, Role, Scale, Series};
use crate::content::facts::id;
use crate::model::{Cell, Claims, Column, Figure, Output, Param, Quantity, Source, Table};
use crate::text::format::{self, grouped, Money, Lang};

crate::inputs! {
    /// Hospitals, consultations and two assumed rates.
    pub struct Inputs {
        /// Hospitals using the model.
        hospitals: Param::new(crate::both!("Hospitals using the model", "使用该模型的医院"), crate::both!("hospitals", "家"), (1.0, 5000.0, 1.0), 0, Source::Fact(id::HOSPITALS)),
        /// AI-assisted consultations per hospital a day.
        consults: Param::new(crate::both!("AI-assisted consultations per hospital", "每家医院每天的AI辅助问诊"), crate::both!("a day", "次"), (1.0, 5000.0, 1.0), 0, Source::Value(100.0)).assumed(),
        /// Suggestions that are wrong, %.
        wrong: Param::new(crate::both!("Suggestions that are wrong", "AI建议出错的比例"), crate::both!("%", "%"), (0.0, 50.0, 0.1), 1, Source::Value(2.0)).assumed(),
        /// Wrong suggestions caught by clinicians, %.
        caught: Param::new(crate::both!("Wrong suggestions caught by clinicians", "被医生发现的错误建议"), crate::both!("%", "%"), (0.0, 100.0, 1.0), 0, Source::Value(90.0)).assumed(),
    }
}

pub static CALCULATOR: Calculator = Calculator {
    id: "hospital-risk",
    prefix: "hosp",
    title: ["Why review catches matter at scale", "规模一大，人工把关为何更要紧"],
    intro: crate::both!("An illustration, not an estimate of harm: only the hospital count is reported; every rate is yours to set.", "这是示意，不是对危害的估计：只有医院数量出自报道，各项比率都由你设定。"),
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

pub fn working(h: &HospitalRisk, lang: Lang) -> String {
    let i = &h.inputs;
    match lang.in_build() {
        Lang::En => format!(
            "{} × {} × {} wrong × (1 − {} caught) = {} a day; × 365 = {} a year.",
            grouped(i.hospitals, 0),
            grouped(i.consults, 0),
            format::percent(i.wrong, 1),
            format::percent(i.caught, 0),
            format::amount(h.uncaught_per_day, 1),
            grouped(h.uncaught_per_year, 0)
        ),
        Lang::Zh => format!(
            "{}家 × {}次 × 出错率{} × (1 − 发现率{}) = 每天{}条；× 365 = 每年{}条。",
            format::zh_amount(i.hospitals, 0),
            format::zh_amount(i.consults, 0),
            format::percent(i.wrong, 1),
            format::percent(i.caught, 0),
            format::zh_figure(h.uncaught_per_day),
            format::zh_figure(h.uncaught_per_year)
        ),
    }
}

pub fn table(h: &HospitalRisk, lang: Lang) -> Table {
    let t = |both| lang.pick(both);
    Table {
        columns: vec![
            Column::new(t(["Share caught", "发现比例"]), "%", 0),
            Column::new(t(["Uncaught a day", "每天漏过"]), "suggestions", 1),
            Column::new(t(["Uncaught a year", "每年漏过"]), "suggestions", 0),
        ],
        rows: h.curve().into_iter().map(|(c, d)| vec![Cell::Num(c), Cell::Num(d), Cell::Num(d * 365.0)]).collect(),
    }
}

/// The figure for any values (made safe first).
pub fn figure(values: &[f64], _scale: Scale, _money: Money, lang: Lang) -> Figure {
    let h = compute(&Inputs::from_values(values));
    let t = |both| lang.pick(both);
    let mut said = Claims::default();
    let wrong = h.wrong_per_day();
    // Small numbers keep three figures: 0.004 more is not "0.0 more".
    let few = |x: f64| match lang.in_build() {
        Lang::En if x >= 0.05 => format::amount(x, 1),
        Lang::En => format::axis(x),
        Lang::Zh if x >= 0.05 => format::zh_amount(x, 1),
        Lang::Zh => format::axis_zh(x),
    };
    let caught = format::percent(h.inputs.caught, 0);
    let (title, description) = match (wrong > 0.0, lang.in_build()) {
        // At 100% caught there is no point left to add.
        (true, Lang::En) if h.inputs.caught >= 100.0 => (
            "At 100% caught, review stops every wrong suggestion".to_string(),
            format!("Line chart falling from {} uncaught suggestions a day with no review to none at 100% caught.", few(wrong)),
        ),
        (true, Lang::En) => (
            format!("Each extra point of review catches {} more wrong suggestions a day", few(wrong / 100.0)),
            format!(
                "Line chart falling from {} uncaught suggestions a day with no review to none with perfect review; at {caught} caught, {} a day.",
                few(wrong),
                few(h.uncaught_per_day)
            ),
        ),
        // At 100% caught there is no point left to add.
        (true, Lang::Zh) if h.inputs.caught >= 100.0 => (
            "发现率已达100%，错误建议全部拦下".to_string(),
            format!("折线图：没有人工把关时，每天漏过{}条错误建议；发现率为100%时，一条也不漏。", few(wrong)),
        ),
        (true, Lang::Zh) => (
            format!("人工把关的发现率每提高1个百分点，每天多拦下{}条错误建议", few(wrong / 100.0)),
            format!(
                "折线图：没有人工把关时，每天漏过{}条错误建议；把关万无一失时，一条也不漏；发现率为{caught}时，每天漏过{}条。",
                few(wrong),
                few(h.uncaught_per_day)
            ),
        ),
        (false, Lang::En) => {
            let none = said.change("wrong", wrong, ["some wrong suggestions", "no wrong suggestions", "fewer than none"]);
            ("With no wrong suggestions, review has nothing to catch".to_string(), format!("Line chart flat at zero: {none}, so none get through."))
        }
        (false, Lang::Zh) => {
            let none = said.change("wrong", wrong, ["有一些错误建议", "没有错误建议", "错误建议少于零"]);
            ("没有错误建议，人工把关也就无可拦截".to_string(), format!("折线图始终为零：{none}，自然没有漏过的。"))
        }
    };
    Figure {
        title,
        subtitle: t(["Wrong AI suggestions not caught by review, per day, against the share that review catches", "每天未被人工把关发现的AI错误建议，与把关发现比例的关系"]).into(),
        source: t([
            "Illustrative: only the hospital count is reported (over 300, Tsinghua University study); every rate is an assumption.",
            "示意：只有医院数量出自报道（超过300家，清华大学研究）；各项比率均为假设。",
        ]),
        description,
        plot: Plot::Lines(LineChart {
            series: vec![Series { name: t(["Uncaught", "漏过"]), points: h.curve(), role: Role::Series, width: 3, dashed: false }],
            x_range: (0.0, 100.0),
            x_label: |x| format::percent(x.round(), 0),
            y_label: lang.pick([format::axis as fn(f64) -> String, format::axis_zh]),
            scale: Scale::Linear,
            y_cap: None,
            markers: vec![Marker {
                at: (h.inputs.caught, h.uncaught_per_day),
                label: match lang.in_build() {
                    Lang::En => format!("You: {} a day", format::amount(h.uncaught_per_day, 1)),
                    Lang::Zh => format!("你的设定：每天{}条", format::zh_amount(h.uncaught_per_day, 1)),
                },
                role: Role::Accent,
            }],
            bands: Vec::new(),
            tornado: None,
        }),
        outputs: vec![
            Output {
                id: "daily",
                label: t(["Wrong suggestions not caught, a day", "每天漏过的错误建议"]),
                value: Quantity::Count { n: h.uncaught_per_day, decimals: 1, of: None },
                note: match lang.in_build() {
                    Lang::En => format!("{} a year, under the assumptions set", format::count(h.uncaught_per_year.round())),
                    Lang::Zh => format!("按你设定的比率，全年{}条", format::zh_figure(h.uncaught_per_year)),
                },
                reader: true,
            },
            Output {
                id: "consults",
                label: t(["Consultations a day, all hospitals", "所有医院每天的问诊量"]),
                value: Quantity::Count { n: h.daily, decimals: 0, of: None },
                note: match lang.in_build() {
                    Lang::En => format!("{} wrong before review", format::count(h.wrong_per_day().round())),
                    Lang::Zh => format!("把关前出错的建议为{}条", format::zh_figure(h.wrong_per_day().round())),
                },
                reader: false,
            },
        ],
        table: table(&h, lang),
        working: working(&h, lang),
        range: None,
        prose: None,
        notice: None,
        claims: said,
        lang,
    }
    .in_its_language()
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
        assert_eq!(working(&h, Lang::En), "300 × 100 × 2.0% wrong × (1 − 90% caught) = 60.0 a day; × 365 = 21,900 a year.");
    }

    #[test]
    fn no_wrong_suggestions_leave_nothing_to_catch() {
        let f = figure(&[300.0, 100.0, 0.0, 90.0], Scale::Linear, Money::USD, Lang::En);
        assert_eq!(f.title, "With no wrong suggestions, review has nothing to catch");
        assert_eq!(f.description, "Line chart flat at zero: no wrong suggestions, so none get through.");
        // Tiny numbers keep their figures.
        let f = figure(&[1.0, 1.0, 0.1, 90.0], Scale::Linear, Money::USD, Lang::En);
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
