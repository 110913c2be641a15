//! A widget's own page (`<id>.html`): one calculator alone, prerendered,
//! as its own page and as every embed shows it.

use crate::card::OnCard;
use crate::page::Mode;
use leptos::prelude::*;

/// Brings a widget's page to life: its card in place, answering the embed
/// API when framed. (The page's own script, `web::pages::widget_script`,
/// reports its height to a host page and handles its options and tabs.)
pub fn enliven_widget() {
    crate::live::enliven(Mode::Embed, || provide_context(OnCard(crate::api::listen)));
}
