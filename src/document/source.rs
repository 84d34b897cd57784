//! Where document text comes from: the bundled library, user files and folders, their metadata.
//!
//! Everything that leaves this module is decoded, sanitised text: no terminal escape sequences,
//! no control characters other than `\n` and `\f` (kept as the page-break signal the parser
//! uses), LF line ends. Structure is the parser's business.

pub use crate::text::sanitize;
use serde::Deserialize;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use super::model::{DocumentKind, Language};
use super::symbol::Symbol;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
}

const SEEDS_CATALOG: &str = include_str!("../../seeds/catalog.toml");
const LIBRARY_CATALOG: &str = include_str!("../../assets/library/catalog.toml");

/// Collection of user files given one by one on the command line.
pub const LOCAL_COLLECTION: &str = "Local";

/// Metadata that the text itself may not state: from the seeds catalog, a sidecar `NAME.toml`,
/// or `+++` TOML front matter in a `.md` file. Every field is optional; the parser infers the rest.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub id: Option<String>,
    pub title: Option<String>,
    pub symbol: Option<String>,
    pub date: Option<String>,
    pub kind: Option<String>,
    pub language: Option<String>,
    pub collection: Option<String>,
}

impl Meta {
    /// Reads metadata written by a user. Unknown fields, a `kind` other than those of
    /// `DocumentKind` or a `language` other than fr/en are errors, so typos do not pass silently.
    /// The `Err` is one line (with the TOML line number when there is one).
    /// String values are sanitised to one clean line each: they end up on screen.
    pub fn from_toml(text: &str) -> Result<Meta, String> {
        // The reason quotes the file, and the file is untrusted.
        Self::from_toml_unsanitized(text)
            .map_err(|reason| sanitize(&reason).replace(['\n', '\x0c'], " "))
    }

    fn from_toml_unsanitized(text: &str) -> Result<Meta, String> {
        let meta: Meta = toml::from_str(text).map_err(|e| one_line_toml_error(text, &e))?;
        if let Some(kind) = meta
            .kind
            .as_deref()
            .filter(|k| DocumentKind::parse(k).is_none())
        {
            return Err(format!(
                "kind {kind:?} is not one of resolution, declaration, treaty, document"
            ));
        }
        if let Some(language) = meta
            .language
            .as_deref()
            .filter(|l| Language::parse(l).is_none())
        {
            return Err(format!("language {language:?} is not fr or en"));
        }
        Ok(meta.single_lines())
    }

    /// Field by field: the value of `self` when set, else that of `fallback` (like `Option::or`).
    pub fn or(self, fallback: Meta) -> Meta {
        Meta {
            id: self.id.or(fallback.id),
            title: self.title.or(fallback.title),
            symbol: self.symbol.or(fallback.symbol),
            date: self.date.or(fallback.date),
            kind: self.kind.or(fallback.kind),
            language: self.language.or(fallback.language),
            collection: self.collection.or(fallback.collection),
        }
    }

    fn single_lines(self) -> Meta {
        let clean = |v: Option<String>| {
            v.map(|s| {
                let s = sanitize(&s).replace(['\n', '\x0c'], " ");
                s.trim().to_string()
            })
            .filter(|s| !s.is_empty())
        };
        Meta {
            id: clean(self.id),
            title: clean(self.title),
            symbol: clean(self.symbol),
            date: clean(self.date),
            kind: clean(self.kind),
            language: clean(self.language),
            collection: clean(self.collection),
        }
    }
}

/// `toml`'s errors span several lines with a source excerpt; a `LoadError` is one line.
fn one_line_toml_error(text: &str, e: &toml::de::Error) -> String {
    let message = e.message().split_whitespace().collect::<Vec<_>>().join(" ");
    match e.span() {
        Some(span) => {
            let line = text.as_bytes()[..span.start.min(text.len())]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            format!("line {line}: {message}")
        }
        None => message,
    }
}

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

/// Why bytes could not be read as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DecodeProblem {
    #[error("binary file (contains NUL bytes), not a text document")]
    Binary,
    #[error("starts with a UTF-16 byte-order mark but is not valid UTF-16")]
    MalformedUtf16,
}

// ---------------------------------------------------------------------------------------------
// Bundled library

/// Per-folder rules of a catalog TOML (`seeds/catalog.toml`, each table of
/// `assets/library/catalog.toml`).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FolderRules {
    collection: Option<String>,
    #[serde(default)]
    symbol_from_file_name: bool,
    #[serde(default)]
    defaults: Meta,
    #[serde(default)]
    files: BTreeMap<String, Meta>,
}

struct Catalogs {
    seeds: FolderRules,
    library: BTreeMap<String, FolderRules>,
}

fn catalogs() -> Result<Catalogs, toml::de::Error> {
    Ok(Catalogs {
        seeds: toml::from_str(SEEDS_CATALOG)?,
        library: toml::from_str(LIBRARY_CATALOG)?,
    })
}

/// The documents embedded in the binary: `seeds/` and `assets/library/`, in path order, with the
/// metadata of their catalogs. Cheap: the text is borrowed from the binary, not copied or scanned
/// (build.rs checked it is clean; the few files that are not get sanitised here).
pub fn bundled() -> Vec<Source> {
    // The catalogs are compiled in, not user data; `catalogs_parse` (a test) keeps them valid.
    // Should one still be broken, the documents load without catalog metadata rather than not at all.
    let catalogs = catalogs().unwrap_or_else(|_| Catalogs {
        seeds: FolderRules::default(),
        library: BTreeMap::new(),
    });
    embedded::BUNDLED
        .iter()
        .map(|&(rel, text, clean)| {
            let (folder, name) = match rel.rsplit_once('/') {
                Some((folder, name)) => (folder, name),
                None => ("", rel),
            };
            let (folder_name, rules) = match folder.strip_prefix("assets/library/") {
                Some(sub) => {
                    let top = sub.split('/').next().unwrap_or(sub);
                    (top, catalogs.library.get(top))
                }
                None => ("Seeds", Some(&catalogs.seeds)),
            };
            let mut meta = Meta::default();
            let mut collection = folder_name.to_string();
            if let Some(rules) = rules {
                let file_meta = rules.files.get(name).cloned().unwrap_or_default();
                meta = file_meta.or(rules.defaults.clone());
                if rules.symbol_from_file_name && meta.symbol.is_none() {
                    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
                    meta.symbol = Symbol::parse(stem).map(|s| s.as_str().to_string());
                }
                if let Some(c) = &rules.collection {
                    collection.clone_from(c);
                }
            }
            if let Some(c) = &meta.collection {
                collection.clone_from(c);
            }
            let text = if clean {
                Cow::Borrowed(text)
            } else {
                sanitize(text)
            };
            Source {
                path: format!("bundled:{rel}"),
                file: None,
                collection,
                text,
                meta,
            }
        })
        .collect()
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

// ---------------------------------------------------------------------------------------------
// Decoding

/// Bytes of a text file into a `String`. Copies the input; `decode_vec` avoids that.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeProblem> {
    decode_vec(bytes.to_vec())
}

/// Bytes of a text file into a `String`, reusing the buffer when it is already UTF-8.
///
/// - UTF-16 LE/BE with a byte-order mark: decoded; malformed → `MalformedUtf16`. Without one,
///   decoded when the file is plainly UTF-16 (see `bomless_utf16`).
/// - A NUL byte anywhere → `Binary`. The whole file is scanned (memchr: milliseconds for 100 MB)
///   rather than the first 8 KiB, so a file that is text at the top and binary further down is
///   not shown as garbage; real text documents never contain NUL.
/// - UTF-8 (a leading BOM is removed).
/// - Otherwise mostly-UTF-8 text with a few stray legacy bytes keeps its UTF-8 and has only the
///   stray bytes read as Windows-1252; anything else is read entirely as Windows-1252 (a superset
///   of Latin-1 for printable text, so Latin-1 files keep their accents). Windows-1252 maps every
///   byte, so decoding never gives up on files without NUL.
pub fn decode_vec(mut bytes: Vec<u8>) -> Result<String, DecodeProblem> {
    let utf16 = if bytes.starts_with(&[0xFF, 0xFE]) {
        Some(encoding_rs::UTF_16LE)
    } else if bytes.starts_with(&[0xFE, 0xFF]) {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    };
    if let Some(encoding) = utf16 {
        let text = encoding
            .decode_without_bom_handling_and_without_replacement(&bytes[2..])
            .ok_or(DecodeProblem::MalformedUtf16)?;
        if text.contains('\0') {
            return Err(DecodeProblem::Binary);
        }
        return Ok(text.into_owned());
    }
    if memchr::memchr(0, &bytes).is_some() {
        // NUL bytes: binary, unless the file is plainly UTF-16 saved without a byte-order mark.
        return bomless_utf16(&bytes).ok_or(DecodeProblem::Binary);
    }
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => Ok(decode_legacy(&e.into_bytes())),
    }
}

/// The text of a file that is plainly UTF-16 without a byte-order mark: an even length, NUL as
/// the high byte of at least a third of its code units (spaces, digits and Latin letters) and
/// almost never as the low one, decoding without error to text with no NUL and next to no
/// other control characters. A binary file seldom passes all of that; text mostly in another
/// script is not plainly UTF-16 and is left alone.
fn bomless_utf16(bytes: &[u8]) -> Option<String> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let units = bytes.len() / 2;
    let (mut first, mut second) = (0usize, 0usize);
    for pair in bytes.chunks_exact(2) {
        first += usize::from(pair[0] == 0);
        second += usize::from(pair[1] == 0);
    }
    // A low byte of 0 is a character like U+0100 or U+4E00: rare, but not impossible.
    let encoding = if second * 3 >= units && first * 100 <= units {
        encoding_rs::UTF_16LE
    } else if first * 3 >= units && second * 100 <= units {
        encoding_rs::UTF_16BE
    } else {
        return None;
    };
    let text = encoding.decode_without_bom_handling_and_without_replacement(bytes)?;
    let chars = text.chars().count();
    let controls = text
        .chars()
        .filter(|&c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c'))
        .count();
    (!text.contains('\0') && controls * 100 <= chars).then(|| text.into_owned())
}

/// Invalid UTF-8: decides between "UTF-8 with stray bytes" and "a legacy 8-bit file".
fn decode_legacy(bytes: &[u8]) -> String {
    let mut valid_multibyte = 0usize;
    let mut invalid = 0usize;
    for chunk in bytes.utf8_chunks() {
        valid_multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    if valid_multibyte > invalid {
        let mut out = String::with_capacity(bytes.len() + invalid);
        for chunk in bytes.utf8_chunks() {
            out.push_str(chunk.valid());
            out.push_str(
                &encoding_rs::WINDOWS_1252
                    .decode_without_bom_handling(chunk.invalid())
                    .0,
            );
        }
        out
    } else {
        encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogs_parse() {
        let catalogs = catalogs().expect("bundled catalogs are valid TOML of the right shape");
        assert_eq!(catalogs.seeds.collection.as_deref(), Some("Seeds"));
        assert_eq!(catalogs.library.len(), 3);
    }

    #[test]
    fn every_catalog_entry_names_a_bundled_file() {
        let catalogs = catalogs().expect("valid catalogs");
        let files: HashSet<&str> = embedded::BUNDLED.iter().map(|(rel, _, _)| *rel).collect();
        for name in catalogs.seeds.files.keys() {
            assert!(files.contains(format!("seeds/{name}").as_str()), "{name}");
        }
        for (folder, rules) in &catalogs.library {
            for name in rules.files.keys() {
                let rel = format!("assets/library/{folder}/{name}");
                assert!(files.contains(rel.as_str()), "{rel}");
            }
        }
    }

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
