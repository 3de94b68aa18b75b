use std::path::Path;

use detente::extract::{Options, extract};
use detente::merge::{compare, disagreements, group};
use detente::model::{Event, EventType};

/// The meetings the engine reads in an article file of `tests/reports`.
fn meetings(name: &str) -> Vec<Event> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/reports").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    extract(&text, &Options::default()).events.into_iter().filter(|e| e.kind == EventType::Meeting).collect()
}

#[test]
fn one_meeting_told_by_three_differently_worded_articles_is_one_event() {
    let reports: Vec<Event> = ["manila_talks_wire.txt", "manila_talks_daily.txt", "manila_talks_weekly.txt"]
        .into_iter()
        .map(|name| {
            let mut found = meetings(name);
            assert_eq!(found.len(), 1, "{name}: {found:?}");
            found.remove(0)
        })
        .collect();
    for (i, a) in reports.iter().enumerate() {
        for b in &reports[i + 1..] {
            let v = compare(a, b);
            assert!(v.same, "{v:?}");
            assert!(v.reasons.iter().any(|r| r.starts_with("both name")), "{v:?}");
        }
    }
    assert_eq!(group(&reports), [vec![0, 1, 2]]);
    let all: Vec<&Event> = reports.iter().collect();
    assert_eq!(disagreements(&all), [], "all three give 30 July; the place named is only the wire's");
}
