//! A chart figure: title stating the point, subtitle with the measure and
//! unit, the plotters SVG, and a source line.

use explainer_core::chart::{Scale, Theme};
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Charts are never drawn narrower than this; a narrower box scales them.
const MIN_WIDTH: f64 = 280.0;

/// Display preferences every chart reads, provided once by the app.
#[derive(Clone, Copy)]
pub struct ChartEnv {
    /// The reader's system asks for dark colours.
    pub dark: Signal<bool>,
    /// The window's inner width when the page started, CSS pixels: the
    /// first guess at a chart's width (each chart then measures its box).
    pub window_width: f64,
    /// Draw each chart in a task after the rest of its card (on a page
    /// that builds a card from nothing, so no task runs long). The story
    /// page swaps cards for prerendered ones and draws at once.
    pub defer_first_draw: bool,
}

impl ChartEnv {
    /// The chart palette for the current colour scheme.
    pub fn theme(&self) -> Theme {
        if self.dark.get() {
            Theme::DARK
        } else {
            Theme::LIGHT
        }
    }

    /// A first guess at a chart's width before it can be measured: the
    /// window less the page's margins, at most a card's width.
    pub fn guess_width(&self) -> u32 {
        explainer_core::num::clamp(self.window_width - 48.0, MIN_WIDTH, 760.0) as u32
    }
}

/// Reads the chart environment, falling back to a light, wide page when no
/// app provided one (as in a component test).
pub fn use_chart_env() -> ChartEnv {
    use_context::<ChartEnv>().unwrap_or(ChartEnv {
        dark: Signal::stored(false),
        window_width: 1024.0,
        defer_first_draw: false,
    })
}

/// Keeps `width` equal to `el`'s content width (at least [`MIN_WIDTH`]) for
/// the life of the page.
fn observe_width(el: &web_sys::Element, width: RwSignal<u32>) {
    let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() else { return };
        let measured = entry.content_rect().width().round();
        if measured > 0.0 {
            let measured = measured.max(MIN_WIDTH) as u32;
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

/// Linear/log switch for a chart's value axis.
#[component]
pub fn ScaleSwitch(
    /// Prefix for the radio buttons' ids and name.
    id: &'static str,
    /// The chosen scale.
    scale: RwSignal<Scale>,
) -> impl IntoView {
    let option = move |value: Scale, label: &'static str, key: &'static str| {
        let input_id = format!("{id}-scale-{key}");
        view! {
            <input
                type="radio"
                id=input_id.clone()
                name=format!("{id}-scale")
                checked=scale.get_untracked() == value
                prop:checked=move || scale.get() == value
                on:change=move |_| scale.set(value)
            />
            <label for=input_id>{label}</label>
        }
    };
    view! {
        <fieldset class="scale-switch">
            <legend>"Scale"</legend>
            {option(Scale::Linear, "Linear", "linear")}
            {option(Scale::Log, "Log", "log")}
        </fieldset>
    }
}

/// A chart with its three lines of text. `svg` is re-run whenever a signal
/// it reads changes; on a drawing error the figure says so instead.
#[component]
pub fn ChartFigure(
    /// Element id of the figure.
    id: String,
    /// States the chart's point.
    #[prop(into)]
    title: Signal<String>,
    /// What is measured, in which unit.
    #[prop(into)]
    subtitle: Signal<String>,
    /// Where the data comes from.
    #[prop(into)]
    source: Signal<String>,
    /// A short description of what the chart shows, for screen readers.
    #[prop(into)]
    description: Signal<String>,
    /// Draws the chart as an SVG document of the given pixel width.
    svg: impl Fn(u32) -> Result<String, String> + Send + Sync + 'static,
    /// "lines" or "bars": the CSS reserves the matching height.
    kind: &'static str,
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
    // The box keeps its height (CSS) while the first drawing waits.
    let drawn = Memo::new(move |_| if armed.get() { svg(width.get()) } else { Ok(String::new()) });
    let title_id = format!("{id}-title");
    let labelledby = title_id.clone();
    view! {
        <figure class="chart" id=id aria-labelledby=labelledby>
            <figcaption>
                <p class="chart-title" id=title_id>{move || title.get()}</p>
                <p class="chart-subtitle">{move || subtitle.get()}</p>
            </figcaption>
            <div
                node_ref=node
                class="chart-svg"
                data-kind=kind
                role="img"
                aria-label=move || description.get()
                inner_html=move || drawn.get().unwrap_or_default()
            ></div>
            {move || drawn.get().err().map(|e| view! {
                <p class="chart-error" role="alert">"The chart could not be drawn: " {e}</p>
            })}
            <p class="chart-source">{move || source.get()}</p>
        </figure>
    }
    .into_any()
}
