//! `market-growth`: Morgan Stanley's US$3.2 bn (2024) to US$140 bn (2030),
//! the yearly growth that implies, and the reader's own scenario.

use super::{Calculator, Extra};
use crate::chart::{year_label, LineChart, Plot, Role, Scale, Series};
use crate::content::facts::{self, id};
use crate::maths::growth::{compound, doubling_time, halving_time, implied_growth};
use crate::model::figure::scale_note;
use crate::model::range::{self, Ranges};
use crate::model::{Cell, Claims, Column, Figure, Output, Param, Per, Prose, Quantity, Source, Table};
use crate::text::format::{self, grouped, trimmed, Currency, Lang, Magnitude, Money};

crate::inputs! {
    /// The forecast's end points and the reader's rate.
    pub struct Inputs {
        /// The industry's size in the first year, US$ bn.
        start: Param::new(crate::both!("Industry size in 2024", "2024年产业规模"), crate::both!("US$ bn", "亿美元"), (0.5, 20.0, 0.1), 1, Source::Fact(id::MARKET_2024)).zh_times(10.0),
        /// Its forecast size in the last year, US$ bn.
        end: Param::new(crate::both!("Forecast size in 2030", "2030年预测规模"), crate::both!("US$ bn", "亿美元"), (10.0, 1000.0, 1.0), 0, Source::Fact(id::MARKET_2030)).zh_times(10.0),
        /// The reader's yearly growth, percent.
        rate: Param::new(crate::both!("Your growth rate", "自设年增长率"), crate::both!("% a year", "%/年"), (-50.0, 200.0, 0.1), 1, Source::Fact(id::MARKET_CAGR))
            .help(crate::both!("Starts at the rate the forecast implies.", "初始值为预测隐含的增速。")),
        /// How far the reader's rate may be off, ± % of it (8 draws in 10).
        range: range::spread_param(20.0),
    }
}

/// The reader's growth rate is the guess that varies.
const RANGES: Ranges = Ranges { params: Inputs::PARAMS, spread: Field::range as usize, vary: &[Field::rate as usize] };

/// The reader's path, year by year, for any values: the fan's path, run
/// for each of the range's draws on every move of a slider, so it compounds
/// by multiplication rather than computing the whole projection (the same
/// values as [`project`]'s to rounding; tested).
fn reader_path(values: &[f64]) -> Vec<f64> {
    let i = Inputs::from_values(values);
    let (start_year, end_year) = years();
    let growth = 1.0 + i.rate / 100.0;
    let mut value = i.start;
    (start_year..=end_year)
        .map(|_| {
            let now = value;
            value *= growth;
            now
        })
        .collect()
}

pub static CALCULATOR: Calculator = Calculator {
    id: "market-growth",
    prefix: "market",
    title: ["How fast must China’s AI industry grow?", "中国AI产业要长多快？"],
    intro: crate::both!("Change the forecast’s end points, or try your own growth rate, and see where 2030 lands.", "改动预测的起点和终点，或自设增长率，看看2030年会落在哪里。"),
    params: Inputs::PARAMS,
    has_scale: true,
    extras: &[Extra::SetInput {
        label: crate::both!("Use the forecast’s rate", "用预测隐含的增速"),
        input: Field::rate as usize,
        value: |v| project(&Inputs::from_values(v)).implied_rate * 100.0,
    }],
    figure,
};

/// The first and last year of the forecast, from the facts.
pub fn years() -> (i32, i32) {
    (facts::year(id::MARKET_2024).unwrap_or(2024), facts::year(id::MARKET_2030).unwrap_or(2030))
}

/// One year of the projection, in US$ bn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct YearValue {
    pub year: i32,
    /// On the path the forecast implies.
    pub forecast: f64,
    /// At the reader's growth rate.
    pub reader: f64,
}

/// Everything the market-growth calculator shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Projection {
    pub start: f64,
    pub end: f64,
    pub start_year: i32,
    pub end_year: i32,
    /// Implied yearly growth, as a fraction (0.877).
    pub implied_rate: f64,
    /// Years to double at the implied rate; `None` if it never doubles.
    pub doubling_years: Option<f64>,
    /// Years to halve at the implied rate, when the forecast shrinks.
    pub halving_years: Option<f64>,
    /// The reader's yearly growth, as a fraction.
    pub reader_rate: f64,
    /// The reader's value in the end year, US$ bn.
    pub reader_end: f64,
    /// Year by year, start to end inclusive.
    pub path: Vec<YearValue>,
}

impl Projection {
    /// The reader's end value as a multiple of the forecast.
    pub fn reader_vs_forecast(&self) -> f64 {
        self.reader_end / self.end
    }
}

/// Projects the inputs year by year.
pub fn project(i: &Inputs) -> Projection {
    let (start_year, end_year) = years();
    let span = f64::from(end_year - start_year);
    let implied_rate = implied_growth(i.start, i.end, span).unwrap_or(0.0);
    let reader_rate = i.rate / 100.0;
    let path = (start_year..=end_year)
        .map(|year| {
            let t = f64::from(year - start_year);
            YearValue { year, forecast: compound(i.start, implied_rate, t), reader: compound(i.start, reader_rate, t) }
        })
        .collect();
    Projection {
        start: i.start,
        end: i.end,
        start_year,
        end_year,
        implied_rate,
        doubling_years: doubling_time(implied_rate),
        halving_years: halving_time(implied_rate),
        reader_rate,
        reader_end: compound(i.start, reader_rate, span),
        path,
    }
}

impl Projection {
    /// Whether the end points are the bank's, as reported.
    pub fn is_the_forecast(&self) -> bool {
        [(self.start, id::MARKET_2024), (self.end, id::MARKET_2030)].iter().all(|&(x, fact)| facts::value(fact) == Some(x))
    }

    /// The end point, named for what it is: "the forecast of US$140 bn",
    /// or the reader's "end point of US$1,000 bn"; "预测的1400亿美元".
    fn end_named(&self, money: Money, words: bool, lang: Lang) -> String {
        let end = match lang.in_build() {
            Lang::En if words => money.words(self.end, 0, Magnitude::Billions),
            _ => money.say(lang, self.end, 0, Magnitude::Billions),
        };
        match (self.is_the_forecast(), lang.in_build()) {
            (true, Lang::En) => format!("the forecast of {end}"),
            (false, Lang::En) => format!("your end point of {end}"),
            (true, Lang::Zh) => format!("预测值{end}"),
            (false, Lang::Zh) => format!("你设定的终点{end}"),
        }
    }
}

/// The reader's 2030 value against the end point: "83% below the forecast
/// of US$140 bn", or `in_line` ("In line" or "in line") "with …"; in
/// Chinese "比预测的1400亿美元低83%". A share below 100% never reads as
/// 100% ([`Claims::percent`]).
fn versus(p: &Projection, in_line: &str, money: Money, words: bool, said: &mut Claims, lang: Lang) -> String {
    let ratio = p.reader_vs_forecast();
    let end = p.end_named(money, words, lang);
    match lang.in_build() {
        Lang::En if (ratio - 1.0).abs() < 0.005 => format!("{in_line} with {end}"),
        Lang::En if ratio >= 2.0 => {
            let times = format!("{} times", grouped(ratio, 1));
            format!("{} {end}", said.ratio("reader-vs-end", ratio, 1, [&times, "the same as", "less than"]))
        }
        Lang::En if ratio > 1.0 => format!("{} above {end}", said.percent("above-end", (ratio - 1.0) * 100.0, 0)),
        Lang::En => format!("{} below {end}", said.percent("below-end", (1.0 - ratio) * 100.0, 0)),
        Lang::Zh if (ratio - 1.0).abs() < 0.005 => format!("与{end}持平"),
        Lang::Zh if ratio >= 2.0 => {
            let times = format!("{}倍", format::without_trailing_zeros(format::plain(ratio, 1)));
            format!("是{end}的{}", said.ratio("reader-vs-end", ratio, 1, [&times, "1倍", "不到1倍"]))
        }
        Lang::Zh if ratio > 1.0 => format!("比{end}高{}", said.percent("above-end", (ratio - 1.0) * 100.0, 0)),
        Lang::Zh => format!("比{end}低{}", said.percent("below-end", (1.0 - ratio) * 100.0, 0)),
    }
}

/// The story's sentence beside the calculator: the bank's path, or the
/// reader's.
fn prose(p: &Projection, values: &[f64], money: Money, said: &mut Claims, lang: Lang) -> Prose {
    let yours = crate::model::param::changed(Inputs::PARAMS, values, &[Field::range as usize]);
    if lang.in_build() == Lang::Zh {
        return prose_zh(p, yours, money, said);
    }
    // Prose writes "billion", as the story does.
    let bn = |x: f64| money.words(x, if money.of(x).abs() >= 100.0 { 0 } else { 1 }, Magnitude::Billions);
    let pace = |rate: f64| match rate {
        r if r > 0.0 => format!("growing {} a year", format::percent(r * 100.0, 1)),
        r if r < 0.0 => format!("shrinking {} a year", format::percent(-r * 100.0, 1)),
        _ => "holding its size".to_string(),
    };
    let text = if yours {
        format!(
            "On your numbers, China’s AI industry would be worth {} in {}, {} from {} in {}: {}.",
            bn(p.reader_end),
            p.end_year,
            pace(p.reader_rate),
            bn(p.start),
            p.start_year,
            versus(p, "in line", money, true, said, Lang::En)
        )
    } else {
        // The rate is ours, worked out from the bank's two figures, so the
        // sentence rounds it and says whose it is.
        let rate = match p.implied_rate {
            r if r > 0.0 => format!("growth of about {} a year by our calculation", format::percent(r * 100.0, 0)),
            r if r < 0.0 => format!("a fall of about {} a year by our calculation", format::percent(-r * 100.0, 0)),
            _ => "no growth".to_string(),
        };
        format!(
            "On the bank’s figures, China’s AI industry would grow from {} in {} to {} in {}: {rate}.",
            bn(p.start),
            p.start_year,
            bn(p.end),
            p.end_year
        )
    };
    // The bank's figures are in dollars; yuan are our conversion.
    let text = match (yours, money.currency) {
        (false, Currency::Cny) => format!("{text} The bank’s figures are in US dollars; the yuan are our conversion, at {} per US dollar.", grouped(money.rate, 2)),
        _ => text,
    };
    Prose { text, yours }
}

/// The story's sentence in Chinese.
fn prose_zh(p: &Projection, yours: bool, money: Money, said: &mut Claims) -> Prose {
    let yi = |x: f64| money.say(Lang::Zh, x, 1, Magnitude::Billions);
    let text = if yours {
        let pace = match p.reader_rate {
            r if r > 0.0 => format!("每年增长{}", format::percent(r * 100.0, 1)),
            r if r < 0.0 => format!("每年萎缩{}", format::percent(-r * 100.0, 1)),
            _ => "保持原有规模".to_string(),
        };
        format!(
            "按你的数字，中国AI产业从{}年的{}起{pace}，到{}年规模为{}，{}。",
            p.start_year,
            yi(p.start),
            p.end_year,
            yi(p.reader_end),
            versus(p, "", money, true, said, Lang::Zh)
        )
    } else {
        let rate = match p.implied_rate {
            r if r > 0.0 => format!("按本站计算，年均增长约{}", format::percent(r * 100.0, 0)),
            r if r < 0.0 => format!("按本站计算，年均萎缩约{}", format::percent(-r * 100.0, 0)),
            _ => "规模没有增长".to_string(),
        };
        format!("按摩根士丹利的数字，中国AI产业将从{}年的{}增长到{}年的{}，{rate}。", p.start_year, yi(p.start), p.end_year, yi(p.end))
    };
    let text = match (yours, money.currency) {
        (false, Currency::Cny) => format!("{text}摩根士丹利的数字以美元计，人民币金额为本站按1美元兑{}元换算。", trimmed(money.rate, 2)),
        _ => text,
    };
    Prose { text, yours }
}

fn outputs(p: &Projection, money: Money, said: &mut Claims, lang: Lang) -> Vec<Output> {
    let pace = match (p.doubling_years, p.halving_years, lang.in_build()) {
        (Some(t), _, Lang::En) => format!("Doubles every {}", format::years(t, 1)),
        (None, Some(t), Lang::En) => format!("Halves every {}", format::years(t, 1)),
        (None, None, Lang::En) => "Stays the same size".to_string(),
        (Some(t), _, Lang::Zh) => format!("每{}年翻一番", format::zh_amount(t, 1)),
        (None, Some(t), Lang::Zh) => format!("每{}年减半", format::zh_amount(t, 1)),
        (None, None, Lang::Zh) => "规模不变".to_string(),
    };
    let versus = versus(p, "In line", money, false, said, lang);
    vec![
        Output {
            id: "implied",
            label: lang.pick(["Yearly growth the end points imply", "起止规模隐含的年均增长率"]),
            value: Quantity::Share { percent: p.implied_rate * 100.0, decimals: 1, per: Per::Year },
            note: pace,
            reader: false,
        },
        Output {
            id: "reader",
            label: lang.pick(["Your value in 2030", "按你的增速，2030年"]),
            value: Quantity::money(money, p.reader_end, 1, Magnitude::Billions),
            note: versus,
            reader: true,
        },
    ]
}

/// The figure for any values (made safe first).
pub fn figure(values: &[f64], scale: Scale, money: Money, lang: Lang) -> Figure {
    let p = project(&Inputs::from_values(values));
    let t = |both| lang.pick(both);
    let line = |name, role, width, f: fn(&YearValue) -> f64| Series {
        name,
        points: p.path.iter().map(|v| (f64::from(v.year), f(v))).collect(),
        role,
        width,
        dashed: false,
    };
    let plot = Plot::Lines(LineChart {
        // The forecast is wide and drawn first, so the reader's line stays
        // visible on top of it when the two coincide.
        series: vec![line(t(["Forecast", "预测"]), Role::Series, 5, |v| v.forecast), line(t(["Your rate", "你的增速"]), Role::Accent, 2, |v| v.reader)],
        x_range: (f64::from(p.start_year), f64::from(p.end_year)),
        x_label: year_label,
        y_label: lang.pick([format::axis as fn(f64) -> String, format::axis_zh]),
        scale,
        y_cap: None,
        markers: Vec::new(),
        bands: Vec::new(),
        tornado: None,
    });
    // Words follow the figures as written: a rate shown as 0.0% is no
    // growth, and end points that read the same stay level.
    let rate = format::percent(p.implied_rate.abs() * 100.0, 1);
    let flat = rate == format::percent(0.0, 1);
    // The verbs agree with their subject: one forecast, two end points.
    let title = match lang.in_build() {
        Lang::En => {
            let (whose, one) = if p.is_the_forecast() { ("The forecast", true) } else { ("Your end points", false) };
            let verb = |singular: &'static str, plural: &'static str| if one { singular } else { plural };
            if flat {
                format!("{whose} {} no growth", verb("implies", "imply"))
            } else if p.implied_rate > 0.0 {
                format!("{whose} {} {rate} growth a year", verb("needs", "need"))
            } else {
                format!("{whose} {} the industry shrinking {rate} a year", verb("has", "have"))
            }
        }
        Lang::Zh => {
            let whose = if p.is_the_forecast() { "按预测" } else { "按你设定的起止规模" };
            if flat {
                format!("{whose}，行业规模没有增长")
            } else if p.implied_rate > 0.0 {
                format!("{whose}，行业每年需增长{rate}")
            } else {
                format!("{whose}，行业每年萎缩{rate}")
            }
        }
    };
    let mut said = Claims::default();
    let start = money.say(lang, p.start, 1, Magnitude::Billions);
    // The end in whole units, unless that could turn the order round.
    let close = (money.of(p.end) - money.of(p.start)).abs() < 1.0;
    let end = money.say(lang, p.end, if close { 1 } else { 0 }, Magnitude::Billions);
    let path = match (start == end, p.end > p.start) {
        (true, _) => t(["stays level", "持平"]),
        (false, true) => t(["grows", "上升"]),
        (false, false) => t(["shrinks", "下降"]),
    };
    let unit = money.noted_in(lang, &money.unit_in(lang, Magnitude::Billions));
    let reader_rate = format::percent(p.reader_rate * 100.0, 1);
    let reader_end = money.say(lang, p.reader_end, 1, Magnitude::Billions);
    let implied = format::percent(p.implied_rate * 100.0, 1);
    let span = p.end_year - p.start_year;
    let mut figure = Figure {
        title,
        subtitle: match lang.in_build() {
            Lang::En => format!("China’s AI industry, {unit}, {}–{}; {}", p.start_year, p.end_year, scale_note(scale, lang)),
            Lang::Zh => format!("中国AI产业规模，{unit}，{}年至{}年；{}", p.start_year, p.end_year, scale_note(scale, lang)),
        },
        source: t([
            "Source: Morgan Stanley (2024 figure, 2030 forecast), via Info Finance. Year-by-year paths: our calculation.",
            "来源：摩根士丹利（2024年数据、2030年预测），据Info Finance报道。逐年路径为本站计算。",
        ]),
        description: match lang.in_build() {
            Lang::En => format!(
                "Line chart. The path between the end points {path} from {start} in {} to {end} in {}; at your rate of {reader_rate} a year the industry reaches {reader_end}.",
                p.start_year, p.end_year,
            ),
            Lang::Zh => format!(
                "折线图。起止规模之间的路径{path}：从{}年的{start}到{}年的{end}；按你设定的年增长率{reader_rate}，行业规模到时为{reader_end}。",
                p.start_year, p.end_year,
            ),
        },
        working: match lang.in_build() {
            Lang::En => format!("({} ÷ {})^(1/{span}) − 1 = {implied} a year", grouped(p.end, 0), trimmed(p.start, 1)),
            // In 亿, as the Chinese inputs are.
            Lang::Zh => format!("({} ÷ {})^(1/{span}) − 1 = 每年{implied}", format::zh_figure(p.end * 1e9), format::zh_figure(p.start * 1e9)),
        },
        table: Table {
            columns: vec![
                Column::new(t(["Year", "年份"]), "", 0),
                Column::new(t(["Forecast path", "预测路径"]), "US$ bn", 1),
                Column::new(t(["Your rate", "你的增速"]), "US$ bn", 1),
            ],
            rows: p.path.iter().map(|r| vec![Cell::Text(r.year.to_string()), Cell::Num(r.forecast), Cell::Num(r.reader)]).collect(),
        },
        outputs: outputs(&p, money, &mut said, lang),
        plot,
        notice: None,
        range: None,
        prose: Some(prose(&p, values, money, &mut said, lang)),
        claims: said,
        lang,
    };
    if let Some(fan) = RANGES.fan(values, reader_path) {
        let bn = |x| money.say(lang, x, 1, Magnitude::Billions);
        let words = match lang.in_build() {
            Lang::En => format!("Your range: in {} the industry is worth {}.", p.end_year, range::in_words(fan.last(), bn, "", lang)),
            Lang::Zh => format!("不确定范围：{}年的行业规模，{}。", p.end_year, range::in_words(fan.last(), bn, "", lang)),
        };
        let years: Vec<f64> = p.path.iter().map(|v| f64::from(v.year)).collect();
        let columns = lang.pick([["Your rate, 10th percentile", "Your rate, 90th percentile"], ["你的增速，第10百分位", "你的增速，第90百分位"]]);
        fan.show(&mut figure, &years, columns, ("US$ bn", 1, 1), words);
    }
    figure.in_money(money, true);
    figure.in_language(Some(Magnitude::Billions));
    figure
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fans_path_is_the_projections() {
        for values in [[3.2, 140.0, 87.7, 20.0], [1.0, 1.0, -50.0, 0.0], [0.1, 5000.0, 300.0, 50.0]] {
            let path = reader_path(&values);
            let projected: Vec<f64> = project(&Inputs::from_values(&values)).path.iter().map(|v| v.reader).collect();
            assert_eq!(path.len(), projected.len());
            for (a, b) in path.iter().zip(&projected) {
                assert!((a - b).abs() <= 1e-12 * b.abs().max(1.0), "{a} against {b}");
            }
        }
    }
    use proptest::prelude::*;

    fn close(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() <= tolerance
    }

    fn defaults() -> Inputs {
        Inputs::from_values(&CALCULATOR.defaults())
    }

    #[test]
    fn defaults_reproduce_the_forecast() {
        let p = project(&defaults());
        assert_eq!((p.start, p.end), (3.2, 140.0));
        assert_eq!((p.start_year, p.end_year), (2024, 2030));
        assert_eq!(p.path.len(), 7);
        assert!(close(p.path[6].forecast, 140.0, 1e-9));
        // The default reader rate is the implied rate rounded to 87.7%:
        // 3.2 * 1.877^6 = 139.94
        assert!(close(p.reader_end, 139.94, 0.01), "{}", p.reader_end);
        assert!(close(p.reader_vs_forecast(), 0.99956, 1e-5));
    }

    #[test]
    fn reader_rate_changes_only_the_reader_path() {
        let p = project(&Inputs { start: 3.2, end: 140.0, rate: 50.0, range: 0.0 });
        // 3.2 * 1.5^6 = 36.45
        assert!(close(p.reader_end, 36.45, 1e-9));
        assert!(close(p.path[6].forecast, 140.0, 1e-9));
    }

    #[test]
    fn only_the_banks_end_points_are_called_the_forecast() {
        let f = figure(&[3.2, 140.0, 87.7, 0.0], Scale::Linear, Money::USD, Lang::En);
        assert_eq!(f.title, "The forecast needs 87.7% growth a year");
        // Your own end point is not "the forecast of US$1,000 bn".
        let f = figure(&[3.2, 1000.0, 40.0, 0.0], Scale::Linear, Money::USD, Lang::En);
        assert_eq!(f.title, "Your end points need 160.5% growth a year");
        assert_eq!(f.outputs[1].note, "98% below your end point of US$1,000 bn");
        // Far below is never "100% below".
        let f = figure(&[0.5, 1000.0, -50.0, 0.0], Scale::Linear, Money::USD, Lang::En);
        assert_eq!(f.outputs[1].note, "99.999% below your end point of US$1,000 bn");
    }

    #[test]
    fn end_points_that_shrink_say_so() {
        let f = figure(&[20.0, 10.0, 5.0], Scale::Linear, Money::USD, Lang::En);
        assert_eq!(f.title, "Your end points have the industry shrinking 10.9% a year");
        assert!(f.description.contains("points shrinks from US$20.0 bn"), "{}", f.description);
    }

    #[test]
    fn end_points_a_rounding_apart_keep_their_order() {
        // 10.01 to 10.0 at 7.28 yuan: CN¥72.9 bn to CN¥72.8 bn, not "to CN¥73 bn"
        let yuan = Money { currency: Currency::Cny, rate: 7.28 };
        let f = figure(&[10.01, 10.0, 5.0], Scale::Linear, yuan, Lang::En);
        assert!(f.description.contains("points shrinks from CN¥72.9 bn in 2024 to CN¥72.8 bn in 2030"), "{}", f.description);
        // A rate above zero never reads as 0%: more places instead.
        assert_eq!(f.title, "Your end points have the industry shrinking 0.02% a year");
        let f = figure(&[10.0, 10.0, 5.0], Scale::Linear, Money::USD, Lang::En);
        assert_eq!(f.title, "Your end points imply no growth");
        // Equal as written: level, whatever the digits beyond
        let f = figure(&[10.0, 10.001, 5.0], Scale::Linear, Money::USD, Lang::En);
        assert!(f.description.contains("points stays level from US$10.0 bn in 2024 to US$10.0 bn in 2030"), "{}", f.description);
        // Far apart: the end in whole units
        let f = figure(&[3.2, 140.0, 5.0], Scale::Linear, Money::USD, Lang::En);
        assert!(f.description.contains("points grows from US$3.2 bn in 2024 to US$140 bn in 2030"), "{}", f.description);
    }

    #[test]
    fn outputs_say_what_the_numbers_mean() {
        let f = figure(&CALCULATOR.defaults(), Scale::Linear, Money::USD, Lang::En);
        let text: Vec<String> = f.outputs.iter().map(|o| o.value.text(Lang::En)).collect();
        assert_eq!(text, ["87.7% a year", "US$139.9 bn"]);
        assert_eq!(f.outputs[0].note, "Doubles every 1.1 years");
        assert_eq!(f.outputs[1].note, "In line with the forecast of US$140 bn");
        let slow = figure(&[3.2, 140.0, 40.0], Scale::Linear, Money::USD, Lang::En);
        // 3.2 * 1.4^6 = 24.09, 83% below 140
        assert_eq!(slow.outputs[1].note, "83% below the forecast of US$140 bn");
    }

    #[test]
    fn the_button_sets_the_rate_the_forecast_implies() {
        let Extra::SetInput { input, value, .. } = &CALCULATOR.extras[0] else { panic!("a button") };
        assert_eq!(CALCULATOR.params[*input].key, "rate");
        assert!(close(value(&[3.2, 140.0, 10.0]), 87.7139, 1e-4));
    }

    proptest! {
        #[test]
        fn any_input_projects_to_finite_positive_points(
            values in proptest::collection::vec(
                prop_oneof![any::<f64>(), Just(f64::NAN), Just(f64::INFINITY), Just(0.0), Just(-0.0), Just(1e308)],
                0..5,
            )
        ) {
            let p = project(&Inputs::from_values(&values));
            prop_assert!(p.implied_rate.is_finite() && p.reader_end.is_finite());
            prop_assert!(p.doubling_years.is_none_or(f64::is_finite));
            for point in &p.path {
                prop_assert!(point.forecast.is_finite() && point.forecast > 0.0);
                prop_assert!(point.reader.is_finite() && point.reader > 0.0);
            }
        }
    }
}
