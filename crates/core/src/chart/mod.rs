//! Charts: what a chart shows ([`Plot`]: lines or bars, with their
//! series, axes and labels) and how it is drawn, generic over plotters'
//! [`DrawingBackend`].
//!
//! Chart functions take these plain values and a [`Palette`] and draw; they
//! do no maths beyond choosing axis ranges, and they skip any non-finite
//! point rather than pass it to plotters. [`svg`] renders a chart to an SVG
//! string through [`SvgBackend`], which answers text-size questions from
//! fixed font metrics: the browser then never has to lay out a label to
//! measure it, and native and browser output are byte-identical.
//!
//! Uses only [`crate::text`].

pub mod axis;
mod bars;
mod labels;
pub mod layout;
mod lines;
mod palette;
pub mod qr;
pub mod svg;
mod tornado;

pub use bars::*;
pub use labels::*;
pub use lines::*;
pub use palette::{palette_css, Palette, Role};
pub use qr::QrModules;
pub use tornado::*;

use axis::Axis;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_backend::BackendCoord;
pub use svg::{text_size, SvgBackend, FONT};

/// Linear or logarithmic value axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Scale {
    #[default]
    Linear,
    Log,
}

/// Error from drawing a chart.
pub type DrawError = Box<dyn std::error::Error + Send + Sync>;

/// Renders a chart of `width` × `height` pixels to an SVG document.
pub fn svg<F>(width: u32, height: u32, draw: F) -> Result<String, DrawError>
where
    F: FnOnce(&DrawingArea<SvgBackend<'_>, Shift>) -> Result<(), DrawError>,
{
    svg::render(width, height, draw)
}

/// A chart of either kind.
#[derive(Clone, Debug)]
pub enum Plot {
    Lines(LineChart),
    Bars(BarChart),
}

impl Plot {
    /// Draws the chart on any plotters backend.
    pub fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>, palette: &Palette) -> Result<(), DrawError>
    where
        DB::ErrorType: 'static,
    {
        match self {
            Plot::Lines(c) => draw_lines(root, c, palette),
            Plot::Bars(c) => draw_bars(root, c, palette),
        }
    }

    /// The chart's shape drawn whole, a tornado under its lines included
    /// (an exported chart).
    pub fn kind(&self) -> layout::Kind {
        match self {
            Plot::Lines(c) if c.tornado.is_some() => layout::Kind::Tornado,
            plot => plot.kind_alone(),
        }
    }

    /// Which box the page reserves for the chart itself: a page shows a
    /// tornado in a box of its own.
    pub fn kind_alone(&self) -> layout::Kind {
        match self {
            Plot::Lines(_) => layout::Kind::Lines,
            Plot::Bars(_) => layout::Kind::Bars,
        }
    }

    /// The tornado under the lines, if the chart has one.
    pub fn tornado(&self) -> Option<&Tornado> {
        match self {
            Plot::Lines(c) => c.tornado.as_ref(),
            Plot::Bars(_) => None,
        }
    }

    /// Draws the chart without its tornado.
    pub fn draw_alone<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>, palette: &Palette) -> Result<(), DrawError>
    where
        DB::ErrorType: 'static,
    {
        match self {
            Plot::Lines(c) => draw_line_chart(root, c, palette),
            Plot::Bars(c) => draw_bars(root, c, palette),
        }
    }

    /// The value scale the chart is drawn on.
    pub fn scale(&self) -> Scale {
        match self {
            Plot::Lines(c) => c.scale,
            Plot::Bars(c) => c.scale,
        }
    }

    /// Multiplies every value on the value axis by `k` (money into
    /// another currency): lines, bands, markers, bars and any tornado.
    pub fn scale_values(&mut self, k: f64) {
        match self {
            Plot::Lines(c) => {
                for s in &mut c.series {
                    s.points.iter_mut().for_each(|p| p.1 *= k);
                }
                for b in &mut c.bands {
                    b.points.iter_mut().for_each(|p| (p.1, p.2) = (p.1 * k, p.2 * k));
                }
                c.markers.iter_mut().for_each(|m| m.at.1 *= k);
                if let Some(t) = &mut c.tornado {
                    t.centre *= k;
                    t.bars.iter_mut().for_each(|b| (b.low, b.high) = (b.low * k, b.high * k));
                }
            }
            Plot::Bars(c) => c.bars.iter_mut().flat_map(|b| &mut b.segments).for_each(|s| s.0 *= k),
        }
    }

    /// Renders the chart to an SVG document of `width` × `height` pixels.
    pub fn svg(&self, width: u32, height: u32, palette: &Palette) -> Result<String, DrawError> {
        svg(width, height, |root| self.draw(root, palette))
    }

    /// Renders the chart without its tornado, `width` × `height` pixels.
    pub fn svg_alone(&self, width: u32, height: u32, palette: &Palette) -> Result<String, DrawError> {
        svg(width, height, |root| self.draw_alone(root, palette))
    }

    /// Renders the tornado alone, `width` × [`TORNADO_HEIGHT`] pixels, if
    /// the chart has one.
    pub fn tornado_svg(&self, width: u32, palette: &Palette) -> Option<Result<String, DrawError>> {
        let tornado = self.tornado()?;
        Some(svg(width, TORNADO_HEIGHT, |root| draw_tornado(root, tornado, palette)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::format;
    use proptest::prelude::*;

    /// A forecast and a reader's path from 2024 to 2030, as on the market chart.
    fn two_paths(forecast_rate: f64, reader_rate: f64, scale: Scale) -> Plot {
        let path = |rate: f64| (0..=6).map(|t| (2024.0 + f64::from(t), 3.2 * (1.0 + rate).powi(t))).collect();
        let series = |name, points, role, width| Series { name, points, role, width, dashed: false };
        Plot::Lines(LineChart {
            series: vec![series("Forecast", path(forecast_rate), Role::Series, 5), series("Your rate", path(reader_rate), Role::Accent, 2)],
            x_range: (2024.0, 2030.0),
            x_label: year_label,
            y_label: format::axis,
            scale,
            y_cap: None,
            markers: Vec::new(),
            bands: Vec::new(),
            tornado: None,
        })
    }

    fn draw(plot: &Plot, width: u32) -> String {
        plot.svg(width, 360, &Palette::LIGHT).unwrap()
    }

    #[test]
    fn a_line_chart_has_both_series_axes_and_labels() {
        let out = draw(&two_paths(0.877, 0.5, Scale::Linear), 720);
        assert!(out.starts_with("<svg"), "{out}");
        assert!(out.contains(r#"viewBox="0 0 720 360""#));
        // Two lines, in the series and the accent colour.
        assert_eq!(out.matches(r##"<polyline stroke="#1F5F99" fill="none""##).count(), 1, "forecast line");
        assert_eq!(out.matches(r##"<polyline stroke="#C44B0C" fill="none""##).count(), 1, "reader line");
        for label in ["2024", "2027", "2030", "Forecast", "Your rate", "100", "0"] {
            assert!(out.contains(&format!(">{label}</text>")), "missing label {label}");
        }
    }

    #[test]
    fn log_scale_labels_powers_of_ten() {
        let out = draw(&two_paths(0.877, 0.5, Scale::Log), 720);
        for label in ["10", "100"] {
            assert!(out.contains(&format!(">{label}</text>")), "missing label {label}: {out}");
        }
        assert_ne!(out, draw(&two_paths(0.877, 0.5, Scale::Linear), 720));
    }

    #[test]
    fn narrow_charts_label_every_other_year() {
        let out = draw(&two_paths(0.877, 0.5, Scale::Linear), 360);
        assert!(out.contains(">2026</text>") && !out.contains(">2025</text>"), "{out}");
    }

    #[test]
    fn end_labels_do_not_overlap_when_lines_meet() {
        // Both lines end at the same point: their labels are nudged apart.
        let out = draw(&two_paths(0.877, 0.877, Scale::Linear), 720);
        let y_of = |name: &str| -> i32 {
            let at = out.find(&format!(">{name}</text>")).unwrap();
            let tag = &out[out[..at].rfind("<text").unwrap()..at];
            let y = tag.split("y=\"").nth(1).unwrap();
            y[..y.find('"').unwrap()].parse().unwrap()
        };
        assert!((y_of("Forecast") - y_of("Your rate")).abs() >= 15);
    }

    #[test]
    fn bars_start_at_zero_with_labels_and_values() {
        let bar = |label: &str, value, role| Bar { label: label.into(), segments: vec![(value, role, format!("{value} in all"))] };
        let plot = Plot::Bars(BarChart {
            bars: vec![bar("First", 140.0, Role::Series), bar("Second", 1400.0, Role::Accent)],
            scale: Scale::Linear,
            x_label: format::axis,
            ticks: None,
        });
        let out = draw(&plot, 720);
        for text in [">First</text>", ">Second</text>", ">1400 in all</text>", ">0</text>"] {
            assert!(out.contains(text), "missing {text}: {out}");
        }
        assert_eq!(out.matches("<rect fill=\"#C44B0C\"").count(), 1);
        assert_eq!(plot.kind(), layout::Kind::Bars);
    }

    #[test]
    fn text_metrics_are_fixed() {
        assert_eq!(text_size("2030", 10.0), (23, 10));
        assert_eq!(text_size("", 13.0), (0, 13));
    }

    fn wild() -> impl Strategy<Value = f64> {
        prop_oneof![any::<f64>(), Just(f64::NAN), Just(f64::INFINITY), Just(-f64::INFINITY), Just(0.0), Just(1e308), -1e6..1e6f64]
    }

    proptest! {
        /// Whatever points a chart is given, it draws, with no NaN or
        /// infinity in the SVG.
        #[test]
        fn any_points_draw_without_error_or_nan(
            points in proptest::collection::vec((wild(), wild()), 0..12),
            cap in proptest::option::of(wild()),
            log in any::<bool>(),
            bars in any::<bool>(),
            tornado in any::<bool>(),
        ) {
            let scale = if log { Scale::Log } else { Scale::Linear };
            let plot = if bars {
                Plot::Bars(BarChart {
                    bars: points.iter().map(|p| Bar { label: "b".into(), segments: vec![(p.0, Role::Series, String::new()), (p.1, Role::Neutral, "x".into())] }).collect(),
                    scale,
                    x_label: format::axis,
                    ticks: None,
                })
            } else {
                Plot::Lines(LineChart {
                    series: vec![Series { name: "A", points: points.clone(), role: Role::Series, width: 2, dashed: true }],
                    x_range: (points.first().map_or(0.0, |p| p.0), points.last().map_or(1.0, |p| p.0)),
                    x_label: format::axis,
                    y_label: format::axis,
                    scale,
                    y_cap: cap,
                    markers: points.iter().map(|p| Marker { at: *p, label: "m".into(), role: Role::Accent }).collect(),
                    bands: vec![Band { points: points.iter().map(|p| (p.0, p.1, p.0)).collect(), role: Role::Accent, alpha: 0.2 }],
                    tornado: tornado.then(|| Tornado {
                        heading: "h".into(),
                        centre: cap.unwrap_or(0.0),
                        bars: points.iter().map(|p| Swing { input: "i", label: "s".into(), low: p.0, high: p.1 }).collect(),
                        x_label: format::axis,
                        key: ["low", "high"],
                    }),
                })
            };
            let out = plot.svg(400, 300, &Palette::DARK).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert!(!out.contains("NaN") && !out.contains("inf"), "{}", out);
        }
    }
}
