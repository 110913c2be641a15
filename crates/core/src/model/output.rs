//! A calculator's live results as typed values: what each number is (a
//! share, money, a count, a multiple, a date, a duration), so one formatter
//! writes every figure and one component shows every calculator's results.

use crate::text::format::{self, Currency, Lang, Magnitude};

/// The period a rate is counted over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Per {
    None,
    Year,
    Month,
}

/// A number of a kind, or an outcome with no number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Quantity {
    /// A percentage (of something, or per period): "87.7% a year", "10.0%".
    Share { percent: f64, decimals: u8, per: Per },
    /// Money, counted in `magnitude`, in `currency` (already converted):
    /// "US$139.9 bn", "−US$10.3 m", "CN¥999.4 bn".
    Money { amount: f64, decimals: u8, magnitude: Magnitude, currency: Currency },
    /// A count, with the whole it is part of where that matters: "60.0",
    /// "90 of 460".
    Count { n: f64, decimals: u8, of: Option<f64> },
    /// A multiple: "10.0×".
    Multiple { x: f64, decimals: u8 },
    /// A calendar month, as `year * 12 + month - 1`: "January 2025".
    Month(i64),
    /// A calendar year: "2032".
    Year(i32),
    /// A span of years: "1.4 years".
    Duration { years: f64, decimals: u8 },
    /// An outcome with no number: "Never", "No curve fits".
    Words(&'static str),
}

impl Quantity {
    /// The quantity as a reader of `lang` sees it.
    pub fn text(&self, lang: Lang) -> String {
        if lang.in_build() == Lang::Zh {
            return self.text_zh();
        }
        match *self {
            Quantity::Share { percent, decimals, per } => {
                let s = format::percent(percent, usize::from(decimals));
                match per {
                    Per::None => s,
                    Per::Year => s + " a year",
                    Per::Month => s + " a month",
                }
            }
            Quantity::Money { amount, decimals, magnitude, currency } => format::money(amount, usize::from(decimals), magnitude, currency),
            Quantity::Count { n, decimals, of } => {
                let s = format::amount(n, usize::from(decimals));
                match of {
                    Some(whole) => format!("{s} of {}", format::amount(whole, usize::from(decimals))),
                    None => s,
                }
            }
            Quantity::Multiple { x, decimals } => format::multiple(x, usize::from(decimals)),
            Quantity::Month(index) => format::month(index),
            Quantity::Year(year) => year.to_string(),
            Quantity::Duration { years, decimals } => format::years(years, usize::from(decimals)),
            Quantity::Words(words) => words.to_string(),
        }
    }
}

impl Quantity {
    /// In Chinese: "87.7%" (the label gives the period), "1399亿美元",
    /// "90（共460）", "5.4倍", "4.32万倍", "2025年1月", "2032年", "1.4年";
    /// no thousands separators, and from 10,000 up about four figures in 万
    /// or 亿 (46,000 is 4.6万, not 5万).
    fn text_zh(&self) -> String {
        let n = |x: f64, decimals: u8| if x.abs() >= 1e4 { format::zh_figure(x) } else { format::zh_amount(x, usize::from(decimals)) };
        match *self {
            Quantity::Share { percent, decimals, .. } => format::percent(percent, usize::from(decimals)),
            Quantity::Money { amount, magnitude, currency, .. } => format::zh_money_figure(amount * magnitude.factor(), currency),
            Quantity::Count { n: count, decimals, of } => {
                let s = n(count, decimals);
                match of {
                    Some(whole) => format!("{s}（共{}）", n(whole, decimals)),
                    None => s,
                }
            }
            Quantity::Multiple { x, decimals } => format!("{}倍", n(x, decimals)),
            Quantity::Month(index) => format!("{}年{}月", index.div_euclid(12), index.rem_euclid(12) + 1),
            Quantity::Year(year) => format!("{year}年"),
            Quantity::Duration { years, decimals } => format!("{}年", format::zh_amount(years, usize::from(decimals))),
            Quantity::Words(words) => words.to_string(),
        }
    }

    /// An amount given in US dollars, as `money` writes it.
    pub fn money(money: format::Money, usd: f64, decimals: u8, magnitude: Magnitude) -> Quantity {
        Quantity::Money { amount: money.of(usd), decimals, magnitude, currency: money.currency }
    }
}

/// One live result of a calculator.
#[derive(Clone, Debug, PartialEq)]
pub struct Output {
    /// Stable id within the calculator (`data-testid="out-<id>"`).
    pub id: &'static str,
    /// What the number is.
    pub label: &'static str,
    pub value: Quantity,
    /// The sentence under the number; may be empty.
    pub note: String,
    /// Marks the reader's own scenario with the accent colour.
    pub reader: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_reads_as_expected() {
        let text = |q: Quantity| q.text(Lang::En);
        assert_eq!(text(Quantity::Share { percent: 87.71, decimals: 1, per: Per::Year }), "87.7% a year");
        assert_eq!(text(Quantity::Share { percent: 10.0, decimals: 1, per: Per::None }), "10.0%");
        assert_eq!(text(Quantity::Money { amount: -10.26, decimals: 1, magnitude: Magnitude::Millions, currency: Currency::Usd }), "−US$10.3 m");
        assert_eq!(text(Quantity::Money { amount: 999.4, decimals: 1, magnitude: Magnitude::Billions, currency: Currency::Cny }), "CN¥999.4 bn");
        assert_eq!(text(Quantity::Count { n: 90.0, decimals: 0, of: Some(460.0) }), "90 of 460");
        assert_eq!(text(Quantity::Multiple { x: 5400.0, decimals: 0 }), "5,400×");
        assert_eq!(text(Quantity::Month(2025 * 12)), "January 2025");
        assert_eq!(text(Quantity::Year(2032)), "2032");
        assert_eq!(text(Quantity::Duration { years: 1.0, decimals: 1 }), "1 year");
        assert_eq!(text(Quantity::Words("Never")), "Never");
        let zh = |q: Quantity| q.text(Lang::Zh);
        assert_eq!(zh(Quantity::Share { percent: 87.71, decimals: 1, per: Per::Year }), "87.7%");
        assert_eq!(zh(Quantity::Count { n: 9000.0, decimals: 0, of: Some(46_000.0) }), "9000（共4.6万）");
        assert_eq!(zh(Quantity::Multiple { x: 43_200.0, decimals: 0 }), "4.32万倍");
        assert_eq!(zh(Quantity::Money { amount: -10.26, decimals: 1, magnitude: Magnitude::Millions, currency: Currency::Usd }), "−1026万美元");
        assert_eq!(zh(Quantity::Money { amount: 999.4, decimals: 1, magnitude: Magnitude::Billions, currency: Currency::Cny }), "9994亿元");
        assert_eq!(zh(Quantity::Count { n: 90.0, decimals: 0, of: Some(460.0) }), "90（共460）");
        assert_eq!(zh(Quantity::Multiple { x: 5400.0, decimals: 0 }), "5400倍");
        assert_eq!(zh(Quantity::Month(2025 * 12)), "2025年1月");
        assert_eq!(zh(Quantity::Year(2032)), "2032年");
        assert_eq!(zh(Quantity::Duration { years: 1.44, decimals: 1 }), "1.4年");
    }
}
