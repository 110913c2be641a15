//! Colours: the reader's choice (remembered on the story page, taken from
//! the link in an embed), the switch that sets it, and what charts need to
//! know to draw in it.

use crate::browser::{local_storage, prefers_dark, window_width};
use crate::page::{Mode, Page};
use explainer_core::chart::layout;
use explainer_core::chart::Palette;
use explainer_core::web::embed::{self, ColorScheme};
use leptos::prelude::*;

/// Where the story page remembers the reader's colour choice. In a
/// sandboxed frame storage is blocked and the choice is simply not kept.
const STORAGE_KEY: &str = "china-ai:theme";

/// Display preferences every chart reads, provided once by the page.
#[derive(Clone, Copy)]
pub struct ChartEnv {
    /// Charts are drawn in dark colours.
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
    use_context::<ChartEnv>().unwrap_or(ChartEnv { dark: Signal::stored(false), window_width: 1024.0, defer_first_draw: false })
}

/// The reader's colour choice for this page. Keeps `data-theme` on
/// `<html>` in step, remembers the choice on the story page, and provides
/// the charts' [`ChartEnv`].
pub fn use_color_scheme(page: &Page) -> RwSignal<ColorScheme> {
    let initial = match page.mode {
        Mode::Story => local_storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten()).and_then(|t| ColorScheme::parse(&t)),
        Mode::Embed => Some(embed::options(&page.pairs).theme),
    };
    let scheme = RwSignal::new(initial.unwrap_or_default());
    let system_dark = prefers_dark();
    let dark = Signal::derive(move || match scheme.get() {
        ColorScheme::Auto => system_dark.get(),
        ColorScheme::Light => false,
        ColorScheme::Dark => true,
    });
    let mode = page.mode;
    Effect::new(move |_| {
        let choice = scheme.get();
        if let Some(root) = document().document_element() {
            let _ = match choice {
                ColorScheme::Auto => root.remove_attribute("data-theme"),
                other => root.set_attribute("data-theme", other.as_str()),
            };
        }
        if mode == Mode::Story {
            // Ignored where storage is blocked.
            if let Some(storage) = local_storage() {
                let _ = storage.set_item(STORAGE_KEY, choice.as_str());
            }
        }
    });
    provide_context(ChartEnv { dark, window_width: window_width(), defer_first_draw: mode == Mode::Embed });
    scheme
}

/// Auto / Light / Dark.
#[component]
pub fn ThemeSwitch(
    /// The reader's choice.
    scheme: RwSignal<ColorScheme>,
) -> impl IntoView {
    let option = move |value: ColorScheme, label: &'static str| {
        let id = format!("theme-{}", value.as_str());
        view! {
            <input type="radio" id=id.clone() name="theme" prop:checked=move || scheme.get() == value on:change=move |_| scheme.set(value)/>
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
    }
}
