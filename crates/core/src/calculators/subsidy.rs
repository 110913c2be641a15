//! `subsidy`: 3 million yuan granted 8 minutes after the application,
//! reported as US$420,000. A two-way converter and a comparison of decision
//! times.

use super::{Calculator, Converter, Extra};
use crate::chart::{Bar, BarChart, Plot, Role, Scale};
use crate::content::facts::id;
use crate::model::{Cell, Claims, Column, Figure, Output, Param, Quantity, Source, Table};
use crate::text::format::{self, grouped, Currency, Lang, Magnitude, Money, MINUTES_PER_DAY};

crate::inputs! {
    /// The grant, the exchange rate and the two decision times.
    pub struct Inputs {
        /// The grant, yuan.
        yuan: Param::new(crate::both!("Subsidy", "补贴金额"), crate::both!("yuan", "万元"), (10_000.0, 100_000_000.0, 100.0), 0, Source::Fact(id::SUBSIDY_YUAN)).zh_times(0.0001),
        /// Yuan per US dollar.
        rate: Param::new(crate::both!("Exchange rate", "汇率"), crate::both!("yuan per US$", "元/美元"), (1.0, 20.0, 0.01), 2, Source::Fact(id::SUBSIDY_RATE))
            .help(crate::both!("The report’s amounts imply about 7.14. If its dollar figure was rounded to the nearest US$10,000, any rate from 7.06 to 7.23 fits.", "按报道的两个金额推算约为7.14。若报道的美元金额取整到最接近的1万美元，7.06至7.23之间的汇率都说得通。")),
        /// Minutes from application to approval.
        minutes: Param::new(crate::both!("Time to approve this grant", "这笔补贴的审批用时"), crate::both!("minutes", "分钟"), (1.0, 1440.0, 1.0), 0, Source::Fact(id::SUBSIDY_MINUTES)),
        /// A typical review, days.
        review: Param::new(crate::both!("A typical grant review", "常规补贴审核用时"), crate::both!("days", "天"), (1.0, 365.0, 1.0), 0, Source::Value(30.0))
            .assumed()
            .help(crate::both!("For comparison; review times vary widely.", "仅供对比；各地审核用时差别很大。")),
    }
}

pub static CALCULATOR: Calculator = Calculator {
    id: "subsidy",
    prefix: "grant",
    title: ["8 minutes for 3 million yuan", "8分钟批下300万元"],
    intro: crate::both!("Convert the grant at any exchange rate, and set its speed against a review period of your choosing.", "按任意汇率换算这笔补贴，并把审批速度与你设定的审核周期相比。"),
    params: Inputs::PARAMS,
    has_scale: false,
    extras: &[Extra::Converter(Converter {
        key: "usd",
        label: crate::both!("Or type the subsidy in US dollars", "或按美元输入补贴金额"),
        unit: crate::both!("US$", "万美元"),
        decimals: 0,
        zh: (1e-4, 1),
        input: Field::yuan as usize,
        // To three significant figures, as the report rounds it.
        show: |v| three_figures(compute(&Inputs::from_values(v)).usd),
        to_input: |usd, v| usd * Inputs::from_values(v).rate,
    })],
    figure,
};

#[derive(Clone, Debug, PartialEq)]
pub struct Subsidy {
    pub inputs: Inputs,
    pub usd: f64,
    /// How many times longer the typical review takes.
    pub times_faster: f64,
}

pub fn compute(i: &Inputs) -> Subsidy {
    Subsidy { inputs: *i, usd: i.yuan / i.rate, times_faster: i.review * MINUTES_PER_DAY / i.minutes }
}

/// Short axis label for a log time axis: "1 min", "1 hour", "1 week".
pub fn duration_axis(minutes: f64) -> String {
    match minutes.round() as i64 {
        1 => "1 min".into(),
        60 => "1 hour".into(),
        1440 => "1 day".into(),
        10080 => "1 week".into(),
        43200 => "30 days".into(),
        525600 => "1 year".into(),
        _ => format::duration(minutes),
    }
}

/// [`duration_axis`] in Chinese: "1分钟", "1小时", "1周".
pub fn duration_axis_zh(minutes: f64) -> String {
    match minutes.round() as i64 {
        1 => "1分钟".into(),
        60 => "1小时".into(),
        1440 => "1天".into(),
        10080 => "1周".into(),
        43200 => "30天".into(),
        525600 => "1年".into(),
        _ => format::duration_zh(minutes),
    }
}

/// `x` to three significant figures: the dollar amount is a conversion of
/// a rounded figure, so more digits would claim too much.
fn three_figures(x: f64) -> f64 {
    let mut unit = 1.0;
    while x / unit >= 1000.0 && unit < 1e300 {
        unit *= 10.0;
    }
    (x / unit).round() * unit
}

pub fn working(s: &Subsidy, lang: Lang) -> String {
    let i = &s.inputs;
    match lang.in_build() {
        Lang::En => format!(
            "{} yuan ÷ {} = {}; {} × 1,440 ÷ {} = {} as long.",
            grouped(i.yuan, 0),
            grouped(i.rate, 2),
            format::money(s.usd, 0, Magnitude::Ones, Currency::Usd),
            format::with_unit(i.review, 0, "day", "days"),
            format::with_unit(i.minutes, 0, "minute", "minutes"),
            format::multiple(s.times_faster, 0)
        ),
        Lang::Zh => format!(
            "{} ÷ {} ≈ {}；{}天 × 1440 ÷ {}分钟 = {}倍。",
            format::zh_money_figure(i.yuan, Currency::Cny),
            format::plain(i.rate, 2),
            format::zh_money_figure(s.usd, Currency::Usd),
            format::zh_amount(i.review, 0),
            format::zh_amount(i.minutes, 0),
            format::zh_figure(s.times_faster)
        ),
    }
}

pub fn table(s: &Subsidy, lang: Lang) -> Table {
    let i = &s.inputs;
    let t = |both| lang.pick(both);
    Table {
        columns: vec![Column::new(t(["Decision", "审批"]), "", 0), Column::new(t(["Time", "用时"]), "minutes", 0), Column::new(t(["Time", "用时"]), "days", 3)],
        rows: vec![
            vec![Cell::Text(t(["This grant", "这笔补贴"]).into()), Cell::Num(i.minutes), Cell::Num(i.minutes / MINUTES_PER_DAY)],
            vec![Cell::Text(t(["Typical review (assumed)", "常规审核（假设）"]).into()), Cell::Num(i.review * MINUTES_PER_DAY), Cell::Num(i.review)],
        ],
    }
}

/// The figure for any values (made safe first).
pub fn figure(values: &[f64], _scale: Scale, money: Money, lang: Lang) -> Figure {
    let s = compute(&Inputs::from_values(values));
    let i = &s.inputs;
    let t = |both| lang.pick(both);
    let dur = |m: f64| match lang.in_build() {
        Lang::En => format::duration(m),
        Lang::Zh => format::duration_zh(m),
    };
    let review = i.review * MINUTES_PER_DAY;
    let mut said = Claims::default();
    // The grant was reported in yuan: in yuan the amount is exact and needs
    // no rate; in dollars it is a conversion, to three figures.
    let amount = match (money.currency, lang.in_build()) {
        (Currency::Usd, Lang::En) => format!("About {}", format::money(three_figures(s.usd), 0, Magnitude::Ones, Currency::Usd)),
        (Currency::Cny, Lang::En) => format::money(i.yuan, 0, Magnitude::Ones, Currency::Cny),
        // The grant was reported in yuan: the yuan first.
        (Currency::Usd, Lang::Zh) => format!(
            "{}（约{}）",
            format::zh_money_figure(i.yuan, Currency::Cny),
            format::zh_money_figure(three_figures(s.usd), Currency::Usd)
        ),
        (Currency::Cny, Lang::Zh) => format::zh_money_figure(i.yuan, Currency::Cny),
    };
    let title = match lang.in_build() {
        Lang::En => {
            let faster = format!("{} faster than", format::multiple(s.times_faster, 0));
            let speed = said.ratio("speed", s.times_faster, 0, [&faster, "as fast as", "slower than"]);
            format!("{amount} approved {speed} a {}-day review", grouped(i.review, 0))
        }
        Lang::Zh => {
            let (times, days) = (format::zh_figure(s.times_faster), format::zh_amount(i.review, 0));
            let words = [format!("是常规审核（{days}天）的{times}倍"), format!("与常规审核（{days}天）一样快"), format!("比常规审核（{days}天）还慢")];
            let speed = said.ratio("speed", s.times_faster, 0, [&words[0], &words[1], &words[2]]);
            format!("{amount}的补贴，审批速度{speed}")
        }
    };
    let compared = said.ratio("speed", s.times_faster, 0, lang.pick([["faster", "as fast", "slower"], ["更快", "一样快", "更慢"]]));
    Figure {
        title,
        subtitle: t(["Time from application to decision, on a logarithmic scale", "从申请到获批的用时，对数刻度"]).into(),
        source: t(["Source: the 8-minute grant reported by Info Finance. Typical review: an assumption.", "来源：Info Finance报道的8分钟获批补贴。常规审核用时为假设。"]),
        description: match lang.in_build() {
            Lang::En => format!("Bar chart on a log scale: {} for this grant against {} for a typical review.", dur(i.minutes), dur(review)),
            Lang::Zh => format!("对数刻度条形图：这笔补贴用时{}，常规审核用时{}。", dur(i.minutes), dur(review)),
        },
        plot: Plot::Bars(BarChart {
            bars: vec![
                Bar { label: t(["This grant", "这笔补贴"]).into(), segments: vec![(i.minutes, Role::Accent, dur(i.minutes))] },
                Bar { label: t(["Typical review (assumed)", "常规审核（假设）"]).into(), segments: vec![(review, Role::Neutral, dur(review))] },
            ],
            scale: Scale::Log,
            x_label: lang.pick([duration_axis as fn(f64) -> String, duration_axis_zh]),
            ticks: Some(vec![1.0, 60.0, MINUTES_PER_DAY, 7.0 * MINUTES_PER_DAY, 30.0 * MINUTES_PER_DAY, 365.0 * MINUTES_PER_DAY]),
        }),
        outputs: vec![
            Output {
                id: "usd",
                label: t(["In US dollars", "折合美元"]),
                value: Quantity::money(Money::USD, three_figures(s.usd), 0, Magnitude::Ones),
                note: match lang.in_build() {
                    Lang::En => format!("at {} yuan per US dollar, to three figures", grouped(i.rate, 2)),
                    Lang::Zh => format!("按1美元兑{}元换算，为约数", format::plain(i.rate, 2)),
                },
                reader: true,
            },
            Output {
                id: "faster",
                label: t(["Speed against a typical review", "与常规审核相比的速度"]),
                value: Quantity::Multiple { x: s.times_faster, decimals: 0 },
                note: match lang.in_build() {
                    Lang::En => format!("{compared}: {} against {}", dur(i.minutes), dur(review)),
                    Lang::Zh => format!("{compared}：用时{}，常规审核需{}", dur(i.minutes), dur(review)),
                },
                reader: false,
            },
        ],
        table: table(&s, lang),
        working: working(&s, lang),
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
    fn the_reported_grant_converts_back_to_the_reported_dollars() {
        let s = compute(&Inputs::from_values(&CALCULATOR.defaults()));
        // The implied rate rounds to 7.14: 3,000,000 ÷ 7.14 = 420,168
        assert_eq!(s.inputs.rate, 7.14);
        assert!((s.usd - 420_168.07).abs() < 0.01);
        // 30 days = 43,200 minutes = 5,400 × 8 minutes
        assert_eq!(s.times_faster, 5400.0);
        assert_eq!(three_figures(s.usd), 420_000.0);
        assert_eq!(three_figures(1_234.5), 1_230.0);
        assert_eq!(three_figures(500.0), 500.0);
        let f = figure(&CALCULATOR.defaults(), Scale::Linear, Money::USD, Lang::En);
        assert_eq!(f.title, "About US$420,000 approved 5,400× faster than a 30-day review");
    }

    #[test]
    fn the_converter_works_both_ways_and_refuses_what_it_cannot_convert() {
        let Extra::Converter(c) = &CALCULATOR.extras[0] else { panic!("a converter") };
        let values = CALCULATOR.defaults();
        assert_eq!(c.text(&values, Lang::En), "420000");
        // In Chinese, in 万美元, and read back in it.
        assert_eq!(c.text(&values, Lang::Zh), "42");
        assert_eq!(c.text(&[1_000_000.0, 7.14, 8.0, 30.0], Lang::Zh), "14");
        assert_eq!(c.text(&[1_234_567.0, 7.14, 8.0, 30.0], Lang::Zh), "17.3");
        assert_eq!(c.read("10", CALCULATOR.params, &values, Lang::Zh), Ok(714_000.0));
        assert_eq!(c.read("0.5", CALCULATOR.params, &values, Lang::Zh).map(f64::round), Ok(35_700.0));
        assert_eq!(CALCULATOR.params[c.input].key, "yuan");
        // 100,000 × 7.14 = 714,000 yuan
        assert_eq!(c.read("100,000", CALCULATOR.params, &values, Lang::En), Ok(714_000.0));
        assert_eq!(c.read("12,5", CALCULATOR.params, &values, Lang::En), Err("Use a point for decimals: 12.5.".to_string()));
        assert_eq!(
            c.read("1", CALCULATOR.params, &values, Lang::En),
            Err("That comes to 7 yuan, outside the range 10,000 to 100,000,000 yuan.".to_string())
        );
        assert_eq!(c.read("2000", CALCULATOR.params, &values, Lang::Zh), Err("折合14280万元，超出1至10000万元的范围。".to_string()));
        assert_eq!(c.read("x", CALCULATOR.params, &values, Lang::Zh), Err("这不是数字。".to_string()));
    }

    #[test]
    fn a_review_as_quick_as_the_grant_is_not_faster() {
        let f = figure(&[3_000_000.0, 7.14, 1440.0, 1.0], Scale::Linear, Money::USD, Lang::En);
        assert_eq!(f.title, "About US$420,000 approved as fast as a 1-day review");
        assert_eq!(f.outputs[1].note, "as fast: 1 day against 1 day");
        // In yuan the reported amount is exact: no "about".
        let f = figure(&CALCULATOR.defaults(), Scale::Linear, Money { currency: Currency::Cny, rate: 7.14 }, Lang::En);
        assert_eq!(f.title, "CN¥3,000,000 approved 5,400× faster than a 30-day review");
    }

    #[test]
    fn durations_label_the_time_axis() {
        assert_eq!(duration_axis(1440.0), "1 day");
        assert_eq!(duration_axis(90.0), "1.5 hours");
    }
}
