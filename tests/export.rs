use std::path::{Path, PathBuf};
use std::process::Command;

use detente::export::{ExportError, read_json, write_csv, write_json};
use detente::extract::{Options, extract};
use detente::store::{Filter, Store, StoredEvent};

/// Articles of `tests/corpus` with meetings, a call, visits, exercises, a
/// port call, agreements and summits among them.
const ARTICLES: &[&str] = &[
    "afml_african_peace_mission_kyiv_st_petersburg.txt",
    "afml_aikeyme_dar_es_salaam.txt",
    "afml_au_g20_seat_editorial.txt",
];

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus").join(name)
}

/// A store holding the corpus articles above and every fixture article, and
/// its events.
fn stored() -> (Store, Vec<StoredEvent>) {
    let mut store = Store::open_in_memory().unwrap();
    let fixtures = std::fs::read_dir(crate::fixtures::dir()).unwrap().map(|e| e.unwrap().path());
    let paths: Vec<PathBuf> = ARTICLES
        .iter()
        .map(|n| corpus(n))
        .chain(fixtures.filter(|p| p.extension().is_some_and(|x| x == "txt")))
        .collect();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        store.add_article(&path.display().to_string(), &text, &extract(&text, &Options::default())).unwrap();
    }
    let events = store.events(&Filter::default()).unwrap();
    (store, events)
}

#[test]
fn csv_has_one_row_per_event_with_its_fields_codes_and_sources() {
    let (_, events) = stored();
    assert!(events.len() >= 20, "{}", events.len());
    let mut out = Vec::new();
    assert_eq!(write_csv(&events, &mut out).unwrap(), events.len());
    let mut reader = csv::Reader::from_reader(out.as_slice());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_string).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}"));
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), events.len());
    for (row, e) in rows.iter().zip(&events) {
        assert_eq!(row[col("id")], e.id.to_string());
        assert_eq!(row[col("type")], *e.event.kind.code());
        assert_eq!(row[col("date")], e.event.date.to_string());
        assert_eq!(row[col("date_start")], e.event.date.start().to_string());
        assert_eq!(row[col("countries")], e.event.countries.join(";"));
        assert_eq!(row[col("sources")], e.sources.len().to_string());
        assert_eq!(row[col("location")].trim_start_matches('\''), e.event.location);
        let evidence = row[col("evidence")].lines().count();
        assert_eq!(evidence, e.sources.iter().map(|s| s.evidence.len()).sum::<usize>(), "one line per sentence");
        assert!(row[col("source_titles")].starts_with("[1] "));
        let cameo = &row[col("cameo_code")];
        let expected = match e.event.kind.code() {
            "meeting" | "summit" => "040",
            "call" => "041",
            "visit" | "port_call" => "042",
            "agreement" => "057",
            "patrol" => "062",
            _ if e.event.countries.len() >= 2 => "062",
            _ => "150",
        };
        assert_eq!(cameo, expected, "{:?}", e.event);
    }
    let types: std::collections::BTreeSet<&str> = rows.iter().map(|r| &r[col("type")]).collect();
    assert!(types.len() >= 6, "the articles give most types: {types:?}");
}

#[test]
fn json_written_and_read_back_gives_the_same_events_and_sources() {
    let (_, events) = stored();
    let mut out = Vec::new();
    write_json(&events, &mut out).unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(doc["format"], "detente-events");
    assert_eq!(doc["version"], 1);
    assert!(doc["exported"].as_str().unwrap().ends_with('Z'));
    assert_eq!(doc["events"][0]["codes"]["cameo"].as_str().unwrap().len(), 3);

    let back = read_json(std::str::from_utf8(&out).unwrap()).unwrap();
    assert_eq!(back.len(), events.len());
    for (b, e) in back.iter().zip(&events) {
        assert_eq!(b.id, e.id);
        assert_eq!(b.new.event, e.event);
        assert_eq!(b.new.sources.len(), e.sources.len());
        for (bs, s) in b.new.sources.iter().zip(&e.sources) {
            assert_eq!((&bs.source.file, &bs.source.title), (&s.file, &s.title));
            assert_eq!(bs.source.published.map(|d| d.to_string()), s.published);
            assert_eq!(bs.evidence, s.evidence);
        }
    }
}

#[test]
fn a_document_that_is_not_an_export_is_refused_with_the_reason() {
    let cases: &[(&str, &str)] = &[
        ("meeting,2023-04-18", "not a JSON document"),
        (r#"{"events": []}"#, "format is missing"),
        (r#"{"format": "geojson", "version": 1, "events": []}"#, "format is \"geojson\""),
        (r#"{"format": "detente-events", "version": 2, "events": []}"#, "version 2"),
        (r#"{"format": "detente-events", "events": []}"#, "version missing"),
    ];
    for (text, why) in cases {
        let err = read_json(text).unwrap_err().to_string();
        assert!(err.contains(why), "{text}: {err}");
    }
    let (_, events) = stored();
    let mut out = Vec::new();
    write_json(&events[..3], &mut out).unwrap();
    let mut doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
    doc["events"][1]["date"] = "18 April".into();
    let err = read_json(&doc.to_string()).unwrap_err();
    assert!(matches!(&err, ExportError::Event { index: 2, message } if message.contains("`18 April` is not a date")));
    doc["events"][1]["date"] = "2023-04-18".into();
    doc["events"][2]["type"] = "battle".into();
    let err = read_json(&doc.to_string()).unwrap_err().to_string();
    assert!(err.starts_with("event 3: `battle` is not an event type"), "{err}");
}

#[test]
fn the_cli_exports_the_filtered_events_as_csv_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let db = db.to_str().unwrap();
    let run = |args: &[&str]| Command::new(env!("CARGO_BIN_EXE_detente")).args(args).env_remove("DETENTE_DB").output();
    let fixtures: Vec<String> = ["seed_li_shoigu_moscow", "havana_naval_port_calls", "shangri_la_austin_dong"]
        .iter()
        .map(|n| crate::fixtures::dir().join(format!("{n}.txt")).display().to_string())
        .collect();
    let mut args = vec!["import", "--db", db];
    args.extend(fixtures.iter().map(String::as_str));
    let import = run(&args).unwrap();
    assert!(import.status.success(), "{}", String::from_utf8_lossy(&import.stderr));

    let csv_path = dir.path().join("meetings.csv");
    let out =
        run(&["export", "--db", db, "--format", "csv", "--type", "meeting", "-o", csv_path.to_str().unwrap()]).unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let listed = run(&["events", "--db", db, "--type", "meeting"]).unwrap();
    let ids: Vec<String> = String::from_utf8_lossy(&listed.stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].to_string())
        .collect();
    assert!(!ids.is_empty());
    let mut reader = csv::Reader::from_path(&csv_path).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.iter().map(|r| r[0].to_string()).collect::<Vec<_>>(), ids, "the rows of `events`, in order");
    assert!(rows.iter().all(|r| &r[1] == "meeting"));

    let json = run(&["export", "--db", db, "--format", "json", "--country", "CUB"]).unwrap();
    assert!(json.status.success());
    let back = read_json(&String::from_utf8_lossy(&json.stdout)).unwrap();
    assert!(!back.is_empty() && back.iter().all(|e| e.new.event.countries.iter().any(|c| c == "CUB")));

    let bad = run(&["export", "--db", db, "--format", "xlsx"]).unwrap();
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unknown export format `xlsx` (csv or json)"));
    let missing = run(&["export", "--db", dir.path().join("none.db").to_str().unwrap(), "--format", "csv"]).unwrap();
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no database at"));
}

/// What an exported event says, without what belongs to one database (ids,
/// how it got there, which report said what).
fn comparable(doc: &serde_json::Value) -> Vec<serde_json::Value> {
    let keep_event = ["type", "date", "date_inferred", "status", "countries", "actors", "location", "confidence"];
    let keep_source = ["file", "title", "url", "published", "evidence"];
    let pick = |v: &serde_json::Value, keys: &[&str]| -> serde_json::Value {
        keys.iter().map(|k| (k.to_string(), v[*k].clone())).collect::<serde_json::Map<_, _>>().into()
    };
    doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let mut v = pick(e, &keep_event);
            v["sources"] = e["sources"].as_array().unwrap().iter().map(|s| pick(s, &keep_source)).collect();
            v["tags"] = e["tags"].clone();
            v["note"] = e["note"].clone();
            v["verified"] = e["verified"].clone();
            v
        })
        .collect()
}

#[test]
fn an_export_imported_into_another_database_gives_back_the_same_events() {
    use std::sync::Mutex;
    use std::sync::atomic::AtomicBool;

    use detente::import::{Settings, import_paths};

    let dir = tempfile::tempdir().unwrap();
    let import = |store: &Mutex<Store>, path: PathBuf| {
        let s = import_paths(store, &[path], &Settings::default(), |_| {}, &AtomicBool::new(false)).unwrap();
        assert!(s.failed.is_empty(), "{s:?}");
        s
    };
    let first = Mutex::new(Store::open(&dir.path().join("first.db")).unwrap());
    import(&first, Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/reports"));
    {
        let mut s = first.lock().unwrap();
        let meeting = s.events(&Filter::default()).unwrap().into_iter().find(|e| e.sources.len() == 4).unwrap();
        s.set_field(meeting.id, "location", Some("Camp Aguinaldo".into())).unwrap();
        s.set_tags(meeting.id, &["2+2".into()]).unwrap();
        s.set_note(meeting.id, "Readout checked.").unwrap();
        s.set_verified(meeting.id, true).unwrap();
    }
    let export = |store: &Mutex<Store>, path: &Path| {
        let events = store.lock().unwrap().events(&Filter::default()).unwrap();
        write_json(&events, std::fs::File::create(path).unwrap()).unwrap();
        serde_json::from_str::<serde_json::Value>(&std::fs::read_to_string(path).unwrap()).unwrap()
    };
    let once = export(&first, &dir.path().join("once.json"));

    let second = Mutex::new(Store::open(&dir.path().join("second.db")).unwrap());
    let summary = import(&second, dir.path().join("once.json"));
    assert_eq!(summary.imported[0].1, once["events"].as_array().unwrap().len());
    let twice = export(&second, &dir.path().join("twice.json"));
    assert_eq!(comparable(&twice), comparable(&once));
    let meeting = comparable(&twice).into_iter().find(|e| e["sources"].as_array().unwrap().len() == 4).unwrap();
    assert_eq!(meeting["location"], "Camp Aguinaldo");
    assert_eq!(meeting["tags"], serde_json::json!(["2+2"]));
    assert_eq!(meeting["verified"], true);

    // A file that is not an export fails alone, with the reason.
    std::fs::write(dir.path().join("notes.json"), "{\"hello\": 1}").unwrap();
    let s =
        import_paths(&second, &[dir.path().join("notes.json")], &Settings::default(), |_| {}, &AtomicBool::new(false))
            .unwrap();
    assert_eq!(s.failed.len(), 1);
    assert!(s.failed[0].1.starts_with("not a Détente events export: its format is missing"), "{s:?}");
}
