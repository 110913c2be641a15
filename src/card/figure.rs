//! A card's chart (title stating the point, subtitle with the measure and
//! unit, the plotters SVG, a source line) and the switch between a linear
//! and a logarithmic scale, both in the core's markup.

use crate::browser::{find, listen};
use crate::prefs::use_prefs;
use explainer_core::chart::layout;
use explainer_core::chart::Scale;
use explainer_core::model::Figure;
use explainer_core::web::dom::{self, attr, part};
use leptos::prelude::*;
use std::cell::Cell;
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

/// Drives a scale switch (`root`, the core's static radio buttons, never
/// rebuilt, so keyboard focus stays where it is): one handler reads them
/// and one effect checks the right one when the scale changes from
/// elsewhere (Reset, the link, the embed API).
pub fn bind_scale(root: &web_sys::Element, scale: RwSignal<Scale>) {
    let node = root.clone();
    Effect::new(move |_| {
        let log = scale.get() == Scale::Log;
        if let Some(radio) = find(&node, if log { "input[id$='-log']" } else { "input[id$='-linear']" }) {
            radio.unchecked_into::<web_sys::HtmlInputElement>().set_checked(true);
        }
    });
    listen(root, "change", move |ev| {
        let log = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|e| e.id().ends_with("-log"));
        scale.set(if log { Scale::Log } else { Scale::Linear });
    });
}

/// Where the prerendered chart of calculator `id` is written.
pub fn static_chart_file(id: &str) -> String {
    format!("charts/{id}.svg")
}

/// Drives a card's chart figure (in `card`, a `figure.chart`): its drawing
/// and its tornado's, redrawn whenever the figure, the colours or the
/// box's width change, and its three lines of text and description,
/// rewritten when they change (not at first when `shown`: the markup
/// already shows them). On a drawing error the figure says so instead.
pub fn bind(card: &web_sys::Element, figure: Memo<Figure>, shown: bool) {
    let Some(root) = find(card, &dom::selector(part::CHART)) else { return };
    let root = &root;
    let Some(art) = find(root, &dom::selector(part::CHART_SVG)) else { return };
    let tornado = find(root, &dom::selector(part::CHART_TORNADO));
    let tornado_tab = find(card, "[data-tab=spread]");
    let (env, prefs) = (use_chart_env(), use_prefs());
    // Draw at the box's real width, so labels appear at their true size:
    // read now, while the page's layout is fresh (reading it costs nothing
    // then), and kept by a ResizeObserver, which reports after the
    // browser's own layout and so never forces one.
    let measured = art.client_width();
    let width = RwSignal::new(if measured > 0 { (measured as u32).max(layout::MIN_WIDTH) } else { env.guess_width() });
    observe_width(&art, width);
    // Where a page builds a card from nothing, its chart waits a task.
    let armed = RwSignal::new(!env.defer_first_draw);
    if env.defer_first_draw {
        gloo::timers::callback::Timeout::new(0, move || armed.set(true)).forget();
    }
    let figure_el = root.clone();
    // The drawing the box shows, as written, once this code has drawn it.
    let shown_svg: std::rc::Rc<std::cell::RefCell<Option<String>>> = Default::default();
    Effect::new(move |_| {
        if !armed.get() {
            return;
        }
        let palette = prefs.palette();
        let width = width.get();
        let drawn = figure.with(|f| {
            let kind = f.plot.kind_alone().as_str();
            if art.get_attribute(attr::KIND).as_deref() != Some(kind) {
                let _ = art.set_attribute(attr::KIND, kind);
            }
            // A range on some calculators brings a tornado, in its own box.
            if let Some(el) = &tornado {
                let drawn = f.tornado_svg(width, &palette).and_then(Result::ok);
                let heading = f.plot.tornado().map(|t| t.heading.as_str()).unwrap_or_default();
                if el.get_attribute("aria-label").as_deref() != Some(heading) {
                    let _ = el.set_attribute("aria-label", heading);
                }
                // Nothing to do while there is no tornado and none was drawn.
                if drawn.is_some() || el.has_child_nodes() {
                    el.set_inner_html(drawn.as_deref().unwrap_or_default());
                }
                let _ = el.toggle_attribute_with_force("hidden", drawn.is_none());
                if let Some(tab) = &tornado_tab {
                    let _ = tab.toggle_attribute_with_force("hidden", drawn.is_none());
                }
            }
            f.svg(width, &palette)
        });
        let error = find(&figure_el, &dom::selector(part::CHART_ERROR));
        match drawn {
            Ok(svg) => {
                let mut last = shown_svg.borrow_mut();
                if !last.as_deref().is_some_and(|old| patch(&art, old, &svg)) {
                    art.set_inner_html(&svg);
                }
                *last = Some(svg);
                if let Some(error) = error {
                    error.remove();
                }
            }
            Err(e) => {
                *shown_svg.borrow_mut() = None;
                art.set_inner_html("");
                let message = format!("The chart could not be drawn: {e}");
                match error {
                    Some(error) => error.set_text_content(Some(&message)),
                    None => {
                        let html = format!("<p class=\"{}\" role=\"alert\">{}</p>", part::CHART_ERROR, explainer_core::text::html::escaped(&message));
                        let _ = art.insert_adjacent_html("afterend", &html);
                    }
                }
            }
        }
    });
    let text = |class: &str, pick: fn(&Figure) -> String| {
        let Some(el) = find(root, &dom::selector(class)) else { return };
        let first = Cell::new(shown);
        Effect::new(move |_| {
            let text = figure.with(pick);
            if !first.replace(false) && el.text_content().as_deref() != Some(text.as_str()) {
                el.set_text_content(Some(&text));
            }
        });
    };
    text(part::CHART_TITLE, |f| f.title.clone());
    text(part::CHART_SUBTITLE, |f| f.subtitle.clone());
    text(part::CHART_SOURCE, |f| f.source.to_string());
    let first = Cell::new(shown);
    let described = find(root, &dom::selector(part::CHART_SVG));
    Effect::new(move |_| {
        let description = figure.with(|f| f.description.clone());
        if let (false, Some(el)) = (first.replace(false), &described) {
            let _ = el.set_attribute("aria-label", &description);
        }
    });
}

/// How a page wants its charts first drawn, provided once by the page.
#[derive(Clone, Copy)]
pub struct ChartEnv {
    /// The window's inner width when the page started, CSS pixels: the
    /// first guess at a chart's width (each chart then measures its box).
    pub window_width: f64,
    /// Draw each chart in a task after the rest of its card (on a page
    /// that builds a card from nothing, so no task runs long). The story
    /// page swaps cards for prerendered ones and draws at once.
    pub defer_first_draw: bool,
}

impl ChartEnv {
    /// A first guess at a chart's width before it can be measured: the
    /// window less the page's margins, at most a card's width.
    pub fn guess_width(&self) -> u32 {
        let (min, max) = (f64::from(layout::MIN_WIDTH), f64::from(layout::MAX_FIRST_WIDTH));
        explainer_core::text::num::clamp(self.window_width - 48.0, min, max) as u32
    }
}

/// Reads the chart environment, falling back to a wide page that draws at
/// once when no page provided one (as in a component test).
pub fn use_chart_env() -> ChartEnv {
    use_context::<ChartEnv>().unwrap_or(ChartEnv { window_width: 1024.0, defer_first_draw: false })
}

/// Provides the page's [`ChartEnv`].
pub fn provide_chart_env(defer_first_draw: bool) {
    provide_context(ChartEnv { window_width: crate::browser::window_width(), defer_first_draw });
}

/// Turns the drawing in `art`, drawn from `old`, into `new` by changing
/// only the attributes and texts that differ (`web::svg_patch`), which
/// costs the browser far less than parsing a whole drawing on every move
/// of a slider. False, having changed nothing, when the two drawings do not
/// have the same elements or the box does not hold what `old` drew.
fn patch(art: &web_sys::Element, old: &str, new: &str) -> bool {
    use explainer_core::web::svg_patch;
    let Some((count, changes)) = svg_patch::patch(old, new) else { return false };
    let Some(root) = art.first_element_child() else { return false };
    let children = root.children();
    if children.length() as usize != count {
        return false;
    }
    for change in changes {
        let el = match change.index {
            0 => Some(root.clone()),
            i => children.item(i as u32 - 1),
        };
        let Some(el) = el else { return false };
        for (name, value) in &change.set {
            let _ = el.set_attribute(name, value);
        }
        for name in &change.remove {
            let _ = el.remove_attribute(name);
        }
        if let Some(text) = &change.text {
            el.set_text_content(Some(text));
        }
    }
    true
}
