//! Finding a bookmarked paragraph again after the document changed: fingerprints of its first
//! words and a similarity between them; and the dates and excerpts bookmarks show.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::Bookmark;

/// How many folded words a fingerprint keeps.
const FINGERPRINT_WORDS: usize = 12;

/// How many characters an excerpt keeps, at most, before "…".
const EXCERPT_CHARS: usize = 80;

/// Similarity (0.0–1.0) above which a paragraph elsewhere is taken to be the bookmarked one.
const RELOCATE_THRESHOLD: f64 = 0.6;

/// A folded, accent-free summary of the start of `text`: its first words, lowercase,
/// without diacritics, punctuation or footnote calls, separated by single spaces.
pub fn fingerprint(text: &str) -> String {
    let mut words = folded_words(text);
    words.truncate(FINGERPRINT_WORDS);
    words.join(" ")
}

/// The index in `paragraphs` (id, text) of the paragraph `b` points at:
/// the paragraph with the same id if its fingerprint still matches; otherwise the paragraph
/// whose fingerprint is most alike (above a threshold, ties going to the one nearest the
/// old id); otherwise the same id if it still exists; otherwise `None`.
pub fn relocate(b: &Bookmark, paragraphs: &[(&str, &str)]) -> Option<usize> {
    let same_id = paragraphs.iter().position(|(id, _)| *id == b.paragraph);
    if let Some(i) = same_id
        && fingerprint(paragraphs[i].1) == b.fingerprint
    {
        return Some(i);
    }
    let wanted: Vec<&str> = b.fingerprint.split_whitespace().collect();
    if !wanted.is_empty() {
        let anchor = same_id.unwrap_or(0);
        let mut best: Option<(f64, usize)> = None;
        for (i, (_, text)) in paragraphs.iter().enumerate() {
            let found = fingerprint(text);
            let found: Vec<&str> = found.split_whitespace().collect();
            let score = similarity(&wanted, &found);
            if score <= RELOCATE_THRESHOLD {
                continue;
            }
            let better = match best {
                None => true,
                Some((best_score, best_i)) => {
                    score > best_score
                        || (score == best_score && i.abs_diff(anchor) < best_i.abs_diff(anchor))
                }
            };
            if better {
                best = Some((score, i));
            }
        }
        if let Some((_, i)) = best {
            return Some(i);
        }
    }
    same_id
}

/// `YYYY-MM-DD` (UTC) for a Unix time in seconds.
pub fn format_date(unix: u64) -> String {
    let (year, month, day) = civil_from_days(unix / 86_400);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Howard Hinnant's days-to-civil algorithm, for days since 1970-01-01 (never negative here).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z % 146_097; // [0, 146096]
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365; // [0, 399]
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // [0, 365]
    let mp = (5 * doy + 2) / 153; // [0, 11], March-based
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

/// Dice coefficient over the longest common subsequence of words: word order counts, but an
/// inserted or dropped word costs little.
fn similarity(a: &[&str], b: &[&str]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let mut prev = vec![0usize; b.len() + 1];
    for wa in a {
        let mut row = vec![0usize; b.len() + 1];
        for (j, wb) in b.iter().enumerate() {
            row[j + 1] = if wa == wb {
                prev[j] + 1
            } else {
                row[j].max(prev[j + 1])
            };
        }
        prev = row;
    }
    let lcs = prev[b.len()];
    2.0 * lcs as f64 / (a.len() + b.len()) as f64
}

fn folded_words(text: &str) -> Vec<String> {
    // Footnote calls are kept in paragraph text as superscript digits glued to a word
    // ("résolution¹"); dropping them keeps the word itself.
    let folded: String = text
        .nfd()
        .filter(|c| !is_combining_mark(*c) && !is_superscript_digit(*c))
        .flat_map(char::to_lowercase)
        .collect();
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn is_superscript_digit(c: char) -> bool {
    matches!(
        c,
        '\u{2070}' | '\u{00B9}' | '\u{00B2}' | '\u{00B3}' | '\u{2074}'..='\u{2079}'
    )
}

/// A bookmark's excerpt: the paragraph's first words, on one line.
pub(super) fn excerpt(text: &str) -> String {
    crate::text::excerpt(text, EXCERPT_CHARS)
}
