//! A calculator's inputs, declared as data: label, unit, range, step,
//! default and where the default comes from. The UI generates its fields
//! from these declarations; reading typed text goes through [`Param::parse`].

use crate::content::facts::{self, FactId};
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
    /// The label shown to readers.
    pub label: &'static str,
    /// The unit written beside the field, e.g. "US$ bn".
    pub unit: &'static str,
    pub min: f64,
    pub max: f64,
    pub step: f64,
    /// Decimal places the field shows when the slider sets it.
    pub decimals: usize,
    pub default: Source,
    /// True when the default is our assumption rather than a cited figure.
    pub illustrative: bool,
    /// One line of help under the field.
    pub help: &'static str,
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
    OutOfRange { min: String, max: String, unit: &'static str },
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
            InputError::OutOfRange { min, max, unit } => {
                write!(f, "Choose a value from {min} to {max} {unit}.")
            }
        }
    }
}

impl Param {
    /// A parameter resting on a cited default, with no help line; chain
    /// [`Param::assumed`] and [`Param::help`] to change that.
    pub const fn new(label: &'static str, unit: &'static str, (min, max, step): (f64, f64, f64), decimals: usize, default: Source) -> Self {
        Param { key: "", label, unit, min, max, step, decimals, default, illustrative: false, help: "" }
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

    /// Sets the help line.
    pub const fn help(mut self, help: &'static str) -> Self {
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
            return Err(InputError::OutOfRange {
                min: format::trimmed(self.min, self.decimals),
                max: format::trimmed(self.max, self.decimals),
                unit: self.unit,
            });
        }
        Ok(x)
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
        label: "X",
        unit: "US$ bn",
        min: 0.5,
        max: 2000.0,
        step: 0.1,
        decimals: 1,
        default: Source::Value(3.2),
        illustrative: true,
        help: "",
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
        let out = Err(InputError::OutOfRange { min: "0.5".into(), max: "2,000".into(), unit: "US$ bn" });
        check("-0", out.clone());
        check("2001", out);
    }

    #[test]
    fn messages_read_as_sentences() {
        assert_eq!(P.parse("12,5").unwrap_err().to_string(), "Use a point for decimals: 12.5.");
        assert_eq!(P.parse("9999").unwrap_err().to_string(), "Choose a value from 0.5 to 2,000 US$ bn.");
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
    fn sanitize_clamps_and_replaces_what_is_not_a_number() {
        let params = [P, P];
        assert_eq!(value_at(&params, &[f64::NAN, 1e308], 0), 3.2);
        assert_eq!(value_at(&params, &[f64::NAN, 1e308], 1), 2000.0);
        assert_eq!(value_at(&params, &[1.0], 1), 3.2, "missing: the default");
        assert_eq!(value_at(&params, &[-7.0], 0), 0.5);
        assert_eq!(value_at(&params, &[1.0], 5), 0.0, "no such parameter");
    }
}
