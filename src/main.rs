//! `detente`: the engine from a terminal.
//!
//! `extract` reads files and prints their events as JSON lines without
//! touching a database; `import` and `events` work on a database file.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use detente::export::{self, ExportFormat};
use detente::extract;
use detente::model::{EventType, Status};
use detente::store::{Filter, Store};
use detente::{import, text};
use serde_json::json;

#[derive(Parser)]
#[command(name = "detente", version, about = "Dated diplomatic and military events from news articles")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print each file's events as one JSON object per line; touches no database.
    Extract {
        /// Publication date (YYYY-MM-DD); wins over a date found in the text.
        #[arg(long, value_parser = parse_date)]
        published: Option<NaiveDate>,
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Import article files and folders (recursively) into a database.
    Import {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The database file (created if missing).
        #[arg(long, env = "DETENTE_DB")]
        db: PathBuf,
        /// Files larger than this many megabytes are refused.
        #[arg(long, env = "DETENTE_MAX_FILE_MB", default_value_t = 50)]
        max_file_mb: u64,
        /// Files read at once (default: the number of cores, up to 8).
        #[arg(long)]
        threads: Option<usize>,
        /// Print each file as it is done (to standard error).
        #[arg(long)]
        progress: bool,
        /// In JSONL and CSV corpora, the field holding each article's text
        /// (found by name when not given: text, body, content, ...).
        #[arg(long)]
        text_column: Option<String>,
        /// ... the headline (default: title, headline, ...).
        #[arg(long)]
        title_column: Option<String>,
        /// ... the publication date (default: date, published, ...).
        #[arg(long)]
        date_column: Option<String>,
        /// ... the article's address (default: url, link, ...).
        #[arg(long)]
        url_column: Option<String>,
    },
    /// Score extraction on a folder of articles with expected events
    /// (`NAME.txt` and `NAME.expected.json`): precision, recall and F1 per
    /// type, and how many events are fully right.
    Eval {
        dir: PathBuf,
        /// The files' modification day to assume (bounds datelines' years);
        /// by default each file's own.
        #[arg(long, value_parser = parse_date)]
        file_date: Option<NaiveDate>,
        /// Also list each article's differences.
        #[arg(long)]
        verbose: bool,
    },
    /// Tag temporal expressions: reads JSON lines `{"doc", "dct", "text"}` (the
    /// TempEval harness's input) and prints `{"doc", "timexes": [{"start",
    /// "end", "type", "value", "text"}]}` per line, offsets in code points.
    Timex {
        /// The JSON-lines file to read; `-` for standard input.
        input: PathBuf,
    },
    /// Print the stored events matching the filters, one JSON object per line.
    Events {
        #[arg(long, env = "DETENTE_DB")]
        db: PathBuf,
        #[command(flatten)]
        filter: FilterArgs,
    },
    /// Write the stored events matching the filters as CSV (one row per
    /// event, for spreadsheets) or JSON (to re-import), with their sources
    /// and CAMEO and PLOVER codes (see docs/export.md).
    Export {
        #[arg(long, env = "DETENTE_DB")]
        db: PathBuf,
        /// csv or json.
        #[arg(long, value_parser = parse_format)]
        format: ExportFormat,
        /// The file to write (replaced only once complete); standard output if not given.
        #[arg(short, long)]
        output: Option<PathBuf>,
        #[command(flatten)]
        filter: FilterArgs,
    },
}

/// The filters of `events` and `export`: the app's filters, flag by flag.
#[derive(clap::Args)]
struct FilterArgs {
    /// ISO alpha-3 or organisation code; repeat for any of several.
    #[arg(long = "country")]
    countries: Vec<String>,
    /// Actor name, canonical or any alias; repeat for any of several.
    #[arg(long = "actor")]
    actors: Vec<String>,
    /// Event type (meeting, call, visit, ...); repeat for any of several.
    #[arg(long = "type", value_parser = parse_type)]
    types: Vec<EventType>,
    /// Only events that end on or after this day.
    #[arg(long, value_parser = parse_date)]
    from: Option<NaiveDate>,
    /// Only events that start on or before this day.
    #[arg(long, value_parser = parse_date)]
    to: Option<NaiveDate>,
    /// Words that must all appear in the evidence or the article's title.
    #[arg(long)]
    text: Option<String>,
    /// Only events that occurred, or only planned ones.
    #[arg(long, value_parser = parse_status)]
    status: Option<Status>,
    /// Only events read with at least this confidence (0 to 1).
    #[arg(long)]
    min_confidence: Option<f64>,
}

impl From<FilterArgs> for Filter {
    fn from(f: FilterArgs) -> Filter {
        let FilterArgs { countries, actors, types, from, to, text, status, min_confidence } = f;
        Filter { countries, actors, types, from, to, text, status, min_confidence }
    }
}

/// Opens an existing database: reading commands never create one.
fn open_existing(db: &std::path::Path) -> Result<Store> {
    if !db.exists() {
        anyhow::bail!("no database at {}", db.display());
    }
    Store::open(db).with_context(|| format!("opening {}", db.display()))
}

fn parse_format(s: &str) -> Result<ExportFormat, String> {
    ExportFormat::from_code(s).map_err(|e| e.to_string())
}

fn parse_status(s: &str) -> Result<Status, String> {
    Status::from_code(s).ok_or_else(|| format!("`{s}` is not a status: occurred or planned"))
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("`{s}` is not a date of the form YYYY-MM-DD"))
}

fn parse_type(s: &str) -> Result<EventType, String> {
    EventType::from_code(s).ok_or_else(|| {
        let all: Vec<&str> = EventType::ALL.iter().map(|t| t.code()).collect();
        format!("`{s}` is not an event type (one of {})", all.join(", "))
    })
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("detente: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match cli.command {
        Command::Extract { published, files } => {
            let mut failed = false;
            for file in files {
                match import::Article::read(&file) {
                    Ok(articles) => {
                        for mut article in articles {
                            if let Some(e) = &article.error {
                                failed = true;
                                eprintln!("detente: {}: {e}", article.file);
                                writeln!(out, "{}", json!({"file": article.file, "error": e}))?;
                                continue;
                            }
                            if published.is_some() {
                                article.options.published = published;
                                article.options.published_source = None;
                            }
                            let x = extract::extract(&article.text, &article.options);
                            let line = json!({
                                "file": article.file,
                                "url": article.url,
                                "title": x.title,
                                "published": x.published.as_ref().map(|p| p.date.to_string()),
                                "published_source": x.published.map(|p| p.source),
                                "events": x.events,
                                "diagnostics": x.diagnostics,
                            });
                            writeln!(out, "{line}")?;
                        }
                    }
                    Err(e) => {
                        failed = true;
                        eprintln!("detente: {}: {e}", file.display());
                        writeln!(out, "{}", json!({"file": file.display().to_string(), "error": e}))?;
                    }
                }
            }
            Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
        }
        Command::Import {
            paths,
            db,
            max_file_mb,
            threads,
            progress,
            text_column,
            title_column,
            date_column,
            url_column,
        } => {
            let store = Store::open(&db).with_context(|| format!("opening {}", db.display()))?;
            let store = std::sync::Mutex::new(store);
            let mut settings = import::Settings::default();
            settings.read.limits.max_file_bytes = max_file_mb * 1024 * 1024;
            settings.read.columns = detente::formats::ColumnChoice {
                text: text_column,
                title: title_column,
                date: date_column,
                url: url_column,
            };
            if let Some(n) = threads {
                settings.threads = n;
            }
            let report = |p: import::Progress| {
                if progress {
                    eprintln!("{}/{} {}", p.done, p.total, p.file.display());
                }
            };
            let summary =
                import::import_paths(&store, &paths, &settings, report, &std::sync::atomic::AtomicBool::new(false))?;
            writeln!(out, "{}", summary.line())?;
            for (file, reason) in &summary.failed {
                writeln!(out, "failed: {}: {reason}", file.display())?;
            }
            Ok(if summary.failed.is_empty() && summary.stopped.is_none() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
        Command::Eval { dir, file_date, verbose } => {
            let report = detente::eval::score_dir(&dir, file_date)?;
            writeln!(out, "{report}")?;
            if verbose {
                for (path, diff) in &report.differences {
                    writeln!(out, "{}:\n  {diff}", path.display())?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Timex { input } => {
            let reader: Box<dyn std::io::BufRead> = if input.as_os_str() == "-" {
                Box::new(std::io::stdin().lock())
            } else {
                Box::new(std::io::BufReader::new(
                    std::fs::File::open(&input).with_context(|| format!("opening {}", input.display()))?,
                ))
            };
            let tagger = detente::timex::Tagger::shared();
            for (i, line) in std::io::BufRead::lines(reader).enumerate() {
                let line = line?;
                if line.trim().is_empty() {
                    continue;
                }
                let doc: serde_json::Value =
                    serde_json::from_str(&line).with_context(|| format!("line {}: not JSON", i + 1))?;
                let text = doc["text"].as_str().with_context(|| format!("line {}: no \"text\"", i + 1))?;
                let dct = doc["dct"].as_str().and_then(|d| parse_date(d.get(..10).unwrap_or(d)).ok());
                let found = tagger.find(text);
                let values = detente::timex::resolve_all(&found, dct);
                let timexes: Vec<serde_json::Value> = found
                    .iter()
                    .zip(values)
                    .filter_map(|(t, v)| {
                        let (kind, value) = v?.timex3();
                        Some(json!({
                            "start": text::char_offset(text, t.start),
                            "end": text::char_offset(text, t.end),
                            "type": kind.code(),
                            "value": value,
                            "text": &text[t.start..t.end],
                        }))
                    })
                    .collect();
                writeln!(out, "{}", json!({"doc": doc["doc"], "timexes": timexes}))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Events { db, filter } => {
            let store = open_existing(&db)?;
            for event in store.events(&filter.into())? {
                writeln!(out, "{}", serde_json::to_string(&event)?)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Export { db, format, output, filter } => {
            let store = open_existing(&db)?;
            let events = store.events(&filter.into())?;
            let n = match &output {
                Some(path) => {
                    export::write_file(&events, format, path).with_context(|| format!("writing {}", path.display()))?
                }
                None => format.write(&events, &mut out)?,
            };
            if let Some(path) = output {
                eprintln!("{n} events written to {}", path.display());
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
