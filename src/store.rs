//! The SQLite store: the only module that touches the database.
//!
//! Bundled SQLite, WAL, foreign keys on; the schema is the numbered files of
//! `migrations/`, applied with rusqlite_migration. Each article is written
//! with all its events in one transaction, so a crash never leaves half an
//! article behind.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Transaction, params, params_from_iter, types::Value};
use rusqlite_migration::{M, Migrations};
use serde::Serialize;
use sha2::{Digest, Sha256};
use thiserror::Error;

use crate::extract::Extraction;
use crate::model::{DateValue, Event, EventType, Evidence, Status};

mod backup;
mod curation;
mod index;
mod reports;
pub use curation::{AuditEntry, Disagreement, DisagreementValue, NewEvent, NewSource, ReviewItem, UserPerson};
use index::{Stamp, TimelineIndex};
pub use reports::{Edits, FIELDS, Held, Origin, OtherSource, Reread, consensus};

/// A failure of the store.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("cannot bring the database schema up to date: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("cannot create the database folder {path}: {source}")]
    Folder { path: String, source: std::io::Error },
    #[error("the database holds a value this version cannot read: {0}")]
    Corrupt(String),
    /// A change the analyst asked for that cannot be made, and why.
    #[error("{0}")]
    Invalid(String),
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// The schema's migrations, in order. Append only: a landed file is never edited.
pub fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(include_str!("../migrations/001_initial.sql")),
        M::up(include_str!("../migrations/002_article_source.sql")),
        M::up(include_str!("../migrations/003_actor_entity.sql")),
        M::up(include_str!("../migrations/004_timeline.sql")),
        M::up(include_str!("../migrations/005_saved_views.sql")),
        M::up(include_str!("../migrations/006_reports.sql")),
    ])
}

/// What the timeline shows: the same filters mean the same in the app and
/// on the command line. Within one kind the values are alternatives (any
/// of these countries); different kinds must all hold.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    pub countries: Vec<String>,
    pub actors: Vec<String>,
    pub types: Vec<EventType>,
    /// Events whose span ends on or after this day.
    pub from: Option<NaiveDate>,
    /// Events whose span starts on or before this day.
    pub to: Option<NaiveDate>,
    /// Words that must all appear in the event's evidence or its article's
    /// title (prefix matching, case-insensitive).
    pub text: Option<String>,
    /// Only events that occurred, or only planned ones.
    pub status: Option<Status>,
    /// Events read with at least this confidence (0 to 1).
    pub min_confidence: Option<f64>,
}

/// An event as a timeline mark and a table row: what they show and what
/// lanes group by, without the evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventRow {
    pub id: i64,
    pub kind: EventType,
    pub date: DateValue,
    pub date_inferred: bool,
    pub status: Status,
    /// Sorted codes of states and organisations.
    pub countries: Vec<String>,
    /// Names, in the order read.
    pub actors: Vec<String>,
    pub location: String,
    /// The title of the first article it was read from.
    pub title: String,
    pub confidence: f64,
}

/// An article without a publication date, as listed for the analyst.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undated {
    pub id: i64,
    pub file: String,
    pub title: String,
}

/// The events in a window of time (see [`Store::window`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Window {
    /// By first day, then id; at most the limit asked for.
    pub events: Vec<EventRow>,
    /// More events lie in the window than the limit.
    pub more: bool,
}

/// What bins are split by (the timeline's lanes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinGroup {
    None,
    Type,
    /// Each of the event's countries; events without one in lane "".
    Country,
    /// Each of the event's actors (canonical names); events without one in lane "".
    Actor,
}

/// The order of the event table (see [`Store::rows`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowOrder {
    /// By first day, then id.
    Date,
    /// By type code, then date.
    Type,
    /// By the first of the event's country codes, then date; events
    /// without a country last in either direction.
    Country,
}

/// A view the analyst named: the UI's state as it wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SavedView {
    pub name: String,
    pub state: String,
    /// When it was saved (UTC, RFC 3339).
    pub saved: String,
}

/// Events starting in one bin of days, in one lane (see [`Store::bins`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Bin {
    /// The bin's first day.
    pub start: NaiveDate,
    /// The lane: an event type's code, a country code, an actor's name, or
    /// empty.
    pub lane: String,
    pub count: i64,
}

/// A day as the timeline queries count it: days since 1970-01-01.
pub fn day_number(d: NaiveDate) -> i64 {
    (d - NaiveDate::from_ymd_opt(1970, 1, 1).expect("a date")).num_days()
}

/// Column `i` of a row, as `parse` reads its text; a value it refuses is
/// a conversion failure naming the column.
fn parsed<T>(r: &rusqlite::Row<'_>, i: usize, parse: impl Fn(&str) -> Option<T>) -> rusqlite::Result<T> {
    let text: String = r.get(i)?;
    parse(&text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            i,
            rusqlite::types::Type::Text,
            format!("`{text}` is not valid").into(),
        )
    })
}

/// The conditions of a filter's types and status on a table with `type`
/// and `status` columns (totals, country and actor rows), their values
/// added to `args`.
fn type_and_status(filter: &Filter, args: &mut Vec<Value>) -> String {
    let mut sql = String::new();
    if !filter.types.is_empty() {
        sql += &format!(" AND type IN ({})", vec!["?"; filter.types.len()].join(", "));
        args.extend(filter.types.iter().map(|t| Value::Text(t.code().to_string())));
    }
    if let Some(s) = filter.status {
        sql += " AND status = ?";
        args.push(Value::Text(s.code().to_string()));
    }
    sql
}

/// The span class of an event lasting `days` after its first day (see
/// `migrations/004_timeline.sql`): 0 up to 31 days, 1 up to 366, 2 longer.
fn span_class(days: i64) -> i64 {
    if days < 31 {
        0
    } else if days < 366 {
        1
    } else {
        2
    }
}

fn day_of_number(n: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(1970, 1, 1).expect("a date") + chrono::Duration::days(n)
}

/// One source of an event: a report, as an article (or the analyst, or an
/// imported file) tells it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    pub report_id: i64,
    /// The stored article it was read from; `None` for a source the
    /// analyst typed or an export brought.
    pub article_id: Option<i64>,
    pub file: String,
    pub title: String,
    pub url: Option<String>,
    pub published: Option<String>,
    pub evidence: Vec<Evidence>,
    /// What this source says, field by field (its date, place, status…).
    pub says: Event,
    /// Placed in this event by the analyst (merge or split).
    pub pinned: bool,
    /// Why the engine grouped it with the event's first source (empty for
    /// the first, and for a pinned one).
    pub why: Vec<String>,
}

/// An event as stored, with its sources and the analyst's curation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredEvent {
    pub id: i64,
    #[serde(flatten)]
    pub event: Event,
    pub sources: Vec<Source>,
    pub origin: Origin,
    pub verified: bool,
    pub deleted: bool,
    /// The fields the analyst set.
    pub edited: Vec<&'static str>,
    pub tags: Vec<String>,
    pub note: String,
    /// Where the sources say different things.
    pub disagreements: Vec<Disagreement>,
    /// Fields where the reading of the sources differs from what the
    /// event shows because the analyst set them (or verified it).
    pub held: Vec<Held>,
}

/// A stored article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Article {
    pub id: i64,
    pub file: String,
    pub title: String,
    pub published: Option<String>,
    pub published_source: String,
    pub text: String,
    /// The address it was published at, when the file gave one.
    pub url: Option<String>,
}

/// A value of a facet and how many events of the current selection have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetCount {
    pub value: String,
    /// The actor's country, for actors; empty otherwise.
    pub country: String,
    /// The actor's [`ActorKind`] code (`known`, `learned`), for actors; empty otherwise.
    pub kind: String,
    pub count: i64,
}

/// Where the store knows an actor from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    /// A person of the gazetteer (`resources/people.tsv`), under the
    /// canonical name, with aliases and offices.
    Known,
    /// A person found only in the text, under the name as written.
    Learned,
}

impl ActorKind {
    pub fn code(self) -> &'static str {
        match self {
            ActorKind::Known => "known",
            ActorKind::Learned => "learned",
        }
    }

    pub fn from_code(s: &str) -> Option<ActorKind> {
        match s {
            "known" => Some(ActorKind::Known),
            "learned" => Some(ActorKind::Learned),
            _ => None,
        }
    }
}

/// A term of office of a known actor, as the gazetteer gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActorOffice {
    /// ISO alpha-3 or organisation code.
    pub country: String,
    pub title: String,
    /// First day (YYYY-MM-DD); `None` when the table does not record it.
    pub from: Option<String>,
    /// The day the term ended (the successor's first day); `None` while it runs.
    pub to: Option<String>,
}

/// A title and country the texts gave an actor, and in how many events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActorRole {
    pub title: String,
    pub country: String,
    pub events: i64,
}

/// An actor as an entity: who they are, under which names, with which offices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActorDetail {
    pub id: i64,
    /// The canonical name (the gazetteer's), or the name as written for a learned actor.
    pub name: String,
    /// The state or organisation they act for (a known actor's latest term's).
    pub country: String,
    pub kind: ActorKind,
    /// Other spellings, sorted.
    pub aliases: Vec<String>,
    /// Terms of office by date, earliest first.
    pub offices: Vec<ActorOffice>,
    /// The titles the texts gave them (most events first).
    pub roles: Vec<ActorRole>,
    /// Stored events they take part in.
    pub events: i64,
}

/// Counts per country, actor and type; each counted with the other
/// filters applied but not its own, so a selection never hides its siblings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Facets {
    pub countries: Vec<FacetCount>,
    pub actors: Vec<FacetCount>,
    pub types: Vec<FacetCount>,
}

/// The result of adding one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    New {
        article_id: i64,
        events: usize,
    },
    /// The same text was imported before.
    AlreadyPresent {
        article_id: i64,
    },
    /// A new version of an article imported before from the same path: its
    /// text and events replace the old version's.
    Updated {
        article_id: i64,
        events: usize,
    },
}

pub struct Store {
    conn: Connection,
    /// The database file (none in memory): the index loads from it.
    path: Option<PathBuf>,
    /// The events in memory, when loaded ([`Store::load_index`]).
    index: index::SharedSlot,
}

/// SHA-256 of an article's text: its identity for "already imported".
pub fn content_hash(text: &str) -> String {
    Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// The first 64 bits of a text's [`content_hash`]: a compact key for
/// "is this text perhaps stored already?".
pub fn content_key(text: &str) -> u64 {
    let digest = Sha256::digest(text.as_bytes());
    u64::from_be_bytes(digest[..8].try_into().expect("a SHA-256 digest has 32 bytes"))
}

impl Store {
    /// The [`content_key`] of every stored article (8 bytes each: a
    /// million articles take 8 MB).
    pub fn content_keys(&self) -> Result<std::collections::HashSet<u64>> {
        let mut stmt = self.conn.prepare("SELECT substr(content_hash, 1, 16) FROM article")?;
        let keys = stmt.query_map([], |r| r.get::<_, String>(0))?;
        let mut out = std::collections::HashSet::new();
        for k in keys {
            if let Ok(k) = u64::from_str_radix(&k?, 16) {
                out.insert(k);
            }
        }
        Ok(out)
    }

    /// Opens (creating if needed) the database at `path` and migrates it.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|source| StoreError::Folder { path: dir.display().to_string(), source })?;
        }
        let mut store = Store::setup(Connection::open(path)?)?;
        store.path = Some(path.to_path_buf());
        Ok(store)
    }

    /// A private database in memory (tests, one-off runs).
    pub fn open_in_memory() -> Result<Store> {
        Store::setup(Connection::open_in_memory()?)
    }

    fn setup(mut conn: Connection) -> Result<Store> {
        // Another process (the CLI beside the app) may be writing: wait for
        // it rather than fail.
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // Two processes opening a new database at once both try to create
        // the schema; the one that loses sees it done when it tries again.
        let mut attempt = 0;
        loop {
            match migrations().to_latest(&mut conn) {
                Ok(()) => break,
                Err(_) if attempt < 5 => {
                    attempt += 1;
                    std::thread::sleep(std::time::Duration::from_millis(50 * attempt));
                }
                Err(e) => return Err(e.into()),
            }
        }
        sync_actors(&mut conn)?;
        Ok(Store { conn, path: None, index: Default::default() })
    }

    /// Number of articles and events stored.
    pub fn counts(&self) -> Result<(i64, i64)> {
        Ok(self.conn.query_row("SELECT (SELECT count(*) FROM article), (SELECT count(*) FROM event)", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?)
    }

    /// The article with this text, if it was imported before.
    pub fn find_article(&self, text: &str) -> Result<Option<i64>> {
        Ok(self
            .conn
            .query_row("SELECT id FROM article WHERE content_hash = ?1", [content_hash(text)], |r| r.get(0))
            .optional()?)
    }

    /// Stores an article and its events in one transaction.
    pub fn add_article(&mut self, file: &str, text: &str, x: &Extraction) -> Result<Added> {
        self.add_article_from(file, None, text, x)
    }

    /// [`Store::add_article`] with the address the article was published
    /// at. The same text already stored is not added again; a different
    /// text from the same path (`file`) is a new version: it replaces the
    /// stored one and its events, in the same transaction.
    pub fn add_article_from(&mut self, file: &str, url: Option<&str>, text: &str, x: &Extraction) -> Result<Added> {
        Ok(self.add_articles(&[NewArticle { file, url, text, extraction: x, replaces: true }])?.remove(0))
    }

    /// Stores several articles, each as [`Store::add_article_from`] does,
    /// in one transaction: all of them with all their events, or none.
    /// (One commit per batch rather than per article is what makes a bulk
    /// import fast.)
    pub fn add_articles(&mut self, articles: &[NewArticle<'_>]) -> Result<Vec<Added>> {
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let layer = curation::UserLayer::read(&tx)?;
        let mut grouping = reports::Grouping::default();
        let added = articles.iter().map(|a| add_in(&tx, &layer, &mut grouping, a)).collect::<Result<Vec<_>>>()?;
        grouping.finish(&tx)?;
        tx.commit()?;
        Ok(added)
    }

    /// Events matching the filter, by date.
    pub fn events(&self, filter: &Filter) -> Result<Vec<StoredEvent>> {
        let (sql, args) = where_clause(filter, None);
        let ids = self
            .conn
            .prepare(&format!("SELECT e.id FROM event e WHERE {sql} ORDER BY e.date_start, e.id"))?
            .query_map(params_from_iter(args), |r| r.get::<_, i64>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            out.extend(curation::stored_event(&self.conn, id)?);
        }
        Ok(out)
    }

    /// The first and last days of the events matching the filter (the
    /// timeline's "fit all"), if any match.
    pub fn span(&self, filter: &Filter) -> Result<Option<(NaiveDate, NaiveDate)>> {
        if let Some(ix) = self.index() {
            return Ok(ix.span(&self.conn, filter)?.map(|(a, b)| (day_of_number(a), day_of_number(b))));
        }
        let (w, args) = where_clause(filter, None);
        let first: Option<i64> = self.conn.query_row(
            &format!("SELECT min(e.day_start) FROM event e WHERE {w}"),
            params_from_iter(&args),
            |r| r.get(0),
        )?;
        let Some(first) = first else { return Ok(None) };
        // The last end is among the events that start within the longest
        // span of the last start: one range of the day index.
        let longest = self.longest_spans()?.into_iter().flatten().max().unwrap_or(0);
        let last: i64 = self.conn.query_row(
            &format!(
                "SELECT max(e.day_end) FROM event e WHERE e.day_start >=
                   (SELECT max(e.day_start) FROM event e WHERE {w}) - ? AND {w}"
            ),
            params_from_iter(args.iter().chain([&Value::Integer(longest)]).chain(&args)),
            |r| r.get(0),
        )?;
        Ok(Some((day_of_number(first), day_of_number(last))))
    }

    /// The longest span (last day less first) of each span class, `None`
    /// for a class without events: the last entry of each class's index.
    fn longest_spans(&self) -> Result<[Option<i64>; 3]> {
        let mut stmt = self.conn.prepare_cached("SELECT max(day_end - day_start) FROM event WHERE span_class = ?1")?;
        let mut out = [None; 3];
        for (class, slot) in (0..).zip(out.iter_mut()) {
            *slot = stmt.query_row([class], |r| r.get(0))?;
        }
        Ok(out)
    }

    /// Refreshes the statistics the query planner chooses indexes by, for
    /// the tables that changed enough to need it (after an import): without
    /// them it may read a million events where a country's index range
    /// would do. SQLite bounds the work (`PRAGMA optimize`, checking every
    /// table).
    pub fn optimize(&self) -> Result<()> {
        self.conn.execute_batch("PRAGMA optimize = 0x10002")?;
        Ok(())
    }

    /// Reads the timeline index (see `store/index.rs`) now, on this thread.
    /// Until the database changes, windows, bins, spans, facets and table
    /// rows are answered from it.
    pub fn load_index(&self) -> Result<()> {
        let ix = TimelineIndex::load(&self.conn, Stamp::of(&self.conn)?)?;
        self.index.lock().expect("index slot").ready = Some(Arc::new(ix));
        Ok(())
    }

    /// Loads the timeline index on a thread of its own, now and again
    /// after each change to the database; the store answers from SQL
    /// meanwhile. A database in memory loads it on this thread.
    pub fn keep_index_warm(&self) -> Result<()> {
        if self.path.is_none() {
            return self.load_index();
        }
        self.index.lock().expect("index slot").keep_warm = true;
        self.index();
        Ok(())
    }

    /// Whether queries are answered from the index now.
    pub fn index_ready(&self) -> bool {
        self.index
            .lock()
            .expect("index slot")
            .ready
            .as_ref()
            .is_some_and(|ix| Stamp::of(&self.conn).ok() == Some(ix.stamp))
    }

    /// The index, if loaded and the database has not changed since; starts
    /// loading it again when kept warm.
    fn index(&self) -> Option<Arc<TimelineIndex>> {
        let stamp = Stamp::of(&self.conn).ok()?;
        let mut slot = self.index.lock().expect("index slot");
        match &slot.ready {
            Some(ix) if ix.stamp == stamp => return Some(ix.clone()),
            Some(_) => slot.ready = None, // a million events' worth of memory
            None => {}
        }
        let now = std::time::Instant::now();
        let settled = match slot.seen {
            Some((seen, since)) if seen == stamp => now - since >= index::SETTLE,
            Some(_) => false,
            None => true, // nothing seen changing
        };
        if slot.seen.is_none_or(|(seen, _)| seen != stamp) {
            slot.seen = Some((stamp, now));
        }
        if slot.keep_warm
            && settled
            && !slot.loading
            && let Some(path) = &self.path
        {
            slot.loading = true;
            index::load_in_background(path.clone(), stamp, self.index.clone());
        }
        None
    }

    /// The events matching the filter that overlap the days `from..=to`
    /// as the event table lists them: in `order` (reversed when `desc`),
    /// the `limit` from `offset` on, and how many there are.
    pub fn rows(
        &self,
        filter: &Filter,
        (from, to): (NaiveDate, NaiveDate),
        (order, desc): (RowOrder, bool),
        offset: usize,
        limit: usize,
    ) -> Result<(Vec<EventRow>, usize)> {
        let (from, to) = (day_number(from), day_number(to));
        if let Some(ix) = self.index() {
            return ix.rows(&self.conn, filter, (from, to), order, desc, offset..offset + limit);
        }
        let (w, mut args) = where_clause(filter, None);
        let dir = if desc { "DESC" } else { "ASC" };
        let key = match order {
            // By `date_start`, the order of `day_start`, for the indexes
            // `event_by_start` and `event_by_type`.
            RowOrder::Date => format!("e.date_start {dir}, e.id {dir}"),
            RowOrder::Type => format!("e.type {dir}, e.date_start {dir}, e.id {dir}"),
            RowOrder::Country => format!(
                "e.countries = '' ASC, (SELECT min(code) FROM event_country WHERE event_id = e.id) {dir},
                 e.day_start {dir}, e.id {dir}"
            ),
        };
        // Bounds on `date_start` as well, so that the indexes on it read
        // from the longest span before the range, not from the first event.
        let longest = self.longest_spans()?.into_iter().flatten().max().unwrap_or(0);
        let (lo, hi) = (day_of_number(from - longest), day_of_number(to));
        let within =
            format!("e.date_start BETWEEN '{lo}' AND '{hi}' AND e.day_start <= {to} AND e.day_end >= {from} AND {w}");
        let total: i64 = self.conn.query_row(
            &format!("SELECT count(*) FROM event e WHERE {within}"),
            params_from_iter(&args),
            |r| r.get(0),
        )?;
        args.extend([Value::Integer(limit as i64), Value::Integer(offset as i64)]);
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT {ROW_COLUMNS} FROM event e WHERE {within} ORDER BY {key} LIMIT ? OFFSET ?"))?;
        let rows = stmt.query_map(params_from_iter(args), event_row)?;
        Ok((rows.collect::<rusqlite::Result<Vec<_>>>()?, total as usize))
    }

    /// The saved views, by name.
    pub fn views(&self) -> Result<Vec<SavedView>> {
        let mut stmt = self.conn.prepare("SELECT name, state, saved FROM saved_view ORDER BY name")?;
        let rows = stmt.query_map([], |r| Ok(SavedView { name: r.get(0)?, state: r.get(1)?, saved: r.get(2)? }))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Saves a view under a name, replacing a view of that name.
    pub fn save_view(&self, name: &str, state: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO saved_view (name, state, saved) VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
             ON CONFLICT (name) DO UPDATE SET state = excluded.state, saved = excluded.saved",
            params![name, state],
        )?;
        Ok(())
    }

    /// Deletes a saved view; whether there was one.
    pub fn delete_view(&self, name: &str) -> Result<bool> {
        Ok(self.conn.execute("DELETE FROM saved_view WHERE name = ?1", [name])? > 0)
    }

    /// The events matching the filter that overlap the days `from..=to`,
    /// by first day, at most `limit` of them: what the timeline draws.
    /// One range of the day index: events starting from `from` less the
    /// longest span stored, up to `to`.
    pub fn window(&self, filter: &Filter, from: NaiveDate, to: NaiveDate, limit: usize) -> Result<Window> {
        let (from, to) = (day_number(from), day_number(to));
        if let Some(ix) = self.index() {
            let mut events = ix.window(&self.conn, filter, from, to, Some(limit))?;
            let more = events.len() > limit;
            events.truncate(limit);
            return Ok(Window { events, more });
        }
        let mut parts = Vec::new();
        let mut all: Vec<Value> = Vec::new();
        for (class, longest) in (0..).zip(self.longest_spans()?) {
            let Some(longest) = longest else { continue };
            let bound = Bound { class, from: from - longest, to };
            let (w, args) = bounded_where_clause(filter, None, Some(bound));
            parts.push(format!(
                "SELECT * FROM (SELECT {ROW_COLUMNS}, e.day_start
                 FROM event e
                 WHERE e.span_class = ? AND e.day_start BETWEEN ? AND ? AND e.day_end >= ? AND {w}
                 ORDER BY e.day_start, e.id LIMIT ?)"
            ));
            all.extend([Value::Integer(class), Value::Integer(bound.from), Value::Integer(to), Value::Integer(from)]);
            all.extend(args);
            all.push(Value::Integer(limit as i64 + 1));
        }
        if parts.is_empty() {
            return Ok(Window { events: Vec::new(), more: false });
        }
        let mut stmt =
            self.conn.prepare_cached(&format!("{} ORDER BY day_start, id LIMIT ?", parts.join(" UNION ALL ")))?;
        all.push(Value::Integer(limit as i64 + 1));
        let rows = stmt.query_map(params_from_iter(all), event_row)?;
        let mut events = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        let more = events.len() > limit;
        events.truncate(limit);
        Ok(Window { events, more })
    }

    /// How many events matching the filter start in each bin of `width`
    /// days from `from` to `to`, by lane: the timeline's density where
    /// marks would overlap, and its overview. An event counts once, on its
    /// first day (in each of its countries' lanes when grouped by country).
    ///
    /// When the filter asks only for types, status, dates and at most one
    /// country, the counts come from the per-day totals, or the per-week
    /// ones when the bins are whole weeks over whole weeks (`from` a
    /// week's first day: a multiple of 7 days from 1970-01-01). With
    /// several countries, or actors, from their rows (which hold the
    /// event's day, type and status); otherwise from the events.
    pub fn bins(
        &self,
        filter: &Filter,
        from: NaiveDate,
        to: NaiveDate,
        width: u32,
        group: BinGroup,
    ) -> Result<Vec<Bin>> {
        let from = day_number(filter.from.map_or(from, |f| f.max(from)));
        let to = day_number(filter.to.map_or(to, |t| t.min(to)));
        let width = i64::from(width.max(1));
        if to < from {
            return Ok(Vec::new());
        }
        if let Some(ix) = self.index() {
            return ix.bins(&self.conn, filter, (from, to), width, group);
        }
        let placeholders = |n: usize| vec!["?"; n].join(", ");
        // Filters of types, status and dates, with countries or actors.
        let plain = filter.text.is_none() && filter.min_confidence.is_none();
        let mut args: Vec<Value> = Vec::new();
        let by_type_or_none = matches!(group, BinGroup::None | BinGroup::Type);
        let sql = if plain && filter.actors.is_empty() && filter.countries.len() <= 1 && by_type_or_none {
            let lane = if group == BinGroup::Type { "type" } else { "''" };
            let weekly = width % 7 == 0 && from.rem_euclid(7) == 0 && (to - from + 1) % 7 == 0;
            let (table, unit, first) = match (weekly, filter.countries.is_empty()) {
                (false, true) => ("event_day", "day", "day"),
                (false, false) => ("country_day", "day", "day"),
                (true, true) => ("event_week", "week", "week * 7 - 700000"),
                (true, false) => ("country_week", "week", "week * 7 - 700000"),
            };
            let (lo, hi) = if weekly { ((from + 700_000) / 7, (to + 700_000) / 7) } else { (from, to) };
            args.extend([Value::Integer(from), Value::Integer(width), Value::Integer(lo), Value::Integer(hi)]);
            let mut sql =
                format!("SELECT ({first} - ?) / ? AS b, {lane}, sum(n) FROM {table} WHERE {unit} BETWEEN ? AND ?");
            if let Some(code) = filter.countries.first() {
                sql += " AND code = ?";
                args.push(Value::Text(code.to_uppercase()));
            }
            sql + &type_and_status(filter, &mut args) + " GROUP BY 1, 2"
        } else if plain && by_type_or_none && filter.countries.is_empty() != filter.actors.is_empty() {
            // Some countries, or some actors: ranges of their index alone,
            // each event once however many of them it names.
            let (table, key, values) = if filter.actors.is_empty() {
                ("event_country", "code", filter.countries.iter().map(|c| Value::Text(c.to_uppercase())).collect())
            } else {
                let mut names = Vec::new();
                let ids: Vec<Value> = self
                    .conn
                    .prepare(&actor_ids(&filter.actors, &mut names))?
                    .query_map(params_from_iter(names), |r| r.get::<_, i64>(0))?
                    .map(|id| id.map(Value::Integer))
                    .collect::<rusqlite::Result<_>>()?;
                ("event_actor", "actor_id", ids)
            };
            if values.is_empty() {
                return Ok(Vec::new());
            }
            let lane = if group == BinGroup::Type { "type" } else { "''" };
            args.extend([Value::Integer(from), Value::Integer(width)]);
            let sql = format!(
                "SELECT (day_start - ?) / ? AS b, {lane}, count(DISTINCT event_id) FROM {table}
                 WHERE {key} IN ({}) AND span_class IN (0, 1, 2) AND day_start BETWEEN ? AND ?",
                placeholders(values.len())
            );
            args.extend(values);
            args.extend([Value::Integer(from), Value::Integer(to)]);
            sql + &type_and_status(filter, &mut args) + " GROUP BY 1, 2"
        } else {
            // The events, one range of the day index per span class; the
            // countries' and actors' subqueries bounded the same way.
            let (lane, join) = match group {
                BinGroup::None => ("''", ""),
                BinGroup::Type => ("e.type", ""),
                BinGroup::Country => ("coalesce(ec.code, '')", "LEFT JOIN event_country ec ON ec.event_id = e.id"),
                BinGroup::Actor => (
                    "coalesce(a.name, '')",
                    "LEFT JOIN event_actor ea ON ea.event_id = e.id LEFT JOIN actor a ON a.id = ea.actor_id",
                ),
            };
            let mut parts = Vec::new();
            for class in 0..3 {
                let bound = Bound { class, from, to };
                let (w, wargs) =
                    bounded_where_clause(&Filter { from: None, to: None, ..filter.clone() }, None, Some(bound));
                parts.push(format!(
                    "SELECT (e.day_start - ?) / ? AS b, {lane} AS lane FROM event e {join}
                     WHERE e.span_class = ? AND e.day_start BETWEEN ? AND ? AND {w}"
                ));
                args.extend([Value::Integer(from), Value::Integer(width), Value::Integer(class)]);
                args.extend([Value::Integer(from), Value::Integer(to)]);
                args.extend(wargs);
            }
            format!("SELECT b, lane, count(*) FROM ({}) GROUP BY 1, 2", parts.join(" UNION ALL "))
        };
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(args), |r| {
            Ok(Bin { start: day_of_number(from + r.get::<_, i64>(0)? * width), lane: r.get(1)?, count: r.get(2)? })
        })?;
        let mut out = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        out.sort_by(|a, b| (a.start, &a.lane).cmp(&(b.start, &b.lane)));
        Ok(out)
    }

    /// One event by id, with its sources and curation; a deleted one too
    /// (it says so), so that it can be shown and restored.
    pub fn event(&self, id: i64) -> Result<Option<StoredEvent>> {
        curation::stored_event(&self.conn, id)
    }

    /// A stored article by id.
    pub fn article(&self, id: i64) -> Result<Option<Article>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id, path, title, published, published_source, text, url FROM article WHERE id = ?1",
                [id],
                article_row,
            )
            .optional()?)
    }

    /// Articles whose publication date is unknown: their relative dates
    /// could not be resolved. Newest import first, at most `limit` of them
    /// (id, file, title: not their text), and how many there are in all.
    pub fn articles_without_date(&self, limit: usize) -> Result<(Vec<Undated>, i64)> {
        let total: i64 =
            self.conn.query_row("SELECT count(*) FROM article WHERE published IS NULL", [], |r| r.get(0))?;
        let mut stmt = self
            .conn
            .prepare("SELECT id, path, title FROM article WHERE published IS NULL ORDER BY id DESC LIMIT ?1")?;
        let rows =
            stmt.query_map([limit as i64], |r| Ok(Undated { id: r.get(0)?, file: r.get(1)?, title: r.get(2)? }))?;
        Ok((rows.collect::<rusqlite::Result<Vec<_>>>()?, total))
    }

    /// Reads an article's events again from a new extraction (after the
    /// analyst set its publication date, or after an engine change), in
    /// one transaction: events found again keep their ids and grouping,
    /// and what the analyst set is kept (see [`Reread::held`]).
    pub fn replace_extraction(&mut self, article_id: i64, x: &Extraction) -> Result<Reread> {
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let diagnostics = serde_json::to_string(&x.diagnostics).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        tx.execute(
            "UPDATE article SET published = ?2, published_source = ?3, diagnostics = ?4 WHERE id = ?1",
            params![
                article_id,
                x.published.as_ref().map(|p| p.date.to_string()),
                x.published.as_ref().map_or(String::new(), |p| p.source.clone()),
                diagnostics
            ],
        )?;
        let layer = curation::UserLayer::read(&tx)?;
        let events: Vec<Event> = x.events.iter().map(|e| layer.apply(e)).collect();
        let mut grouping = reports::Grouping::default();
        let reread = reports::reread_article(&tx, &mut grouping, article_id, &events)?;
        grouping.finish(&tx)?;
        tx.commit()?;
        Ok(reread)
    }

    /// Counts per facet value for the current filter (see [`Facets`]).
    pub fn facets(&self, filter: &Filter) -> Result<Facets> {
        if let Some(ix) = self.index() {
            return ix.facets(&self.conn, filter);
        }
        let types = {
            let (w, args) = where_clause(filter, Some(Facet::Type));
            let sql = format!(
                "SELECT e.type, '', '', count(*) FROM event e WHERE {w} GROUP BY e.type ORDER BY count(*) DESC, e.type"
            );
            self.facet_rows(&sql, args)?
        };
        // With no country, actor, text, confidence or dates chosen, the
        // countries and actors are counted from their own rows, which hold
        // the event's type and status: joining a million events takes
        // seconds.
        let plain = filter.countries.is_empty()
            && filter.actors.is_empty()
            && filter.text.is_none()
            && filter.min_confidence.is_none()
            && filter.from.is_none()
            && filter.to.is_none();
        if plain {
            let mut args = Vec::new();
            let w = format!("1 = 1{}", type_and_status(filter, &mut args));
            let countries = format!(
                "SELECT code, '', '', count(*) FROM event_country WHERE {w} GROUP BY code ORDER BY count(*) DESC, code"
            );
            let actors = format!(
                "SELECT a.name, a.country, a.kind, x.n FROM
                   (SELECT actor_id, count(*) AS n FROM event_actor WHERE {w} GROUP BY actor_id) x
                 JOIN actor a ON a.id = x.actor_id ORDER BY x.n DESC, a.name"
            );
            return Ok(Facets {
                countries: self.facet_rows(&countries, args.clone())?,
                actors: self.facet_rows(&actors, args)?,
                types,
            });
        }
        let (w, args) = where_clause(filter, Some(Facet::Country));
        let countries = self.facet_rows(
            &format!(
                "SELECT ec.code, '', '', count(*) FROM event_country ec JOIN event e ON e.id = ec.event_id
                 WHERE {w} GROUP BY ec.code ORDER BY count(*) DESC, ec.code"
            ),
            args,
        )?;
        let (w, args) = where_clause(filter, Some(Facet::Actor));
        let actors = self.facet_rows(
            &format!(
                "SELECT a.name, a.country, a.kind, count(*) FROM event_actor ea JOIN actor a ON a.id = ea.actor_id
                 JOIN event e ON e.id = ea.event_id WHERE {w} GROUP BY a.id ORDER BY count(*) DESC, a.name"
            ),
            args,
        )?;
        Ok(Facets { countries, actors, types })
    }

    /// Facet counts as a query gives them: value, country, kind, count.
    fn facet_rows(&self, sql: &str, args: Vec<Value>) -> Result<Vec<FacetCount>> {
        let mut stmt = self.conn.prepare(sql)?;
        let rows = stmt.query_map(params_from_iter(args), |r| {
            Ok(FacetCount { value: r.get(0)?, country: r.get(1)?, kind: r.get(2)?, count: r.get(3)? })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}

impl Store {
    /// An actor by name: the canonical name, the name of a learned actor,
    /// or any alias of a known one ("Sergey Shoigu" gives Sergei Shoigu).
    pub fn actor(&self, name: &str) -> Result<Option<ActorDetail>> {
        let row = self
            .conn
            .query_row(
                "SELECT id, name, country, kind, 0 AS by_alias FROM actor WHERE name = ?1
                 UNION ALL
                 SELECT a.id, a.name, a.country, a.kind, 1 FROM actor_alias x JOIN actor a ON a.id = x.actor_id
                 WHERE x.alias = ?1
                 ORDER BY by_alias, id LIMIT 1",
                [name],
                |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?)),
            )
            .optional()?;
        let Some((id, name, country, kind)) = row else { return Ok(None) };
        let kind =
            ActorKind::from_code(&kind).ok_or_else(|| StoreError::Corrupt(format!("actor {id}: kind {kind}")))?;
        let mut stmt = self.conn.prepare_cached("SELECT alias FROM actor_alias WHERE actor_id = ?1 ORDER BY alias")?;
        let aliases = stmt.query_map([id], |r| r.get(0))?.collect::<rusqlite::Result<Vec<String>>>()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT country, title, date_from, date_to FROM actor_office WHERE actor_id = ?1
             ORDER BY date_from IS NOT NULL, date_from, date_to IS NULL, date_to, id",
        )?;
        let offices = stmt
            .query_map([id], |r| {
                Ok(ActorOffice { country: r.get(0)?, title: r.get(1)?, from: r.get(2)?, to: r.get(3)? })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT role, country, count(*) FROM event_actor WHERE actor_id = ?1 AND (role <> '' OR country <> '')
             GROUP BY role, country ORDER BY count(*) DESC, role, country",
        )?;
        let roles = stmt
            .query_map([id], |r| Ok(ActorRole { title: r.get(0)?, country: r.get(1)?, events: r.get(2)? }))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let events: i64 =
            self.conn.query_row("SELECT count(*) FROM event_actor WHERE actor_id = ?1", [id], |r| r.get(0))?;
        Ok(Some(ActorDetail { id, name, country, kind, aliases, offices, roles, events }))
    }

    /// The names of the actors whose name or any alias contains `text`,
    /// ignoring case and diacritics ("shoygu" finds Sergei Shoigu,
    /// "erdogan" Recep Tayyip Erdoğan), sorted. Find-as-you-type in the
    /// actor filter asks this.
    pub fn search_actors(&self, text: &str) -> Result<Vec<String>> {
        let q = fold_name(text.trim());
        if q.is_empty() {
            return Ok(Vec::new());
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.name FROM actor a WHERE instr(a.folded, ?1) > 0
                OR EXISTS (SELECT 1 FROM actor_alias x WHERE x.actor_id = a.id AND instr(x.folded, ?1) > 0)
             ORDER BY a.name",
        )?;
        Ok(stmt.query_map([q], |r| r.get(0))?.collect::<rusqlite::Result<Vec<String>>>()?)
    }
}

/// An `article` row selected as `id, path, title, published, published_source, text`.
fn article_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Article> {
    Ok(Article {
        id: r.get(0)?,
        file: r.get(1)?,
        title: r.get(2)?,
        published: r.get(3)?,
        published_source: r.get(4)?,
        text: r.get(5)?,
        url: r.get(6)?,
    })
}

/// An article to store: where it was read, its address, text and events.
#[derive(Debug, Clone, Copy)]
pub struct NewArticle<'a> {
    pub file: &'a str,
    pub url: Option<&'a str>,
    pub text: &'a str,
    pub extraction: &'a Extraction,
    /// Whether a different text stored from the same `file` is an older
    /// version this one replaces. True for a file that is one article; a
    /// feed's items or a corpus's rows are only ever added.
    pub replaces: bool,
}

fn add_in(
    tx: &Transaction<'_>,
    layer: &curation::UserLayer,
    grouping: &mut reports::Grouping,
    a: &NewArticle<'_>,
) -> Result<Added> {
    let (file, url, text, x) = (a.file, a.url, a.text, a.extraction);
    let hash = content_hash(text);
    if let Some(id) = tx
        .prepare_cached("SELECT id FROM article WHERE content_hash = ?1")?
        .query_row([&hash], |r| r.get(0))
        .optional()?
    {
        return Ok(Added::AlreadyPresent { article_id: id });
    }
    let diagnostics = serde_json::to_string(&x.diagnostics).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let published = x.published.as_ref().map(|p| p.date.to_string());
    let source = x.published.as_ref().map_or(String::new(), |p| p.source.clone());
    let previous: Option<i64> = if a.replaces {
        tx.prepare_cached("SELECT id FROM article WHERE path = ?1 ORDER BY id DESC LIMIT 1")?
            .query_row([file], |r| r.get(0))
            .optional()?
    } else {
        None
    };
    let article_id = match previous {
        Some(id) => {
            tx.prepare_cached(
                "UPDATE article SET content_hash = ?2, title = ?3, published = ?4, published_source = ?5, text = ?6,
                 diagnostics = ?7, url = ?8, imported_at = datetime('now') WHERE id = ?1",
            )?
            .execute(params![id, hash, x.title, published, source, text, diagnostics, url])?;
            id
        }
        None => {
            tx.prepare_cached("INSERT INTO article (content_hash, path, title, published, published_source, text, diagnostics, url, imported_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, datetime('now'))")?.execute(params![hash, file, x.title, published, source, text, diagnostics, url],
            )?;
            tx.last_insert_rowid()
        }
    };
    let events: Vec<Event> = x.events.iter().map(|e| layer.apply(e)).collect();
    match previous {
        Some(_) => {
            reports::reread_article(tx, grouping, article_id, &events)?;
        }
        None => {
            for (seq, e) in events.iter().enumerate() {
                let found = grouping.find(tx, Some(article_id), e)?;
                grouping.place(tx, (article_id, seq, &x.title), e, found)?;
            }
        }
    }
    let events = events.len();
    Ok(match previous {
        Some(_) => Added::Updated { article_id, events },
        None => Added::New { article_id, events },
    })
}

/// Writes the `event` row of a record (`event_id`), with its countries,
/// actors and evidence (article, report, sentence), and the title the
/// timeline shows beside it. Only [`reports::materialize`] calls it.
fn insert_event<'a>(
    tx: &Transaction<'_>,
    event_id: i64,
    title: &str,
    e: &Event,
    evidence: impl Iterator<Item = (i64, i64, &'a Evidence)>,
) -> Result<()> {
    let mut countries = e.countries.clone();
    countries.sort();
    countries.dedup();
    let (day_start, day_end) = (day_number(e.date.start()), day_number(e.date.end()));
    let span_class = span_class(day_end - day_start);
    tx.prepare_cached(
        "INSERT INTO event (type, date, date_start, date_end, precision, date_inferred, status, location, confidence,
                            day_start, day_end, span_class, countries, actors, title, id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    )?
    .execute(params![
        e.kind.code(),
        e.date.to_string(),
        e.date.start().to_string(),
        e.date.end().to_string(),
        e.date.precision().code(),
        e.date_inferred,
        e.status.code(),
        e.location,
        e.confidence,
        day_start,
        day_end,
        span_class,
        countries.join(" "),
        e.actors.iter().map(|a| a.name.as_str()).collect::<Vec<_>>().join("\n"),
        title,
        event_id,
    ])?;
    for code in &countries {
        tx.prepare_cached(
            "INSERT OR IGNORE INTO event_country (event_id, code, day_start, span_class, type, status)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![event_id, code, day_start, span_class, e.kind.code(), e.status.code()])?;
    }
    for (position, a) in e.actors.iter().enumerate() {
        let actor_id = actor_id(tx, &a.name, &a.country)?;
        tx.prepare_cached(
            "INSERT OR IGNORE INTO event_actor (event_id, actor_id, position, country, role, day_start, span_class,
                                                type, status)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?
        .execute(params![
            event_id,
            actor_id,
            position as i64,
            a.country,
            a.role,
            day_start,
            span_class,
            e.kind.code(),
            e.status.code()
        ])?;
    }
    for (article_id, report_id, ev) in evidence {
        tx.prepare_cached(
            "INSERT INTO evidence (event_id, article_id, start, end, text, report_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![event_id, article_id, ev.start as i64, ev.end as i64, ev.text, report_id])?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Actors as entities: the gazetteer's people with their aliases and offices.

/// A person of `resources/people.tsv` as the store keeps them.
#[derive(Debug)]
struct KnownPerson {
    name: &'static str,
    /// Other spellings, first seen first, without the canonical name.
    aliases: Vec<&'static str>,
    /// Terms: country, title, first day, end (YYYY-MM-DD or empty).
    offices: Vec<(&'static str, &'static str, &'static str, &'static str)>,
}

impl KnownPerson {
    /// The state or organisation of the latest term (the one begun last).
    fn country(&self) -> &'static str {
        self.offices.iter().max_by_key(|o| (o.2, o.3.is_empty(), o.3)).map_or("", |o| o.0)
    }
}

struct People {
    list: Vec<KnownPerson>,
    by_name: std::collections::HashMap<&'static str, usize>,
    /// Folded spelling (canonical or alias) → person; `None` where two
    /// people share it.
    by_folded: std::collections::HashMap<String, Option<usize>>,
}

impl People {
    /// The person a stored name stands for: by canonical name, else by a
    /// spelling that only one person has (ignoring case and diacritics).
    fn resolve(&self, name: &str) -> Option<&KnownPerson> {
        let i = match self.by_name.get(name) {
            Some(&i) => i,
            None => (*self.by_folded.get(&fold_name(name))?)?,
        };
        Some(&self.list[i])
    }
}

/// The people of the shipped `people.tsv`, read once. (The gazetteer keeps
/// no aliases, so the store reads the table itself.)
fn people() -> &'static People {
    static P: std::sync::OnceLock<People> = std::sync::OnceLock::new();
    P.get_or_init(|| {
        let rows = crate::resources::PEOPLE.table().expect("the shipped people.tsv is valid (tested)").rows;
        let mut list: Vec<KnownPerson> = Vec::new();
        let mut by_name = std::collections::HashMap::new();
        for row in rows {
            let i = *by_name.entry(row.cells[0]).or_insert_with(|| {
                list.push(KnownPerson { name: row.cells[0], aliases: Vec::new(), offices: Vec::new() });
                list.len() - 1
            });
            let p = &mut list[i];
            for alias in row.list(1) {
                if alias != p.name && !p.aliases.contains(&alias) {
                    p.aliases.push(alias);
                }
            }
            p.offices.push((row.cells[2], row.cells[3], row.cells[4].trim(), row.cells[5].trim()));
        }
        let mut by_folded: std::collections::HashMap<String, Option<usize>> = std::collections::HashMap::new();
        for (i, p) in list.iter().enumerate() {
            for n in std::iter::once(&p.name).chain(&p.aliases) {
                by_folded.entry(fold_name(n)).and_modify(|e| *e = e.filter(|&j| j == i)).or_insert(Some(i));
            }
        }
        People { list, by_name, by_folded }
    })
}

/// A name in lower case without diacritics, for matching what an analyst
/// types ("Erdoğan" → "erdogan").
pub fn fold_name(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    name.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            'ı' => 'i',
            'ø' | 'Ø' => 'o',
            'đ' | 'Đ' => 'd',
            'ł' | 'Ł' => 'l',
            'ß' => 's',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// The id of the actor a name stands for, storing it (with a known
/// person's aliases and offices) the first time.
fn actor_id(tx: &Transaction<'_>, name: &str, country: &str) -> Result<i64> {
    let known = people().resolve(name);
    let name = known.map_or(name, |p| p.name);
    if let Some(id) =
        tx.prepare_cached("SELECT id FROM actor WHERE name = ?1")?.query_row([name], |r| r.get(0)).optional()?
    {
        return Ok(id);
    }
    let (country, kind) = match known {
        Some(p) => (p.country(), ActorKind::Known),
        None => (country, ActorKind::Learned),
    };
    tx.prepare_cached("INSERT INTO actor (name, country, kind, folded) VALUES (?1, ?2, ?3, ?4)")?.execute(params![
        name,
        country,
        kind.code(),
        fold_name(name)
    ])?;
    let id = tx.last_insert_rowid();
    if let Some(p) = known {
        fill_known(tx, id, p)?;
    }
    Ok(id)
}

/// Writes a known person's aliases and offices for an actor row (replacing any).
fn fill_known(tx: &Transaction<'_>, id: i64, p: &KnownPerson) -> Result<()> {
    tx.prepare_cached("DELETE FROM actor_alias WHERE actor_id = ?1")?.execute([id])?;
    tx.prepare_cached("DELETE FROM actor_office WHERE actor_id = ?1")?.execute([id])?;
    for alias in &p.aliases {
        tx.prepare_cached("INSERT OR IGNORE INTO actor_alias (actor_id, alias, folded) VALUES (?1, ?2, ?3)")?
            .execute(params![id, alias, fold_name(alias)])?;
    }
    let day = |d: &'static str| (!d.is_empty()).then_some(d);
    for &(country, title, from, to) in &p.offices {
        tx.prepare_cached(
            "INSERT INTO actor_office (actor_id, country, title, date_from, date_to) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![id, country, title, day(from), day(to)])?;
    }
    Ok(())
}

/// What the stored actors were filled from: the shipped people.tsv and the
/// way names are folded. A change of either brings them up to date.
fn people_fingerprint() -> String {
    const VERSION: &str = "actors v1";
    content_hash(&format!("{VERSION}\n{}", crate::resources::PEOPLE.text))
}

/// Brings every stored actor up to date with the shipped gazetteer, when
/// it differs from the one they were filled from (and once after the
/// migration that made actors entities): a name the gazetteer now lists is
/// known, with its aliases and offices; a name that is only an alias of a
/// known person is merged into that person; a name it no longer lists is
/// learned. One transaction; nothing is done when the fingerprint matches.
fn sync_actors(conn: &mut Connection) -> Result<()> {
    let fingerprint = people_fingerprint();
    let stored = |c: &Connection| -> Result<Option<String>> {
        Ok(c.query_row("SELECT people FROM gazetteer_sync WHERE id = 1", [], |r| r.get(0)).optional()?)
    };
    if stored(conn)?.as_deref() == Some(fingerprint.as_str()) {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    // Another process may have done it while this one waited.
    if stored(&tx)?.as_deref() == Some(fingerprint.as_str()) {
        return Ok(());
    }
    let actors: Vec<(i64, String)> = tx
        .prepare("SELECT id, name FROM actor ORDER BY id")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (id, name) in actors {
        match people().resolve(&name) {
            Some(p) if p.name == name => {
                tx.prepare_cached("UPDATE actor SET kind = 'known', country = ?2, folded = ?3 WHERE id = ?1")?
                    .execute(params![id, p.country(), fold_name(p.name)])?;
                fill_known(&tx, id, p)?;
            }
            Some(p) => {
                // Another spelling of a known person: their events move to
                // the canonical actor (an event naming both keeps one).
                let target = actor_id(&tx, p.name, "")?;
                tx.execute(
                    "UPDATE actor SET kind = 'known', country = ?2 WHERE id = ?1",
                    params![target, p.country()],
                )?;
                fill_known(&tx, target, p)?;
                tx.execute("UPDATE OR IGNORE event_actor SET actor_id = ?2 WHERE actor_id = ?1", params![id, target])?;
                tx.execute("DELETE FROM event_actor WHERE actor_id = ?1", [id])?;
                tx.execute("DELETE FROM actor WHERE id = ?1", [id])?;
                // The events' copy of their actors' names (the timeline's).
                tx.execute(
                    "UPDATE event SET actors = coalesce((SELECT group_concat(a.name, char(10) ORDER BY ea.position)
                         FROM event_actor ea JOIN actor a ON a.id = ea.actor_id WHERE ea.event_id = event.id), '')
                     WHERE id IN (SELECT event_id FROM event_actor WHERE actor_id = ?1)",
                    [target],
                )?;
            }
            None => {
                tx.prepare_cached("UPDATE actor SET kind = 'learned', folded = ?2 WHERE id = ?1")?
                    .execute(params![id, fold_name(&name)])?;
                tx.prepare_cached("DELETE FROM actor_alias WHERE actor_id = ?1")?.execute([id])?;
                tx.prepare_cached("DELETE FROM actor_office WHERE actor_id = ?1")?.execute([id])?;
            }
        }
    }
    tx.execute(
        "INSERT INTO gazetteer_sync (id, people) VALUES (1, ?1) ON CONFLICT (id) DO UPDATE SET people = excluded.people",
        [&fingerprint],
    )?;
    tx.commit()?;
    Ok(())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Facet {
    Country,
    Actor,
    Type,
}

/// The SQL condition on `event e` for a filter, leaving out one facet's own
/// selection when counting that facet.
fn where_clause(f: &Filter, skip: Option<Facet>) -> (String, Vec<Value>) {
    bounded_where_clause(f, skip, None)
}

/// Events of one span class starting from one day to another, as
/// [`Store::window`] reads them: the countries' and actors' subqueries are
/// bounded by them too, so each is one range of its index.
#[derive(Debug, Clone, Copy)]
struct Bound {
    class: i64,
    from: i64,
    to: i64,
}

/// The ids of the actors any of whose names (canonical or alias) is one of
/// `names`, as a query; its values are added to `args`.
fn actor_ids(names: &[String], args: &mut Vec<Value>) -> String {
    let marks = vec!["?"; names.len()].join(", ");
    args.extend(names.iter().chain(names).map(|a| Value::Text(a.clone())));
    format!(
        "SELECT id FROM actor WHERE name IN ({marks}) UNION SELECT actor_id FROM actor_alias WHERE alias IN ({marks})"
    )
}

/// [`where_clause`], with the countries and actors read only within `bound`.
fn bounded_where_clause(f: &Filter, skip: Option<Facet>, bound: Option<Bound>) -> (String, Vec<Value>) {
    let mut sql = vec!["1 = 1".to_string()];
    let mut args: Vec<Value> = Vec::new();
    let placeholders = |n: usize| vec!["?"; n].join(", ");
    let within = |args: &mut Vec<Value>, table: &str| match bound {
        None => String::new(),
        Some(b) => {
            args.extend([Value::Integer(b.class), Value::Integer(b.from), Value::Integer(b.to)]);
            format!(" AND {table}.span_class = ? AND {table}.day_start BETWEEN ? AND ?")
        }
    };
    if !f.countries.is_empty() && skip != Some(Facet::Country) {
        args.extend(f.countries.iter().map(|c| Value::Text(c.to_uppercase())));
        let within = within(&mut args, "ec");
        sql.push(format!(
            "e.id IN (SELECT ec.event_id FROM event_country ec WHERE ec.code IN ({}){within})",
            placeholders(f.countries.len())
        ));
    }
    if !f.actors.is_empty() && skip != Some(Facet::Actor) {
        let ids = actor_ids(&f.actors, &mut args);
        let within = within(&mut args, "ea");
        sql.push(format!("e.id IN (SELECT ea.event_id FROM event_actor ea WHERE ea.actor_id IN ({ids}){within})"));
    }
    if !f.types.is_empty() && skip != Some(Facet::Type) {
        sql.push(format!("e.type IN ({})", placeholders(f.types.len())));
        args.extend(f.types.iter().map(|t| Value::Text(t.code().to_string())));
    }
    if let Some(from) = f.from {
        sql.push("e.date_end >= ?".into());
        args.push(Value::Text(from.to_string()));
    }
    if let Some(to) = f.to {
        sql.push("e.date_start <= ?".into());
        args.push(Value::Text(to.to_string()));
    }
    if let Some(status) = f.status {
        sql.push("e.status = ?".into());
        args.push(Value::Text(status.code().to_string()));
    }
    if let Some(c) = f.min_confidence {
        sql.push("e.confidence >= ?".into());
        args.push(Value::Real(c));
    }
    if let Some(q) = f.text.as_deref().and_then(fts_query) {
        sql.push(
            "(e.id IN (SELECT ev.event_id FROM evidence ev WHERE ev.id IN (SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH ?))
              OR e.id IN (SELECT ev.event_id FROM evidence ev WHERE ev.article_id IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?)))"
                .into(),
        );
        args.push(Value::Text(q.clone()));
        args.push(Value::Text(format!("title : ({q})")));
    }
    (sql.join(" AND "), args)
}

/// The columns of `event e` an [`EventRow`] is read from, by [`event_row`].
const ROW_COLUMNS: &str =
    "e.id, e.type, e.date, e.date_inferred, e.status, e.countries, e.actors, e.location, e.title, e.confidence";

fn event_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<EventRow> {
    Ok(EventRow {
        id: r.get(0)?,
        kind: parsed(r, 1, EventType::from_code)?,
        date: parsed(r, 2, DateValue::parse)?,
        date_inferred: r.get(3)?,
        status: parsed(r, 4, Status::from_code)?,
        countries: r.get::<_, String>(5)?.split_whitespace().map(str::to_string).collect(),
        actors: r.get::<_, String>(6)?.lines().filter(|a| !a.is_empty()).map(str::to_string).collect(),
        location: r.get(7)?,
        title: r.get(8)?,
        confidence: r.get(9)?,
    })
}

/// Turns what the analyst typed into an FTS5 query: every word must
/// appear, as a prefix; FTS5 syntax characters are taken literally.
fn fts_query(text: &str) -> Option<String> {
    let terms: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{}\"*", w.replace('"', "\"\"")))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid_and_apply_twice_without_change() {
        migrations().validate().expect("valid migrations");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.db");
        drop(Store::open(&path).unwrap());
        let s = Store::open(&path).unwrap();
        assert_eq!(s.counts().unwrap(), (0, 0));
        let mode: String = s.conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
        assert_eq!(mode, "wal");
        let fk: i64 = s.conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0)).unwrap();
        assert_eq!(fk, 1);
    }

    #[test]
    fn typed_search_text_never_breaks_the_query() {
        assert_eq!(fts_query("Li's \"visit\" OR"), Some("\"Li\"* \"s\"* \"visit\"* \"OR\"*".into()));
        assert_eq!(fts_query("  -*- "), None);
    }
}
