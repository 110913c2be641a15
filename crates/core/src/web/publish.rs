//! What the site needs to be shared and embedded from the open web: its
//! public address (the build's `SITE_URL`), a page of its own per widget,
//! the tags that link previews read (Open Graph, Twitter cards), oEmbed
//! discovery and the static oEmbed document.

use crate::calculators::Calculator;
use crate::text::format::Lang;
use crate::text::html::escaped;
use crate::web::dom::{self, Action};
use crate::web::{embed, query};

/// The site's name, as link previews and oEmbed consumers show it.
pub const SITE_NAME: &str = "China’s AI race after DeepSeek";

/// Size in pixels of every preview image (`og:image`, oEmbed thumbnail).
pub const PREVIEW_PIXELS: (u32, u32) = (1200, 630);

/// The width an oEmbed consumer is told the widget wants, in CSS pixels:
/// a common blog column, at which [`embed::height`] is measured.
pub const OEMBED_WIDTH: u32 = 700;

/// The site's public address from the value of `SITE_URL`: an absolute
/// `http(s)` URL, with a `/` added at the end if missing. No value (or an
/// empty one) is `Ok(None)`: the pages are then built without the tags that
/// need an absolute address. Anything else is an error that says why.
pub fn site_url(raw: Option<&str>) -> Result<Option<String>, String> {
    let Some(raw) = raw.map(str::trim).filter(|s| !s.is_empty()) else { return Ok(None) };
    let rest = raw
        .strip_prefix("https://")
        .or_else(|| raw.strip_prefix("http://"))
        .ok_or_else(|| format!("SITE_URL must start with https:// or http://, not “{raw}”"))?;
    if rest.is_empty() || rest.starts_with('/') {
        return Err(format!("SITE_URL has no host: “{raw}”"));
    }
    if let Some(c) = raw.chars().find(|c| c.is_whitespace() || c.is_control() || "\"'<>`?#\\".contains(*c)) {
        return Err(format!("SITE_URL may not contain {c:?} (no query, fragment, quotes or spaces): “{raw}”"));
    }
    Ok(Some(if raw.ends_with('/') { raw.to_string() } else { format!("{raw}/") }))
}

/// The site's name in `lang`.
pub fn site_name(lang: Lang) -> &'static str {
    lang.pick([SITE_NAME, "DeepSeek之后的中国AI竞赛"])
}

/// A language's name in that language, as a switch to it says it.
pub fn own_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "English",
        Lang::Zh => "中文",
    }
}

/// The link from a page to its twin `href` in the language `to`, named in
/// that language; the page's script adds the reader's settings as it is
/// followed.
pub fn lang_switch_html(href: &str, to: Lang) -> String {
    format!("<a class=\"lang-switch\" href=\"{href}\" hreflang=\"{code}\" lang=\"{code}\">{}</a>", own_name(to), code = to.code())
}

/// The story's page in `lang`, relative to the site's folder: the English
/// story is the folder itself, the Chinese one `zh.html` beside it.
pub fn story_file(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "",
        Lang::Zh => "zh.html",
    }
}

/// A widget's own page in `lang`, relative to the site's folder:
/// `<id>.html`, and in Chinese `<id>.zh.html` beside it.
pub fn widget_file(calc: &Calculator, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{}.html", calc.id),
        Lang::Zh => format!("{}.zh.html", calc.id),
    }
}

/// A link to a widget's own page at `base` (the site's folder, ending in
/// `/`) in the state `state` (unprefixed keys, from
/// [`query::encode`](crate::web::query::encode)): what Share copies, and what
/// a newsletter and an export link back to. Link previews show the page's card.
pub fn widget_link(base: &str, calc: &Calculator, state: &query::Pairs, lang: Lang) -> String {
    if state.is_empty() {
        return format!("{base}{}", widget_file(calc, lang));
    }
    let mut pairs: query::Pairs = vec![("v".into(), query::VERSION.into())];
    pairs.extend(state.iter().cloned());
    format!("{base}{}?{}", widget_file(calc, lang), query::to_query(&pairs))
}

/// A page's name in `lang`: `name`, or `name.zh` for the Chinese page's
/// (its preview, its oEmbed document, its measured heights).
pub fn lang_name(name: &str, lang: Lang) -> String {
    match lang {
        Lang::En => name.to_string(),
        Lang::Zh => format!("{name}.zh"),
    }
}

/// A page's preview image (`story` for the story page).
pub fn preview_file(name: &str) -> String {
    format!("preview/{name}.png")
}

/// A widget's static oEmbed document.
pub fn oembed_file(calc: &Calculator, lang: Lang) -> String {
    match lang {
        Lang::En => format!("oembed/{}.json", calc.id),
        Lang::Zh => format!("oembed/{}.zh.json", calc.id),
    }
}

/// What a page says about itself to link previews.
pub struct PageMeta<'a> {
    /// The page, relative to the site's folder ("" for the story).
    pub path: &'a str,
    pub title: &'a str,
    pub description: &'a str,
    /// The preview image, relative to the site's folder.
    pub image: &'a str,
    /// What the preview image shows, for readers who cannot see it.
    pub image_alt: &'a str,
    /// The page's oEmbed document, relative to the site's folder.
    pub oembed: Option<&'a str>,
    /// The language the page is written in.
    pub lang: Lang,
    /// The same page in every language it exists in, itself included,
    /// relative to the site's folder.
    pub alternates: &'a [(Lang, &'a str)],
}

/// The `<head>` tags of a page for link previews, search engines and
/// oEmbed consumers. Without a public address only the tags that need none
/// are written: a relative canonical or image URL means nothing to a crawler.
pub fn head_tags(meta: &PageMeta, site: Option<&str>) -> String {
    let mut out = String::new();
    // Each language's page names the others (and itself), absolute where
    // the address is known; English is the default.
    let href = |path: &str| match (site, path) {
        (Some(site), path) => format!("{site}{path}"),
        (None, "") => "./".to_string(),
        (None, path) => path.to_string(),
    };
    if meta.alternates.len() > 1 {
        for &(lang, path) in meta.alternates {
            out.push_str(&format!("<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">", lang.code(), escaped(&href(path))));
        }
        if let Some(&(_, path)) = meta.alternates.iter().find(|(lang, _)| *lang == Lang::En) {
            out.push_str(&format!("<link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\">", escaped(&href(path))));
        }
    }
    let mut tag = |attr: &str, name: &str, content: &str| {
        out.push_str(&format!("<meta {attr}=\"{name}\" content=\"{}\">", escaped(content)));
    };
    tag("property", "og:type", "website");
    tag("property", "og:site_name", site_name(meta.lang));
    let locale = |lang: Lang| lang.pick(["en_US", "zh_CN"]);
    tag("property", "og:locale", locale(meta.lang));
    for &(lang, _) in meta.alternates.iter().filter(|(lang, _)| *lang != meta.lang) {
        tag("property", "og:locale:alternate", locale(lang));
    }
    tag("property", "og:title", meta.title);
    tag("property", "og:description", meta.description);
    tag("name", "twitter:card", "summary_large_image");
    let Some(site) = site else { return out };
    let url = format!("{site}{}", meta.path);
    tag("property", "og:url", &url);
    tag("property", "og:image", &format!("{site}{}", meta.image));
    tag("property", "og:image:width", &PREVIEW_PIXELS.0.to_string());
    tag("property", "og:image:height", &PREVIEW_PIXELS.1.to_string());
    tag("property", "og:image:alt", meta.image_alt);
    tag("name", "twitter:image:alt", meta.image_alt);
    out.push_str(&format!("<link rel=\"canonical\" href=\"{}\">", escaped(&url)));
    if let Some(oembed) = meta.oembed {
        out.push_str(&format!(
            "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\" title=\"{}\">",
            escaped(&format!("{site}{oembed}")),
            escaped(meta.title)
        ));
    }
    out
}

/// A widget's oEmbed document (type `rich`): the iframe a consumer puts in
/// the post, and the preview image as its thumbnail. oEmbed asks for
/// absolute URLs, so there is none without a public address.
///
/// The frame shows the widget's page in tabs ([`embed::Layout::Tabs`]):
/// consumers cap a frame's height (WordPress at 1,000 px), and the tabbed
/// card stays within that in every state. A static file cannot vary by the
/// pasted link's query, so a pasted link embeds the starting values (the
/// snippet keeps a reader's settings). The frame's size is in attributes
/// alone, as WordPress keeps no `style`: `width="100%"` (no fixed number
/// fills both a phone's and a desktop's column), the widget's height in a
/// common column, and no border.
pub fn oembed_json(calc: &Calculator, site: &str, lang: Lang) -> String {
    let layout = embed::Layout::Tabs;
    let height = embed::height(calc, layout, lang);
    let src = embed::url(site, calc, &Vec::new(), embed::Options { layout, lang, ..embed::Options::default() });
    let title = escaped(lang.pick(calc.title));
    // A link before the frame: WordPress shows it until the frame first
    // speaks (and loads its embed script, which resizes frames, only for an
    // embed that has one); readers of a feed without frames get the link.
    let html = format!(
        "<blockquote><a href=\"{}\">{title}</a></blockquote><iframe src=\"{}\" width=\"100%\" height=\"{height}\" title=\"{title}{}\" frameborder=\"0\"></iframe>",
        escaped(&widget_link(site, calc, &Vec::new(), lang)),
        escaped(&src),
        lang.pick([" (interactive calculator)", "（互动计算器）"]),
    );
    let fields: [(&str, String); 11] = [
        ("version", json_string("1.0")),
        ("type", json_string("rich")),
        ("provider_name", json_string(site_name(lang))),
        ("provider_url", json_string(&format!("{site}{}", story_file(lang)))),
        ("title", json_string(lang.pick(calc.title))),
        ("html", json_string(&html)),
        ("width", OEMBED_WIDTH.to_string()),
        ("height", height.to_string()),
        ("thumbnail_url", json_string(&format!("{site}{}", preview_file(&lang_name(calc.id, lang))))),
        ("thumbnail_width", PREVIEW_PIXELS.0.to_string()),
        ("thumbnail_height", PREVIEW_PIXELS.1.to_string()),
    ];
    let body: Vec<String> = fields.iter().map(|(k, v)| format!("{}:{v}", json_string(k))).collect();
    format!("{{{}}}", body.join(","))
}

/// The actions under every card, as static markup: the card reads a click
/// by its button's `data-action` ([`Action`]).
pub fn share_bar_html(lang: Lang) -> String {
    let button = |class: &str, action: Action, label: &str| {
        format!(
            "<button type=\"button\" class=\"{class}\" {attr}=\"{a}\" data-testid=\"{a}\">{label}</button>",
            attr = dom::attr::ACTION,
            a = action.as_str()
        )
    };
    [
        button("button button-quiet", Action::Share, lang.pick(["Share", "分享"])),
        button("button button-quiet", Action::Embed, lang.pick(["Embed", "嵌入"])),
        button("button button-quiet", Action::Newsletter, lang.pick(["Copy for newsletter", "复制到文章"])),
        button("button button-quiet", Action::ShareImage, lang.pick(["Image with QR code", "二维码分享图"])),
        format!("<span class=\"downloads\">{}", lang.pick(["Download ", "下载"])),
        button("link-button", Action::Png, "PNG"),
        button("link-button", Action::Svg, "SVG"),
        button("link-button", Action::Csv, "CSV"),
        "</span>".to_string(),
    ]
    .concat()
}

/// What "Copy for newsletter" puts on the clipboard, for editors that take
/// no iframe: the chart as an image (`image`, a `data:` URL of a PNG shown
/// `width` × `height` CSS pixels) linking to the reader's state (`link`),
/// its description as the image's alt text, and a one-line citation.
/// Returns (HTML, plain text).
#[allow(clippy::too_many_arguments)]
pub fn newsletter(title: &str, description: &str, source: &str, link: &str, image: &str, width: u32, height: u32, lang: Lang) -> (String, String) {
    let cite = citation(title, source, lang);
    let (open, interactive, gap) = match lang.in_build() {
        Lang::En => ("Open the interactive chart", "Interactive chart: ", " "),
        Lang::Zh => ("打开互动图表", "互动图表：", ""),
    };
    let html = format!(
        "<p><a href=\"{link}\"><img src=\"{image}\" alt=\"{alt}\" width=\"{width}\" height=\"{height}\" style=\"max-width:100%;height:auto\"></a></p>\
<p style=\"font-size:0.875em\">{cite}{gap}<a href=\"{link}\">{open}</a></p>",
        link = escaped(link),
        image = escaped(image),
        alt = escaped(description),
        cite = escaped(&cite),
    );
    (html, format!("{description}\n{cite}\n{interactive}{link}\n"))
}

/// A one-line citation of a chart: its title, the site, and its source
/// line as the chart gives it.
pub fn citation(title: &str, source: &str, lang: Lang) -> String {
    match lang.in_build() {
        Lang::En => format!("Chart: “{title}”, {SITE_NAME}. {source}"),
        Lang::Zh => format!("图表：“{title}”，《{}》。{source}", site_name(Lang::Zh)),
    }
}

/// The text of every inline `<script>` of a page (those without `src`), for
/// the Content-Security-Policy's hashes.
pub fn inline_scripts(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = html[from..].find("<script").map(|i| i + from) {
        let Some(open_end) = html[at..].find('>').map(|i| i + at + 1) else { break };
        let Some(close) = html[open_end..].find("</script>").map(|i| i + open_end) else { break };
        if !html[at..open_end].contains(" src=") {
            out.push(&html[open_end..close]);
        }
        from = close;
    }
    out
}

/// The Content-Security-Policy of every page: scripts only from the site
/// and the inline scripts whose hashes are given (`sha256-…`, base64),
/// WebAssembly compiled from the site's own file, styles from the site and
/// the pages' own `<style>`, images from the site and those the page makes
/// (exports), no plugins, and any site may frame the pages (embeds).
pub fn content_security_policy(script_hashes: &[String]) -> String {
    let mut scripts = String::from("'self' 'wasm-unsafe-eval'");
    for h in script_hashes {
        scripts.push_str(&format!(" 'sha256-{h}'"));
    }
    format!(
        "default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; \
connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'; frame-ancestors *"
    )
}

/// The `_headers` file (Netlify, Cloudflare Pages): security headers for
/// every path under `root` (the site's path, `/` at a domain's root), and
/// caching: `immutable` for the files whose names carry a content hash
/// (`hashed`), revalidation for the others (`fresh`: pages, and folders as
/// `name/*`). No path gets two Cache-Control headers.
pub fn headers_file(root: &str, csp: &str, hashed: &[String], fresh: &[String]) -> String {
    let mut out = String::from(
        "# Written by the build (bin/prerender). Netlify and Cloudflare Pages read it.\n\
# A widget embedded in a sandboxed iframe without allow-same-origin has an\n\
# opaque origin, so its script and WebAssembly load only with\n\
# Access-Control-Allow-Origin (GitHub Pages sends it for every file already).\n",
    );
    out.push_str(&format!(
        "{root}*\n  Access-Control-Allow-Origin: *\n  Content-Security-Policy: {csp}\n  Referrer-Policy: strict-origin-when-cross-origin\n  X-Content-Type-Options: nosniff\n"
    ));
    for name in hashed {
        out.push_str(&format!("{root}{name}\n  Cache-Control: public, max-age=31536000, immutable\n"));
    }
    for name in fresh {
        out.push_str(&format!("{root}{name}\n  Cache-Control: public, max-age=0, must-revalidate\n"));
    }
    out
}

/// `text` as a JSON string literal, which is also a JavaScript string
/// literal safe inside a `<script>` element (`<` is escaped).
pub fn json_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '<' => out.push_str("\\u003c"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calculators::{find, CALCULATORS};

    #[test]
    fn the_public_address_is_absolute_and_ends_in_a_slash() {
        assert_eq!(site_url(None), Ok(None));
        assert_eq!(site_url(Some("  ")), Ok(None));
        assert_eq!(site_url(Some("https://example.org")), Ok(Some("https://example.org/".into())));
        assert_eq!(site_url(Some("http://example.org/china-ai/")), Ok(Some("http://example.org/china-ai/".into())));
        for bad in [
            "example.org",
            "ftp://example.org/",
            "https://",
            "https:///x",
            "https://a.org/?x=1",
            "https://a.org/#x",
            "https://a.org/\"><script>",
            "https://a b.org/",
        ] {
            assert!(site_url(Some(bad)).is_err(), "{bad}");
        }
    }

    #[test]
    fn tags_need_a_public_address_only_where_a_crawler_needs_one() {
        let meta = PageMeta {
            path: "payback.html",
            title: "A & B",
            description: "D\"",
            image: "preview/payback.png",
            image_alt: "Alt",
            oembed: Some("oembed/payback.json"),
            lang: Lang::En,
            alternates: &[],
        };
        let without = head_tags(&meta, None);
        assert!(without.contains("<meta property=\"og:title\" content=\"A &amp; B\">"), "{without}");
        assert!(without.contains("content=\"D&quot;\""));
        assert!(!without.contains("og:image") && !without.contains("canonical") && !without.contains("oembed"));
        let with = head_tags(&meta, Some("https://x.org/s/"));
        for want in [
            "<link rel=\"canonical\" href=\"https://x.org/s/payback.html\">",
            "<meta property=\"og:url\" content=\"https://x.org/s/payback.html\">",
            "<meta property=\"og:image\" content=\"https://x.org/s/preview/payback.png\">",
            "<meta property=\"og:image:width\" content=\"1200\">",
            "<meta name=\"twitter:card\" content=\"summary_large_image\">",
            "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"https://x.org/s/oembed/payback.json\" title=\"A &amp; B\">",
        ] {
            assert!(with.contains(want), "{want} in {with}");
        }
    }

    #[test]
    fn each_language_names_the_other() {
        let both = [(Lang::En, story_file(Lang::En)), (Lang::Zh, story_file(Lang::Zh))];
        let meta = |lang| PageMeta {
            path: story_file(lang),
            title: "T",
            description: "D",
            image: "i.png",
            image_alt: "A",
            oembed: None,
            lang,
            alternates: &both,
        };
        let zh = head_tags(&meta(Lang::Zh), Some("https://x.org/s/"));
        for want in [
            "<meta property=\"og:locale\" content=\"zh_CN\">",
            "<meta property=\"og:locale:alternate\" content=\"en_US\">",
            "<meta property=\"og:site_name\" content=\"DeepSeek之后的中国AI竞赛\">",
            "<link rel=\"alternate\" hreflang=\"en\" href=\"https://x.org/s/\">",
            "<link rel=\"alternate\" hreflang=\"zh-Hans\" href=\"https://x.org/s/zh.html\">",
            "<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://x.org/s/\">",
            "<link rel=\"canonical\" href=\"https://x.org/s/zh.html\">",
        ] {
            assert!(zh.contains(want), "{want} in {zh}");
        }
        let en = head_tags(&meta(Lang::En), None);
        assert!(en.contains("hreflang=\"zh-Hans\" href=\"zh.html\"") && en.contains("hreflang=\"en\" href=\"./\""), "{en}");
        assert!(en.contains("<meta property=\"og:locale\" content=\"en_US\">"), "{en}");
    }

    #[test]
    fn every_oembed_document_is_a_rich_embed_with_absolute_urls() {
        for c in CALCULATORS {
            let json = oembed_json(c, "https://x.org/s/", Lang::En);
            for key in [
                "version",
                "type",
                "provider_name",
                "provider_url",
                "title",
                "html",
                "width",
                "height",
                "thumbnail_url",
                "thumbnail_width",
                "thumbnail_height",
            ] {
                assert_eq!(json.matches(&format!("\"{key}\":")).count(), 1, "{key} in {json}");
            }
            assert!(json.contains("\"type\":\"rich\""));
            let height = embed::height(c, embed::Layout::Tabs, Lang::En);
            assert!(height <= 1000, "{}: WordPress keeps a frame to 1,000 px", c.id);
            assert!(json.contains(&format!("\"height\":{height},")));
            assert!(json.contains(&format!("\"html\":\"\\u003cblockquote>\\u003ca href=\\\"https://x.org/s/{}.html\\\">", c.id)), "{json}");
            assert!(
                json.contains(&format!("\\u003ciframe src=\\\"https://x.org/s/{}.html?tabs=1\\\" width=\\\"100%\\\" height=\\\"{height}\\\"", c.id)),
                "{json}"
            );
            assert!(json.contains("frameborder=\\\"0\\\">\\u003c/iframe>\""), "{json}");
            assert!(json.contains(&format!("\"thumbnail_url\":\"https://x.org/s/preview/{}.png\"", c.id)));
            assert!(!json.contains('<') && !json.contains('\n'));
            // The Chinese document: its own page, title, preview and height.
            let zh = oembed_json(c, "https://x.org/s/", Lang::Zh);
            let height = embed::height(c, embed::Layout::Tabs, Lang::Zh);
            assert!(height <= 1000, "{}: the Chinese widget in tabs is {height} px", c.id);
            assert!(
                zh.contains(&format!("\\u003ciframe src=\\\"https://x.org/s/{}.zh.html?tabs=1\\\" width=\\\"100%\\\" height=\\\"{height}\\\"", c.id)),
                "{zh}"
            );
            assert!(zh.contains(&format!("\"title\":{}", json_string(c.title[1]))), "{zh}");
            assert!(zh.contains(&format!("\"thumbnail_url\":\"https://x.org/s/preview/{}.zh.png\"", c.id)), "{zh}");
            assert!(zh.contains("\"provider_url\":\"https://x.org/s/zh.html\""), "{zh}");
        }
        let payback = find("payback").unwrap();
        assert_eq!(widget_file(payback, Lang::En), "payback.html");
        assert_eq!(widget_file(payback, Lang::Zh), "payback.zh.html");
        assert_eq!(widget_link("https://x.org/", payback, &Vec::new(), Lang::En), "https://x.org/payback.html");
        let state = query::encode(payback, &[100.0, 15.0, 7.0, 8.0, 15.0], crate::chart::Scale::Linear, None);
        let link = widget_link("./", payback, &state, Lang::En);
        assert_eq!(link, "./payback.html?v=1&delay=7");
        let back = query::decode(payback, &query::parse(&link[link.find('?').unwrap()..]), None, Lang::En);
        assert_eq!(back.values[2], 7.0);
        assert!(back.problems.is_empty());
    }

    #[test]
    fn a_newsletter_paste_has_the_image_its_alt_text_the_link_and_a_citation() {
        let (html, text) =
            newsletter("A <b>", "Line \"chart\"", "Source: X & Y.", "https://x.org/p.html?v=1&a=2", "data:image/png;base64,AAA=", 720, 400, Lang::En);
        assert_eq!(
            html,
            "<p><a href=\"https://x.org/p.html?v=1&amp;a=2\"><img src=\"data:image/png;base64,AAA=\" alt=\"Line &quot;chart&quot;\" width=\"720\" height=\"400\" style=\"max-width:100%;height:auto\"></a></p>\
<p style=\"font-size:0.875em\">Chart: “A &lt;b&gt;”, China’s AI race after DeepSeek. Source: X &amp; Y. <a href=\"https://x.org/p.html?v=1&amp;a=2\">Open the interactive chart</a></p>"
        );
        assert_eq!(
            text,
            "Line \"chart\"\nChart: “A <b>”, China’s AI race after DeepSeek. Source: X & Y.\nInteractive chart: https://x.org/p.html?v=1&a=2\n"
        );
    }

    #[test]
    fn the_share_bar_names_every_action_once() {
        let html = share_bar_html(Lang::En);
        for action in Action::ALL {
            assert_eq!(html.matches(&format!("data-action=\"{}\"", action.as_str())).count(), 1, "{action:?}");
        }
    }

    #[test]
    fn the_policy_hashes_every_inline_script_and_nothing_else() {
        let html = "<script>a()</script><script type=module>b()</script><script src=\"x.js\"></script><p>";
        assert_eq!(inline_scripts(html), vec!["a()", "b()"]);
        let csp = content_security_policy(&["AAA=".into()]);
        assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-AAA=';"), "{csp}");
        assert!(!csp.contains("unsafe-inline';") || !csp.split("script-src").nth(1).unwrap().split(';').next().unwrap().contains("unsafe-inline"));
        assert!(csp.ends_with("frame-ancestors *"));
        let file = headers_file("/s/", &csp, &["a-1.js".into()], &["".into(), "index.html".into(), "preview/*".into()]);
        assert!(file.contains("/s/*\n  Access-Control-Allow-Origin: *\n  Content-Security-Policy: default-src 'self';"), "{file}");
        assert!(file.contains("/s/a-1.js\n  Cache-Control: public, max-age=31536000, immutable\n"));
        assert!(file.contains("/s/\n  Cache-Control: public, max-age=0, must-revalidate\n/s/index.html\n") && file.contains("/s/preview/*\n"));
        assert_eq!(file.matches("Cache-Control").count(), 4);
        assert!(file.contains("X-Content-Type-Options: nosniff") && file.contains("Referrer-Policy: strict-origin-when-cross-origin"));
    }

    #[test]
    fn json_strings_escape_what_json_and_html_need() {
        assert_eq!(json_string("a\"b\\c</script>\n\u{1}\u{2028}é"), "\"a\\\"b\\\\c\\u003c/script>\\n\\u0001\\u2028é\"");
    }
}
