//! A calculator's chart as a figure: title stating the point, subtitle
//! with the measure and unit, the plotters SVG, and a source line; and the
//! switch between a linear and a logarithmic scale.

use crate::theme::use_chart_env;
use explainer_core::chart::layout;
use explainer_core::chart::Scale;
use explainer_core::model::Figure;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Keeps `width` equal to `el`'s content width (at least the narrowest a
/// chart is drawn) for the life of the page.
fn observe_width(el: &web_sys::Element, width: RwSignal<u32>) {
    let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() else { return };
        let measured = entry.content_rect().width().round();
        if measured > 0.0 {
            let measured = (measured as u32).max(layout::MIN_WIDTH);
            if width.get_untracked() != measured {
                width.set(measured);
            }
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(el);
        // Observer and callback live as long as the page.
        std::mem::forget(observer);
        on_resize.forget();
    }
}

/// Linear/log switch for a chart's value axis: static radio buttons
/// (`web::controls::scale_switch_html`), never rebuilt, so keyboard focus
/// stays where it is; one handler reads them and one effect checks the
/// right one when the scale changes from elsewhere (Reset, the link).
#[component]
pub fn ScaleSwitch(
    /// Prefix for the radio buttons' ids and name.
    id: &'static str,
    /// The chosen scale.
    scale: RwSignal<Scale>,
) -> impl IntoView {
    let node = NodeRef::<leptos::html::Fieldset>::new();
    Effect::new(move |_| {
        let log = scale.get() == Scale::Log;
        if let Some(el) = node.get() {
            if let Ok(Some(radio)) = el.query_selector(if log { "input[id$='-log']" } else { "input[id$='-linear']" }) {
                radio.unchecked_into::<web_sys::HtmlInputElement>().set_checked(true);
            }
        }
    });
    let on_change = move |ev: leptos::ev::Event| {
        let log = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|e| e.id().ends_with("-log"));
        scale.set(if log { Scale::Log } else { Scale::Linear });
    };
    let html = explainer_core::web::controls::scale_switch_html(id, scale.get_untracked());
    view! { <fieldset class="scale-switch" node_ref=node inner_html=html on:change=on_change></fieldset> }
}

/// Where the prerendered chart of calculator `id` is written.
pub fn static_chart_file(id: &str) -> String {
    format!("charts/{id}.svg")
}

/// The figure's chart with its three lines of text, redrawn whenever the
/// figure, the colours or the box's width change; on a drawing error the
/// figure says so instead.
#[component]
pub fn ChartFigure(
    /// Element id of the figure.
    id: String,
    /// What to draw.
    figure: Memo<Figure>,
) -> impl IntoView {
    // Draw at the box's real width, so labels appear at their true size.
    // A ResizeObserver reports it after the browser's own layout, so reading
    // it never forces a layout in the middle of building the page.
    let env = use_chart_env();
    let width = RwSignal::new(env.guess_width());
    let node = NodeRef::<Div>::new();
    Effect::new(move |_| {
        if let Some(el) = node.get() {
            observe_width(&el, width);
        }
    });
    let armed = RwSignal::new(!env.defer_first_draw);
    if env.defer_first_draw {
        gloo::timers::callback::Timeout::new(0, move || armed.set(true)).forget();
    }
    // The box keeps its height (CSS from the core's layout) while the first
    // drawing waits.
    let drawn = Memo::new(move |_| {
        if armed.get() {
            let palette = env.palette();
            figure.with(|f| {
                // A tornado under the chart (a range on some calculators)
                // makes the box taller.
                if let Some(el) = node.get_untracked() {
                    let _ = el.set_attribute("data-kind", f.plot.kind().as_str());
                }
                f.svg(width.get(), &palette).map_err(|e| e.to_string())
            })
        } else {
            Ok(String::new())
        }
    });
    // Prerendered, the drawing is a file (written by bin/prerender/) that
    // the browser fetches only near the view: the live card replaces it
    // first, so it serves readers without JavaScript and costs the page's
    // HTML nothing.
    #[cfg(feature = "ssr")]
    let chart_html = {
        let file = static_chart_file(id.trim_end_matches("-chart"));
        move || format!("<img src=\"{file}\" alt=\"\" loading=\"lazy\" decoding=\"async\">")
    };
    #[cfg(not(feature = "ssr"))]
    let chart_html = move || drawn.get().unwrap_or_default();
    let text = move |pick: fn(&Figure) -> &str| move || figure.with(|f| pick(f).to_string());
    let title_id = format!("{id}-title");
    let labelledby = title_id.clone();
    let kind = figure.with_untracked(|f| f.plot.kind().as_str());
    view! {
        <figure class="chart" id=id aria-labelledby=labelledby>
            <figcaption>
                <p class="chart-title" id=title_id>{text(|f| &f.title)}</p>
                <p class="chart-subtitle">{text(|f| &f.subtitle)}</p>
            </figcaption>
            <div
                node_ref=node
                class="chart-svg"
                data-kind=kind
                role="img"
                aria-label=text(|f| &f.description)
                inner_html=chart_html
            ></div>
            {move || drawn.get().err().map(|e| view! {
                <p class="chart-error" role="alert">"The chart could not be drawn: " {e}</p>
            })}
            <p class="chart-source">{text(|f| f.source)}</p>
        </figure>
    }
    .into_any()
}
