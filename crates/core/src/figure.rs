//! Everything a calculator shows besides its live numbers, computed in one
//! place: chart, its three lines of text, the data table and the working.

use crate::calc::Calculator;
use crate::chart::{self, BarChart, DrawError, LineChart, Scale, Theme};
use crate::svg;
use crate::table::Table;
use plotters::coord::Shift;
use plotters::prelude::*;

/// A chart of either kind.
#[derive(Clone, Debug)]
pub enum Chart {
    Lines(LineChart),
    Bars(BarChart),
}

impl Chart {
    pub fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>, theme: &Theme) -> Result<(), DrawError>
    where
        DB::ErrorType: 'static,
    {
        match self {
            Chart::Lines(c) => chart::draw_lines(root, c, theme),
            Chart::Bars(c) => chart::draw_bars(root, c, theme),
        }
    }
}

/// A calculator's chart with its text, table and working, for one state.
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
    pub chart: Chart,
    pub table: Table,
    /// The formula with the reader's numbers.
    pub working: String,
    /// Explains an input combination with no meaningful result, if any.
    pub notice: Option<String>,
}

impl Figure {
    /// Renders the chart to SVG at `width` × `height` pixels.
    pub fn svg(&self, width: u32, height: u32, theme: &Theme) -> Result<String, DrawError> {
        chart::svg(width, height, |root| self.chart.draw(root, theme))
    }

    /// A standalone SVG for download: background, title, subtitle, chart,
    /// source line and a link to the interactive version, `width` wide.
    /// The chart is the same drawing as on the page, placed in the document.
    /// Returns the document and its height in pixels.
    pub fn export_svg(&self, width: u32, theme: &Theme, link: &str) -> Result<(String, u32), DrawError> {
        const PAD: u32 = 20;
        let inner = width.saturating_sub(2 * PAD).max(200);
        let title = chart::wrap(&self.title, 20.0, inner);
        let subtitle = chart::wrap(&self.subtitle, 14.0, inner);
        let mut footer = chart::wrap(self.source, 12.0, inner);
        footer.extend(chart::wrap(&format!("Interactive version: {link}"), 12.0, inner));
        let chart_h = chart_height(inner, matches!(self.chart, Chart::Bars(_)));
        let head = PAD + title.len() as u32 * 26 + subtitle.len() as u32 * 19 + 10;
        let height = head + chart_h + 12 + footer.len() as u32 * 16 + PAD;
        let drawing = self.svg(inner, chart_h, theme)?;
        // The drawing's own elements, without its <svg> wrapper.
        let body = drawing
            .split_once('>')
            .and_then(|(_, rest)| rest.strip_suffix("</svg>"))
            .unwrap_or_default();
        let mut out = String::with_capacity(drawing.len() + 2048);
        svg::open_document(&mut out, (width, height));
        out.push_str("<rect fill=\"");
        svg::push_color(&mut out, theme.background.to_backend_color());
        out.push_str("\" width=\"100%\" height=\"100%\"/>");
        let x = PAD as i32;
        let mut y = PAD as i32;
        for line in &title {
            svg::push_line(&mut out, (x, y), 20.0, FontStyle::Bold, &theme.text, line);
            y += 26;
        }
        for line in &subtitle {
            svg::push_line(&mut out, (x, y), 14.0, FontStyle::Normal, &theme.muted, line);
            y += 19;
        }
        out.push_str(&format!("<g transform=\"translate({PAD},{head})\">"));
        out.push_str(body);
        out.push_str("</g>");
        let mut y = (head + chart_h + 12) as i32;
        for line in &footer {
            svg::push_line(&mut out, (x, y), 12.0, FontStyle::Normal, &theme.muted, line);
            y += 16;
        }
        out.push_str("</svg>");
        Ok((out, height))
    }
}

/// A calculator and the function from its values to its figure.
#[derive(Clone, Copy)]
pub struct Widget {
    pub calc: &'static Calculator,
    /// Whether the chart offers a linear/log switch.
    pub has_scale: bool,
    /// Values (any; they are sanitized) and scale to figure.
    pub figure: fn(&[f64], Scale) -> Figure,
}

/// Chart height for a chart width: shorter on phones.
pub fn chart_height(width: u32, bars: bool) -> u32 {
    match (bars, width < 480) {
        (true, true) => 220,
        (true, false) => 240,
        (false, true) => 280,
        (false, false) => 340,
    }
}

/// Subtitle suffix naming the scale, as data journalism style asks.
pub fn scale_note(scale: Scale) -> &'static str {
    match scale {
        Scale::Linear => "linear scale",
        Scale::Log => "logarithmic scale: equal steps are equal multiples",
    }
}

#[cfg(test)]
mod tests {
    use crate::chart::{Scale, Theme};
    use crate::widgets::WIDGETS;

    #[test]
    fn exports_carry_title_source_and_link() {
        for w in WIDGETS {
            let f = (w.figure)(&w.calc.defaults(), Scale::Linear);
            let (svg, height) = f.export_svg(720, &Theme::LIGHT, "https://example.org/embed.html?w=x&v=1").unwrap();
            assert!(svg.contains("<rect") && svg.contains("#FAF8F3"), "{}: background", w.calc.id);
            let first_word = f.title.split_whitespace().next().unwrap();
            assert!(svg.contains(first_word), "{}: title", w.calc.id);
            assert!(svg.contains("Interactive version:") && svg.contains("w=x&amp;v=1"), "{}: link, escaped", w.calc.id);
            let written: u32 = svg.split("height=\"").nth(1).unwrap().split('"').next().unwrap().parse().unwrap();
            assert_eq!(written, height, "{}", w.calc.id);
            assert!(height > 300 && height < 700, "{}: {height}", w.calc.id);
        }
    }
}
