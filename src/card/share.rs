//! Share, Embed and the downloads under every calculator.

use super::state::CalcState;
use crate::browser::site_base;
use crate::theme::use_chart_env;
use explainer_core::model::Figure;
use explainer_core::web::embed::{self, ColorScheme, Options};
use explainer_core::web::query;
use leptos::html::Dialog;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Width of exported charts, CSS pixels (PNG is drawn at twice this).
pub const EXPORT_WIDTH: u32 = 720;

/// A link to the story with this calculator's state, opening at it.
pub fn story_link(state: CalcState) -> String {
    query::story_link(&site_base(), state.calc, &state.pairs(Some(state.calc.prefix)))
}

/// Copies `text`, then reports how it went in `status`.
fn copy(text: String, status: RwSignal<String>, done: &'static str) {
    let promise = window().navigator().clipboard().write_text(&text);
    let report = move |ok: bool| {
        status.set(if ok { done } else { "Copying is blocked here: select the text and copy it yourself." }.to_string())
    };
    let on_done = Closure::<dyn FnMut(JsValue)>::new(move |_| report(true));
    let on_error = Closure::<dyn FnMut(JsValue)>::new(move |_| report(false));
    let _ = promise.then2(&on_done, &on_error);
    // Called at most once each; kept for the page's life (a few bytes).
    on_done.forget();
    on_error.forget();
}

/// Saves `bytes` of type `mime` as `name` through a temporary link.
fn save(blob: gloo::file::Blob, name: &str) {
    let url = gloo::file::ObjectUrl::from(blob);
    let Ok(a) = document().create_element("a") else { return };
    let a: web_sys::HtmlAnchorElement = a.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // Revoke the URL once the download has surely started.
    gloo::timers::callback::Timeout::new(5_000, move || drop(url)).forget();
}

/// Draws an SVG document onto a canvas at twice its size and saves a PNG.
fn save_png(svg: String, width: u32, height: u32, name: String, status: RwSignal<String>) {
    let blob = gloo::file::Blob::new_with_options(svg.as_str(), Some("image/svg+xml"));
    let url = gloo::file::ObjectUrl::from(blob);
    let src = url.to_string();
    let Ok(img) = web_sys::HtmlImageElement::new() else { return };
    let image = img.clone();
    let onload = Closure::once_into_js(move || {
        let _keep_url_alive = url;
        let Some(canvas) = document()
            .create_element("canvas")
            .ok()
            .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        else {
            return;
        };
        canvas.set_width(width * 2);
        canvas.set_height(height * 2);
        let Some(ctx) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        let _ = ctx.scale(2.0, 2.0);
        let _ = ctx.draw_image_with_html_image_element(&image, 0.0, 0.0);
        let done = Closure::once_into_js(move |blob: Option<web_sys::Blob>| match blob {
            Some(blob) => save(gloo::file::Blob::from(blob), &name),
            None => status.set("The PNG could not be made in this browser.".into()),
        });
        if canvas.to_blob(done.unchecked_ref()).is_err() {
            status.set("The PNG could not be made in this browser.".into());
        }
    });
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_src(&src);
}

/// Share, Embed and downloads for one calculator.
#[component]
pub fn ShareBar(
    /// The calculator's state.
    state: CalcState,
    /// Its current figure (chart, text, table).
    figure: Memo<Figure>,
) -> impl IntoView {
    let id = state.calc.id;
    let status = RwSignal::new(String::new());
    let dialog = NodeRef::<Dialog>::new();
    let open = RwSignal::new(false);
    let env = use_chart_env();
    let export_svg = move || {
        let palette = env.palette();
        figure.with_untracked(|f| f.export_svg(EXPORT_WIDTH, &palette, &story_link(state)))
    };
    let on_svg = move |_| match export_svg() {
        Ok((svg, _)) => save(gloo::file::Blob::new_with_options(svg.as_str(), Some("image/svg+xml")), &format!("{id}.svg")),
        Err(e) => status.set(format!("The SVG could not be made: {e}")),
    };
    let on_png = move |_| match export_svg() {
        Ok((svg, height)) => save_png(svg, EXPORT_WIDTH, height, format!("{id}.png"), status),
        Err(e) => status.set(format!("The PNG could not be made: {e}")),
    };
    let on_csv = move |_| {
        let csv = figure.with_untracked(|f| f.table.to_csv());
        save(gloo::file::Blob::new_with_options(csv.as_str(), Some("text/csv")), &format!("{id}.csv"));
    };
    let on_share = move |_| copy(story_link(state), status, "Link copied: it opens this calculator as you set it.");
    let on_embed = move |_| {
        if let Some(d) = dialog.get() {
            open.set(true);
            let _ = d.show_modal();
        }
    };
    // Opening the dialog needs the app, so the prerendered page (which a
    // reader without JavaScript sees) leaves it out; it is hidden until
    // opened, so the layout is the same either way.
    let embed_dialog = (!cfg!(feature = "ssr")).then(|| view! { <EmbedDialog state dialog open/> });
    view! {
        <div class="share-bar">
            <button type="button" class="button button-quiet" on:click=on_share data-testid="share">"Share"</button>
            <button type="button" class="button button-quiet" on:click=on_embed data-testid="embed">"Embed"</button>
            <span class="downloads">
                "Download "
                <button type="button" class="link-button" on:click=on_png data-testid="png">"PNG"</button>
                <button type="button" class="link-button" on:click=on_svg data-testid="svg">"SVG"</button>
                <button type="button" class="link-button" on:click=on_csv data-testid="csv">"CSV"</button>
            </span>
            // Nothing at all while empty (not even the space SSR writes for an
            // empty text), so `:empty` hides it and the static page matches the live one.
            <p class="share-status" role="status" data-testid="share-status">
                {move || status.with(|s| (!s.is_empty()).then(|| s.clone()))}
            </p>
            {embed_dialog}
        </div>
    }
    .into_any()
}

/// The embed dialog: options, the snippet, a copy button and a preview.
#[component]
fn EmbedDialog(
    /// The calculator to embed.
    state: CalcState,
    /// The dialog element, opened by the Embed button.
    dialog: NodeRef<Dialog>,
    /// Whether the dialog is open; the preview loads only then.
    open: RwSignal<bool>,
) -> impl IntoView {
    let id = state.calc.id;
    let theme = RwSignal::new(ColorScheme::Auto);
    let compact = RwSignal::new(false);
    let copied = RwSignal::new(String::new());
    let url = Memo::new(move |_| {
        let options = Options { theme: theme.get(), compact: compact.get() };
        embed::url(&site_base(), state.calc, &state.pairs(None), options)
    });
    // Read only while the dialog is open, so slider moves do not rebuild it.
    let snippet = move || embed::snippet(&site_base(), state.calc, &url.get());
    let theme_option = move |value: ColorScheme, label: &'static str| {
        let input_id = format!("{id}-embed-theme-{}", value.as_str());
        view! {
            <input type="radio" id=input_id.clone() name=format!("{id}-embed-theme") prop:checked=move || theme.get() == value on:change=move |_| theme.set(value)/>
            <label for=input_id>{label}</label>
        }
    };
    let close = move |_| {
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
    let title_id = format!("{id}-embed-title");
    let labelledby = title_id.clone();
    view! {
        <dialog node_ref=dialog class="embed-dialog" aria-labelledby=labelledby on:close=move |_| open.set(false)>
            <h2 id=title_id>"Embed this calculator"</h2>
            <p>"Paste this into your page. It opens exactly as you set it, and sizes itself to its content."</p>
            <fieldset class="embed-options">
                <legend>"Colours"</legend>
                {theme_option(ColorScheme::Auto, "Follow the reader’s setting")}
                {theme_option(ColorScheme::Light, "Light")}
                {theme_option(ColorScheme::Dark, "Dark")}
            </fieldset>
            <p class="embed-compact">
                <input type="checkbox" id=format!("{id}-embed-compact") prop:checked=move || compact.get() on:change=move |ev| compact.set(event_target_checked(&ev))/>
                <label for=format!("{id}-embed-compact")>"Compact: hide the explanations"</label>
            </p>
            <label class="snippet-label" for=format!("{id}-embed-code")>"Code to paste"</label>
            <textarea id=format!("{id}-embed-code") class="snippet" readonly rows="5" prop:value=move || if open.get() { snippet() } else { String::new() } data-testid="snippet"></textarea>
            <p class="embed-actions">
                <button type="button" class="button" on:click=move |_| copy(snippet(), copied, "Code copied.")>"Copy code"</button>
                <button type="button" class="button button-quiet" on:click=close>"Close"</button>
                <span role="status">{move || copied.get()}</span>
            </p>
            <p class="preview-label">"Preview"</p>
            {move || open.get().then(|| view! {
                <iframe class="embed-preview" title="Preview of the embedded calculator" src=move || url.get()></iframe>
            })}
        </dialog>
    }
    .into_any()
}
