//! The library cache: a whole library (bundled documents and the user's files, parsed and
//! linked) with its two search indexes, kept on disk so that the next start with the same paths
//! uses it instead of reading, parsing, linking and indexing every file again.
//!
//! One file per set of paths and build (`library-HASH.bin` in the cache folder), valid while
//! every file under those paths has the stamp it had when the cache was written (size,
//! modification time, and on Unix inode and change time): the paths are walked and every file
//! `stat`ed at each start, on one thread while the cache is opened on another, and anything
//! added, removed, renamed or written to makes it stale. The key also names the build (format,
//! version, bundled texts, the code that parses and indexes), as the bundled cache's does.
//!
//! Layout: `MAGIC`, the key, the fingerprint of the files, then four sections, each its length,
//! its checksum, its bytes and padding to 8 bytes: the paragraph index, the document index, the
//! documents, and the table (each document's place and checksum among the documents, and the
//! problems met reading the files). It is written as a stream, never whole in memory, and read
//! mapped: the indexes' large arrays are used where they lie in the file (`search::Backing`),
//! after the checksums and the indexes' consistency are checked. A search then decodes only the
//! documents it shows. A file that is short, damaged or of another build is ignored and
//! rewritten.

use std::fs::{self, File};
use std::io::{BufWriter, Seek, SeekFrom, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use super::LoadRequest;
use super::bundled::{self, Checksum, checksum, decode_document, encode_document};
use crate::document::source::{self, LoadError, Scan};
use crate::document::{Corpus, Document, Progress};
use crate::search::{Backing, Hit, Indexes, SearchIndex};

const MAGIC: &[u8; 8] = b"plenlib\x01";
/// Library cache files are `FILE_PREFIX`, 16 hex digits, `.bin`.
const FILE_PREFIX: &str = "library-";
/// Temporary files while a cache is written (only ours are ever removed).
const TEMP_PREFIX: &str = ".plenary-library-";
/// Library cache files kept, and the most bytes the others than the one just written may take
/// (a library of a million paragraphs takes about 600 MB); the least recently written beyond
/// either are deleted.
const KEEP_FILES: usize = 6;
const KEEP_BYTES: u64 = 2 << 30;
/// A temporary file this old in the cache folder was left by a process that ended mid-write.
const ABANDONED: std::time::Duration = std::time::Duration::from_secs(3600);
/// A file written this recently (ns) might change again within the same clock tick, unseen by
/// its stamp; a library holding one is not cached until the next start.
const SETTLE_NS: i128 = 2_000_000_000;

/// Where the cache of one library lives and what it must have been written for.
#[derive(Debug, Clone)]
pub struct LibraryCache {
    path: PathBuf,
    key: String,
}

impl LibraryCache {
    /// The cache file for `request`; None when it has no cache folder.
    pub fn for_request(request: &LoadRequest) -> Option<LibraryCache> {
        let dir = request.cache_dir.as_ref()?;
        // Each path as given (documents show it, so `lib` and `./lib` are cached apart) and
        // where it leads (`.` in two folders is two libraries).
        let mut described = format!("bundled {}", request.bundled);
        for p in &request.paths {
            let canonical = fs::canonicalize(p).unwrap_or_default();
            for part in [p, &canonical] {
                described.push('\0');
                described.push_str(&part.to_string_lossy());
            }
        }
        let key = format!("{}; library {described}", bundled::key());
        // The build is in the name too, so two builds (a release and a development one) keep a
        // file each rather than overwriting each other's at every start.
        let name = format!("{FILE_PREFIX}{:016x}.bin", checksum(key.as_bytes()));
        Some(LibraryCache {
            path: dir.join(name),
            key,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Stores the library, unless a file in it was written too recently to trust its stamp.
    /// Failure only costs the next start its speed, so it is not reported.
    pub fn store(&self, to_store: &ToStore, corpus: &Corpus, indexes: &Indexes) {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as i128);
        // A file without a time, or written just now: its stamp could not show the next change.
        if to_store
            .newest
            .is_none_or(|newest| newest > now - SETTLE_NS)
        {
            return;
        }
        let Some(dir) = self.path.parent() else {
            return;
        };
        let written = super::write_atomically(
            &self.path,
            (TEMP_PREFIX, ""),
            super::Durability::Unsynced,
            |file| write(file, &self.key, to_store, corpus, indexes),
        );
        if written.is_ok() {
            prune(dir, &self.path);
        }
    }

    /// The stored library if it was written for this key and these files; reading the cache
    /// and scanning the files run side by side. Also gives the scan, to load from on a miss.
    fn open(&self, paths: &[PathBuf], indexes: Which) -> (Option<Stored>, Scan) {
        let (stored, scan) = self.open_then(paths, indexes, |_| ());
        (stored.map(|(stored, ())| stored), scan)
    }

    /// [`open`](Self::open), running `then` on the stored library as soon as it is read, on
    /// the reading thread, while the files are still being scanned (its result is used only
    /// if the scan then finds the cache valid).
    fn open_then<R: Send>(
        &self,
        paths: &[PathBuf],
        indexes: Which,
        then: impl FnOnce(&Stored) -> R + Send,
    ) -> (Option<(Stored, R)>, Scan) {
        std::thread::scope(|scope| {
            let reader = scope.spawn(|| {
                let stored = Stored::read(&self.path, &self.key, indexes)?;
                let result = then(&stored);
                Some((stored, result))
            });
            let scan = source::scan(paths);
            // The reader cannot panic on file contents; should it anyway, the cache is a miss.
            let stored = reader.join().ok().flatten();
            let stored = stored.filter(|(s, _)| s.fingerprint == scan.fingerprint());
            (stored, scan)
        })
    }
}

/// Which indexes a reader needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Which {
    None,
    Paragraphs,
    Both,
}

/// A library loaded by [`load`].
pub struct Loaded {
    pub corpus: Corpus,
    /// From the cache; None when the library was read from its files.
    pub indexes: Option<Indexes>,
    /// On a miss with a cache folder: how to write the cache once the indexes are built.
    pub to_store: Option<ToStore>,
}

/// A library cache to write, for the files as they were scanned.
pub struct ToStore {
    cache: LibraryCache,
    fingerprint: u64,
    newest: Option<i128>,
    /// The first problems of the corpus are the scan's: a valid cache is scanned again, so
    /// only those after them (met reading the files) are stored.
    scan_errors: usize,
}

impl ToStore {
    /// Writes the cache of `corpus` (the one loaded with this) and its indexes.
    pub fn store(&self, corpus: &Corpus, indexes: &Indexes) {
        self.cache.store(self, corpus, indexes);
    }
}

/// The library for `request`: from the library cache when it is valid (documents and indexes),
/// otherwise from the files through `bundled::load_sources` (the bundled part from the bundled
/// cache), without indexes. `with_indexes` false reads no index from the cache either.
pub fn load(
    request: &LoadRequest,
    with_indexes: bool,
    progress: &mut dyn FnMut(Progress),
) -> Loaded {
    let cache = LibraryCache::for_request(request);
    let which = if with_indexes {
        Which::Both
    } else {
        Which::None
    };
    let (stored, scan) = match &cache {
        Some(cache) => cache.open(&request.paths, which),
        None => (None, source::scan(&request.paths)),
    };
    if let Some(stored) = stored {
        if let Some((corpus, indexes)) = stored.into_library(scan.errors) {
            progress(Progress {
                done: corpus.documents.len(),
                total: corpus.documents.len(),
            });
            return Loaded {
                corpus,
                indexes,
                to_store: None,
            };
        }
        // A document that does not decode: the file is damaged; load from the files.
        let scan = source::scan(&request.paths);
        return load_files(request, cache, scan, progress);
    }
    load_files(request, cache, scan, progress)
}

fn load_files(
    request: &LoadRequest,
    cache: Option<LibraryCache>,
    scan: Scan,
    progress: &mut dyn FnMut(Progress),
) -> Loaded {
    let fingerprint = scan.fingerprint();
    let newest = scan.newest();
    let scan_errors = scan.errors.len();
    let (user, errors) = source::read(scan);
    let corpus = bundled::load_sources(
        user,
        errors,
        request.bundled,
        request.cache_dir.as_deref(),
        progress,
    );
    Loaded {
        corpus,
        indexes: None,
        to_store: cache.map(|cache| ToStore {
            cache,
            fingerprint,
            newest,
            scan_errors,
        }),
    }
}

/// A library cache opened for one search: its paragraph index, and its documents read one by
/// one as hits need them.
pub struct SearchableLibrary {
    pub paragraphs: SearchIndex,
    stored: Stored,
    errors: Vec<LoadError>,
}

impl SearchableLibrary {
    /// The valid cache for `request`, or None (no cache folder, no file, stale, damaged).
    pub fn open(request: &LoadRequest) -> Option<SearchableLibrary> {
        Self::open_and_search(request, "", 0).map(|(library, _)| library)
    }

    /// [`open`](Self::open), and the paragraphs matching `query` (at most `limit`), searched
    /// while the files are still being checked.
    pub fn open_and_search(
        request: &LoadRequest,
        query: &str,
        limit: usize,
    ) -> Option<(SearchableLibrary, Vec<Hit>)> {
        let cache = LibraryCache::for_request(request)?;
        let (stored, scan) = cache.open_then(&request.paths, Which::Paragraphs, |stored| {
            stored
                .paragraphs
                .as_ref()
                // A panic here is bytes changed under the mapping: no cache, the files are read.
                .and_then(|index| crate::search::contained(|| index.search(query, None, limit)))
        });
        let (mut stored, hits) = stored?;
        let hits = hits?;
        let paragraphs = stored.paragraphs.take()?;
        let mut errors = scan.errors;
        errors.extend(stored.recalled_errors());
        Some((
            SearchableLibrary {
                paragraphs,
                stored,
                errors,
            },
            hits,
        ))
    }

    /// Problems with the library's files, as a fresh load would report them.
    pub fn errors(&self) -> &[LoadError] {
        &self.errors
    }

    /// Document `i` of the library, read from the cache file.
    pub fn document(&self, i: usize) -> Option<Document> {
        self.stored.document(i)
    }
}

/// The library that the bytes of a cache file written for `key` hold, as [`load`] takes it from
/// a valid cache: its documents, linked as stored, and both indexes; None where `load` would
/// ignore the file. The reader without the file system or the scan, for the fuzz targets
/// (`fuzz/`), which feed it damaged and crafted files.
#[doc(hidden)]
pub fn library_from_bytes(bytes: Vec<u8>, key: &str) -> Option<(Corpus, Option<Indexes>)> {
    Stored::parse(Arc::new(bytes), key, Which::Both)?.into_library(Vec::new())
}

// ---------------------------------------------------------------------------------------------
// The file

/// One stored document: where its bytes are in the blob section, and their checksum.
#[derive(Debug, Clone, Copy, serde::Serialize, serde::Deserialize)]
struct Entry {
    offset: u64,
    len: u64,
    checksum: u64,
}

/// A problem met reading a file, kept to be told again.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
struct StoredError {
    path: PathBuf,
    message: String,
    warning: bool,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Table {
    documents: Vec<Entry>,
    errors: Vec<StoredError>,
}

/// An opened library cache file: its table and the indexes asked for, read; the documents
/// decoded when asked for.
struct Stored {
    fingerprint: u64,
    table: Table,
    paragraphs: Option<SearchIndex>,
    documents: Option<SearchIndex>,
    /// The file's bytes (mapped), which the indexes' arrays view, and where the documents are.
    bytes: Backing,
    blobs: Range<usize>,
}

/// Writes the cache file, streaming every section (the documents one by one): the library is
/// never held in memory a second time, which at a million paragraphs would be 600 MB.
fn write(
    file: &mut File,
    key: &str,
    to_store: &ToStore,
    corpus: &Corpus,
    indexes: &Indexes,
) -> std::io::Result<()> {
    let mut out = BufWriter::with_capacity(256 * 1024, file);
    out.write_all(MAGIC)?;
    out.write_all(&(key.len() as u64).to_le_bytes())?;
    out.write_all(key.as_bytes())?;
    // Sections start on 8-byte boundaries, so that index arrays can be used in place.
    out.write_all(&[0; 8][..padding(key.len())])?;
    out.write_all(&to_store.fingerprint.to_le_bytes())?;
    write_section(&mut out, |w| indexes.paragraphs.write_to(w))?;
    write_section(&mut out, |w| indexes.documents.write_to(w))?;
    let mut entries = Vec::with_capacity(corpus.documents.len());
    write_section(&mut out, |w| {
        let mut bytes = Vec::new();
        let mut offset = 0;
        for d in &corpus.documents {
            bytes.clear();
            encode_document(d, &mut bytes);
            w.write_all(&bytes)?;
            entries.push(Entry {
                offset,
                len: bytes.len() as u64,
                checksum: checksum(&bytes),
            });
            offset += bytes.len() as u64;
        }
        Ok(())
    })?;
    let errors = corpus
        .errors
        .iter()
        .skip(to_store.scan_errors)
        .map(|e| StoredError {
            path: e.path().to_path_buf(),
            message: e.to_string(),
            warning: e.is_warning(),
        })
        .collect();
    let table = Table {
        documents: entries,
        errors,
    };
    // Serialising owned data into a Vec cannot fail (see `bundled::encode`).
    let table = postcard::to_stdvec(&table).unwrap_or_default();
    write_section(&mut out, |w| w.write_all(&table))?;
    out.flush()
}

/// A section: its length and checksum (filled in once known), then what `body` writes, then
/// zeros to the next multiple of 8 bytes (not counted in either).
fn write_section<W: Write + Seek>(
    out: &mut W,
    body: impl FnOnce(&mut Summed<&mut W>) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let head = out.stream_position()?;
    out.write_all(&[0; 16])?;
    let mut summed = Summed {
        inner: &mut *out,
        sum: Checksum::new(),
        len: 0,
    };
    body(&mut summed)?;
    let (len, sum) = (summed.len, summed.sum.finish());
    out.write_all(&[0; 8][..padding(len as usize)])?;
    let end = out.stream_position()?;
    out.seek(SeekFrom::Start(head))?;
    out.write_all(&len.to_le_bytes())?;
    out.write_all(&sum.to_le_bytes())?;
    out.seek(SeekFrom::Start(end))?;
    Ok(())
}

impl Stored {
    /// Maps the file and reads it up to the documents; None when it is missing, of another
    /// key, short or damaged in what was read.
    fn read(path: &Path, key: &str, which: Which) -> Option<Stored> {
        // Anything but a plain file (a FIFO would block the open) is not a cache.
        if !fs::metadata(path).ok()?.is_file() {
            return None;
        }
        let file = File::open(path).ok()?;
        // A file system that cannot map files (some network or FUSE ones) gets it read instead.
        let bytes: Backing = match map(&file) {
            Some(map) => Arc::new(Mapped { map, _file: file }),
            None => Arc::new(fs::read(path).ok()?),
        };
        Stored::parse(bytes, key, which)
    }

    /// [`read`](Self::read) of the file's bytes, once they are in memory.
    fn parse(bytes: Backing, key: &str, which: Which) -> Option<Stored> {
        let all: &[u8] = (*bytes).as_ref();
        let mut at: usize = 0;
        let mut take = |n: usize| -> Option<Range<usize>> {
            let range = at..at.checked_add(n)?;
            all.get(range.clone())?;
            at = range.end;
            Some(range)
        };
        if all.get(take(8)?)? != MAGIC {
            return None;
        }
        let key_len = usize::try_from(u64_at(all, take(8)?.start)?).ok()?;
        if key_len != key.len() || all.get(take(key_len)?)? != key.as_bytes() {
            return None;
        }
        take(padding(key_len))?;
        let fingerprint = u64_at(all, take(8)?.start)?;
        // Each section: its length and checksum, its bytes, padding.
        let mut section = |verify: bool| -> Option<Range<usize>> {
            let head = take(16)?.start;
            let len = usize::try_from(u64_at(all, head)?).ok()?;
            let body = take(len)?;
            take(padding(len))?;
            let sum = u64_at(all, head + 8)?;
            (!verify || checksum(all.get(body.clone())?) == sum).then_some(body)
        };
        let paragraphs = section(which != Which::None)?;
        let documents = section(which == Which::Both)?;
        // Documents carry their own checksums, checked as each is decoded.
        let blobs = section(false)?;
        let table = section(true)?;
        if table.end + padding(table.len()) != all.len() {
            return None;
        }
        let table: Table = match postcard::take_from_bytes(all.get(table)?) {
            Ok((table, [])) => table,
            _ => return None,
        };
        let index = |range: Range<usize>| -> Option<SearchIndex> {
            let index = SearchIndex::from_bytes(&bytes, range)?;
            // Records must name documents the table has.
            index
                .documents_below(table.documents.len())
                .then_some(index)
        };
        let paragraphs = match which {
            Which::None => None,
            Which::Paragraphs | Which::Both => Some(index(paragraphs)?),
        };
        let documents = match which {
            Which::None | Which::Paragraphs => None,
            Which::Both => Some(index(documents)?),
        };
        Some(Stored {
            fingerprint,
            table,
            paragraphs,
            documents,
            bytes,
            blobs,
        })
    }

    /// The bytes of document `i`, checked against its checksum.
    fn document_bytes(&self, entry: &Entry) -> Option<&[u8]> {
        let start = self
            .blobs
            .start
            .checked_add(usize::try_from(entry.offset).ok()?)?;
        let end = start.checked_add(usize::try_from(entry.len).ok()?)?;
        if end > self.blobs.end {
            return None;
        }
        let bytes = (*self.bytes).as_ref().get(start..end)?;
        (checksum(bytes) == entry.checksum).then_some(bytes)
    }

    fn document(&self, i: usize) -> Option<Document> {
        decode_document(self.document_bytes(self.table.documents.get(i)?)?)
    }

    fn recalled_errors(&self) -> Vec<LoadError> {
        self.table
            .errors
            .iter()
            .map(|e| LoadError::Recalled {
                path: e.path.clone(),
                message: e.message.clone(),
                warning: e.warning,
            })
            .collect()
    }

    /// Every document, linked as stored, with the scan's problems and the stored ones; None if
    /// any document is damaged.
    fn into_library(self, scan_errors: Vec<LoadError>) -> Option<(Corpus, Option<Indexes>)> {
        let decode = |entry: &Entry| decode_document(self.document_bytes(entry)?);
        let documents: Option<Vec<Document>> =
            crate::document::map_parallel(&self.table.documents, decode)
                .into_iter()
                .collect();
        let mut corpus = Corpus::from_linked(documents?);
        let mut errors = scan_errors;
        errors.extend(self.recalled_errors());
        corpus.errors = errors;
        let indexes = self
            .paragraphs
            .zip(self.documents)
            .map(|(paragraphs, documents)| Indexes {
                paragraphs: Arc::new(paragraphs),
                documents: Arc::new(documents),
            });
        Some((corpus, indexes))
    }
}

/// Zeros after `len` bytes up to the next multiple of 8.
fn padding(len: usize) -> usize {
    (8 - len % 8) % 8
}

fn u64_at(bytes: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(
        bytes.get(at..at.checked_add(8)?)?.try_into().ok()?,
    ))
}

/// A cache file mapped, with the file kept open under a shared lock for as long as the mapping
/// lives: the pruning of old caches (by any plenary) passes over a file someone has mapped.
struct Mapped {
    map: memmap2::Mmap,
    _file: File,
}

impl AsRef<[u8]> for Mapped {
    fn as_ref(&self) -> &[u8] {
        &self.map
    }
}

/// The cache file mapped into memory, read-only, and locked shared (where the file system has
/// locks; mapping goes ahead without one).
#[allow(unsafe_code)]
fn map(file: &File) -> Option<memmap2::Mmap> {
    let _ = file.try_lock_shared();
    // SAFETY: a mapping is undefined behaviour if the file changes while it is mapped. plenary
    // never changes a cache file in place: each is written whole to a temporary file and
    // renamed over the old one, which leaves this mapping on the old file, intact until it is
    // dropped. Only another program writing into the cache folder's files could change it.
    unsafe { memmap2::Mmap::map(file) }.ok()
}

/// A reader or writer that checksums and counts what passes through it.
struct Summed<T> {
    inner: T,
    sum: Checksum,
    len: u64,
}

impl<W: Write> Write for Summed<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.sum.update(&buf[..n]);
        self.len += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Deletes the library cache files beyond the `KEEP_FILES` most recently written, never `keep`.
fn prune(dir: &Path, keep: &Path) {
    prune_to(dir, keep, KEEP_FILES, KEEP_BYTES);
}

/// Whether a running plenary has `path` mapped (it holds a shared lock on it).
fn in_use(path: &Path) -> bool {
    File::open(path).is_ok_and(|f| matches!(f.try_lock(), Err(fs::TryLockError::WouldBlock)))
}

fn prune_to(dir: &Path, keep: &Path, max_files: usize, max_bytes: u64) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let now = SystemTime::now();
    let mut files: Vec<(SystemTime, u64, PathBuf)> = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let Some((modified, len)) = entry
            .metadata()
            .ok()
            .and_then(|m| Some((m.modified().ok()?, m.len())))
        else {
            continue;
        };
        let hash = name
            .strip_prefix(FILE_PREFIX)
            .and_then(|n| n.strip_suffix(".bin"));
        if hash.is_some_and(|h| h.len() == 16 && h.bytes().all(|b| b.is_ascii_hexdigit())) {
            files.push((modified, len, entry.path()));
        } else if name.starts_with(TEMP_PREFIX)
            && now
                .duration_since(modified)
                .is_ok_and(|age| age > ABANDONED)
        {
            // A cache being written when its process ended (the reader quit meanwhile).
            let _ = fs::remove_file(entry.path());
        }
    }
    // Newest first; the one just written always stays, the others while they fit.
    files.sort_by_key(|f| std::cmp::Reverse(f.0));
    let mut kept = 0;
    let mut total = 0;
    for (_, len, path) in files {
        if path == keep {
            continue;
        }
        kept += 1;
        total += len;
        if (kept >= max_files || total > max_bytes) && !in_use(&path) {
            let _ = fs::remove_file(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prune_keeps_the_newest_within_count_and_size_and_always_the_one_written() {
        let dir = tempfile::tempdir().expect("temp dir");
        let name = |k: u64| dir.path().join(format!("{FILE_PREFIX}{k:016x}.bin"));
        let hour = std::time::Duration::from_secs(3600);
        // File k is k hours old and k * 100 bytes long; file 7 (the oldest) was just written.
        for k in 1..=7 {
            fs::write(name(k), vec![0u8; k as usize * 100]).expect("write");
            let file = File::options().write(true).open(name(k)).expect("open");
            file.set_modified(SystemTime::now() - hour * k as u32)
                .expect("mtime");
        }
        let other = dir.path().join("library-notes.bin");
        fs::write(&other, "not a cache file").expect("write");
        // Three files at most: the one written and the two newest others.
        prune_to(dir.path(), &name(7), 3, u64::MAX);
        let left: Vec<bool> = (1..=7).map(|k| name(k).exists()).collect();
        assert_eq!(left, [true, true, false, false, false, false, true]);
        assert!(other.exists(), "not named like a cache file");
        // At most 150 bytes besides the one written: only file 1 (100 bytes) fits.
        prune_to(dir.path(), &name(7), 10, 150);
        let left: Vec<bool> = (1..=7).map(|k| name(k).exists()).collect();
        assert_eq!(left, [true, false, false, false, false, false, true]);
    }

    #[test]
    fn prune_passes_over_a_cache_another_reader_has_mapped() {
        let dir = tempfile::tempdir().expect("temp dir");
        let name = |k: u64| dir.path().join(format!("{FILE_PREFIX}{k:016x}.bin"));
        for k in 1..=3 {
            fs::write(name(k), vec![1u8; 64]).expect("write");
        }
        // What `Stored::read` does with a file it maps.
        let held = File::open(name(2)).expect("open");
        let mapped = map(&held).expect("map");
        prune_to(dir.path(), &name(1), 1, u64::MAX);
        assert!(name(2).exists(), "held under a shared lock");
        assert!(!name(3).exists(), "not held");
        drop((mapped, held));
        prune_to(dir.path(), &name(1), 1, u64::MAX);
        assert!(!name(2).exists(), "let go");
    }
}
