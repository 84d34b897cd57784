//! A resolution named by its quoted title and its date: « Coopération entre l'ONU et l'OCS » du 1er septembre 2023.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::date::{date_at_start, parse_date};
use super::{Candidate, Reference, head_from};

pub(super) static TITLE_DATE_CONNECTOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*,?\s*(?:(?:adopt(?:é|e)e?s?\s+)?(?:le|du|en\s+date\s+du)|(?:adopted\s+)?(?:on|of|dated))\s+")
        .expect("title date connector is valid")
});

/// A resolution named by its quoted title and dated: `la résolution de l'Assemblée générale
/// « … » du 1er septembre 2023`, `the resolution "…" of 1 September 2023`,
/// `la résolution du 1er septembre 2023 intitulée « … »`.
pub(super) fn title_and_date(text: &str, word: Range<usize>) -> Option<Candidate> {
    // The opening quote must come soon, in the same sentence and paragraph.
    let gap = head_from(text, word.end, 300);
    let mut open = None;
    let mut prev = ' ';
    for (i, c) in gap.char_indices() {
        if matches!(c, '.' | ';' | '!' | '?') || (c == '\n' && prev == '\n') {
            return None;
        }
        if let Some(close) = closing_quote(c) {
            open = Some((i, c.len_utf8(), close));
            break;
        }
        prev = c;
    }
    let (open_at, open_len, close) = open?;
    let title_at = word.end + open_at + open_len;
    let body = head_from(text, title_at, 600);
    let close_at = body.find(close)?;
    let title = body[..close_at].trim();
    if title.is_empty() || title.contains("\n\n") {
        return None;
    }
    let after_quote = title_at + close_at + close.len_utf8();

    let (end, date) = match date_after_title(text, after_quote) {
        Some((end, iso)) => (end, iso),
        // A date before the title counts only with "entitled"/"intitulée" right before the quote,
        // so "the resolution adopted by the Board of Governors on 12 June 1981 on the “…”"
        // (another body's resolution) is not taken for a UN one.
        None if ENTITLED.is_match(&gap[..open_at]) => (after_quote, parse_date(&gap[..open_at])?),
        None => return None,
    };
    Some(Candidate {
        range: word.start..end,
        reference: Reference::TitleDate {
            title: title.to_string(),
            date,
        },
        pinpoint: None,
    })
}

/// The date right after a quoted title ("» du 1er septembre 2023"): where it ends and its ISO form.
pub(super) fn date_after_title(text: &str, at: usize) -> Option<(usize, String)> {
    let connector = TITLE_DATE_CONNECTOR.find(&text[at..])?;
    let date_at = at + connector.end();
    let (len, iso) = date_at_start(&text[date_at..])?;
    Some((date_at + len, iso))
}

pub(super) static ENTITLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:entitled|intitul(?:é|e)e?s?)\s*$").expect("entitled pattern is valid")
});

pub(super) fn closing_quote(open: char) -> Option<char> {
    match open {
        '«' => Some('»'),
        '“' => Some('”'),
        '„' => Some('“'),
        '"' => Some('"'),
        _ => None,
    }
}
