//! embed.html: one calculator alone, for an iframe on another site.

use crate::browser;
use crate::card;
use crate::page::{Mode, Page};
use crate::theme::provide_chart_env;
use explainer_core::calculators::{self, CALCULATORS};
use explainer_core::web::embed;
use explainer_core::web::pages::PLACEHOLDER_ID;
use gloo::timers::callback::Timeout;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Builds embed.html's app in a task of its own. The card it mounts
/// draws its chart, and builds what lies under it, in tasks after that:
/// the browser compiles each WebAssembly function on its first call, so a
/// first build is mostly compiling, and no one task should do it all.
/// `<html data-ready>` marks the end.
pub fn start() {
    Timeout::new(0, || {
        // The title shown by embed.html's own script gives way to the whole
        // calculator in the same task, so nothing flickers.
        if let Some(placeholder) = document().get_element_by_id(PLACEHOLDER_ID) {
            placeholder.remove();
        }
        leptos::mount::mount_to_body(App);
        // After the tasks the card scheduled as it was built.
        Timeout::new(0, || {
            if let Some(root) = document().document_element() {
                let _ = root.set_attribute("data-ready", "");
            }
        })
        .forget();
    })
    .forget();
}

/// The app of embed.html: the calculator its address names (or a list to
/// choose from), a credit link, and height reports to the host page.
#[component]
pub fn App() -> impl IntoView {
    let page = Page::current(Mode::Embed);
    provide_chart_env(true);
    let requested = page.pairs.iter().find(|(k, _)| k == "w").map(|(_, v)| v.clone()).unwrap_or_default();
    let options = embed::options(&page.pairs);
    provide_context(page);
    let root = NodeRef::<leptos::html::Div>::new();
    let found = calculators::find(&requested);
    if let Some(c) = found {
        document().set_title(&format!("{} · China’s AI race", c.title));
    }
    let id = found.map_or("none", |c| c.id);
    Effect::new(move |_| {
        if let Some(el) = root.get() {
            report_height(el.unchecked_into(), id);
        }
    });
    let body = match found.and_then(|c| card::calculator(c.id).map(|view| (c, view))) {
        Some((c, view)) => view! {
            {view}
            <p class="embed-credit">
                "From the explainer "
                <a href=format!("./#{}", c.id) target="_blank" rel="noopener">"China’s AI race, after DeepSeek"</a>
            </p>
        }
        .into_any(),
        None => view! { <UnknownCalculator requested/> }.into_any(),
    };
    browser::scroll_to_hash_after_render();
    view! {
        <div class="embed-root" class:compact=options.compact node_ref=root>{body}</div>
    }
}

/// Shown for a missing or unknown `w`: every calculator, with links.
#[component]
fn UnknownCalculator(
    /// What the link asked for (shown as text, never as markup).
    requested: String,
) -> impl IntoView {
    let said = if requested.is_empty() {
        "This link does not name a calculator.".to_string()
    } else {
        format!("There is no calculator called “{requested}”.")
    };
    view! {
        <main class="unknown-widget">
            <h1>"Choose a calculator"</h1>
            <p data-testid="unknown">{said} " These are the ones you can embed:"</p>
            <ul>
                {CALCULATORS.iter().map(|c| view! {
                    <li><a href=format!("embed.html?w={}", c.id)>{c.title}</a> " (" <code>{c.id}</code> ")"</li>
                }).collect_view()}
            </ul>
            <p><a href="./">"Read the full story"</a></p>
        </main>
    }
}

/// Tells the host page the embed's height whenever it changes, in our own
/// message and in the widely handled `iframe.resize` form. The messages
/// carry the height and the calculator's id only.
fn report_height(el: web_sys::Element, id: &'static str) {
    let Ok(Some(parent)) = window().parent() else { return };
    if parent == window() {
        return;
    }
    let target = el.clone();
    let send = Closure::<dyn Fn()>::new(move || {
        let height = target.get_bounding_client_rect().height().ceil();
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &embed::HEIGHT_MESSAGE.into());
        let _ = js_sys::Reflect::set(&message, &"widget".into(), &id.into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        let _ = parent.post_message(&message, "*");
        let resize = format!("{{\"context\":\"iframe.resize\",\"height\":{},\"widget\":\"{id}\"}}", height as u32);
        let _ = parent.post_message(&resize.into(), "*");
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(send.as_ref().unchecked_ref()) {
        observer.observe(&el);
        // The observer and its callback live as long as the page.
        std::mem::forget(observer);
    }
    send.forget();
}
