//! Any bytes read as either cache file, as the program reads them at start-up, and the library
//! that reads used as the reader and `plenary search` use it: its documents shown as
//! `show --json`, named as a user names them, its indexes searched.
//!
//! - The library cache (`library-HASH.bin`, `app::stored`): header, two index sections, the
//!   documents, the table. Read with the key the file itself holds, since a fuzzer would not
//!   guess a build's key; the key check is one comparison.
//! - The start-up cache of the bundled library (`bundled.postcard`, `document::cache`).
//!
//! Input: a first byte choosing what the rest is, by its value modulo 4:
//! 0. a library cache file, as it is;
//! 1. a library cache file whose section checksums are set right first, so that changed bytes
//!    reach the index reader and the table rather than stopping at a checksum (a damaged file
//!    is caught there; a crafted one is not);
//! 2. a start-up cache file, as it is;
//! 3. the payload of a start-up cache file (the documents), framed with this build's key and
//!    the right checksum, to reach the document decoder.

#![no_main]

use std::sync::Once;

use libfuzzer_sys::fuzz_target;
use plenary::store::library::library_from_bytes;
use plenary::document::Corpus;
use plenary::store::bundled::{self as cache, checksum, corpus_from_bytes};

/// First bytes of each file, as `app::stored` and `document::cache` write them.
const LIBRARY_MAGIC: &[u8; 8] = b"plenlib\x01";
const BUNDLED_MAGIC: &[u8; 8] = b"plenary\x01";

fn u64_at(bytes: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(
        bytes.get(at..at.checked_add(8)?)?.try_into().ok()?,
    ))
}

/// Zeros after `len` bytes up to the next multiple of 8.
fn padding(len: usize) -> usize {
    (8 - len % 8) % 8
}

/// The key a library cache file says it was written for (`MAGIC`, length, key).
fn library_key(file: &[u8]) -> String {
    let len = u64_at(file, 8)
        .and_then(|n| usize::try_from(n).ok())
        .unwrap_or(0);
    let key = file
        .get(16..16usize.saturating_add(len))
        .unwrap_or_default();
    String::from_utf8_lossy(key).into_owned()
}

/// Sets each section's checksum to that of its bytes, walking the sections as the reader does,
/// as far as their lengths stay within the file.
fn repair_checksums(file: &mut [u8]) {
    let Some(key_len) = u64_at(file, 8).and_then(|n| usize::try_from(n).ok()) else {
        return;
    };
    // Magic, key length, key, padding, fingerprint.
    let Some(mut at) = key_len
        .checked_add(16 + 8)
        .and_then(|n| n.checked_add(padding(key_len)))
    else {
        return;
    };
    for _ in 0..4 {
        let Some(len) = u64_at(file, at).and_then(|n| usize::try_from(n).ok()) else {
            return;
        };
        let Some(end) = (at + 16).checked_add(len) else {
            return;
        };
        let Some(body) = file.get(at + 16..end) else {
            return;
        };
        let sum = checksum(body).to_le_bytes();
        file[at + 8..at + 16].copy_from_slice(&sum);
        at = end + padding(len);
    }
}

/// The key a start-up cache file says it was written for (`MAGIC`, u32 length, key).
fn bundled_key(file: &[u8]) -> String {
    let len = file
        .get(8..12)
        .map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize);
    let key = file
        .get(12..12usize.saturating_add(len))
        .unwrap_or_default();
    String::from_utf8_lossy(key).into_owned()
}

/// A start-up cache file of this build holding `payload`.
fn bundled_file(payload: &[u8]) -> Vec<u8> {
    let key = cache::key();
    let mut file = BUNDLED_MAGIC.to_vec();
    file.extend_from_slice(&(key.len() as u32).to_le_bytes());
    file.extend_from_slice(key.as_bytes());
    file.extend_from_slice(&checksum(payload).to_le_bytes());
    file.extend_from_slice(payload);
    file
}

/// Uses a library the way the reader and the commands do.
fn exercise(corpus: &Corpus) {
    for d in &corpus.documents {
        let _ = plenary::cli::document_json(d).to_string();
        let _ = (d.label(), d.short_label(), d.citations().count());
        let _ = corpus.find(&d.id);
    }
    for (_, members) in corpus.collections() {
        for &i in members {
            assert!(i < corpus.documents.len(), "the library lists document {i}");
        }
    }
    let _ = corpus.find("S/RES/242 (1967)");
}

fuzz_target!(|data: &[u8]| {
    static FRAMING: Once = Once::new();
    FRAMING.call_once(|| {
        // An empty list of documents (postcard: length 0) in this framing is an empty library:
        // should the file layout change, this fails rather than fuzzing nothing but the magic.
        let empty = corpus_from_bytes(&bundled_file(&[0]), &cache::key());
        assert!(
            empty.is_some_and(|c| c.documents.is_empty()),
            "framing of start-up caches"
        );
    });

    let Some((&mode, file)) = data.split_first() else {
        return;
    };
    match mode % 4 {
        0 | 1 => {
            let mut file = file.to_vec();
            if mode % 4 == 1 {
                repair_checksums(&mut file);
            }
            let key = library_key(&file);
            let magic = file.starts_with(LIBRARY_MAGIC);
            let Some((corpus, indexes)) = library_from_bytes(file, &key) else {
                return;
            };
            assert!(
                magic,
                "only a file that starts as a library cache reads as one"
            );
            exercise(&corpus);
            let indexes = indexes.expect("both indexes were asked for");
            for query in [
                "council",
                "résolution 242",
                "a/res/73",
                "secretary-general",
                "",
            ] {
                for hit in indexes.paragraphs.search(query, None, 20) {
                    // What `plenary search` prints of a hit.
                    let doc = &corpus.documents[hit.record.doc as usize];
                    let _ = doc.paragraphs.get(hit.record.item as usize);
                }
                let _ = indexes.documents.search(query, None, 20);
                let _ = indexes.paragraphs.search(query, Some(0), 20);
            }
        }
        2 => {
            if let Some(corpus) = corpus_from_bytes(file, &bundled_key(file)) {
                exercise(&corpus);
            }
        }
        _ => {
            if let Some(corpus) = corpus_from_bytes(&bundled_file(file), &cache::key()) {
                exercise(&corpus);
            }
        }
    }
});
