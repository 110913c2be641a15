//! The few places the UI touches the browser directly.

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

/// The page is built in the browser, so the browser's own jump to
/// `#fragment` happened before the target existed: do it once rendered.
pub fn scroll_to_hash_after_render() {
    let Ok(hash) = window().location().hash() else { return };
    let id = hash.trim_start_matches('#').to_string();
    if id.is_empty() {
        return;
    }
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            el.scroll_into_view();
        }
    });
}
