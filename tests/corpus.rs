use std::path::Path;

use detente::eval::score_dir;

/// Reads `f1 = ...` and `fully_right = ...` from a BASELINE file.
fn read_baseline(path: &Path) -> (f64, f64) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|_| panic!("{} exists", path.display()));
    let get = |key: &str| -> f64 {
        text.lines()
            .find_map(|l| l.strip_prefix(key)?.trim().strip_prefix('=')?.trim().parse().ok())
            .unwrap_or_else(|| panic!("BASELINE has `{key} = NUMBER`"))
    };
    (get("f1"), get("fully_right"))
}

/// Scores a folder of articles (with the day they were written, so that
/// results do not depend on the checkout's date) against its BASELINE.
fn holds_its_baseline(dir: &str, written: (i32, u32, u32), at_least: usize) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let written = chrono::NaiveDate::from_ymd_opt(written.0, written.1, written.2);
    let report = score_dir(&root.join(dir), written).unwrap();
    assert!(report.articles >= at_least, "{dir} has its articles");
    let f1 = report.overall.f1();
    let fully = report.overall.fully_right_rate();
    let baseline = root.join(dir).join("BASELINE");
    if std::env::var_os("UPDATE_BASELINE").is_some() {
        let text = format!(
            "# Event extraction on {dir}: the floor CI holds (UPDATE_BASELINE=1 cargo test rewrites it).\nf1 = {f1:.4}\nfully_right = {fully:.4}\n"
        );
        std::fs::write(baseline, text).unwrap();
        return;
    }
    let (base_f1, base_fully) = read_baseline(&baseline);
    assert!(
        f1 + 1e-4 >= base_f1 && fully + 1e-4 >= base_fully,
        "extraction on {dir} got worse: F1 {f1:.4} (baseline {base_f1}), fully right {fully:.4} (baseline {base_fully})\n{report}"
    );
}

#[test]
fn extraction_on_the_corpus_does_not_fall_below_the_committed_baseline() {
    holds_its_baseline("tests/corpus", (2026, 11, 26), 40);
}

/// Articles written after the rules, in the shapes real pages come in
/// (bylines, wire time lines, captions, related links, live blogs,
/// truncated endings): how the extractor does on text it was not built
/// from. Its floor is lower; fixes found through it are general ones.
#[test]
fn extraction_on_the_later_articles_does_not_fall_below_their_baseline() {
    holds_its_baseline("tests/heldout", (2026, 11, 27), 10);
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
