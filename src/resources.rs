//! Language data shipped in `resources/`, embedded at build time.
//!
//! Every file is UTF-8 text: `#` lines are comments (each file opens with a
//! header that says what it holds and what its columns are), data rows are
//! tab-separated with a fixed number of columns, and `#> INPUT => EXPECTED`
//! lines are examples that the test suite runs against the rule or table
//! they sit next to. Multi-valued cells separate values with `|`.

use thiserror::Error;

/// A resource file that could not be read as its format says.
#[derive(Debug, Clone, Error, PartialEq, Eq)]
pub enum ResourceError {
    /// A data row with the wrong number of tab-separated cells.
    #[error("{file}:{line}: expected {expected} tab-separated columns, found {found}")]
    Columns { file: String, line: usize, expected: usize, found: usize },
    /// A cell whose value is not valid for its column.
    #[error("{file}:{line}: {message}")]
    Invalid { file: String, line: usize, message: String },
}

pub type Result<T> = std::result::Result<T, ResourceError>;

/// One embedded resource file.
#[derive(Debug, Clone, Copy)]
pub struct File {
    /// Path under `resources/`.
    pub path: &'static str,
    pub text: &'static str,
    /// Number of tab-separated columns of each data row.
    pub columns: usize,
}

macro_rules! resource {
    ($path:literal, $columns:expr) => {
        File { path: $path, text: include_str!(concat!("../resources/", $path)), columns: $columns }
    };
}

pub const COUNTRIES: File = resource!("countries.tsv", 5);
pub const ORGANISATIONS: File = resource!("organisations.tsv", 3);
pub const FORCES: File = resource!("forces.tsv", 3);
pub const SHIP_PREFIXES: File = resource!("ship-prefixes.tsv", 2);
pub const PLACES: File = resource!("places.tsv", 3);
pub const PEOPLE: File = resource!("people.tsv", 6);
pub const OFFICES: File = resource!("offices.tsv", 2);
pub const TITLES: File = resource!("titles.tsv", 1);
pub const OFFICE_WORDS: File = resource!("office-words.tsv", 1);
pub const MONTHS: File = resource!("dates/months.tsv", 3);
pub const WEEKDAYS: File = resource!("dates/weekdays.tsv", 2);
pub const RELATIVE_DAYS: File = resource!("dates/relative-days.tsv", 2);
pub const TENSE: File = resource!("dates/tense.tsv", 2);
pub const UNITS: File = resource!("dates/units.tsv", 2);
pub const NUMBERS: File = resource!("dates/numbers.tsv", 2);
pub const SHIFTS: File = resource!("dates/shifts.tsv", 2);
pub const REFERENCES: File = resource!("dates/references.tsv", 2);
pub const SETS: File = resource!("dates/sets.tsv", 2);
pub const SEASONS: File = resource!("dates/seasons.tsv", 2);
pub const ORDINALS: File = resource!("dates/ordinals.tsv", 2);
pub const PARTS_OF_DAY: File = resource!("dates/parts-of-day.tsv", 2);
pub const HOLIDAYS: File = resource!("dates/holidays.tsv", 2);
pub const DATE_NEGATIVES: File = resource!("dates/negative.tsv", 1);
pub const DATE_PATTERNS: File = resource!("dates/patterns.tsv", 2);
pub const PUBLISHED_PATTERNS: File = resource!("dates/published.tsv", 2);
pub const TRIGGERS: File = resource!("events/triggers.tsv", 3);
pub const CONTEXT: File = resource!("events/context.tsv", 2);
pub const ABBREVIATIONS: File = resource!("text/abbreviations.tsv", 1);
pub const LINK_MARKERS: File = resource!("text/link-markers.tsv", 1);
/// CAMEO and PLOVER codes per event type, for exports (`export.rs`).
pub const CODES: File = resource!("codes.tsv", 6);

/// Every resource file, for the test that loads them all.
pub const ALL: &[File] = &[
    COUNTRIES,
    ORGANISATIONS,
    FORCES,
    SHIP_PREFIXES,
    PLACES,
    PEOPLE,
    OFFICES,
    TITLES,
    OFFICE_WORDS,
    MONTHS,
    WEEKDAYS,
    RELATIVE_DAYS,
    TENSE,
    UNITS,
    NUMBERS,
    SHIFTS,
    REFERENCES,
    SETS,
    SEASONS,
    ORDINALS,
    PARTS_OF_DAY,
    HOLIDAYS,
    DATE_NEGATIVES,
    DATE_PATTERNS,
    PUBLISHED_PATTERNS,
    TRIGGERS,
    CONTEXT,
    ABBREVIATIONS,
    LINK_MARKERS,
    CODES,
];

/// A data row: its 1-based line number and its cells.
#[derive(Debug, Clone)]
pub struct Row {
    pub line: usize,
    pub cells: Vec<&'static str>,
}

impl Row {
    /// The values of a `|`-separated cell, trimmed, without empties.
    pub fn list(&self, column: usize) -> impl Iterator<Item = &'static str> {
        self.cells[column].split('|').map(str::trim).filter(|s| !s.is_empty())
    }
}

/// An example written next to a rule: `#> INPUT => EXPECTED`.
#[derive(Debug, Clone)]
pub struct Example {
    pub line: usize,
    pub input: &'static str,
    pub expected: &'static str,
    /// The name in the first cell of the last data row above the example, if any.
    pub after: Option<&'static str>,
}

/// A parsed resource file.
#[derive(Debug, Clone)]
pub struct Table {
    pub path: &'static str,
    pub rows: Vec<Row>,
    pub examples: Vec<Example>,
}

impl File {
    /// Parses the file, checking every data row's column count.
    pub fn table(&self) -> Result<Table> {
        let mut rows = Vec::new();
        let mut examples = Vec::new();
        for (i, raw) in self.text.lines().enumerate() {
            let line = i + 1;
            if let Some(ex) = raw.strip_prefix("#>") {
                let (input, expected) = ex.split_once("=>").ok_or_else(|| ResourceError::Invalid {
                    file: self.path.to_string(),
                    line,
                    message: "example without `=>`".into(),
                })?;
                examples.push(Example {
                    line,
                    input: input.trim(),
                    expected: expected.trim(),
                    after: rows.last().map(|r: &Row| r.cells[0]),
                });
                continue;
            }
            if raw.starts_with('#') || raw.trim().is_empty() {
                continue;
            }
            let cells: Vec<&'static str> = raw.split('\t').collect();
            if cells.len() != self.columns {
                return Err(ResourceError::Columns {
                    file: self.path.to_string(),
                    line,
                    expected: self.columns,
                    found: cells.len(),
                });
            }
            rows.push(Row { line, cells });
        }
        Ok(Table { path: self.path, rows, examples })
    }

    /// An error about a cell of this file.
    pub fn invalid(&self, line: usize, message: impl Into<String>) -> ResourceError {
        ResourceError::Invalid { file: self.path.to_string(), line, message: message.into() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_resource_file_parses_with_its_column_count() {
        for file in ALL {
            let table = file.table().unwrap_or_else(|e| panic!("{e}"));
            assert!(!table.rows.is_empty(), "{} has no data rows", file.path);
            assert!(file.text.starts_with('#'), "{} must open with a header saying what it holds", file.path);
        }
    }

    #[test]
    fn a_row_with_a_missing_column_is_reported_with_its_line() {
        let f = File { path: "t.tsv", text: "# header\na\tb\nc\n", columns: 2 };
        assert_eq!(
            f.table().unwrap_err(),
            ResourceError::Columns { file: "t.tsv".into(), line: 3, expected: 2, found: 1 }
        );
    }
}
