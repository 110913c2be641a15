//! The one formatter: every number a reader sees (outputs, chart labels,
//! tables, the working, facts in the story) is written here, so the same
//! value reads the same everywhere, natively and in the browser.
//!
//! Conventions: comma thousands separators, a point for decimals, a true
//! minus sign (U+2212) placed before any currency symbol, and an en dash for
//! a value that is not finite, so "NaN" can never reach a page.

use crate::text::num;

/// The minus sign written before negative numbers.
pub const MINUS: char = '−';

/// `x` with `decimals` places and comma thousands separators: "1,234.5",
/// "−0.3". A value that rounds to zero has no sign.
pub fn grouped(x: f64, decimals: usize) -> String {
    let Some(text) = num::fixed(x.abs(), decimals) else {
        return not_a_number();
    };
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_str(), None),
    };
    let mut out = String::with_capacity(text.len() + text.len() / 3 + 4);
    if x < 0.0 && text.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
        out.push(MINUS);
    }
    let digits = int.len();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (digits - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    if let Some(frac) = frac {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// What a value that is not finite is written as. Nothing should ever ask
/// for it: test builds count each time it happens ([`not_finite_count`]), so
/// the calculators' property tests can prove that no NaN reaches a page.
fn not_a_number() -> String {
    #[cfg(test)]
    NOT_FINITE.with(|n| n.set(n.get() + 1));
    "–".into()
}

#[cfg(test)]
thread_local! {
    static NOT_FINITE: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// How many values that are not finite this thread has formatted (tests only).
#[cfg(test)]
pub fn not_finite_count() -> usize {
    NOT_FINITE.with(|n| n.get())
}

/// [`amount`], then trailing zeros after the point dropped: "1.5", "2",
/// "11,471" (no decimals from 10,000 on).
pub fn trimmed(x: f64, decimals: usize) -> String {
    without_trailing_zeros(amount(x, decimals))
}

/// A number as written, without zeros after the point, or the point itself
/// when nothing follows it.
pub fn without_trailing_zeros(s: String) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// A short label for chart axes: about three significant figures, trailing
/// zeros dropped ("0.5", "12", "1,400", "0.0123").
pub fn axis(x: f64) -> String {
    let magnitude = x.abs();
    let decimals = if !magnitude.is_finite() || magnitude == 0.0 || magnitude >= 100.0 {
        0
    } else if magnitude >= 10.0 {
        1
    } else if magnitude >= 1.0 {
        2
    } else {
        // Enough places to show three significant figures of small values.
        num::clamp(2.0 - magnitude.log10().floor(), 0.0, 8.0) as usize
    };
    trimmed(x, decimals)
}

/// An axis label as Chinese text writes it: [`axis`]'s figures, without
/// thousands separators ("1400", "0.5").
pub fn axis_zh(x: f64) -> String {
    without_separators(&axis(x))
}

/// A number as Chinese text writes it: `decimals` places, the true minus
/// sign, no thousands separators ("−1026.5").
pub fn plain(x: f64, decimals: usize) -> String {
    without_separators(&grouped(x, decimals))
}

/// `text` without thousands separators.
fn without_separators(text: &str) -> String {
    text.chars().filter(|&c| c != ',').collect()
}

/// Whole numbers below ten as words, as a newspaper writes them ("three
/// labs"); other numbers grouped.
pub fn count(x: f64) -> String {
    const WORDS: [&str; 10] = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
    match WORDS.get(x as usize) {
        Some(word) if x.fract() == 0.0 && x >= 0.0 => (*word).to_string(),
        _ => grouped(x, 0),
    }
}

/// A percentage: `percent(87.7, 1)` is "87.7%". A share strictly between
/// 0% and 100% never reads as either: it gets more places until it does
/// not ("99.99%", "0.004%"); see [`percent_places`].
pub fn percent(value: f64, decimals: usize) -> String {
    let mut s = amount(value, percent_places(value, decimals));
    s.push('%');
    s
}

/// The places [`percent`] writes `value` with, asked for `decimals`:
/// more, up to six, where fewer would round a share strictly between 0%
/// and 100% to one of them.
pub fn percent_places(value: f64, decimals: usize) -> usize {
    let mut places = decimals;
    while places < 6 && value > 0.0 && value < 100.0 {
        let shown = amount(value, places);
        let digits: String = shown.chars().filter(|c| c.is_ascii_digit() || *c == '.').collect();
        let n = crate::text::num::parse(&digits).unwrap_or(value);
        if n > 0.0 && n < 100.0 {
            break;
        }
        places += 1;
    }
    places
}

/// A multiple: `multiple(10.0, 1)` is "10.0×".
pub fn multiple(x: f64, decimals: usize) -> String {
    let mut s = amount(x, decimals);
    s.push('×');
    s
}

/// Part of a group, as words can give a percentage of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// None of it: 0%.
    None,
    /// `k` in `n`, in lowest terms; `about` unless exact.
    Of { k: u32, n: u32, about: bool },
    /// 90% or more, short of all.
    NearlyAll,
    /// All of it: 100%.
    All,
    /// Below one in 1,000.
    FewerThanOneInAThousand,
}

/// The part of a group a percentage is, in the simplest words that stay
/// true: none, all, nearly all (90% or more), the simplest k in n (n up to
/// 10) within 5% of it, else the nearest k in n or one in n (always within
/// 10% of it), or fewer than one in 1,000.
pub fn part(percent: f64) -> Part {
    // NaN, zero and below: none.
    if percent.is_nan() || percent <= 0.0 {
        return Part::None;
    }
    if percent >= 100.0 {
        return Part::All;
    }
    if percent >= 90.0 {
        return Part::NearlyAll;
    }
    let off = |k: u32, n: u32| {
        let t = f64::from(k) * 100.0 / f64::from(n);
        (percent - t).abs() / t
    };
    // In lowest terms, simplest first: "1 in 2" before "2 in 4".
    let simple = (2..=10u32).flat_map(|n| (1..n).map(move |k| (k, n))).filter(|&(k, n)| (2..=k).all(|d| k % d != 0 || n % d != 0));
    let many = (11..=1000u32).map(|n| (1, n));
    let candidates: Vec<(u32, u32)> = simple.chain(many).collect();
    let exact = candidates.iter().find(|&&(k, n)| off(k, n) < 1e-9);
    let near = candidates.iter().find(|&&(k, n)| off(k, n) <= 0.05);
    let best = candidates.iter().min_by(|a, b| off(a.0, a.1).total_cmp(&off(b.0, b.1)));
    match exact.or(near).or(best) {
        Some(&(k, n)) if off(k, n) <= 0.10 => Part::Of { k, n, about: off(k, n) >= 1e-9 },
        _ => Part::FewerThanOneInAThousand,
    }
}

impl Part {
    /// The part in words, whole numbers below ten spelled out: "about one
    /// in five", "seven in 10", "one in 11", "none", "nearly all", "all".
    pub fn words(self) -> String {
        match self {
            Part::None => "none".into(),
            Part::All => "all".into(),
            Part::NearlyAll => "nearly all".into(),
            Part::Of { k, n, about } => format!("{}{} in {}", if about { "about " } else { "" }, count(f64::from(k)), count(f64::from(n))),
            Part::FewerThanOneInAThousand => "fewer than one in 1,000".into(),
        }
    }

    /// The part in Chinese: "约五分之一", "十分之七", "无", "接近全部",
    /// "全部", "不到千分之一".
    pub fn words_zh(self) -> String {
        match self {
            Part::None => "无".into(),
            Part::All => "全部".into(),
            Part::NearlyAll => "接近全部".into(),
            Part::Of { k, n, about } => format!("{}{}分之{}", if about { "约" } else { "" }, zh_numeral(n), zh_numeral(k)),
            Part::FewerThanOneInAThousand => "不到千分之一".into(),
        }
    }
}

/// A number and its unit, the unit singular when the number reads as 1:
/// "1 year", "1.5 years", "8 minutes".
pub fn with_unit(x: f64, decimals: usize, singular: &str, plural: &str) -> String {
    let n = trimmed(x, decimals);
    let unit = if n == "1" { singular } else { plural };
    format!("{n} {unit}")
}

/// A span of years: "1 year", "1.1 years".
pub fn years(x: f64, decimals: usize) -> String {
    with_unit(x, decimals, "year", "years")
}

/// A duration given in minutes, in the largest unit that keeps it readable:
/// "8 minutes", "1.5 hours", "30 days".
pub fn duration(minutes: f64) -> String {
    if minutes < 60.0 {
        with_unit(minutes, 1, "minute", "minutes")
    } else if minutes < MINUTES_PER_DAY {
        with_unit(minutes / 60.0, 1, "hour", "hours")
    } else {
        with_unit(minutes / MINUTES_PER_DAY, 1, "day", "days")
    }
}

/// [`duration`] in Chinese: "8分钟", "1.5小时", "30天".
pub fn duration_zh(minutes: f64) -> String {
    if minutes < 60.0 {
        format!("{}分钟", zh_amount(minutes, 1))
    } else if minutes < MINUTES_PER_DAY {
        format!("{}小时", zh_amount(minutes / 60.0, 1))
    } else {
        format!("{}天", zh_amount(minutes / MINUTES_PER_DAY, 1))
    }
}

/// Minutes in a day.
pub const MINUTES_PER_DAY: f64 = 1440.0;

/// A calendar month counted from year 0 (`year * 12 + month - 1`):
/// "January 2025".
pub fn month(index: i64) -> String {
    const NAMES: [&str; 12] =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    let name = NAMES.get(index.rem_euclid(12) as usize).copied().unwrap_or_default();
    format!("{name} {}", index.div_euclid(12))
}

/// The currency money is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Currency {
    /// US dollars, "US$".
    #[default]
    Usd,
    /// Chinese yuan (renminbi), "CN¥".
    Cny,
}

impl Currency {
    /// Its name in Chinese after an amount: "美元", "元".
    pub fn zh(self) -> &'static str {
        match self {
            Currency::Usd => "美元",
            Currency::Cny => "元",
        }
    }

    /// The symbol written before an amount.
    pub fn symbol(self) -> &'static str {
        match self {
            Currency::Usd => "US$",
            Currency::Cny => "CN¥",
        }
    }

    /// Its code in links: `usd`, `cny`.
    pub fn code(self) -> &'static str {
        match self {
            Currency::Usd => "usd",
            Currency::Cny => "cny",
        }
    }

    /// The currency with this code (any case), if any.
    pub fn parse(code: &str) -> Option<Currency> {
        [Currency::Usd, Currency::Cny].into_iter().find(|c| code.eq_ignore_ascii_case(c.code()))
    }
}

/// Money as the reader chose to read it: US dollars, as the figures were
/// reported, or yuan at a rate. Amounts are kept in US dollars and
/// converted only as they are written or drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Money {
    pub currency: Currency,
    /// Yuan per US dollar (used for yuan only).
    pub rate: f64,
}

impl Money {
    /// US dollars, as reported.
    pub const USD: Money = Money { currency: Currency::Usd, rate: 1.0 };

    /// The least and greatest rate a reader may choose, yuan per US dollar.
    pub const RATES: (f64, f64) = (1.0, 20.0);

    /// An amount given in US dollars, in this currency.
    pub fn of(self, usd: f64) -> f64 {
        match self.currency {
            Currency::Usd => usd,
            Currency::Cny => usd * self.rate,
        }
    }

    /// An amount in US dollars, written in this currency: "CN¥1,000 bn".
    pub fn text(self, usd: f64, decimals: usize, magnitude: Magnitude) -> String {
        money(self.of(usd), decimals, magnitude, self.currency)
    }

    /// An amount in US dollars as prose writes it: "CN¥1,000 billion".
    pub fn words(self, usd: f64, decimals: usize, magnitude: Magnitude) -> String {
        money_in_words(self.of(usd), decimals, magnitude, self.currency)
    }

    /// The unit of a column or an axis: "US$ bn", "CN¥ m", "US$".
    pub fn unit(self, magnitude: Magnitude) -> String {
        format!("{}{}", self.currency.symbol(), magnitude.short())
    }

    /// An amount in US dollars, counted in `magnitude`, as `lang` writes
    /// it in a sentence or an output: "US$139.9 bn"; "1399亿美元", in 万,
    /// 亿 or 万亿 as leaves one to four digits, about four figures shown.
    pub fn say(self, lang: Lang, usd: f64, decimals: usize, magnitude: Magnitude) -> String {
        match lang.in_build() {
            Lang::En => self.text(usd, decimals, magnitude),
            Lang::Zh => zh_money_figure(self.of(usd) * magnitude.factor(), self.currency),
        }
    }

    /// The unit of a column or an axis in `lang`: "US$ bn", "亿美元",
    /// "万元" (see [`Magnitude::zh`]).
    pub fn unit_in(self, lang: Lang, magnitude: Magnitude) -> String {
        match lang.in_build() {
            Lang::En => self.unit(magnitude),
            Lang::Zh => format!("{}{}", magnitude.zh().1, self.currency.zh()),
        }
    }

    /// [`Money::noted`] in `lang`: "亿元（按1美元兑7.14元换算，本站换算）".
    pub fn noted_in(self, lang: Lang, text: &str) -> String {
        match (lang.in_build(), self.currency) {
            (Lang::En, _) => self.noted(text),
            (Lang::Zh, Currency::Usd) => text.to_string(),
            (Lang::Zh, Currency::Cny) => format!("{text}（按1美元兑{}元换算，本站换算）", trimmed(self.rate, 2)),
        }
    }

    /// Says how yuan were reached, for a subtitle or a note: empty for
    /// dollars; "at 7.14 yuan per US dollar, our conversion" for yuan.
    pub fn conversion(self) -> String {
        match self.currency {
            Currency::Usd => String::new(),
            Currency::Cny => format!("at {} yuan per US dollar, our conversion", grouped(self.rate, 2)),
        }
    }

    /// `text` with [`Money::conversion`] after it in brackets, if any:
    /// "CN¥ bn (at 7.14 yuan per US dollar, our conversion)".
    pub fn noted(self, text: &str) -> String {
        match self.currency {
            Currency::Usd => text.to_string(),
            Currency::Cny => format!("{text} ({})", self.conversion()),
        }
    }
}

/// The unit an amount of money is counted in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Magnitude {
    Ones,
    Millions,
    Billions,
    Trillions,
}

impl Magnitude {
    /// The Chinese unit a column or axis counted in this magnitude uses,
    /// and what a value in this magnitude is multiplied by to be counted
    /// in it: billions are counted in 亿 (×10), millions in 亿 too
    /// (×0.01: an investment of US$100 m is 1亿美元), trillions in 万亿,
    /// single dollars in 万 (a bill of US$120,000 is 12万美元).
    pub fn zh(self) -> (f64, &'static str) {
        match self {
            Magnitude::Ones => (1e-4, "万"),
            Magnitude::Millions => (0.01, "亿"),
            Magnitude::Billions => (10.0, "亿"),
            Magnitude::Trillions => (1.0, "万亿"),
        }
    }

    /// How many ones it stands for: 1e9 for billions.
    pub fn factor(self) -> f64 {
        match self {
            Magnitude::Ones => 1.0,
            Magnitude::Millions => 1e6,
            Magnitude::Billions => 1e9,
            Magnitude::Trillions => 1e12,
        }
    }

    /// The short unit written after the number in outputs and charts.
    pub fn short(self) -> &'static str {
        match self {
            Magnitude::Ones => "",
            Magnitude::Millions => " m",
            Magnitude::Billions => " bn",
            Magnitude::Trillions => " tn",
        }
    }

    /// The unit as a word, for prose.
    pub fn word(self) -> &'static str {
        match self {
            Magnitude::Ones => "",
            Magnitude::Millions => " million",
            Magnitude::Billions => " billion",
            Magnitude::Trillions => " trillion",
        }
    }
}

/// A number as a sentence writes it: `decimals` places, but none once it
/// reaches 10,000, where they would only add noise ("14,580", "3.2").
pub fn amount(x: f64, decimals: usize) -> String {
    // Decided on the number as written: 9,999.96 rounds up to 10,000.0.
    let mut half = 0.5;
    for _ in 0..decimals {
        half /= 10.0;
    }
    grouped(x, if x.abs() >= 10_000.0 - half { 0 } else { decimals })
}

/// An amount of money, already in `magnitude`'s unit, with the sign before
/// the currency: "US$140.0 bn", "−US$10.3 m", "US$420,000".
pub fn money(amount: f64, decimals: usize, magnitude: Magnitude, currency: Currency) -> String {
    money_with(amount, decimals, magnitude.short(), currency)
}

/// Money as prose writes it: "US$3.2 billion".
pub fn money_in_words(amount: f64, decimals: usize, magnitude: Magnitude, currency: Currency) -> String {
    money_with(amount, decimals, magnitude.word(), currency)
}

fn money_with(value: f64, decimals: usize, unit: &str, currency: Currency) -> String {
    let number = amount(value, decimals);
    let (sign, digits) = match number.strip_prefix(MINUS) {
        Some(rest) => ("−", rest),
        None => ("", number.as_str()),
    };
    format!("{sign}{}{digits}{unit}", currency.symbol())
}

/// A text in English and Chinese, for a `static`: `[en, zh]`, except that a
/// bundle built for one language (see [`Lang::in_build`]) keeps only that
/// language's words, the other left empty. (Words chosen in code need no
/// such care: the other language's branch folds away there.)
#[macro_export]
macro_rules! both {
    ($en:expr, $zh:expr $(,)?) => {
        [if cfg!(feature = "only-zh") { "" } else { $en }, if cfg!(feature = "only-en") { "" } else { $zh }]
    };
}

/// The language a text is written in: English, or Simplified Chinese.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    /// Its place in a pair of texts that every bundle carries in both
    /// languages (a widget's title, for a snippet in the other language):
    /// 0 for English, 1 for Chinese, whatever the build.
    pub fn index(self) -> usize {
        match self {
            Lang::En => 0,
            Lang::Zh => 1,
        }
    }

    /// The language's tag, for `lang` and `hreflang`: "en", "zh-Hans".
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-Hans",
        }
    }

    /// The language as this build writes it: in a bundle built for one
    /// language (feature `only-en` or `only-zh`) always that one, a
    /// constant, so the other language's branches and words fold away;
    /// elsewhere `self`. Every function that chooses words by a `Lang` it
    /// was given narrows it with this first.
    #[inline(always)]
    pub fn in_build(self) -> Lang {
        if cfg!(feature = "only-en") {
            Lang::En
        } else if cfg!(feature = "only-zh") {
            Lang::Zh
        } else {
            self
        }
    }

    /// Of a pair of texts, English first, the one in this language.
    #[inline(always)]
    pub fn pick<T: Copy>(self, both: [T; 2]) -> T {
        match self.in_build() {
            Lang::En => both[0],
            Lang::Zh => both[1],
        }
    }
}

/// A whole number from 0 to 9,999 in Chinese numerals, as fractions are
/// read: 5 "五", 11 "十一", 105 "一百零五", 110 "一百一十"; larger numbers
/// in digits.
pub fn zh_numeral(n: u32) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    const PLACES: [&str; 4] = ["千", "百", "十", ""];
    if n >= 10_000 {
        return count(f64::from(n));
    }
    if n == 0 {
        return DIGITS[0].into();
    }
    // 10 to 19 drop the leading 一: 十一, not 一十一.
    if (10..20).contains(&n) {
        return format!("十{}", if n == 10 { "" } else { DIGITS[(n - 10) as usize] });
    }
    let digits = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let mut out = String::new();
    let mut zero = false;
    for (i, &d) in digits.iter().enumerate() {
        if d == 0 {
            zero = !out.is_empty();
            continue;
        }
        if zero {
            out.push_str(DIGITS[0]);
            zero = false;
        }
        out.push_str(DIGITS[d as usize]);
        out.push_str(PLACES[i]);
    }
    out
}

/// Chinese units of large numbers, each 10⁴ times the one before: none,
/// 万 (10⁴), 亿 (10⁸), 万亿 (10¹²).
const ZH_UNITS: [(f64, &str); 4] = [(1.0, ""), (1e4, "万"), (1e8, "亿"), (1e12, "万亿")];

/// A plain amount as Chinese financial writing gives it: in 万, 亿 or 万亿,
/// whichever leaves one to four digits before the decimal point, with at
/// most `decimals` places and no trailing zeros, no thousands separators,
/// and the true minus sign: 3.2e9 is "32亿", 1.4e12 "1.4万亿", 420,000
/// "42万", 1.4e11 "1400亿", 3,000 "3000". A value that rounds up past
/// four digits takes the next unit (9,999.96万 with one place is "1亿").
pub fn zh_amount(x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return not_a_number();
    }
    // `decimals` places, then no trailing zeros; no separators.
    let plain = |v: f64| without_trailing_zeros(num::fixed(v, decimals).unwrap_or_default());
    let size = x.abs();
    let mut at = ZH_UNITS.iter().rposition(|&(unit, _)| size >= unit).unwrap_or(0);
    let mut text = plain(size / ZH_UNITS[at].0);
    // Decided on the number as written.
    if at + 1 < ZH_UNITS.len() && num::parse(&text).is_some_and(|v| v >= 1e4) {
        at += 1;
        text = plain(size / ZH_UNITS[at].0);
    }
    let sign = if x < 0.0 && num::parse(&text).is_some_and(|v| v != 0.0) { "−" } else { "" };
    format!("{sign}{text}{}", ZH_UNITS[at].1)
}

/// An amount of money in Chinese with about four figures: in 万, 亿 or
/// 万亿 as leaves one to four digits, two places below 10 of its unit,
/// one below 100, none above ("32亿美元", "1399亿美元", "−1026万美元",
/// "1.4万亿美元").
pub fn zh_money_figure(x: f64, currency: Currency) -> String {
    format!("{}{}", zh_figure(x), currency.zh())
}

/// An amount in Chinese with about four figures, in 万, 亿 or 万亿 as
/// leaves one to four digits: "1400亿", "1.4万亿", "32亿", "8.55".
pub fn zh_figure(x: f64) -> String {
    let size = x.abs();
    let at = ZH_UNITS.iter().rposition(|&(unit, _)| size >= unit).unwrap_or(0);
    let v = size / ZH_UNITS[at].0;
    let decimals = if v >= 100.0 {
        0
    } else if v >= 10.0 {
        1
    } else {
        2
    };
    zh_amount(x, decimals)
}

/// Money in Chinese: the amount (in the currency's own units, not
/// billions) by [`zh_amount`], then the currency's name: "32亿美元",
/// "300万元".
pub fn zh_money(x: f64, decimals: usize, currency: Currency) -> String {
    format!("{}{}", zh_amount(x, decimals), currency.zh())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_share_between_none_and_all_never_reads_as_either() {
        assert_eq!(percent(99.99, 0), "99.99%");
        assert_eq!(percent(99.96, 1), "99.96%");
        assert_eq!(percent(0.004, 1), "0.004%");
        assert_eq!(percent(100.0, 1), "100.0%");
        assert_eq!(percent(0.0, 0), "0%");
        assert_eq!(percent(46.0, 0), "46%");
        assert_eq!(percent(150.3, 0), "150%");
    }

    #[test]
    fn sentence_numbers_drop_decimals_from_ten_thousand() {
        assert_eq!(amount(3.21, 1), "3.2");
        assert_eq!(amount(9_999.9, 1), "9,999.9");
        assert_eq!(amount(9_999.96, 1), "10,000");
        assert_eq!(years(11_470.7, 1), "11,471 years");
        assert_eq!(trimmed(9_999.96, 1), "10,000");
        assert_eq!(amount(-125_000.04, 1), "−125,000");
        assert_eq!(money(14_580.0, 1, Magnitude::Billions, Currency::Usd), "US$14,580 bn");
    }

    #[test]
    fn groups_thousands_and_rounds() {
        assert_eq!(grouped(1_400_000.0, 0), "1,400,000");
        assert_eq!(grouped(999.96, 1), "1,000.0");
        assert_eq!(grouped(-1234.5, 1), "−1,234.5");
        assert_eq!(grouped(-0.04, 1), "0.0");
        let before = not_finite_count();
        assert_eq!(grouped(f64::NAN, 1), "–");
        assert_eq!(grouped(f64::INFINITY, 0), "–");
        assert_eq!(not_finite_count(), before + 2, "counted, so tests can catch it");
    }

    #[test]
    fn axis_labels_keep_three_figures_at_any_size() {
        assert_eq!(axis(0.0), "0");
        assert_eq!(axis(0.5), "0.5");
        assert_eq!(axis(0.0123), "0.0123");
        assert_eq!(axis(3.2), "3.2");
        assert_eq!(axis(12.5), "12.5");
        assert_eq!(axis(140.0), "140");
        assert_eq!(axis(1400.0), "1,400");
        assert_eq!(axis(-20.0), "−20");
        assert_eq!(axis(1e20), "100,000,000,000,000,000,000");
    }

    #[test]
    fn small_counts_are_words() {
        assert_eq!(count(3.0), "three");
        assert_eq!(count(300.0), "300");
        assert_eq!(count(12.0), "12");
        assert_eq!(count(-1.0), "−1");
    }

    #[test]
    fn units_agree_with_their_number() {
        assert_eq!(years(1.0, 1), "1 year");
        assert_eq!(years(1.04, 1), "1 year");
        assert_eq!(years(1.1, 1), "1.1 years");
        assert_eq!(duration(8.0), "8 minutes");
        assert_eq!(duration(1.0), "1 minute");
        assert_eq!(duration(90.0), "1.5 hours");
        assert_eq!(duration(43_200.0), "30 days");
        assert_eq!(percent(87.66, 1), "87.7%");
        assert_eq!(multiple(10.0, 1), "10.0×");
    }

    #[test]
    fn months_are_calendar_names() {
        assert_eq!(month(2023 * 12 + 5), "June 2023");
        assert_eq!(month(2025 * 12), "January 2025");
    }

    #[test]
    fn money_puts_the_sign_before_the_currency() {
        assert_eq!(money(140.0, 1, Magnitude::Billions, Currency::Usd), "US$140.0 bn");
        assert_eq!(money(-10.26, 1, Magnitude::Millions, Currency::Usd), "−US$10.3 m");
        assert_eq!(money(-0.01, 1, Magnitude::Millions, Currency::Usd), "US$0.0 m");
        assert_eq!(money(420_000.0, 0, Magnitude::Ones, Currency::Usd), "US$420,000");
        assert_eq!(money_in_words(3.2, 1, Magnitude::Billions, Currency::Usd), "US$3.2 billion");
    }

    #[test]
    fn yuan_are_dollars_at_the_rate_and_say_so() {
        let cny = Money { currency: Currency::Cny, rate: 3_000_000.0 / 420_000.0 };
        assert_eq!(cny.text(140.0, 0, Magnitude::Billions), "CN¥1,000 bn");
        assert_eq!(cny.text(-10.26, 1, Magnitude::Millions), "−CN¥73.3 m");
        assert_eq!(cny.words(420_000.0, 0, Magnitude::Ones), "CN¥3,000,000");
        assert_eq!(cny.unit(Magnitude::Billions), "CN¥ bn");
        assert_eq!(cny.noted("CN¥ bn"), "CN¥ bn (at 7.14 yuan per US dollar, our conversion)");
        assert_eq!(Money::USD.text(140.0, 0, Magnitude::Billions), "US$140 bn");
        assert_eq!(Money::USD.noted("x"), "x");
        assert_eq!(Money::USD.unit(Magnitude::Ones), "US$");
        assert_eq!(Currency::parse("CNY"), Some(Currency::Cny));
        assert_eq!(Currency::parse("eur"), None);
    }

    #[test]
    fn chinese_amounts_take_the_unit_that_leaves_one_to_four_digits() {
        assert_eq!(zh_money(3.2e9, 1, Currency::Usd), "32亿美元");
        assert_eq!(zh_money(1.4e11, 1, Currency::Usd), "1400亿美元");
        assert_eq!(zh_money(1.4e12, 1, Currency::Usd), "1.4万亿美元");
        assert_eq!(zh_money(420_000.0, 0, Currency::Usd), "42万美元");
        assert_eq!(zh_money(3_000_000.0, 0, Currency::Cny), "300万元");
        assert_eq!(zh_amount(3000.0, 0), "3000");
        assert_eq!(zh_amount(0.5, 1), "0.5");
        assert_eq!(zh_amount(-2.5e8, 1), "−2.5亿");
        // Rounds up past four digits: the next unit.
        assert_eq!(zh_amount(99_999_600.0, 1), "1亿");
        assert_eq!(zh_amount(-0.01, 1), "0");
        assert_eq!(zh_amount(f64::NAN, 1), not_a_number());
    }

    proptest! {
        #![proptest_config(crate::cases(512))]
        /// Read back, a Chinese amount is the value to the precision shown,
        /// with one to four digits before the point (more only past 万亿).
        #[test]
        fn a_chinese_amount_reads_back_as_its_value(mantissa in 1.0f64..10.0, power in 0i32..15, decimals in 0usize..3, negative in any::<bool>()) {
            let x = if negative { -1.0 } else { 1.0 } * mantissa * 10f64.powi(power);
            let text = zh_amount(x, decimals);
            // Read back with the units' definitions, not the table under test.
            let (unit, digits) = [("万亿", 1e12), ("亿", 1e8), ("万", 1e4)]
                .into_iter()
                .find_map(|(name, u)| text.strip_suffix(name).map(|d| (u, d)))
                .unwrap_or((1.0, text.as_str()));
            let shown = num::parse(&digits.replace('−', "-")).unwrap();
            let step = 10f64.powi(-(decimals as i32)) * unit;
            prop_assert!((shown * unit - x).abs() <= step / 2.0 * (1.0 + 1e-9), "{x} written {text}");
            let whole = digits.trim_start_matches('−').split('.').next().unwrap().len();
            prop_assert!((1..=4).contains(&whole), "{x} written {text}");
        }
    }

    /// Reads Chinese numerals back, from their definitions: a digit
    /// multiplies the place after it; a lone 十 at the start is ten.
    fn read_numeral(text: &str) -> u32 {
        let digit = |c| "零一二三四五六七八九".chars().position(|d| d == c).map(|d| d as u32);
        let (mut total, mut pending) = (0, None);
        for c in text.chars() {
            match (c, digit(c)) {
                (_, Some(d)) => pending = Some(d),
                ('十', _) => total += pending.take().unwrap_or(1) * 10,
                ('百', _) => total += pending.take().unwrap_or(0) * 100,
                ('千', _) => total += pending.take().unwrap_or(0) * 1000,
                _ => panic!("{text}"),
            }
        }
        total + pending.unwrap_or(0)
    }

    #[test]
    fn chinese_numerals_and_parts() {
        for (n, text) in [
            (0, "零"),
            (5, "五"),
            (10, "十"),
            (11, "十一"),
            (20, "二十"),
            (105, "一百零五"),
            (110, "一百一十"),
            (1005, "一千零五"),
            (9999, "九千九百九十九"),
        ] {
            assert_eq!(zh_numeral(n), text);
        }
        assert_eq!(part(20.5).words_zh(), "约五分之一");
        assert_eq!(part(70.0).words_zh(), "十分之七");
        assert_eq!(part(95.0).words_zh(), "接近全部");
        assert_eq!(part(0.01).words_zh(), "不到千分之一");
        assert_eq!(Lang::Zh.pick(["a", "b"]), "b");
    }

    #[test]
    fn chinese_money_has_about_four_figures_in_one_unit() {
        assert_eq!(zh_money_figure(3.2e9, Currency::Usd), "32亿美元");
        assert_eq!(zh_money_figure(139.94e9, Currency::Usd), "1399亿美元");
        assert_eq!(zh_money_figure(-10.26e6, Currency::Usd), "−1026万美元");
        assert_eq!(zh_money_figure(1.4e12, Currency::Usd), "1.4万亿美元");
        assert_eq!(zh_money_figure(3e6, Currency::Cny), "300万元");
        assert_eq!(zh_money_figure(36.4e9, Currency::Usd), "364亿美元");
        assert_eq!(zh_money_figure(5.25e9, Currency::Usd), "52.5亿美元");
        let yuan = Money { currency: Currency::Cny, rate: 7.14 };
        assert_eq!(yuan.say(Lang::Zh, 140.0, 1, Magnitude::Billions), "9996亿元");
        assert_eq!(yuan.say(Lang::En, 140.0, 1, Magnitude::Billions), "CN¥999.6 bn");
        assert_eq!(yuan.unit_in(Lang::Zh, Magnitude::Billions), "亿元");
        assert_eq!(Money::USD.unit_in(Lang::Zh, Magnitude::Millions), "亿美元");
        assert_eq!(yuan.noted_in(Lang::Zh, "亿元"), "亿元（按1美元兑7.14元换算，本站换算）");
        assert_eq!(axis_zh(1400.0), "1400");
    }

    proptest! {
        #[test]
        fn chinese_numerals_read_back(n in 0u32..10_000) {
            prop_assert_eq!(read_numeral(&zh_numeral(n)), n);
        }
    }
}
