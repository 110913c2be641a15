//! A chart's data as a table: what the page shows under each chart, and
//! what a CSV export writes.

use crate::text::format::{grouped, Currency, Money};
use crate::text::html::push_escaped;
use crate::text::num;

/// One column: a label and the unit its numbers are in.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub label: &'static str,
    /// Unit of the column's numbers, e.g. "US$ bn"; empty for labels.
    pub unit: &'static str,
    /// Decimal places its numbers are shown with.
    pub decimals: usize,
    /// For a column converted into yuan: the yuan per US dollar used.
    pub rate: Option<f64>,
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
        Self { label, unit, decimals, rate: None }
    }

    /// The unit of a column counted in US dollars, in yuan; `None` for a
    /// column not counted in US dollars.
    pub fn yuan_unit(unit: &str) -> Option<&'static str> {
        Some(match unit {
            "US$" => "CN¥",
            "US$ m" => "CN¥ m",
            "US$ bn" => "CN¥ bn",
            "US$ tn" => "CN¥ tn",
            "US$ per million tokens" => "CN¥ per million tokens",
            _ => return None,
        })
    }

    /// The header as shown: "Forecast path (US$ bn)".
    pub fn header(&self) -> String {
        if self.unit.is_empty() {
            self.label.to_string()
        } else {
            format!("{} ({})", self.label, self.unit)
        }
    }

    /// The header a CSV file writes, which has no chart subtitle beside it
    /// to give the rate: "Forecast path (CN¥ bn, at 7.14 yuan per US
    /// dollar, our conversion)".
    pub fn csv_header(&self) -> String {
        match self.rate {
            Some(rate) => format!("{} ({}, {})", self.label, self.unit, Money { currency: Currency::Cny, rate }.conversion()),
            None => self.header(),
        }
    }
}

impl Table {
    /// Converts every column counted in US dollars into yuan at `rate`
    /// yuan per dollar. A column in a unit [`Column::yuan_unit`] does not
    /// know stays as it is (a test checks every calculator's columns).
    pub fn in_money(&mut self, rate: f64) {
        for (i, col) in self.columns.iter_mut().enumerate() {
            let Some(unit) = Column::yuan_unit(col.unit) else { continue };
            col.unit = unit;
            col.rate = Some(rate);
            for row in &mut self.rows {
                if let Some(Cell::Num(x)) = row.get_mut(i) {
                    *x *= rate;
                }
            }
        }
    }

    /// The table as CSV: a header row with units, then one row per line,
    /// numbers at their column's precision without thousands separators.
    pub fn to_csv(&self) -> String {
        let field = |s: &str| {
            if s.contains([',', '"', '\n']) {
                format!("\"{}\"", s.replace('"', "\"\""))
            } else {
                s.to_string()
            }
        };
        let mut out = self.columns.iter().map(|c| field(&c.csv_header())).collect::<Vec<_>>().join(",");
        out.push('\n');
        for row in &self.rows {
            let cells: Vec<String> = row
                .iter()
                .zip(&self.columns)
                .map(|(cell, column)| match cell {
                    Cell::Num(x) => num::fixed(*x, column.decimals).unwrap_or_default(),
                    Cell::Text(t) => field(t),
                })
                .collect();
            out.push_str(&cells.join(","));
            out.push('\n');
        }
        out
    }

    /// The table as HTML (caption, header row, one row per line, the first
    /// column as row headers), numbers grouped at their column's precision;
    /// every text is escaped.
    pub fn to_html(&self, caption: &str) -> String {
        let mut out = String::from("<table><caption class=\"visually-hidden\">");
        push_escaped(&mut out, caption);
        out.push_str("</caption><thead><tr>");
        for column in &self.columns {
            out.push_str("<th scope=\"col\">");
            push_escaped(&mut out, &column.header());
            out.push_str("</th>");
        }
        out.push_str("</tr></thead><tbody data-testid=\"table-body\">");
        for row in &self.rows {
            out.push_str("<tr>");
            for (i, (cell, column)) in row.iter().zip(&self.columns).enumerate() {
                out.push_str(if i == 0 { "<th scope=\"row\">" } else { "<td>" });
                match cell {
                    Cell::Num(x) => push_escaped(&mut out, &grouped(*x, column.decimals)),
                    Cell::Text(t) => push_escaped(&mut out, t),
                }
                out.push_str(if i == 0 { "</th>" } else { "</td>" });
            }
            out.push_str("</tr>");
        }
        out.push_str("</tbody></table>");
        out
    }

    /// True when every number in the table is finite.
    pub fn is_finite(&self) -> bool {
        self.rows.iter().flatten().all(|c| match c {
            Cell::Num(x) => x.is_finite(),
            Cell::Text(_) => true,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_has_units_in_the_header_and_quotes_what_needs_it() {
        let t = Table {
            columns: vec![Column::new("Figures", "", 0), Column::new("Core", "US$ bn", 1)],
            rows: vec![vec![Cell::Text("Forecast, 2030".into()), Cell::Num(1400.04)], vec![Cell::Text("Say \"hi\"".into()), Cell::Num(f64::NAN)]],
        };
        assert_eq!(t.to_csv(), "Figures,Core (US$ bn)\n\"Forecast, 2030\",1400.0\n\"Say \"\"hi\"\"\",\n");
    }

    #[test]
    fn a_csv_in_yuan_gives_its_rate_in_the_header() {
        let mut t = Table {
            columns: vec![Column::new("Year", "", 0), Column::new("Core", "US$ bn", 1), Column::new("Share", "%", 1)],
            rows: vec![vec![Cell::Text("2030".into()), Cell::Num(140.0), Cell::Num(5.0)]],
        };
        t.in_money(3_000_000.0 / 420_000.0);
        assert_eq!(t.to_csv(), "Year,\"Core (CN¥ bn, at 7.14 yuan per US dollar, our conversion)\",Share (%)\n2030,1000.0,5.0\n");
        // The page's table has the chart's subtitle above it instead.
        assert_eq!(t.columns[1].header(), "Core (CN¥ bn)");
    }

    #[test]
    fn html_has_headers_row_headers_and_escapes_text() {
        let t = Table {
            columns: vec![Column::new("Year", "", 0), Column::new("Core", "US$ bn", 1)],
            rows: vec![vec![Cell::Text("<b>2030</b>".into()), Cell::Num(1400.04)]],
        };
        let html = t.to_html("Sizes & forecasts");
        assert_eq!(
            html,
            "<table><caption class=\"visually-hidden\">Sizes &amp; forecasts</caption>\
             <thead><tr><th scope=\"col\">Year</th><th scope=\"col\">Core (US$ bn)</th></tr></thead>\
             <tbody data-testid=\"table-body\"><tr><th scope=\"row\">&lt;b&gt;2030&lt;/b&gt;</th><td>1,400.0</td></tr></tbody></table>"
        );
    }
}
