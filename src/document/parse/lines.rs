//! Stage 1: the text as lines, with page breaks, blank lines and indents noted; running titles found.

use std::borrow::Cow;

use super::noise::{is_job_number, is_noise, is_page_counter, is_running_symbol};
use crate::document::{FastMap, FastSet};

#[derive(Debug, Clone)]
pub(super) struct Line<'a> {
    /// Borrowed from the source unless tabs, form feeds or runs of spaces had to be rewritten.
    pub(super) text: Cow<'a, str>,
    pub(super) indent: usize,
    /// A form feed, a run of blank lines, dropped noise or a footnote block came before this line.
    pub(super) page_break: bool,
    /// At least one blank line came before this line.
    pub(super) blank_before: bool,
    /// A new page starts here (form feed or a dropped running header): ends a footnote block.
    pub(super) new_page: bool,
}

pub(super) fn split_lines(text: &str) -> Vec<Line<'_>> {
    let running = running_titles(text);
    let mut since_page_top = usize::MAX;
    // Room for lines of 32 bytes on average; most are longer.
    let mut out = Vec::with_capacity(text.len() / 32 + 1);
    let mut blanks = 0usize;
    let mut page_break = false;
    let mut new_page = false;
    // Most texts hold neither form feeds nor tabs: one scan of the whole text spares a scan per line.
    let special = memchr::memchr2(b'\x0c', b'\t', text.as_bytes()).is_some();
    // `text.split('\n')`, with the memchr crate's vector search: core's is a word-at-a-time loop.
    let mut next = Some(0);
    while let Some(start) = next {
        let end =
            memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |p| start + p);
        next = (end < text.len()).then_some(end + 1);
        let raw = text[start..end].trim_end_matches('\r');
        let (feed, tab) = if special {
            let b = raw.as_bytes();
            (
                memchr::memchr(b'\x0c', b).is_some(),
                memchr::memchr(b'\t', b).is_some(),
            )
        } else {
            (false, false)
        };
        if feed {
            page_break = true;
            new_page = true;
            since_page_top = 0;
        }
        let cleaned = (feed || tab).then(|| raw.replace('\u{c}', "").replace('\t', " "));
        let view = cleaned.as_deref().unwrap_or(raw);
        let start_trimmed = view.trim_start();
        let trimmed = start_trimmed.trim_end();
        if trimmed.is_empty() {
            blanks += 1;
            continue;
        }
        let indent = view.len() - start_trimmed.len();
        since_page_top = since_page_top.saturating_add(1);
        if since_page_top <= PAGE_TOP_LINES
            && !running.is_empty()
            && running.contains(&header_key(trimmed))
        {
            page_break = true;
            new_page = true;
            continue;
        }
        // A rule ("---", "* * *" is text) that the converter put where a page ends or its notes
        // begin: layout, like a page break. Some put it at the end of the page's last line.
        if is_rule(trimmed) {
            page_break = true;
            continue;
        }
        let trimmed = if trimmed.ends_with("---") {
            trailing_rule(trimmed).unwrap_or(trimmed)
        } else {
            trimmed
        };
        if is_noise(trimmed) {
            page_break = true;
            new_page |= trimmed.split_whitespace().any(is_running_symbol);
            continue;
        }
        let text = match (&cleaned, collapse_spaces(trimmed)) {
            (_, Cow::Owned(s)) => Cow::Owned(s),
            (Some(_), Cow::Borrowed(t)) => Cow::Owned(t.to_string()),
            // Not rewritten: the same bytes, borrowed from the source for as long as it lives.
            (None, Cow::Borrowed(_)) => Cow::Borrowed(&raw[indent..indent + trimmed.len()]),
        };
        out.push(Line {
            text,
            indent,
            page_break: page_break || blanks >= 2,
            blank_before: blanks > 0,
            new_page,
        });
        blanks = 0;
        page_break = false;
        new_page = false;
    }
    out
}

/// A Markdown rule: three or more '-', nothing else but spaces. (A line of '_' is kept: it is the
/// rule over a page's footnotes, which the footnote stage reads.)
fn is_rule(line: &str) -> bool {
    line.starts_with('-')
        && line.bytes().all(|b| b == b'-' || b == b' ')
        && line.bytes().filter(|&b| b == b'-').count() >= 3
}

/// "at the national, regional and international ---": the line without the rule at its end.
fn trailing_rule(line: &str) -> Option<&str> {
    let (text, rule) = line.rsplit_once(' ')?;
    let text = text.trim_end();
    (rule.len() >= 3 && rule.bytes().all(|b| b == b'-') && !text.is_empty()).then_some(text)
}

/// How many lines at the top of a page may hold a running title.
pub(super) const PAGE_TOP_LINES: usize = 4;

/// Running titles: lines that open two or more pages ("Political declaration of the high-level
/// meeting …" over every page of an annex), once the running symbol and page counter are removed.
pub(super) fn running_titles(text: &str) -> FastSet<String> {
    let mut counts: FastMap<String, usize> = FastMap::default();
    // Fewer than three pages: no form feed, or only one (checked without splitting the text).
    if memchr::memchr_iter(b'\x0c', text.as_bytes())
        .nth(1)
        .is_none()
    {
        return Default::default();
    }
    let pages: Vec<&str> = text.split('\u{c}').collect();
    for page in &pages[1..] {
        let mut seen = FastSet::default();
        for line in page
            .lines()
            .filter(|l| !l.trim().is_empty())
            .take(PAGE_TOP_LINES)
        {
            let key = header_key(line);
            if !key.is_empty() && seen.insert(key.clone()) {
                *counts.entry(key).or_insert(0) += 1;
            }
        }
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n >= 2)
        .map(|(k, _)| k)
        .collect()
}

pub(super) fn header_key(line: &str) -> String {
    line.split_whitespace()
        .filter(|w| !is_running_symbol(w) && !is_page_counter(w) && !is_job_number(w))
        .collect::<Vec<_>>()
        .join(" ")
}

pub(super) fn collapse_spaces(s: &str) -> Cow<'_, str> {
    let Some(first) = double_space(s.as_bytes()) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..first + 1]);
    let mut space = true;
    for c in s[first + 1..].chars() {
        if c == ' ' {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    Cow::Owned(out)
}

/// Position of the first two spaces in a row, eight bytes at a time: most lines have none.
pub(super) fn double_space(b: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let mut chunks = b.chunks_exact(8);
    let mut base = 0;
    let mut prev_space = false; // the byte before this chunk is a space
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word) ^ (ONES * u64::from(b' '));
        // High bit set exactly in the bytes that were spaces (no borrow between bytes).
        let spaces = !(((x & LOW7) + LOW7) | x | LOW7);
        if spaces != 0 {
            if prev_space && spaces & 0x80 != 0 {
                return Some(base - 1);
            }
            let pairs = spaces & (spaces >> 8);
            if pairs != 0 {
                return Some(base + pairs.trailing_zeros() as usize / 8);
            }
        }
        prev_space = spaces >> 63 != 0;
        base += 8;
    }
    let rest = chunks.remainder();
    if prev_space && rest.first() == Some(&b' ') {
        return Some(base - 1);
    }
    rest.windows(2).position(|w| w == b"  ").map(|p| base + p)
}

/// Text laid out by `pdftotext -layout`: most lines carry a deep left margin.
pub(super) fn is_layout(lines: &[Line<'_>]) -> bool {
    let deep = lines.iter().filter(|l| l.indent >= 8).count();
    lines.len() >= 10 && deep * 2 > lines.len()
}

/// Lines cut at a fixed width (PDF, OCR) rather than one paragraph per line.
pub(super) fn is_hard_wrapped(lines: &[Line<'_>]) -> bool {
    if lines.len() < 4 {
        return false;
    }
    // The 90th percentile of line lengths (in chars) is at most 130 exactly when more than
    // `len * 9 / 10` lines are that short; a line of at most 130 bytes needs no counting.
    let short = lines
        .iter()
        .filter(|l| l.text.len() <= 130 || l.text.chars().nth(130).is_none())
        .count();
    short > lines.len() * 9 / 10
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        split_lines(text)
            .iter()
            .map(|l| l.text.to_string())
            .collect()
    }

    /// Page ends as the GA 2025 texts converted from PDF mark them: a rule on its own line, or
    /// at the end of the page's last line, before the page's footnotes.
    #[test]
    fn rules_are_layout() {
        let text = "as well as the difficulties pointed out in evolving a common approach acceptable to all,\n---\n\n1 Resolution S-10/2.\n\nTaking note of Security Council resolution 984 (1995)";
        let lines = split_lines(text);
        assert_eq!(lines.len(), 3);
        assert!(lines[1].page_break, "the rule breaks the page");
        assert_eq!(
            lines[2].text,
            "Taking note of Security Council resolution 984 (1995)"
        );
        assert_eq!(
            texts(
                "at the national, regional and international ---\n\n1 United Nations, Treaty Series, vol. 1015, No. 14860."
            ),
            [
                "at the national, regional and international",
                "1 United Nations, Treaty Series, vol. 1015, No. 14860."
            ]
        );
        // A dash in the text, and a line of dashes too short for a rule, are text.
        assert_eq!(
            texts("Pacific Islands Forum -- Secretariat\n--"),
            ["Pacific Islands Forum -- Secretariat", "--"]
        );
    }

    /// Page furniture of the PDF text of A/RES/80/8: job number, barcode and page counter.
    #[test]
    fn page_furniture_is_dropped_and_breaks_the_page() {
        let text = "25-18947 (E) \n*2518947* \nRecalling its resolution 79/1,\n \n25-18947\n2/6 \n \nRecognizing also the role";
        let lines = split_lines(text);
        assert_eq!(
            texts(text),
            [
                "Recalling its resolution 79/1,",
                "Recognizing also the role"
            ]
        );
        assert!(lines[0].page_break && lines[1].page_break);
        assert!(lines[1].blank_before);
    }
}
