//! Dates as resolutions write them: "1er septembre 2023", "22 November 1967", "September 1, 2023".

use std::sync::LazyLock;

use regex::Regex;

use super::similarity::fold;
use super::{digit_at, digit_before, next_char};

/// Whether `text` may hold a date `parse_date` finds: four numeric characters in a row, since
/// every date has a four-digit year and `\d` (decimal digits, in all scripts) is a subset of
/// `char::is_numeric`. Bytes are read one by one; characters below U+0660 hold no decimal digit
/// and are skipped a byte at a time (a continuation byte only resets the run, which the lead
/// byte already did); only the rarer ones above are decoded.
pub(super) fn may_hold_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            run = if b.is_ascii_digit() { run + 1 } else { 0 };
            i += 1;
        } else if b < 0xD9 {
            // U+0080..U+063F: no decimal digit (the first ones after ASCII are U+0660..).
            run = 0;
            i += 1;
        } else {
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            run = if c.is_numeric() { run + 1 } else { 0 };
            i += c.len_utf8();
        }
        if run == 4 {
            return true;
        }
    }
    false
}

pub(super) const MONTHS: &str = "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|january|february|march|april|may|june|july|august|september|october|november|december";

pub(super) fn date_pattern() -> String {
    // Day first (French and British: "1er septembre 2023", "1^{er} …", "1ᵉʳ …", "22 November 1967",
    // and OCR's "ler juin" for 1er) or month first (American: "September 1, 2023").
    format!(
        r"(?i)(?:(?:(?P<d1>\d{{1,2}})|(?-u:\b)[lI](?:er|ᵉʳ))(?:\s*(?:er|st|nd|rd|th)(?-u:\b)|ᵉʳ|\^\{{er\}}|\^er(?-u:\b))?\s+(?P<m1>{MONTHS})\s+(?P<y1>\d{{4}})|(?P<m2>{MONTHS})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}}))"
    )
}

pub(super) static DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&date_pattern()).expect("date pattern is valid"));

pub(super) static DATE_AT_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!("^(?:{})", date_pattern())).expect("anchored date pattern is valid")
});

/// The first date written in `text` ("1^{er} septembre 2023", "22 November 1967",
/// "September 1, 2023"), as ISO `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Option<String> {
    if !may_hold_date(text) {
        return None;
    }
    let mut from = 0;
    while let Some(whole) = DATE.find_at(text, from) {
        if digit_before(text, whole.start()) || digit_at(text, whole.end()) {
            from = next_char(text, whole.start());
            continue;
        }
        if let Some(iso) = iso_from(whole.as_str()) {
            return Some(iso);
        }
        from = next_char(text, whole.start());
    }
    None
}

/// A date right at the start of `text`: its length in bytes and ISO form.
pub(super) fn date_at_start(text: &str) -> Option<(usize, String)> {
    // A day (a digit) or a month name comes first.
    let first = text.chars().next()?;
    if !(first.is_numeric() || "jfmasondJFMASONDſ".contains(first)) {
        return None;
    }
    let whole = DATE_AT_START.find(text)?;
    let end = whole.end();
    if digit_at(text, end) {
        return None;
    }
    Some((end, iso_from(whole.as_str())?))
}

/// A date the date pattern matched, as ISO `YYYY-MM-DD` when it is a real day.
pub(super) fn iso_from(date: &str) -> Option<String> {
    let (d, m, y) = date_parts(date)?;
    let day: u32 = d.parse().ok()?;
    let year: u32 = y.parse().ok()?;
    let month = month_number(m)?;
    (day >= 1 && day <= days_in_month(year, month) && year <= 9999).then(|| {
        // "YYYY-MM-DD" by hand: `format!` costs several times more, once per date found.
        let mut iso = String::with_capacity(10);
        for (value, width) in [(year, 4), (month, 2), (day, 2)] {
            if !iso.is_empty() {
                iso.push('-');
            }
            for p in (0..width).rev() {
                iso.push(char::from(b'0' + (value / 10u32.pow(p) % 10) as u8));
            }
        }
        iso
    })
}

/// Day, month and year of a date the date pattern matched: its `d1, m1, y1` or `d2, m2, y2`
/// groups, read off the match. Running the regex for captures costs several times the search,
/// and the shape of a match is plain: the first shape starts with the day (a digit), the second
/// with the month name, and both end with the four-digit year. Days are followed by a space, an
/// ordinal suffix, `ᵉʳ`, `^` or a comma, none of them numeric; month names hold no space.
pub(super) fn date_parts(date: &str) -> Option<(&str, &str, &str)> {
    let year_at = date.char_indices().rev().nth(3)?.0;
    let year = &date[year_at..];
    // "ler juin 1970": OCR's 1er.
    if date.starts_with(['l', 'I', 'L', 'i']) && date[1..].to_lowercase().starts_with("er") {
        let month = date[..year_at]
            .trim_end()
            .rsplit(char::is_whitespace)
            .next()?;
        return Some(("1", month, year));
    }
    if date.starts_with(|c: char| c.is_numeric()) {
        let day_end = date.find(|c: char| !c.is_numeric())?;
        let month = date[..year_at]
            .trim_end()
            .rsplit(char::is_whitespace)
            .next()?;
        Some((&date[..day_end], month, year))
    } else {
        let month_end = date.find(char::is_whitespace)?;
        let rest = date[month_end..].trim_start();
        let day_end = rest.find(|c: char| !c.is_numeric()).unwrap_or(rest.len());
        Some((&rest[..day_end], &date[..month_end], year))
    }
}

pub(super) fn month_number(name: &str) -> Option<u32> {
    // The names the date pattern matches, lowered without accents: `fold` would give the same
    // for these letters, and stays the fallback for any other.
    let mut buf = [0u8; 16];
    let mut len = 0;
    for c in name.chars() {
        let b = match c {
            'a'..='z' | 'A'..='Z' => c.to_ascii_lowercase() as u8,
            'é' | 'É' => b'e',
            'û' | 'Û' => b'u',
            _ => return month_number_folded(&fold(name)),
        };
        *buf.get_mut(len)? = b;
        len += 1;
    }
    month_number_folded(std::str::from_utf8(&buf[..len]).ok()?)
}

pub(super) fn month_number_folded(n: &str) -> Option<u32> {
    Some(match n {
        "janvier" | "january" => 1,
        "fevrier" | "february" => 2,
        "mars" | "march" => 3,
        "avril" | "april" => 4,
        "mai" | "may" => 5,
        "juin" | "june" => 6,
        "juillet" | "july" => 7,
        "aout" | "august" => 8,
        "septembre" | "september" => 9,
        "octobre" | "october" => 10,
        "novembre" | "november" => 11,
        "decembre" | "december" => 12,
        _ => return None,
    })
}

pub(super) fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 31,
    }
}
