//! Saved web pages: the article's own text without the page's furniture,
//! its title, its canonical address and the publication date its metadata
//! gives. The page is parsed (html5ever, through `dom_query`), never run:
//! scripts, styles and remote resources are dropped with the furniture, and
//! what comes out is plain text.

use chrono::NaiveDate;
use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};

/// What a saved page gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The headline, if the page names one.
    pub title: Option<String>,
    /// The article's text: paragraphs separated by blank lines.
    pub text: String,
    /// The publication date from the page's metadata, with where it was read.
    pub published: Option<(NaiveDate, &'static str)>,
    /// `<link rel="canonical">` or `og:url`.
    pub url: Option<String>,
}

/// Elements whose text is never article text.
const NOT_TEXT: &str = "script, style, noscript, template, iframe, object, embed, svg, canvas, form, button, select";

/// Reads a saved page. `None` when it holds no text at all.
pub fn read(html: &str) -> Option<Page> {
    let document = Document::from(html);
    let published = published(&document);
    let url = first_attr(&document, &[("link[rel=canonical]", "href"), ("meta[property=\"og:url\"]", "content")]);
    document.select(NOT_TEXT).remove();
    let fallback_title = first_attr(&document, &[("meta[property=\"og:title\"]", "content")])
        .or_else(|| clean(&document.select("title").text()));
    let config = Config { text_mode: TextMode::Formatted, ..Config::default() };
    let (title, text) = match Readability::with_document(document.clone(), None, Some(config))
        .ok()
        .and_then(|mut r| r.parse().ok())
        .filter(|a| !a.text_content.trim().is_empty())
    {
        Some(article) => (clean(&article.title).or(fallback_title), article.text_content.to_string()),
        // Too little prose for the reader's scoring: all the body's text.
        None => {
            document.select("nav, header, footer, aside").remove();
            (fallback_title, document.select("body").formatted_text().to_string())
        }
    };
    let text = paragraphs(&text);
    if text.is_empty() {
        return None;
    }
    Some(Page { title, text, published, url })
}

/// The page as an article text: its title as the first line, then the body.
pub fn article_text(page: &Page) -> String {
    match &page.title {
        // A body that starts with its own headline does not repeat it.
        Some(t) if !page.text.starts_with(t.as_str()) => format!("{t}\n\n{}", page.text),
        _ => page.text.clone(),
    }
}

/// Publication-date metadata, most specific first.
const DATE_SOURCES: &[(&str, &str, &str)] = &[
    ("meta[property=\"article:published_time\"]", "content", "article:published_time"),
    ("meta[name=\"article:published_time\"]", "content", "article:published_time"),
    ("meta[itemprop=\"datePublished\"]", "content", "itemprop datePublished"),
    ("meta[name=\"pubdate\"]", "content", "meta pubdate"),
    ("meta[name=\"publish-date\"]", "content", "meta publish-date"),
    ("meta[name=\"date\"]", "content", "meta date"),
    ("meta[name=\"dc.date\"]", "content", "meta dc.date"),
    ("meta[name=\"DC.date.issued\"]", "content", "meta DC.date.issued"),
];

fn published(document: &Document) -> Option<(NaiveDate, &'static str)> {
    for (selector, attribute, source) in DATE_SOURCES {
        if let Some(d) = document.select(selector).iter().find_map(|m| m.attr(attribute).and_then(|v| iso_day(&v))) {
            return Some((d, source));
        }
    }
    if let Some(d) =
        document.select("script[type=\"application/ld+json\"]").iter().find_map(|s| json_ld_date(&s.text()))
    {
        return Some((d, "JSON-LD datePublished"));
    }
    // A <time> marked as the publication time, then the first one in the article.
    for selector in ["time[pubdate]", "time[itemprop=\"datePublished\"]", "article time[datetime]", "time[datetime]"] {
        if let Some(d) = document.select(selector).iter().find_map(|t| t.attr("datetime").and_then(|v| iso_day(&v))) {
            return Some((d, "<time datetime>"));
        }
    }
    None
}

/// `datePublished` anywhere in a JSON-LD block (an object, an array, or a `@graph`).
fn json_ld_date(block: &str) -> Option<NaiveDate> {
    fn walk(v: &serde_json::Value) -> Option<NaiveDate> {
        match v {
            serde_json::Value::Object(map) => map
                .get("datePublished")
                .and_then(|d| d.as_str())
                .and_then(iso_day)
                .or_else(|| map.values().find_map(walk)),
            serde_json::Value::Array(items) => items.iter().find_map(walk),
            _ => None,
        }
    }
    walk(&serde_json::from_str(block.trim()).ok()?)
}

/// The day of an ISO 8601 date or date-time (`2023-04-19`,
/// `2023-04-19T08:30:00+03:00`): the day as the publisher wrote it.
fn iso_day(value: &str) -> Option<NaiveDate> {
    let v = value.trim();
    let day = v.get(..10)?;
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok().filter(|_| v.len() == 10 || v[10..].starts_with(['T', ' ', 't']))
}

fn first_attr(document: &Document, selectors: &[(&str, &str)]) -> Option<String> {
    selectors.iter().find_map(|(selector, attribute)| {
        document.select(selector).iter().find_map(|m| m.attr(attribute).and_then(|v| clean(&v)))
    })
}

fn clean(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

/// Paragraphs with their inner whitespace collapsed, separated by blank lines.
fn paragraphs(text: &str) -> String {
    text.split("\n\n").flat_map(|block| block.split('\n')).filter_map(clean).collect::<Vec<_>>().join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html><head>
<title>Ministers meet in Moscow | Example News</title>
<meta property="og:title" content="Ministers meet in Moscow">
<meta property="article:published_time" content="2023-04-19T08:30:00+03:00">
<link rel="canonical" href="https://news.example/2023/04/ministers-meet">
<script>document.write("not text")</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Ministers meet in Moscow</h1>
<p>The Chinese and Russian defence ministers held talks in Moscow on Tuesday, the two ministries said.</p>
<p>They discussed military cooperation and joint exercises planned for the coming year, according to a statement.</p>
<p onclick="alert(1)">Neither side gave details of the exercises or of where they would be held.</p>
</article>
<aside>Related: <a href="/x">Other story</a></aside>
<footer>Copyright Example News</footer>
</body></html>"#;

    #[test]
    fn a_saved_page_gives_its_text_title_date_and_address() {
        let page = read(PAGE).expect("readable");
        assert_eq!(page.title.as_deref(), Some("Ministers meet in Moscow"));
        assert_eq!(page.published, Some((NaiveDate::from_ymd_opt(2023, 4, 19).unwrap(), "article:published_time")));
        assert_eq!(page.url.as_deref(), Some("https://news.example/2023/04/ministers-meet"));
        assert!(page.text.contains("held talks in Moscow on Tuesday"), "{}", page.text);
        for furniture in ["Home", "Related", "Copyright", "document.write", "alert"] {
            assert!(!page.text.contains(furniture), "{furniture} in {}", page.text);
        }
    }

    #[test]
    fn json_ld_and_time_elements_give_the_date_when_no_meta_does() {
        let ld = r#"<html><head><script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2024-10-14T06:00:00Z"}]}</script></head><body><p>Some text here about a visit.</p></body></html>"#;
        assert_eq!(
            read(ld).unwrap().published,
            Some((NaiveDate::from_ymd_opt(2024, 10, 14).unwrap(), "JSON-LD datePublished"))
        );
        let time = r#"<html><body><article><time datetime="2021-08-09">9 August</time><p>Text of the report.</p></article></body></html>"#;
        assert_eq!(
            read(time).unwrap().published,
            Some((NaiveDate::from_ymd_opt(2021, 8, 9).unwrap(), "<time datetime>"))
        );
    }

    #[test]
    fn dates_that_are_not_iso_days_are_not_read() {
        assert_eq!(iso_day("2023-04-19"), NaiveDate::from_ymd_opt(2023, 4, 19));
        assert_eq!(iso_day("2023-02-30T00:00"), None);
        assert_eq!(iso_day("April 19, 2023"), None);
        assert_eq!(iso_day("2023-04-1999"), None);
    }

    #[test]
    fn a_page_without_text_is_none() {
        assert_eq!(read("<html><head><script>x()</script></head><body> </body></html>"), None);
    }
}
