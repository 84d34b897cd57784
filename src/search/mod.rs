//! Search: folding text for matching, the query semantics, and the index that answers fuzzy queries over paragraphs.
//!
//! One implementation serves the CLI and the TUI filters. It knows nothing of documents: callers
//! index *records* (a [`RecordId`] and a text each).
//!
//! # Semantics
//!
//! Text and query are [folded](fold::fold) (case, accents, ligatures, apostrophes, dashes) and cut
//! into *tokens*: maximal runs of letters and digits. The query is split on whitespace into
//! *words*; a record matches when every word matches somewhere in it (any order).
//!
//! A word whose folded form is one run of letters and digits (`resolution`) matches a token that
//! is, best first: equal to it (exact), starts with it (prefix), contains it (substring), or
//! matches it fuzzily. Fuzzy means, for words of three characters or more, holding its characters
//! in order within a tight span (scored by `SkimMatcherV2`: `cooprtion` → `coopération`) or, for
//! words of five or more, starting with the same letter and being one edit (a wrong, missing,
//! extra or swapped letter) from the token's start (`coopreation` → `coopération`). Fuzzy matching
//! is per token, so letters scattered across a paragraph never make a match.
//!
//! A word with inner punctuation (`l'onu`, `77/338`, `secretaire-general`) is a short phrase: its
//! pieces must match consecutive tokens, the first piece as the end of a token, middle pieces
//! exactly, the last piece as the start of a token (`a/res/73` finds `A/RES/73/3`). Punctuation
//! itself is not compared, so `l'ONU` also finds `l’ONU` and `l ONU`. A word made only of
//! punctuation is ignored; a query without words matches everything.
//!
//! [`matches`] states these rules directly on one text; [`SearchIndex`] computes the same thing
//! through a vocabulary and postings, and a property test holds them equal.

mod array;
mod contain;
mod index;
mod indexes;
mod parallel;
mod plan;
mod stored;
pub mod worker;

use std::ops::Range;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use memchr::memmem;

pub use crate::text::fold::{self, Folded, fold};
pub use array::Backing;
pub use contain::{contained, panic_is_contained};
pub use index::{Hit, Narrowing, RecordId, SearchIndex};
pub use indexes::Indexes;
pub use worker::{RESULT_LIMIT, Report, SearchRequest, SearchTarget, SearchWorker};

/// Points a word earns for its best occurrence in a record; a record's score is their sum plus
/// small proximity and length bonuses, so the kind of match always dominates.
const EXACT: u16 = 4000;
const PREFIX: u16 = 3000;
const SUBSTRING: u16 = 2000;
/// Fuzzy matches earn `FUZZY` plus the skim score capped below `FUZZY_CAP`, staying under substring.
const FUZZY: u16 = 1000;
const FUZZY_CAP: i64 = 900;
/// Fuzzy matching of one- or two-letter words would match nearly everything.
const FUZZY_MIN_CHARS: usize = 3;

/// How a word occurrence matched, worst first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Fuzzy,
    Substring,
    Prefix,
    Exact,
}

fn kind_of(points: u16) -> Kind {
    match points {
        EXACT.. => Kind::Exact,
        PREFIX.. => Kind::Prefix,
        SUBSTRING.. => Kind::Substring,
        _ => Kind::Fuzzy,
    }
}

/// A parsed query: its words, each made of folded pieces.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Query {
    words: Vec<Word>,
}

impl Query {
    fn parse(query: &str) -> Query {
        let folded = fold(query).text;
        let words = folded
            .split_whitespace()
            .map(|w| Word {
                pieces: fold::token_ranges(w).map(|r| w[r].to_owned()).collect(),
            })
            .filter(|w| !w.pieces.is_empty())
            .collect();
        Query { words }
    }
}

/// One query word; more than one piece makes it a phrase over consecutive tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Word {
    pieces: Vec<String>,
}

/// The test of a single-piece word against one token, shared by [`matches`] and the index so that
/// both decide identically.
struct PieceMatcher<'q> {
    piece: &'q str,
    chars: usize,
    finder: memmem::Finder<'q>,
}

impl<'q> PieceMatcher<'q> {
    fn new(piece: &'q str) -> Self {
        PieceMatcher {
            piece,
            chars: piece.chars().count(),
            finder: memmem::Finder::new(piece.as_bytes()),
        }
    }

    /// Points of `token` for this word; 0 when it does not match.
    fn points(&self, skim: &SkimMatcherV2, token: &str) -> u16 {
        if token == self.piece {
            EXACT
        } else if token.starts_with(self.piece) {
            PREFIX
        } else {
            self.unanchored_points(skim, token)
        }
    }

    /// Points of a token that does not start with the word: substring or fuzzy, else 0.
    fn unanchored_points(&self, skim: &SkimMatcherV2, token: &str) -> u16 {
        if self.finder.find(token.as_bytes()).is_some() {
            return SUBSTRING;
        }
        match self.fuzzy(skim, token) {
            Some(Fuzzy::Skim(score)) => FUZZY + score.clamp(1, FUZZY_CAP) as u16,
            Some(Fuzzy::Typo(_)) => FUZZY,
            None => 0,
        }
    }

    /// How `token` matches this word fuzzily, if it does.
    fn fuzzy(&self, skim: &SkimMatcherV2, token: &str) -> Option<Fuzzy> {
        if self.chars < FUZZY_MIN_CHARS {
            return None;
        }
        if token.is_ascii() && self.piece.is_ascii() {
            self.fuzzy_in(skim, self.piece.as_bytes(), token.as_bytes(), token)
        } else {
            let q: Vec<char> = self.piece.chars().collect();
            let t: Vec<char> = token.chars().collect();
            self.fuzzy_in(skim, &q, &t, token)
        }
    }

    fn fuzzy_in<T: PartialEq>(
        &self,
        skim: &SkimMatcherV2,
        q: &[T],
        t: &[T],
        token: &str,
    ) -> Option<Fuzzy> {
        // `cooprtion` in `cooperation` spans 11 letters for 9: allowed; a spread-out
        // subsequence is not a misspelling.
        if tightest_span(q, t).is_some_and(|span| span <= q.len() + q.len() / 2)
            && let Some(score) = skim.fuzzy_match(token, self.piece)
        {
            return Some(Fuzzy::Skim(score));
        }
        // Skim only finds letters in order; swapped or wrong letters (`coopreation`) need an
        // edit distance, kept to longer words where one edit still says which word was meant.
        if q.len() >= TYPO_MIN_CHARS {
            return typo_prefix(q, t).map(Fuzzy::Typo);
        }
        None
    }

    /// Character ranges of `token` (indices, end exclusive) to highlight for a fuzzy match.
    fn fuzzy_chars(&self, skim: &SkimMatcherV2, token: &str) -> Vec<Range<usize>> {
        match self.fuzzy(skim, token) {
            Some(Fuzzy::Skim(_)) => skim
                .fuzzy_indices(token, self.piece)
                .map(|(_, indices)| indices.into_iter().map(|i| i..i + 1).collect())
                .unwrap_or_default(),
            Some(Fuzzy::Typo(end)) => std::iter::once(0..end).collect(),
            None => Vec::new(),
        }
    }
}

/// A fuzzy match of a word in a token.
enum Fuzzy {
    /// The word's letters in order within a tight span, with skim's score.
    Skim(i64),
    /// One edit (substitution, insertion, deletion or swap of neighbours) away from the token's
    /// first `n` characters.
    Typo(usize),
}

/// Typo matching needs at least this many characters in the word.
const TYPO_MIN_CHARS: usize = 5;

/// The length of the prefix of `t` at most one edit (optimal string alignment distance) away
/// from `q`, preferring an exact-length prefix; `None` when there is none or the first letters
/// differ (a wrong first letter rarely is a typo, and checking it first keeps the vocabulary scan
/// fast).
fn typo_prefix<T: PartialEq>(q: &[T], t: &[T]) -> Option<usize> {
    let (Some(q0), Some(t0)) = (q.first(), t.first()) else {
        return None;
    };
    if q0 != t0 || t.len() + 1 < q.len() {
        return None;
    }
    // Only prefixes of length q.len() ± 1 can be one edit away.
    let cols = t.len().min(q.len() + 1);
    let mut before = vec![0usize; cols + 1];
    let mut prev: Vec<usize> = (0..=cols).collect();
    let mut row = vec![0usize; cols + 1];
    for i in 1..=q.len() {
        row[0] = i;
        for j in 1..=cols {
            let cost = usize::from(q[i - 1] != t[j - 1]);
            let mut d = (prev[j] + 1).min(row[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && q[i - 1] == t[j - 2] && q[i - 2] == t[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            row[j] = d;
        }
        if row.iter().all(|&d| d > 1) {
            return None;
        }
        std::mem::swap(&mut before, &mut prev);
        std::mem::swap(&mut prev, &mut row);
    }
    // `prev` is now the last row: distance of `q` to each prefix of `t`.
    let m = q.len();
    [m, m + 1, m.saturating_sub(1)]
        .into_iter()
        .filter(|&j| j >= 1 && j <= cols)
        .find(|&j| prev[j] <= 1)
        .or_else(|| (1..=cols).find(|&j| prev[j] <= 1))
}

/// Length of the shortest window of `t` holding `q` as a subsequence, if any.
fn tightest_span<T: PartialEq>(q: &[T], t: &[T]) -> Option<usize> {
    let first = q.first()?;
    let mut best: Option<usize> = None;
    for (start, c) in t.iter().enumerate() {
        if c != first {
            continue;
        }
        let mut need = 1;
        let mut end = start;
        for (i, c) in t.iter().enumerate().skip(start + 1) {
            if need == q.len() {
                break;
            }
            if *c == q[need] {
                need += 1;
                end = i;
            }
        }
        if need < q.len() {
            // No later start can complete either.
            break;
        }
        let span = end - start + 1;
        best = Some(best.map_or(span, |b: usize| b.min(span)));
    }
    best
}

/// Position of a piece within a multi-piece word, which decides how it must meet its token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PiecePlace {
    First,
    Middle,
    Last,
}

impl PiecePlace {
    fn of(index: usize, count: usize) -> Self {
        if index == 0 {
            PiecePlace::First
        } else if index + 1 == count {
            PiecePlace::Last
        } else {
            PiecePlace::Middle
        }
    }
}

/// Code of a token for a piece of a multi-piece word: 2 exact, 1 partial (end of token for the
/// first piece, start of token for the last), 0 no match.
fn piece_code(place: PiecePlace, piece: &str, token: &str) -> u8 {
    if token == piece {
        2
    } else {
        let partial = match place {
            PiecePlace::First => token.ends_with(piece),
            PiecePlace::Middle => false,
            PiecePlace::Last => token.starts_with(piece),
        };
        u8::from(partial)
    }
}

/// Points of a phrase occurrence from the codes of its first and last pieces.
fn phrase_points(first: u8, last: u8) -> u16 {
    match (first, last) {
        (2, 2) => EXACT,
        (2, _) => PREFIX,
        _ => SUBSTRING,
    }
}

/// A word ready to be tested against tokens.
enum WordTest<'q> {
    Single(Box<PieceMatcher<'q>>),
    Phrase(&'q [String]),
}

impl Word {
    fn test(&self) -> WordTest<'_> {
        match self.pieces.as_slice() {
            [piece] => WordTest::Single(Box::new(PieceMatcher::new(piece))),
            pieces => WordTest::Phrase(pieces),
        }
    }
}

/// Points of a word's occurrence starting at token `pos` (0 when none).
fn occurrence_points(skim: &SkimMatcherV2, word: &WordTest, tokens: &[&str], pos: usize) -> u16 {
    match word {
        WordTest::Single(matcher) => matcher.points(skim, tokens[pos]),
        WordTest::Phrase(pieces) => {
            let k = pieces.len();
            if pos + k > tokens.len() {
                return 0;
            }
            let mut first = 0;
            let mut last = 0;
            for (i, piece) in pieces.iter().enumerate() {
                let code = piece_code(PiecePlace::of(i, k), piece, tokens[pos + i]);
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

/// Straightforward reference: does `text` match `query` under the same semantics as
/// [`SearchIndex::search`] (scan, no index)? Used by tests and as the oracle.
pub fn matches(query: &str, text: &str) -> bool {
    let query = Query::parse(query);
    if query.words.is_empty() {
        return true;
    }
    let folded = fold(text).text;
    let tokens: Vec<&str> = fold::token_ranges(&folded).map(|r| &folded[r]).collect();
    let skim = SkimMatcherV2::default();
    query.words.iter().all(|word| {
        let test = word.test();
        (0..tokens.len()).any(|pos| occurrence_points(&skim, &test, &tokens, pos) > 0)
    })
}

/// Byte ranges of `text` to highlight for `query` (the matched characters, mapped to the original
/// text, merged, sorted). Empty when it does not match, or when the query has no words.
///
/// Every occurrence of each word is highlighted that matches as well as the word's best
/// occurrence in `text` (all exact occurrences, or all prefix ones when there is no exact one…).
pub fn highlight(query: &str, text: &str) -> Vec<Range<usize>> {
    let query = Query::parse(query);
    if query.words.is_empty() {
        return Vec::new();
    }
    let folded = fold(text);
    let spans: Vec<Range<usize>> = fold::token_ranges(&folded.text).collect();
    let tokens: Vec<&str> = spans.iter().map(|r| &folded.text[r.clone()]).collect();
    let skim = SkimMatcherV2::default();
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for word in &query.words {
        let test = word.test();
        let points: Vec<u16> = (0..tokens.len())
            .map(|pos| occurrence_points(&skim, &test, &tokens, pos))
            .collect();
        let Some(&best) = points.iter().max().filter(|&&b| b > 0) else {
            return Vec::new();
        };
        let best = kind_of(best);
        for (pos, &p) in points.iter().enumerate() {
            if p == 0 || kind_of(p) != best {
                continue;
            }
            let mut folded_ranges = Vec::new();
            occurrence_ranges(&skim, &test, &spans, &tokens, pos, best, &mut folded_ranges);
            ranges.extend(
                folded_ranges
                    .into_iter()
                    .filter_map(|r| folded.original_range(text, r)),
            );
        }
    }
    merge(ranges)
}

/// Folded byte ranges matched by `word`'s occurrence at token `pos`, of kind `kind`.
fn occurrence_ranges(
    skim: &SkimMatcherV2,
    word: &WordTest,
    spans: &[Range<usize>],
    tokens: &[&str],
    pos: usize,
    kind: Kind,
    out: &mut Vec<Range<usize>>,
) {
    let span = &spans[pos];
    let token = tokens[pos];
    match word {
        WordTest::Single(matcher) => match kind {
            Kind::Exact => out.push(span.clone()),
            Kind::Prefix => out.push(span.start..span.start + matcher.piece.len()),
            Kind::Substring => out.extend(
                token
                    .match_indices(matcher.piece)
                    .map(|(at, m)| span.start + at..span.start + at + m.len()),
            ),
            Kind::Fuzzy => {
                let chars: Vec<(usize, char)> = token.char_indices().collect();
                for r in matcher.fuzzy_chars(skim, token) {
                    let (Some(&(start, _)), Some(&(last, c))) =
                        (chars.get(r.start), chars.get(r.end.saturating_sub(1)))
                    else {
                        continue;
                    };
                    out.push(span.start + start..span.start + last + c.len_utf8());
                }
            }
        },
        WordTest::Phrase(pieces) => {
            let (Some(first), Some(last)) = (pieces.first(), pieces.last()) else {
                return;
            };
            let Some(last_span) = spans.get(pos + pieces.len() - 1) else {
                return;
            };
            // The whole phrase, punctuation between pieces included.
            out.push(span.end - first.len()..last_span.start + last.len());
        }
    }
}

/// Sort ranges and merge those that overlap or touch.
fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_examples_match() {
        let cases = [
            ("resolution", "La Résolution 77/338", true),
            ("oeuvre", "mise en œuvre", true),
            ("etats", "les États Membres", true),
            ("l'ONU", "le rôle de l’ONU", true),
            ("l’onu", "le rôle de l'ONU", true),
            ("RÉSOLUTION", "resolution", true),
            ("1er", "le 1ᵉʳ septembre", true),
            (
                "organisation shanghai coopération",
                "Coopération avec l’Organisation de Shanghai",
                true,
            ),
            ("shanghai organisation", "l’Organisation de Shanghai", true),
            ("shanghai organisation", "l’Organisation de Genève", false),
            ("cooprtion", "la coopération régionale", true),
            ("zzzqqq", "la coopération régionale", false),
            ("77/338", "Résolution 77/338.", true),
            ("77/33", "Résolution 77/338.", true),
            ("a/res/73", "A/RES/73/3", true),
            ("res/73", "A/RES/73/3", true),
            ("es/73", "A/RES/73/3", true),
            ("a/es/73", "A/RES/73/3", false),
            ("secretaire-general", "le Secrétaire général", true),
            ("", "anything", true),
            ("  ", "anything", true),
            ("- «", "anything", true),
            ("x", "", false),
        ];
        for (query, text, want) in cases {
            assert_eq!(matches(query, text), want, "{query:?} in {text:?}");
        }
    }

    #[test]
    fn fuzzy_is_per_token_and_tight() {
        // Letters of `secgen` appear in order across the sentence, but in no single token.
        assert!(!matches("secgen", "le secrétaire général"));
        // Spread out inside one long token is not a misspelling either.
        assert!(!matches("cion", "coopération"));
        assert!(matches("coopration", "coopération"));
        assert!(matches("devlopement", "développement durable"));
        // Too short for fuzzy.
        assert!(!matches("ct", "coopération"));
        // One typo: swapped, wrong, missing or extra letter; a wrong first letter is not a typo.
        assert!(matches("coopreation", "la coopération"));
        assert!(matches("désinformatoin", "la désinformation"));
        assert!(matches("secuirte", "la sécurité internationale"));
        assert!(matches("assamblee", "l’Assemblée générale"));
        assert!(matches("developement", "le développement durable"));
        assert!(!matches("xoopération", "la coopération"));
        assert!(!matches("cooperaxxion", "la coopération"));
        assert!(!matches("paux", "la paix"));
        assert!(
            !matches("secrutie", "la sécurité"),
            "two swaps are two typos"
        );
    }

    #[test]
    fn typo_prefix_is_one_edit_from_the_start_of_the_token() {
        assert_eq!(typo_prefix(b"coopreation", b"cooperation"), Some(11));
        assert_eq!(typo_prefix(b"coopreat", b"cooperation"), Some(8));
        assert_eq!(typo_prefix(b"secuirte", b"securite"), Some(8));
        assert_eq!(typo_prefix(b"assamblee", b"assemblee"), Some(9));
        assert_eq!(typo_prefix(b"develop", b"devlopment"), Some(6));
        assert_eq!(typo_prefix(b"cooperaxxion", b"cooperation"), None);
        assert_eq!(typo_prefix(b"xooperation", b"cooperation"), None);
        assert_eq!(typo_prefix(b"abcdef", b"ab"), None);
        assert_eq!(typo_prefix(b"", b"ab"), None);
    }

    #[test]
    fn tightest_span_finds_the_shortest_window() {
        assert_eq!(tightest_span(b"abc", b"axxbcabc"), Some(3));
        assert_eq!(tightest_span(b"abc", b"acb"), None);
        assert_eq!(tightest_span(b"a", b"ba"), Some(1));
        assert_eq!(tightest_span(b"", b"ba"), None);
    }

    #[test]
    fn highlight_maps_to_accented_original() {
        let text = "La Résolution adoptée par l’Assemblée générale";
        let ranges = highlight("resolution assemblee", text);
        let got: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(got, ["Résolution", "Assemblée"]);

        let got: Vec<&str> = highlight("resol gener", text)
            .iter()
            .map(|r| &text[r.clone()])
            .collect();
        assert_eq!(got, ["Résol", "génér"]);

        let got: Vec<&str> = highlight("l'assemblee", text)
            .iter()
            .map(|r| &text[r.clone()])
            .collect();
        assert_eq!(got, ["l’Assemblée"]);

        let text = "mise en Œuvre de la coopération";
        let got: Vec<&str> = highlight("oeuvre cooprtion", text)
            .iter()
            .map(|r| &text[r.clone()])
            .collect();
        assert_eq!(got[0], "Œuvre");
        // Fuzzy highlights the matched letters only, never the skipped `é`/`a`.
        let fuzzy: String = got[1..].concat();
        assert_eq!(fuzzy, "cooprtion");
        for r in highlight("oeuvre cooprtion", text) {
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
    }

    #[test]
    fn highlight_of_a_typo_covers_the_word() {
        let text = "la coopération régionale";
        let got: Vec<&str> = highlight("coopreation", text)
            .iter()
            .map(|r| &text[r.clone()])
            .collect();
        assert_eq!(got, ["coopération"]);
    }

    #[test]
    fn highlight_prefers_the_best_kind_and_is_empty_without_a_match() {
        let text = "ONU, Organisation des Nations Unies (onusien)";
        let got: Vec<&str> = highlight("onu", text)
            .iter()
            .map(|r| &text[r.clone()])
            .collect();
        // The exact token only, not the prefix of `onusien`.
        assert_eq!(got, ["ONU"]);
        assert!(highlight("onu zzzz", text).is_empty());
        assert!(highlight("", text).is_empty());
    }

    #[test]
    fn highlight_merges_overlaps() {
        assert_eq!(merge(vec![5..7, 0..2, 1..3, 7..8]), vec![0..3, 5..8]);
        let text = "coopération";
        assert_eq!(highlight("coop cooperation", text), vec![0..text.len()]);
    }
}
