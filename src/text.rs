//! Article text: reading a file, its header (title, byline), paragraphs and
//! sentences. Offsets inside the engine are byte offsets into the article
//! text; [`char_offset`] converts them to the code points of the contract.

use std::collections::HashSet;
use std::path::Path;
use std::sync::OnceLock;

use thiserror::Error;

use crate::resources;

/// Articles larger than this are refused (a hostile file must not exhaust memory).
pub const MAX_ARTICLE_BYTES: u64 = 50 * 1024 * 1024;

/// Why a file could not be read as an article. Each names the problem in
/// words the analyst understands.
#[derive(Debug, Error)]
pub enum ReadError {
    #[error("cannot read the file: {0}")]
    Io(#[from] std::io::Error),
    #[error("file is 0 bytes")]
    Empty,
    #[error("not a regular file")]
    NotAFile,
    #[error("file is {0} bytes, more than the 50 MB limit")]
    TooLarge(u64),
    #[error("binary data, not text")]
    Binary,
    #[error("text is not UTF-8 (other encodings are not supported yet)")]
    NotUtf8,
    #[error("the file holds no text")]
    Blank,
}

/// Reads an article file as text: UTF-8 with or without a byte-order mark;
/// line ends become `\n`.
pub fn read_file(path: &Path) -> Result<String, ReadError> {
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile);
    }
    if meta.len() > MAX_ARTICLE_BYTES {
        return Err(ReadError::TooLarge(meta.len()));
    }
    decode(&std::fs::read(path)?)
}

/// The day a file was last modified (UTC), if the file system tells.
pub fn modified_day(path: &Path) -> Option<chrono::NaiveDate> {
    let t = std::fs::metadata(path).ok()?.modified().ok()?;
    Some(chrono::DateTime::<chrono::Utc>::from(t).date_naive())
}

/// Decodes the bytes of an article; see [`read_file`].
pub fn decode(bytes: &[u8]) -> Result<String, ReadError> {
    if bytes.is_empty() {
        return Err(ReadError::Empty);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.contains(&0) {
        return Err(ReadError::Binary);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ReadError::NotUtf8)?;
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    if text.trim().is_empty() {
        return Err(ReadError::Blank);
    }
    Ok(text)
}

/// The code-point offset of a byte offset in `text`.
pub fn char_offset(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

/// A sentence of the body, as a byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    /// Index of the paragraph it belongs to.
    pub paragraph: usize,
    /// The same span in code points (the contract's offsets), counted once.
    pub char_start: usize,
    pub char_end: usize,
}

/// An article's text cut into its parts.
#[derive(Debug, Clone)]
pub struct Layout {
    /// Header lines before the body (section label, headline, subtitle, byline), as byte spans.
    pub header: Vec<(usize, usize)>,
    /// The headline: the first header line that is not an all-capitals section label.
    pub title: String,
    /// Sentences of the body, in order.
    pub sentences: Vec<Sentence>,
}

/// Splits an article into header and body sentences.
pub fn layout(text: &str) -> Layout {
    let mut lines = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        lines.push((pos, pos + body.len()));
        pos += line.len();
    }
    // The header is the run of short lines at the top that do not read as prose.
    let mut header = Vec::new();
    let mut body_from = lines.len();
    for (i, &(s, e)) in lines.iter().enumerate() {
        let line = text[s..e].trim();
        if line.is_empty() {
            continue;
        }
        if is_prose(line) {
            body_from = i;
            break;
        }
        header.push((s, e));
        if header.len() >= 6 {
            body_from = i + 1;
            break;
        }
    }
    if header.len() == lines.iter().filter(|(s, e)| !text[*s..*e].trim().is_empty()).count() && header.len() > 1 {
        // No prose at all: the first line is the title, the rest is body.
        header.truncate(1);
        body_from = lines.iter().position(|&(s, _)| s > header[0].0).unwrap_or(lines.len());
    }
    let title = header
        .iter()
        .map(|&(s, e)| text[s..e].trim())
        .find(|l| !is_section_label(l) && !l.contains(':'))
        .or_else(|| header.first().map(|&(s, e)| text[s..e].trim()))
        .unwrap_or("")
        .to_string();
    // A paragraph ends at a blank line, or at a line end after a sentence
    // end (one paragraph per line); other line ends are hard wraps.
    let mut sentences = Vec::new();
    let mut paragraph = 0;
    let mut para_start: Option<usize> = None;
    let body_start = lines.get(body_from).map_or(text.len(), |l| l.0);
    let flush = |from: usize, to: usize, paragraph: usize, sentences: &mut Vec<Sentence>| {
        for (s, e) in split_sentences(&text[from..to]) {
            sentences.push(Sentence { start: from + s, end: from + e, paragraph, char_start: 0, char_end: 0 });
        }
    };
    for &(s, e) in lines.iter().filter(|(s, _)| *s >= body_start) {
        let line = text[s..e].trim();
        if line.is_empty() {
            if let Some(p) = para_start.take() {
                flush(p, s, paragraph, &mut sentences);
                paragraph += 1;
            }
            continue;
        }
        if para_start.is_none() {
            para_start = Some(s);
        }
        if line.ends_with(['.', '"', '\u{201d}', '?', '!']) {
            flush(para_start.take().expect("set above"), e, paragraph, &mut sentences);
            paragraph += 1;
        }
    }
    if let Some(p) = para_start {
        flush(p, text.len(), paragraph, &mut sentences);
    }
    // Code-point offsets in one pass over the text, not one per sentence.
    let mut chars = 0;
    let mut at = 0;
    for s in &mut sentences {
        chars += text[at..s.start].chars().count();
        s.char_start = chars;
        chars += text[s.start..s.end].chars().count();
        s.char_end = chars;
        at = s.end;
    }
    Layout { header, title, sentences }
}

/// A line that reads as running text rather than a headline or byline.
fn is_prose(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let ends_like_sentence = line.ends_with(['.', '"', '\u{201d}', '?', '!']);
    let dateline = line.contains(" -- ") || line.contains(") - ") || line.contains(") \u{2014} ");
    (ends_like_sentence && words >= 5) || dateline || words >= 40
}

fn is_section_label(line: &str) -> bool {
    line.chars().any(char::is_alphabetic) && !line.chars().any(char::is_lowercase)
}

fn abbreviations() -> &'static HashSet<&'static str> {
    static A: OnceLock<HashSet<&'static str>> = OnceLock::new();
    A.get_or_init(|| {
        resources::ABBREVIATIONS
            .table()
            .expect("shipped abbreviations are valid (tested)")
            .rows
            .iter()
            .map(|r| r.cells[0])
            .collect()
    })
}

/// Whether a word ends a sentence: it ends with `.`, `!` or `?` and is not
/// an abbreviation ("Gen.", "Oct.") or an initial ("P.").
pub fn ends_sentence(word: &str) -> bool {
    let word = word.trim_end_matches(['"', '\'', ')', '\u{201d}', '\u{2019}']);
    if word.ends_with(['!', '?']) {
        return true;
    }
    if !word.ends_with('.') {
        return false;
    }
    let bare = word.trim_start_matches(['"', '(', '\u{201c}']);
    let initial = bare.len() == 2 && bare.starts_with(|c: char| c.is_ascii_uppercase());
    !initial && !abbreviations().contains(bare)
}

/// Sentence spans (byte offsets into `para`), trimmed of surrounding space.
pub fn split_sentences(para: &str) -> Vec<(usize, usize)> {
    let bytes = para.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if matches!(c, b'.' | b'!' | b'?') {
            // Include closing quotes and brackets.
            let mut end = i + 1;
            while end < para.len() {
                let ch = para[end..].chars().next().expect("in bounds");
                if matches!(ch, '"' | '\'' | ')' | '\u{201d}' | '\u{2019}') {
                    end += ch.len_utf8();
                } else {
                    break;
                }
            }
            let rest = &para[end..];
            let next_word = rest.trim_start();
            let has_space = rest.len() > next_word.len();
            let starts_new = next_word
                .chars()
                .next()
                .is_some_and(|ch| ch.is_uppercase() || ch.is_ascii_digit() || matches!(ch, '"' | '\u{201c}' | '('));
            let word_before = para[start..i + 1].split_whitespace().next_back().unwrap_or("");
            let word_before = word_before.trim_start_matches(['"', '(', '\u{201c}']);
            let initial = word_before.len() == 2 && word_before.starts_with(|ch: char| ch.is_ascii_uppercase());
            if c == b'.' && (abbreviations().contains(word_before) || initial) {
                i += 1;
                continue;
            }
            if (has_space && starts_new) || next_word.is_empty() {
                push_trimmed(para, start, end, &mut out);
                start = end;
            }
            i = end;
            continue;
        }
        if c == b'\n' && bytes.get(i + 1).is_some_and(|b| *b == b'\n') {
            push_trimmed(para, start, i, &mut out);
            start = i;
        }
        i += 1;
    }
    push_trimmed(para, start, para.len(), &mut out);
    out
}

fn push_trimmed(para: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let s = &para[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if start + lead < end - trail {
        out.push((start + lead, end - trail));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split_sentences(text).into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        assert_eq!(
            sentences(
                "Gen. Zhang met U.S. Secretary Lloyd J. Austin on Oct. 14 in Washington. They talked. \"Good,\" he said."
            ),
            [
                "Gen. Zhang met U.S. Secretary Lloyd J. Austin on Oct. 14 in Washington.",
                "They talked.",
                "\"Good,\" he said."
            ]
        );
    }

    #[test]
    fn every_abbreviation_in_the_table_keeps_its_sentence_whole() {
        for row in resources::ABBREVIATIONS.table().unwrap().rows {
            let text = format!("They met {} Smith today. Then they left.", row.cells[0]);
            assert_eq!(sentences(&text).len(), 2, "abbreviations.tsv:{} `{}`", row.line, row.cells[0]);
        }
    }

    #[test]
    fn header_lines_give_the_title_and_are_not_body() {
        let text = "CHINA / MILITARY\nMinisters meet in Moscow\nSubtitle here\nPublished: Apr 19, 2023 12:10 AM\nThe Chinese and Russian defense ministers held an official meeting in Moscow on Tuesday.\n\nSecond paragraph is here and it is long enough.\n";
        let l = layout(text);
        assert_eq!(l.title, "Ministers meet in Moscow");
        assert_eq!(l.header.len(), 4);
        assert_eq!(l.sentences.len(), 2);
        assert_eq!(l.sentences[1].paragraph, 1);
        assert!(text[l.sentences[0].start..].starts_with("The Chinese"));
    }

    #[test]
    fn a_dateline_paragraph_starts_the_body() {
        let text = "Austin, Dong hold call\nWASHINGTON, April 16 (Reuters) - U.S. Defense Secretary Lloyd Austin spoke with his counterpart.\n";
        let l = layout(text);
        assert_eq!(l.title, "Austin, Dong hold call");
        assert_eq!(l.sentences.len(), 1);
    }

    #[test]
    fn empty_binary_and_non_utf8_input_are_refused_with_their_reason() {
        assert!(matches!(decode(b""), Err(ReadError::Empty)));
        assert!(matches!(decode(b"ab\0cd"), Err(ReadError::Binary)));
        assert!(matches!(decode(b"caf\xe9 au lait"), Err(ReadError::NotUtf8)));
        assert_eq!(decode(b"\xEF\xBB\xBFHello\r\nWorld").unwrap(), "Hello\nWorld");
    }
}
