//! Every calculator the site offers: one module each, listed once in
//! [`registry!`] below. A module holds everything about its calculator:
//! the declaration ([`Calculator`]), its typed inputs (declared with
//! [`inputs!`](crate::inputs)), its maths, and its figure with typed
//! outputs. The UI renders any entry without knowing which it is.
//!
//! Uses every layer below: [`crate::model`], [`crate::chart`],
//! [`crate::content`], [`crate::maths`], [`crate::text`].

use crate::chart::Scale;
use crate::model::{Figure, Param};
use crate::text::format::{self, Lang, Money};

/// A calculator: what the UI needs to render it and the function from its
/// inputs to everything it shows.
pub struct Calculator {
    /// Stable id: the card's element id, the embed's `w`, the story's
    /// `[calculator id]`.
    pub id: &'static str,
    /// Short prefix of this calculator's keys in the story page's URL.
    pub prefix: &'static str,
    /// Its title, in English and Chinese (by [`Lang::pick`]); every bundle
    /// carries both, for a snippet in the other language ([`Lang::index`]).
    pub title: [&'static str; 2],
    /// One or two sentences on what the calculator lets a reader try, in
    /// English and Chinese.
    pub intro: [&'static str; 2],
    /// Its inputs, in the order `figure` reads them (`Inputs::PARAMS`).
    pub params: &'static [Param],
    /// Whether the chart offers a linear/log switch.
    pub has_scale: bool,
    /// Controls besides the inputs' own fields.
    pub extras: &'static [Extra],
    /// Values (any: they are made safe first), scale, currency and
    /// language to the figure.
    pub figure: fn(&[f64], Scale, Money, Lang) -> Figure,
}

/// A control a calculator adds to its inputs' fields.
pub enum Extra {
    /// A button beside Reset that sets one input to a value computed from
    /// all of them (the market's "use the forecast's rate").
    SetInput {
        label: [&'static str; 2],
        /// The input it sets (`Field::x as usize`).
        input: usize,
        /// The value, from the current values.
        value: fn(&[f64]) -> f64,
    },
    /// A field showing one input in another unit, converted both ways.
    Converter(Converter),
}

/// A field that shows an input in another unit and sets it when the reader
/// types there (the subsidy in dollars as well as yuan).
pub struct Converter {
    /// Element id suffix: the field is `<calculator id>-<key>`.
    pub key: &'static str,
    pub label: [&'static str; 2],
    pub unit: [&'static str; 2],
    /// Decimal places the field shows.
    pub decimals: usize,
    /// In Chinese, what an amount is multiplied by to be shown in the
    /// Chinese unit (1e-4 for US dollars shown in 万美元), and the decimal
    /// places the field then shows.
    pub zh: (f64, usize),
    /// The input it converts (`Field::x as usize`).
    pub input: usize,
    /// The amount the field shows, from the current values.
    pub show: fn(&[f64]) -> f64,
    /// The input's value for an amount typed in the field.
    pub to_input: fn(f64, &[f64]) -> f64,
}

impl Converter {
    /// The text the field shows for these values, in `lang`'s unit.
    pub fn text(&self, values: &[f64], lang: Lang) -> String {
        let amount = (self.show)(values);
        match lang.in_build() {
            Lang::En => crate::text::num::fixed(amount, self.decimals).unwrap_or_default(),
            Lang::Zh => format::without_trailing_zeros(format::plain(amount * self.zh.0, self.zh.1)),
        }
    }

    /// What typing `text` does: the converted input's new value, or why
    /// the text cannot be used, in `lang`.
    pub fn read(&self, text: &str, params: &[Param], values: &[f64], lang: Lang) -> Result<f64, String> {
        let Some(target) = params.get(self.input) else { return Err(String::new()) };
        let (factor, decimals) = match lang.in_build() {
            Lang::En => (1.0, self.decimals),
            Lang::Zh => self.zh,
        };
        let field = Param { min: 0.0, max: f64::MAX, unit: self.unit, decimals, ..*target };
        let amount = field.parse(text).map_err(|e| e.message(lang))? / factor;
        let x = (self.to_input)(amount, values);
        if x >= target.min && x <= target.max {
            return Ok(x);
        }
        match lang.in_build() {
            Lang::En => {
                let n = |x: f64| format::trimmed(x, target.decimals);
                let unit = target.unit[0];
                Err(format!("That comes to {} {unit}, outside the range {} to {} {unit}.", n(x), n(target.min), n(target.max)))
            }
            Lang::Zh => {
                // In the target field's own unit.
                let shown = target.shown(lang);
                let n = |x: f64| format::without_trailing_zeros(format::plain(x * shown.factor, shown.field.decimals));
                let unit = shown.unit;
                Err(format!("折合{}{unit}，超出{}至{}{unit}的范围。", n(x), n(target.min), n(target.max)))
            }
        }
    }
}

impl Calculator {
    /// Every input's default.
    pub fn defaults(&self) -> Vec<f64> {
        self.params.iter().map(Param::default_value).collect()
    }

    /// The input with this key.
    pub fn param(&self, key: &str) -> Option<&'static Param> {
        self.params.iter().find(|p| p.key == key)
    }
}

/// Declares the calculator modules and lists them, in story order, in
/// [`CALCULATORS`]: adding a calculator is one line here.
macro_rules! registry {
    ($($module:ident),+ $(,)?) => {
        $(pub mod $module;)+

        /// Every calculator, in story order.
        pub static CALCULATORS: &[&Calculator] = &[$(&$module::CALCULATOR),+];
    };
}

registry! {
    market_growth,
    ecosystem,
    adoption_curve,
    value_gap,
    subsidy,
    payback,
    hospital_risk,
    inference_cost,
}

/// A calculator's title, as a heading of `level` (1 alone on its page, 3
/// in the story), and its introduction: static markup, every text escaped.
pub fn heading_html(calc: &Calculator, level: u8, lang: Lang) -> String {
    let mut out = format!("<h{level} class=\"calc-title\">");
    crate::text::html::push_escaped(&mut out, lang.pick(calc.title));
    out.push_str(&format!("</h{level}><p class=\"calc-intro\">"));
    crate::text::html::push_escaped(&mut out, lang.pick(calc.intro));
    out.push_str("</p>");
    out
}

/// The calculator with this id.
pub fn find(id: &str) -> Option<&'static Calculator> {
    CALCULATORS.iter().copied().find(|c| c.id == id)
}

#[cfg(test)]
mod sentences;
#[cfg(test)]
mod tests;
