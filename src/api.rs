//! The embed API in the browser (see `explainer_core::web::api` for the
//! protocol): a widget in a frame takes commands from its parent window
//! only, reads each message's few fields as plain values (never as markup,
//! never more than a bounded amount of text), and answers every command it
//! recognises with the state or the reasons it refused. It also tells the
//! parent whenever its inputs change.

use crate::card::{share::widget_link, CalcState};
use crate::prefs::{show_money, use_prefs, Prefs};
use explainer_core::model::Figure;
use explainer_core::text::num;
use explainer_core::web::api::{self, Command, Incoming, Setting, MAX_QUERY, MAX_TEXT};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Connects a card to its host page, if the page is in a frame.
pub fn listen(state: CalcState) {
    let Ok(Some(parent)) = window().parent() else { return };
    if parent == window() {
        return;
    }
    let prefs = use_prefs();
    // Once per pause in input, from the reader or the host.
    state.on_settle.set_value(Some(|state| {
        if let Ok(Some(parent)) = window().parent() {
            post(&parent, &state.figure.with_untracked(|f| state_json("change", state, f, None)));
        }
    }));
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        if !event.source().is_some_and(|s| js_sys::Object::is(&s, &parent)) {
            return;
        }
        let incoming = read(&event.data());
        let Some(command) = api::read(&incoming) else { return };
        let id = incoming.id.clone();
        let reply = match command.map_err(|e| vec![e]).and_then(|c| run(state, prefs, c)) {
            Ok(()) => state.figure.with_untracked(|f| state_json("state", state, f, id.as_deref())),
            Err(errors) => api::error_json(state.calc, &errors, id.as_deref()),
        };
        post(&parent, &reply);
    });
    let _ = window().add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    // Listens for the page's life.
    on_message.forget();
}

fn run(state: CalcState, prefs: Prefs, command: Command) -> Result<(), Vec<String>> {
    match command {
        Command::Get => {}
        Command::Reset => state.reset(),
        Command::Set(pairs) => {
            let set = api::apply(state.calc, &setting(state), &pairs)?;
            show_money(prefs, set.money);
            state.values.set(set.values);
            state.scale.set(set.scale);
        }
    }
    Ok(())
}

/// What the widget shows now, as the API reports it.
fn setting(state: CalcState) -> Setting {
    Setting { values: state.values.get_untracked(), scale: state.scale.get_untracked(), money: state.money.get_untracked() }
}

fn state_json(kind: &str, state: CalcState, figure: &Figure, id: Option<&str>) -> String {
    api::state_json(kind, state.calc, &setting(state), figure, &widget_link(state), id)
}

/// Posts a reply (JSON written by the core) as an object.
fn post(to: &web_sys::Window, json: &str) {
    if let Ok(message) = js_sys::JSON::parse(json) {
        let _ = to.post_message(&message, "*");
    }
}

/// The fields the protocol reads, from whatever arrived: strings cut to a
/// bound before they are copied, numbers, nothing else.
fn read(data: &JsValue) -> Incoming {
    if !data.is_object() {
        return Incoming::default();
    }
    let field = |name: &str| js_sys::Reflect::get(data, &name.into()).unwrap_or(JsValue::UNDEFINED);
    let text = |name: &str, max: usize| {
        let value = field(name);
        value.as_f64().map(num::shortest).or_else(|| value.dyn_ref::<js_sys::JsString>()?.slice(0, max as u32 + 1).as_string())
    };
    Incoming {
        kind: text("type", MAX_TEXT),
        version: field("version").as_f64(),
        inputs: text("inputs", MAX_QUERY),
        id: text("id", MAX_TEXT).filter(|t| t.len() <= MAX_TEXT),
    }
}
