//! Share, Embed and the downloads under every calculator.

use super::embed_dialog;
use super::state::CalcState;
use crate::browser::{copy, site_base};
use crate::theme::use_chart_env;
use explainer_core::model::Figure;
use explainer_core::web::publish;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Width of exported charts, CSS pixels (PNG is drawn at twice this).
pub const EXPORT_WIDTH: u32 = 720;

/// A link to this calculator's own page, in its current state.
pub fn widget_link(state: CalcState) -> String {
    publish::widget_link(&site_base(), state.calc, &state.pairs(None))
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
    let env = use_chart_env();
    let export_svg = move || {
        let palette = env.palette();
        figure.with_untracked(|f| f.export_svg(EXPORT_WIDTH, &palette, &widget_link(state)))
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
    let on_share = move |_| copy(widget_link(state), move |s| status.set(s.to_string()), "Link copied: it opens this calculator as you set it.");
    let on_embed = move |_| embed_dialog::open(state);
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
        </div>
    }
    .into_any()
}
