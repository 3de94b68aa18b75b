//! Wire types between the shell and the UI: camelCase, shaped for display.
//! `ui/src/lib/api/types.ts` mirrors them.

use detente::gazetteer::Gazetteer;
use detente::import::Summary;
use detente::store::{ActorDetail, Article, EventRow, Facets, StoredEvent};
use serde::{Deserialize, Serialize};

/// An error the UI can branch on without matching message strings.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct ErrorDto {
    /// `database`, `not_found`, `bad_request`, `io`.
    pub code: &'static str,
    pub message: String,
}

impl ErrorDto {
    pub fn database(e: impl std::fmt::Display) -> ErrorDto {
        ErrorDto { code: "database", message: e.to_string() }
    }
    pub fn bad_request(message: impl Into<String>) -> ErrorDto {
        ErrorDto { code: "bad_request", message: message.into() }
    }
    /// A file the app was asked to write (or read) that it could not.
    pub fn io(path: &std::path::Path, e: std::io::Error) -> ErrorDto {
        ErrorDto { code: "io", message: format!("cannot write {}: {e}", path.display()) }
    }
    pub fn not_found(message: impl Into<String>) -> ErrorDto {
        ErrorDto { code: "not_found", message: message.into() }
    }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AppInfoDto {
    pub db_path: String,
    pub articles: i64,
    pub events: i64,
    pub version: &'static str,
    /// What the `--import` given at start-up did, once it is done.
    pub startup_import: Option<ImportSummaryDto>,
    /// The file name extensions the engine reads, for the import dialog
    /// (articles, and JSON exports of events).
    pub extensions: Vec<&'static str>,
    /// A folder to save exports to without asking (`DETENTE_SAVE_DIR`): the
    /// end-to-end tests, which cannot drive the native save dialog.
    pub save_dir: Option<String>,
}

/// Columns of a corpus chosen by the analyst (field names; absent: found by name).
#[derive(Debug, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct ColumnsDto {
    pub text: Option<String>,
    pub title: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
}

impl ColumnsDto {
    pub fn into_choice(self) -> detente::formats::ColumnChoice {
        let keep = |c: Option<String>| c.filter(|c| !c.trim().is_empty());
        detente::formats::ColumnChoice {
            text: keep(self.text),
            title: keep(self.title),
            date: keep(self.date),
            url: keep(self.url),
        }
    }
}

#[derive(Debug, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct FilterDto {
    pub countries: Vec<String>,
    pub actors: Vec<String>,
    pub types: Vec<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub text: Option<String>,
    /// "occurred" or "planned"; both when absent.
    #[serde(default)]
    pub status: Option<String>,
    /// From 0 to 1.
    #[serde(default)]
    pub min_confidence: Option<f64>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EventSummaryDto {
    pub id: i64,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub date: String,
    pub start: String,
    pub end: String,
    pub precision: &'static str,
    pub date_inferred: bool,
    pub status: &'static str,
    pub countries: Vec<String>,
    pub actors: Vec<String>,
    pub location: String,
    pub title: String,
    pub confidence: f64,
}

impl From<&EventRow> for EventSummaryDto {
    fn from(e: &EventRow) -> Self {
        EventSummaryDto {
            id: e.id,
            kind: e.kind.code(),
            date: e.date.to_string(),
            start: e.date.start().to_string(),
            end: e.date.end().to_string(),
            precision: e.date.precision().code(),
            date_inferred: e.date_inferred,
            status: e.status.code(),
            countries: e.countries.clone(),
            actors: e.actors.clone(),
            location: e.location.clone(),
            title: e.title.clone(),
            confidence: e.confidence,
        }
    }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FacetDto {
    pub value: String,
    pub label: String,
    pub country: String,
    /// For actors: `known` (the gazetteer's) or `learned` (from the text only).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub kind: String,
    pub count: i64,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FacetsDto {
    pub countries: Vec<FacetDto>,
    pub actors: Vec<FacetDto>,
    pub types: Vec<FacetDto>,
}

impl From<Facets> for FacetsDto {
    fn from(f: Facets) -> Self {
        let g = Gazetteer::shared();
        let conv = |v: Vec<detente::store::FacetCount>, named: bool| {
            v.into_iter()
                .map(|c| FacetDto {
                    label: if named { g.name_of(&c.value).unwrap_or(&c.value).to_string() } else { c.value.clone() },
                    value: c.value,
                    country: c.country,
                    kind: c.kind,
                    count: c.count,
                })
                .collect()
        };
        FacetsDto { countries: conv(f.countries, true), actors: conv(f.actors, false), types: conv(f.types, false) }
    }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QueryDto {
    pub facets: FacetsDto,
    /// Events in the database, whatever the filter.
    pub total: i64,
}

/// The first and last days of the events of a filter (none when nothing matches).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SpanDto {
    pub first: Option<String>,
    pub last: Option<String>,
}

/// The events of a window of days, as marks.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WindowDto {
    pub events: Vec<EventSummaryDto>,
    /// More events lie in the window than were asked for.
    pub more: bool,
}

/// A page of the event table, and how many events it is taken from.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RowsDto {
    pub events: Vec<EventSummaryDto>,
    pub total: usize,
}

/// A view the analyst saved by name.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedViewDto {
    pub name: String,
    pub state: String,
    pub saved: String,
}

/// Events starting in one bin of days, in one lane.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BinDto {
    pub start: String,
    pub lane: String,
    pub count: i64,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CountryDto {
    pub code: String,
    pub name: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ActorDto {
    pub name: String,
    pub country: String,
    pub role: String,
}

/// A term of office of a known actor.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ActorOfficeDto {
    pub country: String,
    /// The state's or organisation's name; the code when the gazetteer has none.
    pub country_name: String,
    pub title: String,
    pub from: Option<String>,
    /// `None` while the term runs.
    pub to: Option<String>,
}

/// A title the texts gave an actor, and in how many events.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ActorRoleDto {
    pub title: String,
    pub country: String,
    pub events: i64,
}

/// An actor as an entity, for the actor card.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ActorDetailDto {
    pub id: i64,
    pub name: String,
    pub country: String,
    pub country_name: String,
    /// `known` (the gazetteer's) or `learned` (from the text only).
    pub kind: &'static str,
    pub aliases: Vec<String>,
    /// Earliest first.
    pub offices: Vec<ActorOfficeDto>,
    pub roles: Vec<ActorRoleDto>,
    pub events: i64,
}

impl From<ActorDetail> for ActorDetailDto {
    fn from(a: ActorDetail) -> Self {
        let g = Gazetteer::shared();
        let name_of = |code: &str| g.name_of(code).unwrap_or(code).to_string();
        ActorDetailDto {
            id: a.id,
            country_name: name_of(&a.country),
            name: a.name,
            country: a.country,
            kind: a.kind.code(),
            aliases: a.aliases,
            offices: a
                .offices
                .into_iter()
                .map(|o| ActorOfficeDto {
                    country_name: name_of(&o.country),
                    country: o.country,
                    title: o.title,
                    from: o.from,
                    to: o.to,
                })
                .collect(),
            roles: a
                .roles
                .into_iter()
                .map(|r| ActorRoleDto { title: r.title, country: r.country, events: r.events })
                .collect(),
            events: a.events,
        }
    }
}

/// A piece of article text; `evidence` pieces are the sentences the event was read from.
#[derive(Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct SegmentDto {
    pub text: String,
    pub evidence: bool,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SourceDto {
    pub report_id: i64,
    /// `None` for a source the analyst typed or an export brought.
    pub article_id: Option<i64>,
    pub file: String,
    pub title: String,
    pub url: Option<String>,
    pub published: Option<String>,
    pub published_source: String,
    pub evidence: Vec<String>,
    pub segments: Vec<SegmentDto>,
    /// What this source says of the fields sources disagree on.
    pub date: String,
    pub location: String,
    pub status: &'static str,
    /// Placed in the event by the analyst (merge, split).
    pub pinned: bool,
    /// Why the engine grouped it with the first source.
    pub why: Vec<String>,
}

/// A field the sources give differently, and which source (report id) says what.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DisagreementDto {
    pub field: String,
    pub values: Vec<DisagreementValueDto>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DisagreementValueDto {
    pub value: String,
    pub reports: Vec<i64>,
}

/// A field the analyst set where the sources now say otherwise.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HeldDto {
    pub field: String,
    pub shown: serde_json::Value,
    pub extracted: serde_json::Value,
}

/// One change in an event's audit trail.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AuditDto {
    pub at: String,
    pub action: String,
    pub field: String,
    pub old: Option<serde_json::Value>,
    pub new: Option<serde_json::Value>,
}

impl From<detente::store::AuditEntry> for AuditDto {
    fn from(a: detente::store::AuditEntry) -> AuditDto {
        AuditDto { at: a.at, action: a.action, field: a.field, old: a.old, new: a.new }
    }
}

/// An event of the review queue and why it is there.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewItemDto {
    #[serde(flatten)]
    pub event: EventSummaryDto,
    pub reasons: Vec<String>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EventDetailDto {
    pub id: i64,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub date: String,
    pub precision: &'static str,
    pub date_inferred: bool,
    pub status: &'static str,
    pub countries: Vec<CountryDto>,
    pub actors: Vec<ActorDto>,
    pub location: String,
    pub confidence: f64,
    pub sources: Vec<SourceDto>,
    /// `extracted`, `manual` or `imported`.
    pub origin: &'static str,
    pub verified: bool,
    pub deleted: bool,
    /// The fields the analyst set.
    pub edited: Vec<&'static str>,
    pub tags: Vec<String>,
    pub note: String,
    pub disagreements: Vec<DisagreementDto>,
    pub held: Vec<HeldDto>,
    pub audit: Vec<AuditDto>,
}

/// Cuts an article's text into plain and evidence pieces. Offsets are code
/// points (the engine's contract); the UI never sees offsets, so UTF-16
/// and code points cannot disagree.
pub fn segments(text: &str, spans: &[(usize, usize)]) -> Vec<SegmentDto> {
    let chars: Vec<char> = text.chars().collect();
    let mut spans: Vec<(usize, usize)> = spans.iter().map(|&(s, e)| (s.min(chars.len()), e.min(chars.len()))).collect();
    spans.sort();
    let mut out = Vec::new();
    let mut at = 0;
    for (s, e) in spans {
        let s = s.max(at);
        if s >= e {
            continue;
        }
        if s > at {
            out.push(SegmentDto { text: chars[at..s].iter().collect(), evidence: false });
        }
        out.push(SegmentDto { text: chars[s..e].iter().collect(), evidence: true });
        at = e;
    }
    if at < chars.len() {
        out.push(SegmentDto { text: chars[at..].iter().collect(), evidence: false });
    }
    out
}

pub fn detail(s: &StoredEvent, articles: &[Article], audit: Vec<detente::store::AuditEntry>) -> EventDetailDto {
    let g = Gazetteer::shared();
    let e = &s.event;
    EventDetailDto {
        id: s.id,
        kind: e.kind.code(),
        date: e.date.to_string(),
        precision: e.date.precision().code(),
        date_inferred: e.date_inferred,
        status: e.status.code(),
        countries: e
            .countries
            .iter()
            .map(|c| CountryDto { code: c.clone(), name: g.name_of(c).unwrap_or(c).to_string() })
            .collect(),
        actors: e
            .actors
            .iter()
            .map(|a| ActorDto { name: a.name.clone(), country: a.country.clone(), role: a.role.clone() })
            .collect(),
        location: e.location.clone(),
        confidence: e.confidence,
        sources: s
            .sources
            .iter()
            .map(|src| {
                let article = articles.iter().find(|a| Some(a.id) == src.article_id);
                let spans: Vec<(usize, usize)> = src.evidence.iter().map(|ev| (ev.start, ev.end)).collect();
                SourceDto {
                    report_id: src.report_id,
                    article_id: src.article_id,
                    file: src.file.clone(),
                    title: src.title.clone(),
                    url: src.url.clone(),
                    published: src.published.clone(),
                    published_source: article.map(|a| a.published_source.clone()).unwrap_or_default(),
                    evidence: src.evidence.iter().map(|ev| ev.text.clone()).collect(),
                    segments: article.map(|a| segments(&a.text, &spans)).unwrap_or_default(),
                    date: src.says.date.to_string(),
                    location: src.says.location.clone(),
                    status: src.says.status.code(),
                    pinned: src.pinned,
                    why: src.why.clone(),
                }
            })
            .collect(),
        origin: s.origin.code(),
        verified: s.verified,
        deleted: s.deleted,
        edited: s.edited.clone(),
        tags: s.tags.clone(),
        note: s.note.clone(),
        disagreements: s
            .disagreements
            .iter()
            .map(|d| DisagreementDto {
                field: d.field.clone(),
                values: d
                    .values
                    .iter()
                    .map(|v| DisagreementValueDto { value: v.value.clone(), reports: v.reports.clone() })
                    .collect(),
            })
            .collect(),
        held: s
            .held
            .iter()
            .map(|h| HeldDto { field: h.field.clone(), shown: h.shown.clone(), extracted: h.extracted.clone() })
            .collect(),
        audit: audit.into_iter().map(AuditDto::from).collect(),
    }
}

/// An article whose publication date is unknown.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UndatedArticleDto {
    pub id: i64,
    pub title: String,
    pub file: String,
}

/// The newest articles without a date, and how many there are in all.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UndatedDto {
    pub articles: Vec<UndatedArticleDto>,
    pub total: i64,
}

#[derive(Debug, Serialize, Clone)]
#[serde(rename_all = "camelCase")]
pub struct FailureDto {
    pub file: String,
    pub reason: String,
}

#[derive(Debug, Serialize, Clone)]
#[serde(rename_all = "camelCase")]
pub struct ImportSummaryDto {
    pub imported: usize,
    /// Articles whose file changed: the new version replaced the old.
    pub updated: usize,
    /// The import was cancelled before every file was read.
    pub cancelled: bool,
    /// Why the import stopped early (the database failed), if it did.
    pub stopped: Option<String>,
    pub events: usize,
    pub already_present: usize,
    pub failed: Vec<FailureDto>,
    pub line: String,
}

impl From<&Summary> for ImportSummaryDto {
    fn from(s: &Summary) -> Self {
        ImportSummaryDto {
            imported: s.imported.len(),
            updated: s.updated.len(),
            events: s.imported.iter().chain(&s.updated).map(|(_, n)| n).sum(),
            already_present: s.already_present.len(),
            cancelled: s.cancelled,
            stopped: s.stopped.clone(),
            failed: s
                .failed
                .iter()
                .map(|(f, r)| FailureDto { file: f.display().to_string(), reason: r.clone() })
                .collect(),
            line: s.line(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_reach_the_ui_as_code_and_message() {
        let json = serde_json::to_string(&ErrorDto::not_found("no event 7")).unwrap();
        assert_eq!(json, r#"{"code":"not_found","message":"no event 7"}"#);
    }

    #[test]
    fn an_actor_card_names_countries_and_only_actor_facets_have_a_kind() {
        use detente::store::{ActorKind, ActorOffice, FacetCount};
        let a = ActorDetail {
            id: 3,
            name: "Sergei Shoigu".into(),
            country: "RUS".into(),
            kind: ActorKind::Known,
            aliases: vec!["Sergey Shoigu".into()],
            offices: vec![ActorOffice {
                country: "RUS".into(),
                title: "Defense Minister".into(),
                from: Some("2012-11-06".into()),
                to: None,
            }],
            roles: vec![],
            events: 1,
        };
        let json = serde_json::to_value(ActorDetailDto::from(a)).unwrap();
        assert_eq!(json["kind"], "known");
        assert_eq!(json["countryName"], "Russia");
        assert_eq!(json["offices"][0]["countryName"], "Russia");
        assert_eq!(json["offices"][0]["to"], serde_json::Value::Null);
        let facet = |kind: &str| FacetCount { value: "x".into(), country: String::new(), kind: kind.into(), count: 1 };
        let f = FacetsDto::from(Facets { countries: vec![facet("")], actors: vec![facet("learned")], types: vec![] });
        let json = serde_json::to_value(f).unwrap();
        assert_eq!(json["actors"][0]["kind"], "learned");
        assert!(json["countries"][0].get("kind").is_none());
    }

    #[test]
    fn evidence_segments_cut_on_code_points_not_bytes() {
        let text = "Détente began. Li met Shoigu. End.";
        let s = segments(text, &[(15, 29)]);
        assert_eq!(s.iter().map(|x| x.text.as_str()).collect::<String>(), text, "nothing lost");
        assert_eq!(s[1], SegmentDto { text: "Li met Shoigu.".into(), evidence: true });
    }
}
