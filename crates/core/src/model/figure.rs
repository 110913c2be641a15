//! Everything a calculator shows for one state of its inputs, computed in
//! one place: chart, its three lines of text, the live outputs, the data
//! table and the working.

use crate::chart::layout;
use crate::chart::svg;
use crate::chart::{wrap, DrawError, Palette, Plot, Scale};
use crate::model::claim::Claims;
use crate::model::output::Output;
use crate::model::table::Table;
use crate::text::format::{Currency, Lang, Magnitude, Money};
use crate::text::html::push_escaped;
use plotters::prelude::*;

/// A calculator's chart with its text, outputs, table and working, for one
/// state of its inputs.
#[derive(Clone, Debug)]
pub struct Figure {
    /// States the chart's point.
    pub title: String,
    /// What is measured, in which unit, and on which scale.
    pub subtitle: String,
    /// Where the data comes from.
    pub source: &'static str,
    /// One sentence for screen readers.
    pub description: String,
    pub plot: Plot,
    /// The live results, the same ones in the same order for every input.
    pub outputs: Vec<Output>,
    pub table: Table,
    /// The formula with the reader's numbers.
    pub working: String,
    /// Explains an input combination with no meaningful result, if any.
    pub notice: Option<String>,
    /// Where the result lands across the reader's range, if they set one.
    pub range: Option<String>,
    /// The story's sentence on this result, where the story states it.
    pub prose: Option<Prose>,
    /// What the figure's words claim about its numbers (see
    /// [`crate::model::claim`]), checked by the calculators' sentence rules.
    pub claims: Claims,
    /// The language its words are written in.
    pub lang: Lang,
}

/// A story sentence that follows a calculator: at its starting values it
/// states the reported figures; once the reader changes an input, what the
/// reader's numbers imply.
#[derive(Clone, Debug, PartialEq)]
pub struct Prose {
    pub text: String,
    /// The reader has changed an input (the range aside).
    pub yours: bool,
}

impl Figure {
    /// Renders the chart (without a tornado: a page shows that in a box of
    /// its own) to SVG `width` pixels wide, at the height its box has at
    /// that width.
    pub fn svg(&self, width: u32, palette: &Palette) -> Result<String, DrawError> {
        self.plot.svg_alone(width, layout::height(width, self.plot.kind_alone()), palette)
    }

    /// Renders the chart's tornado, if it has one, to SVG `width` pixels
    /// wide (its box's fixed height).
    pub fn tornado_svg(&self, width: u32, palette: &Palette) -> Option<Result<String, DrawError>> {
        self.plot.tornado_svg(width, palette)
    }

    /// The working and the notice (if any) as HTML, every text escaped.
    pub fn notes_html(&self) -> String {
        let mut out = String::new();
        if let Some(range) = &self.range {
            out.push_str("<p class=\"range\" data-testid=\"range\">");
            push_escaped(&mut out, range);
            out.push_str("</p>");
        }
        out.push_str("<p class=\"working\" data-testid=\"working\"><span class=\"working-label\">");
        out.push_str(self.lang.pick(["The working: ", "计算过程："]));
        out.push_str("</span>");
        push_escaped(&mut out, &self.working);
        out.push_str("</p>");
        if let Some(notice) = &self.notice {
            out.push_str("<p class=\"notice\" data-testid=\"notice\">");
            push_escaped(&mut out, notice);
            out.push_str("</p>");
        }
        out
    }

    /// A standalone SVG for download: background, title, subtitle, chart,
    /// source line and a link to the interactive version, `width` wide.
    /// The chart is the same drawing as on the page, placed in the document.
    /// Returns the document and its height in pixels.
    pub fn export_svg(&self, width: u32, palette: &Palette, link: &str) -> Result<(String, u32), DrawError> {
        const PAD: u32 = 20;
        let inner = width.saturating_sub(2 * PAD).max(200);
        let title = wrap(&self.title, 20.0, inner);
        let subtitle = wrap(&self.subtitle, 14.0, inner);
        let mut footer = self.range.as_deref().map(|r| wrap(r, 12.0, inner)).unwrap_or_default();
        footer.extend(wrap(self.source, 12.0, inner));
        footer.extend(wrap(&format!("Interactive version: {link}"), 12.0, inner));
        let chart_h = layout::height(inner, self.plot.kind());
        let head = PAD + title.len() as u32 * 26 + subtitle.len() as u32 * 19 + 10;
        let height = head + chart_h + 12 + footer.len() as u32 * 16 + PAD;
        let drawing = self.plot.svg(inner, chart_h, palette)?;
        // The drawing's own elements, without its <svg> wrapper.
        let body = drawing.split_once('>').and_then(|(_, rest)| rest.strip_suffix("</svg>")).unwrap_or_default();
        let mut out = String::with_capacity(drawing.len() + 2048);
        svg::open_document(&mut out, (width, height));
        out.push_str("<rect fill=\"");
        svg::push_color(&mut out, palette.background.to_backend_color());
        out.push_str("\" width=\"100%\" height=\"100%\"/>");
        let x = PAD as i32;
        let mut y = PAD as i32;
        for line in &title {
            svg::push_line(&mut out, (x, y), 20.0, FontStyle::Bold, &palette.text, line);
            y += 26;
        }
        for line in &subtitle {
            svg::push_line(&mut out, (x, y), 14.0, FontStyle::Normal, &palette.muted, line);
            y += 19;
        }
        out.push_str(&format!("<g transform=\"translate({PAD},{head})\">"));
        out.push_str(body);
        out.push_str("</g>");
        let mut y = (head + chart_h + 12) as i32;
        for line in &footer {
            svg::push_line(&mut out, (x, y), 12.0, FontStyle::Normal, &palette.muted, line);
            y += 16;
        }
        out.push_str("</svg>");
        Ok((out, height))
    }
}

impl Figure {
    /// Converts the figure's money from US dollars into `money`'s currency:
    /// every table column counted in US dollars, and the chart's values
    /// when `chart_is_money`. (The calculator writes its own sentences in
    /// `money`.)
    pub fn in_money(&mut self, money: Money, chart_is_money: bool) {
        if money.currency != Currency::Usd {
            let k = money.of(1.0);
            self.table.in_money(k);
            if chart_is_money {
                self.plot.scale_values(k);
            }
        }
    }

    /// The figure with [`Figure::in_language`] done, its chart counting no
    /// money: for a figure built in one expression.
    pub fn in_its_language(mut self) -> Self {
        self.in_language(None);
        self
    }

    /// In Chinese, counts the table's money in 亿 and 万 and, where the
    /// chart shows money counted in `magnitude`, the chart too (US$ bn
    /// drawn as 亿美元, ten times the number). Run after
    /// [`Figure::in_money`]; nothing in English.
    pub fn in_language(&mut self, chart_money: Option<Magnitude>) {
        if self.lang.in_build() == Lang::Zh {
            self.table.in_chinese();
            if let Some(magnitude) = chart_money {
                self.plot.scale_values(magnitude.zh().0);
            }
        }
    }
}

impl Figure {
    /// The figure as a link preview card (Open Graph, oEmbed thumbnail):
    /// an SVG of [`PREVIEW_SIZE`] with the title, the chart, the source and
    /// `site` (the site's name). Rasterized at build time at twice its size.
    pub fn preview_svg(&self, palette: &Palette, site: &str) -> Result<String, DrawError> {
        const PAD: u32 = 24;
        let (width, height) = PREVIEW_SIZE;
        let inner = width - 2 * PAD;
        let mut title = wrap(&self.title, 21.0, inner);
        title.truncate(2);
        let subtitle = wrap(&self.subtitle, 13.0, inner).into_iter().next().unwrap_or_default();
        let source = wrap(self.source, 11.0, inner).into_iter().next().unwrap_or_default();
        let head = PAD + title.len() as u32 * 27 + 24;
        let foot = 44;
        let chart_h = height - head - foot;
        // A card this small has no room for a tornado under the chart.
        let plot = match &self.plot {
            Plot::Lines(c) if c.tornado.is_some() => Plot::Lines(crate::chart::LineChart { tornado: None, ..c.clone() }),
            plot => plot.clone(),
        };
        let drawing = plot.svg(inner, chart_h, palette)?;
        let body = drawing.split_once('>').and_then(|(_, rest)| rest.strip_suffix("</svg>")).unwrap_or_default();
        let mut out = String::with_capacity(drawing.len() + 1024);
        svg::open_document(&mut out, (width, height));
        out.push_str("<rect fill=\"");
        svg::push_color(&mut out, palette.background.to_backend_color());
        out.push_str("\" width=\"100%\" height=\"100%\"/><rect fill=\"");
        svg::push_color(&mut out, palette.accent.to_backend_color());
        out.push_str("\" width=\"100%\" height=\"5\"/>");
        let mut y = PAD as i32 - 4;
        for line in &title {
            svg::push_line(&mut out, (PAD as i32, y), 21.0, FontStyle::Bold, &palette.text, line);
            y += 27;
        }
        svg::push_line(&mut out, (PAD as i32, y + 2), 13.0, FontStyle::Normal, &palette.muted, &subtitle);
        out.push_str(&format!("<g transform=\"translate({PAD},{head})\">{body}</g>"));
        let y = (height - foot + 8) as i32;
        svg::push_line(&mut out, (PAD as i32, y), 11.0, FontStyle::Normal, &palette.muted, &source);
        svg::push_line(&mut out, (PAD as i32, y + 17), 13.0, FontStyle::Bold, &palette.text, site);
        out.push_str("</svg>");
        Ok(out)
    }
}

/// A link preview's size in CSS pixels: half of the 1200 × 630 image that
/// Open Graph and social cards ask for.
pub const PREVIEW_SIZE: (u32, u32) = (600, 315);

/// Subtitle suffix naming the scale, as data journalism style asks.
pub fn scale_note(scale: Scale, lang: Lang) -> &'static str {
    match (scale, lang.in_build()) {
        (Scale::Linear, Lang::En) => "linear scale",
        (Scale::Log, Lang::En) => "logarithmic scale: equal steps are equal multiples",
        (Scale::Linear, Lang::Zh) => "线性刻度",
        (Scale::Log, Lang::Zh) => "对数刻度：等距代表等倍",
    }
}
