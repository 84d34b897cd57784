//! Bookmarks on paragraphs: the model, the `bookmarks.json` file, and finding a paragraph again.
//!
//! The file is versioned JSON, `{"version": 1, "bookmarks": [...]}`, written atomically
//! (temporary file in the same folder, `sync_all`, rename). Nothing the user made is ever lost:
//!
//! - A file we cannot read or parse is renamed aside to `bookmarks.json.corrupt-<unix time>`
//!   and we start empty. If even the rename fails, the file is left alone and this session
//!   never writes over it: changes stay in memory and each save says so.
//! - A file written by a newer plenary (`version` > 1) is not ours to rewrite: we leave it
//!   untouched, start empty, and refuse to save for the rest of the session (each save
//!   returns an error that says why). It is not renamed, since a newer plenary still reads it.
//! - An empty file (zero bytes or only whitespace) holds nothing to keep and counts as empty.
//! - Two plenary sessions may share the file. A session records its changes as operations
//!   (add, remove, note, keyed by document and paragraph). Each save takes the file's lock
//!   (`bookmarks.json.lock`), reads the file as it is, replays the operations over it and
//!   writes the result before letting go, so both sessions' additions survive and this
//!   session's removals and note edits win for the bookmarks they touched. A note edited here
//!   on a bookmark the other session removed brings the bookmark back: losing text the user
//!   typed is worse than a bookmark reappearing.
//! - When saving fails (read-only folder, full disk) the change is kept in memory, the error
//!   comes back as one line naming the file, and the next change tries again.
//! - Text read from the file or typed in a note is sanitised: saved text never drives the
//!   terminal.
//! - The reader saves off its input thread ([`BookmarkWriter`]); the command line saves at once.

mod file;
mod locate;
mod writer;

use std::collections::{HashMap, HashSet};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

pub use file::{NotPersisted, Persisted};
pub use locate::{fingerprint, format_date, relocate};
pub use writer::{BookmarkWriter, SaveJob, SaveOutcome};

/// The file format version this build reads and writes.
pub const FORMAT_VERSION: u64 = 1;

/// Name of the bookmarks file inside the config folder.
pub const FILE_NAME: &str = "bookmarks.json";

/// One bookmarked paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bookmark {
    /// Id of the document (`Document::id`).
    pub document: String,
    /// Document symbol for display, e.g. `A/RES/77/1`.
    #[serde(default)]
    pub symbol: Option<String>,
    /// Where the document came from (`Document::path`).
    #[serde(default)]
    pub path: String,
    /// Paragraph id as cited: PP3, OP2, P17.
    pub paragraph: String,
    /// First folded words of the paragraph text (see [`fingerprint`]); finds it again after edits.
    #[serde(default)]
    pub fingerprint: String,
    /// Start of the paragraph text, for display.
    #[serde(default)]
    pub excerpt: String,
    #[serde(default)]
    pub note: String,
    /// When it was added, in Unix seconds.
    #[serde(default)]
    pub added: u64,
}

impl Bookmark {
    /// A bookmark on paragraph `paragraph` whose text is `text`, added now, with no note.
    pub fn new(
        document: &str,
        symbol: Option<&str>,
        path: &str,
        paragraph: &str,
        text: &str,
    ) -> Bookmark {
        Bookmark {
            document: document.to_string(),
            symbol: symbol.map(str::to_string),
            path: path.to_string(),
            paragraph: paragraph.to_string(),
            fingerprint: fingerprint(text),
            excerpt: locate::excerpt(text),
            note: String::new(),
            added: now(),
        }
        .sanitised()
    }

    /// The same bookmark with every text made safe for a terminal and a file: one line each,
    /// the note keeping its line breaks.
    pub fn sanitised(self) -> Bookmark {
        let line = |s: String| match crate::text::sanitize(&s) {
            std::borrow::Cow::Borrowed(t) if !t.contains(['\n', '\x0c']) => s,
            _ => crate::text::clean_line(&s),
        };
        Bookmark {
            document: line(self.document),
            symbol: self.symbol.map(line),
            path: line(self.path),
            paragraph: line(self.paragraph),
            fingerprint: line(self.fingerprint),
            excerpt: line(self.excerpt),
            note: crate::text::clean_lines(&self.note),
            added: self.added,
        }
    }

    fn key(&self) -> (String, String) {
        (self.document.clone(), self.paragraph.clone())
    }

    fn is(&self, document: &str, paragraph: &str) -> bool {
        self.document == document && self.paragraph == paragraph
    }
}

/// What went wrong with the bookmarks file; each displays as one line naming the file.
#[derive(Debug, thiserror::Error)]
pub enum BookmarkError {
    #[error("could not save bookmarks to {} ({step}): {source}", .path.display())]
    Save {
        path: PathBuf,
        step: &'static str,
        #[source]
        source: io::Error,
    },
    /// This session will not write the file; `reason` says why (newer format, unreadable file
    /// that could not be moved aside).
    #[error("bookmarks kept in memory only, {} left untouched: {reason}", .path.display())]
    Blocked { path: PathBuf, reason: String },
    #[error("no bookmark number {index} ({len} bookmarks in {file})")]
    NoSuchBookmark {
        index: usize,
        len: usize,
        file: String,
    },
}

impl BookmarkError {
    /// The reason in a few words, for a status line ("disk full"); the full text goes to the
    /// problems pop-up.
    pub fn short(&self) -> String {
        match self {
            BookmarkError::Save { source, .. } => match source.kind() {
                io::ErrorKind::StorageFull => "disk full".to_string(),
                io::ErrorKind::ReadOnlyFilesystem => "read-only file system".to_string(),
                io::ErrorKind::PermissionDenied => "permission denied".to_string(),
                io::ErrorKind::QuotaExceeded => "quota exceeded".to_string(),
                io::ErrorKind::NotADirectory => "a file stands where its folder should".to_string(),
                _ => crate::text::clean_line(&source.to_string())
                    .chars()
                    .take(40)
                    .collect(),
            },
            BookmarkError::Blocked { .. } => "the file is left untouched".to_string(),
            BookmarkError::NoSuchBookmark { .. } => "no such bookmark".to_string(),
        }
    }
}

/// One change made in this session, replayed over the file as it is on disk at each save.
#[derive(Debug, Clone)]
pub enum Change {
    Added(Bookmark),
    Removed {
        document: String,
        paragraph: String,
    },
    /// The whole bookmark, so that a note on a bookmark removed elsewhere can bring it back.
    Noted(Bookmark),
}

/// The user's bookmarks and the file they live in.
#[derive(Debug)]
pub struct BookmarkStore {
    /// `None` for a store that is never saved.
    path: Option<PathBuf>,
    /// Shared with a save in progress, which needs them if the file is missing.
    bookmarks: Arc<Vec<Bookmark>>,
    /// The (document, paragraph) of every bookmark, for `contains` at each drawn paragraph.
    keys: HashMap<String, HashSet<String>>,
    /// Changes not yet handed to a save; replayed over the file, cleared once saved.
    journal: Vec<Change>,
    /// Changes handed to a save that has not reported yet.
    in_flight: Option<Vec<Change>>,
    /// Saves are handed out by `take_save_job` instead of made at each change.
    deferred: bool,
    /// Set when this session must not write the file; the reason.
    blocked: Option<String>,
    /// Why the last save failed, while changes wait for the next one.
    failed: Option<String>,
    /// After a failed deferred save, the next is tried at the next change, not at once.
    retry_at_change: bool,
    /// Warnings found while saving (e.g. a file corrupted since it was opened), for the UI.
    warnings: Vec<String>,
}

impl BookmarkStore {
    fn with_path(path: Option<PathBuf>) -> BookmarkStore {
        BookmarkStore {
            path,
            bookmarks: Arc::new(Vec::new()),
            keys: HashMap::new(),
            journal: Vec::new(),
            in_flight: None,
            deferred: false,
            blocked: None,
            failed: None,
            retry_at_change: false,
            warnings: Vec::new(),
        }
    }

    /// Opens the bookmarks file at `path`. Never fails: problems come back as warnings, one
    /// line each, and the store starts empty (see the module notes for what happens to the file).
    pub fn open(path: PathBuf) -> (BookmarkStore, Vec<String>) {
        Self::open_in(path, false)
    }

    /// `open`, where `own_folder` says the folder is plenary's own config folder, so that the
    /// temporary files older versions named `.tmpXXXXXX` are ours to clean up too.
    fn open_in(path: PathBuf, own_folder: bool) -> (BookmarkStore, Vec<String>) {
        let mut store = BookmarkStore::with_path(Some(path.clone()));
        let mut warnings = Vec::new();
        file::remove_stale_temporaries(&path, own_folder);
        match file::load(&path) {
            file::Loaded::Missing => {}
            file::Loaded::Bookmarks(bookmarks) => store.replace(bookmarks),
            file::Loaded::Newer(version) => {
                let reason = file::newer_reason(version);
                warnings.push(format!(
                    "{} was written by a newer plenary (format {version}); it is left untouched and bookmarks made now are kept in memory only",
                    path.display()
                ));
                store.blocked = Some(reason);
            }
            file::Loaded::Bad(reason) => match file::set_aside(&path) {
                Ok(aside) => warnings.push(format!(
                    "{} {reason}; it was kept as {} and bookmarks start empty",
                    path.display(),
                    aside.display()
                )),
                Err(err) => {
                    warnings.push(format!(
                        "{} {reason} and could not be moved aside ({err}); it is left untouched and bookmarks are kept in memory only",
                        path.display()
                    ));
                    store.blocked = Some(format!("{reason} and could not be moved aside"));
                }
            },
        }
        (store, warnings)
    }

    /// Opens `bookmarks.json` in [`crate::store::config::config_dir`]; in memory only if there is none.
    pub fn open_default() -> (BookmarkStore, Vec<String>) {
        match crate::store::config::config_dir() {
            Some(dir) => BookmarkStore::open_in(dir.join(FILE_NAME), true),
            None => (
                BookmarkStore::in_memory(),
                vec![format!(
                    "no config folder found (set {}); bookmarks are kept in memory only",
                    crate::store::config::CONFIG_DIR_VAR
                )],
            ),
        }
    }

    /// A store that is never written to disk.
    pub fn in_memory() -> BookmarkStore {
        BookmarkStore::with_path(None)
    }

    /// A store never written to disk, holding what [`open`](Self::open) reads from a bookmarks
    /// file of these bytes; or why `open` would not use the file. `open` without the disk, for
    /// the fuzz targets (`fuzz/`).
    #[doc(hidden)]
    pub fn from_file_bytes(bytes: &[u8]) -> Result<BookmarkStore, String> {
        match file::parse(bytes) {
            file::Loaded::Missing => Ok(BookmarkStore::in_memory()),
            file::Loaded::Bookmarks(bookmarks) => {
                let mut store = BookmarkStore::in_memory();
                store.replace(bookmarks);
                Ok(store)
            }
            file::Loaded::Newer(version) => Err(file::newer_reason(version)),
            file::Loaded::Bad(reason) => Err(reason),
        }
    }

    /// From now on a change does not save: [`take_save_job`](Self::take_save_job) hands the
    /// save to a writer thread, and [`finish_save`](Self::finish_save) takes its outcome.
    pub fn defer_saves(&mut self) {
        self.deferred = true;
    }

    /// The file this store saves to, if any.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// All bookmarks, oldest first. Indexes change after each call that saves, because
    /// saving merges in what other sessions wrote: look them up again after a change.
    pub fn bookmarks(&self) -> &[Bookmark] {
        &self.bookmarks
    }

    pub fn contains(&self, document: &str, paragraph: &str) -> bool {
        // Looked up by borrowed parts: no allocation at each drawn paragraph.
        self.keys
            .get(document)
            .is_some_and(|paragraphs| paragraphs.contains(paragraph))
    }

    /// Whether changes made here are not in the file yet.
    pub fn has_unsaved(&self) -> bool {
        self.path.is_some() && (!self.journal.is_empty() || self.in_flight.is_some())
    }

    /// Why the last save failed, while its changes wait for the next one.
    pub fn failure(&self) -> Option<&str> {
        self.failed.as_deref()
    }

    /// Whether a save handed out has not reported yet.
    pub fn saving(&self) -> bool {
        self.in_flight.is_some()
    }

    /// Adds `b`, or removes the bookmark on the same (document, paragraph) if there is one.
    /// `Ok(true)` when the paragraph is now bookmarked. On `Err` the change is still made in
    /// memory (ask [`contains`](Self::contains)) and the next change retries the save. With
    /// saves deferred, `Ok` means the change is made and waits for its save.
    pub fn toggle(&mut self, b: Bookmark) -> Result<bool, BookmarkError> {
        let b = b.sanitised();
        let now_bookmarked = if self.contains(&b.document, &b.paragraph) {
            Arc::make_mut(&mut self.bookmarks).retain(|x| !x.is(&b.document, &b.paragraph));
            self.unkey(&b);
            self.journal.push(Change::Removed {
                document: b.document,
                paragraph: b.paragraph,
            });
            false
        } else {
            self.keys
                .entry(b.document.clone())
                .or_default()
                .insert(b.paragraph.clone());
            Arc::make_mut(&mut self.bookmarks).push(b.clone());
            self.journal.push(Change::Added(b));
            true
        };
        self.changed()?;
        Ok(now_bookmarked)
    }

    /// Removes the bookmark at `index` in [`bookmarks`](Self::bookmarks).
    pub fn remove(&mut self, index: usize) -> Result<(), BookmarkError> {
        self.check_index(index)?;
        let b = Arc::make_mut(&mut self.bookmarks).remove(index);
        self.unkey(&b);
        self.journal.push(Change::Removed {
            document: b.document,
            paragraph: b.paragraph,
        });
        self.changed()
    }

    /// Replaces the note of the bookmark at `index`. Control characters in it are dropped.
    pub fn set_note(&mut self, index: usize, note: &str) -> Result<(), BookmarkError> {
        self.check_index(index)?;
        let b = &mut Arc::make_mut(&mut self.bookmarks)[index];
        b.note = crate::text::clean_lines(note);
        self.journal.push(Change::Noted(b.clone()));
        self.changed()
    }

    /// Warnings that came up while saving since the last call (e.g. the file was found
    /// corrupt and kept aside), one line each.
    pub fn take_warnings(&mut self) -> Vec<String> {
        std::mem::take(&mut self.warnings)
    }

    /// With saves deferred: the save of every change not yet handed out, unless one is still
    /// in progress, there is nothing to save, or this session may not write the file.
    pub fn take_save_job(&mut self) -> Option<SaveJob> {
        let path = self.path.clone()?;
        if !self.deferred
            || self.in_flight.is_some()
            || self.journal.is_empty()
            || self.blocked.is_some()
            || self.retry_at_change
        {
            return None;
        }
        let changes = std::mem::take(&mut self.journal);
        self.in_flight = Some(changes.clone());
        Some(SaveJob {
            path,
            changes,
            ours: Arc::clone(&self.bookmarks),
        })
    }

    /// Takes the outcome of the save [`take_save_job`](Self::take_save_job) handed out: the
    /// file's bookmarks, with the changes made since replayed over them; or, on failure, its
    /// changes back in the journal for the next save. Returns the error, if any.
    pub fn finish_save(&mut self, outcome: SaveOutcome) -> Option<BookmarkError> {
        let sent = self.in_flight.take().unwrap_or_default();
        match outcome {
            Ok(saved) => {
                self.warnings.extend(saved.warnings);
                self.replace(file::replay(saved.merged, &self.journal));
                self.failed = None;
                None
            }
            Err(not) => {
                // The changes sent go before the ones made since, in the order they were made.
                let mut journal = sent;
                journal.append(&mut self.journal);
                self.journal = journal;
                if not.blocks
                    && let BookmarkError::Blocked { reason, .. } = &not.error
                {
                    self.blocked = Some(reason.clone());
                }
                self.failed = Some(not.error.short());
                self.retry_at_change = true;
                Some(not.error)
            }
        }
    }

    /// Saves every change not yet in the file, now, on this thread (at quit, once the writer
    /// has stopped). Also with saves deferred.
    pub fn flush(&mut self) -> Result<(), BookmarkError> {
        if let Some(mut sent) = self.in_flight.take() {
            sent.append(&mut self.journal);
            self.journal = sent;
        }
        self.save()
    }

    /// Writes this session's bookmarks, as it sees them, to `path` (a place to keep them when
    /// the bookmarks file cannot be written).
    pub fn write_copy(&self, path: &Path) -> Result<(), BookmarkError> {
        file::write_atomically(path, &file::render(&self.bookmarks))
    }

    /// The bookmarks as a Markdown list grouped by document, for export.
    pub fn to_markdown(&self) -> String {
        let mut out = String::from("# Bookmarks\n");
        if self.bookmarks.is_empty() {
            out.push_str("\nNo bookmarks yet.\n");
            return out;
        }
        // Documents in order of their first bookmark; each document's bookmarks in order.
        let mut documents: Vec<&str> = Vec::new();
        let mut by_document: std::collections::HashMap<&str, Vec<&Bookmark>> =
            std::collections::HashMap::new();
        for b in self.bookmarks.iter() {
            let list = by_document.entry(&b.document).or_default();
            if list.is_empty() {
                documents.push(&b.document);
            }
            list.push(b);
        }
        for document in documents {
            let in_doc = &by_document[document];
            let first = in_doc[0];
            out.push('\n');
            match &first.symbol {
                Some(symbol) if symbol != document => {
                    out.push_str(&format!("## {symbol} ({document})\n\n"))
                }
                _ => out.push_str(&format!("## {document}\n\n")),
            }
            for b in in_doc {
                out.push_str(&format!(
                    "- **{}** “{}” (added {})\n",
                    b.paragraph,
                    b.excerpt,
                    format_date(b.added)
                ));
                for line in b.note.lines() {
                    out.push_str(&format!("  > {line}\n"));
                }
            }
        }
        out
    }

    /// The bookmarks in the file format, for export.
    pub fn to_json(&self) -> String {
        file::render(&self.bookmarks)
    }

    fn replace(&mut self, bookmarks: Vec<Bookmark>) {
        self.keys.clear();
        for b in &bookmarks {
            self.keys
                .entry(b.document.clone())
                .or_default()
                .insert(b.paragraph.clone());
        }
        self.bookmarks = Arc::new(bookmarks);
    }

    fn unkey(&mut self, b: &Bookmark) {
        if let Some(paragraphs) = self.keys.get_mut(&b.document) {
            paragraphs.remove(&b.paragraph);
        }
    }

    fn check_index(&self, index: usize) -> Result<(), BookmarkError> {
        if index < self.bookmarks.len() {
            return Ok(());
        }
        Err(BookmarkError::NoSuchBookmark {
            index,
            len: self.bookmarks.len(),
            file: match &self.path {
                Some(path) => path.display().to_string(),
                None => "memory".to_string(),
            },
        })
    }

    /// After a change: saved now, or left for the writer when saves are deferred.
    fn changed(&mut self) -> Result<(), BookmarkError> {
        self.retry_at_change = false;
        if self.deferred && self.path.is_some() {
            return match &self.blocked {
                Some(reason) => Err(BookmarkError::Blocked {
                    path: self.path.clone().unwrap_or_default(),
                    reason: reason.clone(),
                }),
                None => Ok(()),
            };
        }
        self.save()
    }

    /// Merges this session's journal into the file as it is now, and writes it atomically.
    fn save(&mut self) -> Result<(), BookmarkError> {
        let Some(path) = self.path.clone() else {
            self.journal.clear();
            return Ok(());
        };
        if let Some(reason) = &self.blocked {
            return Err(BookmarkError::Blocked {
                path,
                reason: reason.clone(),
            });
        }
        let journal = std::mem::take(&mut self.journal);
        let outcome = file::persist(&path, &journal, &self.bookmarks);
        self.in_flight = Some(journal);
        match self.finish_save(outcome) {
            None => Ok(()),
            Some(error) => {
                // Keep the merged view of what we hold: it has every change of ours.
                Err(error)
            }
        }
    }
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests;
