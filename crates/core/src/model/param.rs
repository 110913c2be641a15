//! A calculator's inputs, declared as data: label, unit, range, step,
//! default and where the default comes from. The UI generates its fields
//! from these declarations; reading typed text goes through [`Param::parse`].

use crate::content::facts::{self, FactId};
use crate::text::format::Lang;
use crate::text::{format, num};
use std::fmt;

/// Where a parameter's default comes from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Source {
    /// A value we chose; the UI labels it as an illustrative assumption
    /// unless the parameter is marked otherwise.
    Value(f64),
    /// The value of a reported or derived fact.
    Fact(FactId),
    /// A fact's value times a factor, for a unit change (trillions to
    /// billions: 1000).
    Scaled(FactId, f64),
}

/// One input of a calculator.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Param {
    /// Short, stable key: element ids and URL state. Set by
    /// [`inputs!`](crate::inputs) from the field name.
    pub key: &'static str,
    /// The label shown to readers, in English and Chinese (by
    /// [`Lang::pick`]).
    pub label: [&'static str; 2],
    /// The unit written beside the field, e.g. "US$ bn"; in Chinese "亿美元".
    pub unit: [&'static str; 2],
    pub min: f64,
    pub max: f64,
    pub step: f64,
    /// Decimal places the field shows when the slider sets it.
    pub decimals: usize,
    pub default: Source,
    /// True when the default is our assumption rather than a cited figure.
    pub illustrative: bool,
    /// One line of help under the field, in English and Chinese.
    pub help: [&'static str; 2],
    /// What a value is multiplied by to be shown in the Chinese unit
    /// (10 for US$ bn shown in 亿美元); 1 where the units agree.
    pub zh_factor: f64,
}

/// Why typed text was not accepted as a parameter value.
#[derive(Clone, Debug, PartialEq)]
pub enum InputError {
    /// Nothing typed (or only a sign or point so far).
    Empty,
    /// Not a number at all.
    NotANumber,
    /// A decimal comma, as in "12,5"; carries the value it probably meant.
    DecimalComma(String),
    /// Too large to represent ("1e400") or an explicit infinity.
    TooLarge,
    /// A number outside the parameter's range.
    OutOfRange { min: f64, max: f64, decimals: usize, unit: [&'static str; 2] },
}

impl InputError {
    /// Why, in `lang`: "Type a number." or "请输入数字。".
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang.in_build()) {
            (_, Lang::En) => self.to_string(),
            (InputError::Empty, Lang::Zh) => "请输入数字。".into(),
            (InputError::NotANumber, Lang::Zh) => "这不是数字。".into(),
            (InputError::DecimalComma(meant), Lang::Zh) => format!("小数请用小数点：{meant}。"),
            (InputError::TooLarge, Lang::Zh) => "数字太大了。".into(),
            (InputError::OutOfRange { min, max, decimals, unit }, Lang::Zh) => {
                let n = |x: f64| format::without_trailing_zeros(format::plain(x, *decimals));
                format!("请输入{}至{}{}之间的数值。", n(*min), n(*max), unit[1])
            }
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Empty => write!(f, "Type a number."),
            InputError::NotANumber => write!(f, "That is not a number."),
            InputError::DecimalComma(meant) => {
                write!(f, "Use a point for decimals: {meant}.")
            }
            InputError::TooLarge => write!(f, "That number is too large."),
            InputError::OutOfRange { min, max, decimals, unit } => {
                write!(f, "Choose a value from {} to {} {}.", format::trimmed(*min, *decimals), format::trimmed(*max, *decimals), unit[0])
            }
        }
    }
}

impl Param {
    /// A parameter resting on a cited default, with no help line; chain
    /// [`Param::assumed`] and [`Param::help`] to change that.
    pub const fn new(label: [&'static str; 2], unit: [&'static str; 2], (min, max, step): (f64, f64, f64), decimals: usize, default: Source) -> Self {
        Param { key: "", label, unit, min, max, step, decimals, default, illustrative: false, help: ["", ""], zh_factor: 1.0 }
    }

    /// Shows the value in Chinese multiplied by `factor`: a field in US$ bn
    /// is one in 亿美元 at 10.
    pub const fn zh_times(mut self, factor: f64) -> Self {
        self.zh_factor = factor;
        self
    }

    /// The parameter as a reader of `lang` sees it: its words in `lang`,
    /// and in Chinese its range, step, default and places in the Chinese
    /// unit. A value of the parameter is the shown one's value divided by
    /// [`Param::zh_factor`].
    pub fn shown(&self, lang: Lang) -> Shown {
        let factor = match lang.in_build() {
            Lang::En => 1.0,
            Lang::Zh => self.zh_factor,
        };
        // Places lost or gained with the factor: 3.2 (US$ bn) is 32 (亿).
        let shift = num::clamp(factor.log10().round(), -8.0, 8.0) as i32;
        let decimals = (self.decimals as i32 - shift).clamp(0, 8) as usize;
        Shown {
            label: lang.pick(self.label),
            unit: lang.pick(self.unit),
            help: lang.pick(self.help),
            factor,
            places: self.decimals,
            field: Param {
                min: self.min * factor,
                max: self.max * factor,
                step: self.step * factor,
                decimals,
                default: Source::Value(self.default_value() * factor),
                ..*self
            },
        }
    }

    /// Sets the key (done by [`inputs!`](crate::inputs)).
    pub const fn with_key(mut self, key: &'static str) -> Self {
        self.key = key;
        self
    }

    /// Marks the default as our illustrative assumption.
    pub const fn assumed(mut self) -> Self {
        self.illustrative = true;
        self
    }

    /// Sets the help line, in English and Chinese.
    pub const fn help(mut self, help: [&'static str; 2]) -> Self {
        self.help = help;
        self
    }

    /// The default value, resolved from the facts where it rests on one and
    /// rounded to the parameter's step so it sits on the slider.
    pub fn default_value(&self) -> f64 {
        // A fact without a value (a context fact) fails the registry's
        // tests; the minimum only keeps the page alive meanwhile.
        let raw = match self.default {
            Source::Value(v) => v,
            Source::Fact(id) => facts::value(id).unwrap_or(self.min),
            Source::Scaled(id, factor) => facts::value(id).map_or(self.min, |v| v * factor),
        };
        self.snap(raw)
    }

    /// The fact this parameter's default rests on.
    pub fn fact(&self) -> Option<FactId> {
        match self.default {
            Source::Fact(id) | Source::Scaled(id, _) => Some(id),
            Source::Value(_) => None,
        }
    }

    /// A value safe for the maths: `x` clamped into range when it is a
    /// finite number, else the default.
    pub fn sanitize(&self, x: Option<f64>) -> f64 {
        match x {
            Some(x) if x.is_finite() => num::clamp(x, self.min, self.max),
            _ => self.default_value(),
        }
    }

    /// Rounds to the nearest step and clamps into range; NaN becomes the
    /// minimum. The result is always finite and in range.
    pub fn snap(&self, x: f64) -> f64 {
        if !x.is_finite() {
            return if x == f64::INFINITY { self.max } else { self.min };
        }
        let stepped = if self.step > 0.0 { self.min + ((x - self.min) / self.step).round() * self.step } else { x };
        // Round away binary noise such as 87.70000000000002.
        let tidy = num::fixed(stepped, self.decimals).and_then(|t| num::parse(&t)).unwrap_or(stepped);
        num::clamp(tidy, self.min, self.max)
    }

    /// Writes a value the way the number field shows it.
    pub fn text(&self, x: f64) -> String {
        format::trimmed(x, self.decimals).replace(',', "").replace('−', "-")
    }

    /// Parses what a reader typed. Accepts surrounding spaces, a leading
    /// "US$" or "$", a trailing "%", and comma thousands separators
    /// ("1,400"); rejects everything else with a reason.
    pub fn parse(&self, text: &str) -> Result<f64, InputError> {
        let mut s = text.trim();
        for prefix in ["US$", "us$", "$"] {
            if let Some(rest) = s.strip_prefix(prefix) {
                s = rest.trim_start();
            }
        }
        if let Some(rest) = s.strip_suffix('%') {
            s = rest.trim_end();
        }
        if matches!(s, "" | "-" | "+" | "." | "-." | "+.") {
            return Err(InputError::Empty);
        }
        let cleaned;
        if s.contains(',') {
            if is_grouped(s) {
                cleaned = s.replace(',', "");
                s = &cleaned;
            } else if let Some((int, frac)) = s.split_once(',') {
                let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
                let int_digits = int.strip_prefix('-').unwrap_or(int);
                if digits(int_digits) && digits(frac) {
                    return Err(InputError::DecimalComma(format!("{int}.{frac}")));
                }
                return Err(InputError::NotANumber);
            }
        }
        // Rust would accept "NaN", "inf" and "infinity"; readers mean no number.
        if !s.bytes().all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b)) {
            return Err(InputError::NotANumber);
        }
        let x = num::parse(s).ok_or(InputError::NotANumber)?;
        if !x.is_finite() {
            return Err(InputError::TooLarge);
        }
        let x = if x == 0.0 { 0.0 } else { x }; // "-0" is zero
        if x < self.min || x > self.max {
            return Err(InputError::OutOfRange { min: self.min, max: self.max, decimals: self.decimals, unit: self.unit });
        }
        Ok(x)
    }
}

/// A parameter as one language shows it (see [`Param::shown`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Shown {
    pub label: &'static str,
    pub unit: &'static str,
    pub help: &'static str,
    /// The shown value is the parameter's times this.
    pub factor: f64,
    /// The parameter's own decimal places.
    pub places: usize,
    /// The field as shown: range, step, places and default in the shown
    /// unit; its `text` and `parse` work in that unit.
    pub field: Param,
}

impl Shown {
    /// A value of the parameter as the field shows it.
    pub fn text(&self, x: f64) -> String {
        self.field.text(x * self.factor)
    }

    /// What a reader typed in the field, as a value of the parameter, at
    /// the parameter's own places (0.15亿美元 is 15 US$ m, not
    /// 14.999999999999998).
    pub fn parse(&self, text: &str) -> Result<f64, InputError> {
        self.field.parse(text).map(|x| {
            let x = x / self.factor;
            num::fixed(x, self.places).and_then(|t| num::parse(&t)).unwrap_or(x)
        })
    }
}

/// "1,400" or "-12,345.6": commas every three digits from the point.
fn is_grouped(s: &str) -> bool {
    let s = s.strip_prefix('-').unwrap_or(s);
    let int = s.split_once('.').map_or(s, |(i, _)| i);
    let mut groups = int.split(',');
    let first = groups.next().unwrap_or("");
    (1..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_digit())
        && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
        && !s.split_once('.').is_some_and(|(_, frac)| frac.contains(','))
}

/// The `index`-th of `values`, made safe for the maths by `params[index]`
/// (see [`Param::sanitize`]); 0 when there is no such parameter.
pub fn value_at(params: &[Param], values: &[f64], index: usize) -> f64 {
    params.get(index).map_or(0.0, |p| p.sanitize(values.get(index).copied()))
}

/// Whether any input but those in `except` differs from its default.
pub fn changed(params: &[Param], values: &[f64], except: &[usize]) -> bool {
    (0..params.len()).any(|i| !except.contains(&i) && value_at(params, values, i) != params[i].default_value())
}

#[cfg(test)]
mod tests {
    use super::*;

    const P: Param = Param {
        key: "x",
        label: ["X", "X"],
        unit: ["US$ bn", "亿美元"],
        min: 0.5,
        max: 2000.0,
        step: 0.1,
        decimals: 1,
        default: Source::Value(3.2),
        illustrative: true,
        help: ["", ""],
        zh_factor: 10.0,
    };

    fn check(text: &str, expected: Result<f64, InputError>) {
        assert_eq!(P.parse(text), expected, "parsing {text:?}");
    }

    #[test]
    fn accepts_what_people_type() {
        check("3.2", Ok(3.2));
        check("  12 ", Ok(12.0));
        check("US$ 140", Ok(140.0));
        check("$1,400", Ok(1400.0));
        check("1,400.5", Ok(1400.5));
        check("5.", Ok(5.0));
        check("1e3", Ok(1000.0));
        check("87.7%", Ok(87.7));
    }

    #[test]
    fn rejects_nonsense_with_a_reason() {
        check("", Err(InputError::Empty));
        check("-", Err(InputError::Empty));
        check("abc", Err(InputError::NotANumber));
        check("NaN", Err(InputError::NotANumber));
        check("inf", Err(InputError::NotANumber));
        check("1e400", Err(InputError::TooLarge));
        check("12,5", Err(InputError::DecimalComma("12.5".into())));
        check("1,2,3", Err(InputError::NotANumber));
        check("<script>", Err(InputError::NotANumber));
        let out = Err(InputError::OutOfRange { min: 0.5, max: 2000.0, decimals: 1, unit: ["US$ bn", "亿美元"] });
        check("-0", out.clone());
        check("2001", out);
    }

    #[test]
    fn messages_read_as_sentences() {
        assert_eq!(P.parse("12,5").unwrap_err().to_string(), "Use a point for decimals: 12.5.");
        assert_eq!(P.parse("9999").unwrap_err().to_string(), "Choose a value from 0.5 to 2,000 US$ bn.");
        // In Chinese, in the field's own unit.
        let zh = P.shown(Lang::Zh);
        assert_eq!(zh.parse("99999").unwrap_err().message(Lang::Zh), "请输入5至20000亿美元之间的数值。");
        assert_eq!(zh.parse("abc").unwrap_err().message(Lang::Zh), "这不是数字。");
    }

    #[test]
    fn snap_lands_on_the_slider() {
        assert_eq!(P.snap(87.74), 87.7);
        assert_eq!(P.snap(-5.0), 0.5);
        assert_eq!(P.snap(f64::NAN), 0.5);
        assert_eq!(P.snap(f64::INFINITY), 2000.0);
        assert_eq!(P.text(1400.0), "1400");
    }

    #[test]
    fn a_chinese_field_shows_the_value_in_its_own_unit() {
        let zh = P.shown(Lang::Zh);
        assert_eq!((zh.label, zh.unit, zh.factor), ("X", "亿美元", 10.0));
        assert_eq!((zh.field.min, zh.field.max, zh.field.step, zh.field.decimals), (5.0, 20000.0, 1.0, 0));
        assert_eq!(zh.text(3.2), "32");
        assert_eq!(zh.parse("32"), Ok(3.2));
        let millions = Param { unit: ["US$ m", "亿美元"], zh_factor: 0.01, decimals: 0, min: 0.0, max: 2000.0, step: 1.0, ..P }.shown(Lang::Zh);
        assert_eq!((millions.parse("0.15"), millions.text(15.0), millions.field.decimals), (Ok(15.0), "0.15".to_string(), 2));
        assert_eq!(zh.field.default_value(), 32.0);
        assert!(zh.parse("4").is_err(), "below 5亿美元");
        let en = P.shown(Lang::En);
        assert_eq!((en.unit, en.text(3.2), en.parse("3.2")), ("US$ bn", "3.2".to_string(), Ok(3.2)));
    }

    #[test]
    fn sanitize_clamps_and_replaces_what_is_not_a_number() {
        let params = [P, P];
        assert_eq!(value_at(&params, &[f64::NAN, 1e308], 0), 3.2);
        assert_eq!(value_at(&params, &[f64::NAN, 1e308], 1), 2000.0);
        assert_eq!(value_at(&params, &[1.0], 1), 3.2, "missing: the default");
        assert_eq!(value_at(&params, &[-7.0], 0), 0.5);
        assert_eq!(value_at(&params, &[1.0], 5), 0.0, "no such parameter");
    }
}
