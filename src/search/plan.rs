//! A query word resolved against an index's vocabulary (the points every token earns), and the
//! scoring of a candidate record's tokens against every word of the query.

use std::sync::atomic::{AtomicBool, Ordering};

use fuzzy_matcher::skim::SkimMatcherV2;

use super::index::{CHECK_EVERY, SearchIndex};
use super::{PieceMatcher, PiecePlace, Word, phrase_points, piece_code};

/// Bonus for query words found close together: the full amount when adjacent, decaying with the
/// number of tokens between them. Below the gap between two kinds of match.
const PROXIMITY: i64 = 500;
/// Bonus for short records: `LENGTH * LENGTH_HALF / (LENGTH_HALF + tokens)`, a modest tie-break.
const LENGTH: i64 = 100;
const LENGTH_HALF: i64 = 16;

impl SearchIndex {
    /// Match one word against the whole vocabulary.
    pub(super) fn plan(
        &self,
        word: &Word,
        skim: &SkimMatcherV2,
        cancel: &AtomicBool,
    ) -> Option<Plan> {
        match word.pieces.as_slice() {
            [piece] => {
                let matcher = PieceMatcher::new(piece);
                let mut points = vec![0u16; self.vocab_len()];
                // Exact and prefix: one block of the sorted vocabulary.
                for &t in &self.sorted[self.prefix_range(piece)] {
                    points[t as usize] = matcher.points(skim, self.token(t));
                }
                // Substring and fuzzy: everything else.
                for (t, p) in points.iter_mut().enumerate() {
                    if t % CHECK_EVERY == 0 && cancel.load(Ordering::Relaxed) {
                        return None;
                    }
                    if *p == 0 {
                        let token = self.token(t as u32);
                        *p = matcher.unanchored_points(skim, token);
                    }
                }
                let matched = (0..points.len())
                    .filter(|&t| points[t] > 0)
                    .filter_map(|t| u32::try_from(t).ok())
                    .collect();
                Some(self.plan_from(PlanTables::Single(points), vec![matched]))
            }
            pieces => {
                let k = pieces.len();
                let mut codes = Vec::with_capacity(k);
                let mut matched = Vec::with_capacity(k);
                for (i, piece) in pieces.iter().enumerate() {
                    let place = PiecePlace::of(i, k);
                    let mut table = vec![0u8; self.vocab_len()];
                    match place {
                        // A suffix can be anywhere in the sorted order: scan.
                        PiecePlace::First => {
                            for (t, code) in table.iter_mut().enumerate() {
                                if t % CHECK_EVERY == 0 && cancel.load(Ordering::Relaxed) {
                                    return None;
                                }
                                let token = self.token(t as u32);
                                *code = piece_code(place, piece, token);
                            }
                        }
                        PiecePlace::Middle | PiecePlace::Last => {
                            for &t in &self.sorted[self.prefix_range(piece)] {
                                table[t as usize] = piece_code(place, piece, self.token(t));
                            }
                        }
                    }
                    matched.push(
                        (0..table.len())
                            .filter(|&t| table[t] > 0)
                            .filter_map(|t| u32::try_from(t).ok())
                            .collect(),
                    );
                    codes.push(table);
                }
                Some(self.plan_from(PlanTables::Phrase(codes), matched))
            }
        }
    }

    /// A plan whose candidates come from the piece with the fewest postings.
    pub(super) fn plan_from(&self, tables: PlanTables, matched: Vec<Vec<u32>>) -> Plan {
        let (total, driver) = matched
            .into_iter()
            .map(|tokens| {
                let total = tokens.iter().map(|&t| self.postings_of(t).len()).sum();
                (total, tokens)
            })
            .min_by_key(|(total, _)| *total)
            .unwrap_or_default();
        Plan {
            tables,
            driver,
            total,
        }
    }

    /// The records holding one of the plan's driving tokens, as a bitset over record numbers.
    pub(super) fn bitset(&self, plan: &Plan) -> Vec<u64> {
        let mut set = vec![0u64; self.ids.len().div_ceil(64)];
        for &t in &plan.driver {
            for &r in self.postings_of(t) {
                set[r as usize / 64] |= 1 << (r % 64);
            }
        }
        set
    }

    /// Score of a record's tokens for all words, or `None` when a word does not occur.
    pub(super) fn score(
        &self,
        plans: &[Plan],
        tokens: &[u32],
        scratch: &mut Scratch,
    ) -> Option<i64> {
        if let [
            Plan {
                tables: PlanTables::Single(points),
                ..
            },
        ] = plans
        {
            // One plain word, the common case while typing: no window to track.
            let best = tokens
                .iter()
                .map(|&t| points[t as usize])
                .max()
                .unwrap_or(0);
            return (best > 0).then(|| i64::from(best) + length_bonus(tokens.len()));
        }
        let Scratch { best, last } = scratch;
        best.fill(0);
        last.fill(None);
        let mut window = usize::MAX;
        for pos in 0..tokens.len() {
            let mut hit = false;
            for (i, plan) in plans.iter().enumerate() {
                let points = plan.points_at(tokens, pos);
                if points > 0 {
                    best[i] = best[i].max(points);
                    last[i] = Some(pos);
                    hit = true;
                }
            }
            if hit && plans.len() > 1 {
                // The tightest window ending here that holds every word.
                let earliest = last.iter().try_fold(pos, |lo, l| l.map(|l| lo.min(l)));
                if let Some(lo) = earliest {
                    window = window.min(pos - lo);
                }
            }
        }
        if best.contains(&0) {
            return None;
        }
        let mut score: i64 = best.iter().map(|&b| i64::from(b)).sum();
        if plans.len() > 1 {
            let gap = window.saturating_sub(plans.len() - 1);
            score += PROXIMITY / (1 + i64::try_from(gap).unwrap_or(i64::MAX - 1));
        }
        Some(score + length_bonus(tokens.len()))
    }
}

/// The modest bonus of a record of `tokens` tokens for being short.
fn length_bonus(tokens: usize) -> i64 {
    let len = i64::try_from(tokens).unwrap_or(i64::MAX / 2);
    LENGTH * LENGTH_HALF / (LENGTH_HALF + len)
}

/// Per-query buffers reused across candidates.
pub(super) struct Scratch {
    /// Best points of each word so far in the record.
    best: Vec<u16>,
    /// Last token position where each word occurred.
    last: Vec<Option<usize>>,
}

impl Scratch {
    pub(super) fn new(words: usize) -> Self {
        Scratch {
            best: vec![0; words],
            last: vec![None; words],
        }
    }
}

/// One query word resolved against the vocabulary.
pub(super) struct Plan {
    pub(super) tables: PlanTables,
    /// Vocabulary tokens whose postings give this word's candidate records.
    pub(super) driver: Vec<u32>,
    /// Total postings of `driver`: how unselective the word is.
    pub(super) total: usize,
}

pub(super) enum PlanTables {
    /// Points of every vocabulary token for a one-piece word.
    Single(Vec<u16>),
    /// For each piece of a phrase, the code of every vocabulary token (see `piece_code`).
    Phrase(Vec<Vec<u8>>),
}

impl Plan {
    /// Points of this word's occurrence starting at `pos` (0 when none); the index-side twin of
    /// `occurrence_points`.
    pub(super) fn points_at(&self, tokens: &[u32], pos: usize) -> u16 {
        match &self.tables {
            PlanTables::Single(points) => points[tokens[pos] as usize],
            PlanTables::Phrase(codes) => {
                let Some(window) = tokens.get(pos..pos + codes.len()) else {
                    return 0;
                };
                let mut first = 0;
                let mut last = 0;
                for (i, (table, &t)) in codes.iter().zip(window).enumerate() {
                    let code = table[t as usize];
                    if code == 0 {
                        return 0;
                    }
                    if i == 0 {
                        first = code;
                    }
                    last = code;
                }
                phrase_points(first, last)
            }
        }
    }
}
