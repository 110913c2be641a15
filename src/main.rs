//! Entry point: install the panic hook, mount the app.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(china_ai::App);
    china_ai::browser::scroll_to_hash_after_render();
}
