//! The reader's display preferences: colours and currency. Read from a
//! link (`theme`, `cur`, `fx`), from `<html data-theme data-cur data-fx>`
//! (which the pages' own scripts set before the first paint), and
//! remembered by the story page under the keys below.

use crate::content::facts;
use crate::text::format::{Currency, Money};
use crate::text::num;
use crate::web::pages::compact_js;

/// The colours a page is shown in: the reader's choice on the story page,
/// the link's in an embed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ColorScheme {
    /// Follows the reader's system setting.
    #[default]
    Auto,
    Light,
    Dark,
}

impl ColorScheme {
    pub fn parse(s: &str) -> Option<ColorScheme> {
        match s {
            "auto" => Some(ColorScheme::Auto),
            "light" => Some(ColorScheme::Light),
            "dark" => Some(ColorScheme::Dark),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ColorScheme::Auto => "auto",
            ColorScheme::Light => "light",
            ColorScheme::Dark => "dark",
        }
    }
}

/// The rate yuan are shown at unless the reader chooses another: the one
/// the report's two amounts for the same subsidy imply.
pub fn default_rate() -> f64 {
    facts::value(facts::id::SUBSIDY_RATE).unwrap_or(7.0)
}

/// A rate as a link or the embed API gives it (`fx`), if it is a number
/// within [`Money::RATES`].
pub fn read_rate(fx: &str) -> Option<f64> {
    num::parse(fx).filter(|r| *r >= Money::RATES.0 && *r <= Money::RATES.1)
}

/// The currency a link or page asks for (`cur=usd|cny`, `fx=<yuan per US
/// dollar>`): dollars unless it asks for yuan; yuan at the default rate
/// unless it gives a rate in range.
pub fn read_money(cur: Option<&str>, fx: Option<&str>) -> Money {
    match cur.and_then(Currency::parse) {
        Some(Currency::Cny) => {
            let rate = fx.and_then(read_rate).unwrap_or_else(default_rate);
            Money { currency: Currency::Cny, rate }
        }
        _ => Money::USD,
    }
}

/// A rate as a link writes it: at most four decimals.
pub fn rate_text(rate: f64) -> String {
    crate::text::format::trimmed(rate, 4)
}

/// Where the story page remembers the reader's colour choice.
pub const THEME_KEY: &str = "china-ai:theme";

/// Where the story page remembers the reader's currency (`usd` or `cny`)
/// and rate.
pub const CURRENCY_KEY: &str = "china-ai:currency";
pub const RATE_KEY: &str = "china-ai:fx";

/// The story page's colour and currency switches, working before (and
/// without) the WebAssembly: `prefs.js`, with the storage keys and the
/// accepted rates filled in.
pub fn prefs_script() -> String {
    let (lo, hi) = crate::text::format::Money::RATES;
    let js = compact_js(include_str!("prefs.js"))
        .replace("THEME_KEY", THEME_KEY)
        .replace("CURRENCY_KEY", CURRENCY_KEY)
        .replace("RATE_KEY", RATE_KEY)
        .replace("RATE_LO", &lo.to_string())
        .replace("RATE_HI", &hi.to_string());
    format!("<script>{js}</script>")
}
