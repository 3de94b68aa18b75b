//! Engine integration tests, one binary (as ripgrep does).

/// The `detente` command line: the JSON contract, import and filters.
mod cli;
/// The fixture corpus: each article gives exactly its expected events.
mod fixtures;
/// Import into a database file: duplicates, failures, consistency.
mod import;
