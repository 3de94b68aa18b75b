use std::collections::BTreeMap;
use std::sync::Mutex;
use std::sync::atomic::AtomicBool;

use chrono::NaiveDate;
use detente::import::{Settings, import_paths};
use detente::model::{EventType, Status};
use detente::store::{BinGroup, Filter, Store};

use crate::fixtures;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// The fixture articles and the corpus, imported into a database file.
fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Mutex::new(Store::open(&dir.path().join("t.db")).unwrap());
    let corpus = fixtures::dir().parent().unwrap().join("corpus");
    import_paths(&store, &[fixtures::dir(), corpus], &Settings::default(), |_| {}, &AtomicBool::new(false)).unwrap();
    (dir, store.into_inner().unwrap())
}

/// Runs a check on the store answering from SQL, then from its index.
fn both_ways(store: &Store, check: fn(&Store)) {
    assert!(!store.index_ready());
    check(store);
    store.load_index().unwrap();
    assert!(store.index_ready());
    check(store);
}

/// The filters the timeline offers, alone and together.
fn filters() -> Vec<Filter> {
    let f = Filter::default;
    vec![
        f(),
        Filter { types: vec![EventType::Visit, EventType::Meeting], ..f() },
        Filter { countries: vec!["CHN".into()], ..f() },
        Filter { countries: vec!["USA".into(), "RUS".into()], ..f() },
        Filter { countries: vec!["USA".into()], types: vec![EventType::Exercise], ..f() },
        Filter { actors: vec!["Sergey Shoygu".into()], ..f() },
        Filter { status: Some(Status::Planned), ..f() },
        Filter { status: Some(Status::Occurred), types: vec![EventType::Summit], ..f() },
        Filter { min_confidence: Some(0.8), ..f() },
        Filter { text: Some("navy".into()), ..f() },
        Filter { from: Some(day("2018-01-01")), to: Some(day("2022-12-31")), ..f() },
    ]
}

#[test]
fn a_window_holds_the_events_of_the_filter_that_overlap_it() {
    let (_dir, store) = store();
    both_ways(&store, window_and_span_match_the_event_list);
}

fn window_and_span_match_the_event_list(store: &Store) {
    let (from, to) = (day("2019-03-01"), day("2023-06-30"));
    for filter in filters() {
        let all = store.events(&filter).unwrap();
        let expected: Vec<i64> =
            all.iter().filter(|e| e.event.date.end() >= from && e.event.date.start() <= to).map(|e| e.id).collect();
        let window = store.window(&filter, from, to, 100_000).unwrap();
        let mut got: Vec<i64> = window.events.iter().map(|e| e.id).collect();
        got.sort();
        let mut want = expected.clone();
        want.sort();
        assert_eq!(got, want, "{filter:?}");
        assert!(!window.more);
        // A row shows what the event's detail shows.
        for row in &window.events {
            let e = all.iter().find(|e| e.id == row.id).unwrap();
            assert_eq!(row.countries, e.event.countries, "{filter:?}");
            assert_eq!(row.actors, e.event.actors.iter().map(|a| a.name.clone()).collect::<Vec<_>>());
            assert_eq!(row.date, e.event.date);
            assert_eq!(row.title, e.sources[0].title);
        }
    }
    // "Fit all": from the first day of the filter's events to the last.
    for filter in filters() {
        let all = store.events(&filter).unwrap();
        let first = all.iter().map(|e| e.event.date.start()).min();
        let last = all.iter().map(|e| e.event.date.end()).max();
        assert_eq!(store.span(&filter).unwrap(), first.zip(last), "{filter:?}");
    }
    let filter = Filter::default();
    let whole = store.window(&filter, day("1990-01-01"), day("2030-01-01"), 100_000).unwrap();
    assert!(whole.events.len() > 150, "{}", whole.events.len());
    let first = store.window(&filter, day("1990-01-01"), day("2030-01-01"), 10).unwrap();
    assert!(first.more);
    assert_eq!(first.events, whole.events[..10]);
    assert!(whole.events.windows(2).all(|w| w[0].date.start() <= w[1].date.start()));
}

#[test]
fn bins_count_each_event_once_on_its_first_day_whichever_way_they_are_read() {
    let (_dir, store) = store();
    both_ways(&store, bins_match_the_event_list);
    totals_follow_a_reread_article(store);
}

fn bins_match_the_event_list(store: &Store) {
    let (from, to) = (day("2000-01-01"), day("2026-12-31"));
    // Bins of whole weeks over whole weeks (1999-12-30 is a week's first
    // day) are read from the weekly totals; others from the daily ones.
    let weeks = (day("1999-12-30"), day("1999-12-30") + chrono::Duration::days(7 * 52 * 28 - 1));
    let ranges = [(from, to, [1, 30, 365]), (weeks.0, weeks.1, [7, 28, 364])];
    let mut compared = 0;
    for filter in filters() {
        for &(from, to, widths) in &ranges {
            for width in widths {
                for group in [BinGroup::None, BinGroup::Type, BinGroup::Country, BinGroup::Actor] {
                    let bins = store.bins(&filter, from, to, width, group).unwrap();
                    let mut want: BTreeMap<(NaiveDate, String), i64> = BTreeMap::new();
                    for e in store.events(&filter).unwrap() {
                        let start = e.event.date.start();
                        let lo = filter.from.map_or(from, |f| f.max(from));
                        let hi = filter.to.map_or(to, |t| t.min(to));
                        if start < lo || start > hi {
                            continue;
                        }
                        let bin = lo + chrono::Duration::days((start - lo).num_days() / width as i64 * width as i64);
                        let lanes: Vec<String> = match group {
                            BinGroup::None => vec![String::new()],
                            BinGroup::Type => vec![e.event.kind.code().to_string()],
                            BinGroup::Country => e.event.countries.clone(),
                            BinGroup::Actor => e.event.actors.iter().map(|a| a.name.clone()).collect(),
                        };
                        // Events without a country (or actor) have a lane of their own.
                        let lanes = if lanes.is_empty() { vec![String::new()] } else { lanes };
                        for lane in lanes {
                            *want.entry((bin, lane)).or_default() += 1;
                        }
                    }
                    let got: BTreeMap<(NaiveDate, String), i64> =
                        bins.iter().map(|b| ((b.start, b.lane.clone()), b.count)).collect();
                    assert_eq!(got, want, "{filter:?} width {width} {group:?}");
                    compared += got.len();
                }
            }
        }
    }
    assert!(compared > 1000, "{compared}");
}

/// An article read again (its publication date set by the analyst) has its
/// old events taken off the per-day totals and its new ones added.
fn totals_follow_a_reread_article(mut store: Store) {
    let (from, to) = (day("1999-12-30"), day("1999-12-30") + chrono::Duration::days(7 * 52 * 28 - 1));
    let totals = |s: &Store| {
        let mut got = Vec::new();
        let mut want = Vec::new();
        for f in [Filter::default(), Filter { countries: vec!["USA".into()], ..Filter::default() }] {
            for width in [1, 7] {
                got.push(s.bins(&f, from, to, width, BinGroup::None).unwrap().iter().map(|b| b.count).sum::<i64>());
            }
            let n = s.events(&f).unwrap().iter().filter(|e| (from..=to).contains(&e.event.date.start())).count();
            want.extend([n as i64, n as i64]);
        }
        assert_eq!(got, want);
        got
    };
    let before = totals(&store);
    // An article read again with another publication date: its events are
    // deleted and written again, and every total follows.
    let usa = store.events(&Filter { countries: vec!["USA".into()], ..Filter::default() }).unwrap();
    let moved = usa.iter().find(|e| e.event.date_inferred && (from..=to).contains(&e.event.date.start())).unwrap();
    detente::import::set_published(&mut store, moved.sources[0].article_id.unwrap(), day("1960-01-01")).unwrap();
    let after = totals(&store);
    assert!(after[2] < before[2], "the USA's total falls: {before:?} {after:?}");
}

#[test]
fn a_database_from_before_the_timeline_gets_its_days_copies_and_totals() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        detente::store::migrations().to_version(&mut conn, 3).unwrap();
        conn.execute_batch(
            "INSERT INTO article (id, content_hash, path, title, published, published_source, text, diagnostics, imported_at)
                 VALUES (7, 'h', '/a.txt', 'Ministers meet', '2021-05-04', 'dateline', 'Text.', '[]', '2024-01-01');
             INSERT INTO event (id, type, date, date_start, date_end, precision, date_inferred, status, location, confidence)
                 VALUES (3, 'exercise', '2021-05-01/2021-05-10', '2021-05-01', '2021-05-10', 'range', 0, 'occurred', 'Baltic Sea', 0.9);
             INSERT INTO event_country (event_id, code) VALUES (3, 'RUS'), (3, 'CHN');
             INSERT INTO actor (id, name, country) VALUES (1, 'Li Shangfu', 'CHN'), (2, 'Ivan Petrov', 'RUS');
             INSERT INTO event_actor (event_id, actor_id, position, country, role) VALUES (3, 2, 0, 'RUS', ''), (3, 1, 1, 'CHN', '');
             INSERT INTO evidence (event_id, article_id, start, end, text) VALUES (3, 7, 0, 5, 'Text.');",
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    let window = store.window(&Filter::default(), day("2021-05-08"), day("2021-05-09"), 10).unwrap();
    assert_eq!(window.events.len(), 1, "a ten-day exercise overlaps a window in its second week");
    let row = &window.events[0];
    assert_eq!(row.countries, ["CHN", "RUS"]);
    assert_eq!(row.actors, ["Ivan Petrov", "Li Shangfu"]);
    assert_eq!(row.title, "Ministers meet");
    let china = Filter { countries: vec!["CHN".into()], ..Filter::default() };
    for filter in [Filter::default(), china] {
        let bins = store.bins(&filter, day("2021-01-01"), day("2021-12-31"), 7, BinGroup::Type).unwrap();
        assert_eq!(bins.len(), 1, "{filter:?}");
        assert_eq!((bins[0].start, bins[0].lane.as_str(), bins[0].count), (day("2021-04-30"), "exercise", 1));
    }
}

#[test]
fn facet_counts_are_those_of_the_events_whichever_way_they_are_read() {
    let (_dir, store) = store();
    both_ways(&store, facets_match_the_event_list);
}

fn facets_match_the_event_list(store: &Store) {
    let counts = |f: &Filter, key: &dyn Fn(&detente::store::StoredEvent) -> Vec<String>| {
        let mut m: BTreeMap<String, i64> = BTreeMap::new();
        for e in store.events(f).unwrap() {
            for k in key(&e) {
                *m.entry(k).or_default() += 1;
            }
        }
        m
    };
    let got = |v: &[detente::store::FacetCount]| -> BTreeMap<String, i64> {
        v.iter().map(|c| (c.value.clone(), c.count)).collect()
    };
    let mut compared = 0;
    for filter in filters() {
        let facets = store.facets(&filter).unwrap();
        let countries = counts(&Filter { countries: vec![], ..filter.clone() }, &|e| e.event.countries.clone());
        let actors = counts(&Filter { actors: vec![], ..filter.clone() }, &|e| {
            e.event.actors.iter().map(|a| a.name.clone()).collect()
        });
        let types = counts(&Filter { types: vec![], ..filter.clone() }, &|e| vec![e.event.kind.code().to_string()]);
        assert_eq!(got(&facets.countries), countries, "countries, {filter:?}");
        assert_eq!(got(&facets.actors), actors, "actors, {filter:?}");
        assert_eq!(got(&facets.types), types, "types, {filter:?}");
        compared += countries.len() + actors.len();
    }
    assert!(compared > 500, "{compared}");
}

#[test]
fn the_table_lists_the_events_of_the_range_in_the_order_asked_a_page_at_a_time() {
    use detente::store::RowOrder;
    let (_dir, store) = store();
    let range = (day("2015-01-01"), day("2025-12-31"));
    for indexed in [false, true] {
        if indexed {
            store.load_index().unwrap();
        }
        for filter in filters() {
            let all = store.events(&filter).unwrap();
            let inside: Vec<_> =
                all.iter().filter(|e| e.event.date.end() >= range.0 && e.event.date.start() <= range.1).collect();
            for order in [RowOrder::Date, RowOrder::Type, RowOrder::Country] {
                for desc in [false, true] {
                    let (first, total) = store.rows(&filter, range, (order, desc), 0, 7).unwrap();
                    let (rest, _) = store.rows(&filter, range, (order, desc), 7, 100_000).unwrap();
                    assert_eq!(total, inside.len(), "{filter:?}");
                    assert!(first.len() == total.min(7));
                    let rows: Vec<_> = first.into_iter().chain(rest).collect();
                    let mut ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
                    ids.sort();
                    let mut want: Vec<i64> = inside.iter().map(|e| e.id).collect();
                    want.sort();
                    assert_eq!(ids, want, "{filter:?} {order:?}");
                    // Each row is in order after the one before it.
                    let key = |r: &detente::store::EventRow| match order {
                        RowOrder::Date => (String::new(), false, r.date.start()),
                        RowOrder::Type => (r.kind.code().to_string(), false, r.date.start()),
                        RowOrder::Country => {
                            (r.countries.first().cloned().unwrap_or_default(), r.countries.is_empty(), r.date.start())
                        }
                    };
                    for w in rows.windows(2) {
                        let (a, b) = (key(&w[0]), key(&w[1]));
                        let ok = match order {
                            // Events without a country come last either way.
                            RowOrder::Country if a.1 != b.1 => !a.1,
                            RowOrder::Country if a.1 => true,
                            _ if desc => (&a.0, a.2) >= (&b.0, b.2),
                            _ => (&a.0, a.2) <= (&b.0, b.2),
                        };
                        assert!(ok, "{order:?} desc {desc}: {a:?} then {b:?}");
                    }
                }
            }
        }
    }
}

#[test]
fn the_index_is_dropped_when_the_database_changes_and_loaded_again_when_kept_warm() {
    let (_dir, mut store) = store();
    let filter = Filter { countries: vec!["USA".into()], ..Filter::default() };
    store.keep_index_warm().unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while !store.index_ready() {
        assert!(std::time::Instant::now() < deadline, "the index never loaded");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let before = store.facets(&filter).unwrap();
    // The analyst sets an article's date: its events move, and what the
    // store answers follows at once (from SQL until the index is read again).
    let usa = store.events(&filter).unwrap();
    let moved = usa.iter().find(|e| e.event.date_inferred).unwrap();
    detente::import::set_published(&mut store, moved.sources[0].article_id.unwrap(), day("1960-01-01")).unwrap();
    assert!(!store.index_ready());
    let span = store.span(&filter).unwrap().unwrap();
    assert!(span.0 <= day("1960-01-01"), "{span:?}");
    let sql = store.facets(&filter).unwrap();
    while !store.index_ready() {
        assert!(std::time::Instant::now() < deadline, "the index was not loaded again");
        std::thread::sleep(std::time::Duration::from_millis(20));
        store.span(&filter).unwrap();
    }
    assert_eq!(store.facets(&filter).unwrap(), sql);
    assert_eq!(store.span(&filter).unwrap(), Some(span));
    assert_ne!(before, sql, "the moved events left the facet counts as they were");
}

#[test]
fn saved_views_are_kept_by_name_in_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v.db");
    {
        let store = Store::open(&path).unwrap();
        store.save_view("Black Sea 2023", r#"{"filter":{"countries":["UKR"]}}"#).unwrap();
        store.save_view("Quad", "{}").unwrap();
        store.save_view("Black Sea 2023", r#"{"filter":{"countries":["UKR","TUR"]}}"#).unwrap();
    }
    let store = Store::open(&path).unwrap();
    let views = store.views().unwrap();
    assert_eq!(views.iter().map(|v| v.name.as_str()).collect::<Vec<_>>(), ["Black Sea 2023", "Quad"]);
    assert_eq!(views[0].state, r#"{"filter":{"countries":["UKR","TUR"]}}"#);
    assert!(views[0].saved.ends_with('Z'), "{}", views[0].saved);
    assert!(store.delete_view("Quad").unwrap());
    assert!(!store.delete_view("Quad").unwrap());
    assert_eq!(store.views().unwrap().len(), 1);
}
