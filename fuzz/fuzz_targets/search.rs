//! Any query over any records, on the search index the reader's filters and `plenary search`
//! use, checked against what the search module promises:
//!
//! - the index matches exactly the records [`matches`] (the rules stated on one text) accepts,
//!   in the whole index and within one document;
//! - hits come best first, and a limit keeps the first of them;
//! - an index written by `encode` and read back by `decode` answers the same;
//! - a query answered from the previous, shorter query's matches answers as a fresh search;
//! - highlights are sorted, disjoint, non-empty ranges on character boundaries, only in texts
//!   that match.
//!
//! The query also runs on the paragraph and document indexes of the bundled seed documents,
//! built once, as the reader builds them.
//!
//! Input: the query on the first line, then one record per line (at most 64; records 4k to
//! 4k+3 belong to document k).

#![no_main]

use std::collections::BTreeSet;
use std::sync::OnceLock;
use std::sync::atomic::AtomicBool;

use libfuzzer_sys::fuzz_target;
use plenary::search::{Indexes, RESULT_LIMIT};
use plenary::document::{Corpus, source};
use plenary::search::{RecordId, SearchIndex, highlight, matches};
use plenary_fuzz::first_line;

const MAX_RECORDS: usize = 64;
const PER_DOCUMENT: usize = 4;

/// The bundled seed documents (a French resolution and a declaration), parsed, linked and
/// indexed once. Only those: a query word is matched fuzzily against the whole vocabulary, and
/// with the whole library's each input would take a tenth of a second.
fn bundled() -> &'static (Corpus, Indexes) {
    static LIBRARY: OnceLock<(Corpus, Indexes)> = OnceLock::new();
    LIBRARY.get_or_init(|| {
        let sources: Vec<_> = source::bundled()
            .into_iter()
            .filter(|s| s.path.starts_with("bundled:seeds/"))
            .collect();
        assert!(!sources.is_empty(), "the seed documents are bundled");
        let corpus = Corpus::from_sources(&sources);
        let indexes = Indexes::build(&corpus);
        (corpus, indexes)
    })
}

fn records(hits: &[plenary::search::Hit]) -> BTreeSet<RecordId> {
    hits.iter().map(|h| h.record).collect()
}

fuzz_target!(|data: &[u8]| {
    let (query, rest) = first_line(data);
    let query = String::from_utf8_lossy(query);
    let text = String::from_utf8_lossy(rest);
    let texts: Vec<&str> = text.split('\n').take(MAX_RECORDS).collect();
    let ids: Vec<RecordId> = (0..texts.len())
        .map(|i| RecordId {
            doc: (i / PER_DOCUMENT) as u32,
            item: i as u32,
        })
        .collect();
    let index = SearchIndex::build(ids.iter().copied().zip(texts.iter().copied()));
    assert_eq!(index.len(), texts.len());

    // The oracle, once per record.
    let matching: Vec<bool> = texts.iter().map(|t| matches(&query, t)).collect();
    let last_doc = ids.last().map_or(0, |id| id.doc);
    for scope in [None, Some(0), Some(last_doc), Some(last_doc + 1)] {
        let hits = index.search(&query, scope, usize::MAX);
        let expected: BTreeSet<RecordId> = ids
            .iter()
            .zip(&matching)
            .filter(|(id, m)| **m && scope.is_none_or(|d| id.doc == d))
            .map(|(id, _)| *id)
            .collect();
        assert_eq!(records(&hits), expected, "query {query:?} in {scope:?}");
        assert_eq!(hits.len(), expected.len(), "a record found twice");
        for pair in hits.windows(2) {
            assert!(pair[0].score >= pair[1].score, "not best first: {hits:?}");
        }
        let limited = index.search(&query, scope, 3);
        assert_eq!(
            limited,
            hits[..hits.len().min(3)],
            "the limit keeps the best"
        );
    }

    let mut bytes = Vec::new();
    index.encode(&mut bytes);
    let decoded = SearchIndex::decode(&bytes).expect("an encoded index decodes");
    assert_eq!(
        decoded.search(&query, None, usize::MAX),
        index.search(&query, None, usize::MAX),
        "decoded index answers otherwise"
    );

    // As the reader's filter does at each keystroke that adds a word.
    let words: Vec<&str> = query.split_whitespace().collect();
    if words.len() >= 2 {
        let shorter = words[..words.len() / 2].join(" ");
        let never = AtomicBool::new(false);
        let (_, previous) = index
            .search_narrowing(&shorter, None, usize::MAX, &never, None)
            .expect("not cancelled");
        let (narrowed, _) = index
            .search_narrowing(&query, None, 50, &never, Some(&previous))
            .expect("not cancelled");
        assert_eq!(
            narrowed,
            index.search(&query, None, 50),
            "narrowing changed the answer"
        );
    }

    for (t, &m) in texts.iter().zip(&matching) {
        let ranges = highlight(&query, t);
        assert!(
            m || ranges.is_empty(),
            "highlights in a text that does not match"
        );
        for r in &ranges {
            assert!(
                r.start < r.end && t.get(r.clone()).is_some(),
                "{r:?} in {t:?}"
            );
        }
        for pair in ranges.windows(2) {
            assert!(
                pair[0].end < pair[1].start,
                "not merged and sorted: {ranges:?}"
            );
        }
    }

    let (corpus, indexes) = bundled();
    for index in [&indexes.paragraphs, &indexes.documents] {
        for hit in index.search(&query, None, RESULT_LIMIT) {
            let doc = corpus.documents.get(hit.record.doc as usize);
            assert!(doc.is_some(), "{hit:?} names no document");
        }
    }
});
