//! Old General Assembly numbering without the keyword: "3363 (XXX)", "2453 A (XXIII)".

use std::sync::LazyLock;

use regex::Regex;

use super::numbered::{ItemShape, item_shape};
use super::{Candidate, Reference, char_before, tail_before};
use crate::document::symbol::Symbol;

/// `2453 A (XXIII)` → `A/RES/2453 A (XXIII)`; the session must be a real Roman numeral.
pub(super) fn old_general_assembly(
    number: &str,
    letter: Option<&str>,
    roman: &str,
) -> Option<Symbol> {
    let n: u32 = number.parse().ok()?;
    let session = roman.trim_start_matches("ES-").trim_start_matches("S-");
    let value = roman_value(session)?;
    if n == 0 || value > 40 {
        return None;
    }
    Some(Symbol::new(match letter {
        Some(l) => format!("A/RES/{n} {l} ({roman})"),
        None => format!("A/RES/{n} ({roman})"),
    }))
}

/// Value of a canonical Roman numeral up to L; None for "IIII", "VX" and the like.
pub(super) fn roman_value(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 8 {
        return None;
    }
    let digit = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        _ => None,
    };
    let values: Vec<u32> = s.chars().map(digit).collect::<Option<_>>()?;
    let mut value: i64 = 0;
    for (i, v) in values.iter().enumerate() {
        if values.get(i + 1).is_some_and(|next| next > v) {
            value -= *v as i64;
        } else {
            value += *v as i64;
        }
    }
    let value = u32::try_from(value).ok()?;
    // Only the canonical spelling counts, so OCR noise like "IIII" is not a session.
    (value > 0 && to_roman(value) == s).then_some(value)
}

pub(super) fn to_roman(mut v: u32) -> String {
    let mut out = String::new();
    for (glyph, n) in [
        ("L", 50),
        ("XL", 40),
        ("X", 10),
        ("IX", 9),
        ("V", 5),
        ("IV", 4),
        ("I", 1),
    ] {
        while v >= n {
            out.push_str(glyph);
            v -= n;
        }
    }
    out
}

pub(super) static OLD_GA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<n>\d{2,4})(?:\s+(?P<letter>[A-Z]))?\s*\((?P<roman>(?:ES-|S-)?[IVXL]+)\)")
        .expect("old numbering pattern is valid")
});

/// Words after which "12 (IV)" is a part of something else, not a resolution.
pub(super) static NOT_A_RESOLUTION_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:articles?|paragraphs?|paragraphes?|para\.|chapters?|chapitres?|pages?|p\.|pp\.|vol\.|n°|no\.|annex|annexe|sections?|parts?|partie|points?|items?|rules?|règles?|alinéas?)\s*$")
        .expect("exclusion pattern is valid")
});

pub(super) fn scan_old_general_assembly(text: &str, found: &mut Vec<Candidate>) {
    for whole in OLD_GA.find_iter(text) {
        // Groups read off the match (see `item_shape`): the number, then an optional letter
        // before the bracket, then the session inside it.
        let Some(ItemShape::Old {
            number,
            letter,
            roman,
        }) = item_shape(whole.as_str())
        else {
            continue;
        };
        if char_before(text, whole.start())
            .is_some_and(|c| c.is_alphanumeric() || "/.-".contains(c))
            || NOT_A_RESOLUTION_BEFORE.is_match(tail_before(text, whole.start(), 24))
        {
            continue;
        }
        if let Some(symbol) = old_general_assembly(number, letter, roman) {
            found.push(Candidate {
                range: whole.range(),
                reference: Reference::Symbol(symbol),
                pinpoint: None,
            });
        }
    }
}
