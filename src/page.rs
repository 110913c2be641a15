//! Which page this is (the story, or one embedded widget), the link it was
//! opened with, and keeping that link in step with the calculators.

use crate::calculator::CalcState;
use explainer_core::figure::Widget;
use explainer_core::query::{self, Pairs};
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;

/// How long the URL waits for a slider to stop before it is rewritten.
/// Browsers throttle (and warn about) rapid `history.replaceState` calls.
const URL_DELAY_MS: u32 = 250;

/// The two kinds of page built from the one bundle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// index.html: the whole story, every calculator, keys prefixed.
    Story,
    /// embed.html: one widget, unprefixed keys.
    Embed,
}

/// The page's mode and the query it was opened with.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    pub mode: Mode,
    pub pairs: Pairs,
}

impl Page {
    /// The URL key prefix for `widget` on this page.
    pub fn prefix(&self, widget: &Widget) -> Option<&'static str> {
        match self.mode {
            Mode::Story => Some(widget.calc.prefix),
            Mode::Embed => None,
        }
    }

    /// Keeps the address bar in step with `state`, replacing (not pushing)
    /// history entries, at most once per pause in input.
    pub fn sync(&self, state: CalcState) {
        let mode = self.mode;
        let pending: Rc<Cell<Option<gloo::timers::callback::Timeout>>> = Rc::new(Cell::new(None));
        let first = Cell::new(true);
        Effect::new(move |_| {
            let pairs = state.pairs(match mode {
                Mode::Story => Some(state.calc.prefix),
                Mode::Embed => None,
            });
            // The page was opened with this state: nothing to write yet.
            if first.replace(false) {
                return;
            }
            let timeout = gloo::timers::callback::Timeout::new(URL_DELAY_MS, move || write_url(mode, state, &pairs));
            if let Some(old) = pending.replace(Some(timeout)) {
                old.cancel();
            }
        });
    }
}

/// True for keys that hold calculator state on the story page.
pub fn is_state_key(key: &str) -> bool {
    key.contains('.')
}

fn write_url(mode: Mode, state: CalcState, pairs: &Pairs) {
    let location = window().location();
    let search = location.search().unwrap_or_default();
    let query = match mode {
        Mode::Story => query::merge(&search, state.calc.prefix, pairs, is_state_key),
        Mode::Embed => {
            // Keep the embed's own options; replace the widget's inputs.
            let names: Vec<&str> = state.calc.params.iter().map(|p| p.key).chain(["scale", "v"]).collect();
            let mut kept: Pairs = query::parse(&search).into_iter().filter(|(k, _)| !names.contains(&k.as_str())).collect();
            if !pairs.is_empty() {
                kept.push(("v".into(), query::VERSION.into()));
                kept.extend(pairs.iter().cloned());
            }
            query::to_query(&kept)
        }
    };
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let url = if query.is_empty() { format!("{path}{hash}") } else { format!("{path}?{query}{hash}") };
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// The page context; a story page opened with no query when none was
/// provided (as in a component test).
pub fn use_page() -> Page {
    use_context::<Page>().unwrap_or(Page { mode: Mode::Story, pairs: Vec::new() })
}

/// Reads the page's query string.
pub fn current_pairs() -> Pairs {
    query::parse(&window().location().search().unwrap_or_default())
}

/// The folder URL the site is served from, e.g. "https://example.org/china-ai/".
pub fn site_base() -> String {
    let href = window().location().href().unwrap_or_default();
    web_sys::Url::new_with_base("./", &href).map(|u| u.href()).unwrap_or(href)
}
