//! Events from an article: triggers, their clause, date, participants,
//! place and status, sentence by sentence; then one event per occurrence.
//!
//! Extraction never fails: odd input gives fewer events and more
//! [`Diagnostic`]s.

use std::cell::OnceCell;
use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use crate::actors::{Found, Offices};
use crate::gazetteer::{self, Entity, Gazetteer, Mention, Person};
use crate::model::{Actor, DateValue, Diagnostic, Event, EventType, Evidence, Precision, Status};
use crate::pubdate::{self, Published};
use crate::resources::{self, Result};
use crate::text::{self, Sentence};
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
}

impl ContextKind {
    /// How many kinds there are: one past the last.
    const COUNT: usize = ContextKind::Ending as usize + 1;
}

/// The trigger lexicon and context words of `resources/events/`.
pub struct Lexicon {
    triggers: Vec<(Option<EventType>, Flags)>,
    /// Each trigger phrase in lower case, as [`gazetteer::accept`] takes it.
    lower: Vec<String>,
    automaton: AhoCorasick,
    /// Context phrases, as words, by kind (`ContextKind as usize`).
    context: Vec<Vec<Vec<String>>>,
    /// The words of the context phrases and the few [`Lexicon::word`]
    /// names, numbered: sentences are matched as numbers, not strings.
    vocabulary: FxHashMap<String, WordId>,
    /// The context phrases read in sentences, as numbered words, by kind.
    phrases: Vec<(ContextKind, Vec<WordId>)>,
    /// For each word number, the phrases (indices into `phrases`) that
    /// start with it.
    starting: Vec<Vec<usize>>,
}

/// A word's number in the lexicon's vocabulary.
type WordId = u32;

/// Words the code itself asks about, besides those of the context phrases.
const KNOWN_WORDS: [&str; 12] =
    ["to", "he", "she", "the", "this", "that", "these", "those", "their", "his", "her", "its"];

impl Lexicon {
    pub fn shared() -> &'static Lexicon {
        static L: OnceLock<Lexicon> = OnceLock::new();
        L.get_or_init(|| Lexicon::from_resources().expect("shipped event resources are valid (tested)"))
    }

    pub fn from_resources() -> Result<Lexicon> {
        let file = resources::TRIGGERS;
        let mut triggers = Vec::new();
        let mut phrases = Vec::new();
        let mut lower = Vec::new();
        for row in file.table()?.rows {
            let kind = match row.cells[0] {
                "none" => None,
                code => Some(
                    EventType::from_code(code).ok_or_else(|| file.invalid(row.line, format!("unknown type {code}")))?,
                ),
            };
            let mut flags =
                Flags { verb: false, noun: false, plural: false, named: false, weak: false, needs_place: false };
            for f in row.list(2).flat_map(|c| c.split(',')) {
                match f.trim() {
                    "verb" => flags.verb = true,
                    "noun" => flags.noun = true,
                    "plural" => flags.plural = true,
                    "named" => flags.named = true,
                    "weak" => flags.weak = true,
                    "needs-place" => flags.needs_place = true,
                    other => return Err(file.invalid(row.line, format!("unknown flag {other}"))),
                }
            }
            triggers.push((kind, flags));
            phrases.push(row.cells[1]);
            lower.push(row.cells[1].to_lowercase());
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&phrases)
            .map_err(|e| file.invalid(0, e.to_string()))?;
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
                other => return Err(cfile.invalid(row.line, format!("unknown kind {other}"))),
            };
            context.push((kind, row.cells[1].split_whitespace().map(str::to_string).collect::<Vec<_>>()));
        }
        let mut vocabulary = FxHashMap::default();
        for w in KNOWN_WORDS.into_iter().chain(context.iter().flat_map(|(_, p)| p.iter().map(String::as_str))) {
            let next = vocabulary.len() as WordId;
            vocabulary.entry(w.to_string()).or_insert(next);
        }
        // Commentary is read from header lines and place markers from the
        // word before a mention, not from a sentence's words.
        let phrases: Vec<(ContextKind, Vec<WordId>)> = context
            .iter()
            .filter(|(kind, p)| !matches!(kind, ContextKind::Commentary | ContextKind::PlaceMarker) && !p.is_empty())
            .map(|(kind, p)| (*kind, p.iter().map(|w| vocabulary[w]).collect()))
            .collect();
        let mut starting = vec![Vec::new(); vocabulary.len()];
        for (i, (_, p)) in phrases.iter().enumerate() {
            starting[p[0] as usize].push(i);
        }
        let mut by_kind = vec![Vec::new(); ContextKind::COUNT];
        for (kind, phrase) in context {
            by_kind[kind as usize].push(phrase);
        }
        Ok(Lexicon { triggers, lower, automaton, context: by_kind, vocabulary, phrases, starting })
    }

    fn phrases(&self, kind: ContextKind) -> impl Iterator<Item = &[String]> {
        self.context[kind as usize].iter().map(Vec::as_slice)
    }

    /// The number of one of [`KNOWN_WORDS`].
    fn word(&self, w: &str) -> WordId {
        self.vocabulary[w]
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
struct Words {
    list: Vec<Word>,
    phrases: Vec<PhraseAt>,
}

impl Words {
    /// The words of a span with their byte offsets, and the context
    /// phrases they hold.
    fn read(text: &str, from: usize, to: usize, lexicon: &Lexicon) -> Words {
        let mut list = Vec::with_capacity((to - from) / 4);
        let mut lower = String::new();
        let mut push = |s, e| push_word(&mut list, &mut lower, text, s, e, lexicon);
        let span = &text[from..to];
        if span.is_ascii() {
            let is_word = |(i, b): (usize, u8)| (from + i, b.is_ascii_alphanumeric() || b == b'\'' || b == b'-');
            word_spans(span.bytes().enumerate().map(is_word), to, &mut push);
        } else {
            let is_word =
                |(i, c): (usize, char)| (from + i, c.is_alphanumeric() || c == '\'' || c == '\u{2019}' || c == '-');
            word_spans(span.char_indices().map(is_word), to, &mut push);
        }
        let mut phrases = Vec::new();
        for (i, w) in list.iter().enumerate() {
            let Some(id) = w.id else { continue };
            for &p in &lexicon.starting[id as usize] {
                let (kind, words) = &lexicon.phrases[p];
                let last = i + words.len() - 1;
                if list.get(i..=last).is_some_and(|ws| ws.iter().zip(words).all(|(w, p)| w.id == Some(*p))) {
                    phrases.push(PhraseAt { kind: *kind, first: i, last });
                }
            }
        }
        Words { list, phrases }
    }

    /// The indices of the words that lie within `from..to`: the same as
    /// reading that span when it starts and ends between words.
    fn within(&self, from: usize, to: usize) -> Range<usize> {
        let lo = self.list.partition_point(|w| w.start < from);
        let hi = self.list.partition_point(|w| w.end <= to).max(lo);
        lo..hi
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

/// Calls `f` with the start and end of each run of word characters, given
/// each character's offset and whether it is one; `to` ends the last run.
fn word_spans(chars: impl Iterator<Item = (usize, bool)>, to: usize, f: &mut impl FnMut(usize, usize)) {
    let mut start = None;
    for (i, is_word) in chars {
        match (is_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                f(s, i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        f(s, to);
    }
}

/// Adds the word `text[s..e]` in lower case; "didn't" reads as "did" +
/// "n't" and "we'll" as "we" + "'ll".
fn push_word(list: &mut Vec<Word>, lower: &mut String, text: &str, s: usize, e: usize, lexicon: &Lexicon) {
    let raw = &text[s..e];
    let lower = if raw.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        raw
    } else {
        lower.clear();
        if raw.is_ascii() {
            lower.push_str(raw);
            lower.make_ascii_lowercase();
        } else {
            lower.push_str(&raw.to_lowercase().replace('\u{2019}', "'"));
        }
        lower.as_str()
    };
    let word = |start, end, w: &str| Word {
        start,
        end,
        id: lexicon.vocabulary.get(w).copied(),
        possessive: w.ends_with("'s"),
    };
    if let Some(stem) = lower.strip_suffix("n't") {
        list.push(word(s, e - 3, stem));
        list.push(word(e - 3, e, "n't"));
    } else if let Some(stem) = lower.strip_suffix("'ll") {
        list.push(word(s, e - 3, stem));
        list.push(word(e - 3, e, "'ll"));
    } else {
        list.push(word(s, e, lower));
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

/// An event as read from one sentence, before merging.
#[derive(Debug, Clone)]
struct Draft {
    event: Event,
    /// A passing mention (no date of its own, a noun, commentary): it adds
    /// its evidence to the event it refers to.
    mention_only: bool,
    /// Whether a passing mention with nothing to refer to still stands as
    /// an event (not commentary, not in a subordinate clause).
    standalone: bool,
    /// The mention points at a known event: "the talks", "Li's visit".
    definite: bool,
}

/// Reads an article's events.
pub fn extract(text: &str, options: &Options) -> Extraction {
    let layout = text::layout(text);
    let mut diagnostics = Vec::new();
    // Tagged once: the publication date's year and the events both use it.
    let all_timexes = Tagger::shared().find(text);
    let in_text =
        pubdate::find_with(text, &layout, options.file_name.as_deref(), options.file_date, || all_timexes.clone());
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
    let gazetteer = Gazetteer::shared();
    let lexicon = Lexicon::shared();
    let body_start = layout.sentences.first().map_or(text.len(), |s| s.start);
    // The dateline ("SINGAPORE, May 31 (Reuters) --") says where and when
    // the report was filed: none of its words belong to an event.
    let dateline = dateline_span.filter(|s| s.0 >= body_start);
    let outside = |start: usize| dateline.is_none_or(|(s, e)| start < s || start >= e);
    let mut mentions: Vec<Mention> = gazetteer.find(text).into_iter().filter(|m| outside(m.start)).collect();
    // People named by office: learned ones and holders looked up by date.
    let found = Offices::shared().find(text, &mentions, gazetteer);
    mentions.extend(found.mentions.iter().copied().filter(|m| outside(m.start)));
    mentions.sort_by_key(|m| m.start);
    let timexes: Vec<Timex> = all_timexes.into_iter().filter(|t| t.start >= body_start && outside(t.start)).collect();
    // Phase 2 once for the whole text: anchored expressions ("the following
    // day") count from the date named before them.
    let dates: Vec<Option<DateValue>> =
        timex::resolve_all(&timexes, reference).into_iter().map(|v| v.and_then(|v| v.date())).collect();

    let commentary = layout.header.iter().any(|&(s, e)| {
        let line = text[s..e].to_lowercase();
        lexicon.phrases(ContextKind::Commentary).any(|p| p.iter().all(|w| line.contains(w.as_str())))
    });
    // Each sentence's words, read once, when first needed: most sentences
    // hold no trigger.
    let all_words: Vec<OnceCell<Words>> = layout.sentences.iter().map(|_| OnceCell::new()).collect();
    let words_of = |si: usize| {
        let s = &layout.sentences[si];
        all_words[si].get_or_init(|| Words::read(text, s.start, s.end, lexicon))
    };
    let sentence_triggers: Vec<Vec<Trigger>> = layout
        .sentences
        .iter()
        .enumerate()
        .map(|(si, s)| find_triggers(text, s, || words_of(si), lexicon, &mentions))
        .collect();
    let mut drafts: Vec<Draft> = Vec::new();
    for (si, sentence) in layout.sentences.iter().enumerate() {
        let triggers = &sentence_triggers[si];
        if triggers.is_empty() {
            continue;
        }
        let sentence_words = words_of(si);
        let all = 0..sentence_words.list.len();
        let opinion = sentence_words.has(ContextKind::Opinion, all.clone());
        let ends = sentence_words.has(ContextKind::Ending, all);
        let mut in_sentence: Vec<Draft> = Vec::new();
        for trigger in triggers {
            // Only for diagnostics: counting code points is linear in the text.
            let at = || text::char_offset(text, trigger.start);
            let phrase = &text[trigger.start..trigger.end];
            if trigger.flags.weak && triggers.iter().any(|t| !t.flags.weak && t.kind != trigger.kind) {
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
            if has(ContextKind::Negated, near.clone()) || has(ContextKind::Hypothetical, near.clone()) {
                diagnostics.push(Diagnostic {
                    at: at(),
                    message: format!("`{phrase}`: negated or hypothetical, not an event"),
                });
                continue;
            }
            if has(ContextKind::Generic, near.clone()) {
                diagnostics.push(Diagnostic {
                    at: at(),
                    message: format!("`{phrase}`: a generic mention, not one occurrence"),
                });
                continue;
            }
            let infinitive = trigger.flags.verb && last_before.is_some_and(|w| w.id == Some(lexicon.word("to")));
            let planned_word =
                has(ContextKind::Planned, if trigger.flags.verb { near } else { modifiers }) || infinitive;
            let direction = if planned_word { Direction::Future } else { Direction::Unmarked };
            // "Biden will host Marcos and Kishida at the White House on
            // Thursday": a future marker anywhere before a date in the
            // sentence points it forward, however far back.
            let future_before = |pos: usize| {
                let k = sentence_words.list.partition_point(|w| w.start < pos);
                sentence_words.has(ContextKind::Planned, 0..k)
            };
            let own_date = trigger_date(&timexes, &dates, sentence, trigger, reference, direction, &future_before)
                .map(|d| lasting(d, trigger, sentence, &timexes, &dates, ends));
            if trigger.flags.plural && own_date.is_none() {
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
            let mut draft = participants(text, gazetteer, &found, lexicon, &mentions, trigger, date);
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
            // A ship that visits or arrives makes a port call.
            if draft.kind == EventType::Visit && sentence_words.has(ContextKind::Vessel, before_words.clone()) {
                draft.kind = EventType::PortCall;
            }
            if trigger.flags.needs_place && draft.location.is_empty() {
                continue;
            }
            // "The two leaders had met in Doha": the pair named last.
            if draft.actors.is_empty() {
                let window = sentence_words.within(trigger.before.0, trigger.after.1);
                if sentence_words.has(ContextKind::Pair, window)
                    && let Some(pair) =
                        in_sentence.iter().rev().chain(drafts.iter().rev()).find(|d| d.event.actors.len() >= 2)
                {
                    draft.actors = pair.event.actors.clone();
                    for c in &pair.event.countries {
                        add_country(&mut draft.countries, c);
                    }
                }
            }
            draft.date = date;
            draft.date_inferred = date_inferred;
            draft.status = status;
            draft.evidence = vec![evidence(text, sentence)];
            draft.confidence = confidence(trigger, &draft);
            let mention_only = opinion || (date_inferred && (trigger.flags.noun || trigger.subordinate));
            if let Some(next) = layout.sentences.get(si + 1)
                && sentence_triggers[si + 1].is_empty()
            {
                let next_words = words_of(si + 1);
                continuation(text, gazetteer, &found, &mentions, &timexes, sentence, next, next_words, &mut draft);
            }
            let definite = last_before.is_some_and(|w| {
                w.possessive
                    || ["the", "this", "that", "these", "those", "their", "his", "her", "its"]
                        .iter()
                        .any(|d| w.id == Some(lexicon.word(d)))
            });
            let new = Draft { event: draft, mention_only, standalone: !opinion && !trigger.subordinate, definite };
            match in_sentence.iter_mut().find(|d| same_occurrence(&d.event, &new.event, true)) {
                Some(d) => {
                    absorb(&mut d.event, new.event, false);
                    d.mention_only &= new.mention_only;
                }
                None => in_sentence.push(new),
            }
        }
        // Those who meet at a summit ("met on the sidelines of the BRICS
        // summit") attend it.
        let meetings: Vec<Event> =
            in_sentence.iter().filter(|d| d.event.kind == EventType::Meeting).map(|d| d.event.clone()).collect();
        for d in in_sentence.iter_mut().filter(|d| d.event.kind == EventType::Summit) {
            for m in &meetings {
                for a in &m.actors {
                    if !d.event.actors.iter().any(|x| x.name == a.name) {
                        d.event.actors.push(a.clone());
                    }
                }
                for c in &m.countries {
                    add_country(&mut d.event.countries, c);
                }
            }
        }
        drafts.extend(in_sentence);
    }

    let mut events: Vec<Event> = Vec::new();
    for draft in drafts {
        let mut target = events.iter().rposition(|e| {
            if draft.mention_only {
                refers_to(e, &draft.event) && (draft.definite || shares_participant(e, &draft.event))
            } else {
                same_occurrence(e, &draft.event, false)
            }
        });
        // "Zelensky called the trip a sign of support": a definite undated
        // mention is the last such event, whoever speaks of it.
        if target.is_none() && draft.mention_only && draft.definite && draft.event.date_inferred {
            target = events.iter().rposition(|e| e.kind == draft.event.kind);
        }
        let target = target.map(|i| &mut events[i]);
        match target {
            Some(e) => absorb(e, draft.event, draft.mention_only),
            None if draft.mention_only && (!draft.standalone || draft.event.countries.is_empty()) => {
                let at = draft.event.evidence[0].start;
                diagnostics.push(Diagnostic {
                    at,
                    message: format!(
                        "a {} mentioned in passing or in commentary, with nothing to refer to",
                        draft.event.kind
                    ),
                });
            }
            None => events.push(draft.event),
        }
    }
    // A visit's actors are the visitors: the host (someone of the country
    // visited) takes part in the meeting, not in the trip.
    for e in &mut events {
        if e.kind != EventType::Visit {
            continue;
        }
        let host = gazetteer.host_of(&e.location);
        if let Some(host) = host
            && e.actors.iter().any(|a| a.country != host)
        {
            e.actors.retain(|a| a.country != host);
        }
    }
    // Offices are those held on the event's final date.
    for e in &mut events {
        for a in &mut e.actors {
            if let Some(p) = gazetteer.person(&a.name) {
                let (country, role) = p.at(Some(e.date.start()));
                a.country = country.to_string();
                a.role = role.to_string();
            }
        }
    }
    // Commentary (an opinion column, an editorial) records only the past
    // events it dates itself.
    if commentary {
        events.retain(|e| {
            if e.date_inferred {
                diagnostics.push(Diagnostic {
                    at: e.evidence[0].start,
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
                at: e.evidence[0].start,
                message: format!("a {} with no country, organisation or person taking part", e.kind),
            });
        }
        keep
    });
    Extraction { title: layout.title, published, events, diagnostics }
}

fn find_triggers<'w>(
    text: &str,
    sentence: &Sentence,
    words: impl Fn() -> &'w Words,
    lexicon: &Lexicon,
    mentions: &[Mention],
) -> Vec<Trigger> {
    let s = &text[sentence.start..sentence.end];
    let mut out = Vec::new();
    // Brackets opened and closed before the match at hand.
    let (mut counted, mut open, mut closed) = (0, 0, 0);
    for m in lexicon.automaton.find_iter(s) {
        let (start, end) = (sentence.start + m.start(), sentence.start + m.end());
        if !gazetteer::accept(text, start, end, &lexicon.lower[m.pattern().as_usize()]) {
            continue;
        }
        let (kind, flags) = lexicon.triggers[m.pattern().as_usize()];
        let Some(kind) = kind else { continue };
        // Words in brackets are asides and credits ("(Korea Summit Press Pool)").
        for b in s[counted..m.start()].bytes() {
            match b {
                b'(' => open += 1,
                b')' => closed += 1,
                _ => {}
            }
        }
        counted = m.start();
        if open > closed {
            continue;
        }
        let sw = words();
        let (mut before, subordinate) = clause_start(text, sw, sentence.start, start);
        // "Trump said he had held a call with Putin": when a pronoun is the
        // subject, the one it stands for is earlier in the sentence.
        let first = sw.list.iter().find(|w| w.start >= before).and_then(|w| w.id);
        if first.is_some_and(|id| id == lexicon.word("he") || id == lexicon.word("she")) {
            before = sentence.start;
        }
        let after = clause_end(text, sw, end, sentence.end, mentions);
        let clause_to = {
            let to = text[end..sentence.end].find([';', ':']).map_or(sentence.end, |p| end + p);
            let lo = sw.list.partition_point(|w| w.start < end);
            let rest = lo..sw.list.partition_point(|w| w.end <= to).max(lo);
            sw.first(&[ContextKind::Boundary, ContextKind::Subordinator, ContextKind::BoundaryAfter], rest)
                .map_or(to, |i| to.min(sw.list[i].start))
        };
        out.push(Trigger {
            kind,
            flags,
            start,
            end,
            before: (before, start),
            after: (end, after),
            subordinate,
            clause_to,
        });
    }
    out
}

/// Where the clause before a trigger starts: after the last `;` or `:` or
/// boundary word; and whether that word opens a subordinate clause.
fn clause_start(text: &str, sw: &Words, from: usize, trigger: usize) -> (usize, bool) {
    let mut start = from;
    if let Some(p) = text[from..trigger].rfind([';', ':']) {
        start = from + p + 1;
    }
    let lo = sw.list.partition_point(|w| w.start < start);
    let hi = sw.list.partition_point(|w| w.end <= trigger);
    let before = lo..hi.max(lo);
    // The clause starts after the boundary phrase that ends last; a
    // subordinator that ends where a boundary does counts as the boundary.
    let last = |kind| sw.found(kind, before.clone()).map(|p| p.last).max();
    let (boundary, subordinator) = (last(ContextKind::Boundary), last(ContextKind::Subordinator));
    match boundary.max(subordinator) {
        Some(i) => (sw.list[i].end, subordinator > boundary),
        None => (start, false),
    }
}

/// Where the clause after a trigger ends: at a `;`, `:` or dash, a boundary
/// word, or a comma, unless what follows the comma goes on naming
/// participants ("with the navies of the United States, Japan and Australia").
fn clause_end(text: &str, sw: &Words, trigger: usize, to: usize, mentions: &[Mention]) -> usize {
    let mut end = to;
    let mut from = trigger;
    let mut commas = Vec::new();
    while let Some(p) = text[from..to].find([',', ';', ':', '\u{2014}']) {
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
    if let Some(i) = sw.first(&[ContextKind::Boundary, ContextKind::Subordinator, ContextKind::BoundaryAfter], after) {
        // A boundary after a comma we read past: cut at that comma
        // (", Japan's Defense Ministry said").
        let at = sw.list[i].start;
        end = end.min(commas.iter().rev().find(|&&c| c < at).copied().unwrap_or(at));
    }
    end
}

/// In the sentence after a meeting or call, the people who "agreed" or
/// "discussed" took part in it; after an exercise, patrol or port call, a
/// sentence of the same paragraph that only describes it ("troops from
/// China and Russia took part") names more participants.
#[allow(clippy::too_many_arguments)]
fn continuation(
    text: &str,
    g: &Gazetteer,
    found: &Found,
    mentions: &[Mention],
    timexes: &[Timex],
    sentence: &Sentence,
    next: &Sentence,
    next_words: &Words,
    event: &mut Event,
) {
    let inside = |m: &&Mention| m.start >= next.start && m.end <= next.end;
    match event.kind {
        EventType::Meeting | EventType::Call => {
            let Some(verb) = next_words.first(&[ContextKind::Continuation], 0..next_words.list.len()) else {
                return;
            };
            let until = next_words.list[verb].start;
            let mut took_part = false;
            for m in mentions.iter().filter(inside).filter(|m| m.end <= until) {
                took_part |= take_part(event, m.entity, g, found);
            }
            if took_part {
                event.evidence.push(evidence(text, next));
            }
        }
        EventType::Exercise | EventType::Patrol | EventType::PortCall => {
            if next.paragraph != sentence.paragraph
                || timexes.iter().any(|t| t.start >= next.start && t.end <= next.end)
            {
                return;
            }
            for m in mentions.iter().filter(inside) {
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

/// The date the text gives a trigger: the most precise expression in its
/// clause, the nearest among equals; else, unless the clause is
/// subordinate, the same in its sentence.
fn trigger_date(
    timexes: &[Timex],
    dates: &[Option<DateValue>],
    sentence: &Sentence,
    trigger: &Trigger,
    reference: Option<NaiveDate>,
    direction: Direction,
    future_before: &dyn Fn(usize) -> bool,
) -> Option<DateValue> {
    let nearest = |from: usize, to: usize| {
        timexes
            .iter()
            .zip(dates)
            .filter(|(t, _)| t.start >= from && t.end <= to)
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
            .min_by_key(|(d, _)| *d)
            .map(|(_, v)| v)
    };
    nearest(trigger.before.0, trigger.after.1).or_else(|| {
        if trigger.subordinate {
            nearest(trigger.end, trigger.clause_to)
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
    date: DateValue,
    trigger: &Trigger,
    sentence: &Sentence,
    timexes: &[Timex],
    dates: &[Option<DateValue>],
    ends: bool,
) -> DateValue {
    let DateValue::Day(day) = date else { return date };
    if !matches!(trigger.kind, EventType::Visit | EventType::Summit | EventType::Exercise | EventType::Patrol) {
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
    if let Some(r) = range {
        return r;
    }
    let days = timexes.iter().find_map(|t| match t.value {
        timex::Underspecified::Duration(Some(n), timex::Unit::Day)
            if t.rule == "duration_adjective"
                && t.start >= sentence.start
                && t.end <= sentence.end
                && (2..=60).contains(&n) =>
        {
            Some(n)
        }
        _ => None,
    });
    // "closed a three-day summit on Thursday": the day named is the last.
    let span = |n: u32| chrono::Days::new(u64::from(n) - 1);
    let range = match days {
        Some(n) if ends => day.checked_sub_days(span(n)).map(|start| DateValue::Range(start, day)),
        Some(n) => day.checked_add_days(span(n)).map(|end| DateValue::Range(day, end)),
        None => None,
    };
    range.unwrap_or(date)
}

/// Countries, people and place read from a trigger's clause.
#[allow(clippy::too_many_arguments)]
fn participants(
    text: &str,
    g: &Gazetteer,
    found: &Found,
    lexicon: &Lexicon,
    mentions: &[Mention],
    trigger: &Trigger,
    date: DateValue,
) -> Event {
    let mut event = Event {
        kind: trigger.kind,
        date,
        date_inferred: false,
        status: Status::Occurred,
        countries: Vec::new(),
        actors: Vec::new(),
        location: String::new(),
        evidence: Vec::new(),
        confidence: 0.0,
    };
    let hosted = matches!(trigger.kind, EventType::Visit | EventType::PortCall | EventType::Exercise);
    let in_window = |m: &&Mention| {
        (m.start >= trigger.before.0 && m.end <= trigger.before.1)
            || (m.start >= trigger.after.0 && m.end <= trigger.after.1)
    };
    for m in mentions.iter().filter(in_window) {
        let marker = text[..m.start].split_whitespace().next_back().map(str::to_lowercase).unwrap_or_default();
        let as_place = matches!(m.entity, Entity::Seat(_) | Entity::Place(_))
            && lexicon.phrases(ContextKind::PlaceMarker).any(|p| p.len() == 1 && p[0] == marker);
        match m.entity {
            Entity::Person(_) | Entity::Learned(_) | Entity::Office(_) => {
                take_part(&mut event, m.entity, g, found);
            }
            Entity::Seat(_) | Entity::Place(_) if as_place => {
                if event.location.is_empty()
                    && let Some(loc) = g.location(m.entity)
                {
                    event.location = loc.to_string();
                }
                if hosted && let Some(code) = g.code(m.entity) {
                    add_country(&mut event.countries, code);
                }
            }
            Entity::Place(_) => {}
            e => {
                if let Some(code) = g.code(e) {
                    add_country(&mut event.countries, code);
                }
            }
        }
    }
    event
}

/// Adds the person a mention stands for, if it stands for one: a known
/// person, one learned from the text, or the holder of an office on the
/// event's date. Returns whether it did.
fn take_part(event: &mut Event, entity: Entity, g: &Gazetteer, found: &Found) -> bool {
    match entity {
        Entity::Person(p) => add_person(event, &g.people[p]),
        Entity::Learned(i) => {
            let l = &found.learned[i];
            if !event.actors.iter().any(|a| a.name == l.name) {
                event.actors.push(Actor { name: l.name.clone(), country: l.country.clone(), role: l.role.clone() });
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
                    event.actors.iter().filter_map(|a| g.person(&a.name)).find_map(|p| offices.kind_held(p, date));
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
fn add_person(event: &mut Event, person: &Person) {
    let (country, role) = person.at(Some(event.date.start()));
    if !event.actors.iter().any(|a| a.name == person.name) {
        event.actors.push(Actor {
            name: person.name.to_string(),
            country: country.to_string(),
            role: role.to_string(),
        });
    }
    add_country(&mut event.countries, country);
}

fn add_country(countries: &mut Vec<String>, code: &str) {
    if !code.is_empty() && !countries.iter().any(|c| c == code) {
        countries.push(code.to_string());
        countries.sort();
    }
}

fn evidence(text: &str, s: &Sentence) -> Evidence {
    Evidence { start: s.char_start, end: s.char_end, text: text[s.start..s.end].to_string() }
}

fn confidence(trigger: &Trigger, e: &Event) -> f64 {
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
fn nested<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    a.iter().all(|x| b.contains(x)) || b.iter().all(|x| a.contains(x))
}

fn actor_names(e: &Event) -> Vec<&str> {
    e.actors.iter().map(|a| a.name.as_str()).collect()
}

/// Two readings of the same occurrence: same type, dates that overlap (or
/// one undated: within a sentence always, across sentences only when the
/// other is within the week before the article), participants and places
/// that do not contradict.
fn same_occurrence(a: &Event, b: &Event, same_sentence: bool) -> bool {
    // Within one sentence an undated reading takes the other's date ("the
    // talks took place in November 2022, when Austin met Wei").
    let undated = if same_sentence { a.date_inferred || b.date_inferred } else { recent(a, b) || recent(b, a) };
    a.kind == b.kind
        && (a.date.overlaps(&b.date) || undated)
        && nested(&actor_names(a), &actor_names(b))
        && nested(&a.countries, &b.countries)
        && (a.location.is_empty() || b.location.is_empty() || a.location == b.location)
}

/// Whether `a`'s date is only the article's (inferred) and `b` happened in
/// the week before it: news reports the latest occurrence, so "held talks"
/// without a date is not the meeting "in December" of another sentence.
fn recent(a: &Event, b: &Event) -> bool {
    a.date_inferred && b.date.end() <= a.date.end() && (a.date.start() - b.date.end()).num_days() <= 7
}

/// Whether a passing mention ("the meeting", "Li's visit") can be the
/// event `e` read earlier.
fn refers_to(e: &Event, mention: &Event) -> bool {
    e.kind == mention.kind
        && (mention.date_inferred || e.date.overlaps(&mention.date))
        && nested(&actor_names(e), &actor_names(mention))
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
fn shares_participant(a: &Event, b: &Event) -> bool {
    a.actors.iter().any(|x| b.actors.iter().any(|y| x.name == y.name))
        || a.countries.iter().any(|c| b.countries.contains(c))
}

/// Merges a second reading into an event, keeping all evidence. A passing
/// mention (`evidence_only`) adds nothing else: commentary about a meeting
/// names countries that did not take part in it.
fn absorb(e: &mut Event, other: Event, evidence_only: bool) {
    for ev in other.evidence {
        if !e.evidence.contains(&ev) {
            e.evidence.push(ev);
        }
    }
    e.evidence.sort_by_key(|ev| ev.start);
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
