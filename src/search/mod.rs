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
//! is, best first: equal to it (exact), starts with it (prefix), contains it (substring), or holds
//! its characters in order within a tight span (fuzzy, scored by `SkimMatcherV2`; only for words of
//! three characters or more). Fuzzy matching is per token, so letters scattered across a paragraph
//! never make a match.
//!
//! A word with inner punctuation (`l'onu`, `77/338`, `secretaire-general`) is a short phrase: its
//! pieces must match consecutive tokens, the first piece as the end of a token, middle pieces
//! exactly, the last piece as the start of a token (`a/res/73` finds `A/RES/73/3`). Punctuation
//! itself is not compared, so `l'ONU` also finds `l’ONU` and `l ONU`. A word made only of
//! punctuation is ignored; a query without words matches everything.
//!
//! [`matches`] states these rules directly on one text; [`SearchIndex`] computes the same thing
//! through a vocabulary and postings, and a property test holds them equal.

pub mod fold;
mod index;

use std::ops::Range;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use memchr::memmem;

pub use fold::{Folded, fold};
pub use index::{Hit, RecordId, SearchIndex};

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
        self.fuzzy(skim, token)
            .map_or(0, |score| FUZZY + score.clamp(0, FUZZY_CAP) as u16)
    }

    /// Skim score when the word's characters appear in order in `token` within a tight span.
    fn fuzzy(&self, skim: &SkimMatcherV2, token: &str) -> Option<i64> {
        if self.chars < FUZZY_MIN_CHARS || token.len() < self.chars {
            return None;
        }
        let span = if token.is_ascii() && self.piece.is_ascii() {
            tightest_span(self.piece.as_bytes(), token.as_bytes())?
        } else {
            let q: Vec<char> = self.piece.chars().collect();
            let t: Vec<char> = token.chars().collect();
            tightest_span(&q, &t)?
        };
        // `cooprtion` in `cooperation` spans 11 letters for 9: allowed; a spread-out
        // subsequence is not a misspelling.
        if span > self.chars + self.chars / 2 {
            return None;
        }
        skim.fuzzy_match(token, self.piece)
    }
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
            occurrence_ranges(&skim, word, &spans, &tokens, pos, best, &mut folded_ranges);
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
    word: &Word,
    spans: &[Range<usize>],
    tokens: &[&str],
    pos: usize,
    kind: Kind,
    out: &mut Vec<Range<usize>>,
) {
    let span = &spans[pos];
    let token = tokens[pos];
    match word.pieces.as_slice() {
        [piece] => match kind {
            Kind::Exact => out.push(span.clone()),
            Kind::Prefix => out.push(span.start..span.start + piece.len()),
            Kind::Substring => out.extend(
                token
                    .match_indices(piece.as_str())
                    .map(|(at, m)| span.start + at..span.start + at + m.len()),
            ),
            Kind::Fuzzy => {
                if let Some((_, indices)) = skim.fuzzy_indices(token, piece) {
                    out.extend(
                        token
                            .char_indices()
                            .enumerate()
                            .filter(|(i, _)| indices.contains(i))
                            .map(|(_, (at, c))| span.start + at..span.start + at + c.len_utf8()),
                    );
                }
            }
        },
        pieces => {
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
