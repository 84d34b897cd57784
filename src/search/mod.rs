//! Search: folding text for matching, and the index that answers fuzzy queries over paragraphs.
//!
//! STAND-IN (branch `tui`): a brute-force substring search with the exact public API of the real
//! index being written on branch `search`. The lead replaces this whole file with the real one.

use std::ops::Range;
use std::sync::atomic::{AtomicBool, Ordering};

/// One searchable record: a paragraph (doc, paragraph index) or a document (doc, 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RecordId {
    pub doc: u32,
    pub item: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub record: RecordId,
    pub score: i64,
}

/// Records with their folded text, in insertion order.
#[derive(Debug, Default)]
pub struct SearchIndex {
    records: Vec<(RecordId, String)>,
}

impl SearchIndex {
    pub fn build<'a>(records: impl IntoIterator<Item = (RecordId, &'a str)>) -> SearchIndex {
        SearchIndex {
            records: records
                .into_iter()
                .map(|(id, text)| (id, fold(text).0))
                .collect(),
        }
    }

    /// Best first; an empty query returns every record (of `doc`, if given) in record order.
    pub fn search(&self, query: &str, doc: Option<u32>, limit: usize) -> Vec<Hit> {
        let never = AtomicBool::new(false);
        self.search_cancellable(query, doc, limit, &never)
            .unwrap_or_default()
    }

    /// Like `search`, but gives up (None) as soon as `cancel` is set.
    pub fn search_cancellable(
        &self,
        query: &str,
        doc: Option<u32>,
        limit: usize,
        cancel: &AtomicBool,
    ) -> Option<Vec<Hit>> {
        let words: Vec<String> = query.split_whitespace().map(|w| fold(w).0).collect();
        let mut hits = Vec::new();
        for (i, (id, text)) in self.records.iter().enumerate() {
            if i % 256 == 0 && cancel.load(Ordering::Relaxed) {
                return None;
            }
            if doc.is_some_and(|d| d != id.doc) {
                continue;
            }
            let mut score = 0i64;
            let mut all = true;
            for w in &words {
                match text.find(w.as_str()) {
                    Some(pos) => score += 1000 - (pos as i64).min(999),
                    None => {
                        all = false;
                        break;
                    }
                }
            }
            if all {
                hits.push(Hit { record: *id, score });
            }
        }
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.record.cmp(&b.record)));
        hits.truncate(limit);
        Some(hits)
    }
}

/// Byte ranges of `text` that match the words of `query`, sorted, not overlapping.
pub fn highlight(query: &str, text: &str) -> Vec<Range<usize>> {
    let (folded, origin) = fold(text);
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for word in query.split_whitespace() {
        let word = fold(word).0;
        if word.is_empty() {
            continue;
        }
        let mut from = 0;
        while let Some(pos) = folded[from..].find(word.as_str()) {
            let start = from + pos;
            let end = start + word.len();
            if let (Some(a), Some(b)) = (origin.get(start), origin.get(end - 1)) {
                ranges.push(a.start..b.end);
            }
            from = end;
        }
    }
    ranges.sort_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::new();
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// Lowercased, accent- and apostrophe-free text, with, for each folded byte, the original char's range.
fn fold(text: &str) -> (String, Vec<Range<usize>>) {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    let mut out = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        if matches!(c, '\'' | '’' | '‘' | 'ʼ') {
            continue;
        }
        let range = i..i + c.len_utf8();
        for d in c.nfd().filter(|d| !is_combining_mark(*d)) {
            for l in d.to_lowercase() {
                out.push(l);
                origin.extend(std::iter::repeat_n(range.clone(), l.len_utf8()));
            }
        }
    }
    (out, origin)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_and_highlights_original_bytes() {
        let idx = SearchIndex::build([
            (RecordId { doc: 0, item: 0 }, "Décide de créer"),
            (RecordId { doc: 0, item: 1 }, "Rappelant l’Organisation"),
        ]);
        let hits = idx.search("decide", None, 10);
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].record.item, 0);
        assert_eq!(idx.search("", None, 10).len(), 2);
        let text = "Décide de créer";
        let r = highlight("DECIDE", text);
        assert_eq!(r, vec![0..7]);
        assert_eq!(&text[r[0].clone()], "Décide");
    }
}
