//! Facts with their sources, compiled from `content/facts.toml`.
//!
//! Invariant: a figure on the page comes from here. Reported figures carry
//! the value as published; derived figures are computed by [`value`] with the
//! same maths the calculators use, so prose, sources list and calculators can
//! never disagree. Code names facts by typed constants ([`id`]), so a name
//! that does not exist fails to compile; the story names them by text,
//! checked by its tests.

use crate::maths::growth;
use crate::text::format::{self, Currency, Lang, Magnitude, Money};

/// How a fact came to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A figure as published by the named source.
    Reported,
    /// Our own calculation from reported figures, shown with its formula.
    Derived,
    /// A claim without a figure.
    Context,
}

/// The unit a fact's value is expressed in; decides how it is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    UsdBn,
    UsdTn,
    Usd,
    Yuan,
    Percent,
    Points,
    Multiple,
    OneIn,
    Years,
    Months,
    Minutes,
    Count,
    YuanPerUsd,
    None,
}

/// A fact, by its place in `content/facts.toml`. The constants in [`id`]
/// are the only values there are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FactId(u8);

/// One claim, as reported or as derived from reported figures.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fact {
    /// Stable text id, used in the story text and as the anchor `source-<id>`.
    pub id: &'static str,
    pub kind: Kind,
    /// The published value; `None` for derived and context facts.
    pub value: Option<f64>,
    pub unit: Unit,
    /// Decimal places used when the value is written out.
    pub decimals: u8,
    /// The year a market figure refers to, where it has one.
    pub year: Option<i32>,
    /// For derived facts: the facts the calculation reads.
    pub inputs: &'static [FactId],
    /// Who the claim is attributed to, in English and Chinese (by
    /// [`Lang::pick`]).
    pub source: [&'static str; 2],
    /// The date or period the claim describes, as the report gives it;
    /// empty when it gives none.
    pub when: [&'static str; 2],
    /// A word the report puts before the number, as in "over 300".
    pub qualifier: [&'static str; 2],
}

/// The sentences that go with a fact in the sources list.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Prose {
    /// What the figure measures, or the claim itself for context facts,
    /// in English and Chinese.
    pub claim: [&'static str; 2],
    /// For derived facts: the calculation written for readers.
    pub formula: [&'static str; 2],
}

include!(concat!(env!("OUT_DIR"), "/facts_data.rs"));

impl FactId {
    /// The fact itself.
    pub fn fact(self) -> &'static Fact {
        &FACTS[usize::from(self.0)]
    }

    /// The fact's sentences (kept apart so code that never shows them, like
    /// the browser bundle, does not carry them).
    pub fn prose(self) -> &'static Prose {
        &PROSE[usize::from(self.0)]
    }

    /// Its 1-based citation number: its place in the sources list.
    pub fn citation_number(self) -> usize {
        usize::from(self.0) + 1
    }
}

/// Every fact's id, in the order of the sources list.
pub fn all() -> impl Iterator<Item = FactId> {
    (0..FACT_COUNT as u8).map(FactId)
}

/// The fact with this text id, if there is one.
pub fn find(id: &str) -> Option<FactId> {
    all().find(|f| f.fact().id == id)
}

/// The value of a reported or derived fact; `None` for context facts.
pub fn value(id: FactId) -> Option<f64> {
    let fact = id.fact();
    match fact.kind {
        Kind::Reported => fact.value,
        Kind::Derived => derive(id),
        Kind::Context => None,
    }
}

/// The year a dated market figure refers to, e.g. 2024 for `market-2024`.
pub fn year(id: FactId) -> Option<i32> {
    id.fact().year
}

/// Computes a derived fact from its inputs with the calculators' maths.
fn derive(id: FactId) -> Option<f64> {
    let v = value;
    let result = match id {
        id::MARKET_CAGR => {
            let years = f64::from(year(id::MARKET_2030)? - year(id::MARKET_2024)?);
            100.0 * growth::implied_growth(v(id::MARKET_2024)?, v(id::MARKET_2030)?, years)?
        }
        id::MARKET_DOUBLING => growth::doubling_time(v(id::MARKET_CAGR)? / 100.0)?,
        // The wider market is given in trillions, the core in billions.
        id::ECOSYSTEM_MULTIPLE => v(id::MARKET_TOTAL_2030)? * 1000.0 / v(id::MARKET_2030)?,
        id::GENAI_RATIO => v(id::GENAI_USE_2024)? / v(id::GENAI_USE_2023)?,
        id::VALUE_GAP_POINTS => v(id::ADOPTED)? - v(id::GAINS)?,
        id::VALUE_GAP_RATIO => v(id::GAINS)? / v(id::ADOPTED)?,
        id::VALUE_GAP_RATIO_ADOPTERS => v(id::GAINS)? / 100.0,
        id::SUBSIDY_RATE => v(id::SUBSIDY_YUAN)? / v(id::SUBSIDY_USD)?,
        // The dollar figure read as rounded to the nearest US$10,000.
        id::SUBSIDY_RATE_LOW => v(id::SUBSIDY_YUAN)? / (v(id::SUBSIDY_USD)? + 5_000.0),
        id::SUBSIDY_RATE_HIGH => v(id::SUBSIDY_YUAN)? / (v(id::SUBSIDY_USD)? - 5_000.0),
        _ => return None,
    };
    result.is_finite().then_some(result)
}

/// The value written for a reader in `lang`, with its unit and any
/// qualifier the report gives: "US$3.2 billion", "43%", "over 300"; in
/// Chinese "32亿美元", "43%", "超过300". Empty for context facts.
pub fn display(id: FactId, lang: Lang) -> String {
    let fact = id.fact();
    if value(id).is_none() {
        return String::new();
    }
    let number = number(id, lang);
    match (lang.pick(fact.qualifier), lang.in_build()) {
        ("", _) => number,
        (qualifier, Lang::En) => format!("{qualifier} {number}"),
        (qualifier, Lang::Zh) => format!("{qualifier}{number}"),
    }
}

/// A dollar figure's value in `money`'s currency, as a note after the
/// reported value: " (about CN¥1,000 billion, our conversion)", in Chinese
/// "（约合7140亿元，本站换算）". Empty for dollars, and for facts not
/// counted in dollars.
pub fn in_money(id: FactId, money: Money, lang: Lang) -> String {
    // The subsidy was granted in yuan; its dollars are the report's own
    // conversion, so a yuan note would only contradict the yuan it gives.
    if id == id::SUBSIDY_USD {
        return String::new();
    }
    let fact = id.fact();
    let magnitude = match fact.unit {
        Unit::UsdBn => Magnitude::Billions,
        Unit::UsdTn => Magnitude::Trillions,
        Unit::Usd => Magnitude::Ones,
        _ => return String::new(),
    };
    match (value(id), money.currency, lang.in_build()) {
        (Some(x), Currency::Cny, Lang::En) => format!(" (about {}, our conversion)", money.words(x, usize::from(fact.decimals), magnitude)),
        (Some(x), Currency::Cny, Lang::Zh) => {
            format!("（约合{}，本站换算）", format::zh_money(money.of(x) * magnitude.factor(), 1, Currency::Cny))
        }
        _ => String::new(),
    }
}

/// The value with its unit, without a qualifier.
fn number(id: FactId, lang: Lang) -> String {
    let fact = id.fact();
    let Some(x) = value(id) else {
        return String::new();
    };
    let decimals = usize::from(fact.decimals);
    if lang.in_build() == Lang::Zh {
        return zh_number(fact.unit, x, decimals);
    }
    let n = |x: f64| format::grouped(x, decimals);
    match fact.unit {
        Unit::UsdBn => format::money_in_words(x, decimals, Magnitude::Billions, Currency::Usd),
        Unit::UsdTn => format::money_in_words(x, decimals, Magnitude::Trillions, Currency::Usd),
        Unit::Usd => format::money_in_words(x, decimals, Magnitude::Ones, Currency::Usd),
        Unit::Yuan if x >= 1e6 => format!("{} million yuan", format::trimmed(x / 1e6, 2)),
        Unit::Yuan => format!("{} yuan", n(x)),
        Unit::Percent => format::percent(x, decimals),
        Unit::Points => format!("{} percentage points", n(x)),
        Unit::Multiple => format!("{} times", n(x)),
        Unit::OneIn => format::part(x * 100.0).words(),
        Unit::Years => format::years(x, decimals),
        Unit::Months => format::with_unit(x, decimals, "month", "months"),
        Unit::Minutes => format::with_unit(x, decimals, "minute", "minutes"),
        Unit::Count => format::count(x),
        Unit::YuanPerUsd => format!("{} yuan per US dollar", n(x)),
        Unit::None => n(x),
    }
}

/// A value as the Chinese edition writes it: 万 and 亿 for large amounts
/// ("32亿美元", "300万元"), 倍 for multiples, units in Chinese, no
/// separators; a count is the bare number, for the text's measure word.
fn zh_number(unit: Unit, x: f64, decimals: usize) -> String {
    let n = |x: f64| format::zh_amount(x, decimals);
    match unit {
        Unit::UsdBn => format::zh_money(x * 1e9, decimals + 1, Currency::Usd),
        Unit::UsdTn => format::zh_money(x * 1e12, decimals + 1, Currency::Usd),
        Unit::Usd => format::zh_money(x, decimals, Currency::Usd),
        Unit::Yuan => format::zh_money(x, decimals + 2, Currency::Cny),
        Unit::Percent => format::percent(x, decimals),
        Unit::Points => format!("{}个百分点", n(x)),
        Unit::Multiple => format!("{}倍", n(x)),
        Unit::OneIn => format::part(x * 100.0).words_zh(),
        Unit::Years => format!("{}年", n(x)),
        Unit::Months => format!("{}个月", n(x)),
        Unit::Minutes => format!("{}分钟", n(x)),
        Unit::Count | Unit::None => n(x),
        Unit::YuanPerUsd => format!("1美元兑{}元", n(x)),
    }
}

/// A short attribution for a citation marker: "Morgan Stanley, 2024", or
/// just "Accenture" when the report gives no date; "摩根士丹利，2024年".
pub fn attribution(fact: &Fact, lang: Lang) -> String {
    match (lang.pick(fact.when), lang.in_build()) {
        ("", _) => lang.pick(fact.source).to_string(),
        (when, Lang::En) => format!("{}, {when}", lang.pick(fact.source)),
        (when, Lang::Zh) => format!("{}，{when}", lang.pick(fact.source)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(id: FactId, expected: &str) {
        assert_eq!(display(id, Lang::En), expected, "display of `{}`", id.fact().id);
    }

    fn check_zh(id: FactId, expected: &str) {
        assert_eq!(display(id, Lang::Zh), expected, "Chinese display of `{}`", id.fact().id);
    }

    #[test]
    fn chinese_figures_read_in_wan_and_yi() {
        check_zh(id::MARKET_2024, "32亿美元");
        check_zh(id::MARKET_2030, "1400亿美元");
        check_zh(id::MARKET_TOTAL_2030, "1.4万亿美元");
        check_zh(id::SUBSIDY_YUAN, "300万元");
        check_zh(id::SUBSIDY_USD, "42万美元");
        check_zh(id::HUB_AGE, "5300年");
        check_zh(id::LABS, "3");
        check_zh(id::HOSPITALS, "超过300");
        check_zh(id::GENAI_RATIO, "5.4倍");
        check_zh(id::VALUE_GAP_POINTS, "37个百分点");
        check_zh(id::VALUE_GAP_RATIO, "约五分之一");
        check_zh(id::VALUE_GAP_RATIO_ADOPTERS, "约十一分之一");
        check_zh(id::SUBSIDY_RATE, "1美元兑7.14元");
        check_zh(id::MARKET_DOUBLING, "1.1年");
        let yuan = Money { currency: Currency::Cny, rate: 7.14 };
        assert_eq!(in_money(id::MARKET_2030, yuan, Lang::Zh), "（约合9996亿元，本站换算）");
        assert_eq!(attribution(id::GENAI_USE_2023.fact(), Lang::En), "Gartner survey, June 2023");
        assert_eq!(attribution(id::GENAI_USE_2023.fact(), Lang::Zh), "Gartner调查，2023年6月");
    }

    #[test]
    fn derived_figures_match_the_brief() {
        check(id::MARKET_CAGR, "88%");
        check(id::MARKET_DOUBLING, "1.1 years");
        check(id::ECOSYSTEM_MULTIPLE, "10 times");
        check(id::GENAI_RATIO, "5.4 times");
        check(id::VALUE_GAP_POINTS, "37 percentage points");
        check(id::VALUE_GAP_RATIO, "about one in five");
        check(id::VALUE_GAP_RATIO_ADOPTERS, "about one in 11");
        check(id::SUBSIDY_RATE_LOW, "7.06 yuan per US dollar");
        check(id::SUBSIDY_RATE_HIGH, "7.23 yuan per US dollar");
        check(id::SUBSIDY_RATE, "7.14 yuan per US dollar");
    }

    #[test]
    fn reported_figures_read_as_published() {
        check(id::MARKET_2024, "US$3.2 billion");
        check(id::MARKET_2030, "US$140 billion");
        check(id::MARKET_TOTAL_2030, "US$1.4 trillion");
        check(id::GENAI_USE_2023, "8%");
        check(id::SUBSIDY_YUAN, "3 million yuan");
        check(id::SUBSIDY_USD, "US$420,000");
        check(id::LABS, "three");
        check(id::HOSPITALS, "over 300");
        check(id::HUB_AGE, "5,300 years");
    }

    #[test]
    fn every_derived_fact_computes_and_every_figure_has_a_source() {
        for id in all() {
            let fact = id.fact();
            assert!(!fact.source[0].is_empty() && !id.prose().claim[0].is_empty(), "{}", fact.id);
            match fact.kind {
                Kind::Context => assert_eq!(value(id), None),
                _ => assert!(value(id).is_some_and(f64::is_finite), "{} has no finite value", fact.id),
            }
            if fact.kind == Kind::Derived {
                assert!(!id.prose().formula[0].is_empty() && !fact.inputs.is_empty());
                assert!(derive(id).is_some(), "{} has no calculation", fact.id);
            }
        }
    }

    #[test]
    fn text_ids_find_their_fact() {
        assert_eq!(find("market-2030"), Some(id::MARKET_2030));
        assert_eq!(find("nope"), None);
        assert_eq!(id::HUB_AGE.citation_number(), 1);
        assert_eq!(id::MARKET_2030.fact().id, "market-2030");
    }
}
