//! Symbols written out: S/RES/1440 (2002), A/RES/77/338, A/77/L.107, A/AC.105/1137, S/1994/262.

use std::sync::LazyLock;

use regex::Regex;

use super::{Candidate, Reference, char_before};
use crate::document::symbol::Symbol;

pub(super) static WRITTEN_SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?P<sym>(?:A|S|E|ST|UNEP|FCCC|CCPR|CERD|CRC|CEDAW|CAT|CRPD|TD|DP|ICCD|UNW|HRC|ECE|ESCAP|ECA|ECLAC|ESCWA)/[A-Za-z0-9.\-]+(?:/[A-Za-z0-9.\-]+)*)(?P<paren>\s*\((?:\d{4}|(?:ES-|S-)?[IVXL]+)\))?",
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
        let Some(symbol) = Symbol::parse(&full) else {
            continue;
        };
        found.push(Candidate {
            range: whole.start()..end,
            reference: Reference::Symbol(symbol),
        });
    }
}
