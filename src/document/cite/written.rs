//! Symbols written out: S/RES/1440 (2002), A/RES/77/338, A/77/L.107, A/AC.105/1137, S/1994/262.

use std::sync::LazyLock;

use regex::Regex;

use super::{Candidate, Reference, char_before};
use crate::document::symbol::Symbol;

pub(super) static WRITTEN_SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?P<sym>(?:A|S|E|ST|UNEP|FCCC|CCPR|CERD|CRC|CEDAW|CAT|CRPD|TD|DP|ICCD|UNW|HRC|ECE|ESCAP|ECA|ECLAC|ESCWA|CD|NPT|CCW|CCM|APLC|BWC|JIU|ISBA|PBC|SGB)/[A-Za-z0-9.\-]+(?:/[A-Za-z0-9.\-]+)*)(?P<paren>\s*\((?:\d{4}|(?:ES-|S-)?[IVXL]+)\))?",
    )
    .expect("symbol pattern is valid")
});

/// The `sym` and `paren` groups of a `WRITTEN_SYMBOL` match, read off the match: `sym` is the
/// run of symbol characters it starts with; whatever follows (a space or a bracket, neither a
/// symbol character) is `paren`, possibly empty.
pub(super) fn symbol_parts(written: &str) -> (&str, &str) {
    let sym_len = written
        .bytes()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'.' | b'/' | b'-')))
        .unwrap_or(written.len());
    written.split_at(sym_len)
}

pub(super) fn scan_written_symbols(text: &str, found: &mut Vec<Candidate>) {
    for whole in WRITTEN_SYMBOL.find_iter(text) {
        let (sym, paren) = symbol_parts(whole.as_str());
        if char_before(text, whole.start())
            .is_some_and(|c| c.is_alphanumeric() || "/.-_".contains(c))
        {
            continue;
        }
        // A sentence's full stop or a dangling hyphen is not part of the symbol.
        let written = sym.trim_end_matches(['.', '-']);
        if !written.contains(|c: char| c.is_ascii_digit()) || written.ends_with('/') {
            continue;
        }
        let mut end = whole.start() + written.len();
        let upper = written.to_ascii_uppercase();
        // The year or session in brackets belongs to resolution symbols only.
        let full = if !paren.is_empty()
            && written.len() == sym.len()
            && (upper.starts_with("S/RES/") || upper.starts_with("A/RES/"))
        {
            end = whole.end();
            format!("{written}{paren}")
        } else {
            written.to_string()
        };
        // "A/57/759-S/2003/332": a letter to both organs, two documents.
        let mut start = whole.start();
        let mut last: Option<(Symbol, usize)> = None;
        for (piece, offset) in joined_pieces(&full) {
            let Some(symbol) = Symbol::parse(piece) else {
                continue;
            };
            let piece_start = whole.start() + offset;
            let piece_end = (piece_start + piece.len()).min(end);
            found.push(Candidate {
                range: start.max(piece_start)..piece_end,
                reference: Reference::Symbol(symbol.clone()),
                pinpoint: None,
            });
            start = piece_end + 1;
            last = Some((symbol, piece_end));
        }
        // "S/25354 and Add.1 and 2": the addenda are documents of their own.
        if let Some((symbol, at)) = last {
            addenda(text, at.max(end), &symbol, found);
        }
    }
}

/// The symbols joined by hyphens in one written symbol, with their byte offsets in it.
fn joined_pieces(full: &str) -> Vec<(&str, usize)> {
    let mut cuts = vec![0];
    let bytes = full.as_bytes();
    for i in 1..bytes.len().saturating_sub(2) {
        if bytes[i] == b'-'
            && matches!(bytes[i + 1], b'A' | b'S' | b'E')
            && bytes[i + 2] == b'/'
            && bytes[i - 1].is_ascii_alphanumeric()
        {
            cuts.push(i + 1);
        }
    }
    cuts.push(full.len() + 1);
    cuts.windows(2)
        .map(|w| (&full[w[0]..w[1] - 1], w[0]))
        .collect()
}

/// ", Add.1", " and Add.1 and 2", " et Corr.1": addenda, corrigenda and revisions of `symbol`
/// written after it (from `at`), each a candidate of its own.
fn addenda(text: &str, mut at: usize, symbol: &Symbol, found: &mut Vec<Candidate>) {
    let separator = |rest: &str| -> Option<usize> {
        let trimmed = rest.trim_start();
        let lead = rest.len() - trimmed.len();
        for sep in [", and ", ", ", "and ", "et "] {
            if let Some(r) = trimmed.strip_prefix(sep) {
                return Some(rest.len() - r.len());
            }
        }
        (lead > 0 && trimmed.starts_with(['A', 'C', 'R'])).then_some(lead)
    };
    let mut kind: Option<&str> = None;
    loop {
        let Some(skip) = separator(&text[at..]) else {
            return;
        };
        let from = at + skip;
        let rest = &text[from..];
        let (label, number_at) = match ["Add.", "Corr.", "Rev."]
            .iter()
            .find(|k| rest.starts_with(**k))
        {
            Some(k) => (*k, from + k.len()),
            None => match kind {
                Some(k) => (k, from),
                None => return,
            },
        };
        let digits = text[number_at..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        let after = text[number_at + digits..].chars().next();
        if digits == 0 || digits > 2 || after.is_some_and(|c| c.is_alphanumeric() || c == '/') {
            return;
        }
        let number = &text[number_at..number_at + digits];
        let written = format!("{}/{label}{number}", symbol.as_str());
        let end = number_at + digits;
        found.push(Candidate {
            range: from..end,
            reference: Reference::Symbol(Symbol::new(written)),
            pinpoint: None,
        });
        kind = Some(label);
        at = end;
    }
}
