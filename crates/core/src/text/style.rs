//! The house style as rules a test can run on any sentence, computed or
//! written (content/style.md says the same in words):
//!
//! - quotation marks and apostrophes are curly (“ ” ‘ ’), never straight;
//! - whole numbers from one to nine are words, unless a unit, a percentage,
//!   money or a multiple follows, or they name a year's place ("year 4");
//!   a number word is never followed by a unit ("8 minutes", not "eight
//!   minutes");
//! - after a colon a sentence goes on in lower case, unless a name follows.
//!
//! Each rule returns `Some(why)` when the text breaks it.

/// Units a figure carries: numbers before them stay figures.
const UNITS: &[&str] = &[
    "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years", "points", "point", "times", "million",
    "billion", "trillion", "yuan", "%", "×", "percent",
];

/// Words before a figure that make it a label, not a count: "year 4".
const LABELS: &[&str] = &["year", "Year", "month", "Month", "version", "source", "Source"];

const NUMBER_WORDS: &[&str] = &["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

/// Curly quotation marks and apostrophes only.
pub fn straight_quotes(text: &str) -> Option<String> {
    text.find(['"', '\'']).map(|at| format!("a straight quote near {:?}", excerpt(text, at)))
}

/// Whole numbers below ten as words, figures with units.
pub fn numbers(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    for (i, word) in words.iter().enumerate() {
        let bare = word.trim_end_matches([',', '.', ';', ':', ')', '?', '!']).trim_start_matches('(');
        let next = words.get(i + 1).map(|w| w.trim_end_matches([',', '.', ';', ':', ')'])).unwrap_or("");
        let before = if i > 0 { words[i - 1] } else { "" };
        let unit = UNITS.contains(&next) || next.starts_with('%');
        if bare.len() == 1 && bare.as_bytes()[0].is_ascii_digit() && bare != "0" && !unit && !LABELS.contains(&before) {
            return Some(format!("{bare:?} before {next:?}: write whole numbers below ten as words"));
        }
        // "two points" may be data points; "eight minutes" is a measure.
        let measure = unit && !["points", "point", "times"].contains(&next);
        if NUMBER_WORDS.contains(&bare.to_lowercase().as_str()) && measure {
            return Some(format!("{bare:?} {next:?}: a number with a unit is a figure"));
        }
    }
    None
}

/// Words that may follow a colon with a capital letter: names and the
/// like. An all-capital word (an acronym) or one with a currency sign is
/// always allowed.
const NAMES: &[&str] = &[
    "Accenture",
    "Gartner",
    "Morgan",
    "Jefferies",
    "Info",
    "Tsinghua",
    "DeepSeek",
    "MiniMax",
    "Yan",
    "Jiang",
    "Xi",
    "Sam",
    "Nvidia",
    "Tencent",
    "Yizhi",
    "Hangzhou",
    "Liangzhu",
    "Zhejiang",
    "Shanghai",
    "China",
    "China’s",
    "Chinese",
    "Beijing",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Year",
    "I",
];

/// Lower case after a colon, unless a name follows.
pub fn colon_capital(text: &str) -> Option<String> {
    let mut from = 0;
    while let Some(at) = text[from..].find(": ").map(|i| i + from) {
        let rest = &text[at + 2..];
        let word: &str = rest.split(|c: char| c.is_whitespace() || c == ',' || c == ';').next().unwrap_or("");
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        let acronym = word.chars().filter(|c| c.is_alphabetic()).count() > 1 && word.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
        if capital && !acronym && !word.contains('$') && !word.contains('¥') && !NAMES.contains(&word) {
            return Some(format!("a capital after a colon: {:?}", excerpt(text, at)));
        }
        from = at + 2;
    }
    None
}

/// A few characters of `text` around byte `at`.
fn excerpt(text: &str, at: usize) -> &str {
    let mut start = at.saturating_sub(16);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (at + 16).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    &text[start..end]
}

/// `label` (sentence case: "Investment up front") as words in the middle
/// of a sentence: its first letter in lower case, unless it starts with a
/// name or an acronym ("AI-assisted consultations").
pub fn mid_sentence(label: &str) -> String {
    // ASCII case only: the labels are English (a script without case is
    // left as it is), and Unicode's case tables would weigh on the bundle.
    let first_word = label.split([' ', '-']).next().unwrap_or("");
    let letters = || first_word.bytes().filter(u8::is_ascii_alphabetic);
    let acronym = letters().count() > 1 && letters().all(|b| b.is_ascii_uppercase());
    if acronym || NAMES.contains(&first_word) {
        return label.to_string();
    }
    let mut out = label.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_lowercase();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_curly() {
        assert!(straight_quotes("Pays back in today's money").is_some());
        assert!(straight_quotes("policies that promote \"embodied AI\"").is_some());
        assert_eq!(straight_quotes("today’s “embodied AI”"), None);
    }

    #[test]
    fn small_numbers_are_words_and_figures_carry_units() {
        // The examples that made the rule: "6 months" and "8 minutes" are
        // figures with units; "three labs" is a word; "Eight minutes" is not.
        for good in [
            "6 months",
            "8 minutes",
            "three labs",
            "in year 4",
            "Year 1 costs US$120,000",
            "5.4 times",
            "10 labs",
            "9%",
            "about one in five adopters",
            "7.14 yuan",
        ] {
            assert_eq!(numbers(good), None, "{good}");
        }
        for bad in ["Eight minutes for three million yuan", "in 8 draws out of 10", "about 1 in 5 adopters", "3 labs"] {
            assert!(numbers(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn after_a_colon_lower_case_unless_a_name() {
        assert!(colon_capital("The working: Already half").is_some());
        for good in
            ["Your range: the share", "Source: Accenture", "Bubble warning: Jefferies analysts", "costs: US$120,000", "in: AI", "Plain: June 2023"]
        {
            assert_eq!(colon_capital(good), None, "{good}");
        }
    }

    #[test]
    fn labels_lose_their_capital_mid_sentence() {
        assert_eq!(mid_sentence("Investment up front"), "investment up front");
        assert_eq!(mid_sentence("AI-assisted consultations per hospital"), "AI-assisted consultations per hospital");
        assert_eq!(mid_sentence("Yearly fall in price"), "yearly fall in price");
    }
}
