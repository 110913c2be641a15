//! The few places the UI touches the browser directly, so the rest reads
//! as plain Leptos.

use explainer_core::text::format::Lang;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Whether the reader's system asks for a dark colour scheme, kept current
/// when it changes.
pub fn prefers_dark() -> Signal<bool> {
    let query = window().match_media("(prefers-color-scheme: dark)").ok().flatten();
    let dark = RwSignal::new(query.as_ref().is_some_and(|q| q.matches()));
    if let Some(query) = query {
        let target = query.clone();
        let on_change = Closure::<dyn FnMut()>::new(move || dark.set(target.matches()));
        query.set_onchange(Some(on_change.as_ref().unchecked_ref()));
        // Listens for the page's life.
        on_change.forget();
    }
    dark.into()
}

/// The window's inner width in CSS pixels, when the page starts.
pub fn window_width() -> f64 {
    window().inner_width().ok().and_then(|w| w.as_f64()).unwrap_or(1024.0)
}

/// The address's query string, with its `?`.
pub fn search() -> String {
    window().location().search().unwrap_or_default()
}

/// Replaces the address (no new history entry) with `query` on the
/// current path, keeping the `#fragment`.
pub fn replace_query(query: &str) {
    let location = window().location();
    let url = explainer_core::web::query::address(&location.pathname().unwrap_or_default(), query, &location.hash().unwrap_or_default());
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// The folder URL the site is served from, e.g. "https://example.org/china-ai/".
pub fn site_base() -> String {
    let href = window().location().href().unwrap_or_default();
    web_sys::Url::new_with_base("./", &href).map(|u| u.href()).unwrap_or(href)
}

/// Copies `text`, then reports how it went through `report`.
pub fn copy(text: String, report: impl Fn(&str) + Copy + 'static, done: &'static str, lang: Lang) {
    let promise = window().navigator().clipboard().write_text(&text);
    let blocked = lang.pick(["Copying is blocked here: select the text and copy it yourself.", "此处无法复制：请自行选中文字复制。"]);
    let report = move |ok: bool| report(if ok { done } else { blocked });
    let on_done = Closure::<dyn FnMut(JsValue)>::new(move |_| report(true));
    let on_error = Closure::<dyn FnMut(JsValue)>::new(move |_| report(false));
    let _ = promise.then2(&on_done, &on_error);
    // Called at most once each; kept for the page's life (a few bytes).
    on_done.forget();
    on_error.forget();
}

/// The first element inside `root` that matches `selector`.
pub fn find(root: &web_sys::Element, selector: &str) -> Option<web_sys::Element> {
    root.query_selector(selector).ok().flatten()
}

/// Calls `f` for each `event` on `target`, for the page's life.
pub fn listen(target: &web_sys::EventTarget, event: &str, f: impl FnMut(web_sys::Event) + 'static) {
    let callback = Closure::<dyn FnMut(web_sys::Event)>::new(f);
    let _ = target.add_event_listener_with_callback(event, callback.as_ref().unchecked_ref());
    // Listens for the page's life.
    callback.forget();
}
