//! `payback`: the humanoid-robot bubble worry as an investment's cash flows.
//! No returns are reported; every default is an illustrative assumption.

use super::Calculator;
use crate::chart::{LineChart, Marker, Plot, Role, Scale, Series};
use crate::maths::finance::irr;
use crate::model::range::{self, Ranges};
use crate::model::{Cell, Claims, Column, Figure, Output, Param, Per, Quantity, Source, Table};
use crate::text::format::{self, grouped, Currency, Lang, Magnitude, Money};

crate::inputs! {
    /// An investment, the return once it runs, the wait, the discount rate
    /// and the years counted.
    pub struct Inputs {
        /// Up front, US$ m.
        invest: Param::new(crate::both!("Investment up front", "前期投资"), crate::both!("US$ m", "亿美元"), (1.0, 10_000.0, 1.0), 0, Source::Value(100.0)).zh_times(0.01).assumed(),
        /// Net return a year once running, US$ m.
        yearly as "return": Param::new(crate::both!("Net return a year, once running", "投产后每年净回报"), crate::both!("US$ m", "亿美元"), (0.0, 2000.0, 1.0), 0, Source::Value(15.0)).zh_times(0.01).assumed(),
        /// Years before returns start.
        delay: Param::new(crate::both!("Years before returns start", "回报开始前的年数"), crate::both!("years", "年"), (0.0, 20.0, 1.0), 0, Source::Value(3.0))
            .assumed()
            .help(crate::both!("The report says returns may take years, if they come at all.", "报道说，回报可能要等好几年，也可能根本不会到来。")),
        /// Discount rate, % a year.
        discount: Param::new(crate::both!("Discount rate", "贴现率"), crate::both!("% a year", "%/年"), (0.0, 50.0, 0.5), 1, Source::Value(8.0))
            .assumed()
            .help(crate::both!("What the money could earn elsewhere, a year.", "这笔钱投到别处每年能赚多少。")),
        /// Years counted.
        horizon: Param::new(crate::both!("Years to count", "计算年数"), crate::both!("years", "年"), (1.0, 50.0, 1.0), 0, Source::Value(15.0)),
        /// How far the first four inputs may be off, ± % (8 draws in 10).
        range: range::spread_param(25.0),
    }
}

/// The investment, return, delay and discount rate are all guesses.
const RANGES: Ranges = Ranges {
    params: Inputs::PARAMS,
    spread: Field::range as usize,
    vary: &[Field::invest as usize, Field::yearly as usize, Field::delay as usize, Field::discount as usize],
};

pub static CALCULATOR: Calculator = Calculator {
    id: "payback",
    prefix: "robot",
    title: ["When does a robot bet pay back?", "押注机器人，何时能回本？"],
    intro: crate::both!("A bet that pays nothing for some years, then a steady return: see what delay does to its value.", "一笔投资头几年颗粒无收，之后每年稳定回报：看看延迟会让它的价值缩水多少。"),
    params: Inputs::PARAMS,
    has_scale: false,
    extras: &[],
    figure,
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

pub fn compute(i: &Inputs) -> Payback {
    let (rate, horizon, delay) = (i.discount / 100.0, i.horizon.round() as usize, i.delay.round() as usize);
    let flows = flows(i);
    let cumulative = running_total(&flows, rate);
    let cumulative_plain = running_total(&flows, 0.0);
    let sum = cumulative.last().copied().unwrap_or(0.0);
    Payback {
        invest: i.invest,
        yearly: i.yearly,
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

/// The cash flow in each year, from year 0.
fn flows(i: &Inputs) -> Vec<f64> {
    let (horizon, delay) = (i.horizon.round() as usize, i.delay.round() as usize);
    (0..=horizon).map(|t| if t == 0 { -i.invest } else if t > delay { i.yearly } else { 0.0 }).collect()
}

/// The running total of `flows` discounted at `rate` a year.
fn running_total(flows: &[f64], rate: f64) -> Vec<f64> {
    let mut sum = 0.0;
    let mut factor = 1.0;
    flows
        .iter()
        .map(|f| {
            sum += f / factor;
            factor *= 1.0 + rate;
            sum
        })
        .collect()
}

/// The discounted running total for any values (the fan's path).
fn discounted(values: &[f64]) -> Vec<f64> {
    let i = Inputs::from_values(values);
    running_total(&flows(&i), i.discount / 100.0)
}

pub fn working(p: &Payback, lang: Lang) -> String {
    if lang.in_build() == Lang::Zh {
        let usd = |x: f64| Money::USD.say(lang, x, 1, Magnitude::Millions);
        let (yi, d) = (usd, usd(p.npv));
        if p.delay >= p.horizon {
            return format!("计算期（{}年）内没有回报，净现值即为前期投资：{d}。", p.horizon);
        }
        return format!(
            "净现值 = −{} + Σ {} ÷ (1 + {})^t = {d}，其中t取第{}年至第{}年。",
            yi(p.invest),
            yi(p.yearly),
            format::plain(p.rate, 3),
            p.delay + 1,
            p.horizon
        );
    }
    let npv = format::money(p.npv, 1, Magnitude::Millions, Currency::Usd);
    if p.delay >= p.horizon {
        return format!("No return comes within the {} counted, so NPV = −{} = {npv}.", format::years(p.horizon as f64, 0), grouped(p.invest, 0));
    }
    format!("NPV = −{} + Σ {} ÷ (1 + {})^t for years {} to {} = {npv}.", grouped(p.invest, 0), grouped(p.yearly, 0), grouped(p.rate, 3), p.delay + 1, p.horizon)
}

pub fn table(p: &Payback, lang: Lang) -> Table {
    let t = |both| lang.pick(both);
    Table {
        columns: vec![
            Column::new(t(["Year", "年份"]), "", 0),
            Column::new(t(["Cash flow", "现金流"]), "US$ m", 1),
            Column::new(t(["Discounted running total", "贴现累计"]), "US$ m", 1),
            Column::new(t(["Plain running total", "未贴现累计"]), "US$ m", 1),
        ],
        rows: (0..p.flows.len())
            .map(|t| vec![Cell::Text(t.to_string()), Cell::Num(p.flows[t]), Cell::Num(p.cumulative[t]), Cell::Num(p.cumulative_plain[t])])
            .collect(),
    }
}

fn outputs(p: &Payback, money: Money, lang: Lang) -> Vec<Output> {
    let t = |both| lang.pick(both);
    let paid = match (p.payback_year, lang.in_build()) {
        (Some(y), Lang::En) => format!("Pays back in today’s money in year {y}"),
        (None, Lang::En) => format!("Not paid back in today’s money within {}", format::years(p.horizon as f64, 0)),
        (Some(y), Lang::Zh) => format!("按现值计算，第{y}年回本"),
        (None, Lang::Zh) => format!("按现值计算，{}年内无法回本", p.horizon),
    };
    let (irr, irr_note) = match p.irr {
        Some(r) => (Quantity::Share { percent: r * 100.0, decimals: 1, per: Per::Year }, t(["the discount rate at which the bet breaks even", "使净现值为零的贴现率"])),
        None if p.flows.iter().any(|f| *f > 0.0) => {
            (Quantity::Words(t(["Below −99%", "低于−99%"])), t(["it loses almost everything at any rate", "无论贴现率多少，几乎血本无归"]))
        }
        None => (Quantity::Words(t(["None", "无"])), t(["nothing comes back, so no rate breaks even", "没有回报，无论贴现率多少都无法回本"])),
    };
    vec![
        Output {
            id: "npv",
            label: t(["Net present value", "净现值"]),
            value: Quantity::money(money, p.npv, 1, Magnitude::Millions),
            note: paid,
            reader: true,
        },
        Output { id: "irr", label: t(["Internal rate of return", "内部收益率"]), value: irr, note: irr_note.to_string(), reader: false },
    ]
}

/// The figure for any values (made safe first).
pub fn figure(values: &[f64], _scale: Scale, money: Money, lang: Lang) -> Figure {
    let p = compute(&Inputs::from_values(values));
    let t = |both| lang.pick(both);
    let m = |x| money.say(lang, x, 1, Magnitude::Millions);
    let line = |name, role, width, dashed, ys: &[f64]| Series {
        name,
        points: ys.iter().enumerate().map(|(t, y)| (t as f64, *y)).collect(),
        role,
        width,
        dashed,
    };
    let mut markers = Vec::new();
    if let Some(y) = p.payback_year {
        let label = match lang.in_build() {
            Lang::En => format!("Pays back in year {y}"),
            Lang::Zh => format!("第{y}年回本"),
        };
        markers.push(Marker { at: (y as f64, p.cumulative[y]), label, role: Role::Accent });
    }
    let title = match (p.payback_year, lang.in_build()) {
        (Some(y), Lang::En) => format!("In today’s money, the bet pays back in year {y}"),
        (None, Lang::En) => format!("In today’s money, the bet does not pay back within {}", format::years(p.horizon as f64, 0)),
        (Some(y), Lang::Zh) => format!("按现值计算，这笔投资第{y}年回本"),
        (None, Lang::Zh) => format!("按现值计算，这笔投资{}年内无法回本", p.horizon),
    };
    let unit = money.noted_in(lang, &money.unit_in(lang, Magnitude::Millions));
    let mut figure = Figure {
        title,
        subtitle: match lang.in_build() {
            Lang::En => format!("Running total of cash flows, {unit}; discounted (solid) and plain (dashed)"),
            Lang::Zh => format!("现金流累计，{unit}；实线为贴现后，虚线为未贴现"),
        },
        source: t([
            "Illustrative: no returns are reported. Bubble warning: Jefferies analysts, via Info Finance.",
            "示意：报道未给出任何回报数据。泡沫警告来自杰富瑞分析师，据Info Finance报道。",
        ]),
        description: match lang.in_build() {
            Lang::En => format!(
                "Line chart of the running total of discounted cash flows over {}, ending at a net present value of {}.",
                format::years(p.horizon as f64, 0),
                m(p.npv),
            ),
            Lang::Zh => format!("折线图：{}年间贴现现金流的累计，最终净现值为{}。", p.horizon, m(p.npv)),
        },
        plot: Plot::Lines(LineChart {
            series: vec![
                line(t(["Plain", "未贴现"]), Role::Neutral, 2, true, &p.cumulative_plain),
                line(t(["Discounted", "贴现后"]), Role::Accent, 3, false, &p.cumulative),
            ],
            x_range: (0.0, p.horizon as f64),
            x_label: |x| (x.round() as i64).to_string(),
            y_label: lang.pick([format::axis as fn(f64) -> String, format::axis_zh]),
            scale: Scale::Linear,
            y_cap: None,
            markers,
            bands: Vec::new(),
            tornado: None,
        }),
        outputs: outputs(&p, money, lang),
        range: None,
        prose: None,
        table: table(&p, lang),
        working: working(&p, lang),
        notice: None,
        claims: Claims::default(),
        lang,
    };
    if let Some(fan) = RANGES.fan(values, discounted) {
        let words = match lang.in_build() {
            Lang::En => format!("Your range: the net present value lands {}.", range::in_words(fan.last(), m, "at", lang)),
            Lang::Zh => format!("不确定范围：净现值，{}。", range::in_words(fan.last(), m, "", lang)),
        };
        let years: Vec<f64> = (0..=p.horizon).map(|t| t as f64).collect();
        let columns = match lang.in_build() {
            Lang::En => ["Discounted running total, 10th percentile", "Discounted running total, 90th percentile"],
            Lang::Zh => ["贴现累计，第10百分位", "贴现累计，第90百分位"],
        };
        fan.show(&mut figure, &years, columns, ("US$ m", 1, 1), words);
        let heading = match lang.in_build() {
            Lang::En => format!("Net present value, {}", money.unit(Magnitude::Millions)),
            Lang::Zh => format!("净现值，{}", money.unit_in(lang, Magnitude::Millions)),
        };
        RANGES.tornado(&mut figure, values, &heading, |v| discounted(v).last().copied().unwrap_or(f64::NAN), &m);
    }
    figure.in_money(money, true);
    figure.in_language(Some(Magnitude::Millions));
    figure
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::maths::finance::npv;

    fn with(invest: f64, yearly: f64, delay: f64, discount: f64, horizon: f64) -> Payback {
        compute(&Inputs { invest, yearly, delay, discount, horizon, range: 0.0 })
    }

    #[test]
    fn simple_cases_by_hand() {
        // −100 now, +110 next year at 10%: NPV 0, IRR 10%, pays back in year 1.
        let p = with(100.0, 110.0, 0.0, 10.0, 1.0);
        assert!(p.npv.abs() < 1e-9);
        assert!((p.irr.unwrap() - 0.10).abs() < 1e-9);
        assert_eq!(p.payback_year, Some(1));
    }

    #[test]
    fn defaults_by_hand() {
        let p = compute(&Inputs::from_values(&CALCULATOR.defaults()));
        // 15 a year in years 4..15 at 8%: 15 × (annuity 15y − annuity 3y)
        // = 15 × (8.55948 − 2.57710) = 89.7357; NPV = −10.264
        assert!((p.npv - -10.2643).abs() < 1e-3, "{}", p.npv);
        assert_eq!(p.payback_year, None);
        // Undiscounted the bet returns 180 for 100, so an IRR exists below 8%.
        let irr = p.irr.unwrap();
        assert!(irr > 0.0 && irr < 0.08 && npv(&p.flows, irr).abs() < 1e-6);
        let f = figure(&CALCULATOR.defaults(), Scale::Linear, Money::USD, Lang::En);
        assert_eq!(f.outputs[0].value.text(Lang::En), "−US$10.3 m");
        assert!(f.working.ends_with("= −US$10.3 m."), "{}", f.working);
    }

    #[test]
    fn returns_after_the_years_counted_are_left_out_of_the_working() {
        // A delay of 3 years within 3 years counted: no "years 4 to 3".
        let p = with(100.0, 15.0, 3.0, 8.0, 3.0);
        assert_eq!(working(&p, Lang::En), "No return comes within the 3 years counted, so NPV = −100 = −US$100.0 m.");
        assert_eq!(working(&p, Lang::Zh), "计算期（3年）内没有回报，净现值即为前期投资：−1亿美元。");
        let p = with(100.0, 15.0, 20.0, 8.0, 15.0);
        assert!(working(&p, Lang::En).starts_with("No return comes within the 15 years counted"));
    }

    #[test]
    fn the_return_is_read_from_its_url_key() {
        assert_eq!(CALCULATOR.params[Field::yearly as usize].key, "return");
    }

    #[test]
    fn no_return_has_no_irr_and_never_pays_back() {
        let p = with(100.0, 0.0, 3.0, 8.0, 15.0);
        assert_eq!(p.irr, None);
        assert_eq!(p.payback_year, None);
        assert_eq!(p.npv, -100.0);
    }

    #[test]
    fn negative_discount_rates_are_out_of_range() {
        let rate = CALCULATOR.param("discount").unwrap();
        assert!(rate.parse("-100").is_err() && rate.parse("-1").is_err());
        let p = compute(&Inputs::from_values(&[100.0, 15.0, 3.0, -100.0, 15.0]));
        assert_eq!(p.rate, 0.0);
        assert!(p.npv.is_finite());
    }

    #[test]
    fn a_cheap_bet_with_huge_returns_still_has_an_irr() {
        // US$1 m for US$2,000 m a year from year 1: far above 1,000% a year.
        let p = with(1.0, 2000.0, 0.0, 8.0, 15.0);
        assert!(p.irr.is_some_and(|r| r > 1000.0), "{:?}", p.irr);
        let f = figure(&[1.0, 2000.0, 0.0, 8.0, 15.0], Scale::Linear, Money::USD, Lang::En);
        assert_eq!(f.outputs[1].note, "the discount rate at which the bet breaks even");
    }
}
