// Generates `allow-<command>` permissions for the app's own commands, so the
// window's capability lists exactly the commands it may call.
fn main() {
    let commands = &[
        "app_info",
        "query",
        "window",
        "span",
        "bins",
        "event_detail",
        "actor_detail",
        "search_actors",
        "import_files",
        "cancel_import",
        "corpus_columns",
        "load_samples",
        "first_draw",
        "undated_articles",
        "set_published",
        "rows",
        "list_views",
        "save_view",
        "delete_view",
        "edit_event",
        "delete_event",
        "verify_event",
        "tag_event",
        "merge_events",
        "split_source",
        "add_event",
        "review_queue",
        "deleted_events",
        "reextract",
        "save_person",
        "export_events",
        "backup_database",
        "restore_database",
        "save_image",
    ];
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(commands)),
    )
    .expect("tauri build configuration is valid");
}
