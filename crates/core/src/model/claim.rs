//! What a sentence claims, kept beside its words: the quantity it speaks
//! of, the number behind it, and what the words say about that number (a
//! fraction of a group, a comparison, a direction, a threshold, a line on
//! the chart). Words for numbers are chosen here, from the numbers, and
//! every choice is recorded as a [`Claim`], so the rules in [`check`] can
//! test what a card says against what it computed without reading
//! English, and will hold for any language the words are written in.

use crate::text::format::{self, Lang};

/// One thing a sentence says about a number.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    /// The quantity, named within its calculator ("conversion", "bill").
    pub about: &'static str,
    /// The number behind the words, unrounded: a percentage for a
    /// fraction or a share, a ratio for a comparison, a rate of change for a
    /// direction; NaN or infinite for "never".
    pub value: f64,
    /// What the words say the number is.
    pub says: Says,
    /// The words, as written.
    pub words: String,
}

/// How two numbers compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    Less,
    Same,
    More,
}

/// What words say about a number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Says {
    /// A percentage of a group as `k` in `n` ("7 in 10"; "about 1 in 5"
    /// when `about`): within 10% of k ÷ n, or exactly it.
    Fraction { k: u32, n: u32, about: bool },
    /// None of the group: exactly 0%.
    NoneOf,
    /// Nearly all of the group: 90% or more, but not all.
    NearlyAll,
    /// All of the group: exactly 100%.
    All,
    /// A number written with `decimals` places (a percentage, an amount).
    Written { decimals: u8 },
    /// A ratio against 1 (faster, above, as fast as): more, the same (as
    /// written with `decimals`), or less.
    Ratio { order: Order, decimals: u8 },
    /// A direction of change (grows, holds, falls): the rate is above zero,
    /// zero, or below it.
    Change(Order),
    /// At least `0` ("already half").
    AtLeast(f64),
    /// Below `0` ("not yet half").
    Below(f64),
    /// Never: no finite number.
    Never,
    /// A chart's line named `series` is drawn, and reaches `level` within
    /// what is drawn, or stays below it (`reaches` false).
    Drawn { series: &'static str, level: f64, reaches: bool },
}

/// 10 to the power `decimals`, exactly.
fn ten_to(decimals: u8) -> f64 {
    (0..decimals).fold(1.0, |k, _| k * 10.0)
}

/// A claim's number rounded to `decimals` places, as text shows it.
fn rounded(x: f64, decimals: u8) -> f64 {
    let k = ten_to(decimals);
    (x * k).round() / k
}

/// Why a claim's words do not fit its number, if they do not. (A claim
/// about a chart's line is checked against the chart: [`drawn`].)
pub fn check(c: &Claim) -> Result<(), String> {
    let v = c.value;
    let fail = |why: String| Err(format!("{:?} about {} ({v}): {why}", c.words, c.about));
    let finite = v.is_finite();
    if !finite && !matches!(c.says, Says::Never | Says::Drawn { .. }) {
        return fail("words for a number that is not one".into());
    }
    match c.says {
        Says::Fraction { k, n, about } => {
            let target = f64::from(k) * 100.0 / f64::from(n);
            let off = (v - target).abs() / target;
            if k == 0 || k >= n {
                fail(format!("{k} in {n} is not a fraction of a group"))
            } else if about && off > 0.10 {
                fail(format!("more than 10% from {k} in {n} ({target:.1}%)"))
            } else if !about && off > 1e-9 {
                fail(format!("not exactly {k} in {n}"))
            } else {
                Ok(())
            }
        }
        Says::NoneOf if v != 0.0 => fail("'none' of a share above 0".into()),
        Says::All if v < 100.0 => fail("'all' of a share below 100%".into()),
        Says::NearlyAll if !(90.0..100.0).contains(&v) => fail("'nearly all' needs 90% or more, short of all".into()),
        Says::Written { decimals } => {
            let shown = rounded(v, decimals);
            if v < 100.0 && shown >= 100.0 && v > 0.0 && c.words.contains('%') {
                fail("a percentage below 100% written as 100%".into())
            } else if v > 0.0 && shown == 0.0 && c.words.contains('%') && !c.words.contains('<') {
                fail("a percentage above 0% written as 0%".into())
            } else {
                Ok(())
            }
        }
        Says::Ratio { order, decimals } => {
            let shown = rounded(v, decimals);
            match order {
                Order::More if shown <= 1.0 => fail(format!("'more' of a ratio written as {shown}")),
                Order::Less if shown >= 1.0 => fail(format!("'less' of a ratio written as {shown}")),
                Order::Same if shown != 1.0 => fail(format!("'the same' of a ratio written as {shown}")),
                _ => Ok(()),
            }
        }
        Says::Change(order) => match order {
            Order::More if v <= 0.0 => fail("'grows' of a change that is not above zero".into()),
            Order::Less if v >= 0.0 => fail("'falls' of a change that is not below zero".into()),
            Order::Same if v != 0.0 => fail("'holds' of a change that is not zero".into()),
            _ => Ok(()),
        },
        Says::AtLeast(level) if v < level => fail(format!("below {level}")),
        Says::Below(level) if v >= level => fail(format!("not below {level}")),
        Says::Never if finite => fail("'never' of a number that exists".into()),
        _ => Ok(()),
    }
}

/// Why a claim about a chart's line does not fit the lines drawn (each a
/// name and its points), if it does not.
pub fn drawn(c: &Claim, lines: &[(&str, &[(f64, f64)])]) -> Result<(), String> {
    let Says::Drawn { series, level, reaches } = c.says else { return Ok(()) };
    let Some((_, points)) = lines.iter().find(|(name, points)| *name == series && !points.is_empty()) else {
        return Err(format!("{:?}: no line {series:?} is drawn", c.words));
    };
    let does = points.iter().any(|p| p.1 >= level - 1e-9);
    if does == reaches {
        Ok(())
    } else {
        Err(format!("{:?}: the line {series:?} {} {level}", c.words, if does { "reaches" } else { "stays below" }))
    }
}

/// Two claims about the same quantity that cannot both hold: they speak
/// of different numbers, or of ranges that do not meet.
pub fn contradiction(a: &Claim, b: &Claim) -> Option<String> {
    if a.about != b.about {
        return None;
    }
    let same_number = (a.value.is_nan() && b.value.is_nan()) || a.value == b.value || (a.value - b.value).abs() <= 1e-9 * a.value.abs().max(1.0);
    if !same_number {
        return Some(format!("{:?} and {:?} speak of {} as {} and {}", a.words, b.words, a.about, a.value, b.value));
    }
    let (x, y) = (span(a), span(b));
    (x.0 > y.1 || y.0 > x.1).then(|| format!("{:?} and {:?} say {} is in {x:?} and in {y:?}", a.words, b.words, a.about))
}

/// The numbers a claim allows, as a closed range; an open end is moved in
/// by a hair, so that "grows" and "holds" do not meet at zero.
fn span(c: &Claim) -> (f64, f64) {
    const HAIR: f64 = 1e-12;
    let half = |d: u8| 0.5 / ten_to(d);
    match c.says {
        Says::Fraction { k, n, about } => {
            let t = f64::from(k) * 100.0 / f64::from(n);
            if about {
                (t * 0.9, t * 1.1)
            } else {
                (t, t)
            }
        }
        Says::NoneOf => (0.0, 0.0),
        Says::NearlyAll => (90.0, 100.0 - HAIR),
        Says::All => (100.0, 100.0),
        Says::Written { decimals } => {
            let shown = rounded(c.value, decimals);
            (shown - half(decimals), shown + half(decimals))
        }
        Says::Ratio { order: Order::Same, decimals } => (1.0 - half(decimals), 1.0 + half(decimals)),
        Says::Ratio { order: Order::More, decimals } => (1.0 + half(decimals), f64::INFINITY),
        Says::Ratio { order: Order::Less, decimals } => (f64::NEG_INFINITY, 1.0 - half(decimals)),
        Says::Change(Order::More) => (HAIR, f64::INFINITY),
        Says::Change(Order::Same) => (0.0, 0.0),
        Says::Change(Order::Less) => (f64::NEG_INFINITY, -HAIR),
        Says::AtLeast(level) => (level, f64::INFINITY),
        Says::Below(level) => (f64::NEG_INFINITY, level - HAIR),
        Says::Never | Says::Drawn { .. } => (f64::NEG_INFINITY, f64::INFINITY),
    }
}

/// The claims a card makes, collected as its words are chosen.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Claims(pub Vec<Claim>);

/// A group of things named in the singular and the plural ("adopter",
/// "adopters").
#[derive(Clone, Copy, Debug)]
pub struct Noun {
    pub one: &'static str,
    pub many: &'static str,
}

/// Words for part of a group, and whether a verb after them is singular.
#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    pub words: String,
    pub singular: bool,
}

impl Part {
    /// `one` or `many`, to agree with these words.
    pub fn verb<'a>(&self, one: &'a str, many: &'a str) -> &'a str {
        if self.singular {
            one
        } else {
            many
        }
    }
}

/// What the words for part of a group ([`format::part`]) say.
pub fn fraction_of(percent: f64) -> Says {
    match format::part(percent) {
        format::Part::None => Says::NoneOf,
        format::Part::All => Says::All,
        format::Part::NearlyAll => Says::NearlyAll,
        format::Part::Of { k, n, about } => Says::Fraction { k, n, about },
        format::Part::FewerThanOneInAThousand => Says::Below(0.1),
    }
}

impl Claims {
    /// Records `claim` and returns its words.
    fn say(&mut self, about: &'static str, value: f64, says: Says, words: String) -> String {
        self.0.push(Claim { about, value, says, words: words.clone() });
        words
    }

    /// A percentage of a group (`noun`), in words: "about 1 in 5
    /// adopters", "7 in 10 adopters", "no adopter", "nearly every adopter",
    /// "every adopter", "fewer than 1 in 1,000 adopters".
    pub fn part_of(&mut self, about: &'static str, percent: f64, noun: Noun) -> Part {
        let part = format::part(percent);
        let (words, singular) = match part {
            format::Part::None => (format!("no {}", noun.one), true),
            format::Part::All => (format!("every {}", noun.one), true),
            format::Part::NearlyAll => (format!("nearly every {}", noun.one), true),
            format::Part::Of { k, .. } => (format!("{} {}", part.words(), noun.many), k == 1),
            format::Part::FewerThanOneInAThousand => (format!("{} {}", part.words(), noun.many), true),
        };
        Part { words: self.say(about, percent, fraction_of(percent), words), singular }
    }

    /// [`Claims::part_of`] in `lang`; in Chinese the noun after the
    /// fraction, as the subject of a verb that follows ("约五分之一的采用者",
    /// "几乎所有采用者都", "没有采用者").
    pub fn part_of_in(&mut self, lang: Lang, about: &'static str, percent: f64, noun: Noun) -> Part {
        if lang.in_build() == Lang::En {
            return self.part_of(about, percent, noun);
        }
        let part = format::part(percent);
        let words = match part {
            format::Part::None => format!("没有{}", noun.one),
            // 所有 takes 都 before the verb that follows.
            format::Part::All => format!("所有{}都", noun.one),
            format::Part::NearlyAll => format!("几乎所有{}都", noun.one),
            format::Part::Of { .. } | format::Part::FewerThanOneInAThousand => format!("{}的{}", part.words_zh(), noun.one),
        };
        Part { words: self.say(about, percent, fraction_of(percent), words), singular: true }
    }

    /// [`Claims::fraction`] in `lang`: "约五分之一", "十分之七".
    pub fn fraction_in(&mut self, lang: Lang, about: &'static str, percent: f64) -> String {
        match lang.in_build() {
            Lang::En => self.fraction(about, percent),
            Lang::Zh => self.say(about, percent, fraction_of(percent), format::part(percent).words_zh()),
        }
    }

    /// A percentage as a fraction, without a noun: "about 1 in 5", "7 in
    /// 10", "none", "nearly all", "all".
    pub fn fraction(&mut self, about: &'static str, percent: f64) -> String {
        self.say(about, percent, fraction_of(percent), format::part(percent).words())
    }

    /// A percentage written with `decimals` places ("19.6%"), never "100%"
    /// for less than all nor "0%" for more than none: more places are
    /// written until it is true.
    pub fn percent(&mut self, about: &'static str, percent: f64, decimals: u8) -> String {
        let places = format::percent_places(percent, usize::from(decimals));
        self.say(about, percent, Says::Written { decimals: places as u8 }, format::percent(percent, places))
    }

    /// A ratio against 1 in words: `more` above it, `same` where it reads as
    /// 1 with `decimals` places, `less` below.
    pub fn ratio(&mut self, about: &'static str, ratio: f64, decimals: u8, words: [&str; 3]) -> String {
        let (order, word) = against(rounded(ratio, decimals), 1.0, words);
        self.say(about, ratio, Says::Ratio { order, decimals }, word.to_string())
    }

    /// A direction of change in words: `grows` above zero, `holds` at zero,
    /// `falls` below.
    pub fn change(&mut self, about: &'static str, rate: f64, words: [&str; 3]) -> String {
        let (order, word) = against(rate, 0.0, words);
        self.say(about, rate, Says::Change(order), word.to_string())
    }

    /// Records that `words` say the quantity is at least `level`.
    pub fn at_least(&mut self, about: &'static str, value: f64, level: f64, words: &str) -> String {
        self.say(about, value, Says::AtLeast(level), words.to_string())
    }

    /// Records that `words` say the quantity is below `level`.
    pub fn below(&mut self, about: &'static str, value: f64, level: f64, words: &str) -> String {
        self.say(about, value, Says::Below(level), words.to_string())
    }

    /// Records that `words` say the quantity never comes (`value` is NaN
    /// or infinite when that is true).
    pub fn never(&mut self, about: &'static str, value: f64, words: &str) -> String {
        self.say(about, value, Says::Never, words.to_string())
    }

    /// Records that `words` say the chart's line `series` is drawn and
    /// reaches `level` (or, `reaches` false, stays below it).
    pub fn drawn(&mut self, series: &'static str, level: f64, reaches: bool, words: String) -> String {
        self.say("chart", f64::NAN, Says::Drawn { series, level, reaches }, words)
    }
}

/// Where `x` stands against `pivot`, and the word for it: `words` are
/// (above, at, below).
fn against(x: f64, pivot: f64, words: [&str; 3]) -> (Order, &str) {
    if x > pivot {
        (Order::More, words[0])
    } else if x < pivot {
        (Order::Less, words[2])
    } else {
        (Order::Same, words[1])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(about: &'static str, value: f64, says: Says, words: &str) -> Claim {
        Claim { about, value, says, words: words.into() }
    }

    #[test]
    fn fractions_stay_within_a_tenth_of_the_share_they_name() {
        let words = |p: f64| {
            let mut c = Claims::default();
            let part = c.part_of("x", p, Noun { one: "adopter", many: "adopters" });
            assert_eq!(check(&c.0[0]), Ok(()), "{p}: {}", part.words);
            part.words
        };
        assert_eq!(words(9.0 / 46.0 * 100.0), "about one in five adopters");
        assert_eq!(words(70.0), "seven in 10 adopters");
        assert_eq!(words(40.0), "two in five adopters");
        assert_eq!(words(50.0), "one in two adopters");
        assert_eq!(words(9.0), "about one in 11 adopters");
        assert_eq!(words(0.0), "no adopter");
        assert_eq!(words(100.0), "every adopter");
        assert_eq!(words(95.0), "nearly every adopter");
        assert_eq!(words(0.05), "fewer than one in 1,000 adopters");
        // Every share from 0.1% to 90% finds words within 10%.
        for tenth in 1..900 {
            words(f64::from(tenth) / 10.0);
        }
    }

    #[test]
    fn each_rule_rejects_the_words_that_motivated_it() {
        // "about 1 in 2" for 40% (adopted 50, gains 20), and "nearly all"
        // for 70% (adopted 30, gains 21): the old rounding of 100 ÷ p.
        assert!(check(&claim("conversion", 40.0, Says::Fraction { k: 1, n: 2, about: true }, "about 1 in 2")).is_err());
        assert!(check(&claim("conversion", 70.0, Says::NearlyAll, "nearly all")).is_err());
        assert!(check(&claim("conversion", 66.7, Says::NearlyAll, "nearly all")).is_err());
        // "approved 1× faster than a 1-day review" (1,440 minutes).
        assert!(check(&claim("speed", 1.0, Says::Ratio { order: Order::More, decimals: 0 }, "faster")).is_err());
        // "Use grows as prices fall" at no rise in use and no fall in price.
        assert!(check(&claim("use", 0.0, Says::Change(Order::More), "grows")).is_err());
        assert!(check(&claim("price", 0.0, Says::Change(Order::Less), "price cuts")).is_err());
        // "100% below the forecast" for 99.99% below.
        assert!(check(&claim("below", 99.99, Says::Written { decimals: 0 }, "100%")).is_err());
        // "Half of adopters gain by 2025" beside "not at zero improvement":
        // the note says never, of a year that exists.
        assert!(check(&claim("half", 2025.0, Says::Never, "not at zero improvement")).is_err());
        // And the words that are true pass.
        assert_eq!(check(&claim("speed", 1.0, Says::Ratio { order: Order::Same, decimals: 0 }, "as fast as")), Ok(()));
        assert_eq!(check(&claim("use", 0.0, Says::Change(Order::Same), "holds")), Ok(()));
    }

    #[test]
    fn a_description_claims_only_what_is_drawn() {
        // "a straight line and an exponential, the last two passing 100%"
        // when growth is slow (8 to 9 over 36 months): they stay far below.
        let straight: &[(f64, f64)] = &[(2023.5, 8.0), (2028.5, 9.7)];
        let lines = [("Straight", straight)];
        let says = |series, reaches| claim("chart", f64::NAN, Says::Drawn { series, level: 100.0, reaches }, "passing 100%");
        assert!(drawn(&says("Straight", true), &lines).is_err());
        assert_eq!(drawn(&says("Straight", false), &lines), Ok(()));
        assert!(drawn(&says("S-curve", false), &lines).is_err(), "a line that is not drawn");
    }

    #[test]
    fn two_claims_on_one_quantity_must_meet() {
        let about_half = claim("conversion", 48.0, Says::Fraction { k: 1, n: 2, about: true }, "about 1 in 2");
        let none = claim("conversion", 48.0, Says::NoneOf, "none");
        assert!(contradiction(&about_half, &none).is_some());
        let other_number = claim("conversion", 19.6, Says::Written { decimals: 1 }, "19.6%");
        assert!(contradiction(&about_half, &other_number).is_some(), "the same quantity, two numbers");
        let written = claim("conversion", 48.0, Says::Written { decimals: 0 }, "48%");
        assert_eq!(contradiction(&about_half, &written), None);
        assert_eq!(contradiction(&about_half, &claim("other", 1.0, Says::NoneOf, "none")), None);
    }

    #[test]
    fn percentages_never_round_to_all_or_nothing() {
        let mut c = Claims::default();
        assert_eq!(c.percent("x", 99.99, 0), "99.99%");
        assert_eq!(c.percent("x", 0.004, 1), "0.004%");
        assert_eq!(c.percent("x", 100.0, 0), "100%");
        assert_eq!(c.percent("x", 46.0, 0), "46%");
        assert!(c.0.iter().all(|claim| check(claim).is_ok()));
    }

    #[test]
    fn comparisons_and_directions_follow_the_number_as_written() {
        let mut c = Claims::default();
        assert_eq!(c.ratio("speed", 1.0, 0, ["faster than", "as fast as", "slower than"]), "as fast as");
        assert_eq!(c.ratio("speed", 1.4, 0, ["faster than", "as fast as", "slower than"]), "as fast as");
        assert_eq!(c.ratio("speed", 5400.0, 0, ["faster than", "as fast as", "slower than"]), "faster than");
        assert_eq!(c.change("bill", 0.0, ["grows", "holds", "falls"]), "holds");
        assert_eq!(c.change("bill", -0.2, ["grows", "holds", "falls"]), "falls");
        assert!(c.0.iter().all(|claim| check(claim).is_ok()));
    }
}
