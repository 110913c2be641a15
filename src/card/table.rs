//! The chart's data as a table under it, in the core's `details.calc-table`.

use crate::browser::{find, listen};
use explainer_core::model::Figure;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Drives a card's table (`root`, a `details`): written when first opened
/// and rewritten only while open, so a closed table costs a slider nothing.
/// The table is one piece of HTML from the core, captioned `caption`.
pub fn bind(root: &web_sys::Element, figure: Memo<Figure>, caption: &'static str) {
    let Some(body) = find(root, ".table-scroll") else { return };
    let open = RwSignal::new(root.unchecked_ref::<web_sys::HtmlDetailsElement>().open());
    Effect::new(move |_| {
        if open.get() {
            body.set_inner_html(&figure.with(|f| f.table.to_html(caption)));
        }
    });
    listen(root, "toggle", move |ev| {
        if let Some(details) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()) {
            open.set(details.open());
        }
    });
}
