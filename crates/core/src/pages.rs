//! The two HTML documents of a release build, made from the one that Trunk
//! writes: `embed.html` (the same bundle, marked to render one widget) and
//! `index.html` with the story's HTML already in its body, so words arrive
//! before the WebAssembly.

/// Marks Trunk's index.html as the embed page: `data-page="embed"`, its own
/// title and description, kept out of search results. Returns `None` when
/// the document does not have the expected shape.
pub fn embed_page(index: &str) -> Option<String> {
    let html = replace_once(index, "<html lang=\"en\">", "<html lang=\"en\" data-page=\"embed\">")?;
    let title_start = html.find("<title>")?;
    let title_end = html[title_start..].find("</title>")? + title_start + "</title>".len();
    let html = format!(
        "{}<title>Calculator · China’s AI race after DeepSeek</title>\n    <meta name=\"robots\" content=\"noindex\" />{}",
        &html[..title_start],
        &html[title_end..]
    );
    Some(replace_between(&html, "<noscript>", "</noscript>", "<p class=\"noscript\">This calculator needs JavaScript.</p>").unwrap_or(html))
}

/// Puts `story` (rendered HTML) at the start of index.html's body.
pub fn with_story(index: &str, story: &str) -> Option<String> {
    let at = index.find("<body>")? + "<body>".len();
    Some(format!("{}\n{story}{}", &index[..at], &index[at..]))
}

fn replace_once(text: &str, from: &str, to: &str) -> Option<String> {
    let at = text.find(from)?;
    Some(format!("{}{to}{}", &text[..at], &text[at + from.len()..]))
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
        assert!(e.contains("<html lang=\"en\" data-page=\"embed\">"));
        assert!(e.contains("<title>Calculator · China’s AI race after DeepSeek</title>"));
        assert!(e.contains("noindex"));
        assert!(e.contains("import init from './a.js';"), "same bundle");
        assert!(e.contains("This calculator needs JavaScript.") && !e.contains("Long story"));
        assert_eq!(embed_page("<html>"), None);
    }

    #[test]
    fn story_goes_first_in_the_body() {
        let s = with_story(INDEX, "<main id=\"story\">Words</main>").unwrap();
        assert!(s.contains("<body>\n<main id=\"story\">Words</main>\n<noscript>"));
    }
}
