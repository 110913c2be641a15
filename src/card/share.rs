//! Share, Embed, Copy for newsletter and the downloads under every calculator.

use super::embed_dialog;
use super::state::CalcState;
use crate::browser::{copy, find, listen, site_base};
use crate::prefs::use_prefs;
use explainer_core::chart::{Palette, QrModules};
use explainer_core::model::{Figure, Share};
use explainer_core::text::format::Lang;
use explainer_core::web::dom::{self, attr, part, Action};
use explainer_core::web::publish;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Width of exported charts, CSS pixels (PNG is drawn at twice this).
pub const EXPORT_WIDTH: u32 = 720;

/// Width of the share image, CSS pixels: its PNG is 1080 px wide, the
/// width phones and WeChat articles show an image at.
pub const SHARE_WIDTH: u32 = 540;

/// A link to this calculator's own page, in its current state.
pub fn widget_link(state: CalcState) -> String {
    let mut pairs = state.pairs(None);
    pairs.extend(explainer_core::web::embed::money_pairs(state.money.get_untracked()));
    publish::widget_link(&site_base(), state.calc, &pairs, state.lang)
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

/// Draws an SVG document `width` × `height` onto a canvas at twice its
/// size, then hands the canvas (or `None` if the browser cannot) to `then`.
fn rasterize(svg: &str, width: u32, height: u32, then: Box<dyn FnOnce(Option<web_sys::HtmlCanvasElement>)>) {
    let blob = gloo::file::Blob::new_with_options(svg, Some("image/svg+xml"));
    let url = gloo::file::ObjectUrl::from(blob);
    let src = url.to_string();
    let Ok(img) = web_sys::HtmlImageElement::new() else { return then(None) };
    let image = img.clone();
    let onload = Closure::once_into_js(move || {
        let _keep_url_alive = url;
        let canvas = document().create_element("canvas").ok().and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok());
        let drawn = canvas.filter(|canvas| {
            canvas.set_width(width * 2);
            canvas.set_height(height * 2);
            let ctx = canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok());
            ctx.is_some_and(|ctx| ctx.scale(2.0, 2.0).is_ok() && ctx.draw_image_with_html_image_element(&image, 0.0, 0.0).is_ok())
        });
        then(drawn)
    });
    // One of the two calls it: drawing an image that failed to load fails,
    // so `then` hears None.
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_onerror(Some(onload.unchecked_ref()));
    img.set_src(&src);
}

/// Says the PNG could not be made, in `lang`.
fn no_png(lang: Lang) -> String {
    lang.pick(["The PNG could not be made in this browser.", "这个浏览器无法生成PNG图片。"]).into()
}

/// Saves the chart as a PNG at twice its size, then says `done` if given.
fn save_png(svg: String, width: u32, height: u32, name: String, status: RwSignal<String>, lang: Lang, done: Option<&'static str>) {
    rasterize(
        &svg,
        width,
        height,
        Box::new(move |canvas| {
            let Some(canvas) = canvas else { return status.set(no_png(lang)) };
            let done = Closure::once_into_js(move |blob: Option<web_sys::Blob>| match blob {
                Some(blob) => {
                    save(gloo::file::Blob::from(blob), &name);
                    if let Some(done) = done {
                        status.set(done.into());
                    }
                }
                None => status.set(no_png(lang)),
            });
            if canvas.to_blob(done.unchecked_ref()).is_err() {
                status.set(no_png(lang));
            }
        }),
    );
}

/// Hands `then` the share image's QR encoder (crates/share-qr), loaded on
/// the first request, or `None` if it cannot be loaded: the script
/// `<html data-qr>` names defines the global `shareQr`, whose call loads its
/// WebAssembly (once; later calls return at once) and whose `qr` encodes.
/// Callbacks rather than futures: this runs once a click, and the async
/// machinery would weigh more than all of it.
fn with_qr_encoder(then: Box<dyn FnOnce(Option<js_sys::Function>)>) {
    let global = || js_sys::Reflect::get(&window(), &JsValue::from_str("shareQr")).ok().and_then(|g| g.dyn_into::<js_sys::Function>().ok());
    let file = document().document_element().and_then(|html| html.get_attribute(attr::QR));
    let script = document().create_element("script").ok().map(|s| s.unchecked_into::<web_sys::HtmlScriptElement>());
    let (Some(file), Some(script), Some(body)) = (file, script, document().body()) else { return then(None) };
    let wasm = format!("{}_bg.wasm", file.strip_suffix(".js").unwrap_or(&file));
    // Once the script has run (or failed to load): start the WebAssembly,
    // then hand over `qr` (which throws if the WebAssembly did not load).
    let start = move || {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &JsValue::from_str("module_or_path"), &JsValue::from_str(&wasm));
        let started = global().and_then(|init| Some((init.call1(&JsValue::NULL, &options).ok()?.dyn_into::<js_sys::Promise>().ok()?, init)));
        let Some((started, init)) = started else { return then(None) };
        // One of the two outcomes calls it, once.
        let settled =
            Closure::once(move |_: JsValue| then(js_sys::Reflect::get(&init, &JsValue::from_str("qr")).ok().and_then(|f| f.dyn_into().ok())));
        let _ = started.then2(&settled, &settled);
        settled.forget();
    };
    if global().is_some() {
        return start();
    }
    let done = Closure::once_into_js(start);
    script.set_onload(Some(done.unchecked_ref()));
    script.set_onerror(Some(done.unchecked_ref()));
    script.set_src(&file);
    let _ = body.append_child(&script);
}

/// Saves the share image: the card as set (title, chart, outputs, range,
/// source) with a QR code of its address, for platforms that take an image
/// and a link but no frame (WeChat articles, Zhihu, Xueqiu).
fn save_share_image(state: CalcState, figure: Figure, palette: Palette, status: RwSignal<String>) {
    thread_local! {
        /// A share image is being made: a click meanwhile waits for it
        /// rather than load the encoder a second time.
        static MAKING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if MAKING.replace(true) {
        return;
    }
    let lang = state.lang;
    status.set(lang.pick(["Making the image…", "正在生成分享图……"]).into());
    let link = widget_link(state);
    with_qr_encoder(Box::new(move |encoder| {
        MAKING.set(false);
        let encoded = encoder.and_then(|encode| encode.call1(&JsValue::NULL, &JsValue::from_str(&link)).ok());
        let qr = encoded.and_then(|bytes| QrModules::from_bytes(&js_sys::Uint8Array::new(&bytes).to_vec()));
        let Some(qr) = qr else {
            return status.set(
                lang.pick([
                    "The QR code could not be made here: use Share for the link and Download PNG for the chart.",
                    "此处无法生成二维码：请用“分享”复制链接，用“下载PNG”保存图表。",
                ])
                .into(),
            );
        };
        match figure.share_svg(SHARE_WIDTH, &palette, &Share { link: &link, qr: &qr, site: publish::site_name(lang) }) {
            Ok((svg, height)) => {
                let done = lang.pick([
                    "Image saved: the chart as set, its results, the source and a QR code that opens this calculator as you set it.",
                    "分享图已保存：含按你现在的设定绘制的图表、计算结果和出处，另附二维码，扫码即按同样的设定打开计算器。",
                ]);
                save_png(svg, SHARE_WIDTH, height, format!("{}-share.png", state.calc.id), status, lang, Some(done))
            }
            Err(e) => status.set(match lang.in_build() {
                Lang::En => format!("The chart could not be drawn: {e}"),
                Lang::Zh => format!("图表无法绘制：{e}"),
            }),
        }
    }));
}

/// Copies the chart for a newsletter: rich HTML (the chart as an image
/// linking to this state, its description as alt text, a citation) with a
/// plain-text fallback. The clipboard is written at once, within the click,
/// as some browsers require; the HTML follows when the image is drawn.
fn copy_for_newsletter(state: CalcState, figure: &Figure, svg: String, height: u32, status: RwSignal<String>) {
    let link = widget_link(state);
    let lang = state.lang;
    let (title, description, source) = (figure.title.clone(), figure.description.clone(), figure.source);
    let plain = publish::newsletter(&title, &description, source, &link, "", EXPORT_WIDTH, height, lang).1;
    let html = js_sys::Promise::new(&mut |resolve, reject| {
        let (title, description, link) = (title.clone(), description.clone(), link.clone());
        rasterize(
            &svg,
            EXPORT_WIDTH,
            height,
            Box::new(move |canvas| match canvas.and_then(|c| c.to_data_url().ok()) {
                Some(image) => {
                    let html = publish::newsletter(&title, &description, source, &link, &image, EXPORT_WIDTH, height, lang).0;
                    let _ = resolve.call1(&JsValue::NULL, gloo::file::Blob::new_with_options(html.as_str(), Some("text/html")).as_ref());
                }
                None => drop(reject.call0(&JsValue::NULL)),
            }),
        );
    });
    let record = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&record, &"text/html".into(), &html);
    let _ = js_sys::Reflect::set(&record, &"text/plain".into(), gloo::file::Blob::new_with_options(plain.as_str(), Some("text/plain")).as_ref());
    let written = web_sys::ClipboardItem::new_with_record_from_str_to_blob_promise(&record)
        .map(|item| window().navigator().clipboard().write(&js_sys::Array::of1(&item)));
    let report = move |ok: bool| {
        status.set(
            lang.pick(if ok {
                [
                    "Copied for your newsletter: the chart, its description, a link back and a credit. Paste it into your editor; if the image does not come through, use Download PNG.",
                    "已复制，可贴进文章：图表、图表说明、回链和出处。请粘贴到编辑器中；如果图片没有贴上，请改用“下载PNG”。",
                ]
            } else {
                ["Copying is blocked here: use Download PNG and the Share link instead.", "此处无法复制：请改用“下载PNG”和分享链接。"]
            })
            .into(),
        )
    };
    match written {
        Ok(promise) => {
            let on_done = Closure::once(move |_: JsValue| report(true));
            let on_error = Closure::once(move |_: JsValue| report(false));
            let _ = promise.then2(&on_done, &on_error);
            // One of them is called once; both are kept until then (a few bytes).
            on_done.forget();
            on_error.forget();
        }
        Err(_) => report(false),
    }
}

/// Drives the actions under a card (`root`, its `.share-bar`: the core's
/// static buttons, read by one click handler by their `data-action`) and
/// the status line that reports on them.
pub fn bind(root: &web_sys::Element, state: CalcState, figure: Memo<Figure>) {
    let (id, lang) = (state.calc.id, state.lang);
    let status = RwSignal::new(String::new());
    if let Some(line) = find(root, &dom::selector(part::SHARE_STATUS)) {
        // Nothing at all while empty, so `:empty` hides it.
        Effect::new(move |_| status.with(|s| line.set_text_content((!s.is_empty()).then_some(s.as_str()))));
    }
    let prefs = use_prefs();
    let export_svg = move || {
        let palette = prefs.palette();
        figure.with_untracked(|f| f.export_svg(EXPORT_WIDTH, &palette, &widget_link(state)))
    };
    listen(root, "click", move |ev| {
        let action = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest(&format!("[{}]", attr::ACTION)).ok().flatten())
            .and_then(|e| e.get_attribute(attr::ACTION))
            .and_then(|a| Action::parse(&a));
        match action {
            Some(Action::Share) => {
                let done = lang.pick(["Link copied: it opens this calculator as you set it.", "链接已复制：打开后就是你现在设定的计算器。"]);
                copy(widget_link(state), move |s| status.set(s.to_string()), done, lang)
            }
            Some(Action::Embed) => embed_dialog::open(state),
            Some(Action::ShareImage) => save_share_image(state, figure.get_untracked(), prefs.palette(), status),
            Some(Action::Csv) => {
                let csv = figure.with_untracked(|f| f.table.to_csv());
                save(gloo::file::Blob::new_with_options(csv.as_str(), Some("text/csv")), &format!("{id}.csv"));
            }
            Some(kind @ (Action::Svg | Action::Png | Action::Newsletter)) => match export_svg() {
                Ok((svg, _)) if kind == Action::Svg => {
                    save(gloo::file::Blob::new_with_options(svg.as_str(), Some("image/svg+xml")), &format!("{id}.svg"))
                }
                Ok((svg, height)) if kind == Action::Png => save_png(svg, EXPORT_WIDTH, height, format!("{id}.png"), status, lang, None),
                Ok((svg, height)) => figure.with_untracked(|f| copy_for_newsletter(state, f, svg, height, status)),
                Err(e) => status.set(match lang.in_build() {
                    Lang::En => format!("The chart could not be drawn: {e}"),
                    Lang::Zh => format!("图表无法绘制：{e}"),
                }),
            },
            None => {}
        }
    });
}
