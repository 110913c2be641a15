//! Everything a calculator shows for one state of its inputs, computed in
//! one place: chart, its three lines of text, the live outputs, the data
//! table and the working.

use crate::chart::layout;
use crate::chart::qr::QUIET;
use crate::chart::svg;
use crate::chart::{text_size, wrap, DrawError, Palette, Plot, QrModules, Scale};
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
        self.document(width, palette, link, None)
    }

    /// The share image, for platforms that take images and links but no
    /// frames: the export's title, subtitle and chart, then the outputs as
    /// set, the range and source, and at the foot `share`'s QR code of the
    /// calculator as set beside the site's name and the page's address.
    /// Returns the document and its height in pixels.
    pub fn share_svg(&self, width: u32, palette: &Palette, share: &Share) -> Result<(String, u32), DrawError> {
        self.document(width, palette, share.link, Some(share))
    }

    fn document(&self, width: u32, palette: &Palette, link: &str, share: Option<&Share>) -> Result<(String, u32), DrawError> {
        const PAD: u32 = 20;
        const GAP: u32 = 16;
        let inner = width.saturating_sub(2 * PAD).max(200);
        let title = wrap(&self.title, 20.0, inner);
        let subtitle = wrap(&self.subtitle, 14.0, inner);
        let mut footer = self.range.as_deref().map(|r| wrap(r, 12.0, inner)).unwrap_or_default();
        footer.extend(wrap(self.source, 12.0, inner));
        if share.is_none() {
            let interactive = match self.lang.in_build() {
                Lang::En => format!("Interactive version: {link}"),
                Lang::Zh => format!("互动版：{link}"),
            };
            footer.extend(wrap(&interactive, 12.0, inner));
        }
        // The share image's outputs, in rows of two cells (one on a narrow
        // image): each a label over its value.
        let columns = if inner >= 360 { 2 } else { 1 };
        let cell = (inner - GAP * (columns - 1)) / columns;
        let cells: Vec<(Vec<String>, Vec<String>)> = match share {
            Some(_) => self.outputs.iter().map(|o| (wrap(o.label, 13.0, cell), wrap(&o.value.text(self.lang), 18.0, cell))).collect(),
            None => Vec::new(),
        };
        let cell_height = |(label, value): &(Vec<String>, Vec<String>)| label.len() as u32 * 17 + value.len() as u32 * 24 + 10;
        let rows: Vec<u32> = cells.chunks(columns as usize).map(|row| row.iter().map(cell_height).max().unwrap_or(0)).collect();
        // The foot: the code, and beside it what it opens.
        let foot = share.map(|share| {
            let module = (200 / (share.qr.size() + 2 * QUIET)).max(2);
            let side = share.qr.side(module);
            // Beside the code where a line has room, else under it.
            let beside = inner.saturating_sub(side + GAP);
            let (text_x, text_top, text_width) = if beside >= 180 { (PAD + side + GAP, 4, beside) } else { (PAD, side + 10, inner) };
            let caption = match self.lang.in_build() {
                Lang::En => "Scan to open this calculator as set here",
                Lang::Zh => "扫码打开计算器，设定与本图一致",
            };
            let lines = [
                (wrap(caption, 14.0, text_width), 14.0, 19),
                (wrap(share.site, 12.0, text_width), 12.0, 16),
                (wrap_address(&address(link), 12.0, text_width), 12.0, 16),
            ];
            let text_height: u32 = lines.iter().map(|(l, _, h)| l.len() as u32 * h).sum();
            (module, side, lines, (text_x, text_top), side.max(text_top + text_height))
        });
        let chart_h = layout::height(inner, self.plot.kind());
        let head = PAD + title.len() as u32 * 26 + subtitle.len() as u32 * 19 + 10;
        let outputs_top = head + chart_h + 12;
        let footer_top = outputs_top + rows.iter().sum::<u32>() + if rows.is_empty() { 0 } else { 4 };
        let foot_top = footer_top + footer.len() as u32 * 16 + 12;
        let height = match &foot {
            Some((_, _, _, _, band)) => foot_top + band + PAD,
            None => footer_top + footer.len() as u32 * 16 + PAD,
        };
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
        let mut top = outputs_top as i32;
        for (row, height) in cells.chunks(columns as usize).zip(&rows) {
            for (i, (label, value)) in row.iter().enumerate() {
                let x = x + (i as u32 * (cell + GAP)) as i32;
                let mut y = top;
                for line in label {
                    svg::push_line(&mut out, (x, y), 13.0, FontStyle::Normal, &palette.muted, line);
                    y += 17;
                }
                for line in value {
                    svg::push_line(&mut out, (x, y), 18.0, FontStyle::Bold, &palette.text, line);
                    y += 24;
                }
            }
            top += *height as i32;
        }
        let mut y = footer_top as i32;
        for line in &footer {
            svg::push_line(&mut out, (x, y), 12.0, FontStyle::Normal, &palette.muted, line);
            y += 16;
        }
        if let (Some(share), Some((module, _, lines, (text_x, text_top), _))) = (share, &foot) {
            // The foot is light in either palette, as a printed code is:
            // a scanner finds a dark-on-light code most readily when what
            // surrounds it is light too.
            let band = foot_top - 12;
            out.push_str(&format!("<rect fill=\"#FFFFFF\" x=\"0\" y=\"{band}\" width=\"{width}\" height=\"{}\"/>", height - band));
            share.qr.push_svg(&mut out, (PAD, foot_top), *module);
            let x = *text_x as i32;
            let mut y = (foot_top + text_top) as i32;
            let light = Palette::LIGHT;
            for (i, (wrapped, px, step)) in lines.iter().enumerate() {
                let (style, color) = if i == 0 { (FontStyle::Bold, &light.text) } else { (FontStyle::Normal, &light.muted) };
                for line in wrapped {
                    svg::push_line(&mut out, (x, y), *px, style, color, line);
                    y += *step as i32;
                }
            }
        }
        out.push_str("</svg>");
        Ok((out, height))
    }
}

/// What a share image adds to the chart: the calculator's address as set,
/// its QR code, and the site's name.
pub struct Share<'a> {
    pub link: &'a str,
    pub qr: &'a QrModules,
    pub site: &'a str,
}

/// An address (no spaces to break at) in lines of at most `max` pixels at
/// `px`: broken after a `/`, or within a part that alone is too long.
fn wrap_address(text: &str, px: f64, max: u32) -> Vec<String> {
    let fits = |s: &str| text_size(s, px).0 <= max;
    let mut lines = Vec::new();
    let mut line = String::new();
    for part in text.split_inclusive('/') {
        if !fits(&format!("{line}{part}")) && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        for c in part.chars() {
            line.push(c);
            if !fits(&line) && line.chars().count() > 1 {
                line.pop();
                lines.push(std::mem::replace(&mut line, c.to_string()));
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A link as a reader types it: no scheme, no query, no fragment (the QR
/// code carries those).
fn address(link: &str) -> String {
    let bare = link.strip_prefix("https://").or_else(|| link.strip_prefix("http://")).unwrap_or(link);
    bare.split(['?', '#']).next().unwrap_or(bare).to_string()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_breaks_after_a_slash_and_within_a_part_only_when_it_must() {
        assert_eq!(address("https://example.org/china-ai/payback.zh.html?invest=80#x"), "example.org/china-ai/payback.zh.html");
        assert_eq!(address("example.org/a.html"), "example.org/a.html");
        let long = "user.github.io/some-long-repository-name/adoption-curve.zh.html";
        assert_eq!(wrap_address(long, 12.0, 1000), vec![long.to_string()]);
        let lines = wrap_address(long, 12.0, 200);
        assert!(lines.len() > 1, "{lines:?}");
        assert_eq!(lines.concat(), long);
        assert!(lines.iter().all(|l| text_size(l, 12.0).0 <= 200), "{lines:?}");
        assert!(lines[0].ends_with('/'), "{lines:?}");
        // A part longer than the line is cut within it, still losing nothing.
        let lines = wrap_address("a-very-long-host-name-with-no-slash-at-all.example.org", 12.0, 80);
        assert!(lines.len() > 2 && lines.iter().all(|l| text_size(l, 12.0).0 <= 80), "{lines:?}");
        assert_eq!(lines.concat(), "a-very-long-host-name-with-no-slash-at-all.example.org");
    }
}
