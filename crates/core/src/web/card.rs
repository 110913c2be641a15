//! A calculator card as markup, written once for every page that shows
//! one: the story (prerendered), a widget's own page (prerendered, and the
//! embed), and a card the app builds from nothing. The app never builds a
//! card of its own: it brings this markup to life where it stands, finding
//! each part by the ids and classes written here.
//!
//! ```text
//! div.calc#<id>
//!   div.calc-head              title and introduction
//!   div.calc-body
//!     div.calc-inputs          sliders and fields (or stand-ins), buttons
//!     div.calc-results
//!       dl.calc-outputs        the live results
//!       div.calc-tabs          tabs, shown only in the tabbed layout
//!       div.calc-notes         the range, the working, a notice
//!   fieldset.scale-switch      (where the chart has one)
//!   figure.chart#<id>-chart    title, subtitle, the drawing, its tornado
//!                              (in a box of its own), the source
//!   details.calc-table         the chart's values, written when opened
//!   div.share-bar              Share, Embed, newsletter, downloads, status;
//!                              a link to the full page (tabbed layout)
//! ```
//!
//! The tabbed layout (`<html class="tabs">`, for frames whose height a
//! platform caps) shows the title, the outputs and the chart first, and
//! the inputs, the tornado and the working each behind a tab: the page's
//! own script switches them (`data-tab` on the card), so they work before
//! and without the WebAssembly.

use crate::calculators::{heading_html, Calculator};
use crate::chart::Scale;
use crate::model::{Figure, Output, Prose};
use crate::text::format::Lang;
use crate::text::html::push_escaped;
use crate::web::dom::{attr, part};
use crate::web::{controls, publish};

/// What stands in a card's chart box and its tornado's.
#[derive(Clone, Copy, Debug)]
pub enum Art<'a> {
    /// The drawings themselves, SVG documents.
    Svg { chart: &'a str, tornado: Option<&'a str> },
    /// Files of the drawings, fetched only near the view (the story page,
    /// where the live card redraws them first).
    Image { chart: &'a str, tornado: &'a str },
    /// Nothing yet: the app draws them.
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

/// The tabs of the tabbed layout: (`data-tab`, the label in English and
/// Chinese, the id suffix of the part it shows). The first is shown at first.
pub const TABS: [(&str, [&str; 2], &str); 4] = [
    ("chart", ["Chart", "图表"], "chart"),
    ("inputs", ["Inputs", "输入"], "panel-inputs"),
    ("spread", ["What moves it", "影响因素"], "tornado"),
    ("working", ["Working", "计算过程"], "panel-working"),
];

/// Writes `art` (or a lazy image of the file) into a box.
fn push_art(out: &mut String, svg: Option<&str>, file: Option<&str>) {
    if let Some(svg) = svg {
        out.push_str(svg);
    } else if let Some(file) = file {
        out.push_str("<img src=\"");
        push_escaped(out, file);
        out.push_str("\" alt=\"\" loading=\"lazy\" decoding=\"async\">");
    }
}

/// The card's markup. Every text is escaped.
pub fn html(card: &Card) -> String {
    let (calc, figure) = (card.calc, card.figure);
    // The card speaks its figure's language.
    let lang = figure.lang;
    let mut out = String::with_capacity(8 * 1024);
    out.push_str(&format!("<div class=\"calc\" id=\"{id}\" data-testid=\"calc-{id}\"><div class=\"calc-head\">", id = calc.id));
    out.push_str(&heading_html(calc, card.level, lang));
    let id = calc.id;
    let tornado = figure.plot.tornado();
    out.push_str(&format!("</div><div class=\"calc-body\"><div class=\"{}\" id=\"{id}-panel-inputs\">", part::INPUTS));
    out.push_str(&controls::inputs_html(calc, card.values, card.live, lang));
    out.push_str(&format!("</div><div class=\"calc-results\"><dl class=\"{}\" aria-live=\"polite\">", part::OUTPUTS));
    out.push_str(&outputs_html(&figure.outputs, figure.lang));
    // Plain buttons naming the part each shows (`data-panel`): the page's
    // script makes them a tab list, and the parts its panels, only where
    // the layout is tabbed.
    out.push_str(&format!("</dl><div class=\"calc-tabs\" data-label=\"{}\">", lang.pick(["Parts of the calculator", "计算器的各部分"])));
    for (tab, label, part) in TABS {
        let label = lang.pick(label);
        let hidden = if tab == "spread" && tornado.is_none() { " hidden" } else { "" };
        out.push_str(&format!(
            "<button type=\"button\" id=\"{id}-tab-{tab}\" data-tab=\"{tab}\" data-panel=\"{id}-{part}\"{hidden}>{label}</button>"
        ));
    }
    out.push_str(&format!("</div><div class=\"{}\" id=\"{id}-panel-working\">", part::NOTES));
    out.push_str(&figure.notes_html());
    out.push_str("</div></div></div>");
    if calc.has_scale {
        out.push_str(&format!("<fieldset class=\"{}\">", part::SCALE_SWITCH));
        out.push_str(&controls::scale_switch_html(calc.id, card.scale, lang));
        out.push_str("</fieldset>");
    }
    let chart = chart_id(calc);
    out.push_str(&format!(
        "<figure class=\"{}\" id=\"{chart}\" aria-labelledby=\"{chart}-title\"><figcaption><p class=\"{}\" id=\"{chart}-title\">",
        part::CHART,
        part::CHART_TITLE
    ));
    push_escaped(&mut out, &figure.title);
    out.push_str(&format!("</p><p class=\"{}\">", part::CHART_SUBTITLE));
    push_escaped(&mut out, &figure.subtitle);
    out.push_str(&format!("</p></figcaption><div class=\"{}\" {}=\"", part::CHART_SVG, attr::KIND));
    out.push_str(figure.plot.kind_alone().as_str());
    out.push_str("\" role=\"img\" aria-label=\"");
    push_escaped(&mut out, &figure.description);
    out.push_str("\">");
    let (chart_svg, tornado_svg, chart_file, tornado_file) = match card.art {
        Art::Svg { chart, tornado } => (Some(chart), tornado, None, None),
        Art::Image { chart, tornado } => (None, None, Some(chart), Some(tornado)),
        Art::Empty => (None, None, None, None),
    };
    push_art(&mut out, chart_svg, chart_file);
    // The tornado's box is there whether or not the chart has one now: a
    // range set later brings one.
    out.push_str(&format!("</div><div class=\"{}\" id=\"{id}-tornado\" role=\"img\" aria-label=\"", part::CHART_TORNADO));
    if let Some(t) = tornado {
        push_escaped(&mut out, &t.heading);
    }
    out.push('"');
    if tornado.is_none() {
        out.push_str(" hidden");
    }
    out.push('>');
    if tornado.is_some() {
        push_art(&mut out, tornado_svg, tornado_file);
    }
    out.push_str(&format!("</div><p class=\"{}\">", part::CHART_SOURCE));
    push_escaped(&mut out, figure.source);
    out.push_str("</p></figure>");
    // A closed table is written when first opened; until then, for readers
    // without JavaScript, a link to the page that holds every table.
    out.push_str(&format!(
        "<details class=\"{}\"><summary>{}</summary><div class=\"table-scroll\">",
        part::TABLE,
        lang.pick(["Table of the chart’s values", "图表数据表"])
    ));
    if !card.live {
        out.push_str(&format!(
            "<noscript><p><a href=\"{}#{}\">{}</a></p></noscript>",
            crate::web::pages::tables_file(lang),
            calc.id,
            lang.pick(["The chart’s values, on a page of their own", "单独一页的图表数据"])
        ));
    }
    out.push_str(&format!("</div></details><div class=\"{}\"><span class=\"share-actions\">", part::SHARE_BAR));
    out.push_str(&publish::share_bar_html(lang));
    // Where those cannot work (a sandboxed frame) or take too much room
    // (the tabbed layout), a link to the full calculator instead; the
    // page's script gives it the current state.
    out.push_str(&format!(
        "</span><a class=\"open-full\" href=\"{id}.html\" target=\"_blank\" rel=\"noopener\" data-state>{open}</a>\
<p class=\"{status}\" role=\"status\" data-testid=\"share-status\"></p></div></div>",
        status = part::SHARE_STATUS,
        open = lang.pick(["Open the full calculator", "打开完整计算器"])
    ));
    out
}

/// The outputs as the items of a description list, every text escaped:
/// each a `.output` (`.output-reader` when it is the reader's scenario)
/// with its label, its value (`data-testid="out-<id>"`) and any note.
pub fn outputs_html(outputs: &[Output], lang: Lang) -> String {
    let mut out = String::new();
    for o in outputs {
        out.push_str(&format!("<div class=\"{}", part::OUTPUT));
        if o.reader {
            out.push(' ');
            out.push_str(part::OUTPUT_READER);
        }
        out.push_str("\"><dt>");
        push_escaped(&mut out, o.label);
        out.push_str("</dt><dd data-testid=\"out-");
        push_escaped(&mut out, o.id);
        out.push_str("\">");
        push_escaped(&mut out, &o.value.text(lang));
        out.push_str("</dd>");
        if !o.note.is_empty() {
            out.push_str(&format!("<dd class=\"{}\">", part::OUTPUT_NOTE));
            push_escaped(&mut out, &o.note);
            out.push_str("</dd>");
        }
        out.push_str("</div>");
    }
    out
}

/// How many paragraphs `old` holds, and which to rewrite to turn it into
/// `new`, both a run of top-level paragraphs (`<p …>…</p>`, as a card's
/// notes are written): each as its position and new inner HTML, where the
/// two have the same paragraphs with the same opening tags; `None`
/// otherwise.
pub fn paragraph_changes(old: &str, new: &str) -> Option<(usize, Vec<(usize, String)>)> {
    // Character searches and checked slices only: this runs on every move
    // of a slider, and a substring search or a slicing panic would bring
    // kilobytes of formatting and Unicode tables into the WebAssembly.
    fn split(html: &str) -> Option<Vec<(&str, &str)>> {
        let mut out = Vec::new();
        let mut rest = html;
        while !rest.is_empty() {
            if !rest.starts_with("<p") {
                return None;
            }
            let (open, after_open) = rest.split_once('>')?;
            // The paragraph ends at its first "</p>"; notes hold no other.
            let mut inner_len = 0;
            let mut tail = after_open;
            loop {
                let (before, after) = tail.split_once('<')?;
                inner_len += before.len();
                if after.starts_with("/p>") {
                    tail = after.get(3..)?;
                    break;
                }
                inner_len += 1;
                tail = after;
            }
            out.push((rest.get(..open.len() + 1)?, after_open.get(..inner_len)?));
            rest = tail;
        }
        Some(out)
    }
    let (a, b) = (split(old)?, split(new)?);
    if a.len() != b.len() || a.iter().zip(&b).any(|(x, y)| x.0 != y.0) {
        return None;
    }
    let changes = a.iter().zip(&b).enumerate().filter(|(_, (x, y))| x.1 != y.1).map(|(i, (_, y))| (i, y.1.to_string())).collect();
    Some((a.len(), changes))
}

/// The story's paragraph beside calculator `id` (`[follow id]`): the
/// sentence, and a mark with a way back that shows while it is the
/// reader's own scenario.
pub fn follow_html(prose: &Prose, id: &str, lang: Lang) -> String {
    let mut out = format!("<p class=\"{}\"{}>", part::FOLLOW_TAG, if prose.yours { "" } else { " hidden" });
    out.push_str(&format!(
        "<span>{}</span> <button type=\"button\" class=\"button button-quiet {}\">{}</button></p>",
        lang.pick(["Your scenario", "你的设定"]),
        part::FOLLOW_BACK,
        lang.pick(["Back to the reported figures", "回到报道数字"])
    ));
    out.push_str(&format!("<p class=\"{}\" aria-live=\"polite\" tabindex=\"-1\" data-testid=\"follow-{id}\">", part::FOLLOW_TEXT));
    push_escaped(&mut out, &prose.text);
    out.push_str("</p>");
    out
}

/// The credit under an embedded card: a link to the story in `lang`, at
/// the card.
pub fn credit_html(calc: &Calculator, lang: Lang) -> String {
    // The same widget in the other language (widget.js adds the settings).
    let other = lang.pick([Lang::Zh, Lang::En]);
    let switch = publish::lang_switch_html(&publish::widget_file(calc, other), other);
    match lang.in_build() {
        Lang::En => format!(
            "<p class=\"embed-credit\">From the explainer <a href=\"./#{}\" target=\"_blank\" rel=\"noopener\">China’s AI race, after DeepSeek</a> · {switch}</p>",
            calc.id
        ),
        Lang::Zh => format!(
            "<p class=\"embed-credit\">出自解读文章<a href=\"./{}#{}\" target=\"_blank\" rel=\"noopener\">《{}》</a> · {switch}</p>",
            publish::story_file(Lang::Zh),
            calc.id,
            publish::site_name(Lang::Zh)
        ),
    }
}

/// A widget's page body: its card at its starting values with live
/// controls and its drawings in place (`chart`, and `tornado` where it has
/// one), the credit, and for readers without JavaScript the chart's values
/// as a table. A line, shown only when the page cannot come to life (no
/// JavaScript, or its script or WebAssembly could not load), says the card
/// shows the starting values and links to the live page.
pub fn widget_html(calc: &'static Calculator, chart: &str, tornado: Option<&str>, lang: Lang) -> String {
    let values = calc.defaults();
    let figure = (calc.figure)(&values, Scale::Linear, crate::text::format::Money::USD, lang);
    let card = html(&Card { calc, figure: &figure, values: &values, scale: Scale::Linear, level: 1, live: true, art: Art::Svg { chart, tornado } });
    let (still, open) = match lang.in_build() {
        Lang::En => ("This copy shows the starting values and cannot be changed here. ", "Open the live calculator"),
        Lang::Zh => ("这里显示的是初始数值，无法在此修改。", "打开可操作的计算器"),
    };
    format!(
        "<main class=\"embed-root\">{card}<p class=\"static-note\" data-testid=\"static-note\">{still}\
<a href=\"{id}.html\" target=\"_blank\" rel=\"noopener\">{open}</a></p>{}\
<noscript><div class=\"calc-table\"><div class=\"table-scroll\">{}</div></div></noscript></main>",
        credit_html(calc, lang),
        figure.table.to_html(lang.pick(calc.title)),
        id = calc.id,
    )
}

/// The line a card adds when some settings in its page's link could not be
/// used; `problems` are the reasons, shown on hover.
pub fn link_note_html(problems: &[String], lang: Lang) -> String {
    let mut out = String::from("<p class=\"link-note\" data-testid=\"link-note\" title=\"");
    push_escaped(&mut out, &problems.join(" "));
    out.push_str("\">");
    out.push_str(lang.pick([
        "Some settings in the link could not be used, so those inputs start from their defaults.",
        "链接中有些设置无法使用，相应的输入已恢复为默认值。",
    ]));
    out.push_str("</p>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calculators::CALCULATORS;
    use crate::text::format::Money;

    fn card_of(calc: &'static Calculator, live: bool, art: Art) -> String {
        let values = calc.defaults();
        let figure = (calc.figure)(&values, Scale::Linear, Money::USD, Lang::En);
        html(&Card { calc, figure: &figure, values: &values, scale: Scale::Linear, level: 1, live, art })
    }

    #[test]
    fn every_card_has_each_part_once_and_balanced_markup() {
        for calc in CALCULATORS {
            let html = card_of(calc, true, Art::Svg { chart: "<svg></svg>", tornado: None });
            for part in [
                format!("<div class=\"calc\" id=\"{}\"", calc.id),
                format!("<div class=\"calc-inputs\" id=\"{}-panel-inputs\">", calc.id),
                "<dl class=\"calc-outputs\" aria-live=\"polite\">".into(),
                format!("<div class=\"calc-notes\" id=\"{}-panel-working\">", calc.id),
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
        let html = card_of(calc, false, Art::Image { chart: "charts/payback.svg", tornado: "charts/payback-tornado.svg" });
        assert!(!html.contains("<input"));
        assert!(html.contains("<img src=\"charts/payback.svg\" alt=\"\" loading=\"lazy\" decoding=\"async\">"));
        assert!(html.contains("<div class=\"chart-tornado\" id=\"payback-tornado\" role=\"img\" aria-label=\"Net present value, US$ m, with one input at a time at each end of your range\"><img src=\"charts/payback-tornado.svg\""), "{html}");
        assert!(html.contains("<a href=\"tables.html#payback\">"));
        // A Chinese card links the Chinese tables.
        let (values, art) = (calc.defaults(), Art::Image { chart: "charts/payback.zh.svg", tornado: "charts/payback.zh-tornado.svg" });
        let figure = (calc.figure)(&values, Scale::Linear, Money::USD, Lang::Zh);
        let zh = super::html(&Card { calc, figure: &figure, values: &values, scale: Scale::Linear, level: 1, live: false, art });
        assert!(zh.contains("<a href=\"tables.zh.html#payback\">"), "{zh}");
        let live = card_of(calc, true, Art::Empty);
        assert!(live.contains("<input") && !live.contains("<noscript>"));
        assert!(live.contains("role=\"img\" aria-label=\"Line chart"), "{live}");
    }

    #[test]
    fn a_widgets_credit_links_the_story_and_the_same_widget_in_the_other_language() {
        let calc = crate::calculators::find("payback").unwrap();
        let en = credit_html(calc, Lang::En);
        assert!(
            en.contains("href=\"./#payback\"")
                && en.contains("<a class=\"lang-switch\" href=\"payback.zh.html\" hreflang=\"zh-Hans\" lang=\"zh-Hans\">中文</a>"),
            "{en}"
        );
        let zh = credit_html(calc, Lang::Zh);
        assert!(
            zh.contains("href=\"./zh.html#payback\"")
                && zh.contains("<a class=\"lang-switch\" href=\"payback.html\" hreflang=\"en\" lang=\"en\">English</a>"),
            "{zh}"
        );
    }

    #[test]
    fn ids_are_unique_and_every_tab_names_a_part_of_the_card() {
        for calc in CALCULATORS {
            let html = card_of(calc, true, Art::Empty);
            let ids: Vec<&str> = html.split(" id=\"").skip(1).map(|rest| &rest[..rest.find('"').unwrap()]).collect();
            let mut unique = ids.clone();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(unique.len(), ids.len(), "{}: {ids:?}", calc.id);
            for (tab, _, part) in TABS {
                assert!(ids.contains(&format!("{}-{part}", calc.id).as_str()), "{}: {tab}", calc.id);
                assert!(html.contains(&format!("data-panel=\"{}-{part}\"", calc.id)), "{}: {tab}", calc.id);
            }
            // A tornado's tab shows only where the chart has a tornado.
            let has = (calc.figure)(&calc.defaults(), Scale::Linear, Money::USD, Lang::En).plot.tornado().is_some();
            let hidden_tab = format!("data-tab=\"spread\" data-panel=\"{}-tornado\" hidden>", calc.id);
            assert_eq!(html.contains(&hidden_tab), !has, "{}", calc.id);
            assert_eq!(html.contains(&format!("id=\"{}-tornado\" role=\"img\" aria-label=\"\" hidden", calc.id)), !has, "{}", calc.id);
        }
    }

    #[test]
    fn the_link_note_escapes_its_reasons() {
        let html = link_note_html(&["a <b>".into(), "c".into()], Lang::En);
        assert!(html.starts_with("<p class=\"link-note\" data-testid=\"link-note\" title=\"a &lt;b&gt; c\">"));
    }

    #[test]
    fn a_followed_calculators_paragraph_starts_as_the_reported_figures() {
        for c in CALCULATORS {
            let f = (c.figure)(&c.defaults(), Scale::Linear, Money::USD, Lang::En);
            if let Some(p) = f.prose {
                let html = follow_html(&p, c.id, Lang::En);
                assert!(html.contains(" hidden>") && html.contains(&format!("data-testid=\"follow-{}\"", c.id)), "{html}");
                assert!(html.contains(&format!("class=\"{}\"", part::FOLLOW_TEXT)), "{html}");
            }
        }
    }

    #[test]
    fn outputs_escape_and_mark_the_readers_own_numbers() {
        use crate::model::Quantity;
        let outputs = [
            Output { id: "a", label: "A <b>", value: Quantity::Words("x"), note: "n & m".into(), reader: true },
            Output { id: "b", label: "B", value: Quantity::Year(2030), note: String::new(), reader: false },
        ];
        assert_eq!(
            outputs_html(&outputs, Lang::En),
            "<div class=\"output output-reader\"><dt>A &lt;b&gt;</dt><dd data-testid=\"out-a\">x</dd>\
             <dd class=\"output-note\">n &amp; m</dd></div>\
             <div class=\"output\"><dt>B</dt><dd data-testid=\"out-b\">2030</dd></div>"
        );
    }

    #[test]
    fn notes_change_paragraph_by_paragraph_while_their_shape_holds() {
        let old = "<p class=\"range\">a</p><p class=\"working\"><span>W: </span>b</p>";
        let new = "<p class=\"range\">a</p><p class=\"working\"><span>W: </span>c &amp; d</p>";
        assert_eq!(paragraph_changes(old, new), Some((2, vec![(1, "<span>W: </span>c &amp; d".to_string())])));
        assert_eq!(paragraph_changes(old, old), Some((2, Vec::new())));
        assert_eq!(paragraph_changes(old, "<p class=\"working\">b</p>"), None, "a paragraph fewer");
        assert_eq!(paragraph_changes(old, "<p class=\"notice\">a</p><p class=\"working\">b</p>"), None, "another paragraph");
        assert_eq!(paragraph_changes(old, "<div>x</div>"), None);
        // Every calculator's notes split as paragraphs.
        for c in CALCULATORS {
            let notes = (c.figure)(&c.defaults(), Scale::Linear, Money::USD, Lang::En).notes_html();
            assert_eq!(paragraph_changes(&notes, &notes).map(|(_, changes)| changes), Some(Vec::new()), "{}: {notes}", c.id);
        }
    }
}
