//! Scoring extraction against a corpus of articles with expected events
//! (`NAME.txt` beside `NAME.expected.json`, the fields of spec/events.md).
//!
//! An extracted event matches an expected one of the same type whose date
//! overlaps it (one to one, equal dates first). Precision and recall count
//! occurred events only: planned ones are recorded but, as the spec says,
//! not counted against recall. An event is fully right when it matches and
//! its date, status, countries and every actor's name agree.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::extract::{Options, extract};
use crate::model::{DateValue, Event, EventType, Status};
use crate::text;

#[derive(Debug, Deserialize)]
struct ExpectedActor {
    name: String,
}

#[derive(Debug, Deserialize)]
struct Expected {
    #[serde(rename = "type")]
    kind: String,
    date: String,
    #[serde(default = "occurred")]
    status: String,
    countries: Vec<String>,
    actors: Vec<ExpectedActor>,
}

fn occurred() -> String {
    "occurred".into()
}

/// Counts for one event type (or all).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub expected: usize,
    pub extracted: usize,
    pub matched: usize,
    pub fully_right: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.extracted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.expected)
    }
    pub fn f1(&self) -> f64 {
        ratio(2 * self.matched, self.expected + self.extracted)
    }
    /// Share of expected events extracted fully right.
    pub fn fully_right_rate(&self) -> f64 {
        ratio(self.fully_right, self.expected)
    }
    fn add(&mut self, o: Counts) {
        self.expected += o.expected;
        self.extracted += o.extracted;
        self.matched += o.matched;
        self.fully_right += o.fully_right;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// The score of a corpus.
#[derive(Debug, Default)]
pub struct Report {
    pub articles: usize,
    pub by_type: BTreeMap<&'static str, Counts>,
    pub overall: Counts,
    /// Articles with a difference, and what differed.
    pub differences: Vec<(PathBuf, String)>,
}

/// An error reading the corpus itself (not an extraction miss).
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{0}: {1}")]
    Read(PathBuf, String),
}

/// Scores every article of a folder. `file_date` stands for the files'
/// modification day (which bounds a dateline's year); `None` reads each
/// file's own, as an import does. Tests pin it, so results do not change
/// with the day the repository was checked out.
pub fn score_dir(dir: &Path, file_date: Option<chrono::NaiveDate>) -> Result<Report, EvalError> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| EvalError::Read(dir.to_path_buf(), e.to_string()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    let mut report = Report::default();
    for article in names {
        let expected_path = article.with_extension("expected.json");
        let json = std::fs::read_to_string(&expected_path)
            .map_err(|e| EvalError::Read(expected_path.clone(), e.to_string()))?;
        let expected: Vec<Expected> =
            serde_json::from_str(&json).map_err(|e| EvalError::Read(expected_path.clone(), e.to_string()))?;
        let text = text::read_file(&article).map_err(|e| EvalError::Read(article.clone(), e.to_string()))?;
        let name = article.file_name().map(|n| n.to_string_lossy().into_owned());
        // As an import reads it: the file's date bounds a dateline's year.
        let file_date = file_date.or_else(|| text::modified_day(&article));
        let x = extract(&text, &Options { file_name: name, file_date, ..Options::default() });
        report.articles += 1;
        score_article(&article, &expected, &x.events, &mut report);
    }
    for c in report.by_type.values() {
        report.overall.add(*c);
    }
    Ok(report)
}

fn score_article(path: &Path, expected: &[Expected], got: &[Event], report: &mut Report) {
    let expected: Vec<&Expected> = expected.iter().filter(|e| e.status != "planned").collect();
    let got: Vec<&Event> = got.iter().filter(|e| e.status == Status::Occurred).collect();
    for t in EventType::ALL {
        let c = report.by_type.entry(t.code()).or_default();
        c.expected += expected.iter().filter(|e| e.kind == t.code()).count();
        c.extracted += got.iter().filter(|e| e.kind == t).count();
    }
    let mut pair: Vec<Option<usize>> = vec![None; expected.len()];
    let mut used = vec![false; got.len()];
    // Equal dates pair first, then overlapping ones.
    for exact in [true, false] {
        for (ei, e) in expected.iter().enumerate() {
            if pair[ei].is_some() {
                continue;
            }
            let want = DateValue::parse(&e.date);
            let found = (0..got.len()).find(|&i| {
                let g = got[i];
                !used[i]
                    && g.kind.code() == e.kind
                    && if exact { g.date.to_string() == e.date } else { want.is_some_and(|w| g.date.overlaps(&w)) }
            });
            if let Some(i) = found {
                used[i] = true;
                pair[ei] = Some(i);
            }
        }
    }
    let mut lines = Vec::new();
    for (e, p) in expected.iter().zip(&pair) {
        let Some(i) = *p else {
            lines.push(format!("missed {} {} {:?}", e.kind, e.date, e.countries));
            continue;
        };
        let g = got[i];
        let c = report.by_type.get_mut(e.kind.as_str()).expect("counted above");
        c.matched += 1;
        let mut wrong = Vec::new();
        if g.date.to_string() != e.date {
            wrong.push(format!("date {} not {}", g.date, e.date));
        }
        if g.countries != e.countries {
            wrong.push(format!("countries {:?} not {:?}", g.countries, e.countries));
        }
        let mut a: Vec<&str> = g.actors.iter().map(|a| a.name.as_str()).collect();
        // An annotator's spelling of a listed person is that person.
        let mut b: Vec<&str> = e.actors.iter().map(|a| canonical(&a.name)).collect();
        a.sort_unstable();
        b.sort_unstable();
        if a != b {
            wrong.push(format!("actors {a:?} not {b:?}"));
        }
        if wrong.is_empty() {
            c.fully_right += 1;
        } else {
            lines.push(format!("{} {}: {}", e.kind, e.date, wrong.join("; ")));
        }
    }
    for (i, g) in got.iter().enumerate() {
        if !used[i] {
            lines.push(format!("extra {} {} {:?}", g.kind, g.date, g.countries));
        }
    }
    if !lines.is_empty() {
        report.differences.push((path.to_path_buf(), lines.join("\n  ")));
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<10} {:>8} {:>9} {:>7} {:>6} {:>6} {:>6} {:>11}",
            "type", "expected", "extracted", "matched", "P", "R", "F1", "fully right"
        )?;
        let row = |f: &mut fmt::Formatter<'_>, name: &str, c: &Counts| {
            writeln!(
                f,
                "{name:<10} {:>8} {:>9} {:>7} {:>6.3} {:>6.3} {:>6.3} {:>6} {:>4.0}%",
                c.expected,
                c.extracted,
                c.matched,
                c.precision(),
                c.recall(),
                c.f1(),
                c.fully_right,
                100.0 * c.fully_right_rate()
            )
        };
        for (t, c) in &self.by_type {
            row(f, t, c)?;
        }
        row(f, "overall", &self.overall)?;
        write!(f, "{} articles", self.articles)
    }
}

/// The canonical name of a person `people.tsv` lists under any spelling
/// ("Stergomena Lawrence Tax" → "Stergomena Tax"); other names unchanged.
fn canonical(name: &str) -> &str {
    let g = crate::gazetteer::Gazetteer::shared();
    match g.find(name).as_slice() {
        [m] if m.start == 0 && m.end == name.len() => match m.entity {
            crate::gazetteer::Entity::Person(i) => g.people[i].name,
            _ => name,
        },
        _ => name,
    }
}
