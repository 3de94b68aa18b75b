//! Reports grouped into records, and the timeline's rows written from them.
//!
//! A report is an event as one source tells it; a record is the event the
//! analyst sees: the reports [`crate::merge`] finds tell of one occurrence,
//! with the analyst's curation (edits, verified, deleted). The `event` row
//! of a record, and its countries, actors and evidence, are always written
//! by [`materialize`] from the record and its reports: the one place that
//! decides what the timeline shows.
//!
//! Grouping is stable: a report stays in its record until its article is
//! read again and it is not found; a report the analyst placed (a merge or
//! a split) is never moved by the engine.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};

use super::{Result, StoreError, day_number};
use crate::merge::{self, LONG_RUN_GAP_DAYS};
use crate::model::{Actor, DateValue, Event, EventType, Status};

/// Where a record's event comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// Read from articles by the engine.
    Extracted,
    /// Typed by the analyst.
    Manual,
    /// Read from an exported file.
    Imported,
}

impl Origin {
    pub fn code(self) -> &'static str {
        match self {
            Origin::Extracted => "extracted",
            Origin::Manual => "manual",
            Origin::Imported => "imported",
        }
    }

    fn from_code(s: &str) -> Option<Origin> {
        [Origin::Extracted, Origin::Manual, Origin::Imported].into_iter().find(|o| o.code() == s)
    }
}

/// The fields the analyst set on an event; each wins over what the reports
/// say. Stored as JSON with the spec's field names.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edits {
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<EventType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<DateValue>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub countries: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actors: Option<Vec<Actor>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
}

/// The fields an analyst can set, by their names in the spec.
pub const FIELDS: [&str; 6] = ["type", "date", "status", "countries", "actors", "location"];

impl Edits {
    /// The names of the fields set, in [`FIELDS`] order.
    pub fn fields(&self) -> Vec<&'static str> {
        let set = [
            self.kind.is_some(),
            self.date.is_some(),
            self.status.is_some(),
            self.countries.is_some(),
            self.actors.is_some(),
            self.location.is_some(),
        ];
        FIELDS.into_iter().zip(set).filter(|(_, s)| *s).map(|(f, _)| f).collect()
    }

    /// The event with these fields set. A date the analyst gives is not inferred.
    pub fn apply(&self, mut e: Event) -> Event {
        if let Some(k) = self.kind {
            e.kind = k;
        }
        if let Some(d) = self.date {
            e.date = d;
            e.date_inferred = false;
        }
        if let Some(s) = self.status {
            e.status = s;
        }
        if let Some(c) = &self.countries {
            e.countries = c.clone();
        }
        if let Some(a) = &self.actors {
            e.actors = a.clone();
        }
        if let Some(l) = &self.location {
            e.location = l.clone();
        }
        e
    }
}

/// A field's value as shown and compared (the CLI's JSON).
pub fn field_value(e: &Event, field: &str) -> serde_json::Value {
    let v = serde_json::to_value(e).expect("an event serialises");
    v.get(field).cloned().unwrap_or(serde_json::Value::Null)
}

pub(super) fn json<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v).expect("store values serialise")
}

pub(super) fn parse_json<T: for<'de> Deserialize<'de>>(what: &str, s: &str) -> Result<T> {
    serde_json::from_str(s).map_err(|e| StoreError::Corrupt(format!("{what}: {e}")))
}

/// A record as stored, without its reports.
#[derive(Debug, Clone)]
pub(super) struct Record {
    pub id: i64,
    pub origin: Origin,
    pub verified: bool,
    pub deleted: bool,
    pub edits: Edits,
    pub note: String,
    pub base: Option<Event>,
}

impl Record {
    /// Whether the analyst has done anything to it that a re-reading must keep.
    fn curated(&self, tx: &Transaction<'_>) -> Result<bool> {
        let tagged = tx.prepare_cached("SELECT 1 FROM record_tag WHERE record_id = ?1 LIMIT 1")?.exists([self.id])?;
        Ok(self.origin != Origin::Extracted
            || self.verified
            || self.deleted
            || self.edits != Edits::default()
            || !self.note.is_empty()
            || tagged)
    }

    /// Whether its fields stay as they are whatever the reports say: a
    /// verified event, or one the analyst made or imported.
    pub fn frozen(&self) -> bool {
        self.verified || self.origin != Origin::Extracted
    }
}

pub(super) fn load_record(conn: &rusqlite::Connection, id: i64) -> Result<Option<Record>> {
    let row = conn
        .prepare_cached("SELECT origin, verified, deleted, edits, note, base FROM record WHERE id = ?1")?
        .query_row([id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, bool>(1)?,
                r.get::<_, bool>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, Option<String>>(5)?,
            ))
        })
        .optional()?;
    let Some((origin, verified, deleted, edits, note, base)) = row else { return Ok(None) };
    Ok(Some(Record {
        id,
        origin: Origin::from_code(&origin).ok_or_else(|| StoreError::Corrupt(format!("record {id}: origin")))?,
        verified,
        deleted,
        edits: parse_json(&format!("record {id} edits"), &edits)?,
        note,
        base: base.map(|b| parse_json(&format!("record {id} base"), &b)).transpose()?,
    }))
}

/// One report of a record, with the source it came from.
#[derive(Debug, Clone)]
pub(super) struct Report {
    pub id: i64,
    pub article_id: Option<i64>,
    pub pinned: bool,
    pub event: Event,
    pub title: String,
    pub file: String,
    pub url: Option<String>,
    pub published: Option<String>,
}

/// A record's reports: from stored articles first (by article, then the
/// order read), then the others.
pub(super) fn load_reports(conn: &rusqlite::Connection, record_id: i64) -> Result<Vec<Report>> {
    let mut stmt = conn.prepare_cached(
        "SELECT r.id, r.article_id, r.pinned, r.data, coalesce(a.title, r.title, ''), coalesce(a.path, r.file, ''),
                coalesce(a.url, r.url), CASE WHEN a.id IS NULL THEN r.published ELSE a.published END
         FROM report r LEFT JOIN article a ON a.id = r.article_id
         WHERE r.record_id = ?1 ORDER BY r.article_id IS NULL, r.article_id, r.seq, r.id",
    )?;
    let rows = stmt.query_map([record_id], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, Option<i64>>(1)?,
            r.get::<_, bool>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, String>(5)?,
            r.get::<_, Option<String>>(6)?,
            r.get::<_, Option<String>>(7)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, article_id, pinned, data, title, file, url, published) = row?;
        let event = parse_json(&format!("report {id}"), &data)?;
        out.push(Report { id, article_id, pinned, event, title, file, url, published });
    }
    Ok(out)
}

/// What the reports of one event say together: the value most of them
/// give for each field (a date the text gives over one inferred, then the
/// more precise, then the first source's); every country and person any
/// of them names; the highest confidence. Evidence is each report's own.
pub fn consensus(reports: &[&Event]) -> Option<Event> {
    let first = *reports.first()?;
    let given: Vec<&Event> = match reports.iter().any(|e| !e.date_inferred) {
        true => reports.iter().copied().filter(|e| !e.date_inferred).collect(),
        false => reports.to_vec(),
    };
    let span = |d: &DateValue| (d.end() - d.start()).num_days();
    let date = most_common(given.iter().map(|e| e.date), |a, b| span(a).cmp(&span(b)))?;
    let mut countries: Vec<String> =
        reports.iter().flat_map(|e| e.countries.iter().cloned()).collect::<BTreeSet<_>>().into_iter().collect();
    countries.dedup();
    let actors = one_each(reports.iter().flat_map(|e| e.actors.iter().cloned()));
    let places = reports.iter().map(|e| e.location.clone()).filter(|l| !l.is_empty());
    Some(Event {
        kind: most_common(reports.iter().map(|e| e.kind), |_, _| std::cmp::Ordering::Equal)?,
        date,
        date_inferred: reports.iter().all(|e| e.date_inferred),
        status: most_common(reports.iter().map(|e| e.status), |a, _| match a {
            Status::Occurred => std::cmp::Ordering::Less,
            Status::Planned => std::cmp::Ordering::Greater,
        })?,
        countries,
        actors,
        location: most_common(places, |_, _| std::cmp::Ordering::Equal).unwrap_or_default(),
        evidence: first.evidence.clone(),
        confidence: reports.iter().map(|e| e.confidence).fold(0.0, f64::max),
    })
}

/// The people named, each once under the gazetteer's name (a report
/// stored before the gazetteer knew a spelling keeps it), in the order
/// first named, with the first country and office any of them gives.
fn one_each(named: impl Iterator<Item = Actor>) -> Vec<Actor> {
    let mut actors: Vec<Actor> = Vec::new();
    for mut a in named {
        if let Some(p) = super::people().resolve(&a.name) {
            a.name = p.name.to_string();
        }
        match actors.iter_mut().find(|b| b.name == a.name) {
            Some(b) => {
                if b.country.is_empty() {
                    b.country = a.country;
                }
                if b.role.is_empty() {
                    b.role = a.role;
                }
            }
            None => actors.push(a),
        }
    }
    actors
}

/// The value given most often; ties go to the one `prefer` orders first,
/// then to the one given first.
fn most_common<T: PartialEq + Clone>(
    values: impl Iterator<Item = T>,
    prefer: impl Fn(&T, &T) -> std::cmp::Ordering,
) -> Option<T> {
    let mut counts: Vec<(T, usize)> = Vec::new();
    for v in values {
        match counts.iter_mut().find(|(w, _)| *w == v) {
            Some((_, n)) => *n += 1,
            None => counts.push((v, 1)),
        }
    }
    // `min_by` keeps the first of equals: the first given.
    counts.into_iter().min_by(|(a, n), (b, m)| m.cmp(n).then_with(|| prefer(a, b))).map(|(v, _)| v)
}

/// The event a record shows, from its reports or (frozen, or without
/// reports) its base, with the analyst's edits; `None` when deleted or
/// when it has nothing to show.
pub(super) fn shown(record: &Record, reports: &[Report]) -> Option<Event> {
    if record.deleted {
        return None;
    }
    let read = if record.frozen() || reports.is_empty() {
        record.base.clone()
    } else {
        consensus(&reports.iter().map(|r| &r.event).collect::<Vec<_>>())
    };
    read.map(|e| {
        let mut e = record.edits.apply(e);
        e.actors = one_each(e.actors.into_iter());
        e
    })
}

/// Writes a record's `event` row and the rows beside it anew from the
/// record and its reports (see the module doc); deletes a record that is
/// left with neither reports nor anything the analyst did.
pub(super) fn materialize(tx: &Transaction<'_>, id: i64) -> Result<()> {
    tx.prepare_cached("DELETE FROM event WHERE id = ?1")?.execute([id])?;
    let Some(mut record) = load_record(tx, id)? else { return Ok(()) };
    let reports = load_reports(tx, id)?;
    if reports.is_empty() && !record.curated(tx)? {
        tx.prepare_cached("DELETE FROM record WHERE id = ?1")?.execute([id])?;
        return Ok(());
    }
    let events: Vec<&Event> = reports.iter().map(|r| &r.event).collect();
    if !record.frozen()
        && let Some(read) = consensus(&events)
    {
        tx.prepare_cached("UPDATE record SET base = ?2 WHERE id = ?1")?.execute(params![id, json(&read)])?;
        record.base = Some(read);
    }
    let disagree = !merge::disagreements(&events).is_empty();
    tx.prepare_cached("UPDATE record SET disagree = ?2 WHERE id = ?1")?.execute(params![id, disagree])?;
    let Some(event) = shown(&record, &reports) else { return Ok(()) };
    let title = reports.first().map_or(String::new(), |r| r.title.clone());
    let evidence = reports
        .iter()
        .filter_map(|r| Some((r.article_id?, r.id, &r.event.evidence)))
        .flat_map(|(a, r, ev)| ev.iter().map(move |e| (a, r, e)));
    super::insert_event(tx, id, &title, &event, evidence)
}

/// Grouping new reports into records within one transaction. The
/// reports of each record looked at are read once and kept, as what
/// [`merge::compare`] reads (type, date, countries, names), each distinct
/// telling once: a story a hundred outlets carry is compared as the few
/// versions they give. A record that grows is written again once, by
/// [`Grouping::finish`]; a new one at once, so that later reports find it.
#[derive(Default)]
pub(super) struct Grouping {
    told: std::collections::HashMap<i64, Told>,
    grown: BTreeSet<i64>,
}

/// What a record's reports tell, for grouping: the articles they come
/// from, and their distinct versions.
#[derive(Default)]
struct Told {
    articles: BTreeSet<i64>,
    versions: Vec<Event>,
}

impl Told {
    fn add(&mut self, article_id: Option<i64>, e: &Event) {
        self.articles.extend(article_id);
        let version = Event {
            evidence: Vec::new(),
            location: String::new(),
            actors: e.actors.iter().map(|a| Actor { name: a.name.clone(), ..Actor::default() }).collect(),
            ..e.clone()
        };
        if !self.versions.iter().any(|v| same_version(v, &version)) {
            self.versions.push(version);
        }
    }
}

/// Whether two versions are the same for [`merge::compare`].
fn same_version(a: &Event, b: &Event) -> bool {
    a.kind == b.kind && a.date == b.date && a.countries == b.countries && a.actors == b.actors
}

impl Grouping {
    fn told(&mut self, tx: &Transaction<'_>, id: i64) -> Result<&Told> {
        if let std::collections::hash_map::Entry::Vacant(slot) = self.told.entry(id) {
            let mut told = Told::default();
            let reports = load_reports(tx, id)?;
            for r in &reports {
                told.add(r.article_id, &r.event);
            }
            if reports.is_empty() {
                // A hand-made event without a source: its own fields.
                if let Some(base) = load_record(tx, id)?.and_then(|r| r.base) {
                    told.add(None, &base);
                }
            }
            slot.insert(told);
        }
        Ok(&self.told[&id])
    }

    /// The record a new report joins: an event of the same type, near in
    /// time, every report of which [`merge::compare`] finds tells the same
    /// occurrence and none of which is from the same article (the engine
    /// has already merged an article's own mentions). Nearest in time
    /// first; `None` when there is none.
    pub(super) fn find(&mut self, tx: &Transaction<'_>, article_id: Option<i64>, e: &Event) -> Result<Option<i64>> {
        let gap = match e.kind {
            EventType::Exercise | EventType::Patrol => LONG_RUN_GAP_DAYS,
            _ => 1,
        };
        let (start, end) = (day_number(e.date.start()), day_number(e.date.end()));
        // Spans of more than a year (class 2) never merge: too vague to tell.
        let mut candidates: Vec<(i64, i64)> = Vec::new();
        for (class, longest) in [(0, 31), (1, 366)] {
            let mut stmt = tx.prepare_cached(
                "SELECT id, day_start, day_end FROM event
                 WHERE span_class = ?1 AND day_start BETWEEN ?2 AND ?3 AND type = ?4 AND day_end >= ?5",
            )?;
            let rows = stmt
                .query_map(params![class, start - gap - longest, end + gap, e.kind.code(), start - gap], |r| {
                    Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?, r.get::<_, i64>(2)?))
                })?;
            for row in rows {
                let (id, a, b) = row?;
                let distance = if b < start {
                    start - b
                } else if a > end {
                    a - end
                } else {
                    0
                };
                candidates.push((distance, id));
            }
        }
        candidates.sort();
        for (_, id) in candidates {
            let told = self.told(tx, id)?;
            let from_same_article = article_id.is_some_and(|a| told.articles.contains(&a));
            if !from_same_article
                && !told.versions.is_empty()
                && told.versions.iter().all(|t| merge::compare(t, e).same)
            {
                return Ok(Some(id));
            }
        }
        Ok(None)
    }

    /// Stores a report read from an article in the record it joins
    /// (`found`, by [`Grouping::find`]), or in a new one.
    pub(super) fn place(
        &mut self,
        tx: &Transaction<'_>,
        (article_id, seq, title): (i64, usize, &str),
        e: &Event,
        found: Option<i64>,
    ) -> Result<i64> {
        let record = match found {
            Some(r) => r,
            None => new_record(tx, Origin::Extracted, None)?,
        };
        let report = insert_report(tx, record, Some(article_id), seq, e, None, false)?;
        self.told.entry(record).or_default().add(Some(article_id), e);
        match found {
            Some(_) => {
                self.grown.insert(record);
            }
            // What `materialize` would write for a record of one report,
            // without reading it back (most reports of a bulk import).
            None => {
                let shown = consensus(&[e]).expect("one report");
                let evidence = e.evidence.iter().map(|ev| (article_id, report, ev));
                super::insert_event(tx, record, title, &shown, evidence)?;
            }
        }
        Ok(record)
    }

    /// Writes again the records that grew.
    pub(super) fn finish(self, tx: &Transaction<'_>) -> Result<()> {
        for id in self.grown {
            materialize(tx, id)?;
        }
        Ok(())
    }
}

/// A new record with its origin and (for a frozen one) its base.
pub(super) fn new_record(tx: &Transaction<'_>, origin: Origin, base: Option<&Event>) -> Result<i64> {
    tx.prepare_cached("INSERT INTO record (origin, base) VALUES (?1, ?2)")?
        .execute(params![origin.code(), base.map(json)])?;
    Ok(tx.last_insert_rowid())
}

/// Where a report not read from a stored article came from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OtherSource {
    pub title: String,
    #[serde(default)]
    pub file: String,
    #[serde(default)]
    pub url: Option<String>,
    /// YYYY-MM-DD.
    #[serde(default)]
    pub published: Option<NaiveDate>,
}

/// Stores a report in a record.
pub(super) fn insert_report(
    tx: &Transaction<'_>,
    record_id: i64,
    article_id: Option<i64>,
    seq: usize,
    e: &Event,
    other: Option<&OtherSource>,
    pinned: bool,
) -> Result<i64> {
    tx.prepare_cached(
        "INSERT INTO report (record_id, article_id, seq, data, pinned, title, file, url, published)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        record_id,
        article_id,
        seq as i64,
        json(e),
        pinned,
        other.map(|o| o.title.as_str()),
        other.map(|o| o.file.as_str()),
        other.and_then(|o| o.url.as_deref()),
        other.and_then(|o| o.published).map(|d| d.to_string()),
    ])?;
    Ok(tx.last_insert_rowid())
}

/// What re-reading an article did to an event the analyst had curated: a
/// field the new reading gives otherwise than the event shows, kept.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Held {
    pub event_id: i64,
    pub field: String,
    /// What the event shows (the analyst's value).
    pub shown: serde_json::Value,
    /// What the reports now say.
    pub extracted: serde_json::Value,
}

/// An article's events read again: which records changed, and what was
/// held against the new reading.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Reread {
    /// Events whose reports changed (their ids), in order.
    pub events: Vec<i64>,
    /// How many events the article now gives.
    pub read: usize,
    /// Reports added, found again, and gone.
    pub added: usize,
    pub kept: usize,
    pub removed: usize,
    pub held: Vec<Held>,
}

/// Stores an article's events: each new one in the record it joins (or a
/// new one), each found again (same type and evidence sentence, else same
/// type and date, as read before) in its own record, whatever the grouping
/// rule would now say. Reports no longer read are removed. Every record
/// touched is written again.
pub(super) fn reread_article(
    tx: &Transaction<'_>,
    grouping: &mut Grouping,
    article_id: i64,
    events: &[Event],
) -> Result<Reread> {
    let old: Vec<(i64, i64, Event)> = {
        let mut stmt =
            tx.prepare_cached("SELECT id, record_id, data FROM report WHERE article_id = ?1 ORDER BY seq")?;
        let rows = stmt.query_map([article_id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?, r.get(2)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (id, record, data): (i64, i64, String) = row?;
            out.push((id, record, parse_json(&format!("report {id}"), &data)?));
        }
        out
    };
    let mut matched: Vec<Option<usize>> = vec![None; events.len()];
    let mut taken = vec![false; old.len()];
    fn same_sentence(a: &Event, b: &Event) -> bool {
        let (x, y) = (a.evidence.first(), b.evidence.first());
        x.is_some() && x.map(|e| &e.text) == y.map(|e| &e.text)
    }
    fn same_date(a: &Event, b: &Event) -> bool {
        a.date == b.date
    }
    for rule in [same_sentence, same_date] {
        for (i, e) in events.iter().enumerate() {
            if matched[i].is_some() {
                continue;
            }
            if let Some(j) = (0..old.len()).find(|&j| !taken[j] && old[j].2.kind == e.kind && rule(&old[j].2, e)) {
                matched[i] = Some(j);
                taken[j] = true;
            }
        }
    }
    let title: String = tx.query_row("SELECT title FROM article WHERE id = ?1", [article_id], |r| r.get(0))?;
    let mut out = Reread { read: events.len(), ..Reread::default() };
    let mut touched: Vec<i64> = Vec::new();
    let mut before: Vec<(i64, Option<Event>)> = Vec::new();
    let mut note = |tx: &Transaction<'_>, record: i64, touched: &mut Vec<i64>| -> Result<()> {
        if !touched.contains(&record) {
            touched.push(record);
            let shown = match load_record(tx, record)? {
                Some(r) => shown(&r, &load_reports(tx, record)?),
                None => None,
            };
            before.push((record, shown));
        }
        Ok(())
    };
    for (j, (id, record, _)) in old.iter().enumerate() {
        note(tx, *record, &mut touched)?;
        if !taken[j] {
            tx.prepare_cached("DELETE FROM report WHERE id = ?1")?.execute([id])?;
            out.removed += 1;
        }
    }
    for (i, e) in events.iter().enumerate() {
        match matched[i] {
            Some(j) => {
                tx.prepare_cached("UPDATE report SET data = ?2, seq = ?3 WHERE id = ?1")?.execute(params![
                    old[j].0,
                    json(e),
                    i as i64
                ])?;
                out.kept += 1;
            }
            None => {
                let found = grouping.find(tx, Some(article_id), e)?;
                if let Some(record) = found {
                    note(tx, record, &mut touched)?;
                }
                let record = grouping.place(tx, (article_id, i, &title), e, found)?;
                note(tx, record, &mut touched)?;
                out.added += 1;
            }
        }
    }
    for &record in &touched {
        materialize(tx, record)?;
    }
    for (record, was) in before {
        let Some(r) = load_record(tx, record)? else { continue };
        let reports = load_reports(tx, record)?;
        let now = shown(&r, &reports);
        if now != was {
            out.events.push(record);
        }
        out.held.extend(held(&r, &reports));
    }
    Ok(out)
}

/// The fields where what the reports now say differs from what a curated
/// record shows.
pub(super) fn held(record: &Record, reports: &[Report]) -> Vec<Held> {
    let Some(read) = consensus(&reports.iter().map(|r| &r.event).collect::<Vec<_>>()) else { return Vec::new() };
    let Some(shown) = shown(record, reports) else { return Vec::new() };
    let fields: Vec<&str> = if record.frozen() { FIELDS.to_vec() } else { record.edits.fields() };
    fields
        .into_iter()
        .filter_map(|f| {
            let (a, b) = (field_value(&shown, f), field_value(&read, f));
            (a != b).then(|| Held { event_id: record.id, field: f.to_string(), shown: a, extracted: b })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    /// Every row the timeline reads of the events, in a fixed order.
    fn rows(store: &Store) -> Vec<String> {
        let mut out = Vec::new();
        for sql in [
            "SELECT id, type, date, date_start, date_end, precision, date_inferred, status, location, confidence,
                    day_start, day_end, span_class, countries, actors, title FROM event ORDER BY id",
            "SELECT event_id, code, day_start, span_class, type, status FROM event_country ORDER BY 1, 2",
            "SELECT event_id, actor_id, position, country, role, day_start FROM event_actor ORDER BY 1, 2",
            "SELECT event_id, article_id, start, end, text, report_id FROM evidence ORDER BY 1, 2, 3",
            "SELECT day, type, status, n FROM event_day ORDER BY 1, 2, 3",
        ] {
            let mut stmt = store.conn.prepare(sql).unwrap();
            let n = stmt.column_count();
            let got = stmt
                .query_map([], |r| {
                    Ok((0..n).map(|i| format!("{:?}", r.get_ref(i).unwrap())).collect::<Vec<_>>().join("|"))
                })
                .unwrap();
            out.extend(got.map(|r| r.unwrap()));
        }
        out
    }

    #[test]
    fn a_new_record_is_written_as_materialize_writes_it() {
        let mut store = Store::open_in_memory().unwrap();
        for (i, text) in crate::samples::test_articles_and(&[]).iter().enumerate() {
            let x = crate::extract::extract(text, &Default::default());
            store.add_article(&format!("{i}.txt"), text, &x).unwrap();
        }
        let before = rows(&store);
        assert!(before.len() > 100, "the test articles give events");
        let tx = store.conn.transaction().unwrap();
        let ids: Vec<i64> = tx
            .prepare("SELECT id FROM record")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        for id in ids {
            materialize(&tx, id).unwrap();
        }
        tx.commit().unwrap();
        assert_eq!(rows(&store), before);
    }
}
