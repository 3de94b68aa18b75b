//! An article's publication date: the reference against which its relative
//! dates are resolved. Found in bylines, datelines and header lines by the
//! rules of `resources/dates/published.tsv`.

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use crate::resources;
use crate::text::Layout;
use crate::timex::{self, Tagger, Underspecified};

/// Where a publication date came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    pub date: NaiveDate,
    /// The rule of `published.tsv` that found it, `given` when the caller
    /// supplied it, `file name` when read from the file's name.
    pub source: String,
    /// False when part of it was inferred (a dateline without a year).
    pub certain: bool,
}

struct Rule {
    name: &'static str,
    regex: Regex,
}

fn rules() -> &'static [Rule] {
    static R: OnceLock<Vec<Rule>> = OnceLock::new();
    R.get_or_init(|| {
        let table = resources::PUBLISHED_PATTERNS.table().expect("shipped resources are valid (tested)");
        table
            .rows
            .iter()
            .map(|row| {
                let pattern = format!(r"^\s*(?:{})", timex::expand(row.cells[1]).expect("vocabulary loads"));
                Rule { name: row.cells[0], regex: Regex::new(&pattern).expect("published.tsv rules compile (tested)") }
            })
            .collect()
    })
}

/// Month number of a month name of `months.tsv`.
fn month_number(name: &str) -> Option<u32> {
    resources::MONTHS
        .table()
        .ok()?
        .rows
        .iter()
        .find(|r| r.cells[0] == name)
        .and_then(|r| r.cells[1].parse().ok())
}

/// Matches one line against the rules: the date, whether its year was
/// given, and the rule's name.
fn match_line(line: &str) -> Option<(u32, u32, Option<i32>, &'static str)> {
    for rule in rules() {
        if let Some(c) = rule.regex.captures(line) {
            let month = c.name("month").and_then(|m| m.as_str().parse().ok().or_else(|| month_number(m.as_str())))?;
            let day = c.name("day")?.as_str().parse().ok()?;
            let year = c.name("year").and_then(|y| y.as_str().parse().ok());
            return Some((month, day, year, rule.name));
        }
    }
    None
}

/// The publication date of an article, if the text (or file name) gives one.
pub fn find(text: &str, layout: &Layout, file_name: Option<&str>) -> Option<Published> {
    let mut candidates: Vec<&str> = layout.header.iter().map(|&(s, e)| &text[s..e]).collect();
    if let Some(first) = layout.sentences.first() {
        candidates.push(&text[first.start..first.end]);
    }
    for line in candidates {
        let Some((month, day, year, rule)) = match_line(line) else { continue };
        match year {
            Some(y) => {
                if let Some(date) = NaiveDate::from_ymd_opt(y, month, day) {
                    return Some(Published { date, source: rule.to_string(), certain: true });
                }
            }
            None => {
                if let Some(y) = year_from_text(text, month, day)
                    && let Some(date) = NaiveDate::from_ymd_opt(y, month, day)
                {
                    return Some(Published { date, source: format!("{rule} (year inferred)"), certain: false });
                }
            }
        }
    }
    file_name.and_then(date_in_file_name)
}

/// The year of a dateline that gives none: the latest year of a full date
/// in the text that is not after the dateline's day in that year.
fn year_from_text(text: &str, month: u32, day: u32) -> Option<i32> {
    Tagger::shared()
        .find(text)
        .into_iter()
        .filter_map(|t| match t.value {
            Underspecified::Day(p) => p.year.map(|y| (y, p.month, p.day)),
            Underspecified::Range(p, _) => p.year.map(|y| (y, p.month, p.day)),
            Underspecified::Month { year, month } => Some((year, month, 1)),
            _ => None,
        })
        .map(|(y, m, d)| if (m, d) > (month, day) { y + 1 } else { y })
        .max()
}

fn date_in_file_name(name: &str) -> Option<Published> {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = R.get_or_init(|| Regex::new(r"(?:^|[^0-9])((?:19|20)[0-9]{2})-?([01][0-9])-?([0-3][0-9])(?:[^0-9]|$)").expect("valid"));
    let c = r.captures(name)?;
    let date = NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)?;
    (date.year() > 1900).then(|| Published { date, source: "file name".into(), certain: true })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_example_in_published_tsv_holds() {
        let table = resources::PUBLISHED_PATTERNS.table().unwrap();
        assert!(table.examples.len() >= 6);
        for ex in table.examples {
            let got = match_line(ex.input)
                .and_then(|(m, d, y, _)| y.and_then(|y| NaiveDate::from_ymd_opt(y, m, d)))
                .map_or("none".to_string(), |d| d.to_string());
            assert_eq!(got, ex.expected, "published.tsv:{} `{}`", ex.line, ex.input);
        }
    }

    #[test]
    fn a_dateline_without_a_year_takes_it_from_a_full_date_in_the_text() {
        let text = "Ministers talk\nMOSCOW, April 18 (Reuters) - The ministers met in Moscow on Tuesday, a week after talks on April 11, 2023.\n";
        let layout = crate::text::layout(text);
        let p = find(text, &layout, None).unwrap();
        assert_eq!(p.date.to_string(), "2023-04-18");
        assert!(!p.certain, "an inferred year is flagged");
    }

    #[test]
    fn a_date_in_the_file_name_is_the_last_resort() {
        let text = "Headline\nThe ministers met in the capital and talked for hours about things.\n";
        let layout = crate::text::layout(text);
        assert_eq!(find(text, &layout, Some("2024-06-02-shangri-la.txt")).unwrap().date.to_string(), "2024-06-02");
        assert_eq!(find(text, &layout, Some("notes.txt")), None, "never today's date");
    }
}
