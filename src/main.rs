//! Entry point: bring the prerendered story to life, or mount the app
//! (embed.html).
//!
//! No panic hook is installed: nothing here panics (inputs are validated,
//! maths is total, charts skip non-finite points), and the hook's message
//! formatting would be a kilobyte of every reader's download.

use gloo::timers::callback::Timeout;
use leptos::prelude::*;

fn main() {
    if china_ai::live::is_prerendered() {
        china_ai::live::enliven();
    } else {
        Timeout::new(0, mount_app).forget();
    }
}

/// Mounts the embed page's app in place of embed.html's placeholder.
fn mount_app() {
    // The title shown by embed.html's own script gives way to the whole
    // calculator in the same task, so nothing flickers.
    if let Some(placeholder) = document().get_element_by_id(explainer_core::web::pages::PLACEHOLDER_ID) {
        placeholder.remove();
    }
    leptos::mount::mount_to_body(china_ai::App);
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-ready", "");
    }
}
