//! What an embed needs besides the widget: its URL (the widget's own page
//! with the embed's options and the reader's state), the HTML snippet a
//! blogger pastes, and the message an embedded widget sends its host page.

use crate::calculators::Calculator;
use crate::text::format::{Currency, Lang, Money};
use crate::text::html::escaped;
use crate::web::prefs::{rate_text, read_money, ColorScheme};
use crate::web::publish;
use crate::web::query::{self, Pairs};

/// How an embedded card is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Layout {
    /// Everything, explanations included.
    #[default]
    Full,
    /// Without the explanations (`compact=1`).
    Compact,
    /// Compact, with the inputs, the tornado and the working behind tabs
    /// (`tabs=1`): at most 1,000 px tall in every state, for platforms that
    /// cap a frame's height (WordPress).
    Tabs,
}

impl Layout {
    /// The layout's name in the Embed dialog's radio buttons.
    pub fn as_str(self) -> &'static str {
        match self {
            Layout::Full => "full",
            Layout::Compact => "compact",
            Layout::Tabs => "tabs",
        }
    }

    pub fn parse(s: &str) -> Option<Layout> {
        [Layout::Full, Layout::Compact, Layout::Tabs].into_iter().find(|l| l.as_str() == s)
    }
}

/// An embed's options.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Options {
    pub theme: ColorScheme,
    pub layout: Layout,
    /// The currency its money is shown in, and the rate.
    pub money: Money,
    /// The language it is written in: its page (`<id>.html`, `<id>.zh.html`).
    pub lang: Lang,
}

impl Default for Options {
    fn default() -> Self {
        Options { theme: ColorScheme::Auto, layout: Layout::Full, money: Money::USD, lang: Lang::En }
    }
}

/// Reads `theme`, `compact`, `tabs` and the currency from an embed URL's
/// query (as the widget page's own script does); anything else falls back
/// to the defaults.
pub fn options(pairs: &Pairs) -> Options {
    let get = |k: &str| pairs.iter().find(|(key, _)| key == k).map(|(_, v)| v.as_str());
    let on = |k: &str| matches!(get(k), Some("1" | "true" | "yes"));
    Options {
        theme: get("theme").and_then(ColorScheme::parse).unwrap_or_default(),
        layout: if on("tabs") {
            Layout::Tabs
        } else if on("compact") {
            Layout::Compact
        } else {
            Layout::Full
        },
        money: read_money(get("cur"), get("fx")),
        // The language is the page's, not the query's.
        lang: Lang::En,
    }
}

/// The address of a calculator's embed: its own page (`<id>.html`) with
/// the embed's options and the state (non-defaults only), relative to
/// `base` (the folder the site is served from, ending in `/`).
pub fn url(base: &str, calc: &Calculator, state: &Pairs, options: Options) -> String {
    let mut pairs: Pairs = Vec::new();
    if options.theme != ColorScheme::Auto {
        pairs.push(("theme".into(), options.theme.as_str().into()));
    }
    match options.layout {
        Layout::Full => {}
        Layout::Compact => pairs.push(("compact".into(), "1".into())),
        Layout::Tabs => pairs.push(("tabs".into(), "1".into())),
    }
    pairs.extend(money_pairs(options.money));
    if !state.is_empty() {
        pairs.push(("v".into(), query::VERSION.into()));
        pairs.extend(state.iter().cloned());
    }
    let query = query::to_query(&pairs);
    format!("{base}{}{}{query}", publish::widget_file(calc, options.lang), if query.is_empty() { "" } else { "?" })
}

/// The query pairs that ask for `money`: none for dollars.
pub fn money_pairs(money: Money) -> Pairs {
    match money.currency {
        Currency::Usd => Vec::new(),
        Currency::Cny => vec![("cur".into(), "cny".into()), ("fx".into(), rate_text(money.rate))],
    }
}

/// The snippet a blogger pastes: the iframe at the widget's height, then
/// the script that keeps it sized to its content.
pub fn snippet(base: &str, calc: &Calculator, embed_url: &str, layout: Layout, lang: Lang) -> String {
    format!("{}\n<script src=\"{}embed.js\" defer></script>", iframe(calc, embed_url, height(calc, layout, lang), lang), escaped(base))
}

/// The iframe of a widget: `height` pixels high, as wide as the column
/// (in CSS: an iframe's `width` attribute takes pixels only), lazily loaded.
pub fn iframe(calc: &Calculator, embed_url: &str, height: u32, lang: Lang) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}{}\" height=\"{height}\" loading=\"lazy\" style=\"width:100%;border:0;\" data-china-ai-widget=\"{}\"></iframe>",
        escaped(embed_url),
        // The widget's language, which may not be the page's: both
        // bundles carry every title in both.
        escaped(calc.title[lang.index()]),
        [" (interactive calculator)", "（互动计算器）"][lang.index()],
        escaped(calc.id),
    )
}

// Each widget's height in CSS pixels at its starting values in a column
// [`COLUMN`] pixels wide: `HEIGHTS: &[(id, full, compact, tabs)]`, from
// content/heights.toml, which `scripts/heights` writes from Chromium. An
// embed keeps one layout from 600 to 780 px (style/main.css), where the
// height varies by a few lines of text; the end-to-end tests measure every
// widget at several widths and fail when one is off. So the snippet's
// frame starts at the height it will have.
include!(concat!(env!("OUT_DIR"), "/heights_data.rs"));

/// The column width the snippet's heights are for (a common blog column).
pub const COLUMN: u32 = 700;

/// A widget's height in `lang` at its starting values in a
/// [`COLUMN`]-wide column (content/heights.toml keys the Chinese widgets
/// `<id>.zh`).
pub fn height(calc: &Calculator, layout: Layout, lang: Lang) -> u32 {
    let key = publish::lang_name(calc.id, lang);
    HEIGHTS.iter().find(|(id, ..)| *id == key).map_or(760, |&(_, full, compact, tabs)| match layout {
        Layout::Full => full,
        Layout::Compact => compact,
        Layout::Tabs => tabs,
    })
}

/// The Embed dialog's markup: one dialog for the whole page, filled in for
/// whichever calculator opens it. Its ids and radio groups are
/// [`crate::web::dom::dialog`]'s.
pub fn dialog_html(lang: Lang) -> String {
    use crate::web::dom::dialog;
    let t = |both: [&'static str; 2]| lang.pick(both);
    let radio = |name: &str, id: &str, value: &str, checked: bool, label: &str| {
        format!(
            "<input type=\"radio\" id=\"{id}\" name=\"{name}\" value=\"{value}\"{}><label for=\"{id}\">{label}</label>",
            if checked { " checked" } else { "" }
        )
    };
    let theme = |th: ColorScheme, label: &str| radio(dialog::THEME, &dialog::theme(th), th.as_str(), th == ColorScheme::Auto, label);
    let currency = |c: Currency, label: &str| radio(dialog::CURRENCY, &dialog::currency(c), c.code(), c == Currency::Usd, label);
    let layout = |l: Layout, label: &str| radio(dialog::LAYOUT, &dialog::layout(l), l.as_str(), l == Layout::Full, label);
    // The widget's language: the page's own at first. Each is named in its
    // own language.
    let language = |l: Lang, label: &str| {
        format!(
            "<input type=\"radio\" id=\"{id}\" name=\"{}\" value=\"{code}\"{}><label for=\"{id}\" lang=\"{code}\">{label}</label>",
            dialog::LANG,
            if l == lang { " checked" } else { "" },
            id = dialog::lang(l),
            code = l.code(),
        )
    };
    [
        format!("<h2 id=\"{}\">{}</h2>", dialog::TITLE, t(["Embed this calculator", "嵌入这个计算器"])),
        format!(
            "<p>{}</p>",
            t([
                "Paste this into your page. It opens exactly as you set it, and sizes itself to its content.",
                "把下面的代码贴进你的网页。它会按你现在的设定打开，并按内容自动调整高度。",
            ])
        ),
        format!("<fieldset class=\"embed-options\"><legend>{}</legend>", t(["Colours", "配色"])),
        theme(ColorScheme::Auto, t(["Follow the reader’s setting", "跟随读者的设置"])),
        theme(ColorScheme::Light, t(["Light", "浅色"])),
        theme(ColorScheme::Dark, t(["Dark", "深色"])),
        format!("</fieldset><fieldset class=\"embed-options\"><legend>{}</legend>", t(["Money in", "金额单位"])),
        currency(Currency::Usd, t(["US dollars (the report’s currency for most figures)", "美元（报道中多数数字所用的币种）"])),
        currency(Currency::Cny, t(["Chinese yuan", "人民币"])),
        format!("</fieldset><fieldset class=\"embed-options\"><legend>{}</legend>", t(["Layout", "版式"])),
        layout(Layout::Full, t(["Full", "完整"])),
        layout(Layout::Compact, t(["Compact: no explanations", "紧凑：不含说明"])),
        layout(Layout::Tabs, t(["Tabs: at most 1,000 px tall", "分页：高度不超过1000像素"])),
        format!("</fieldset><fieldset class=\"embed-options\"><legend>{}</legend>", t(["Language", "语言"])),
        language(Lang::En, publish::own_name(Lang::En)),
        language(Lang::Zh, publish::own_name(Lang::Zh)),
        "</fieldset>".into(),
        format!(
            "<label class=\"snippet-label\" for=\"{0}\">{1}</label><textarea id=\"{0}\" class=\"snippet\" readonly rows=\"5\" data-testid=\"snippet\"></textarea>",
            dialog::CODE,
            t(["Code to paste", "要粘贴的代码"])
        ),
        format!("<p class=\"embed-actions\"><button type=\"button\" class=\"button\" id=\"{}\">{}</button>", dialog::COPY, t(["Copy code", "复制代码"])),
        format!("<button type=\"button\" class=\"button button-quiet\" id=\"{}\">{}</button>", dialog::CLOSE, t(["Close", "关闭"])),
        format!("<span role=\"status\" id=\"{}\"></span></p>", dialog::STATUS),
        format!("<p class=\"preview-label\">{}</p>", t(["Preview", "预览"])),
        format!(
            "<iframe class=\"embed-preview\" id=\"{}\" title=\"{}\"></iframe>",
            dialog::PREVIEW,
            t(["Preview of the embedded calculator", "嵌入效果预览"])
        ),
        format!(
            "<p class=\"embed-note\">{}</p>",
            t([
                "Pasting the calculator’s own address instead (in WordPress or Ghost, on a line of its own) embeds it at its starting values, in tabs. This code keeps your settings.",
                "如果改为粘贴计算器本身的网址（在WordPress或Ghost中单独占一行），嵌入的是初始数值、分页版式。上面的代码则保留你的设定。",
            ])
        ),
    ]
    .concat()
}

/// The `type` of the height message an embedded widget posts to its host.
pub const HEIGHT_MESSAGE: &str = "china-ai:height";

/// What embed.html shows for a missing or unknown `w` (`requested`, shown
/// as text, never as markup): every calculator, with links.
pub fn unknown_html(requested: &str) -> String {
    let mut out = String::from("<h1>Choose a calculator</h1><p data-testid=\"unknown\">");
    if requested.is_empty() {
        out.push_str("This link does not name a calculator.");
    } else {
        out.push_str("There is no calculator called “");
        out.push_str(&escaped(requested));
        out.push_str("”.");
    }
    out.push_str(" These are the ones you can embed:</p><ul>");
    for c in crate::calculators::CALCULATORS {
        let id = escaped(c.id);
        out.push_str(&format!("<li><a href=\"{id}.html\">{}</a> (<code>{id}</code>)</li>", escaped(c.title[0])));
    }
    out.push_str("</ul><p><a href=\"./\">Read the full story</a></p>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calculators::find;
    use crate::web::prefs::default_rate;

    #[test]
    fn urls_and_snippets() {
        let w = find("payback").unwrap();
        let state = vec![("delay".to_string(), "5".to_string())];
        let link = url(
            "https://example.org/china-ai/",
            w,
            &state,
            Options { theme: ColorScheme::Dark, layout: Layout::Compact, money: Money::USD, lang: Lang::En },
        );
        assert_eq!(link, "https://example.org/china-ai/payback.html?theme=dark&compact=1&v=1&delay=5");
        let s = snippet("https://example.org/china-ai/", w, &link, Layout::Compact, Lang::En);
        assert!(s.starts_with("<iframe src=\"https://example.org/china-ai/payback.html?theme=dark&amp;compact=1&amp;v=1&amp;delay=5\""));
        assert!(s.contains(&format!("height=\"{}\"", height(w, Layout::Compact, Lang::En))));
        assert!(s.contains("loading=\"lazy\"") && s.contains("width:100%") && !s.contains("width=") && s.contains("border:0"));
        assert!(s.contains("title=\"When does a robot bet pay back? (interactive calculator)\""));
        assert!(s.ends_with("<script src=\"https://example.org/china-ai/embed.js\" defer></script>"));
        assert_eq!(url_for_defaults(w), "./payback.html");
        let tabs = Options { layout: Layout::Tabs, ..Options::default() };
        assert_eq!(url("./", w, &Vec::new(), tabs), "./payback.html?tabs=1");
        assert!(height(w, Layout::Tabs, Lang::En) <= 1000 && height(w, Layout::Tabs, Lang::En) < height(w, Layout::Compact, Lang::En));
    }

    fn url_for_defaults(w: &Calculator) -> String {
        url("./", w, &Vec::new(), Options::default())
    }

    #[test]
    fn every_widget_has_its_measured_height() {
        for c in crate::calculators::CALCULATORS {
            assert!(
                HEIGHTS.iter().any(|(id, ..)| *id == c.id) && HEIGHTS.iter().any(|(id, ..)| *id == crate::web::publish::lang_name(c.id, Lang::Zh)),
                "`{}` has no measured height: run scripts/heights, which builds the site, measures every widget in Chromium and writes content/heights.toml",
                c.id
            );
        }
        for (id, ..) in HEIGHTS {
            let calc = id.strip_suffix(".zh").unwrap_or(id);
            assert!(crate::calculators::find(calc).is_some(), "content/heights.toml lists `{id}`, which the registry does not: remove it");
        }
    }

    #[test]
    fn the_dialog_names_every_control_its_code_reads() {
        use crate::web::dom::dialog;
        let html = dialog_html(Lang::En);
        let ids = dialog::IDS.iter().map(|id| id.to_string());
        let radios = [ColorScheme::Auto, ColorScheme::Light, ColorScheme::Dark]
            .into_iter()
            .map(|t| (dialog::theme(t), dialog::THEME, t.as_str()))
            .chain([Currency::Usd, Currency::Cny].into_iter().map(|c| (dialog::currency(c), dialog::CURRENCY, c.code())))
            .chain([Layout::Full, Layout::Compact, Layout::Tabs].into_iter().map(|l| (dialog::layout(l), dialog::LAYOUT, l.as_str())));
        for id in ids.clone() {
            assert_eq!(html.matches(&format!("id=\"{id}\"")).count(), 1, "{id}");
        }
        for (id, name, value) in radios {
            assert_eq!(html.matches(&format!("id=\"{id}\" name=\"{name}\" value=\"{value}\"")).count(), 1, "{id}");
            assert_eq!(html.matches(&format!("for=\"{id}\"")).count(), 1, "{id} has its label");
        }
        for layout in [Layout::Full, Layout::Compact, Layout::Tabs] {
            assert_eq!(Layout::parse(layout.as_str()), Some(layout));
        }
    }

    #[test]
    fn options_fall_back_to_defaults() {
        let parse = |q: &str| options(&query::parse(q));
        assert_eq!(parse("theme=dark&compact=1"), Options { theme: ColorScheme::Dark, layout: Layout::Compact, money: Money::USD, lang: Lang::En });
        assert_eq!(parse("compact=1&tabs=yes").layout, Layout::Tabs);
        let yuan = Money { currency: Currency::Cny, rate: 7.3 };
        assert_eq!(parse("cur=cny&fx=7.3").money, yuan);
        assert_eq!(parse("cur=CNY").money, Money { currency: Currency::Cny, rate: default_rate() });
        assert!((default_rate() - 3_000_000.0 / 420_000.0).abs() < 1e-12);
        // A rate out of range, or not a number, falls back to the default.
        for bad in ["0", "99", "abc", "NaN", "1e400", "-7"] {
            assert_eq!(parse(&format!("cur=cny&fx={bad}")).money.rate, default_rate(), "{bad}");
        }
        assert_eq!(parse("cur=eur&fx=7.3").money, Money::USD);
        assert_eq!(parse("fx=7.3").money, Money::USD);
        // The link carries the currency and reads back the same.
        let w = crate::calculators::find("payback").unwrap();
        let link = url("https://example.org/", w, &Vec::new(), Options { money: yuan, ..Options::default() });
        assert_eq!(link, "https://example.org/payback.html?cur=cny&fx=7.3");
        assert_eq!(parse("theme=%3Cscript%3E&compact=maybe"), Options::default());
    }

    #[test]
    fn an_unknown_widget_is_named_as_text_and_every_calculator_listed() {
        let html = unknown_html("<img src=x onerror=alert(1)>");
        assert!(html.contains("no calculator called “&lt;img src=x onerror=alert(1)&gt;”."), "{html}");
        assert!(!html.contains("<img"));
        for c in crate::calculators::CALCULATORS {
            assert!(html.contains(&format!("<li><a href=\"{}.html\">", c.id)), "{}", c.id);
        }
        assert!(unknown_html("").contains("This link does not name a calculator. These are"));
    }
}
