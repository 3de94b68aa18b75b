//! Throughput of the engine on one core: the temporal tagger alone, and
//! the whole extraction (dates, actors, events). Prints MB/s.
//!
//!     cargo bench --bench throughput
//!
//! The input is the fixture corpus repeated to about 16 MB, so it reads
//! like news rather than random text.

use std::hint::black_box;
use std::time::Instant;

use detente::extract::{Options, extract, extract_many};
use detente::timex::Tagger;

fn corpus() -> Vec<String> {
    let dir = std::env::var("BENCH_DIR").unwrap_or(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures").into());
    let mut articles: Vec<String> = std::fs::read_dir(dir)
        .expect("fixtures")
        .filter_map(|e| {
            let p = e.ok()?.path();
            (p.extension()? == "txt").then(|| std::fs::read_to_string(p).ok()).flatten()
        })
        .collect();
    articles.sort();
    let size: usize = articles.iter().map(String::len).sum();
    let copies = (16 << 20) / size.max(1) + 1;
    (0..copies).flat_map(|_| articles.iter().cloned()).collect()
}

/// Runs `f` over `items` (`bytes` of text in all) three times and prints
/// the best rate.
fn measure<T>(name: &str, items: &[T], bytes: usize, f: impl Fn(&T) -> usize) {
    let mut best = f64::MAX;
    let mut found = 0;
    for _ in 0..3 {
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
    let only_batched = std::env::var("BENCH_ONLY").is_ok_and(|v| v == "batched");
    if only_batched {
        let options = Options::default();
        let batches: Vec<Vec<(&str, &Options)>> =
            docs.chunks(32).map(|c| c.iter().map(|d| (d.as_str(), &options)).collect()).collect();
        measure("full extraction, 32 articles at a time", &batches, bytes, |b| {
            extract_many(b).iter().map(|x| x.events.len()).sum()
        });
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
    let options = Options::default();
    let batches: Vec<Vec<(&str, &Options)>> =
        docs.chunks(32).map(|c| c.iter().map(|d| (d.as_str(), &options)).collect()).collect();
    measure("full extraction, 32 articles at a time", &batches, bytes, |b| {
        extract_many(b).iter().map(|x| x.events.len()).sum()
    });
}
