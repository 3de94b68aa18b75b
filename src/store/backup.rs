//! Backup and restore of the whole database, with SQLite's online backup
//! API: a copy page by page that stays consistent while the app (or the
//! CLI beside it) keeps writing, which copying the file would not be in WAL
//! mode.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::{Result, Store, StoreError, migrations, sync_actors};

/// What every SQLite 3 database file begins with.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

impl Store {
    /// Copies the whole database to `path`, through a temporary file in the
    /// same folder renamed when complete (a failure leaves no partial
    /// backup). The live database file itself is refused.
    pub fn backup_to(&self, path: &Path) -> Result<()> {
        if let (Some(live), Ok(target)) = (&self.path, path.canonicalize())
            && live.canonicalize().is_ok_and(|live| live == target)
        {
            return Err(StoreError::Corrupt(format!(
                "{} is the open database itself; choose another file for the backup",
                path.display()
            )));
        }
        let folder = |source| StoreError::Folder { path: path.display().to_string(), source };
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let tmp = tempfile::NamedTempFile::new_in(dir).map_err(folder)?;
        self.conn.backup(rusqlite::MAIN_DB, tmp.path(), None)?;
        tmp.persist(path).map_err(|e| folder(e.error))?;
        Ok(())
    }

    /// Replaces the whole database with the backup at `path`. The file is
    /// checked first (a SQLite database, a Détente one, of a schema this
    /// version knows); anything else is refused with the reason and the
    /// database is left as it was. An older backup is brought up to date,
    /// and its actors to the shipped people table.
    pub fn restore_from(&mut self, path: &Path) -> Result<()> {
        check_backup(path)?;
        self.conn.restore(rusqlite::MAIN_DB, path, None::<fn(rusqlite::backup::Progress)>)?;
        migrations().to_latest(&mut self.conn)?;
        sync_actors(&mut self.conn)?;
        // The timeline index may still match the stamp (the backup API
        // writes pages, which SQLite's change counters do not see), and a
        // load begun before the restore would put the old events back in
        // the slot: a new slot leaves both behind.
        let keep_warm = self.index.lock().is_ok_and(|s| s.keep_warm);
        self.index = Default::default();
        if keep_warm {
            self.keep_index_warm()?;
        }
        Ok(())
    }
}

/// Why a file cannot be restored, if it cannot.
fn check_backup(path: &Path) -> Result<()> {
    let refuse = |why: &str| StoreError::Corrupt(format!("{} cannot be restored: {why}", path.display()));
    let mut header = [0u8; 16];
    let read = std::fs::File::open(path).and_then(|mut f| std::io::Read::read_exact(&mut f, &mut header));
    match read {
        Ok(()) if &header == SQLITE_HEADER => {}
        Ok(()) => return Err(refuse("it is not a SQLite database")),
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => return Err(refuse("it is not a SQLite database")),
        Err(e) => return Err(refuse(&e.to_string())),
    }
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    let has = |table: &str| -> Result<bool> {
        Ok(conn.query_row("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1", [table], |r| {
            r.get::<_, i64>(0)
        })? == 1)
    };
    if !has("article")? || !has("event")? {
        return Err(refuse("it is not a Détente database (no article and event tables)"));
    }
    match migrations().current_version(&conn)? {
        rusqlite_migration::SchemaVersion::Inside(_) => Ok(()),
        rusqlite_migration::SchemaVersion::Outside(_) => {
            Err(refuse("it was made by a newer version of Détente; update the app to restore it"))
        }
        rusqlite_migration::SchemaVersion::NoneSet => Err(refuse("it is not a Détente database (no schema version)")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Options, extract};

    fn add(store: &mut Store, name: &str) {
        let text = crate::samples::ARTICLES.iter().find(|a| a.0 == name).expect("a sample article").1;
        store.add_article(name, text, &extract(text, &Options::default())).unwrap();
    }

    fn files(store: &Store) -> Vec<String> {
        let mut stmt = store.conn.prepare("SELECT path FROM article ORDER BY path").unwrap();
        stmt.query_map([], |r| r.get(0)).unwrap().collect::<rusqlite::Result<_>>().unwrap()
    }

    #[test]
    fn a_restored_backup_gives_back_what_was_backed_up_and_nothing_added_since() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("live.db")).unwrap();
        add(&mut store, "seed_li_shoigu_moscow.txt");
        let before = store.events(&Default::default()).unwrap();
        store.load_index().unwrap();
        let backup = dir.path().join("backup.db");
        store.backup_to(&backup).unwrap();

        add(&mut store, "havana_naval_port_calls.txt");
        assert_eq!(files(&store).len(), 2);
        store.load_index().unwrap();
        assert!(store.index_ready());

        store.restore_from(&backup).unwrap();
        assert_eq!(files(&store), ["seed_li_shoigu_moscow.txt"]);
        assert_eq!(store.events(&Default::default()).unwrap(), before);
        assert!(!store.index_ready(), "the index of the replaced database is no longer used");
        let span = store.span(&Default::default()).unwrap();
        assert_eq!(span.map(|s| s.0), before.iter().map(|e| e.event.date.start()).min());
    }

    #[test]
    fn a_file_that_is_not_a_detente_database_is_refused_and_nothing_changes() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("live.db")).unwrap();
        add(&mut store, "seed_li_shoigu_moscow.txt");
        let before = store.events(&Default::default()).unwrap();

        let text = dir.path().join("notes.txt");
        std::fs::write(&text, "SQLite format 3? no, just notes about the timeline.\n").unwrap();
        let empty = dir.path().join("empty.db");
        std::fs::write(&empty, "").unwrap();
        let other = dir.path().join("other.db");
        Connection::open(&other).unwrap().execute_batch("CREATE TABLE t (x)").unwrap();
        let newer = dir.path().join("newer.db");
        Store::open(&newer).unwrap().conn.pragma_update(None, "user_version", 999).unwrap();

        for (file, why) in [
            (&text, "not a SQLite database"),
            (&empty, "not a SQLite database"),
            (&other, "not a Détente database"),
            (&newer, "newer version of Détente"),
            (&dir.path().join("missing.db"), "No such file"),
        ] {
            let err = store.restore_from(file).unwrap_err().to_string();
            assert!(err.contains(why), "{}: {err}", file.display());
            assert_eq!(store.events(&Default::default()).unwrap(), before);
        }
    }

    #[test]
    fn the_open_database_cannot_be_its_own_backup() {
        let dir = tempfile::tempdir().unwrap();
        let live = dir.path().join("live.db");
        let mut store = Store::open(&live).unwrap();
        add(&mut store, "seed_li_shoigu_moscow.txt");
        let err = store.backup_to(&dir.path().join(".").join("live.db")).unwrap_err().to_string();
        assert!(err.contains("the open database itself"), "{err}");
        assert_eq!(store.counts().unwrap().0, 1);
    }
}
