//! The DOM protocol between the core's markup and the app: every class,
//! id, `data-*` attribute and value that the core writes and the app finds
//! or parses back. Both sides name them from here, so neither keeps a copy
//! of the other's strings.

use crate::text::format::Currency;
use crate::web::embed::Layout;
use crate::web::prefs::ColorScheme;

/// A card's parts, by class: each appears once in a card (`.calc`).
pub mod part {
    /// The inputs' controls, the converters and the buttons under them.
    pub const INPUTS: &str = "calc-inputs";
    /// The results, rewritten as they change: one `OUTPUT` each (a `dt`
    /// label, a `dd` value, and a `dd` `OUTPUT_NOTE` where it has one),
    /// marked `OUTPUT_READER` when it is the reader's own scenario.
    pub const OUTPUTS: &str = "calc-outputs";
    pub const OUTPUT: &str = "output";
    pub const OUTPUT_READER: &str = "output-reader";
    pub const OUTPUT_NOTE: &str = "output-note";
    /// The working and notices.
    pub const NOTES: &str = "calc-notes";
    /// The chart's figure: the drawing, its text and the tornado.
    pub const CHART: &str = "chart";
    /// Its title, subtitle and source lines, and the line that replaces the
    /// drawing when it cannot be drawn.
    pub const CHART_TITLE: &str = "chart-title";
    pub const CHART_SUBTITLE: &str = "chart-subtitle";
    pub const CHART_SOURCE: &str = "chart-source";
    pub const CHART_ERROR: &str = "chart-error";
    /// The drawing's box (its `data-kind` sizes it).
    pub const CHART_SVG: &str = "chart-svg";
    /// The tornado's box, where the card has a range.
    pub const CHART_TORNADO: &str = "chart-tornado";
    /// The linear / log switch.
    pub const SCALE_SWITCH: &str = "scale-switch";
    /// The table of the chart's values (a `<details>`).
    pub const TABLE: &str = "calc-table";
    /// Share, Embed, Copy for newsletter and the downloads, and the line
    /// that says what they did.
    pub const SHARE_BAR: &str = "share-bar";
    pub const SHARE_STATUS: &str = "share-status";
    /// In the story's paragraph that follows a calculator: its sentence,
    /// the "your scenario" line and its button back.
    pub const FOLLOW_TEXT: &str = "follow-text";
    pub const FOLLOW_TAG: &str = "follow-tag";
    pub const FOLLOW_BACK: &str = "follow-back";
}

/// A class as a selector: `.calc-inputs`.
pub fn selector(class: &str) -> String {
    format!(".{class}")
}

/// Attributes one side writes and the other reads.
pub mod attr {
    /// On a card (`.calc`) once the app drives it.
    pub const LIVE: &str = "data-live";
    /// On `<html>` once every card on the page is live.
    pub const READY: &str = "data-ready";
    /// On the drawing's box: the kind of chart drawn (`lines`, `bars`).
    pub const KIND: &str = "data-kind";
    /// On a share bar's buttons: an [`super::Action`].
    pub const ACTION: &str = "data-action";
    /// On the buttons under the inputs: an [`super::Button`].
    pub const EXTRA: &str = "data-extra";
    /// On the story's paragraph that follows a calculator: its id.
    pub const FOLLOW: &str = "data-follow";
    /// On the story's yuan notes: the fact they convert.
    pub const FACT: &str = "data-fact";
    /// On `<html>`: the colours (`light`, `dark`; none for the system's).
    pub const THEME: &str = "data-theme";
    /// On `<html>`: the currency (`cny`; none for US dollars) and its rate.
    pub const CUR: &str = "data-cur";
    pub const FX: &str = "data-fx";
    /// On `<html>`: the share image's QR encoder, a script loaded only
    /// when a reader asks for a share image.
    pub const QR: &str = "data-qr";
}

/// The elements of one input, by id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Control {
    /// The number field (also a converter's field).
    Field,
    /// The slider.
    Slider,
    /// Why the field's text was refused.
    Error,
    /// The help line under it.
    Help,
}

impl Control {
    fn suffix(self) -> &'static str {
        match self {
            Control::Field => "",
            Control::Slider => "-range",
            Control::Error => "-error",
            Control::Help => "-help",
        }
    }
}

/// The id of one of an input's elements: `market-growth-rate-range`.
pub fn control_id(calc: &str, key: &str, control: Control) -> String {
    format!("{calc}-{key}{}", control.suffix())
}

/// The id of another element of the input whose field is `field`:
/// `sibling_id("payback-delay", Control::Error)` is `payback-delay-error`.
pub fn sibling_id(field: &str, control: Control) -> String {
    format!("{field}{}", control.suffix())
}

/// The input key and element an input event's target id names, if it is a
/// field or slider of calculator `calc`.
pub fn read_control_id<'a>(calc: &str, id: &'a str) -> Option<(&'a str, Control)> {
    let key = id.strip_prefix(calc)?.strip_prefix('-')?;
    match key.strip_suffix(Control::Slider.suffix()) {
        Some(key) => Some((key, Control::Slider)),
        None => Some((key, Control::Field)),
    }
}

/// What a share bar's button does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Share,
    Embed,
    Newsletter,
    /// The share image: the card as set with a QR code of its address.
    ShareImage,
    Png,
    Svg,
    Csv,
}

impl Action {
    pub const ALL: [Action; 7] = [Action::Share, Action::Embed, Action::Newsletter, Action::ShareImage, Action::Png, Action::Svg, Action::Csv];

    /// Its `data-action` value, which is also its `data-testid`.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Share => "share",
            Action::Embed => "embed",
            Action::Newsletter => "newsletter",
            Action::ShareImage => "share-image",
            Action::Png => "png",
            Action::Svg => "svg",
            Action::Csv => "csv",
        }
    }

    pub fn parse(s: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.as_str() == s)
    }
}

/// A button under a card's inputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Button {
    /// Every input back to its default.
    Reset,
    /// The calculator's extra number `i` (`Extra::SetInput`).
    Extra(usize),
}

impl Button {
    /// Its `data-extra` value.
    pub fn value(self) -> String {
        match self {
            Button::Reset => "reset".to_string(),
            Button::Extra(i) => i.to_string(),
        }
    }

    pub fn parse(s: &str) -> Option<Button> {
        match s {
            "reset" => Some(Button::Reset),
            _ => s.parse().ok().map(Button::Extra),
        }
    }
}

/// The Embed dialog's elements, by id, and its radio groups, by name.
pub mod dialog {
    use super::{ColorScheme, Currency, Layout};

    pub const DIALOG: &str = "embed-dialog";
    pub const TITLE: &str = "embed-title";
    /// The snippet's text.
    pub const CODE: &str = "embed-code";
    pub const COPY: &str = "embed-copy";
    pub const CLOSE: &str = "embed-close";
    /// Says whether the copy worked.
    pub const STATUS: &str = "embed-status";
    /// The live preview's frame.
    pub const PREVIEW: &str = "embed-preview";
    /// The radio groups' names.
    pub const THEME: &str = "embed-theme";
    pub const LAYOUT: &str = "embed-layout";
    pub const CURRENCY: &str = "embed-cur";
    pub const LANG: &str = "embed-lang";

    /// Every fixed id, for tests of the markup.
    pub const IDS: [&str; 6] = [TITLE, CODE, COPY, CLOSE, STATUS, PREVIEW];

    /// The radio button for colours `scheme`: `embed-theme-dark`.
    pub fn theme(scheme: ColorScheme) -> String {
        format!("{THEME}-{}", scheme.as_str())
    }

    /// The radio button for `layout`: `embed-layout-tabs`.
    pub fn layout(layout: Layout) -> String {
        format!("{LAYOUT}-{}", layout.as_str())
    }

    /// The radio button for `currency`: `embed-cur-cny`.
    pub fn currency(currency: Currency) -> String {
        format!("{CURRENCY}-{}", currency.code())
    }

    /// The radio button for the widget's language: `embed-lang-zh-Hans`.
    pub fn lang(lang: crate::text::format::Lang) -> String {
        format!("{LANG}-{}", lang.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_inputs_ids_read_back_as_the_key_and_control_they_name() {
        for control in [Control::Field, Control::Slider] {
            let id = control_id("market-growth", "rate", control);
            assert_eq!(read_control_id("market-growth", &id), Some(("rate", control)));
        }
        assert_eq!(control_id("payback", "delay", Control::Slider), "payback-delay-range");
        assert_eq!(read_control_id("payback", "market-growth-rate"), None, "another card's control");
        assert_eq!(read_control_id("payback", "paybackdelay"), None);
    }

    #[test]
    fn actions_and_buttons_read_back() {
        for a in Action::ALL {
            assert_eq!(Action::parse(a.as_str()), Some(a));
        }
        assert_eq!(Action::parse("explode"), None);
        for b in [Button::Reset, Button::Extra(0), Button::Extra(3)] {
            assert_eq!(Button::parse(&b.value()), Some(b));
        }
        assert_eq!(Button::parse("-1"), None);
        assert_eq!(dialog::theme(ColorScheme::Dark), "embed-theme-dark");
        assert_eq!(dialog::currency(Currency::Cny), "embed-cur-cny");
    }
}
