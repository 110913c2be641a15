//! Bringing the prerendered story page to life.
//!
//! index.html arrives with the whole story in it, every calculator drawn at
//! its defaults (see `bin/prerender/`), and its own script loads the
//! WebAssembly only when a calculator comes near the view (Trunk.toml).
//! Rather than rebuild the page, the app brings each calculator to life
//! where it stands ([`card::enliven`]) as it comes within a screen of the
//! reader's view, one per task so the page never blocks for long. A reader who never
//! scrolls to a calculator never pays for it; the text is never touched.
//! `<html data-ready>` marks the moment every calculator is live; each live
//! one carries `data-live`.

use crate::card;
use crate::card::figure::provide_chart_env;
use crate::page::{Mode, Page};
use crate::prefs::provide_prefs;
use gloo::timers::callback::Timeout;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// True when the page holds the prerendered story.
pub fn is_prerendered() -> bool {
    document().get_element_by_id("story").is_some()
}

/// What is left to bring to life, shared by the observer's callbacks.
struct Pending {
    owner: Owner,
    /// Calculators that came near the view, in the order they did.
    queue: Vec<web_sys::Element>,
    /// Calculators not yet live.
    left: usize,
    /// Whether a swap is already scheduled.
    scheduled: bool,
}

/// Brings each calculator to life as the reader nears it, on the story page or a
/// widget's own page (`mode`); `setup` provides any further context.
pub fn enliven(mode: Mode, setup: fn()) {
    // Effects are created before the first mount: drive them as mount_to does.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    owner.with(|| {
        provide_context(Page::current(mode));
        // On a widget's page the chart's first redrawing waits a task, so
        // no one task both binds the card and draws it.
        provide_prefs();
        provide_chart_env(mode == Mode::Embed);
        setup();
    });
    let mut calcs = Vec::new();
    if let Ok(list) = document().query_selector_all(".calc[id]") {
        for i in 0..list.length() {
            if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                calcs.push(el);
            }
        }
    }
    let pending = Rc::new(RefCell::new(Pending { owner, queue: Vec::new(), left: calcs.len(), scheduled: false }));
    mark_if_done(&pending.borrow());
    let on_near = {
        let pending = pending.clone();
        Closure::<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>::new(
            move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
                for entry in entries.iter() {
                    let entry: web_sys::IntersectionObserverEntry = entry.unchecked_into();
                    if entry.is_intersecting() {
                        let el = entry.target();
                        observer.unobserve(&el);
                        pending.borrow_mut().queue.push(el);
                    }
                }
                schedule(&pending);
            },
        )
    };
    // Within a screen's height above or below the view.
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root_margin("100% 0px");
    let Ok(observer) = web_sys::IntersectionObserver::new_with_options(on_near.as_ref().unchecked_ref(), &options) else {
        // No IntersectionObserver: bring them all to life, one per task.
        pending.borrow_mut().queue = calcs;
        schedule(&pending);
        return;
    };
    for el in &calcs {
        observer.observe(el);
    }
    // The observer and its callback live as long as the page.
    on_near.forget();
    std::mem::forget(observer);
}

/// Brings the next queued calculator to life in a task of its own, then the rest.
fn schedule(pending: &Rc<RefCell<Pending>>) {
    {
        let mut p = pending.borrow_mut();
        if p.scheduled || p.queue.is_empty() {
            return;
        }
        p.scheduled = true;
    }
    let pending = pending.clone();
    Timeout::new(0, move || {
        let (el, owner) = {
            let mut p = pending.borrow_mut();
            p.scheduled = false;
            (p.queue.remove(0), p.owner.clone())
        };
        owner.with(|| card::enliven(&el));
        {
            let mut p = pending.borrow_mut();
            p.left = p.left.saturating_sub(1);
            mark_if_done(&p);
        }
        schedule(&pending);
    })
    .forget();
}

/// Marks `<html data-ready>` once no calculator is left to bring to life.
fn mark_if_done(pending: &Pending) {
    if pending.left == 0 {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute(explainer_core::web::dom::attr::READY, "");
        }
    }
}
