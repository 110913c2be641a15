//! Colours: the switch on the story page, and what charts need to know to
//! draw in the colours the page shows.
//!
//! The page's own script owns the choice (see
//! [`prefs_script`](explainer_core::web::pages::prefs_script) and embed.html's
//! placeholder script): it sets `data-theme` on `<html>`, which the CSS
//! reads, so the switch works before, and without, the WebAssembly. The app
//! only reads `data-theme` and follows the switch's changes.

use crate::browser::{prefers_dark, window_width};
use explainer_core::chart::layout;
use explainer_core::chart::Palette;
use explainer_core::text::format::{Currency, Money};
use explainer_core::web::embed::ColorScheme;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Display preferences every chart reads, provided once by the page.
#[derive(Clone, Copy)]
pub struct ChartEnv {
    /// Charts are drawn in dark colours.
    pub dark: Signal<bool>,
    /// The currency money is shown in (`<html data-cur data-fx>`; see
    /// [`show_money`] to change it).
    pub money: RwSignal<Money>,
    /// The window's inner width when the page started, CSS pixels: the
    /// first guess at a chart's width (each chart then measures its box).
    pub window_width: f64,
    /// Draw each chart in a task after the rest of its card (on a page
    /// that builds a card from nothing, so no task runs long). The story
    /// page swaps cards for prerendered ones and draws at once.
    pub defer_first_draw: bool,
}

impl ChartEnv {
    /// The chart palette for the current colours.
    pub fn palette(&self) -> Palette {
        if self.dark.get() {
            Palette::DARK
        } else {
            Palette::LIGHT
        }
    }

    /// A first guess at a chart's width before it can be measured: the
    /// window less the page's margins, at most a card's width.
    pub fn guess_width(&self) -> u32 {
        let (min, max) = (f64::from(layout::MIN_WIDTH), f64::from(layout::MAX_FIRST_WIDTH));
        explainer_core::text::num::clamp(self.window_width - 48.0, min, max) as u32
    }
}

/// Reads the chart environment, falling back to a light, wide page when no
/// page provided one (as in a component test).
pub fn use_chart_env() -> ChartEnv {
    use_context::<ChartEnv>().unwrap_or(ChartEnv {
        dark: Signal::stored(false),
        money: RwSignal::new(Money::USD),
        window_width: 1024.0,
        defer_first_draw: false,
    })
}

/// The colours `<html data-theme>` asks for.
fn page_scheme() -> ColorScheme {
    document().document_element().and_then(|root| root.get_attribute("data-theme")).and_then(|t| ColorScheme::parse(&t)).unwrap_or_default()
}

/// The currency `<html data-cur data-fx>` asks for.
fn page_money() -> Money {
    let root = document().document_element();
    let attr = |name: &str| root.as_ref().and_then(|r| r.get_attribute(name));
    explainer_core::web::embed::read_money(attr("data-cur").as_deref(), attr("data-fx").as_deref())
}

/// Provides the charts' [`ChartEnv`], following the page's colours and
/// currency as they change.
pub fn provide_chart_env(defer_first_draw: bool) {
    let scheme = RwSignal::new(page_scheme());
    let money = RwSignal::new(page_money());
    // The page's script handles the switches first (it registered first).
    let on_change = Closure::<dyn FnMut()>::new(move || {
        scheme.set(page_scheme());
        let now = page_money();
        if money.get_untracked() != now {
            money.set(now);
        }
    });
    let _ = document().add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
    // Listens for the page's life.
    on_change.forget();
    let system_dark = prefers_dark();
    let dark = Signal::derive(move || match scheme.get() {
        ColorScheme::Auto => system_dark.get(),
        ColorScheme::Light => false,
        ColorScheme::Dark => true,
    });
    provide_context(ChartEnv { dark, money, window_width: window_width(), defer_first_draw });
}

/// Shows money in `money` from now on: written on `<html>`, where the page
/// reads it back on every change, then given to every chart.
pub fn show_money(env: ChartEnv, money: Money) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-cur", money.currency.code());
        let _ = match money.currency {
            Currency::Cny => root.set_attribute("data-fx", &explainer_core::web::embed::rate_text(money.rate)),
            Currency::Usd => root.remove_attribute("data-fx"),
        };
    }
    if env.money.get_untracked() != money {
        env.money.set(money);
    }
}

/// Auto / Light / Dark, for the story page's masthead. The page's script
/// checks the remembered choice and applies every change.
#[component]
pub fn ThemeSwitch() -> impl IntoView {
    let currency = explainer_core::web::controls::currency_switch_html();
    let option = |value: ColorScheme, label: &'static str| {
        let id = format!("theme-{}", value.as_str());
        view! {
            <input type="radio" id=id.clone() name="theme" value=value.as_str() checked=value == ColorScheme::Auto/>
            <label for=id>{label}</label>
        }
    };
    view! {
        <fieldset class="theme-switch">
            <legend class="visually-hidden">"Colours"</legend>
            {option(ColorScheme::Auto, "Auto")}
            {option(ColorScheme::Light, "Light")}
            {option(ColorScheme::Dark, "Dark")}
        </fieldset>
        <fieldset class="currency-switch" inner_html=currency></fieldset>
    }
}
