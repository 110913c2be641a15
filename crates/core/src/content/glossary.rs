//! Names and terms of the Chinese edition, compiled from
//! `content/glossary.toml`: the forms in common use in Chinese business
//! media, and the Latin a Chinese page may hold.

include!(concat!(env!("OUT_DIR"), "/glossary_data.rs"));

/// The Chinese form of an English name or term.
pub fn zh(en: &str) -> Option<&'static str> {
    TERMS.iter().find(|(e, _)| *e == en).map(|&(_, z)| z)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_have_their_chinese_forms_and_kept_originals_are_allowed() {
        assert_eq!(zh("Morgan Stanley"), Some("摩根士丹利"));
        assert_eq!(zh("Nvidia"), Some("英伟达"));
        assert_eq!(zh("Tesla"), None);
        for kept in ["DeepSeek", "MiniMax", "Info Finance", "Gartner", "AI", "H20", "CSV"] {
            assert!(LATIN.contains(&kept), "{kept} may appear on a Chinese page");
        }
        // No English word slips in through the list.
        assert!(!LATIN.iter().any(|t| ["the", "and", "of"].contains(t)));
    }
}
