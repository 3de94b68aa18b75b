//! People found by their office rather than their name: "the Chinese
//! defence minister" is whoever held that office on the event's date (from
//! `people.tsv`), and "Kenyan Defence Cabinet Secretary Soipan Tuya", whom
//! the gazetteer does not list, is learned from the text with the title as
//! role. Titles and their kinds are `resources/offices.tsv`; ranks that may
//! stand between a title and a name are `resources/titles.tsv`.

use std::sync::OnceLock;

use chrono::NaiveDate;
use regex_automata::meta::Regex;
use regex_automata::{Anchored, Input, Span};
use rustc_hash::FxHashMap;

use crate::gazetteer::{self, Entity, Gazetteer, Mention, Person};
use crate::phrases::{AtWordStarts, WordBytes};
use crate::resources::{self, Result};

/// A person the text names with a title the gazetteer does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Learned {
    pub name: String,
    pub country: String,
    pub role: String,
}

/// An office named without its holder: resolved on the event's date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Office {
    pub country: &'static str,
    pub kind: &'static str,
}

/// People found by office in one text, with the mentions that point at them
/// (`Entity::Learned(i)` and `Entity::Office(i)` index these lists).
#[derive(Debug, Default, Clone)]
pub struct Found {
    pub learned: Vec<Learned>,
    pub offices: Vec<Office>,
    pub mentions: Vec<Mention>,
    /// Known people named with a title of their current office
    /// ("Nigerian President Bola Tinubu"): index into `Gazetteer::people`
    /// and the office's kind. "Former" and "deposed" ones are left out.
    pub titled: Vec<(usize, &'static str)>,
}

pub struct Offices {
    /// The titles, one pattern each, and each one's title as the table
    /// writes it (in lower case) and kind.
    automaton: AtWordStarts,
    titles: Vec<(&'static str, &'static str)>,
    /// Office title of people.tsv (lower case) → kind.
    by_title: FxHashMap<&'static str, &'static str>,
    /// The ranks (titles.tsv) by their first byte, longest first: the few
    /// a text may start with are tried, not all of them.
    ranks: Vec<Vec<&'static str>>,
    /// A capitalised name, a comma, and a lower-case phrase with an office
    /// word: "Ali Shamkhani, secretary of Iran's Supreme National Security Council".
    appositive: Regex,
    /// The office words of `appositive` on their own, to find where it may
    /// match, and the most bytes a match of one of them can take.
    office_words: Regex,
    longest_word: usize,
}

/// Lower-case words that may stand between two words of a name in
/// apposition ("Mohammed bin Salman").
const PARTICLES: &[&str] =
    &["bin", "bint", "ibn", "al", "el", "de", "del", "da", "di", "van", "von", "der", "la", "le"];

/// Kinds of office whose holder is looked up when no name follows.
const LOOKED_UP: &[&str] =
    &["head-of-state", "head-of-government", "foreign", "defence", "military-chief", "counterpart"];

impl Offices {
    pub fn shared() -> &'static Offices {
        static O: OnceLock<Offices> = OnceLock::new();
        O.get_or_init(|| Offices::from_resources().expect("shipped office resources are valid (tested)"))
    }

    pub fn from_resources() -> Result<Offices> {
        let file = resources::OFFICES;
        let table = file.table()?;
        let by_title = table.rows.iter().map(|r| (r.cells[0], r.cells[1])).collect();
        // ASCII-case-insensitive as the gazetteer's, and the longest title
        // where several start at the same place.
        let rows: Vec<(&'static str, &'static str)> = table.rows.iter().map(|r| (r.cells[0], r.cells[1])).collect();
        let automaton =
            AtWordStarts::new(rows.iter().map(|(title, _)| *title)).map_err(|e| file.invalid(0, e.to_string()))?;
        let mut all_ranks: Vec<&'static str> = resources::TITLES.table()?.rows.iter().map(|r| r.cells[0]).collect();
        all_ranks.sort_by_key(|r| std::cmp::Reverse(r.len()));
        let mut ranks = vec![Vec::new(); 256];
        for rank in all_ranks.into_iter().filter(|r| !r.is_empty()) {
            ranks[usize::from(rank.as_bytes()[0])].push(rank);
        }
        let raw: Vec<&'static str> = resources::OFFICE_WORDS.table()?.rows.iter().map(|r| r.cells[0]).collect();
        let words = format!("(?i:{})", raw.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join("|"));
        let particles = PARTICLES.join("|");
        let pattern = format!(
            r"\b(?P<name>\p{{Lu}}[\p{{L}}'’.-]+(?: (?:(?:{particles}) )?\p{{Lu}}[\p{{L}}'’.-]+){{1,3}}), (?:the |a |an )?(?P<role>(?:\p{{Lu}}\.|[^,.;()]|\.\S){{0,60}}?\b{words}\b(?:\p{{Lu}}\.|[^,.;()]|\.\S){{0,60}})",
        );
        // Its sixty-fold repetitions of Unicode classes make a big lazy DFA:
        // with the default cache it is cleared over and over and the search
        // falls back to the (much slower) NFA.
        let appositive = Regex::builder()
            .configure(Regex::config().hybrid_cache_capacity(16 << 20))
            .build(&pattern)
            .map_err(|e| resources::OFFICE_WORDS.invalid(0, e.to_string()))?;
        // The same alternation, so matched as the regex matches it. A
        // character matching a letter of a word takes at most four bytes.
        let office_words = Regex::new(&words).map_err(|e| resources::OFFICE_WORDS.invalid(0, e.to_string()))?;
        let longest_word = raw.iter().map(|w| 4 * w.chars().count()).max().unwrap_or(0);
        Ok(Offices { automaton, titles: rows, by_title, ranks, appositive, office_words, longest_word })
    }

    /// The kind of an office title of people.tsv ("Minister of National Defense" → defence).
    pub fn kind_of(&self, title: &str) -> Option<&'static str> {
        // Titles are short and mostly ASCII: lowered on the stack, not
        // into a new String for each lookup.
        let mut buf = [0u8; 64];
        match buf.get_mut(..title.len()) {
            Some(lower) if title.is_ascii() => {
                lower.copy_from_slice(title.as_bytes());
                lower.make_ascii_lowercase();
                self.by_title.get(std::str::from_utf8(lower).expect("ASCII")).copied()
            }
            _ => self.by_title.get(title.to_lowercase().as_str()).copied(),
        }
    }

    /// The kind of office a known person held on a date.
    pub fn kind_held(&self, p: &Person, date: NaiveDate) -> Option<&'static str> {
        let (_, title) = p.at(Some(date));
        self.kind_of(title)
    }

    /// Whoever held an office of this kind for this country on a date.
    pub fn holder<'g>(&self, g: &'g Gazetteer, office: &Office, date: NaiveDate) -> Option<&'g Person> {
        // Among the country's office holders only; then the term's dates
        // first: most terms ended long before or began after the date, and
        // dates compare cheaper than the title's kind, which takes a lookup.
        g.people_of(office.country).find(|p| {
            p.offices.iter().any(|o| {
                o.from.is_none_or(|f| f <= date)
                    && o.to.is_none_or(|t| date < t)
                    && o.country == office.country
                    && self.kind_of(o.title) == Some(office.kind)
            })
        })
    }

    /// Whether everyone `found` names with a title held it on `date`:
    /// the count of those who did not. A title the table has no term of
    /// that kind for does not count.
    pub fn out_of_office(&self, found: &Found, g: &Gazetteer, date: NaiveDate) -> usize {
        let mut seen: Vec<(usize, &str)> = Vec::new();
        let mut out = 0;
        for &(p, kind) in &found.titled {
            if seen.contains(&(p, kind)) {
                continue;
            }
            seen.push((p, kind));
            let terms: Vec<_> = g.people[p].offices.iter().filter(|o| self.kind_of(o.title) == Some(kind)).collect();
            let held = terms.iter().any(|o| o.from.is_none_or(|f| f <= date) && o.to.is_none_or(|t| date < t));
            if !terms.is_empty() && !held {
                out += 1;
            }
        }
        out
    }

    /// Offices and learned people in `text`, given the gazetteer's mentions.
    pub fn find(&self, text: &str, mentions: &[Mention], g: &Gazetteer) -> Found {
        self.find_in(text, &WordBytes::of(text), mentions, g)
    }

    /// [`find`](Self::find), given the word bytes of `text`.
    pub fn find_in(&self, text: &str, words: &WordBytes, mentions: &[Mention], g: &Gazetteer) -> Found {
        let mut found = Found::default();
        for m in self.automaton.find_in(text, words, 0..text.len()) {
            let (start, end) = (m.start(), m.end());
            let title = &text[start..end];
            // The title as written in the table: what the text's title is in
            // lower case.
            let (written, kind) = self.titles[m.pattern().as_usize()];
            if !gazetteer::accept(text, start, end, written) {
                continue;
            }
            // The country: a mention just before ("Kenyan", "Russia's").
            let before = text[..start].trim_end();
            let before = before.strip_suffix("'s").or_else(|| before.strip_suffix("\u{2019}s")).unwrap_or(before);
            let country = ending_at(mentions, before.len()).and_then(|c| match c.entity {
                Entity::Country(_) | Entity::Organisation(_) | Entity::Seat(_) => g.code(c.entity),
                _ => None,
            });
            // A name after the title, past any rank, and past a comma after
            // a capitalised title ("Nigeria's Chief of Naval Staff, Vice
            // Admiral Awwal Zubairu Gambo,").
            let mut at = end;
            if text[end..].starts_with(", ")
                && title.starts_with(|c: char| c.is_uppercase())
                && text[end + 2..].starts_with(|c: char| c.is_uppercase())
            {
                at = end + 1;
            }
            loop {
                let rest = &text[at..];
                let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
                let Some(rank) = self
                    .ranks_opening(trimmed)
                    .find(|r| !trimmed[r.len()..].starts_with(|c: char| c.is_alphanumeric()))
                else {
                    break;
                };
                at += rest.len() - trimmed.len() + rank.len();
            }
            let name_start = at + (text[at..].len() - text[at..].trim_start_matches([' ', '\u{a0}']).len());
            if let Some(p) = starting_at(mentions, name_start).and_then(|p| match p.entity {
                Entity::Person(i) => Some(i),
                _ => None,
            }) {
                // A person the gazetteer knows, in an office they hold now
                // unless a word before the title says otherwise.
                // The word before the title, or before its country ("former
                // South Korean President").
                let adjective = ending_at(mentions, before.len()).filter(|c| c.end <= start);
                let before = text[..adjective.map_or(start, |c| c.start)].trim_end();
                let word = before.rsplit(|c: char| !c.is_alphanumeric() && c != '-').next().unwrap_or("");
                let past = ["former", "ex", "deposed", "ousted", "late", "then", "outgoing", "toppled", "exiled"];
                if !past.iter().any(|w| word.eq_ignore_ascii_case(w)) {
                    found.titled.push((p, kind));
                }
                continue;
            }
            let capitalised = title
                .split_whitespace()
                .all(|w| w.starts_with(|c: char| c.is_uppercase()) || matches!(w, "of" | "the" | "for" | "and"));
            let name_end = name_at(text, name_start, mentions);
            // No adjective before the title: "President Paul Kagame of Rwanda"
            // or "... in Kigali" gives the country.
            let country = country.or_else(|| {
                let end = name_end?;
                let cut = text[end..].char_indices().nth(40).map_or(text.len(), |(i, _)| end + i);
                let near = &text[end..cut];
                let near = near.get(..near.find(['.', ';']).unwrap_or(near.len()))?;
                let skip = near.len() - near.trim_start().len();
                let rest = near.trim_start();
                let after = rest.strip_prefix("of ").or_else(|| rest.strip_prefix("in "))?;
                let at = end + skip + (rest.len() - after.len());
                starting_at(mentions, at).and_then(|c| match c.entity {
                    Entity::Country(_) | Entity::Seat(_) => g.code(c.entity),
                    _ => None,
                })
            });
            match (name_end, country) {
                (Some(name_end), Some(country)) if capitalised => {
                    let name = text[name_start..name_end].to_string();
                    let i = found.learned.iter().position(|l| l.name == name).unwrap_or_else(|| {
                        found.learned.push(Learned { name, country: country.to_string(), role: title.to_string() });
                        found.learned.len() - 1
                    });
                    found.mentions.push(Mention { start: name_start, end: name_end, entity: Entity::Learned(i) });
                }
                (None, Some(country)) if LOOKED_UP.contains(&kind) => {
                    found.offices.push(Office { country, kind });
                    found.mentions.push(Mention { start, end, entity: Entity::Office(found.offices.len() - 1) });
                }
                _ => {}
            }
        }
        // "Name, secretary of Iran's Supreme National Security Council".
        for (name, role) in self.appositives(text) {
            let taken = gazetteer::overlaps(mentions, name.start, name.end)
                || found.mentions.iter().any(|m| m.start < name.end && name.start < m.end);
            if taken {
                continue;
            }
            // "commander of the U.S. Navy's 7th Fleet": a force gives its state.
            let country = first_within(mentions, role.start, role.end).and_then(|m| match m.entity {
                Entity::Country(_) | Entity::Organisation(_) | Entity::Force(_) => g.code(m.entity),
                _ => None,
            });
            // A rank is not part of the name ("Vice Adm. Phillip Sawyer").
            let mut start = name.start;
            while let Some(rank) =
                self.ranks_opening(&text[start..name.end]).find(|r| text[start + r.len()..name.end].starts_with(' '))
            {
                start += rank.len() + 1;
            }
            if !text[start..name.end].contains(' ') {
                continue;
            }
            // An officer whose role names no state ("Rear Adm. Michael
            // Donnelly, commander of Carrier Strike Group 5") is still a
            // person; anyone else needs one.
            let ranked = start > name.start;
            let country = match country {
                Some(c) => c,
                None if ranked => "",
                None => continue,
            };
            let i = found.learned.len();
            found.learned.push(Learned {
                name: text[start..name.end].to_string(),
                country: country.to_string(),
                role: text[role.range()].trim().to_string(),
            });
            found.mentions.push(Mention { start, end: name.end, entity: Entity::Learned(i) });
        }
        // A learned person's surname alone refers back to them ("Tuya said").
        for (i, l) in found.learned.clone().iter().enumerate() {
            let Some(surname) = l.name.split_whitespace().last() else { continue };
            for start in memchr::memmem::find_iter(text.as_bytes(), surname) {
                let end = start + surname.len();
                let taken = gazetteer::overlaps(mentions, start, end)
                    || found.mentions.iter().any(|m| m.start < end && start < m.end);
                if !taken && gazetteer::accept(text, start, end, surname) {
                    found.mentions.push(Mention { start, end, entity: Entity::Learned(i) });
                }
            }
        }
        found.mentions.sort_by_key(|m| m.start);
        found
    }
}

impl Offices {
    /// The ranks `s` starts with, longest first.
    fn ranks_opening<'a>(&'a self, s: &'a str) -> impl Iterator<Item = &'static str> + 'a {
        let first = s.as_bytes().first().map_or(0, |&b| usize::from(b));
        self.ranks[first].iter().copied().filter(move |r| s.starts_with(r))
    }

    /// The matches of `appositive` in `text`, left to right, as the name
    /// and the role they hold: the same as running it over the whole text, but
    /// it runs only on short windows around a ", " that may end a name and
    /// has an office word close enough after it.
    ///
    /// The name holds no comma, so the ", " after it is the first of its
    /// match, and the match lies within that comma's window: from the
    /// start of the run of name characters (letters, `'’.-` and at most
    /// six spaces) before it, to the longest role that can follow it. Of
    /// two matches, the one starting first is the one with the earlier
    /// comma, so searching the windows in order, and keeping only the
    /// match whose name ends at the window's comma, finds the matches of
    /// a search over the whole text. The search keeps the whole text
    /// around the window, so `\b` sees the same neighbours.
    ///
    /// The tests go from the cheapest: the two words before the comma
    /// (most commas follow no name), the role's end, an office word in
    /// the role (searched for there only, not over the whole text).
    fn appositives(&self, text: &str) -> Vec<(Span, Span)> {
        let bytes = text.as_bytes();
        // A role: an optional article (at most four bytes), up to sixty
        // units of at most five bytes before the office word, the word,
        // and up to sixty units after it.
        let before_word = 4 + 60 * 5;
        let role_len = before_word + self.longest_word + 60 * 5;
        let mut out = Vec::new();
        let mut searched_to = 0;
        for comma in memchr::memmem::find_iter(bytes, b", ") {
            if comma < searched_to || !may_end_name(&text[..comma]) {
                continue;
            }
            let role_start = comma + 2;
            // The role holds no ',', ';', '(' or ')' but after a '.', and
            // no '.' before a space but after a capital: it ends before
            // the first of these, and its word starts before it.
            let limit = (role_start + role_len).min(text.len());
            let blocker = (role_start..limit)
                .find(|&i| match bytes[i] {
                    b',' | b';' | b'(' | b')' => bytes[i - 1] != b'.',
                    b'.' => {
                        bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace())
                            && bytes[i - 1].is_ascii()
                            && !bytes[i - 1].is_ascii_uppercase()
                    }
                    _ => false,
                })
                .unwrap_or(limit);
            // The leftmost office word from the role's start, which must
            // start early enough (its match may run past the blocker).
            let words_end = blocker.min(role_start + before_word + 1);
            let words = Input::new(text).span(role_start..(words_end + self.longest_word).min(text.len()));
            if self.office_words.search(&words).is_none_or(|w| w.start() >= words_end) {
                continue;
            }
            // The name: two to seven words of name characters.
            let mut start = comma;
            let mut spaces = 0;
            for (i, c) in text[..comma].char_indices().rev() {
                if c == ' ' {
                    spaces += 1;
                    if spaces == 7 {
                        break;
                    }
                } else if !is_name_char(c) {
                    break;
                }
                start = i;
            }
            let mut end = blocker;
            while !text.is_char_boundary(end) {
                end += 1;
            }
            // The match alone, without its groups: a search for groups
            // runs an engine that clears a bit per state of this large
            // pattern for every byte of the match. The groups follow from
            // the match: the name holds no comma, so it ends at the
            // window's comma, and the role follows it past an article
            // (taken whenever there is one: a role that matches without
            // it matches with it, ending where it does).
            //
            // A match that starts before the comma has its name end there,
            // as only name characters stand between; one that starts after
            // it is not this comma's. So the match is the first one found
            // anchored at a capital (with no letter before it, for `\b`)
            // before the comma, left to right: what an unanchored search
            // finds, without its reverse scans from every office word.
            let from = start.max(searched_to);
            let Some((name_start, match_end)) = text[from..comma].char_indices().find_map(|(i, c)| {
                let at = from + i;
                if !c.is_uppercase() || text[..at].chars().next_back().is_some_and(char::is_alphabetic) {
                    return None;
                }
                let input = Input::new(text).span(at..end).anchored(Anchored::Yes);
                self.appositive.search_half(&input).map(|h| (at, h.offset()))
            }) else {
                continue;
            };
            let after = &text[comma + 2..match_end];
            let article = ["the ", "a ", "an "].iter().find(|a| after.starts_with(**a)).map_or(0, |a| a.len());
            searched_to = match_end;
            out.push((Span::from(name_start..comma), Span::from(comma + 2 + article..match_end)));
        }
        out
    }
}

/// A character of a name in apposition (a superset of the regex's
/// `[\p{L}'’.-]`).
fn is_name_char(c: char) -> bool {
    c.is_alphabetic() || matches!(c, '\'' | '’' | '.' | '-')
}

/// Whether the text before a comma may end the name of an appositive, by
/// its last two words. The name's last word follows a space and is a
/// capital and at least one more name character; the word before it is a
/// particle or a name word, which holds a capital (the name's first word
/// may start after a `-` or a `.`, so not necessarily with the capital).
fn may_end_name(before: &str) -> bool {
    ends_name_by(before, last_name_word)
}

/// [`may_end_name`] with the word reader given, for the test that
/// compares the byte-wise one with a reading by characters.
fn ends_name_by(before: &str, last_word: fn(&str) -> (&str, &str)) -> bool {
    let (rest, last) = last_word(before);
    let mut chars = last.chars();
    if !chars.next().is_some_and(char::is_uppercase) || chars.next().is_none() {
        return false;
    }
    let Some(rest) = rest.strip_suffix(' ') else { return false };
    let (_, previous) = last_word(rest);
    PARTICLES.contains(&previous) || previous.chars().any(char::is_uppercase)
}

/// A text's last word of name characters, and what comes before it.
fn last_name_word(s: &str) -> (&str, &str) {
    // Read back byte by byte while ASCII, as the text mostly is; by
    // characters only from one beyond ASCII on.
    let bytes = s.as_bytes();
    let mut at = bytes.len();
    while at > 0 && bytes[at - 1].is_ascii() && is_name_char(char::from(bytes[at - 1])) {
        at -= 1;
    }
    if at > 0 && !bytes[at - 1].is_ascii() {
        at = s[..at].trim_end_matches(is_name_char).len();
    }
    s.split_at(at)
}

// The gazetteer's mentions are in order and do not overlap (see
// `Gazetteer::find`), so their ends are in order too: one is found by its
// place with a binary search, not a scan of the article's mentions.

/// The mention that ends at `end`.
fn ending_at(mentions: &[Mention], end: usize) -> Option<&Mention> {
    mentions.get(mentions.partition_point(|m| m.end < end)).filter(|m| m.end == end)
}

/// The mention that starts at `start`.
fn starting_at(mentions: &[Mention], start: usize) -> Option<&Mention> {
    mentions.get(mentions.partition_point(|m| m.start < start)).filter(|m| m.start == start)
}

/// The first mention that lies within `from..to`.
fn first_within(mentions: &[Mention], from: usize, to: usize) -> Option<&Mention> {
    // Those after the first to start at `from` or later end later.
    mentions.get(mentions.partition_point(|m| m.start < from)).filter(|m| m.end <= to)
}

/// The end of a personal name starting at `at`: two to four capitalised
/// words (initials allowed), none of them a known mention.
fn name_at(text: &str, at: usize, mentions: &[Mention]) -> Option<usize> {
    let mut end = at;
    let mut words = 0;
    for word in text[at..].split(' ') {
        let w = word.trim_end_matches([',', '.', ';', ':', ')', '\'', '"']);
        let w = w.strip_suffix("'s").unwrap_or(w);
        let is_name = w.len() >= 2
            && w.starts_with(|c: char| c.is_uppercase())
            && w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '.'))
            && w.chars().skip(1).any(|c| c.is_lowercase() || c == '.');
        let here = end + if words == 0 { 0 } else { 1 };
        // Places inside names do not end them ("Aden Duale"); a country's
        // adjective does ("Modi and Kenyan").
        let other = starting_at(mentions, here)
            .is_some_and(|m| matches!(m.entity, Entity::Country(_) | Entity::Force(_) | Entity::Person(_)));
        if !is_name || other || words == 4 {
            break;
        }
        end = here + w.len();
        words += 1;
        if w.len() != word.len() {
            break; // punctuation ends the name
        }
    }
    (words >= 2).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Actor;

    fn first_actor(text: &str, date: NaiveDate) -> Option<Actor> {
        let g = Gazetteer::shared();
        let o = Offices::shared();
        let mentions = g.find(text);
        let found = o.find(text, &mentions, g);
        found.mentions.first().and_then(|m| match m.entity {
            Entity::Learned(i) => {
                let l = &found.learned[i];
                Some(Actor { name: l.name.clone(), country: l.country.clone(), role: l.role.clone() })
            }
            Entity::Office(i) => o.holder(g, &found.offices[i], date).map(|p| {
                let (country, role) = p.at(Some(date));
                Actor { name: p.name.to_string(), country: country.to_string(), role: role.to_string() }
            }),
            _ => None,
        })
    }

    #[test]
    fn every_example_in_offices_tsv_holds() {
        let table = resources::OFFICES.table().unwrap();
        assert!(table.examples.len() >= 4);
        for row in &table.rows {
            assert_eq!(row.cells[0], row.cells[0].to_lowercase(), "offices.tsv:{}: titles are in lower case", row.line);
        }
        for ex in table.examples {
            let (text, date) = ex.input.rsplit_once('@').expect("TEXT @DATE");
            let date = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d").unwrap();
            let got = first_actor(text.trim(), date).map(|a| format!("{} | {} | {}", a.name, a.country, a.role));
            assert_eq!(got.as_deref(), Some(ex.expected), "offices.tsv:{} `{}`", ex.line, ex.input);
        }
    }

    /// The binary searches over the gazetteer's mentions find what scans
    /// of them find, around every mention of every test article.
    #[test]
    fn mentions_are_found_by_place_as_by_scans() {
        let g = Gazetteer::shared();
        for text in crate::samples::test_articles() {
            let mentions = g.find(&text);
            let places: Vec<usize> =
                mentions.iter().flat_map(|m| [m.start, m.end]).flat_map(|p| [p.saturating_sub(1), p, p + 1]).collect();
            for &a in &places {
                assert_eq!(ending_at(&mentions, a), mentions.iter().rev().find(|m| m.end == a));
                assert_eq!(starting_at(&mentions, a), mentions.iter().find(|m| m.start == a));
                for &b in &places {
                    let within = mentions.iter().find(|m| m.start >= a && m.end <= b);
                    assert_eq!(first_within(&mentions, a, b), within, "{a}..{b}");
                    let overlaps = mentions.iter().any(|m| m.start < b && a < m.end);
                    assert_eq!(gazetteer::overlaps(&mentions, a, b), overlaps, "{a}..{b}");
                }
            }
        }
    }

    /// A name's last words are read as they were, character by character.
    #[test]
    fn names_before_commas_are_read_as_by_characters() {
        fn last_word(s: &str) -> (&str, &str) {
            s.split_at(s.trim_end_matches(is_name_char).len())
        }
        let plainly = |before: &str| ends_name_by(before, last_word);
        let texts = crate::samples::test_articles_and(&[
            "Recep Tayyip Erdo\u{11f}an, \u{c9}douard Philippe, Jos\u{e9} L\u{f3}pez O\u{2019}Brien, bin Salman,",
        ]);
        let mut commas = 0;
        for text in &texts {
            for (at, _) in text.match_indices(", ") {
                assert_eq!(may_end_name(&text[..at]), plainly(&text[..at]), "{}", &text[..at]);
                commas += 1;
            }
        }
        assert!(commas > 1000, "{commas} commas");
    }

    #[test]
    fn a_known_person_after_a_title_is_left_to_the_gazetteer() {
        let date = NaiveDate::from_ymd_opt(2023, 4, 18).unwrap();
        assert_eq!(first_actor("Russian Defense Minister Sergei Shoigu met him.", date), None);
    }

    #[test]
    fn an_officer_in_apposition_is_learned_without_the_rank() {
        let date = NaiveDate::from_ymd_opt(2018, 3, 5).unwrap();
        let sawyer =
            first_actor("Vice Adm. Phillip Sawyer, commander of the U.S. Navy's 7th Fleet, greeted them.", date);
        assert_eq!(
            sawyer.map(|a| (a.name, a.country)),
            Some(("Phillip Sawyer".to_string(), "USA".to_string())),
            "the force gives the state; the rank is not part of the name"
        );
        let donnelly = first_actor("Rear Adm. Michael Donnelly, commander of Carrier Strike Group 5, said.", date);
        assert_eq!(donnelly.map(|a| (a.name, a.country)), Some(("Michael Donnelly".to_string(), String::new())));
        assert_eq!(first_actor("Michael Donnelly, director of the institute, said.", date), None, "no rank, no state");
    }

    /// `appositives` finds what the regex finds over the whole text.
    #[test]
    fn appositives_are_the_matches_of_the_regex_over_the_whole_text() {
        let o = Offices::shared();
        let whole = |text: &str| -> Vec<(Span, Span)> {
            o.appositive
                .captures_iter(text)
                .map(|c| (c.get_group_by_name("name").unwrap(), c.get_group_by_name("role").unwrap()))
                .collect()
        };
        let texts = crate::samples::test_articles_and(&[
            "Ali Shamkhani, secretary of Iran's Supreme National Security Council, said.",
            "Vice Adm. Phillip Sawyer, commander of the U.S. Navy's 7th Fleet, greeted them.",
            "In Washington, D.C., Jean-Yves Le Drian, France's foreign minister, met A. B. Smith, the U.S.minister.",
            "Mohammed bin Salman bin Abdulaziz Al Saud Jr, crown prince of Saudi Arabia (the de facto ruler).",
            "Recep Tayyip Erdoğan, president of Türkiye; Aleksandar Vučić, Serbia’s president, and Ana Brnabić, premier.",
            "Kim, Lee, Park Min, envoy; Ban Ki Moon Jae In Ho, ambassador. Le Roi Du Nord, king of the north.",
            "Smith Jones, ex.minister, Brown Green, a (minister), Black White, an adviser., Red Blue, general.",
            "Ahmed Ali, Minister Delegate, Bo Li, MINISTER. Ki Ng, the \u{212a}ing, A Bc, miniſter. John Smith,  minister. John Smith, ministers of state, John Smith, the kingdom's general secretary",
            "Ahmed bin Ali, minister; x-Ray Smith, envoy; said on Tuesday, minister; ali al, minister; Dr.Ahmed Ali, envoy.",
            "Ali  Smith, minister. Xavier de la Cruz, minister. O'Neil ÉMILE, envoy. Ab É, envoy. A B, envoy. Ab bin, envoy.",
            "Ab Cd, x y z minister. Ab Cd, (minister). Ab Cd, ",
        ]);
        let mut found = 0;
        for text in &texts {
            let expected = whole(text);
            found += expected.len();
            assert_eq!(o.appositives(text), expected, "{text}");
            // Cut anywhere (on a character boundary), the text still agrees.
            for cut in (1..text.len()).step_by(97).filter(|&i| text.is_char_boundary(i)) {
                assert_eq!(o.appositives(&text[cut..]), whole(&text[cut..]));
            }
        }
        assert!(found >= 10, "{found} matches");
    }

    /// The office titles are found alike given the word bytes of a whole
    /// test article or of each of its sentences.
    #[test]
    fn titles_are_found_alike_with_word_bytes_of_the_text() {
        let o = Offices::shared();
        let found = crate::phrases::assert_shared_word_bytes_find_as_own(
            |text, words, range| o.automaton.find_in(text, words, range).collect(),
            &crate::samples::test_articles(),
        );
        assert!(found > 200, "{found} titles");
    }

    /// The titles that `accept` takes are those of a leftmost-longest,
    /// ASCII-case-insensitive search of every byte (as the lazy DFA that
    /// found them before searched); see [`AtWordStarts`] for where the two
    /// may differ (nowhere in the test articles).
    #[test]
    fn titles_are_found_leftmost_longest() {
        let o = Offices::shared();
        let every_byte = crate::phrases::EveryByte::new(o.titles.iter().map(|(title, _)| *title));
        let texts = crate::samples::test_articles_and(&[
            "The Vice President met the vice foreign minister, the Deputy Defence Minister and the PRIME MINISTER.",
            "Chief of the General Staff (Army) and chief of the general staff; the kingdom's King, Kelvin \u{212a}ing.",
            "under secretary of defense; Secretary-General, secretary general; chief of defence forces",
        ]);
        let titles = |text: &str| -> Vec<(usize, usize, usize)> {
            o.automaton
                .find_iter(text)
                .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
                .filter(|&(start, end, p)| gazetteer::accept(text, start, end, o.titles[p].0))
                .collect()
        };
        let mut found = 0;
        for text in &texts {
            let expected = every_byte.accepted(text, 0, text.len());
            found += expected.len();
            assert_eq!(titles(text), expected, "{text}");
        }
        assert!(found > 200, "{found} titles");
        // A title inside a word hides one inside it from a search of every
        // byte only.
        let text = "undersecretary of defense minister";
        assert_eq!(every_byte.accepted(text, 0, text.len()), []);
        assert_eq!(
            titles(text).iter().map(|&(start, end, _)| &text[start..end]).collect::<Vec<_>>(),
            ["defense minister"]
        );
    }

    #[test]
    fn a_lower_case_title_before_a_name_learns_no_one() {
        let date = NaiveDate::from_ymd_opt(2023, 4, 18).unwrap();
        assert_eq!(first_actor("the Kenyan ambassador Told Reporters that", date), None);
    }
}
