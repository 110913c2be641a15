//! Entry point: install the panic hook, then bring the prerendered story
//! to life, or mount the app (embed.html, or a page without prerendered
//! text).

use leptos::prelude::*;

fn main() {
    console_error_panic_hook::set_once();
    if china_ai::live::is_prerendered() {
        china_ai::live::enliven();
    } else {
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
}
