//! The two HTML documents of a release build, made from the one that Trunk
//! writes: `embed.html` (the same bundle, marked to render one widget) and
//! `index.html` with the story's HTML already in its body, so words arrive
//! before the WebAssembly.

/// Marks Trunk's index.html (minified or not) as the embed page:
/// `data-page="embed"` and its own title. Returns
/// `None` when the document does not have the expected shape.
pub fn embed_page(index: &str) -> Option<String> {
    let html = insert_after_tag_name(index, "<html", " data-page=\"embed\"")?;
    let title_start = html.find("<title>")?;
    let title_end = html[title_start..].find("</title>")? + title_start + "</title>".len();
    let html = format!(
        "{}<title>Calculator · China’s AI race after DeepSeek</title>{}",
        &html[..title_start],
        &html[title_end..]
    );
    Some(replace_between(&html, "<noscript>", "</noscript>", "<p class=\"noscript\">This calculator needs JavaScript.</p>").unwrap_or(html))
}

/// Puts `story` (rendered HTML) at the start of index.html's body.
pub fn with_story(index: &str, story: &str) -> Option<String> {
    let open = index.find("<body")?;
    let at = index[open..].find('>')? + open + 1;
    Some(format!("{}\n{story}{}", &index[..at], &index[at..]))
}

/// Inserts `text` right after the tag name `tag` (e.g. `<html`).
fn insert_after_tag_name(html: &str, tag: &str, text: &str) -> Option<String> {
    let at = html.find(tag)? + tag.len();
    Some(format!("{}{text}{}", &html[..at], &html[at..]))
}

/// Replaces what stands between `open` and `close` (exclusive).
fn replace_between(text: &str, open: &str, close: &str, with: &str) -> Option<String> {
    let start = text.find(open)? + open.len();
    let end = text[start..].find(close)? + start;
    Some(format!("{}{with}{}", &text[..start], &text[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDEX: &str = "<!doctype html>\n<html lang=\"en\">\n<head><title>Story</title><script type=\"module\">import init from './a.js';</script></head>\n<body>\n<noscript><p>Long story message.</p></noscript>\n</body>\n</html>";

    #[test]
    fn embed_page_marks_the_document_and_keeps_the_bundle() {
        let e = embed_page(INDEX).unwrap();
        assert!(e.contains("<html data-page=\"embed\" lang=\"en\">"));
        assert!(e.contains("<title>Calculator · China’s AI race after DeepSeek</title>"));
        assert!(e.contains("import init from './a.js';"), "same bundle");
        assert!(e.contains("This calculator needs JavaScript.") && !e.contains("Long story"));
        assert_eq!(embed_page("<html>"), None);
    }

    #[test]
    fn minified_documents_work_too() {
        let min = "<!doctype html><html lang=en><title>Story</title><script type=module>x</script><body><noscript><p>Long.</p></noscript></body></html>";
        let e = embed_page(min).unwrap();
        assert!(e.starts_with("<!doctype html><html data-page=\"embed\" lang=en>"));
        assert!(e.contains("This calculator needs JavaScript."));
        assert!(with_story(min, "<main id=story>W</main>").unwrap().contains("<body>\n<main id=story>W</main><noscript>"));
    }

    #[test]
    fn story_goes_first_in_the_body() {
        let s = with_story(INDEX, "<main id=\"story\">Words</main>").unwrap();
        assert!(s.contains("<body>\n<main id=\"story\">Words</main>\n<noscript>"));
    }
}
