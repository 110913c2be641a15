//! Bringing the prerendered story page to life.
//!
//! index.html arrives with the whole story in it, every calculator drawn at
//! its defaults (see `bin/prerender.rs`). Rather than rebuild the page, the
//! app swaps in a live copy of each interactive part where it stands: the
//! colour switch, then the calculators, nearest to the reader first, one per
//! task so the page never blocks for long. The text is never touched.

use crate::app::{use_theme, ThemeSwitch};
use crate::calculators::calculator;
use crate::page::{current_pairs, Mode, Page};
use gloo::timers::callback::Timeout;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// True when the page holds the prerendered story.
pub fn is_prerendered() -> bool {
    document().get_element_by_id("story").is_some()
}

/// Replaces `old` with a live view, in a `display: contents` holder so the
/// layout does not change.
fn swap<N: IntoView + 'static>(owner: &Owner, old: web_sys::Element, view: impl FnOnce() -> N + 'static) {
    let Ok(holder) = document().create_element("div") else { return };
    holder.set_class_name("live");
    if old.before_with_node_1(&holder).is_err() {
        return;
    }
    let holder: web_sys::HtmlElement = holder.unchecked_into();
    owner.with(|| leptos::mount::mount_to(holder, view).forget());
    old.remove();
}

/// Swaps every interactive part of the prerendered page for a live one and
/// marks `<html data-ready>` when done.
pub fn enliven() {
    // Effects are created before the first mount: drive them as mount_to does.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    let page = Page { mode: Mode::Story, pairs: current_pairs() };
    let theme = owner.with(|| {
        provide_context(page.clone());
        use_theme(&page)
    });
    if let Ok(Some(old)) = document().query_selector(".theme-switch") {
        swap(&owner, old, move || view! { <ThemeSwitch theme/> });
    }
    // Calculators nearest the reader's view first.
    let mut calcs: Vec<(f64, web_sys::Element)> = Vec::new();
    if let Ok(list) = document().query_selector_all(".calc[id]") {
        for i in 0..list.length() {
            if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                calcs.push((el.get_bounding_client_rect().top().abs(), el));
            }
        }
    }
    next(owner, calcs);
}

/// Swaps the nearest remaining calculator, then yields to the browser
/// before the next. (A linear search: there are eight, and `sort` would
/// add kilobytes to the bundle.)
fn next(owner: Owner, mut rest: Vec<(f64, web_sys::Element)>) {
    let nearest = rest.iter().enumerate().fold(None, |best: Option<(usize, f64)>, (i, (d, _))| match best {
        Some((_, b)) if b <= *d => best,
        _ => Some((i, *d)),
    });
    let Some((index, _)) = nearest else {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-ready", "");
        }
        // The owner holds every live part's reactive state for the page's life.
        std::mem::forget(owner);
        return;
    };
    let (_, el) = rest.swap_remove(index);
    let id = el.id();
    if let Some(live) = calculator_id(&id) {
        swap(&owner, el, move || calculator(live));
    }
    Timeout::new(0, move || next(owner, rest)).forget();
}

/// The static id of a known calculator (components want `&'static str`).
fn calculator_id(id: &str) -> Option<&'static str> {
    explainer_core::widgets::widget(id).map(|w| w.calc.id)
}
