//! Stage 2: layout noise: running headers, page counters, job numbers, barcodes.

use super::lines::{Line, header_key};
use crate::document::symbol::Symbol;
use crate::document::{FastMap, FastSet};

/// Running headers, page numbers, job numbers, barcodes: layout, not text.
pub(super) fn is_noise(line: &str) -> bool {
    let t = line.trim();
    // Every kind of noise below starts with '*', "Page ", a digit or a running symbol.
    match t.as_bytes().first() {
        Some(b'*' | b'P' | b'0'..=b'9') => {}
        Some(b'A' | b'S') if t[1..].starts_with("/RES/") => {}
        _ => return false,
    }
    // Barcode: *1817962*
    if t.len() >= 6
        && t.starts_with('*')
        && t.ends_with('*')
        && t[1..t.len() - 1].bytes().all(|b| b.is_ascii_digit())
    {
        return true;
    }
    // Page 2, Page 2 of 5
    if let Some(rest) = t.strip_prefix("Page ")
        && rest
            .split_whitespace()
            .all(|w| w == "of" || w.bytes().all(|b| b.is_ascii_digit()))
    {
        return true;
    }
    // A line made only of layout tokens: page counters (2/5), job numbers (18-17962, 18-17962 (E),
    // 021118) and the document's own running symbol (A/RES/73/6, S/RES/1445 (2002)).
    let mut words = t.split_whitespace().peekable();
    let mut any = false;
    while let Some(w) = words.next() {
        if is_job_number(w) || is_page_counter(w) || is_date_stamp(w) {
            any = true;
            words.next_if(|n| is_language_tag(n));
            continue;
        }
        if is_running_symbol(w) {
            any = true;
            words.next_if(|n| is_year_paren(n));
            continue;
        }
        return false;
    }
    any
}

/// "[S/296]", "(S/525, I]": the document a resolution was adopted from, printed under its heading.
pub(super) fn is_document_reference(line: &str) -> bool {
    line.len() <= 40
        && (line.starts_with('[') || line.starts_with('('))
        && line.ends_with(']')
        && line.contains("S/")
}

/// "United Nations   S/RES/1445 (2002)" → S/RES/1445 (2002).
pub(super) fn running_symbol_in(line: &str) -> Option<Symbol> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let i = words.iter().position(|w| is_running_symbol(w))?;
    match words.get(i + 1) {
        Some(y) if is_year_paren(y) => Symbol::parse(&format!("{} {}", words[i], y)),
        _ => Symbol::parse(words[i]),
    }
}

pub(super) fn is_job_number(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() == 8 && b[2] == b'-' && b[..2].iter().chain(&b[3..]).all(|c| c.is_ascii_digit())
}

pub(super) fn is_language_tag(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() == 3 && b[0] == b'(' && b[2] == b')' && b[1].is_ascii_uppercase()
}

pub(super) fn is_date_stamp(w: &str) -> bool {
    w.len() == 6 && w.bytes().all(|c| c.is_ascii_digit())
}

pub(super) fn is_page_counter(w: &str) -> bool {
    if !w.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    match w.split_once('/') {
        Some((a, b)) => {
            !a.is_empty()
                && !b.is_empty()
                && a.len() <= 3
                && b.len() <= 3
                && a.bytes().all(|c| c.is_ascii_digit())
                && b.bytes().all(|c| c.is_ascii_digit())
                && a.parse::<u32>().ok() <= b.parse::<u32>().ok()
        }
        None => false,
    }
}

pub(super) fn is_running_symbol(w: &str) -> bool {
    (w.starts_with("A/RES/") || w.starts_with("S/RES/")) && w.len() > 6
}

pub(super) fn is_year_paren(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() == 6 && b[0] == b'(' && b[5] == b')' && b[1..5].iter().all(|c| c.is_ascii_digit())
}

/// Drops the lines that repeat the document's title at page tops (a running title), wherever a
/// page break put them, inside a paragraph included; the line after is marked as following a
/// page break, so the paragraph is joined again. `titles` are the title as the front matter
/// and as the title line give it (they may differ: "80th" and "eightieth"). A line is a running
/// title when it is a whole title, standing apart, or a piece of one (three words or more, or
/// its first or last words) that the document repeats, that stands apart, or that comes right
/// under a dropped running symbol or another dropped piece. The title line itself and an
/// annex's title (under "Annex", or under "Adopts the following …:") stay.
pub(super) fn drop_running_titles<'a>(lines: Vec<Line<'a>>, titles: &[&str]) -> Vec<Line<'a>> {
    // A title that ends like a clause ("…of Lebanon, 18") is a paragraph taken for one.
    let titles: Vec<String> = titles
        .iter()
        .map(|t| normalised(t))
        .filter(|t| t.len() >= 8)
        .filter(|t| {
            !t.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ')
                .ends_with([',', ';'])
        })
        .collect();
    if titles.is_empty() {
        return lines;
    }
    // Only a line whose first word is a word of a title can be a piece of it: most lines stop
    // here, on one look-up.
    let title_words: FastSet<&str> = titles.iter().flat_map(|t| t.split(' ').map(bare)).collect();
    let may_be_piece = |line: &str| {
        // The first word, or the one after a running symbol ("A/RES/80/4 Necessity of …").
        line.len() <= 400
            && line
                .split_whitespace()
                .take(2)
                .any(|w| title_words.contains(bare(w)))
    };
    let keys: Vec<String> = lines
        .iter()
        .map(|l| {
            if may_be_piece(&l.text) {
                normalised(&header_key(&l.text))
            } else {
                String::new()
            }
        })
        .collect();
    let whole = |k: &str| titles.iter().any(|t| t == k);
    // Three words or more of a title, or its first or last words ("Olympic ideal").
    let piece = |k: &str| {
        !k.is_empty()
            && titles.iter().any(|t| {
                (k.split(' ').nth(2).is_some() && t.contains(k))
                    || (k.len() >= 8 && (t.starts_with(k) || t.ends_with(k)))
            })
    };
    let mut repeats: FastMap<&str, usize> = FastMap::default();
    for k in &keys {
        if piece(k) {
            *repeats.entry(k.as_str()).or_insert(0) += 1;
        }
    }
    if repeats.is_empty() && !keys.iter().any(|k| whole(k)) {
        return lines;
    }
    // The title as the document prints it under its symbol ("80/29. Conventional arms …"): the
    // first line that holds a title's first words.
    let heads: Vec<String> = titles
        .iter()
        .map(|t| t.split(' ').take(3).collect::<Vec<_>>().join(" "))
        .collect();
    let title_line = keys
        .iter()
        .position(|k| !k.is_empty() && heads.iter().any(|h| k.contains(h.as_str())));
    // The title block itself: its first line and the pieces of the title right after it.
    let title_end = title_line.map(|t| {
        let mut e = t + 1;
        while e < keys.len()
            && !keys[e].is_empty()
            && titles.iter().any(|ti| ti.contains(keys[e].as_str()))
        {
            e += 1;
        }
        e
    });
    let in_title =
        |i: usize| matches!((title_line, title_end), (Some(a), Some(b)) if (a..b).contains(&i));
    // Whether a line stands apart from the text around it: a blank line or a break on a side.
    let apart: Vec<bool> = (0..lines.len())
        .map(|i| {
            let l = &lines[i];
            l.blank_before
                || l.page_break
                || lines
                    .get(i + 1)
                    .is_none_or(|n| n.blank_before || n.page_break)
        })
        .collect();
    let mut out: Vec<Line<'a>> = Vec::with_capacity(lines.len());
    let mut broke = false;
    // Inside a heading that is a piece of the title, or the whole of it.
    let mut keeping = false;
    for (i, mut line) in lines.into_iter().enumerate() {
        let k = keys[i].as_str();
        let apart = apart[i];
        // The title of an annexed or adopted text ("Annex", "Adopts the following political
        // declaration …:") is the document's own heading there, and stays whole.
        let heading_place = out.last().is_some_and(|l| {
            crate::document::lexicon::annex_label(&l.text).is_some()
                || l.text.trim_end().ends_with(':')
        });
        if heading_place && piece(k) {
            keeping = true;
        } else if !piece(k) {
            keeping = false;
        }
        let running = !in_title(i)
            && !keeping
            && !k.is_empty()
            // A title ends in no clause punctuation; a paragraph that reads like it does.
            && !k.ends_with([',', ';'])
            && ((whole(k) && apart)
                || (piece(k)
                    // Repeated, standing apart, right under the running symbol a page break
                    // dropped, or the rest of a running title just dropped.
                    && (repeats.get(k).copied().unwrap_or(0) >= 2
                        || apart
                        || line.new_page
                        || broke)));
        if running {
            broke = true;
            continue;
        }
        if broke {
            line.page_break = true;
            line.new_page = true;
            broke = false;
        }
        out.push(line);
    }
    out
}

/// A word without the punctuation around it.
fn bare(w: &str) -> &str {
    w.trim_matches([',', '.', ';', ':', '(', ')', '"'])
}

/// Whitespace collapsed and quotation marks made plain, so that a title from front matter
/// compares with the title as printed.
fn normalised(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().map(|c| match c {
            '“' | '”' | '«' | '»' | '„' => '"',
            '’' | '‘' => '\'',
            c => c,
        }));
    }
    // The Library writes "United Nations : requests", the title line "United Nations: requests".
    out.replace(" :", ":")
        .trim_end_matches([' ', ':'])
        .to_string()
}

/// Drops page numbers that stand alone: a line of one to three digits (or the OCR of one, "s")
/// before a new page, or between blank lines where no paragraph could hold it. Runs after the
/// footnotes are taken out, whose layout blocks print their markers alone on a line.
pub(super) fn drop_page_numbers(lines: Vec<Line<'_>>) -> Vec<Line<'_>> {
    let is_number = |t: &str| {
        !t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit())
            || matches!(t, "s" | "S" | "l" | "I")
    };
    let n = lines.len();
    let mut drop = vec![false; n];
    for i in 0..n {
        if !is_number(&lines[i].text) {
            continue;
        }
        let next_new_page = lines.get(i + 1).is_none_or(|l| l.new_page);
        let next_apart = lines
            .get(i + 1)
            .is_none_or(|l| l.blank_before || l.page_break);
        // "I" and "s" alone are read as page numbers only before a new page.
        let digits = lines[i].text.bytes().all(|b| b.is_ascii_digit());
        if next_new_page || (digits && lines[i].blank_before && next_apart) {
            drop[i] = true;
        }
    }
    let mut out = Vec::with_capacity(n);
    let mut broke = false;
    for (mut line, d) in lines.into_iter().zip(drop) {
        if d {
            broke = true;
            continue;
        }
        if broke {
            line.page_break = true;
            broke = false;
        }
        out.push(line);
    }
    out
}

#[cfg(test)]
#[path = "tests/noise.rs"]
mod tests;
