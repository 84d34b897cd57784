//! Stage 2: layout noise: running headers, page counters, job numbers, barcodes.

use crate::document::symbol::Symbol;

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
    if let Some(rest) = t.strip_prefix("Page ") {
        if rest
            .split_whitespace()
            .all(|w| w == "of" || w.bytes().all(|b| b.is_ascii_digit()))
        {
            return true;
        }
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
