//! What an embed needs besides the widget: its URL, the HTML snippet a
//! blogger pastes, and the message an embedded widget sends its host page.

use crate::format::escaped;
use crate::figure::Widget;
use crate::query::{self, Pairs};

/// The colour scheme an embed is shown in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follows the reader's system setting.
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn parse(s: &str) -> Option<Theme> {
        match s {
            "auto" => Some(Theme::Auto),
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// An embed's options.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Options {
    pub theme: Theme,
    /// Hides the widget's explanatory prose.
    pub compact: bool,
}

/// Reads `theme` and `compact` from an embed URL's query; anything else
/// falls back to the defaults.
pub fn options(pairs: &Pairs) -> Options {
    let get = |k: &str| pairs.iter().find(|(key, _)| key == k).map(|(_, v)| v.as_str());
    Options {
        theme: get("theme").and_then(Theme::parse).unwrap_or_default(),
        compact: matches!(get("compact"), Some("1" | "true" | "yes")),
    }
}

/// `embed.html?w=<id>&…` for a widget in a given state, relative to `base`
/// (the folder the site is served from, ending in `/`).
pub fn url(base: &str, widget: &Widget, state: &Pairs, options: Options) -> String {
    let mut pairs: Pairs = vec![("w".into(), widget.calc.id.into())];
    if options.theme != Theme::Auto {
        pairs.push(("theme".into(), options.theme.as_str().into()));
    }
    if options.compact {
        pairs.push(("compact".into(), "1".into()));
    }
    if !state.is_empty() {
        pairs.push(("v".into(), query::VERSION.into()));
        pairs.extend(state.iter().cloned());
    }
    format!("{base}embed.html?{}", query::to_query(&pairs))
}

/// The snippet a blogger pastes: the iframe, then the sizing script.
pub fn snippet(base: &str, widget: &Widget, embed_url: &str) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{} (interactive calculator)\" width=\"100%\" height=\"760\" loading=\"lazy\" style=\"width:100%;border:0;\" data-china-ai-widget=\"{}\"></iframe>\n<script src=\"{}embed.js\" defer></script>",
        escaped(embed_url),
        escaped(widget.calc.title),
        escaped(widget.calc.id),
        escaped(base)
    )
}

/// The `type` of the height message an embedded widget posts to its host.
pub const HEIGHT_MESSAGE: &str = "china-ai:height";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::widgets::widget;

    #[test]
    fn urls_and_snippets() {
        let w = widget("payback").unwrap();
        let state = vec![("delay".to_string(), "5".to_string())];
        let url = url("https://example.org/china-ai/", w, &state, Options { theme: Theme::Dark, compact: true });
        assert_eq!(url, "https://example.org/china-ai/embed.html?w=payback&theme=dark&compact=1&v=1&delay=5");
        let s = snippet("https://example.org/china-ai/", w, &url);
        assert!(s.starts_with("<iframe src=\"https://example.org/china-ai/embed.html?w=payback&amp;theme=dark&amp;compact=1&amp;v=1&amp;delay=5\""));
        assert!(s.contains("loading=\"lazy\"") && s.contains("width=\"100%\"") && s.contains("border:0"));
        assert!(s.contains("title=\"When does a robot bet pay back? (interactive calculator)\""));
        assert!(s.ends_with("<script src=\"https://example.org/china-ai/embed.js\" defer></script>"));
        assert_eq!(url_for_defaults(w), "./embed.html?w=payback");
    }

    fn url_for_defaults(w: &Widget) -> String {
        url("./", w, &Vec::new(), Options::default())
    }

    #[test]
    fn options_fall_back_to_defaults() {
        let parse = |q: &str| options(&query::parse(q));
        assert_eq!(parse("theme=dark&compact=1"), Options { theme: Theme::Dark, compact: true });
        assert_eq!(parse("theme=%3Cscript%3E&compact=maybe"), Options::default());
        assert_eq!(crate::format::escaped("a\"<b>&"), "a&quot;&lt;b&gt;&amp;");
    }
}
