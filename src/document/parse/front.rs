//! Stage 4: the header (masthead, symbol, title) split from the body.

use super::group::join_into;
use super::lines::Line;
use super::noise::{is_document_reference, is_year_paren, running_symbol_in};
use crate::document::lexicon::is_enacting_formula;
use crate::document::symbol::Symbol;

#[derive(Debug, Default)]
pub(super) struct Front {
    pub(super) header: Vec<String>,
    pub(super) title: Option<String>,
    pub(super) symbol: Option<Symbol>,
    pub(super) body_start: usize,
    /// The body starts with "L'Assemblée générale," / "The Security Council," and the like.
    pub(super) resolution_markers: bool,
    /// A subject line printed over a Security Council heading.
    pub(super) subject: Option<String>,
}

/// "A", "I": the label of a part on a line of its own.
fn is_part_letter(line: &str) -> bool {
    let t = line.trim().trim_end_matches('.');
    (t.len() == 1 && t.bytes().all(|b| b.is_ascii_uppercase())) || t == "I"
}

/// "MILITARY STAFF COMMITTEE" → "Military Staff Committee"; small words stay small.
fn sentence_case(s: &str) -> String {
    const SMALL: [&str; 14] = [
        "of", "the", "and", "in", "on", "for", "to", "a", "de", "la", "le", "des", "du", "et",
    ];
    s.split_whitespace()
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            if i > 0 && SMALL.contains(&lower.as_str()) {
                return lower;
            }
            let mut chars = lower.chars();
            match chars.next() {
                Some(c) => c.to_uppercase().chain(chars).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `77/338. Coopération entre …` → (symbol, title on this line).
pub(super) fn ga_title_line(line: &str) -> Option<(Symbol, &str)> {
    let dot = memchr::memchr(b'.', line.as_bytes())?;
    let (head, rest) = (&line[..dot], &line[dot + 1..]);
    let head = head.trim();
    if !head.contains('/') || head.contains(' ') {
        return None;
    }
    let symbol = Symbol::parse(head).filter(|s| s.as_str().starts_with("A/RES/"))?;
    Some((symbol, rest.trim()))
}

/// Security Council headings: `Resolution 242 (1967)`, `Resolution 242 (1967) of 22 November 1967`,
/// `100 (1953). Resolution of 27 October 1953`.
pub(super) fn sc_title_line(line: &str) -> Option<Symbol> {
    let rest = line
        .strip_prefix("Resolution ")
        .or_else(|| line.strip_prefix("Résolution "))
        .unwrap_or(line);
    let (num, tail) = rest.split_once(' ')?;
    if num.is_empty() || !num.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year = tail.get(..6).filter(|y| is_year_paren(y))?;
    let after = tail[6..].trim_start_matches('.').trim();
    let headed = rest.len() != line.len();
    if !(headed || after.starts_with("Resolution") || after.starts_with("Résolution")) {
        return None;
    }
    Symbol::parse(&format!("S/RES/{num} {year}"))
}

/// How far down a masthead may go before the title line.
const MASTHEAD_LINES: usize = 80;

/// A General Assembly title line ("77/338. Coopération entre …") near the top: its line, the
/// symbol, the title (wrapped lines joined, up to a blank line or the enacting formula) and the
/// line after it.
pub(super) fn ga_title(lines: &[Line<'_>]) -> Option<(usize, Symbol, String, usize)> {
    let limit = lines.len().min(MASTHEAD_LINES);
    (0..limit).find_map(|i| {
        let (symbol, first) = ga_title_line(&lines[i].text)?;
        let mut title = first.to_string();
        let mut j = i + 1;
        while j < lines.len()
            && !is_enacting_formula(&lines[j].text)
            && (!lines[j].blank_before || title.is_empty())
            && j < i + 6
        {
            join_into(&mut title, &lines[j].text);
            j += 1;
        }
        Some((i, symbol, title, j))
    })
}

pub(super) fn split_front(lines: &[Line<'_>]) -> Front {
    let mut front = Front::default();
    let limit = lines.len().min(MASTHEAD_LINES);
    // GA: "77/338. Title" line; the title may wrap until a blank line or the enacting formula.
    if let Some((i, symbol, title, j)) = ga_title(lines) {
        front.header = lines[..i].iter().map(|l| l.text.to_string()).collect();
        front.title = (!title.is_empty()).then_some(title);
        front.symbol = Some(symbol);
        front.body_start = j;
        front.resolution_markers = true;
        return front;
    }
    // SC: "Resolution 242 (1967)" / "of 22 November 1967" then "The Security Council,"; the
    // heading may come under a subject line ("MILITARY STAFF COMMITTEE" over S/RES/1 (1946)).
    let heading = lines
        .iter()
        .take(4)
        .position(|l| sc_title_line(&l.text).is_some());
    if let Some(h) = heading
        && let Some(symbol) = sc_title_line(&lines[h].text)
    {
        front.symbol = Some(symbol);
        // "Adopted by the Security Council at its 4655th meeting, on" / "4 December 2002"
        // (the printed resolutions of the 1990s on): header up to the enacting formula.
        if let Some(mut f) =
            (h + 1..lines.len().min(h + 8)).find(|&k| is_enacting_formula(&lines[k].text))
        {
            // "A" over the formula opens the first part (S/RES/161 (1961)).
            if f > h + 1 && is_part_letter(&lines[f - 1].text) {
                f -= 1;
            }
            front.header = lines[..f].iter().map(|l| l.text.to_string()).collect();
            front.body_start = f;
            front.resolution_markers = true;
            return front;
        }
        let mut j = h + 1;
        // "of 22 November 1967", and the document reference "[S/296]" of early texts.
        while j < lines.len().min(4)
            && !is_enacting_formula(&lines[j].text)
            && (date_line(&lines[j].text) || is_document_reference(&lines[j].text))
        {
            j += 1;
        }
        front.header = lines[..j].iter().map(|l| l.text.to_string()).collect();
        front.body_start = j;
        front.resolution_markers = true;
        // A subject printed over the heading, in capitals: "MILITARY STAFF COMMITTEE".
        let above: Vec<&str> = lines[..h].iter().map(|l| l.text.as_ref()).collect();
        if !above.is_empty()
            && above
                .iter()
                .all(|l| l.chars().any(char::is_alphabetic) && !l.chars().any(char::is_lowercase))
        {
            front.subject = Some(sentence_case(&above.join(" ")));
        }
        return front;
    }
    // Any text with an enacting formula near the top: what precedes it is header.
    if let Some(i) = lines[..limit]
        .iter()
        .position(|l| is_enacting_formula(&l.text))
    {
        front.header = lines[..i].iter().map(|l| l.text.to_string()).collect();
        front.symbol = front
            .header
            .iter()
            .find_map(|h| sc_title_line(h))
            .or_else(|| front.header.iter().find_map(|h| running_symbol_in(h)));
        front.body_start = i;
        front.resolution_markers = true;
    }
    front
}

/// "of 22 November 1967" or "du 20 mars 1969" under a Security Council heading, OCR'd
/// "ef"/"Of"/"elu" included.
pub(super) fn date_line(line: &str) -> bool {
    let lower = line.get(..4).map(str::to_ascii_lowercase);
    let opens = lower.as_deref().is_some_and(|l| {
        l.starts_with("of ") || l.starts_with("ef ") || l.starts_with("du ") || l == "elu "
    });
    opens && line.len() <= 40
}

#[cfg(test)]
#[path = "tests/front.rs"]
mod tests;
