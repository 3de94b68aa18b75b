//! The commands the UI calls. Each is a few lines over the engine.

use std::path::PathBuf;
use std::sync::atomic::Ordering;

use chrono::NaiveDate;
use detente::export::{self, ExportFormat};
use detente::import::{self, Outcome, Summary};
use detente::model::{EventType, Status};
use detente::samples;
use detente::store::{BinGroup, Filter, NewEvent, Origin, RowOrder, StoreError, UserPerson};
use tauri::{AppHandle, Emitter, Manager, State};

use crate::AppState;
use crate::dto::{
    self, ActorDetailDto, AppInfoDto, BinDto, ColumnsDto, ErrorDto, EventDetailDto, EventSummaryDto, FilterDto,
    ImportSummaryDto, QueryDto, ReviewItemDto, RowsDto, SavedViewDto, SpanDto, UndatedArticleDto, UndatedDto,
    WindowDto,
};

type Res<T> = Result<T, ErrorDto>;

fn lock(state: &AppState) -> std::sync::MutexGuard<'_, detente::store::Store> {
    // A panic while holding the lock leaves SQLite consistent (transactions
    // roll back), so a poisoned lock is safe to keep using.
    state.store.lock().unwrap_or_else(|p| p.into_inner())
}

fn filter(f: FilterDto) -> Res<Filter> {
    let date = |s: Option<String>| -> Res<Option<NaiveDate>> {
        s.filter(|s| !s.is_empty())
            .map(|s| {
                NaiveDate::parse_from_str(&s, "%Y-%m-%d")
                    .map_err(|_| ErrorDto::bad_request(format!("`{s}` is not a date")))
            })
            .transpose()
    };
    Ok(Filter {
        countries: f.countries,
        actors: f.actors,
        types: f
            .types
            .iter()
            .map(|t| EventType::from_code(t).ok_or_else(|| ErrorDto::bad_request(format!("unknown event type `{t}`"))))
            .collect::<Res<_>>()?,
        from: date(f.from)?,
        to: date(f.to)?,
        text: f.text.filter(|t| !t.trim().is_empty()),
        status: f
            .status
            .map(|s| Status::from_code(&s).ok_or_else(|| ErrorDto::bad_request(format!("unknown status `{s}`"))))
            .transpose()?,
        min_confidence: f.min_confidence,
    })
}

// Commands that touch the database are `async`: Tauri runs them off the
// main thread, so a query waiting for an import never freezes the window.

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> Res<AppInfoDto> {
    let (articles, events) = lock(&state).counts().map_err(ErrorDto::database)?;
    let startup_import = state.startup_import.lock().unwrap_or_else(|p| p.into_inner()).clone();
    Ok(AppInfoDto {
        db_path: state.db_path.display().to_string(),
        articles,
        events,
        version: env!("CARGO_PKG_VERSION"),
        startup_import,
        extensions: detente::formats::Format::EXTENSIONS.iter().copied().chain([import::EXPORT_EXTENSION]).collect(),
        save_dir: std::env::var("DETENTE_SAVE_DIR").ok().filter(|d| !d.is_empty()),
    })
}

/// The facet counts of a filter, and the total.
#[tauri::command]
pub async fn query(state: State<'_, AppState>, filter: FilterDto) -> Res<QueryDto> {
    let f = self::filter(filter)?;
    let store = lock(&state);
    let facets = store.facets(&f).map_err(ErrorDto::database)?;
    let (_, total) = store.counts().map_err(ErrorDto::database)?;
    Ok(QueryDto { facets: facets.into(), total })
}

/// The first and last days of the events of a filter: quick, so the
/// timeline can be placed before the facet counts are ready.
#[tauri::command]
pub async fn span(state: State<'_, AppState>, filter: FilterDto) -> Res<SpanDto> {
    let f = self::filter(filter)?;
    let span = lock(&state).span(&f).map_err(ErrorDto::database)?;
    Ok(SpanDto { first: span.map(|s| s.0.to_string()), last: span.map(|s| s.1.to_string()) })
}

fn day(s: &str) -> Res<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| ErrorDto::bad_request(format!("`{s}` is not a date")))
}

/// The events of a filter that overlap the days `from..=to`, if at most
/// `limit`; else none, and `more`.
#[tauri::command]
pub async fn window(
    state: State<'_, AppState>,
    filter: FilterDto,
    from: String,
    to: String,
    limit: usize,
) -> Res<WindowDto> {
    let f = self::filter(filter)?;
    let w = lock(&state).window(&f, day(&from)?, day(&to)?, limit).map_err(ErrorDto::database)?;
    // A window holding more than the limit is drawn as bins: its first
    // events would be sent (a megabyte at 5,000) for nothing.
    let events = if w.more { Vec::new() } else { w.events.iter().map(EventSummaryDto::from).collect() };
    Ok(WindowDto { events, more: w.more })
}

/// How many events of a filter start in each bin of `width` days, by lane.
#[tauri::command]
pub async fn bins(
    state: State<'_, AppState>,
    filter: FilterDto,
    from: String,
    to: String,
    width: u32,
    group: String,
) -> Res<Vec<BinDto>> {
    let f = self::filter(filter)?;
    let group = match group.as_str() {
        "type" => BinGroup::Type,
        "country" => BinGroup::Country,
        "actor" => BinGroup::Actor,
        "none" => BinGroup::None,
        other => return Err(ErrorDto::bad_request(format!("unknown grouping `{other}`"))),
    };
    let bins = lock(&state).bins(&f, day(&from)?, day(&to)?, width, group).map_err(ErrorDto::database)?;
    Ok(bins.into_iter().map(|b| BinDto { start: b.start.to_string(), lane: b.lane, count: b.count }).collect())
}

/// A page of the event table: the events of a filter that overlap the days
/// `from..=to`, sorted by `sort` ("date", "type" or "country"), and their number.
#[allow(clippy::too_many_arguments)] // the command's named arguments, as the UI sends them
#[tauri::command]
pub async fn rows(
    state: State<'_, AppState>,
    filter: FilterDto,
    from: String,
    to: String,
    sort: String,
    desc: bool,
    offset: usize,
    limit: usize,
) -> Res<RowsDto> {
    let f = self::filter(filter)?;
    let order = match sort.as_str() {
        "date" => RowOrder::Date,
        "type" => RowOrder::Type,
        "country" => RowOrder::Country,
        other => return Err(ErrorDto::bad_request(format!("cannot sort by `{other}`"))),
    };
    let (events, total) = lock(&state)
        .rows(&f, (day(&from)?, day(&to)?), (order, desc), offset, limit.min(1000))
        .map_err(ErrorDto::database)?;
    Ok(RowsDto { events: events.iter().map(EventSummaryDto::from).collect(), total })
}

/// The saved views, by name.
#[tauri::command]
pub async fn list_views(state: State<'_, AppState>) -> Res<Vec<SavedViewDto>> {
    let views = lock(&state).views().map_err(ErrorDto::database)?;
    Ok(views.into_iter().map(|v| SavedViewDto { name: v.name, state: v.state, saved: v.saved }).collect())
}

/// Saves the view's state (the UI's JSON) under a name, replacing one of that name.
#[tauri::command]
pub async fn save_view(state: State<'_, AppState>, name: String, state_json: String) -> Res<()> {
    let name = name.trim();
    if name.is_empty() {
        return Err(ErrorDto::bad_request("a saved view needs a name".to_string()));
    }
    lock(&state).save_view(name, &state_json).map_err(ErrorDto::database)
}

#[tauri::command]
pub async fn delete_view(state: State<'_, AppState>, name: String) -> Res<()> {
    lock(&state).delete_view(&name).map_err(ErrorDto::database).map(|_| ())
}

#[tauri::command]
pub async fn event_detail(state: State<'_, AppState>, id: i64) -> Res<EventDetailDto> {
    let store = lock(&state);
    let event =
        store.event(id).map_err(ErrorDto::database)?.ok_or_else(|| ErrorDto::not_found(format!("no event {id}")))?;
    let mut articles = Vec::new();
    for s in &event.sources {
        if let Some(a) = s.article_id.map(|id| store.article(id)).transpose().map_err(ErrorDto::database)?.flatten() {
            articles.push(a);
        }
    }
    let audit = store.audit_trail(id).map_err(ErrorDto::database)?;
    Ok(dto::detail(&event, &articles, audit))
}

// The analyst's corrections. Each returns the event as it now is (or, for
// one gone by a merge, the event it went into), so the panel redraws from
// what the store holds.

/// A refusal of the store (a bad value, no such event) is the analyst's
/// to fix, not a database failure.
fn curation_error(e: StoreError) -> ErrorDto {
    match e {
        StoreError::Invalid(m) => ErrorDto::bad_request(m),
        e => ErrorDto::database(e),
    }
}

/// Sets a field (`type`, `date`, `status`, `countries`, `actors`,
/// `location`) to a value in the CLI's JSON, or with `null` gives it back
/// to the sources.
#[tauri::command]
pub async fn edit_event(
    state: State<'_, AppState>,
    id: i64,
    field: String,
    value: Option<serde_json::Value>,
) -> Res<EventDetailDto> {
    lock(&state).set_field(id, &field, value).map_err(curation_error)?;
    event_detail(state, id).await
}

/// Deletes an event (`deleted: true`) or restores it.
#[tauri::command]
pub async fn delete_event(state: State<'_, AppState>, id: i64, deleted: bool) -> Res<EventDetailDto> {
    lock(&state).set_deleted(id, deleted).map_err(curation_error)?;
    event_detail(state, id).await
}

#[tauri::command]
pub async fn verify_event(state: State<'_, AppState>, id: i64, verified: bool) -> Res<EventDetailDto> {
    lock(&state).set_verified(id, verified).map_err(curation_error)?;
    event_detail(state, id).await
}

#[tauri::command]
pub async fn tag_event(state: State<'_, AppState>, id: i64, tags: Vec<String>, note: String) -> Res<EventDetailDto> {
    {
        let mut store = lock(&state);
        store.set_tags(id, &tags).map_err(curation_error)?;
        store.set_note(id, &note).map_err(curation_error)?;
    }
    event_detail(state, id).await
}

/// Merges event `from` into `into`; returns `into`.
#[tauri::command]
pub async fn merge_events(state: State<'_, AppState>, into: i64, from: i64) -> Res<EventDetailDto> {
    lock(&state).merge_events(into, from).map_err(curation_error)?;
    event_detail(state, into).await
}

/// Splits a source off an event; returns the new event.
#[tauri::command]
pub async fn split_source(state: State<'_, AppState>, id: i64, report_id: i64) -> Res<EventDetailDto> {
    let new = lock(&state).split_source(id, report_id).map_err(curation_error)?;
    event_detail(state, new).await
}

/// Adds an event by hand (the CLI's JSON of an event, with `sources`).
#[tauri::command]
pub async fn add_event(state: State<'_, AppState>, event: NewEvent) -> Res<EventDetailDto> {
    let id = lock(&state).add_event(&event, Origin::Manual).map_err(curation_error)?;
    event_detail(state, id).await
}

#[tauri::command]
pub async fn review_queue(state: State<'_, AppState>) -> Res<Vec<ReviewItemDto>> {
    let items = lock(&state).review_queue(500).map_err(ErrorDto::database)?;
    Ok(items.into_iter().map(|i| ReviewItemDto { event: EventSummaryDto::from(&i.row), reasons: i.reasons }).collect())
}

#[tauri::command]
pub async fn deleted_events(state: State<'_, AppState>) -> Res<Vec<EventDetailDto>> {
    let store = lock(&state);
    let deleted = store.deleted_events().map_err(ErrorDto::database)?;
    deleted.iter().map(|e| Ok(dto::detail(e, &[], store.audit_trail(e.id).map_err(ErrorDto::database)?))).collect()
}

/// Reads every article again with this engine; what the analyst set holds.
#[tauri::command]
pub async fn reextract(state: State<'_, AppState>) -> Res<import::Reextracted> {
    import::reextract_all(&mut lock(&state)).map_err(ErrorDto::database)
}

/// Adds a person to the analyst's own gazetteer layer (or updates them).
#[tauri::command]
pub async fn save_person(state: State<'_, AppState>, person: UserPerson) -> Res<()> {
    lock(&state).save_person(&person).map_err(curation_error)
}

/// An actor as an entity, by any of their names: the actor card.
#[tauri::command]
pub async fn actor_detail(state: State<'_, AppState>, name: String) -> Res<ActorDetailDto> {
    let actor = lock(&state).actor(&name).map_err(ErrorDto::database)?;
    actor.map(ActorDetailDto::from).ok_or_else(|| ErrorDto::not_found(format!("no actor named {name}")))
}

/// The names of the actors any of whose names contains `text` (the actor
/// filter's find-as-you-type, which thus matches aliases too).
#[tauri::command]
pub async fn search_actors(state: State<'_, AppState>, text: String) -> Res<Vec<String>> {
    lock(&state).search_actors(&text).map_err(ErrorDto::database)
}

/// Imports files (from the dialog, a drop, or the command line), telling
/// the window of progress with `import-progress` events (`[done, total,
/// file]`). The engine reads and extracts files on background threads and
/// holds the database lock only to look up and store each article, so the
/// timeline stays usable meanwhile; `cancel_import` stops it after the
/// files in hand, keeping what was stored.
pub fn import_with(
    app: &AppHandle,
    state: &AppState,
    paths: &[PathBuf],
    columns: detente::formats::ColumnChoice,
) -> ImportSummaryDto {
    state.cancel_import.store(false, Ordering::Relaxed);
    let mut settings = import::Settings::default();
    settings.read.columns = columns;
    if let Some(mb) = std::env::var("DETENTE_MAX_FILE_MB").ok().and_then(|v| v.parse::<u64>().ok()) {
        settings.read.limits.max_file_bytes = mb * 1024 * 1024;
    }
    let progress = |p: import::Progress| {
        let _ = app.emit("import-progress", (p.done, p.total, p.file.display().to_string()));
    };
    match import::import_paths(&state.store, paths, &settings, progress, &state.cancel_import) {
        Ok(summary) => ImportSummaryDto::from(&summary),
        Err(e) => ImportSummaryDto::from(&Summary { stopped: Some(e.to_string()), ..Summary::default() }),
    }
}

/// Imports files and folders; `columns` names the fields of JSONL and CSV
/// corpora when the analyst chose them.
#[tauri::command]
pub async fn import_files(app: AppHandle, paths: Vec<String>, columns: Option<ColumnsDto>) -> Res<ImportSummaryDto> {
    let files: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
    let columns = columns.map(ColumnsDto::into_choice).unwrap_or_default();
    tauri::async_runtime::spawn_blocking(move || {
        let state = tauri::Manager::state::<AppState>(&app);
        import_with(&app, &state, &files, columns)
    })
    .await
    .map_err(|e| ErrorDto::database(e.to_string()))
}

/// The field names of a JSONL or CSV corpus, for choosing its columns.
#[tauri::command]
pub async fn corpus_columns(path: String) -> Res<Vec<String>> {
    detente::formats::column_names(&PathBuf::from(path), &Default::default()).map_err(ErrorDto::bad_request)
}

/// Stops the import under way after the files being read; what was stored stays.
#[tauri::command]
pub fn cancel_import(state: State<'_, AppState>) {
    state.cancel_import.store(true, Ordering::Relaxed);
}

/// Articles whose publication date is unknown.
#[tauri::command]
pub async fn undated_articles(state: State<'_, AppState>) -> Res<UndatedDto> {
    let (articles, total) = lock(&state).articles_without_date(UNDATED_LISTED).map_err(ErrorDto::database)?;
    Ok(UndatedDto {
        articles: articles.into_iter().map(|a| UndatedArticleDto { id: a.id, title: a.title, file: a.file }).collect(),
        total,
    })
}

/// Articles without a date listed for the analyst to date, at most: the
/// newest; the count says how many there are.
const UNDATED_LISTED: usize = 100;

/// Sets an article's publication date; its events are read again against it.
#[tauri::command]
pub async fn set_published(state: State<'_, AppState>, article_id: i64, date: String) -> Res<usize> {
    let day = NaiveDate::parse_from_str(&date, "%Y-%m-%d")
        .map_err(|_| ErrorDto::bad_request(format!("`{date}` is not a date")))?;
    import::set_published(&mut lock(&state), article_id, day)
        .map_err(ErrorDto::database)?
        .map(|r| r.read)
        .ok_or_else(|| ErrorDto::not_found(format!("no article {article_id}")))
}

/// Loads the bundled sample articles.
#[tauri::command]
pub async fn load_samples(app: AppHandle) -> Res<ImportSummaryDto> {
    tauri::async_runtime::spawn_blocking(move || {
        let state = tauri::Manager::state::<AppState>(&app);
        let mut store = lock(&state);
        let mut summary = Summary::default();
        for (name, text) in samples::ARTICLES {
            let file = PathBuf::from(format!("samples/{name}"));
            let options = detente::extract::Options { file_name: Some(name.to_string()), ..Default::default() };
            let outcome = match import::add_text(&mut store, &file.display().to_string(), text, &options) {
                Ok(added) => Outcome::from(added),
                Err(e) => Outcome::Failed(e.to_string()),
            };
            summary.add(file, outcome);
        }
        ImportSummaryDto::from(&summary)
    })
    .await
    .map_err(|e| ErrorDto::database(e.to_string()))
}

/// The UI calls this once, when the timeline is first drawn with the
/// database's events. With `DETENTE_TIMING` set, the time since launch is
/// printed; with `DETENTE_TIMING=exit`, the app then quits (for `./x bench`).
#[tauri::command]
pub fn first_draw(app: AppHandle, events: usize) -> u128 {
    let ms = crate::LAUNCHED.get().map_or(0, |t| t.elapsed().as_millis());
    // Now that the window shows something, load the events in memory for
    // the queries that follow. Not on this (the main) thread: the store
    // may be busy with the table's first page.
    let handle = app.clone();
    std::thread::spawn(move || {
        if let Err(e) = lock(&handle.state::<AppState>()).keep_index_warm() {
            eprintln!("the timeline index was not loaded: {e}");
        }
    });
    match std::env::var("DETENTE_TIMING").as_deref() {
        Ok("exit") => {
            println!("timeline drawn {ms} ms after launch ({events} events)");
            app.exit(0);
        }
        Ok(_) => println!("timeline drawn {ms} ms after launch ({events} events)"),
        Err(_) => {}
    }
    ms
}

/// Writes the events of a filter to `path` as "csv" or "json" (through a
/// temporary file renamed when complete); returns how many were written.
#[tauri::command]
pub async fn export_events(state: State<'_, AppState>, filter: FilterDto, format: String, path: String) -> Res<usize> {
    let format = ExportFormat::from_code(&format).map_err(|e| ErrorDto::bad_request(e.to_string()))?;
    let f = self::filter(filter)?;
    let events = lock(&state).events(&f).map_err(ErrorDto::database)?;
    export::write_file(&events, format, std::path::Path::new(&path))
        .map_err(|e| ErrorDto::bad_request(format!("cannot write {path}: {e}")))
}

/// Copies the whole database to `path`, consistent even while it is written.
#[tauri::command]
pub async fn backup_database(state: State<'_, AppState>, path: String) -> Res<()> {
    lock(&state).backup_to(std::path::Path::new(&path)).map_err(restore_error)
}

/// Replaces the whole database with the backup at `path`; a file that is
/// not a Détente database is refused and the database left as it was.
#[tauri::command]
pub async fn restore_database(state: State<'_, AppState>, path: String) -> Res<()> {
    lock(&state).restore_from(std::path::Path::new(&path)).map_err(restore_error)
}

/// A refused file is the request's fault; anything else is the database's.
fn restore_error(e: StoreError) -> ErrorDto {
    match e {
        StoreError::Corrupt(message) => ErrorDto::bad_request(message),
        e => ErrorDto::database(e),
    }
}

/// The image formats `save_image` writes, by the extension the path must have.
const IMAGE_EXTENSIONS: [(&str, &str); 2] = [("svg", "SVG"), ("png", "PNG")];

/// Saves the timeline's picture, made by the UI: exactly one of `svg` (the
/// document's text) or `png_base64` (the PNG's bytes in base64, as JSON
/// carries no bytes) to `path`, whose extension must name that format, so
/// that a file called `.png` never holds an SVG. The file is written whole
/// or not at all.
#[tauri::command]
pub async fn save_image(path: String, svg: Option<String>, png_base64: Option<String>) -> Res<()> {
    let path = PathBuf::from(path);
    let bytes = image_bytes(&path, svg, png_base64)?;
    tauri::async_runtime::spawn_blocking(move || write_whole(&path, &bytes).map_err(|e| ErrorDto::io(&path, e)))
        .await
        .map_err(|e| ErrorDto::database(e.to_string()))?
}

/// The bytes to write for a picture saved to `path`, or why not: neither or
/// both pictures given, an extension that is not the picture's, or base64
/// that does not decode to a PNG.
fn image_bytes(path: &std::path::Path, svg: Option<String>, png_base64: Option<String>) -> Res<Vec<u8>> {
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    let want = match (&svg, &png_base64) {
        (Some(_), None) => "svg",
        (None, Some(_)) => "png",
        _ => return Err(ErrorDto::bad_request("give the picture as either SVG or PNG, not both or neither")),
    };
    if ext.as_deref() != Some(want) {
        let name = IMAGE_EXTENSIONS.iter().find(|(e, _)| *e == want).map_or(want, |(_, n)| n);
        return Err(ErrorDto::bad_request(format!(
            "{} does not end in .{want}: an {name} picture is saved to a .{want} file",
            path.display()
        )));
    }
    match (svg, png_base64) {
        (Some(svg), _) => Ok(svg.into_bytes()),
        (_, Some(b64)) => {
            use base64::Engine as _;
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(b64.trim())
                .map_err(|e| ErrorDto::bad_request(format!("the PNG data is not base64: {e}")))?;
            // The eight bytes every PNG starts with (PNG specification, 5.2).
            if !bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
                return Err(ErrorDto::bad_request("the PNG data is not a PNG picture"));
            }
            Ok(bytes)
        }
        (None, None) => unreachable!("checked above"),
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder,
/// renamed over `path` once complete and flushed: a failure midway (a full
/// disk) leaves any earlier file there as it was, never half a file.
pub fn write_whole(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => std::path::Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".detente-").suffix(".part");
    // Read and write for all, less the umask, as any new file: the temporary
    // file's default (owner only) would otherwise stay on the saved file.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut tmp = builder.tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine as _;

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

    fn b64(bytes: &[u8]) -> String {
        base64::engine::general_purpose::STANDARD.encode(bytes)
    }

    #[test]
    fn an_svg_or_a_png_is_written_whole_to_a_path_of_its_extension() {
        let dir = tempfile::tempdir().unwrap();
        let svg = dir.path().join("timeline.SVG");
        let bytes = image_bytes(&svg, Some("<svg/>".into()), None).unwrap();
        write_whole(&svg, &bytes).unwrap();
        assert_eq!(std::fs::read_to_string(&svg).unwrap(), "<svg/>");
        let png = dir.path().join("timeline.png");
        write_whole(&png, &image_bytes(&png, None, Some(b64(PNG))).unwrap()).unwrap();
        assert_eq!(std::fs::read(&png).unwrap(), PNG);
        // Saving again replaces the file; no temporary file is left beside it.
        write_whole(&svg, b"<svg></svg>").unwrap();
        assert_eq!(std::fs::read_to_string(&svg).unwrap(), "<svg></svg>");
        let mut names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        names.sort();
        assert_eq!(names, ["timeline.SVG", "timeline.png"]);
    }

    #[test]
    fn a_picture_is_refused_for_a_path_of_another_extension() {
        let err = image_bytes(std::path::Path::new("/tmp/t.png"), Some("<svg/>".into()), None).unwrap_err();
        assert_eq!(err.code, "bad_request");
        assert!(err.message.contains("does not end in .svg"), "{}", err.message);
        let err = image_bytes(std::path::Path::new("/tmp/t.svg"), None, Some(b64(PNG))).unwrap_err();
        assert!(err.message.contains("does not end in .png"), "{}", err.message);
        assert!(image_bytes(std::path::Path::new("/tmp/timeline"), Some("<svg/>".into()), None).is_err());
    }

    #[test]
    fn exactly_one_picture_of_the_right_kind_is_taken() {
        let path = std::path::Path::new("/tmp/t.png");
        assert!(image_bytes(path, None, None).unwrap_err().message.contains("either SVG or PNG"));
        assert!(image_bytes(path, Some("<svg/>".into()), Some(b64(PNG))).is_err());
        assert!(image_bytes(path, None, Some("not base64!".into())).unwrap_err().message.contains("not base64"));
        assert!(image_bytes(path, None, Some(b64(b"GIF89a"))).unwrap_err().message.contains("not a PNG"));
    }

    #[test]
    fn a_failed_write_leaves_what_was_there_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        // A folder of that name, not empty, cannot be replaced by a file.
        let path = dir.path().join("t.svg");
        std::fs::create_dir(&path).unwrap();
        std::fs::write(path.join("kept"), "old").unwrap();
        let err = image_bytes(&path, Some("<svg/>".into()), None)
            .and_then(|b| write_whole(&path, &b).map_err(|e| ErrorDto::io(&path, e)));
        assert_eq!(err.unwrap_err().code, "io");
        assert_eq!(std::fs::read_to_string(path.join("kept")).unwrap(), "old");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, ["t.svg"]);
        // Nor is a file written when its folder does not exist.
        assert!(write_whole(&dir.path().join("missing").join("t.svg"), b"new").is_err());
    }
}
