//! Events from an article: triggers, their clause, date, participants,
//! place and status, sentence by sentence; then one event per occurrence.
//!
//! Extraction never fails: odd input gives fewer events and more
//! [`Diagnostic`]s.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use chrono::NaiveDate;

use crate::gazetteer::{self, Entity, Gazetteer, Mention};
use crate::model::{Actor, DateValue, Diagnostic, Event, EventType, Evidence, Status};
use crate::pubdate::{self, Published};
use crate::resources::{self, Result};
use crate::text::{self, Sentence};
use crate::timex::{Direction, Tagger, Timex};

/// What the caller knows about the article besides its text.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Publication date; wins over one found in the text.
    pub published: Option<NaiveDate>,
    /// The file's name, a last source of a publication date.
    pub file_name: Option<String>,
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ContextKind {
    Planned,
    Hypothetical,
    Negated,
    Generic,
    Boundary,
    BoundaryAfter,
    Opinion,
}

/// The trigger lexicon and context words of `resources/events/`.
pub struct Lexicon {
    triggers: Vec<(Option<EventType>, Flags)>,
    automaton: AhoCorasick,
    context: Vec<(ContextKind, Vec<String>)>,
}

impl Lexicon {
    pub fn shared() -> &'static Lexicon {
        static L: OnceLock<Lexicon> = OnceLock::new();
        L.get_or_init(|| Lexicon::from_resources().expect("shipped event resources are valid (tested)"))
    }

    pub fn from_resources() -> Result<Lexicon> {
        let file = resources::TRIGGERS;
        let mut triggers = Vec::new();
        let mut phrases = Vec::new();
        for row in file.table()?.rows {
            let kind = match row.cells[0] {
                "none" => None,
                code => Some(EventType::from_code(code).ok_or_else(|| file.invalid(row.line, format!("unknown type {code}")))?),
            };
            let mut flags = Flags { verb: false, noun: false, plural: false, named: false };
            for f in row.list(2).flat_map(|c| c.split(',')) {
                match f.trim() {
                    "verb" => flags.verb = true,
                    "noun" => flags.noun = true,
                    "plural" => flags.plural = true,
                    "named" => flags.named = true,
                    other => return Err(file.invalid(row.line, format!("unknown flag {other}"))),
                }
            }
            triggers.push((kind, flags));
            phrases.push(row.cells[1]);
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
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
                "boundary-after" => ContextKind::BoundaryAfter,
                "opinion" => ContextKind::Opinion,
                other => return Err(cfile.invalid(row.line, format!("unknown kind {other}"))),
            };
            context.push((kind, row.cells[1].split_whitespace().map(str::to_string).collect()));
        }
        Ok(Lexicon { triggers, automaton, context })
    }

    fn phrases(&self, kind: ContextKind) -> impl Iterator<Item = &[String]> {
        self.context.iter().filter(move |(k, _)| *k == kind).map(|(_, p)| p.as_slice())
    }
}

/// Lower-case words of a span with their byte offsets.
fn words(text: &str, from: usize, to: usize) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text[from..to].char_indices() {
        let is_word = c.is_alphanumeric() || c == '\'' || c == '\u{2019}' || c == '-';
        match (is_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((from + s, from + i, text[from + s..from + i].to_lowercase().replace('\u{2019}', "'")));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((from + s, to, text[from + s..to].to_lowercase().replace('\u{2019}', "'")));
    }
    // "didn't" also reads as "did" + "n't".
    let mut split = Vec::new();
    for (s, e, w) in out {
        if let Some(stem) = w.strip_suffix("n't") {
            split.push((s, e - 3, stem.to_string()));
            split.push((e - 3, e, "n't".to_string()));
        } else if let Some(stem) = w.strip_suffix("'ll") {
            split.push((s, e - 3, stem.to_string()));
            split.push((e - 3, e, "'ll".to_string()));
        } else {
            split.push((s, e, w));
        }
    }
    split
}

fn contains_phrase(words: &[(usize, usize, String)], phrase: &[String]) -> Option<usize> {
    if phrase.is_empty() || words.len() < phrase.len() {
        return None;
    }
    (0..=words.len() - phrase.len()).find(|&i| words[i..i + phrase.len()].iter().zip(phrase).all(|(w, p)| w.2 == *p))
}

/// A trigger found in a sentence, with the clause around it.
struct Trigger {
    kind: EventType,
    flags: Flags,
    start: usize,
    end: usize,
    /// The clause before and after the trigger its participants are read from.
    before: (usize, usize),
    after: (usize, usize),
}

/// An event as read from one sentence, before merging.
#[derive(Debug, Clone)]
struct Draft {
    event: Event,
    /// Mentions by name (no date, noun): may refer to an earlier event.
    mention_only: bool,
}

/// Reads an article's events.
pub fn extract(text: &str, options: &Options) -> Extraction {
    let layout = text::layout(text);
    let mut diagnostics = Vec::new();
    let published = match options.published {
        Some(date) => Some(Published { date, source: "given".into(), certain: true }),
        None => pubdate::find(text, &layout, options.file_name.as_deref()),
    };
    if published.is_none() {
        diagnostics.push(Diagnostic {
            at: 0,
            message: "no publication date found: relative dates cannot be resolved and undated events are skipped".into(),
        });
    }
    let reference = published.as_ref().map(|p| p.date);
    let gazetteer = Gazetteer::shared();
    let lexicon = Lexicon::shared();
    let tagger = Tagger::shared();
    let body_start = layout.sentences.first().map_or(text.len(), |s| s.start);
    let mentions: Vec<Mention> = gazetteer.find(text);
    let timexes: Vec<Timex> = tagger.find(text).into_iter().filter(|t| t.start >= body_start).collect();

    let mut drafts: Vec<Draft> = Vec::new();
    for (si, sentence) in layout.sentences.iter().enumerate() {
        let triggers = find_triggers(text, sentence, lexicon);
        let sentence_words = words(text, sentence.start, sentence.end);
        let opinion = lexicon.phrases(ContextKind::Opinion).any(|p| contains_phrase(&sentence_words, p).is_some());
        let mut in_sentence: Vec<Draft> = Vec::new();
        for trigger in &triggers {
            let at = text::char_offset(text, trigger.start);
            let before_words = words(text, trigger.before.0, trigger.start);
            let near: Vec<_> = before_words.iter().rev().take(5).rev().cloned().collect();
            let has = |kind| lexicon.phrases(kind).any(|p| contains_phrase(&near, p).is_some());
            let phrase = &text[trigger.start..trigger.end];
            if has(ContextKind::Negated) || has(ContextKind::Hypothetical) {
                diagnostics.push(Diagnostic { at, message: format!("`{phrase}`: negated or hypothetical, not an event") });
                continue;
            }
            if has(ContextKind::Generic) {
                diagnostics.push(Diagnostic { at, message: format!("`{phrase}`: a generic mention, not one occurrence") });
                continue;
            }
            let infinitive = trigger.flags.verb && near.last().is_some_and(|w| w.2 == "to");
            let planned_word = has(ContextKind::Planned) || infinitive;
            let direction = if planned_word { Direction::Future } else { Direction::Unmarked };
            let own_date = sentence_date(&timexes, sentence, trigger, reference, direction);
            if trigger.flags.plural && own_date.is_none() {
                diagnostics.push(Diagnostic { at, message: format!("`{phrase}`: several occurrences without a date, not recorded") });
                continue;
            }
            let (date, date_inferred) = match (own_date, reference) {
                (Some(d), _) => (d, false),
                (None, Some(r)) => (DateValue::Day(r), true),
                (None, None) => {
                    diagnostics.push(Diagnostic { at, message: format!("`{phrase}`: no date and no publication date") });
                    continue;
                }
            };
            let future = reference.is_some_and(|r| date.start() > r);
            let status = if planned_word || future { Status::Planned } else { Status::Occurred };
            if status == Status::Planned {
                if date_inferred {
                    diagnostics.push(Diagnostic { at, message: format!("`{phrase}`: planned without a date, not recorded") });
                    continue;
                }
                if reference.is_some_and(|r| date.end() < r) {
                    diagnostics.push(Diagnostic { at, message: format!("`{phrase}`: intention about a past date, not an event") });
                    continue;
                }
            }
            let mut draft = participants(text, gazetteer, &mentions, trigger, date);
            draft.date = date;
            draft.date_inferred = date_inferred;
            draft.status = status;
            draft.evidence = vec![evidence(text, sentence)];
            draft.confidence = confidence(trigger, &draft);
            let mention_only = opinion || (trigger.flags.noun && !trigger.flags.named && date_inferred);
            // Forces and countries in a following sentence that only describes
            // the drill ("troops from China and Russia took part") take part too.
            if matches!(trigger.kind, EventType::Exercise | EventType::Patrol | EventType::PortCall)
                && let Some(next) = layout.sentences.get(si + 1)
                && next.paragraph == sentence.paragraph
                && find_triggers(text, next, lexicon).is_empty()
                && !timexes.iter().any(|t| t.start >= next.start && t.end <= next.end)
            {
                for m in mentions.iter().filter(|m| m.start >= next.start && m.end <= next.end) {
                    if matches!(m.entity, Entity::Country(_) | Entity::Force(_))
                        && let Some(code) = gazetteer.code(m.entity)
                    {
                        add_country(&mut draft.countries, code);
                    }
                }
            }
            let new = Draft { event: draft, mention_only };
            match in_sentence.iter_mut().find(|d| same_occurrence(&d.event, &new.event)) {
                Some(d) => absorb(&mut d.event, new.event),
                None => in_sentence.push(new),
            }
        }
        drafts.extend(in_sentence);
    }

    let mut events: Vec<Event> = Vec::new();
    for draft in drafts {
        let target = events.iter_mut().rev().find(|e| {
            if draft.mention_only {
                refers_to(e, &draft.event)
            } else {
                same_occurrence(e, &draft.event)
            }
        });
        match target {
            Some(e) => absorb(e, draft.event),
            None if draft.mention_only && (draft.event.date_inferred || draft.event.countries.is_empty()) => {
                let at = draft.event.evidence[0].start;
                diagnostics.push(Diagnostic {
                    at,
                    message: format!("a {} mentioned in passing or in commentary, with nothing to refer to", draft.event.kind),
                });
            }
            None => events.push(draft.event),
        }
    }
    Extraction { title: layout.title, published, events, diagnostics }
}

fn find_triggers(text: &str, sentence: &Sentence, lexicon: &Lexicon) -> Vec<Trigger> {
    let s = &text[sentence.start..sentence.end];
    let mut out = Vec::new();
    for m in lexicon.automaton.find_iter(s) {
        let (start, end) = (sentence.start + m.start(), sentence.start + m.end());
        let pattern = &s[m.start()..m.end()];
        if !gazetteer::accept(text, start, end, &pattern.to_lowercase()) {
            continue;
        }
        let (kind, flags) = lexicon.triggers[m.pattern().as_usize()];
        let Some(kind) = kind else { continue };
        let sw = words(text, sentence.start, sentence.end);
        let before = clause_start(text, &sw, sentence.start, start, lexicon);
        let after = clause_end(text, &sw, end, sentence.end, lexicon);
        out.push(Trigger { kind, flags, start, end, before: (before, start), after: (end, after) });
    }
    out
}

/// Where the clause before a trigger starts: after the last `;`, `:` or
/// boundary word.
fn clause_start(text: &str, sw: &[(usize, usize, String)], from: usize, trigger: usize, lexicon: &Lexicon) -> usize {
    let mut start = from;
    if let Some(p) = text[from..trigger].rfind([';', ':', '(', ')']) {
        start = from + p + 1;
    }
    let before: Vec<_> = sw.iter().filter(|w| w.0 >= start && w.1 <= trigger).cloned().collect();
    for phrase in lexicon.phrases(ContextKind::Boundary) {
        for i in 0..before.len() {
            if contains_phrase(&before[i..], phrase) == Some(0) {
                start = start.max(before[i + phrase.len() - 1].1);
            }
        }
    }
    start
}

/// Where the clause after a trigger ends: at the first comma, `;`, `:` or
/// boundary word.
fn clause_end(text: &str, sw: &[(usize, usize, String)], trigger: usize, to: usize, lexicon: &Lexicon) -> usize {
    let mut end = to;
    if let Some(p) = text[trigger..to].find([',', ';', ':', '(', ')', '\u{2014}']) {
        end = trigger + p;
    }
    let after: Vec<_> = sw.iter().filter(|w| w.0 >= trigger && w.1 <= end).cloned().collect();
    for kind in [ContextKind::Boundary, ContextKind::BoundaryAfter] {
        for phrase in lexicon.phrases(kind) {
            if let Some(i) = contains_phrase(&after, phrase) {
                end = end.min(after[i].0);
            }
        }
    }
    end
}

/// The date the sentence gives the trigger: the expression nearest to it.
fn sentence_date(timexes: &[Timex], sentence: &Sentence, trigger: &Trigger, reference: Option<NaiveDate>, direction: Direction) -> Option<DateValue> {
    timexes
        .iter()
        .filter(|t| t.start >= sentence.start && t.end <= sentence.end)
        .filter_map(|t| {
            let mut t = t.clone();
            if t.direction == Direction::Unmarked {
                t.direction = direction;
            }
            let distance = if t.start >= trigger.end { t.start - trigger.end } else { trigger.start.saturating_sub(t.end) + 1 };
            t.resolve(reference).map(|v| (distance, v))
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, v)| v)
}

/// Countries, people and place read from a trigger's clause.
fn participants(text: &str, g: &Gazetteer, mentions: &[Mention], trigger: &Trigger, date: DateValue) -> Event {
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
    let in_window =
        |m: &&Mention| (m.start >= trigger.before.0 && m.end <= trigger.before.1) || (m.start >= trigger.after.0 && m.end <= trigger.after.1);
    for m in mentions.iter().filter(in_window) {
        let preposition = text[..m.start].split_whitespace().next_back().map(str::to_lowercase);
        let as_place = matches!(m.entity, Entity::Seat(_) | Entity::Place(_))
            && matches!(preposition.as_deref(), Some("in" | "at" | "to" | "near" | "off" | "of" | "into" | "over" | "from"));
        match m.entity {
            Entity::Person(p) => {
                let person = &g.people[p];
                let (country, role) = person.at(Some(date.start()));
                if !event.actors.iter().any(|a| a.name == person.name) {
                    event.actors.push(Actor { name: person.name.to_string(), country: country.to_string(), role: role.to_string() });
                }
                add_country(&mut event.countries, country);
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

fn add_country(countries: &mut Vec<String>, code: &str) {
    if !code.is_empty() && !countries.iter().any(|c| c == code) {
        countries.push(code.to_string());
        countries.sort();
    }
}

fn evidence(text: &str, s: &Sentence) -> Evidence {
    Evidence { start: text::char_offset(text, s.start), end: text::char_offset(text, s.end), text: text[s.start..s.end].to_string() }
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
/// one inferred), participants and places that do not contradict.
fn same_occurrence(a: &Event, b: &Event) -> bool {
    a.kind == b.kind
        && a.status == b.status
        && (a.date.overlaps(&b.date) || a.date_inferred || b.date_inferred)
        && nested(&actor_names(a), &actor_names(b))
        && nested(&a.countries, &b.countries)
        && (a.location.is_empty() || b.location.is_empty() || a.location == b.location)
}

/// Whether a passing mention ("the meeting", "Li's visit") can be the
/// event `e` read earlier.
fn refers_to(e: &Event, mention: &Event) -> bool {
    e.kind == mention.kind
        && (mention.date_inferred || e.date.overlaps(&mention.date))
        && nested(&actor_names(e), &actor_names(mention))
        && (mention.location.is_empty() || e.location.is_empty() || e.location == mention.location)
}

/// Merges a second reading into an event, keeping all evidence.
fn absorb(e: &mut Event, other: Event) {
    if e.date_inferred && !other.date_inferred {
        e.date = other.date;
        e.date_inferred = false;
    } else if !other.date_inferred && other.date.precision() == e.date.precision() && other.date != e.date {
        // Two explicit readings that overlap: keep the narrower span.
        if other.date.end() - other.date.start() < e.date.end() - e.date.start() {
            e.date = other.date;
        }
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
    for ev in other.evidence {
        if !e.evidence.contains(&ev) {
            e.evidence.push(ev);
        }
    }
    e.evidence.sort_by_key(|ev| ev.start);
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
