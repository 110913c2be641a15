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
    /// The calculator's id: its section of tables.html.
    id: &'static str,
) -> impl IntoView {
    // Rewritten only while open (and once at first): a closed table costs a
    // slider nothing.
    let open = RwSignal::new(false);
    let html = Memo::new(move |previous: Option<&String>| match previous {
        Some(kept) if !open.get() => kept.clone(),
        _ if !open.get() => closed(id),
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

/// A closed table in the prerendered page: for readers without JavaScript
/// only (everyone else gets the live card's table before they can open
/// this one), so a link to the page that holds every table rather than
/// all the tables in the story page.
#[cfg(feature = "ssr")]
fn closed(id: &str) -> String {
    format!(
        "<noscript><p><a href=\"{}#{id}\">The chart’s values, on a page of their own</a></p></noscript>",
        explainer_core::web::pages::TABLES_FILE
    )
}

/// A closed table in the browser: not written until first opened.
#[cfg(not(feature = "ssr"))]
fn closed(_id: &str) -> String {
    String::new()
}
