//! Events from an article: triggers, their clause, date, participants,
//! place and status, sentence by sentence; then one event per occurrence.
//!
//! Extraction never fails: odd input gives fewer events and more
//! [`Diagnostic`]s.

use std::cell::{OnceCell, RefCell};
use std::ops::Range;
use std::sync::OnceLock;

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use crate::actors::{Found, Offices};
use crate::gazetteer::{self, Entity, Gazetteer, Mention, Person};
use crate::model::{Actor, DateValue, Diagnostic, Event, EventType, Evidence, Precision, Status};
use crate::phrases::{AtWordStarts, WordBytes};
use crate::pubdate::{self, Published};
use crate::resources::{self, Result};
use crate::text::{self, Layout, Sentence};
use crate::timex::{self, Direction, Tagger, Timex};

/// What the caller knows about the article besides its text.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Publication date; wins over one found in the text.
    pub published: Option<NaiveDate>,
    /// Where that date was read (a page's `article:published_time`);
    /// `given` when not said.
    pub published_source: Option<String>,
    /// A date to use only when the text gives none, with where it was read
    /// (an e-mail's `Date:` header: when the newsletter was sent).
    pub sent: Option<(NaiveDate, String)>,
    /// The file's name, a last source of a publication date.
    pub file_name: Option<String>,
    /// The file's modification day: bounds the year of a dateline that
    /// gives none (never used as the publication date itself).
    pub file_date: Option<NaiveDate>,
}

/// Everything read from one article.
#[derive(Debug, Clone)]
pub struct Extraction {
    pub title: String,
    pub published: Option<Published>,
    pub events: Vec<Event>,
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Flags {
    verb: bool,
    noun: bool,
    plural: bool,
    named: bool,
    weak: bool,
    needs_place: bool,
    needs_object: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ContextKind {
    Planned,
    Hypothetical,
    Negated,
    Generic,
    Boundary,
    Subordinator,
    BoundaryAfter,
    PlaceMarker,
    Continuation,
    Opinion,
    Commentary,
    Pair,
    Vessel,
    Ending,
    Attendance,
    PairOfStates,
    Venue,
    PlaceNoun,
    Origin,
    Announced,
    Cancelled,
    Habitual,
    Signed,
    Presence,
    TheirStates,
}

impl ContextKind {
    /// How many kinds there are: one past the last.
    const COUNT: usize = ContextKind::TheirStates as usize + 1;
}

/// The trigger lexicon and context words of `resources/events/`.
pub struct Lexicon {
    triggers: Vec<(Option<EventType>, Flags)>,
    /// Each trigger phrase as the file writes it, as [`gazetteer::accept`]
    /// takes it: a capitalised one matches only capitalised text.
    written: Vec<&'static str>,
    /// The trigger phrases (see [`Lexicon::find`]).
    automaton: AtWordStarts,
    /// Context phrases, as words, by kind (`ContextKind as usize`).
    context: Vec<Vec<Vec<String>>>,
    /// The words of the context phrases and of [`KNOWN_WORDS`], numbered:
    /// sentences are matched as numbers, not strings.
    vocabulary: Vocabulary,
    /// Each word of `vocabulary` by its number.
    spelling: Vec<String>,
    /// The context phrases read in sentences, as numbered words, by kind.
    phrases: Vec<(ContextKind, Vec<WordId>)>,
    /// For each word number, the phrases (indices into `phrases`) that
    /// are that word alone.
    alone: Vec<Vec<usize>>,
    /// For each word number, the longer phrases that start with it, each
    /// with its second word.
    starting: Vec<Vec<(usize, WordId)>>,
    /// A bit for each pair of word numbers (`first * words + second`) that
    /// starts a phrase: most pairs start none ("the" alone starts 28
    /// phrases), so the phrases of a word are mostly not tried one by one.
    pairs: Vec<u64>,
    /// The vessel phrases as text ("aircraft carrier"), as [`ship_names`]
    /// reads them after a country, by the length of their first word.
    vessels: Vec<Vec<String>>,
}

/// A word's number in the lexicon's vocabulary: 16 bits, so that a
/// [`Word`] takes 24 bytes rather than 32.
type WordId = u16;

/// Words before a trigger noun that point at a known event ("the talks").
const DETERMINERS: &[&str] = &["the", "this", "that", "these", "those", "their", "his", "her", "its"];

/// Words that may stand between a determiner and a trigger noun ("the
/// annual summit").
const EVENT_MODIFIERS: &[&str] =
    &["first", "second", "third", "last", "annual", "opening", "closing", "latest", "same", "previous"];

/// Words of an office after which "as" goes on ("talks as premier").
const OFFICE_WORDS: &[&str] = &["premier", "president", "prime", "minister", "leader", "chancellor", "head"];

/// Those of an organisation that meet at its summit ("defence ministers of the SCO").
const MEMBERS: &[&str] = &["ministers", "leaders", "heads"];

/// Words the code itself asks about, besides those of the context phrases.
const KNOWN_WORDS: &[&[&str]] = &[
    &["to", "he", "she", "his", "her", "as", "for", "before", "after", "during"],
    DETERMINERS,
    EVENT_MODIFIERS,
    OFFICE_WORDS,
    MEMBERS,
];

impl Lexicon {
    pub fn shared() -> &'static Lexicon {
        static L: OnceLock<Lexicon> = OnceLock::new();
        L.get_or_init(|| Lexicon::from_resources().expect("shipped event resources are valid (tested)"))
    }

    pub fn from_resources() -> Result<Lexicon> {
        let file = resources::TRIGGERS;
        let mut triggers = Vec::new();
        let mut written = Vec::new();
        for row in file.table()?.rows {
            let kind = match row.cells[0] {
                "none" => None,
                code => Some(
                    EventType::from_code(code).ok_or_else(|| file.invalid(row.line, format!("unknown type {code}")))?,
                ),
            };
            let mut flags = Flags {
                verb: false,
                noun: false,
                plural: false,
                named: false,
                weak: false,
                needs_place: false,
                needs_object: false,
            };
            for f in row.list(2).flat_map(|c| c.split(',')) {
                match f.trim() {
                    "verb" => flags.verb = true,
                    "noun" => flags.noun = true,
                    "plural" => flags.plural = true,
                    "named" => flags.named = true,
                    "weak" => flags.weak = true,
                    "needs-place" => flags.needs_place = true,
                    "needs-object" => flags.needs_object = true,
                    other => return Err(file.invalid(row.line, format!("unknown flag {other}"))),
                }
            }
            triggers.push((kind, flags));
            written.push(row.cells[1]);
        }
        let automaton = AtWordStarts::new(written.iter().copied()).map_err(|e| file.invalid(0, e.to_string()))?;
        let cfile = resources::CONTEXT;
        let mut context = Vec::new();
        for row in cfile.table()?.rows {
            let kind = match row.cells[0] {
                "planned" => ContextKind::Planned,
                "hypothetical" => ContextKind::Hypothetical,
                "negated" => ContextKind::Negated,
                "generic" => ContextKind::Generic,
                "boundary" => ContextKind::Boundary,
                "subordinator" => ContextKind::Subordinator,
                "boundary-after" => ContextKind::BoundaryAfter,
                "place-marker" => ContextKind::PlaceMarker,
                "continuation" => ContextKind::Continuation,
                "opinion" => ContextKind::Opinion,
                "commentary" => ContextKind::Commentary,
                "pair" => ContextKind::Pair,
                "vessel" => ContextKind::Vessel,
                "ending" => ContextKind::Ending,
                "attendance" => ContextKind::Attendance,
                "pair-of-states" => ContextKind::PairOfStates,
                "venue" => ContextKind::Venue,
                "place-noun" => ContextKind::PlaceNoun,
                "origin" => ContextKind::Origin,
                "announced" => ContextKind::Announced,
                "cancelled" => ContextKind::Cancelled,
                "habitual" => ContextKind::Habitual,
                "signed" => ContextKind::Signed,
                "presence" => ContextKind::Presence,
                "their-states" => ContextKind::TheirStates,
                other => return Err(cfile.invalid(row.line, format!("unknown kind {other}"))),
            };
            let phrase: Vec<String> = row.cells[1].split_whitespace().map(str::to_string).collect();
            if let Some(long) = phrase.iter().find(|w| w.len() > WordKey::LONGEST) {
                return Err(cfile.invalid(row.line, format!("`{long}` is longer than {} bytes", WordKey::LONGEST)));
            }
            context.push((kind, phrase));
        }
        let mut vocabulary = FxHashMap::default();
        for w in KNOWN_WORDS
            .iter()
            .flat_map(|ws| ws.iter().copied())
            .chain(context.iter().flat_map(|(_, p)| p.iter().map(String::as_str)))
        {
            let next = vocabulary.len() as WordId;
            vocabulary.entry(w.to_string()).or_insert(next);
        }
        // Commentary is read from header lines and place markers from the
        // word before a mention, not from a sentence's words.
        let phrases: Vec<(ContextKind, Vec<WordId>)> = context
            .iter()
            .filter(|(kind, p)| {
                !matches!(
                    kind,
                    ContextKind::Commentary
                        | ContextKind::PlaceMarker
                        | ContextKind::Venue
                        | ContextKind::PlaceNoun
                        | ContextKind::Origin
                ) && !p.is_empty()
            })
            .map(|(kind, p)| (*kind, p.iter().map(|w| vocabulary[w]).collect()))
            .collect();
        let words = vocabulary.len();
        let mut alone = vec![Vec::new(); words];
        let mut starting = vec![Vec::new(); words];
        let mut pairs = vec![0u64; (words * words).div_ceil(64)];
        for (i, (_, p)) in phrases.iter().enumerate() {
            let first = usize::from(p[0]);
            match p.get(1) {
                None => alone[first].push(i),
                Some(&second) => {
                    starting[first].push((i, second));
                    let bit = first * words + usize::from(second);
                    pairs[bit / 64] |= 1 << (bit % 64);
                }
            }
        }
        let mut by_kind = vec![Vec::new(); ContextKind::COUNT];
        for (kind, phrase) in context {
            by_kind[kind as usize].push(phrase);
        }
        let mut vessels = Vec::new();
        for phrase in &by_kind[ContextKind::Vessel as usize] {
            let first = phrase[0].len();
            if vessels.len() <= first {
                vessels.resize(first + 1, Vec::new());
            }
            vessels[first].push(phrase.join(" "));
        }
        let mut spelling = vec![String::new(); vocabulary.len()];
        for (w, &id) in &vocabulary {
            spelling[id as usize].clone_from(w);
        }
        Ok(Lexicon {
            triggers,
            written,
            automaton,
            context: by_kind,
            vocabulary: Vocabulary::new(&spelling),
            spelling,
            phrases,
            alone,
            starting,
            pairs,
            vessels,
        })
    }

    /// The trigger phrases in `text`, left to right, at word starts: at
    /// each the longest (of equal ones, the first in `triggers.tsv`), ASCII
    /// case ignored ([`AtWordStarts`]).
    fn find<'t>(&'t self, text: &'t str) -> impl Iterator<Item = aho_corasick::Match> + 't {
        self.automaton.find_iter(text)
    }

    /// The trigger phrases that [`find`](Self::find) finds in
    /// `text[range]` (a sentence), given the word bytes of `text`.
    pub(crate) fn find_in<'t>(
        &'t self,
        text: &'t str,
        words: &'t WordBytes,
        range: Range<usize>,
    ) -> impl Iterator<Item = aho_corasick::Match> + 't {
        self.automaton.find_in(text, words, range)
    }

    fn phrases(&self, kind: ContextKind) -> impl Iterator<Item = &[String]> {
        self.context[kind as usize].iter().map(Vec::as_slice)
    }

    /// Whether some phrase starts with the words numbered `first` and `second`.
    fn opens_pair(&self, first: WordId, second: WordId) -> bool {
        let bit = usize::from(first) * self.alone.len() + usize::from(second);
        self.pairs[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// Whether a sentence's word is one of `words`, each of [`KNOWN_WORDS`].
    fn is(&self, w: &Word, words: &[&str]) -> bool {
        w.id.is_some_and(|id| words.contains(&self.spelling[id as usize].as_str()))
    }
}

/// The lexicon's words, looked up as a sentence's words are written: by
/// [`WordKey`]s, which need no lower-cased copy of a word and compare as
/// integers, in a table of word numbers that is mostly empty, so that most
/// words that are not in it (half of a text's) cost one read.
struct Vocabulary {
    /// Each word's key, by its number.
    keys: Vec<WordKey>,
    /// Open addressing with linear probing, by [`WordKey::hash`]: a word's
    /// number plus one, or 0 for an empty slot. A power of two in length.
    slots: Vec<WordId>,
}

impl Vocabulary {
    /// The table of `words` (lower case, at most [`WordKey::LONGEST`] bytes
    /// each, distinct), numbered by their place.
    fn new(words: &[String]) -> Vocabulary {
        let keys: Vec<WordKey> =
            words.iter().map(|w| WordKey::new(w.as_bytes(), w.is_ascii()).expect("checked word length")).collect();
        assert!(keys.len() < usize::from(WordId::MAX), "a vocabulary numbered in 16 bits");
        let mut slots = vec![0; (4 * keys.len()).next_power_of_two()];
        let mask = slots.len() - 1;
        for (id, key) in keys.iter().enumerate() {
            let mut i = key.hash() & mask;
            while slots[i] != 0 {
                i = (i + 1) & mask;
            }
            slots[i] = id as WordId + 1;
        }
        Vocabulary { keys, slots }
    }

    /// The number of the word `w`, which is ASCII (and may have capitals)
    /// if `ascii`, else in lower case already.
    #[inline]
    fn get(&self, w: &[u8], ascii: bool) -> Option<WordId> {
        let key = WordKey::new(w, ascii)?;
        let mask = self.slots.len() - 1;
        let mut i = key.hash() & mask;
        loop {
            let id = usize::from(self.slots[i]).checked_sub(1)?;
            if self.keys[id] == key {
                return Some(id as WordId);
            }
            i = (i + 1) & mask;
        }
    }
}

/// A word of up to [`WordKey::LONGEST`] bytes as integers: its length and
/// its first and last eight bytes (fewer, overlapping, in a shorter word),
/// which between them hold every byte. An ASCII word is put in lower case
/// by setting bit 5 of each byte: that lowers capitals and leaves the
/// other characters of words (`a-z`, digits, `'`, `-`) as they are.
#[derive(Clone, Copy, PartialEq, Eq)]
struct WordKey {
    head: u64,
    tail: u64,
    len: usize,
}

impl WordKey {
    /// The longest word a key holds.
    const LONGEST: usize = 16;

    /// The key of `w`, lowered if `ascii` (see [`WordKey`]); none if `w`
    /// is longer than [`WordKey::LONGEST`].
    #[inline]
    fn new(w: &[u8], ascii: bool) -> Option<WordKey> {
        let n = w.len();
        let lower = if ascii { 0x20 } else { 0 };
        let one = |at: usize| u64::from(w[at] | lower);
        let four = |at: usize| {
            u64::from(
                u32::from_le_bytes(w[at..at + 4].try_into().expect("four bytes")) | u32::from_ne_bytes([lower; 4]),
            )
        };
        let eight = |at: usize| {
            u64::from_le_bytes(w[at..at + 8].try_into().expect("eight bytes")) | u64::from_ne_bytes([lower; 8])
        };
        let (head, tail) = match n {
            0 => (0, 0),
            1..=3 => (one(0) | one(n / 2) << 8 | one(n - 1) << 16, 0),
            4..=7 => (four(0) | four(n - 4) << 32, 0),
            8..=WordKey::LONGEST => (eight(0), eight(n - 8)),
            _ => return None,
        };
        Some(WordKey { head, tail, len: n })
    }

    fn hash(&self) -> usize {
        let mixed = self.head ^ self.tail.rotate_left(29) ^ self.len as u64;
        (mixed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize
    }
}

/// A word of a sentence, in lower case with `’` read as `'`.
#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    /// Its number, when the lexicon knows it.
    id: Option<WordId>,
    /// It ends in `'s`.
    possessive: bool,
}

/// A context phrase found in a sentence: its kind and first and last words.
#[derive(Debug, Clone, Copy)]
struct PhraseAt {
    kind: ContextKind,
    first: usize,
    last: usize,
}

/// A sentence's words and the context phrases among them, read once.
#[derive(Default)]
struct Words {
    list: Vec<Word>,
    phrases: Vec<PhraseAt>,
    /// The sentence's relative clauses ([`relative_clauses`]): read with
    /// its words, as each of its triggers' clauses and dates asks for them.
    asides: Vec<(usize, usize)>,
}

impl Words {
    /// The words of a span with their byte offsets, and the context
    /// phrases they hold, read into the lists of `spare` (those of a
    /// sentence read before, emptied), so that reading allocates little.
    fn read(text: &str, from: usize, to: usize, lexicon: &Lexicon, spare: Words) -> Words {
        let Words { mut list, mut phrases, .. } = spare;
        list.clear();
        list.reserve((to - from) / 4);
        phrases.clear();
        for (start, end, seen) in word_spans(text, from, to) {
            push_word(&mut list, text, start, end, seen, lexicon);
        }
        for (i, w) in list.iter().enumerate() {
            let Some(id) = w.id else { continue };
            for &p in &lexicon.alone[usize::from(id)] {
                phrases.push(PhraseAt { kind: lexicon.phrases[p].0, first: i, last: i });
            }
            let Some(next) = list.get(i + 1).and_then(|w| w.id) else { continue };
            if !lexicon.opens_pair(id, next) {
                continue;
            }
            for &(p, second) in &lexicon.starting[usize::from(id)] {
                let (kind, words) = &lexicon.phrases[p];
                let last = i + words.len() - 1;
                let rest = |ws: &[Word]| ws.iter().zip(&words[2..]).all(|(w, p)| w.id == Some(*p));
                if second == next && (words.len() == 2 || list.get(i + 2..=last).is_some_and(rest)) {
                    phrases.push(PhraseAt { kind: *kind, first: i, last });
                }
            }
        }
        Words { list, phrases, asides: relative_clauses(text, from, to) }
    }

    /// Drops the modal and negation phrases that are words of a date: "In
    /// May, Marcos held talks" does not say "may hold talks".
    fn not_in_dates(&mut self, dates: &[(usize, usize)]) {
        let list = &self.list;
        self.phrases.retain(|p| {
            let w = &list[p.first];
            !matches!(p.kind, ContextKind::Negated | ContextKind::Hypothetical)
                || !dates.iter().any(|&(start, end)| start <= w.start && w.end <= end)
        });
    }

    /// The indices of the words that lie within `from..to`: the same as
    /// reading that span when it starts and ends between words.
    fn within(&self, from: usize, to: usize) -> Range<usize> {
        let lo = self.list.partition_point(|w| w.start < from);
        let hi = self.list.partition_point(|w| w.end <= to).max(lo);
        lo..hi
    }

    /// The first `n` words (or fewer) that lie within `from..to`.
    fn first_within(&self, from: usize, to: usize, n: usize) -> Range<usize> {
        let w = self.within(from, to);
        w.start..(w.start + n).min(w.end)
    }

    /// The phrases of a kind among the words `range`.
    fn found(&self, kind: ContextKind, range: Range<usize>) -> impl Iterator<Item = &PhraseAt> {
        self.phrases.iter().filter(move |p| p.kind == kind && range.start <= p.first && p.last < range.end)
    }

    /// Whether the words `range` hold a phrase of a kind.
    fn has(&self, kind: ContextKind, range: Range<usize>) -> bool {
        self.found(kind, range).next().is_some()
    }

    /// Where the first phrase of any of the kinds starts in the words `range`.
    fn first(&self, kinds: &[ContextKind], range: Range<usize>) -> Option<usize> {
        kinds.iter().filter_map(|&k| self.found(k, range.clone()).map(|p| p.first).min()).min()
    }
}

/// What a character is to a word, as bits: [`class_at`] reads it, and
/// [`push_word`] takes the classes of a word's characters, so that it knows
/// without another pass which words need lowering or splitting.
type Class = u8;
/// Not part of a word.
const SEPARATOR: Class = 0;
/// An ASCII letter, a digit or a hyphen.
const PLAIN: Class = 1;
/// `'`: the word may be possessive or split ("didn't").
const APOSTROPHE: Class = 4;
/// A character beyond ASCII that is part of a word (a letter, `’`).
const NON_ASCII: Class = 8;

/// Each byte's class when it stands for an ASCII character; bytes past
/// ASCII start a character that [`class_at`] decodes.
static BYTE_CLASS: [Class; 256] = {
    let mut table = [SEPARATOR; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = match c {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' => PLAIN,
            b'\'' => APOSTROPHE,
            0x80.. => NON_ASCII,
            _ => SEPARATOR,
        };
        b += 1;
    }
    table
};

/// The class of the character at byte `i` of `text` and its length in
/// bytes, if `text` goes on past `i`.
#[inline]
fn class_at(text: &str, i: usize) -> Option<(Class, usize)> {
    Some(match BYTE_CLASS[*text.as_bytes().get(i)? as usize] {
        NON_ASCII => {
            let c = text[i..].chars().next().expect("a character at a boundary");
            let class = if c.is_alphanumeric() || c == '\u{2019}' { NON_ASCII } else { SEPARATOR };
            (class, c.len_utf8())
        }
        class => (class, 1),
    })
}

/// The words of `text[from..to]`: each one's start and end, and the classes
/// of its characters as bits. A word's letters are mostly skipped eight at
/// a time ([`letter_run`]), and the separator that ends it is read once:
/// it is where the search for the next word resumes.
fn word_spans(text: &str, from: usize, to: usize) -> impl Iterator<Item = (usize, usize, Class)> {
    let text = &text[..to];
    let mut i = from;
    std::iter::from_fn(move || {
        let start = loop {
            let (class, len) = class_at(text, i)?;
            if class != SEPARATOR {
                break i;
            }
            i += len;
        };
        let mut seen = PLAIN;
        loop {
            i += letter_run(&text.as_bytes()[i..]);
            match class_at(text, i) {
                Some((SEPARATOR, len)) => {
                    i += len;
                    return Some((start, i - len, seen));
                }
                Some((class, len)) => {
                    seen |= class;
                    i += len;
                }
                None => return Some((start, i, seen)),
            }
        }
    })
}

/// How many of the bytes that start `bytes` are ASCII letters, as most of a
/// word's are: counted eight at a time, as bits of an integer, rather than
/// class by class; none when fewer than eight bytes are left.
#[inline]
fn letter_run(bytes: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut n = 0;
    while let Some(chunk) = bytes.get(n..n + 8) {
        // Setting bit 5 of each byte lowers the capitals and takes no other
        // byte into `a-z`. Then each byte's low seven bits plus 0x80 - b'a'
        // (resp. 0x80 - b'{') set its high bit when it is at least `a`
        // (resp. past `z`), and carry into no other byte.
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes")) | 0x2020_2020_2020_2020;
        let low = x & !HIGH;
        let from_a = low + 0x1F1F_1F1F_1F1F_1F1F;
        let past_z = low + 0x0505_0505_0505_0505;
        let other = !(from_a & !past_z & !x) & HIGH;
        if other != 0 {
            return n + (other.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n
}

/// Adds the word `text[s..e]`, whose characters' classes are `seen`, read
/// in lower case; "didn't" reads as "did" + "n't" and "we'll" as "we" +
/// "'ll".
fn push_word(list: &mut Vec<Word>, text: &str, s: usize, e: usize, seen: Class, lexicon: &Lexicon) {
    // Most words are ASCII without an apostrophe: nothing to lower, split
    // or call possessive.
    if seen & (APOSTROPHE | NON_ASCII) == 0 {
        let id = lexicon.vocabulary.get(&text.as_bytes()[s..e], true);
        list.push(Word { start: s, end: e, id, possessive: false });
        return;
    }
    // An ASCII word is compared ignoring case, as it is; one beyond ASCII
    // (rare) is lowered as Unicode says, with `’` read as `'`.
    let lowered;
    let (w, ascii) = if seen & NON_ASCII != 0 {
        lowered = text[s..e].to_lowercase().replace('\u{2019}', "'");
        (lowered.as_bytes(), lowered.is_ascii())
    } else {
        (&text.as_bytes()[s..e], true)
    };
    let ends_with =
        |w: &[u8], suffix: &[u8]| w.len() >= suffix.len() && w[w.len() - suffix.len()..].eq_ignore_ascii_case(suffix);
    let word = |start, end, w: &[u8]| Word {
        start,
        end,
        id: lexicon.vocabulary.get(w, ascii),
        possessive: ends_with(w, b"'s"),
    };
    match [b"n't", b"'ll"].into_iter().find(|suffix| ends_with(w, *suffix)) {
        Some(suffix) => {
            list.push(word(s, e - 3, &w[..w.len() - 3]));
            list.push(word(e - 3, e, suffix));
        }
        None => list.push(word(s, e, w)),
    }
}

/// A trigger found in a sentence, with the clause around it.
#[derive(Clone)]
struct Trigger {
    kind: EventType,
    flags: Flags,
    start: usize,
    end: usize,
    /// The clause before and after the trigger its participants are read from.
    before: (usize, usize),
    after: (usize, usize),
    /// The trigger stands in a subordinate clause ("after X met Y").
    subordinate: bool,
    /// Where its clause ends when commas do not end it: a subordinate
    /// clause's own date may follow a comma ("attacked a patrol near
    /// Tongo Tongo, close to the border, on Oct. 4, 2017").
    clause_to: usize,
}

/// An event while it is read: an [`Event`] whose codes, names, offices
/// and place are borrowed (from the gazetteer, or from the people the
/// article introduces) and whose evidence is its sentences. Most readings
/// are merged into others or dropped; this way they allocate no strings,
/// and only the events kept are written out ([`Reading::into_event`]).
#[derive(Debug, Clone)]
struct Reading<'a> {
    kind: EventType,
    date: DateValue,
    date_inferred: bool,
    status: Status,
    /// Sorted, unique codes of states and organisations.
    countries: Vec<&'a str>,
    actors: Vec<Taking<'a>>,
    /// The place as the text names it, or empty.
    location: &'a str,
    evidence: Vec<Sentence>,
    confidence: f64,
}

/// A person taking part in a [`Reading`]: an [`Actor`], borrowed.
#[derive(Debug, Clone, Copy)]
struct Taking<'a> {
    name: &'a str,
    /// The code of the state or organisation the person acts for; empty when unknown.
    country: &'a str,
    /// The office held on the event's date, where known; empty otherwise.
    role: &'a str,
}

impl Reading<'_> {
    /// A reading of a trigger, with its date and no one taking part yet.
    fn new(kind: EventType, date: DateValue) -> Self {
        Reading {
            kind,
            date,
            date_inferred: false,
            status: Status::Occurred,
            countries: Vec::new(),
            actors: Vec::new(),
            location: "",
            evidence: Vec::new(),
            confidence: 0.0,
        }
    }

    /// The event as the contract gives it, its evidence the text of its sentences.
    fn into_event(self, text: &str) -> Event {
        let actor = |a: Taking| Actor { name: a.name.into(), country: a.country.into(), role: a.role.into() };
        let evidence =
            |s: Sentence| Evidence { start: s.char_start, end: s.char_end, text: text[s.start..s.end].into() };
        Event {
            kind: self.kind,
            date: self.date,
            date_inferred: self.date_inferred,
            status: self.status,
            countries: self.countries.into_iter().map(str::to_string).collect(),
            actors: self.actors.into_iter().map(actor).collect(),
            location: self.location.into(),
            evidence: self.evidence.into_iter().map(evidence).collect(),
            confidence: self.confidence,
        }
    }
}

/// An event as read from one sentence, before merging.
#[derive(Debug, Clone)]
struct Draft<'a> {
    event: Reading<'a>,
    /// A passing mention (no date of its own, a noun, commentary): it adds
    /// its evidence to the event it refers to.
    mention_only: bool,
    /// Whether a passing mention with nothing to refer to still stands as
    /// an event (not commentary, not in a subordinate clause).
    standalone: bool,
    /// The mention points at a known event: "the talks", "Li's visit".
    definite: bool,
    /// Its people attend the event it refers to ("Li and Shoigu attended
    /// the meeting"): a passing mention that still adds participants.
    attends: bool,
    /// How many days its sentence says the event lasts ("the two-day
    /// summit"), and whether the day named is the last.
    lasts: Option<(u32, bool)>,
}

/// Reads an article's events.
pub fn extract(text: &str, options: &Options) -> Extraction {
    extract_many(&[(text, options)]).pop().expect("one article read")
}

/// Reads the events of several articles: the same as [`extract`] on each,
/// but quicker. Each stage that reads a whole text or every sentence
/// (layout, dates, gazetteer, offices, trigger phrases) runs over every
/// article before the next one starts, so the tables it reads stay in the
/// processor's caches; one article at a time, each finds them evicted by
/// the others and runs up to three times slower.
pub fn extract_many(articles: &[(&str, &Options)]) -> Vec<Extraction> {
    let texts: Vec<&str> = articles.iter().map(|(text, _)| *text).collect();
    // The lists of the sentences' words, passed on from one article to the next.
    let mut spare = Vec::new();
    articles
        .iter()
        .zip(Scan::many(&texts))
        .map(|((text, options), scan)| extract_scanned(text, options, scan, &mut spare))
        .collect()
}

/// What the stages over a whole text find in an article, before its events
/// are read.
struct Scan {
    layout: Layout,
    /// Tagged once: the publication date's year and the events both use it.
    timexes: Vec<Timex>,
    mentions: Vec<Mention>,
    /// People named by office: learned ones and holders looked up by date.
    found: Found,
    /// Each sentence's trigger phrases, as the automaton finds them in it.
    triggers: BySentence<aho_corasick::Match>,
}

/// What each sentence of an article holds, in one list for the article
/// rather than a list (an allocation) per sentence.
struct BySentence<T> {
    items: Vec<T>,
    /// Where each sentence's items end in `items`.
    ends: Vec<usize>,
}

impl<T> BySentence<T> {
    /// Each sentence's items, as `read` adds those of the sentence
    /// numbered `si` to the list it is given.
    fn read(sentences: &[Sentence], mut read: impl FnMut(usize, &Sentence, &mut Vec<T>)) -> Self {
        let mut all = BySentence { items: Vec::new(), ends: Vec::with_capacity(sentences.len()) };
        for (si, s) in sentences.iter().enumerate() {
            read(si, s, &mut all.items);
            all.ends.push(all.items.len());
        }
        all
    }

    /// The items of the sentence numbered `si`.
    fn of(&self, si: usize) -> &[T] {
        let start = if si == 0 { 0 } else { self.ends[si - 1] };
        &self.items[start..self.ends[si]]
    }
}

impl Scan {
    /// The scans of several texts, stage by stage.
    fn many(texts: &[&str]) -> Vec<Scan> {
        let layouts: Vec<Layout> = texts.iter().map(|text| text::layout(text)).collect();
        // Which bytes are of words, for the searches of phrases at word starts.
        let words: Vec<WordBytes> = texts.iter().map(|text| WordBytes::of(text)).collect();
        let tagger = Tagger::shared();
        let timexes: Vec<Vec<Timex>> = texts.iter().map(|text| tagger.find(text)).collect();
        let gazetteer = Gazetteer::shared();
        let mentions: Vec<Vec<Mention>> =
            texts.iter().zip(&words).map(|(text, w)| gazetteer.find_in(text, w)).collect();
        let offices = Offices::shared();
        let found: Vec<Found> = texts
            .iter()
            .zip(&words)
            .zip(&mentions)
            .map(|((text, w), m)| offices.find_in(text, w, m, gazetteer))
            .collect();
        let lexicon = Lexicon::shared();
        let triggers: Vec<BySentence<aho_corasick::Match>> = texts
            .iter()
            .zip(&layouts)
            .zip(&words)
            .map(|((text, l), w)| {
                BySentence::read(&l.sentences, |_, s, out| out.extend(lexicon.find_in(text, w, s.start..s.end)))
            })
            .collect();
        let stages = layouts.into_iter().zip(timexes).zip(mentions).zip(found).zip(triggers);
        stages
            .map(|((((layout, timexes), mentions), found), triggers)| Scan {
                layout,
                timexes,
                mentions,
                found,
                triggers,
            })
            .collect()
    }
}

/// Reads an article's events from its scan. Its sentences' words are read
/// into the lists of `spare_words`, and their lists left there for the next.
fn extract_scanned(text: &str, options: &Options, scan: Scan, spare_words: &mut Vec<Words>) -> Extraction {
    let Scan { layout, timexes: all_timexes, mentions: all_mentions, found, triggers } = scan;
    // A sentence's words are read when first asked for: only sentences
    // with a trigger phrase and the few after them are.
    let date_spans: Vec<(usize, usize)> = all_timexes.iter().map(|t| (t.start, t.end)).collect();
    let all_words: Vec<OnceCell<Words>> = layout.sentences.iter().map(|_| OnceCell::new()).collect();
    let mut diagnostics = Vec::new();
    let gazetteer = Gazetteer::shared();
    let lexicon = Lexicon::shared();
    let offices = Offices::shared();
    // The years in which the people named held their titles are likely ones
    // for a dateline that gives none.
    let out_of_office = |d: NaiveDate| offices.out_of_office(&found, gazetteer, d);
    let in_text = pubdate::find_with(
        text,
        &layout,
        options.file_name.as_deref(),
        options.file_date,
        || all_timexes.clone(),
        &out_of_office,
    );
    let dateline_span = in_text.as_ref().and_then(|p| p.span);
    let published = match options.published {
        Some(date) => {
            let source = options.published_source.clone().unwrap_or_else(|| "given".into());
            Some(Published { date, source, certain: true, span: None })
        }
        None => in_text.or_else(|| {
            options.sent.as_ref().map(|(date, source)| Published {
                date: *date,
                source: source.clone(),
                certain: false,
                span: None,
            })
        }),
    };
    if published.is_none() {
        diagnostics.push(Diagnostic {
            at: 0,
            message: "no publication date found: relative dates cannot be resolved and undated events are skipped"
                .into(),
        });
    }
    let reference = published.as_ref().map(|p| p.date);
    let body_start = layout.sentences.first().map_or(text.len(), |s| s.start);
    // The dateline ("SINGAPORE, May 31 (Reuters) --") says where and when
    // the report was filed: none of its words belong to an event.
    let dateline = dateline_span.filter(|s| s.0 >= body_start);
    let outside = |start: usize| dateline.is_none_or(|(s, e)| start < s || start >= e);
    let mut mentions: Vec<Mention> = all_mentions.into_iter().filter(|m| outside(m.start)).collect();
    mentions.extend(found.mentions.iter().copied().filter(|m| outside(m.start)));
    mentions.sort_by_key(|m| m.start);
    ship_names(text, lexicon, &mut mentions);
    let timexes: Vec<Timex> = all_timexes.into_iter().filter(|t| t.start >= body_start && outside(t.start)).collect();
    // Phase 2 once for the whole text: anchored expressions ("the following
    // day") count from the date named before them.
    let dates: Vec<Option<DateValue>> =
        timex::resolve_all(&timexes, reference).into_iter().map(|v| v.and_then(|v| v.date())).collect();
    debug_assert!(timexes.windows(2).all(|w| w[0].end <= w[1].start), "expressions in order, apart");

    let commentary = layout.header.iter().any(|&(s, e)| {
        let line = text[s..e].to_lowercase();
        lexicon.phrases(ContextKind::Commentary).any(|p| p.iter().all(|w| line.contains(w.as_str())))
    });
    let spare = RefCell::new(std::mem::take(spare_words));
    let words_of = |si: usize| {
        all_words[si].get_or_init(|| {
            let s = &layout.sentences[si];
            let lists = spare.borrow_mut().pop().unwrap_or_default();
            let mut w = Words::read(text, s.start, s.end, lexicon, lists);
            w.not_in_dates(&date_spans);
            w
        })
    };
    let sentence_triggers = BySentence::read(&layout.sentences, |si, s, out| match triggers.of(si) {
        [] => {}
        found => find_triggers(text, s, found, words_of(si), lexicon, &mentions, out),
    });
    let mut drafts: Vec<Draft> = Vec::new();
    // The sentence that last read events others may attend, and those drafts.
    let mut attended: Option<(usize, std::ops::Range<usize>)> = None;
    // The drafts of one sentence, emptied into `drafts` after each.
    let mut in_sentence: Vec<Draft> = Vec::new();
    for (si, sentence) in layout.sentences.iter().enumerate() {
        let triggers = sentence_triggers.of(si);
        // Whether this sentence says who attended the events `drafts`.
        let says_who_attended =
            |drafts| attendance(gazetteer, &found, &mentions, &timexes, &dates, sentence, words_of(si), drafts);
        if triggers.is_empty() {
            // "The first phase runs from Nov. 3 to 6": a range the sentence
            // just after gives, holding an event's day, is how long it lasts.
            if let Some((from, range)) = attended.clone()
                && si == from + 1
            {
                let ranges: Vec<DateValue> = timexes
                    .iter()
                    .zip(&dates)
                    .filter(|(t, _)| t.start >= sentence.start && t.end <= sentence.end)
                    .filter_map(|(_, d)| *d)
                    .filter(|d| matches!(d, DateValue::Range(..)))
                    .collect();
                for d in &mut drafts[range.clone()] {
                    if let DateValue::Day(day) = d.event.date
                        && lasts_days(d.event.kind)
                        && !d.event.date_inferred
                        && let Some(r) = ranges.iter().find(|r| r.start() == day)
                    {
                        d.event.date = *r;
                    }
                }
            }
            // "Leaders attending included ...": people who attend the events
            // of a sentence just before.
            if let Some((from, range)) = attended.clone()
                && si - from <= ATTENDANCE_REACH
                && says_who_attended(&mut drafts[range.clone()])
            {
                attended = Some((si, range));
            }
            continue;
        }
        let sentence_words = words_of(si);
        let all = 0..sentence_words.list.len();
        let opinion = sentence_words.has(ContextKind::Opinion, all.clone());
        let ends = sentence_words.has(ContextKind::Ending, all);
        for trigger in triggers {
            // Only for diagnostics: counting code points is linear in the sentence.
            let at = || sentence.char_offset(text, trigger.start);
            let phrase = &text[trigger.start..trigger.end];
            if trigger.flags.weak
                && triggers.iter().any(|t| !t.flags.weak && !t.flags.needs_place && t.kind != trigger.kind)
            {
                continue;
            }
            let before_words = sentence_words.within(trigger.before.0, trigger.start);
            let last_words = |n: usize| before_words.end.saturating_sub(n).max(before_words.start)..before_words.end;
            let near = last_words(5);
            // A noun is planned only when its own modifiers say so ("the
            // upcoming summit"), not the verb it is the object of ("will
            // address the forum").
            let modifiers = last_words(2);
            let has = |kind, range| sentence_words.has(kind, range);
            let last_before = before_words.clone().next_back().map(|i| sentence_words.list[i]);
            // "The exercise was called off in March".
            let just_after = sentence_words.first_within(trigger.end, trigger.after.1, 10);
            let called_off = trigger.flags.noun && has(ContextKind::Cancelled, just_after.clone());
            if has(ContextKind::Negated, near.clone()) || has(ContextKind::Hypothetical, near.clone()) || called_off {
                diagnostics.push(Diagnostic {
                    at: at(),
                    message: format!("`{phrase}`: negated or hypothetical, not an event"),
                });
                continue;
            }
            // "a flag signed by soldiers", "signed a decree": signing is an
            // agreement only when the sentence names one before the verb or
            // in its clause.
            if trigger.flags.needs_object
                && !has(ContextKind::Signed, sentence_words.within(sentence.start, trigger.after.1.max(trigger.end)))
            {
                diagnostics.push(Diagnostic { at: at(), message: format!("`{phrase}`: no agreement named") });
                continue;
            }
            if has(ContextKind::Generic, near.clone()) || has(ContextKind::Habitual, just_after.clone()) {
                diagnostics.push(Diagnostic {
                    at: at(),
                    message: format!("`{phrase}`: a generic mention, not one occurrence"),
                });
                continue;
            }
            let infinitive = trigger.flags.verb && last_before.is_some_and(|w| lexicon.is(&w, &["to"]));
            let planned_word =
                has(ContextKind::Planned, if trigger.flags.verb { near } else { modifiers }) || infinitive;
            // "On Wednesday he will join leaders at a summit": the clause's
            // future governs the date of the gathering it names.
            let future_clause = trigger.flags.noun && has(ContextKind::Planned, before_words.clone());
            let direction = if planned_word || future_clause { Direction::Future } else { Direction::Unmarked };
            // "Biden will host Marcos and Kishida at the White House on
            // Thursday": a future marker anywhere before a date in the
            // sentence points it forward, however far back.
            let future_before = |pos: usize| {
                let k = sentence_words.list.partition_point(|w| w.start < pos);
                sentence_words.has(ContextKind::Planned, 0..k)
            };
            // "The patrol was announced on Saturday": the date is the
            // announcement's, and the patrol one read elsewhere.
            let announced = trigger.flags.noun
                && sentence_words
                    .has(ContextKind::Announced, sentence_words.first_within(trigger.end, trigger.after.1, 3));
            let own_date = if announced {
                None
            } else {
                trigger_date(
                    text,
                    &timexes,
                    &dates,
                    sentence,
                    &sentence_words.asides,
                    trigger,
                    reference,
                    direction,
                    &future_before,
                )
                .map(|d| lasting(text, d, trigger, sentence, &timexes, &dates, ends))
            };
            // "opened the patrols at a ceremony": several occurrences named
            // definitely refer back to ones read already, and make none.
            let definite = definite(text, lexicon, &sentence_words.list[before_words.clone()]);
            if trigger.flags.plural && own_date.is_none() && !definite {
                diagnostics.push(Diagnostic {
                    at: at(),
                    message: format!("`{phrase}`: several occurrences without a date, not recorded"),
                });
                continue;
            }
            let (date, date_inferred) = match (own_date, reference) {
                (Some(d), _) => (d, false),
                (None, Some(r)) => (DateValue::Day(r), true),
                (None, None) => {
                    diagnostics
                        .push(Diagnostic { at: at(), message: format!("`{phrase}`: no date and no publication date") });
                    continue;
                }
            };
            let future = reference.is_some_and(|r| date.start() > r);
            let status = if planned_word || future { Status::Planned } else { Status::Occurred };
            if status == Status::Planned {
                if date_inferred {
                    diagnostics.push(Diagnostic {
                        at: at(),
                        message: format!("`{phrase}`: planned without a date, not recorded"),
                    });
                    continue;
                }
                if reference.is_some_and(|r| date.end() < r) {
                    diagnostics.push(Diagnostic {
                        at: at(),
                        message: format!("`{phrase}`: intention about a past date, not an event"),
                    });
                    continue;
                }
            }
            // A ship that visits or arrives makes a port call.
            let ported;
            let trigger =
                if trigger.kind == EventType::Visit && sentence_words.has(ContextKind::Vessel, before_words.clone()) {
                    ported = Trigger { kind: EventType::PortCall, ..trigger.clone() };
                    &ported
                } else {
                    trigger
                };
            let mut draft = participants(text, gazetteer, &found, lexicon, &mentions, trigger, date);
            if draft.kind == EventType::Agreement {
                // "was signed in the presence of Macron and Vučić": the
                // witnesses' states are parties, the witnesses did not sign.
                let after_words = sentence_words.within(trigger.after.0, trigger.after.1);
                if let Some(i) = sentence_words.first(&[ContextKind::Presence], after_words) {
                    let signers = Trigger { after: (trigger.after.0, sentence_words.list[i].start), ..trigger.clone() };
                    draft.actors = participants(text, gazetteer, &found, lexicon, &mentions, &signers, date).actors;
                }
                // "..., and the two countries signed a logistics pact": the
                // states signed, not the people named before.
                if sentence_words.has(ContextKind::PairOfStates, last_words(4)) {
                    draft.actors.clear();
                }
            }
            // "Putin and Tebboune signed a declaration after talks in the
            // Kremlin": a subordinate clause naming no one is about the main
            // clause's people.
            if trigger.subordinate && draft.actors.is_empty() && draft.countries.is_empty() {
                let main = Trigger { before: (sentence.start, trigger.start), ..trigger.clone() };
                let location = std::mem::take(&mut draft.location);
                draft = participants(text, gazetteer, &found, lexicon, &mentions, &main, date);
                if !location.is_empty() {
                    draft.location = location;
                }
            }
            // "Two calls between Biden and Putin: a video call on Dec. 7 and
            // ...": a trigger after a colon with no one named is about those
            // named before it.
            if draft.actors.is_empty()
                && draft.countries.is_empty()
                && let Some(colon) = text[sentence.start..trigger.start].rfind(':')
            {
                let lead =
                    Trigger { before: (sentence.start, sentence.start + colon), after: (0, 0), ..trigger.clone() };
                let location = std::mem::take(&mut draft.location);
                draft = participants(text, gazetteer, &found, lexicon, &mentions, &lead, date);
                if !location.is_empty() {
                    draft.location = location;
                }
            }
            // "He later spoke by phone with Zelensky", "On Wednesday he met
            // Mishustin": a sentence that opens with a pronoun is about whom
            // the sentence before opened with.
            let pronoun = sentence_words.list.iter().take(4).find(|w| lexicon.is(w, &["he", "she", "his", "her"]));
            if let Some(pronoun) = pronoun
                && !mentions.iter().any(|m| {
                    m.start >= sentence.start
                        && m.end <= pronoun.start
                        && matches!(m.entity, Entity::Person(_) | Entity::Learned(_))
                })
                && trigger.before.0 == sentence.start
                && si > 0
                && let Some(previous) = layout.sentences.get(si - 1)
                && let Some(subject) = mentions.iter().find(|m| {
                    m.start >= previous.start
                        && m.end <= previous.end
                        && matches!(m.entity, Entity::Person(_) | Entity::Learned(_))
                })
            {
                take_part(&mut draft, subject.entity, gazetteer, &found);
            }
            // "During a visit to Hanoi in May 2016, President Obama
            // announced ...": the main clause's subject made the visit.
            // "Meeting on the sidelines of the summit, the two leaders
            // agreed": so does a sentence that opens with the trigger.
            let opening = sentence_words.list.first().is_some_and(|w| {
                lexicon.is(w, &["during"]) || triggers.iter().any(|t| t.start == w.start && t.flags.noun)
            });
            let mut pair_subject = false;
            if draft.actors.is_empty()
                && trigger.flags.noun
                && opening
                && sentence_words.within(sentence.start, trigger.start).len() <= 3
                && let Some(comma) = text[trigger.end..sentence.end].find(',').map(|i| trigger.end + i)
            {
                pair_subject =
                    sentence_words.has(ContextKind::Pair, sentence_words.first_within(comma, sentence.end, 4));
                if let Some(subject) = mentions.iter().find(|m| m.start > comma && m.start < sentence.end)
                    && text[comma + 1..subject.start].split_whitespace().count() <= 2
                {
                    take_part(&mut draft, subject.entity, gazetteer, &found);
                }
            }
            // "Defence ministers of the SCO met": a meeting of an
            // organisation's ministers or leaders is a summit.
            if draft.kind == EventType::Meeting
                && trigger.flags.verb
                && sentence_words.list[before_words.clone()].iter().any(|w| lexicon.is(w, MEMBERS))
                && mentions.iter().any(|m| {
                    m.start >= trigger.before.0 && m.end <= trigger.start && matches!(m.entity, Entity::Organisation(_))
                })
            {
                draft.kind = EventType::Summit;
            }
            // "for Quad talks", "the first G20 leaders' meeting": talks named
            // after an organisation are its gathering.
            if draft.kind == EventType::Meeting
                && trigger.flags.noun
                && mentions.iter().any(|m| {
                    matches!(m.entity, Entity::Organisation(_))
                        && m.end <= trigger.start
                        && m.start >= trigger.before.0
                        && sentence_words.within(m.end, trigger.start).len() <= 1
                        && sentence_words.list[sentence_words.within(m.end, trigger.start)]
                            .iter()
                            .all(|w| lexicon.is(w, MEMBERS))
                })
            {
                draft.kind = EventType::Summit;
            }
            if trigger.flags.needs_place && draft.location.is_empty() {
                continue;
            }
            // "The two leaders had met in Doha": the pair named last.
            if draft.actors.is_empty() {
                let window = sentence_words.within(trigger.before.0, trigger.after.1);
                let paired = pair_subject || sentence_words.has(ContextKind::Pair, window);
                if paired
                    && let Some(pair) = in_sentence
                        .iter()
                        .rev()
                        .chain(drafts.iter().rev())
                        .find(|d| d.event.actors.len() >= 2 && (d.standalone || !d.mention_only))
                {
                    draft.actors = pair.event.actors.clone();
                    for c in &pair.event.countries {
                        add_country(&mut draft.countries, c);
                    }
                } else if paired && si > 0 {
                    // ... or, when no event had two, the people the sentence
                    // before names ("in the presence of Macron and Vučić").
                    let previous = &layout.sentences[si - 1];
                    let people: Vec<&Mention> = mentions_in(&mentions, previous.start, previous.end)
                        .filter(|m| matches!(m.entity, Entity::Person(_) | Entity::Learned(_)))
                        .collect();
                    if people.len() >= 2 {
                        for m in people {
                            take_part(&mut draft, m.entity, gazetteer, &found);
                        }
                    }
                }
            }
            // "The two countries flew their first joint patrol in 2019": the
            // states of the last event that had two or more. A place's state
            // is not one named ("the three navies exercised off Cape Town").
            // (The place's state is looked up once, and only when needed:
            // the lookup scans the gazetteer's capitals and places.)
            let only_place = || {
                draft.countries.is_empty() || {
                    let host = gazetteer.host_of(draft.location);
                    draft.countries.iter().all(|c| Some(*c) == host)
                }
            };
            if draft.actors.is_empty() && only_place() {
                let window = sentence_words.within(trigger.before.0, trigger.after.1);
                // "China and Russia have stepped up cooperation. Their navies
                // held ...": the states the sentence before names.
                let named_before: Vec<&str> = if si > 0 && sentence_words.has(ContextKind::TheirStates, window.clone())
                {
                    let previous = &layout.sentences[si - 1];
                    let mut codes: Vec<&str> = mentions_in(&mentions, previous.start, previous.end)
                        .filter(|m| matches!(m.entity, Entity::Country(_)))
                        .filter_map(|m| gazetteer.code(m.entity))
                        .collect();
                    codes.dedup();
                    codes
                } else {
                    Vec::new()
                };
                if named_before.len() >= 2 {
                    for c in named_before {
                        add_country(&mut draft.countries, c);
                    }
                } else if sentence_words.has(ContextKind::PairOfStates, window)
                    && let Some(pair) = in_sentence
                        .iter()
                        .rev()
                        .chain(drafts.iter().rev())
                        .find(|d| d.event.countries.len() >= 2 && (d.standalone || !d.mention_only))
                {
                    for c in &pair.event.countries {
                        add_country(&mut draft.countries, c);
                    }
                }
            }
            // "The previous exercise in the series, Zapad-2017": an edition
            // naming no one has the states of the series read before.
            if draft.kind == EventType::Exercise
                && trigger.flags.named
                && draft.countries.is_empty()
                && draft.actors.is_empty()
                && let Some(series) = drafts.iter().rev().find(|d| {
                    d.event.kind == EventType::Exercise
                        && !d.event.date_inferred
                        && d.event.evidence.iter().any(|s| text[s.start..s.end].contains(phrase))
                })
            {
                draft.countries = series.event.countries.clone();
            }
            draft.date = date;
            draft.date_inferred = date_inferred;
            draft.status = status;
            draft.evidence = vec![*sentence];
            draft.confidence = confidence(trigger, &draft);
            // "preparations for the summit": a gathering named as the object
            // of something else refers to it, and names none of its people.
            // So is a drill ("warships gathered for the alliance's annual
            // Baltic Sea exercise").
            let object = trigger.flags.noun
                && matches!(trigger.kind, EventType::Summit | EventType::Exercise | EventType::Patrol)
                && object_of(text, lexicon, &sentence_words.list[before_words.clone()]);
            let mention_only = opinion || object || (date_inferred && (trigger.flags.noun || trigger.subordinate));
            if let Some(next) = layout.sentences.get(si + 1)
                && sentence_triggers.of(si + 1).is_empty()
            {
                let next_words = || words_of(si + 1);
                continuation(gazetteer, &found, &mentions, &timexes, sentence, next, next_words, &mut draft);
            }
            // "Li and Shoigu attended the meeting": the people of a passing
            // mention take part in the gathering it refers to.
            let mut attends = matches!(trigger.kind, EventType::Meeting | EventType::Summit)
                && sentence_words.has(ContextKind::Attendance, last_words(4));
            // "Navies from 32 countries are taking part, among them Ghana
            // ..., whose command organises the annual drill": a sentence
            // that says who takes part in a gathering or drill it only
            // refers to brings them all.
            // The phrase must be the trigger's own ("opened the exercise",
            // "the exercise includes"); elsewhere in the sentence it is
            // about the events before (below).
            let adjacent = sentence_words.has(ContextKind::Attendance, last_words(3))
                || sentence_words
                    .has(ContextKind::Attendance, sentence_words.first_within(trigger.end, sentence.end, 3));
            if !attends
                && mention_only
                && !opinion
                && adjacent
                && ATTENDED.contains(&draft.kind)
                && says_attended(sentence_words)
            {
                let inside: Vec<&Mention> = mentions_in(&mentions, sentence.start, sentence.end).collect();
                attends = attend(&mut draft, &inside, gazetteer, &found);
            }
            let lasts = duration(text, sentence, &timexes).map(|n| (n, ends));
            // "Meloni and Trudeau each signed an agreement with Zelensky",
            // "agreements that Germany and France signed with Ukraine": one
            // agreement per signatory.
            let distributive = draft.kind == EventType::Agreement && {
                let mut lead = text[sentence.start..trigger.start]
                    .split_whitespace()
                    .rev()
                    .take(8)
                    .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                    .peekable();
                lead.peek().is_some_and(|w| w.eq_ignore_ascii_case("each"))
                    || lead.any(|w| matches!(w, "agreements" | "pacts" | "deals" | "accords" | "treaties"))
            };
            let (one, several) = if distributive {
                (None, each_signatory(gazetteer, &found, &mentions, trigger, &draft))
            } else {
                (Some(draft), Vec::new())
            };
            for event in one.into_iter().chain(several) {
                let new = Draft {
                    event,
                    mention_only,
                    standalone: !(opinion || object || trigger.subordinate || (trigger.flags.plural && date_inferred)),
                    definite,
                    attends,
                    lasts,
                };
                match in_sentence.iter_mut().find(|d| same_occurrence(&d.event, &new.event, true)) {
                    Some(d) => {
                        absorb(&mut d.event, new.event, false);
                        d.mention_only &= new.mention_only;
                        d.lasts = d.lasts.or(new.lasts);
                    }
                    None => in_sentence.push(new),
                }
            }
        }
        // Those who meet at a summit ("met on the sidelines of the BRICS
        // summit") attend it. The meetings are copied only when the
        // sentence has a summit to take them, which few have.
        let has_summit = in_sentence.iter().any(|d| d.event.kind == EventType::Summit);
        let meetings: Vec<Reading> = in_sentence
            .iter()
            .filter(|d| has_summit && d.event.kind == EventType::Meeting)
            .map(|d| d.event.clone())
            .collect();
        let mut summit_orgs: Vec<&str> = Vec::new();
        for d in in_sentence.iter_mut().filter(|d| d.event.kind == EventType::Summit) {
            // Organisations the sentence names, not those of people who
            // attend (the UN of "Guterres").
            let named = |c: &&&str| {
                mentions.iter().any(|m| {
                    m.start >= sentence.start
                        && m.end <= sentence.end
                        && matches!(m.entity, Entity::Organisation(_))
                        && gazetteer.code(m.entity) == Some(**c)
                })
            };
            summit_orgs.extend(d.event.countries.iter().filter(named));
            for m in &meetings {
                for a in &m.actors {
                    if !d.event.actors.iter().any(|x| x.name == a.name) {
                        d.event.actors.push(*a);
                    }
                }
                for c in &m.countries {
                    add_country(&mut d.event.countries, c);
                }
            }
        }
        // "The foreign ministers of the four countries met in Tokyo for Quad
        // talks": a meeting of the summit's organisation is the summit.
        if !summit_orgs.is_empty() {
            in_sentence.retain(|d| {
                d.event.kind != EventType::Meeting
                    || d.event.countries.len() < 3
                    || !d.event.countries.iter().any(|c| summit_orgs.contains(c))
            });
        }
        // "Putin was accompanied by Shoigu as tanks took part in live-fire
        // drills": a sentence of passing mentions may still say who
        // attended the events before.
        if !in_sentence.is_empty()
            && in_sentence.iter().all(|d| d.mention_only && !d.attends)
            && let Some((from, range)) = attended.clone()
            && si - from <= ATTENDANCE_REACH
            && says_who_attended(&mut drafts[range.clone()])
        {
            attended = Some((si, range));
        }
        // "Macri opened the two-day summit": a passing mention of a summit
        // may be followed by who attended it, too.
        let attendable =
            |d: &Draft| ATTENDED.contains(&d.event.kind) && (!d.mention_only || d.event.kind == EventType::Summit);
        if in_sentence.iter().any(attendable) {
            // Kept in order: those that may be attended first.
            in_sentence.sort_by_key(|d| !attendable(d));
            let n = in_sentence.iter().filter(|d| attendable(d)).count();
            attended = Some((si, drafts.len()..drafts.len() + n));
        }
        drafts.append(&mut in_sentence);
    }

    let mut events: Vec<Reading> = Vec::new();
    let mut durations: Vec<Option<(u32, bool)>> = Vec::new();
    for mut draft in drafts {
        let mut target = events.iter().rposition(|e| {
            if draft.mention_only && draft.attends && draft.definite {
                // "Dar and Munir joined Sharif at that meeting": those it
                // names join the people of the gathering they share.
                e.kind == draft.event.kind
                    && (draft.event.date_inferred || e.date.overlaps(&draft.event.date))
                    && shares_participant(e, &draft.event)
            } else if draft.mention_only {
                refers_to(e, &draft.event) && (draft.definite || shares_participant(e, &draft.event))
            } else {
                same_occurrence(e, &draft.event, false)
            }
        });
        // "Ramaphosa opened the two-day meeting": a gathering is a meeting too.
        if target.is_none() && draft.mention_only && draft.definite && draft.event.kind == EventType::Meeting {
            let m = &draft.event;
            target = events
                .iter()
                .rposition(|e| e.kind == EventType::Summit && (m.date_inferred || e.date.overlaps(&m.date)));
            if target.is_some() {
                draft.attends = true;
            }
        }
        // "Zelensky called the trip a sign of support": a definite undated
        // mention is the last such event, whoever speaks of it.
        // A ship's visit is its port call ("called the visit a milestone").
        if target.is_none() && draft.mention_only && draft.definite && draft.event.date_inferred {
            let kind = draft.event.kind;
            target = events
                .iter()
                .rposition(|e| e.kind == kind || (kind == EventType::Visit && e.kind == EventType::PortCall));
        }
        if let Some(i) = target {
            durations[i] = durations[i].or(draft.lasts);
        }
        let target = target.map(|i| &mut events[i]);
        match target {
            Some(e) => absorb(e, draft.event, draft.mention_only && !draft.attends),
            None if draft.mention_only && (!draft.standalone || draft.event.countries.is_empty()) => {
                let at = draft.event.evidence[0].char_start;
                diagnostics.push(Diagnostic {
                    at,
                    message: format!(
                        "a {} mentioned in passing or in commentary, with nothing to refer to",
                        draft.event.kind
                    ),
                });
            }
            None => {
                events.push(draft.event);
                durations.push(draft.lasts);
            }
        }
    }
    // "The two-day summit" said of an event dated elsewhere to its day.
    for (e, lasts) in events.iter_mut().zip(durations) {
        if let Some((n, ends)) = lasts
            && lasts_days(e.kind)
        {
            e.date = span(e.date, Some(n), ends);
        }
    }
    // "Li met Shoigu in Moscow": officials who meet their host in the
    // host's country travelled there, so a meeting held abroad is also a
    // visit (the spec's worked example) unless one is already read.
    let mut trips = Vec::new();
    for e in events.iter().filter(|e| e.kind == EventType::Meeting && e.status == Status::Occurred) {
        let Some(host) = gazetteer.host_of(e.location) else { continue };
        // A meeting of an organisation's members is a gathering, not a trip.
        let gathering = e.countries.iter().any(|c| gazetteer.is_organisation(c));
        let hosted = e.actors.iter().any(|a| a.country == host) || e.countries.contains(&host);
        let visitors = e.actors.iter().any(|a| !a.country.is_empty() && a.country != host);
        let read = events.iter().any(|v| {
            matches!(v.kind, EventType::Visit | EventType::Summit)
                && v.date.overlaps(&e.date)
                && (v.location.is_empty() || v.location == e.location || v.kind == EventType::Summit)
        });
        if hosted && visitors && !read && !gathering {
            trips.push(Reading { kind: EventType::Visit, confidence: e.confidence * 0.8, ..e.clone() });
        }
    }
    events.extend(trips);
    // A visit's actors are the visitors: the host (someone of the country
    // visited) takes part in the meeting, not in the trip.
    for e in &mut events {
        if e.kind != EventType::Visit {
            continue;
        }
        let host = gazetteer.host_of(e.location);
        if let Some(host) = host
            && e.actors.iter().any(|a| a.country != host)
        {
            e.actors.retain(|a| a.country != host);
        }
    }
    // Offices are those held on the event's final date.
    for e in &mut events {
        for a in &mut e.actors {
            if let Some(p) = gazetteer.person(a.name) {
                (a.country, a.role) = p.at(Some(e.date.start()));
            }
        }
    }
    // Commentary (an opinion column, an editorial) records only the past
    // events it dates itself.
    if commentary {
        events.retain(|e| {
            if e.date_inferred {
                diagnostics.push(Diagnostic {
                    at: e.evidence[0].char_start,
                    message: format!("a {} in commentary without a date of its own", e.kind),
                });
            }
            !e.date_inferred
        });
    }
    events.retain(|e| {
        let keep = !e.countries.is_empty() || !e.actors.is_empty();
        if !keep {
            diagnostics.push(Diagnostic {
                at: e.evidence[0].char_start,
                message: format!("a {} with no country, organisation or person taking part", e.kind),
            });
        }
        keep
    });
    let events = events.into_iter().map(|e| e.into_event(text)).collect();
    *spare_words = spare.into_inner();
    spare_words.extend(all_words.into_iter().filter_map(OnceCell::into_inner));
    Extraction { title: layout.title, published, events, diagnostics }
}

/// Adds to `out` the sentence's triggers among the trigger phrases `found`
/// in it, each with its clause.
fn find_triggers(
    text: &str,
    sentence: &Sentence,
    found: &[aho_corasick::Match],
    sw: &Words,
    lexicon: &Lexicon,
    mentions: &[Mention],
    out: &mut Vec<Trigger>,
) {
    let s = &text[sentence.start..sentence.end];
    // Brackets opened and closed before the match at hand.
    let (mut counted, mut open, mut closed) = (0, 0, 0);
    for m in found {
        let (start, end) = (sentence.start + m.start(), sentence.start + m.end());
        if !gazetteer::accept(text, start, end, lexicon.written[m.pattern().as_usize()]) {
            continue;
        }
        let (kind, flags) = lexicon.triggers[m.pattern().as_usize()];
        let Some(kind) = kind else { continue };
        // Words in brackets are asides and credits ("(Korea Summit Press Pool)").
        let read = &s.as_bytes()[counted..m.start()];
        for at in memchr::memchr2_iter(b'(', b')', read) {
            if read[at] == b'(' {
                open += 1;
            } else {
                closed += 1;
            }
        }
        counted = m.start();
        if open > closed {
            continue;
        }
        let (mut before, mut subordinate) = clause_start(text, sw, sentence.start, start);
        let mut before_end = start;
        // "Zelensky arrived on Wednesday, since Russia invaded in February,
        // and held talks with Biden": a verb coordinated after a subordinate
        // clause has the main clause's subject.
        if subordinate
            && flags.verb
            && text[before..start].trim_end().strip_suffix("and").is_some_and(|t| t.trim_end().ends_with(','))
            && let Some(word) = sw.list.iter().rev().find(|w| w.end <= before)
        {
            let (main, main_subordinate) = clause_start(text, sw, sentence.start, word.start);
            (before, before_end, subordinate) = (main, word.start, main_subordinate);
        }
        // "Trump said he had held a call with Putin": when a pronoun is the
        // subject, the one it stands for is earlier in the sentence.
        if sw.list.iter().find(|w| w.start >= before).is_some_and(|w| lexicon.is(w, &["he", "she"])) {
            before = fronted(text, sw, sentence.start, start).unwrap_or(sentence.start);
        }
        let mut after = clause_end(text, sw, end, sentence.end, lexicon, mentions);
        // "a working dinner that Sherman and Ryabkov shared": a clause that
        // follows the noun is about it.
        if flags.noun && [" that ", " which "].iter().any(|m| text[end..].starts_with(m)) {
            let rest = &text[end..sentence.end];
            let mut to = rest.find(',').unwrap_or(rest.len());
            // ... up to another event it names ("a state visit that
            // followed the G20 summit").
            if let Some(next) = lexicon.find(&rest[..to]).next() {
                to = next.start();
            }
            after = after.max(end + to);
        }
        let clause_to = {
            let to = memchr::memchr2(b';', b':', &text.as_bytes()[end..sentence.end]).map_or(sentence.end, |p| end + p);
            let lo = sw.list.partition_point(|w| w.start < end);
            let rest = lo..sw.list.partition_point(|w| w.end <= to).max(lo);
            let to = sw
                .first(&[ContextKind::Boundary, ContextKind::Subordinator, ContextKind::BoundaryAfter], rest)
                .map_or(to, |i| to.min(sw.list[i].start));
            // "A week before Bennett's trip, on Dec. 6, ...": a fronted
            // phrase ends at its comma.
            match fronted(text, sw, sentence.start, sentence.end) {
                Some(main) if main > end => to.min(main - 1),
                _ => to,
            }
        };
        out.push(Trigger {
            kind,
            flags,
            start,
            end,
            before: (before, before_end),
            after: (end, after),
            subordinate,
            clause_to,
        });
    }
}

/// Where the clause before a trigger starts: after the last `;` or `:` or
/// boundary word; and whether that word opens a subordinate clause.
fn clause_start(text: &str, sw: &Words, from: usize, trigger: usize) -> (usize, bool) {
    let mut start = from;
    // (Searched as bytes: the marks are ASCII, and a search for characters
    // decodes every one.)
    if let Some(p) = memchr::memrchr2(b';', b':', &text.as_bytes()[from..trigger]) {
        start = from + p + 1;
    }
    let lo = sw.list.partition_point(|w| w.start < start);
    let hi = sw.list.partition_point(|w| w.end <= trigger);
    let before = lo..hi.max(lo);
    // The clause starts after the boundary phrase that ends last; a
    // subordinator that ends where a boundary does counts as the boundary.
    // "Gantz, who arrived on Tuesday for a visit lasting until Thursday,
    // signed": words inside a relative clause do not end the main one.
    // (Those whose comma is in `start..trigger` and that end before it:
    // the same as reading that span's.)
    let asides = || sw.asides.iter().filter(|&&(s, e)| s > start && e < trigger);
    // "joined Sharif at that meeting": "that" just before the trigger is
    // its determiner.
    let determiner = |p: &PhraseAt| {
        p.first == p.last
            && p.last + 1 == hi
            && text[sw.list[p.first].start..sw.list[p.last].end].eq_ignore_ascii_case("that")
    };
    // "Modi, on a visit to Bangkok that began on Thursday, held talks": a
    // subordinate clause closed by a comma just before the trigger is an
    // aside too.
    let closed = |p: &PhraseAt| {
        let rest = &text[sw.list[p.last].end..trigger];
        rest.rfind(',').is_some_and(|c| rest[c + 1..].trim().is_empty())
    };
    let last = |kind, asides_closed: bool| {
        sw.found(kind, before.clone())
            .filter(|p| !asides().any(|&(s, e)| s <= sw.list[p.first].start && sw.list[p.last].end <= e))
            .filter(|p| !(determiner(p) || (asides_closed && kind == ContextKind::Subordinator && closed(p))))
            .map(|p| p.last)
            .max()
    };
    let boundary = last(ContextKind::Boundary, false);
    // "Before arriving in Kenya, Austin stopped in Djibouti": a fronted
    // subordinate phrase ends at its comma, and the main clause follows.
    if last(ContextKind::Subordinator, false) > boundary
        && let Some(main) = fronted(text, sw, from, trigger)
        && sw
            .list
            .iter()
            .position(|w| w.start >= main)
            .is_some_and(|k| Some(k) > last(ContextKind::Subordinator, false))
    {
        return (main, false);
    }
    let subordinator = last(ContextKind::Subordinator, true);
    match boundary.max(subordinator) {
        Some(i) => (sw.list[i].end, subordinator > boundary),
        None => (start, false),
    }
}

/// Where the main clause starts after a subordinate phrase that opens the
/// sentence `from` ("Before arriving in Kenya,", "A week before Bennett's
/// trip,"): just after the phrase's comma, when that is before `to`.
fn fronted(text: &str, sw: &Words, from: usize, to: usize) -> Option<usize> {
    let lo = sw.list.partition_point(|w| w.start < from);
    let opening = lo..(lo + 3).min(sw.list.len());
    let sub = sw.found(ContextKind::Subordinator, opening).map(|p| p.last).min()?;
    let after = sw.list[sub].end;
    let comma = text.get(after..to)?.find(',')? + after;
    Some(comma + 1)
}

/// Where the clause after a trigger ends: at a `;`, `:` or dash, a boundary
/// word, or a comma, unless what follows the comma goes on naming
/// participants ("with the navies of the United States, Japan and Australia").
fn clause_end(text: &str, sw: &Words, trigger: usize, to: usize, lexicon: &Lexicon, mentions: &[Mention]) -> usize {
    let mut end = to;
    let mut from = trigger;
    let mut commas = Vec::new();
    while let Some(p) = clause_mark(&text[from..to]) {
        let at = from + p;
        let sep = text[at..].chars().next().map_or(1, char::len_utf8);
        let rest = text[at + sep..to].trim_start();
        let rest_at = to - rest.len();
        let named_next = || {
            let first = mentions.partition_point(|m| m.start < rest_at);
            mentions[first..].iter().take_while(|m| m.start == rest_at).any(|m| !matches!(m.entity, Entity::Place(_)))
        };
        let goes_on = text[at..].starts_with(',')
            && (named_next()
                || ["and ", "with ", "including ", "as well as ", "alongside ", "joined by "]
                    .iter()
                    .any(|w| rest.get(..w.len()).is_some_and(|r| r.eq_ignore_ascii_case(w))));
        if !goes_on {
            end = at;
            break;
        }
        commas.push(at);
        from = at + sep;
    }
    let lo = sw.list.partition_point(|w| w.start < trigger);
    let after = lo..sw.list.partition_point(|w| w.end <= end).max(lo);
    let found = || {
        [ContextKind::Boundary, ContextKind::Subordinator, ContextKind::BoundaryAfter]
            .into_iter()
            .flat_map(|kind| sw.found(kind, after.clone()))
    };
    // "talks as premier with Biden": "as" before an office goes on; when
    // the first "as" does, none ends the clause.
    let is_as = |p: &PhraseAt| p.first == p.last && lexicon.is(&sw.list[p.first], &["as"]);
    let as_office = found()
        .filter(|p| is_as(p))
        .map(|p| p.first)
        .min()
        .is_some_and(|i| after.contains(&(i + 1)) && lexicon.is(&sw.list[i + 1], OFFICE_WORDS));
    if let Some(i) = found().filter(|p| !(as_office && is_as(p))).map(|p| p.first).min() {
        // A boundary after a comma we read past: cut at that comma
        // (", Japan's Defense Ministry said").
        let at = sw.list[i].start;
        end = end.min(commas.iter().rev().find(|&&c| c < at).copied().unwrap_or(at));
    }
    end
}

/// Where the first `,`, `;`, `:` or em dash of `s` is: `s.find([',', ';',
/// ':', '\u{2014}'])` searched by memchr for the marks' bytes rather than
/// by decoding characters: the ASCII marks, then an em dash before the
/// first of them (its first byte, 0xE2, starts no other of them).
fn clause_mark(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mark = memchr::memchr3(b',', b';', b':', bytes);
    let before = &bytes[..mark.unwrap_or(bytes.len())];
    memchr::memchr_iter(0xE2, before).find(|&at| s[at..].starts_with('\u{2014}')).or(mark)
}

/// In the sentence after a meeting or call, the people who "agreed" or
/// "discussed" took part in it; after an exercise, patrol or port call, a
/// sentence of the same paragraph that only describes it ("troops from
/// China and Russia took part") names more participants. (Only the first
/// reads the next sentence's words, `next_words`, when asked.)
#[allow(clippy::too_many_arguments)]
fn continuation<'a, 'w>(
    g: &Gazetteer,
    found: &'a Found,
    mentions: &[Mention],
    timexes: &[Timex],
    sentence: &Sentence,
    next: &Sentence,
    next_words: impl FnOnce() -> &'w Words,
    event: &mut Reading<'a>,
) {
    match event.kind {
        EventType::Meeting | EventType::Call => {
            let next_words = next_words();
            let Some(verb) = next_words.first(&[ContextKind::Continuation], 0..next_words.list.len()) else {
                return;
            };
            let until = next_words.list[verb].start;
            let mut took_part = false;
            for m in mentions_in(mentions, next.start, until) {
                took_part |= take_part(event, m.entity, g, found);
            }
            if took_part {
                event.evidence.push(*next);
            }
        }
        EventType::Exercise | EventType::Patrol | EventType::PortCall => {
            if next.paragraph != sentence.paragraph
                || timexes.iter().any(|t| t.start >= next.start && t.end <= next.end)
            {
                return;
            }
            for m in mentions_in(mentions, next.start, next.end) {
                if matches!(m.entity, Entity::Country(_) | Entity::Force(_))
                    && let Some(code) = g.code(m.entity)
                {
                    add_country(&mut event.countries, code);
                }
            }
        }
        _ => {}
    }
}

/// Whether the words before a trigger noun point at a known event: "the
/// talks", "Li's visit", "the two-day meeting", "this year's first drill".
fn definite(text: &str, lexicon: &Lexicon, before: &[Word]) -> bool {
    for w in before.iter().rev().take(3) {
        if w.possessive || lexicon.is(w, DETERMINERS) {
            return true;
        }
        // Read as bytes: the stem of "we’ll" ends inside its apostrophe.
        let hyphenated = text.as_bytes()[w.start..w.end].contains(&b'-');
        let modifier = hyphenated || lexicon.is(w, EVENT_MODIFIERS);
        if !modifier {
            return false;
        }
    }
    false
}

/// Whether the words before a trigger noun make it the object of "for",
/// "before" or "after": "for the summit", "for the alliance's annual
/// Baltic Sea exercise".
fn object_of(text: &str, lexicon: &Lexicon, before: &[Word]) -> bool {
    for (k, w) in before.iter().enumerate().rev().take(6) {
        if lexicon.is(w, &["the"]) {
            return k > 0 && lexicon.is(&before[k - 1], &["for", "before", "after"]);
        }
        let written = &text[w.start..w.end];
        let modifier = w.possessive
            || lexicon.is(w, EVENT_MODIFIERS)
            || written.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            || written.contains('-');
        if !modifier {
            return false;
        }
    }
    false
}

/// Ships named after their navy ("the Russian frigate Admiral Gorshkov")
/// stand for that navy's state wherever the text names them again ("the
/// Admiral Gorshkov docked in Cape Town").
fn ship_names(text: &str, lexicon: &Lexicon, mentions: &mut Vec<Mention>) {
    let mut ships: Vec<(&str, Entity)> = Vec::new();
    for m in mentions.iter().filter(|m| matches!(m.entity, Entity::Country(_))) {
        let rest = &text[m.end..];
        let after = rest.trim_start();
        // The vessel words are ASCII: compared byte by byte, ignoring case,
        // so that offsets stay those of the text. A phrase is followed by a
        // space, so its first word is the text's up to its first space:
        // only the phrases whose first word is that long are tried.
        let head = after.as_bytes();
        let Some(first_word) = memchr::memchr(b' ', head) else { continue };
        let Some(kind) = lexicon
            .vessels
            .get(first_word)
            .into_iter()
            .flatten()
            .filter(|phrase| {
                let n = phrase.len();
                head.len() > n && head[n] == b' ' && head[..n].eq_ignore_ascii_case(phrase.as_bytes())
            })
            .map(String::len)
            .max()
        else {
            continue;
        };
        let at = rest.len() - after.len() + kind;
        let name_start = m.end + at + (rest[at..].len() - rest[at..].trim_start().len());
        let name: Vec<&str> = text[name_start..]
            .split(' ')
            .take(4)
            .take_while(|w| {
                w.starts_with(|c: char| c.is_uppercase()) && w.chars().all(|c| c.is_alphanumeric() || c == '-')
            })
            .collect();
        if name.is_empty() {
            continue;
        }
        let len = name.iter().map(|w| w.len()).sum::<usize>() + name.len() - 1;
        let name = &text[name_start..name_start + len];
        if !ships.iter().any(|(n, _)| *n == name) {
            ships.push((name, m.entity));
        }
    }
    for (name, entity) in ships {
        for (start, _) in text.match_indices(name) {
            let end = start + name.len();
            let bounded = !text[..start].ends_with(|c: char| c.is_alphanumeric())
                && !text[end..].starts_with(|c: char| c.is_alphanumeric());
            if bounded && !mentions.iter().any(|m| m.start < end && start < m.end) {
                mentions.push(Mention { start, end, entity });
            }
        }
    }
    mentions.sort_by_key(|m| m.start);
}

/// Whether a sentence says someone attended ("Leaders attending included
/// ..."), and does not deny it ("would not attend").
fn says_attended(words: &Words) -> bool {
    let Some(at) = words.first(&[ContextKind::Attendance], 0..words.list.len()) else {
        return false;
    };
    ![ContextKind::Negated, ContextKind::Hypothetical, ContextKind::Planned].into_iter().any(|k| words.has(k, 0..at))
}

/// Adds the people of `inside` who take part to `e`, and for gatherings and
/// drills its states, forces and organisations too. Returns whether any did.
fn attend<'a>(e: &mut Reading<'a>, inside: &[&Mention], g: &Gazetteer, found: &'a Found) -> bool {
    let gathering = e.kind != EventType::Visit;
    let mut took_part = false;
    for m in inside {
        if take_part(e, m.entity, g, found) {
            took_part = true;
        } else if gathering
            && matches!(m.entity, Entity::Country(_) | Entity::Force(_) | Entity::Organisation(_))
            && let Some(code) = g.code(m.entity)
        {
            add_country(&mut e.countries, code);
            took_part = true;
        }
    }
    took_part
}

/// How many sentences after an event's a sentence may say who attended it.
const ATTENDANCE_REACH: usize = 3;

/// The kinds of event people attend.
const ATTENDED: [EventType; 6] = [
    EventType::Summit,
    EventType::Meeting,
    EventType::Exercise,
    EventType::Patrol,
    EventType::Visit,
    EventType::PortCall,
];

/// A sentence with no trigger that says who attended ("Leaders attending
/// included ...", "Ramaphosa was joined by ...", "Guterres also addressed
/// the opening ceremony") adds its people, and for gatherings and drills
/// its countries, to the events `drafts` read just before. Returns whether
/// it did. A sentence that negates the attending ("would not attend") or
/// dates itself elsewhere adds nothing.
#[allow(clippy::too_many_arguments)]
fn attendance<'a>(
    g: &Gazetteer,
    found: &'a Found,
    mentions: &[Mention],
    timexes: &[Timex],
    dates: &[Option<DateValue>],
    sentence: &Sentence,
    words: &Words,
    drafts: &mut [Draft<'a>],
) -> bool {
    if !says_attended(words) {
        return false;
    }
    let own: Vec<DateValue> = timexes
        .iter()
        .zip(dates)
        .filter(|(t, _)| t.start >= sentence.start && t.end <= sentence.end)
        .filter_map(|(_, d)| *d)
        .collect();
    let inside: Vec<&Mention> = mentions_in(mentions, sentence.start, sentence.end).collect();
    let mut added = false;
    // Those attending a summit attend it, not the talks beside it.
    let summit = drafts.iter().any(|d| d.event.kind == EventType::Summit);
    for d in drafts.iter_mut().filter(|d| !summit || d.event.kind == EventType::Summit) {
        let e = &mut d.event;
        if !e.date_inferred && own.iter().any(|o| !o.overlaps(&e.date)) {
            continue;
        }
        if attend(e, &inside, g, found) {
            if !e.evidence.contains(sentence) {
                e.evidence.push(*sentence);
            }
            // A passing mention that others attended brings them along.
            d.attends = true;
            added = true;
        }
    }
    added
}

/// The relative clauses set off by commas in `from..to` (", who was
/// elected on Monday,"), as byte ranges. (The commas are searched for as
/// bytes, by memchr.)
fn relative_clauses(text: &str, from: usize, to: usize) -> Vec<(usize, usize)> {
    let span = &text.as_bytes()[from..to];
    let mut out = Vec::new();
    for comma in memchr::memchr_iter(b',', span) {
        let start = comma + 1;
        let rest = &span[start..];
        if [" who ", " which ", " whose "].iter().any(|m| rest.starts_with(m.as_bytes())) {
            let j = memchr::memchr(b',', rest).unwrap_or(rest.len());
            out.push((from + start, from + start + j));
        }
    }
    out
}

/// The date the text gives a trigger: the most precise expression in its
/// clause, the nearest among equals; else, unless the clause is
/// subordinate, the same in its sentence.
#[allow(clippy::too_many_arguments)]
fn trigger_date(
    text: &str,
    timexes: &[Timex],
    dates: &[Option<DateValue>],
    sentence: &Sentence,
    asides: &[(usize, usize)],
    trigger: &Trigger,
    reference: Option<NaiveDate>,
    direction: Direction,
    future_before: &dyn Fn(usize) -> bool,
) -> Option<DateValue> {
    // "Kishida, who was elected on Monday, held talks on Tuesday": a
    // relative clause of the sentence (`asides`) before the trigger dates
    // something else. Its own clause, or one about the trigger itself
    // ("the forum, which runs from May 31 to June 2"), dates it.
    let aside: Vec<(usize, usize)> = asides
        .iter()
        .filter(|&&(s, e)| {
            let own = s <= trigger.start && trigger.start < e;
            let about_it = s >= trigger.end && matches!(text[trigger.end..s].trim(), "," | "");
            !own && !about_it
        })
        .map(|&(s, end)| {
            // A date inside one may run past its comma ("on Monday, Oct. 4, 2021,").
            // (An expression read across the sentence's end is not followed.)
            match timexes.iter().find(|t| t.start < end && t.end > end && t.end <= sentence.end) {
                Some(t) => (s, text[t.end..sentence.end].find(',').map_or(sentence.end, |i| t.end + i)),
                None => (s, end),
            }
        })
        .collect();
    let nearest = |from: usize, to: usize| {
        let within = timexes_in(timexes, from, to);
        let found = timexes[within.clone()]
            .iter()
            .zip(&dates[within])
            .filter(|(t, _)| !aside.iter().any(|&(s, e)| s <= t.start && t.end <= e))
            // "soldiers killed since 2014": where a span starts, not when.
            .filter(|(t, _)| {
                let before = text[..t.start].trim_end().as_bytes();
                let own = &text.as_bytes()[t.start..t.end];
                let since = |b: &[u8]| b.eq_ignore_ascii_case(b"since");
                let after_since =
                    before.len() >= 6 && since(&before[before.len() - 5..]) && before[before.len() - 6] == b' ';
                let opens_since = own.len() > 6 && since(&own[..5]) && own[5] == b' ';
                // "his first trip since becoming prime minister in July":
                // a date further inside a since-phrase after the trigger
                // dates what the span starts from, too.
                let in_since = trigger.end <= t.start && {
                    let lead = &text.as_bytes()[trigger.end..t.start];
                    let cut = lead.iter().rposition(|b| matches!(b, b',' | b';' | b'.')).map_or(0, |i| i + 1);
                    lead[cut..].windows(7).any(|w| w.eq_ignore_ascii_case(b" since "))
                };
                !after_since && !opens_since && !in_since
            })
            .filter_map(|(t, date)| {
                // A planned event's unmarked date looks forward ("will hold
                // talks on Tuesday"); anchored ones keep their anchor.
                let anchored =
                    matches!(t.value, timex::Underspecified::Anchored(..) | timex::Underspecified::AnchoredPart(..));
                let direction = if direction == Direction::Unmarked && future_before(t.start) {
                    Direction::Future
                } else {
                    direction
                };
                let date = if t.direction == Direction::Unmarked && direction != Direction::Unmarked && !anchored {
                    Timex { direction, ..t.clone() }.resolve(reference).or(*date)
                } else {
                    *date
                }?;
                let distance = if t.start >= trigger.end {
                    t.start - trigger.end
                } else {
                    trigger.start.saturating_sub(t.end) + 1
                };
                let coarse = match date {
                    DateValue::Day(_) | DateValue::Range(..) => 0,
                    DateValue::Month { .. } => 1,
                    DateValue::Year(_) => 2,
                };
                Some(((coarse, distance), date))
            })
            .collect::<Vec<_>>();
        // "last week, on Feb. 16": a day inside a range says which.
        let inside = |r: &DateValue| {
            matches!(r, DateValue::Range(..))
                && found.iter().any(|(_, d)| matches!(d, DateValue::Day(x) if r.start() <= *x && *x <= r.end()))
        };
        found.iter().filter(|(_, d)| !inside(d)).min_by_key(|(k, _)| *k).map(|(_, v)| *v)
    };
    // "in January, when Mattis visited Hanoi": the date the when-clause
    // follows is its own.
    let when = || {
        let lead = text[sentence.start..trigger.before.0].trim_end().strip_suffix("when")?.trim_end();
        let lead = lead.strip_suffix(',')?.trim_end();
        let end = sentence.start + lead.len();
        timexes.iter().zip(dates).find(|(t, _)| t.end == end).and_then(|(_, d)| *d)
    };
    // "fired warning shots on Tuesday after ... as bombers flew a joint
    // patrol": a clause of the same time takes the main clause's date.
    let same_time = || {
        let lead: Vec<&str> = text[sentence.start..trigger.before.0].split_whitespace().rev().take(2).collect();
        let temporal = lead.first().is_some_and(|w| matches!(*w, "after" | "when" | "while" | "as"));
        let measured = lead.get(1).is_some_and(|w| {
            let w = w.trim_end_matches('s');
            matches!(w, "day" | "week" | "month" | "year" | "hour" | "decade" | "shortly" | "soon" | "long")
        });
        (temporal && !measured).then(|| nearest(sentence.start, trigger.before.0)).flatten()
    };
    // "the G7 summit that Kishida will host from May 19 to 21": a clause
    // that follows the noun is about it.
    let after = if trigger.flags.noun && [" that ", " which "].iter().any(|m| text[trigger.end..].starts_with(m)) {
        let rest = &text[trigger.end..sentence.end];
        trigger.after.1.max(trigger.end + rest.find(',').unwrap_or(rest.len()))
    } else {
        trigger.after.1
    };
    nearest(trigger.before.0, after).or_else(|| {
        if trigger.subordinate {
            if let Some(d) = when() {
                return Some(d);
            }
            nearest(trigger.end, trigger.clause_to).or_else(same_time)
        } else {
            nearest(sentence.start, sentence.end)
        }
    })
}

/// A visit, summit or drill that the sentence says lasts some days ("a
/// three-day visit", "the two-day summit") runs from its day for that long;
/// one whose sentence gives a range holding its day ("opened on Friday ...
/// runs from March 11 to 18") runs over that range.
fn lasting(
    text: &str,
    date: DateValue,
    trigger: &Trigger,
    sentence: &Sentence,
    timexes: &[Timex],
    dates: &[Option<DateValue>],
    ends: bool,
) -> DateValue {
    let DateValue::Day(day) = date else { return date };
    if !lasts_days(trigger.kind) {
        return date;
    }
    let range = timexes.iter().zip(dates).find_map(|(t, d)| match d {
        Some(r @ DateValue::Range(a, b))
            if t.start >= sentence.start && t.end <= sentence.end && *a <= day && day <= *b =>
        {
            Some(*r)
        }
        _ => None,
    });
    // "opened in Madrid on Tuesday and runs until Thursday".
    let until = timexes.iter().find_map(|t| {
        if t.start < trigger.end || t.end > sentence.end {
            return None;
        }
        let lead = text[trigger.end..t.start].trim_end();
        // The word may be the expression's own first ("until April 28").
        let own = text[t.start..t.end].split_whitespace().next().unwrap_or("");
        if !["until", "through", "till"].iter().any(|w| lead.ends_with(w) || own.eq_ignore_ascii_case(w)) {
            return None;
        }
        let end = Timex { direction: Direction::Future, ..t.clone() }.resolve(Some(day))?.end();
        (end > day && (end - day).num_days() <= 60).then_some(DateValue::Range(day, end))
    });
    range.or(until).unwrap_or_else(|| span(date, duration(text, sentence, timexes), ends))
}

/// The kinds of event that last days.
fn lasts_days(kind: EventType) -> bool {
    matches!(kind, EventType::Visit | EventType::Summit | EventType::Exercise | EventType::Patrol)
}

/// How many days the sentence says its event lasts ("a three-day
/// visit", "three days of joint patrols").
fn duration(text: &str, sentence: &Sentence, timexes: &[Timex]) -> Option<u32> {
    timexes.iter().find_map(|t| match t.value {
        timex::Underspecified::Duration(Some(n), timex::Unit::Day)
            if (t.rule == "duration_adjective" || days_of(text, t))
                && t.start >= sentence.start
                && t.end <= sentence.end
                && (2..=60).contains(&n) =>
        {
            Some(n)
        }
        _ => None,
    })
}

/// "three days of joint patrols": a bare count and unit (not "the past
/// three days of fighting"), before "of".
fn days_of(text: &str, t: &Timex) -> bool {
    t.rule == "duration" && text[t.start..t.end].split_whitespace().count() == 2 && text[t.end..].starts_with(" of ")
}

/// A day stretched over `days` days from it, or up to it when the
/// sentence says the event ended that day ("closed a three-day summit on
/// Thursday").
fn span(date: DateValue, days: Option<u32>, ends: bool) -> DateValue {
    let (DateValue::Day(day), Some(n)) = (date, days) else { return date };
    let back = chrono::Days::new(u64::from(n) - 1);
    let range = if ends {
        day.checked_sub_days(back).map(|start| DateValue::Range(start, day))
    } else {
        day.checked_add_days(back).map(|end| DateValue::Range(day, end))
    };
    range.unwrap_or(date)
}

/// Countries, people and place read from a trigger's clause.
#[allow(clippy::too_many_arguments)]
fn participants<'a>(
    text: &str,
    g: &Gazetteer,
    found: &'a Found,
    lexicon: &Lexicon,
    mentions: &[Mention],
    trigger: &Trigger,
    date: DateValue,
) -> Reading<'a> {
    let mut event = Reading::new(trigger.kind, date);
    let hosted = matches!(trigger.kind, EventType::Visit | EventType::Exercise);
    let window = mentions_in(mentions, trigger.before.0, trigger.before.1).chain(mentions_in(
        mentions,
        trigger.after.0,
        trigger.after.1,
    ));
    for m in window {
        let word = text::last_word(&text[..m.start]);
        // The phrases are in lower case (tested): an ASCII word, as most
        // are, is compared ignoring case rather than lowered into a copy.
        let marker = if word.is_ascii() {
            std::borrow::Cow::Borrowed(word)
        } else {
            std::borrow::Cow::Owned(word.to_lowercase())
        };
        let is = |kind| lexicon.phrases(kind).any(|p| p.len() == 1 && p[0].eq_ignore_ascii_case(&marker));
        let as_place = matches!(m.entity, Entity::Seat(_) | Entity::Place(_)) && is(ContextKind::PlaceMarker);
        // "docked in Vietnam", "has visited Norway": a port call's host is
        // a party only through its own people or forces.
        let port_host = trigger.kind == EventType::PortCall
            && matches!(m.entity, Entity::Country(_))
            && is(ContextKind::PlaceMarker)
            && !is(ContextKind::Origin);
        match m.entity {
            Entity::Person(_) | Entity::Learned(_) | Entity::Office(_) => {
                take_part(&mut event, m.entity, g, found);
            }
            Entity::Seat(_) | Entity::Place(_) if as_place => {
                if event.location.is_empty()
                    && let Some(loc) = g.location(m.entity)
                {
                    event.location = loc;
                }
                if hosted && let Some(code) = g.code(m.entity) {
                    add_country(&mut event.countries, code);
                }
            }
            Entity::Place(_) => {}
            Entity::Country(_) if port_host => {}
            // "met on the sidelines of the BRICS summit": the gathering is
            // where they met, not who met.
            Entity::Organisation(_)
                if trigger.kind != EventType::Summit && followed_by(text, m.end, lexicon, ContextKind::Venue) => {}
            Entity::Country(_)
                if trigger.kind != EventType::Summit
                    && text[m.end..].starts_with('-')
                    && followed_by(text, m.end, lexicon, ContextKind::Venue) => {}
            // "talks in the Russian city of Kazan": a place, not a party.
            Entity::Country(_) if !hosted && followed_by(text, m.end, lexicon, ContextKind::PlaceNoun) => {}
            e => {
                if let Some(code) = g.code(e) {
                    add_country(&mut event.countries, code);
                }
            }
        }
    }
    event
}

/// An agreement that several signatories each signed with the same other
/// party, as one agreement per signatory: the states named before the
/// trigger sign, those after it are the other party. Unchanged when the
/// clause does not name two signatories and another party.
fn each_signatory<'a>(
    g: &Gazetteer,
    found: &'a Found,
    mentions: &[Mention],
    trigger: &Trigger,
    draft: &Reading<'a>,
) -> Vec<Reading<'a>> {
    let code_of = |m: &Mention| -> Option<&'a str> {
        let mut e = Reading { countries: Vec::new(), actors: Vec::new(), ..draft.clone() };
        if take_part(&mut e, m.entity, g, found) {
            return e.countries.first().copied();
        }
        g.code(m.entity)
    };
    let mut signatories: Vec<&str> = Vec::new();
    for m in mentions_in(mentions, trigger.before.0, trigger.before.1) {
        if let Some(c) = code_of(m)
            && !signatories.contains(&c)
        {
            signatories.push(c);
        }
    }
    let others: Vec<&str> = mentions
        .iter()
        .filter(|m| m.start >= trigger.after.0 && m.end <= trigger.after.1)
        .filter_map(code_of)
        .filter(|c| !signatories.contains(c))
        .collect();
    if signatories.len() < 2 || others.is_empty() {
        return vec![draft.clone()];
    }
    signatories
        .iter()
        .map(|s| {
            let mut e = draft.clone();
            e.countries.retain(|c| c == s || others.contains(c));
            e.actors.retain(|a| a.country == *s || others.contains(&a.country));
            e
        })
        .collect()
}

/// Whether the word after `at` is one of the one-word phrases of `kind`
/// (case-insensitive).
fn followed_by(text: &str, at: usize, lexicon: &Lexicon, kind: ContextKind) -> bool {
    let mut words = text[at..].split_whitespace();
    // "the Russia-Africa summit": past the rest of a hyphenated name.
    let mut next = words.next().unwrap_or("");
    if next.starts_with('-') {
        next = words.next().unwrap_or("");
    }
    let next = next.trim_end_matches(|c: char| !c.is_alphanumeric());
    lexicon.phrases(kind).any(|p| p.len() == 1 && next.eq_ignore_ascii_case(&p[0]))
}

/// The mentions (sorted by start, as `extract` keeps them) that lie within
/// `from..to`, found by binary search rather than a scan of the article's.
fn mentions_in(mentions: &[Mention], from: usize, to: usize) -> impl Iterator<Item = &Mention> {
    let lo = mentions.partition_point(|m| m.start < from);
    let hi = mentions.partition_point(|m| m.start < to).max(lo);
    mentions[lo..hi].iter().filter(move |m| m.end <= to)
}

/// The indices of the expressions that lie within `from..to`, found by
/// binary search: the tagger's are in order and do not overlap, so their
/// ends are in order too.
fn timexes_in(timexes: &[Timex], from: usize, to: usize) -> Range<usize> {
    let lo = timexes.partition_point(|t| t.start < from);
    let hi = timexes.partition_point(|t| t.end <= to).max(lo);
    lo..hi
}

/// Adds the person a mention stands for, if it stands for one: a known
/// person, one learned from the text, or the holder of an office on the
/// event's date. Returns whether it did.
fn take_part<'a>(event: &mut Reading<'a>, entity: Entity, g: &Gazetteer, found: &'a Found) -> bool {
    match entity {
        Entity::Person(p) => add_person(event, &g.people[p]),
        Entity::Learned(i) => {
            let l = &found.learned[i];
            if !event.actors.iter().any(|a| a.name == l.name) {
                event.actors.push(Taking { name: &l.name, country: &l.country, role: &l.role });
            }
            add_country(&mut event.countries, &l.country);
        }
        Entity::Office(i) => {
            let offices = Offices::shared();
            let date = event.date.start();
            let mut office = found.offices[i].clone();
            if office.kind == "counterpart" {
                // "his Russian counterpart": the office of whoever already takes part.
                let kind =
                    event.actors.iter().filter_map(|a| g.person(a.name)).find_map(|p| offices.kind_held(p, date));
                match kind {
                    Some(k) => office.kind = k,
                    None => {
                        add_country(&mut event.countries, office.country);
                        return true;
                    }
                }
            }
            match offices.holder(g, &office, date) {
                Some(p) => add_person(event, p),
                None => add_country(&mut event.countries, office.country),
            }
        }
        _ => return false,
    }
    true
}

/// Adds a person as an actor (with the office held on the event's date)
/// and the country they act for.
fn add_person(event: &mut Reading, person: &Person) {
    let (country, role) = person.at(Some(event.date.start()));
    if !event.actors.iter().any(|a| a.name == person.name) {
        event.actors.push(Taking { name: person.name, country, role });
    }
    add_country(&mut event.countries, country);
}

fn add_country<'a>(countries: &mut Vec<&'a str>, code: &'a str) {
    if !code.is_empty() && !countries.contains(&code) {
        countries.push(code);
        countries.sort();
    }
}

fn confidence(trigger: &Trigger, e: &Reading) -> f64 {
    let mut c: f64 = if trigger.flags.verb || trigger.flags.named { 0.9 } else { 0.8 };
    if e.date_inferred {
        c -= 0.2;
    }
    if e.countries.is_empty() {
        c -= 0.3;
    } else if e.actors.is_empty() && e.countries.len() < 2 && trigger.kind != EventType::Exercise {
        c -= 0.1;
    }
    (c * 100.0).round() / 100.0
}

/// Whether one set is contained in the other (an empty set fits anything).
/// The sets are iterators, read as often as needed rather than collected.
fn nested<T: PartialEq>(a: impl Iterator<Item = T> + Clone, b: impl Iterator<Item = T> + Clone) -> bool {
    a.clone().all(|x| b.clone().any(|y| y == x)) || b.clone().all(|y| a.clone().any(|x| x == y))
}

fn actor_names<'a>(e: &Reading<'a>) -> impl Iterator<Item = &'a str> + Clone {
    e.actors.iter().map(|a| a.name)
}

/// Two readings of the same occurrence: same type, dates that overlap (or
/// one undated: within a sentence always, across sentences only when the
/// other is within the week before the article), participants and places
/// that do not contradict.
fn same_occurrence(a: &Reading, b: &Reading, same_sentence: bool) -> bool {
    // Within one sentence an undated reading takes the other's date ("the
    // talks took place in November 2022, when Austin met Wei").
    let undated = if same_sentence { a.date_inferred || b.date_inferred } else { recent(a, b) || recent(b, a) };
    // A meeting "on the margins of the summit" the day before it opened
    // was at the summit.
    let eve = a.kind == EventType::Summit
        && a.date.start() <= b.date.end() + chrono::Days::new(1)
        && b.date.start() <= a.date.end() + chrono::Days::new(1);
    a.kind == b.kind
        && (a.date.overlaps(&b.date) || undated || eve)
        && same_participants(a, b)
        && (a.location.is_empty() || b.location.is_empty() || a.location == b.location)
}

/// Whether two readings' participants can be one event's: the same people
/// and states, one reading naming more; a summit's readings name different
/// attendees, so only their organisations must agree.
fn same_participants(a: &Reading, b: &Reading) -> bool {
    if a.kind == EventType::Summit {
        let g = Gazetteer::shared();
        let organisation = |c: &&&str| g.is_organisation(c);
        let (x, y) = (a.countries.iter().filter(organisation), b.countries.iter().filter(organisation));
        return x.clone().next().is_none() || y.clone().next().is_none() || nested(x, y);
    }
    nested(actor_names(a), actor_names(b)) && nested(a.countries.iter(), b.countries.iter())
}

/// Whether `a`'s date is only the article's (inferred) and `b` happened in
/// the week before it: news reports the latest occurrence, so "held talks"
/// without a date is not the meeting "in December" of another sentence.
fn recent(a: &Reading, b: &Reading) -> bool {
    a.date_inferred && b.date.end() <= a.date.end() && (a.date.start() - b.date.end()).num_days() <= 7
}

/// Whether a passing mention ("the meeting", "Li's visit") can be the
/// event `e` read earlier.
fn refers_to(e: &Reading, mention: &Reading) -> bool {
    e.kind == mention.kind
        && (mention.date_inferred || e.date.overlaps(&mention.date))
        && (e.kind == EventType::Summit || nested(actor_names(e), actor_names(mention)))
        && (mention.location.is_empty() || e.location.is_empty() || e.location == mention.location)
}

/// Whether `b` says more precisely when than `a`: a range that holds a
/// day ("began on Monday" of a ten-day exercise), else the narrower span.
fn more_precise(a: &DateValue, b: &DateValue) -> bool {
    match (a, b) {
        (DateValue::Day(d), DateValue::Range(s, e)) => s <= d && d <= e,
        (DateValue::Range(s, e), DateValue::Day(d)) => !(s <= d && d <= e),
        _ => b.end() - b.start() < a.end() - a.start(),
    }
}

/// Whether two readings name a participant in common.
fn shares_participant(a: &Reading, b: &Reading) -> bool {
    a.actors.iter().any(|x| b.actors.iter().any(|y| x.name == y.name))
        || a.countries.iter().any(|c| b.countries.contains(c))
}

/// Merges a second reading into an event, keeping all evidence. A passing
/// mention (`evidence_only`) adds nothing else: commentary about a meeting
/// names countries that did not take part in it.
fn absorb<'a>(e: &mut Reading<'a>, other: Reading<'a>, evidence_only: bool) {
    for ev in other.evidence {
        if !e.evidence.contains(&ev) {
            e.evidence.push(ev);
        }
    }
    e.evidence.sort_by_key(|s| s.char_start);
    if evidence_only {
        return;
    }
    if e.date_inferred && !other.date_inferred {
        e.date = other.date;
        e.date_inferred = false;
    } else if !other.date_inferred && e.date.overlaps(&other.date) && more_precise(&e.date, &other.date) {
        e.date = other.date;
    }
    // A reading that it happened, dated to the day, outweighs a plan; a
    // vague "this year's drills" does not.
    if other.status == Status::Occurred
        && !other.date_inferred
        && matches!(other.date.precision(), Precision::Day | Precision::Range)
    {
        e.status = Status::Occurred;
    }
    for c in &other.countries {
        add_country(&mut e.countries, c);
    }
    for a in other.actors {
        if !e.actors.iter().any(|x| x.name == a.name) {
            e.actors.push(a);
        }
    }
    if e.location.is_empty() {
        e.location = other.location;
    }
    e.confidence = e.confidence.max(other.confidence);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The trigger phrases that `accept` takes are those of a
    /// leftmost-longest, ASCII-case-insensitive search of every byte (as
    /// the lazy DFA that found them before searched), in each sentence of
    /// every test article and in the whole text; see [`AtWordStarts`] for
    /// where the two may differ (nowhere in the test articles).
    #[test]
    fn trigger_phrases_are_found_leftmost_longest() {
        let lexicon = Lexicon::shared();
        let every_byte = crate::phrases::EveryByte::new(lexicon.written.iter().copied());
        let texts = crate::samples::test_articles_and(&[
            "HELD TALKS with; held talks on a video link; Joint Naval Exercises, joint patrols; \u{212a}; \
             Cobra Gold and cobra gold; 2+2 dialogue; exercise restraint",
        ]);
        let mut found = 0;
        for text in &texts {
            let sentences = text::layout(text).sentences;
            for (from, to) in sentences.iter().map(|s| (s.start, s.end)).chain([(0, text.len())]) {
                let expected = every_byte.accepted(text, from, to);
                found += expected.len();
                let got: Vec<_> = lexicon
                    .find(&text[from..to])
                    .map(|m| (from + m.start(), from + m.end(), m.pattern().as_usize()))
                    .filter(|&(start, end, p)| gazetteer::accept(text, start, end, lexicon.written[p]))
                    .collect();
                assert_eq!(got, expected, "{}", &text[from..to]);
            }
        }
        assert!(found > 1000, "{found} phrases");
        // A phrase inside a word hides one inside it from a search of
        // every byte only.
        let text = "they upheld talks";
        assert_eq!(every_byte.accepted(text, 0, text.len()), []);
        assert_eq!(lexicon.find(text).map(|m| &text[m.range()]).collect::<Vec<_>>(), ["talks"]);
    }

    /// Sentences' words are lower-cased to be matched against the context
    /// phrases, and some are compared ignoring ASCII case only: the
    /// phrases must be written in lower case.
    #[test]
    fn context_phrases_are_in_lower_case() {
        let lexicon = Lexicon::shared();
        for phrases in &lexicon.context {
            for word in phrases.iter().flatten() {
                assert_eq!(*word, word.to_lowercase(), "context.tsv");
            }
        }
    }

    /// A sentence's words as [`Words::read`] read them before it classed
    /// bytes by a table and looked words up by [`WordKey`]s: character by
    /// character, each word lower-cased whole, split, and looked up in a
    /// map of the vocabulary's spellings.
    fn words_plainly(
        text: &str,
        from: usize,
        to: usize,
        lexicon: &Lexicon,
    ) -> Vec<(usize, usize, Option<WordId>, bool)> {
        let vocabulary: FxHashMap<&str, WordId> =
            lexicon.spelling.iter().enumerate().map(|(id, w)| (w.as_str(), id as WordId)).collect();
        let mut out = Vec::new();
        let mut push = |s: usize, e: usize| {
            let lower = text[s..e].to_lowercase().replace('\u{2019}', "'");
            let mut word = |start, end, w: &str| out.push((start, end, vocabulary.get(w).copied(), w.ends_with("'s")));
            if let Some(stem) = lower.strip_suffix("n't") {
                word(s, e - 3, stem);
                word(e - 3, e, "n't");
            } else if let Some(stem) = lower.strip_suffix("'ll") {
                word(s, e - 3, stem);
                word(e - 3, e, "'ll");
            } else {
                word(s, e, &lower);
            }
        };
        let mut start = None;
        for (i, c) in text[from..to].char_indices() {
            match (c.is_alphanumeric() || c == '\'' || c == '-' || c == '\u{2019}', start) {
                (true, None) => start = Some(from + i),
                (false, Some(s)) => {
                    push(s, from + i);
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            push(s, to);
        }
        out
    }

    /// Runs of letters counted eight bytes at a time are those counted
    /// byte by byte, as far as whole chunks of eight reach.
    #[test]
    fn letter_runs_are_counted_as_byte_by_byte() {
        let mut texts: Vec<Vec<u8>> = crate::samples::test_articles().into_iter().map(String::into_bytes).collect();
        texts.push(
            (0..=255u8)
                .chain((0..=255u8).rev())
                .flat_map(|b| [b'a', b, b'Z', b'{', b'`', b, b'@', b'[', b'A', b'z'])
                .collect(),
        );
        for text in &texts {
            for at in 0..text.len() {
                let bytes = &text[at..];
                let plainly = bytes.iter().take_while(|b| b.is_ascii_alphabetic()).count();
                assert_eq!(letter_run(bytes), plainly.min(bytes.len() / 8 * 8), "{at}");
            }
        }
    }

    /// The context phrases found through the pairs that start them are
    /// those a plain comparison of every phrase at every word finds.
    #[test]
    fn phrases_are_found_as_by_trying_each_at_each_word() {
        let lexicon = Lexicon::shared();
        let mut found = 0;
        for text in crate::samples::test_articles() {
            for s in text::layout(&text).sentences {
                let words = Words::read(&text, s.start, s.end, lexicon, Words::default());
                let mut read: Vec<_> = words.phrases.iter().map(|p| (p.kind as usize, p.first, p.last)).collect();
                read.sort();
                let mut plainly = Vec::new();
                for i in 0..words.list.len() {
                    for (kind, phrase) in &lexicon.phrases {
                        let at = words.list[i..].iter().map(|w| w.id);
                        if phrase.len() <= words.list.len() - i && at.zip(phrase).all(|(w, p)| w == Some(*p)) {
                            plainly.push((*kind as usize, i, i + phrase.len() - 1));
                        }
                    }
                }
                plainly.sort();
                assert_eq!(read, plainly, "{}", &text[s.start..s.end]);
                found += read.len();
            }
        }
        assert!(found > 1_000, "{found} phrases");
    }

    #[test]
    fn words_are_read_as_character_by_character() {
        let lexicon = Lexicon::shared();
        let texts = crate::samples::test_articles_and(&[
            "DIDN'T he say We\u{2019}LL go? Putin\u{2019}s aide's talks; \u{130}stanbul ISN'T n't 'll \u{c9}lys\u{e9}e, \
             co-operation\u{2014}THE Kremlin'S \u{201c}Before\u{201d} \u{212a}ing 3-day HE He To AS BEFORE During \
             PRESIDENT Chancellor MINISTERS Leaders' counter-offensives internationalisation \
             INTERNATIONALISATIONS Presidents'll \u{c9}PREMIER PREMIER\u{c9} PR\u{c9}SIDENT premi\u{e8}re",
        ]);
        let mut words = 0;
        for text in &texts {
            let sentences = text::layout(text).sentences;
            for (from, to) in sentences.iter().map(|s| (s.start, s.end)).chain([(0, text.len())]) {
                let read: Vec<_> = Words::read(text, from, to, lexicon, Words::default())
                    .list
                    .iter()
                    .map(|w| (w.start, w.end, w.id, w.possessive))
                    .collect();
                words += read.len();
                assert_eq!(read, words_plainly(text, from, to, lexicon), "{}", &text[from..to]);
            }
        }
        assert!(words > 40_000, "{words} words");
    }

    #[test]
    fn clause_marks_are_found_as_by_characters() {
        let texts = crate::samples::test_articles_and(&["a \u{2013} b \u{201c}c\u{201d} \u{2014} d; e: f, g\u{2014}"]);
        let mut found = 0;
        for text in &texts {
            let mut from = 0;
            loop {
                let expected = text[from..].find([',', ';', ':', '\u{2014}']);
                assert_eq!(clause_mark(&text[from..]), expected, "{}", &text[from..]);
                let Some(at) = expected else { break };
                found += 1;
                from += at + text[from + at..].chars().next().map_or(1, char::len_utf8);
            }
        }
        assert!(found > 1_000, "{found} marks");
    }

    fn types(sentence: &str) -> String {
        let text = format!("Headline\nPublished: Apr 19, 2023 12:10 AM\n{sentence}\n");
        let x = extract(&text, &Options::default());
        let t: Vec<&str> = x.events.iter().map(|e| e.kind.code()).collect();
        if t.is_empty() { "nothing".into() } else { t.join(" ") }
    }

    #[test]
    fn every_example_in_triggers_tsv_gives_its_events() {
        let table = resources::TRIGGERS.table().unwrap();
        assert!(table.examples.len() >= 10);
        for ex in table.examples {
            assert_eq!(types(ex.input), ex.expected, "triggers.tsv:{} `{}`", ex.line, ex.input);
        }
    }

    #[test]
    fn a_planned_event_with_a_date_is_recorded_as_planned() {
        let text = "Headline\nPublished: Apr 19, 2023 12:10 AM\nChinese and Russian warships will hold a joint exercise from May 3 to 7, the ministry said.\n";
        let x = extract(text, &Options::default());
        assert_eq!(x.events.len(), 1, "{:?}", x.diagnostics);
        assert_eq!(x.events[0].status, Status::Planned);
        assert_eq!(x.events[0].date.to_string(), "2023-05-03/2023-05-07");
    }

    #[test]
    fn a_date_inside_a_since_phrase_does_not_date_the_event() {
        let text = "Starmer in Kyiv\nThu 16 Jan 2025 16.40 GMT\n\nKeir Starmer has arrived in Kyiv by train on his first trip to Ukraine since becoming prime minister in July.\n";
        let x = extract(text, &Options::default());
        let visit = x.events.iter().find(|e| e.kind == EventType::Visit).expect("the visit");
        assert_eq!(visit.date.to_string(), "2025-01-16");
    }

    #[test]
    fn the_month_may_is_not_the_modal_may() {
        let text = "Headline\nMANILA, Nov 22, 2023 (Reuters) - In May, Philippine President Ferdinand Marcos Jr. held talks with U.S. President Joe Biden at the White House.\n";
        let x = extract(text, &Options::default());
        let kinds: Vec<String> = x.events.iter().map(|e| format!("{} {}", e.kind.code(), e.date)).collect();
        assert!(kinds.contains(&"meeting 2023-05".to_string()), "{kinds:?} {:?}", x.diagnostics);
        let text = "Headline\nMANILA, Nov 22, 2023 (Reuters) - Marcos may hold talks with Biden on Friday.\n";
        assert!(extract(text, &Options::default()).events.is_empty());
    }

    #[test]
    fn days_of_an_event_or_an_end_day_make_its_range() {
        let dated = |sentence: &str| {
            let text = format!("Headline\nMANILA, Nov 22, 2023 (Reuters) - {sentence}\n");
            let x = extract(&text, &Options::default());
            x.events.iter().map(|e| format!("{} {}", e.kind.code(), e.date)).collect::<Vec<_>>()
        };
        assert_eq!(
            dated(
                "The Philippines and the United States began three days of joint maritime and air patrols on Tuesday."
            ),
            ["patrol 2023-11-21/2023-11-23"]
        );
        assert_eq!(
            dated(
                "The Philippines and the United States opened joint combat exercises on Tuesday, with drills that will run until November 30."
            ),
            ["exercise 2023-11-21/2023-11-30"]
        );
        // The past days of something else are not the event's.
        assert_eq!(
            dated("The Philippine and US navies held a joint patrol on Tuesday, ending the past three days of storms."),
            ["patrol 2023-11-21"]
        );
    }

    #[test]
    fn a_date_anchored_to_an_earlier_one_counts_from_it() {
        let text = "Headline\nPublished: Apr 19, 2023 12:10 AM\nThe Chinese defence minister arrived in Moscow on April 10, 2023. Two days later, Russian Defense Minister Sergei Shoigu met Chinese Minister of National Defense Li Shangfu in Moscow.\n";
        let x = extract(text, &Options::default());
        let meeting = x.events.iter().find(|e| e.kind == EventType::Meeting).expect("the meeting");
        assert_eq!(meeting.date.to_string(), "2023-04-12");
    }

    #[test]
    fn a_stay_of_some_days_runs_from_the_day_named_or_ends_on_it() {
        let visit = |sentence: &str| {
            let text = format!("Headline\nPublished: Apr 26, 2024 10:00 AM\n{sentence}\n");
            let x = extract(&text, &Options::default());
            x.events.iter().find(|e| e.kind == EventType::Visit).map(|e| e.date.to_string())
        };
        assert_eq!(
            visit(
                "US Secretary of State Antony Blinken arrived in Beijing on Wednesday for a three-day visit to China."
            )
            .as_deref(),
            Some("2024-04-24/2024-04-26")
        );
        assert_eq!(
            visit("US Secretary of State Antony Blinken met Chinese President Xi Jinping in Beijing on Friday, at the end of a three-day visit to China.").as_deref(),
            Some("2024-04-24/2024-04-26")
        );
    }

    #[test]
    fn a_counterpart_is_the_holder_of_the_same_office_then() {
        let text = "Headline\nPublished: Apr 19, 2023 12:10 AM\nChinese Minister of National Defense Li Shangfu met his Russian counterpart in Moscow on Tuesday.\n";
        let x = extract(text, &Options::default());
        let names: Vec<&str> = x.events[0].actors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["Li Shangfu", "Sergei Shoigu"]);
    }

    #[test]
    fn a_visit_said_to_last_some_days_runs_that_long() {
        let text = "Headline\nPublished: Apr 19, 2023 12:10 AM\nIndian Prime Minister Narendra Modi began a three-day visit to Moscow on Monday.\n";
        let e = &extract(text, &Options::default()).events[0];
        assert_eq!(e.date.to_string(), "2023-04-17/2023-04-19");
    }

    #[test]
    fn a_drill_opened_on_a_day_of_a_range_runs_over_the_range() {
        let text = "Headline\nPublished: Mar 12, 2022 9:00 AM\nThe Nigerian Navy on Friday opened Obangame Express, a multinational exercise that runs from March 11 to 18.\n";
        let e = &extract(text, &Options::default()).events[0];
        assert_eq!(e.date.to_string(), "2022-03-11/2022-03-18");
    }

    #[test]
    fn talks_after_which_the_main_clause_signs_are_held_by_its_people() {
        let text = "Headline\nPublished: Jun 16, 2023 9:00 AM\nRussian President Vladimir Putin and Chinese President Xi Jinping signed a declaration after talks in the Kremlin on Thursday.\n";
        let x = extract(text, &Options::default());
        let talks = x.events.iter().find(|e| e.kind == EventType::Meeting).expect("the talks");
        assert_eq!(talks.actors.len(), 2);
        assert_eq!(talks.location, "Moscow");
    }

    #[test]
    fn undated_talks_are_not_a_meeting_months_before() {
        let text = "Headline\nPublished: Feb 20, 2023 9:00 AM\nU.S. President Joe Biden held talks with Ukrainian President Volodymyr Zelensky in Kyiv. Biden last met Zelensky in person in December.\n";
        let x = extract(text, &Options::default());
        let dates: Vec<String> =
            x.events.iter().filter(|e| e.kind == EventType::Meeting).map(|e| e.date.to_string()).collect();
        assert_eq!(dates, ["2023-02-20", "2022-12"]);
    }

    #[test]
    fn the_two_leaders_are_the_pair_named_last() {
        let text = "Headline\nPublished: Apr 19, 2023 12:10 AM\nRussian Defense Minister Sergei Shoigu and Chinese Minister of National Defense Li Shangfu signed a memorandum in Moscow on Wednesday. The two ministers had met two days earlier in Minsk.\n";
        let x = extract(text, &Options::default());
        let meeting = x.events.iter().find(|e| e.kind == EventType::Meeting).expect("the earlier meeting");
        assert_eq!(meeting.date.to_string(), "2023-04-17");
        assert_eq!(meeting.actors.len(), 2);
    }

    fn actors_of(x: &Extraction, kind: EventType) -> Vec<String> {
        let e = x.events.iter().find(|e| e.kind == kind).expect("the event");
        let mut names: Vec<String> = e.actors.iter().map(|a| a.name.clone()).collect();
        names.sort();
        names
    }

    #[test]
    fn those_said_to_attend_just_after_a_summit_take_part_in_it() {
        let text = "Headline\nPublished: Apr 19, 2023 12:10 AM\nLeaders of the BRICS group opened a three-day summit in Johannesburg on Tuesday. Chinese President Xi Jinping and Indian Prime Minister Narendra Modi attended in person. U.S. Secretary of State Antony Blinken said he would not attend.\n";
        let x = extract(text, &Options::default());
        assert_eq!(actors_of(&x, EventType::Summit), ["Narendra Modi", "Xi Jinping"]);
        let summit = x.events.iter().find(|e| e.kind == EventType::Summit).unwrap();
        assert_eq!(summit.date.to_string(), "2023-04-18/2023-04-20");
        assert!(!summit.countries.contains(&"USA".to_string()), "who would not attend does not take part");
    }

    #[test]
    fn a_passing_mention_that_people_attended_adds_them() {
        let text = "Headline\nPublished: Apr 19, 2023 12:10 AM\nDefence ministers of the Shanghai Cooperation Organisation met in New Delhi on Tuesday. Chinese Defence Minister Li Shangfu and Russian Defence Minister Sergei Shoigu attended the meeting.\n";
        let x = extract(text, &Options::default());
        assert_eq!(x.events.len(), 1, "{:?}", x.events);
        assert_eq!(x.events[0].kind, EventType::Summit, "a meeting of an organisation's ministers");
        assert_eq!(actors_of(&x, EventType::Summit), ["Li Shangfu", "Sergei Shoigu"]);
    }

    #[test]
    fn the_length_of_a_gathering_said_elsewhere_stretches_its_day() {
        let text = "Headline\nPublished: Apr 19, 2023 12:10 AM\nForeign ministers of the Group of 20 met in Johannesburg on Monday. President Cyril Ramaphosa opened the two-day meeting at the Nasrec Expo Centre.\n";
        let x = extract(text, &Options::default());
        assert_eq!(x.events.len(), 1, "{:?}", x.events);
        assert_eq!(x.events[0].date.to_string(), "2023-04-17/2023-04-18");
        assert_eq!(actors_of(&x, EventType::Summit), ["Cyril Ramaphosa"]);
    }

    #[test]
    fn a_dateline_year_is_one_in_which_the_people_named_held_their_titles() {
        // 23 July was a Tuesday in 2019 and in 2024; Moon was president in 2019.
        let text = "Headline\n\nSEOUL, July 23 (Yonhap) -- South Korean President Moon Jae-in met the visiting Japanese delegation on Tuesday.\n";
        let options = Options { file_date: NaiveDate::from_ymd_opt(2026, 11, 26), ..Options::default() };
        let x = extract(text, &options);
        assert_eq!(x.published.map(|p| p.date.to_string()).as_deref(), Some("2019-07-23"));
        // A former president says nothing of the year.
        let text = text.replace("South Korean President", "former South Korean President");
        let x = extract(&text, &options);
        assert_eq!(x.published.map(|p| p.date.to_string()).as_deref(), Some("2024-07-23"));
    }

    #[test]
    fn a_year_in_a_name_is_the_edition_reported() {
        // 12 March was a Friday in 2021; the lead's Friday is the day before a Saturday in 2022.
        let text = "Headline\n\nLAGOS, March 12 (Reuters) - Nigeria's navy on Friday opened Obangame Express 2022, a maritime exercise.\n";
        let options = Options { file_date: NaiveDate::from_ymd_opt(2026, 11, 26), ..Options::default() };
        let x = extract(text, &options);
        assert_eq!(x.published.map(|p| p.date.to_string()).as_deref(), Some("2022-03-12"));
    }

    #[test]
    fn an_em_dash_or_curly_quote_after_a_trigger_is_read_whole() {
        // Regression: multi-byte separators were sliced mid-character.
        let text = "Headline\nPublished: Apr 19, 2023 12:10 AM\nRussian Defense Minister Sergei Shoigu met Chinese Minister of National Defense Li Shangfu in Moscow on Tuesday \u{2014} their second meeting this year. On Tuesday President Jane Doesmith said the army and navy of the country\u{2019}s north were ready.\n";
        let x = extract(text, &Options::default());
        assert_eq!(x.events.iter().filter(|e| e.kind == EventType::Meeting).count(), 1);
    }

    #[test]
    fn an_absurd_count_of_years_is_no_date_and_no_panic() {
        let text = "Headline\nPublished: Apr 19, 2023 12:10 AM\nChina and Russia held talks 300000 years ago, and 4294967296 years ago.\n";
        let x = extract(text, &Options::default());
        assert!(x.events.iter().all(|e| e.date.start().to_string().starts_with("2023")), "{:?}", x.events);
    }

    #[test]
    fn an_undated_event_takes_the_article_date_and_says_so() {
        let text = "Headline\nPublished: Apr 19, 2023 12:10 AM\nRussian Defense Minister Sergei Shoigu met Chinese Minister of National Defense Li Shangfu in Moscow.\n";
        let e = &extract(text, &Options::default()).events[0];
        assert_eq!(e.date.to_string(), "2023-04-19");
        assert!(e.date_inferred);
    }

    #[test]
    fn without_a_publication_date_nothing_relative_is_guessed() {
        let text = "Headline\nRussian Defense Minister Sergei Shoigu met Chinese Minister of National Defense Li Shangfu in Moscow on Tuesday.\n";
        let x = extract(text, &Options::default());
        assert!(x.events.is_empty(), "{:?}", x.events);
        assert!(x.diagnostics.iter().any(|d| d.message.contains("no publication date")));
    }
}
