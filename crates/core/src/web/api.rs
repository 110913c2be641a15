//! The embed API: messages a host page exchanges with an embedded widget
//! (`window.postMessage`), as plain data. The app reads a message's fields
//! into [`Incoming`]; everything here decides what it means and writes the
//! replies, so every rule is tested natively.
//!
//! Version 1. Host to widget, each `{type, version: 1, id?}`:
//! - `china-ai:get`: reply with the state;
//! - `china-ai:set` with `inputs`, a URL query with the keys and values of
//!   the widget's own link (`"rate=50&scale=log"`, and `cur=usd|cny` with
//!   `fx`, yuan per US dollar, for the currency): all or nothing,
//!   validated as a link is, but refused rather than defaulted
//!   (public/embed.js turns an object into one);
//! - `china-ai:reset`: every input back to its default.
//!
//! Widget to host: `china-ai:state` (the reply to a command), `china-ai:change`
//! (whenever the inputs change, from the reader or the host), `china-ai:error`
//! (`errors`: why a command was refused) and `china-ai:height`. Each carries
//! `version` and `widget` (the calculator's id), and replies carry the
//! command's `id`.

use crate::calculators::Calculator;
use crate::chart::Scale;
use crate::model::Figure;
use crate::text::format::{Currency, Money};
use crate::text::num;
use crate::web::prefs::{default_rate, rate_text, read_rate};
use crate::web::publish::json_string;
use crate::web::query;

/// The prefix of every message type.
pub const PREFIX: &str = "china-ai:";
/// The protocol's version.
pub const VERSION: u32 = 1;
/// At most this many inputs in one `set`.
pub const MAX_INPUTS: usize = 32;
/// At most this many characters in a text value, a key or an `id`.
pub const MAX_TEXT: usize = 64;

/// A message as read from the browser: only the fields the protocol
/// looks at, each only when it has the right type, text cut to a bound.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Incoming {
    /// `type`.
    pub kind: Option<String>,
    /// `version`.
    pub version: Option<f64>,
    /// `inputs`: a URL query, as in the widget's own link (`rate=50&scale=log`).
    pub inputs: Option<String>,
    /// `id`, echoed by the reply: text, or a number written as text.
    pub id: Option<String>,
}

/// At most this many characters in `inputs`.
pub const MAX_QUERY: usize = 2000;

/// What a host asks of the widget.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    Get,
    Reset,
    /// Inputs by URL key, as text the inputs parse.
    Set(Vec<(String, String)>),
}

/// Reads a message. `None`: not addressed to us (no `type` with our
/// prefix, or one of our own replies), so ignored without a word.
/// `Some(Err(reason))`: ours but unusable, answered with an error.
pub fn read(message: &Incoming) -> Option<Result<Command, String>> {
    let kind = message.kind.as_deref()?.strip_prefix(PREFIX)?;
    if matches!(kind, "state" | "change" | "error" | "height") {
        return None;
    }
    Some(if message.version != Some(f64::from(VERSION)) {
        Err("version must be 1.".into())
    } else {
        match kind {
            "get" => Ok(Command::Get),
            "reset" => Ok(Command::Reset),
            "set" => message
                .inputs
                .as_deref()
                .filter(|q| q.len() <= MAX_QUERY)
                .map(|q| Command::Set(query::parse(q)))
                .ok_or_else(|| "set needs inputs: a query of at most 2000 characters, such as \"rate=50\".".into()),
            _ => Err("Unknown type: use get, set or reset.".into()),
        }
    })
}

/// A widget's state as the API sets and reports it.
#[derive(Clone, Debug, PartialEq)]
pub struct Setting {
    pub values: Vec<f64>,
    pub scale: Scale,
    pub money: Money,
}

/// Applies a `set` to `now`: every entry must name an input of `calc` (or
/// `scale`, `cur` or `fx`) and hold a value it accepts, as a link's would,
/// or nothing changes and the reasons come back, one per entry. `cur=cny`
/// alone keeps a yuan rate already chosen, else takes the default; `fx`
/// needs yuan, chosen before or in the same `set`.
pub fn apply(calc: &Calculator, now: &Setting, pairs: &[(String, String)]) -> Result<Setting, Vec<String>> {
    if pairs.len() > MAX_INPUTS {
        return Err(vec!["At most 32 inputs at a time.".into()]);
    }
    let mut values = now.values.clone();
    let mut scale = now.scale;
    let mut currency = now.money.currency;
    let mut rate = None;
    let mut problems = Vec::new();
    for (key, text) in pairs {
        let param = calc.params.iter().position(|p| p.key == key);
        match (param, key.as_str(), text.as_str()) {
            (Some(i), ..) => match calc.params[i].parse(text) {
                Ok(x) => values[i] = x,
                Err(e) => problems.push(format!("{key}: {e}")),
            },
            (None, "scale", "linear") if calc.has_scale => scale = Scale::Linear,
            (None, "scale", "log") if calc.has_scale => scale = Scale::Log,
            (None, "scale", _) if calc.has_scale => problems.push("scale: linear or log.".into()),
            (None, "cur", _) => match Currency::parse(text) {
                Some(c) => currency = c,
                None => problems.push("cur: usd or cny.".into()),
            },
            (None, "fx", _) => match read_rate(text) {
                Some(r) => rate = Some(r),
                None => {
                    problems.push(format!("fx: a number of yuan per US dollar from {} to {}.", rate_text(Money::RATES.0), rate_text(Money::RATES.1)))
                }
            },
            _ => problems.push(key.clone() + ": not an input of this widget."),
        }
    }
    let money = match currency {
        Currency::Usd if rate.is_some() => {
            problems.push("fx: a rate applies to yuan; send cur=cny with it.".into());
            Money::USD
        }
        Currency::Usd => Money::USD,
        Currency::Cny => {
            let kept = (now.money.currency == Currency::Cny).then_some(now.money.rate);
            Money { currency, rate: rate.or(kept).unwrap_or_else(default_rate) }
        }
    };
    if problems.is_empty() {
        Ok(Setting { values, scale, money })
    } else {
        Err(problems)
    }
}

/// `china-ai:state` or `china-ai:change` (`kind`): every input by URL key,
/// the scale, the currency (`cur`, and `fx` for yuan), the language the
/// widget writes (`lang`: "en" or "zh-Hans"), the outputs (id, label and
/// the text the widget shows), the chart's description and the link to
/// this state.
pub fn state_json(kind: &str, calc: &Calculator, now: &Setting, figure: &Figure, link: &str, id: Option<&str>) -> String {
    let mut out = head(kind, calc, id);
    out.push_str(",\"inputs\":{");
    for (i, (p, v)) in calc.params.iter().zip(&now.values).enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&json_string(p.key));
        out.push(':');
        out.push_str(&num::shortest(*v));
    }
    out.push_str(if now.scale == Scale::Log { "},\"scale\":\"log\",\"cur\":" } else { "},\"scale\":\"linear\",\"cur\":" });
    out.push_str(&json_string(now.money.currency.code()));
    if now.money.currency == Currency::Cny {
        out.push_str(",\"fx\":");
        out.push_str(&rate_text(now.money.rate));
    }
    out.push_str(",\"lang\":");
    out.push_str(&json_string(figure.lang.in_build().code()));
    out.push_str(",\"outputs\":[");
    for (i, o) in figure.outputs.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"id\":");
        out.push_str(&json_string(o.id));
        out.push_str(",\"label\":");
        out.push_str(&json_string(o.label));
        out.push_str(",\"text\":");
        out.push_str(&json_string(&o.value.text(figure.lang)));
        out.push('}');
    }
    out.push_str("],\"description\":");
    out.push_str(&json_string(&figure.description));
    out.push_str(",\"link\":");
    out.push_str(&json_string(link));
    out.push('}');
    out
}

/// `china-ai:error`: why a command was refused.
pub fn error_json(calc: &Calculator, errors: &[String], id: Option<&str>) -> String {
    let mut out = head("error", calc, id);
    out.push_str(",\"errors\":[");
    for (i, e) in errors.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&json_string(e));
    }
    out.push_str("]}");
    out
}

/// `{"type":…,"version":1,"widget":…` and the command's `id`, if any.
fn head(kind: &str, calc: &Calculator, id: Option<&str>) -> String {
    let mut out = String::from("{\"type\":\"china-ai:");
    out.push_str(kind);
    out.push_str("\",\"version\":1,\"widget\":");
    out.push_str(&json_string(calc.id));
    if let Some(id) = id {
        out.push_str(",\"id\":");
        out.push_str(&json_string(id));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calculators::{find, CALCULATORS};
    use crate::text::format::{Lang, Money};

    fn defaults(c: &Calculator) -> Setting {
        Setting { values: c.defaults(), scale: Scale::Linear, money: Money::USD }
    }

    fn message(kind: &str, inputs: Option<&str>) -> Incoming {
        Incoming { kind: Some(kind.into()), version: Some(1.0), inputs: inputs.map(String::from), id: None }
    }

    #[test]
    fn only_our_commands_are_read() {
        assert_eq!(read(&Incoming::default()), None);
        assert_eq!(read(&message("iframe.resize", None)), None);
        assert_eq!(read(&message("china-ai:height", None)), None, "our own messages, echoed back, are not commands");
        assert_eq!(read(&message("china-ai:get", None)), Some(Ok(Command::Get)));
        assert_eq!(read(&message("china-ai:reset", None)), Some(Ok(Command::Reset)));
        let set = read(&message("china-ai:set", Some("rate=50.5&scale=log")));
        assert_eq!(set, Some(Ok(Command::Set(vec![("rate".into(), "50.5".into()), ("scale".into(), "log".into())]))));
    }

    #[test]
    fn bad_commands_say_why() {
        let why = |m: Incoming| read(&m).unwrap().unwrap_err();
        assert!(why(Incoming { version: None, ..message("china-ai:get", None) }).contains("version must be 1"));
        assert!(why(Incoming { version: Some(2.0), ..message("china-ai:get", None) }).contains("version"));
        assert!(why(message("china-ai:explode", None)).contains("Unknown type"));
        assert!(why(message("china-ai:set", None)).contains("needs inputs"));
        assert!(why(message("china-ai:set", Some(&"a=1&".repeat(1000)))).contains("at most 2000"));
        let long_type = format!("china-ai:{}", "x".repeat(10_000));
        assert!(why(message(&long_type, None)).len() < 200, "replies stay short whatever came in");
        let c = find("market-growth").unwrap();
        let many: Vec<(String, String)> = (0..40).map(|i| (format!("k{i}"), "1".into())).collect();
        assert!(apply(c, &defaults(c), &many).unwrap_err()[0].contains("At most 32"));
        let long = apply(c, &defaults(c), &[("rate".into(), format!("5{}", "0".repeat(100)))]).unwrap_err();
        assert!(long[0].len() < 200, "{long:?}");
    }

    #[test]
    fn a_set_is_all_or_nothing_and_validated_like_typed_text() {
        let c = find("market-growth").unwrap();
        let defaults = defaults(c);
        let key = c.params[0].key;
        let ok = apply(c, &defaults, &[(key.into(), "2.5".into())]).unwrap();
        assert_eq!(ok.values[0], 2.5);
        let err = apply(c, &defaults, &[(key.into(), "3".into()), ("__proto__".into(), "1".into()), ("rate".into(), "1e999".into())]).unwrap_err();
        assert_eq!(err.len(), 2, "{err:?}");
        assert_eq!(err[0], "__proto__: not an input of this widget.");
        assert!(apply(c, &defaults, &[("scale".into(), "cubic".into())]).is_err());
        assert_eq!(apply(c, &defaults, &[("scale".into(), "log".into())]).unwrap().scale, Scale::Log);
        // Out of range, as a reader typing it would be told.
        assert!(apply(c, &defaults, &[("rate".into(), "100000".into())]).is_err());
    }

    #[test]
    fn replies_are_json_with_every_input_and_output() {
        for c in CALCULATORS {
            let now = defaults(c);
            let figure = (c.figure)(&now.values, now.scale, now.money, Lang::En);
            let json = state_json("state", c, &now, &figure, "https://x.org/a.html?v=1&b=\"c\"", Some("r1"));
            assert!(
                json.starts_with(&format!("{{\"type\":\"china-ai:state\",\"version\":1,\"widget\":\"{}\",\"id\":\"r1\",\"inputs\":{{", c.id)),
                "{json}"
            );
            for p in c.params {
                assert!(json.contains(&format!("\"{}\":", p.key)), "{}: {}", c.id, p.key);
            }
            assert_eq!(json.matches("\"label\":").count(), figure.outputs.len());
            assert!(!json.contains('<') && !json.contains('\n'));
            assert!(json.contains("\"scale\":\"linear\",\"cur\":\"usd\",\"lang\":\"en\",\"outputs\":["), "{json}");
        }
        let c = find("payback").unwrap();
        assert_eq!(
            error_json(c, &["a \"b\"".into()], None),
            "{\"type\":\"china-ai:error\",\"version\":1,\"widget\":\"payback\",\"errors\":[\"a \\\"b\\\"\"]}"
        );
    }

    #[test]
    fn a_set_chooses_the_currency_as_a_link_does() {
        let c = find("payback").unwrap();
        let set = |now: &Setting, q: &str| apply(c, now, &crate::web::query::parse(q));
        let usd = defaults(c);
        // Yuan at the default rate, then at the host's, kept when only cur is sent again.
        let cny = set(&usd, "cur=cny").unwrap();
        assert_eq!(cny.money, Money { currency: Currency::Cny, rate: default_rate() });
        let at_7 = set(&usd, "cur=CNY&fx=7").unwrap();
        assert_eq!(at_7.money.rate, 7.0);
        assert_eq!(set(&at_7, "cur=cny").unwrap().money.rate, 7.0);
        assert_eq!(set(&at_7, "fx=7.5").unwrap().money.rate, 7.5);
        assert_eq!(set(&at_7, "cur=usd").unwrap().money, Money::USD);
        // Refused, all or nothing, each with its reason.
        for (q, why) in [
            ("cur=eur", "cur: usd or cny."),
            ("cur=cny&fx=0.5", "fx: a number of yuan per US dollar from 1 to 20."),
            ("cur=cny&fx=NaN", "fx: a number of yuan per US dollar from 1 to 20."),
            ("fx=7", "fx: a rate applies to yuan; send cur=cny with it."),
        ] {
            assert_eq!(set(&usd, q), Err(vec![why.to_string()]), "{q}");
        }
        assert!(set(&usd, "cur=cny&invest=-5").is_err(), "a bad input keeps the currency unchanged too");
        // The reply says the currency, and the outputs are in it.
        let figure = (c.figure)(&at_7.values, at_7.scale, at_7.money, Lang::En);
        let json = state_json("state", c, &at_7, &figure, "x", None);
        assert!(json.contains("\"cur\":\"cny\",\"fx\":7,\"lang\":\"en\",\"outputs\""), "{json}");
        assert!(json.contains("CN¥"), "{json}");
    }
}
