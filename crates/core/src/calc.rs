//! Calculators declared as data.
//!
//! A calculator is a list of parameters (label, unit, range, step, default
//! and the facts the default rests on) plus a pure function from parameter
//! values to outputs. The UI generates its inputs from the declaration, so a
//! new calculator is a new declaration plus maths, not new plumbing.
//!
//! Invariant: values that reach a calculator's maths have passed
//! [`Calculator::sanitize`]: finite and inside each parameter's range.

use crate::{facts, format, num};
use std::fmt;

/// Where a parameter's default comes from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Default {
    /// A value we chose; the UI labels it as an illustrative assumption
    /// unless the parameter names facts.
    Value(f64),
    /// The value of a reported or derived fact.
    Fact(&'static str),
    /// A fact's value times a factor, for a unit change (trillions to
    /// billions: 1000).
    Scaled(&'static str, f64),
}

/// One input of a calculator.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Param {
    /// Short, stable key (used for element ids and, later, URL state).
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
    pub default: Default,
    /// True when the default is our assumption rather than a cited figure.
    pub illustrative: bool,
    /// One line of help under the field.
    pub help: &'static str,
}

/// A calculator: an id (also its root element id) and its parameters.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Calculator {
    pub id: &'static str,
    /// Short prefix of this calculator's keys in the story page's URL.
    pub prefix: &'static str,
    pub title: &'static str,
    /// One or two sentences on what the calculator lets a reader try.
    pub intro: &'static str,
    pub params: &'static [Param],
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
    #[allow(clippy::too_many_arguments)]
    pub const fn new(
        key: &'static str,
        label: &'static str,
        unit: &'static str,
        (min, max, step): (f64, f64, f64),
        decimals: usize,
        default: Default,
    ) -> Self {
        Param { key, label, unit, min, max, step, decimals, default, illustrative: false, help: "" }
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
        let raw = match self.default {
            Default::Value(v) => v,
            Default::Fact(id) => facts::value(id).unwrap_or(self.min),
            Default::Scaled(id, factor) => facts::value(id).map_or(self.min, |v| v * factor),
        };
        self.snap(raw)
    }

    /// The facts this parameter's default rests on.
    pub fn fact(&self) -> Option<&'static str> {
        match self.default {
            Default::Fact(id) | Default::Scaled(id, _) => Some(id),
            Default::Value(_) => None,
        }
    }

    /// Rounds to the nearest step and clamps into range; NaN becomes the
    /// minimum. The result is always finite and in range.
    pub fn snap(&self, x: f64) -> f64 {
        if !x.is_finite() {
            return if x == f64::INFINITY { self.max } else { self.min };
        }
        let stepped = if self.step > 0.0 {
            self.min + ((x - self.min) / self.step).round() * self.step
        } else {
            x
        };
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

/// A value that [`Calculator::sanitize`] had to replace.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub key: &'static str,
    pub message: String,
}

impl Calculator {
    /// Every parameter's default.
    pub fn defaults(&self) -> Vec<f64> {
        self.params.iter().map(Param::default_value).collect()
    }

    /// The parameter with this key.
    pub fn param(&self, key: &str) -> Option<&'static Param> {
        self.params.iter().find(|p| p.key == key)
    }

    /// Makes any list of values safe for the maths: missing or non-finite
    /// values become the default, out-of-range ones are clamped. Returns the
    /// safe values and what was changed.
    pub fn sanitize(&self, values: &[f64]) -> (Vec<f64>, Vec<Problem>) {
        let mut problems = Vec::new();
        let safe = self
            .params
            .iter()
            .enumerate()
            .map(|(i, p)| match values.get(i) {
                Some(&x) if x.is_finite() => {
                    let clamped = num::clamp(x, p.min, p.max);
                    if clamped != x {
                        problems.push(Problem {
                            key: p.key,
                            message: format!("{} was out of range; using {}.", p.label, p.text(clamped)),
                        });
                    }
                    clamped
                }
                _ => {
                    problems.push(Problem {
                        key: p.key,
                        message: format!("{} was missing; using the default.", p.label),
                    });
                    p.default_value()
                }
            })
            .collect();
        (safe, problems)
    }
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
        default: Default::Value(3.2),
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
        assert_eq!(
            P.parse("9999").unwrap_err().to_string(),
            "Choose a value from 0.5 to 2,000 US$ bn."
        );
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
    fn sanitize_replaces_bad_values_and_says_so() {
        const C: Calculator = Calculator { id: "c", prefix: "c", title: "C", intro: "", params: &[P, P] };
        let (safe, problems) = C.sanitize(&[f64::NAN, 1e308]);
        assert_eq!(safe, vec![3.2, 2000.0]);
        assert_eq!(problems.len(), 2);
        let (safe, problems) = C.sanitize(&[1.0]);
        assert_eq!(safe, vec![1.0, 3.2]);
        assert_eq!(problems.len(), 1);
    }
}
