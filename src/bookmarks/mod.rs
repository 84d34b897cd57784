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
//! - Two plenary sessions may share the file. Before each write the file is read again and
//!   this session's journal of changes is replayed over it, so that both sessions' additions
//!   survive and this session's removals and note edits win for the bookmarks they touched.
//!   A note edited here on a bookmark the other session removed brings the bookmark back:
//!   losing text the user typed is worse than a bookmark reappearing.
//!   (There is no lock: two saves in the same few microseconds could still race.)
//! - When saving fails (read-only folder, full disk) the change is kept in memory, the error
//!   comes back as one line naming the file, and the next change tries again.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The file format version this build reads and writes.
pub const FORMAT_VERSION: u64 = 1;

/// Name of the bookmarks file inside the config folder.
pub const FILE_NAME: &str = "bookmarks.json";

/// How many folded words a fingerprint keeps.
const FINGERPRINT_WORDS: usize = 12;

/// How many characters an excerpt keeps, at most, before "…".
const EXCERPT_CHARS: usize = 80;

/// Similarity (0.0–1.0) above which a paragraph elsewhere is taken to be the bookmarked one.
const RELOCATE_THRESHOLD: f64 = 0.6;

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
            excerpt: excerpt(text),
            note: String::new(),
            added: now(),
        }
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

/// One change made in this session, replayed over the file as it is on disk at each save.
#[derive(Debug, Clone)]
enum Change {
    Added(Bookmark),
    Removed {
        document: String,
        paragraph: String,
    },
    /// The whole bookmark, so that a note on a bookmark removed elsewhere can bring it back.
    Noted(Bookmark),
}

/// What reading the file gave.
enum Loaded {
    Missing,
    Bookmarks(Vec<Bookmark>),
    /// Written by a newer plenary; the version found.
    Newer(u64),
    /// Unreadable or not our format; the reason, for the warning.
    Bad(String),
}

#[derive(Serialize)]
struct FileOut<'a> {
    version: u64,
    bookmarks: &'a [Bookmark],
}

#[derive(Deserialize)]
struct FileIn {
    bookmarks: Vec<Bookmark>,
}

/// The user's bookmarks and the file they live in.
#[derive(Debug)]
pub struct BookmarkStore {
    /// `None` for a store that is never saved.
    path: Option<PathBuf>,
    bookmarks: Vec<Bookmark>,
    /// Changes not yet written; replayed over the file at each save, cleared once saved.
    journal: Vec<Change>,
    /// Set when this session must not write the file; the reason.
    blocked: Option<String>,
    /// Warnings found while saving (e.g. a file corrupted since it was opened), for the UI.
    warnings: Vec<String>,
}

impl BookmarkStore {
    /// Opens the bookmarks file at `path`. Never fails: problems come back as warnings, one
    /// line each, and the store starts empty (see the module notes for what happens to the file).
    pub fn open(path: PathBuf) -> (BookmarkStore, Vec<String>) {
        let mut store = BookmarkStore {
            path: Some(path.clone()),
            bookmarks: Vec::new(),
            journal: Vec::new(),
            blocked: None,
            warnings: Vec::new(),
        };
        let mut warnings = Vec::new();
        match load(&path) {
            Loaded::Missing => {}
            Loaded::Bookmarks(bookmarks) => store.bookmarks = bookmarks,
            Loaded::Newer(version) => {
                let reason = newer_reason(version);
                warnings.push(format!(
                    "{} was written by a newer plenary (format {version}); it is left untouched and bookmarks made now are kept in memory only",
                    path.display()
                ));
                store.blocked = Some(reason);
            }
            Loaded::Bad(reason) => match set_aside(&path) {
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

    /// Opens `bookmarks.json` in [`crate::config::config_dir`]; in memory only if there is none.
    pub fn open_default() -> (BookmarkStore, Vec<String>) {
        match crate::config::config_dir() {
            Some(dir) => BookmarkStore::open(dir.join(FILE_NAME)),
            None => (
                BookmarkStore::in_memory(),
                vec![format!(
                    "no config folder found (set {}); bookmarks are kept in memory only",
                    crate::config::CONFIG_DIR_VAR
                )],
            ),
        }
    }

    /// A store that is never written to disk.
    pub fn in_memory() -> BookmarkStore {
        BookmarkStore {
            path: None,
            bookmarks: Vec::new(),
            journal: Vec::new(),
            blocked: None,
            warnings: Vec::new(),
        }
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
        self.bookmarks.iter().any(|b| b.is(document, paragraph))
    }

    /// Adds `b`, or removes the bookmark on the same (document, paragraph) if there is one.
    /// `Ok(true)` when the paragraph is now bookmarked. On `Err` the change is still made in
    /// memory (ask [`contains`](Self::contains)) and the next change retries the save.
    pub fn toggle(&mut self, b: Bookmark) -> Result<bool, BookmarkError> {
        let now_bookmarked = if self.contains(&b.document, &b.paragraph) {
            self.bookmarks.retain(|x| !x.is(&b.document, &b.paragraph));
            self.journal.push(Change::Removed {
                document: b.document,
                paragraph: b.paragraph,
            });
            false
        } else {
            self.bookmarks.push(b.clone());
            self.journal.push(Change::Added(b));
            true
        };
        self.save()?;
        Ok(now_bookmarked)
    }

    /// Removes the bookmark at `index` in [`bookmarks`](Self::bookmarks).
    pub fn remove(&mut self, index: usize) -> Result<(), BookmarkError> {
        self.check_index(index)?;
        let b = self.bookmarks.remove(index);
        self.journal.push(Change::Removed {
            document: b.document,
            paragraph: b.paragraph,
        });
        self.save()
    }

    /// Replaces the note of the bookmark at `index`.
    pub fn set_note(&mut self, index: usize, note: &str) -> Result<(), BookmarkError> {
        self.check_index(index)?;
        let b = &mut self.bookmarks[index];
        b.note = note.to_string();
        self.journal.push(Change::Noted(b.clone()));
        self.save()
    }

    /// Warnings that came up while saving since the last call (e.g. the file was found
    /// corrupt and kept aside), one line each.
    pub fn take_warnings(&mut self) -> Vec<String> {
        std::mem::take(&mut self.warnings)
    }

    /// The bookmarks as a Markdown list grouped by document, for export.
    pub fn to_markdown(&self) -> String {
        let mut out = String::from("# Bookmarks\n");
        if self.bookmarks.is_empty() {
            out.push_str("\nNo bookmarks yet.\n");
            return out;
        }
        // Documents in order of their first bookmark.
        let mut documents: Vec<&str> = Vec::new();
        for b in &self.bookmarks {
            if !documents.contains(&b.document.as_str()) {
                documents.push(&b.document);
            }
        }
        for document in documents {
            let mut in_doc = self.bookmarks.iter().filter(|b| b.document == document);
            let Some(first) = in_doc.next() else { continue };
            out.push('\n');
            match &first.symbol {
                Some(symbol) if symbol != document => {
                    out.push_str(&format!("## {symbol} ({document})\n\n"))
                }
                _ => out.push_str(&format!("## {document}\n\n")),
            }
            for b in std::iter::once(first).chain(in_doc) {
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
        render(&self.bookmarks)
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
        let base = match load(&path) {
            Loaded::Bookmarks(on_disk) => on_disk,
            // Nothing on disk to merge with: what we hold is the best copy there is.
            Loaded::Missing => self.bookmarks.clone(),
            Loaded::Newer(version) => {
                let reason = newer_reason(version);
                self.blocked = Some(reason.clone());
                return Err(BookmarkError::Blocked { path, reason });
            }
            Loaded::Bad(reason) => match set_aside(&path) {
                Ok(aside) => {
                    self.warnings.push(format!(
                        "{} {reason}; it was kept as {} and replaced by this session's bookmarks",
                        path.display(),
                        aside.display()
                    ));
                    self.bookmarks.clone()
                }
                Err(err) => {
                    let reason = format!("{reason} and could not be moved aside ({err})");
                    self.blocked = Some(reason.clone());
                    return Err(BookmarkError::Blocked { path, reason });
                }
            },
        };
        let merged = replay(base, &self.journal);
        // Keep the merged view even if writing fails: it holds every change of ours.
        self.bookmarks = merged;
        write_atomically(&path, &render(&self.bookmarks))?;
        self.journal.clear();
        Ok(())
    }
}

/// A folded, accent-free summary of the start of `text`: its first words, lowercase,
/// without diacritics, punctuation or footnote calls, separated by single spaces.
pub fn fingerprint(text: &str) -> String {
    let mut words = folded_words(text);
    words.truncate(FINGERPRINT_WORDS);
    words.join(" ")
}

/// The index in `paragraphs` (id, text) of the paragraph `b` points at:
/// the paragraph with the same id if its fingerprint still matches; otherwise the paragraph
/// whose fingerprint is most alike (above a threshold, ties going to the one nearest the
/// old id); otherwise the same id if it still exists; otherwise `None`.
pub fn relocate(b: &Bookmark, paragraphs: &[(&str, &str)]) -> Option<usize> {
    let same_id = paragraphs.iter().position(|(id, _)| *id == b.paragraph);
    if let Some(i) = same_id {
        if fingerprint(paragraphs[i].1) == b.fingerprint {
            return Some(i);
        }
    }
    let wanted: Vec<&str> = b.fingerprint.split_whitespace().collect();
    if !wanted.is_empty() {
        let anchor = same_id.unwrap_or(0);
        let mut best: Option<(f64, usize)> = None;
        for (i, (_, text)) in paragraphs.iter().enumerate() {
            let found = fingerprint(text);
            let found: Vec<&str> = found.split_whitespace().collect();
            let score = similarity(&wanted, &found);
            if score <= RELOCATE_THRESHOLD {
                continue;
            }
            let better = match best {
                None => true,
                Some((best_score, best_i)) => {
                    score > best_score
                        || (score == best_score && i.abs_diff(anchor) < best_i.abs_diff(anchor))
                }
            };
            if better {
                best = Some((score, i));
            }
        }
        if let Some((_, i)) = best {
            return Some(i);
        }
    }
    same_id
}

/// `YYYY-MM-DD` (UTC) for a Unix time in seconds.
pub fn format_date(unix: u64) -> String {
    let (year, month, day) = civil_from_days(unix / 86_400);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Howard Hinnant's days-to-civil algorithm, for days since 1970-01-01 (never negative here).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z % 146_097; // [0, 146096]
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365; // [0, 399]
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // [0, 365]
    let mp = (5 * doy + 2) / 153; // [0, 11], March-based
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

/// Dice coefficient over the longest common subsequence of words: word order counts, but an
/// inserted or dropped word costs little.
fn similarity(a: &[&str], b: &[&str]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let mut prev = vec![0usize; b.len() + 1];
    for wa in a {
        let mut row = vec![0usize; b.len() + 1];
        for (j, wb) in b.iter().enumerate() {
            row[j + 1] = if wa == wb {
                prev[j] + 1
            } else {
                row[j].max(prev[j + 1])
            };
        }
        prev = row;
    }
    let lcs = prev[b.len()];
    2.0 * lcs as f64 / (a.len() + b.len()) as f64
}

fn folded_words(text: &str) -> Vec<String> {
    // Footnote calls are kept in paragraph text as superscript digits glued to a word
    // ("résolution¹"); dropping them keeps the word itself.
    let folded: String = text
        .nfd()
        .filter(|c| !is_combining_mark(*c) && !is_superscript_digit(*c))
        .flat_map(char::to_lowercase)
        .collect();
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn is_superscript_digit(c: char) -> bool {
    matches!(
        c,
        '\u{2070}' | '\u{00B9}' | '\u{00B2}' | '\u{00B3}' | '\u{2074}'..='\u{2079}'
    )
}

/// The first characters of `text` on one line, cut at a word boundary, with "…" if cut.
fn excerpt(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= EXCERPT_CHARS {
        return flat;
    }
    let cut: String = flat.chars().take(EXCERPT_CHARS).collect();
    let cut = match cut.rfind(' ') {
        Some(space) if space > EXCERPT_CHARS / 2 => &cut[..space],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

fn newer_reason(version: u64) -> String {
    format!("it is in format {version}, newer than this plenary's format {FORMAT_VERSION}")
}

/// Applies this session's changes over `base`, the file as it is on disk now.
fn replay(mut base: Vec<Bookmark>, journal: &[Change]) -> Vec<Bookmark> {
    for change in journal {
        match change {
            Change::Added(b) => {
                if !base.iter().any(|x| x.is(&b.document, &b.paragraph)) {
                    base.push(b.clone());
                }
            }
            Change::Removed {
                document,
                paragraph,
            } => base.retain(|x| !x.is(document, paragraph)),
            Change::Noted(b) => match base.iter_mut().find(|x| x.is(&b.document, &b.paragraph)) {
                Some(x) => x.note = b.note.clone(),
                None => base.push(b.clone()),
            },
        }
    }
    base
}

fn load(path: &Path) -> Loaded {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        // A file standing where the folder should be also means there is no bookmarks file:
        // nothing to keep aside, and saving will say why it cannot create the folder.
        Err(err)
            if matches!(
                err.kind(),
                io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
            ) =>
        {
            return Loaded::Missing;
        }
        Err(err) => return Loaded::Bad(format!("could not be read ({err})")),
    };
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return Loaded::Bad("is not UTF-8 text".to_string());
    };
    if text.trim().is_empty() {
        return Loaded::Bookmarks(Vec::new());
    }
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(err) => return Loaded::Bad(format!("is not valid JSON ({err})")),
    };
    match value.get("version").and_then(serde_json::Value::as_u64) {
        Some(FORMAT_VERSION) => {}
        Some(version) if version > FORMAT_VERSION => return Loaded::Newer(version),
        _ => return Loaded::Bad("has no known format version".to_string()),
    }
    match serde_json::from_value::<FileIn>(value) {
        Ok(file) => {
            // A hand-edited file may repeat a paragraph; the first entry wins.
            let mut bookmarks: Vec<Bookmark> = Vec::with_capacity(file.bookmarks.len());
            for b in file.bookmarks {
                if !bookmarks.iter().any(|x| x.is(&b.document, &b.paragraph)) {
                    bookmarks.push(b);
                }
            }
            Loaded::Bookmarks(bookmarks)
        }
        Err(err) => Loaded::Bad(format!("is not a bookmarks file ({err})")),
    }
}

/// Renames an unusable file to `<name>.corrupt-<unix time>` (with `-2`, `-3`… if taken)
/// so that nothing in it is lost; returns the new path.
fn set_aside(path: &Path) -> io::Result<PathBuf> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| FILE_NAME.to_string());
    let stamp = now();
    for attempt in 1..=100u32 {
        let aside_name = if attempt == 1 {
            format!("{name}.corrupt-{stamp}")
        } else {
            format!("{name}.corrupt-{stamp}-{attempt}")
        };
        let aside = path.with_file_name(aside_name);
        // rename() replaces an existing target on Unix; never replace an earlier kept file.
        if fs::symlink_metadata(&aside).is_ok() {
            continue;
        }
        fs::rename(path, &aside)?;
        return Ok(aside);
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "too many kept-aside files with the same time",
    ))
}

fn render(bookmarks: &[Bookmark]) -> String {
    let file = FileOut {
        version: FORMAT_VERSION,
        bookmarks,
    };
    // Serializing plain strings and integers cannot fail; fall back to an empty list rather
    // than panic, should that ever change.
    let mut text = serde_json::to_string_pretty(&file)
        .unwrap_or_else(|_| format!("{{\"version\": {FORMAT_VERSION}, \"bookmarks\": []}}"));
    text.push('\n');
    text
}

/// Temporary file in the same folder, write, `sync_all`, rename over `path`: a crash leaves
/// either the old file or the new one, never half of one.
fn write_atomically(path: &Path, contents: &str) -> Result<(), BookmarkError> {
    let fail = |step: &'static str| {
        move |source: io::Error| BookmarkError::Save {
            path: path.to_path_buf(),
            step,
            source,
        }
    };
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir).map_err(fail("creating the folder"))?;
    let mut tmp =
        tempfile::NamedTempFile::new_in(dir).map_err(fail("creating a temporary file"))?;
    tmp.write_all(contents.as_bytes())
        .map_err(fail("writing"))?;
    tmp.as_file().sync_all().map_err(fail("flushing to disk"))?;
    tmp.persist(path)
        .map_err(|err| fail("replacing the file")(err.error))?;
    // Make the rename itself durable; not every platform can open a folder, so this is best effort.
    if let Ok(folder) = fs::File::open(dir) {
        let _ = folder.sync_all();
    }
    Ok(())
}
