//! Détente's desktop shell: thin Tauri commands over the engine.
//!
//! The shell owns the wire types (camelCase DTOs, see `dto.rs`) and turns
//! engine values into them by hand; the engine never sees Tauri.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod dto;

use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};
use std::time::Instant;

use detente::store::Store;
use tauri::{Emitter, Manager};

/// What the app was started with.
#[derive(Debug, Default)]
struct Args {
    db: Option<PathBuf>,
    import: Vec<PathBuf>,
}

/// `--db PATH` (or `DETENTE_DB`) chooses the database; `--import FILE...`
/// imports files at start-up through the same code as the Import button.
fn parse_args(args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut out = Args { db: std::env::var_os("DETENTE_DB").map(PathBuf::from), import: Vec::new() };
    let mut args = args.skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--db" => out.db = Some(args.next().ok_or("--db needs a path")?.into()),
            "--import" => {
                for f in args.by_ref() {
                    out.import.push(f.into());
                }
            }
            other if other.starts_with("--db=") => out.db = Some(other["--db=".len()..].into()),
            // tauri-driver and desktop launchers may add their own flags.
            _ => {}
        }
    }
    Ok(out)
}

/// When the process started, for `first_draw`'s measurement.
pub static LAUNCHED: OnceLock<Instant> = OnceLock::new();

pub struct AppState {
    pub store: Mutex<Store>,
    pub db_path: PathBuf,
    /// The summary of the `--import` done at start-up, once it is done.
    pub startup_import: Mutex<Option<dto::ImportSummaryDto>>,
    /// Set to stop the import under way.
    pub cancel_import: std::sync::atomic::AtomicBool,
}

fn main() {
    LAUNCHED.get_or_init(Instant::now);
    let args = match parse_args(std::env::args()) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("detente-app: {e}");
            std::process::exit(2);
        }
    };
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .setup(move |app| {
            let db_path = match args.db.clone() {
                Some(p) => p,
                None => app.path().app_data_dir()?.join("detente.db"),
            };
            let store =
                Store::open(&db_path).map_err(|e| format!("cannot open the database {}: {e}", db_path.display()))?;
            app.manage(AppState {
                store: Mutex::new(store),
                db_path,
                startup_import: Mutex::new(None),
                cancel_import: Default::default(),
            });
            if !args.import.is_empty() {
                let handle = app.handle().clone();
                let files = args.import.clone();
                std::thread::spawn(move || {
                    let state = handle.state::<AppState>();
                    let summary = commands::import_with(&handle, &state, &files, Default::default());
                    *state.startup_import.lock().unwrap_or_else(|p| p.into_inner()) = Some(summary.clone());
                    let _ = handle.emit("data-changed", summary);
                });
            }
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::query,
            commands::window,
            commands::span,
            commands::bins,
            commands::event_detail,
            commands::actor_detail,
            commands::search_actors,
            commands::import_files,
            commands::cancel_import,
            commands::corpus_columns,
            commands::load_samples,
            commands::first_draw,
            commands::undated_articles,
            commands::set_published,
            commands::rows,
            commands::list_views,
            commands::save_view,
            commands::delete_view,
            commands::edit_event,
            commands::delete_event,
            commands::verify_event,
            commands::tag_event,
            commands::merge_events,
            commands::split_source,
            commands::add_event,
            commands::review_queue,
            commands::deleted_events,
            commands::reextract,
            commands::save_person,
            commands::export_events,
            commands::backup_database,
            commands::restore_database,
            commands::save_image,
        ])
        .run(tauri::generate_context!())
        .expect("error while running Détente");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Args {
        parse_args(a.iter().map(|s| s.to_string())).unwrap()
    }

    #[test]
    fn db_and_import_arguments_are_read_and_unknown_flags_ignored() {
        let a = args(&["app", "--some-driver-flag", "--db", "/tmp/x.db", "--import", "a.txt", "b.txt"]);
        assert_eq!(a.db, Some(PathBuf::from("/tmp/x.db")));
        assert_eq!(a.import, [PathBuf::from("a.txt"), PathBuf::from("b.txt")]);
    }
}
