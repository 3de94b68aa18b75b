//! Temporal expressions, in two phases (as HeidelTime does).
//!
//! Phase 1, [`Tagger::find`], finds expressions in text with the rules of
//! `resources/dates/patterns.tsv` and records what they say without a
//! calendar: "Tuesday, looking back", "April 18 of an unknown year".
//! Phase 2, [`Timex::resolve`], is a pure function of that value and a
//! reference date (the article's publication date). Nothing here reads the
//! clock.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use regex::Regex;

use crate::model::DateValue;
use crate::resources::{self, File, ResourceError, Result};

/// Which way from the reference date an under-specified expression points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// No marker: the nearest reading, favouring the past (news reports what happened).
    Unmarked,
    Past,
    Future,
}

/// A day of a month, possibly of an unknown year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartialDay {
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
}

/// What an expression says, before resolution (phase 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Underspecified {
    Day(PartialDay),
    Month {
        year: i32,
        month: u32,
    },
    Year(i32),
    Range(PartialDay, PartialDay),
    Weekday(Weekday),
    DaysFromReference(i64),
    /// A month of a year the text does not give ("in January").
    MonthOfYear(u32),
    /// "this month" (0), "last month" (-1), "next month" (1).
    MonthsFromReference(i32),
}

/// One temporal expression found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    /// Byte span in the text searched.
    pub start: usize,
    pub end: usize,
    pub value: Underspecified,
    pub direction: Direction,
    /// Name of the rule in `patterns.tsv` that found it.
    pub rule: &'static str,
}

impl Timex {
    /// Phase 2: the calendar value against a reference date. `None` when the
    /// expression names no valid day (February 30) or needs a reference and
    /// has none.
    pub fn resolve(&self, reference: Option<NaiveDate>) -> Option<DateValue> {
        resolve(self.value, self.direction, reference)
    }
}

/// Resolves an under-specified value; see [`Timex::resolve`].
pub fn resolve(value: Underspecified, direction: Direction, reference: Option<NaiveDate>) -> Option<DateValue> {
    match value {
        Underspecified::Day(p) => resolve_day(p, direction, reference).map(DateValue::Day),
        Underspecified::Month { year, month } => Some(DateValue::Month { year, month }),
        Underspecified::Year(y) => Some(DateValue::Year(y)),
        Underspecified::Range(a, b) => {
            let start = resolve_day(a, direction, reference)?;
            let mut end = NaiveDate::from_ymd_opt(b.year.unwrap_or(start.year()), b.month, b.day)?;
            if end < start && b.year.is_none() {
                // "Dec. 30 to Jan. 2": the range crosses a new year.
                end = NaiveDate::from_ymd_opt(start.year() + 1, b.month, b.day)?;
            }
            (start <= end).then_some(DateValue::Range(start, end))
        }
        Underspecified::Weekday(wd) => {
            let r = reference?;
            let back = (7 + r.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
            let day = match direction {
                Direction::Future => {
                    let ahead = (7 + wd.num_days_from_monday() - r.weekday().num_days_from_monday()) % 7;
                    r.checked_add_days(Days::new(u64::from(if ahead == 0 { 7 } else { ahead })))?
                }
                Direction::Past | Direction::Unmarked => r.checked_sub_days(Days::new(u64::from(back)))?,
            };
            Some(DateValue::Day(day))
        }
        Underspecified::MonthOfYear(month) => {
            let r = reference?;
            let candidates = [r.year() - 1, r.year(), r.year() + 1].map(|year| DateValue::Month { year, month });
            let ok = |v: &DateValue| match direction {
                Direction::Past => v.start() <= r,
                Direction::Future => v.end() >= r,
                Direction::Unmarked => (-305..=61).contains(&(v.start() - r).num_days()),
            };
            candidates.into_iter().filter(ok).min_by_key(|v| (v.start() - r).num_days().abs())
        }
        Underspecified::MonthsFromReference(n) => {
            let r = reference?;
            let index = r.year() * 12 + r.month0() as i32 + n;
            Some(DateValue::Month { year: index.div_euclid(12), month: index.rem_euclid(12) as u32 + 1 })
        }
        Underspecified::DaysFromReference(n) => {
            let r = reference?;
            let d = if n >= 0 {
                r.checked_add_days(Days::new(n.unsigned_abs()))?
            } else {
                r.checked_sub_days(Days::new(n.unsigned_abs()))?
            };
            Some(DateValue::Day(d))
        }
    }
}

/// A day whose year may be missing: the year is the one that puts it nearest
/// the reference in the direction given (unmarked: up to two months ahead).
fn resolve_day(p: PartialDay, direction: Direction, reference: Option<NaiveDate>) -> Option<NaiveDate> {
    if let Some(y) = p.year {
        return NaiveDate::from_ymd_opt(y, p.month, p.day);
    }
    let r = reference?;
    let candidates =
        [r.year() - 1, r.year(), r.year() + 1].into_iter().filter_map(|y| NaiveDate::from_ymd_opt(y, p.month, p.day));
    let ok = |d: &NaiveDate| {
        let diff = (*d - r).num_days();
        match direction {
            Direction::Past => (-366..=0).contains(&diff),
            Direction::Future => (0..=366).contains(&diff),
            Direction::Unmarked => (-305..=61).contains(&diff),
        }
    };
    candidates.filter(ok).min_by_key(|d| (*d - r).num_days().abs())
}

struct Rule {
    name: &'static str,
    regex: Regex,
}

/// The compiled rules and vocabularies of `resources/dates/`.
pub struct Tagger {
    rules: Vec<Rule>,
    months: HashMap<&'static str, u32>,
    weekdays: HashMap<&'static str, Weekday>,
    relative_days: HashMap<String, i64>,
    tense: Vec<(Vec<String>, Direction)>,
}

/// `%name` references a rule may use, and the alternation each expands to.
fn vocabulary(file: File) -> Result<Vec<&'static str>> {
    let mut words: Vec<&'static str> = file.table()?.rows.iter().map(|r| r.cells[0]).collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    Ok(words)
}

/// Weekday names without the abbreviations ("Sun", "Sat" and "Wed" are
/// words too): for rules where a weekday stands alone.
fn full_weekdays() -> Result<Vec<&'static str>> {
    Ok(vocabulary(resources::WEEKDAYS)?.into_iter().filter(|w| w.ends_with("day")).collect())
}

/// Month names without abbreviations: for each month its longest name.
fn full_months() -> Result<Vec<&'static str>> {
    let table = resources::MONTHS.table()?;
    let mut longest: HashMap<&str, &'static str> = HashMap::new();
    for r in &table.rows {
        let e = longest.entry(r.cells[1]).or_insert(r.cells[0]);
        if r.cells[0].len() > e.len() {
            *e = r.cells[0];
        }
    }
    let mut out: Vec<&'static str> = longest.into_values().collect();
    out.sort_by_key(|w| std::cmp::Reverse(w.len()));
    Ok(out)
}

fn alternation(words: &[&str]) -> String {
    let parts: Vec<String> = words.iter().map(|w| regex::escape(w)).collect();
    format!("(?:{})", parts.join("|"))
}

fn alternation_ci(words: &[&str]) -> String {
    format!("(?i:{})", alternation(words))
}

/// Expands the `%name` vocabulary references of a rule's pattern.
pub(crate) fn expand(pattern: &str) -> Result<String> {
    static VOCAB: OnceLock<std::result::Result<Vec<(&'static str, String)>, ResourceError>> = OnceLock::new();
    let vocab = VOCAB
        .get_or_init(|| {
            Ok(vec![
                ("%month", alternation(&vocabulary(resources::MONTHS)?)),
                ("%weekday_full", alternation(&full_weekdays()?)),
                ("%month_full", alternation(&full_months()?)),
                ("%weekday", alternation(&vocabulary(resources::WEEKDAYS)?)),
                ("%reldays", alternation_ci(&vocabulary(resources::RELATIVE_DAYS)?)),
                ("%day", "(?:3[01]|[12][0-9]|0?[1-9])".to_string()),
                ("%year", "(?:19[0-9]{2}|20[0-9]{2})".to_string()),
            ])
        })
        .as_ref()
        .map_err(Clone::clone)?;
    let mut out = pattern.to_string();
    // Longer names first: `%month_full` before `%month`.
    let mut vocab: Vec<&(&str, String)> = vocab.iter().collect();
    vocab.sort_by_key(|(name, _)| std::cmp::Reverse(name.len()));
    for (name, alt) in vocab {
        out = out.replace(name, alt);
    }
    Ok(out)
}

impl Tagger {
    /// The tagger built from the shipped resources (built once).
    pub fn shared() -> &'static Tagger {
        static TAGGER: OnceLock<Tagger> = OnceLock::new();
        TAGGER.get_or_init(|| Tagger::from_resources().expect("shipped date resources are valid (tested)"))
    }

    pub fn from_resources() -> Result<Tagger> {
        let file = resources::DATE_PATTERNS;
        let table = file.table()?;
        let mut rules = Vec::new();
        for row in &table.rows {
            let pattern = format!(r"\b(?:{})\b", expand(row.cells[1])?);
            let regex = Regex::new(&pattern).map_err(|e| file.invalid(row.line, e.to_string()))?;
            rules.push(Rule { name: row.cells[0], regex });
        }
        let months = number_table(resources::MONTHS)?;
        let weekdays = number_table(resources::WEEKDAYS)?
            .into_iter()
            .map(|(k, n)| {
                Ok((k, Weekday::try_from(n as u8 - 1).map_err(|_| resources::WEEKDAYS.invalid(0, "bad weekday"))?))
            })
            .collect::<Result<_>>()?;
        let relative_days = resources::RELATIVE_DAYS
            .table()?
            .rows
            .iter()
            .map(|r| {
                let n = r.cells[1]
                    .parse()
                    .map_err(|_| resources::RELATIVE_DAYS.invalid(r.line, "offset must be an integer"))?;
                Ok((r.cells[0].to_lowercase(), n))
            })
            .collect::<Result<_>>()?;
        let tense = resources::TENSE
            .table()?
            .rows
            .iter()
            .map(|r| {
                let dir = match r.cells[1] {
                    "future" => Direction::Future,
                    "past" => Direction::Past,
                    other => {
                        return Err(resources::TENSE.invalid(r.line, format!("unknown direction {other}")));
                    }
                };
                Ok((r.cells[0].split_whitespace().map(str::to_string).collect(), dir))
            })
            .collect::<Result<_>>()?;
        Ok(Tagger { rules, months, weekdays, relative_days, tense })
    }

    /// Phase 1: every temporal expression in `text`, left to right, without
    /// overlaps (leftmost, then longest, then first rule wins).
    pub fn find(&self, text: &str) -> Vec<Timex> {
        let mut found: Vec<(usize, usize, usize, regex::Captures<'_>)> = Vec::new();
        for (i, rule) in self.rules.iter().enumerate() {
            for caps in rule.regex.captures_iter(text) {
                let m = caps.get(0).expect("group 0");
                found.push((m.start(), m.end(), i, caps));
            }
        }
        found.sort_by_key(|(s, e, i, _)| (*s, std::cmp::Reverse(*e), *i));
        let mut out = Vec::new();
        let mut covered = 0;
        for (start, end, i, caps) in found {
            if start < covered {
                continue;
            }
            if let Some(value) = self.value(&caps) {
                covered = end;
                let direction = self.direction(&text[..start]);
                out.push(Timex { start, end, value, direction, rule: self.rules[i].name });
            }
        }
        out
    }

    fn value(&self, caps: &regex::Captures<'_>) -> Option<Underspecified> {
        let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<i64>().ok());
        let month = |name: &str| {
            caps.name(name)
                .and_then(|m| m.as_str().parse::<u32>().ok().or_else(|| self.months.get(m.as_str()).copied()))
        };
        if let Some(m) = caps.name("relmonth") {
            let n = match m.as_str().to_lowercase().as_str() {
                "next" => 1,
                "last" => -1,
                _ => 0,
            };
            return Some(Underspecified::MonthsFromReference(n));
        }
        if let Some(m) = caps.name("reldays") {
            return self.relative_days.get(&m.as_str().to_lowercase()).map(|n| Underspecified::DaysFromReference(*n));
        }
        let year = num("year").map(|y| y as i32);
        let day = num("day").map(|d| d as u32);
        match (month("month"), day) {
            (Some(m), Some(d)) => {
                let first = PartialDay { year, month: m, day: d };
                if let Some(d2) = num("day2") {
                    let m2 = month("month2").unwrap_or(m);
                    return Some(Underspecified::Range(first, PartialDay { year, month: m2, day: d2 as u32 }));
                }
                Some(Underspecified::Day(first))
            }
            (Some(m), None) => {
                Some(year.map_or(Underspecified::MonthOfYear(m), |y| Underspecified::Month { year: y, month: m }))
            }
            (None, _) => {
                if let Some(w) = caps.name("weekday") {
                    return self.weekdays.get(w.as_str()).map(|w| Underspecified::Weekday(*w));
                }
                year.map(Underspecified::Year)
            }
        }
    }

    /// Direction from tense markers among the eight words before an expression,
    /// within its clause.
    fn direction(&self, before: &str) -> Direction {
        let clause = before.rsplit([',', ';', '.', ':']).next().unwrap_or(before);
        let words: Vec<String> = clause.split_whitespace().rev().take(8).map(|w| w.to_lowercase()).collect();
        let words: Vec<String> = words.into_iter().rev().collect();
        for (phrase, dir) in &self.tense {
            if words.windows(phrase.len()).any(|w| w == phrase.as_slice()) {
                return *dir;
            }
        }
        Direction::Unmarked
    }
}

fn number_table(file: File) -> Result<HashMap<&'static str, u32>> {
    file.table()?
        .rows
        .iter()
        .map(|r| Ok((r.cells[0], r.cells[1].parse().map_err(|_| file.invalid(r.line, "expected a number"))?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference() -> NaiveDate {
        NaiveDate::from_ymd_opt(2023, 4, 19).unwrap()
    }

    #[test]
    fn every_example_in_patterns_tsv_resolves_as_written() {
        let tagger = Tagger::shared();
        let table = resources::DATE_PATTERNS.table().unwrap();
        assert!(table.examples.len() >= 20, "the rules carry their examples");
        for ex in &table.examples {
            let found = tagger.find(ex.input);
            let got: Vec<String> =
                found.iter().filter_map(|t| t.resolve(Some(reference()))).map(|v| v.to_string()).collect();
            assert_eq!(
                got.first().map_or("none", String::as_str),
                ex.expected,
                "patterns.tsv:{} `{}` (rule above: {:?}) found {:?}",
                ex.line,
                ex.input,
                ex.after,
                found
            );
        }
    }

    #[test]
    fn on_tuesday_in_an_article_of_wednesday_is_the_day_before() {
        let t = &Tagger::shared().find("The ministers met in Moscow on Tuesday.")[0];
        assert_eq!(t.resolve(Some(reference())).unwrap().to_string(), "2023-04-18");
    }

    #[test]
    fn the_weekday_of_the_reference_itself_is_that_day() {
        let t = &Tagger::shared().find("They spoke on Wednesday.")[0];
        assert_eq!(t.resolve(Some(reference())).unwrap().to_string(), "2023-04-19");
    }

    #[test]
    fn relative_expressions_need_a_reference_and_never_guess_one() {
        let t = &Tagger::shared().find("They spoke on Tuesday.")[0];
        assert_eq!(t.resolve(None), None);
    }

    #[test]
    fn an_impossible_day_is_not_a_date() {
        let found = Tagger::shared().find("on February 30, 2023");
        assert!(found.iter().all(|t| t.resolve(Some(reference())).is_none()), "{found:?}");
    }

    #[test]
    fn may_as_a_verb_and_lower_case_months_are_not_dates() {
        assert!(Tagger::shared().find("Talks may 2 resume; the march was long").is_empty());
    }
}
