use std::path::PathBuf;

use std::sync::Mutex;
use std::sync::atomic::AtomicBool;

use detente::import::{Settings, Summary, import_paths};
use detente::model::EventType;
use detente::store::{Filter, Store};

use crate::fixtures;

/// Imports with the default settings, as the CLI and the app do.
fn run(store: &Mutex<Store>, paths: &[PathBuf]) -> Summary {
    import_paths(store, paths, &Settings::default(), |_| {}, &AtomicBool::new(false)).unwrap()
}

#[test]
fn a_folder_imports_recursively_and_a_broken_file_fails_alone() {
    let dir = tempfile::tempdir().unwrap();
    let nested = dir.path().join("a/b");
    std::fs::create_dir_all(&nested).unwrap();
    std::fs::copy(fixtures::dir().join("seed_li_shoigu_moscow.txt"), nested.join("seed.txt")).unwrap();
    std::fs::copy(fixtures::dir().join("havana_naval_port_calls.txt"), dir.path().join("havana.txt")).unwrap();
    std::fs::write(dir.path().join("empty.txt"), b"").unwrap();
    std::fs::write(
        dir.path().join("latin1.txt"),
        b"Caf\xe9 diplomacy\nThe ministers met in Paris on Tuesday for talks.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("image.png"), b"\x89PNG\r\n").unwrap();
    std::fs::write(dir.path().join(".hidden.txt"), b"not imported").unwrap();

    let db = tempfile::tempdir().unwrap();
    let store = Mutex::new(Store::open(&db.path().join("nested/detente.db")).unwrap());
    let summary = run(&store, &[dir.path().to_path_buf()]);
    // The Latin-1 file is decoded, not refused.
    assert_eq!(summary.imported.len(), 3, "{summary:?}");
    let reasons: Vec<(String, &str)> = summary
        .failed
        .iter()
        .map(|(p, r)| (p.file_name().unwrap().to_string_lossy().into_owned(), r.as_str()))
        .collect();
    assert!(reasons.contains(&("empty.txt".into(), "file is 0 bytes")), "{reasons:?}");
    assert!(reasons.iter().any(|(f, r)| f == "image.png" && r.contains("unsupported file type (.png)")), "{reasons:?}");
    assert_eq!(reasons.len(), 2, "hidden files are skipped, not failed");
    let store = store.lock().unwrap();
    assert_eq!(store.counts().unwrap().0, 3);
    let latin1 = (1..=3).filter_map(|id| store.article(id).unwrap()).find(|a| a.file.ends_with("latin1.txt")).unwrap();
    assert_eq!(latin1.title, "Café diplomacy");
}

#[test]
fn the_same_text_under_another_name_is_already_present() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("copy of a.txt");
    std::fs::copy(fixtures::dir().join("seed_li_shoigu_moscow.txt"), &a).unwrap();
    std::fs::copy(&a, &b).unwrap();
    let store = Mutex::new(Store::open_in_memory().unwrap());
    let s = run(&store, &[a.clone(), b.clone()]);
    // Read at the same time, whichever is stored first is the article.
    assert_eq!(s.imported.len(), 1);
    assert_eq!(s.already_present.len(), 1);
    let mut both = vec![s.imported[0].0.clone(), s.already_present[0].clone()];
    both.sort();
    assert_eq!(both, vec![a, b]);
    assert_eq!(store.lock().unwrap().counts().unwrap().1, 3);
}

#[test]
fn setting_a_missing_publication_date_resolves_the_articles_events() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("undated.txt");
    std::fs::write(
        &path,
        "Ministers meet\nRussian Defense Minister Sergei Shoigu met Chinese Minister of National Defense Li Shangfu on Tuesday.\n",
    )
    .unwrap();
    let store = Mutex::new(Store::open_in_memory().unwrap());
    run(&store, &[path]);
    let (undated, total) = store.lock().unwrap().articles_without_date(100).unwrap();
    assert_eq!((undated.len(), total), (1, 1), "the article is listed as needing a date");
    assert_eq!(store.lock().unwrap().counts().unwrap().1, 0, "\"on Tuesday\" cannot be dated yet");

    let n = detente::import::set_published(&mut store.lock().unwrap(), undated[0].id, "2023-04-19".parse().unwrap())
        .unwrap();
    assert_eq!(n.map(|r| r.read), Some(1));
    let events = store.lock().unwrap().events(&Filter::default()).unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].event.date.to_string(), "2023-04-18");
    assert_eq!(events[0].sources[0].published.as_deref(), Some("2023-04-19"));
    assert_eq!(store.lock().unwrap().articles_without_date(100).unwrap(), (Vec::new(), 0));

    // Setting it again replaces the events rather than adding to them.
    detente::import::set_published(&mut store.lock().unwrap(), undated[0].id, "2023-04-26".parse().unwrap()).unwrap();
    let events = store.lock().unwrap().events(&Filter::default()).unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].event.date.to_string(), "2023-04-25");
}

#[test]
fn a_missing_file_is_reported_and_the_rest_imported() {
    let store = Mutex::new(Store::open_in_memory().unwrap());
    let s =
        run(&store, &[PathBuf::from("/nonexistent/article.txt"), fixtures::dir().join("seed_li_shoigu_moscow.txt")]);
    assert_eq!(s.imported.len(), 1);
    assert_eq!(s.failed.len(), 1);
    assert!(s.failed[0].1.starts_with("cannot read the file"), "{:?}", s.failed);
}

#[test]
fn facet_counts_ignore_their_own_selection_but_follow_the_others() {
    let store = Mutex::new(Store::open_in_memory().unwrap());
    run(
        &store,
        &[fixtures::dir().join("seed_li_shoigu_moscow.txt"), fixtures::dir().join("havana_naval_port_calls.txt")],
    );
    let f = Filter { countries: vec!["CAN".into()], ..Filter::default() };
    let facets = store.lock().unwrap().facets(&f).unwrap();
    let count = |code: &str| facets.countries.iter().find(|c| c.value == code).map(|c| c.count);
    assert_eq!(count("RUS"), Some(4), "other countries stay selectable with their full counts");
    assert_eq!(facets.types.iter().map(|t| t.count).sum::<i64>(), 1, "types count within the selection");
    let shoigu = facets.actors.iter().find(|a| a.value == "Sergei Shoigu");
    assert!(shoigu.is_none(), "actors count within the country selection");
}

#[test]
fn a_saved_web_page_imports_with_its_metadata_date_and_without_its_furniture() {
    let page = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/formats/shangri_la_austin_dong.html");
    let db = tempfile::tempdir().unwrap();
    let store = Mutex::new(Store::open(&db.path().join("detente.db")).unwrap());
    let summary = run(&store, &[page]);
    assert_eq!(summary.imported.len(), 1, "{summary:?}");

    let events = store.lock().unwrap().events(&Filter::default()).unwrap();
    let meeting = events.iter().find(|e| e.event.kind == EventType::Meeting).expect("the meeting is found");
    // "on Friday", read against the page's article:published_time.
    assert_eq!(meeting.event.date.to_string(), "2024-05-31");
    let article = store.lock().unwrap().article(meeting.sources[0].article_id.unwrap()).unwrap().expect("stored");
    assert_eq!(article.title, "Austin and Dong hold first face-to-face talks in Singapore");
    assert_eq!(article.published.as_deref(), Some("2024-05-31"));
    assert_eq!(article.published_source, "article:published_time");
    assert!(article.text.contains("on the sidelines of the Shangri-La Dialogue in Singapore"));
    for furniture in ["Subscribe", "Most read", "Privacy", "alert", "tracker", "javascript"] {
        assert!(!article.text.contains(furniture), "{furniture} kept in the article text");
    }
}

#[test]
fn a_cancelled_import_keeps_what_it_stored_and_a_second_run_completes_it() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..60 {
        let text = format!(
            "Talks in Seoul ({i})\ndate 2024-05-{:02}\nThe South Korean and Japanese defence ministers met in Seoul on Tuesday.\n",
            7 + i % 20
        );
        std::fs::write(dir.path().join(format!("{i:02}.txt")), text).unwrap();
    }
    let store = Mutex::new(Store::open_in_memory().unwrap());
    let cancel = AtomicBool::new(false);
    // One article per transaction, so that the progress it reports is fine-grained.
    let settings = Settings { threads: 1, batch: 1, ..Settings::default() };
    // The analyst presses Cancel once ten files are in.
    let progress = |p: detente::import::Progress| {
        if p.done == 10 {
            cancel.store(true, std::sync::atomic::Ordering::Relaxed);
        }
    };
    let first = import_paths(&store, &[dir.path().to_path_buf()], &settings, progress, &cancel).unwrap();
    assert!(first.cancelled, "{first:?}");
    let kept = first.imported.len();
    assert!((10..60).contains(&kept), "stopped early, keeping what was read: {kept}");
    assert_eq!(store.lock().unwrap().counts().unwrap().0, kept as i64);

    let second = run(&store, &[dir.path().to_path_buf()]);
    assert!(!second.cancelled);
    assert_eq!((second.imported.len(), second.already_present.len()), (60 - kept, kept));
}
