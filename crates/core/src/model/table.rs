//! A chart's data as a table: what the page shows under each chart, and
//! what a CSV export writes.

use crate::text::format::{grouped, Currency, Lang, Money};
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
    /// The language its header is written in ([`Table::in_chinese`]).
    pub lang: Lang,
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
        Self { label, unit, decimals, rate: None, lang: Lang::En }
    }

    /// A unit in Chinese, and what a number in the unit is multiplied by
    /// to be counted in it: money in 亿 and 万 ([`Magnitude::zh`]), one
    /// unit for the whole column.
    ///
    /// [`Magnitude::zh`]: crate::text::format::Magnitude::zh
    pub fn zh_unit(unit: &'static str) -> (&'static str, f64) {
        match unit {
            "US$ bn" => ("亿美元", 10.0),
            "CN¥ bn" => ("亿元", 10.0),
            "US$ m" => ("亿美元", 0.01),
            "CN¥ m" => ("亿元", 0.01),
            "US$ tn" => ("万亿美元", 1.0),
            "CN¥ tn" => ("万亿元", 1.0),
            "US$" => ("万美元", 1e-4),
            "CN¥" => ("万元", 1e-4),
            "US$ per million tokens" => ("美元/百万词元", 1.0),
            "CN¥ per million tokens" => ("元/百万词元", 1.0),
            "firms" => ("家", 1.0),
            "×" => ("倍", 1.0),
            "days" => ("天", 1.0),
            "minutes" => ("分钟", 1.0),
            "suggestions" => ("条", 1.0),
            other => (other, 1.0),
        }
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

    /// The header as shown: "Forecast path (US$ bn)", "预测路径（亿美元）".
    pub fn header(&self) -> String {
        match (self.unit.is_empty(), self.lang.in_build()) {
            (true, _) => self.label.to_string(),
            (false, Lang::En) => format!("{} ({})", self.label, self.unit),
            (false, Lang::Zh) => format!("{}（{}）", self.label, self.unit),
        }
    }

    /// The header a CSV file writes, which has no chart subtitle beside it
    /// to give the rate: "Forecast path (CN¥ bn, at 7.14 yuan per US
    /// dollar, our conversion)".
    pub fn csv_header(&self) -> String {
        match (self.rate, self.lang.in_build()) {
            (Some(rate), Lang::En) => format!("{} ({}, {})", self.label, self.unit, Money { currency: Currency::Cny, rate }.conversion()),
            (Some(rate), Lang::Zh) => format!("{}（{}，按1美元兑{}元换算，本站换算）", self.label, self.unit, crate::text::format::trimmed(rate, 2)),
            (None, _) => self.header(),
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

    /// The table with Chinese headers' units and its numbers counted in
    /// them (US$ bn columns in 亿美元, ten times the number); the labels
    /// are the calculator's. Run after [`Table::in_money`].
    pub fn in_chinese(&mut self) {
        for (i, col) in self.columns.iter_mut().enumerate() {
            let (unit, factor) = Column::zh_unit(col.unit);
            col.unit = unit;
            col.lang = Lang::Zh;
            if factor != 1.0 {
                // Places follow the factor, two at most: 3.2 (US$ bn) is 32 (亿美元).
                let shift = factor.log10().round() as i32;
                col.decimals = (col.decimals as i32 - shift).clamp(0, 2) as usize;
                for row in &mut self.rows {
                    if let Some(Cell::Num(x)) = row.get_mut(i) {
                        *x *= factor;
                    }
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
                    Cell::Num(x) if column.lang.in_build() == Lang::Zh => push_escaped(&mut out, &crate::text::format::plain(*x, column.decimals)),
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
    fn a_chinese_table_counts_money_in_yi_and_keeps_plain_numbers_in_its_csv() {
        let mut t = Table {
            columns: vec![Column::new("年份", "", 0), Column::new("核心产业", "US$ bn", 1), Column::new("比例", "%", 1)],
            rows: vec![vec![Cell::Text("2030".into()), Cell::Num(140.0), Cell::Num(5.0)]],
        };
        t.in_money(3_000_000.0 / 420_000.0);
        t.in_chinese();
        assert_eq!(t.to_csv(), "年份,核心产业（亿元，按1美元兑7.14元换算，本站换算）,比例（%）\n2030,10000,5.0\n");
        assert_eq!(t.columns[1].header(), "核心产业（亿元）");
        assert!(t.to_html("表").contains("<td>10000</td>"), "no separators in Chinese tables");
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
