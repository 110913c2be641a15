//! A calculator card as markup, written once for every page that shows
//! one: the story (prerendered), a widget's own page (prerendered, and the
//! embed), and a card the app builds from nothing. The app never builds a
//! card of its own: it brings this markup to life where it stands, finding
//! each part by the ids and classes written here.
//!
//! ```text
//! div.calc#<id>
//!   div.calc-head            title and introduction
//!   div.calc-body
//!     div.calc-inputs        sliders and fields (or stand-ins), buttons
//!     div.calc-results
//!       dl.calc-outputs      the live results
//!       div.calc-notes       the range, the working, a notice
//!   fieldset.scale-switch    (where the chart has one)
//!   figure.chart#<id>-chart  title, subtitle, the drawing, the source
//!   details.calc-table       the chart's values, written when opened
//!   div.share-bar            Share, Embed, newsletter, downloads, status
//! ```

use crate::calculators::{heading_html, Calculator};
use crate::chart::Scale;
use crate::model::{output, Figure};
use crate::text::html::push_escaped;
use crate::web::{controls, publish};

/// What stands in a card's chart box.
#[derive(Clone, Copy, Debug)]
pub enum Art<'a> {
    /// The drawing itself, an SVG document.
    Svg(&'a str),
    /// A file of the drawing, fetched only near the view (the story page,
    /// where the live card redraws it first).
    Image(&'a str),
    /// Nothing yet: the app draws it.
    Empty,
}

/// One card as a page shows it.
pub struct Card<'a> {
    pub calc: &'static Calculator,
    /// What the card shows: the figure at `values` and `scale`.
    pub figure: &'a Figure,
    pub values: &'a [f64],
    pub scale: Scale,
    /// The level of the card's title: 1 alone on its page, 3 in the story.
    pub level: u8,
    /// Form controls, or boxes that look like them (the story page, where
    /// seventy native controls were most of the work of a first layout).
    pub live: bool,
    pub art: Art<'a>,
}

/// The element id of a calculator's chart figure; its title adds `-title`.
pub fn chart_id(calc: &Calculator) -> String {
    format!("{}-chart", calc.id)
}

/// The card's markup. Every text is escaped.
pub fn html(card: &Card) -> String {
    let (calc, figure) = (card.calc, card.figure);
    let mut out = String::with_capacity(8 * 1024);
    out.push_str(&format!("<div class=\"calc\" id=\"{id}\" data-testid=\"calc-{id}\"><div class=\"calc-head\">", id = calc.id));
    out.push_str(&heading_html(calc, card.level));
    out.push_str("</div><div class=\"calc-body\"><div class=\"calc-inputs\">");
    out.push_str(&controls::inputs_html(calc, card.values, card.live));
    out.push_str("</div><div class=\"calc-results\"><dl class=\"calc-outputs\" aria-live=\"polite\">");
    out.push_str(&output::to_html(&figure.outputs));
    out.push_str("</dl><div class=\"calc-notes\">");
    out.push_str(&figure.notes_html());
    out.push_str("</div></div></div>");
    if calc.has_scale {
        out.push_str("<fieldset class=\"scale-switch\">");
        out.push_str(&controls::scale_switch_html(calc.id, card.scale));
        out.push_str("</fieldset>");
    }
    let chart = chart_id(calc);
    out.push_str(&format!("<figure class=\"chart\" id=\"{chart}\" aria-labelledby=\"{chart}-title\"><figcaption><p class=\"chart-title\" id=\"{chart}-title\">"));
    push_escaped(&mut out, &figure.title);
    out.push_str("</p><p class=\"chart-subtitle\">");
    push_escaped(&mut out, &figure.subtitle);
    out.push_str("</p></figcaption><div class=\"chart-svg\" data-kind=\"");
    out.push_str(figure.plot.kind().as_str());
    out.push_str("\" role=\"img\" aria-label=\"");
    push_escaped(&mut out, &figure.description);
    out.push_str("\">");
    match card.art {
        Art::Svg(svg) => out.push_str(svg),
        Art::Image(file) => {
            out.push_str("<img src=\"");
            push_escaped(&mut out, file);
            out.push_str("\" alt=\"\" loading=\"lazy\" decoding=\"async\">");
        }
        Art::Empty => {}
    }
    out.push_str("</div><p class=\"chart-source\">");
    push_escaped(&mut out, figure.source);
    out.push_str("</p></figure>");
    // A closed table is written when first opened; until then, for readers
    // without JavaScript, a link to the page that holds every table.
    out.push_str("<details class=\"calc-table\"><summary>Table of the chart’s values</summary><div class=\"table-scroll\">");
    if !card.live {
        out.push_str(&format!(
            "<noscript><p><a href=\"{}#{}\">The chart’s values, on a page of their own</a></p></noscript>",
            crate::web::pages::TABLES_FILE,
            calc.id
        ));
    }
    out.push_str("</div></details><div class=\"share-bar\"><span class=\"share-actions\">");
    out.push_str(publish::SHARE_BAR_HTML);
    out.push_str("</span><p class=\"share-status\" role=\"status\" data-testid=\"share-status\"></p></div></div>");
    out
}

/// The credit under an embedded card: a link to the story, at the card.
pub fn credit_html(calc: &Calculator) -> String {
    format!(
        "<p class=\"embed-credit\">From the explainer <a href=\"./#{}\" target=\"_blank\" rel=\"noopener\">China’s AI race, after DeepSeek</a></p>",
        calc.id
    )
}

/// A widget's page body: its card at its starting values with live
/// controls and the drawing `svg` in place, the credit, and for readers
/// without JavaScript the chart's values as a table.
pub fn widget_html(calc: &'static Calculator, svg: &str) -> String {
    let values = calc.defaults();
    let figure = (calc.figure)(&values, Scale::Linear, crate::text::format::Money::USD);
    let card = html(&Card { calc, figure: &figure, values: &values, scale: Scale::Linear, level: 1, live: true, art: Art::Svg(svg) });
    format!(
        "<main class=\"embed-root\">{card}{}<noscript><div class=\"calc-table\"><div class=\"table-scroll\">{}</div></div></noscript></main>",
        credit_html(calc),
        figure.table.to_html(calc.title)
    )
}

/// The line a card adds when some settings in its page's link could not be
/// used; `problems` are the reasons, shown on hover.
pub fn link_note_html(problems: &[String]) -> String {
    let mut out = String::from("<p class=\"link-note\" data-testid=\"link-note\" title=\"");
    push_escaped(&mut out, &problems.join(" "));
    out.push_str("\">Some settings in the link could not be used, so those inputs start from their defaults.</p>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calculators::CALCULATORS;
    use crate::text::format::Money;

    fn card_of(calc: &'static Calculator, live: bool, art: Art) -> String {
        let values = calc.defaults();
        let figure = (calc.figure)(&values, Scale::Linear, Money::USD);
        html(&Card { calc, figure: &figure, values: &values, scale: Scale::Linear, level: 1, live, art })
    }

    #[test]
    fn every_card_has_each_part_once_and_balanced_markup() {
        for calc in CALCULATORS {
            let html = card_of(calc, true, Art::Svg("<svg></svg>"));
            for part in [
                format!("<div class=\"calc\" id=\"{}\"", calc.id),
                "<div class=\"calc-inputs\">".into(),
                "<dl class=\"calc-outputs\" aria-live=\"polite\">".into(),
                "<div class=\"calc-notes\">".into(),
                format!("<figure class=\"chart\" id=\"{}-chart\" aria-labelledby=\"{}-chart-title\">", calc.id, calc.id),
                "<div class=\"chart-svg\" data-kind=\"".into(),
                "<details class=\"calc-table\">".into(),
                "data-testid=\"share-status\"".into(),
                "<h1 class=\"calc-title\">".into(),
            ] {
                assert_eq!(html.matches(&part).count(), 1, "{}: {part}", calc.id);
            }
            assert_eq!(html.contains("class=\"scale-switch\""), calc.has_scale, "{}", calc.id);
            for tag in ["div", "p", "figure", "details", "dl", "fieldset", "span"] {
                let opened = html.matches(&format!("<{tag} ")).count() + html.matches(&format!("<{tag}>")).count();
                assert_eq!(opened, html.matches(&format!("</{tag}>")).count(), "{}: <{tag}>", calc.id);
            }
            assert!(html.contains("<svg></svg></div>"));
        }
    }

    #[test]
    fn a_prerendered_card_has_stand_ins_a_lazy_drawing_and_a_table_link() {
        let calc = crate::calculators::find("payback").unwrap();
        let html = card_of(calc, false, Art::Image("charts/payback.svg"));
        assert!(!html.contains("<input"));
        assert!(html.contains("<img src=\"charts/payback.svg\" alt=\"\" loading=\"lazy\" decoding=\"async\">"));
        assert!(html.contains("<a href=\"tables.html#payback\">"));
        let live = card_of(calc, true, Art::Empty);
        assert!(live.contains("<input") && !live.contains("<noscript>"));
        assert!(live.contains("role=\"img\" aria-label=\"Line chart"), "{live}");
    }

    #[test]
    fn the_link_note_escapes_its_reasons() {
        let html = link_note_html(&["a <b>".into(), "c".into()]);
        assert!(html.starts_with("<p class=\"link-note\" data-testid=\"link-note\" title=\"a &lt;b&gt; c\">"));
    }
}
