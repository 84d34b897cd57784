//! Building one index on every core: consecutive slices of the records are indexed apart, then
//! the parts are merged into exactly the index a single build would give.

use std::collections::HashMap;

use super::array::Array;
use super::index::{Built, RecordId, SearchIndex};

/// Below this many records a second thread costs more than it saves.
const MIN_PER_THREAD: usize = 4096;

impl SearchIndex {
    /// [`SearchIndex::build`] of `records` on rayon's pool, a slice per thread. The result is
    /// the same index, term for term (a test holds them equal).
    pub fn build_parallel(records: &[(RecordId, &str)]) -> SearchIndex {
        use rayon::prelude::*;
        let threads = rayon::current_num_threads();
        let threads = threads.min(records.len() / MIN_PER_THREAD).max(1);
        if threads == 1 {
            return SearchIndex::build(records.iter().copied());
        }
        let chunk = records.len().div_ceil(threads);
        // Consecutive slices, in order: `collect` keeps the parts in record order.
        let parts: Vec<SearchIndex> = records
            .par_chunks(chunk)
            .map(|part| SearchIndex::build(part.iter().copied()))
            .collect();
        merge(parts)
    }
}

/// The parts, indexed in record order, as one index: terms numbered in order of first
/// appearance across the parts (as a single build numbers them), records renumbered after the
/// parts before them.
fn merge(mut parts: Vec<SearchIndex>) -> SearchIndex {
    let mut vocab = String::new();
    let mut bounds: Vec<u64> = vec![0];
    let mut terms: HashMap<String, u32> = HashMap::new();
    // For each part, its term numbers in the merged index.
    let mut maps: Vec<Vec<u32>> = Vec::with_capacity(parts.len());
    for part in &parts {
        let mut map = Vec::with_capacity(part.bounds.len().saturating_sub(1));
        for w in part.bounds.windows(2) {
            let token = &part.vocab[w[0] as usize..w[1] as usize];
            let next = terms.len();
            let id = *terms.entry(token.to_owned()).or_insert_with(|| {
                vocab.push_str(token);
                bounds.push(vocab.len() as u64);
                // Terms are at most as many as in all parts together, which were u32 each.
                u32::try_from(next).unwrap_or(u32::MAX)
            });
            map.push(id);
        }
        maps.push(map);
    }
    let term_count = terms.len();
    drop(terms);

    // Postings: each term's records from every part, in part order, so still ascending. Each
    // part's postings are freed once copied, so the merged index and its parts are never all
    // in memory at once.
    let mut counts = vec![0usize; term_count + 1];
    for (part, map) in parts.iter().zip(&maps) {
        for (t, w) in part.post_starts.windows(2).enumerate() {
            counts[map[t] as usize + 1] += (w[1] - w[0]) as usize;
        }
    }
    for t in 1..counts.len() {
        counts[t] += counts[t - 1];
    }
    let post_starts: Vec<u64> = counts.iter().map(|&c| c as u64).collect();
    let mut postings = vec![0u32; counts[term_count]];
    let mut fill = counts;
    let mut offset: u32 = 0;
    for (part, map) in parts.iter_mut().zip(&maps) {
        for (t, w) in part.post_starts.windows(2).enumerate() {
            let at = &mut fill[map[t] as usize];
            for &r in &part.postings[w[0] as usize..w[1] as usize] {
                postings[*at] = r + offset;
                *at += 1;
            }
        }
        part.postings = Array::default();
        part.post_starts = Array::default();
        let records = u32::try_from(part.ids.len()).unwrap_or(u32::MAX);
        offset = offset.saturating_add(records);
    }

    // Tokens: the first part's are already numbered as merged (its terms come first, in its
    // order), so its array is kept and the others are appended renumbered, each freed after.
    let total_tokens = parts.iter().map(|p| p.tokens.len()).sum::<usize>();
    let mut tokens: Vec<u32> = Vec::new();
    let mut starts: Vec<u64> = vec![0];
    let mut ids = Vec::new();
    let mut by_doc: HashMap<u32, Vec<u32>> = HashMap::new();
    let mut offset: u32 = 0;
    for (k, (mut part, map)) in parts.into_iter().zip(&maps).enumerate() {
        let base = tokens.len() as u64;
        if k == 0 {
            tokens = std::mem::take(&mut part.tokens).into_vec();
            tokens.reserve_exact(total_tokens - tokens.len());
        } else {
            tokens.extend(part.tokens.iter().map(|&t| map[t as usize]));
        }
        starts.extend(part.starts[1..].iter().map(|s| s + base));
        ids.extend_from_slice(&part.ids);
        // A document split across two parts has its records appended in order: still ascending.
        for (doc, records) in part.by_doc {
            by_doc
                .entry(doc)
                .or_default()
                .extend(records.iter().map(|r| r + offset));
        }
        offset = offset.saturating_add(u32::try_from(part.ids.len()).unwrap_or(u32::MAX));
    }
    SearchIndex::from_built(Built {
        ids,
        tokens,
        starts,
        vocab,
        bounds,
        postings,
        post_starts,
        by_doc,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merged_parts_equal_one_build() {
        let texts = [
            include_str!("../../seeds/000_44f8ddc2fe2e2702.txt"),
            include_str!("../../seeds/004_912be11ada29c0f5.txt"),
        ];
        // Paragraph-sized records from both seeds, a document split across parts.
        let records: Vec<(RecordId, &str)> = texts
            .iter()
            .enumerate()
            .flat_map(|(d, t)| {
                t.lines().enumerate().map(move |(i, p)| {
                    (
                        RecordId {
                            doc: d as u32 / 2 + (i as u32 % 3),
                            item: i as u32,
                        },
                        p,
                    )
                })
            })
            .collect();
        assert!(records.len() > 100);
        let one = SearchIndex::build(records.iter().copied());
        for n in [1, 2, 3, 7] {
            let chunk = records.len().div_ceil(n);
            let parts = records
                .chunks(chunk)
                .map(|c| SearchIndex::build(c.iter().copied()))
                .collect();
            let merged = merge(parts);
            assert_eq!(merged.ids, one.ids, "{n} parts");
            assert_eq!(*merged.tokens, *one.tokens, "{n} parts");
            assert_eq!(*merged.starts, *one.starts, "{n} parts");
            assert_eq!(merged.vocab, one.vocab, "{n} parts");
            assert_eq!(*merged.bounds, *one.bounds, "{n} parts");
            assert_eq!(*merged.sorted, *one.sorted, "{n} parts");
            assert_eq!(*merged.postings, *one.postings, "{n} parts");
            assert_eq!(*merged.post_starts, *one.post_starts, "{n} parts");
            assert_eq!(merged.by_doc, one.by_doc, "{n} parts");
        }
        let parallel = SearchIndex::build_parallel(&records);
        assert_eq!(
            parallel.search("resolution cooperation", None, 20),
            one.search("resolution cooperation", None, 20)
        );
    }
}
