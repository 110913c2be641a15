//! Facts with their sources, compiled from `content/facts.toml`.
//!
//! Invariant: a figure on the page comes from here. Reported figures carry
//! the value as published; derived figures are computed by [`value`] with the
//! same maths the calculators use, so prose, sources list and calculators can
//! never disagree.

use crate::{format, market};

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

/// One claim, as reported or as derived from reported figures.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fact {
    /// Stable id, used in the story text and as the anchor `source-<id>`.
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
    pub inputs: &'static [&'static str],
    /// Who the claim is attributed to.
    pub source: &'static str,
    /// The date or period the claim describes.
    pub when: &'static str,
}

/// The sentences that go with a fact in the sources list.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Prose {
    /// What the figure measures, or the claim itself for context facts.
    pub claim: &'static str,
    /// For derived facts: the calculation written for readers.
    pub formula: &'static str,
    /// Where and when it was published.
    pub reported: &'static str,
}

impl Fact {
    /// The fact's sentences (kept apart so code that never shows them, like
    /// the browser bundle, does not carry them).
    pub fn prose(&self) -> &'static Prose {
        let index = FACTS.iter().position(|f| f.id == self.id).unwrap_or(0);
        &PROSE[index]
    }
}

include!(concat!(env!("OUT_DIR"), "/facts_data.rs"));

/// The fact with this id, if there is one.
pub fn get(id: &str) -> Option<&'static Fact> {
    FACTS.iter().find(|f| f.id == id)
}

/// The 1-based citation number of a fact: its place in the sources list.
pub fn citation_number(id: &str) -> Option<usize> {
    FACTS.iter().position(|f| f.id == id).map(|i| i + 1)
}

/// The value of a reported or derived fact; `None` for context facts and
/// unknown ids.
pub fn value(id: &str) -> Option<f64> {
    let fact = get(id)?;
    match fact.kind {
        Kind::Reported => fact.value,
        Kind::Derived => derive(id),
        Kind::Context => None,
    }
}

/// The year of a dated market figure, e.g. 2024 for `market-2024`.
pub fn year(id: &str) -> Option<i32> {
    get(id)?.year
}

/// Computes a derived fact from its inputs with the calculators' maths.
fn derive(id: &str) -> Option<f64> {
    let v = value;
    let result = match id {
        "market-cagr" => {
            let years = f64::from(year("market-2030")? - year("market-2024")?);
            100.0 * market::implied_growth(v("market-2024")?, v("market-2030")?, years)?
        }
        "market-doubling" => market::doubling_time(v("market-cagr")? / 100.0)?,
        // The wider market is given in trillions, the core in billions.
        "ecosystem-multiple" => v("market-total-2030")? * 1000.0 / v("market-2030")?,
        "genai-ratio" => v("genai-use-2024")? / v("genai-use-2023")?,
        "value-gap-points" => v("adopted")? - v("gains")?,
        "value-gap-ratio" => v("gains")? / v("adopted")?,
        "subsidy-rate" => v("subsidy-yuan")? / v("subsidy-usd")?,
        _ => return None,
    };
    result.is_finite().then_some(result)
}

/// The value written for a reader, with its unit: "US$3.2 billion", "43%".
/// Empty for context facts.
pub fn display(id: &str) -> String {
    let (Some(fact), Some(x)) = (get(id), value(id)) else {
        return String::new();
    };
    let n = |x: f64| format::grouped(x, usize::from(fact.decimals));
    match fact.unit {
        Unit::UsdBn => format!("US${} billion", n(x)),
        Unit::UsdTn => format!("US${} trillion", n(x)),
        Unit::Usd => format!("US${}", n(x)),
        Unit::Yuan if x >= 1e6 => format!("{} million yuan", format::trimmed(x / 1e6, 2)),
        Unit::Yuan => format!("{} yuan", n(x)),
        Unit::Percent => format!("{}%", n(x)),
        Unit::Points => format!("{} percentage points", n(x)),
        Unit::Multiple => format!("{} times", n(x)),
        Unit::OneIn => format!("about 1 in {}", format::grouped(1.0 / x, 0)),
        Unit::Years => format!("{} years", n(x)),
        Unit::Months => format!("{} months", n(x)),
        Unit::Minutes => format!("{} minutes", n(x)),
        Unit::Count => format::count(x),
        Unit::YuanPerUsd => format!("{} yuan per US dollar", n(x)),
        Unit::None => n(x),
    }
}

/// A short attribution for a citation marker: "Morgan Stanley, 2024".
pub fn attribution(fact: &Fact) -> String {
    format!("{}, {}", fact.source, fact.when)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(id: &str, expected: &str) {
        assert_eq!(display(id), expected, "display of `{id}`");
    }

    #[test]
    fn derived_figures_match_the_brief() {
        check("market-cagr", "87.7%");
        check("market-doubling", "1.1 years");
        check("ecosystem-multiple", "10 times");
        check("genai-ratio", "5.4 times");
        check("value-gap-points", "37 percentage points");
        check("value-gap-ratio", "about 1 in 5");
        check("subsidy-rate", "7.14 yuan per US dollar");
    }

    #[test]
    fn reported_figures_read_as_published() {
        check("market-2024", "US$3.2 billion");
        check("market-2030", "US$140 billion");
        check("market-total-2030", "US$1.4 trillion");
        check("genai-use-2023", "8%");
        check("subsidy-yuan", "3 million yuan");
        check("subsidy-usd", "US$420,000");
        check("labs", "three");
        check("hospitals", "300");
        check("hub-age", "5,300 years");
    }

    #[test]
    fn every_derived_fact_computes_and_every_figure_has_a_source() {
        for fact in FACTS {
            assert!(!fact.source.is_empty() && !fact.when.is_empty(), "{}", fact.id);
            match fact.kind {
                Kind::Context => assert_eq!(value(fact.id), None),
                _ => {
                    let v = value(fact.id);
                    assert!(v.is_some_and(f64::is_finite), "{} has no finite value", fact.id);
                }
            }
            if fact.kind == Kind::Derived {
                assert!(!fact.prose().formula.is_empty() && !fact.inputs.is_empty());
                assert!(derive(fact.id).is_some(), "{} has no calculation", fact.id);
            }
        }
    }

    #[test]
    fn unknown_ids_have_no_value() {
        assert_eq!(value("nope"), None);
        assert_eq!(display("nope"), "");
        assert_eq!(citation_number("nope"), None);
        assert_eq!(citation_number(FACTS[0].id), Some(1));
    }
}
