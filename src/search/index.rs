//! The search index: a vocabulary of folded tokens with postings, and the query evaluation over it.
//!
//! Build folds and tokenises every record once. A query word is matched against the vocabulary
//! (exact and prefix by binary search in the sorted vocabulary, substring and fuzzy by a scan of it,
//! which stays small: tens of thousands of distinct tokens for a million paragraphs), giving for
//! every vocabulary token the points it earns. The postings of the most selective word give the
//! candidate records; each candidate's token sequence is then walked once to check the other words,
//! score the best occurrence of each, and measure how close together they are.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::atomic::{AtomicBool, Ordering};

use fuzzy_matcher::skim::SkimMatcherV2;

use super::Query;
use super::array::Array;
use super::fold::for_each_token;
use super::plan::Scratch;

/// Identifies a record: the caller's document number and item (paragraph, title…) within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RecordId {
    pub doc: u32,
    pub item: u32,
}

/// A matching record and its score (higher is better). `Copy` and `Eq` beyond the brief: the
/// stand-in the TUI was written against had them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub record: RecordId,
    pub score: i64,
}

/// How often long loops look at the cancellation flag.
pub(super) const CHECK_EVERY: usize = 4096;

/// What a query matched, kept so that the next, longer query can check only those records.
#[derive(Debug, Clone)]
pub struct Narrowing {
    query: Query,
    doc: Option<u32>,
    records: Vec<u32>,
}

impl Narrowing {
    /// How many records the query matched (all of them, not only the shown ones).
    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }
}

/// A full-text index over records; see the module documentation of [`crate::search`].
#[derive(Debug, Default)]
pub struct SearchIndex {
    /// The records, in build order (the order ties are broken by).
    pub(super) ids: Vec<RecordId>,
    /// Token ids of all records, concatenated; record `r` is `tokens[starts[r]..starts[r + 1]]`.
    /// The large arrays are `Array`s: built here, or viewed in a mapped cache file.
    pub(super) tokens: Array<u32>,
    pub(super) starts: Array<u64>,
    /// Vocabulary: token `t` is `vocab[bounds[t]..bounds[t + 1]]`.
    pub(super) vocab: String,
    pub(super) bounds: Array<u64>,
    /// Token ids in byte order of their text, for binary search.
    pub(super) sorted: Array<u32>,
    /// Postings: the records holding token `t`, ascending, are `postings[post_starts[t]..post_starts[t + 1]]`.
    pub(super) postings: Array<u32>,
    pub(super) post_starts: Array<u64>,
    /// Records of each document, ascending.
    pub(super) by_doc: HashMap<u32, Vec<u32>>,
}

/// The arrays of an index as built in memory, before its vocabulary is sorted.
pub(super) struct Built {
    pub(super) ids: Vec<RecordId>,
    pub(super) tokens: Vec<u32>,
    pub(super) starts: Vec<u64>,
    pub(super) vocab: String,
    pub(super) bounds: Vec<u64>,
    pub(super) postings: Vec<u32>,
    pub(super) post_starts: Vec<u64>,
    pub(super) by_doc: HashMap<u32, Vec<u32>>,
}

impl SearchIndex {
    /// Index `records`, in the order given. Texts are folded and tokenised here, once.
    pub fn build<'a>(records: impl IntoIterator<Item = (RecordId, &'a str)>) -> SearchIndex {
        let mut ids = Vec::new();
        let mut tokens: Vec<u32> = Vec::new();
        let mut starts: Vec<u64> = vec![0];
        let mut vocab = String::new();
        let mut bounds: Vec<u64> = vec![0];
        let mut by_doc: HashMap<u32, Vec<u32>> = HashMap::new();
        let mut interned: HashMap<Box<str>, u32, foldhash::fast::FixedState> = HashMap::default();
        let mut lists: Vec<Vec<u32>> = Vec::new();
        let mut buffer = String::new();
        // Record numbers are u32 to halve postings; more records than that are not indexed.
        for (rec, (id, text)) in (0..=u32::MAX).zip(records) {
            for_each_token(text, &mut buffer, |token| {
                let tid = match interned.get(token) {
                    Some(&tid) => tid,
                    None => {
                        let Ok(tid) = u32::try_from(lists.len()) else {
                            return;
                        };
                        interned.insert(token.into(), tid);
                        vocab.push_str(token);
                        bounds.push(vocab.len() as u64);
                        lists.push(Vec::new());
                        tid
                    }
                };
                tokens.push(tid);
                let list = &mut lists[tid as usize];
                if list.last() != Some(&rec) {
                    list.push(rec);
                }
            });
            starts.push(tokens.len() as u64);
            ids.push(id);
            by_doc.entry(id.doc).or_default().push(rec);
        }
        drop(interned);
        // Grown by doubling: up to half of it unused, for as long as the index lives.
        tokens.shrink_to_fit();
        starts.shrink_to_fit();
        ids.shrink_to_fit();

        let mut post_starts: Vec<u64> = Vec::with_capacity(lists.len() + 1);
        post_starts.push(0);
        let mut postings: Vec<u32> = Vec::with_capacity(lists.iter().map(Vec::len).sum());
        for list in lists {
            postings.extend_from_slice(&list);
            post_starts.push(postings.len() as u64);
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

    /// The index of arrays built in memory (by `build`, or merged), with its sorted vocabulary.
    pub(super) fn from_built(built: Built) -> SearchIndex {
        let Built {
            ids,
            tokens,
            starts,
            vocab,
            bounds,
            postings,
            post_starts,
            by_doc,
        } = built;
        let mut index = SearchIndex {
            ids,
            tokens: tokens.into(),
            starts: starts.into(),
            vocab,
            bounds: bounds.into(),
            sorted: Array::default(),
            postings: postings.into(),
            post_starts: post_starts.into(),
            by_doc,
        };
        let mut sorted: Vec<u32> = (0..index.vocab_len())
            .filter_map(|t| u32::try_from(t).ok())
            .collect();
        sorted.sort_unstable_by(|&a, &b| index.token(a).cmp(index.token(b)));
        index.sorted = sorted.into();
        index
    }

    /// Number of records indexed.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether no record was indexed.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Records matching `query`, best first, at most `limit`. `doc: Some(d)` restricts to records
    /// of document `d`. An empty query matches every record in scope, in record order, score 0.
    pub fn search(&self, query: &str, doc: Option<u32>, limit: usize) -> Vec<Hit> {
        let never = AtomicBool::new(false);
        self.search_cancellable(query, doc, limit, &never)
            .unwrap_or_default()
    }

    /// [`search`](Self::search) for a worker thread: returns `None` as soon as it sees `cancel`
    /// set (checked between phases and every few thousand tokens or records).
    pub fn search_cancellable(
        &self,
        query: &str,
        doc: Option<u32>,
        limit: usize,
        cancel: &AtomicBool,
    ) -> Option<Vec<Hit>> {
        self.search_narrowing(query, doc, limit, cancel, None)
            .map(|(hits, _)| hits)
    }

    /// [`search_cancellable`](Self::search_cancellable) that also returns every record the query
    /// matched, and starts from `previous` when it can: a query that keeps all of the previous
    /// query's words and adds more can only match a subset, so only those records are checked.
    /// (A word typed further is not narrowed: a longer word may match a token fuzzily or with a
    /// typo that its prefix does not, so that case starts over.)
    pub fn search_narrowing(
        &self,
        query: &str,
        doc: Option<u32>,
        limit: usize,
        cancel: &AtomicBool,
        previous: Option<&Narrowing>,
    ) -> Option<(Vec<Hit>, Narrowing)> {
        let parsed = Query::parse(query);
        let narrowed = previous
            .filter(|p| {
                p.doc == doc
                    && !p.query.words.is_empty()
                    && parsed.words.len() > p.query.words.len()
                    && parsed.words.starts_with(&p.query.words)
            })
            .map(|p| p.records.as_slice());
        let (hits, records) = self.run(&parsed, doc, limit, cancel, narrowed)?;
        let narrowing = Narrowing {
            query: parsed,
            doc,
            records,
        };
        Some((hits, narrowing))
    }

    fn run(
        &self,
        query: &Query,
        doc: Option<u32>,
        limit: usize,
        cancel: &AtomicBool,
        within: Option<&[u32]>,
    ) -> Option<(Vec<Hit>, Vec<u32>)> {
        let cancelled = || cancel.load(Ordering::Relaxed);
        let scope: Option<&[u32]> = match doc {
            Some(d) => Some(self.by_doc.get(&d).map_or(&[][..], Vec::as_slice)),
            None => None,
        };
        if query.words.is_empty() {
            let hits = match scope {
                Some(records) => records
                    .iter()
                    .take(limit)
                    .map(|&r| self.hit(r, 0))
                    .collect(),
                None => (0..self.ids.len())
                    .take(limit)
                    .map(|r| Hit {
                        record: self.ids[r],
                        score: 0,
                    })
                    .collect(),
            };
            return Some((hits, Vec::new()));
        }
        if limit == 0 {
            return Some((Vec::new(), Vec::new()));
        }

        // Phase 1: each word against the vocabulary.
        let skim = SkimMatcherV2::default();
        let mut plans = Vec::with_capacity(query.words.len());
        for word in &query.words {
            let plan = self.plan(word, &skim, cancel)?;
            if plan.total == 0 {
                return Some((Vec::new(), Vec::new()));
            }
            plans.push(plan);
        }
        if cancelled() {
            return None;
        }

        // Phase 2: candidates from the most selective word, narrowed by the few others whose
        // postings are not much longer. Every other word is checked on the candidate's tokens.
        let mut order: Vec<usize> = (0..plans.len()).collect();
        order.sort_by_key(|&i| plans[i].total);
        let driver = &plans[order[0]];
        let candidates: Vec<u32> = match (within, scope) {
            (Some(records), _) => records.to_vec(),
            (None, Some(records)) if records.len() <= driver.total => records.to_vec(),
            (None, _) => {
                let mut set = self.bitset(driver);
                for &i in &order[1..] {
                    if plans[i].total > driver.total.saturating_mul(4) {
                        break;
                    }
                    if cancelled() {
                        return None;
                    }
                    let other = self.bitset(&plans[i]);
                    set.iter_mut().zip(other).for_each(|(a, b)| *a &= b);
                }
                let mut out = Vec::new();
                for (block, &bits) in set.iter().enumerate() {
                    let mut bits = bits;
                    while bits != 0 {
                        let r = block * 64 + bits.trailing_zeros() as usize;
                        bits &= bits - 1;
                        // `bitset` only sets bits of record numbers, which fit in u32.
                        if let Ok(r) = u32::try_from(r)
                            && doc.is_none_or(|d| self.ids[r as usize].doc == d)
                        {
                            out.push(r);
                        }
                    }
                }
                out
            }
        };
        if cancelled() {
            return None;
        }

        // Phase 3: check and score each candidate.
        let mut scored: Vec<(i64, u32)> = Vec::new();
        let mut scratch = Scratch::new(plans.len());
        for (n, &r) in candidates.iter().enumerate() {
            if n % CHECK_EVERY == 0 && cancelled() {
                return None;
            }
            if let Some(score) = self.score(&plans, self.record_tokens(r), &mut scratch) {
                scored.push((score, r));
            }
        }
        if cancelled() {
            return None;
        }

        // Every match, in record order, for the next keystroke to narrow.
        let mut matched: Vec<u32> = scored.iter().map(|&(_, r)| r).collect();
        matched.sort_unstable();
        // Best first; ties by record order.
        let by_rank = |a: &(i64, u32), b: &(i64, u32)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
        if scored.len() > limit {
            scored.select_nth_unstable_by(limit - 1, by_rank);
            scored.truncate(limit);
        }
        scored.sort_unstable_by(by_rank);
        let hits = scored.into_iter().map(|(s, r)| self.hit(r, s)).collect();
        Some((hits, matched))
    }

    fn hit(&self, r: u32, score: i64) -> Hit {
        Hit {
            record: self.ids[r as usize],
            score,
        }
    }

    pub(super) fn token(&self, t: u32) -> &str {
        let t = t as usize;
        &self.vocab[self.bounds[t] as usize..self.bounds[t + 1] as usize]
    }

    pub(super) fn vocab_len(&self) -> usize {
        self.bounds.len().saturating_sub(1)
    }

    pub(super) fn record_tokens(&self, r: u32) -> &[u32] {
        let r = r as usize;
        &self.tokens[self.starts[r] as usize..self.starts[r + 1] as usize]
    }

    pub(super) fn postings_of(&self, t: u32) -> &[u32] {
        let t = t as usize;
        &self.postings[self.post_starts[t] as usize..self.post_starts[t + 1] as usize]
    }

    /// Range of `sorted` whose tokens start with `prefix`.
    pub(super) fn prefix_range(&self, prefix: &str) -> Range<usize> {
        let start = self.sorted.partition_point(|&t| self.token(t) < prefix);
        let len = self.sorted[start..].partition_point(|&t| self.token(t).starts_with(prefix));
        start..start + len
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use proptest::prelude::*;

    use super::*;
    use crate::search::{highlight, matches};

    const SEEDS: [&str; 2] = [
        include_str!("../../seeds/000_44f8ddc2fe2e2702.txt"),
        include_str!("../../seeds/004_912be11ada29c0f5.txt"),
    ];

    /// The non-blank lines of the seeds, as records (document = seed file, item = line number).
    fn seed_records() -> Vec<(RecordId, &'static str)> {
        let mut records = Vec::new();
        for (doc, text) in (0u32..).zip(SEEDS) {
            for (item, line) in (0u32..).zip(text.lines()) {
                if !line.trim().is_empty() {
                    records.push((RecordId { doc, item }, line));
                }
            }
        }
        records
    }

    fn seed_index() -> &'static (SearchIndex, Vec<(RecordId, &'static str)>) {
        static INDEX: std::sync::OnceLock<(SearchIndex, Vec<(RecordId, &'static str)>)> =
            std::sync::OnceLock::new();
        INDEX.get_or_init(|| {
            let records = seed_records();
            (SearchIndex::build(records.iter().copied()), records)
        })
    }

    fn rec(item: u32) -> RecordId {
        RecordId { doc: 0, item }
    }

    fn index_of(texts: &[&str]) -> SearchIndex {
        SearchIndex::build((0u32..).zip(texts).map(|(i, t)| (rec(i), *t)))
    }

    fn items(hits: &[Hit]) -> Vec<u32> {
        hits.iter().map(|h| h.record.item).collect()
    }

    #[test]
    fn index_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<SearchIndex>();
    }

    #[test]
    fn finds_the_folding_examples() {
        let index = index_of(&[
            "La résolution 77/338 de l’Assemblée",
            "mise en œuvre du Programme",
            "les États Membres",
            "le rôle de l’ONU",
            "rien à voir",
        ]);
        assert_eq!(index.len(), 5);
        assert_eq!(items(&index.search("resolution", None, 10)), [0]);
        assert_eq!(items(&index.search("oeuvre", None, 10)), [1]);
        assert_eq!(items(&index.search("etats", None, 10)), [2]);
        assert_eq!(items(&index.search("l'ONU", None, 10)), [3]);
        assert_eq!(items(&index.search("77/338", None, 10)), [0]);
        assert!(index.search("zzzqqq", None, 10).is_empty());
        assert!(index.search("resolution zzzqqq", None, 10).is_empty());
    }

    #[test]
    fn multiword_in_any_order_and_misspelt() {
        let (index, records) = seed_index();
        for query in [
            "organisation shanghai coopération",
            "coopération shanghai organisation",
            "SHANGHAI cooperation organisation",
        ] {
            let hits = index.search(query, None, usize::MAX);
            assert!(!hits.is_empty(), "{query}");
            for hit in &hits {
                let text = records
                    .iter()
                    .find(|(id, _)| *id == hit.record)
                    .map(|r| r.1);
                let text = text.expect("hit is a record").to_lowercase();
                assert!(
                    text.contains("shanghai") && text.contains("organisation"),
                    "{text}"
                );
            }
        }
        let hits = index.search("cooprtion", None, 5);
        assert!(!hits.is_empty());
        let text = records
            .iter()
            .find(|(id, _)| *id == hits[0].record)
            .map(|r| r.1)
            .unwrap_or_default();
        assert!(text.contains("coopération"), "{text}");
    }

    #[test]
    fn exact_beats_prefix_beats_substring_beats_fuzzy() {
        let index = index_of(&[
            "intercooperation", // substring
            "coopexration",     // fuzzy
            "cooperationnelle", // prefix
            "la coopération",   // exact
            "rien du tout",
        ]);
        let hits = index.search("cooperation", None, 10);
        assert_eq!(items(&hits), [3, 2, 0, 1]);
        assert!(hits.windows(2).all(|w| w[0].score > w[1].score));
    }

    #[test]
    fn nearby_words_win_and_shorter_records_break_ties() {
        let index = index_of(&[
            "paix et un très long passage qui sépare les mots de la sécurité",
            "la paix et la sécurité internationales",
            "la paix et la sécurité internationales, et encore quelques mots de plus ici",
        ]);
        assert_eq!(items(&index.search("paix securite", None, 10)), [1, 2, 0]);
        // Same record twice: stable by record order.
        let index = index_of(&["la paix", "la paix"]);
        assert_eq!(items(&index.search("paix", None, 10)), [0, 1]);
    }

    #[test]
    fn scope_limit_and_empty_query() {
        let records = [
            (RecordId { doc: 1, item: 0 }, "paix"),
            (RecordId { doc: 2, item: 0 }, "paix et sécurité"),
            (RecordId { doc: 1, item: 1 }, "sécurité"),
            (RecordId { doc: 1, item: 2 }, "la paix"),
        ];
        let index = SearchIndex::build(records);
        let in_doc1: Vec<RecordId> = index
            .search("paix", Some(1), 10)
            .iter()
            .map(|h| h.record)
            .collect();
        assert_eq!(in_doc1, [records[0].0, records[3].0]);
        assert!(index.search("paix", Some(9), 10).is_empty());
        assert_eq!(index.search("paix", None, 1).len(), 1);
        assert!(index.search("paix", None, 0).is_empty());

        let all = index.search("  ", None, 10);
        assert_eq!(
            all,
            records
                .iter()
                .map(|r| Hit {
                    record: r.0,
                    score: 0
                })
                .collect::<Vec<_>>()
        );
        let doc1: Vec<RecordId> = index
            .search("", Some(1), 2)
            .iter()
            .map(|h| h.record)
            .collect();
        assert_eq!(doc1, [records[0].0, records[2].0]);
        assert!(SearchIndex::build([]).is_empty());
        assert!(SearchIndex::default().search("paix", None, 10).is_empty());
        assert!(SearchIndex::default().search("", None, 10).is_empty());
        assert!(SearchIndex::build([]).search("paix", None, 10).is_empty());
    }

    #[test]
    fn cancellation_returns_none() {
        let (index, _) = seed_index();
        let cancel = AtomicBool::new(true);
        assert_eq!(
            index.search_cancellable("resolution", None, 10, &cancel),
            None
        );
        cancel.store(false, Ordering::Relaxed);
        let hits = index.search_cancellable("resolution", None, 10, &cancel);
        assert_eq!(hits, Some(index.search("resolution", None, 10)));
    }

    #[test]
    fn seeds_resolution_finds_and_highlights_résolution() {
        let (index, records) = seed_index();
        let hits = index.search("resolution", None, 10);
        assert_eq!(hits.len(), 10);
        for hit in &hits {
            let text = records
                .iter()
                .find(|(id, _)| *id == hit.record)
                .map(|r| r.1)
                .expect("hit is a record");
            let lower = text.to_lowercase();
            assert!(lower.contains("résolution"), "{text}");
            let marked: Vec<String> = highlight("resolution", text)
                .into_iter()
                .map(|r| text[r].to_lowercase())
                .collect();
            assert!(
                marked.iter().any(|m| m == "résolution"),
                "{marked:?} in {text}"
            );
            assert!(
                marked.iter().all(|m| m.starts_with("résolution")),
                "{marked:?}"
            );
        }
    }

    /// Words of the seeds, as typed: with their punctuation, accents and case.
    fn seed_words() -> Vec<&'static str> {
        let mut words: Vec<&str> = SEEDS.iter().flat_map(|s| s.split_whitespace()).collect();
        words.sort_unstable();
        words.dedup();
        words
    }

    /// Damage `word` the way a hurried typist would (or not, for `mutation` 0).
    fn mutate(word: &str, mutation: usize, at: prop::sample::Index, extra: char) -> String {
        let chars: Vec<char> = word.chars().collect();
        let i = at.index(chars.len().max(1));
        let mut out: Vec<char> = chars.clone();
        match mutation {
            0 => {}
            // Prefix, suffix, a middle part.
            1 => out.truncate(i + 1),
            2 => out = chars[i.min(chars.len())..].to_vec(),
            3 => out = chars[i / 2..(i + 2).min(chars.len())].to_vec(),
            // Deletion, insertion, transposition.
            4 => {
                if i < out.len() {
                    out.remove(i);
                }
            }
            5 => out.insert(i.min(out.len()), extra),
            6 if chars.len() > 1 => {
                let j = i.min(chars.len() - 2);
                out.swap(j, j + 1);
            }
            _ => out = chars.iter().flat_map(|c| c.to_uppercase()).collect(),
        }
        out.into_iter().collect()
    }

    fn mutation() -> impl Strategy<Value = (usize, prop::sample::Index, char)> {
        (
            0usize..8,
            any::<prop::sample::Index>(),
            prop::sample::select(vec!['e', 'a', 'é', '\'', '-', 'x', 'ô', '’', 'œ']),
        )
    }

    /// A query: a few words of one seed line, each maybe damaged, sometimes with a word from
    /// anywhere in the seeds (so both matching and non-matching queries are common).
    fn query() -> impl Strategy<Value = String> {
        let lines: Vec<&'static str> = seed_records().into_iter().map(|(_, t)| t).collect();
        (
            prop::sample::select(lines),
            prop::collection::vec((any::<prop::sample::Index>(), mutation()), 1..4),
            prop::option::of((prop::sample::select(seed_words()), mutation())),
        )
            .prop_map(|(line, picks, foreign)| {
                let words: Vec<&str> = line.split_whitespace().collect();
                let mut query: Vec<String> = picks
                    .into_iter()
                    .map(|(pick, (m, at, extra))| {
                        mutate(words[pick.index(words.len())], m, at, extra)
                    })
                    .collect();
                if let Some((word, (m, at, extra))) = foreign {
                    query.push(mutate(word, m, at, extra));
                }
                query.join(" ")
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        #[test]
        fn index_agrees_with_matches(query in query(), scoped in any::<bool>()) {
            let (index, records) = seed_index();
            let doc = scoped.then_some(1);
            let found: BTreeSet<RecordId> = index
                .search(&query, doc, usize::MAX)
                .into_iter()
                .map(|h| h.record)
                .collect();
            let expected: BTreeSet<RecordId> = records
                .iter()
                .filter(|(id, _)| doc.is_none_or(|d| id.doc == d))
                .filter(|(_, text)| matches(&query, text))
                .map(|(id, _)| *id)
                .collect();
            prop_assert_eq!(found, expected, "query {:?}", query);
        }

        #[test]
        fn highlights_are_char_boundaries_of_matches(query in query()) {
            let (_, records) = seed_index();
            for (_, text) in records.iter().take(40) {
                let ranges = highlight(&query, text);
                // A query without words matches everything and highlights nothing.
                let has_words = !crate::search::Query::parse(&query).words.is_empty();
                prop_assert_eq!(!ranges.is_empty(), has_words && matches(&query, text));
                for r in &ranges {
                    prop_assert!(r.start < r.end && text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                }
                prop_assert!(ranges.windows(2).all(|w| w[0].end < w[1].start));
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// A query that adds words to the previous one, answered from the previous matches,
        /// gives exactly what a fresh search gives.
        #[test]
        fn narrowing_from_the_previous_query_changes_nothing(
            first in query(),
            more in query(),
            scoped in any::<bool>(),
        ) {
            let (index, _) = seed_index();
            let doc = scoped.then_some(0);
            let never = AtomicBool::new(false);
            let (_, previous) = index
                .search_narrowing(&first, doc, usize::MAX, &never, None)
                .expect("not cancelled");
            let longer = format!("{first} {more}");
            let narrowed = index
                .search_narrowing(&longer, doc, 50, &never, Some(&previous))
                .expect("not cancelled")
                .0;
            let fresh = index.search(&longer, doc, 50);
            prop_assert_eq!(narrowed, fresh);
        }
    }
}
