//! A chart's data as a table: what the page shows under each chart, and
//! what a CSV export writes.

/// One column: a label and the unit its numbers are in.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub label: &'static str,
    /// Unit of the column's numbers, e.g. "US$ bn"; empty for labels.
    pub unit: &'static str,
    /// Decimal places its numbers are shown with.
    pub decimals: usize,
}

/// A cell: a number (formatted by the reader's page) or text.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Num(f64),
    Text(String),
}

/// The data behind a chart.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
}

impl Column {
    pub const fn new(label: &'static str, unit: &'static str, decimals: usize) -> Self {
        Self { label, unit, decimals }
    }

    /// The header as shown: "Forecast path (US$ bn)".
    pub fn header(&self) -> String {
        if self.unit.is_empty() {
            self.label.to_string()
        } else {
            format!("{} ({})", self.label, self.unit)
        }
    }
}

impl Table {
    /// True when every number in the table is finite.
    pub fn is_finite(&self) -> bool {
        self.rows.iter().flatten().all(|c| match c {
            Cell::Num(x) => x.is_finite(),
            Cell::Text(_) => true,
        })
    }
}
