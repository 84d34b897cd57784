//! Any bytes read as a stored search index (the two indexes of a library cache file), and any
//! query on whatever reads. The reader's promise: "damaged bytes give `None`, never an index
//! that could panic or read out of bounds later".
//!
//! Also: the same bytes viewed in place (8-aligned, as in a mapped cache file) and copied
//! (misaligned) read as the same index; an index read back writes bytes that read back to
//! themselves.
//!
//! Input: the query on the first line, the index's bytes after it.

#![no_main]

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use libfuzzer_sys::fuzz_target;
use plenary::search::{Backing, Hit, SearchIndex};
use plenary_fuzz::first_line;

/// The index's answers to `query`: in the whole index and within a few documents, unlimited and
/// limited as the reader's filter limits them.
fn answers(index: &SearchIndex, query: &str) -> Vec<Vec<Hit>> {
    let mut out = Vec::new();
    for scope in [None, Some(0), Some(1), Some(u32::MAX)] {
        out.push(index.search(query, scope, usize::MAX));
        out.push(index.search(query, scope, 5));
    }
    out
}

/// `bytes` after `offset` zero bytes, as the index section of a file at that offset.
fn framed(bytes: &[u8], offset: usize) -> (Backing, std::ops::Range<usize>) {
    let mut all = vec![0u8; offset];
    all.extend_from_slice(bytes);
    (Arc::new(all), offset..offset + bytes.len())
}

fuzz_target!(|data: &[u8]| {
    let (query, bytes) = first_line(data);
    let query = String::from_utf8_lossy(query);

    let decoded = SearchIndex::decode(bytes);
    for offset in [8, 3] {
        let (backing, range) = framed(bytes, offset);
        let viewed = SearchIndex::from_bytes(&backing, range);
        assert_eq!(viewed.is_some(), decoded.is_some(), "at offset {offset}");
        if let (Some(viewed), Some(decoded)) = (&viewed, &decoded) {
            assert_eq!(
                answers(viewed, &query),
                answers(decoded, &query),
                "at offset {offset}"
            );
        }
    }
    let Some(index) = decoded else {
        return;
    };

    let answered = answers(&index, &query);
    for hits in &answered {
        for pair in hits.windows(2) {
            assert!(pair[0].score >= pair[1].score, "not best first: {hits:?}");
        }
    }
    // What the library cache checks before it pairs an index with its documents.
    let _ = index.documents_below(2);

    let never = AtomicBool::new(false);
    if let Some((_, previous)) = index.search_narrowing(&query, None, 10, &never, None) {
        let longer = format!("{query} a");
        let _ = index.search_narrowing(&longer, None, 10, &never, Some(&previous));
    }

    let mut written = Vec::new();
    index.encode(&mut written);
    let again = SearchIndex::decode(&written).expect("an index read back writes what reads");
    let mut rewritten = Vec::new();
    again.encode(&mut rewritten);
    assert_eq!(written, rewritten, "writing is not stable");
    assert_eq!(
        answers(&again, &query),
        answered,
        "the rewritten index answers otherwise"
    );
});
