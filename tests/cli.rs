use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

use crate::fixtures;

fn detente(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_detente")).args(args).env_remove("DETENTE_DB").output().expect("runs")
}

fn json_lines(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect()
}

fn fixture(name: &str) -> String {
    fixtures::dir().join(format!("{name}.txt")).display().to_string()
}

#[test]
fn extract_prints_one_json_object_per_file_in_the_contract_shape() {
    let out = detente(&["extract", &fixture("seed_li_shoigu_moscow"), &fixture("havana_naval_port_calls")]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2);
    let seed = &lines[0];
    assert!(seed["file"].as_str().unwrap().ends_with("seed_li_shoigu_moscow.txt"));
    assert_eq!(seed["published"], "2023-04-19");
    assert!(!seed["title"].as_str().unwrap().is_empty());
    let e = &seed["events"][0];
    for key in ["type", "date", "date_inferred", "status", "countries", "actors", "location", "evidence", "confidence"]
    {
        assert!(e.get(key).is_some(), "event has `{key}`: {e}");
    }
    let ev = &e["evidence"][0];
    assert!(ev["start"].is_u64() && ev["end"].is_u64() && ev["text"].is_string());
}

#[test]
fn extract_published_option_wins_over_the_byline() {
    let out = detente(&["extract", "--published", "2023-04-26", &fixture("seed_li_shoigu_moscow")]);
    let line = &json_lines(&out)[0];
    assert_eq!(line["published"], "2023-04-26");
    let meeting = line["events"].as_array().unwrap().iter().find(|e| e["type"] == "meeting").unwrap();
    assert_eq!(meeting["date"], "2023-04-25", "Tuesday before Wednesday 26 April");
}

#[test]
fn extract_reports_an_unreadable_file_and_still_prints_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, b"").unwrap();
    let out = detente(&["extract", empty.to_str().unwrap(), &fixture("seed_li_shoigu_moscow")]);
    assert!(!out.status.success());
    let lines = json_lines(&out);
    assert_eq!(lines[0]["error"], "file is 0 bytes");
    assert_eq!(lines[1]["events"].as_array().unwrap().len(), 3);
}

#[test]
fn import_then_events_with_the_same_filters_as_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let db = db.to_str().unwrap();
    let out = detente(&["import", &fixture("seed_li_shoigu_moscow"), &fixture("havana_naval_port_calls"), "--db", db]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "imported 2, already present 0, failed 0");

    let again = detente(&["import", &fixture("seed_li_shoigu_moscow"), "--db", db]);
    assert_eq!(String::from_utf8_lossy(&again.stdout).trim(), "imported 0, already present 1, failed 0");

    let all = json_lines(&detente(&["events", "--db", db]));
    assert_eq!(all.len(), 5, "3 + 2 events, none doubled by the second import");
    let e = &all[0];
    assert!(e["id"].is_i64());
    let src = &e["sources"][0];
    assert!(Path::new(src["file"].as_str().unwrap()).is_absolute(), "the path it was imported from");
    assert!(src["article_id"].is_i64() && src["evidence"].is_array() && src["title"].is_string());

    let russia = json_lines(&detente(&["events", "--db", db, "--country", "RUS"]));
    assert_eq!(russia.len(), 4);
    assert!(russia.iter().all(|e| { e["countries"].as_array().unwrap().iter().any(|c| c == "RUS") }));

    let shoigu = json_lines(&detente(&["events", "--db", db, "--country", "RUS", "--actor", "Sergei Shoigu"]));
    assert_eq!(shoigu.len(), 1);
    assert_eq!(shoigu[0]["type"], "meeting");
    let by_alias = json_lines(&detente(&["events", "--db", db, "--actor", "Sergey Shoygu"]));
    assert_eq!(by_alias, shoigu, "any spelling of the same person");

    let either = json_lines(&detente(&["events", "--db", db, "--country", "CAN", "--country", "CHN"]));
    assert_eq!(either.len(), 4, "values of one filter are alternatives");

    let ports = json_lines(&detente(&["events", "--db", db, "--type", "port_call", "--from", "2024-06-13"]));
    assert_eq!(ports.len(), 1);
    assert_eq!(ports[0]["date"], "2024-06-14");

    let text = json_lines(&detente(&["events", "--db", db, "--text", "wreath"]));
    assert_eq!(text.len(), 1);
    assert_eq!(text[0]["type"], "visit");
}

#[test]
fn events_without_a_database_is_a_clear_error() {
    let out = detente(&["events", "--db", "/nonexistent/x.db"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no database at /nonexistent/x.db"));
}

#[test]
fn an_import_killed_midway_leaves_only_whole_articles_and_a_second_run_completes_it() {
    use std::collections::HashMap;

    use detente::extract::extract;
    use detente::store::{Filter, Store};

    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("articles");
    std::fs::create_dir_all(&folder).unwrap();
    let places = ["Tokyo", "Canberra", "Manila", "Seoul", "Hanoi", "Jakarta"];
    // Enough that a release build, too, is still importing when killed.
    let total = 1500;
    for i in 0..total {
        let place = places[i % places.len()];
        let text = format!(
            "Ministers meet in {place} ({i})\ndate 2024-03-{:02}\nThe Japanese and Australian defence ministers met in {place} on Monday for talks on maritime security.\n\nThey also held a joint news conference in {place}, and the Australian minister later visited a base outside the city on Tuesday. Report {i}.\n",
            11 + i % 15
        );
        std::fs::write(folder.join(format!("{i:04}.txt")), text).unwrap();
    }
    let db = dir.path().join("killed.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_detente"))
        .args(["import", "--db", db.to_str().unwrap(), folder.to_str().unwrap()])
        .stdout(std::process::Stdio::null())
        .stderr(std::fs::File::create(dir.path().join("stderr.txt")).unwrap())
        .spawn()
        .unwrap();
    // Kill it (SIGKILL: no chance to tidy up) once some articles are in.
    let stored = |db: &Path| Store::open(db).and_then(|s| s.counts()).map_or(0, |c| c.0);
    let start = std::time::Instant::now();
    while stored(&db) < 20 && start.elapsed().as_secs() < 60 {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let early = child.try_wait().unwrap();
    let stderr = std::fs::read_to_string(dir.path().join("stderr.txt")).unwrap();
    assert!(early.is_none(), "the import was still running: {early:?} {stderr}");
    child.kill().unwrap();
    child.wait().unwrap();
    let after_kill = stored(&db);
    assert!(after_kill > 0 && after_kill < total as i64, "killed midway: {after_kill} of {total} stored");

    // Every article stored is a source of exactly the events its text gives.
    let check = |db: &Path| {
        let store = Store::open(db).unwrap();
        let mut per_article: HashMap<i64, usize> = HashMap::new();
        for e in store.events(&Filter::default()).unwrap() {
            for s in &e.sources {
                *per_article.entry(s.article_id.unwrap()).or_default() += 1;
            }
        }
        let (articles, _) = store.counts().unwrap();
        for id in 1..=articles {
            let a = store.article(id).unwrap().expect("ids are dense");
            let expected = extract(&a.text, &Default::default()).events.len();
            assert_eq!(per_article.get(&id).copied().unwrap_or(0), expected, "article {id} is whole");
        }
        articles
    };
    check(&db);

    let out = detente(&["import", "--db", db.to_str().unwrap(), folder.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let line = String::from_utf8_lossy(&out.stdout);
    assert!(line.contains(&format!("already present {after_kill}")), "{line}");
    assert_eq!(check(&db), total as i64);
}
