//! Everything a calculator shows besides its live numbers, computed in one
//! place: chart, its three lines of text, the data table and the working.

use crate::calc::Calculator;
use crate::chart::{self, BarChart, DrawError, LineChart, Scale, Theme};
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
