//! Every kind of file an analyst keeps articles in, read into documents:
//! plain text and Markdown, saved web pages, PDF (its text layer), Word
//! (.docx), e-mail (.eml), RSS and Atom feeds, and JSON-lines or CSV
//! corpora. A file may hold several articles (a feed's items, a corpus's
//! rows); each becomes a [`Document`]. Nothing in a file is ever run.

use std::io::Read;
use std::path::Path;

use chrono::NaiveDate;

use crate::html;
use crate::text::{self, Limits, ReadError};
use crate::timex::Tagger;

/// The kinds of file read, by extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Pdf,
    Docx,
    Eml,
    Feed,
    Jsonl,
    Csv,
}

impl Format {
    /// The format a file's name says it is in, if one that is read.
    pub fn of(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match extension.as_str() {
            "txt" | "text" => Format::Text,
            "md" | "markdown" => Format::Markdown,
            "html" | "htm" | "xhtml" => Format::Html,
            "pdf" => Format::Pdf,
            "docx" => Format::Docx,
            "eml" => Format::Eml,
            "rss" | "atom" | "xml" => Format::Feed,
            "jsonl" | "ndjson" => Format::Jsonl,
            "csv" => Format::Csv,
            _ => return None,
        })
    }

    /// File name extensions read, for the import dialog.
    pub const EXTENSIONS: &[&str] = &[
        "txt", "text", "md", "markdown", "html", "htm", "xhtml", "pdf", "docx", "eml", "rss", "atom", "xml", "jsonl",
        "ndjson", "csv",
    ];
}

/// One article read from a file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// Which of the file's articles this is ("item 3", "row 12"), when the
    /// file holds several; stored after the file's path.
    pub part: Option<String>,
    pub text: String,
    /// The publication date the file's own metadata gives, and where it was
    /// read (a page's `article:published_time`, a feed item's date, a
    /// corpus's date column).
    pub published: Option<(NaiveDate, String)>,
    /// A date that is only a candidate: an e-mail's `Date:` header is when
    /// the newsletter was sent, so a byline or dateline in the text wins.
    pub sent: Option<(NaiveDate, String)>,
    /// The article's address (canonical URL, feed item link, URL column).
    pub url: Option<String>,
    /// Why this one of a file's articles cannot be read (a corpus line that
    /// is not JSON): it fails alone, the file's others are read.
    pub error: Option<String>,
}

impl Document {
    fn failed(part: String, error: String) -> Document {
        Document { part: Some(part), error: Some(error), ..Document::default() }
    }
}

/// How files are read: the limits, and the columns a corpus's fields are
/// in when the analyst chose them (otherwise they are found by name).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadOptions {
    pub limits: Limits,
    pub columns: ColumnChoice,
}

/// Columns chosen by name for a JSONL or CSV corpus; `None` is "find it".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColumnChoice {
    pub text: Option<String>,
    pub title: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
}

/// Reads the articles of a file in the given format.
pub fn read(path: &Path, format: Format, options: &ReadOptions) -> Result<Vec<Document>, String> {
    let bytes = text::read_bytes(path, &options.limits).map_err(|e| e.to_string())?;
    read_bytes(&bytes, format, options)
}

/// [`read`] on bytes already read. A reader that panics on a hostile file
/// (a bug, in this crate or a parser it uses) fails that file alone.
pub fn read_bytes(bytes: &[u8], format: Format, options: &ReadOptions) -> Result<Vec<Document>, String> {
    std::panic::catch_unwind(|| read_unguarded(bytes, format, options)).map_err(|_| {
        "the file could not be read (the reader failed on it: please report it with the file)".to_string()
    })?
}

fn read_unguarded(bytes: &[u8], format: Format, options: &ReadOptions) -> Result<Vec<Document>, String> {
    let limits = &options.limits;
    let decode = |b: &[u8]| text::decode(b).map_err(|e| e.to_string());
    let docs = match format {
        Format::Text => vec![Document { text: decode(bytes)?, ..Document::default() }],
        Format::Markdown => vec![Document { text: markdown(&decode(bytes)?), ..Document::default() }],
        Format::Html => vec![page(&decode(bytes)?)?],
        Format::Pdf => vec![pdf(bytes)?],
        Format::Docx => vec![docx(bytes, limits)?],
        Format::Eml => vec![eml(bytes)?],
        Format::Feed => feed(bytes)?,
        Format::Jsonl => jsonl(&decode(bytes)?, &options.columns)?,
        Format::Csv => csv(&decode(bytes)?, &options.columns)?,
    };
    let several = docs.len() > 1;
    let mut out = Vec::with_capacity(docs.len());
    for mut d in docs {
        if d.error.is_none() && d.text.trim().is_empty() {
            continue;
        }
        if let Err(e) = text::check_lines(&d.text, limits) {
            // One article of several fails alone; a file that is one fails.
            if !several {
                return Err(e.to_string());
            }
            d.error = Some(e.to_string());
        }
        out.push(d);
    }
    if out.is_empty() {
        return Err(ReadError::Blank.to_string());
    }
    Ok(out)
}

/// Markdown as the text it shows: headings, paragraphs and list items on
/// lines of their own, emphasis and link syntax gone. Raw HTML in it is
/// dropped, never kept as markup.
fn markdown(source: &str) -> String {
    use pulldown_cmark::{Event, Parser, TagEnd};
    let mut out = String::new();
    for event in Parser::new(source) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::End(TagEnd::Heading(_) | TagEnd::Paragraph | TagEnd::Item | TagEnd::BlockQuote(_)) => {
                out.push_str("\n\n")
            }
            _ => {}
        }
    }
    out.trim().to_string()
}

/// Nesting deeper than this is not a saved article but an attack on the
/// parser's time.
const MAX_HTML_DEPTH: usize = 1_000;

fn page(source: &str) -> Result<Document, String> {
    check_html(source)?;
    let page = html::read(source).ok_or("the page holds no text")?;
    Ok(Document {
        text: html::article_text(&page),
        published: page.published.map(|(d, s)| (d, s.to_string())),
        url: page.url.clone(),
        ..Document::default()
    })
}

/// Elements more than this make a page too costly to read (a saved news
/// page has some thousands).
const MAX_HTML_ELEMENTS: usize = 500_000;

/// Refuses HTML the parser and the reader's scoring would take too long on:
/// nesting deeper than [`MAX_HTML_DEPTH`] or more than [`MAX_HTML_ELEMENTS`].
pub(crate) fn check_html(source: &str) -> Result<(), String> {
    let (depth, elements) = html_shape(source);
    if depth > MAX_HTML_DEPTH {
        return Err(format!("HTML nested more than {MAX_HTML_DEPTH} levels deep: not a saved article"));
    }
    if elements > MAX_HTML_ELEMENTS {
        return Err(format!("HTML of more than {MAX_HTML_ELEMENTS} elements: not a saved article"));
    }
    Ok(())
}

/// How deeply a page's elements nest, and how many there are, by one pass
/// over its tags, as a parser would see them: an end tag closes the element
/// it names and those opened inside it, a stray one closes nothing; elements
/// closed implicitly (`<p>`, `<li>`) and void ones do not nest; comments and
/// the insides of scripts and styles are skipped.
fn html_shape(source: &str) -> (usize, usize) {
    const NOT_NESTING: &[&str] = &[
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "br", "hr", "img", "meta", "link", "input", "area", "base",
        "col", "embed", "source", "track", "wbr",
    ];
    let bytes = source.as_bytes();
    let mut stack: Vec<String> = Vec::new();
    let mut open: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let (mut max, mut elements) = (0usize, 0usize);
    let mut i = 0;
    while let Some(offset) = memchr::memchr(b'<', &bytes[i..]) {
        let lt = i + offset;
        if bytes[lt..].starts_with(b"<!--") {
            i = find(&bytes[lt + 4..], b"-->").map_or(bytes.len(), |e| lt + 4 + e + 3);
            continue;
        }
        let closing = bytes.get(lt + 1) == Some(&b'/');
        let name_start = lt + 1 + usize::from(closing);
        let name_len = bytes[name_start..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        if name_len == 0 {
            i = lt + 1;
            continue;
        }
        let name = source[name_start..name_start + name_len].to_ascii_lowercase();
        let gt =
            memchr::memchr(b'>', &bytes[name_start + name_len..]).map_or(bytes.len(), |e| name_start + name_len + e);
        i = (gt + 1).min(bytes.len());
        if closing {
            if open.get(&name).is_some_and(|n| *n > 0) {
                while let Some(top) = stack.pop() {
                    if let Some(n) = open.get_mut(&top) {
                        *n -= 1;
                    }
                    if top == name {
                        break;
                    }
                }
            }
            continue;
        }
        elements += 1;
        if name == "script" || name == "style" {
            // Raw text up to its end tag: what is in it is not markup.
            let mut j = i;
            i = bytes.len();
            while let Some(e) = find(&bytes[j..], b"</") {
                let at = j + e + 2;
                if bytes.len() >= at + name.len() && bytes[at..at + name.len()].eq_ignore_ascii_case(name.as_bytes()) {
                    i = at;
                    break;
                }
                j = at;
            }
            continue;
        }
        let self_closing = gt > 0 && gt < bytes.len() && bytes[gt - 1] == b'/';
        if NOT_NESTING.contains(&name.as_str()) || self_closing {
            continue;
        }
        *open.entry(name.clone()).or_default() += 1;
        stack.push(name);
        max = max.max(stack.len());
    }
    (max, elements)
}

/// The most a PDF's compressed streams may expand to: one, and all together.
const MAX_PDF_STREAM: u64 = 64 * 1024 * 1024;
const MAX_PDF_EXPANDED: u64 = 256 * 1024 * 1024;
/// Forms drawn inside forms, at most (real documents nest a few).
const MAX_PDF_FORM_DEPTH: usize = 32;

fn pdf(bytes: &[u8]) -> Result<Document, String> {
    if !bytes.starts_with(b"%PDF") {
        return Err("not a PDF file".into());
    }
    pdf_guard(bytes)?;
    let text = pdf_extract::extract_text_from_mem(bytes).map_err(|e| format!("the PDF cannot be read ({e})"))?;
    // Page layout to prose: lines of a paragraph joined, hyphenated breaks mended.
    let text = reflow(&text);
    if text.trim().is_empty() {
        return Err("not a PDF with a text layer (a scan needs OCR first)".into());
    }
    Ok(Document { text, ..Document::default() })
}

/// Refuses a PDF the text extractor could not survive: a compressed stream
/// that expands past the limits (a decompression bomb), or forms that draw
/// each other in a loop or nest absurdly deep (the extractor follows them
/// by recursion, and a stack overflow ends the process, not just the file).
fn pdf_guard(bytes: &[u8]) -> Result<(), String> {
    // Every stream, found in the raw bytes (object streams included, before
    // any parser inflates them), inflated with a cap.
    let mut total = 0u64;
    let mut at = 0;
    while let Some(found) = find(&bytes[at..], b"stream") {
        let start = at + found + b"stream".len();
        at = start;
        let body = match bytes[start..] {
            [b'\r', b'\n', ..] => start + 2,
            [b'\n', ..] | [b'\r', ..] => start + 1,
            _ => continue,
        };
        let end = find(&bytes[body..], b"endstream").map_or(bytes.len(), |e| body + e);
        let mut inflated = std::io::Read::take(flate2::read::ZlibDecoder::new(&bytes[body..end]), MAX_PDF_STREAM + 1);
        let n = std::io::copy(&mut inflated, &mut std::io::sink()).unwrap_or(0);
        if n > MAX_PDF_STREAM {
            return Err(format!(
                "a stream in the PDF expands past {} MB: refused (a decompression bomb?)",
                MAX_PDF_STREAM >> 20
            ));
        }
        total += n;
        if total > MAX_PDF_EXPANDED {
            return Err(format!("the PDF expands past {} MB: refused", MAX_PDF_EXPANDED >> 20));
        }
        at = (end + b"endstream".len()).min(bytes.len());
    }
    let doc = lopdf::Document::load_mem(bytes).map_err(|e| format!("the PDF cannot be read ({e})"))?;
    form_depth(&doc)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

/// Checks that no form (`/Subtype /Form` XObject) draws itself, directly or
/// through others, and that forms nest at most [`MAX_PDF_FORM_DEPTH`] deep.
/// A form without resources of its own uses those of what draws it.
fn form_depth(doc: &lopdf::Document) -> Result<(), String> {
    use lopdf::{Object, ObjectId};
    use std::collections::{BTreeMap, BTreeSet};
    let resolve = |o: &'_ Object| -> Option<Object> {
        match o {
            Object::Reference(id) => doc.get_object(*id).ok().cloned(),
            other => Some(other.clone()),
        }
    };
    // The forms listed in a resources dictionary.
    let forms_in = |resources: Option<Object>| -> Vec<ObjectId> {
        let Some(Object::Dictionary(r)) = resources else { return Vec::new() };
        let Some(Object::Dictionary(x)) = r.get(b"XObject").ok().and_then(resolve) else { return Vec::new() };
        x.iter()
            .filter_map(|(_, o)| o.as_reference().ok())
            .filter(|id| {
                matches!(doc.get_object(*id), Ok(Object::Stream(s))
                    if s.dict.get(b"Subtype").and_then(Object::as_name).is_ok_and(|n| n == b"Form"))
            })
            .collect()
    };
    let draws = |id: ObjectId| match doc.get_object(id) {
        Ok(Object::Stream(s)) => {
            s.decompressed_content().unwrap_or_else(|_| s.content.clone()).windows(2).any(|w| w == b"Do")
        }
        _ => false,
    };
    let own_resources = |id: ObjectId| -> Option<Object> {
        match doc.get_object(id) {
            Ok(Object::Stream(s)) => s.dict.get(b"Resources").ok().and_then(resolve),
            _ => None,
        }
    };
    // Edges: what each form draws from.
    let mut edges: BTreeMap<ObjectId, BTreeSet<ObjectId>> = BTreeMap::new();
    let mut containers: Vec<(Option<ObjectId>, Vec<ObjectId>)> = Vec::new();
    for page in doc.get_pages().values() {
        let resources = doc.get_dictionary(*page).ok().and_then(|d| d.get(b"Resources").ok()).and_then(resolve);
        containers.push((None, forms_in(resources)));
    }
    let mut seen: BTreeSet<ObjectId> = BTreeSet::new();
    while let Some((parent, forms)) = containers.pop() {
        for &form in &forms {
            if let Some(p) = parent {
                edges.entry(p).or_default().insert(form);
            }
            let own = own_resources(form);
            let children = match own {
                Some(_) => forms_in(own),
                // No resources of its own: it draws from its parent's, if it draws at all.
                None if draws(form) => forms.clone(),
                None => Vec::new(),
            };
            if seen.insert(form) {
                containers.push((Some(form), children));
            } else {
                edges.entry(form).or_default().extend(children);
            }
        }
    }
    // Depth-first without recursion, each form once: a form met again on
    // its own path is a loop; the depth of each is memoised.
    let mut depth: BTreeMap<ObjectId, usize> = BTreeMap::new();
    for &root in edges.keys() {
        if depth.contains_key(&root) {
            continue;
        }
        let mut path: Vec<(ObjectId, Vec<ObjectId>)> = vec![(root, edges[&root].iter().copied().collect())];
        let mut on_path: BTreeSet<ObjectId> = BTreeSet::from([root]);
        while let Some((node, next)) = path.last_mut() {
            match next.pop() {
                Some(child) if on_path.contains(&child) => {
                    return Err("the PDF's forms draw each other in a loop: refused".into());
                }
                Some(child) if depth.contains_key(&child) => {}
                Some(child) => {
                    on_path.insert(child);
                    path.push((child, edges.get(&child).map(|c| c.iter().copied().collect()).unwrap_or_default()));
                }
                None => {
                    let node = *node;
                    let d = 1 + edges
                        .get(&node)
                        .map_or(0, |c| c.iter().filter_map(|k| depth.get(k)).max().copied().unwrap_or(0));
                    if d > MAX_PDF_FORM_DEPTH {
                        return Err(format!("the PDF's forms nest more than {MAX_PDF_FORM_DEPTH} deep: refused"));
                    }
                    depth.insert(node, d);
                    on_path.remove(&node);
                    path.pop();
                }
            }
        }
    }
    Ok(())
}

/// Joins the lines of each paragraph of laid-out text (a blank line ends
/// a paragraph; a line ending in a hyphen continues the word).
fn reflow(text: &str) -> String {
    let mut out = String::new();
    for block in text.split("\n\n") {
        let mut para = String::new();
        for line in block.lines().map(str::trim).filter(|l| !l.is_empty()) {
            if para.ends_with('-') && line.starts_with(|c: char| c.is_lowercase()) {
                para.pop();
            } else if !para.is_empty() {
                para.push(' ');
            }
            para.push_str(line);
        }
        if !para.is_empty() {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(&para);
        }
    }
    out
}

/// The largest a .docx's text part may expand to (a zip bomb renamed .docx
/// must not fill memory).
const MAX_DOCX_XML: u64 = 64 * 1024 * 1024;

fn docx(bytes: &[u8], limits: &Limits) -> Result<Document, String> {
    let mut zip =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| "not a Word .docx file (not a zip archive)")?;
    let limit = MAX_DOCX_XML.min(limits.max_file_bytes.saturating_mul(8));
    let mut xml = String::new();
    {
        let part = zip.by_name("word/document.xml").map_err(|_| "not a Word .docx file (no word/document.xml)")?;
        part.take(limit + 1).read_to_string(&mut xml).map_err(|e| format!("the .docx is damaged ({e})"))?;
    }
    if xml.len() as u64 > limit {
        return Err(format!("the .docx expands to more than {} MB: refused (a zip bomb?)", limit / (1024 * 1024)));
    }
    let text = docx_text(&xml)?;
    let mut core = String::new();
    if let Ok(part) = zip.by_name("docProps/core.xml") {
        // The document's properties: small, and optional.
        let _ = part.take(1024 * 1024).read_to_string(&mut core);
    }
    let title = element_text(&core, "dc:title");
    let published = element_text(&core, "dcterms:created")
        .and_then(|created| NaiveDate::parse_from_str(created.get(..10)?, "%Y-%m-%d").ok());
    let text = match title {
        Some(t) if !text.starts_with(&t) => format!("{t}\n\n{text}"),
        _ => text,
    };
    // A document's creation date is when the file was made, not when the
    // article appeared: a candidate only.
    Ok(Document { text, sent: published.map(|d| (d, "document created".to_string())), ..Document::default() })
}

/// The paragraphs (`w:p`) of a document.xml, their runs' text (`w:t`) joined.
fn docx_text(xml: &str) -> Result<String, String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    let mut in_text = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) if e.name().as_ref() == "w:t" => in_text = true,
            Ok(Event::End(e)) if e.name().as_ref() == "w:t" => in_text = false,
            Ok(Event::Text(t)) if in_text => current.push_str(&t.xml10_content()),
            Ok(Event::GeneralRef(r)) if in_text => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    current.push(c);
                } else {
                    current.push_str(match &*r {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        _ => "",
                    });
                }
            }
            Ok(Event::Empty(e)) if matches!(e.name().as_ref(), "w:tab") => current.push(' '),
            Ok(Event::Empty(e)) if matches!(e.name().as_ref(), "w:br" | "w:cr") => current.push('\n'),
            Ok(Event::End(e)) if e.name().as_ref() == "w:p" => {
                let p = current.trim().to_string();
                if !p.is_empty() {
                    paragraphs.push(p);
                }
                current.clear();
            }
            Ok(Event::Eof) => break,
            Err(e) => return Err(format!("the .docx is damaged ({e})")),
            _ => {}
        }
    }
    Ok(paragraphs.join("\n\n"))
}

/// The text of the first `<name>` element of a small XML part.
fn element_text(xml: &str, name: &str) -> Option<String> {
    let start = xml.find(&format!("<{name}"))?;
    let start = start + xml[start..].find('>')? + 1;
    let end = start + xml[start..].find(&format!("</{name}>"))?;
    let t = quick_xml::escape::unescape(&xml[start..end]).ok()?.trim().to_string();
    (!t.is_empty()).then_some(t)
}

fn eml(bytes: &[u8]) -> Result<Document, String> {
    let message = mail_parser::MessageParser::default().parse(bytes).ok_or("not an e-mail message")?;
    let body = match message.body_text(0) {
        Some(t) if !t.trim().is_empty() => t.to_string(),
        _ => match message.body_html(0) {
            Some(h) => {
                check_html(&h)?;
                html::read(&h).map(|p| p.text).unwrap_or_default()
            }
            None => String::new(),
        },
    };
    if body.trim().is_empty() {
        return Err("the message has no text".into());
    }
    let text = match message.subject() {
        Some(s) if !s.trim().is_empty() => format!("{}\n\n{}", s.trim(), body.trim()),
        _ => body.trim().to_string(),
    };
    let sent = message
        .date()
        .and_then(|d| NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day)))
        .map(|d| (d, "e-mail Date header".to_string()));
    Ok(Document { text: text.replace("\r\n", "\n"), sent, ..Document::default() })
}

fn feed(bytes: &[u8]) -> Result<Vec<Document>, String> {
    let feed = feed_rs::parser::parse(bytes).map_err(|e| format!("not an RSS or Atom feed ({e})"))?;
    let mut out = Vec::new();
    for (i, entry) in feed.entries.iter().enumerate() {
        let title = entry.title.as_ref().map(|t| fragment_text(&t.content)).filter(|t| !t.is_empty());
        let body = entry
            .content
            .as_ref()
            .and_then(|c| c.body.as_deref())
            .or(entry.summary.as_ref().map(|s| s.content.as_str()))
            .map(fragment_text)
            .unwrap_or_default();
        let text = match title {
            Some(t) if !body.starts_with(&t) => format!("{t}\n\n{body}"),
            _ => body,
        };
        let published = entry.published.or(entry.updated).map(|d| (d.date_naive(), "feed item date".to_string()));
        let url = entry.links.first().map(|l| l.href.clone());
        // Named by what identifies the item, not its place in the feed:
        // the items of a feed fetched again have moved.
        let id = Some(entry.id.trim()).filter(|id| !id.is_empty()).map(str::to_string).or_else(|| url.clone());
        let part = id.map_or_else(|| format!("item {}", i + 1), |id| format!("item {id}"));
        out.push(Document { part: Some(part), text, published, url, ..Document::default() });
    }
    if out.is_empty() {
        return Err("the feed has no items".into());
    }
    Ok(out)
}

/// Text of an HTML fragment (a feed item's content), or the string itself
/// when it is plain text.
fn fragment_text(s: &str) -> String {
    if s.contains('<') {
        if check_html(s).is_err() {
            return String::new();
        }
        let doc = dom_query::Document::from(format!("<html><body>{s}</body></html>").as_str());
        doc.select("script, style").remove();
        doc.select("body").formatted_text().split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// Column names a corpus uses for each field, most likely first.
const TEXT_FIELDS: &[&str] = &["text", "body", "content", "article", "full_text", "fulltext", "story", "maintext"];
const TITLE_FIELDS: &[&str] = &["title", "headline", "heading", "subject"];
const DATE_FIELDS: &[&str] =
    &["date", "published", "publication_date", "pub_date", "pubdate", "date_publish", "datetime", "dct", "timestamp"];
const URL_FIELDS: &[&str] = &["url", "link", "source_url", "href"];

/// Which column holds which field, found by name (case-insensitive).
#[derive(Debug, Clone, Default)]
struct Columns {
    text: Option<usize>,
    title: Option<usize>,
    date: Option<usize>,
    url: Option<usize>,
}

impl Columns {
    /// Each field's column: the one chosen, else the first of the usual names.
    fn detect(names: &[String], choice: &ColumnChoice) -> Columns {
        let find = |chosen: &Option<String>, wanted: &[&str]| match chosen {
            Some(c) => names.iter().position(|n| n.trim() == c.trim()),
            None => wanted.iter().find_map(|w| names.iter().position(|n| n.trim().eq_ignore_ascii_case(w))),
        };
        Columns {
            text: find(&choice.text, TEXT_FIELDS),
            title: find(&choice.title, TITLE_FIELDS),
            date: find(&choice.date, DATE_FIELDS),
            url: find(&choice.url, URL_FIELDS),
        }
    }
}

/// How the error for a corpus without a text field begins: the analyst
/// can then choose the columns.
pub const NO_TEXT_COLUMN: &str = "no text column";

fn no_text(names: &[String], choice: &ColumnChoice) -> String {
    match &choice.text {
        Some(c) => format!("{NO_TEXT_COLUMN} named {c:?} among: {}", names.join(", ")),
        None => format!("{NO_TEXT_COLUMN} (one of {}) among: {}", TEXT_FIELDS.join(", "), names.join(", ")),
    }
}

/// The field names of a JSONL or CSV corpus (its header, or the keys of its
/// first object), for the analyst to choose from.
pub fn column_names(path: &Path, options: &ReadOptions) -> Result<Vec<String>, String> {
    let format =
        Format::of(path).filter(|f| matches!(f, Format::Jsonl | Format::Csv)).ok_or("not a JSONL or CSV file")?;
    let bytes = text::read_bytes(path, &options.limits).map_err(|e| e.to_string())?;
    let source = text::decode(&bytes).map_err(|e| e.to_string())?;
    if format == Format::Csv {
        let mut reader = csv::ReaderBuilder::new().delimiter(csv_delimiter(&source)).from_reader(source.as_bytes());
        return Ok(reader.headers().map_err(|e| format!("not a CSV file ({e})"))?.iter().map(str::to_string).collect());
    }
    let first = source.lines().find(|l| !l.trim().is_empty()).ok_or("the file holds no lines")?;
    match serde_json::from_str::<serde_json::Value>(first) {
        Ok(serde_json::Value::Object(o)) => Ok(o.keys().cloned().collect()),
        _ => Err("the first line is not a JSON object".into()),
    }
}

/// The separator of a CSV file: whichever of `,` `;` tab its header has most.
fn csv_delimiter(source: &str) -> u8 {
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| source.lines().next().unwrap_or("").bytes().filter(|b| b == d).count())
        .unwrap_or(b',')
}

/// A corpus row as an article: title line, text, date and address.
fn row_document(part: String, get: impl Fn(Option<usize>) -> Option<String>, columns: &Columns) -> Document {
    let body = get(columns.text).unwrap_or_default();
    let text = match get(columns.title).filter(|t| !t.trim().is_empty()) {
        Some(t) if !body.starts_with(t.trim()) => format!("{}\n\n{body}", t.trim()),
        _ => body,
    };
    let published = get(columns.date).and_then(|d| field_date(&d)).map(|d| (d, "date column".to_string()));
    Document { part: Some(part), text, published, url: get(columns.url), ..Document::default() }
}

/// A date field: ISO (`2023-04-19`, `2023-04-19T08:00:00Z`) or any way a
/// date is written in English ("Apr 19, 2023"), read by the date tagger.
fn field_date(value: &str) -> Option<NaiveDate> {
    let v = value.trim();
    if let Some(d) = v.get(..10).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()) {
        return Some(d);
    }
    let found = Tagger::shared().find(v);
    match found.first()?.resolve(None)? {
        crate::model::DateValue::Day(d) => Some(d),
        _ => None,
    }
}

fn jsonl(source: &str, choice: &ColumnChoice) -> Result<Vec<Document>, String> {
    let mut out = Vec::new();
    let mut columns: Option<(Vec<String>, Columns)> = None;
    for (n, line) in source.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let part = format!("line {}", n + 1);
        let object = match serde_json::from_str::<serde_json::Value>(line) {
            Ok(serde_json::Value::Object(object)) => object,
            Ok(_) => {
                out.push(Document::failed(part, "not a JSON object".into()));
                continue;
            }
            Err(e) => {
                out.push(Document::failed(part, format!("not JSON ({e})")));
                continue;
            }
        };
        let names: Vec<String> = object.keys().cloned().collect();
        let (names, cols) = match &columns {
            Some((known, c)) if *known == names => (known.clone(), c.clone()),
            _ => {
                let c = Columns::detect(&names, choice);
                columns = Some((names.clone(), c.clone()));
                (names, c)
            }
        };
        if cols.text.is_none() {
            out.push(Document::failed(part, no_text(&names, choice)));
            continue;
        }
        let get = |i: Option<usize>| match object.get(&names[i?])? {
            serde_json::Value::String(s) => Some(s.clone()),
            serde_json::Value::Null => None,
            other => Some(other.to_string()),
        };
        out.push(row_document(part, get, &cols));
    }
    Ok(out)
}

fn csv(source: &str, choice: &ColumnChoice) -> Result<Vec<Document>, String> {
    let mut reader =
        csv::ReaderBuilder::new().delimiter(csv_delimiter(source)).flexible(true).from_reader(source.as_bytes());
    let names: Vec<String> =
        reader.headers().map_err(|e| format!("not a CSV file ({e})"))?.iter().map(str::to_string).collect();
    let columns = Columns::detect(&names, choice);
    if columns.text.is_none() {
        return Err(no_text(&names, choice));
    }
    let mut out = Vec::new();
    for (n, record) in reader.records().enumerate() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                out.push(Document::failed(format!("row {}", n + 2), format!("cannot be read ({e})")));
                continue;
            }
        };
        let get = |i: Option<usize>| record.get(i?).map(str::to_string);
        out.push(row_document(format!("row {}", n + 2), get, &columns));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_is_measured_as_a_parser_sees_it() {
        assert_eq!(html_shape("<html><body><div><p>a<p>b<br><img src=x></div></body></html>").0, 3);
        let deep = format!("<html><body>{}x{}</body></html>", "<div>".repeat(5000), "</div>".repeat(5000));
        assert!(html_shape(&deep).0 > MAX_HTML_DEPTH);
        // A stray end tag closes nothing.
        assert_eq!(html_shape(&"<div></x>".repeat(3000)).0, 3000);
        // An end tag closes what was opened inside its element.
        assert_eq!(html_shape(&"<div><span><b>x</div>".repeat(3000)).0, 3);
        // Scripts and comments are not markup.
        let script = format!(
            "<html><body><script>{}</script><!-- {} --><p>text</body></html>",
            "if (i<n) {} ".repeat(5000),
            "<div>".repeat(5000)
        );
        assert_eq!(html_shape(&script), (2, 4));
    }

    #[test]
    fn hostile_markup_is_measured_in_one_pass() {
        // Unclosed tags, comments and scripts end the scan instead of each
        // sending it to the end of the text again.
        assert_eq!(html_shape(&"<a".repeat(400_000)), (1, 1));
        assert_eq!(html_shape(&"<!--".repeat(400_000)), (0, 0));
        assert_eq!(html_shape(&"<script>".repeat(200_000)), (0, 1));
        assert_eq!(html_shape(&"<div></x>".repeat(200_000)), (200_000, 200_000));
    }

    #[test]
    fn markdown_is_read_as_the_text_it_shows() {
        let md = "# Ministers meet\n\n*Published: April 17, 2024*\n\nThey met in [Seoul](https://x.example) on **Tuesday**.\n<script>x()</script>\n";
        assert_eq!(markdown(md), "Ministers meet\n\nPublished: April 17, 2024\n\nThey met in Seoul on Tuesday.");
    }

    #[test]
    fn every_extension_offered_to_the_dialog_is_read() {
        for e in Format::EXTENSIONS {
            assert!(Format::of(Path::new(&format!("a.{e}"))).is_some(), "{e}");
        }
        assert_eq!(Format::of(Path::new("a.py")), None);
    }

    #[test]
    fn laid_out_lines_become_paragraphs() {
        assert_eq!(
            reflow("The ministers met in Ha-\nnoi on Tuesday and\nsigned a pact.\n\nSecond para."),
            "The ministers met in Hanoi on Tuesday and signed a pact.\n\nSecond para."
        );
    }

    #[test]
    fn corpus_date_fields_are_read_in_any_common_form() {
        assert_eq!(field_date("2023-04-19T08:00:00Z"), NaiveDate::from_ymd_opt(2023, 4, 19));
        assert_eq!(field_date("Apr 19, 2023"), NaiveDate::from_ymd_opt(2023, 4, 19));
        assert_eq!(field_date("19 April 2023 10:00"), NaiveDate::from_ymd_opt(2023, 4, 19));
        assert_eq!(field_date("last week"), None);
    }

    #[test]
    fn columns_are_found_by_their_usual_names() {
        let names: Vec<String> = ["ID", "Headline", "Body", "Published", "URL"].iter().map(|s| s.to_string()).collect();
        let c = Columns::detect(&names, &ColumnChoice::default());
        assert_eq!((c.text, c.title, c.date, c.url), (Some(2), Some(1), Some(3), Some(4)));
        let chosen = ColumnChoice { text: Some("Headline".into()), date: Some("ID".into()), ..ColumnChoice::default() };
        let c = Columns::detect(&names, &chosen);
        assert_eq!((c.text, c.title, c.date, c.url), (Some(1), Some(1), Some(0), Some(4)));
    }
}
