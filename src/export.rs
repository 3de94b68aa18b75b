//! Exports of stored events: CSV for spreadsheets, JSON to re-import.
//!
//! Both carry every field of the spec, the event's sources, and the CAMEO
//! and PLOVER codes its type maps to (`resources/codes.tsv`), so the
//! curated timeline can be read beside other coded event data. What each
//! column and field holds, and why each code was chosen: `docs/export.md`.
//!
//! Article text is untrusted, and a CSV is opened in spreadsheets, which run
//! a cell that starts with `=`, `+`, `-` or `@` as a formula: such cells are
//! written with a leading `'` ([`guard`]).

use std::io::Write;
use std::path::Path;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::model::{Actor, Event, EventType};
use crate::resources::{self, ResourceError};
use crate::store::StoredEvent;

/// The `format` tag of a JSON export: a document without it is refused.
pub const FORMAT_TAG: &str = "detente-events";
/// The version of the JSON shape this build writes and the newest it reads.
pub const VERSION: u64 = 1;

/// A failure to write an export or to read one back.
#[derive(Debug, Error)]
pub enum ExportError {
    #[error("cannot write the export: {0}")]
    Io(#[from] std::io::Error),
    #[error("cannot write the CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error("not a JSON document: {0}")]
    NotJson(String),
    #[error("not a Détente events export: its format is {found}, expected `{FORMAT_TAG}`")]
    Format { found: String },
    #[error("this export is version {found}; this version of Détente reads version {VERSION} and older")]
    Version { found: String },
    /// Event `index` (1-based, in the document's order) cannot be read.
    #[error("event {index}: {message}")]
    Event { index: usize, message: String },
    #[error("unknown export format `{0}` (csv or json)")]
    UnknownFormat(String),
}

pub type Result<T> = std::result::Result<T, ExportError>;

/// The codes of another event dataset an event maps to; empty strings where
/// no code fits (`docs/export.md` says why for each type).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Codes {
    pub cameo: &'static str,
    pub cameo_label: &'static str,
    pub plover: &'static str,
    pub plover_mode: &'static str,
}

/// Which events of a type a row of `codes.tsv` is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Parties {
    Any,
    /// Two or more countries or organisations: a joint exercise.
    Joint,
    /// One or none: a state's own drill.
    Single,
}

impl Parties {
    fn of(countries: usize) -> Parties {
        if countries >= 2 { Parties::Joint } else { Parties::Single }
    }
}

type CodeTable = Vec<(EventType, Parties, Codes)>;

/// Parses `resources/codes.tsv`, checking that every type is covered once.
fn load_codes(file: resources::File) -> std::result::Result<CodeTable, ResourceError> {
    let mut rows = Vec::new();
    for row in file.table()?.rows {
        let c = &row.cells;
        let kind =
            EventType::from_code(c[0]).ok_or_else(|| file.invalid(row.line, format!("unknown type {}", c[0])))?;
        let parties = match c[1] {
            "any" => Parties::Any,
            "joint" => Parties::Joint,
            "single" => Parties::Single,
            other => return Err(file.invalid(row.line, format!("parties must be any, joint or single, not {other}"))),
        };
        if !(c[2].is_empty() || (c[2].len() == 3 && c[2].bytes().all(|b| b.is_ascii_digit()))) {
            return Err(file.invalid(row.line, format!("a CAMEO event code has three digits, not {}", c[2])));
        }
        if c[2].is_empty() != c[3].is_empty() {
            return Err(file.invalid(row.line, "a CAMEO code and its label go together"));
        }
        if c[4].is_empty() && !c[5].is_empty() {
            return Err(file.invalid(row.line, "a PLOVER mode needs a PLOVER type"));
        }
        let codes = Codes { cameo: c[2], cameo_label: c[3], plover: c[4], plover_mode: c[5] };
        rows.push((kind, parties, codes));
    }
    for kind in EventType::ALL {
        let of: Vec<Parties> = rows.iter().filter(|r| r.0 == kind).map(|r| r.1).collect();
        let covered =
            of == [Parties::Any] || (of.len() == 2 && of.contains(&Parties::Joint) && of.contains(&Parties::Single));
        if !covered {
            return Err(file.invalid(0, format!("{kind} needs one `any` row, or one `joint` and one `single` row")));
        }
    }
    Ok(rows)
}

/// The CAMEO and PLOVER codes of an event: by its type and, for a type
/// whose code depends on it, how many countries take part.
pub fn codes(event: &Event) -> Codes {
    static TABLE: OnceLock<CodeTable> = OnceLock::new();
    let table = TABLE.get_or_init(|| load_codes(resources::CODES).expect("the shipped codes.tsv is valid (tested)"));
    let parties = Parties::of(event.countries.len());
    table
        .iter()
        .find(|(kind, p, _)| *kind == event.kind && (*p == Parties::Any || *p == parties))
        .map(|r| r.2)
        .expect("codes.tsv covers every type (checked when loaded)")
}

/// A CSV cell that a spreadsheet would run as a formula gets a leading `'`,
/// which spreadsheets show as text. Tab and carriage return are included:
/// some spreadsheets skip them before looking for `=`.
pub fn guard(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

/// `Name (CTRY, role)`, leaving out what is unknown.
fn actor_cell(a: &Actor) -> String {
    match (a.country.is_empty(), a.role.is_empty()) {
        (true, true) => a.name.clone(),
        (false, true) => format!("{} ({})", a.name, a.country),
        (true, false) => format!("{} ({})", a.name, a.role),
        (false, false) => format!("{} ({}, {})", a.name, a.country, a.role),
    }
}

/// One line per source, numbered `[1]`, `[2]`, ... so that a title, its
/// file, its date and its evidence can be matched across cells.
fn per_source(e: &StoredEvent, cell: impl Fn(&crate::store::Source) -> String) -> String {
    let lines: Vec<String> = e.sources.iter().enumerate().map(|(i, s)| format!("[{}] {}", i + 1, cell(s))).collect();
    lines.join("\n")
}

/// The evidence sentences, one a line, each with its source's number.
fn evidence_cell(e: &StoredEvent) -> String {
    let mut lines = Vec::new();
    for (i, s) in e.sources.iter().enumerate() {
        for ev in &s.evidence {
            lines.push(format!("[{}] {}", i + 1, ev.text.split_whitespace().collect::<Vec<_>>().join(" ")));
        }
    }
    lines.join("\n")
}

/// A CSV column: its header and how to write an event's cell.
type Column = (&'static str, fn(&StoredEvent, &Codes) -> String);

/// The CSV's columns, in order. A field added to `StoredEvent` (origin,
/// verified, tags, note) is one more line here.
const COLUMNS: &[Column] = &[
    ("id", |e, _| e.id.to_string()),
    ("type", |e, _| e.event.kind.code().to_string()),
    ("date", |e, _| e.event.date.to_string()),
    ("date_start", |e, _| e.event.date.start().to_string()),
    ("date_end", |e, _| e.event.date.end().to_string()),
    ("precision", |e, _| e.event.date.precision().code().to_string()),
    ("date_inferred", |e, _| e.event.date_inferred.to_string()),
    ("status", |e, _| e.event.status.code().to_string()),
    ("countries", |e, _| e.event.countries.join(";")),
    ("actors", |e, _| e.event.actors.iter().map(actor_cell).collect::<Vec<_>>().join(";")),
    ("location", |e, _| e.event.location.clone()),
    ("confidence", |e, _| format!("{:.2}", e.event.confidence)),
    ("cameo_code", |_, c| c.cameo.to_string()),
    ("cameo_label", |_, c| c.cameo_label.to_string()),
    ("plover_type", |_, c| c.plover.to_string()),
    ("plover_mode", |_, c| c.plover_mode.to_string()),
    ("sources", |e, _| e.sources.len().to_string()),
    ("source_titles", |e, _| per_source(e, |s| s.title.clone())),
    ("source_files", |e, _| per_source(e, |s| s.file.clone())),
    ("source_published", |e, _| per_source(e, |s| s.published.clone().unwrap_or_else(|| "unknown".into()))),
    ("evidence", |e, _| evidence_cell(e)),
];

/// Writes one CSV row per event (with a header row), every cell guarded
/// against formula injection. Returns the number of events written.
pub fn write_csv(events: &[StoredEvent], out: impl Write) -> Result<usize> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(COLUMNS.iter().map(|c| c.0))?;
    for e in events {
        let codes = codes(&e.event);
        w.write_record(COLUMNS.iter().map(|(_, cell)| guard(&cell(e, &codes)).into_owned()))?;
    }
    w.flush()?;
    Ok(events.len())
}

/// An event as a JSON export writes it: the stored event (every field it
/// has, so fields added to `StoredEvent` are exported without a change
/// here), the date's span spelled out, and the codes.
#[derive(Serialize)]
struct Written<'a> {
    #[serde(flatten)]
    stored: &'a StoredEvent,
    date_start: String,
    date_end: String,
    precision: &'static str,
    codes: Codes,
}

#[derive(Serialize)]
struct Document<'a> {
    format: &'static str,
    version: u64,
    /// When the export was made (RFC 3339, UTC).
    exported: String,
    events: Vec<Written<'a>>,
}

/// Writes the events as one JSON document
/// `{"format": "detente-events", "version": 1, "exported", "events": [...]}`.
/// Returns the number of events written.
pub fn write_json(events: &[StoredEvent], mut out: impl Write) -> Result<usize> {
    let doc = Document {
        format: FORMAT_TAG,
        version: VERSION,
        exported: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        events: events
            .iter()
            .map(|e| Written {
                stored: e,
                date_start: e.event.date.start().to_string(),
                date_end: e.event.date.end().to_string(),
                precision: e.event.date.precision().code(),
                codes: codes(&e.event),
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut out, &doc).map_err(std::io::Error::from)?;
    out.write_all(b"\n")?;
    out.flush()?;
    Ok(events.len())
}

/// An event read back from a JSON export: what it was stored as, and the
/// event to store (its sources as sources of their own: the articles'
/// texts are not in an export). The fields written for other readers
/// (`date_start`, `date_end`, `precision`, `codes`, a source's `article_id`)
/// are not read: they follow from the rest or belong to the other database.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportedEvent {
    /// The event's id in the database it was exported from.
    pub id: i64,
    #[serde(flatten)]
    pub new: crate::store::NewEvent,
}

/// The envelope, read first so that a wrong document is named as such
/// before any event is looked at.
#[derive(Deserialize)]
struct Envelope {
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
    events: Option<Vec<serde_json::Value>>,
}

/// Reads a JSON export back. A document that is not JSON, not an export of
/// this kind, or of a newer version is refused as a whole; an event that
/// cannot be read is named by its position (1-based).
pub fn read_json(text: &str) -> Result<Vec<ExportedEvent>> {
    let doc: Envelope = serde_json::from_str(text).map_err(|e| ExportError::NotJson(e.to_string()))?;
    match &doc.format {
        Some(serde_json::Value::String(s)) if s == FORMAT_TAG => {}
        Some(other) => return Err(ExportError::Format { found: other.to_string() }),
        None => return Err(ExportError::Format { found: "missing".into() }),
    }
    match doc.version.as_ref().and_then(|v| v.as_u64()) {
        Some(v) if (1..=VERSION).contains(&v) => {}
        _ => {
            let found = doc.version.map_or_else(|| "missing".into(), |v| v.to_string());
            return Err(ExportError::Version { found });
        }
    }
    let events = doc.events.ok_or_else(|| ExportError::Format { found: "right but it has no `events` list".into() })?;
    events
        .into_iter()
        .enumerate()
        .map(|(i, v)| {
            serde_json::from_value(v).map_err(|e| ExportError::Event { index: i + 1, message: e.to_string() })
        })
        .collect()
}

/// The two formats an export is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Json,
}

impl ExportFormat {
    /// `csv` or `json`.
    pub fn from_code(code: &str) -> Result<ExportFormat> {
        match code {
            "csv" => Ok(ExportFormat::Csv),
            "json" => Ok(ExportFormat::Json),
            other => Err(ExportError::UnknownFormat(other.to_string())),
        }
    }

    /// Writes the events in this format. Returns the number written.
    pub fn write(self, events: &[StoredEvent], out: impl Write) -> Result<usize> {
        match self {
            ExportFormat::Csv => write_csv(events, out),
            ExportFormat::Json => write_json(events, out),
        }
    }
}

/// Writes the events to `path` through a temporary file in the same folder,
/// renamed over `path` when complete: a failure half way leaves no partial
/// file, and an existing file is replaced only by a whole export.
pub fn write_file(events: &[StoredEvent], format: ExportFormat, path: &Path) -> Result<usize> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    let n = format.write(events, std::io::BufWriter::new(tmp.as_file_mut()))?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateValue, Evidence, Status};
    use crate::store::Source;

    fn event(kind: EventType, countries: &[&str]) -> Event {
        Event {
            kind,
            date: DateValue::Day(chrono::NaiveDate::from_ymd_opt(2023, 4, 18).unwrap()),
            date_inferred: false,
            status: Status::Occurred,
            countries: countries.iter().map(|c| c.to_string()).collect(),
            actors: Vec::new(),
            location: String::new(),
            evidence: Vec::new(),
            confidence: 0.9,
        }
    }

    #[test]
    fn every_example_of_codes_tsv_gives_its_codes() {
        load_codes(resources::CODES).unwrap_or_else(|e| panic!("{e}"));
        let table = resources::CODES.table().unwrap();
        assert!(table.examples.len() >= 9, "every type has an example");
        for ex in table.examples {
            let mut words = ex.input.split_whitespace();
            let kind = EventType::from_code(words.next().unwrap()).unwrap();
            let c = codes(&event(kind, &words.collect::<Vec<_>>()));
            let cell = |s: &str| if s.is_empty() { "-".to_string() } else { s.to_string() };
            let got = format!("{} {} {}", cell(c.cameo), cell(c.plover), cell(c.plover_mode));
            assert_eq!(got, ex.expected, "line {}: {}", ex.line, ex.input);
        }
    }

    #[test]
    fn a_type_missing_from_the_code_table_is_an_error() {
        // The loader's coverage check on a table lacking `summit`.
        let text = resources::CODES.text.lines().filter(|l| !l.starts_with("summit")).collect::<Vec<_>>().join("\n");
        let file = resources::File { path: "codes.tsv", text: Box::leak(text.into_boxed_str()), columns: 6 };
        let err = load_codes(file).unwrap_err().to_string();
        assert!(err.contains("summit needs one `any` row"), "{err}");
        let text = resources::CODES.text.replace("\tany\t040\tConsult", "\tany\t40\tConsult");
        let file = resources::File { path: "codes.tsv", text: Box::leak(text.into_boxed_str()), columns: 6 };
        assert!(load_codes(file).unwrap_err().to_string().contains("three digits, not 40"));
    }

    #[test]
    fn cells_a_spreadsheet_would_run_get_a_leading_quote() {
        for bad in ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(guard(bad), format!("'{bad}"));
        }
        for fine in ["Moscow", "2023-04-18", "", "0.90", "'quoted"] {
            assert_eq!(guard(fine), fine);
        }
    }

    fn stored(id: i64, e: Event, sources: Vec<Source>) -> StoredEvent {
        StoredEvent {
            id,
            event: e,
            sources,
            origin: crate::store::Origin::Extracted,
            verified: false,
            deleted: false,
            edited: Vec::new(),
            tags: Vec::new(),
            note: String::new(),
            disagreements: Vec::new(),
            held: Vec::new(),
        }
    }

    fn source(file: &str, title: &str, evidence: Vec<Evidence>, says: &Event) -> Source {
        Source {
            report_id: 1,
            article_id: Some(1),
            file: file.into(),
            title: title.into(),
            url: None,
            published: None,
            evidence,
            says: says.clone(),
            pinned: false,
            why: Vec::new(),
        }
    }

    #[test]
    fn csv_quotes_commas_quotes_and_newlines_and_guards_every_text_cell() {
        let mut e = event(EventType::Meeting, &["CHN", "RUS"]);
        e.location = "=cmd|' /C calc'!A0".into();
        e.actors = vec![
            Actor { name: "Li Shangfu".into(), country: "CHN".into(), role: "Minister of National Defense".into() },
            Actor { name: "Unknown, Person".into(), country: String::new(), role: String::new() },
        ];
        let ev = Evidence { start: 0, end: 10, text: "He said \"yes\",\nthen left.".into() };
        let ev2 = Evidence { start: 40, end: 50, text: "-1 more, later.".into() };
        e.evidence = vec![ev.clone(), ev2.clone()];
        let src = source("a.txt", "@Talks, in \"Moscow\"", vec![ev, ev2], &e);
        let mut out = Vec::new();
        assert_eq!(write_csv(&[stored(7, e, vec![src])], &mut out).unwrap(), 1);
        let mut r = csv::Reader::from_reader(out.as_slice());
        let header: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
        assert_eq!(header.len(), COLUMNS.len());
        let rows: Vec<csv::StringRecord> = r.records().map(|r| r.unwrap()).collect();
        assert_eq!(rows.len(), 1);
        let col = |name: &str| rows[0][header.iter().position(|h| h == name).unwrap()].to_string();
        assert_eq!(col("location"), "'=cmd|' /C calc'!A0");
        assert_eq!(col("source_titles"), "[1] @Talks, in \"Moscow\"", "the numbering keeps a title's @ off the start");
        assert_eq!(col("evidence"), "[1] He said \"yes\", then left.\n[1] -1 more, later.");
        assert_eq!(col("actors"), "Li Shangfu (CHN, Minister of National Defense);Unknown, Person");
        assert_eq!(col("countries"), "CHN;RUS");
        assert_eq!(col("cameo_code"), "040");
        assert_eq!(col("source_published"), "[1] unknown");
    }
}
