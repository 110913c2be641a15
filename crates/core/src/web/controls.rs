//! A calculator's controls as static markup: each input's slider and number
//! field, the converter fields, the buttons under them and the scale switch.
//! The app writes this once per card and drives it with one handler per
//! kind of event and one effect, which is far less code than a reactive view
//! per element; the prerendered page writes the same markup with stand-ins
//! for the form controls. Every text is escaped.

use crate::calculators::{Calculator, Extra};
use crate::chart::Scale;
use crate::content::facts;
use crate::model::Param;
use crate::text::format::Lang;
use crate::text::html::push_escaped;
use crate::text::num;
use crate::web::dom::{self, sibling_id, Button, Control};

/// The element id of a calculator's field: `<calculator id>-<key>` (its
/// other elements: [`dom::sibling_id`]).
pub fn field_id(calc: &Calculator, key: &str) -> String {
    dom::control_id(calc.id, key, Control::Field)
}

/// Everything in a card's `.calc-inputs`, at `values`: one `.param` per
/// input (with its converters after it) and the Reset and extra buttons.
/// `live` writes the form controls; otherwise boxes that look like them
/// (the prerendered page, see [`static_controls`]). The buttons carry
/// `data-extra`: "reset", or the extra's position in `calc.extras`.
pub fn inputs_html(calc: &Calculator, values: &[f64], live: bool, lang: Lang) -> String {
    let mut out = String::new();
    for (index, param) in calc.params.iter().enumerate() {
        let value = values.get(index).copied().unwrap_or_else(|| param.default_value());
        param_html(&mut out, &field_id(calc, param.key), param, value, live, lang);
        for extra in calc.extras {
            if let Extra::Converter(c) = extra {
                if c.input == index {
                    let id = field_id(calc, c.key);
                    out.push_str("<div class=\"param param-converter\"><div class=\"param-head\">");
                    label(&mut out, &id, lang.pick(c.label), live);
                    out.push_str("</div><div class=\"param-inputs\">");
                    let text = c.text(values, lang);
                    if live {
                        out.push_str("<span class=\"param-field\">");
                        number_field(&mut out, &id, "param-number param-number-wide", "", &sibling_id(&id, Control::Error), &text);
                        unit(&mut out, lang.pick(c.unit));
                        out.push_str("</span>");
                    } else {
                        out.push_str("<span class=\"param-static\"><span class=\"param-field\"><span class=\"param-number param-number-wide\">");
                        push_escaped(&mut out, &text);
                        out.push_str("</span>");
                        unit(&mut out, lang.pick(c.unit));
                        out.push_str("</span></span>");
                    }
                    out.push_str("</div>");
                    error(&mut out, &id);
                    out.push_str("</div>");
                }
            }
        }
    }
    out.push_str(&format!(
        "<div class=\"calc-actions\"><button type=\"button\" class=\"button button-quiet\" {}=\"{}\">{}</button>",
        dom::attr::EXTRA,
        Button::Reset.value(),
        lang.pick(["Reset", "重置"])
    ));
    for (i, extra) in calc.extras.iter().enumerate() {
        if let Extra::SetInput { label, .. } = extra {
            out.push_str(&format!("<button type=\"button\" class=\"button\" {}=\"{}\">", dom::attr::EXTRA, Button::Extra(i).value()));
            push_escaped(&mut out, lang.pick(*label));
            out.push_str("</button>");
        }
    }
    out.push_str("</div>");
    out
}

/// One input: its label (and a tag when the default is our assumption),
/// slider and field, the message saying why typed text was refused, and
/// the help line with the default's source. In `lang`'s words and unit:
/// a Chinese field in 亿美元 shows ten times a value in US$ bn.
fn param_html(out: &mut String, id: &str, param: &Param, value: f64, live: bool, lang: Lang) {
    let shown = param.shown(lang);
    let (field, value) = (&shown.field, value * shown.factor);
    out.push_str("<div class=\"param\" data-testid=\"param-");
    push_escaped(out, param.key);
    out.push_str("\"><div class=\"param-head\">");
    label(out, id, shown.label, live);
    if param.illustrative {
        out.push_str("<span class=\"tag-assumption\">");
        out.push_str(lang.pick(["Illustrative assumption", "示意性假设"]));
        out.push_str("</span>");
    }
    out.push_str("</div><div class=\"param-inputs\">");
    // Wide enough for the longest value the input allows.
    let chars = [field.min, field.max].iter().map(|x| field.text(*x).len()).max().unwrap_or(4).max(3);
    let style = format!("--chars: {chars}");
    if live {
        out.push_str("<input type=\"range\" id=\"");
        push_escaped(out, &sibling_id(id, Control::Slider));
        out.push_str("\" class=\"param-range\" min=\"");
        out.push_str(&num::shortest(field.min));
        out.push_str("\" max=\"");
        out.push_str(&num::shortest(field.max));
        out.push_str("\" step=\"");
        out.push_str(&num::shortest(field.step));
        out.push_str("\" aria-label=\"");
        push_escaped(out, shown.label);
        out.push_str(lang.pick([" (", "（"]));
        push_escaped(out, shown.unit);
        out.push_str(lang.pick([")", "）"]));
        out.push_str("\" value=\"");
        out.push_str(&num::shortest(value));
        out.push_str("\"><span class=\"param-field\">");
        let described = format!("{} {}", sibling_id(id, Control::Help), sibling_id(id, Control::Error));
        number_field(out, id, "param-number", &style, &described, &field.text(value));
        unit(out, shown.unit);
        out.push_str("</span>");
    } else {
        static_controls(out, field, value, shown.unit, &style);
    }
    out.push_str("</div>");
    error(out, id);
    out.push_str("<p class=\"param-help\" id=\"");
    push_escaped(out, &sibling_id(id, Control::Help));
    out.push_str("\">");
    push_escaped(out, shown.help);
    if let Some(fact) = param.fact() {
        if !shown.help.is_empty() && lang.in_build() == Lang::En {
            out.push(' ');
        }
        out.push_str("<span class=\"param-source\">");
        out.push_str(lang.pick(["Source: ", "来源："]));
        push_escaped(out, &facts::attribution(fact.fact(), lang));
        out.push_str(lang.pick([".", "。"]));
        out.push_str("</span>");
    }
    out.push_str("</p></div>");
}

/// The prerendered page's stand-ins for a slider and its field: the same
/// boxes, showing the value, without the form controls. A browser builds
/// each native control with a small document of its own, and seventy of
/// them were most of the work of laying out the page; a reader without
/// JavaScript could not use them anyway, and everyone else gets the live
/// controls (the card is swapped in before it comes into view).
fn static_controls(out: &mut String, param: &Param, value: f64, unit_text: &str, style: &str) {
    let at = if param.max > param.min { (value - param.min) / (param.max - param.min) * 100.0 } else { 0.0 };
    let at = num::fixed(num::clamp(at, 0.0, 100.0), 1).unwrap_or_default();
    out.push_str(&format!(
        "<span class=\"param-static\"><span class=\"param-range param-range-static\" style=\"--at: {at}%\" aria-hidden=\"true\"></span>\
         <span class=\"param-field\"><span class=\"param-number\" style=\"{style}\">"
    ));
    push_escaped(out, &param.text(value));
    out.push_str("</span>");
    unit(out, unit_text);
    out.push_str("</span></span>");
}

/// A label naming the field `id` (in the prerendered page there is no field to name).
fn label(out: &mut String, id: &str, text: &str, live: bool) {
    out.push_str("<label");
    if live {
        out.push_str(" for=\"");
        push_escaped(out, id);
        out.push('"');
    }
    out.push('>');
    push_escaped(out, text);
    out.push_str("</label>");
}

/// A text field for numbers, valid until the reader types something that is not.
fn number_field(out: &mut String, id: &str, class: &str, style: &str, described: &str, value: &str) {
    out.push_str("<input type=\"text\" inputmode=\"decimal\" autocomplete=\"off\" spellcheck=\"false\" id=\"");
    push_escaped(out, id);
    out.push_str("\" class=\"");
    out.push_str(class);
    if !style.is_empty() {
        out.push_str("\" style=\"");
        out.push_str(style);
    }
    out.push_str("\" aria-invalid=\"false\" aria-describedby=\"");
    push_escaped(out, described);
    out.push_str("\" value=\"");
    push_escaped(out, value);
    out.push_str("\">");
}

fn unit(out: &mut String, unit: &str) {
    out.push_str("<span class=\"param-unit\">");
    push_escaped(out, unit);
    out.push_str("</span>");
}

/// Where the reason typed text was refused appears (empty until then).
fn error(out: &mut String, id: &str) {
    out.push_str("<p class=\"param-error\" id=\"");
    push_escaped(out, &sibling_id(id, Control::Error));
    out.push_str("\" aria-live=\"polite\"></p>");
}

/// The story page's currency switch: US dollars or yuan (radio buttons
/// `cur-usd`, `cur-cny`, named `cur`) and the rate (`fx`, shown with yuan
/// only), starting at the rate the report's own figures imply and saying
/// so. The page's script applies every change (see
/// [`crate::web::prefs::prefs_script`]).
pub fn currency_switch_html(lang: Lang) -> String {
    let rate = crate::web::prefs::rate_text((crate::web::prefs::default_rate() * 100.0).round() / 100.0);
    let (lo, hi) = crate::text::format::Money::RATES;
    let t = |both: [&'static str; 2]| lang.pick(both);
    let hidden = |text: &str| format!("<span class=\"visually-hidden\">{text}</span>");
    let (usd, cny) = (
        t(["US dollars, the report’s currency for most figures", "美元：报道中多数数字所用的币种"]),
        t(["Chinese yuan, our conversion", "人民币：本站换算"]),
    );
    // English names each currency by its sign and says it in full for a
    // screen reader; Chinese names it in full.
    let (usd_label, cny_label) = match lang.in_build() {
        Lang::En => (format!("US${}", hidden(&format!(" ({usd})"))), format!("CN¥{}", hidden(&format!(" ({cny})")))),
        Lang::Zh => ("美元".to_string(), "人民币".to_string()),
    };
    let fx_label = t(["at", "汇率"]).to_string() + &hidden(t([" an exchange rate, in yuan per US dollar, of", "（1美元兑多少元人民币）"]));
    let gap = t([" ", ""]);
    let error = match lang.in_build() {
        Lang::En => format!("Use a number from {lo} to {hi}, with a point for decimals, such as 7.14. Money stays at the last rate that worked."),
        Lang::Zh => format!("请输入{lo}至{hi}之间的数字，小数用小数点，例如7.14。金额仍按上一个有效汇率换算。"),
    };
    let note = t([
        "yuan per US$: by default the rate implied by the report’s two amounts for one subsidy",
        "元/美元：默认采用报道中同一笔补贴的两个金额所隐含的汇率",
    ]);
    format!(
        "<legend class=\"visually-hidden\">{}</legend>\
<input type=\"radio\" id=\"cur-usd\" name=\"cur\" value=\"usd\" checked><label for=\"cur-usd\" title=\"{usd}\">{usd_label}</label>\
<input type=\"radio\" id=\"cur-cny\" name=\"cur\" value=\"cny\"><label for=\"cur-cny\" title=\"{cny}\">{cny_label}</label>\
<span class=\"fx-field\"><label for=\"fx\">{fx_label}</label>{gap}\
<input id=\"fx\" name=\"fx\" type=\"text\" inputmode=\"decimal\" size=\"4\" value=\"{rate}\" aria-describedby=\"fx-note fx-error\" data-default=\"{rate}\" \
data-error=\"{error}\">{gap}\
<span id=\"fx-note\">{note}</span>\
<span id=\"fx-error\" class=\"fx-error\" aria-live=\"polite\"></span></span>",
        t(["Currency", "币种"])
    )
}

/// The linear/log switch of calculator `id`'s chart, with `scale` chosen:
/// two radio buttons `<id>-scale-linear` and `<id>-scale-log`, named `<id>-scale`.
pub fn scale_switch_html(id: &str, scale: Scale, lang: Lang) -> String {
    let mut out = format!("<legend>{}</legend>", lang.pick(["Scale", "刻度"]));
    for (value, label, key) in [(Scale::Linear, lang.pick(["Linear", "线性"]), "linear"), (Scale::Log, lang.pick(["Log", "对数"]), "log")] {
        out.push_str("<input type=\"radio\" id=\"");
        push_escaped(&mut out, id);
        out.push_str("-scale-");
        out.push_str(key);
        out.push_str("\" name=\"");
        push_escaped(&mut out, id);
        out.push_str("-scale\"");
        if value == scale {
            out.push_str(" checked");
        }
        out.push_str("><label for=\"");
        push_escaped(&mut out, id);
        out.push_str("-scale-");
        out.push_str(key);
        out.push_str("\">");
        out.push_str(label);
        out.push_str("</label>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calculators::CALCULATORS;

    #[test]
    fn every_input_has_its_slider_field_message_and_help() {
        for calc in CALCULATORS {
            let html = inputs_html(calc, &calc.defaults(), true, Lang::En);
            for param in calc.params {
                let id = field_id(calc, param.key);
                for part in [
                    format!("data-testid=\"param-{}\"", param.key),
                    format!("<label for=\"{id}\">"),
                    format!("id=\"{id}-range\""),
                    format!("id=\"{id}\""),
                    format!("aria-describedby=\"{id}-help {id}-error\""),
                    format!("<p class=\"param-error\" id=\"{id}-error\" aria-live=\"polite\"></p>"),
                    format!("<p class=\"param-help\" id=\"{id}-help\">"),
                ] {
                    assert_eq!(html.matches(&part).count(), 1, "{}: {part}", calc.id);
                }
            }
            for extra in calc.extras {
                if let Extra::Converter(c) = extra {
                    let id = field_id(calc, c.key);
                    assert!(html.contains(&format!("<label for=\"{id}\">")), "{id}");
                    assert!(html.contains(&format!("aria-describedby=\"{id}-error\"")), "{id}");
                }
            }
            assert_eq!(html.matches("<button").count(), 1 + calc.extras.iter().filter(|e| matches!(e, Extra::SetInput { .. })).count());
            // The prerendered page has no form controls, and labels name none.
            let still = inputs_html(calc, &calc.defaults(), false, Lang::En);
            assert!(!still.contains("<input") && !still.contains(" for="), "{}", calc.id);
            assert_eq!(still.matches("class=\"param-static\"").count(), html.matches("class=\"param-field\"").count(), "{}", calc.id);
        }
    }

    #[test]
    fn text_is_escaped() {
        let param = Param::new(["A <b> & \"c\"", ""], ["<u>", ""], (0.0, 10.0, 1.0), 0, crate::model::param::Source::Value(5.0))
            .with_key("k")
            .help(["x < y", ""]);
        let mut out = String::new();
        param_html(&mut out, "c-k", &param, 5.0, true, Lang::En);
        assert!(out.contains("<label for=\"c-k\">A &lt;b&gt; &amp; &quot;c&quot;</label>"), "{out}");
        assert!(out.contains("aria-label=\"A &lt;b&gt; &amp; &quot;c&quot; (&lt;u&gt;)\""), "{out}");
        assert!(out.contains("<span class=\"param-unit\">&lt;u&gt;</span>"), "{out}");
        assert!(out.contains(">x &lt; y</p>"), "{out}");
        assert!(!out.contains("<b>") && !out.contains("<u>"), "{out}");
    }

    #[test]
    fn the_scale_switch_checks_the_scale() {
        let html = scale_switch_html("m", Scale::Log, Lang::En);
        assert!(html.contains("<input type=\"radio\" id=\"m-scale-log\" name=\"m-scale\" checked><label for=\"m-scale-log\">Log</label>"));
        assert!(html.contains("<input type=\"radio\" id=\"m-scale-linear\" name=\"m-scale\"><label for=\"m-scale-linear\">Linear</label>"));
    }
}
