//! The HTML documents of a release build, made from the one that Trunk
//! writes: `index.html` with the story's HTML already in its body, so words
//! arrive before the WebAssembly; each widget's page; `embed.html`, which
//! leads the embeds' old addresses to those pages; `tables.html`. Pages
//! get the chart boxes' sizes
//! ([`chart::layout::css`](crate::chart::layout::css)).

use crate::calculators::{Calculator, CALCULATORS};
use crate::chart::{layout, Scale};
use crate::text::format::{Lang, Money};
use crate::text::html::{escaped, push_escaped};
use crate::web::prefs::prefs_script;
use crate::web::publish::{lang_switch_html, site_name, story_file};

/// embed.html, the address embeds had before each widget had a page of
/// its own: its script ([`redirect_script`]) leads `embed.html?w=<id>&…`
/// to `<id>.html?…`, keeping every other setting and the fragment; for a
/// missing or unknown `w` it lists the widgets. No WebAssembly. Styled by
/// the stylesheets of Trunk's `index` (the story's own aside); `None`
/// if that has none.
pub fn embed_page(index: &str) -> Option<String> {
    let index = without_story_style(index);
    let css: String = stylesheets(&index).into_iter().map(|(start, end)| &index[start..end]).collect();
    if css.is_empty() {
        return None;
    }
    Some(format!(
        "<!doctype html><html lang=\"en\" data-page=\"embed\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><meta name=\"robots\" content=\"noindex\">\
<title>Calculator · China’s AI race after DeepSeek</title>\
<meta name=\"description\" content=\"One calculator from an explainer on China’s AI race after DeepSeek.\">\
<link rel=\"icon\" href=\"favicon.svg\" type=\"image/svg+xml\">{css}{}</head>\
<body><main class=\"unknown-widget\">{}</main></body></html>",
        redirect_script(),
        crate::web::embed::unknown_html("")
    ))
}

/// embed.html's script (`redirect.js`, with the widgets' ids written in).
pub fn redirect_script() -> String {
    let ids: Vec<String> = CALCULATORS.iter().map(|c| crate::web::publish::json_string(c.id)).collect();
    format!("<script>{}</script>", compact_js(include_str!("redirect.js")).replace("IDS", &format!("[{}]", ids.join(","))))
}

/// Trunk's index.html as the document of a widget: marked
/// `data-page="embed"`, without the story's own stylesheet, titled `title`
/// (HTML), with `before` and `after` around the title.
fn embed_document(index: &str, before: &str, title: &str, after: &str) -> Option<String> {
    let html = insert_after_tag_name(&without_story_style(index), "<html", " data-page=\"embed\"")?;
    let start = html.find("<title>")?;
    let end = html[start..].find("</title>")? + start + "</title>".len();
    Some(format!("{}{before}<title>{title}</title>{after}{}", &html[..start], &html[end..]))
}

/// Puts `text` at the very start of a page's body.
fn at_body_start(html: &str, text: &str) -> Option<String> {
    let open = html.find("<body")?;
    let at = html[open..].find('>')? + open + 1;
    Some(format!("{}{text}{}", &html[..at], &html[at..]))
}

/// A widget's own page (`<id>.html`) from Trunk's index.html: the same
/// bundle, marked as an embed, with its own title and description, `head`
/// (from [`crate::web::publish::head_tags`]) and the widget prerendered at its
/// starting values (`widget`, HTML rendered by Leptos), which the
/// WebAssembly brings to life in place. A script before the first paint
/// applies the link's colours and compact option ([`widget_script`]).
pub fn widget_page(index: &str, calc: &Calculator, widget: &str, head: &str, lang: Lang) -> Option<String> {
    let mut title = String::new();
    push_escaped(&mut title, &format!("{} · {}", lang.pick(calc.title), crate::web::publish::site_name(lang)));
    let html = embed_document(index, &widget_script(), &title, head)?;
    let mut description = String::new();
    push_escaped(&mut description, lang.pick(calc.intro));
    let html = replace_meta_description(&html, &description)?;
    // The widget itself is what a reader without JavaScript gets.
    let start = html.find("<noscript>")?;
    let end = html[start..].find("</noscript>")? + start + "</noscript>".len();
    let html = format!("{}{}", &html[..start], &html[end..]);
    at_body_start(&html, &format!("\n{}", without_markers(widget)))
}

/// A widget page's own script (`widget.js`, read at build time): the
/// link's options before the first paint, the height and WordPress's embed
/// protocol for a host page, and the tabs of the tabbed layout; all of it
/// works without the WebAssembly. The build fills in the height message's
/// type ([`crate::web::embed::HEIGHT_MESSAGE`]).
pub fn widget_script() -> String {
    format!("<script>{}</script>", compact_js(include_str!("widget.js")).replace("HEIGHT_MESSAGE", crate::web::embed::HEIGHT_MESSAGE))
}

/// JavaScript without its comment lines and indentation: what a page
/// inlines. Only whole lines are dropped, and lines stay lines, so what the
/// code means cannot change.
pub fn compact_js(source: &str) -> String {
    let lines: Vec<&str> = source.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with("//")).collect();
    lines.join("\n")
}

/// `page` with its icon link pointing at `icon` (a `data:` URL) instead of
/// the icon's file: a widget's page, shown in a frame, then fetches nothing
/// besides its style and, after its first paint, its code. Unchanged when
/// it has no icon link.
pub fn with_icon(page: &str, icon: &str) -> String {
    let Some(link) = page.find("<link").and_then(|_| {
        let mut from = 0;
        while let Some(at) = page[from..].find("<link").map(|i| i + from) {
            let end = page[at..].find('>')? + at + 1;
            if page[at..end].contains("icon") {
                return Some((at, end));
            }
            from = end;
        }
        None
    }) else {
        return page.to_string();
    };
    let tag = &page[link.0..link.1];
    let tag = tag.replace("href=\"favicon.svg\"", &format!("href=\"{icon}\"")).replace("href=favicon.svg", &format!("href=\"{icon}\""));
    format!("{}{tag}{}", &page[..link.0], &page[link.1..])
}

/// Puts `tags` into a page's head, right after its title.
pub fn with_head_tags(page: &str, tags: &str) -> Option<String> {
    let at = page.find("</title>")? + "</title>".len();
    Some(format!("{}{tags}{}", &page[..at], &page[at..]))
}

/// Where each stylesheet `<link>` of a page starts and ends.
fn stylesheets(html: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = html[from..].find("<link").map(|i| i + from) {
        let Some(end) = html[at..].find('>').map(|i| i + at + 1) else { break };
        let tag = &html[at..end];
        if tag.contains("rel=stylesheet") || tag.contains("rel=\"stylesheet\"") {
            out.push((at, end));
        }
        from = end;
    }
    out
}

/// `html` without the story's own stylesheet (style/story.css, which Trunk
/// writes as `story-<hash>.css`): a widget needs only main.css.
pub fn without_story_style(html: &str) -> String {
    let mut out = html.to_string();
    for (start, end) in stylesheets(html).into_iter().rev() {
        if html[start..end].contains("story-") {
            out.replace_range(start..end, "");
        }
    }
    out
}

/// The file [`tables_page`] is written to in `lang`, linked from each card
/// of the prerendered story in that language.
pub fn tables_file(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "tables.html",
        Lang::Zh => "tables.zh.html",
    }
}

/// The tables page in `lang`: every calculator's chart as a table, at its
/// starting values, for readers without JavaScript. The story page links
/// each card here rather than carry all the tables itself. Styled by the
/// site's own stylesheet, taken from Trunk's index.html; `None` if that has
/// none.
pub fn tables_page(index: &str, lang: Lang) -> Option<String> {
    let css: String = stylesheets(index).into_iter().map(|(start, end)| &index[start..end]).collect();
    if css.is_empty() {
        return None;
    }
    let mut body = String::new();
    for c in CALCULATORS {
        let figure = (c.figure)(&c.defaults(), Scale::Linear, Money::USD, lang);
        let title = lang.pick(c.title);
        body.push_str(&format!("<section class=\"calc-table\" id=\"{}\"><h2>", c.id));
        push_escaped(&mut body, title);
        body.push_str("</h2><div class=\"table-scroll\">");
        body.push_str(&figure.table.to_html(title));
        body.push_str("</div></section>");
    }
    let (heading, intro, back) = match lang.in_build() {
        Lang::En => ("The charts’ values", "Each calculator’s chart as a table, at its starting values.", "Back to the story"),
        Lang::Zh => ("图表数据", "以下是各计算器图表在初始设定下的数据。", "返回正文"),
    };
    let (code, site, gap) = (lang.code(), site_name(lang), lang.pick([" ", ""]));
    let other = lang.pick([Lang::Zh, Lang::En]);
    let switch = lang_switch_html(tables_file(other), other);
    let story = match story_file(lang) {
        "" => "./",
        file => file,
    };
    Some(format!(
        "<!doctype html><html lang=\"{code}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <title>{heading} · {site}</title><link rel=\"icon\" href=\"favicon.svg\" type=\"image/svg+xml\">{css}</head>\
         <body><main class=\"story\"><h1>{heading}</h1>\
         <p>{intro}{gap}<a href=\"{story}\">{back}</a> · {switch}</p>\
         {body}</main></body></html>"
    ))
}

/// The text of a page's description `<meta>` (minified or not), if any.
pub fn meta_description(html: &str) -> Option<String> {
    let name = html.find("name=description").or_else(|| html.find("name=\"description\""))?;
    let start = html[..name].rfind("<meta")?;
    let tag = &html[start..name + html[name..].find('>')?];
    let content = &tag[tag.find("content=\"")? + "content=\"".len()..];
    let content = &content[..content.find('"')?];
    Some(content.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
}

/// `html` with its description `<meta>` (minified or not) replaced by one
/// saying `text`; `None` if it has none.
fn replace_meta_description(html: &str, text: &str) -> Option<String> {
    let name = html.find("name=description").or_else(|| html.find("name=\"description\""))?;
    let start = html[..name].rfind("<meta")?;
    let end = name + html[name..].find('>')? + 1;
    Some(format!("{}<meta name=\"description\" content=\"{text}\">{}", &html[..start], &html[end..]))
}

/// Puts `story` (HTML rendered by Leptos) at the start of index.html's
/// body, without the markers Leptos leaves for hydration: nothing hydrates
/// this page (live parts replace whole elements), and `<!>` is not valid
/// HTML. The colour script ([`prefs_script`]) goes at the start of the head.
pub fn with_story(index: &str, story: &str) -> Option<String> {
    let title = index.find("<title>")?;
    let open = index.find("<body")?;
    let at = index[open..].find('>')? + open + 1;
    if title > at {
        return None;
    }
    Some(format!("{}{}{}\n{}{}", &index[..title], prefs_script(), &index[title..at], without_markers(story), &index[at..]))
}

/// `html` without Leptos's `<!>` markers. Text is escaped, so `<!>` in
/// rendered HTML is only ever a marker.
pub fn without_markers(html: &str) -> String {
    html.replace("<!>", "")
}

/// Puts the colours the page shares with its charts and the chart boxes'
/// sizes into a page, right after its title.
pub fn with_layout(page: &str) -> Option<String> {
    let at = page.find("</title>")? + "</title>".len();
    Some(format!("{}<style>{}{}</style>{}", &page[..at], crate::chart::palette_css(), layout::css(), &page[at..]))
}

/// The Chinese story's description, for search engines and link previews.
pub const ZH_DESCRIPTION: &str = "DeepSeek之后，中国AI热潮的数字解读：市场预测、普及速度、用上AI与真正见效之间的落差、国家扶持、泡沫与安全隐忧、芯片与不断下降的推理成本。每个数字都注明出处，计算器在浏览器中运行。";

/// The Chinese story's line for readers without JavaScript.
pub const ZH_NOSCRIPT: &str = "本页的计算器需要JavaScript；正文和文中所有数字无需JavaScript也能阅读。";

/// What a page says in one language before its body: the language, the
/// title, the description and the line for readers without JavaScript.
pub struct Said<'a> {
    pub lang: Lang,
    pub title: &'a str,
    pub description: &'a str,
    pub noscript: &'a str,
}

/// Trunk's index.html written for `said`: `<html lang>` (`zh-Hans` for
/// Chinese), its title, description and no-script line replaced; `None`
/// if it lacks one of them.
pub fn in_language(index: &str, said: &Said) -> Option<String> {
    let html = index.find("<html")?;
    let tag_end = html + index[html..].find('>')?;
    let tag = index[html..tag_end].replace("lang=en", "").replace("lang=\"en\"", "");
    let mut out = format!("{}{} lang=\"{}\"{}", &index[..html], tag.trim_end(), said.lang.code(), &index[tag_end..]);
    let (open, close) = (out.find("<title>")? + "<title>".len(), out.find("</title>")?);
    out.replace_range(open..close, &escaped(said.title));
    let mut out = replace_meta_description(&out, &escaped(said.description))?;
    let p = out.find("<noscript>")?;
    let start = p + out[p..].find("<p")?;
    let start = start + out[start..].find('>')? + 1;
    let end = start + out[start..].find("</p>")?;
    out.replace_range(start..end, &escaped(said.noscript));
    Some(out)
}

/// `html` loading the bundle `to` (its JavaScript file's name; the
/// WebAssembly's is the same with `_bg.wasm`) instead of `from`: each
/// language's pages load only their own words. `None` if `html` does not
/// load `from`.
pub fn with_bundle(html: &str, from: &str, to: &str) -> Option<String> {
    let wasm = |js: &str| js.strip_suffix(".js").map(|stem| format!("{stem}_bg.wasm"));
    let (from_wasm, to_wasm) = (wasm(from)?, wasm(to)?);
    if !html.contains(from) || !html.contains(&from_wasm) {
        return None;
    }
    Some(html.replace(&from_wasm, &to_wasm).replace(from, to))
}

/// `html` naming the share image's QR encoder (`file`, its script), which
/// a card loads only when a reader asks for a share image:
/// `<html data-qr="file">`. `None` if `html` has no `<html` tag.
pub fn with_qr_encoder(html: &str, file: &str) -> Option<String> {
    let tag = html.find("<html")?;
    let end = tag + html[tag..].find('>')?;
    Some(format!("{} {}=\"{}\"{}", &html[..end], crate::web::dom::attr::QR, escaped(file), &html[end..]))
}

/// Inserts `text` right after the tag name `tag` (e.g. `<html`).
fn insert_after_tag_name(html: &str, tag: &str, text: &str) -> Option<String> {
    let at = html.find(tag)? + tag.len();
    Some(format!("{}{text}{}", &html[..at], &html[at..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_can_carry_its_icon() {
        let icon = "data:image/svg+xml;base64,AAA=";
        assert_eq!(
            with_icon("<head><link href=favicon.svg rel=icon type=image/svg+xml><link href=./m.css rel=stylesheet>", icon),
            format!("<head><link href=\"{icon}\" rel=icon type=image/svg+xml><link href=./m.css rel=stylesheet>")
        );
        assert_eq!(with_icon("<link rel=\"icon\" href=\"favicon.svg\">", icon), format!("<link rel=\"icon\" href=\"{icon}\">"));
        assert_eq!(with_icon("<link href=./m.css rel=stylesheet>", icon), "<link href=./m.css rel=stylesheet>");
    }

    #[test]
    fn inlined_javascript_loses_only_comment_lines_and_indentation() {
        let js = compact_js("// a comment\n  var a = 1; // kept: not a whole line\n\n  if (a) {\n    b(\"//\");\n  }\n");
        assert_eq!(js, "var a = 1; // kept: not a whole line\nif (a) {\nb(\"//\");\n}");
        let widget = widget_script();
        assert!(widget.starts_with("<script>(function () {") && widget.ends_with("})();</script>"), "{widget}");
        assert!(!widget.contains("</script>") || widget.matches("</script>").count() == 1);
        // Every placeholder filled in: the keys and the rates.
        let prefs = prefs_script();
        for placeholder in ["THEME_KEY", "CURRENCY_KEY", "RATE_KEY", "RATE_LO", "RATE_HI"] {
            assert!(!prefs.contains(placeholder), "{placeholder} left in {prefs}");
        }
        assert!(prefs.contains("getItem(\"china-ai:theme\")") && prefs.contains("+x >= 1 && +x <= 20"), "{prefs}");
        // The rate's message is the switch's, in the page's language.
        use crate::web::controls::currency_switch_html;
        assert!(currency_switch_html(Lang::En).contains("data-error=\"Use a number from 1 to 20,"));
        assert!(currency_switch_html(Lang::Zh).contains("data-error=\"请输入1至20之间的数字"));
        assert!(!redirect_script().contains("IDS"));
        assert!(widget.contains("type: \"china-ai:height\"") && !widget.contains("HEIGHT_MESSAGE"), "{widget}");
    }

    const INDEX: &str = "<!doctype html>\n<html lang=\"en\">\n<head><title>Story</title><script type=\"module\">import init from './a.js';</script></head>\n<body>\n<noscript><p>Long story message.</p></noscript>\n</body>\n</html>";

    #[test]
    fn every_page_names_the_qr_encoder_on_its_root() {
        let page = with_qr_encoder(INDEX, "share-qr-0123abcd.js").unwrap();
        assert!(page.contains("<html lang=\"en\" data-qr=\"share-qr-0123abcd.js\">"), "{page}");
        assert_eq!(with_qr_encoder("<body></body>", "a.js"), None);
    }

    #[test]
    fn the_tables_page_holds_every_calculators_table_and_the_sites_style() {
        for lang in [Lang::En, Lang::Zh] {
            let page = tables_page("<head><link href=./main-1.css rel=stylesheet><title>", lang).unwrap();
            assert!(page.contains("<link href=./main-1.css rel=stylesheet></head>"), "{page}");
            assert!(page.contains(&format!("<html lang=\"{}\">", lang.code())), "{page}");
            for c in CALCULATORS {
                let at = page.find(&format!("id=\"{}\"", c.id)).unwrap_or_else(|| panic!("{} has no section", c.id));
                assert!(page[at..].contains("<table>"), "{}", c.id);
                assert!(page[at..].contains(&format!("<h2>{}</h2>", escaped(lang.pick(c.title)))), "{}: its title in {lang:?}", c.id);
            }
            assert_eq!(tables_page("<head><title>", lang), None);
        }
        let zh = tables_page("<head><link href=./main-1.css rel=stylesheet><title>", Lang::Zh).unwrap();
        assert!(zh.contains("<a href=\"zh.html\">返回正文</a>") && zh.contains("亿美元"), "{zh}");
        assert!(zh.contains("<a class=\"lang-switch\" href=\"tables.html\" hreflang=\"en\" lang=\"en\">English</a>"), "{zh}");
        assert!(!zh.contains("The chart") && !zh.contains("Year"), "{zh}");
        let two = "<head><link href=./main-1.css rel=stylesheet><link href=./story-2.css rel=stylesheet><title>";
        assert!(tables_page(two, Lang::En)
            .unwrap()
            .contains("<link href=./main-1.css rel=stylesheet><link href=./story-2.css rel=stylesheet></head>"));
        assert_eq!(without_story_style(two), "<head><link href=./main-1.css rel=stylesheet><title>");
        assert!(!embed_page(&format!("<html>{two}</title><body></body>")).unwrap().contains("story-2"));
    }

    #[test]
    fn embed_html_leads_old_addresses_to_the_widget_pages_without_the_bundle() {
        let index = "<!doctype html><html lang=en><head><link href=./main-1.css rel=stylesheet><link href=./story-2.css rel=stylesheet><title>Story</title><script type=module>import('./a.js')</script></head><body></body></html>";
        let e = embed_page(index).unwrap();
        assert!(e.contains("<html lang=\"en\" data-page=\"embed\">") && e.contains("<title>Calculator · China’s AI race after DeepSeek</title>"));
        assert!(e.contains("<link href=./main-1.css rel=stylesheet>") && !e.contains("story-2.css"), "the widgets' style only: {e}");
        assert!(!e.contains("a.js"), "no WebAssembly");
        let script = redirect_script();
        assert!(e.contains(&script));
        let ids: Vec<String> = CALCULATORS.iter().map(|c| format!("\"{}\"", c.id)).collect();
        assert!(script.contains(&format!("[{}].indexOf(w)", ids.join(","))), "{script}");
        assert!(script.contains("location.replace(w + \".html\"") && script.contains("location.hash"));
        assert!(!script[8..script.len() - 9].contains("</script") && !script.contains("<!--"));
        // Without a script, or for an unknown widget: the list.
        for c in CALCULATORS {
            assert!(e.contains(&format!("<li><a href=\"{}.html\">", c.id)), "{}", c.id);
        }
        assert_eq!(embed_page("<html><title>x</title>"), None, "no stylesheet");
    }

    #[test]
    fn a_page_in_chinese_says_so_before_its_body() {
        let said = Said { lang: Lang::Zh, title: "标题", description: "描述<b>", noscript: "需要JavaScript" };
        let index = INDEX.replace("<title>", "<meta name=\"description\" content=\"d\"><title>");
        let page = in_language(&index, &said).unwrap();
        assert!(page.starts_with("<!doctype html>\n<html lang=\"zh-Hans\">"), "{page}");
        assert!(page.contains("<title>标题</title>") && page.contains("content=\"描述&lt;b&gt;\""), "{page}");
        assert!(page.contains("<noscript><p>需要JavaScript</p></noscript>") && !page.contains("Long story"), "{page}");
        let minified = "<!doctype html><html lang=en><head><meta content=\"x\" name=description><title>T</title></head><body><noscript><p class=noscript>N</p></noscript></body></html>";
        let page = in_language(minified, &said).unwrap();
        assert!(page.contains("<html lang=\"zh-Hans\">") && page.contains("<p class=noscript>需要JavaScript</p>"), "{page}");
    }

    #[test]
    fn a_page_can_load_another_bundle() {
        let page = "<script>import('./china-ai-1a.js').then((m)=>m.default({module_or_path:'./china-ai-1a_bg.wasm'}))</script>";
        let zh = with_bundle(page, "china-ai-1a.js", "china-ai-zh-2b.js").unwrap();
        assert_eq!(zh, "<script>import('./china-ai-zh-2b.js').then((m)=>m.default({module_or_path:'./china-ai-zh-2b_bg.wasm'}))</script>");
        assert_eq!(with_bundle(page, "china-ai-9z.js", "x.js"), None);
    }

    #[test]
    fn story_goes_first_in_the_body_without_markers() {
        let s = with_story(INDEX, "<main id=\"story\"><!>Words<!> &lt;!&gt;</main>").unwrap();
        assert!(s.contains("<body>\n<main id=\"story\">Words &lt;!&gt;</main>\n<noscript>"), "{s}");
        assert!(s.contains(&format!("<head>{}<title>", prefs_script())), "the colour script runs before anything paints: {s}");
    }

    #[test]
    fn a_widget_page_is_an_embed_with_its_own_head_and_the_widget_prerendered() {
        let index = "<!doctype html><html lang=en><head><meta name=description content=\"Long.\"><title>Story</title><script type=module>x</script></head><body><noscript><p>Long.</p></noscript></body></html>";
        let calc = crate::calculators::find("payback").unwrap();
        let page = widget_page(index, calc, "<main class=\"embed-root\"><!>W</main>", "<meta property=\"og:x\" content=\"y\">", Lang::En).unwrap();
        assert!(page.starts_with("<!doctype html><html data-page=\"embed\" lang=en>"), "{page}");
        assert!(
            page.contains(&format!(
                "{}<title>When does a robot bet pay back? · China’s AI race after DeepSeek</title><meta property=\"og:x\"",
                widget_script()
            )),
            "{page}"
        );
        assert!(page.contains(&format!("<meta name=\"description\" content=\"{}\">", crate::text::html::escaped(calc.intro[0]))));
        assert!(page.contains("<body>\n<main class=\"embed-root\">W</main></body>"), "no noscript, no markers: {page}");
        assert!(page.contains("<script type=module>x</script>"), "same bundle");
        assert_eq!(widget_page("<html><title>x</title>", calc, "", "", Lang::En), None);
        assert_eq!(meta_description(index).as_deref(), Some("Long."));
        assert_eq!(meta_description("<meta content=\"A &amp; &quot;B&quot;\" name=description>").as_deref(), Some("A & \"B\""));
        assert_eq!(with_head_tags("<title>a</title><b>", "<t>").as_deref(), Some("<title>a</title><t><b>"));
    }

    #[test]
    fn chart_sizes_follow_the_title() {
        let s = with_layout(INDEX).unwrap();
        assert!(s.contains(&format!("<title>Story</title><style>{}{}</style>", crate::chart::palette_css(), layout::css())));
        assert_eq!(with_layout("<html>"), None);
    }
}
