//! Citations: finding references to other documents in text, and normalising them to symbols.
//!
//! Everything that recognises a citation lives here: resolution and decision numbers after the
//! word "resolution"/"résolution" (with lists), symbols written out (`S/RES/1440 (2002)`,
//! `A/AC.105/1137`), old General Assembly numbers (`3363 (XXX)`), resolutions named by title and
//! date, and the Charter. Each recogniser proposes candidates; the earliest, longest ones win.
//! Every regex is anchored or scanned once, so the cost is linear in the text.

mod charter;
mod context;
mod date;
mod numbered;
mod old_session;
mod similarity;
mod title_date;
mod written;

pub use date::parse_date;
pub use similarity::title_similarity;

use std::cmp::Reverse;
use std::ops::Range;
use std::sync::LazyLock;

use charter::scan_charter;
use numbered::scan_keywords;
use old_session::scan_old_general_assembly;
use serde::Serialize;
use written::scan_written_symbols;

use super::model::Language;
use super::symbol::Symbol;

/// What a citation points at, before it is resolved against a corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reference {
    /// A UN symbol: `S/RES/242 (1967)`, `A/RES/70/1`, `A/77/L.107`.
    Symbol(Symbol),
    /// A document named by title and adoption date (ISO), e.g. « Coopération entre l'ONU et l'OCS » du 1er septembre 2023.
    TitleDate { title: String, date: String },
    /// The Charter of the United Nations, optionally a chapter or article of it ("Chapitre VIII", "Article 2").
    Charter { part: Option<String> },
}

/// One reference found in a paragraph or footnote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Citation {
    /// The words as written in the text.
    pub text: String,
    /// Byte range of `text` in the paragraph or footnote text.
    #[serde(skip)]
    pub range: Range<usize>,
    #[serde(skip)]
    pub reference: Reference,
    /// Normalised symbol, when known (for title/date citations, once resolved).
    pub symbol: Option<Symbol>,
    /// Id of the cited document in the corpus, once resolved.
    pub target: Option<String>,
    /// The paragraph of the cited document the text names: OP26 for "paragraph 26 of
    /// resolution 687 (1991)", Art2(4) for "Article 2, paragraph 4, of the Charter"; once the
    /// target is in the library, the id it has there (F.OP26 in a resolution in parts).
    pub paragraph: Option<String>,
    /// `paragraph` as the text names it, before any resolution.
    #[serde(skip)]
    pub pinpoint: Option<String>,
    /// Official link, when the symbol is known.
    pub url: Option<String>,
}

/// Finds every citation in `text`, in order of appearance, without overlaps.
pub fn find_citations(text: &str, language: Language) -> Vec<Citation> {
    let mut found = Vec::new();
    // Each recogniser runs only where the text holds what any of its matches must contain: most
    // paragraphs cite nothing, and a regex search costs far more than these byte scans.
    let bytes = text.as_bytes();
    if may_hold_keyword(bytes) {
        scan_keywords(text, &mut found);
    }
    if memchr::memchr(b'/', bytes).is_some() {
        scan_written_symbols(text, &mut found);
    }
    if may_hold_old_session(bytes) {
        scan_old_general_assembly(text, &mut found);
    }
    if CHART.find(bytes).is_some() {
        scan_charter(text, &mut found);
    }

    // Earliest first; at the same start the longer one, so "resolution 2453 A (XXIII)" beats
    // the bare "2453 A (XXIII)" found by the old-numbering scan.
    found.sort_by_key(|c| (c.range.start, Reverse(c.range.end)));
    let mut out: Vec<Citation> = Vec::with_capacity(found.len());
    let mut end = 0;
    for c in found {
        if c.range.start < end || c.range.is_empty() {
            continue;
        }
        end = c.range.end;
        let symbol = match &c.reference {
            Reference::Symbol(s) => Some(s.clone()),
            _ => None,
        };
        out.push(Citation {
            text: text[c.range.clone()].to_string(),
            url: symbol.as_ref().map(|s| s.url(language)),
            range: c.range,
            reference: c.reference,
            symbol,
            target: None,
            paragraph: c.pinpoint.clone(),
            pinpoint: c.pinpoint,
        });
    }
    out
}

/// Whether `text` may hold a `KEYWORD` match: "résolution" and "décision" in any case and
/// spelling contain "olution" or "cision" in ASCII letters, whose only non-ASCII case variant is
/// the long s of "ciſion".
fn may_hold_keyword(text: &[u8]) -> bool {
    // One ASCII-lowered copy, then two SIMD substring searches.
    let lower = text.to_ascii_lowercase();
    OLUTION.find(&lower).is_some()
        || CISION.find(&lower).is_some()
        // U+017F, long s: 0xC5 0xBF.
        || memchr::memchr_iter(0xC5, text).any(|i| text.get(i + 1) == Some(&0xBF))
}

static OLUTION: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new(b"olution"));

static CISION: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new(b"cision"));

static CHART: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new(b"Chart"));

/// Whether `text` may hold an `OLD_GA` match: an opening bracket right before a Roman session
/// (`(XXIII)`) or its `ES-`/`S-` prefix.
fn may_hold_old_session(text: &[u8]) -> bool {
    memchr::memchr_iter(b'(', text).any(|i| {
        matches!(
            text.get(i + 1),
            Some(b'I' | b'V' | b'X' | b'L' | b'E' | b'S')
        )
    })
}

/// A citation proposed by one recogniser, before overlaps are removed.
pub(super) struct Candidate {
    range: Range<usize>,
    reference: Reference,
    /// The paragraph of the cited document that the text names ("OP26", "Art2(4)").
    pinpoint: Option<String>,
}

pub(super) fn digit_before(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit())
}

pub(super) fn digit_at(text: &str, at: usize) -> bool {
    text[at..]
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit())
}

pub(super) fn char_before(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

pub(super) fn char_at(text: &str, at: usize) -> Option<char> {
    text[at..].chars().next()
}

pub(super) fn next_char(text: &str, at: usize) -> usize {
    at + char_at(text, at).map_or(1, char::len_utf8)
}

/// The last `max` bytes before `at`, cut on a char boundary.
pub(super) fn tail_before(text: &str, at: usize, max: usize) -> &str {
    let mut start = at.saturating_sub(max);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..at]
}

/// At most `max` bytes from `at`, cut on a char boundary.
pub(super) fn head_from(text: &str, at: usize, max: usize) -> &str {
    let mut end = (at + max).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[at..end]
}

#[cfg(test)]
mod tests;
