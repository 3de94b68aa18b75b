//! Bulk import: 10,000 generated articles of about 3 KB, written to a
//! folder as real files, imported into a fresh database with extraction and
//! full-text indexing on every core. Prints articles per second and the
//! process's peak memory.
//!
//!     cargo bench --bench import [-- ARTICLES]
//!
//! The articles are varied: each is a different meeting, call, visit,
//! exercise or port call between different countries and ministers on a
//! different day, with paragraphs of background around it, so no two
//! texts are the same and duplicate detection does not short-cut the work.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use detente::import::{Settings, import_paths};
use detente::store::Store;

const PAIRS: &[(&str, &str, &str, &str)] = &[
    ("Russian", "Defence Minister Andrei Belousov", "Chinese", "Defence Minister Dong Jun"),
    ("US", "Defense Secretary Lloyd Austin", "Japanese", "Defense Minister Minoru Kihara"),
    ("Indian", "Defence Minister Rajnath Singh", "Australian", "Defence Minister Richard Marles"),
    ("French", "Armed Forces Minister Sebastien Lecornu", "German", "Defence Minister Boris Pistorius"),
    ("South Korean", "Defense Minister Shin Won-sik", "Philippine", "Defense Secretary Gilberto Teodoro"),
    ("British", "Defence Secretary John Healey", "Polish", "Defence Minister Wladyslaw Kosiniak-Kamysz"),
    ("Turkish", "Defence Minister Yasar Guler", "Pakistani", "Defence Minister Khawaja Asif"),
    ("Brazilian", "Defence Minister Jose Mucio", "South African", "Defence Minister Angie Motshekga"),
];
const PLACES: &[&str] = &[
    "Moscow",
    "Beijing",
    "Tokyo",
    "New Delhi",
    "Canberra",
    "Paris",
    "Berlin",
    "Seoul",
    "Manila",
    "London",
    "Warsaw",
    "Ankara",
    "Islamabad",
    "Brasilia",
    "Pretoria",
    "Singapore",
    "Jakarta",
    "Hanoi",
];
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const TOPICS: &[&str] = &[
    "maritime security",
    "arms control",
    "joint training",
    "defence industry cooperation",
    "regional tensions",
    "peacekeeping",
    "cyber defence",
    "counter-terrorism",
];

/// A deterministic stream of choices.
struct Pick(u64);
impl Pick {
    fn next(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
    fn of<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.next(items.len())]
    }
}

fn article(i: usize) -> String {
    let mut p = Pick(0x9E37_79B9_7F4A_7C15 ^ ((i as u64 + 1) * 0x2545_F491_4F6C_DD1D));
    let (a_adj, a, b_adj, b) = PAIRS[p.next(PAIRS.len())];
    let place = p.of(PLACES);
    let day = 1 + p.next(28);
    let month = p.of(MONTHS);
    let year = 2015 + p.next(11);
    let weekday = p.of(WEEKDAYS);
    let topic = p.of(TOPICS);
    let mut s = String::new();
    let _ = writeln!(s, "{a_adj} and {b_adj} ministers discuss {topic} (report {i})");
    let _ = writeln!(s, "Published: {month} {day}, {year}\n");
    let lead = match p.next(5) {
        0 => format!("{a_adj} {a} met his {b_adj} counterpart, {b}, in {place} on {weekday} for talks on {topic}."),
        1 => format!(
            "{a_adj} {a} held a phone call with {b_adj} {b} on {weekday}, discussing {topic}, his ministry said."
        ),
        2 => format!(
            "{a_adj} {a} arrived in {place} on {weekday} for a two-day official visit and held talks with {b_adj} {b}."
        ),
        3 => format!(
            "The {a_adj} and {b_adj} navies began a joint exercise near {place} on {weekday}, focusing on {topic}."
        ),
        _ => format!(
            "A {a_adj} navy frigate made a port call at {place} on {weekday}, the {b_adj} defence ministry said."
        ),
    };
    let _ = writeln!(s, "{lead}\n");
    // Background paragraphs to about 3 KB, each varied.
    while s.len() < 2900 {
        let _ = writeln!(
            s,
            "Officials said the two sides reviewed progress on {} since their last meeting in {} in {} {}, and agreed that working groups on {} would report back within {} months. Analysts in {} noted that the relationship had been tested by disputes over {} and by the wider security situation in the region, but both governments described the talks as constructive.\n",
            p.of(TOPICS),
            p.of(PLACES),
            p.of(MONTHS),
            2010 + p.next(15),
            p.of(TOPICS),
            2 + p.next(10),
            p.of(PLACES),
            p.of(TOPICS)
        );
    }
    s
}

fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let n: usize = std::env::args().skip(1).find_map(|a| a.parse().ok()).unwrap_or(10_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let files = dir.path().join("articles");
    std::fs::create_dir_all(&files).unwrap();
    let mut bytes = 0;
    for i in 0..n {
        let text = article(i);
        bytes += text.len();
        std::fs::write(files.join(format!("{:02}/{i:05}.txt", i % 100)).with_extension("txt"), &text)
            .or_else(|_| {
                std::fs::create_dir_all(files.join(format!("{:02}", i % 100)))?;
                std::fs::write(files.join(format!("{:02}/{i:05}.txt", i % 100)), &text)
            })
            .unwrap();
    }
    // The engine's share: extraction alone, one thread, on the same texts.
    let sample: Vec<String> = (0..n.min(2000)).map(article).collect();
    let t = Instant::now();
    let found: usize = sample.iter().map(|a| detente::extract::extract(a, &Default::default()).events.len()).sum();
    let per_thread = sample.len() as f64 / t.elapsed().as_secs_f64();
    println!(
        "extraction alone: {per_thread:.0} articles/s on one thread ({found} events in {} articles)",
        sample.len()
    );

    // The store's share: writing the same articles, already extracted, in
    // batches of 256 as the import does, on one thread.
    let extracted: Vec<_> = sample.iter().map(|a| detente::extract::extract(a, &Default::default())).collect();
    let mut scratch = Store::open(&dir.path().join("scratch.db")).expect("database");
    let items: Vec<detente::store::NewArticle<'_>> = sample
        .iter()
        .zip(&extracted)
        .enumerate()
        .map(|(i, (t, x))| detente::store::NewArticle {
            file: Box::leak(format!("a{i}").into_boxed_str()),
            url: None,
            text: t,
            extraction: x,
            replaces: true,
        })
        .collect();
    let t = Instant::now();
    for chunk in items.chunks(256) {
        scratch.add_articles(chunk).expect("write");
    }
    println!("storage alone: {:.0} articles/s on one thread", items.len() as f64 / t.elapsed().as_secs_f64());

    let store = Mutex::new(Store::open(&dir.path().join("bench.db")).expect("database"));
    let settings = Settings::default();
    let start = Instant::now();
    let summary =
        import_paths(&store, &[PathBuf::from(&files)], &settings, |_| {}, &AtomicBool::new(false)).expect("import");
    let secs = start.elapsed().as_secs_f64();
    let (articles, events) = store.lock().unwrap().counts().unwrap();
    assert_eq!(summary.imported.len(), n, "every article imports: {}", summary.line());
    println!(
        "import: {n} articles ({:.1} MB, {:.1} KB each) in {secs:.2} s = {:.0} articles/s on {} threads; {articles} articles and {events} events stored; peak memory {}",
        bytes as f64 / 1e6,
        bytes as f64 / n as f64 / 1e3,
        n as f64 / secs,
        settings.threads,
        peak_memory_mb().map_or("unknown".into(), |m| format!("{m:.0} MB"))
    );
}
