//! Importing files and folders: read, extract, store, one article at a
//! time. A file that cannot be read fails alone, with a reason; the rest go
//! on. Each article is stored with all its events in one transaction, so an
//! import stopped at any point (cancelled, or the process killed) leaves
//! only complete articles, and importing the same files again completes it.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use walkdir::WalkDir;

use crate::extract::{self, Extraction, Options};
use crate::formats::{self, Format, ReadOptions};
use serde::Serialize;

use crate::store::{Added, Held, NewArticle, NewEvent, Origin, Reread, Store, StoreError};
use crate::text;

/// What an import did, file by file.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Articles stored as new, with their number of events.
    pub imported: Vec<(PathBuf, usize)>,
    /// Articles whose file changed since it was imported: the new version
    /// replaced the old, with this many events.
    pub updated: Vec<(PathBuf, usize)>,
    /// Articles whose text was already in the database.
    pub already_present: Vec<PathBuf>,
    /// Files (or articles in them) that could not be imported, with the reason.
    pub failed: Vec<(PathBuf, String)>,
    /// True when the import was cancelled before every file was read.
    pub cancelled: bool,
    /// Why the import stopped before the end, when the database failed:
    /// what is listed above it was stored.
    pub stopped: Option<String>,
}

impl Summary {
    /// `imported 2, already present 0, failed 1`
    pub fn line(&self) -> String {
        let mut line = format!("imported {}", self.imported.len());
        if !self.updated.is_empty() {
            line.push_str(&format!(", updated {}", self.updated.len()));
        }
        line.push_str(&format!(", already present {}, failed {}", self.already_present.len(), self.failed.len()));
        if self.cancelled {
            line.push_str(" (cancelled)");
        }
        if let Some(why) = &self.stopped {
            line.push_str(&format!("; stopped: {why}"));
        }
        line
    }

    /// Records one article's outcome.
    pub fn add(&mut self, file: PathBuf, outcome: Outcome) {
        match outcome {
            Outcome::Imported(n) => self.imported.push((file, n)),
            Outcome::Updated(n) => self.updated.push((file, n)),
            Outcome::AlreadyPresent => self.already_present.push(file),
            Outcome::Failed(reason) => self.failed.push((file, reason)),
        }
    }

    fn merge(&mut self, other: Summary) {
        self.imported.extend(other.imported);
        self.updated.extend(other.updated);
        self.already_present.extend(other.already_present);
        self.failed.extend(other.failed);
    }
}

/// The files an import of `paths` covers: files as given, folders walked
/// recursively (hidden entries skipped; links to files read, links to
/// folders not walked, so a link loop is no trap). Whatever cannot be read
/// as a file is a failure with its reason.
pub fn expand(paths: &[PathBuf], failed: &mut Vec<(PathBuf, String)>) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            let walk = WalkDir::new(path)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
            for entry in walk {
                match entry {
                    Ok(e) if e.file_type().is_file() => out.push(e.into_path()),
                    Ok(e) if e.file_type().is_dir() => {}
                    // A link to a file is read; a link to a folder is not
                    // walked (no loops); a broken or looping link fails.
                    Ok(e) if e.file_type().is_symlink() => match std::fs::metadata(e.path()) {
                        Ok(m) if m.is_file() => out.push(e.into_path()),
                        Ok(m) if m.is_dir() => failed.push((e.into_path(), "a link to a folder: not followed".into())),
                        Ok(_) => failed.push((e.into_path(), "not a regular file".into())),
                        Err(err) => failed.push((e.into_path(), format!("a link that cannot be followed ({err})"))),
                    },
                    Ok(e) => failed.push((e.into_path(), "not a regular file (a pipe, socket or device)".into())),
                    Err(e) => failed.push((e.path().map_or_else(|| path.clone(), Path::to_path_buf), e.to_string())),
                }
            }
        } else {
            out.push(path.clone());
        }
    }
    out
}

/// What became of one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Stored as a new article with this many events.
    Imported(usize),
    /// A new version of an article from the same path, with this many events.
    Updated(usize),
    /// Its text was imported before.
    AlreadyPresent,
    /// Not imported, for this reason.
    Failed(String),
}

impl From<Added> for Outcome {
    fn from(a: Added) -> Outcome {
        match a {
            Added::New { events, .. } => Outcome::Imported(events),
            Added::Updated { events, .. } => Outcome::Updated(events),
            Added::AlreadyPresent { .. } => Outcome::AlreadyPresent,
        }
    }
}

/// An article read from a file, not yet extracted or stored.
#[derive(Debug, Clone)]
pub struct Article {
    /// Where it was read from, as the store records it: the absolute path,
    /// then `#item <guid>` or `#row 12` when the file holds several articles.
    pub file: String,
    pub text: String,
    pub options: Options,
    /// The address it was published at, when the file says.
    pub url: Option<String>,
    /// The file is this one article, so a changed file replaces it (see
    /// [`NewArticle::replaces`]).
    pub whole_file: bool,
    /// Why this article of the file cannot be read, when it cannot.
    pub error: Option<String>,
}

impl Article {
    /// Reads one file's articles with the default limits; the error is the
    /// reason it cannot be imported.
    pub fn read(file: &Path) -> Result<Vec<Article>, String> {
        Article::read_with(file, &ReadOptions::default())
    }

    /// [`Article::read`] with given limits and column choice.
    pub fn read_with(file: &Path, options: &ReadOptions) -> Result<Vec<Article>, String> {
        let Some(format) = Format::of(file) else {
            let what = file.extension().map_or("no extension".to_string(), |e| format!(".{}", e.to_string_lossy()));
            return Err(format!(
                "unsupported file type ({what}); read are: {}",
                Format::EXTENSIONS.iter().map(|e| format!(".{e}")).collect::<Vec<_>>().join(" ")
            ));
        };
        let documents = formats::read(file, format, options)?;
        let shown = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf()).display().to_string();
        let file_name = file.file_name().map(|n| n.to_string_lossy().into_owned());
        let file_date = text::modified_day(file);
        let whole_file = documents.len() == 1 && documents[0].part.is_none();
        Ok(documents
            .into_iter()
            .map(|d| Article {
                file: d.part.map_or_else(|| shown.clone(), |p| format!("{shown}#{p}")),
                options: Options {
                    published: d.published.as_ref().map(|p| p.0),
                    published_source: d.published.map(|p| p.1),
                    sent: d.sent,
                    file_name: file_name.clone(),
                    file_date,
                },
                text: d.text,
                url: d.url,
                whole_file,
                error: d.error,
            })
            .collect())
    }

    /// Its events: the slow part, which needs no database. A bug the
    /// engine hits on this text fails this article alone.
    pub fn extract(&self) -> Result<Extraction, String> {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extract::extract(&self.text, &self.options)))
            .map_err(|_| "the engine failed on this file (a bug: please report it with the file)".to_string())
    }

    /// The events of several articles, in order: as [`Article::extract`]
    /// on each, but read together ([`extract::extract_many`]), which is
    /// quicker. If the engine fails on one, each is read again alone, so
    /// that only that one fails.
    pub fn extract_all(articles: &[&Article]) -> Vec<Result<Extraction, String>> {
        // In batches of a few dozen: enough for the gain, and a corpus file
        // of a hundred thousand rows is not held scanned all at once.
        articles
            .chunks(EXTRACT_BATCH)
            .flat_map(|chunk| {
                let batch: Vec<(&str, &Options)> = chunk.iter().map(|a| (a.text.as_str(), &a.options)).collect();
                match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extract::extract_many(&batch))) {
                    Ok(all) => all.into_iter().map(Ok).collect(),
                    Err(_) => chunk.iter().map(|a| a.extract()).collect::<Vec<_>>(),
                }
            })
            .collect()
    }
}

/// How an import runs.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Limits, and the columns of a corpus when chosen.
    pub read: ReadOptions,
    /// Files read and extracted at once.
    pub threads: usize,
    /// Articles written per transaction, at most (a file's are never
    /// split): one commit per batch is what makes a bulk import fast.
    pub batch: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            read: ReadOptions::default(),
            threads: std::thread::available_parallelism().map_or(1, |n| n.get()).min(8),
            batch: 256,
        }
    }
}

/// Where an import is, for a progress bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    /// Files finished.
    pub done: usize,
    pub total: usize,
    /// The file just finished.
    pub file: PathBuf,
}

/// Imports files and folders into the store (an error only when the store
/// cannot be read at the start; a failure later is `Summary::stopped`). Files are read and their
/// events extracted on `settings.threads` worker threads without the
/// store's lock; the calling thread writes what they send in batches, one
/// transaction per batch (an article is never split across batches), taking
/// the lock only for the look-ups and those writes, so a window using the
/// same store stays responsive. `progress` is told of each file once its
/// articles are stored; when `cancel` is set, no further file is started
/// or written (what is stored stays; what was read and not yet written is
/// dropped, and a later import reads it again).
pub fn import_paths(
    store: &Mutex<Store>,
    paths: &[PathBuf],
    settings: &Settings,
    progress: impl Fn(Progress) + Sync,
    cancel: &AtomicBool,
) -> Result<Summary, StoreError> {
    let mut summary = Summary::default();
    let (exports, files): (Vec<PathBuf>, Vec<PathBuf>) =
        expand(paths, &mut summary.failed).into_iter().partition(|f| is_export(f));
    for file in exports {
        let outcome = add_export(&mut store.lock().unwrap_or_else(|p| p.into_inner()), &file)?;
        summary.add(file, outcome);
    }
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let lock = || store.lock().unwrap_or_else(|p| p.into_inner());
    // What is stored already, to skip re-reading it without taking the lock
    // for every article.
    let stored = lock().content_keys()?;
    let (send, receive) = std::sync::mpsc::sync_channel::<ReadFile>(QUEUE);
    let mut per_file: Vec<(usize, Summary)> = Vec::new();
    let written = std::thread::scope(|scope| {
        for _ in 0..settings.threads.max(1) {
            let send = send.clone();
            let (next, stop, lock, files, stored) = (&next, &stop, &lock, &files, &stored);
            scope.spawn(move || {
                while !cancel.load(Ordering::Relaxed) && !stop.load(Ordering::Relaxed) {
                    let first = next.fetch_add(FILES_AT_ONCE, Ordering::Relaxed);
                    if first >= files.len() {
                        return;
                    }
                    let chunk = first..(first + FILES_AT_ONCE).min(files.len());
                    for read in read_files(lock, stored, chunk, files, &settings.read) {
                        if send.send(read).is_err() {
                            return;
                        }
                    }
                }
            });
        }
        drop(send);
        let mut done = 0;
        let result = write_batches(&receive, store, settings.batch.max(1), cancel, |i, s| {
            done += 1;
            progress(Progress { done, total: files.len(), file: files[i].clone() });
            per_file.push((i, s));
        });
        if result.is_err() {
            stop.store(true, Ordering::Relaxed);
            // Let the workers finish their files and go.
            while receive.recv().is_ok() {}
        }
        result
    });
    per_file.sort_by_key(|(i, _)| *i);
    if written.is_ok() {
        // The planner's statistics, for the timeline's queries. Not being
        // able to refresh them loses nothing stored, so it is not reported.
        let _ = lock().optimize();
    }
    // A database failure stops the import; what was stored is still reported.
    if let Err(e) = written {
        summary.stopped = Some(format!("the database failed ({e})"));
    }
    summary.cancelled = per_file.len() < files.len() && summary.stopped.is_none();
    for (_, s) in per_file {
        summary.merge(s);
    }
    Ok(summary)
}

/// The extension of a JSON export of events, read back by [`add_export`]
/// rather than as articles.
pub const EXPORT_EXTENSION: &str = "json";

fn is_export(file: &Path) -> bool {
    file.extension().is_some_and(|e| e.eq_ignore_ascii_case(EXPORT_EXTENSION))
}

/// Stores the events of a JSON export (see `docs/export.md`) as events of
/// origin `imported`, with their sources, tags and notes, in one
/// transaction: all of them or, for a file that is not a readable export,
/// none, with the reason. A database failure is an error.
pub fn add_export(store: &mut Store, file: &Path) -> Result<Outcome, StoreError> {
    let events = match std::fs::read_to_string(file)
        .map_err(|e| e.to_string())
        .and_then(|text| crate::export::read_json(&text).map_err(|e| e.to_string()))
    {
        Ok(events) => events,
        Err(why) => return Ok(Outcome::Failed(why)),
    };
    let new: Vec<NewEvent> = events.into_iter().map(|e| e.new).collect();
    let ids = store.add_events(&new, Origin::Imported)?;
    Ok(Outcome::Imported(ids.len()))
}

/// A file read and its articles extracted, ready to store.
struct ReadFile {
    index: usize,
    /// Outcomes known without writing (failures, texts already stored).
    known: Summary,
    articles: Vec<(Article, Extraction)>,
}

/// Articles extracted together at most ([`Article::extract_all`]).
const EXTRACT_BATCH: usize = 32;

/// Files a worker reads before extracting their articles together
/// ([`Article::extract_all`]): as many as a batch the engine extracts at
/// once (the engine's tables stay in the caches from one article to the
/// next: 8 at a time ran a few per cent slower than 32 in
/// `benches/throughput`), few enough that cancelling is quick (32 pages of
/// 200 kB take about half a second).
const FILES_AT_ONCE: usize = EXTRACT_BATCH;

/// Reads the files `files[chunk]` and extracts their articles. A file or
/// article that cannot be read is an outcome, not an error.
fn read_files<'a>(
    lock: &impl Fn() -> std::sync::MutexGuard<'a, Store>,
    stored: &std::collections::HashSet<u64>,
    chunk: std::ops::Range<usize>,
    files: &[PathBuf],
    options: &ReadOptions,
) -> Vec<ReadFile> {
    let mut out = Vec::new();
    // The articles to extract, with the index in `out` of their file.
    let mut todo: Vec<(usize, Article)> = Vec::new();
    for index in chunk {
        let file = &files[index];
        let mut known = Summary::default();
        match Article::read_with(file, options) {
            Err(reason) => known.add(file.to_path_buf(), Outcome::Failed(reason)),
            Ok(read) => {
                for article in read {
                    if let Some(reason) = article.error {
                        known.add(PathBuf::from(&article.file), Outcome::Failed(reason));
                        continue;
                    }
                    // Already stored: no need to extract it again. Only a
                    // text whose key is known is looked up; a failed look-up
                    // is left to the write, which checks again.
                    let maybe = stored.contains(&crate::store::content_key(&article.text));
                    let present = if maybe { lock().find_article(&article.text) } else { Ok(None) };
                    match present {
                        Ok(Some(_)) => known.add(PathBuf::from(&article.file), Outcome::AlreadyPresent),
                        _ => todo.push((out.len(), article)),
                    }
                }
            }
        }
        out.push(ReadFile { index, known, articles: Vec::new() });
    }
    let extracted = Article::extract_all(&todo.iter().map(|(_, a)| a).collect::<Vec<_>>());
    for ((at, article), x) in todo.into_iter().zip(extracted) {
        let read = &mut out[at];
        match x {
            Err(reason) => read.known.add(PathBuf::from(&article.file), Outcome::Failed(reason)),
            Ok(x) => read.articles.push((article, x)),
        }
    }
    out
}

/// Files read ahead of the writer, at most: enough that readers never wait
/// for a batch being written, few enough to bound memory.
const QUEUE: usize = 1024;

/// How long a batch may wait for more articles before it is written.
const BATCH_WAIT: std::time::Duration = std::time::Duration::from_millis(250);

/// Writes what the workers send, a batch per transaction, and reports each
/// file (its index and outcomes) once its articles are stored. Once
/// `cancel` is set, what was read and not yet written is dropped.
fn write_batches(
    receive: &std::sync::mpsc::Receiver<ReadFile>,
    store: &Mutex<Store>,
    most: usize,
    cancel: &AtomicBool,
    mut file_done: impl FnMut(usize, Summary),
) -> Result<(), StoreError> {
    let mut batch: Vec<ReadFile> = Vec::new();
    let mut size = 0;
    let mut since = std::time::Instant::now();
    loop {
        // Wait for work when there is none; otherwise gather a batch, but
        // write within a quarter of a second of its first file.
        let next = if batch.is_empty() {
            let r = receive.recv().ok();
            since = std::time::Instant::now();
            r
        } else {
            receive.recv_timeout(BATCH_WAIT.saturating_sub(since.elapsed())).ok()
        };
        if let Some(read) = next {
            size += read.articles.len();
            batch.push(read);
            if size < most && since.elapsed() < BATCH_WAIT {
                continue;
            }
        }
        if batch.is_empty() {
            return Ok(());
        }
        if cancel.load(Ordering::Relaxed) {
            while receive.recv().is_ok() {}
            return Ok(());
        }
        let items: Vec<NewArticle<'_>> = batch
            .iter()
            .flat_map(|r| &r.articles)
            .map(|(a, x)| NewArticle {
                file: &a.file,
                url: a.url.as_deref(),
                text: &a.text,
                extraction: x,
                replaces: a.whole_file,
            })
            .collect();
        // One transaction per `most` articles, even within one large file,
        // so that the lock is never held for long.
        let mut added = Vec::with_capacity(items.len());
        for chunk in items.chunks(most) {
            added.extend(store.lock().unwrap_or_else(|p| p.into_inner()).add_articles(chunk)?);
        }
        let mut added = added.into_iter();
        for read in batch.drain(..) {
            let mut s = read.known;
            for (article, _) in &read.articles {
                let outcome = added.next().map_or(Outcome::Failed("not stored".into()), Outcome::from);
                s.add(PathBuf::from(&article.file), outcome);
            }
            file_done(read.index, s);
        }
        size = 0;
    }
}

/// Where a publication date the analyst set is said to come from.
const SET_BY_THE_ANALYST: &str = "set by the analyst";

/// Sets a stored article's publication date and reads its events again
/// against it (keeping what the analyst set, see [`Reread`]), or `None`
/// for no such article.
pub fn set_published(
    store: &mut Store,
    article_id: i64,
    date: chrono::NaiveDate,
) -> Result<Option<Reread>, StoreError> {
    let Some(article) = store.article(article_id)? else { return Ok(None) };
    let mut x = extract::extract(&article.text, &Options { published: Some(date), ..Options::default() });
    if let Some(p) = x.published.as_mut() {
        p.source = SET_BY_THE_ANALYST.into();
    }
    store.replace_extraction(article_id, &x).map(Some)
}

/// What reading every stored article again did (see [`reextract_all`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Reextracted {
    pub articles: usize,
    /// Events whose fields or sources changed.
    pub changed: usize,
    /// Sources (reports) new, found again, and no longer read.
    pub added: usize,
    pub kept: usize,
    pub removed: usize,
    /// Fields the analyst set, or of verified events, where the new
    /// reading says otherwise: kept as the analyst had them.
    pub held: Vec<Held>,
}

/// Reads every stored article again with this engine, each against the
/// publication date stored for it, one transaction per article: events
/// found again keep their ids, grouping and everything the analyst set.
pub fn reextract_all(store: &mut Store) -> Result<Reextracted, StoreError> {
    let mut out = Reextracted::default();
    let mut changed = std::collections::BTreeSet::new();
    for id in store.article_ids()? {
        let Some(article) = store.article(id)? else { continue };
        let published = article.published.as_deref().and_then(|d| d.parse().ok());
        let options = Options {
            published,
            published_source: published.map(|_| article.published_source.clone()),
            file_name: Some(article.file.clone()),
            ..Options::default()
        };
        let reread = store.replace_extraction(id, &extract::extract(&article.text, &options))?;
        out.articles += 1;
        changed.extend(reread.events);
        out.added += reread.added;
        out.kept += reread.kept;
        out.removed += reread.removed;
        out.held.extend(reread.held);
    }
    out.changed = changed.len();
    Ok(out)
}

/// Extracts and stores one article's text (unless the same text is stored already).
pub fn add_text(store: &mut Store, file: &str, text: &str, options: &Options) -> Result<Added, StoreError> {
    if let Some(article_id) = store.find_article(text)? {
        return Ok(Added::AlreadyPresent { article_id });
    }
    let extraction = extract::extract(text, options);
    store.add_article(file, text, &extraction)
}
