//! Entry point: install the panic hook, mount the app.

use leptos::prelude::*;

fn main() {
    console_error_panic_hook::set_once();
    // The story page arrives with its words already in the HTML, rendered
    // at build time with every calculator at its defaults. The live app
    // replaces that copy in one step, before the next paint.
    if let Some(body) = document().body() {
        if body.query_selector("#story").ok().flatten().is_some() {
            body.set_inner_html("");
        }
    }
    leptos::mount::mount_to_body(china_ai::App);
    china_ai::browser::scroll_to_hash_after_render();
}
