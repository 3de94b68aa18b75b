//! The timeline's queries on a generated database of a million events from
//! 200,000 articles: opening it to a first drawable view, then the p50, p95
//! and worst of a filtered window query and a filtered bin query, over a
//! mix of filters and zoom levels. Prints milliseconds.
//!
//!     cargo bench --bench timeline [-- EVENTS]
//!
//! The database is generated once (a few minutes) and kept in
//! `target/bench-data/`; delete it after a schema change. Events cluster as
//! news does: most in recent years, a few countries and actors in most of
//! them, exercises lasting days, some dated only to a month or a year.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use detente::extract::Extraction;
use detente::model::{Actor, DateValue, Event, EventType, Evidence, Status};
use detente::store::{BinGroup, Filter, NewArticle, Store};

/// A small deterministic generator (SplitMix64): the same database every time.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Skewed towards 0: index `i` about as likely as 1/(i+1).
    fn skewed(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        (((n as f64 + 1.0).powf(u) - 1.0) as usize).min(n - 1)
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

const CODES: &[&str] = &[
    "USA", "CHN", "RUS", "IND", "JPN", "KOR", "PHL", "AUS", "GBR", "FRA", "DEU", "TUR", "IRN", "ISR", "UKR", "PAK",
    "VNM", "IDN", "SAU", "ARE", "EGY", "BRA", "ZAF", "NGA", "KEN", "ETH", "MEX", "CAN", "ITA", "ESP", "POL", "PRK",
    "TWN", "THA", "MYS", "SGP", "QAT", "OMN", "KAZ", "BLR", "SRB", "GRC", "NLD", "NOR", "SWE", "FIN", "ARG", "CHL",
    "COL", "PER", "VEN", "CUB", "DZA", "MAR", "TUN", "LBY", "SDN", "SSD", "SOM", "DJI", "TZA", "UGA", "RWA", "COD",
    "AGO", "MOZ", "ZWE", "GHA", "SEN", "MLI", "NER", "TCD", "CMR", "BGD", "LKA", "MMR", "NPL", "AFG", "IRQ", "SYR",
    "JOR", "LBN", "KWT", "BHR", "YEM", "AZE", "ARM", "GEO", "UZB", "MNG", "NZL", "PNG", "FJI", "NATO", "ASEAN", "AU",
    "EU", "SCO", "UN", "GCC",
];

const TYPES: &[EventType] = &[
    EventType::Meeting,
    EventType::Meeting,
    EventType::Meeting,
    EventType::Visit,
    EventType::Visit,
    EventType::Call,
    EventType::Call,
    EventType::Agreement,
    EventType::Summit,
    EventType::Exercise,
    EventType::Patrol,
    EventType::PortCall,
];

const VERBS: &[&str] = &["met", "held talks with", "spoke by phone with", "received", "signed an accord with"];
const PLACES: &[&str] = &["Moscow", "Beijing", "Manila", "Djibouti", "Nairobi", "Hanoi", "Ankara", "Brasilia", "Doha"];

fn actor_name(i: usize) -> String {
    const GIVEN: &[&str] = &["Ana", "Li", "Omar", "Ivan", "Priya", "Kenji", "Amara", "Lucas", "Fatima", "Tomasz"];
    const FAMILY: &[&str] = &["Okafor", "Zhang", "Haddad", "Petrov", "Sharma", "Sato", "Mensah", "Silva", "Novak"];
    format!("{} {} {}", GIVEN[i % GIVEN.len()], FAMILY[(i / GIVEN.len()) % FAMILY.len()], i)
}

fn date(rng: &mut Rng, kind: EventType) -> DateValue {
    // Most news is recent: days back from the end of 2026, skewed.
    let end = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
    let day = end - chrono::Duration::days((rng.unit().powi(3) * 11_000.0) as i64);
    let roll = rng.below(100);
    if kind == EventType::Exercise || (kind == EventType::Patrol && roll < 50) {
        DateValue::Range(day, day + chrono::Duration::days(2 + rng.below(14) as i64))
    } else if roll < 4 {
        DateValue::Month { year: chrono::Datelike::year(&day), month: chrono::Datelike::month(&day) }
    } else if roll < 6 {
        DateValue::Year(chrono::Datelike::year(&day))
    } else {
        DateValue::Day(day)
    }
}

fn generate(path: &Path, events: usize) {
    let per_article = 5;
    let articles = events / per_article;
    let mut store = Store::open(path).expect("database");
    let mut rng = Rng(7);
    let started = Instant::now();
    let batch = 1000;
    for first in (0..articles).step_by(batch) {
        let mut texts = Vec::new();
        let mut extractions = Vec::new();
        for n in first..(first + batch).min(articles) {
            let mut text = format!("Report {n}\n\n");
            let mut list = Vec::new();
            for _ in 0..per_article {
                let kind = TYPES[rng.below(TYPES.len())];
                let mut countries: Vec<String> =
                    (0..1 + rng.below(3)).map(|_| CODES[rng.skewed(CODES.len())].to_string()).collect();
                countries.sort();
                countries.dedup();
                let actors: Vec<Actor> = (0..rng.below(4))
                    .map(|_| Actor {
                        name: actor_name(rng.skewed(20_000)),
                        country: countries[0].clone(),
                        role: String::new(),
                    })
                    .collect::<Vec<_>>();
                let mut seen = std::collections::HashSet::new();
                let actors: Vec<Actor> = actors.into_iter().filter(|a| seen.insert(a.name.clone())).collect();
                let place = PLACES[rng.below(PLACES.len())];
                let who = actors.first().map_or(countries[0].as_str(), |a| a.name.as_str()).to_string();
                let sentence = format!(
                    "{who} {} officials of {} in {place} as the navy and the army prepared drills.",
                    VERBS[rng.below(VERBS.len())],
                    countries.join(" and ")
                );
                let start = text.chars().count();
                text.push_str(&sentence);
                text.push(' ');
                list.push(Event {
                    kind,
                    date: date(&mut rng, kind),
                    date_inferred: rng.below(10) == 0,
                    status: if rng.below(20) == 0 { Status::Planned } else { Status::Occurred },
                    countries,
                    actors,
                    location: place.to_string(),
                    evidence: vec![Evidence { start, end: start + sentence.chars().count(), text: sentence }],
                    confidence: 0.5 + rng.unit() / 2.0,
                });
            }
            texts.push(text);
            extractions.push(Extraction {
                title: format!("Report {n}"),
                published: None,
                events: list,
                diagnostics: Vec::new(),
            });
        }
        let files: Vec<String> = (first..first + texts.len()).map(|n| format!("/bench/report-{n}.txt")).collect();
        let items: Vec<NewArticle<'_>> = texts
            .iter()
            .zip(&extractions)
            .zip(&files)
            .map(|((text, x), file)| NewArticle { file, url: None, text, extraction: x, replaces: false })
            .collect();
        store.add_articles(&items).expect("written");
        if first % 20_000 == 0 {
            eprintln!("generated {first} of {articles} articles in {:.0?}", started.elapsed());
        }
    }
    store.optimize().expect("statistics");
}

/// About `n` bins from `from` to `to`: a day wide, or whole weeks over
/// whole weeks (the view's choice, so that the weekly totals serve).
fn bins_for(from: NaiveDate, to: NaiveDate, n: i64) -> (NaiveDate, NaiveDate, u32) {
    let days = (to - from).num_days() + 1;
    if days <= n {
        return (from, to, 1);
    }
    let width = (days / n / 7 + 1) * 7;
    let first = detente::store::day_number(from).div_euclid(7) * 7;
    let start = from - chrono::Duration::days(detente::store::day_number(from) - first);
    let count = ((to - start).num_days() + 1 + width - 1) / width;
    (start, start + chrono::Duration::days(count * width - 1), width as u32)
}

fn percentile(times: &mut [Duration], p: f64) -> f64 {
    times.sort();
    let i = ((times.len() as f64 * p).ceil() as usize).clamp(1, times.len()) - 1;
    times[i].as_secs_f64() * 1000.0
}

fn main() {
    let events: usize = std::env::args().filter_map(|a| a.parse().ok()).next().unwrap_or(1_000_000);
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    let dir = std::env::var_os("CARGO_TARGET_DIR").map_or(dir, |t| PathBuf::from(t).join("bench-data"));
    let path = dir.join(format!("timeline-{events}.db"));
    if !path.exists() {
        let partial = dir.join(format!("timeline-{events}.partial.db"));
        let _ = std::fs::remove_file(&partial);
        let t = Instant::now();
        generate(&partial, events);
        std::fs::rename(&partial, &path).expect("renamed");
        for suffix in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(dir.join(format!("timeline-{events}.partial.db{suffix}")));
        }
        println!("generated {events} events in {:.1} s ({})", t.elapsed().as_secs_f64(), path.display());
    }

    // Opening to a first view, as the app does: the store, the range of
    // all events, the first 5,000 events of it (there are more, so it is
    // drawn as bins), the bins; then the facet lists.
    let t = Instant::now();
    let store = Store::open(&path).expect("open");
    let all = Filter::default();
    let (from, to) = store.span(&all).expect("span").expect("events");
    let (start, end, width) = bins_for(from, to, 400);
    let overview = store.bins(&all, start, end, width, BinGroup::Type).unwrap();
    let first = store.window(&all, from, to, 5000).unwrap();
    let opened = t.elapsed();
    let facets = store.facets(&all).unwrap();
    let with_facets = t.elapsed();
    println!(
        "open to first view: {:.0} ms ({} bins, {} marks); with the facet lists: {:.0} ms ({} countries, {} actors)",
        opened.as_secs_f64() * 1000.0,
        overview.len(),
        first.events.len(),
        with_facets.as_secs_f64() * 1000.0,
        facets.countries.len(),
        facets.actors.len()
    );

    queries(&store, (from, to), "from SQL");
    // The app loads the events' filter columns in memory once the first
    // view is drawn; then every query is answered from them.
    let rss = resident_mb();
    let t = Instant::now();
    store.load_index().expect("index");
    println!(
        "index loaded in {:.0} ms; resident memory {rss:.0} MB before, {:.0} MB after",
        t.elapsed().as_secs_f64() * 1000.0,
        resident_mb()
    );
    let t = Instant::now();
    let facets = store.facets(&all).unwrap();
    println!(
        "facet lists from the index: {:.1} ms ({} countries, {} actors)",
        t.elapsed().as_secs_f64() * 1000.0,
        facets.countries.len(),
        facets.actors.len()
    );
    queries(&store, (from, to), "from the index");
}

/// The process's resident memory (Linux), in MB.
fn resident_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb =
        status.lines().find_map(|l| l.strip_prefix("VmRSS:")).and_then(|v| v.split_whitespace().next()?.parse().ok());
    kb.unwrap_or(0.0) / 1024.0
}

/// 300 random window, bin and facet queries over the range, with their
/// p50, p95 and worst, overall and by kind of filter.
fn queries(store: &Store, (from, to): (NaiveDate, NaiveDate), label: &str) {
    println!("\nqueries {label}:");
    let mut rng = Rng(11);
    const KINDS: [&str; 9] =
        ["none", "type", "country", "2 countries", "country+type", "actor", "status", "confidence", "text"];
    let filters = |rng: &mut Rng| -> (usize, Filter) {
        let f = Filter::default;
        let code = || CODES[0].to_string();
        let kind = rng.below(9);
        let filter = match kind {
            0 => f(),
            1 => Filter { types: vec![TYPES[rng.below(TYPES.len())]], ..f() },
            2 => Filter { countries: vec![CODES[rng.skewed(CODES.len())].to_string()], ..f() },
            3 => Filter { countries: vec![code(), CODES[1 + rng.below(20)].to_string()], ..f() },
            4 => Filter {
                countries: vec![CODES[rng.skewed(CODES.len())].to_string()],
                types: vec![EventType::Exercise],
                ..f()
            },
            5 => Filter { actors: vec![actor_name(rng.skewed(20_000))], ..f() },
            6 => Filter { status: Some(Status::Planned), ..f() },
            7 => Filter { min_confidence: Some(0.9), ..f() },
            _ => Filter { text: Some(PLACES[rng.below(PLACES.len())].to_string()), ..f() },
        };
        (kind, filter)
    };
    let mut windows = Vec::new();
    let mut bins = Vec::new();
    let mut facets = Vec::new();
    let mut by_kind: Vec<(Vec<Duration>, Vec<Duration>, Vec<Duration>)> =
        vec![(Vec::new(), Vec::new(), Vec::new()); KINDS.len()];
    let mut shown = 0usize;
    for _ in 0..300 {
        let (kind, filter) = filters(&mut rng);
        // Zoom levels from a week to two years, anywhere in the range.
        let days = [7, 30, 90, 365, 730][rng.below(5)];
        let span = (to - from).num_days().max(days);
        let start = from + chrono::Duration::days(span - days - (rng.unit().powi(2) * (span - days) as f64) as i64);
        let end = start + chrono::Duration::days(days);
        let t = Instant::now();
        let w = store.window(&filter, start, end, 5000).unwrap();
        windows.push(t.elapsed());
        by_kind[kind].0.push(t.elapsed());
        shown += w.events.len();
        // Bins: a range from a month to everything, about 400 bins across,
        // as the view asks for them: a day, or whole weeks from a week's
        // first day.
        let days = [30, 365, 3650, span][rng.below(4)];
        let (start, end, width) = bins_for(to - chrono::Duration::days(days), to, 400);
        let t = Instant::now();
        let b = store.bins(&filter, start, end, width, BinGroup::Type).unwrap();
        bins.push(t.elapsed());
        by_kind[kind].1.push(t.elapsed());
        std::hint::black_box(b);
        // A filtered view's facet counts (slow from SQL: only measured
        // from the index).
        if store.index_ready() {
            let t = Instant::now();
            std::hint::black_box(store.facets(&filter).unwrap());
            facets.push(t.elapsed());
            by_kind[kind].2.push(t.elapsed());
        }
    }
    println!(
        "window query (limit 5,000; {} events on average): p50 {:.1} ms, p95 {:.1} ms, worst {:.1} ms",
        shown / windows.len(),
        percentile(&mut windows, 0.5),
        percentile(&mut windows, 0.95),
        percentile(&mut windows, 1.0)
    );
    println!(
        "bin query (400 bins by type): p50 {:.1} ms, p95 {:.1} ms, worst {:.1} ms",
        percentile(&mut bins, 0.5),
        percentile(&mut bins, 0.95),
        percentile(&mut bins, 1.0)
    );
    if !facets.is_empty() {
        println!(
            "facet counts: p50 {:.1} ms, p95 {:.1} ms, worst {:.1} ms",
            percentile(&mut facets, 0.5),
            percentile(&mut facets, 0.95),
            percentile(&mut facets, 1.0)
        );
    }
    println!("p95 by filter (window, bins, facets), worst:");
    for (kind, (w, b, f)) in KINDS.iter().zip(&mut by_kind) {
        if !w.is_empty() {
            let facets = if f.is_empty() { 0.0 } else { percentile(f, 0.95) };
            println!(
                "  {kind:<12} {:6.1} ms {:6.1} ms {:6.1} ms, worst {:6.1} ms {:6.1} ms",
                percentile(w, 0.95),
                percentile(b, 0.95),
                facets,
                percentile(w, 1.0),
                percentile(b, 1.0)
            );
        }
    }
}
