//! The reader's preferences in the app: colours (the switch on the story
//! page, and whether charts draw dark) and the currency money is shown in.
//!
//! The page's own script owns the choice (see
//! [`prefs_script`](explainer_core::web::prefs::prefs_script) and the
//! widget pages' script): it sets `data-theme`, `data-cur` and `data-fx` on
//! `<html>`, which the CSS reads, so the switches work before, and without,
//! the WebAssembly. The app reads those attributes and follows their
//! changes.

use crate::browser::prefers_dark;
use explainer_core::chart::Palette;
use explainer_core::text::format::{Currency, Money};
use explainer_core::web::dom::attr;
use explainer_core::web::prefs::ColorScheme;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The page's colours and currency, provided once by the page.
#[derive(Clone, Copy)]
pub struct Prefs {
    /// Charts are drawn in dark colours.
    pub dark: Signal<bool>,
    /// The currency money is shown in (`<html data-cur data-fx>`; see
    /// [`show_money`] to change it).
    pub money: RwSignal<Money>,
}

impl Prefs {
    /// Light colours and US dollars: what prerendered pages show.
    pub fn at_start() -> Prefs {
        Prefs { dark: Signal::stored(false), money: RwSignal::new(Money::USD) }
    }

    /// The chart palette for the current colours.
    pub fn palette(&self) -> Palette {
        if self.dark.get() {
            Palette::DARK
        } else {
            Palette::LIGHT
        }
    }
}

/// Reads the page's preferences, falling back to light colours and US
/// dollars when no page provided them (as in a component test).
pub fn use_prefs() -> Prefs {
    use_context::<Prefs>().unwrap_or_else(Prefs::at_start)
}

/// The colours `<html data-theme>` asks for.
fn page_scheme() -> ColorScheme {
    document().document_element().and_then(|root| root.get_attribute(attr::THEME)).and_then(|t| ColorScheme::parse(&t)).unwrap_or_default()
}

/// The currency `<html data-cur data-fx>` asks for.
fn page_money() -> Money {
    let root = document().document_element();
    let read = |name: &str| root.as_ref().and_then(|r| r.get_attribute(name));
    explainer_core::web::prefs::read_money(read(attr::CUR).as_deref(), read(attr::FX).as_deref())
}

/// Provides the page's [`Prefs`], following its colours and currency as
/// they change.
pub fn provide_prefs() {
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
    provide_context(Prefs { dark, money });
}

/// Shows money in `money` from now on: written on `<html>`, where the page
/// reads it back on every change, then given to every chart.
pub fn show_money(prefs: Prefs, money: Money) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute(attr::CUR, money.currency.code());
        let _ = match money.currency {
            Currency::Cny => root.set_attribute(attr::FX, &explainer_core::web::prefs::rate_text(money.rate)),
            Currency::Usd => root.remove_attribute(attr::FX),
        };
    }
    if prefs.money.get_untracked() != money {
        prefs.money.set(money);
    }
}

/// Auto / Light / Dark, for the story page's masthead. The page's script
/// checks the remembered choice and applies every change.
#[component]
pub fn ThemeSwitch(
    /// The page's language.
    lang: explainer_core::text::format::Lang,
) -> impl IntoView {
    let currency = explainer_core::web::controls::currency_switch_html(lang);
    let option = |value: ColorScheme, label: &'static str| {
        let id = format!("theme-{}", value.as_str());
        view! {
            <input type="radio" id=id.clone() name="theme" value=value.as_str() checked=value == ColorScheme::Auto/>
            <label for=id>{label}</label>
        }
    };
    view! {
        <fieldset class="theme-switch">
            <legend class="visually-hidden">{lang.pick(["Colours", "配色"])}</legend>
            {option(ColorScheme::Auto, lang.pick(["Auto", "自动"]))}
            {option(ColorScheme::Light, lang.pick(["Light", "浅色"]))}
            {option(ColorScheme::Dark, lang.pick(["Dark", "深色"]))}
        </fieldset>
        <fieldset class="currency-switch" inner_html=currency></fieldset>
    }
}
