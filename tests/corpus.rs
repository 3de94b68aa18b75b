use std::path::Path;

use detente::eval::score_dir;

const BASELINE: &str = "tests/corpus/BASELINE";

fn read_baseline(path: &Path) -> (f64, f64) {
    let text = std::fs::read_to_string(path).expect("tests/corpus/BASELINE exists");
    let get = |key: &str| -> f64 {
        text.lines()
            .find_map(|l| l.strip_prefix(key)?.trim().strip_prefix('=')?.trim().parse().ok())
            .unwrap_or_else(|| panic!("BASELINE has `{key} = NUMBER`"))
    };
    (get("f1"), get("fully_right"))
}

#[test]
fn extraction_on_the_corpus_does_not_fall_below_the_committed_baseline() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // The day the corpus was written: results must not depend on the checkout's date.
    let written = chrono::NaiveDate::from_ymd_opt(2026, 11, 26);
    let report = score_dir(&root.join("tests/corpus"), written).unwrap();
    assert!(report.articles >= 40, "the corpus has its articles");
    let f1 = report.overall.f1();
    let fully = report.overall.fully_right_rate();
    if std::env::var_os("UPDATE_BASELINE").is_some() {
        let text = format!(
            "# Event extraction on tests/corpus: the floor CI holds (UPDATE_BASELINE=1 cargo test rewrites it).\nf1 = {f1:.4}\nfully_right = {fully:.4}\n"
        );
        std::fs::write(root.join(BASELINE), text).unwrap();
        return;
    }
    let (base_f1, base_fully) = read_baseline(&root.join(BASELINE));
    assert!(
        f1 + 1e-4 >= base_f1 && fully + 1e-4 >= base_fully,
        "extraction got worse: F1 {f1:.4} (baseline {base_f1}), fully right {fully:.4} (baseline {base_fully})\n{report}"
    );
}

#[test]
fn the_scorer_counts_misses_extras_and_partly_right_events() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Ministers meet\nPublished: Apr 19, 2023 12:10 AM\nRussian Defense Minister Sergei Shoigu met Chinese Minister of National Defense Li Shangfu on Tuesday.\n",
    )
    .unwrap();
    // Expected: the meeting with one actor missing, and a call that is not there.
    std::fs::write(
        dir.path().join("a.expected.json"),
        r#"[{"type": "meeting", "date": "2023-04-18", "status": "occurred", "countries": ["CHN", "RUS"],
             "actors": [{"name": "Sergei Shoigu", "country": "RUS", "role": "Defense Minister"}], "location": ""},
            {"type": "call", "date": "2023-04-17", "status": "occurred", "countries": ["CHN", "RUS"], "actors": [], "location": ""}]"#,
    )
    .unwrap();
    let r = score_dir(dir.path(), None).unwrap();
    assert_eq!((r.overall.expected, r.overall.extracted, r.overall.matched), (2, 1, 1));
    assert_eq!(r.overall.fully_right, 0, "an extra actor makes the meeting only partly right");
    assert!((r.overall.f1() - 2.0 / 3.0).abs() < 1e-9);
    assert_eq!(r.by_type["call"].recall(), 0.0);
    assert!(r.differences[0].1.contains("missed call 2023-04-17"));
}
