//! The bookmarks file on disk: reading it (linear in its size), merging a session's changes
//! into it under a lock, writing it atomically, keeping a damaged one aside, and removing the
//! temporary files a killed save left behind.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

use super::{Bookmark, BookmarkError, Change, FORMAT_VERSION, now};

/// What reading the file gave.
pub(super) enum Loaded {
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

/// The file read in one pass when it is what this build writes; anything else goes the slow
/// way, which says what is wrong.
#[derive(Deserialize)]
struct CurrentFile {
    version: u64,
    bookmarks: Vec<Bookmark>,
}

/// What a save wrote: the file's bookmarks after the merge, and what it had to say.
#[derive(Debug, Clone)]
pub struct Persisted {
    pub merged: Vec<Bookmark>,
    pub warnings: Vec<String>,
}

/// Why a save did not happen: the error, and whether this session must stop writing the file.
#[derive(Debug)]
pub struct NotPersisted {
    pub error: BookmarkError,
    /// The file is not ours to write (newer format, a damaged file that cannot be moved).
    pub blocks: bool,
}

pub(super) fn newer_reason(version: u64) -> String {
    format!("it is in format {version}, newer than this plenary's format {FORMAT_VERSION}")
}

/// Merges `changes` into the file at `path` as it is now and writes the result, holding the
/// file's lock from the read to the rename, so that two sessions saving at the same moment each
/// see the other's changes. `ours` is what this session holds, used when the file is missing or
/// unusable. Temporary files are named `.bookmarks.json.NNNN.tmp` in the same folder.
pub(super) fn persist(
    path: &Path,
    changes: &[Change],
    ours: &[Bookmark],
) -> Result<Persisted, NotPersisted> {
    let fail = |error: BookmarkError| NotPersisted {
        error,
        blocks: false,
    };
    let dir = folder_of(path);
    fs::create_dir_all(dir).map_err(|e| fail(save_error(path, "creating the folder", e)))?;
    let _lock = lock(path).map_err(|e| fail(save_error(path, "locking the file", e)))?;
    let mut warnings = Vec::new();
    let base = match load(path) {
        Loaded::Bookmarks(on_disk) => on_disk,
        // Nothing on disk to merge with: what we hold is the best copy there is.
        Loaded::Missing => ours.to_vec(),
        Loaded::Newer(version) => {
            return Err(NotPersisted {
                error: BookmarkError::Blocked {
                    path: path.to_path_buf(),
                    reason: newer_reason(version),
                },
                blocks: true,
            });
        }
        Loaded::Bad(reason) => match set_aside(path) {
            Ok(aside) => {
                warnings.push(format!(
                    "{} {reason}; it was kept as {} and replaced by this session's bookmarks",
                    path.display(),
                    aside.display()
                ));
                ours.to_vec()
            }
            Err(err) => {
                return Err(NotPersisted {
                    error: BookmarkError::Blocked {
                        path: path.to_path_buf(),
                        reason: format!("{reason} and could not be moved aside ({err})"),
                    },
                    blocks: true,
                });
            }
        },
    };
    let merged = replay(base, changes);
    write_atomically(path, &render(&merged)).map_err(fail)?;
    Ok(Persisted { merged, warnings })
}

/// The advisory lock of the bookmarks file, on `bookmarks.json.lock` beside it: the file itself
/// is replaced by each save, so a lock on it would not outlive the rename. Blocks until the
/// other session's save is done; released when the returned file is dropped.
fn lock(path: &Path) -> io::Result<fs::File> {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path.with_file_name(name))?;
    file.lock()?;
    Ok(file)
}

/// Applies a session's changes over `base`, the file as it is on disk now. Linear: each
/// bookmark is found by its (document, paragraph) key.
pub(super) fn replay(base: Vec<Bookmark>, changes: &[Change]) -> Vec<Bookmark> {
    let mut slots: Vec<Option<Bookmark>> = base.into_iter().map(Some).collect();
    let mut at: HashMap<(String, String), usize> = slots
        .iter()
        .enumerate()
        .filter_map(|(i, b)| b.as_ref().map(|b| (b.key(), i)))
        .collect();
    for change in changes {
        match change {
            Change::Added(b) => {
                if let std::collections::hash_map::Entry::Vacant(e) = at.entry(b.key()) {
                    e.insert(slots.len());
                    slots.push(Some(b.clone()));
                }
            }
            Change::Removed {
                document,
                paragraph,
            } => {
                if let Some(i) = at.remove(&(document.clone(), paragraph.clone())) {
                    slots[i] = None;
                }
            }
            Change::Noted(b) => match at.get(&b.key()) {
                Some(&i) => {
                    if let Some(x) = slots[i].as_mut() {
                        x.note = b.note.clone();
                    }
                }
                // A note on a bookmark removed elsewhere brings it back: the text is the user's.
                None => {
                    at.insert(b.key(), slots.len());
                    slots.push(Some(b.clone()));
                }
            },
        }
    }
    slots.into_iter().flatten().collect()
}

pub(super) fn load(path: &Path) -> Loaded {
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
    parse(&bytes)
}

/// What the bytes of a bookmarks file hold (never `Missing`).
pub(super) fn parse(bytes: &[u8]) -> Loaded {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Loaded::Bad("is not UTF-8 text".to_string());
    };
    if text.trim().is_empty() {
        return Loaded::Bookmarks(Vec::new());
    }
    if let Ok(file) = serde_json::from_str::<CurrentFile>(text)
        && file.version == FORMAT_VERSION
    {
        return Loaded::Bookmarks(unique_and_safe(file.bookmarks));
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
        Ok(file) => Loaded::Bookmarks(unique_and_safe(file.bookmarks)),
        Err(err) => Loaded::Bad(format!("is not a bookmarks file ({err})")),
    }
}

/// A hand-edited file may repeat a paragraph; the first entry wins. Text saved by hand or by an
/// older plenary is made safe for the terminal here, once.
fn unique_and_safe(bookmarks: Vec<Bookmark>) -> Vec<Bookmark> {
    let mut seen: HashSet<(String, String)> = HashSet::with_capacity(bookmarks.len());
    bookmarks
        .into_iter()
        .map(Bookmark::sanitised)
        .filter(|b| seen.insert(b.key()))
        .collect()
}

/// Renames an unusable file to `<name>.corrupt-<unix time>` (with `-2`, `-3`… if taken)
/// so that nothing in it is lost; returns the new path.
pub(super) fn set_aside(path: &Path) -> io::Result<PathBuf> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| super::FILE_NAME.to_string());
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

pub(super) fn render(bookmarks: &[Bookmark]) -> String {
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

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

fn save_error(path: &Path, step: &'static str, source: io::Error) -> BookmarkError {
    BookmarkError::Save {
        path: path.to_path_buf(),
        step,
        source,
    }
}

/// The prefix and suffix of the temporary files of a save of `path`: `.bookmarks.json.` and
/// `.tmp`, so that stale ones are recognised by name.
fn temporary_affixes(path: &Path) -> (String, &'static str) {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    (format!(".{name}."), ".tmp")
}

/// Through [`crate::store::write_atomically`], synced: a crash leaves either the old file or the
/// new one, never half of one.
pub(super) fn write_atomically(path: &Path, contents: &str) -> Result<(), BookmarkError> {
    let (prefix, suffix) = temporary_affixes(path);
    crate::store::write_atomically(
        path,
        (&prefix, suffix),
        crate::store::Durability::Synced,
        |f| f.write_all(contents.as_bytes()),
    )
    .map_err(|(step, source)| save_error(path, step, source))
}

/// How old a temporary file of a save must be before it is taken for one a killed save left.
const STALE_AFTER: Duration = Duration::from_secs(10 * 60);

/// Removes the temporary files that saves of `path` killed midway left in its folder: those
/// named as [`write_atomically`] names them (and `.tmpXXXXXX`, as earlier versions did, in
/// plenary's own config folder), not modified for [`STALE_AFTER`]. Returns how many went.
pub(super) fn remove_stale_temporaries(path: &Path, own_folder: bool) -> usize {
    let (prefix, suffix) = temporary_affixes(path);
    let Ok(entries) = fs::read_dir(folder_of(path)) else {
        return 0;
    };
    let now = SystemTime::now();
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let ours = (name.starts_with(&prefix) && name.ends_with(suffix))
            || (own_folder
                && name.len() == ".tmp".len() + 6
                && name.starts_with(".tmp")
                && name[4..].bytes().all(|b| b.is_ascii_alphanumeric()));
        if !ours {
            continue;
        }
        let Ok(meta) = entry.metadata() else { continue };
        let old = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|age| age >= STALE_AFTER);
        if meta.is_file() && old && fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}
