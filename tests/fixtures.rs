use std::path::{Path, PathBuf};

use detente::extract::{Options, extract};
use serde_json::{Value, json};

pub fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The day the fixtures were written, standing for their files' date: the
/// results must not depend on the day of the checkout.
fn written() -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 26)
}

/// Every fixture article, by name.
pub fn articles() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir())
        .unwrap()
        .filter_map(|e| {
            let p = e.unwrap().path();
            (p.extension()? == "txt").then(|| p.file_stem().unwrap().to_string_lossy().into_owned())
        })
        .collect();
    names.sort();
    names
}

/// The fields the corpus records, in a form that compares regardless of order.
fn normalise(events: &[Value]) -> Vec<String> {
    let mut out: Vec<String> = events
        .iter()
        .map(|e| {
            json!({
                "type": e["type"], "date": e["date"], "status": e["status"],
                "countries": e["countries"], "actors": e["actors"], "location": e["location"],
            })
            .to_string()
        })
        .collect();
    out.sort();
    out
}

#[test]
fn every_fixture_article_gives_exactly_its_expected_events() {
    let names = articles();
    assert!(names.len() >= 8, "the corpus has its articles");
    let mut failures = Vec::new();
    for name in &names {
        let text = detente::text::read_file(&dir().join(format!("{name}.txt"))).unwrap();
        let expected: Vec<Value> =
            serde_json::from_str(&std::fs::read_to_string(dir().join(format!("{name}.expected.json"))).unwrap())
                .unwrap();
        let options = Options { file_name: Some(format!("{name}.txt")), file_date: written(), ..Options::default() };
        let x = extract(&text, &options);
        let got: Vec<Value> = x.events.iter().map(|e| serde_json::to_value(e).unwrap()).collect();
        let (want, have) = (normalise(&expected), normalise(&got));
        if want != have {
            let missing: Vec<&String> = want.iter().filter(|w| !have.contains(w)).collect();
            let extra: Vec<&String> = have.iter().filter(|h| !want.contains(h)).collect();
            failures.push(format!("{name}:\n  missing {missing:#?}\n  extra {extra:#?}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} fixtures differ:\n{}", failures.len(), names.len(), failures.join("\n"));
}

#[test]
fn fixtures_read_the_same_without_the_file_date_as_the_bundled_samples_do() {
    for (name, text) in detente::samples::ARTICLES {
        let with_date = {
            let options = Options { file_name: Some(name.to_string()), file_date: written(), ..Options::default() };
            extract(text, &options).events
        };
        let without =
            extract(text, &Options { file_name: Some(name.to_string()), file_date: None, ..Options::default() }).events;
        assert_eq!(without, with_date, "{name}: the sample's events do not depend on the file's date");
    }
}

#[test]
fn the_seed_fixture_gives_the_spec_worked_example() {
    let text = std::fs::read_to_string(dir().join("seed_li_shoigu_moscow.txt")).unwrap();
    let x = extract(&text, &Options::default());
    assert_eq!(x.published.as_ref().map(|p| p.date.to_string()).as_deref(), Some("2023-04-19"));
    let kinds: Vec<&str> = x.events.iter().map(|e| e.kind.code()).collect();
    assert_eq!(kinds.len(), 3, "exactly three events: {kinds:?}");
    let meeting = x.events.iter().find(|e| e.kind.code() == "meeting").unwrap();
    assert_eq!(meeting.date.to_string(), "2023-04-18", "\"on Tuesday\" before a Wednesday article");
    assert!(!meeting.date_inferred);
    assert!(meeting.evidence.len() >= 2, "the meeting is mentioned several times and keeps each mention");
}

#[test]
fn evidence_offsets_are_code_points_into_the_article_text() {
    for name in articles() {
        let text = detente::text::read_file(&dir().join(format!("{name}.txt"))).unwrap();
        let chars: Vec<char> = text.chars().collect();
        for e in extract(&text, &Options::default()).events {
            for ev in &e.evidence {
                let slice: String = chars[ev.start..ev.end].iter().collect();
                assert_eq!(slice, ev.text, "{name}: evidence offsets point at its text");
            }
        }
    }
}

/// Inputs the fuzzers once crashed on (`tests/regressions/`): each must now
/// be read without a panic.
#[test]
fn fuzz_crashes_stay_fixed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let _ = extract(&text, &Options::default());
        n += 1;
    }
    assert!(n >= 1, "the regression inputs are there");
}

#[test]
fn articles_read_together_give_what_each_gives_alone() {
    // The fixtures and the corpus, as one batch: whole-text stages run
    // over all of them before any article's events are read.
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut texts: Vec<String> = Vec::new();
    for d in [dir(), corpus] {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(d).unwrap().map(|e| e.unwrap().path()).collect();
        paths.sort();
        texts.extend(
            paths
                .iter()
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .map(|p| std::fs::read_to_string(p).unwrap()),
        );
    }
    let options = Options { file_date: written(), ..Options::default() };
    let batch: Vec<(&str, &Options)> = texts.iter().map(|t| (t.as_str(), &options)).collect();
    let together = detente::extract::extract_many(&batch);
    assert_eq!(together.len(), texts.len());
    for (text, x) in texts.iter().zip(&together) {
        let alone = extract(text, &options);
        assert_eq!(format!("{:?}", x), format!("{:?}", alone), "{}", &text[..text.len().min(80)]);
    }
    assert!(together.iter().map(|x| x.events.len()).sum::<usize>() > 100);
}
