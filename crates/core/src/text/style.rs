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
//!
//! The Chinese edition's rules (content/style-zh.md) are the `zh_` ones: no
//! Latin words but the glossary's names and the units allowed, full-width
//! punctuation and no spaces beside Chinese characters, no unit written
//! twice, and 万 and 亿 chosen to leave one to four digits before the point.

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

/// A Chinese character (the unified ideographs and their first extension).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// No Latin word in Chinese text but those `allow` names (the glossary's
/// names kept in the original, units): each allowed term is taken out,
/// longest first, and any letter left is stray.
pub fn zh_latin(text: &str, allow: &[&str]) -> Option<String> {
    let mut terms: Vec<&str> = allow.iter().copied().filter(|t| !t.is_empty()).collect();
    terms.sort_by_key(|t| std::cmp::Reverse(t.len()));
    let mut rest = text.to_string();
    for term in terms {
        rest = rest.replace(term, "\u{3000}");
    }
    let at = rest.find(|c: char| c.is_ascii_alphabetic())?;
    let word: String = rest[at..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == ' ' || *c == '-').collect();
    Some(format!("a Latin word not in the glossary: {:?}", word.trim()))
}

/// Full-width punctuation in Chinese text: no half-width , ; : ? ! ( ) " '
/// and no full stop but a decimal point; no space beside a Chinese
/// character or full-width mark.
pub fn zh_half_width(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let wide = |c: Option<&char>| {
        c.is_some_and(|&c| is_han(c) || matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}' | '“' | '”' | '‘' | '’' | '—' | '…'))
    };
    for (i, &c) in chars.iter().enumerate() {
        let (before, after) = (if i > 0 { chars.get(i - 1) } else { None }, chars.get(i + 1));
        let bad = match c {
            ',' | ';' | ':' | '?' | '!' | '(' | ')' | '"' | '\'' | '[' | ']' => true,
            '.' => !(before.is_some_and(char::is_ascii_digit) && after.is_some_and(char::is_ascii_digit)),
            ' ' => wide(before) || wide(after),
            _ => false,
        };
        if bad {
            let near: String = chars[i.saturating_sub(8)..(i + 8).min(chars.len())].iter().collect();
            return Some(format!("half-width {c:?} in Chinese text, near {near:?}"));
        }
    }
    None
}

/// Units that never follow themselves: "亿亿", "美元美元", "%%".
const ZH_UNITS: &[&str] = &["万亿", "亿", "万", "美元", "元", "%", "倍", "个百分点", "分钟", "个月"];

/// No unit written twice: the same unit back to back, or two magnitudes
/// after a number that do not make 万亿 ("3亿万").
pub fn zh_double_unit(text: &str) -> Option<String> {
    for unit in ZH_UNITS {
        // "万万" may be "万万亿": only a whole repeat of the same unit counts.
        let twice = format!("{unit}{unit}");
        if *unit != "万" && text.contains(&twice) {
            return Some(format!("{unit:?} written twice"));
        }
    }
    let chars: Vec<char> = text.chars().collect();
    for w in chars.windows(3) {
        if w[0].is_ascii_digit() && matches!(w[1], '万' | '亿') && matches!(w[2], '万' | '亿') && !(w[1] == '万' && w[2] == '亿') {
            return Some(format!("two magnitudes after a number: {:?}", w.iter().collect::<String>()));
        }
    }
    None
}

/// 万 and 亿 chosen to leave one to four digits before the point: no
/// figure of five or more whole digits (write 1.2万, not 12000) but before
/// 万亿, the largest unit, and no zero before 万 or 亿 (write 1400亿, not
/// 0.14万亿).
pub fn zh_magnitude(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() || (i > 0 && (chars[i - 1].is_ascii_digit() || chars[i - 1] == '.')) {
            i += 1;
            continue;
        }
        let whole: String = chars[i..].iter().take_while(|c| c.is_ascii_digit()).collect();
        let mut end = i + whole.chars().count();
        if chars.get(end) == Some(&'.') {
            end += 1 + chars[end + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        }
        let figure: String = chars[i..end].iter().collect();
        let magnitude = matches!(chars.get(end), Some('万' | '亿'));
        // 万亿 is the largest unit: beyond it the digits grow.
        let largest = chars.get(end) == Some(&'万') && chars.get(end + 1) == Some(&'亿');
        if whole.len() > 4 && !largest {
            return Some(format!("{figure:?} has more than four digits before the point: write it in 万 or 亿"));
        }
        if magnitude && whole == "0" {
            return Some(format!("{figure:?} before {:?}: take the smaller unit", chars[end]));
        }
        i = end.max(i + 1);
    }
    None
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

    #[test]
    fn each_chinese_rule_rejects_what_it_is_for() {
        let allow = ["DeepSeek", "Info Finance", "AI", "H20"];
        assert_eq!(zh_latin("DeepSeek发布了开源大模型，AI芯片H20禁售。据Info Finance报道。", &allow), None);
        assert!(zh_latin("这家startup获得投资。", &allow).is_some_and(|w| w.contains("startup")));
        assert!(zh_latin("Info Financial称", &allow).is_some(), "a longer word is not the allowed name");

        assert_eq!(zh_half_width("规模为32亿美元，增长约88%。"), None);
        assert_eq!(zh_half_width("1.1年"), None);
        for bad in ["规模为32亿美元, 增长", "他说:“好”", "完成了.", "增长(预测)", "DeepSeek 发布", "1,440分钟"] {
            assert!(zh_half_width(bad).is_some(), "{bad}");
        }

        assert_eq!(zh_double_unit("1.4万亿美元，300万元，5.4倍"), None);
        for bad in ["32亿亿美元", "32亿美元美元", "88%%", "3亿万元"] {
            assert!(zh_double_unit(bad).is_some(), "{bad}");
        }

        assert_eq!(zh_magnitude("32亿美元、1400亿美元、1.4万亿美元、5300年、2024年、42万美元、42950万亿美元"), None);
        for bad in ["14000亿美元", "0.14万亿美元", "420000美元", "12345元"] {
            assert!(zh_magnitude(bad).is_some(), "{bad}");
        }
    }
}
