//! The start-up cache: the bundled library parsed and linked once, kept on disk between runs.
//!
//! Parsing the bundled library (1.6 MB of text, 705 documents) and linking it is most of a
//! cold start (its documents are listed about 70 ms after a cold start, 18 ms after a warm one;
//! README, Performance); reading it back from this cache takes a few milliseconds. The file holds only the bundled
//! documents: a library with user files comes from the library cache (`store::library`) when its
//! files are unchanged; when not, they are parsed and linked together with the documents cached
//! here (`Corpus::extend`).
//!
//! The file is `MAGIC`, the cache key (length-prefixed), a checksum of the payload, then the
//! documents in postcard. The key names the build inputs (`key()`): a file written by another
//! build, a damaged one or a truncated one is ignored and rewritten, never an error. Writes go
//! through a temporary file renamed into place, so a reader never sees half a file.
//!
//! The model types serialise to JSON for `plenary show --json`, which leaves out internal fields
//! (markup ranges, citation byte ranges and references). The cache needs those, so it has its
//! own mirror of the model below; converting field by field with exhaustive destructuring makes
//! a new model field a compile error here rather than a silent loss.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::document::cite::{Citation, Reference};
use crate::document::corpus::{self, Corpus, Progress};
use crate::document::model::{
    Document, DocumentKind, Footnote, Language, Markup, Paragraph, ParagraphKind,
};
use crate::document::source::{self, Source};
use crate::document::symbol::Symbol;

/// Name of the cache file inside the cache folder.
pub const FILE_NAME: &str = "bundled.postcard";

/// Version of the file layout and of the mirror types below; bump it when either changes.
pub const FORMAT_VERSION: u32 = 4;

/// First bytes of a cache file.
const MAGIC: &[u8; 8] = b"plenary\x01";

/// Hash of the bundled texts, their catalogs and the code that parses and indexes them (build.rs).
const BUNDLED_HASH: &str = env!("PLENARY_BUNDLED_HASH");

/// What a cache file must have been written for: this format, this crate version, these texts
/// and this parser.
pub fn key() -> String {
    format!(
        "format {FORMAT_VERSION}; plenary {}; bundled {BUNDLED_HASH}",
        env!("CARGO_PKG_VERSION")
    )
}

/// Why a cache file was not used. None of these reaches the user: the library is parsed instead.
#[derive(Debug, thiserror::Error)]
pub enum CacheError {
    #[error("no cache file at {path}")]
    Missing { path: PathBuf },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path} is not a plenary cache file")]
    NotACache { path: PathBuf },
    #[error("{path} was written by another build ({found})")]
    Stale { path: PathBuf, found: String },
    #[error("{path} is damaged")]
    Corrupt { path: PathBuf },
}

/// The library: the bundled documents (from the cache in `cache_dir` when it is good; parsed,
/// linked and written back there when not), then the user's files and folders, parsed fresh and
/// linked with them. `cache_dir` None runs without a cache. Unloadable files are in `errors`.
///
/// Gives the same corpus as `Corpus::load(paths, bundled)`.
pub fn load(
    paths: &[PathBuf],
    bundled: bool,
    cache_dir: Option<&Path>,
    progress: &mut dyn FnMut(Progress),
) -> Corpus {
    let (user, errors) = source::load_paths(paths);
    load_sources(user, errors, bundled, cache_dir, progress)
}

/// [`load`] of user files already read (`source::read`), with the problems found reading them.
pub fn load_sources(
    user: Vec<Source>,
    errors: Vec<source::LoadError>,
    bundled: bool,
    cache_dir: Option<&Path>,
    progress: &mut dyn FnMut(Progress),
) -> Corpus {
    // The user's files are read first so the total is known before any parsing.
    let cached = match (bundled, cache_dir) {
        (true, Some(dir)) => read(dir).ok(),
        _ => None,
    };
    let bundled_sources = match (bundled, &cached) {
        (true, None) => source::bundled(),
        _ => Vec::new(),
    };
    let total = bundled_sources.len() + user.len();
    let mut done = 0;
    progress(Progress { done, total });
    let mut parse_all = |sources: &[Source]| -> Vec<Document> {
        let before = done;
        let docs = corpus::parse_all(sources, |n| {
            progress(Progress {
                done: before + n,
                total,
            })
        });
        done += docs.len();
        docs
    };
    let mut corpus = match cached {
        Some(corpus) => corpus,
        None if bundled => {
            let corpus = Corpus::from_documents(parse_all(&bundled_sources));
            if let Some(dir) = cache_dir {
                // An unwritable cache folder only means the next start parses again.
                let _ = write(dir, &corpus);
            }
            corpus
        }
        None => Corpus::default(),
    };
    corpus.extend(parse_all(&user));
    corpus.errors = errors;
    corpus
}

/// One linked document in the cache's encoding, appended to `out` (for the library cache,
/// which stores documents one by one so that it can read back only those it needs).
pub(crate) fn encode_document(document: &Document, out: &mut Vec<u8>) {
    // As in `encode`: serialising owned data into a Vec does not fail.
    if let Ok(bytes) = postcard::to_stdvec(&CachedDocument::from(document)) {
        out.extend_from_slice(&bytes);
    }
}

/// A document written by [`encode_document`]; None unless `bytes` are exactly one.
pub(crate) fn decode_document(bytes: &[u8]) -> Option<Document> {
    match postcard::take_from_bytes::<CachedDocument>(bytes) {
        Ok((document, [])) => Some(Document::from(document)),
        _ => None,
    }
}

/// The corpus stored in `dir`, if the file there is whole and was written for `key()`.
pub fn read(dir: &Path) -> Result<Corpus, CacheError> {
    let path = dir.join(FILE_NAME);
    // Anything but a plain file (a FIFO would block the read) is not a cache.
    if fs::metadata(&path).is_ok_and(|m| !m.is_file()) {
        return Err(CacheError::NotACache { path });
    }
    let bytes = match fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(CacheError::Missing { path });
        }
        Err(source) => return Err(CacheError::Io { path, source }),
    };
    let documents = decode(&bytes, &key()).map_err(|e| e.at(path))?;
    Ok(Corpus::from_linked(
        documents.into_iter().map(Document::from).collect(),
    ))
}

/// The corpus that the bytes of a cache file written for `key` hold, as [`read`] takes it from
/// a whole file; None where `read` gives an error. For the fuzz targets (`fuzz/`).
#[doc(hidden)]
pub fn corpus_from_bytes(bytes: &[u8], key: &str) -> Option<Corpus> {
    let documents = decode(bytes, key).ok()?;
    Some(Corpus::from_linked(
        documents.into_iter().map(Document::from).collect(),
    ))
}

/// Stores the corpus in `dir` (created if missing) for `read`, atomically.
///
/// Meant for the bundled library alone, linked among itself: `load` links user files anew.
pub fn write(dir: &Path, corpus: &Corpus) -> Result<(), CacheError> {
    let documents: Vec<CachedDocument> =
        corpus.documents.iter().map(CachedDocument::from).collect();
    let bytes = encode(&documents, &key());
    let io = |source| CacheError::Io {
        path: dir.to_path_buf(),
        source,
    };
    crate::store::write_atomically(
        &dir.join(FILE_NAME),
        (".bundled.", ".tmp"),
        crate::store::Durability::Unsynced,
        |file| file.write_all(&bytes),
    )
    .map_err(|(_, source)| io(source))
}

/// The file's bytes: magic, key, checksum, payload.
fn encode(documents: &[CachedDocument], key: &str) -> Vec<u8> {
    // Serialising owned data into a Vec cannot fail: postcard fails only on a full buffer or
    // types it cannot represent (none here). Should it still, the file is left out.
    let payload = postcard::to_stdvec(documents).unwrap_or_default();
    let mut out = Vec::with_capacity(payload.len() + key.len() + 24);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(key.len() as u32).to_le_bytes());
    out.extend_from_slice(key.as_bytes());
    out.extend_from_slice(&checksum(&payload).to_le_bytes());
    out.extend_from_slice(&payload);
    out
}

/// Why a file's bytes were refused, before we know its path.
enum DecodeError {
    NotACache,
    Stale(String),
    Corrupt,
}

impl DecodeError {
    fn at(self, path: PathBuf) -> CacheError {
        match self {
            DecodeError::NotACache => CacheError::NotACache { path },
            DecodeError::Stale(found) => CacheError::Stale { path, found },
            DecodeError::Corrupt => CacheError::Corrupt { path },
        }
    }
}

fn decode(bytes: &[u8], key: &str) -> Result<Vec<CachedDocument>, DecodeError> {
    let rest = bytes
        .strip_prefix(MAGIC.as_slice())
        .ok_or(DecodeError::NotACache)?;
    let (len, rest) = split_array::<4>(rest).ok_or(DecodeError::Corrupt)?;
    let len = u32::from_le_bytes(len) as usize;
    if rest.len() < len {
        return Err(DecodeError::Corrupt);
    }
    let (found, rest) = rest.split_at(len);
    if found != key.as_bytes() {
        return Err(DecodeError::Stale(
            String::from_utf8_lossy(found).into_owned(),
        ));
    }
    let (sum, payload) = split_array::<8>(rest).ok_or(DecodeError::Corrupt)?;
    if u64::from_le_bytes(sum) != checksum(payload) {
        return Err(DecodeError::Corrupt);
    }
    match postcard::take_from_bytes::<Vec<CachedDocument>>(payload) {
        Ok((documents, [])) => Ok(documents),
        _ => Err(DecodeError::Corrupt),
    }
}

fn split_array<const N: usize>(bytes: &[u8]) -> Option<([u8; N], &[u8])> {
    if bytes.len() < N {
        return None;
    }
    let (head, rest) = bytes.split_at(N);
    let mut array = [0; N];
    array.copy_from_slice(head);
    Some((array, rest))
}

/// Catches damage, not tampering: every step is a bijection of its lane's state, so any change
/// to one 8-byte word changes the result. Four independent lanes keep the multiplier busy: about
/// 8 GB/s, a millisecond for 8 MB. Public for the fuzz targets, which give crafted files the
/// checksums they need to reach the decoders behind them.
#[doc(hidden)]
pub fn checksum(bytes: &[u8]) -> u64 {
    let mut sum = Checksum::new();
    sum.update(bytes);
    sum.finish()
}

/// [`checksum`] of bytes that arrive in pieces.
pub(crate) struct Checksum {
    lanes: [u64; 4],
    /// The start of a 32-byte block whose end has not arrived yet.
    pending: [u8; 32],
    pending_len: usize,
    /// Bytes seen, mixed in at the end so that a cut is seen too.
    len: u64,
}

const K: u64 = 0x9e37_79b9_7f4a_7c15;

fn step(h: u64, w: u64) -> u64 {
    (h ^ w).wrapping_mul(K).rotate_left(29)
}

impl Checksum {
    pub(crate) fn new() -> Checksum {
        Checksum {
            lanes: [K, K.rotate_left(16), K.rotate_left(32), K.rotate_left(48)],
            pending: [0; 32],
            pending_len: 0,
            len: 0,
        }
    }

    pub(crate) fn update(&mut self, mut bytes: &[u8]) {
        self.len += bytes.len() as u64;
        if self.pending_len > 0 {
            let n = (32 - self.pending_len).min(bytes.len());
            self.pending[self.pending_len..self.pending_len + n].copy_from_slice(&bytes[..n]);
            self.pending_len += n;
            bytes = &bytes[n..];
            if self.pending_len < 32 {
                return;
            }
            let block = self.pending;
            self.block(&block);
            self.pending_len = 0;
        }
        let mut blocks = bytes.chunks_exact(32);
        for block in &mut blocks {
            self.block(block);
        }
        let rest = blocks.remainder();
        self.pending[..rest.len()].copy_from_slice(rest);
        self.pending_len = rest.len();
    }

    fn block(&mut self, block: &[u8]) {
        for (lane, w) in self.lanes.iter_mut().zip(block.chunks_exact(8)) {
            let mut word = [0; 8];
            word.copy_from_slice(w);
            *lane = step(*lane, u64::from_le_bytes(word));
        }
    }

    pub(crate) fn finish(&self) -> u64 {
        let mut h = self.lanes[0];
        for &lane in &self.lanes[1..] {
            h = step(h, lane);
        }
        for &b in &self.pending[..self.pending_len] {
            h = step(h, u64::from(b));
        }
        h = step(h, self.len);
        h ^ (h >> 32)
    }
}

// ---------------------------------------------------------------------------------------------
// The model as the cache stores it: every field, including those JSON leaves out.

#[derive(Serialize, Deserialize)]
struct CachedDocument {
    id: String,
    path: String,
    /// `Document::file` as the bytes of its name (a name need not be UTF-8).
    file: Option<Vec<u8>>,
    collection: String,
    title: String,
    symbol: Option<String>,
    date: Option<String>,
    kind: DocumentKind,
    language: Language,
    header: Vec<String>,
    paragraphs: Vec<CachedParagraph>,
    footnotes: Vec<CachedFootnote>,
    cited_by: Vec<String>,
}

#[derive(Serialize, Deserialize)]
struct CachedParagraph {
    id: String,
    kind: ParagraphKind,
    part: Option<String>,
    text: String,
    markup: Vec<CachedMarkup>,
    footnotes: Vec<String>,
    citations: Vec<CachedCitation>,
}

#[derive(Serialize, Deserialize)]
struct CachedFootnote {
    marker: String,
    text: String,
    markup: Vec<CachedMarkup>,
    citations: Vec<CachedCitation>,
}

/// `Markup` is an internally tagged enum in JSON, which postcard cannot read back.
#[derive(Serialize, Deserialize)]
enum CachedMarkup {
    Emphasis {
        start: usize,
        end: usize,
    },
    Superscript {
        start: usize,
        end: usize,
    },
    FootnoteRef {
        start: usize,
        end: usize,
        marker: String,
    },
}

#[derive(Serialize, Deserialize)]
struct CachedCitation {
    text: String,
    start: usize,
    end: usize,
    reference: CachedReference,
    symbol: Option<String>,
    target: Option<String>,
    paragraph: Option<String>,
    pinpoint: Option<String>,
    url: Option<String>,
}

#[derive(Serialize, Deserialize)]
enum CachedReference {
    Symbol(String),
    TitleDate { title: String, date: String },
    Charter { part: Option<String> },
}

#[cfg(unix)]
fn path_bytes(path: &Path) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    path.as_os_str().as_bytes().to_vec()
}

#[cfg(unix)]
fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    PathBuf::from(std::ffi::OsString::from_vec(bytes))
}

/// Elsewhere names are Unicode (WTF-8 underneath): what cannot be given back as it was is
/// looked up by its shown path instead.
#[cfg(not(unix))]
fn path_bytes(path: &Path) -> Vec<u8> {
    path.to_string_lossy().into_owned().into_bytes()
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(&bytes).into_owned())
}

fn symbol_text(s: &Option<Symbol>) -> Option<String> {
    s.as_ref().map(|s| s.as_str().to_string())
}

impl From<&Document> for CachedDocument {
    fn from(d: &Document) -> Self {
        let Document {
            id,
            path,
            file,
            collection,
            title,
            symbol,
            date,
            kind,
            language,
            header,
            paragraphs,
            footnotes,
            cited_by,
        } = d;
        CachedDocument {
            id: id.clone(),
            path: path.clone(),
            file: file.as_deref().map(path_bytes),
            collection: collection.clone(),
            title: title.clone(),
            symbol: symbol_text(symbol),
            date: date.clone(),
            kind: *kind,
            language: *language,
            header: header.clone(),
            paragraphs: paragraphs.iter().map(CachedParagraph::from).collect(),
            footnotes: footnotes.iter().map(CachedFootnote::from).collect(),
            cited_by: cited_by.clone(),
        }
    }
}

impl From<CachedDocument> for Document {
    fn from(d: CachedDocument) -> Self {
        let CachedDocument {
            id,
            path,
            file,
            collection,
            title,
            symbol,
            date,
            kind,
            language,
            header,
            paragraphs,
            footnotes,
            cited_by,
        } = d;
        Document {
            id,
            path,
            file: file.map(path_from_bytes),
            collection,
            title,
            symbol: symbol.map(Symbol::new),
            date,
            kind,
            language,
            header,
            paragraphs: paragraphs.into_iter().map(Paragraph::from).collect(),
            footnotes: footnotes.into_iter().map(Footnote::from).collect(),
            cited_by,
        }
    }
}

impl From<&Paragraph> for CachedParagraph {
    fn from(p: &Paragraph) -> Self {
        let Paragraph {
            id,
            kind,
            part,
            text,
            markup,
            footnotes,
            citations,
        } = p;
        CachedParagraph {
            id: id.clone(),
            kind: *kind,
            part: part.clone(),
            text: text.clone(),
            markup: markup.iter().map(CachedMarkup::from).collect(),
            footnotes: footnotes.clone(),
            citations: citations.iter().map(CachedCitation::from).collect(),
        }
    }
}

impl From<CachedParagraph> for Paragraph {
    fn from(p: CachedParagraph) -> Self {
        let CachedParagraph {
            id,
            kind,
            part,
            text,
            markup,
            footnotes,
            citations,
        } = p;
        Paragraph {
            id,
            kind,
            part,
            text,
            markup: markup.into_iter().map(Markup::from).collect(),
            footnotes,
            citations: citations.into_iter().map(Citation::from).collect(),
        }
    }
}

impl From<&Footnote> for CachedFootnote {
    fn from(f: &Footnote) -> Self {
        let Footnote {
            marker,
            text,
            markup,
            citations,
        } = f;
        CachedFootnote {
            marker: marker.clone(),
            text: text.clone(),
            markup: markup.iter().map(CachedMarkup::from).collect(),
            citations: citations.iter().map(CachedCitation::from).collect(),
        }
    }
}

impl From<CachedFootnote> for Footnote {
    fn from(f: CachedFootnote) -> Self {
        let CachedFootnote {
            marker,
            text,
            markup,
            citations,
        } = f;
        Footnote {
            marker,
            text,
            markup: markup.into_iter().map(Markup::from).collect(),
            citations: citations.into_iter().map(Citation::from).collect(),
        }
    }
}

impl From<&Markup> for CachedMarkup {
    fn from(m: &Markup) -> Self {
        match m {
            &Markup::Emphasis { start, end } => CachedMarkup::Emphasis { start, end },
            &Markup::Superscript { start, end } => CachedMarkup::Superscript { start, end },
            Markup::FootnoteRef { start, end, marker } => CachedMarkup::FootnoteRef {
                start: *start,
                end: *end,
                marker: marker.clone(),
            },
        }
    }
}

impl From<CachedMarkup> for Markup {
    fn from(m: CachedMarkup) -> Self {
        match m {
            CachedMarkup::Emphasis { start, end } => Markup::Emphasis { start, end },
            CachedMarkup::Superscript { start, end } => Markup::Superscript { start, end },
            CachedMarkup::FootnoteRef { start, end, marker } => {
                Markup::FootnoteRef { start, end, marker }
            }
        }
    }
}

impl From<&Citation> for CachedCitation {
    fn from(c: &Citation) -> Self {
        let Citation {
            text,
            range,
            reference,
            symbol,
            target,
            paragraph,
            pinpoint,
            url,
        } = c;
        CachedCitation {
            text: text.clone(),
            start: range.start,
            end: range.end,
            reference: match reference {
                Reference::Symbol(s) => CachedReference::Symbol(s.as_str().to_string()),
                Reference::TitleDate { title, date } => CachedReference::TitleDate {
                    title: title.clone(),
                    date: date.clone(),
                },
                Reference::Charter { part } => CachedReference::Charter { part: part.clone() },
            },
            symbol: symbol_text(symbol),
            target: target.clone(),
            paragraph: paragraph.clone(),
            pinpoint: pinpoint.clone(),
            url: url.clone(),
        }
    }
}

impl From<CachedCitation> for Citation {
    fn from(c: CachedCitation) -> Self {
        let CachedCitation {
            text,
            start,
            end,
            reference,
            symbol,
            target,
            paragraph,
            pinpoint,
            url,
        } = c;
        Citation {
            text,
            range: start..end,
            reference: match reference {
                CachedReference::Symbol(s) => Reference::Symbol(Symbol::new(s)),
                CachedReference::TitleDate { title, date } => Reference::TitleDate { title, date },
                CachedReference::Charter { part } => Reference::Charter { part },
            },
            symbol: symbol.map(Symbol::new),
            target,
            paragraph,
            pinpoint,
            url,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checksum_sees_every_byte() {
        let data: Vec<u8> = (0..=255u8).cycle().take(1001).collect();
        let base = checksum(&data);
        for i in [0, 7, 8, 500, 999, 1000] {
            let mut changed = data.clone();
            changed[i] ^= 1;
            assert_ne!(checksum(&changed), base, "flip at {i}");
        }
        assert_ne!(checksum(&data[..1000]), base, "truncated");
    }

    #[test]
    fn checksum_in_pieces_equals_checksum_at_once() {
        let data: Vec<u8> = (0..=255u8).cycle().take(1001).collect();
        for piece in [1, 3, 31, 32, 33, 100, 1001] {
            let mut sum = Checksum::new();
            for chunk in data.chunks(piece) {
                sum.update(chunk);
            }
            assert_eq!(sum.finish(), checksum(&data), "pieces of {piece}");
        }
    }

    #[test]
    fn decode_refuses_what_is_not_a_whole_file_of_this_key() {
        let bytes = encode(&[], "k1");
        assert!(matches!(decode(&bytes, "k1"), Ok(d) if d.is_empty()));
        assert!(matches!(decode(&bytes, "k2"), Err(DecodeError::Stale(k)) if k == "k1"));
        assert!(matches!(decode(b"", "k1"), Err(DecodeError::NotACache)));
        assert!(matches!(
            decode(b"{\"json\": 1}", "k1"),
            Err(DecodeError::NotACache)
        ));
        for cut in MAGIC.len()..bytes.len() {
            assert!(decode(&bytes[..cut], "k1").is_err(), "cut at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(matches!(decode(&longer, "k1"), Err(DecodeError::Corrupt)));
    }
}
