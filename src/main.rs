//! Entry point: bring the prerendered story to life, or mount the app
//! (embed.html, or a page without prerendered text).
//!
//! No panic hook is installed: nothing here panics (inputs are validated,
//! maths is total, charts skip non-finite points), and the hook's message
//! formatting would be a kilobyte of every reader's download.
//!
//! The browser's number formatter is made first, in a task of its own: the
//! first `Intl.NumberFormat` loads locale data and is the slowest single
//! step of starting up, so it must not share a task with building a card.

use gloo::timers::callback::Timeout;
use leptos::prelude::*;

fn main() {
    china_ai::intl::warm();
    if china_ai::live::is_prerendered() {
        china_ai::live::enliven();
    } else {
        Timeout::new(0, mount_app).forget();
    }
}

/// Mounts the embed page's app in place of embed.html's placeholder.
fn mount_app() {
    // The title shown by embed.html's own script gives way to the whole
    // widget in the same task, so nothing flickers.
    if let Some(placeholder) = document().get_element_by_id(explainer_core::pages::PLACEHOLDER_ID) {
        placeholder.remove();
    }
    leptos::mount::mount_to_body(china_ai::App);
    china_ai::browser::scroll_to_hash_after_render();
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-ready", "");
    }
}
