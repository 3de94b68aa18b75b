//! Engine integration tests, one binary (as ripgrep does).

/// Actors as entities: aliases, offices, finding by any spelling, migration.
mod actors;
/// The `detente` command line: the JSON contract, import and filters.
mod cli;
/// The evaluation corpus: scores held at or above the committed baseline.
mod corpus;
/// One event from many reports in the store; the analyst's edits, merges,
/// splits and deletions through re-reading; the audit trail; the user's
/// gazetteer layer.
mod curation;
/// Exports: CSV rows, JSON written and read back, the `export` command.
mod export;
/// The fixture corpus: each article gives exactly its expected events.
mod fixtures;
/// Every file format: fixture files of each kind, and hostile files.
mod formats;
/// Import into a database file: duplicates, failures, consistency.
mod import;
/// Reports of one occurrence in different articles: when they are one event.
mod merge;
/// The timeline's queries: windows and bins against the full event list.
mod timeline;
