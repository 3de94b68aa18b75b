//! The analyst's side of the store: an event with its sources and what
//! they disagree on; edits, deletion, verification, hand-made events,
//! merges and splits, tags and notes, each written to the audit trail; the
//! review queue; and the analyst's own gazetteer layer.
//!
//! Every change is one transaction that ends by writing the touched
//! records' rows again ([`reports::materialize`]), so what the timeline
//! shows is always what the records and reports say.

use std::collections::HashMap;

use rusqlite::{Connection, Transaction, params};
use serde::{Deserialize, Serialize};

use super::reports::{self, Edits, Origin, OtherSource, Record, json, load_record, load_reports, parse_json};
use super::{EventRow, Result, Source, Store, StoreError, StoredEvent, event_row};
use crate::merge;
use crate::model::{Event, Evidence};

/// A field the sources of one event give differently.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Disagreement {
    pub field: String,
    pub values: Vec<DisagreementValue>,
}

/// One value of a [`Disagreement`] and the sources (report ids) giving it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DisagreementValue {
    pub value: String,
    pub reports: Vec<i64>,
}

/// An event the analyst adds by hand, or one an export brings back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewEvent {
    #[serde(flatten)]
    pub event: Event,
    /// Where it was read; none for an event the analyst knows of otherwise.
    #[serde(default)]
    pub sources: Vec<NewSource>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub verified: bool,
}

/// A source of a [`NewEvent`]: where it was told, and the sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewSource {
    #[serde(flatten)]
    pub source: OtherSource,
    #[serde(default)]
    pub evidence: Vec<Evidence>,
}

/// A change the analyst made, as the audit trail keeps it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditEntry {
    pub at: String,
    pub event_id: i64,
    pub action: String,
    pub field: String,
    pub old: Option<serde_json::Value>,
    pub new: Option<serde_json::Value>,
}

/// An event that needs a human look, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewItem {
    #[serde(flatten)]
    pub row: EventRow,
    pub reasons: Vec<String>,
}

/// A person of the analyst's own gazetteer layer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserPerson {
    pub name: String,
    /// ISO alpha-3 or organisation code; empty when not given.
    #[serde(default)]
    pub country: String,
    #[serde(default)]
    pub office: String,
    /// Other spellings, read as `name`.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// Confidence below which an event is put to the analyst.
pub const REVIEW_CONFIDENCE: f64 = 0.6;

/// The user layer as read at the start of an import.
#[derive(Debug, Default)]
pub(super) struct UserLayer {
    /// Name or alias → the person.
    people: HashMap<String, UserPerson>,
}

impl UserLayer {
    pub(super) fn read(conn: &Connection) -> Result<UserLayer> {
        let mut people: HashMap<String, UserPerson> = HashMap::new();
        for p in user_people(conn)? {
            for alias in &p.aliases {
                people.insert(alias.clone(), p.clone());
            }
            people.insert(p.name.clone(), p);
        }
        Ok(UserLayer { people })
    }

    /// The event with each person the layer knows under their name, with
    /// their country and office where the text gave none; the event's
    /// countries then include theirs.
    pub(super) fn apply(&self, e: &Event) -> Event {
        let mut e = e.clone();
        if self.people.is_empty() {
            return e;
        }
        for a in &mut e.actors {
            if let Some(p) = self.people.get(&a.name) {
                a.name = p.name.clone();
                if a.country.is_empty() {
                    a.country = p.country.clone();
                }
                if a.role.is_empty() {
                    a.role = p.office.clone();
                }
                if !a.country.is_empty() && !e.countries.contains(&a.country) {
                    e.countries.push(a.country.clone());
                    e.countries.sort();
                }
            }
        }
        let mut seen = std::collections::HashSet::new();
        e.actors.retain(|a| seen.insert(a.name.clone()));
        e
    }
}

fn user_people(conn: &Connection) -> Result<Vec<UserPerson>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.name, p.country, p.office, coalesce((SELECT group_concat(alias, char(10) ORDER BY alias)
                                                       FROM user_alias WHERE name = p.name), '')
         FROM user_person p ORDER BY p.name",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(UserPerson {
            name: r.get(0)?,
            country: r.get(1)?,
            office: r.get(2)?,
            aliases: r.get::<_, String>(3)?.lines().map(str::to_string).collect(),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A record with its sources, disagreements and what its edits hold.
pub(super) fn stored_event(conn: &Connection, id: i64) -> Result<Option<StoredEvent>> {
    let Some(record) = load_record(conn, id)? else { return Ok(None) };
    let reports = load_reports(conn, id)?;
    let shown = match reports::shown(&Record { deleted: false, ..record.clone() }, &reports) {
        Some(e) => e,
        None => return Ok(None),
    };
    let first = reports.first().map(|r| &r.event);
    let sources: Vec<Source> = reports
        .iter()
        .map(|r| Source {
            report_id: r.id,
            article_id: r.article_id,
            file: r.file.clone(),
            title: r.title.clone(),
            url: r.url.clone(),
            published: r.published.clone(),
            evidence: r.event.evidence.clone(),
            says: r.event.clone(),
            pinned: r.pinned,
            why: match first {
                Some(f) if !r.pinned && !std::ptr::eq(f, &r.event) => merge::compare(f, &r.event).reasons,
                _ => Vec::new(),
            },
        })
        .collect();
    let events: Vec<&Event> = reports.iter().map(|r| &r.event).collect();
    let disagreements = merge::disagreements(&events)
        .into_iter()
        .map(|d| Disagreement {
            field: d.field.to_string(),
            values: d
                .values
                .into_iter()
                .map(|(value, who)| DisagreementValue { value, reports: who.iter().map(|&i| reports[i].id).collect() })
                .collect(),
        })
        .collect();
    let tags = conn
        .prepare_cached("SELECT tag FROM record_tag WHERE record_id = ?1 ORDER BY tag")?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    let mut event = shown;
    event.evidence = sources.iter().flat_map(|s| s.evidence.iter().cloned()).collect();
    Ok(Some(StoredEvent {
        id,
        event,
        held: reports::held(&record, &reports),
        sources,
        origin: record.origin,
        verified: record.verified,
        deleted: record.deleted,
        edited: record.edits.fields(),
        tags,
        note: record.note,
        disagreements,
    }))
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn audit(
    tx: &Transaction<'_>,
    id: i64,
    action: &str,
    field: &str,
    old: Option<&serde_json::Value>,
    new: Option<&serde_json::Value>,
) -> Result<()> {
    tx.prepare_cached("INSERT INTO audit (at, record_id, action, field, old, new) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?
        .execute(params![now(), id, action, field, old.map(json), new.map(json)])?;
    Ok(())
}

/// A record that must exist for an analyst's change.
fn existing(tx: &Transaction<'_>, id: i64) -> Result<Record> {
    load_record(tx, id)?.ok_or_else(|| StoreError::Invalid(format!("there is no event {id}")))
}

/// What the record shows now, deleted or not (the "from" of an edit).
fn showing(tx: &Transaction<'_>, record: &Record) -> Result<Option<Event>> {
    Ok(reports::shown(&Record { deleted: false, ..record.clone() }, &load_reports(tx, record.id)?))
}

impl Store {
    /// Runs one change of the analyst's in a transaction.
    fn change<T>(&mut self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    /// Sets a field of an event (`type`, `date`, `status`, `countries`,
    /// `actors`, `location`) to `value` (the CLI's JSON for it), or with
    /// `None` gives it back to the sources. The value is checked: a bad one
    /// is refused with the reason and nothing changes.
    pub fn set_field(&mut self, id: i64, field: &str, value: Option<serde_json::Value>) -> Result<()> {
        if !reports::FIELDS.contains(&field) {
            return Err(StoreError::Invalid(format!("`{field}` is not a field of an event")));
        }
        self.change(|tx| {
            let record = existing(tx, id)?;
            let mut edits = serde_json::to_value(&record.edits).expect("edits serialise");
            let map = edits.as_object_mut().expect("edits are an object");
            match &value {
                Some(v) => map.insert(field.to_string(), v.clone()),
                None => map.remove(field),
            };
            let mut edits: Edits =
                serde_json::from_value(edits).map_err(|e| StoreError::Invalid(format!("not a valid {field}: {e}")))?;
            if let Some(c) = &mut edits.countries {
                for code in c.iter_mut() {
                    *code = code.trim().to_uppercase();
                }
                c.sort();
                c.dedup();
            }
            let old = showing(tx, &record)?.map(|e| reports::field_value(&e, field));
            tx.prepare_cached("UPDATE record SET edits = ?2 WHERE id = ?1")?.execute(params![id, json(&edits)])?;
            let new = showing(tx, &Record { edits, ..record })?.map(|e| reports::field_value(&e, field));
            let action = if value.is_some() { "edit" } else { "revert" };
            audit(tx, id, action, field, old.as_ref(), new.as_ref())?;
            reports::materialize(tx, id)
        })
    }

    /// Deletes an event from the timeline (`true`) or restores it. A
    /// deleted event keeps its sources, so that a re-import does not bring
    /// it back.
    pub fn set_deleted(&mut self, id: i64, deleted: bool) -> Result<()> {
        self.change(|tx| {
            let record = existing(tx, id)?;
            if record.deleted == deleted {
                return Ok(());
            }
            tx.prepare_cached("UPDATE record SET deleted = ?2 WHERE id = ?1")?.execute(params![id, deleted])?;
            audit(tx, id, if deleted { "delete" } else { "restore" }, "", None, None)?;
            reports::materialize(tx, id)
        })
    }

    /// Marks an event verified: its fields stay as shown whatever later
    /// readings of its sources say (new sources are still added).
    pub fn set_verified(&mut self, id: i64, verified: bool) -> Result<()> {
        self.change(|tx| {
            let record = existing(tx, id)?;
            if record.verified == verified {
                return Ok(());
            }
            // What the sources say now is what it keeps (the analyst's
            // edits stay on top); one without sources keeps its base.
            if verified
                && let Some(read) =
                    reports::consensus(&load_reports(tx, id)?.iter().map(|r| &r.event).collect::<Vec<_>>())
            {
                tx.prepare_cached("UPDATE record SET base = ?2 WHERE id = ?1")?.execute(params![id, json(&read)])?;
            }
            tx.prepare_cached("UPDATE record SET verified = ?2 WHERE id = ?1")?.execute(params![id, verified])?;
            audit(tx, id, if verified { "verify" } else { "unverify" }, "", None, None)?;
            reports::materialize(tx, id)
        })
    }

    /// Adds an event by hand (origin `manual`) or from an export
    /// (`imported`), with its sources if any. Its fields are the analyst's:
    /// no reading changes them. Returns its id.
    pub fn add_event(&mut self, new: &NewEvent, origin: Origin) -> Result<i64> {
        self.change(|tx| add_event_in(tx, new, origin))
    }

    /// Adds several events in one transaction (an export read back).
    pub fn add_events(&mut self, events: &[NewEvent], origin: Origin) -> Result<Vec<i64>> {
        self.change(|tx| events.iter().map(|e| add_event_in(tx, e, origin)).collect())
    }

    /// Merges event `from` into `into`: every source of `from` becomes a
    /// source of `into`, placed there for good; `from`'s tags and note
    /// join `into`'s; `from` is gone.
    pub fn merge_events(&mut self, into: i64, from: i64) -> Result<()> {
        if into == from {
            return Err(StoreError::Invalid("an event cannot be merged into itself".into()));
        }
        self.change(|tx| {
            existing(tx, into)?;
            let other = existing(tx, from)?;
            tx.prepare_cached("UPDATE report SET record_id = ?1, pinned = 1 WHERE record_id = ?2")?
                .execute(params![into, from])?;
            tx.prepare_cached("UPDATE report SET pinned = 1 WHERE record_id = ?1")?.execute([into])?;
            tx.prepare_cached("INSERT OR IGNORE INTO record_tag (record_id, tag) SELECT ?1, tag FROM record_tag WHERE record_id = ?2")?
                .execute(params![into, from])?;
            if !other.note.is_empty() {
                tx.prepare_cached(
                    "UPDATE record SET note = CASE WHEN note = '' THEN ?2 ELSE note || char(10) || ?2 END WHERE id = ?1",
                )?
                .execute(params![into, other.note])?;
            }
            tx.prepare_cached("DELETE FROM event WHERE id = ?1")?.execute([from])?;
            tx.prepare_cached("DELETE FROM record WHERE id = ?1")?.execute([from])?;
            let (a, b) = (serde_json::Value::from(from), serde_json::Value::from(into));
            audit(tx, into, "merge", "", Some(&a), Some(&b))?;
            audit(tx, from, "merge", "", Some(&a), Some(&b))?;
            reports::materialize(tx, into)
        })
    }

    /// Splits a source off its event into an event of its own, placed
    /// there for good. Returns the new event's id.
    pub fn split_source(&mut self, id: i64, report_id: i64) -> Result<i64> {
        self.change(|tx| {
            existing(tx, id)?;
            let n: i64 = tx.query_row("SELECT count(*) FROM report WHERE record_id = ?1", [id], |r| r.get(0))?;
            let of_event: bool = tx
                .prepare_cached("SELECT 1 FROM report WHERE id = ?1 AND record_id = ?2")?
                .exists(params![report_id, id])?;
            if !of_event {
                return Err(StoreError::Invalid(format!("source {report_id} is not one of event {id}'s")));
            }
            if n < 2 {
                return Err(StoreError::Invalid("an event's only source cannot be split off".into()));
            }
            let new = reports::new_record(tx, Origin::Extracted, None)?;
            tx.prepare_cached("UPDATE report SET record_id = ?2, pinned = 1 WHERE id = ?1")?
                .execute(params![report_id, new])?;
            tx.prepare_cached("UPDATE report SET pinned = 1 WHERE record_id = ?1")?.execute([id])?;
            let (a, b) = (serde_json::Value::from(report_id), serde_json::Value::from(new));
            audit(tx, id, "split", "", Some(&a), Some(&b))?;
            audit(tx, new, "split", "", Some(&serde_json::Value::from(id)), Some(&b))?;
            reports::materialize(tx, id)?;
            reports::materialize(tx, new)?;
            Ok(new)
        })
    }

    /// Sets an event's tags (trimmed, without repeats).
    pub fn set_tags(&mut self, id: i64, tags: &[String]) -> Result<()> {
        let mut tags: Vec<String> = tags.iter().map(|t| t.trim().to_string()).filter(|t| !t.is_empty()).collect();
        tags.sort();
        tags.dedup();
        self.change(|tx| {
            existing(tx, id)?;
            let old: Vec<String> = tx
                .prepare_cached("SELECT tag FROM record_tag WHERE record_id = ?1 ORDER BY tag")?
                .query_map([id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            if old == tags {
                return Ok(());
            }
            tx.prepare_cached("DELETE FROM record_tag WHERE record_id = ?1")?.execute([id])?;
            for t in &tags {
                tx.prepare_cached("INSERT INTO record_tag (record_id, tag) VALUES (?1, ?2)")?
                    .execute(params![id, t])?;
            }
            audit(tx, id, "tags", "", Some(&serde_json::json!(old)), Some(&serde_json::json!(tags)))
        })
    }

    /// Sets an event's note.
    pub fn set_note(&mut self, id: i64, note: &str) -> Result<()> {
        self.change(|tx| {
            let record = existing(tx, id)?;
            if record.note == note {
                return Ok(());
            }
            tx.prepare_cached("UPDATE record SET note = ?2 WHERE id = ?1")?.execute(params![id, note])?;
            audit(tx, id, "note", "", Some(&serde_json::json!(record.note)), Some(&serde_json::json!(note)))
        })
    }

    /// An event's audit trail, oldest first.
    pub fn audit_trail(&self, id: i64) -> Result<Vec<AuditEntry>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT at, record_id, action, field, old, new FROM audit WHERE record_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, Option<String>>(5)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (at, event_id, action, field, old, new) = row?;
            let value = |v: Option<String>| v.map(|v| parse_json::<serde_json::Value>("audit value", &v)).transpose();
            out.push(AuditEntry { at, event_id, action, field, old: value(old)?, new: value(new)? });
        }
        Ok(out)
    }

    /// Deleted events, most recently deleted first (for restoring).
    pub fn deleted_events(&self) -> Result<Vec<StoredEvent>> {
        let ids: Vec<i64> = self
            .conn
            .prepare(
                "SELECT r.id FROM record r WHERE r.deleted = 1
                 ORDER BY (SELECT max(a.id) FROM audit a WHERE a.record_id = r.id) DESC, r.id DESC",
            )?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut out = Vec::new();
        for id in ids {
            out.extend(stored_event(&self.conn, id)?);
        }
        Ok(out)
    }

    /// The events that most need a human look, most reasons first, then by
    /// date: confidence below [`REVIEW_CONFIDENCE`], a date inferred from the
    /// article's, sources that disagree, a person neither the gazetteer nor
    /// the analyst's layer knows. Verified events are not listed.
    pub fn review_queue(&self, limit: usize) -> Result<Vec<ReviewItem>> {
        let unknown = "SELECT group_concat(a.name, char(10)) FROM event_actor ea JOIN actor a ON a.id = ea.actor_id
                       WHERE ea.event_id = e.id AND a.kind = 'learned'
                         AND a.name NOT IN (SELECT name FROM user_person)";
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT * FROM (SELECT {}, r.disagree, ({unknown}) AS unknown
                            FROM event e JOIN record r ON r.id = e.id WHERE r.verified = 0)
             WHERE confidence < ?1 OR date_inferred OR disagree OR unknown IS NOT NULL",
            super::ROW_COLUMNS
        ))?;
        let rows = stmt.query_map([REVIEW_CONFIDENCE], |r| {
            Ok((event_row(r)?, r.get::<_, bool>(10)?, r.get::<_, Option<String>>(11)?))
        })?;
        let mut items = Vec::new();
        for row in rows {
            let (row, disagree, unknown) = row?;
            let mut reasons = Vec::new();
            if row.confidence < REVIEW_CONFIDENCE {
                reasons.push(format!("low confidence ({:.2})", row.confidence));
            }
            if row.date_inferred {
                reasons.push("date inferred from the article's".to_string());
            }
            if disagree {
                reasons.push("sources disagree".to_string());
            }
            if let Some(names) = unknown {
                reasons.push(format!("unknown person: {}", names.lines().collect::<Vec<_>>().join(", ")));
            }
            items.push(ReviewItem { row, reasons });
        }
        items.sort_by(|a, b| {
            (b.reasons.len().cmp(&a.reasons.len()))
                .then(a.row.date.start().cmp(&b.row.date.start()))
                .then(a.row.id.cmp(&b.row.id))
        });
        items.truncate(limit);
        Ok(items)
    }

    /// Adds a person to the analyst's gazetteer layer, or updates them:
    /// their country and office, and other spellings. Used by every later
    /// import; the stored actor of that name takes the country now.
    pub fn save_person(&mut self, p: &UserPerson) -> Result<()> {
        let name = p.name.trim();
        if name.is_empty() {
            return Err(StoreError::Invalid("a person needs a name".into()));
        }
        let country = p.country.trim().to_uppercase();
        self.change(|tx| {
            tx.prepare_cached(
                "INSERT INTO user_person (name, country, office) VALUES (?1, ?2, ?3)
                 ON CONFLICT (name) DO UPDATE SET country = excluded.country, office = excluded.office",
            )?
            .execute(params![name, country, p.office.trim()])?;
            tx.prepare_cached("DELETE FROM user_alias WHERE name = ?1")?.execute([name])?;
            for alias in p.aliases.iter().map(|a| a.trim()).filter(|a| !a.is_empty() && *a != name) {
                tx.prepare_cached(
                    "INSERT INTO user_alias (alias, name) VALUES (?1, ?2)
                     ON CONFLICT (alias) DO UPDATE SET name = excluded.name",
                )?
                .execute(params![alias, name])?;
            }
            if !country.is_empty() {
                tx.prepare_cached("UPDATE actor SET country = ?2 WHERE name = ?1 AND kind = 'learned'")?
                    .execute(params![name, country])?;
            }
            Ok(())
        })
    }

    /// The analyst's gazetteer layer.
    pub fn user_people(&self) -> Result<Vec<UserPerson>> {
        user_people(&self.conn)
    }

    /// Every stored article's id, in the order imported (for reading them all again).
    pub fn article_ids(&self) -> Result<Vec<i64>> {
        Ok(self
            .conn
            .prepare("SELECT id FROM article ORDER BY id")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?)
    }
}

fn add_event_in(tx: &Transaction<'_>, new: &NewEvent, origin: Origin) -> Result<i64> {
    let mut event = new.event.clone();
    event.countries.sort();
    event.countries.dedup();
    event.evidence.clear();
    let id = reports::new_record(tx, origin, Some(&event))?;
    for (seq, s) in new.sources.iter().enumerate() {
        let told = Event { evidence: s.evidence.clone(), ..event.clone() };
        reports::insert_report(tx, id, None, seq, &told, Some(&s.source), true)?;
    }
    tx.prepare_cached("UPDATE record SET note = ?2, verified = ?3 WHERE id = ?1")?.execute(params![
        id,
        new.note,
        new.verified
    ])?;
    for t in new.tags.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
        tx.prepare_cached("INSERT OR IGNORE INTO record_tag (record_id, tag) VALUES (?1, ?2)")?
            .execute(params![id, t])?;
    }
    audit(tx, id, "create", "", None, Some(&serde_json::to_value(&event).expect("an event serialises")))?;
    reports::materialize(tx, id)?;
    Ok(id)
}
