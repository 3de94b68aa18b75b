//! Temporal expressions, in two phases (as HeidelTime does).
//!
//! Phase 1, [`Tagger::find`], finds expressions in text with the rules of
//! `resources/dates/patterns.tsv` and records what they say without a
//! calendar: "Tuesday, looking back", "April 18 of an unknown year", "the
//! third quarter", "two years".
//! Phase 2, [`Timex::value`], is a pure function of that and a reference
//! date (the article's publication date): a TIMEX3 value ([`Value`]), of
//! which the calendar ones convert to an event's [`DateValue`]. Nothing here
//! reads the clock.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use regex_automata::dfa::onepass;
use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::meta::Regex;
use regex_automata::nfa::thompson::{self, backtrack, backtrack::BoundedBacktracker};
use regex_automata::util::captures::Captures;
use regex_automata::util::pool::Pool;
use regex_automata::{Anchored, Input, MatchKind};
use regex_syntax::hir::{Hir, HirKind};
use rustc_hash::FxHashMap;

use crate::model::DateValue;
use crate::resources::{self, File, ResourceError, Result};

/// Which way from the reference date an under-specified expression points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// No marker: the nearest reading, favouring the past (news reports what happened).
    Unmarked,
    Past,
    Future,
}

/// A day of a month, possibly of an unknown year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartialDay {
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
}

/// A unit of time (`resources/dates/units.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Year,
    Quarter,
    Month,
    Week,
    Day,
    Hour,
    Minute,
    Decade,
    Century,
    Weekend,
}

impl Unit {
    fn from_code(code: &str) -> Option<Unit> {
        Some(match code {
            "Y" => Unit::Year,
            "Q" => Unit::Quarter,
            "M" => Unit::Month,
            "W" => Unit::Week,
            "D" => Unit::Day,
            "H" => Unit::Hour,
            "MIN" => Unit::Minute,
            "DE" => Unit::Decade,
            "CE" => Unit::Century,
            "WE" => Unit::Weekend,
            _ => return None,
        })
    }
}

/// What an expression says, before resolution (phase 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Underspecified {
    Day(PartialDay),
    Month {
        year: i32,
        month: u32,
    },
    Year(i32),
    Range(PartialDay, PartialDay),
    /// The week holding a day ("the week of March 6").
    WeekOf(PartialDay),
    /// A century by its ordinal ("the 20th century" is 20).
    Century(i32),
    Weekday(Weekday),
    DaysFromReference(i64),
    /// A weekday with a shift: "last Wednesday" (-1) is in the week before
    /// when the reference is a Wednesday, "next Monday" (1) never today.
    WeekdayShift(Weekday, i32),
    /// The days from one weekday to another: "from Tuesday to Thursday".
    WeekdayRange(Weekday, Weekday),
    /// A weekday counted from the day named before it in the text: "the
    /// previous Friday" (-1), "the following Monday" (1).
    AnchoredWeekday(Weekday, i32),
    /// A weekday's part: "Wednesday night" (a DATE valued with its part).
    WeekdayPart(Weekday, &'static str),
    /// A clock time on a weekday ("10 p.m. Wednesday") or on a day near
    /// the reference ("9 a.m. yesterday").
    ClockOnWeekday(Weekday, u32, u32),
    ClockOnDay(i64, u32, u32),
    /// Part of a day near the reference: "yesterday morning", "tonight".
    DayPart(i64, &'static str),
    /// A month named with a shift: "last May" (-1), "next January" (1).
    MonthShift(u32, i32),
    /// A month of the reference's year shifted: "July last year".
    MonthOfShiftedYear(u32, i32),
    /// A time of day on the reference day: "10:35 a.m." (hour, minute).
    Clock(u32, u32),
    /// A holiday of the year the shift and direction give ("last Christmas").
    Holiday(&'static str, i32),
    /// A shift from the date named before it in the text: "two days later"
    /// (Day, 2), "the following week" (Week, 1), "that same day" (Day, 0).
    Anchored(Unit, i32),
    /// A part of the day named before it or after it: "the next morning".
    AnchoredPart(i32, &'static str),
    /// A year-long shift from a quarter named earlier in the text: "a year
    /// earlier" in a report on the third quarter is that quarter a year before.
    QuarterAgo(Option<i32>, u32, i32),
    /// A month of a year the text does not give ("in January").
    MonthOfYear(u32),
    /// A month of the year named before it in the text: "December of that
    /// year".
    AnchoredMonth(u32),
    /// The unit containing the reference, shifted: "last year" (-1),
    /// "this week" (0), "next month" (1).
    Shift(Unit, i32),
    /// A count of units before or after the reference: "two years ago"
    /// (`Some(-2)`); `None` when the count is vague ("several years ago").
    Ago(Unit, Option<i32>),
    /// A quarter, of a given year or of the reference's.
    Quarter(Option<i32>, u32),
    /// A quarter of the reference's year shifted: "next year's first
    /// quarter" (1, 1), "the year-ago third quarter" (3, -1).
    QuarterOfShiftedYear(u32, i32),
    /// The last quarter completed before the reference ("the quarter").
    LatestQuarter,
    /// A season shifted from the reference's year ("last fall").
    Season(&'static str, i32),
    /// The decade starting in this year ("the 1990s").
    Decade(i32),
    /// Half of a year, given or shifted from the reference's: (year, shift, half).
    Half(Option<i32>, i32, u32),
    /// A numeric date whose day and month may be either way round
    /// ("4/5/2023"): (first, second, year, slash). Slashes read month first
    /// unless that cannot be; dots read day first.
    Numeric(u32, u32, i32, bool),
    /// PRESENT_REF, PAST_REF, FUTURE_REF.
    Reference(&'static str),
    /// A length of time: "three days" (`Some(3)`), "several years" (`None`).
    Duration(Option<u32>, Unit),
    /// A recurring time: its TIMEX3 value ("P1D" for "daily").
    Set(&'static str),
}

impl Underspecified {
    /// Whether it names its time without the reference date ("April 18,
    /// 2023", "1998", "three days"): its value is the same from any
    /// reference and in any direction, so the tense before it is not read.
    pub fn is_absolute(&self) -> bool {
        match *self {
            Underspecified::Day(p) | Underspecified::Range(p, _) | Underspecified::WeekOf(p) => p.year.is_some(),
            Underspecified::Quarter(year, _)
            | Underspecified::QuarterAgo(year, ..)
            | Underspecified::Half(year, ..) => year.is_some(),
            Underspecified::Month { .. }
            | Underspecified::Year(_)
            | Underspecified::Century(_)
            | Underspecified::Decade(_)
            | Underspecified::Numeric(..)
            | Underspecified::Reference(_)
            | Underspecified::Duration(..)
            | Underspecified::Set(_) => true,
            Underspecified::Weekday(_)
            | Underspecified::DaysFromReference(_)
            | Underspecified::WeekdayShift(..)
            | Underspecified::WeekdayRange(..)
            | Underspecified::AnchoredWeekday(..)
            | Underspecified::WeekdayPart(..)
            | Underspecified::ClockOnWeekday(..)
            | Underspecified::ClockOnDay(..)
            | Underspecified::DayPart(..)
            | Underspecified::MonthShift(..)
            | Underspecified::MonthOfShiftedYear(..)
            | Underspecified::Clock(..)
            | Underspecified::Holiday(..)
            | Underspecified::Anchored(..)
            | Underspecified::AnchoredPart(..)
            | Underspecified::AnchoredMonth(_)
            | Underspecified::MonthOfYear(_)
            | Underspecified::Shift(..)
            | Underspecified::Ago(..)
            | Underspecified::QuarterOfShiftedYear(..)
            | Underspecified::LatestQuarter
            | Underspecified::Season(..) => false,
        }
    }
}

/// The TIMEX3 type of an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Date,
    Time,
    Duration,
    Set,
}

impl Kind {
    pub fn code(self) -> &'static str {
        match self {
            Kind::Date => "DATE",
            Kind::Time => "TIME",
            Kind::Duration => "DURATION",
            Kind::Set => "SET",
        }
    }
}

/// A resolved expression (phase 2): a TIMEX3 value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Date(DateValue),
    Week {
        year: i32,
        week: u32,
        weekend: bool,
    },
    Quarter {
        year: i32,
        quarter: u32,
    },
    Season {
        year: i32,
        code: &'static str,
    },
    Decade(i32),
    /// The centuries' hundreds: 19 for the years 1900-1999.
    Century(i32),
    Half {
        year: i32,
        half: u32,
    },
    DayPart(NaiveDate, &'static str),
    /// A day's part named by its weekday: a DATE in TimeBank's usage.
    WeekdayPart(NaiveDate, &'static str),
    /// A clock time on a day.
    Clock(NaiveDate, u32, u32),
    Reference(&'static str),
    Duration(String),
    Set(&'static str),
}

impl Value {
    /// TIMEX3 type and value (`DATE`, `2023-W16`).
    pub fn timex3(&self) -> (Kind, String) {
        match self {
            Value::Date(DateValue::Range(a, _)) => (Kind::Date, a.format("%Y-%m-%d").to_string()),
            Value::Date(d) => (Kind::Date, d.to_string()),
            Value::Week { year, week, weekend } => {
                (Kind::Date, format!("{year:04}-W{week:02}{}", if *weekend { "-WE" } else { "" }))
            }
            Value::Quarter { year, quarter } => (Kind::Date, format!("{year:04}-Q{quarter}")),
            Value::Season { year, code } => (Kind::Date, format!("{year:04}-{code}")),
            Value::Decade(d) => (Kind::Date, format!("{d:03}")),
            Value::Century(c) => (Kind::Date, format!("{c:02}")),
            Value::Half { year, half } => (Kind::Date, format!("{year:04}-H{half}")),
            Value::DayPart(d, part) => (Kind::Time, format!("{}T{part}", d.format("%Y-%m-%d"))),
            Value::WeekdayPart(d, part) => (Kind::Date, format!("{}T{part}", d.format("%Y-%m-%d"))),
            Value::Clock(d, h, m) => (Kind::Time, format!("{}T{h:02}:{m:02}", d.format("%Y-%m-%d"))),
            Value::Reference(r) => (Kind::Date, r.to_string()),
            Value::Duration(v) => (Kind::Duration, v.clone()),
            Value::Set(v) => (Kind::Set, v.to_string()),
        }
    }

    /// The calendar span an event dated by this expression takes, if any:
    /// weeks and quarters become ranges; "now", durations and sets give none.
    pub fn date(&self) -> Option<DateValue> {
        match *self {
            Value::Date(d) => Some(d),
            Value::Week { year, week, weekend: false } => {
                let monday = NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)?;
                Some(DateValue::Range(monday, monday.checked_add_days(Days::new(6))?))
            }
            Value::Quarter { year, quarter } => {
                let start = NaiveDate::from_ymd_opt(year, quarter * 3 - 2, 1)?;
                let end = start.checked_add_months(Months::new(3))?.pred_opt()?;
                Some(DateValue::Range(start, end))
            }
            Value::DayPart(d, _) | Value::WeekdayPart(d, _) | Value::Clock(d, ..) => Some(DateValue::Day(d)),
            Value::Half { year, half } => {
                let start = NaiveDate::from_ymd_opt(year, half * 6 - 5, 1)?;
                Some(DateValue::Range(start, start.checked_add_months(Months::new(6))?.pred_opt()?))
            }
            _ => None,
        }
    }
}

/// One temporal expression found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    /// Byte span in the text searched.
    pub start: usize,
    pub end: usize,
    pub value: Underspecified,
    /// The tense marker before it; [`Direction::Unmarked`] when its value
    /// is absolute ([`Underspecified::is_absolute`]), which no direction
    /// changes.
    pub direction: Direction,
    /// Name of the rule in `patterns.tsv` that found it.
    pub rule: &'static str,
}

impl Timex {
    /// Phase 2: the TIMEX3 value against a reference date. `None` when the
    /// expression names no valid day (February 30) or needs a reference and
    /// has none. An expression anchored to an earlier date ("two days
    /// later") is taken from the reference; [`resolve_all`] anchors it.
    pub fn value(&self, reference: Option<NaiveDate>) -> Option<Value> {
        value(self.value, self.direction, reference)
    }

    /// The calendar date of the expression, for dating an event.
    pub fn resolve(&self, reference: Option<NaiveDate>) -> Option<DateValue> {
        self.value(reference)?.date()
    }
}

/// Phase 2 for a text's expressions in order: each anchored one counts from
/// the last date the text named before it that is precise enough for its
/// unit ("the following day" from the last day, "the following month" from
/// the last month or day, "later that year" from the last year named), or
/// from the reference when it named none.
pub fn resolve_all(timexes: &[Timex], reference: Option<NaiveDate>) -> Vec<Option<Value>> {
    // The last day, month and year named, each as a day to count from.
    let (mut day, mut month, mut year) = (reference, reference, reference);
    timexes
        .iter()
        .map(|t| {
            let v = match t.value {
                Underspecified::Anchored(unit, _) => {
                    let anchor = match unit {
                        Unit::Year | Unit::Decade | Unit::Century => year,
                        Unit::Month | Unit::Quarter => month,
                        _ => day,
                    };
                    value(t.value, t.direction, anchor)
                }
                Underspecified::AnchoredPart(..) | Underspecified::AnchoredWeekday(..) => {
                    value(t.value, t.direction, day)
                }
                Underspecified::AnchoredMonth(_) => value(t.value, t.direction, year),
                _ => t.value(reference),
            };
            match v {
                Some(Value::Date(DateValue::Day(d) | DateValue::Range(d, _))) => {
                    (day, month, year) = (Some(d), Some(d), Some(d))
                }
                Some(Value::Date(DateValue::Month { year: y, month: m })) => {
                    let first = NaiveDate::from_ymd_opt(y, m, 1);
                    (month, year) = (first, first);
                }
                Some(Value::Date(DateValue::Year(y))) => year = NaiveDate::from_ymd_opt(y, 1, 1),
                _ => {}
            }
            v
        })
        .collect()
}

/// In a report about a quarter ("third-quarter profit rose"), "a year
/// earlier" and "year-ago" mean that quarter a year before: rewrites those
/// that follow a quarter named earlier in the text.
fn anchor_year_shifts(timexes: &mut [Timex]) {
    let mut last_quarter: Option<(Option<i32>, u32)> = None;
    for t in timexes.iter_mut() {
        match t.value {
            Underspecified::Quarter(year, q) => last_quarter = Some((year, q)),
            Underspecified::Ago(Unit::Year, Some(n)) => {
                if let Some((year, q)) = last_quarter {
                    t.value = Underspecified::QuarterAgo(year, q, n);
                }
            }
            _ => {}
        }
    }
}

/// The ISO week containing a day.
fn week_of(d: NaiveDate) -> Value {
    let w = d.iso_week();
    Value::Week { year: w.year(), week: w.week(), weekend: false }
}

fn quarter_of(d: NaiveDate) -> (i32, u32) {
    (d.year(), d.month0() / 3 + 1)
}

/// A unit containing the reference, shifted by `n` units.
fn shifted(unit: Unit, n: i32, r: NaiveDate) -> Option<Value> {
    let months = |k: i32| -> Option<NaiveDate> {
        let first = r.with_day(1)?;
        if k >= 0 {
            first.checked_add_months(Months::new(k as u32))
        } else {
            first.checked_sub_months(Months::new(k.unsigned_abs()))
        }
    };
    let days = |k: i64| -> Option<NaiveDate> {
        if k >= 0 { r.checked_add_days(Days::new(k as u64)) } else { r.checked_sub_days(Days::new(k.unsigned_abs())) }
    };
    Some(match unit {
        Unit::Year => Value::Date(DateValue::Year(r.year() + n)),
        Unit::Month => {
            let d = months(n)?;
            Value::Date(DateValue::Month { year: d.year(), month: d.month() })
        }
        Unit::Quarter => {
            let (y, q) = quarter_of(r);
            let index = y * 4 + q as i32 - 1 + n;
            Value::Quarter { year: index.div_euclid(4), quarter: index.rem_euclid(4) as u32 + 1 }
        }
        Unit::Week => week_of(days(7 * i64::from(n))?),
        Unit::Weekend => match week_of(days(7 * i64::from(n))?) {
            Value::Week { year, week, .. } => Value::Week { year, week, weekend: true },
            other => other,
        },
        Unit::Day => Value::Date(DateValue::Day(days(i64::from(n))?)),
        Unit::Decade => Value::Decade((r.year() / 10) + n),
        Unit::Century | Unit::Hour | Unit::Minute => return None,
    })
}

/// Resolves an under-specified value; see [`Timex::value`]. Values outside
/// the years 1000-9999 are none: no news event is dated there, and chrono
/// cannot hold every such day.
pub fn value(u: Underspecified, direction: Direction, reference: Option<NaiveDate>) -> Option<Value> {
    let v = value_unbounded(u, direction, reference)?;
    let in_range = |y: i32| (1000..=9999).contains(&y);
    let ok = match &v {
        Value::Date(DateValue::Year(y))
        | Value::Date(DateValue::Month { year: y, .. })
        | Value::Week { year: y, .. }
        | Value::Quarter { year: y, .. }
        | Value::Half { year: y, .. }
        | Value::Season { year: y, .. } => in_range(*y),
        Value::Decade(d) => (100..=999).contains(d),
        Value::Century(c) => (10..=99).contains(c),
        _ => true,
    };
    ok.then_some(v)
}

fn value_unbounded(u: Underspecified, direction: Direction, reference: Option<NaiveDate>) -> Option<Value> {
    let date = |d: DateValue| Some(Value::Date(d));
    match u {
        Underspecified::Day(p) => date(DateValue::Day(resolve_day(p, direction, reference)?)),
        Underspecified::Month { year, month } => date(DateValue::Month { year, month }),
        Underspecified::Year(y) => date(DateValue::Year(y)),
        Underspecified::Range(a, b) => {
            let start = resolve_day(a, direction, reference)?;
            let mut end = NaiveDate::from_ymd_opt(b.year.unwrap_or(start.year()), b.month, b.day)?;
            if end < start && b.year.is_none() {
                // "Dec. 30 to Jan. 2": the range crosses a new year.
                end = NaiveDate::from_ymd_opt(start.year() + 1, b.month, b.day)?;
            }
            (start <= end).then_some(Value::Date(DateValue::Range(start, end)))
        }
        Underspecified::Weekday(wd) => date(DateValue::Day(weekday(wd, direction, reference?)?)),
        Underspecified::WeekdayRange(first, last) => {
            let start = weekday(first, direction, reference?)?;
            let days = (7 + last.num_days_from_monday() - first.num_days_from_monday()) % 7;
            date(DateValue::Range(start, start.checked_add_days(Days::new(u64::from(days)))?))
        }
        Underspecified::DaysFromReference(n) => shifted(Unit::Day, n as i32, reference?),
        Underspecified::WeekdayShift(wd, n) | Underspecified::AnchoredWeekday(wd, n) => {
            let r = reference?;
            let (from, to) = (r.weekday().num_days_from_monday(), wd.num_days_from_monday());
            let d = match n {
                n if n < 0 => r.checked_sub_days(Days::new(u64::from(match (7 + from - to) % 7 {
                    0 => 7,
                    k => k,
                })))?,
                0 => r.checked_add_days(Days::new(u64::from((7 + to - from) % 7)))?,
                _ => r.checked_add_days(Days::new(u64::from(match (7 + to - from) % 7 {
                    0 => 7,
                    k => k,
                })))?,
            };
            date(DateValue::Day(d))
        }
        Underspecified::WeekdayPart(wd, part) => Some(Value::WeekdayPart(weekday(wd, direction, reference?)?, part)),
        Underspecified::ClockOnWeekday(wd, h, m) => Some(Value::Clock(weekday(wd, direction, reference?)?, h, m)),
        Underspecified::ClockOnDay(n, h, m) => match shifted(Unit::Day, n as i32, reference?)? {
            Value::Date(DateValue::Day(d)) => Some(Value::Clock(d, h, m)),
            _ => None,
        },
        Underspecified::DayPart(n, part) => match shifted(Unit::Day, n as i32, reference?)? {
            Value::Date(DateValue::Day(d)) => Some(Value::DayPart(d, part)),
            _ => None,
        },
        Underspecified::MonthShift(month, n) => {
            let r = reference?;
            let year = match n {
                0 => r.year(),
                n if n < 0 => {
                    if month < r.month() {
                        r.year()
                    } else {
                        r.year() - 1
                    }
                }
                _ => {
                    if month > r.month() {
                        r.year()
                    } else {
                        r.year() + 1
                    }
                }
            };
            date(DateValue::Month { year, month })
        }
        Underspecified::MonthOfShiftedYear(month, n) => date(DateValue::Month { year: reference?.year() + n, month }),
        Underspecified::Clock(h, m) => Some(Value::Clock(reference?, h, m)),
        Underspecified::Holiday(rule, shift) => {
            let r = reference?;
            let on = |y: i32| holiday(rule, y);
            let d = match (shift, direction) {
                (0, Direction::Future) => [r.year(), r.year() + 1].into_iter().filter_map(on).find(|d| *d >= r),
                (0, Direction::Past) => [r.year(), r.year() - 1].into_iter().filter_map(on).find(|d| *d <= r),
                // Unmarked: the nearest, up to three months ahead ("from now to Election Day").
                (0, Direction::Unmarked) => [r.year() - 1, r.year(), r.year() + 1]
                    .into_iter()
                    .filter_map(on)
                    .filter(|d| UNMARKED_DAYS.contains(&(*d - r).num_days()))
                    .min_by_key(|d| (*d - r).num_days().abs()),
                (s, _) if s < 0 => [r.year(), r.year() - 1].into_iter().filter_map(on).find(|d| *d < r),
                _ => [r.year(), r.year() + 1].into_iter().filter_map(on).find(|d| *d > r),
            };
            d.map(|d| Value::Date(DateValue::Day(d)))
        }
        Underspecified::Anchored(unit, n) => shifted(unit, n, reference?),
        Underspecified::AnchoredPart(n, part) => match shifted(Unit::Day, n, reference?)? {
            Value::Date(DateValue::Day(d)) => Some(Value::DayPart(d, part)),
            _ => None,
        },
        Underspecified::QuarterAgo(year, quarter, n) => {
            let year = match value(Underspecified::Quarter(year, quarter), direction, reference)? {
                Value::Quarter { year, .. } => year,
                _ => return None,
            };
            Some(Value::Quarter { year: year + n, quarter })
        }
        Underspecified::AnchoredMonth(month) => date(DateValue::Month { year: reference?.year(), month }),
        Underspecified::MonthOfYear(month) => {
            let r = reference?;
            let candidates = [r.year() - 1, r.year(), r.year() + 1].map(|year| DateValue::Month { year, month });
            let ok = |v: &DateValue| match direction {
                Direction::Past => v.start() <= r,
                Direction::Future => v.end() >= r,
                Direction::Unmarked => UNMARKED_DAYS.contains(&(v.start() - r).num_days()),
            };
            candidates.into_iter().filter(ok).min_by_key(|v| (v.start() - r).num_days().abs()).map(Value::Date)
        }
        // "Over the weekend" in a weekday's report is the one just past,
        // unless the tense points ahead.
        Underspecified::Shift(Unit::Weekend, 0) => {
            let r = reference?;
            let weekday = r.weekday().num_days_from_monday() < 5;
            shifted(Unit::Weekend, if weekday && direction != Direction::Future { -1 } else { 0 }, r)
        }
        Underspecified::Shift(unit, n) => shifted(unit, n, reference?),
        Underspecified::Ago(unit, Some(n)) => shifted(unit, n, reference?),
        Underspecified::Ago(_, None) => Some(Value::Reference("PAST_REF")),
        Underspecified::Quarter(year, quarter) => {
            let year = match year {
                Some(y) => y,
                None => {
                    let (y, q) = quarter_of(reference?);
                    if quarter > q { y - 1 } else { y }
                }
            };
            Some(Value::Quarter { year, quarter })
        }
        Underspecified::LatestQuarter => shifted(Unit::Quarter, -1, reference?),
        Underspecified::QuarterOfShiftedYear(quarter, n) => {
            Some(Value::Quarter { year: reference?.year() + n, quarter })
        }
        Underspecified::Season(code, n) => Some(Value::Season { year: reference?.year() + n, code }),
        Underspecified::Decade(d) => Some(Value::Decade(d)),
        Underspecified::Century(c) => Some(Value::Century(c - 1)),
        Underspecified::WeekOf(p) => Some(week_of(resolve_day(p, direction, reference)?)),
        Underspecified::Half(year, shift, half) => {
            let year = match year {
                Some(y) => y,
                None => reference?.year() + shift,
            };
            Some(Value::Half { year, half })
        }
        Underspecified::Numeric(a, b, year, slash) => {
            let (month, day) = match (slash, a > 12, b > 12) {
                (_, true, false) => (b, a),
                (_, false, true) => (a, b),
                (true, false, false) => (a, b),
                (false, false, false) => (b, a),
                (_, true, true) => return None,
            };
            date(DateValue::Day(NaiveDate::from_ymd_opt(year, month, day)?))
        }
        Underspecified::Reference(r) => Some(Value::Reference(r)),
        Underspecified::Duration(n, unit) => Some(Value::Duration(duration(n, unit))),
        Underspecified::Set(v) => Some(Value::Set(v)),
    }
}

/// The day a holiday rule of `holidays.tsv` gives in a year.
pub fn holiday(rule: &str, year: i32) -> Option<NaiveDate> {
    let weekday = |s: &str| -> Option<Weekday> { s.parse().ok() };
    let parts: Vec<&str> = rule.split(':').collect();
    match parts.as_slice() {
        [md] => NaiveDate::parse_from_str(&format!("{year}-{md}"), "%Y-%m-%d").ok(),
        ["last", m, wd] => {
            let m: u32 = m.parse().ok()?;
            let next = if m == 12 {
                NaiveDate::from_ymd_opt(year + 1, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(year, m + 1, 1)?
            };
            let wd = weekday(wd)?;
            (1..=7).filter_map(|k| next.checked_sub_days(Days::new(k))).find(|d| d.weekday() == wd)
        }
        ["after", n, m, wd, wd2] => {
            let first = NaiveDate::from_weekday_of_month_opt(year, m.parse().ok()?, weekday(wd)?, n.parse().ok()?)?;
            let wd2 = weekday(wd2)?;
            (1..=7).filter_map(|k| first.checked_add_days(Days::new(k))).find(|d| d.weekday() == wd2)
        }
        ["easter", offset] => {
            let offset: i64 = offset.trim_start_matches('+').parse().ok()?;
            let e = easter(year)?;
            if offset >= 0 {
                e.checked_add_days(Days::new(offset as u64))
            } else {
                e.checked_sub_days(Days::new(offset.unsigned_abs()))
            }
        }
        [n, m, wd] => NaiveDate::from_weekday_of_month_opt(year, m.parse().ok()?, weekday(wd)?, n.parse().ok()?),
        _ => None,
    }
}

/// Western Easter Sunday (the anonymous Gregorian computus).
fn easter(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

/// The ISO 8601 duration of a count of units (`P3D`, `PT2H`, `PXY`).
fn duration(n: Option<u32>, unit: Unit) -> String {
    let count = |k: u32| n.map_or("X".to_string(), |n| (n * k).to_string());
    match unit {
        Unit::Year => format!("P{}Y", count(1)),
        Unit::Quarter => format!("P{}Q", count(1)),
        Unit::Month => format!("P{}M", count(1)),
        Unit::Week => format!("P{}W", count(1)),
        Unit::Day => format!("P{}D", count(1)),
        Unit::Hour => format!("PT{}H", count(1)),
        Unit::Minute => format!("PT{}M", count(1)),
        Unit::Decade => format!("P{}Y", count(10)),
        Unit::Century => format!("P{}Y", count(100)),
        Unit::Weekend => format!("P{}WE", count(1)),
    }
}

/// Where an expression with no tense marker may fall, in days from the
/// reference: back nine months or ahead three ("in January" said in
/// November is the coming one; said in August, the past one).
const UNMARKED_DAYS: std::ops::RangeInclusive<i64> = -274..=91;

/// The nearest such weekday on or before the reference (after it, for the future).
fn weekday(wd: Weekday, direction: Direction, r: NaiveDate) -> Option<NaiveDate> {
    match direction {
        Direction::Future => {
            let ahead = (7 + wd.num_days_from_monday() - r.weekday().num_days_from_monday()) % 7;
            r.checked_add_days(Days::new(u64::from(if ahead == 0 { 7 } else { ahead })))
        }
        Direction::Past | Direction::Unmarked => {
            let back = (7 + r.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
            r.checked_sub_days(Days::new(u64::from(back)))
        }
    }
}

/// A day whose year may be missing: the year is the one that puts it nearest
/// the reference in the direction given (unmarked: within [`UNMARKED_DAYS`]).
fn resolve_day(p: PartialDay, direction: Direction, reference: Option<NaiveDate>) -> Option<NaiveDate> {
    if let Some(y) = p.year {
        return NaiveDate::from_ymd_opt(y, p.month, p.day);
    }
    let r = reference?;
    let candidates =
        [r.year() - 1, r.year(), r.year() + 1].into_iter().filter_map(|y| NaiveDate::from_ymd_opt(y, p.month, p.day));
    let ok = |d: &NaiveDate| {
        let diff = (*d - r).num_days();
        match direction {
            Direction::Past => (-366..=0).contains(&diff),
            Direction::Future => (0..=366).contains(&diff),
            Direction::Unmarked => UNMARKED_DAYS.contains(&diff),
        }
    };
    candidates.filter(ok).min_by_key(|d| (*d - r).num_days().abs())
}

struct Rule {
    name: &'static str,
    /// The rule, for a search over a whole text and where the engines of
    /// `at_start` give up.
    regex: Regex,
    /// Its pattern, parsed.
    hir: Hir,
    /// The index of each [`Group`] it has, by the group's number.
    groups: Vec<Option<usize>>,
    at_start: AtStart,
}

/// A rule's engines for a search where a match of it may start: those the
/// meta regex would run for such a search, called directly. Through the
/// regex, each search paid for its checks and dispatch, and a search for
/// groups ran the lazy DFA over the match again before reading its groups.
struct AtStart {
    /// Where the match ends (leftmost-first). It gives up at a non-ASCII
    /// byte where a word boundary is tested.
    dfa: DFA,
    /// The groups of a match whose bounds are known.
    groups: GroupEngine,
}

/// The engine that reads a rule's groups: the one-pass DFA where the
/// pattern allows one, else the backtracker (bounded: a match is short).
enum GroupEngine {
    OnePass(Box<onepass::DFA>),
    Backtrack(BoundedBacktracker),
}

/// A [`GroupEngine`]'s scratch space, made by it.
enum GroupCache {
    OnePass(onepass::Cache),
    Backtrack(backtrack::Cache),
}

/// A thread's scratch space for one rule's [`AtStart`] engines.
struct AtStartCache {
    dfa: Cache,
    groups: GroupCache,
    captures: Captures,
}

impl AtStart {
    fn new(hir: &Hir) -> std::result::Result<AtStart, String> {
        let nfa = thompson::Compiler::new().build_from_hir(hir).map_err(|e| e.to_string())?;
        let dfa = DFA::builder()
            .configure(DFA::config().unicode_word_boundary(true))
            .build_from_nfa(nfa.clone())
            .map_err(|e| e.to_string())?;
        let groups = match onepass::DFA::new_from_nfa(nfa.clone()) {
            Ok(dfa) => GroupEngine::OnePass(Box::new(dfa)),
            Err(_) => GroupEngine::Backtrack(BoundedBacktracker::new_from_nfa(nfa).map_err(|e| e.to_string())?),
        };
        Ok(AtStart { dfa, groups })
    }

    fn create_cache(&self) -> AtStartCache {
        let (groups, captures) = match &self.groups {
            GroupEngine::OnePass(e) => (GroupCache::OnePass(e.create_cache()), e.create_captures()),
            GroupEngine::Backtrack(e) => (GroupCache::Backtrack(e.create_cache()), e.create_captures()),
        };
        AtStartCache { dfa: self.dfa.create_cache(), groups, captures }
    }
}

impl Rule {
    /// The end of the rule's match that starts at `at`, if one does.
    fn end_at(&self, text: &str, at: usize, cache: &mut AtStartCache) -> Option<usize> {
        let input = Input::new(text).range(at..).anchored(Anchored::Yes);
        match self.at_start.dfa.try_search_fwd(&mut cache.dfa, &input) {
            Ok(end) => end.map(|m| m.offset()),
            Err(_) => self.regex.search(&input).map(|m| m.end()),
        }
    }

    /// The groups of the rule's match over `start..end`. A search anchored
    /// there over that span alone takes the same path through the pattern
    /// (the regex does the same once it knows a match's bounds), and the
    /// assertions still see the text around it.
    fn groups<'c>(&self, text: &str, start: usize, end: usize, cache: &'c mut AtStartCache) -> &'c Captures {
        let input = Input::new(text).range(start..end).anchored(Anchored::Yes);
        let searched = match (&self.at_start.groups, &mut cache.groups) {
            (GroupEngine::OnePass(e), GroupCache::OnePass(c)) => e.try_search(c, &input, &mut cache.captures),
            (GroupEngine::Backtrack(e), GroupCache::Backtrack(c)) => e.try_search(c, &input, &mut cache.captures),
            _ => unreachable!("a rule's cache is made by its engines"),
        };
        if searched.is_err() {
            self.regex.search_captures(&input, &mut cache.captures);
        }
        &cache.captures
    }
}

/// The named groups of the rules, which say what a match means (see
/// `patterns.tsv`).
#[derive(Debug, Clone, Copy)]
enum Group {
    Ago,
    Ampm,
    Anchor,
    Century,
    Count,
    Day,
    Day2,
    Dcount,
    Decade,
    Dunit,
    Half,
    Holiday,
    Hour,
    LatestQuarter,
    Minute,
    Month,
    Month2,
    N1,
    N2,
    Noon,
    Ordinal,
    Part,
    Reference,
    Reldays,
    Season,
    Sep,
    Set,
    Shift,
    ThatYear,
    Tonight,
    Unit,
    Weekday,
    Weekday2,
    WeekdayNext,
    WeekOf,
    Wshift,
    Yago,
    Year,
    Yshift,
}

impl Group {
    /// The group a rule's pattern names `name`, if the tagger reads it.
    fn from_name(name: &str) -> Option<Group> {
        Some(match name {
            "ago" => Group::Ago,
            "ampm" => Group::Ampm,
            "anchor" => Group::Anchor,
            "century" => Group::Century,
            "count" => Group::Count,
            "day" => Group::Day,
            "day2" => Group::Day2,
            "dcount" => Group::Dcount,
            "decade" => Group::Decade,
            "dunit" => Group::Dunit,
            "half" => Group::Half,
            "holiday" => Group::Holiday,
            "hour" => Group::Hour,
            "latestquarter" => Group::LatestQuarter,
            "minute" => Group::Minute,
            "month" => Group::Month,
            "month2" => Group::Month2,
            "n1" => Group::N1,
            "n2" => Group::N2,
            "noon" => Group::Noon,
            "ordinal" => Group::Ordinal,
            "part" => Group::Part,
            "reference" => Group::Reference,
            "reldays" => Group::Reldays,
            "season" => Group::Season,
            "sep" => Group::Sep,
            "set" => Group::Set,
            "shift" => Group::Shift,
            "that_year" => Group::ThatYear,
            "tonight" => Group::Tonight,
            "unit" => Group::Unit,
            "weekday" => Group::Weekday,
            "weekday2" => Group::Weekday2,
            "weekday_next" => Group::WeekdayNext,
            "weekof" => Group::WeekOf,
            "wshift" => Group::Wshift,
            "yago" => Group::Yago,
            "year" => Group::Year,
            "yshift" => Group::Yshift,
            _ => return None,
        })
    }
}

/// A rule's match and its named groups.
struct Groups<'h, 'r> {
    text: &'h str,
    caps: &'r Captures,
    /// The rule's [`Rule::groups`].
    indices: &'r [Option<usize>],
}

impl<'h> Groups<'h, '_> {
    /// The text of a group, if the rule has it and it took part in the match.
    fn name(&self, group: Group) -> Option<&'h str> {
        let i = (*self.indices.get(group as usize)?)?;
        self.caps.get_group(i).map(|span| &self.text[span.range()])
    }
}

/// All rules at once, without their word-boundary assertions and read
/// backwards: every offset where a match of each rule may start (a
/// superset of where one does), found in one pass over the text.
struct Starts {
    dfa: DFA,
}

impl Starts {
    fn new(rules: &[Rule]) -> std::result::Result<Starts, String> {
        let hirs: Vec<Hir> = rules.iter().map(|r| without_assertions(&r.hir)).collect();
        let nfa = thompson::Compiler::new()
            .configure(thompson::Config::new().reverse(true).which_captures(thompson::WhichCaptures::None))
            .build_many_from_hir(&hirs)
            .map_err(|e| e.to_string())?;
        let dfa = DFA::builder()
            .configure(DFA::config().match_kind(MatchKind::All).cache_capacity(8 << 20))
            .build_from_nfa(nfa)
            .map_err(|e| e.to_string())?;
        Ok(Starts { dfa })
    }

    /// For each rule, the offsets where a match of it may start, in
    /// decreasing order (in `starts`, emptied first); false if the
    /// automaton gave up.
    ///
    /// This is the overlapping reverse search of the lazy DFA
    /// (`try_search_overlapping_rev`), walked here byte by byte: the
    /// library's loop keeps its position in the search state and tracks its
    /// progress at every byte so that it can be resumed after each match,
    /// which cost about 28 instructions a byte against about 13 here.
    fn find(&self, text: &str, cache: &mut Cache, starts: &mut [Vec<usize>]) -> bool {
        starts.iter_mut().for_each(Vec::clear);
        // Every rule of a match state starts at the same offset. (The
        // library's own loop, in regex-automata 0.4.19, reports the rules
        // after the first one byte too early, so that a rule sharing a
        // state with another could be tried in the wrong place.)
        let record = |starts: &mut [Vec<usize>], cache: &Cache, sid, at: usize| {
            for k in 0..self.dfa.match_len(cache, sid) {
                starts[self.dfa.match_pattern(cache, sid, k).as_usize()].push(at);
            }
        };
        let Ok(mut sid) = self.dfa.start_state_reverse(cache, &Input::new(text)) else { return false };
        let bytes = text.as_bytes();
        let mut at = bytes.len();
        while at > 0 {
            // Most states are neither matches nor new, and lead to such
            // states: a plain table look-up a byte, in a loop of its own so
            // that it keeps the table in registers. The library's transition
            // (which builds a new state) only where that is not enough.
            if !sid.is_tagged() {
                // `rposition` walks the slice without bounds checks; it
                // stops at the byte whose transition is tagged.
                let tagged_at = bytes[..at].iter().rposition(|&b| {
                    let next = self.dfa.next_state_untagged(cache, sid, b);
                    if !next.is_tagged() {
                        sid = next;
                    }
                    next.is_tagged()
                });
                match tagged_at {
                    Some(i) => at = i + 1,
                    None => break,
                }
            }
            at -= 1;
            sid = match self.dfa.next_state(cache, sid, bytes[at]) {
                Ok(next) => next,
                Err(_) => return false,
            };
            if sid.is_tagged() {
                // Matches are delayed by a byte: this state says one starts
                // just after the byte read.
                if sid.is_match() {
                    record(starts, cache, sid, at + 1);
                } else if sid.is_dead() {
                    return true;
                } else if sid.is_quit() {
                    return false;
                }
            }
        }
        match self.dfa.next_eoi_state(cache, sid) {
            Ok(sid) if sid.is_match() => record(starts, cache, sid, 0),
            Ok(_) => {}
            Err(_) => return false,
        }
        true
    }
}

/// A pattern without its look-around assertions (`\b`): it matches
/// wherever the pattern does, and more.
fn without_assertions(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Look(_) => Hir::empty(),
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) => hir.clone(),
        HirKind::Capture(c) => without_assertions(&c.sub),
        HirKind::Repetition(r) => {
            Hir::repetition(regex_syntax::hir::Repetition { sub: Box::new(without_assertions(&r.sub)), ..r.clone() })
        }
        HirKind::Concat(hs) => Hir::concat(hs.iter().map(without_assertions).collect()),
        HirKind::Alternation(hs) => Hir::alternation(hs.iter().map(without_assertions).collect()),
    }
}

/// The compiled rules and vocabularies of `resources/dates/`.
pub struct Tagger {
    rules: Vec<Rule>,
    /// Where each rule may match, so that it is tried only there.
    starts: Starts,
    /// Each thread's [`Caches`], made at its first search.
    caches: Pool<Option<Caches>, fn() -> Option<Caches>>,
    months: FxHashMap<&'static str, u32>,
    weekdays: FxHashMap<&'static str, Weekday>,
    relative_days: FxHashMap<String, i64>,
    /// Tense markers, as their words in lower case.
    tense: Vec<(Vec<String>, Direction)>,
    /// The markers of `tense` by their last word, in the table's order.
    tense_by_last: FxHashMap<Vec<u8>, Vec<usize>>,
    units: FxHashMap<String, Unit>,
    numbers: FxHashMap<String, Option<u32>>,
    shifts: FxHashMap<String, i32>,
    references: FxHashMap<String, &'static str>,
    sets: FxHashMap<String, &'static str>,
    seasons: FxHashMap<String, &'static str>,
    ordinals: FxHashMap<String, u32>,
    parts_of_day: FxHashMap<String, &'static str>,
    holidays: FxHashMap<String, &'static str>,
}

/// A thread's scratch space for [`Tagger::find`], kept between texts.
struct Caches {
    starts: Cache,
    /// Where each rule may start, as [`Starts::find`] leaves it.
    rule_starts: Vec<Vec<usize>>,
    rules: Vec<AtStartCache>,
}

/// A two-column table as lower-case surface → parsed second cell.
fn lower_table<T>(file: File, parse: impl Fn(&'static str) -> Option<T>) -> Result<FxHashMap<String, T>> {
    file.table()?
        .rows
        .iter()
        .map(|r| {
            let v = parse(r.cells[1]).ok_or_else(|| file.invalid(r.line, format!("bad value {:?}", r.cells[1])))?;
            Ok((r.cells[0].to_lowercase(), v))
        })
        .collect()
}

/// `%name` references a rule may use, and the alternation each expands to.
fn vocabulary(file: File) -> Result<Vec<&'static str>> {
    let mut words: Vec<&'static str> = file.table()?.rows.iter().map(|r| r.cells[0]).collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    Ok(words)
}

/// Weekday names without the abbreviations ("Sun", "Sat" and "Wed" are
/// words too): for rules where a weekday stands alone.
fn full_weekdays() -> Result<Vec<&'static str>> {
    Ok(vocabulary(resources::WEEKDAYS)?.into_iter().filter(|w| w.ends_with("day")).collect())
}

/// Month names that stand alone as a month (`alone` column of months.tsv).
fn alone_months() -> Result<Vec<&'static str>> {
    let mut out: Vec<&'static str> =
        resources::MONTHS.table()?.rows.iter().filter(|r| r.cells[2] == "yes").map(|r| r.cells[0]).collect();
    out.sort_by_key(|w| std::cmp::Reverse(w.len()));
    Ok(out)
}

/// Month names without abbreviations: for each month its longest name.
fn full_months() -> Result<Vec<&'static str>> {
    let table = resources::MONTHS.table()?;
    let mut longest: HashMap<&str, &'static str> = HashMap::new();
    for r in &table.rows {
        let e = longest.entry(r.cells[1]).or_insert(r.cells[0]);
        if r.cells[0].len() > e.len() {
            *e = r.cells[0];
        }
    }
    let mut out: Vec<&'static str> = longest.into_values().collect();
    out.sort_by_key(|w| std::cmp::Reverse(w.len()));
    Ok(out)
}

fn alternation(words: &[&str]) -> String {
    let parts: Vec<String> = words.iter().map(|w| regex::escape(w)).collect();
    format!("(?:{})", parts.join("|"))
}

/// A case-insensitive alternation of `words` (sorted longest first), as a
/// trie when they are ASCII: "seven", "several" as `se(?:ven|veral)`. It
/// matches what the alternation matches, preferring the longer of two words
/// as it does, but each byte leads one way: a rule's groups are then read by
/// a one-pass DFA more often, and else by a backtracker that tries one
/// branch instead of every word.
fn alternation_ci(words: &[&str]) -> String {
    if !words.iter().all(|w| w.is_ascii()) {
        return format!("(?i:{})", alternation(words));
    }
    let lower: Vec<String> = words.iter().map(|w| w.to_ascii_lowercase()).collect();
    format!("(?i:{})", trie(&lower.iter().map(String::as_bytes).collect::<Vec<_>>()))
}

/// The regex of a trie of ASCII words, none of them empty: at each letter,
/// the branches of the words that go on, optional where a word ends (tried
/// first, as the longer words are).
fn trie(words: &[&[u8]]) -> String {
    let mut firsts: Vec<u8> = words.iter().filter_map(|w| w.first().copied()).collect();
    firsts.sort_unstable();
    firsts.dedup();
    let branches: Vec<String> = firsts
        .iter()
        .map(|&c| {
            let letter = regex::escape(char::from(c).encode_utf8(&mut [0; 4]));
            let rest: Vec<&[u8]> = words.iter().filter(|w| w.first() == Some(&c)).map(|w| &w[1..]).collect();
            let ends = rest.iter().any(|w| w.is_empty());
            let longer: Vec<&[u8]> = rest.into_iter().filter(|w| !w.is_empty()).collect();
            match (longer.is_empty(), ends) {
                (true, _) => letter,
                (false, true) => format!("{letter}(?:{})?", trie(&longer)),
                (false, false) => format!("{letter}{}", trie(&longer)),
            }
        })
        .collect();
    match &branches[..] {
        [one] => one.clone(),
        _ => format!("(?:{})", branches.join("|")),
    }
}

/// Expands the `%name` vocabulary references of a rule's pattern.
pub(crate) fn expand(pattern: &str) -> Result<String> {
    static VOCAB: OnceLock<std::result::Result<Vec<(&'static str, String)>, ResourceError>> = OnceLock::new();
    let vocab = VOCAB
        .get_or_init(|| {
            Ok(vec![
                ("%month", alternation(&vocabulary(resources::MONTHS)?)),
                ("%weekday_full", alternation(&full_weekdays()?)),
                ("%month_full", alternation(&full_months()?)),
                ("%weekday", alternation(&vocabulary(resources::WEEKDAYS)?)),
                ("%reldays", alternation_ci(&vocabulary(resources::RELATIVE_DAYS)?)),
                ("%month_alone", alternation(&alone_months()?)),
                ("%units", alternation_ci(&vocabulary(resources::UNITS)?)),
                ("%numbers", alternation_ci(&vocabulary(resources::NUMBERS)?)),
                ("%shifts", alternation_ci(&vocabulary(resources::SHIFTS)?)),
                ("%references", alternation_ci(&vocabulary(resources::REFERENCES)?)),
                ("%sets", alternation_ci(&vocabulary(resources::SETS)?)),
                ("%seasons", alternation_ci(&vocabulary(resources::SEASONS)?)),
                ("%ordinals", alternation_ci(&vocabulary(resources::ORDINALS)?)),
                ("%partsofday", alternation_ci(&vocabulary(resources::PARTS_OF_DAY)?)),
                ("%holidays", alternation_ci(&vocabulary(resources::HOLIDAYS)?)),
                // Each digit leads one way, the longer number first (as
                // `3[01]|[12][0-9]|0?[1-9]` reads): a one-pass DFA reads the
                // groups of the rules with them.
                ("%day", "(?:0[1-9]|[12][0-9]?|3[01]?|[4-9])".to_string()),
                ("%hour", "(?:0[1-9]|1[0-2]?|[2-9])".to_string()),
                ("%year", "(?:19[0-9]{2}|20[0-9]{2})".to_string()),
            ])
        })
        .as_ref()
        .map_err(Clone::clone)?;
    let mut out = pattern.to_string();
    // Longer names first: `%month_full` before `%month`.
    let mut vocab: Vec<&(&str, String)> = vocab.iter().collect();
    vocab.sort_by_key(|(name, _)| std::cmp::Reverse(name.len()));
    for (name, alt) in vocab {
        out = out.replace(name, alt);
    }
    Ok(out)
}

impl Tagger {
    /// The tagger built from the shipped resources (built once).
    pub fn shared() -> &'static Tagger {
        static TAGGER: OnceLock<Tagger> = OnceLock::new();
        TAGGER.get_or_init(|| Tagger::from_resources().expect("shipped date resources are valid (tested)"))
    }

    pub fn from_resources() -> Result<Tagger> {
        let file = resources::DATE_PATTERNS;
        let table = file.table()?;
        let mut rules = Vec::new();
        for row in &table.rows {
            let pattern = format!(r"\b(?:{})\b", expand(row.cells[1])?);
            let invalid = |e: &dyn std::fmt::Display| file.invalid(row.line, e.to_string());
            let hir = regex_automata::util::syntax::parse(&pattern).map_err(|e| invalid(&e))?;
            let regex = Regex::builder().build_from_hir(&hir).map_err(|e| invalid(&e))?;
            let mut groups = Vec::new();
            for (i, name) in regex.group_info().pattern_names(regex_automata::PatternID::ZERO).enumerate() {
                if let Some(group) = name.and_then(Group::from_name) {
                    let at = group as usize;
                    groups.resize(groups.len().max(at + 1), None);
                    groups[at] = Some(i);
                }
            }
            let at_start = AtStart::new(&hir).map_err(|e| invalid(&e))?;
            rules.push(Rule { name: row.cells[0], regex, hir, groups, at_start });
        }
        let months = number_table(resources::MONTHS)?;
        let weekdays = number_table(resources::WEEKDAYS)?
            .into_iter()
            .map(|(k, n)| {
                Ok((k, Weekday::try_from(n as u8 - 1).map_err(|_| resources::WEEKDAYS.invalid(0, "bad weekday"))?))
            })
            .collect::<Result<_>>()?;
        let relative_days = resources::RELATIVE_DAYS
            .table()?
            .rows
            .iter()
            .map(|r| {
                let n = r.cells[1]
                    .parse()
                    .map_err(|_| resources::RELATIVE_DAYS.invalid(r.line, "offset must be an integer"))?;
                Ok((r.cells[0].to_lowercase(), n))
            })
            .collect::<Result<_>>()?;
        let tense = resources::TENSE
            .table()?
            .rows
            .iter()
            .map(|r| {
                let dir = match r.cells[1] {
                    "future" => Direction::Future,
                    "past" => Direction::Past,
                    other => {
                        return Err(resources::TENSE.invalid(r.line, format!("unknown direction {other}")));
                    }
                };
                Ok((r.cells[0].split_whitespace().map(str::to_lowercase).collect(), dir))
            })
            .collect::<Result<Vec<(Vec<String>, Direction)>>>()?;
        let mut tense_by_last: FxHashMap<Vec<u8>, Vec<usize>> = FxHashMap::default();
        for (i, (phrase, _)) in tense.iter().enumerate() {
            let last = phrase.last().ok_or_else(|| resources::TENSE.invalid(0, "empty marker"))?;
            tense_by_last.entry(last.clone().into_bytes()).or_default().push(i);
        }
        let static_value = |v: &'static str| Some(v);
        let starts = Starts::new(&rules).map_err(|e| resources::DATE_PATTERNS.invalid(0, e))?;
        Ok(Tagger {
            rules,
            starts,
            caches: Pool::new(|| None),
            months,
            weekdays,
            relative_days,
            tense,
            tense_by_last,
            units: lower_table(resources::UNITS, Unit::from_code)?,
            numbers: lower_table(resources::NUMBERS, |v| if v == "X" { Some(None) } else { v.parse().ok().map(Some) })?,
            shifts: lower_table(resources::SHIFTS, |v| v.parse().ok())?,
            references: lower_table(resources::REFERENCES, static_value)?,
            sets: lower_table(resources::SETS, static_value)?,
            seasons: lower_table(resources::SEASONS, static_value)?,
            ordinals: lower_table(resources::ORDINALS, |v| v.parse().ok())?,
            parts_of_day: lower_table(resources::PARTS_OF_DAY, static_value)?,
            holidays: lower_table(resources::HOLIDAYS, static_value)?,
        })
    }

    /// The number of a month name of `months.tsv` ("Oct" → 10).
    pub fn month(&self, name: &str) -> Option<u32> {
        self.months.get(name).copied()
    }

    /// Phase 1: every temporal expression in `text`, left to right, without
    /// overlaps (leftmost, then longest, then first rule wins).
    pub fn find(&self, text: &str) -> Vec<Timex> {
        let mut guard = self.caches.get();
        // The caches themselves, not the pool's guard, which checks which
        // thread owns it at every use.
        let caches: &mut Option<Caches> = &mut guard;
        let caches = caches.get_or_insert_with(|| self.create_caches());
        let found = self.starts.find(text, &mut caches.starts, &mut caches.rule_starts);
        self.find_from(text, found.then_some(&caches.rule_starts[..]), &mut caches.rules)
    }

    fn create_caches(&self) -> Caches {
        Caches {
            starts: self.starts.dfa.create_cache(),
            rule_starts: vec![Vec::new(); self.rules.len()],
            rules: self.rules.iter().map(|r| r.at_start.create_cache()).collect(),
        }
    }

    /// [`Tagger::find`] given where each rule may start, or `None` to
    /// search for each over the whole text.
    fn find_from(&self, text: &str, starts: Option<&[Vec<usize>]>, caches: &mut [AtStartCache]) -> Vec<Timex> {
        // Room for a match at each possible start (most are).
        let mut found: Vec<(usize, usize, usize)> =
            Vec::with_capacity(starts.map_or(0, |starts| starts.iter().map(Vec::len).sum()));
        // Each rule's matches, left to right without overlaps, as a search
        // over the whole text finds them: at each offset where one may
        // start and none found before it ends, a match there or none.
        // Their groups are read later, only for the matches kept.
        for (i, rule) in self.rules.iter().enumerate() {
            match starts {
                Some(starts) => {
                    let mut from = 0;
                    for &at in starts[i].iter().rev() {
                        if at < from {
                            continue;
                        }
                        if let Some(end) = rule.end_at(text, at, &mut caches[i]) {
                            found.push((at, end, i));
                            from = end;
                        }
                    }
                }
                None => found.extend(rule.regex.find_iter(text).map(|m| (m.start(), m.end(), i))),
            }
        }
        found.sort_by_key(|(s, e, i)| (*s, std::cmp::Reverse(*e), *i));
        let mut out = Vec::new();
        let mut covered = 0;
        for (start, end, i) in found {
            if start < covered {
                continue;
            }
            // A number glued to a word is part of a name ("ZAPAD-2021"); an
            // age is not a time ("a 6-year-old").
            let glued = text[..start].ends_with(|c: char| c == '-' || c == '/' || c.is_alphabetic());
            let age = text[end..].starts_with("-old") || text[end..].starts_with(" old");
            if age || (glued && text[start..].starts_with(|c: char| c.is_ascii_digit())) {
                continue;
            }
            let rule = &self.rules[i];
            let caps = rule.groups(text, start, end, &mut caches[i]);
            if let Some(value) = self.value(&Groups { text, caps, indices: &rule.groups }) {
                covered = end;
                let direction =
                    if value.is_absolute() { Direction::Unmarked } else { self.direction(text, start, &out) };
                out.push(Timex { start, end, value, direction, rule: rule.name });
            }
        }
        anchor_year_shifts(&mut out);
        out
    }

    fn value(&self, caps: &Groups<'_, '_>) -> Option<Underspecified> {
        let text = |g: Group| caps.name(g);
        let lower = |g: Group| text(g).map(lower_case);
        let num = |g: Group| text(g).and_then(|m| m.parse::<i64>().ok());
        let month = |g: Group| text(g).and_then(|m| m.parse::<u32>().ok().or_else(|| self.months.get(m).copied()));
        let count = |g: Group| -> Option<Option<u32>> {
            let w = lower(g)?;
            w.parse::<u32>().ok().map(Some).or_else(|| self.numbers.get(&*w).copied())
        };
        let unit = |g: Group| lower(g).and_then(|u| self.units.get(&*u).copied());
        if let Some(r) = lower(Group::Reference) {
            return self.references.get(&*r).map(|v| Underspecified::Reference(v));
        }
        if let Some(v) = lower(Group::Set) {
            return self.sets.get(&*v).map(|v| Underspecified::Set(v));
        }
        if let Some(a) = lower(Group::Anchor) {
            let n = match &*a {
                "following" | "next" | "later" | "after" => 1,
                "previous" | "preceding" | "earlier" | "before" => -1,
                _ => 0,
            };
            if let Some(part) = lower(Group::Part) {
                return self.parts_of_day.get(&*part).map(|p| Underspecified::AnchoredPart(n, p));
            }
            let u = unit(Group::Unit)?;
            let n =
                if caps.name(Group::Count).is_some() { count(Group::Count)?.map_or(n, |c| n * c as i32) } else { n };
            return Some(Underspecified::Anchored(u, n));
        }
        if let Some(h) = num(Group::Hour).or_else(|| caps.name(Group::Noon).map(|_| 12)) {
            let mut hour = h as u32;
            let minute = num(Group::Minute).unwrap_or(0) as u32;
            if let Some(ampm) = lower(Group::Ampm) {
                if ampm.starts_with('p') && hour < 12 {
                    hour += 12;
                } else if ampm.starts_with('a') && hour == 12 {
                    hour = 0;
                }
            }
            if let Some(w) = text(Group::Weekday) {
                return self.weekdays.get(w).map(|w| Underspecified::ClockOnWeekday(*w, hour, minute));
            }
            if let Some(r) = lower(Group::Reldays) {
                return self.relative_days.get(&*r).map(|n| Underspecified::ClockOnDay(*n, hour, minute));
            }
            return Some(Underspecified::Clock(hour, minute));
        }
        if let Some(h) = lower(Group::Holiday) {
            let shift = lower(Group::Shift).and_then(|s| self.shifts.get(&*s).copied()).unwrap_or(0);
            return self.holidays.get(&*h).map(|rule| Underspecified::Holiday(rule, shift));
        }
        if caps.name(Group::Tonight).is_some() {
            return Some(Underspecified::DayPart(0, "NI"));
        }
        if let Some(part) = lower(Group::Part).filter(|_| caps.name(Group::Weekday).is_none()) {
            let n = match lower(Group::Reldays) {
                Some(m) => *self.relative_days.get(&*m)?,
                None => 0,
            };
            return self.parts_of_day.get(&*part).map(|p| Underspecified::DayPart(n, p));
        }
        if let Some(m) = lower(Group::Reldays) {
            return self.relative_days.get(&*m).map(|n| Underspecified::DaysFromReference(*n));
        }
        if let (Some(shift), Some(m)) =
            (lower(Group::Yshift).and_then(|s| self.shifts.get(&*s).copied()), month(Group::Month))
        {
            return Some(Underspecified::MonthOfShiftedYear(m, shift));
        }
        if let (Some(shift), Some(m)) =
            (lower(Group::Shift).and_then(|s| self.shifts.get(&*s).copied()), month(Group::Month))
        {
            return Some(Underspecified::MonthShift(m, shift));
        }
        if caps.name(Group::LatestQuarter).is_some() {
            return Some(Underspecified::LatestQuarter);
        }
        if let Some(q) = lower(Group::Ordinal) {
            let shift = match (lower(Group::Yshift), caps.name(Group::Yago)) {
                (Some(s), _) => self.shifts.get(&*s).copied(),
                (None, Some(_)) => Some(-1),
                (None, None) => None,
            };
            if let Some(n) = shift {
                return self.ordinals.get(&*q).map(|q| Underspecified::QuarterOfShiftedYear(*q, n));
            }
            let year = num(Group::Year).map(|y| y as i32);
            return self.ordinals.get(&*q).map(|q| Underspecified::Quarter(year, *q));
        }
        if let Some(h) = lower(Group::Half) {
            let half = if h == "first" { 1 } else { 2 };
            let shift = lower(Group::Yshift).and_then(|s| self.shifts.get(&*s).copied()).unwrap_or(0);
            return Some(Underspecified::Half(num(Group::Year).map(|y| y as i32), shift, half));
        }
        if let (Some(a), Some(b), Some(y)) = (num(Group::N1), num(Group::N2), num(Group::Year)) {
            let slash = text(Group::Sep) == Some("/");
            return Some(Underspecified::Numeric(a as u32, b as u32, y as i32, slash));
        }
        if let Some(c) = num(Group::Century) {
            return Some(Underspecified::Century(c as i32));
        }
        if let Some(d) = num(Group::Decade) {
            return Some(Underspecified::Decade(d as i32));
        }
        if let Some(season) = lower(Group::Season) {
            let shift = lower(Group::Shift).and_then(|s| self.shifts.get(&*s).copied()).unwrap_or(0);
            return self.seasons.get(&*season).map(|c| Underspecified::Season(c, shift));
        }
        if let Some(u) = unit(Group::Dunit) {
            // Without a count the length is vague: "for weeks".
            let n = if caps.name(Group::Dcount).is_some() { count(Group::Dcount)? } else { None };
            return Some(Underspecified::Duration(n, u));
        }
        if let Some(u) = unit(Group::Unit) {
            if let Some(dir) = lower(Group::Ago) {
                let sign = if matches!(&*dir, "later" | "after" | "from now" | "hence") { 1 } else { -1 };
                let n = if caps.name(Group::Count).is_some() { count(Group::Count)? } else { Some(1) };
                let n = match n {
                    Some(n) => Some(sign * i32::try_from(n).ok().filter(|n| *n <= 10_000)?),
                    None => None,
                };
                return Some(Underspecified::Ago(u, n));
            }
            // "the weekend" has no shift word: the one of the reference.
            let shift = match lower(Group::Shift) {
                Some(s) => *self.shifts.get(&*s)?,
                None => 0,
            };
            return Some(Underspecified::Shift(u, shift));
        }
        let year = num(Group::Year).map(|y| y as i32);
        let day = num(Group::Day).map(|d| d as u32);
        match (month(Group::Month), day) {
            (Some(m), Some(d)) => {
                let first = PartialDay { year, month: m, day: d };
                if caps.name(Group::WeekOf).is_some() {
                    return Some(Underspecified::WeekOf(first));
                }
                if let Some(d2) = num(Group::Day2) {
                    let m2 = month(Group::Month2).unwrap_or(m);
                    return Some(Underspecified::Range(first, PartialDay { year, month: m2, day: d2 as u32 }));
                }
                Some(Underspecified::Day(first))
            }
            (Some(m), None) if caps.name(Group::ThatYear).is_some() => Some(Underspecified::AnchoredMonth(m)),
            (Some(m), None) => {
                Some(year.map_or(Underspecified::MonthOfYear(m), |y| Underspecified::Month { year: y, month: m }))
            }
            (None, _) => {
                if let Some(w) = text(Group::Weekday) {
                    let w = *self.weekdays.get(w)?;
                    if let Some(w2) = text(Group::Weekday2) {
                        return Some(Underspecified::WeekdayRange(w, *self.weekdays.get(w2)?));
                    }
                    // "on Thursday and Friday": two days running are a range.
                    if let Some(w2) = text(Group::WeekdayNext) {
                        let w2 = *self.weekdays.get(w2)?;
                        return Some(if w2 == w.succ() {
                            Underspecified::WeekdayRange(w, w2)
                        } else {
                            Underspecified::Weekday(w)
                        });
                    }
                    if let Some(shift) = lower(Group::Wshift) {
                        let n =
                            if matches!(&*shift, "this") { 0 } else { self.shifts.get(&*shift).copied().unwrap_or(1) };
                        if matches!(&*shift, "previous" | "preceding" | "following") {
                            return Some(Underspecified::AnchoredWeekday(w, n));
                        }
                        return Some(Underspecified::WeekdayShift(w, n));
                    }
                    if let Some(part) = lower(Group::Part) {
                        return self.parts_of_day.get(&*part).map(|p| Underspecified::WeekdayPart(w, p));
                    }
                    return Some(Underspecified::Weekday(w));
                }
                year.map(Underspecified::Year)
            }
        }
    }

    /// Direction from the tense marker of `tense.tsv` nearest before the
    /// expression at `start`, among the twelve words before it in its
    /// sentence. Words of the expressions found before it (`found`) are not
    /// markers: "due to expire last Thursday, to Nov. 6" points nowhere.
    fn direction(&self, text: &str, start: usize, found: &[Timex]) -> Direction {
        let (words, n) = words_before(text, start, found);
        let words = &words[..n];
        // The nearest marker ends at the nearest word that ends one; among
        // the markers ending there, the table's first wins.
        for (at, w) in words.iter().enumerate() {
            let Some(markers) = w.and_then(|w| with_lower_case(w, |w| self.tense_by_last.get(w))) else { continue };
            for &k in markers {
                let (phrase, dir) = &self.tense[k];
                if phrase.len() <= n - at
                    && phrase.iter().rev().zip(&words[at..]).all(|(p, w)| w.is_some_and(|w| is_lower_case_of(p, w)))
                {
                    return *dir;
                }
            }
        }
        Direction::Unmarked
    }
}

/// A word in lower case, copied only when that changes it.
fn lower_case(word: &str) -> Cow<'_, str> {
    if word.bytes().all(|b| b.is_ascii_lowercase() || !b.is_ascii_alphabetic() && b.is_ascii()) {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// The twelve words before the expression at `start` (or fewer), nearest
/// first, back to the start of its sentence or of its line, and how many;
/// those of the expressions found before it (`found`) are `None`.
///
/// Read back from the expression a word at a time ([`crate::text::last_word`])
/// rather than by splitting the text before it, which read every word back
/// to its line's start and decoded each character.
fn words_before<'t>(text: &'t str, start: usize, found: &[Timex]) -> ([Option<&'t str>; 12], usize) {
    // A bounded look-back: a huge one-line text must not cost its square.
    let from = start.saturating_sub(400);
    let from = (from..start).find(|&i| text.is_char_boundary(i)).unwrap_or(start);
    let in_expression =
        |at: usize| found.iter().rev().take_while(|t| t.end > from).any(|t| t.start <= at && at < t.end);
    let mut words: [Option<&str>; 12] = [None; 12];
    let mut n = 0;
    let mut end = start;
    while n < words.len() {
        let w = crate::text::last_word(&text[from..end]);
        if w.is_empty() {
            break;
        }
        let at = w.as_ptr() as usize - text.as_ptr() as usize;
        if text.as_bytes()[at + w.len()..end].contains(&b'\n') || crate::text::ends_sentence(w) || w.ends_with(';') {
            break;
        }
        words[n] = (!in_expression(at)).then_some(w);
        n += 1;
        end = at;
    }
    (words, n)
}

/// Calls `f` with the bytes of `word` in lower case: lowered on the stack
/// when it is short and ASCII (as nearly every word is), not copied to the
/// heap.
fn with_lower_case<R>(word: &str, f: impl FnOnce(&[u8]) -> R) -> R {
    let mut buf = [0u8; 32];
    match buf.get_mut(..word.len()).filter(|_| word.is_ascii()) {
        Some(lower) => {
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            f(lower)
        }
        None => f(word.to_lowercase().as_bytes()),
    }
}

/// Whether `word` in lower case is `lower` (which is in lower case),
/// without a lower-case copy of it when it is ASCII.
fn is_lower_case_of(lower: &str, word: &str) -> bool {
    if word.is_ascii() { word.eq_ignore_ascii_case(lower) } else { word.to_lowercase() == lower }
}

fn number_table(file: File) -> Result<FxHashMap<&'static str, u32>> {
    file.table()?
        .rows
        .iter()
        .map(|r| Ok((r.cells[0], r.cells[1].parse().map_err(|_| file.invalid(r.line, "expected a number"))?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference() -> NaiveDate {
        NaiveDate::from_ymd_opt(2023, 4, 19).unwrap()
    }

    /// Searching each rule only where the start automaton says it may start
    /// finds what searching for it over the whole text finds.
    #[test]
    fn the_start_automaton_misses_no_date() {
        let tagger = Tagger::shared();
        // Where two rules end on the same character read backwards, each
        // must be tried where it starts ("1998" and "1998-08-07").
        let texts = crate::samples::test_articles_and(&[
            r#"<TIMEX3 tid="t1" value="1998-08-07T10:35">08/07/1998</TIMEX3> 1998-08"#,
            "On 5 May 2021, and from May 5 to 7, 2021; in 2021-22 and the 1990s.",
        ]);
        assert!(texts.len() > 60);
        let mut caches = tagger.create_caches();
        for text in &texts {
            let show =
                |ts: Vec<Timex>| ts.iter().map(|t| format!("{}..{} {:?}", t.start, t.end, t.value)).collect::<Vec<_>>();
            assert_eq!(show(tagger.find(text)), show(tagger.find_from(text, None, &mut caches.rules)), "{text}");
        }
    }

    /// A rule's own engines read the groups of each of its matches as its
    /// regex does.
    #[test]
    fn the_engines_at_a_start_read_the_groups_the_regex_reads() {
        let tagger = Tagger::shared();
        let mut caches = tagger.create_caches();
        let mut matches = 0;
        for text in &crate::samples::test_articles() {
            for (rule, cache) in tagger.rules.iter().zip(&mut caches.rules) {
                for m in rule.regex.find_iter(text) {
                    let mut expected = rule.regex.create_captures();
                    rule.regex
                        .search_captures(&Input::new(text).range(m.range()).anchored(Anchored::Yes), &mut expected);
                    let got = rule.groups(text, m.start(), m.end(), cache);
                    let spans = |c: &Captures| (0..c.group_len()).map(|i| c.get_group(i)).collect::<Vec<_>>();
                    assert_eq!(spans(got), spans(&expected), "{} at {:?}", rule.name, m.range());
                    matches += 1;
                }
            }
        }
        assert!(matches > 1000, "{matches}");
    }

    /// The words before an expression, read back a word at a time, are
    /// those of splitting the text before it at its last line end and at
    /// white space, at every character of every test article.
    #[test]
    fn the_words_before_a_date_are_those_split_by_whitespace() {
        fn split<'t>(text: &'t str, start: usize, found: &[Timex]) -> Vec<Option<&'t str>> {
            let from = (start.saturating_sub(400)..start).find(|&i| text.is_char_boundary(i)).unwrap_or(start);
            let before = &text[from..start];
            let paragraph = before.rsplit('\n').next().unwrap_or(before);
            let in_expression = |w: &str| {
                let at = w.as_ptr() as usize - text.as_ptr() as usize;
                found.iter().rev().take_while(|t| t.end > from).any(|t| t.start <= at && at < t.end)
            };
            paragraph
                .split_whitespace()
                .rev()
                .take_while(|w| !crate::text::ends_sentence(w) && !w.ends_with(';'))
                .take(12)
                .map(|w| (!in_expression(w)).then_some(w))
                .collect()
        }
        let texts = crate::samples::test_articles_and(&["a\u{a0}will\u{2003}meet\nnext\u{212a} week; on Monday"]);
        for text in &texts {
            let found = Tagger::shared().find(text);
            for start in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let before = &found[..found.partition_point(|t| t.start < start)];
                let (words, n) = words_before(text, start, before);
                assert_eq!(words[..n], split(text, start, before), "at {start} of {text}");
            }
        }
    }

    /// An expression taken as absolute (its direction not read) has the
    /// same value from any reference and in any direction.
    #[test]
    fn an_absolute_value_is_the_same_from_any_reference_and_direction() {
        let texts = crate::samples::test_articles_and(&[
            "the week of March 6, 2023; the third quarter of 2022 and a year earlier; the first half of 2021",
            "4/5/2023, the 1990s, the 20th century, from May 5 to 7, 2021, for three days, daily, now",
        ]);
        let references =
            [None, Some(reference()), NaiveDate::from_ymd_opt(1999, 12, 31), NaiveDate::from_ymd_opt(2026, 2, 28)];
        let directions = [Direction::Unmarked, Direction::Past, Direction::Future];
        let mut absolute = 0;
        for text in &texts {
            for t in Tagger::shared().find(text).iter().filter(|t| t.value.is_absolute()) {
                let first = value(t.value, Direction::Unmarked, None);
                for (r, d) in references.iter().flat_map(|r| directions.iter().map(move |d| (*r, *d))) {
                    assert_eq!(value(t.value, d, r), first, "{t:?} from {r:?} {d:?}");
                }
                assert_eq!(t.direction, Direction::Unmarked);
                absolute += 1;
            }
        }
        assert!(absolute > 200, "{absolute}");
    }

    /// A case-insensitive vocabulary written as a trie finds what its
    /// alternation finds: in every test article, and in its words run
    /// together (where the longer of two words must win) in any case.
    #[test]
    fn a_vocabulary_as_a_trie_finds_what_its_alternation_finds() {
        let articles = crate::samples::test_articles();
        for file in [
            resources::RELATIVE_DAYS,
            resources::UNITS,
            resources::NUMBERS,
            resources::SHIFTS,
            resources::REFERENCES,
            resources::SETS,
            resources::SEASONS,
            resources::ORDINALS,
            resources::PARTS_OF_DAY,
            resources::HOLIDAYS,
        ] {
            let words = vocabulary(file).unwrap();
            let together = [words.join(" "), words.join(""), words.join("").to_uppercase()];
            let plain = Regex::new(&format!("(?i:{})", alternation(&words))).unwrap();
            let trie = Regex::new(&alternation_ci(&words)).unwrap();
            for text in articles.iter().chain(&together) {
                let spans = |r: &Regex| r.find_iter(text).map(|m| m.range()).collect::<Vec<_>>();
                assert_eq!(spans(&trie), spans(&plain), "{}", alternation_ci(&words));
            }
        }
    }

    #[test]
    fn every_group_a_rule_names_is_one_the_tagger_reads() {
        for rule in &Tagger::shared().rules {
            for name in rule.regex.group_info().pattern_names(regex_automata::PatternID::ZERO).flatten() {
                assert!(Group::from_name(name).is_some(), "{}: group {name}", rule.name);
            }
        }
    }

    #[test]
    fn every_example_in_patterns_tsv_resolves_as_written() {
        let tagger = Tagger::shared();
        let table = resources::DATE_PATTERNS.table().unwrap();
        assert!(table.examples.len() >= 20, "the rules carry their examples");
        for ex in &table.examples {
            let found = tagger.find(ex.input);
            // Ranges show as ranges (the event date); the rest as TIMEX3 values.
            let got: Vec<String> = found
                .iter()
                .filter_map(|t| t.value(Some(reference())))
                .map(|v| match v {
                    Value::Date(d @ DateValue::Range(..)) => d.to_string(),
                    v => v.timex3().1,
                })
                .collect();
            assert_eq!(
                got.first().map_or("none", String::as_str),
                ex.expected,
                "patterns.tsv:{} `{}` (rule above: {:?}) found {:?}",
                ex.line,
                ex.input,
                ex.after,
                found
            );
        }
    }

    #[test]
    fn nothing_in_the_negative_corpus_is_taken_as_a_date() {
        let table = resources::DATE_NEGATIVES.table().unwrap();
        assert!(table.rows.len() >= 10);
        for row in table.rows {
            let found = Tagger::shared().find(row.cells[0]);
            assert!(found.is_empty(), "negative.tsv:{} `{}` found {found:?}", row.line, row.cells[0]);
        }
    }

    #[test]
    fn holidays_fall_on_their_days() {
        let on = |rule: &str, y: i32| holiday(rule, y).unwrap().to_string();
        assert_eq!(on("4:11:Thu", 1999), "1999-11-25", "Thanksgiving");
        assert_eq!(on("after:1:11:Mon:Tue", 1998), "1998-11-03", "US Election Day");
        assert_eq!(on("last:05:Mon", 2024), "2024-05-27", "Memorial Day");
        assert_eq!(on("easter:+0", 2024), "2024-03-31");
        assert_eq!(on("easter:-2", 2000), "2000-04-21", "Good Friday");
    }

    #[test]
    fn on_tuesday_in_an_article_of_wednesday_is_the_day_before() {
        let t = &Tagger::shared().find("The ministers met in Moscow on Tuesday.")[0];
        assert_eq!(t.resolve(Some(reference())).unwrap().to_string(), "2023-04-18");
    }

    #[test]
    fn the_weekday_of_the_reference_itself_is_that_day() {
        let t = &Tagger::shared().find("They spoke on Wednesday.")[0];
        assert_eq!(t.resolve(Some(reference())).unwrap().to_string(), "2023-04-19");
    }

    #[test]
    fn relative_expressions_need_a_reference_and_never_guess_one() {
        let t = &Tagger::shared().find("They spoke on Tuesday.")[0];
        assert_eq!(t.resolve(None), None);
    }

    #[test]
    fn an_impossible_day_is_not_a_date() {
        let found = Tagger::shared().find("on February 30, 2023");
        assert!(found.iter().all(|t| t.resolve(Some(reference())).is_none()), "{found:?}");
    }

    #[test]
    fn may_as_a_verb_and_lower_case_months_are_not_dates() {
        assert!(Tagger::shared().find("Talks may 2 resume; the march was long").is_empty());
    }
}
