//! Which page this is (the story, or one embedded calculator) and the
//! address it was opened with.

use explainer_core::text::format::Lang;
use explainer_core::web::query::{self, Pairs};
use leptos::prelude::*;

/// The two kinds of page built from the one bundle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// index.html: the whole story, every calculator, keys prefixed.
    Story,
    /// A widget's own page (`<id>.html`, what every embed shows): one
    /// calculator, unprefixed keys.
    Embed,
}

/// The page's mode and the query it was opened with.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    pub mode: Mode,
    pub pairs: Pairs,
    /// The language the page is written in.
    pub lang: Lang,
}

impl Page {
    /// The page as the browser opened it.
    pub fn current(mode: Mode) -> Page {
        Page { mode, pairs: query::parse(&crate::browser::search()), lang: lang() }
    }
}

/// The page context; a story page opened with no query when none was
/// provided (as in a component test).
pub fn use_page() -> Page {
    use_context::<Page>().unwrap_or(Page { mode: Mode::Story, pairs: Vec::new(), lang: Lang::En })
}

/// The language the page is written in, from `<html lang>`: Chinese for
/// `zh-…`, English otherwise.
pub fn lang() -> Lang {
    let tag = leptos::prelude::document().document_element().map(|root| root.get_attribute("lang").unwrap_or_default()).unwrap_or_default();
    if tag.starts_with("zh") {
        Lang::Zh
    } else {
        Lang::En
    }
}
