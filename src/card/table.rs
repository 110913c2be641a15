//! The chart's data as a table under it.

use explainer_core::model::Figure;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The figure's data as a table, in a disclosure. The table is written as
/// one piece of HTML by the core, so every calculator shares the same few
/// lines of view code.
#[component]
pub fn DataTable(
    /// The figure whose table to show.
    figure: Memo<Figure>,
    /// What the table holds.
    caption: &'static str,
) -> impl IntoView {
    // Rewritten only while open (and once at first): a closed table costs a
    // slider nothing.
    let open = RwSignal::new(false);
    let html = Memo::new(move |previous: Option<&String>| match previous {
        Some(kept) if !open.get() => kept.clone(),
        // In the prerendered page the table is for readers without
        // JavaScript only: everyone else gets the live card's table before
        // they can open this one. Inside <noscript> it is one inert run of
        // text to a browser that runs scripts, not hundreds of elements to
        // build and style as the page loads.
        _ if cfg!(feature = "ssr") => figure.with(|f| format!("<noscript>{}</noscript>", f.table.to_html(caption))),
        _ if !open.get() => String::new(),
        _ => figure.with(|f| f.table.to_html(caption)),
    });
    let on_toggle = move |ev: leptos::ev::Event| {
        if let Some(details) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()) {
            open.set(details.open());
        }
    };
    view! {
        <details class="calc-table" on:toggle=on_toggle>
            <summary>"Table of the chart’s values"</summary>
            <div class="table-scroll" inner_html=html></div>
        </details>
    }
    .into_any()
}
