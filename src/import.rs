//! Importing files and folders: read, extract, store, one article at a time.
//! A file that cannot be read fails alone, with a reason; the rest go on.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::extract::{self, Extraction, Options};
use crate::store::{Added, Store, StoreError};
use crate::{html, text};

/// File name extensions read as plain-text articles.
pub const TEXT_EXTENSIONS: &[&str] = &["txt", "text"];
/// File name extensions read as saved web pages.
pub const HTML_EXTENSIONS: &[&str] = &["html", "htm", "xhtml"];

/// What an import did, file by file.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Files stored as new articles, with their number of events.
    pub imported: Vec<(PathBuf, usize)>,
    /// Files whose text was already in the database.
    pub already_present: Vec<PathBuf>,
    /// Files that could not be imported, with the reason.
    pub failed: Vec<(PathBuf, String)>,
}

impl Summary {
    /// `imported 2, already present 0, failed 1`
    pub fn line(&self) -> String {
        format!(
            "imported {}, already present {}, failed {}",
            self.imported.len(),
            self.already_present.len(),
            self.failed.len()
        )
    }
}

/// The files an import of `paths` covers: files as given, folders walked
/// recursively (hidden entries skipped, symbolic links not followed).
pub fn expand(paths: &[PathBuf], failed: &mut Vec<(PathBuf, String)>) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            let walk = WalkDir::new(path)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
            for entry in walk {
                match entry {
                    Ok(e) if e.file_type().is_file() => out.push(e.into_path()),
                    Ok(_) => {}
                    Err(e) => failed.push((e.path().map_or_else(|| path.clone(), Path::to_path_buf), e.to_string())),
                }
            }
        } else {
            out.push(path.clone());
        }
    }
    out
}

/// What became of one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Stored as a new article with this many events.
    Imported(usize),
    /// Its text was imported before.
    AlreadyPresent,
    /// Not imported, for this reason.
    Failed(String),
}

impl Summary {
    /// Records one file's outcome.
    pub fn add(&mut self, file: PathBuf, outcome: Outcome) {
        match outcome {
            Outcome::Imported(n) => self.imported.push((file, n)),
            Outcome::AlreadyPresent => self.already_present.push(file),
            Outcome::Failed(reason) => self.failed.push((file, reason)),
        }
    }
}

/// A file read as an article, not yet extracted or stored.
#[derive(Debug, Clone)]
pub struct Article {
    /// The absolute path it was read from, as the store records it.
    pub file: String,
    pub text: String,
    pub options: Options,
}

impl Article {
    /// Reads one file; the error is the reason it cannot be imported.
    pub fn read(file: &Path) -> Result<Article, String> {
        let extension = file.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).unwrap_or_default();
        let is_html = HTML_EXTENSIONS.contains(&extension.as_str());
        if !is_html && !TEXT_EXTENSIONS.contains(&extension.as_str()) {
            let what = file.extension().map_or("no extension".to_string(), |e| format!(".{}", e.to_string_lossy()));
            return Err(format!("unsupported file type ({what}); .txt articles and saved .html pages are read"));
        }
        let mut text = text::read_file(file).map_err(|e| e.to_string())?;
        let mut options = Options {
            file_name: file.file_name().map(|n| n.to_string_lossy().into_owned()),
            file_date: text::modified_day(file),
            ..Options::default()
        };
        if is_html {
            let page = html::read(&text).ok_or("the page holds no text")?;
            if let Some((date, source)) = page.published {
                options.published = Some(date);
                options.published_source = Some(source.to_string());
            }
            text = html::article_text(&page);
        }
        let shown = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
        Ok(Article { file: shown.display().to_string(), text, options })
    }

    /// Its events: the slow part, which needs no database. A bug the
    /// engine hits on this text fails this file alone.
    pub fn extract(&self) -> Result<Extraction, String> {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extract::extract(&self.text, &self.options)))
            .map_err(|_| "the engine failed on this file (a bug: please report it with the file)".to_string())
    }
}

/// Imports one file. Only a database failure is an error; a file that
/// cannot be read is an outcome.
pub fn import_file(store: &mut Store, file: &Path) -> Result<Outcome, StoreError> {
    let article = match Article::read(file) {
        Ok(a) => a,
        Err(reason) => return Ok(Outcome::Failed(reason)),
    };
    if store.find_article(&article.text)?.is_some() {
        return Ok(Outcome::AlreadyPresent);
    }
    let extraction = match article.extract() {
        Ok(x) => x,
        Err(reason) => return Ok(Outcome::Failed(reason)),
    };
    Ok(match store.add_article(&article.file, &article.text, &extraction)? {
        Added::New { events, .. } => Outcome::Imported(events),
        Added::AlreadyPresent { .. } => Outcome::AlreadyPresent,
    })
}

/// Imports files and folders into the store. `progress` is told of each
/// file before it is read (index, total, path).
pub fn import_paths(
    store: &mut Store,
    paths: &[PathBuf],
    mut progress: impl FnMut(usize, usize, &Path),
) -> Result<Summary, StoreError> {
    let mut summary = Summary::default();
    let files = expand(paths, &mut summary.failed);
    for (i, file) in files.iter().enumerate() {
        progress(i, files.len(), file);
        let outcome = import_file(store, file)?;
        summary.add(file.clone(), outcome);
    }
    Ok(summary)
}

/// Sets a stored article's publication date and reads its events again
/// against it. Returns the number of events, or `None` for no such article.
pub fn set_published(store: &mut Store, article_id: i64, date: chrono::NaiveDate) -> Result<Option<usize>, StoreError> {
    let Some(article) = store.article(article_id)? else { return Ok(None) };
    let mut x = extract::extract(&article.text, &Options { published: Some(date), ..Options::default() });
    if let Some(p) = x.published.as_mut() {
        p.source = "set by the analyst".into();
    }
    store.replace_extraction(article_id, &x).map(Some)
}

/// Extracts and stores one article's text (unless the same text is stored already).
pub fn add_text(store: &mut Store, file: &str, text: &str, options: &Options) -> Result<Added, StoreError> {
    if let Some(article_id) = store.find_article(text)? {
        return Ok(Added::AlreadyPresent { article_id });
    }
    let extraction = extract::extract(text, options);
    store.add_article(file, text, &extraction)
}
