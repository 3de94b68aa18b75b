//! The engine's vocabulary: events, their dates, actors and evidence.
//!
//! These types are what extraction produces and what the store keeps. They
//! serialise to the shapes of the command-line contract (`detente extract`),
//! which follows `spec/events.md` field by field.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

/// The eight kinds of event of the spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EventType {
    Meeting,
    Call,
    Visit,
    Exercise,
    Patrol,
    PortCall,
    Agreement,
    Summit,
}

impl EventType {
    pub const ALL: [EventType; 8] = [
        EventType::Meeting,
        EventType::Call,
        EventType::Visit,
        EventType::Exercise,
        EventType::Patrol,
        EventType::PortCall,
        EventType::Agreement,
        EventType::Summit,
    ];

    /// The code used in the spec, the CLI and the database.
    pub fn code(self) -> &'static str {
        match self {
            EventType::Meeting => "meeting",
            EventType::Call => "call",
            EventType::Visit => "visit",
            EventType::Exercise => "exercise",
            EventType::Patrol => "patrol",
            EventType::PortCall => "port_call",
            EventType::Agreement => "agreement",
            EventType::Summit => "summit",
        }
    }

    pub fn from_code(code: &str) -> Option<EventType> {
        EventType::ALL.into_iter().find(|t| t.code() == code)
    }
}

impl fmt::Display for EventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for EventType {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// Reads the code back (a JSON export re-imported): an unknown type is an
/// error naming it, never a default.
impl<'de> Deserialize<'de> for EventType {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        EventType::from_code(&s).ok_or_else(|| {
            let all: Vec<&str> = EventType::ALL.iter().map(|t| t.code()).collect();
            de::Error::custom(format!("`{s}` is not an event type (one of {})", all.join(", ")))
        })
    }
}

/// Whether the article reports the event as having happened or as planned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    Occurred,
    Planned,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Occurred => "occurred",
            Status::Planned => "planned",
        }
    }

    pub fn from_code(code: &str) -> Option<Status> {
        match code {
            "occurred" => Some(Status::Occurred),
            "planned" => Some(Status::Planned),
            _ => None,
        }
    }
}

impl Serialize for Status {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Status {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Status::from_code(&s).ok_or_else(|| de::Error::custom(format!("`{s}` is not a status (occurred or planned)")))
    }
}

/// A calendar date at the precision the text allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateValue {
    Day(NaiveDate),
    Month {
        year: i32,
        month: u32,
    },
    Year(i32),
    /// An inclusive range of days (a ten-day exercise).
    Range(NaiveDate, NaiveDate),
}

/// How precise a [`DateValue`] is; the UI draws each differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    Day,
    Month,
    Year,
    Range,
}

impl Precision {
    pub fn code(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Year => "year",
            Precision::Range => "range",
        }
    }
}

impl DateValue {
    pub fn precision(&self) -> Precision {
        match self {
            DateValue::Day(_) => Precision::Day,
            DateValue::Month { .. } => Precision::Month,
            DateValue::Year(_) => Precision::Year,
            DateValue::Range(..) => Precision::Range,
        }
    }

    /// First day covered.
    pub fn start(&self) -> NaiveDate {
        match *self {
            DateValue::Day(d) | DateValue::Range(d, _) => d,
            DateValue::Month { year, month } => ymd(year, month, 1),
            DateValue::Year(year) => ymd(year, 1, 1),
        }
    }

    /// Last day covered (inclusive).
    pub fn end(&self) -> NaiveDate {
        match *self {
            DateValue::Day(d) | DateValue::Range(_, d) => d,
            DateValue::Month { year, month } => {
                let (y, m) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
                ymd(y, m, 1).pred_opt().expect("a month has a last day")
            }
            DateValue::Year(year) => ymd(year, 12, 31),
        }
    }

    /// Whether the two values can denote the same time (their spans overlap).
    pub fn overlaps(&self, other: &DateValue) -> bool {
        self.start() <= other.end() && other.start() <= self.end()
    }

    /// Parses the spec's notation: `2023-04-18`, `2023-04`, `2023`, `a/b`.
    pub fn parse(s: &str) -> Option<DateValue> {
        if let Some((a, b)) = s.split_once('/') {
            let a = NaiveDate::parse_from_str(a, "%Y-%m-%d").ok()?;
            let b = NaiveDate::parse_from_str(b, "%Y-%m-%d").ok()?;
            return (a <= b).then_some(DateValue::Range(a, b));
        }
        match s.len() {
            10 => NaiveDate::parse_from_str(s, "%Y-%m-%d").ok().map(DateValue::Day),
            7 => {
                let year = s[..4].parse().ok()?;
                let month = s[5..].parse().ok()?;
                (s.as_bytes()[4] == b'-' && (1..=12).contains(&month)).then_some(DateValue::Month { year, month })
            }
            4 => s.parse().ok().map(DateValue::Year),
            _ => None,
        }
    }
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid calendar date")
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateValue::Day(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            DateValue::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            DateValue::Year(y) => write!(f, "{y:04}"),
            DateValue::Range(a, b) => {
                write!(f, "{}/{}", a.format("%Y-%m-%d"), b.format("%Y-%m-%d"))
            }
        }
    }
}

impl Serialize for DateValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DateValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        DateValue::parse(&s).ok_or_else(|| {
            de::Error::custom(format!("`{s}` is not a date (YYYY-MM-DD, YYYY-MM, YYYY or a range FIRST/LAST)"))
        })
    }
}

/// A person taking part in an event.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Actor {
    /// Canonical full name (`Sergei Shoigu`).
    pub name: String,
    /// ISO 3166-1 alpha-3 code or organisation code the person acts for; empty when unknown.
    pub country: String,
    /// Office held on the event's date, where known; empty otherwise.
    pub role: String,
}

/// A span of the article text, in Unicode code points.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Evidence {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// One event as read from one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    #[serde(rename = "type")]
    pub kind: EventType,
    pub date: DateValue,
    /// True when the text gives no date of its own and the article's date was used.
    pub date_inferred: bool,
    pub status: Status,
    /// Sorted, unique codes of states and organisations.
    pub countries: Vec<String>,
    pub actors: Vec<Actor>,
    /// The place as the text names it, or empty.
    pub location: String,
    pub evidence: Vec<Evidence>,
    pub confidence: f64,
}

/// Something extraction noticed and chose not to turn into an event, or
/// could not do; shown to the analyst on request. Odd input is not an error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Code-point offset in the article the note is about.
    pub at: usize,
    pub message: String,
}
