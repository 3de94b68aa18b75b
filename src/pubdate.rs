//! An article's publication date: the reference against which its relative
//! dates are resolved. Found in bylines, datelines and header lines by the
//! rules of `resources/dates/published.tsv`.

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;
use regex_automata::{Anchored, Input, PatternID, meta};

use crate::resources;
use crate::text::Layout;
use crate::timex::{self, Direction, Tagger, Underspecified};

/// Where a publication date came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    pub date: NaiveDate,
    /// The rule of `published.tsv` that found it, `given` when the caller
    /// supplied it, `file name` when read from the file's name.
    pub source: String,
    /// False when part of it was inferred (a dateline without a year).
    pub certain: bool,
    /// Byte span of the byline or dateline it was read from, if any: a
    /// dateline's place names where the report was filed, not who took part.
    pub span: Option<(usize, usize)>,
}

/// The rules of `published.tsv`, in the table's order: all of them as one
/// regex, one pattern each, to find which rule a line matches and where
/// the match ends, and each on its own for that rule's groups, which a
/// search of all of them would clear a bit for every state of every rule
/// to find.
struct Rules {
    any: meta::Regex,
    each: Vec<Rule>,
}

/// One rule, to read the groups of a line it is known to match.
struct Rule {
    name: &'static str,
    /// The rule's pattern without the lazy DFA: the match is known before
    /// its groups are asked for, so only the engine that finds them (the
    /// bounded backtracker) runs, over the match alone.
    groups: meta::Regex,
    /// The indices of its `month`, `day` and `year` groups.
    month: Option<usize>,
    day: Option<usize>,
    year: Option<usize>,
}

fn rules() -> &'static Rules {
    static R: OnceLock<Rules> = OnceLock::new();
    R.get_or_init(|| {
        let table = resources::PUBLISHED_PATTERNS.table().expect("shipped resources are valid (tested)");
        let patterns: Vec<String> = table.rows.iter().map(|row| rule_pattern(row.cells[1])).collect();
        let any = meta::Regex::new_many(&patterns).expect("published.tsv rules compile (tested)");
        let each = table
            .rows
            .iter()
            .zip(&patterns)
            .map(|(row, p)| {
                let groups = meta::Regex::builder()
                    .configure(meta::Config::new().hybrid(false).dfa(false))
                    .build(p)
                    .expect("published.tsv rules compile (tested)");
                let index = |name| groups.group_info().to_index(PatternID::ZERO, name);
                let (month, day, year) = (index("month"), index("day"), index("year"));
                Rule { name: row.cells[0], groups, month, day, year }
            })
            .collect();
        Rules { any, each }
    })
}

/// The pattern of a rule written `written` in `published.tsv`: at a line's start.
fn rule_pattern(written: &str) -> String {
    format!(r"^\s*(?:{})", timex::expand(written).expect("vocabulary loads"))
}

/// A line's date by the first rule that matches it.
#[derive(Debug, PartialEq, Eq)]
struct LineDate {
    month: u32,
    day: u32,
    year: Option<i32>,
    rule: &'static str,
    /// Length of the matched text.
    len: usize,
}

fn match_line(line: &str) -> Option<LineDate> {
    // All the rules in one search: they are anchored at the line's start,
    // where the first rule in the table that matches wins (as in an
    // alternation). Most lines match none: the match alone is cheaper to
    // rule out than the groups, which only that rule is searched for.
    // A line gives a date only with its day as a number: one without a
    // digit (most headlines) gives none, found without a search (and
    // without a branch a byte, which the compiler can vectorise).
    if !line.bytes().fold(false, |digit, b| digit | b.is_ascii_digit()) {
        return None;
    }
    let rules = rules();
    let found = rules.any.search(&Input::new(line))?;
    let rule = &rules.each[found.pattern()];
    // The rule on its own finds the same match (its paths are those of its
    // pattern in the search of all): its groups are read within it.
    let mut c = rule.groups.create_captures();
    rule.groups.search_captures(&Input::new(line).span(0..found.end()).anchored(Anchored::Yes), &mut c);
    let group = |index: Option<usize>| Some(&line[c.get_group(index?)?.range()]);
    let month = group(rule.month).and_then(|m| m.parse().ok().or_else(|| Tagger::shared().month(m)))?;
    let day = group(rule.day)?.parse().ok()?;
    let year = group(rule.year).and_then(|y| y.parse().ok());
    let len = c.get_match()?.end();
    Some(LineDate { month, day, year, rule: rule.name, len })
}

/// The publication date of an article, if the text (or file name) gives one.
pub fn find(text: &str, layout: &Layout, file_name: Option<&str>, file_date: Option<NaiveDate>) -> Option<Published> {
    find_with(text, layout, file_name, file_date, || Tagger::shared().find(text), &|_| 0)
}

/// [`find`], given the text's temporal expressions (or how to find them:
/// only a dateline without a year needs them) so a caller that has them
/// already does not tag the text twice, and how many of the people the
/// text names with a title did not hold it on a day (a year in which
/// "Nigerian President Bola Tinubu" was not president is unlikely).
pub fn find_with(
    text: &str,
    layout: &Layout,
    file_name: Option<&str>,
    file_date: Option<NaiveDate>,
    timexes: impl FnOnce() -> Vec<crate::timex::Timex>,
    out_of_office: &dyn Fn(NaiveDate) -> usize,
) -> Option<Published> {
    let mut timexes = Some(timexes);
    let header = layout.header.iter().map(|&(s, e)| &text[s..e]);
    let first = layout.sentences.first().map(|first| &text[first.start..first.end]);
    for line in header.chain(first) {
        let Some(LineDate { month, day, year, rule, len }) = match_line(line) else {
            continue;
        };
        let at = line.as_ptr() as usize - text.as_ptr() as usize;
        let span = Some((at, at + len));
        match year {
            Some(y) => {
                if let Some(date) = NaiveDate::from_ymd_opt(y, month, day) {
                    return Some(Published { date, source: rule.to_string(), certain: true, span });
                }
            }
            None => {
                let found = timexes.take().map(|f| f()).unwrap_or_default();
                let named = file_name.and_then(year_in_file_name);
                if let Some(y) = year_from_text(text, &found, month, day, file_date, named, out_of_office)
                    && let Some(date) = NaiveDate::from_ymd_opt(y, month, day)
                {
                    return Some(Published { date, source: format!("{rule} (year inferred)"), certain: false, span });
                }
            }
        }
    }
    file_name.and_then(date_in_file_name)
}

/// The years a text names, with their offsets: four digits from 1900 to
/// 2099 standing as a word of their own (what `\b(?:19|20)[0-9]{2}\b`
/// finds). Such a run of digits starts with a 1 or a 2, which memchr
/// finds: most of the text holds no digit.
fn years_named(text: &str) -> impl Iterator<Item = (usize, i32)> + '_ {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'1', b'2', bytes).filter_map(move |start| {
        if start > 0 && bytes[start - 1].is_ascii_digit() {
            return None;
        }
        let end = start + bytes[start..].iter().take_while(|b| b.is_ascii_digit()).count();
        let digits = &bytes[start..end];
        (digits.len() == 4
            && matches!(&digits[..2], b"19" | b"20")
            && !is_word(text[..start].chars().next_back())
            && !is_word(text[end..].chars().next()))
        .then(|| (start, digits.iter().fold(0, |y, d| y * 10 + i32::from(d - b'0'))))
    })
}

/// Whether a character is a word character as the `\b` of a regex sees it.
fn is_word(c: Option<char>) -> bool {
    c.is_some_and(regex_syntax::is_word_character)
}

/// The name just before a year at `at`, joined by a space or a hyphen, if
/// it is a capitalised word ("Obangame Express 2022", "Joint Sea-2019";
/// what `\b([A-Z][A-Za-z]+)[ -]` before the year finds).
fn edition_name(text: &str, at: usize) -> Option<&str> {
    let end = at.checked_sub(1).filter(|&i| matches!(text.as_bytes()[i], b' ' | b'-'))?;
    let letters = text.as_bytes()[..end].iter().rev().take_while(|b| b.is_ascii_alphabetic()).count();
    let start = end - letters;
    (letters >= 2 && text.as_bytes()[start].is_ascii_uppercase() && !is_word(text[..start].chars().next_back()))
        .then(|| &text[start..end])
}

/// The year of a dateline that gives none. Candidates are the latest year
/// the text names and the next two or, when it names none, the ten years up
/// to the file's own date. The weekdays the text names ("on Tuesday")
/// choose among them: in the right year they fall on or just before the
/// dateline's day (after it, for future ones). A year in the file's name
/// (`malabar_2020.txt`) is preferred among those that fit as well.
fn year_from_text(
    text: &str,
    timexes: &[crate::timex::Timex],
    month: u32,
    day: u32,
    file_date: Option<NaiveDate>,
    named: Option<i32>,
    out_of_office: &dyn Fn(NaiveDate) -> usize,
) -> Option<i32> {
    let mut latest: Option<(i32, u32, u32)> = None;
    // The latest year of a month or day the text dates in full ("in April
    // 2015"): reports are mostly about that year or the next.
    let mut latest_full: Option<i32> = None;
    let mut weekdays = Vec::new();
    for t in timexes {
        let dated = match t.value {
            Underspecified::Day(p) | Underspecified::Range(p, _) => p.year.map(|y| (y, p.month, p.day)),
            Underspecified::Month { year, month } => Some((year, month, 1)),
            Underspecified::Year(y) => Some((y, 1, 1)),
            Underspecified::Weekday(w) => {
                weekdays.push((w, t.direction));
                None
            }
            _ => None,
        };
        if let Some(d) = dated {
            latest = latest.max(Some(d));
            if !matches!(t.value, Underspecified::Year(_)) {
                latest_full = latest_full.max(Some(d.0));
            }
        }
    }
    // Any year the text names ("the 2023 edition", "Joint Sea-2019").
    let named_years: Vec<(usize, i32)> = years_named(text).collect();
    let latest_named = named_years.iter().map(|&(_, y)| y).filter(|y| file_date.is_none_or(|f| *y <= f.year())).max();
    if latest.is_none() {
        latest = latest_named.map(|y| (y, 1, 1));
    }
    // A year in a name ("Obangame Express 2022", "Joint Sea-2019") is most
    // likely the edition the article reports.
    let tagger = Tagger::shared();
    let edition = named_years
        .iter()
        .filter_map(|&(at, y)| Some((edition_name(text, at)?, y)))
        .filter(|(name, _)| tagger.month(name).is_none() && tagger.month(&name.to_lowercase()).is_none())
        .map(|(_, y)| y)
        .filter(|y| file_date.is_none_or(|f| *y <= f.year()))
        .max();
    // Years the text names are history or plans; the file's own date is a
    // hard upper bound. With it, the latest year that fits the weekdays
    // wins; without it, the years just after the latest one named.
    let candidates: Vec<i32> = match (latest, file_date) {
        (Some((y, m, d)), Some(f)) => {
            let first = if (m, d) > (month, day) && (m, d) != (1, 1) { y + 1 } else { y };
            if weekdays.is_empty() {
                vec![first, first - 1]
            } else {
                // Named years may be history ("since 1997") or plans ("until
                // 2028"): the weekdays decide within fifteen years of the file.
                (f.year() - 15..=f.year()).rev().collect()
            }
        }
        (Some((y, m, d)), None) => {
            let first = if (m, d) > (month, day) && (m, d) != (1, 1) { y + 1 } else { y };
            (first..=first + 2).collect()
        }
        (None, Some(f)) => (f.year() - 10..=f.year()).rev().collect(),
        (None, None) => return None,
    };
    // An article is not published after its file was last written.
    let candidates: Vec<i32> = candidates
        .into_iter()
        .filter(|&y| file_date.is_none_or(|f| NaiveDate::from_ymd_opt(y, month, day).is_some_and(|d| d <= f)))
        .collect();
    if weekdays.is_empty() {
        return named.filter(|y| candidates.contains(y)).or_else(|| candidates.first().copied());
    }
    let score = |y: i32| -> Option<u32> {
        let date = NaiveDate::from_ymd_opt(y, month, day)?;
        let from = date.weekday().num_days_from_monday();
        Some(
            weekdays
                .iter()
                .enumerate()
                .map(|(i, (w, dir))| {
                    let to = w.num_days_from_monday();
                    let distance = match dir {
                        Direction::Future => (7 + to - from) % 7,
                        _ => (7 + from - to) % 7,
                    };
                    // The lead's weekday is usually the dateline's own day or
                    // the day before: it weighs most.
                    match (i, distance) {
                        (0, 0) => 0,
                        (0, 1) => 4,
                        (0, d) => 10 * d,
                        (_, d) => d,
                    }
                })
                .sum(),
        )
    };
    let prior = |y: i32| {
        // News gives the year only of dates in other years than its own:
        // "in March 2017" was written after 2017, most likely.
        let text = match latest_full {
            Some(full) if y < full => 5,
            Some(full) if y == full => 1,
            _ => 0,
        };
        // Less than a day's mismatch of the lead weekday: these break ties.
        let name = match named {
            Some(n) if n != y => 3,
            _ => 0,
        };
        let year_named = match (edition, latest_named) {
            (Some(n), _) if n != y => 5,
            (None, Some(n)) if y < n => 2,
            _ => 0,
        };
        text + name + year_named
    };
    // The people named who did not hold their titles then weigh too.
    let office = |y: i32| NaiveDate::from_ymd_opt(y, month, day).map_or(0, |d| 8 * out_of_office(d).min(3) as u32);
    // The best weight wins; among equals, the first candidate (the latest
    // year when the file date bounds them).
    lightest(&candidates, |y| Some(score(y)? + prior(y)), office)
}

/// The candidate of least weight, the first of those that weigh as little:
/// `weight` gives its weight (`None` rules it out) but for `extra`, which
/// is never below nothing and costly (the people in office on a day). The
/// extra is weighed only for a candidate that could still win: in the
/// order of the weights without it, until one of them is no better than
/// the best so far (none after it can be).
fn lightest(candidates: &[i32], weight: impl Fn(i32) -> Option<u32>, extra: impl Fn(i32) -> u32) -> Option<i32> {
    let mut bounded: Vec<(u32, usize, i32)> =
        candidates.iter().enumerate().filter_map(|(i, &y)| Some((weight(y)?, i, y))).collect();
    bounded.sort_unstable();
    let mut best: Option<(u32, usize, i32)> = None;
    for (bound, i, y) in bounded {
        if best.is_some_and(|(least, first, _)| (bound, i) >= (least, first)) {
            break;
        }
        let total = bound + extra(y);
        if best.is_none_or(|(least, first, _)| (total, i) < (least, first)) {
            best = Some((total, i, y));
        }
    }
    best.map(|(_, _, y)| y)
}

/// A year standing alone in a file's name (`obangame_express_2022.txt`).
fn year_in_file_name(name: &str) -> Option<i32> {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = R.get_or_init(|| Regex::new(r"(?:^|[^0-9])((?:19|20)[0-9]{2})(?:[^0-9]|$)").expect("valid"));
    r.captures(name)?[1].parse().ok()
}

fn date_in_file_name(name: &str) -> Option<Published> {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = R.get_or_init(|| {
        Regex::new(r"(?:^|[^0-9])((?:19|20)[0-9]{2})-?([01][0-9])-?([0-3][0-9])(?:[^0-9]|$)").expect("valid")
    });
    let c = r.captures(name)?;
    let date = NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)?;
    (date.year() > 1900).then(|| Published { date, source: "file name".into(), certain: true, span: None })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_and_editions_are_found_as_the_regexes_find_them() {
        let year = Regex::new(r"\b(?:19|20)[0-9]{2}\b").unwrap();
        let edition = Regex::new(r"\b([A-Z][A-Za-z]+)[ -]((?:19|20)[0-9]{2})\b").unwrap();
        let texts = crate::samples::test_articles_and(&[
            "Joint Sea-2019 and Obangame Express 2022, in 1999; 20234 x2021 2021x 2021_ _2021 1899 2100",
            "Zapad-2021 ZAPAD 2021 A 2020 aB 2020 éSea 2019 Éa 2019 ½2019 2019½ 2019\u{301} Sea--2019",
            "Sea 2019",
            "2019",
            "",
            "19",
            "the 2023 edition of Malabar-2020 in May 2021 (Sea-2018)",
        ]);
        for text in &texts {
            let want: Vec<(usize, i32)> =
                year.find_iter(text).map(|m| (m.start(), m.as_str().parse().unwrap())).collect();
            assert_eq!(years_named(text).collect::<Vec<_>>(), want, "{text}");
            let want: Vec<&str> = edition.captures_iter(text).map(|c| c.get(1).unwrap().as_str()).collect();
            let got: Vec<&str> = years_named(text).filter_map(|(at, _)| edition_name(text, at)).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    /// The rules searched together give what the first rule that matches
    /// on its own gives, on every line of every test article and on its
    /// first sentence.
    #[test]
    fn the_rules_together_match_as_the_first_rule_that_matches_alone() {
        let table = resources::PUBLISHED_PATTERNS.table().unwrap();
        let alone: Vec<Regex> = table.rows.iter().map(|row| Regex::new(&rule_pattern(row.cells[1])).unwrap()).collect();
        let first_alone = |line: &str| -> Option<LineDate> {
            let (i, c) = alone.iter().enumerate().find_map(|(i, r)| Some((i, r.captures(line)?)))?;
            let month =
                c.name("month").and_then(|m| m.as_str().parse().ok().or_else(|| Tagger::shared().month(m.as_str())))?;
            let day = c.name("day")?.as_str().parse().ok()?;
            let year = c.name("year").and_then(|y| y.as_str().parse().ok());
            Some(LineDate { month, day, year, rule: table.rows[i].cells[0], len: c.get(0).unwrap().end() })
        };
        let mut lines: Vec<String> = table.examples.iter().map(|ex| ex.input.to_string()).collect();
        for text in crate::samples::test_articles() {
            lines.extend(text.lines().map(String::from));
            if let Some(s) = crate::text::layout(&text).sentences.first() {
                lines.push(text[s.start..s.end].to_string());
            }
        }
        let mut dated = 0;
        for line in &lines {
            let expected = first_alone(line);
            dated += usize::from(expected.is_some());
            assert_eq!(match_line(line), expected, "{line}");
        }
        assert!(dated >= 50, "{dated} lines dated");
    }

    /// The lightest candidate found weighing the extra only where it could
    /// still win is the one found weighing every candidate in full, on
    /// lists with ties, repeats, candidates ruled out and none at all.
    #[test]
    fn the_lightest_year_is_the_first_of_least_full_weight() {
        let mut seed: u64 = 7;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        for _ in 0..20_000 {
            let candidates: Vec<i32> = (0..next(17)).map(|_| 2010 + next(12) as i32).collect();
            let (weights, extras): (Vec<u64>, Vec<u64>) = (0..12).map(|_| (next(9), next(12))).unzip();
            let weight = |y: i32| (weights[(y - 2010) as usize] < 8).then(|| weights[(y - 2010) as usize] as u32);
            let extra = |y: i32| extras[(y - 2010) as usize] as u32;
            let full = candidates
                .iter()
                .filter_map(|&y| weight(y).map(|w| (w + extra(y), y)))
                .min_by_key(|(w, _)| *w)
                .map(|(_, y)| y);
            assert_eq!(lightest(&candidates, weight, extra), full, "{candidates:?} {weights:?} {extras:?}");
        }
    }

    #[test]
    fn every_example_in_published_tsv_holds() {
        let table = resources::PUBLISHED_PATTERNS.table().unwrap();
        assert!(table.examples.len() >= 6);
        for ex in table.examples {
            let got = match_line(ex.input)
                .and_then(|l| l.year.and_then(|y| NaiveDate::from_ymd_opt(y, l.month, l.day)))
                .map_or("none".to_string(), |d| d.to_string());
            assert_eq!(got, ex.expected, "published.tsv:{} `{}`", ex.line, ex.input);
        }
    }

    #[test]
    fn a_dateline_without_a_year_takes_it_from_a_full_date_in_the_text() {
        let text = "Ministers talk\nMOSCOW, April 18 (Reuters) - The ministers met in Moscow on Tuesday, a week after talks on April 11, 2023.\n";
        let layout = crate::text::layout(text);
        let p = find(text, &layout, None, None).unwrap();
        assert_eq!(p.date.to_string(), "2023-04-18");
        assert!(!p.certain, "an inferred year is flagged");
    }

    #[test]
    fn the_weekdays_named_choose_the_year_of_a_dateline() {
        // 16 April was a Tuesday in 2024, a Sunday in 2023.
        let text = "Chiefs talk\nWASHINGTON, April 16 (Reuters) -- The two held a video call on Tuesday, after talks in November 2022.\n";
        let p = find(text, &crate::text::layout(text), None, None).unwrap();
        assert_eq!(p.date.to_string(), "2024-04-16");
        // With no year in the text, the file's date bounds the search.
        let text =
            "Forum talks\nSINGAPORE, May 31 (Reuters) -- The ministers met on Friday, and one will speak on Sunday.\n";
        let file = NaiveDate::from_ymd_opt(2026, 11, 26);
        let p = find(text, &crate::text::layout(text), None, file).unwrap();
        assert_eq!(p.date.to_string(), "2024-05-31", "31 May 2024 was a Friday");
    }

    #[test]
    fn a_year_in_the_file_name_settles_a_dateline_the_weekdays_cannot() {
        // 24 October was a Thursday in 2019 and in 2024.
        let text = "Summit talks\nSOCHI, Oct. 24 (AP) -- The two leaders held talks on Thursday at the summit.\n";
        let layout = crate::text::layout(text);
        let file = NaiveDate::from_ymd_opt(2026, 11, 26);
        assert_eq!(find(text, &layout, Some("notes.txt"), file).unwrap().date.to_string(), "2024-10-24");
        assert_eq!(find(text, &layout, Some("sochi_summit_2019.txt"), file).unwrap().date.to_string(), "2019-10-24");
        // A year that the weekdays rule out does not win.
        assert_eq!(find(text, &layout, Some("sochi_2020.txt"), file).unwrap().date.to_string(), "2024-10-24");
    }

    #[test]
    fn a_date_in_the_file_name_is_the_last_resort() {
        let text = "Headline\nThe ministers met in the capital and talked for hours about things.\n";
        let layout = crate::text::layout(text);
        assert_eq!(
            find(text, &layout, Some("2024-06-02-shangri-la.txt"), None).unwrap().date.to_string(),
            "2024-06-02"
        );
        assert_eq!(find(text, &layout, Some("notes.txt"), None), None, "never today's date");
    }
}
