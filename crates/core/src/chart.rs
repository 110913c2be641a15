//! Chart drawing, generic over plotters' [`DrawingBackend`].
//!
//! Chart functions take model values and a [`Theme`] and draw; they do no
//! maths beyond choosing axis ranges, and they skip any non-finite point
//! rather than pass it to plotters. [`svg`] renders a chart to an SVG string
//! through [`FixedMetrics`], which answers text-size questions from fixed
//! font metrics: the browser then never has to lay out a label to measure
//! it, and native and browser output are byte-identical.

use crate::format;
use crate::market::Projection;
use plotters::coord::ranged1d::ValueFormatter;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};

/// The font every chart uses; [`FixedMetrics`] holds its widths.
pub const FONT: &str = "Helvetica, Arial, sans-serif";

/// Colours of a chart. Dark mode is its own palette, not an inversion.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Theme {
    pub text: RGBColor,
    pub muted: RGBColor,
    pub grid: RGBColor,
    pub axis: RGBColor,
    /// Reported or forecast series.
    pub series: RGBColor,
    /// The reader's own scenario.
    pub accent: RGBColor,
}

impl Theme {
    pub const LIGHT: Theme = Theme {
        text: RGBColor(0x1d, 0x1d, 0x1b),
        muted: RGBColor(0x5c, 0x5a, 0x55),
        grid: RGBColor(0xe3, 0xdf, 0xd6),
        axis: RGBColor(0x8a, 0x86, 0x7e),
        series: RGBColor(0x1f, 0x5f, 0x99),
        accent: RGBColor(0xc4, 0x4b, 0x0c),
    };
    pub const DARK: Theme = Theme {
        text: RGBColor(0xec, 0xe9, 0xe2),
        muted: RGBColor(0xb3, 0xae, 0xa4),
        grid: RGBColor(0x3a, 0x38, 0x34),
        axis: RGBColor(0x7d, 0x79, 0x71),
        series: RGBColor(0x7f, 0xb8, 0xef),
        accent: RGBColor(0xff, 0x9a, 0x52),
    };
}

/// Linear or logarithmic value axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Scale {
    #[default]
    Linear,
    Log,
}

/// A drawing backend that forwards everything to `B` but measures text from
/// fixed metrics of [`FONT`] instead of asking a font engine or the DOM.
pub struct FixedMetrics<B>(pub B);

/// Width of a character of [`FONT`], in ems (Helvetica's advance widths,
/// grouped).
fn char_width(c: char) -> f64 {
    match c {
        '0'..='9' | '$' | '−' | '–' => 0.556,
        '.' | ',' | ':' | ';' | '\'' | ' ' | 'i' | 'j' | 'l' | '|' | '!' => 0.278,
        '(' | ')' | '-' | 'f' | 't' | 'r' | 'I' => 0.333,
        'm' | 'M' | 'W' | 'w' | '%' => 0.85,
        'A'..='Z' => 0.667,
        _ => 0.53,
    }
}

/// Width and height in pixels of `text` at a font size of `px`.
pub fn text_size(text: &str, px: f64) -> (u32, u32) {
    let width: f64 = text.chars().map(char_width).sum::<f64>() * px;
    (width.ceil() as u32, px.ceil() as u32)
}

impl<B: DrawingBackend> DrawingBackend for FixedMetrics<B> {
    type ErrorType = B::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.0.get_size()
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.0.ensure_prepared()
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.0.present()
    }
    fn draw_pixel(&mut self, p: BackendCoord, c: BackendColor) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.0.draw_pixel(p, c)
    }
    fn draw_line<S: BackendStyle>(&mut self, a: BackendCoord, b: BackendCoord, s: &S) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.0.draw_line(a, b, s)
    }
    fn draw_rect<S: BackendStyle>(&mut self, a: BackendCoord, b: BackendCoord, s: &S, fill: bool) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.0.draw_rect(a, b, s, fill)
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, s: &S) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.0.draw_path(path, s)
    }
    fn draw_circle<S: BackendStyle>(&mut self, c: BackendCoord, r: u32, s: &S, fill: bool) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.0.draw_circle(c, r, s, fill)
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, s: &S) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.0.fill_polygon(vert, s)
    }
    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, s: &S, pos: BackendCoord) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.0.draw_text(text, s, pos)
    }
    fn estimate_text_size<S: BackendTextStyle>(&self, text: &str, s: &S) -> Result<(u32, u32), DrawingErrorKind<B::ErrorType>> {
        // plotters asks for `size`, and SVG writes `size / 1.24` as font-size.
        Ok(text_size(text, s.size() / 1.24))
    }
    fn blit_bitmap(&mut self, pos: BackendCoord, size: (u32, u32), src: &[u8]) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.0.blit_bitmap(pos, size, src)
    }
}

/// Error from drawing a chart.
pub type DrawError = Box<dyn std::error::Error + Send + Sync>;

/// Renders a chart of `width` × `height` pixels to an SVG document.
pub fn svg<F>(width: u32, height: u32, draw: F) -> Result<String, DrawError>
where
    F: FnOnce(&DrawingArea<FixedMetrics<SVGBackend<'_>>, Shift>) -> Result<(), DrawError>,
{
    let mut out = String::new();
    {
        let root = FixedMetrics(SVGBackend::with_string(&mut out, (width, height))).into_drawing_area();
        draw(&root)?;
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(out)
}

/// Font size in the units plotters expects, for a pixel size on screen.
fn font(px: f64) -> FontDesc<'static> {
    (FONT, px * 1.24).into_font()
}

/// Pixel size of chart text: larger on wide charts, never below 12 px.
fn text_px(width: u32) -> f64 {
    if width < 480 {
        13.0
    } else {
        14.0
    }
}

/// Draws the market-growth chart: the path the forecast implies and the
/// reader's path, year by year, labelled at their ends.
pub fn draw_market_growth<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    p: &Projection,
    scale: Scale,
    theme: &Theme,
) -> Result<(), DrawError>
where
    DB::ErrorType: 'static,
{
    let forecast: Vec<(i32, f64)> = p.path.iter().map(|v| (v.year, v.forecast)).collect();
    let reader: Vec<(i32, f64)> = p.path.iter().map(|v| (v.year, v.reader)).collect();
    let series = [
        // The forecast is wide and drawn first, so the reader's line stays
        // visible on top of it when the two coincide.
        Series { name: "Forecast", points: forecast, color: theme.series, width: 5 },
        Series { name: "Your rate", points: reader, color: theme.accent, width: 2 },
    ];
    draw_year_lines(root, &series, (p.start_year, p.end_year), scale, theme)
}

/// One line on a year chart.
pub struct Series {
    pub name: &'static str,
    pub points: Vec<(i32, f64)>,
    pub color: RGBColor,
    pub width: u32,
}

/// A line chart over whole years, labelled at the right-hand end of each
/// line. Non-finite points (and, on a log scale, non-positive ones) are
/// left out.
pub fn draw_year_lines<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    series: &[Series],
    years: (i32, i32),
    scale: Scale,
    theme: &Theme,
) -> Result<(), DrawError>
where
    DB::ErrorType: 'static,
{
    let keep = |y: f64| y.is_finite() && (scale == Scale::Linear || y > 0.0);
    let values = || series.iter().flat_map(|s| s.points.iter().map(|p| p.1)).filter(|&y| keep(y));
    let max = values().fold(f64::MIN, f64::max);
    let min = values().fold(f64::MAX, f64::min);
    let (max, min) = if max >= min { (max, min) } else { (1.0, 1.0) };
    let (width, _) = root.dim_in_pixel();
    let px = text_px(width);
    let (first, last) = (years.0, years.1.max(years.0 + 1));
    let label_room = series
        .iter()
        .map(|s| text_size(s.name, px).0 + 14)
        .max()
        .unwrap_or(0);

    let mut builder = ChartBuilder::on(root);
    builder
        .margin_top(12)
        .margin_right(label_room)
        .margin_left(4)
        .x_label_area_size((px * 2.0) as u32)
        .y_label_area_size((px * 3.6) as u32);
    let x_step = if width < 480 { 2 } else { 1 };
    let lines: Vec<(&Series, Vec<(i32, f64)>)> = series
        .iter()
        .map(|s| (s, s.points.iter().copied().filter(|p| keep(p.1)).collect()))
        .collect();
    let ends = match scale {
        Scale::Linear => {
            let top = if max > 0.0 { max * 1.08 } else { 1.0 };
            let bottom = if min < 0.0 { min * 1.08 } else { 0.0 };
            let mut chart = builder.build_cartesian_2d(first..last, bottom..top)?;
            mesh(&mut chart, px, x_step, last - first, theme)?;
            plot(&mut chart, &lines)?
        }
        Scale::Log => {
            let lo = (min * 0.7).max(f64::MIN_POSITIVE);
            let hi = (max * 1.4).max(lo * 10.0);
            let mut chart = builder.build_cartesian_2d(first..last, (lo..hi).log_scale())?;
            mesh(&mut chart, px, x_step, last - first, theme)?;
            plot(&mut chart, &lines)?
        }
    };
    end_labels(root, &ends, px)?;
    Ok(())
}

type Chart<'a, DB, Y> = ChartContext<'a, DB, Cartesian2d<plotters::coord::types::RangedCoordi32, Y>>;

fn mesh<DB: DrawingBackend, Y>(chart: &mut Chart<'_, DB, Y>, px: f64, x_step: i32, span: i32, theme: &Theme) -> Result<(), DrawError>
where
    DB::ErrorType: 'static,
    Y: Ranged<ValueType = f64> + ValueFormatter<f64>,
{
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels((span / x_step + 1) as usize)
        .y_labels(5)
        .x_label_formatter(&|y| y.to_string())
        .y_label_formatter(&|v| format::axis(*v))
        .label_style(font(px).color(&theme.muted))
        .axis_style(theme.axis)
        .bold_line_style(theme.grid)
        .light_line_style(TRANSPARENT)
        .draw()?;
    Ok(())
}

/// Where each line ends, in pixels, with its name and colour.
type End = (BackendCoord, &'static str, RGBColor);

fn plot<DB: DrawingBackend, Y>(chart: &mut Chart<'_, DB, Y>, lines: &[(&Series, Vec<(i32, f64)>)]) -> Result<Vec<End>, DrawError>
where
    DB::ErrorType: 'static,
    Y: Ranged<ValueType = f64>,
{
    let mut ends = Vec::new();
    for (s, points) in lines {
        let style = Color::stroke_width(&s.color, s.width);
        chart.draw_series(LineSeries::new(points.iter().copied(), style))?;
        if let Some(&last) = points.last() {
            chart.draw_series(std::iter::once(Circle::new(last, (s.width / 2 + 2).min(5), s.color.filled())))?;
            ends.push((chart.backend_coord(&last), s.name, s.color));
        }
    }
    Ok(ends)
}

/// Writes each line's name at its end, nudged apart so labels never overlap.
fn end_labels<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, ends: &[End], px: f64) -> Result<(), DrawError>
where
    DB::ErrorType: 'static,
{
    let mut placed: Vec<(BackendCoord, &str, RGBColor)> = ends.to_vec();
    placed.sort_by_key(|e| e.0 .1);
    let gap = (px * 1.3) as i32;
    for i in 1..placed.len() {
        let above = placed[i - 1].0 .1;
        if placed[i].0 .1 - above < gap {
            placed[i].0 .1 = above + gap;
        }
    }
    for ((x, y), name, color) in placed {
        let style = font(px).color(&color).pos(Pos::new(HPos::Left, VPos::Center));
        root.draw(&Text::new(name, (x + 8, y), style))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::market::{project, MARKET_GROWTH};
    use proptest::prelude::*;

    fn market_svg(values: &[f64], scale: Scale, width: u32) -> String {
        let p = project(values);
        svg(width, 360, |root| draw_market_growth(root, &p, scale, &Theme::LIGHT)).unwrap()
    }

    #[test]
    fn market_chart_has_both_series_axes_and_labels() {
        let out = market_svg(&MARKET_GROWTH.defaults(), Scale::Linear, 720);
        assert!(out.starts_with("<svg"), "{out}");
        assert!(out.contains(r#"viewBox="0 0 720 360""#));
        // Two lines, in the forecast and the accent colour.
        assert_eq!(out.matches(r##"<polyline fill="none" opacity="1" stroke="#1F5F99""##).count(), 1, "forecast line");
        assert_eq!(out.matches(r##"<polyline fill="none" opacity="1" stroke="#C44B0C""##).count(), 1, "reader line");
        for label in ["2024", "2027", "2030", "Forecast", "Your rate", "100", "0"] {
            assert!(out.contains(&format!(">{label}\n<")) || out.contains(&format!("\n{label}\n")), "missing label {label}");
        }
        assert!(!out.contains("NaN") && !out.contains("inf"));
    }

    #[test]
    fn log_scale_labels_powers_of_ten() {
        let out = market_svg(&MARKET_GROWTH.defaults(), Scale::Log, 720);
        for label in ["10", "100"] {
            assert!(out.contains(&format!("\n{label}\n")), "missing label {label}: {out}");
        }
        assert_ne!(out, market_svg(&MARKET_GROWTH.defaults(), Scale::Linear, 720));
    }

    #[test]
    fn narrow_charts_label_every_other_year() {
        let out = market_svg(&MARKET_GROWTH.defaults(), Scale::Linear, 360);
        assert!(out.contains("\n2026\n") && !out.contains("\n2025\n"), "{out}");
    }

    #[test]
    fn end_labels_do_not_overlap_when_lines_meet() {
        // At the default rate both lines end at about 140: labels nudged apart.
        let out = market_svg(&MARKET_GROWTH.defaults(), Scale::Linear, 720);
        let y_of = |name: &str| -> i32 {
            let at = out.find(&format!("\n{name}\n")).unwrap();
            let tag = &out[out[..at].rfind("<text").unwrap()..at];
            let y = tag.split("y=\"").nth(1).unwrap();
            y[..y.find('"').unwrap()].parse().unwrap()
        };
        assert!((y_of("Forecast") - y_of("Your rate")).abs() >= 15);
    }

    #[test]
    fn text_metrics_are_fixed() {
        assert_eq!(text_size("2030", 10.0), (23, 10));
        assert_eq!(text_size("", 13.0), (0, 13));
    }

    proptest! {
        #[test]
        fn any_projection_draws_without_error_or_nan(
            start in prop_oneof![any::<f64>(), Just(f64::NAN), Just(0.0), Just(1e308)],
            end in prop_oneof![any::<f64>(), Just(f64::INFINITY), Just(-1.0)],
            rate in prop_oneof![any::<f64>(), Just(-50.0), Just(200.0)],
            log in any::<bool>(),
        ) {
            let scale = if log { Scale::Log } else { Scale::Linear };
            let out = market_svg(&[start, end, rate], scale, 400);
            prop_assert!(!out.contains("NaN") && !out.contains("inf"));
        }
    }
}
