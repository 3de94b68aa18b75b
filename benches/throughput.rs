//! Throughput of the engine on one core: the temporal tagger alone, and
//! the whole extraction (dates, actors, events). Prints MB/s.
//!
//!     cargo bench --bench throughput
//!
//! The input is every article of the repository's test sets (the corpus,
//! the held-out set in real pages' shapes, the fixtures) repeated to about
//! 16 MB, so it reads like news rather than random text.
//!
//! Settings, for profiling: `BENCH_DIR` (folders of `.txt` articles,
//! separated by `:`), `BENCH_MB` (the size), `BENCH_ROUNDS` (runs of each
//! measure), `BENCH_BATCH` (articles per batch), `BENCH_ONLY=batched` (the
//! batched extraction alone).

use std::hint::black_box;
use std::time::Instant;

use detente::extract::{Options, extract, extract_many};
use detente::timex::Tagger;

fn corpus() -> Vec<String> {
    let tests = concat!(env!("CARGO_MANIFEST_DIR"), "/tests");
    let dirs = std::env::var("BENCH_DIR")
        .unwrap_or_else(|_| ["corpus", "heldout", "fixtures"].map(|d| format!("{tests}/{d}")).join(":"));
    let mut articles: Vec<String> = dirs
        .split(':')
        .flat_map(|dir| std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{dir}: {e}")))
        .filter_map(|e| {
            let p = e.ok()?.path();
            (p.extension()? == "txt").then(|| std::fs::read_to_string(p).ok()).flatten()
        })
        .collect();
    articles.sort();
    let size: usize = articles.iter().map(String::len).sum();
    let mb: usize = std::env::var("BENCH_MB").map_or(16, |v| v.parse().expect("BENCH_MB: megabytes"));
    let copies = (mb << 20) / size.max(1) + 1;
    (0..copies).flat_map(|_| articles.iter().cloned()).collect()
}

fn rounds() -> usize {
    std::env::var("BENCH_ROUNDS").map_or(3, |v| v.parse().expect("BENCH_ROUNDS: a count"))
}

/// Runs `f` over `items` (`bytes` of text in all) three times and prints
/// the best rate.
fn measure<T>(name: &str, items: &[T], bytes: usize, f: impl Fn(&T) -> usize) {
    let mut best = f64::MAX;
    let mut found = 0;
    for _ in 0..rounds() {
        let t = Instant::now();
        found = items.iter().map(|d| f(black_box(d))).sum();
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "{name}: {:.1} MB/s ({:.1} MB in {:.3} s, best of 3; {found} found)",
        bytes as f64 / 1e6 / best,
        bytes as f64 / 1e6,
        best
    );
}

fn main() {
    let docs = corpus();
    let bytes: usize = docs.iter().map(String::len).sum();
    let tagger = Tagger::shared();
    let _ = extract("warm up\nThe ministers met on Tuesday in Moscow.", &Options::default());
    // BENCH_ONLY=batched: the batched extraction alone (for a profiler).
    if std::env::var("BENCH_ONLY").is_ok_and(|v| v == "batched") {
        println!("input: {bytes} bytes");
        batched(&docs, bytes);
        return;
    }
    measure("temporal tagger", &docs, bytes, |d| tagger.find(d).len());
    let g = detente::gazetteer::Gazetteer::shared();
    measure("gazetteer", &docs, bytes, |d| g.find(d).len());
    let offices = detente::actors::Offices::shared();
    measure("gazetteer + offices", &docs, bytes, |d| {
        let m = g.find(d);
        offices.find(d, &m, g).mentions.len() + m.len()
    });
    measure("full extraction, one article at a time", &docs, bytes, |d| extract(d, &Options::default()).events.len());
    batched(&docs, bytes);
}

/// The whole extraction, `BENCH_BATCH` articles (32 unless set) at a time.
fn batched(docs: &[String], bytes: usize) {
    let size = std::env::var("BENCH_BATCH").map_or(32, |v| v.parse().expect("BENCH_BATCH: a count"));
    let options = Options::default();
    let batches: Vec<Vec<(&str, &Options)>> =
        docs.chunks(size).map(|c| c.iter().map(|d| (d.as_str(), &options)).collect()).collect();
    measure(&format!("full extraction, {size} articles at a time"), &batches, bytes, |b| {
        extract_many(b).iter().map(|x| x.events.len()).sum()
    });
}
