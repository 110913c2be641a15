//! The two pages built from the one bundle: the story (index.html) and a
//! single embedded widget (embed.html).

use crate::browser::{prefers_dark, window_width};
use crate::calculators::calculator;
use crate::chart::ChartEnv;
use crate::page::{current_pairs, Mode, Page};
use crate::story::{Inlines, StorySection};
use explainer_core::embed::{self, Theme};
use explainer_core::story::{story, Block};
use explainer_core::widgets::{widget, WIDGETS};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Where the story page remembers the reader's colour choice. In a
/// sandboxed frame storage is blocked and the choice is simply not kept.
const THEME_KEY: &str = "china-ai:theme";

/// The page's local storage, or `None` where the browser blocks it (a
/// sandboxed frame, some privacy settings).
fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// The reader's colour choice for this page: remembered on the story page
/// where storage allows, taken from the link in an embed. Keeps
/// `data-theme` on `<html>` in step and provides the charts' [`ChartEnv`].
pub fn use_theme(page: &Page) -> RwSignal<Theme> {
    let initial = match page.mode {
        Mode::Story => local_storage().and_then(|s| s.get_item(THEME_KEY).ok().flatten()).and_then(|t| Theme::parse(&t)),
        Mode::Embed => Some(embed::options(&page.pairs).theme),
    };
    let theme = RwSignal::new(initial.unwrap_or_default());
    let system_dark = prefers_dark();
    let dark = Signal::derive(move || match theme.get() {
        Theme::Auto => system_dark.get(),
        Theme::Light => false,
        Theme::Dark => true,
    });
    let mode = page.mode;
    Effect::new(move |_| {
        let choice = theme.get();
        if let Some(root) = document().document_element() {
            let _ = match choice {
                Theme::Auto => root.remove_attribute("data-theme"),
                other => root.set_attribute("data-theme", other.as_str()),
            };
        }
        if mode == Mode::Story {
            // Ignored where storage is blocked.
            if let Some(storage) = local_storage() {
                let _ = storage.set_item(THEME_KEY, choice.as_str());
            }
        }
    });
    provide_context(ChartEnv { dark, window_width: window_width(), defer_first_draw: mode == Mode::Embed });
    theme
}

/// The app for a page without prerendered text: embed.html, one widget
/// alone. (The story page always arrives prerendered and is brought to life
/// by [`crate::live`]; its text is never part of the WebAssembly.)
#[component]
pub fn App() -> impl IntoView {
    let page = Page { mode: Mode::Embed, pairs: current_pairs() };
    use_theme(&page);
    provide_context(page.clone());
    view! { <EmbedPage pairs=page.pairs/> }
}

/// Auto / Light / Dark, remembered where the browser allows.
#[component]
pub fn ThemeSwitch(
    /// The reader's choice.
    theme: RwSignal<Theme>,
) -> impl IntoView {
    let option = move |value: Theme, label: &'static str| {
        let id = format!("theme-{}", value.as_str());
        view! {
            <input type="radio" id=id.clone() name="theme" prop:checked=move || theme.get() == value on:change=move |_| theme.set(value)/>
            <label for=id>{label}</label>
        }
    };
    view! {
        <fieldset class="theme-switch">
            <legend class="visually-hidden">"Colours"</legend>
            {option(Theme::Auto, "Auto")}
            {option(Theme::Light, "Light")}
            {option(Theme::Dark, "Dark")}
        </fieldset>
    }
}

/// The explainer page.
#[component]
pub fn StoryPage(
    /// The reader's colour choice.
    theme: RwSignal<Theme>,
) -> impl IntoView {
    let story = story();
    let toc = story
        .sections
        .iter()
        .map(|s| {
            let calcs = s.blocks.iter().filter_map(|b| match b {
                Block::Calculator(id) => widget(id),
                Block::Para(_) => None,
            });
            view! {
                <li>
                    <a href=format!("#{}", s.id)>{s.heading}</a>
                    <ul class="toc-calcs">
                        {calcs.map(|w| view! {
                            <li><a class="toc-calc" href=format!("#{}", w.calc.id)>{w.calc.title}</a></li>
                        }).collect_view()}
                    </ul>
                </li>
            }
        })
        .collect_view();
    let sections = story
        .sections
        .iter()
        .enumerate()
        .map(|(i, section)| view! { <StorySection section number=i + 1/> })
        .collect_view();
    view! {
        <a class="skip-link" href="#story">"Skip to the story"</a>
        <header class="masthead">
            <p class="masthead-name">"The AI Ledger"</p>
            <p class="masthead-tag">"Explainers with the numbers open"</p>
            <ThemeSwitch theme/>
        </header>
        <main id="story" class="story">
            <article>
                <header class="story-head">
                    <p class="kicker">"Explainer · China and AI"</p>
                    <h1>{story.headline}</h1>
                    <p class="lead"><Inlines runs=&story.lead/></p>
                    <p class="byline">"Figures as reported in mid-2025, each linked to its source. Calculators run in your browser."</p>
                </header>
                <nav class="toc" aria-labelledby="toc-heading">
                    <h2 id="toc-heading">"Contents"</h2>
                    <ol>{toc}</ol>
                </nav>
                {sections}
            </article>
        </main>
        <footer class="site-footer">
            <p>"An interactive explainer. No cookies, no tracking; nothing you type leaves your browser."</p>
        </footer>
    }
}

/// One widget alone, for an iframe on another site.
#[component]
fn EmbedPage(
    /// The embed URL's query.
    pairs: Vec<(String, String)>,
) -> impl IntoView {
    let requested = pairs.iter().find(|(k, _)| k == "w").map(|(_, v)| v.clone()).unwrap_or_default();
    let options = embed::options(&pairs);
    let root = NodeRef::<leptos::html::Div>::new();
    let found = widget(&requested);
    if let Some(w) = found {
        document().set_title(&format!("{} · China’s AI race", w.calc.title));
    }
    let id = found.map(|w| w.calc.id).unwrap_or("none");
    Effect::new(move |_| {
        if let Some(el) = root.get() {
            report_height(el.unchecked_into(), id);
        }
    });
    let body = match found {
        Some(w) => view! {
            {calculator(w.calc.id)}
            <p class="embed-credit">
                "From the explainer "
                <a href=format!("./#{}", w.calc.id) target="_blank" rel="noopener">"China’s AI race, after DeepSeek"</a>
            </p>
        }
        .into_any(),
        None => view! { <UnknownWidget requested/> }.into_any(),
    };
    view! {
        <div class="embed-root" class:compact=options.compact node_ref=root>{body}</div>
    }
}

/// Shown for a missing or unknown `w`: every widget, with links.
#[component]
fn UnknownWidget(
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
                {WIDGETS.iter().map(|w| view! {
                    <li><a href=format!("embed.html?w={}", w.calc.id)>{w.calc.title}</a> " (" <code>{w.calc.id}</code> ")"</li>
                }).collect_view()}
            </ul>
            <p><a href="./">"Read the full story"</a></p>
        </main>
    }
}

/// Tells the host page the embed's height whenever it changes, in our own
/// message and in the widely handled `iframe.resize` form. The messages
/// carry the height and the widget id only.
fn report_height(el: web_sys::Element, id: &'static str) {
    let Ok(parent) = window().parent() else { return };
    let Some(parent) = parent else { return };
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
