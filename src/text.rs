//! Article text: reading a file, its header (title, byline), paragraphs and
//! sentences. Offsets inside the engine are byte offsets into the article
//! text; [`char_offset`] converts them to the code points of the contract.

use std::path::Path;
use std::sync::OnceLock;

use rustc_hash::FxHashSet;
use thiserror::Error;

use crate::resources;

/// Files larger than this are refused by default (a hostile file must not
/// exhaust memory); [`Limits`] changes it.
pub const MAX_ARTICLE_BYTES: u64 = 50 * 1024 * 1024;

/// What a file may be before it is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest file read, in bytes (50 MB unless set).
    pub max_file_bytes: u64,
    /// Longest line of article text, in bytes: a "line" of megabytes is
    /// data, not prose.
    pub max_line_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_file_bytes: MAX_ARTICLE_BYTES, max_line_bytes: 1024 * 1024 }
    }
}

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
    #[error("file is {size} bytes, more than the {limit} MB limit", limit = .1 / (1024 * 1024), size = .0)]
    TooLarge(u64, u64),
    #[error("binary data, not text")]
    Binary,
    #[error("the file holds no text")]
    Blank,
    #[error("a line of {0} bytes: data, not article text")]
    LineTooLong(usize),
}

/// Reads a file's bytes, refusing what is not a regular file (a FIFO, a
/// device) or is larger than the limit, without reading it.
pub fn read_bytes(path: &Path, limits: &Limits) -> Result<Vec<u8>, ReadError> {
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile);
    }
    if meta.len() > limits.max_file_bytes {
        return Err(ReadError::TooLarge(meta.len(), limits.max_file_bytes));
    }
    if meta.len() == 0 {
        return Err(ReadError::Empty);
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // Bounded: the file may have grown since its size was read.
    std::io::Read::read_to_end(
        &mut std::io::Read::take(std::fs::File::open(path)?, limits.max_file_bytes + 1),
        &mut bytes,
    )?;
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(ReadError::TooLarge(bytes.len() as u64, limits.max_file_bytes));
    }
    Ok(bytes)
}

/// Reads a plain-text article file; see [`decode`].
pub fn read_file(path: &Path) -> Result<String, ReadError> {
    let limits = Limits::default();
    decode(&read_bytes(path, &limits)?)
}

/// The day a file was last modified (UTC), if the file system tells.
pub fn modified_day(path: &Path) -> Option<chrono::NaiveDate> {
    let t = std::fs::metadata(path).ok()?.modified().ok()?;
    Some(chrono::DateTime::<chrono::Utc>::from(t).date_naive())
}

/// Decodes the bytes of a text file in whatever encoding it is in: a
/// byte-order mark (UTF-8, UTF-16) decides; else UTF-16 without a mark is
/// recognised by its zero bytes (other zero bytes mean binary data); else
/// valid UTF-8 is UTF-8; else the encoding is guessed from the bytes
/// (chardetng: Windows-1252, Latin-1, GB18030, Shift-JIS, ...). Line ends
/// become `\n`.
pub fn decode(bytes: &[u8]) -> Result<String, ReadError> {
    if bytes.is_empty() {
        return Err(ReadError::Empty);
    }
    let encoding = match encoding_rs::Encoding::for_bom(bytes) {
        Some((encoding, _)) => encoding,
        None => match unmarked_utf16(bytes) {
            Some(encoding) => encoding,
            None if bytes.contains(&0) => return Err(ReadError::Binary),
            None if std::str::from_utf8(bytes).is_ok() => encoding_rs::UTF_8,
            // UTF-8 with a few bad bytes (a file cut mid-character, one
            // stray Latin-1 byte) is still UTF-8: a guess would turn every
            // accented letter into mojibake.
            None if mostly_utf8(bytes) => encoding_rs::UTF_8,
            None => {
                let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
                detector.feed(bytes, true);
                detector.guess(None, chardetng::Utf8Detection::Allow)
            }
        },
    };
    let (text, _, _) = encoding.decode(bytes);
    if text.contains('\0') {
        return Err(ReadError::Binary);
    }
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    if text.trim().is_empty() {
        return Err(ReadError::Blank);
    }
    Ok(text)
}

/// Text that is UTF-8 but for a few bytes: it holds valid multi-byte
/// sequences (Latin-1 text almost never does), and at most one byte in a
/// thousand is invalid.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid_multibyte, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid_multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    valid_multibyte > 0 && invalid * 1000 <= bytes.len()
}

/// Refuses article text with a line longer than the limit (checked on
/// what a file's reader gives, not on its markup: a saved page may well be
/// one long line of HTML).
pub fn check_lines(text: &str, limits: &Limits) -> Result<(), ReadError> {
    match text.split('\n').map(str::len).max() {
        Some(n) if n > limits.max_line_bytes => Err(ReadError::LineTooLong(n)),
        _ => Ok(()),
    }
}

/// UTF-16 without a byte-order mark: most bytes at even (big-endian) or
/// odd (little-endian) positions are zero in Latin-script text.
fn unmarked_utf16(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let pairs = bytes.len() / 2;
    let even = bytes.iter().step_by(2).filter(|b| **b == 0).count();
    let odd = bytes.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    if odd * 10 >= pairs * 7 && even * 10 < pairs {
        Some(encoding_rs::UTF_16LE)
    } else if even * 10 >= pairs * 7 && odd * 10 < pairs {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// The code-point offset of a byte offset in `text`.
pub fn char_offset(text: &str, byte: usize) -> usize {
    char_count(&text[..byte])
}

/// The last word of `s` as `split_whitespace` reads it (or ""): read back
/// byte by byte while the bytes are printable ASCII, as words mostly
/// are, rather than by decoding characters; by characters when another
/// byte than a space ends the word (one beyond ASCII, or a control).
pub fn last_word(s: &str) -> &str {
    let bytes = s.as_bytes();
    let mut end = bytes.len();
    while end > 0 && is_ascii_space(bytes[end - 1]) {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && matches!(bytes[start - 1], b'!'..=b'~') {
        start -= 1;
    }
    if start > 0 && !is_ascii_space(bytes[start - 1]) {
        return s.split_whitespace().next_back().unwrap_or("");
    }
    &s[start..end]
}

/// `s` without the spaces around it, as `str::trim` reads them: by bytes
/// while they are ASCII, by characters when a byte beyond ASCII ends them.
fn trim_spaces(s: &str) -> &str {
    let bytes = s.as_bytes();
    let start = bytes.iter().position(|&b| !is_ascii_space(b)).unwrap_or(bytes.len());
    let end = bytes.iter().rposition(|&b| !is_ascii_space(b)).map_or(start, |k| k + 1);
    if [start, end.saturating_sub(1)].iter().any(|&at| bytes.get(at).is_some_and(|b| !b.is_ascii())) {
        return s.trim();
    }
    &s[start..end]
}

/// Whether a byte is one of the ASCII characters that `char::is_whitespace`
/// takes (more than `u8::is_ascii_whitespace`: the vertical tab too).
fn is_ascii_space(b: u8) -> bool {
    b == b' ' || (b'\t'..=b'\r').contains(&b)
}

/// How many code points `s` holds: its length when it is ASCII, as most
/// text is (checked a word at a time, quicker than counting characters).
fn char_count(s: &str) -> usize {
    if s.is_ascii() { s.len() } else { s.chars().count() }
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

impl Sentence {
    /// The code-point offset in `text` of a byte offset within the
    /// sentence: counted from the sentence's start, not the text's.
    pub fn char_offset(&self, text: &str, byte: usize) -> usize {
        self.char_start + char_count(&text[self.start..byte])
    }
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
    // The header is the run of short lines at the top that do not read as
    // prose; the body starts at the first line that does (or after six
    // header lines).
    let mut header = Vec::new();
    let mut body_start = text.len();
    for (s, e) in lines_from(text, 0) {
        let line = trim_spaces(&text[s..e]);
        if line.is_empty() {
            continue;
        }
        if is_prose(line) {
            body_start = s;
            break;
        }
        header.push((s, e));
        if header.len() >= 6 {
            body_start = next_line(text, e);
            break;
        }
    }
    // Every line that is not blank is a header line when no such line
    // follows the header.
    if header.len() > 1 && text[body_start..].trim().is_empty() {
        // No prose at all: the first line is the title, the rest is body.
        header.truncate(1);
        body_start = next_line(text, header[0].1);
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
    // News runs to a sentence in about every hundred bytes: room for them
    // all at once rather than growing the list a few times over.
    let mut sentences = Vec::with_capacity(text.len() / 64);
    let mut paragraph = 0;
    let mut para_start: Option<usize> = None;
    let flush = |from: usize, to: usize, paragraph: usize, sentences: &mut Vec<Sentence>| {
        split_sentences(&text[from..to], |s, e| {
            sentences.push(Sentence { start: from + s, end: from + e, paragraph, char_start: 0, char_end: 0 });
        });
    };
    // Inside a list of links to other stories (see `link_marker`).
    let mut in_links = false;
    for (s, e) in lines_from(text, body_start) {
        let line = trim_spaces(&text[s..e]);
        if line.is_empty() {
            in_links = false;
            if let Some(p) = para_start.take() {
                flush(p, s, paragraph, &mut sentences);
                paragraph += 1;
            }
            continue;
        }
        let marker = link_marker(line);
        if marker.is_some() || (in_links && !is_prose(line)) {
            // Other stories' headlines: what was read so far is a paragraph.
            in_links = marker == Some(true) || in_links;
            if let Some(p) = para_start.take() {
                flush(p, s, paragraph, &mut sentences);
                paragraph += 1;
            }
            continue;
        }
        in_links = false;
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
    // Code-point offsets: the byte offsets in ASCII text, as most is;
    // else counted in one pass over the text, not one per sentence.
    let ascii = text.is_ascii();
    let mut chars = 0;
    let mut at = 0;
    for s in &mut sentences {
        if ascii {
            (s.char_start, s.char_end) = (s.start, s.end);
            continue;
        }
        chars += char_count(&text[at..s.start]);
        s.char_start = chars;
        chars += char_count(&text[s.start..s.end]);
        s.char_end = chars;
        at = s.end;
    }
    Layout { header, title, sentences }
}

/// The spans of the lines of `text` from the line starting at `from`,
/// without their line ends, found as they are read: no list of them is
/// kept. A line end at the text's end starts no line.
fn lines_from(text: &str, from: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut pos = from;
    let mut ends = memchr::memchr_iter(b'\n', &text.as_bytes()[from..]);
    std::iter::from_fn(move || {
        let end = ends.next().map(|k| from + k).or_else(|| (pos < text.len()).then_some(text.len()))?;
        let line = (pos, end);
        pos = end + 1;
        Some(line)
    })
}

/// Where the line after the one ending at `end` starts (the text's end if none).
fn next_line(text: &str, end: usize) -> usize {
    (end + 1).min(text.len())
}

/// Whether a line opens a list of links to other stories: `Some(true)` for
/// a marker alone ("Related coverage"), whose next lines are links;
/// `Some(false)` for a marker with its link on the line ("Read more: ...").
fn link_marker(line: &str) -> Option<bool> {
    // The markers by their first byte (in lower case), in the table's
    // order: a line is compared with the few that start as it does, not
    // with all of them.
    static MARKERS: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    let markers = MARKERS.get_or_init(|| {
        let mut by_first = vec![Vec::new(); 256];
        for r in &resources::LINK_MARKERS.table().expect("shipped link markers are valid (tested)").rows {
            let marker = r.cells[0].to_lowercase();
            if let Some(&first) = marker.as_bytes().first() {
                by_first[usize::from(first)].push(marker);
            }
        }
        by_first
    });
    let first = line.as_bytes().first()?.to_ascii_lowercase();
    markers[usize::from(first)].iter().find_map(|m| {
        // Markers are ASCII: the line's first bytes, ignoring case.
        if !line.as_bytes().get(..m.len())?.eq_ignore_ascii_case(m.as_bytes()) {
            return None;
        }
        let rest = line[m.len()..].trim_start();
        match rest.strip_prefix(':') {
            _ if rest.is_empty() => Some(true),
            Some(link) => Some(link.trim().is_empty()),
            None => None,
        }
    })
}

/// A line that reads as running text rather than a headline or byline.
fn is_prose(line: &str) -> bool {
    let ends_like_sentence = line.ends_with(['.', '"', '\u{201d}', '?', '!']);
    // Words are counted only as far as they decide: a paragraph's line
    // can be long, and one with enough words is prose whatever it holds.
    let enough = if ends_like_sentence { 5 } else { 40 };
    has_words(line, enough) || has_dateline_mark(line)
}

/// Whether `line` holds at least `n` words as `split_whitespace` reads
/// them. An ASCII line, as nearly every one is, is read a block of bytes
/// at a time, each block without a branch per byte (which the compiler
/// can turn into vector instructions): a word starts at each byte that
/// is not a space after one that is.
fn has_words(line: &str, n: usize) -> bool {
    if !line.is_ascii() {
        return line.split_whitespace().take(n).count() == n;
    }
    const BLOCK: usize = 64;
    let bytes = line.as_bytes();
    let mut words = usize::from(bytes.first().is_some_and(|&b| !is_ascii_space(b)));
    let mut at = 1;
    while words < n && at < bytes.len() {
        let end = (at + BLOCK).min(bytes.len());
        // Counted in bytes, as a block holds fewer than 256 word starts:
        // sixteen to a vector instruction rather than two.
        let starts = bytes[at - 1..end - 1]
            .iter()
            .zip(&bytes[at..end])
            .map(|(&a, &b)| u8::from(is_ascii_space(a) & !is_ascii_space(b)));
        words += usize::from(starts.fold(0u8, u8::wrapping_add));
        at = end;
    }
    words >= n
}

/// Whether a line holds the mark that ends a dateline: " -- ", ") - " or
/// ") \u{2014} " (every one has a '-' or a ')' where memchr finds it).
fn has_dateline_mark(line: &str) -> bool {
    let bytes = line.as_bytes();
    memchr::memchr2_iter(b'-', b')', bytes).any(|k| {
        let after = &bytes[k + 1..];
        if bytes[k] == b'-' {
            k > 0 && bytes[k - 1] == b' ' && after.starts_with(b"- ")
        } else {
            after.starts_with(b" - ") || after.starts_with(" \u{2014} ".as_bytes())
        }
    })
}

fn is_section_label(line: &str) -> bool {
    line.chars().any(char::is_alphabetic) && !line.chars().any(char::is_lowercase)
}

fn abbreviations() -> &'static FxHashSet<&'static str> {
    static A: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
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
    // Most words end with a letter or a comma: only one whose last byte
    // ends a mark or a closing quote or bracket (U+201D and U+2019 end
    // with 0x9D and 0x99) is read further.
    if !word.as_bytes().last().is_some_and(|b| matches!(b, b'.' | b'!' | b'?' | b'"' | b'\'' | b')' | 0x9D | 0x99)) {
        return false;
    }
    let word = word.trim_end_matches(['"', '\'', ')', '\u{201d}', '\u{2019}']);
    if word.ends_with(['!', '?']) {
        return true;
    }
    word.ends_with('.') && !abbreviated(word)
}

/// Whether a word ending with a full stop is an abbreviation ("Gen.",
/// "Oct.") or an initial ("P."), after any opening quote or bracket.
fn abbreviated(word: &str) -> bool {
    let bare = word.trim_start_matches(['"', '(', '\u{201c}']);
    let initial = bare.len() == 2 && bare.starts_with(|c: char| c.is_ascii_uppercase());
    initial || abbreviations().contains(bare)
}

/// Gives `out` each sentence's span (byte offsets into `para`), trimmed of
/// surrounding space, in order: to the caller's list, without a list per
/// paragraph. A paragraph holds no blank line ([`layout`] ends one there).
pub fn split_sentences(para: &str, mut out: impl FnMut(usize, usize)) {
    debug_assert!(!para.contains("\n\n"), "a paragraph ends at a blank line");
    let bytes = para.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        i = memchr::memchr3(b'.', b'!', b'?', &bytes[i..]).map_or(bytes.len(), |k| i + k);
        if i == bytes.len() {
            break;
        }
        let c = bytes[i];
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
        if c == b'.' && abbreviated(last_word(&para[start..i + 1])) {
            i += 1;
            continue;
        }
        if (has_space && starts_new) || next_word.is_empty() {
            push_trimmed(para, start, end, &mut out);
            start = end;
        }
        i = end;
    }
    push_trimmed(para, start, para.len(), &mut out);
}

fn push_trimmed(para: &str, start: usize, end: usize, out: &mut impl FnMut(usize, usize)) {
    let trimmed = trim_spaces(&para[start..end]);
    if !trimmed.is_empty() {
        let from = trimmed.as_ptr() as usize - para.as_ptr() as usize;
        out(from, from + trimmed.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Code-point offsets counted from a sentence's start, or for ASCII by
    /// length, are those counted from the text's start character by
    /// character.
    #[test]
    fn char_offsets_are_counted_as_characters() {
        let texts = crate::samples::test_articles_and(&[
            "Caf\u{e9} talks. \u{201c}Na\u{ef}ve\u{201d} plan \u{2014} met.\n\nErdo\u{11f}an came.",
        ]);
        for text in &texts {
            for s in layout(text).sentences {
                assert_eq!(s.char_start, text[..s.start].chars().count());
                assert_eq!(s.char_end, text[..s.end].chars().count());
                for (i, _) in text[s.start..s.end].char_indices() {
                    let expected = text[..s.start + i].chars().count();
                    assert_eq!(s.char_offset(text, s.start + i), expected);
                    assert_eq!(char_offset(text, s.start + i), expected);
                }
            }
        }
    }

    /// The last word read back by bytes is `split_whitespace`'s.
    #[test]
    fn last_words_are_those_split_by_whitespace() {
        let texts = crate::samples::test_articles_and(&[
            "a\u{a0}b c\u{2003} d\u{b}e\u{c} f\u{85}g Caf\u{e9}  \u{e9}t\u{e9} x\u{2014}y \t\r\n",
        ]);
        for text in &texts {
            for (at, _) in text.char_indices() {
                assert_eq!(last_word(&text[..at]), text[..at].split_whitespace().next_back().unwrap_or(""));
            }
        }
    }

    /// Spaces trimmed by bytes are those `str::trim` trims, on every line
    /// and every piece between full stops of every test article.
    #[test]
    fn spaces_are_trimmed_as_str_trim_trims_them() {
        let texts = crate::samples::test_articles_and(&[
            " \u{a0}a\u{2003} . \u{b}b\u{c}.\u{85} \u{e9} . x\u{2014}.\t\r\u{a0}. \u{3000}",
            "",
            " ",
        ]);
        for text in &texts {
            for piece in text.split('\n').chain(text.split('.')) {
                assert_eq!(trim_spaces(piece), piece.trim(), "{piece:?}");
            }
        }
    }

    /// Words counted by bytes and dateline marks found by memchr are what
    /// `split_whitespace` and `contains` find, on every line of every test
    /// article.
    #[test]
    fn prose_is_read_as_split_whitespace_and_contains_read_it() {
        let texts = crate::samples::test_articles_and(&[
            "a\u{a0}b c\u{2003} d\u{b}e\u{c} f\u{85}g Caf\u{e9}  \u{e9}t\u{e9} x\u{2014}y \t\r",
            "BEIJING, Oct. 14 (Xinhua) -- talks",
            "MOSCOW (Reuters) - talks) \u{2014} x) \u{2014}y -- ) -)- --",
            " -- ",
            "-- x",
            ")",
            "",
        ]);
        for line in texts.iter().flat_map(|t| t.split('\n')) {
            for n in [0, 1, 5, 40] {
                assert_eq!(has_words(line, n), line.split_whitespace().count() >= n, "{n} {line}");
            }
            let contains = line.contains(" -- ") || line.contains(") - ") || line.contains(") \u{2014} ");
            assert_eq!(has_dateline_mark(line), contains, "{line}");
        }
    }

    fn sentences(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        split_sentences(text, |s, e| out.push(&text[s..e]));
        out
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
    fn links_to_other_stories_are_not_the_articles_text() {
        let text = "Denmark signs F-16 deal\nThe Argentine minister signed the contract at the base on Tuesday.\n\nRelated coverage\n- Argentina's Milei cancels Denmark trip\nDenmark to donate F-16s to Ukraine\n\nRead more: Milei visits Washington\nThe jets will arrive next year, the ministry said.\nRelated talks were held in Copenhagen in March.\n";
        let l = layout(text);
        let read: Vec<&str> = l.sentences.iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(
            read,
            [
                "The Argentine minister signed the contract at the base on Tuesday.",
                "The jets will arrive next year, the ministry said.",
                "Related talks were held in Copenhagen in March.",
            ]
        );
    }

    #[test]
    fn a_dateline_paragraph_starts_the_body() {
        let text = "Austin, Dong hold call\nWASHINGTON, April 16 (Reuters) - U.S. Defense Secretary Lloyd Austin spoke with his counterpart.\n";
        let l = layout(text);
        assert_eq!(l.title, "Austin, Dong hold call");
        assert_eq!(l.sentences.len(), 1);
    }

    #[test]
    fn empty_binary_and_blank_input_are_refused_with_their_reason() {
        let l = Limits::default();
        assert!(matches!(decode(b""), Err(ReadError::Empty)));
        assert!(matches!(decode(b"ab\0cd\x01\x02"), Err(ReadError::Binary)));
        assert!(matches!(decode(b" \n\t "), Err(ReadError::Blank)));
        let tight = Limits { max_line_bytes: 10, ..l };
        assert!(matches!(check_lines("short\nthis line is too long", &tight), Err(ReadError::LineTooLong(21))));
    }

    #[test]
    fn text_in_any_common_encoding_is_decoded() {
        assert_eq!(decode(b"\xEF\xBB\xBFHello\r\nWorld").unwrap(), "Hello\nWorld");
        // Windows-1252 / Latin-1.
        let french = "Le ministre français a rencontré son homologue à Paris, a déclaré le ministère.";
        let bytes: Vec<u8> = french.chars().map(|c| c as u32 as u8).collect();
        assert_eq!(decode(&bytes).unwrap(), french);
        // UTF-16 with and without a byte-order mark.
        let text = "Defence ministers met in Seoul on Tuesday.";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&[&[0xFF, 0xFE][..], &le].concat()).unwrap(), text);
        assert_eq!(decode(&le).unwrap(), text);
        assert_eq!(decode(&be).unwrap(), text);
        // UTF-8 with one stray Latin-1 byte stays UTF-8.
        let mut stray = french.repeat(20).into_bytes();
        stray.extend_from_slice(b" caf\xe9");
        let decoded = decode(&stray).unwrap();
        assert!(decoded.starts_with(french) && decoded.ends_with(" caf\u{FFFD}"), "{decoded}");
        // GB18030 and Shift-JIS, guessed from the bytes.
        let chinese = "中国国防部长董军在北京会见了俄罗斯国防部长。双方讨论了两军合作。";
        let (gb, _, _) = encoding_rs::GB18030.encode(chinese);
        assert_eq!(decode(&gb).unwrap(), chinese);
        let japanese = "防衛大臣は東京でオーストラリアの国防大臣と会談した。両国は共同訓練について話し合った。";
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(japanese);
        assert_eq!(decode(&sjis).unwrap(), japanese);
    }
}
