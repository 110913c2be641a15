//! What the site needs to be shared and embedded from the open web: its
//! public address (the build's `SITE_URL`), a page of its own per widget,
//! the tags that link previews read (Open Graph, Twitter cards), oEmbed
//! discovery and the static oEmbed document.

use crate::calculators::Calculator;
use crate::text::html::escaped;
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

/// A widget's own page, relative to the site's folder.
pub fn widget_file(calc: &Calculator) -> String {
    format!("{}.html", calc.id)
}

/// A link to a widget's own page at `base` (the site's folder, ending in
/// `/`) in the state `state` (unprefixed keys, from
/// [`query::encode`](crate::web::query::encode)): what Share copies, and what
/// a newsletter and an export link back to. Link previews show the page's card.
pub fn widget_link(base: &str, calc: &Calculator, state: &query::Pairs) -> String {
    if state.is_empty() {
        return format!("{base}{}", widget_file(calc));
    }
    let mut pairs: query::Pairs = vec![("v".into(), query::VERSION.into())];
    pairs.extend(state.iter().cloned());
    format!("{base}{}?{}", widget_file(calc), query::to_query(&pairs))
}

/// A page's preview image (`story` for the story page).
pub fn preview_file(name: &str) -> String {
    format!("preview/{name}.png")
}

/// A widget's static oEmbed document.
pub fn oembed_file(calc: &Calculator) -> String {
    format!("oembed/{}.json", calc.id)
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
}

/// The `<head>` tags of a page for link previews, search engines and
/// oEmbed consumers. Without a public address only the tags that need none
/// are written: a relative canonical or image URL means nothing to a crawler.
pub fn head_tags(meta: &PageMeta, site: Option<&str>) -> String {
    let mut out = String::new();
    let mut tag = |attr: &str, name: &str, content: &str| {
        out.push_str(&format!("<meta {attr}=\"{name}\" content=\"{}\">", escaped(content)));
    };
    tag("property", "og:type", "website");
    tag("property", "og:site_name", SITE_NAME);
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
/// the post, at the widget's height for a common column, and the preview
/// image as its thumbnail. oEmbed asks for absolute URLs, so there is none
/// without a public address.
pub fn oembed_json(calc: &Calculator, site: &str) -> String {
    let height = embed::height(calc, false);
    let src = embed::url(site, calc, &Vec::new(), embed::Options::default());
    let html = embed::iframe(calc, &src, height);
    let fields: [(&str, String); 11] = [
        ("version", json_string("1.0")),
        ("type", json_string("rich")),
        ("provider_name", json_string(SITE_NAME)),
        ("provider_url", json_string(site)),
        ("title", json_string(calc.title)),
        ("html", json_string(&html)),
        ("width", OEMBED_WIDTH.to_string()),
        ("height", height.to_string()),
        ("thumbnail_url", json_string(&format!("{site}{}", preview_file(calc.id)))),
        ("thumbnail_width", PREVIEW_PIXELS.0.to_string()),
        ("thumbnail_height", PREVIEW_PIXELS.1.to_string()),
    ];
    let body: Vec<String> = fields.iter().map(|(k, v)| format!("{}:{v}", json_string(k))).collect();
    format!("{{{}}}", body.join(","))
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
        for bad in ["example.org", "ftp://example.org/", "https://", "https:///x", "https://a.org/?x=1", "https://a.org/#x", "https://a.org/\"><script>", "https://a b.org/"] {
            assert!(site_url(Some(bad)).is_err(), "{bad}");
        }
    }

    #[test]
    fn tags_need_a_public_address_only_where_a_crawler_needs_one() {
        let meta = PageMeta { path: "payback.html", title: "A & B", description: "D\"", image: "preview/payback.png", image_alt: "Alt", oembed: Some("oembed/payback.json") };
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
    fn every_oembed_document_is_a_rich_embed_with_absolute_urls() {
        for c in CALCULATORS {
            let json = oembed_json(c, "https://x.org/s/");
            for key in ["version", "type", "provider_name", "provider_url", "title", "html", "width", "height", "thumbnail_url", "thumbnail_width", "thumbnail_height"] {
                assert_eq!(json.matches(&format!("\"{key}\":")).count(), 1, "{key} in {json}");
            }
            assert!(json.contains("\"type\":\"rich\""));
            assert!(json.contains(&format!("\"height\":{},", embed::height(c, false))));
            assert!(json.contains(&format!("\\u003ciframe src=\\\"https://x.org/s/embed.html?w={}\\\"", c.id)), "{json}");
            assert!(json.contains(&format!("\"thumbnail_url\":\"https://x.org/s/preview/{}.png\"", c.id)));
            assert!(!json.contains('<') && !json.contains('\n'));
        }
        let payback = find("payback").unwrap();
        assert_eq!(widget_file(payback), "payback.html");
        assert_eq!(widget_link("https://x.org/", payback, &Vec::new()), "https://x.org/payback.html");
        let state = query::encode(payback, &[100.0, 15.0, 7.0, 8.0, 15.0], crate::chart::Scale::Linear, None);
        let link = widget_link("./", payback, &state);
        assert_eq!(link, "./payback.html?v=1&delay=7");
        let back = query::decode(payback, &query::parse(&link[link.find('?').unwrap()..]), None);
        assert_eq!(back.values[2], 7.0);
        assert!(back.problems.is_empty());
    }

    #[test]
    fn json_strings_escape_what_json_and_html_need() {
        assert_eq!(json_string("a\"b\\c</script>\n\u{1}\u{2028}é"), "\"a\\\"b\\\\c\\u003c/script>\\n\\u0001\\u2028é\"");
    }
}
