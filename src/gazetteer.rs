//! Who and where: countries, organisations, armed forces, places and people,
//! loaded from the tables in `resources/` and found in text with one
//! Aho-Corasick automaton (leftmost-longest, so "Democratic Republic of the
//! Congo" wins over "Congo").

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use crate::phrases::{AtWordStarts, WordBytes};
use crate::resources::{self, Result};

/// A state or territory.
#[derive(Debug, Clone)]
pub struct Country {
    pub code: &'static str,
    pub name: &'static str,
    /// The capital city (first seat listed), used as a location.
    pub capital: Option<&'static str>,
}

/// An armed force, branch or command, or an organisation's code.
#[derive(Debug, Clone)]
pub struct Named {
    pub name: &'static str,
    pub code: &'static str,
}

/// One term of office.
#[derive(Debug, Clone)]
pub struct Office {
    pub country: &'static str,
    pub title: &'static str,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// A person of `people.tsv`, with every office they held.
#[derive(Debug, Clone)]
pub struct Person {
    pub name: &'static str,
    pub offices: Vec<Office>,
}

impl Person {
    /// The country the person acts for and the office held on `date`; the
    /// country of their nearest term when they held none then.
    pub fn at(&self, date: Option<NaiveDate>) -> (&'static str, &'static str) {
        let held = date
            .and_then(|d| self.offices.iter().find(|o| o.from.is_none_or(|f| f <= d) && o.to.is_none_or(|t| d < t)));
        match held {
            Some(o) => (o.country, o.title),
            None => {
                let nearest = date.and_then(|d| {
                    self.offices.iter().min_by_key(|o| {
                        let f = o.from.map_or(0, |f| (f - d).num_days().abs());
                        let t = o.to.map_or(0, |t| (t - d).num_days().abs());
                        f.min(t)
                    })
                });
                (nearest.or(self.offices.first()).map_or("", |o| o.country), "")
            }
        }
    }

    /// The name a later mention uses on its own ("Shoigu", "Li").
    pub fn surname(&self) -> Option<&'static str> {
        let parts: Vec<&'static str> = self
            .name
            .split_whitespace()
            .filter(|p| !matches!(*p, "Jr." | "Jr" | "Sr." | "II" | "III" | "IV"))
            .collect();
        if parts.len() < 2 {
            return None;
        }
        let family_first = self.offices.first().is_some_and(|o| FAMILY_NAME_FIRST.contains(&o.country));
        Some(if family_first { parts[0] } else { parts[parts.len() - 1] })
    }
}

/// Where news refers back to someone by the first word of their name: the
/// family name written first (Li Shangfu, Kim Jong Un), or in Thailand the
/// given name (Paetongtarn Shinawatra is "Paetongtarn").
const FAMILY_NAME_FIRST: &[&str] = &["CHN", "TWN", "HKG", "MAC", "PRK", "KOR", "THA"];

/// What a mention in text refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Entity {
    /// A country by name or adjective (index into `countries`).
    Country(usize),
    /// A capital or seat of government ("Moscow", "the Kremlin").
    Seat(usize),
    Organisation(usize),
    Force(usize),
    Place(usize),
    Person(usize),
    /// A person learned from the text by their title (`actors::Found::learned`).
    Learned(usize),
    /// An office named without its holder (`actors::Found::offices`).
    Office(usize),
}

/// An entity found in text, as a byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub entity: Entity,
}

pub struct Gazetteer {
    pub countries: Vec<Country>,
    pub organisations: Vec<Named>,
    pub forces: Vec<Named>,
    /// Places: display form and country code.
    pub places: Vec<Named>,
    pub people: Vec<Person>,
    /// Each person's index in `people` by canonical name.
    people_by_name: HashMap<&'static str, usize>,
    /// The indices in `people` of those who held an office of a country,
    /// in order, by the country's code.
    people_by_country: HashMap<&'static str, Vec<usize>>,
    /// The country of each location ([`Gazetteer::host_of`]): of the first
    /// country with it as capital, else of the first place of the name
    /// (none if that place has no country).
    hosts: FxHashMap<&'static str, Option<&'static str>>,
    /// The names a later mention may refer back to each person of `people`
    /// by: the surname ([`Person::surname`]) and, for a patronymic name
    /// ("Mohammed bin Salman"), the given name.
    referred: Vec<(Option<&'static str>, Option<&'static str>)>,
    patterns: Vec<(String, Entity)>,
    /// The patterns in lower case.
    automaton: AtWordStarts,
    /// Ship prefixes of `ship-prefixes.tsv` ("USS"), as one pattern, and
    /// each one's state (an index into `countries`).
    ship_prefixes: regex::Regex,
    ship_names: Vec<String>,
    ship_countries: Vec<usize>,
    /// Ranks and honorifics of `titles.tsv` ("Prince", "Sheikh"): before a
    /// given name they refer back to a person with a patronymic name.
    honorifics: Vec<&'static str>,
}

impl Gazetteer {
    /// The gazetteer of the shipped resources (built once).
    pub fn shared() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| Gazetteer::from_resources().expect("shipped gazetteers are valid (tested)"))
    }

    pub fn from_resources() -> Result<Gazetteer> {
        let mut patterns: Vec<(String, Entity)> = Vec::new();
        let mut countries = Vec::new();
        for row in resources::COUNTRIES.table()?.rows {
            let i = countries.len();
            let seats: Vec<&'static str> = row.list(4).collect();
            countries.push(Country { code: row.cells[0], name: row.cells[1], capital: seats.first().copied() });
            patterns.push((row.cells[1].to_string(), Entity::Country(i)));
            patterns.extend(row.list(2).chain(row.list(3)).map(|n| (n.to_string(), Entity::Country(i))));
            patterns.extend(seats.iter().map(|n| (n.to_string(), Entity::Seat(i))));
        }
        let mut organisations = Vec::new();
        for row in resources::ORGANISATIONS.table()?.rows {
            let i = organisations.len();
            organisations.push(Named { name: row.cells[1], code: row.cells[0] });
            patterns.push((row.cells[0].to_string(), Entity::Organisation(i)));
            patterns.push((row.cells[1].to_string(), Entity::Organisation(i)));
            patterns.extend(row.list(2).map(|n| (n.to_string(), Entity::Organisation(i))));
        }
        let mut forces = Vec::new();
        for row in resources::FORCES.table()?.rows {
            let i = forces.len();
            forces.push(Named { name: row.cells[0], code: row.cells[2] });
            patterns.push((row.cells[0].to_string(), Entity::Force(i)));
            patterns.extend(row.list(1).map(|n| (n.to_string(), Entity::Force(i))));
        }
        let mut ships = Vec::new();
        let mut ship_countries = Vec::new();
        for row in resources::SHIP_PREFIXES.table()?.rows {
            let i = countries.iter().position(|c: &Country| c.code == row.cells[1]).ok_or_else(|| {
                resources::SHIP_PREFIXES.invalid(row.line, format!("unknown country {}", row.cells[1]))
            })?;
            ships.push(regex::escape(row.cells[0]));
            ship_countries.push(i);
        }
        // "USS Ronald Reagan": the exact prefix before a capitalised name.
        let ship_prefixes =
            regex::Regex::new(&format!(r"\b(?:{})(?:\s+\p{{Lu}}[\p{{L}}0-9'’.-]*){{1,4}}", ships.join("|")))
                .map_err(|e| resources::SHIP_PREFIXES.invalid(0, e.to_string()))?;
        let mut places = Vec::new();
        for row in resources::PLACES.table()?.rows {
            let i = places.len();
            places.push(Named { name: row.cells[0], code: row.cells[2] });
            patterns.push((row.cells[0].to_string(), Entity::Place(i)));
            patterns.extend(row.list(1).map(|n| (n.to_string(), Entity::Place(i))));
        }
        let file = resources::PEOPLE;
        let mut people: Vec<Person> = Vec::new();
        let mut by_name: HashMap<&'static str, usize> = HashMap::new();
        for row in file.table()?.rows {
            let date = |s: &str| -> Result<Option<NaiveDate>> {
                if s.is_empty() {
                    return Ok(None);
                }
                NaiveDate::parse_from_str(s, "%Y-%m-%d")
                    .map(Some)
                    .map_err(|_| file.invalid(row.line, format!("bad date {s:?}")))
            };
            let office = Office {
                country: row.cells[2],
                title: row.cells[3],
                from: date(row.cells[4])?,
                to: date(row.cells[5])?,
            };
            let i = *by_name.entry(row.cells[0]).or_insert_with(|| {
                people.push(Person { name: row.cells[0], offices: Vec::new() });
                patterns.push((row.cells[0].to_string(), Entity::Person(people.len() - 1)));
                patterns.extend(row.list(1).map(|n| (n.to_string(), Entity::Person(people.len() - 1))));
                people.len() - 1
            });
            people[i].offices.push(office);
        }
        // Where a name is also a seat (Singapore), the seat reading wins: it
        // serves as both the state and a location. Among identical patterns
        // the automaton keeps the first, so seats go first.
        patterns.sort_by_key(|(_, e)| !matches!(e, Entity::Seat(_)));
        // The text is matched without diacritics, so the patterns are too.
        for (p, _) in patterns.iter_mut() {
            if let Some(folded) = fold(p) {
                *p = folded.text;
            }
        }
        // Matching is ASCII-case-insensitive: the automaton holds the
        // patterns in lower case and runs on the text in lower case, which
        // finds the same matches as a case-insensitive one with half its
        // size (each letter is one byte class, not two).
        let automaton =
            AtWordStarts::new(patterns.iter().map(|(p, _)| p.as_str())).map_err(|e| file.invalid(0, e.to_string()))?;
        let referred = people
            .iter()
            .map(|p| {
                let patronymic = [" bin ", " bint ", " ibn "].iter().any(|b| p.name.contains(b));
                (p.surname(), p.name.split_whitespace().next().filter(|_| patronymic))
            })
            .collect();
        let mut people_by_country: HashMap<&'static str, Vec<usize>> = HashMap::new();
        for (i, p) in people.iter().enumerate() {
            for o in &p.offices {
                let of = people_by_country.entry(o.country).or_default();
                if of.last() != Some(&i) {
                    of.push(i);
                }
            }
        }
        let mut hosts = FxHashMap::default();
        for c in &countries {
            if let Some(capital) = c.capital.filter(|n| !n.is_empty()) {
                hosts.entry(capital).or_insert(Some(c.code));
            }
        }
        for p in places.iter().filter(|p| !p.name.is_empty()) {
            hosts.entry(p.name).or_insert(Some(p.code).filter(|c| !c.is_empty()));
        }
        Ok(Gazetteer {
            hosts,
            countries,
            organisations,
            forces,
            places,
            people,
            people_by_name: by_name,
            people_by_country,
            referred,
            patterns,
            automaton,
            ship_prefixes,
            ship_countries,
            ship_names: ships,
            honorifics: resources::TITLES.table()?.rows.iter().map(|r| r.cells[0]).collect(),
        })
    }

    /// The code (ISO alpha-3 or organisation) an entity stands for, if any.
    pub fn code(&self, e: Entity) -> Option<&'static str> {
        match e {
            Entity::Country(i) | Entity::Seat(i) => Some(self.countries[i].code),
            Entity::Organisation(i) => Some(self.organisations[i].code),
            Entity::Force(i) => Some(self.forces[i].code),
            Entity::Place(i) => Some(self.places[i].code).filter(|c| !c.is_empty()),
            Entity::Person(_) | Entity::Learned(_) | Entity::Office(_) => None,
        }
    }

    /// The people who held an office of a country (`people.tsv` order).
    pub fn people_of(&self, country: &str) -> impl Iterator<Item = &Person> {
        self.people_by_country.get(country).into_iter().flatten().map(|&i| &self.people[i])
    }

    /// A person by canonical name.
    pub fn person(&self, name: &str) -> Option<&Person> {
        self.people_by_name.get(name).map(|&i| &self.people[i])
    }

    /// The country of a location as `location` writes it ("Moscow" → RUS).
    pub fn host_of(&self, location: &str) -> Option<&'static str> {
        self.hosts.get(location).copied().flatten()
    }

    /// Whether a code is an organisation's ("NATO"), not a state's.
    pub fn is_organisation(&self, code: &str) -> bool {
        self.organisations.iter().any(|o| o.code == code)
    }

    /// The display name of a country or organisation code ("CHN" → "China").
    pub fn name_of(&self, code: &str) -> Option<&'static str> {
        self.countries
            .iter()
            .find(|c| c.code == code)
            .map(|c| c.name)
            .or_else(|| self.organisations.iter().find(|o| o.code == code).map(|o| o.name))
    }

    /// The location an entity names, if it is a place ("Moscow" for the Kremlin).
    pub fn location(&self, e: Entity) -> Option<&'static str> {
        match e {
            Entity::Seat(i) => self.countries[i].capital,
            Entity::Place(i) => Some(self.places[i].name),
            _ => None,
        }
    }

    /// The accepted matches of the patterns in `hay` (text without
    /// diacritics, whose word bytes are `words`), left to right and
    /// leftmost-longest, as start, end and pattern index.
    fn matches<'h>(&'h self, hay: &'h str, words: &'h WordBytes) -> impl Iterator<Item = (usize, usize, usize)> + 'h {
        self.automaton.find_in(hay, words, 0..hay.len()).filter_map(move |m| {
            let pattern = m.pattern().as_usize();
            accept(hay, m.start(), m.end(), &self.patterns[pattern].0).then_some((m.start(), m.end(), pattern))
        })
    }

    /// Every mention in `text`, left to right, without overlaps; later bare
    /// surnames of people named in full anywhere in the text are mentions of
    /// them too ("Li" after "Li Shangfu").
    pub fn find(&self, text: &str) -> Vec<Mention> {
        self.find_in(text, &WordBytes::of(text))
    }

    /// [`find`](Self::find), given the word bytes of `text`.
    pub fn find_in(&self, text: &str, words: &WordBytes) -> Vec<Mention> {
        // Matching runs on the text without diacritics ("Erdoğan" is found
        // as "Erdogan"); offsets map back to the text itself.
        let folded = fold(text);
        let hay = folded.as_ref().map_or(text, |f| f.text.as_str());
        let folded_words = folded.as_ref().map(|f| WordBytes::of(&f.text));
        let orig = |i: usize| folded.as_ref().map_or(i, |f| f.orig(i));
        let mut out: Vec<Mention> = self
            .matches(hay, folded_words.as_ref().unwrap_or(words))
            .map(|(start, end, pattern)| Mention {
                start: orig(start),
                end: orig(end),
                entity: self.patterns[pattern].1,
            })
            .collect();
        let mut surnames: Vec<(&'static str, usize)> = Vec::new();
        for m in &out {
            if let Entity::Person(p) = m.entity
                && let Some(s) = self.referred[p].0
                && !surnames.iter().any(|(n, _)| *n == s)
            {
                surnames.push((s, p));
            }
        }
        // "Prince Mohammed" after "Mohammed bin Salman": a patronymic name
        // is referred back to by the given name after an honorific.
        let mut given: Vec<(&'static str, usize)> = Vec::new();
        for m in &out {
            if let Entity::Person(p) = m.entity
                && let Some(first) = self.referred[p].1
                && !given.iter().any(|(n, _)| *n == first)
            {
                given.push((first, p));
            }
        }
        for (first, person) in given {
            for start in memchr::memmem::find_iter(text.as_bytes(), first) {
                let end = start + first.len();
                let honoured =
                    self.honorifics.iter().any(|h| text[..start].strip_suffix(' ').is_some_and(|t| t.ends_with(h)));
                if honoured && accept(text, start, end, first) && !overlaps(&out, start, end) {
                    insert(&mut out, Mention { start, end, entity: Entity::Person(person) });
                }
            }
        }
        for (surname, person) in surnames {
            // The text is searched without diacritics ("Vučić" as "Vucic").
            let folded = fold(surname).map(|f| f.text);
            let surname = folded.as_deref().unwrap_or(surname);
            for start in memchr::memmem::find_iter(hay.as_bytes(), surname) {
                let end = start + surname.len();
                let (start, end) = if accept(hay, start, end, surname) { (orig(start), orig(end)) } else { continue };
                if !overlaps(&out, start, end) {
                    insert(&mut out, Mention { start, end, entity: Entity::Person(person) });
                }
            }
        }
        // Ship prefixes give the navy's state; the ship's name ("USS Ronald
        // Reagan", "INS Chennai") names no one and no place.
        for m in self.ship_prefixes.find_iter(text) {
            let prefix = m.as_str().split_whitespace().next().unwrap_or("");
            let Some(i) = self.ship_names.iter().position(|p| p == prefix) else { continue };
            let (start, end) = (m.start(), m.start() + prefix.len());
            if overlaps(&out, start, end) {
                continue;
            }
            out.retain(|o| !(o.start >= start && o.end <= m.end()));
            insert(&mut out, Mention { start, end, entity: Entity::Country(self.ship_countries[i]) });
        }
        out
    }
}

// `Gazetteer::find` keeps its mentions in order and without overlaps (each
// is added only where it overlaps none), so that one is found by its place.

/// Whether `start..end` overlaps a mention of `out` (mentions in order,
/// without overlaps, as `Gazetteer::find` gives them).
pub(crate) fn overlaps(out: &[Mention], start: usize, end: usize) -> bool {
    // The ends are in order too: the first to end after `start` is the
    // only one that may overlap.
    let i = out.partition_point(|m| m.end <= start);
    out.get(i).is_some_and(|m| m.start < end)
}

/// Adds a mention to `out` in its place.
fn insert(out: &mut Vec<Mention>, mention: Mention) {
    let i = out.partition_point(|m| m.start < mention.start);
    out.insert(i, mention);
}

/// A text with letters stripped of their diacritics, one ASCII letter for
/// each accented one.
struct Folded {
    text: String,
    /// Where `text` and the text it was folded from line up again after
    /// each stripped letter: the offset in `text` and in the original.
    /// Between two of them the texts are the same bytes.
    shifts: Vec<(usize, usize)>,
}

impl Folded {
    /// The offset in the original text of a char boundary of `text` (as
    /// the ends of a match are: patterns and names are whole chars).
    fn orig(&self, i: usize) -> usize {
        match self.shifts.partition_point(|&(at, _)| at <= i) {
            0 => i,
            n => {
                let (at, from) = self.shifts[n - 1];
                from + (i - at)
            }
        }
    }
}

/// `text` without diacritics; `None` when there is nothing to strip (text
/// in ASCII, or whose other characters are not letters, as curly quotes
/// and dashes), so that the text is read as it is.
fn fold(text: &str) -> Option<Folded> {
    if text.is_ascii() {
        return None;
    }
    let bytes = text.as_bytes();
    let mut folded = Folded { text: String::new(), shifts: Vec::new() };
    // The bytes of `text` up to here are in `folded.text` already.
    let mut copied = 0;
    let mut at = 0;
    while let Some(k) = bytes[at..].iter().position(|b| !b.is_ascii()) {
        let i = at + k;
        let c = text[i..].chars().next().expect("a char starts at a non-ASCII byte of a str");
        at = i + c.len_utf8();
        let base = without_diacritics(c);
        if base != c {
            if folded.shifts.is_empty() {
                folded.text.reserve(text.len());
            }
            folded.text.push_str(&text[copied..i]);
            folded.text.push(base);
            copied = at;
            folded.shifts.push((folded.text.len(), copied));
        }
    }
    if folded.shifts.is_empty() {
        return None;
    }
    folded.text.push_str(&text[copied..]);
    Some(folded)
}

/// The ASCII letter a letter with diacritics is written as without them;
/// any other character as it is.
fn without_diacritics(c: char) -> char {
    use unicode_normalization::UnicodeNormalization;
    match c.nfd().next() {
        Some(b) if b.is_ascii_alphabetic() => b,
        _ => match c {
            'ı' => 'i',
            'ø' => 'o',
            'Ø' => 'O',
            'đ' => 'd',
            'ł' => 'l',
            'Ł' => 'L',
            _ => c,
        },
    }
}

/// Whether a match stands on word boundaries, and starts with a capital
/// where the pattern does.
pub(crate) fn accept(text: &str, start: usize, end: usize, pattern: &str) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let first = text[start..].chars().next();
    let pattern_first = pattern.chars().next();
    if before.is_some_and(|c| c.is_alphanumeric()) {
        return false;
    }
    let open_end = pattern.ends_with('-') || pattern.ends_with('.');
    if !open_end && after.is_some_and(|c| c.is_alphanumeric()) {
        return false;
    }
    if pattern_first.is_some_and(char::is_uppercase) && !first.is_some_and(char::is_uppercase) {
        return false;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(g: &Gazetteer, text: &str) -> String {
        g.find(text).iter().filter_map(|m| g.code(m.entity)).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn every_example_in_the_country_organisation_and_force_tables_holds() {
        let g = Gazetteer::shared();
        for file in [resources::COUNTRIES, resources::ORGANISATIONS, resources::FORCES, resources::SHIP_PREFIXES] {
            let table = file.table().unwrap();
            assert!(!table.examples.is_empty(), "{} has examples", file.path);
            for ex in table.examples {
                assert_eq!(codes(g, ex.input), ex.expected, "{}:{} `{}`", file.path, ex.line, ex.input);
            }
        }
    }

    #[test]
    fn every_example_in_the_places_table_holds() {
        let g = Gazetteer::shared();
        let table = resources::PLACES.table().unwrap();
        assert!(!table.examples.is_empty());
        for ex in table.examples {
            let got: Vec<&str> = g.find(ex.input).iter().filter_map(|m| g.location(m.entity)).collect();
            assert_eq!(got.join(" | "), ex.expected, "places.tsv:{} `{}`", ex.line, ex.input);
        }
    }

    #[test]
    fn every_example_in_the_people_table_holds() {
        let g = Gazetteer::shared();
        let table = resources::PEOPLE.table().unwrap();
        assert!(table.examples.len() >= 5);
        for ex in table.examples {
            let (name, date) = ex.input.rsplit_once('@').expect("NAME @DATE");
            let date = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d").unwrap();
            let name = name.trim();
            // A bare surname is found once the full name has been seen.
            let person = g
                .people
                .iter()
                .find(|p| {
                    p.name == name
                        || p.surname() == Some(name)
                        || g.find(name).iter().any(|m| m.entity == Entity::Person(index(g, p)))
                })
                .unwrap_or_else(|| panic!("people.tsv:{} no person `{name}`", ex.line));
            let (country, office) = person.at(Some(date));
            assert_eq!(format!("{} | {} | {}", person.name, country, office), ex.expected, "people.tsv:{}", ex.line);
        }
    }

    fn index(g: &Gazetteer, p: &Person) -> usize {
        g.people.iter().position(|q| q.name == p.name).unwrap()
    }

    #[test]
    fn a_surname_alone_refers_to_the_person_named_earlier() {
        let g = Gazetteer::shared();
        let text = "Russian Defense Minister Sergei Shoigu met the visitor. Later Shoigu said more.";
        let people: Vec<&str> = g
            .find(text)
            .iter()
            .filter_map(|m| if let Entity::Person(p) = m.entity { Some(g.people[p].name) } else { None })
            .collect();
        assert_eq!(people, ["Sergei Shoigu", "Sergei Shoigu"]);
    }

    #[test]
    fn an_honorific_and_a_given_name_refer_back_to_a_patronymic_name() {
        let g = Gazetteer::shared();
        let text = "Crown Prince Mohammed bin Salman met Modi. Prince Mohammed later called Erdogan; Mohammed said.";
        let people: Vec<(&str, &str)> = g
            .find(text)
            .iter()
            .filter_map(|m| match m.entity {
                Entity::Person(p) => Some((&text[m.start..m.end], g.people[p].name)),
                _ => None,
            })
            .collect();
        assert!(people.contains(&("Mohammed", "Mohammed bin Salman")), "{people:?}");
        assert_eq!(people.iter().filter(|(w, _)| *w == "Mohammed").count(), 1, "not without the honorific: {people:?}");
    }

    #[test]
    fn names_with_diacritics_are_found_without_them_and_keep_their_offsets() {
        let g = Gazetteer::shared();
        let text = "Türkiye's President Recep Tayyip Erdoğan met him; Erdoğan said so.";
        let found: Vec<(&str, Entity)> = g.find(text).iter().map(|m| (&text[m.start..m.end], m.entity)).collect();
        assert_eq!(found[0].0, "Türkiye");
        assert_eq!(found[1].0, "Recep Tayyip Erdoğan");
        assert_eq!(found[2].0, "Erdoğan", "the surname alone, accented");
        assert_eq!(found[1].1, found[2].1);
    }

    #[test]
    fn a_surname_with_diacritics_alone_refers_back_to_its_person() {
        let g = Gazetteer::shared();
        let text = "Serbian President Aleksandar Vučić met him; Vučić said so.";
        let found: Vec<(&str, Entity)> = g.find(text).iter().map(|m| (&text[m.start..m.end], m.entity)).collect();
        let last = found.last().expect("mentions");
        assert_eq!(last.0, "Vučić");
        assert!(matches!(last.1, Entity::Person(_)));
    }

    /// The walk at word starts follows the gazetteer's patterns as an
    /// anchored Aho-Corasick search does, at every byte of every test article.
    #[test]
    fn the_patterns_are_walked_as_an_anchored_search_finds_them() {
        let g = Gazetteer::shared();
        let texts = crate::samples::test_articles();
        let found =
            crate::phrases::assert_trie_walks_as_anchored_search(g.patterns.iter().map(|(p, _)| p.as_str()), &texts);
        assert!(found > 3000, "{found} matches");
    }

    /// The gazetteer's patterns are found alike given the word bytes of a
    /// whole test article or of each of its sentences.
    #[test]
    fn names_are_found_alike_with_word_bytes_of_the_text() {
        let g = Gazetteer::shared();
        let found = crate::phrases::assert_shared_word_bytes_find_as_own(
            |text, words, range| g.automaton.find_in(text, words, range).collect(),
            &crate::samples::test_articles(),
        );
        assert!(found > 3000, "{found} matches");
    }

    /// A location's country is looked up as the tables are read in order:
    /// for every capital and place, and a few that are neither.
    #[test]
    fn hosts_are_those_of_the_first_capital_or_place() {
        let g = Gazetteer::shared();
        let scan = |location: &str| -> Option<&'static str> {
            if location.is_empty() {
                return None;
            }
            g.countries
                .iter()
                .find(|c| c.capital == Some(location))
                .map(|c| c.code)
                .or_else(|| g.places.iter().find(|p| p.name == location).map(|p| p.code).filter(|c| !c.is_empty()))
        };
        let capitals = g.countries.iter().filter_map(|c| c.capital);
        let names = capitals.chain(g.places.iter().map(|p| p.name)).chain(["", "Atlantis", "moscow"]);
        for location in names {
            assert_eq!(g.host_of(location), scan(location), "{location}");
        }
        assert_eq!(g.host_of("Moscow"), Some("RUS"));
    }

    #[test]
    fn words_inside_other_words_and_lower_case_words_are_not_countries() {
        let g = Gazetteer::shared();
        assert_eq!(codes(g, "the chinese restaurant in Indochinese style"), "");
    }

    #[test]
    fn text_is_folded_only_where_a_letter_loses_its_diacritics_and_offsets_map_back() {
        assert!(fold("“Russia” — China’s navy").is_none(), "punctuation alone is read as it is");
        let text = "“Vučić” met Erdoğan’s aide in Türkiye.";
        let folded = fold(text).expect("letters with diacritics");
        assert_eq!(folded.text, "“Vucic” met Erdogan’s aide in Turkiye.");
        let boundaries = folded.text.char_indices().map(|(i, _)| i).chain([folded.text.len()]);
        for i in boundaries {
            let rest = &text[folded.orig(i)..];
            assert_eq!(fold(rest).map_or(rest.to_string(), |f| f.text), folded.text[i..], "at {i}");
        }
    }
}
