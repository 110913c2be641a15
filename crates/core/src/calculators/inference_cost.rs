//! `inference-cost`: what falling inference prices do to a workload's bill.
//! No price is reported; every default is an illustrative assumption.

use super::Calculator;
use crate::chart::{LineChart, Plot, Role, Scale, Series};
use crate::maths::growth::{doubling_time, halving_time};
use crate::model::figure::scale_note;
use crate::model::range::{self, Ranges};
use crate::model::{Cell, Claims, Column, Figure, Output, Param, Quantity, Source, Table};
use crate::text::format::{self, grouped, Magnitude, Money, Lang};

crate::inputs! {
    /// A price, a volume, a yearly fall in price, a yearly rise in use and
    /// the years to look ahead.
    pub struct Inputs {
        /// Price today, US$ per million tokens.
        price: Param::new(crate::both!("Price today", "当前价格"), crate::both!("US$ per million tokens", "美元/百万词元"), (0.01, 100.0, 0.01), 2, Source::Value(2.0)).assumed(),
        /// Million tokens a month.
        volume: Param::new(crate::both!("Tokens used a month", "每月用量"), crate::both!("million", "亿词元"), (1.0, 100_000.0, 1.0), 0, Source::Value(5000.0))
            .zh_times(0.01)
            .assumed()
            .help(crate::both!("Our guess at what a busy customer-service assistant uses.", "本站对一个繁忙客服助手用量的估计。")),
        /// Yearly fall in price, %.
        decline: Param::new(crate::both!("Yearly fall in price", "价格年降幅"), crate::both!("%", "%"), (0.0, 95.0, 1.0), 0, Source::Value(40.0))
            .assumed()
            .help(crate::both!("MiniMax’s head says inference costs are falling; no rate is reported.", "MiniMax负责人称推理成本在下降，报道未给出降幅。")),
        /// Yearly rise in use, %.
        growth: Param::new(crate::both!("Yearly rise in use", "用量年增幅"), crate::both!("%", "%"), (0.0, 300.0, 1.0), 0, Source::Value(30.0))
            .assumed()
            .help(crate::both!("We assume cheaper inference draws more use; 0 holds it flat.", "本站假设推理越便宜、用量越大；设为0则用量不变。")),
        /// Years to look ahead.
        years: Param::new(crate::both!("Years to look ahead", "向后看几年"), crate::both!("years", "年"), (1.0, 15.0, 1.0), 0, Source::Value(5.0)),
        /// How far price, use and their trends may be off, ± % (8 draws in 10).
        range: range::spread_param(25.0),
    }
}

/// Today's price and use, and both trends, are guesses.
const RANGES: Ranges = Ranges {
    params: Inputs::PARAMS,
    spread: Field::range as usize,
    vary: &[Field::price as usize, Field::volume as usize, Field::decline as usize, Field::growth as usize],
};

pub static CALCULATOR: Calculator = Calculator {
    id: "inference-cost",
    prefix: "cost",
    title: ["What falling inference prices do to a bill", "推理降价对账单意味着什么"],
    intro: crate::both!("Price a workload, let prices fall and use grow, and see the yearly and total bill. Every default is an assumption.", "给一项工作负载定价，让价格下降、用量增长，看看每年和累计的账单。所有默认值都是假设。"),
    params: Inputs::PARAMS,
    has_scale: true,
    extras: &[],
    figure,
};

#[derive(Clone, Debug, PartialEq)]
pub struct InferenceCost {
    pub inputs: Inputs,
    /// Cost of each year, US$, year 1 first.
    pub yearly: Vec<f64>,
    /// What the same use would cost at today's price.
    pub flat: Vec<f64>,
    pub total: f64,
    /// Years for the price to halve; `None` when it does not fall.
    pub halving_years: Option<f64>,
    /// Yearly change of the bill, a fraction: price and use together.
    pub bill_change: f64,
}

pub fn compute(i: &Inputs) -> InferenceCost {
    let years = i.years.round() as usize;
    let first = i.price * i.volume * 12.0;
    let keep = 1.0 - i.decline / 100.0;
    let more = 1.0 + i.growth / 100.0;
    let yearly: Vec<f64> = (0..years).map(|t| first * (keep * more).powi(t as i32)).collect();
    InferenceCost {
        inputs: *i,
        total: yearly.iter().sum(),
        flat: (0..years).map(|t| first * more.powi(t as i32)).collect(),
        yearly,
        halving_years: halving_time(-i.decline / 100.0),
        bill_change: keep * more - 1.0,
    }
}

impl InferenceCost {
    /// The price in year `year` (1 is today's).
    pub fn price_in(&self, year: usize) -> f64 {
        self.inputs.price * (1.0 - self.inputs.decline / 100.0).powi(year as i32 - 1)
    }
}

pub fn working(c: &InferenceCost, lang: Lang) -> String {
    let i = &c.inputs;
    let first = Money::USD.say(lang, c.yearly.first().copied().unwrap_or(0.0), 0, Magnitude::Ones);
    if lang.in_build() == Lang::Zh {
        let halving = match c.halving_years {
            Some(t) => format!("价格减半所需时间 = ln 2 ÷ −ln(1 − {}) = {}年", format::plain(i.decline / 100.0, 2), format::zh_amount(t, 1)),
            None => "价格保持不变".to_string(),
        };
        return format!(
            "第1年：每百万词元{}美元 × 每月{}词元 × 12个月 = {first}；之后每年乘以(1 − {}) × (1 + {}) = {}；{halving}。",
            format::plain(i.price, 2),
            format::zh_figure(i.volume * 1e6),
            format::plain(i.decline / 100.0, 2),
            format::plain(i.growth / 100.0, 2),
            format::plain(1.0 + c.bill_change, 3),
        );
    }
    let halving = match c.halving_years {
        Some(t) => format!("prices halve every ln 2 ÷ −ln(1 − {}) = {}", grouped(i.decline / 100.0, 2), format::years(t, 1)),
        None => "prices stay flat".to_string(),
    };
    format!(
        "Year 1: {} × {} × 12 months = {first}; each later year × (1 − {}) × (1 + {}) = × {}; {halving}.",
        grouped(i.price, 2),
        grouped(i.volume, 0),
        grouped(i.decline / 100.0, 2),
        grouped(i.growth / 100.0, 2),
        grouped(1.0 + c.bill_change, 3),
    )
}

pub fn table(c: &InferenceCost, lang: Lang) -> Table {
    let t = |both| lang.pick(both);
    let mut running = 0.0;
    Table {
        columns: vec![
            Column::new(t(["Year", "年份"]), "", 0),
            Column::new(t(["Price", "价格"]), "US$ per million tokens", 3),
            Column::new(t(["Cost that year", "当年费用"]), "US$", 0),
            Column::new(t(["Spent so far", "累计支出"]), "US$", 0),
        ],
        rows: c
            .yearly
            .iter()
            .enumerate()
            .map(|(i, cost)| {
                running += cost;
                let year = match lang.in_build() {
                    Lang::En => format!("Year {}", i + 1),
                    Lang::Zh => format!("第{}年", i + 1),
                };
                vec![Cell::Text(year), Cell::Num(c.price_in(i + 1)), Cell::Num(*cost), Cell::Num(running)]
            })
            .collect(),
    }
}

/// Halving or doubling times beyond this many years are not worth a number.
const CENTURY: f64 = 100.0;

/// The title: how price and use move, and what that does to the bill,
/// each in words chosen from its own number. Past a century a halving or
/// doubling time only says the bill barely moves.
fn title(c: &InferenceCost, said: &mut Claims, lang: Lang) -> String {
    let i = &c.inputs;
    let (price, usage) = (-i.decline / 100.0, i.growth / 100.0);
    let w = |en: [&'static str; 3], zh: [&'static str; 3]| if lang.in_build() == Lang::En { en } else { zh };
    let prices = said.change("price", price, w(["prices rise", "prices hold", "prices fall"], ["价格上涨", "价格不变", "价格下降"]));
    let used = said.change("use", usage, w(["use grows", "use holds", "use falls"], ["用量增长", "用量不变", "用量下降"]));
    let head = if price < 0.0 && usage > 0.0 {
        // Both move: which wins is the bill's direction.
        said.change(
            "bill",
            c.bill_change,
            w(
                ["Use grows faster than prices fall", "Use grows as fast as prices fall", "Prices fall faster than use grows"],
                ["用量增长快于降价", "用量增长与降价相抵", "降价快于用量增长"],
            ),
        )
    } else if price == 0.0 && usage == 0.0 {
        lang.pick(["Prices and use both hold", "价格和用量都不变"]).to_string()
    } else if lang.in_build() == Lang::Zh {
        format!("{prices}、{used}")
    } else {
        let mut both = format!("{prices} and {used}");
        // ASCII case only: Unicode's case tables would weigh on the bundle.
        if let Some(first) = both.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        both
    };
    let bill = said.change("bill", c.bill_change, w(["grows", "holds", "shrinks"], ["微涨", "不变", "微降"]));
    let years = |t: f64| match lang.in_build() {
        Lang::En => format::years(t, 1),
        Lang::Zh => format!("{}年", format::zh_amount(t, 1)),
    };
    let tail = match (halving_time(c.bill_change), doubling_time(c.bill_change), lang.in_build()) {
        (Some(t), _, Lang::En) if t <= CENTURY => format!("the bill halves every {}", years(t)),
        (_, Some(t), Lang::En) if t <= CENTURY => format!("the bill doubles every {}", years(t)),
        (Some(t), _, Lang::Zh) if t <= CENTURY => format!("账单每{}减半", years(t)),
        (_, Some(t), Lang::Zh) if t <= CENTURY => format!("账单每{}翻一番", years(t)),
        (.., Lang::En) if c.bill_change != 0.0 => format!("the bill barely {bill}"),
        (.., Lang::Zh) if c.bill_change != 0.0 => format!("账单{bill}"),
        (.., Lang::En) => "the bill holds steady".to_string(),
        (.., Lang::Zh) => "账单保持不变".to_string(),
    };
    match lang.in_build() {
        Lang::En => format!("{head}: {tail}"),
        Lang::Zh => format!("{head}：{tail}"),
    }
}

/// The figure for any values (made safe first).
pub fn figure(values: &[f64], scale: Scale, money: Money, lang: Lang) -> Figure {
    let c = compute(&Inputs::from_values(values));
    let t = |both| lang.pick(both);
    let cur = |x| money.say(lang, x, 0, Magnitude::Ones);

    let line = |name, role, width, dashed, ys: &[f64]| Series {
        name,
        points: ys.iter().enumerate().map(|(i, y)| ((i + 1) as f64, *y)).collect(),
        role,
        width,
        dashed,
    };
    let mut said = Claims::default();
    let title = title(&c, &mut said, lang);
    let first = c.yearly.first().copied().unwrap_or(0.0);
    let last = c.yearly.last().copied().unwrap_or(0.0);
    let unit = money.noted_in(lang, &money.unit_in(lang, Magnitude::Ones));
    let n = c.yearly.len();
    let flat: f64 = c.flat.iter().sum();
    let mut figure = Figure {
        title,
        subtitle: match lang.in_build() {
            Lang::En => format!("Cost of the workload each year, {unit}; {}", scale_note(scale, lang)),
            Lang::Zh => format!("这项工作负载每年的费用，{unit}；{}", scale_note(scale, lang)),
        },
        source: t([
            "Illustrative: no price is reported. Inference costs are falling, said MiniMax’s Yan Junjie.",
            "示意：报道未给出价格。MiniMax的闫俊杰说，推理成本正在下降。",
        ]),
        description: match lang.in_build() {
            Lang::En => format!(
                "Line chart of yearly cost over {}: {} in year 1, {} in the last; {} in all, {} at today’s price.",
                format::years(n as f64, 0),
                cur(first),
                cur(last),
                cur(c.total),
                cur(flat)
            ),
            Lang::Zh => format!(
                "折线图：{n}年间每年的费用，第1年为{}，最后一年为{}；合计{}，按当前价格则为{}。",
                cur(first),
                cur(last),
                cur(c.total),
                cur(flat)
            ),
        },
        plot: Plot::Lines(LineChart {
            series: vec![
                line(t(["Today’s price", "按当前价格"]), Role::Neutral, 2, true, &c.flat),
                line(t(["As priced", "按设定降价"]), Role::Accent, 3, false, &c.yearly),
            ],
            x_range: (1.0, n.max(2) as f64),
            x_label: lang.pick([(|x| format!("Year {}", x.round() as i64)) as fn(f64) -> String, |x| format!("第{}年", x.round() as i64)]),
            y_label: lang.pick([format::axis as fn(f64) -> String, format::axis_zh]),
            scale,
            y_cap: None,
            markers: Vec::new(),
            bands: Vec::new(),
            tornado: None,
        }),
        outputs: vec![
            Output {
                id: "total",
                label: t(["Spent over the whole period", "测算期内累计支出"]),
                value: Quantity::money(money, c.total, 0, Magnitude::Ones),
                note: match lang.in_build() {
                    Lang::En => format!("{} at today’s price", cur(flat)),
                    Lang::Zh => format!("若价格维持现价，则为{}", cur(flat)),
                },
                reader: true,
            },
            Output {
                id: "halving",
                label: t(["Price halves every", "价格减半所需时间"]),
                value: c.halving_years.map_or(Quantity::Words(t(["Never", "不会减半"])), |t| Quantity::Duration { years: t, decimals: 1 }),
                note: match (lang.in_build(), n) {
                    // With one year, the first is the last.
                    (Lang::En, 1) => format!("Only 1 year: it costs {}", cur(first)),
                    (Lang::Zh, 1) => format!("只算1年：费用{}", cur(first)),
                    (Lang::En, _) => format!("Year 1 costs {}; the last year {}", cur(first), cur(last)),
                    (Lang::Zh, _) => format!("第1年费用{}；最后一年{}", cur(first), cur(last)),
                },
                reader: false,
            },
        ],
        table: table(&c, lang),
        working: working(&c, lang),
        notice: None,
        range: None,
        prose: None,
        claims: said,
        lang,
    };
    // Each year's cost, then the total: one run gives the bands and the range.
    let path: fn(&[f64]) -> Vec<f64> = |v| {
        let c = compute(&Inputs::from_values(v));
        let mut path = c.yearly;
        path.push(c.total);
        path
    };
    if let Some(fan) = RANGES.fan(values, path) {
        let words = match lang.in_build() {
            Lang::En => format!("Your range: the whole period costs {}.", range::in_words(fan.last(), cur, "", lang)),
            Lang::Zh => format!("不确定范围：测算期内的费用，{}。", range::in_words(fan.last(), cur, "", lang)),
        };
        let years: Vec<f64> = (1..=n).map(|t| t as f64).collect();
        let columns = match lang.in_build() {
            Lang::En => ["Cost that year, 10th percentile", "Cost that year, 90th percentile"],
            Lang::Zh => ["当年费用，第10百分位", "当年费用，第90百分位"],
        };
        fan.show(&mut figure, &years, columns, ("US$", 0, 1), words);
        let heading = match lang.in_build() {
            Lang::En => format!("Spent over the whole period, {}", money.unit(Magnitude::Ones)),
            Lang::Zh => format!("测算期内累计支出，{}", money.unit_in(lang, Magnitude::Ones)),
        };
        RANGES.tornado(&mut figure, values, &heading, |v| compute(&Inputs::from_values(v)).total, &cur);
    }
    figure.in_money(money, true);
    figure.in_language(Some(Magnitude::Ones));
    figure
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_by_hand() {
        let c = compute(&Inputs::from_values(&CALCULATOR.defaults()));
        // 2 × 5,000 × 12 = 120,000; then × 0.6 × 1.3 = × 0.78 a year
        assert_eq!(c.yearly.len(), 5);
        assert!((c.yearly[0] - 120_000.0).abs() < 1e-6);
        assert!((c.yearly[1] - 93_600.0).abs() < 1e-6);
        assert!((c.yearly[4] - 44_418.067_2).abs() < 1e-6);
        // 120,000 × (1 − 0.78^5) ÷ 0.22 = 387,972.31
        assert!((c.total - 387_972.307_2).abs() < 1e-6);
        // Today's price, rising use: 120,000 × 1.3^4 in year 5
        assert!((c.flat[4] - 342_732.0).abs() < 1e-6);
        // The price: ln 2 ÷ −ln 0.6 = 1.357 years; the bill: ln 2 ÷ −ln 0.78 = 2.79
        assert!((c.halving_years.unwrap() - 1.3569).abs() < 1e-4);
        assert!(figure(&CALCULATOR.defaults(), Scale::Linear, Money::USD, Lang::En).title.ends_with("every 2.8 years"));
    }

    #[test]
    fn no_decline_means_flat_prices() {
        let c = compute(&Inputs { price: 1.0, volume: 100.0, decline: 0.0, growth: 0.0, years: 3.0, range: 0.0 });
        assert_eq!(c.halving_years, None);
        assert_eq!(c.yearly, c.flat);
        assert!(working(&c, Lang::En).contains("prices stay flat"));
        assert!(working(&c, Lang::Zh).contains("价格保持不变"));
    }
}

#[cfg(test)]
mod growth_tests {
    use super::*;

    #[test]
    fn use_that_outgrows_the_price_cuts_raises_the_bill() {
        // × 0.9 × 1.5 = × 1.35 a year: the bill doubles every ln 2 ÷ ln 1.35 = 2.3 years
        let c = compute(&Inputs { price: 1.0, volume: 100.0, decline: 10.0, growth: 50.0, years: 3.0, range: 0.0 });
        assert!((c.bill_change - 0.35).abs() < 1e-12);
        assert!((c.yearly[2] - 1_200.0 * 1.35 * 1.35).abs() < 1e-9);
        let f = figure(&[1.0, 100.0, 10.0, 50.0, 3.0], Scale::Linear, Money::USD, Lang::En);
        assert_eq!(f.title, "Use grows faster than prices fall: the bill doubles every 2.3 years");
        // Prices halving while use doubles: × 1.0 exactly
        let f = figure(&[1.0, 100.0, 50.0, 100.0, 3.0], Scale::Linear, Money::USD, Lang::En);
        assert!(f.title.ends_with("the bill holds steady"), "{}", f.title);
        // × 0.6 × 1.67 = × 1.002: a doubling time of 347 years is not a figure worth giving
        let f = figure(&[1.0, 100.0, 40.0, 67.0, 3.0], Scale::Linear, Money::USD, Lang::En);
        assert_eq!(f.title, "Use grows faster than prices fall: the bill barely grows");
        // × 0.6 × 1.66 = × 0.996: halving takes 173 years
        let f = figure(&[1.0, 100.0, 40.0, 66.0, 3.0], Scale::Linear, Money::USD, Lang::En);
        assert_eq!(f.title, "Prices fall faster than use grows: the bill barely shrinks");
        // × 0.6 × 1.6 = × 0.96: 17 years still gets its number
        let f = figure(&[1.0, 100.0, 40.0, 60.0, 3.0], Scale::Linear, Money::USD, Lang::En);
        assert_eq!(f.title, "Prices fall faster than use grows: the bill halves every 17 years");
        // No fall in price: nothing said of price cuts.
        let f = figure(&[1.0, 100.0, 0.0, 0.0, 3.0], Scale::Linear, Money::USD, Lang::En);
        assert_eq!(f.title, "Prices and use both hold: the bill holds steady");
        let f = figure(&[1.0, 100.0, 0.0, 30.0, 3.0], Scale::Linear, Money::USD, Lang::En);
        assert_eq!(f.title, "Prices hold and use grows: the bill doubles every 2.6 years");
        let f = figure(&[1.0, 100.0, 30.0, 0.0, 3.0], Scale::Linear, Money::USD, Lang::En);
        assert_eq!(f.title, "Prices fall and use holds: the bill halves every 1.9 years");
    }
}
