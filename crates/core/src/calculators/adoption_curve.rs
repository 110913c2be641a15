//! `adoption-curve`: the share of firms using generative AI, 8% (June 2023)
//! to 43% under a year later, fitted with a logistic (S-shaped) curve and
//! set against naive straight-line and exponential extrapolations.

use super::Calculator;
use crate::chart::{year_label, LineChart, Marker, Plot, Role, Scale, Series};
use crate::content::facts::id;
use crate::maths::logistic::{Logistic, NoFit};
use crate::model::range::{self, Ranges};
use crate::model::{Cell, Claims, Column, Figure, Output, Param, Prose, Quantity, Source, Table};
use crate::text::{format, format::grouped, format::Lang, format::Money, num};

/// ln 81: the time an S-curve takes from 10% to 90% of its ceiling, in
/// units of 1 ÷ its rate.
const LN_81: f64 = 4.394_449_154_672_439;

crate::inputs! {
    /// Two survey readings, the time between them, the ceiling and a level to find.
    pub struct Inputs {
        /// Share of firms in June 2023, %.
        from: Param::new(crate::both!("Share in June 2023", "2023年6月的使用率"), crate::both!("%", "%"), (0.5, 60.0, 0.5), 1, Source::Fact(id::GENAI_USE_2023)),
        /// Share at the second survey, %.
        to: Param::new(crate::both!("Share at the second reading", "第二次调查的使用率"), crate::both!("%", "%"), (1.0, 99.0, 0.5), 1, Source::Fact(id::GENAI_USE_2024)),
        /// Months between the readings: under a year, the report says.
        gap: Param::new(crate::both!("Months between the two readings", "两次调查相隔"), crate::both!("months", "个月"), (1.0, 11.0, 1.0), 0, Source::Value(11.0))
            .assumed()
            .help(crate::both!("The report says less than a year; 11 is our assumption.", "报道只说不到一年；11个月是本站的假设。")),
        /// Where the curve levels off, %.
        ceiling: Param::new(crate::both!("Share at saturation", "饱和时的使用率"), crate::both!("%", "%"), (1.0, 100.0, 1.0), 0, Source::Value(90.0))
            .assumed()
            .help(crate::both!("The share of firms that will ever use it. Accenture’s 46% is another, undated survey, not a point on this curve.", "最终会使用的企业占比。埃森哲的46%出自另一项未注明日期的调查，不是这条曲线上的点。")),
        /// The share whose date to find, %.
        level: Param::new(crate::both!("Find when the share reaches", "使用率何时达到"), crate::both!("%", "%"), (1.0, 99.0, 1.0), 0, Source::Value(50.0)).assumed(),
        /// How far the ceiling and the months between readings may be
        /// off, ± % (8 draws in 10).
        range: range::spread_param(20.0),
    }
}

/// The two assumed inputs vary: where the curve levels off, and the time
/// between the readings (reported only as under a year).
const RANGES: Ranges = Ranges { params: Inputs::PARAMS, spread: Field::range as usize, vary: &[Field::ceiling as usize, Field::gap as usize] };

/// Months between the points of the fan: a quarter draws a smooth band at a
/// third of the work of every month, and every other point is a table row.
const FAN_STEP: usize = 3;

/// The S-curve's share every [`FAN_STEP`] months of the chart, then the
/// month it reaches the reader's level (NaN where no curve fits): the
/// fan's path.
fn fan_path(values: &[f64]) -> Vec<f64> {
    let i = Inputs::from_values(values);
    let months = (0..=HORIZON_MONTHS as usize).step_by(FAN_STEP);
    match Logistic::fit(i.from, i.to, i.gap, i.ceiling) {
        // A level the curve never reaches counts as later than any month.
        Ok(f) => months.map(|m| f.at(m as f64)).chain([f.reaches(i.level).unwrap_or(f64::INFINITY)]).collect(),
        Err(_) => months.chain([0]).map(|_| f64::NAN).collect(),
    }
}

pub static CALCULATOR: Calculator = Calculator {
    id: "adoption-curve",
    prefix: "adopt",
    title: ["Where does the adoption curve level off?", "普及曲线会在哪里走平？"],
    intro: crate::both!("An S-curve through Gartner’s two readings, against a straight line and an exponential. Choose where it levels off.", "一条穿过Gartner两次调查数据、先快后平的曲线，与直线和指数曲线对比。走平的位置由你决定。"),
    params: Inputs::PARAMS,
    has_scale: false,
    extras: &[],
    figure,
};

/// Months from June 2023 that the chart covers.
pub const HORIZON_MONTHS: f64 = 60.0;
/// June 2023, the first survey, as a month index (`year * 12 + month - 1`).
const FIRST_SURVEY: i64 = 2023 * 12 + 5;

#[derive(Clone, Debug, PartialEq)]
pub struct Adoption {
    pub inputs: Inputs,
    pub fit: Result<Logistic, NoFit>,
    /// Month the logistic curve reaches the chosen level; `None` if never.
    pub level_month: Option<f64>,
    /// Month a straight line through both points passes 100%.
    pub linear_full: Option<f64>,
    /// Month an exponential through both points passes 100%.
    pub exponential_full: Option<f64>,
}

pub fn compute(i: &Inputs) -> Adoption {
    let fit = Logistic::fit(i.from, i.to, i.gap, i.ceiling);
    let slope = (i.to - i.from) / i.gap;
    let growth = (i.to / i.from).ln() / i.gap;
    Adoption {
        inputs: *i,
        level_month: fit.ok().and_then(|f| f.reaches(i.level)),
        fit,
        linear_full: (slope > 0.0).then(|| (100.0 - i.from) / slope),
        exponential_full: (growth > 0.0).then(|| (100.0 / i.from).ln() / growth),
    }
}

/// Months after June 2023 as a fractional calendar year (the middle of June
/// is 2023 + 5.5/12).
pub fn year_of(month: f64) -> f64 {
    2023.0 + (5.5 + month) / 12.0
}

/// Months after June 2023, rounded, as a calendar month index.
pub fn calendar_month(month: f64) -> i64 {
    FIRST_SURVEY + num::clamp(month.round(), 0.0, 12_000.0) as i64
}

/// Months after June 2023 as a calendar month: "April 2025".
pub fn month_name(month: f64) -> String {
    format::month(calendar_month(month))
}

/// [`month_name`] in Chinese: "2025年4月".
pub fn month_name_zh(month: f64) -> String {
    Quantity::Month(calendar_month(month)).text(Lang::Zh)
}

/// One month of the chart: (month, S-curve if it fits, straight line,
/// exponential), shares in percent.
pub type Sample = (f64, Option<f64>, f64, f64);

/// The chart's sampled curves, one point a month.
pub fn curves(a: &Adoption) -> Vec<Sample> {
    let i = &a.inputs;
    (0..=HORIZON_MONTHS as usize)
        .map(|m| {
            let t = m as f64;
            (t, a.fit.ok().map(|f| f.at(t)), i.from + (i.to - i.from) / i.gap * t, i.from * num::pow(i.to / i.from, t / i.gap))
        })
        .collect()
}

pub fn working(a: &Adoption, lang: Lang) -> String {
    let i = &a.inputs;
    match (a.fit, lang.in_build()) {
        (Ok(f), Lang::En) => format!(
            "k = (ln({to} ÷ ({c} − {to})) − ln({from} ÷ ({c} − {from}))) ÷ {gap} = {k} a month; the curve is halfway to {c}% in month {mid}.",
            to = grouped(i.to, 1),
            from = grouped(i.from, 1),
            c = grouped(i.ceiling, 0),
            gap = grouped(i.gap, 0),
            // Three significant figures: a slow curve's rate is not "0.000".
            k = format::axis(f.k),
            mid = format::amount(f.t0, 1),
        ),
        (Ok(f), Lang::Zh) => format!(
            "k = (ln({to} ÷ ({c} − {to})) − ln({from} ÷ ({c} − {from}))) ÷ {gap} = 每月{k}；曲线在第{mid}个月升到{c}%的一半。",
            to = format::plain(i.to, 1),
            from = format::plain(i.from, 1),
            c = format::plain(i.ceiling, 0),
            gap = format::plain(i.gap, 0),
            k = format::axis_zh(f.k),
            mid = format::zh_amount(f.t0, 1),
        ),
        // The notice says why; the working only says there is none.
        (Err(_), Lang::En) => "No S-curve fits, so there is no rate to work out.".to_string(),
        (Err(_), Lang::Zh) => "无法拟合出S形曲线，也就无从计算增速。".to_string(),
    }
}

pub fn table(a: &Adoption, lang: Lang) -> Table {
    let t = |both| lang.pick(both);
    let month = lang.pick([month_name as fn(f64) -> String, month_name_zh]);
    let rows = curves(a)
        .into_iter()
        .filter(|(t, ..)| (*t as usize).is_multiple_of(6))
        .map(|(m, logistic, linear, exponential)| {
            vec![Cell::Text(month(m)), logistic.map_or(Cell::Text(t(["no fit", "无法拟合"]).into()), Cell::Num), Cell::Num(linear), Cell::Num(exponential)]
        })
        .collect();
    Table {
        columns: vec![
            Column::new(t(["Month", "月份"]), "", 0),
            Column::new(t(SERIES[2]), "%", 1),
            Column::new(t(["Straight line", "直线"]), "%", 1),
            Column::new(t(SERIES[1]), "%", 1),
        ],
        rows,
    }
}

/// The chart's lines, in English and Chinese: straight, exponential, S-curve.
const SERIES: [[&str; 2]; 3] = [["Straight", "直线"], ["Exponential", "指数曲线"], ["S-curve", "S形曲线"]];

fn outputs(a: &Adoption, lang: Lang) -> Vec<Output> {
    let t = |both| lang.pick(both);
    let when = match (a.fit, a.level_month) {
        (Err(_), _) => Quantity::Words(t(["No curve fits", "无法拟合"])),
        (Ok(_), Some(m)) if m <= 0.0 => Quantity::Words(t(["Already passed", "已经超过"])),
        (Ok(_), Some(m)) => Quantity::Month(calendar_month(m)),
        (Ok(_), None) => Quantity::Words(t(["Never", "永远达不到"])),
    };
    let rate = match (a.fit, lang.in_build()) {
        // The logistic rate k, in plain terms: any S-curve climbs from 10%
        // to 90% of its ceiling in ln 81 ÷ k.
        (Ok(f), Lang::En) => format!("It climbs from 10% to 90% of its ceiling in {}", format::with_unit(LN_81 / f.k, 1, "month", "months")),
        (Ok(f), Lang::Zh) => format!("从上限的10%升到90%需要{}个月", format::zh_amount(LN_81 / f.k, 1)),
        (Err(_), _) => String::new(),
    };
    let naive = |full: Option<f64>| full.map_or(Quantity::Words(t(["Never", "永远达不到"])), |m| Quantity::Month(calendar_month(m)));
    let exponential = match (a.exponential_full, lang.in_build()) {
        (Some(m), Lang::En) => format!("An exponential does so in {}", month_name(m)),
        (None, Lang::En) => "An exponential never does".to_string(),
        (Some(m), Lang::Zh) => format!("指数曲线在{}突破", month_name_zh(m)),
        (None, Lang::Zh) => "指数曲线永远不会突破".to_string(),
    };
    vec![
        Output { id: "when", label: t(["On the S-curve, the share reaches your level in", "按S形曲线，使用率达到你设定水平的时间"]), value: when, note: rate, reader: true },
        Output {
            id: "naive",
            label: t(["A straight line passes an impossible 100% in", "直线外推突破100%上限的时间"]),
            value: naive(a.linear_full),
            note: exponential,
            reader: false,
        },
    ]
}

/// Items in a sentence: "a", "a and b", "a, b and c"; "a、b和c".
fn list(items: &[String], lang: Lang) -> String {
    match (items, lang.in_build()) {
        ([], _) => String::new(),
        ([one], _) => one.clone(),
        ([rest @ .., last], Lang::En) => format!("{} and {last}", rest.join(", ")),
        ([rest @ .., last], Lang::Zh) => format!("{}和{last}", rest.join("、")),
    }
}

/// The story's sentence beside the calculator: the curve through Gartner's
/// readings, or through the reader's numbers.
fn prose(a: &Adoption, values: &[f64], lang: Lang) -> Prose {
    let i = &a.inputs;
    let yours = crate::model::param::changed(Inputs::PARAMS, values, &[Field::range as usize]);
    let (ceiling, level) = (format::percent(i.ceiling, 0), format::percent(i.level, 0));
    // The months between the readings and the ceiling are the story's
    // assumptions, not the report's, and the default sentence says so.
    let text = match lang.in_build() {
        Lang::En => {
            let curve = if yours {
                format!("On your numbers, an S-curve levelling off at {ceiling}")
            } else {
                format!(
                    "Assuming Gartner’s two readings are {} apart and use levels off at {ceiling}, an S-curve through them",
                    format::with_unit(i.gap, 0, "month", "months")
                )
            };
            match (a.fit, a.level_month) {
                (Err(e), _) => format!("On your numbers, no S-curve fits: {}", crate::text::style::mid_sentence(e.reason())),
                (Ok(_), Some(m)) if m <= 0.0 => format!("{curve} had already passed {level} of firms by June 2023."),
                (Ok(_), Some(m)) => format!("{curve} has {level} of firms using generative AI by {}.", month_name(m)),
                (Ok(_), None) => format!("{curve} never reaches {level} of firms."),
            }
        }
        Lang::Zh => {
            let curve = if yours {
                format!("按你的数字，若使用率最终在{ceiling}走平，S形曲线显示")
            } else {
                format!(
                    "按本站的假设，Gartner的两次调查相隔{}个月（报道只说不到一年）；若使用率最终在{ceiling}走平，穿过这两个点的S形曲线显示",
                    format::zh_amount(i.gap, 0)
                )
            };
            match (a.fit, a.level_month) {
                // The cause in a few words; the notice says it in full.
                (Err(e), _) => format!(
                    "按你的数字，无法拟合出S形曲线：{}。",
                    match e {
                        NoFit::NotRising => "第二次调查的使用率不高于第一次",
                        NoFit::CeilingTooLow => "设定的饱和使用率不高于最新一次调查的使用率",
                    }
                ),
                (Ok(_), Some(m)) if m <= 0.0 => format!("{curve}，2023年6月时这一比例已超过{level}。"),
                (Ok(_), Some(m)) => format!("{curve}，到{}，使用生成式人工智能的企业占比达到{level}。", month_name_zh(m)),
                (Ok(_), None) => format!("{curve}，这一比例永远达不到{level}。"),
            }
        }
    };
    Prose { text, yours }
}

pub fn figure(values: &[f64], _scale: Scale, _money: Money, lang: Lang) -> Figure {
    let a = compute(&Inputs::from_values(values));
    let i = &a.inputs;
    let samples = curves(&a);
    let t = |both| lang.pick(both);
    let month = lang.pick([month_name as fn(f64) -> String, month_name_zh]);

    let line = |name, role, width, dashed, pick: fn(&Sample) -> Option<f64>| Series {
        name,
        points: samples.iter().filter_map(|s| pick(s).map(|y| (year_of(s.0), y))).collect(),
        role,
        width,
        dashed,
    };
    let mut markers = vec![
        Marker { at: (year_of(0.0), i.from), label: format::percent(i.from, 0), role: Role::Series },
        Marker { at: (year_of(i.gap), i.to), label: format::percent(i.to, 0), role: Role::Series },
    ];
    // Where the naive lines hit 100% (each line's name stands at its end).
    for full in [a.linear_full, a.exponential_full] {
        if let Some(m) = full.filter(|m| *m <= HORIZON_MONTHS) {
            markers.push(Marker { at: (year_of(m), 100.0), label: String::new(), role: Role::Neutral });
        }
    }
    let (ceiling, level) = (format::percent(i.ceiling, 0), format::percent(i.level, 0));
    let title = match (a.fit, a.level_month, lang.in_build()) {
        (Err(_), _, Lang::En) => "No S-curve fits these inputs".to_string(),
        (Ok(_), Some(m), Lang::En) => format!("If use levels off at {ceiling}, {level} of firms use it by {}", month(m)),
        (Ok(_), None, Lang::En) => format!("If use levels off at {ceiling}, it never reaches {level}"),
        (Err(_), _, Lang::Zh) => "按这些数字，无法拟合出S形曲线".to_string(),
        (Ok(_), Some(m), Lang::Zh) if m <= 0.0 => format!("若使用率最终在{ceiling}走平，2023年6月时已超过{level}"),
        (Ok(_), Some(m), Lang::Zh) => format!("若使用率最终在{ceiling}走平，到{}升至{level}", month(m)),
        (Ok(_), None, Lang::Zh) => format!("若使用率最终在{ceiling}走平，就永远达不到{level}"),
    };
    let mut said = Claims::default();
    // Only what is drawn: the S-curve where one fits, and where each naive
    // line stands against 100% within the chart's years.
    let mut lines = Vec::new();
    if a.fit.is_ok() {
        let words = match lang.in_build() {
            Lang::En => format!("an S-curve levelling off at {ceiling}"),
            Lang::Zh => format!("一条在{ceiling}走平的S形曲线"),
        };
        lines.push(said.drawn(t(SERIES[2]), 0.0, true, words));
    }
    let end = month(HORIZON_MONTHS);
    let whats = [t(["a straight line", "直线"]), t(["an exponential", "指数曲线"])];
    for ((series, what), full) in [t(SERIES[0]), t(SERIES[1])].into_iter().zip(whats).zip([a.linear_full, a.exponential_full]) {
        lines.push(match (full, lang.in_build()) {
            (Some(m), Lang::En) if m <= HORIZON_MONTHS => said.drawn(series, 100.0, true, format!("{what} passing 100% in {}", month(m))),
            (Some(_), Lang::En) => said.drawn(series, 100.0, false, format!("{what} still below 100% in {end}")),
            (None, Lang::En) => said.drawn(series, 100.0, false, format!("{what} that does not rise")),
            (Some(m), Lang::Zh) if m <= HORIZON_MONTHS => said.drawn(series, 100.0, true, format!("在{}突破100%的{what}", month(m))),
            (Some(_), Lang::Zh) => said.drawn(series, 100.0, false, format!("到{end}仍低于100%的{what}")),
            (None, Lang::Zh) => said.drawn(series, 100.0, false, format!("不上升的{what}")),
        });
    }
    let (from, to) = (format::percent(i.from, 0), format::percent(i.to, 0));
    let description = match lang.in_build() {
        Lang::En => format!(
            "Line chart of projections through {from} of firms in June 2023 and {to} {} later: {}.",
            format::with_unit(i.gap, 0, "month", "months"),
            list(&lines, lang)
        ),
        Lang::Zh => format!("折线图：穿过2023年6月的{from}和{}个月后的{to}这两个点的推算曲线，{}。", format::zh_amount(i.gap, 0), list(&lines, lang)),
    };
    let mut figure = Figure {
        title,
        subtitle: t([
            "Share of mainland Chinese firms using generative AI, %; points from the Gartner survey, curves projected",
            "使用生成式人工智能的中国企业占比，%；数据点来自Gartner调查，曲线为推算",
        ])
        .into(),
        source: t([
            "Source: Gartner survey (8% in June 2023, 43% under a year later), via Info Finance. Curves: our calculation.",
            "来源：Gartner调查（2023年6月为8%，不到一年后为43%），据Info Finance报道。曲线为本站计算。",
        ]),
        description,
        plot: Plot::Lines(LineChart {
            series: vec![
                line(t(SERIES[0]), Role::Neutral, 2, true, |s| Some(s.2)),
                line(t(SERIES[1]), Role::Neutral, 2, true, |s| Some(s.3)),
                line(t(SERIES[2]), Role::Accent, 3, false, |s| s.1),
            ],
            x_range: (year_of(0.0), year_of(HORIZON_MONTHS)),
            x_label: year_label,
            y_label: lang.pick([(|y| format::axis(y) + "%") as fn(f64) -> String, |y| format::axis_zh(y) + "%"]),
            scale: Scale::Linear,
            y_cap: Some(100.0),
            markers,
            bands: Vec::new(),
            tornado: None,
        }),
        outputs: outputs(&a, lang),
        range: None,
        prose: Some(prose(&a, values, lang)),
        table: table(&a, lang),
        working: working(&a, lang),
        notice: a.fit.err().map(|e| lang.pick([e.reason(), e.reason_zh()]).to_string()),
        claims: said,
        lang,
    };
    if let Some(fan) = RANGES.fan(values, fan_path) {
        let q = fan.last();
        // Months from the first reading: 0 or less is already passed, +∞ never.
        let words = match lang.in_build() {
            Lang::En if q[0].is_nan() => "Your range: in most draws no S-curve fits.".to_string(),
            Lang::En if q[0] == f64::INFINITY => format!("Your range: in nine draws out of 10 or more, the share never reaches {level}."),
            Lang::En if q[4] <= 0.0 => format!("Your range: in nine draws out of 10 or more, the share had already passed {level} by June 2023."),
            Lang::En if q[4] == f64::INFINITY => {
                format!("Your range: the share reaches {level} no sooner than {} in nine draws out of 10, and never in at least one in 10.", month(q[0]))
            }
            Lang::En if q[0] <= 0.0 => format!("Your range: the share reaches {level} by {} in nine draws out of 10.", month(q[4])),
            Lang::En => format!("Your range: the share reaches {level} {}.", range::in_words(q, month, "in", lang)),
            Lang::Zh if q[0].is_nan() => "不确定范围：多数模拟结果无法拟合出S形曲线。".to_string(),
            Lang::Zh if q[0] == f64::INFINITY => format!("不确定范围：至少九成模拟结果显示，使用率永远达不到{level}。"),
            Lang::Zh if q[4] <= 0.0 => format!("不确定范围：至少九成模拟结果显示，2023年6月时使用率已超过{level}。"),
            Lang::Zh if q[4] == f64::INFINITY => {
                format!("不确定范围：至少九成模拟结果显示，使用率要到{}或更晚才达到{level}，其中至少一成永远达不到。", month(q[0]))
            }
            Lang::Zh if q[0] <= 0.0 => format!("不确定范围：九成模拟结果显示，使用率在{}之前达到{level}。", month(q[4])),
            Lang::Zh => format!("不确定范围：使用率达到{level}的时间，{}。", range::in_words(q, month, "", lang)),
        };
        let months: Vec<f64> = (0..=HORIZON_MONTHS as usize).step_by(FAN_STEP).map(|m| year_of(m as f64)).collect();
        let columns = match lang.in_build() {
            Lang::En => ["S-curve, 10th percentile", "S-curve, 90th percentile"],
            Lang::Zh => ["S形曲线，第10百分位", "S形曲线，第90百分位"],
        };
        fan.show(&mut figure, &months, columns, ("%", 1, 6 / FAN_STEP), words);
    }
    figure.in_language(None);
    figure
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    fn with(from: f64, to: f64, gap: f64, ceiling: f64, level: f64) -> Adoption {
        compute(&Inputs { from, to, gap, ceiling, level, range: 0.0 })
    }

    #[test]
    fn defaults_project_a_crossing_and_naive_lines_pass_100() {
        let a = compute(&Inputs::from_values(&CALCULATOR.defaults()));
        let f = a.fit.unwrap();
        // logit_90(43) = ln(43/47) = −0.08895; logit_90(8) = ln(8/82) = −2.32728
        assert!(close(f.k, (-0.08895 + 2.32728) / 11.0, 1e-5));
        // k = 0.20348; t0 = 2.32728 / k = 11.437; 50%: t = t0 + ln(50/40) / k = 12.53
        let t = a.level_month.unwrap();
        assert!(close(t, 12.534, 1e-3), "{t}");
        assert_eq!(month_name(t), "July 2024");
        // 10% to 90% of the ceiling: ln 81 ÷ 0.20348 = 21.6 months
        let f = figure(&CALCULATOR.defaults(), Scale::Linear, Money::USD, Lang::En);
        assert_eq!(f.outputs[0].note, "It climbs from 10% to 90% of its ceiling in 21.6 months");
        assert_eq!(f.title, "If use levels off at 90%, 50% of firms use it by July 2024");
        // Straight line: slope 35/11 a month; 92 / (35/11) = 28.9 months
        assert!(close(a.linear_full.unwrap(), 28.914, 1e-3));
        // Exponential: 11 × ln(12.5) / ln(5.375) = 16.52 months
        assert!(close(a.exponential_full.unwrap(), 16.520, 1e-3));
    }

    #[test]
    fn degenerate_inputs_are_explained() {
        let a = with(8.0, 43.0, 11.0, 40.0, 75.0);
        assert_eq!(a.fit, Err(NoFit::CeilingTooLow));
        assert_eq!(a.level_month, None);
        assert!(working(&a, Lang::En).contains("no rate to work out"));
        assert_eq!(with(30.0, 20.0, 11.0, 90.0, 75.0).fit, Err(NoFit::NotRising));
        // A level at or above the ceiling is never reached.
        assert_eq!(with(8.0, 43.0, 11.0, 70.0, 75.0).level_month, None);
        let f = figure(&[8.0, 43.0, 11.0, 40.0, 75.0], Scale::Linear, Money::USD, Lang::En);
        assert_eq!(f.outputs[0].value, Quantity::Words("No curve fits"));
        assert!(f.notice.as_deref().is_some_and(|n| n.contains("saturation share must be above")));
    }

    #[test]
    fn the_chart_description_says_only_what_is_drawn() {
        let described = |v: [f64; 6]| figure(&v, Scale::Linear, Money::USD, Lang::En).description;
        assert_eq!(
            described([8.0, 43.0, 11.0, 90.0, 50.0, 0.0]),
            "Line chart of projections through 8% of firms in June 2023 and 43% 11 months later: an S-curve levelling off at 90%, a straight line passing 100% in November 2025 and an exponential passing 100% in November 2024."
        );
        // Slow growth: neither naive line reaches 100% on the chart.
        assert!(described([8.0, 9.0, 11.0, 90.0, 50.0, 0.0]).ends_with("a straight line still below 100% in June 2028 and an exponential still below 100% in June 2028."));
        // A ceiling below the second reading: no S-curve is drawn.
        assert!(described([8.0, 43.0, 11.0, 40.0, 50.0, 0.0]).ends_with(": a straight line passing 100% in November 2025 and an exponential passing 100% in November 2024."));
        // A falling share: nothing rises.
        assert!(described([30.0, 20.0, 11.0, 90.0, 50.0, 0.0]).ends_with(": a straight line that does not rise and an exponential that does not rise."));
    }

    #[test]
    fn months_are_calendar_months() {
        assert_eq!(month_name(0.0), "June 2023");
        assert_eq!(month_name(7.0), "January 2024");
        assert_eq!(month_name(11.0), "May 2024");
        assert!(close(year_of(0.0), 2023.0 + 5.5 / 12.0, 1e-12));
    }
}

#[cfg(test)]
mod range_tests {
    use super::*;

    fn words(level: f64, ceiling: f64) -> String {
        let mut v = CALCULATOR.defaults();
        v[Field::level as usize] = level;
        v[Field::ceiling as usize] = ceiling;
        figure(&v, Scale::Linear, Money::USD, Lang::En).range.unwrap()
    }

    #[test]
    fn the_range_in_words_counts_never_and_already_passed() {
        // Ceiling 90 ± 20%: about a third of the draws level off below 85%.
        assert!(words(85.0, 90.0).ends_with("in nine draws out of 10, and never in at least one in 10."), "{}", words(85.0, 90.0));
        // Below the first reading: passed before the survey in every draw.
        assert_eq!(words(5.0, 90.0), "Your range: in nine draws out of 10 or more, the share had already passed 5% by June 2023.");
        assert!(words(50.0, 90.0).starts_with("Your range: the share reaches 50% between "), "{}", words(50.0, 90.0));
        // A ceiling far below the level: never, in nearly every draw.
        assert_eq!(words(95.0, 50.0), "Your range: in nine draws out of 10 or more, the share never reaches 95%.");
    }
}
