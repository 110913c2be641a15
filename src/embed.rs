//! embed.html: one calculator alone, for an iframe on another site.

use crate::browser;
use crate::card::{CalcCard, OnCard};
use crate::page::{Mode, Page};
use crate::theme::provide_chart_env;
use explainer_core::calculators;
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
    provide_context(OnCard(crate::api::listen));
    let root = NodeRef::<leptos::html::Main>::new();
    let found = calculators::find(&requested);
    if let Some(c) = found {
        document().set_title(&format!("{} · China’s AI race", c.title));
    }
    let id = found.map_or("none", |c| c.id);
    Effect::new(move |_| {
        if let Some(el) = root.get() {
            connect(el.unchecked_into(), id);
        }
    });
    let body = match found {
        Some(calc) => view! { <Widget calc/> }.into_any(),
        None => view! { <UnknownCalculator requested/> }.into_any(),
    };
    browser::scroll_to_hash_after_render();
    view! {
        <main class="embed-root" class:compact=options.compact node_ref=root>{body}</main>
    }
}

/// One calculator as embedded: its card and a credit link to the story.
#[component]
pub fn Widget(calc: &'static calculators::Calculator) -> impl IntoView {
    view! {
        <CalcCard calc/>
        <div class="live" inner_html=explainer_core::web::card::credit_html(calc)></div>
    }
}

/// Brings a widget's own page (`<id>.html`, prerendered) to life: its card
/// comes to life in place and answers the embed API. (The page's own
/// script, `web::pages::widget_script`, reports its height.)
pub fn enliven_widget() {
    crate::live::enliven(Mode::Embed, || provide_context(OnCard(crate::api::listen)));
}

/// Shown for a missing or unknown `w`: every calculator, with links.
#[component]
fn UnknownCalculator(
    /// What the link asked for (shown as text, never as markup).
    requested: String,
) -> impl IntoView {
    view! { <div class="unknown-widget" inner_html=embed::unknown_html(&requested)></div> }
}

/// Tells the host page the embed's height, in our own message and in the
/// widely handled `iframe.resize` form; the messages carry the height and
/// the calculator's id only. A browser may hold back rendering work in a
/// frame that is off screen (no resize observations, no animation frames)
/// while it still runs its tasks, so the height is also measured and sent
/// from tasks: once the widget is built, and whenever the host asks.
fn connect(el: web_sys::Element, id: &'static str) {
    let Ok(Some(parent)) = window().parent() else { return };
    if parent == window() {
        return;
    }
    let last = std::cell::Cell::new(0u32);
    let target = el.clone();
    let send = Closure::<dyn Fn(JsValue)>::new(move |cause: JsValue| {
        // Reading the size lays the page out now if it must.
        let height = target.get_bounding_client_rect().height().ceil() as u32;
        // An unchanged height is sent again only when asked: the host may
        // not have been listening the first time.
        if height == last.replace(height) && !cause.is_instance_of::<web_sys::MessageEvent>() {
            return;
        }
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &embed::HEIGHT_MESSAGE.into());
        let _ = js_sys::Reflect::set(&message, &"widget".into(), &id.into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        let _ = parent.post_message(&message, "*");
        let resize = format!("{{\"context\":\"iframe.resize\",\"height\":{height},\"widget\":\"{id}\"}}");
        let _ = parent.post_message(&resize.into(), "*");
    });
    let send_fn: &js_sys::Function = send.as_ref().unchecked_ref();
    if let Ok(observer) = web_sys::ResizeObserver::new(send_fn) {
        observer.observe(&el);
        // The observer and its callback live as long as the page.
        std::mem::forget(observer);
    }
    // The host asks as the frame loads and after its own layout changes
    // (see public/embed.js); any message counts as asking, and none is read.
    let _ = window().add_event_listener_with_callback("message", send_fn);
    let _ = window().add_event_listener_with_callback("resize", send_fn);
    // After the tasks the card scheduled as it was built, and once more
    // when fonts and late layout have settled.
    let _ = window().set_timeout_with_callback(send_fn);
    let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(send_fn, 500);
    send.forget();
}
