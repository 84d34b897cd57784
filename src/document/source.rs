//! Where document text comes from: the bundled library, user files and folders, their metadata.
//!
//! Everything that leaves this module is decoded, sanitised text: no terminal escape sequences,
//! no control characters other than `\n` and `\f` (kept as the page-break signal the parser
//! uses), LF line ends. Structure is the parser's business.

pub use crate::text::sanitize;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

pub use super::bundled::bundled;
pub use super::decode::{DecodeProblem, decode, decode_vec};
pub use super::meta::Meta;

/// Collection of user files given one by one on the command line.
pub const LOCAL_COLLECTION: &str = "Local";

/// Raw text of one document, decoded and sanitised, ready to parse.
#[derive(Debug, Clone)]
pub struct Source {
    /// `bundled:seeds/NAME.txt` for embedded documents, the file path otherwise (as given, through
    /// `shown_path`).
    pub path: String,
    /// The file it was read from, exactly (its name may hold what `path` shows as `?`); None
    /// for embedded documents.
    pub file: Option<PathBuf>,
    /// Collection it is listed under.
    pub collection: String,
    /// Borrowed from the binary for bundled documents (no copy at start-up), owned for user files.
    /// Derefs to `&str`.
    pub text: Cow<'static, str>,
    pub meta: Meta,
}

/// Why a file could not become a document. Displayed as one line naming the file.
///
/// File names are shown through `shown_path`: on Unix a name may hold escape sequences and
/// newlines, and it reaches the terminal just like document text.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}: no such file or directory", shown_path(.path))]
    Missing { path: PathBuf },
    #[error("{}: no .txt or .md documents in this directory", shown_path(.path))]
    EmptyDirectory { path: PathBuf },
    #[error("{}: empty file", shown_path(.path))]
    Empty { path: PathBuf },
    #[error("{}: not a regular file (a pipe, socket or device)", shown_path(.path))]
    NotAFile { path: PathBuf },
    #[error("{}: binary file (contains NUL bytes), not a text document", shown_path(.path))]
    Binary { path: PathBuf },
    #[error("{}: {problem}", shown_path(.path))]
    Encoding {
        path: PathBuf,
        problem: DecodeProblem,
    },
    #[error("{}: {source}", shown_path(.path))]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A warning, not a failure: the document itself still loads, without this metadata.
    #[error("{}: bad metadata, ignored: {reason}", shown_path(.path))]
    Meta { path: PathBuf, reason: String },
    /// A problem found when the library cache was written, told again from it: the file has
    /// not changed since. `message` is the original's whole line.
    #[error("{message}")]
    Recalled {
        path: PathBuf,
        message: String,
        warning: bool,
    },
}

/// A path as one clean line for the screen: what would drive the terminal, and line and page
/// breaks, shown as `?` (see [`crate::text::visible_name`]).
pub fn shown_path(path: &Path) -> String {
    crate::text::visible_name(&path.to_string_lossy()).into_owned()
}

impl LoadError {
    /// The file or directory the error is about.
    pub fn path(&self) -> &Path {
        match self {
            LoadError::Missing { path }
            | LoadError::EmptyDirectory { path }
            | LoadError::Empty { path }
            | LoadError::NotAFile { path }
            | LoadError::Binary { path }
            | LoadError::Encoding { path, .. }
            | LoadError::Io { path, .. }
            | LoadError::Meta { path, .. }
            | LoadError::Recalled { path, .. } => path,
        }
    }

    /// True for problems that did not stop the document from loading (bad metadata).
    pub fn is_warning(&self) -> bool {
        matches!(
            self,
            LoadError::Meta { .. } | LoadError::Recalled { warning: true, .. }
        )
    }
}

// ---------------------------------------------------------------------------------------------
// User files

/// What identifies one version of a file without reading it: its size and modification time,
/// and on Unix its inode and change time, which no tool can set back (`cp -p`, `tar x` and
/// `rsync -t` restore an old modification time, not an old change time). The library cache is
/// valid while every file it was built from has the same stamp.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Stamp {
    pub len: u64,
    /// Nanoseconds since the Unix epoch (negative before it); None where the platform has no
    /// times, and then nothing about the file can be trusted to show a change.
    pub modified: Option<i128>,
    /// Device and inode (which file it is, whatever its name) and change time (seconds,
    /// nanoseconds); zero off Unix.
    pub file: (u64, u64),
    pub changed: (i64, i64),
}

impl Stamp {
    fn of(metadata: &fs::Metadata) -> Stamp {
        let modified =
            metadata
                .modified()
                .ok()
                .map(|t| match t.duration_since(std::time::UNIX_EPOCH) {
                    Ok(d) => d.as_nanos() as i128,
                    Err(e) => -(e.duration().as_nanos() as i128),
                });
        #[cfg(unix)]
        let (file, changed) = {
            use std::os::unix::fs::MetadataExt;
            (
                (metadata.dev(), metadata.ino()),
                (metadata.ctime(), metadata.ctime_nsec()),
            )
        };
        #[cfg(not(unix))]
        let (file, changed) = ((0, 0), (0, 0));
        Stamp {
            len: metadata.len(),
            modified,
            file,
            changed,
        }
    }
}

/// A document file found under the paths given.
#[derive(Debug, Clone)]
pub struct FoundFile {
    pub path: PathBuf,
    /// The collection it is listed under unless its metadata names another.
    pub collection: String,
    pub stamp: Stamp,
    /// Its sidecar `NAME.toml`, when there is one.
    pub sidecar: Option<Stamp>,
}

/// The user's files as found on disk, before any is read: what the library cache compares.
#[derive(Debug, Default)]
pub struct Scan {
    pub files: Vec<FoundFile>,
    /// Paths that are missing, unreadable folders, folders without documents.
    pub errors: Vec<LoadError>,
}

impl Scan {
    /// A hash of every file's path, stamp and sidecar stamp, in order: equal while nothing was
    /// added, removed, renamed or written to.
    pub fn fingerprint(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.files.len().hash(&mut h);
        for f in &self.files {
            f.path.hash(&mut h);
            f.collection.hash(&mut h);
            f.stamp.hash(&mut h);
            f.sidecar.hash(&mut h);
        }
        for e in &self.errors {
            e.to_string().hash(&mut h);
        }
        h.finish()
    }

    /// The newest modification time of any file found (ns since the epoch), 0 if none; None
    /// when a file has no time at all (then no cache can tell whether it changed).
    pub fn newest(&self) -> Option<i128> {
        self.files
            .iter()
            .flat_map(|f| [Some(f.stamp), f.sidecar])
            .flatten()
            .try_fold(0, |newest, s| Some(newest.max(s.modified?)))
    }
}

/// Loads the files and folders given on the command line: [`scan`], then [`read`].
pub fn load_paths(paths: &[PathBuf]) -> (Vec<Source>, Vec<LoadError>) {
    read(scan(paths))
}

/// Finds the files to load, reading none of them. A file reached more than once loads once.
///
/// A folder is walked recursively for `.txt` and `.md` files (hidden entries skipped, sorted by
/// path so the order never depends on the file system); a file named explicitly loads whatever its
/// extension, since decoding tells text from binary. Files of a folder are listed under the
/// folder's name, files given one by one under "Local" (a `collection` in the metadata wins).
pub fn scan(paths: &[PathBuf]) -> Scan {
    let mut scan = Scan::default();
    for path in paths {
        let metadata = match fs::metadata(path) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                scan.errors.push(LoadError::Missing { path: path.clone() });
                continue;
            }
            Err(source) => {
                scan.errors.push(LoadError::Io {
                    path: path.clone(),
                    source,
                });
                continue;
            }
        };
        if metadata.is_dir() {
            let collection = folder_collection(path);
            let mut listing = Listing::default();
            let mut visited = HashSet::new();
            walk(path, &mut listing, &mut visited, &mut scan.errors);
            let files = stamp_listing(listing, &collection, &mut scan.errors);
            if files.is_empty() {
                scan.errors
                    .push(LoadError::EmptyDirectory { path: path.clone() });
            }
            scan.files.extend(files);
        } else if !metadata.is_file() {
            // A pipe or a device: reading it could block or never end.
            scan.errors.push(LoadError::NotAFile { path: path.clone() });
        } else {
            let sidecar = sidecar_of(path)
                .and_then(|p| fs::metadata(p).ok())
                .filter(fs::Metadata::is_file)
                .map(|m| Stamp::of(&m));
            scan.files.push(FoundFile {
                path: path.clone(),
                collection: LOCAL_COLLECTION.to_string(),
                stamp: Stamp::of(&metadata),
                sidecar,
            });
        }
    }
    // A file reached twice (a path given twice, a file inside a folder also given, two links
    // to one file) is one document: the first time it was reached.
    let mut seen = HashSet::new();
    scan.files
        .retain(|f| f.stamp.file == (0, 0) || seen.insert(f.stamp.file));
    scan
}

/// Reads, decodes and sanitises the files found, on every core, keeping their order.
///
/// Every file gives a `Source` or exactly one fatal `LoadError`, and the rest still loads. Bad
/// metadata is the exception: the document loads without it and a `LoadError::Meta` warning
/// (`is_warning()`) is reported too, because losing a whole document over a typo in a title
/// would punish the user more than the typo does. The scan's own errors come first.
pub fn read(scan: Scan) -> (Vec<Source>, Vec<LoadError>) {
    let Scan { files, mut errors } = scan;
    let results = super::corpus::map_parallel(&files, load_file);
    let mut sources = Vec::with_capacity(files.len());
    for result in results {
        match result {
            Ok((source, warning)) => {
                sources.push(source);
                errors.extend(warning);
            }
            Err(e) => errors.push(e),
        }
    }
    (sources, errors)
}

/// The name of a folder as the user would call it, even for `.` or `..`.
fn folder_collection(path: &Path) -> String {
    let named = |p: &Path| {
        p.file_name()
            .map(|n| sanitize(&n.to_string_lossy()).trim().to_string())
            .filter(|n| !n.is_empty())
    };
    named(path)
        .filter(|n| n != "." && n != "..")
        .or_else(|| fs::canonicalize(path).ok().and_then(|p| named(&p)))
        .unwrap_or_else(|| LOCAL_COLLECTION.to_string())
}

fn is_document_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".txt") || lower.ends_with(".md")
}

/// Files that say what a folder holds rather than being one of its documents: `README.md`,
/// `SOURCE.md`, `LICENSE.txt`… A walk passes them over; named on their own, they load.
fn is_folder_notes(name: &str) -> bool {
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    [
        "README",
        "SOURCE",
        "SOURCES",
        "LICENSE",
        "LICENCE",
        "CHANGELOG",
        "CONTRIBUTING",
        "NOTICE",
    ]
    .iter()
    .any(|n| stem.eq_ignore_ascii_case(n))
}

/// The metadata file of a document: `NAME.toml` beside `NAME.txt`. None for a `.toml` itself,
/// which is not its own metadata.
fn sidecar_of(path: &Path) -> Option<PathBuf> {
    let sidecar = path.with_extension("toml");
    (sidecar != path).then_some(sidecar)
}

/// Files named in a folder's listings, before any is `stat`ed.
#[derive(Default)]
struct Listing {
    documents: Vec<PathBuf>,
    sidecars: Vec<PathBuf>,
}

/// Collects the document files below `dir` and the `.toml` files beside them, from the folder
/// listings alone (the entry types they give), so only links cost a `stat` here. Symbolic links
/// are followed; `visited` (canonical paths) stops link loops.
fn walk(
    dir: &Path,
    listing: &mut Listing,
    visited: &mut HashSet<PathBuf>,
    errors: &mut Vec<LoadError>,
) {
    if fs::canonicalize(dir).is_ok_and(|canonical| !visited.insert(canonical)) {
        return;
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(source) => {
            errors.push(LoadError::Io {
                path: dir.to_path_buf(),
                source,
            });
            return;
        }
    };
    // Entries by name, so that walking them depth first lists paths in `Path` order (which
    // compares component by component, and is slow to sort by afterwards).
    let mut named = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => named.push((entry.file_name(), entry)),
            Err(source) => errors.push(LoadError::Io {
                path: dir.to_path_buf(),
                source,
            }),
        }
    }
    named.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    for (name, entry) in named {
        let name = name.to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        let is_dir = match entry.file_type() {
            Ok(t) if t.is_dir() => true,
            Ok(t) if t.is_file() => false,
            // A link (followed here) or a file system that does not give entry types.
            _ => fs::metadata(&path).is_ok_and(|m| m.is_dir()),
        };
        if is_dir {
            walk(&path, listing, visited, errors);
        } else if is_document_name(&name) && !is_folder_notes(&name) {
            listing.documents.push(path);
        } else if name.to_ascii_lowercase().ends_with(".toml") {
            listing.sidecars.push(path);
        }
    }
}

/// Stamps the files a walk listed, on every core: one `stat` each (following links). A listed
/// document that is not a regular file is reported: missing (a dangling link), not a file (a
/// pipe, socket or device), or why it could not be `stat`ed.
fn stamp_listing(
    listing: Listing,
    collection: &str,
    errors: &mut Vec<LoadError>,
) -> Vec<FoundFile> {
    let Listing {
        documents,
        sidecars,
    } = listing;
    let stat = |p: &PathBuf| match fs::metadata(p) {
        Ok(m) if m.is_file() => Ok(Stamp::of(&m)),
        Ok(_) => Err(LoadError::NotAFile { path: p.clone() }),
        // A link to nothing.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Err(LoadError::Missing { path: p.clone() })
        }
        Err(source) => Err(LoadError::Io {
            path: p.clone(),
            source,
        }),
    };
    let sidecars: HashMap<PathBuf, Stamp> = sidecars
        .iter()
        .zip(super::corpus::map_parallel(&sidecars, stat))
        .filter_map(|(p, s)| Some((p.clone(), s.ok()?)))
        .collect();
    let stamps = super::corpus::map_parallel(&documents, stat);
    let mut files = Vec::with_capacity(documents.len());
    for (path, stamp) in documents.into_iter().zip(stamps) {
        match stamp {
            Ok(stamp) => {
                let sidecar = sidecar_of(&path).and_then(|s| sidecars.get(&s).copied());
                files.push(FoundFile {
                    path,
                    collection: collection.to_string(),
                    stamp,
                    sidecar,
                });
            }
            Err(e) => errors.push(e),
        }
    }
    files
}

/// One user file into a `Source`, with an optional metadata warning.
fn load_file(found: &FoundFile) -> Result<(Source, Option<LoadError>), LoadError> {
    let path = found.path.as_path();
    // Read once; everything after is linear in the size.
    let bytes = fs::read(path).map_err(|source| match source.kind() {
        std::io::ErrorKind::NotFound => LoadError::Missing {
            path: path.to_path_buf(),
        },
        _ => LoadError::Io {
            path: path.to_path_buf(),
            source,
        },
    })?;
    let decoded = decode_vec(bytes).map_err(|problem| match problem {
        DecodeProblem::Binary => LoadError::Binary {
            path: path.to_path_buf(),
        },
        DecodeProblem::MalformedUtf16 => LoadError::Encoding {
            path: path.to_path_buf(),
            problem,
        },
    })?;
    let sanitized = match sanitize(&decoded) {
        Cow::Borrowed(_) => None,
        Cow::Owned(s) => Some(s),
    };
    let mut text = sanitized.unwrap_or(decoded);

    let mut warning = None;
    let mut meta = Meta::default();
    let is_markdown = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md"));
    if is_markdown {
        match split_front_matter(&text) {
            FrontMatter::None => {}
            FrontMatter::Unclosed => {
                warning = Some(LoadError::Meta {
                    path: path.to_path_buf(),
                    reason: "front matter opened with +++ is never closed; kept as text".into(),
                });
            }
            FrontMatter::Found { toml, body_start } => {
                match Meta::from_toml(toml) {
                    Ok(m) => meta = m,
                    Err(reason) => {
                        warning = Some(LoadError::Meta {
                            path: path.to_path_buf(),
                            reason,
                        })
                    }
                }
                // Removed even when invalid: it is clearly metadata, not document text.
                text.drain(..body_start);
            }
        }
    }
    if let (Some(sidecar), Some(_)) = (sidecar_of(path), found.sidecar) {
        match read_sidecar(&sidecar) {
            // Front matter is the more specific of the two: it wins field by field.
            Ok(m) => meta = meta.or(m),
            Err(reason) => {
                // Only one warning per file: a front-matter problem already told the user.
                warning.get_or_insert(LoadError::Meta {
                    path: sidecar.clone(),
                    reason,
                });
            }
        }
    }

    if text.trim().is_empty() {
        return Err(LoadError::Empty {
            path: path.to_path_buf(),
        });
    }
    let collection = meta
        .collection
        .clone()
        .unwrap_or_else(|| found.collection.clone());
    Ok((
        Source {
            path: shown_path(path),
            file: Some(path.to_path_buf()),
            collection,
            text: Cow::Owned(text),
            meta,
        },
        warning,
    ))
}

fn read_sidecar(path: &Path) -> Result<Meta, String> {
    let bytes = fs::read(path).map_err(|e| e.to_string())?;
    // TOML is UTF-8 by definition, but a sidecar saved by an old editor in Windows-1252 is
    // still readable, so it goes through the same decoding as documents.
    let text = decode_vec(bytes).map_err(|e| e.to_string())?;
    Meta::from_toml(&text)
}

enum FrontMatter<'a> {
    None,
    Unclosed,
    Found { toml: &'a str, body_start: usize },
}

/// `+++` on the first line, TOML, `+++` on a line of its own. Trailing spaces on the fences are
/// tolerated. Expects LF line ends (the text is sanitised first).
fn split_front_matter(text: &str) -> FrontMatter<'_> {
    let Some((first, rest)) = text.split_once('\n') else {
        return FrontMatter::None;
    };
    if first.trim_end() != "+++" {
        return FrontMatter::None;
    }
    let toml_start = first.len() + 1;
    let mut offset = toml_start;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "+++" {
            return FrontMatter::Found {
                toml: &text[toml_start..offset],
                body_start: offset + line.len(),
            };
        }
        offset += line.len();
    }
    FrontMatter::Unclosed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_split() {
        let text = "+++ \ntitle = \"T\"\n+++\nBody\n";
        let FrontMatter::Found { toml, body_start } = split_front_matter(text) else {
            panic!("front matter not found");
        };
        assert_eq!(toml, "title = \"T\"\n");
        assert_eq!(&text[body_start..], "Body\n");
        assert!(matches!(
            split_front_matter("+++\ntitle = 1\n"),
            FrontMatter::Unclosed
        ));
        assert!(matches!(
            split_front_matter("Text\n+++\n"),
            FrontMatter::None
        ));
    }
}
