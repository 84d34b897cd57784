//! Metadata the text states or implies: language, kind, adoption date, title, id.

use super::front::Front;
use super::subject::subject;
use crate::document::cite::parse_date;
use crate::document::lexicon;
use crate::document::model::{DocumentKind, Language, Paragraph, ParagraphKind, truncate_words};
use crate::document::symbol::Symbol;

pub(super) fn detect_language(text: &str) -> Language {
    let end = text
        .char_indices()
        .nth(20_000)
        .map_or(text.len(), |(i, _)| i);
    let sample = &text[..end];
    let (mut fr, mut en) = (0, 0);
    for w in sample.split(|c: char| !c.is_alphabetic()) {
        match w {
            "le" | "la" | "les" | "des" | "et" | "du" | "une" | "est" | "dans" | "pour" => fr += 1,
            "the" | "of" | "and" | "to" | "is" | "in" | "that" | "for" | "with" => en += 1,
            _ => {}
        }
    }
    if fr > en { Language::Fr } else { Language::En }
}

pub(super) fn detect_kind(front: &Front, text: &str) -> DocumentKind {
    if front.resolution_markers
        || front
            .symbol
            .as_ref()
            .is_some_and(|s| s.as_str().contains("/RES/"))
    {
        return DocumentKind::Resolution;
    }
    // What a text is, it says in its first line ("Déclaration d'Astana…", "Charter of the United
    // Nations"); a note that mentions the Charter further down is not a treaty.
    let head = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("")
        .chars()
        .take(300)
        .collect::<String>()
        .to_lowercase();
    let head = head
        .trim_start_matches("the ")
        .trim_start_matches("la ")
        .trim_start_matches("le ");
    let opens = |words: &[&str]| words.iter().any(|w| head.starts_with(w));
    if opens(&["déclaration", "declaration"]) {
        DocumentKind::Declaration
    } else if opens(&[
        "charte",
        "charter",
        "traité",
        "treaty",
        "convention",
        "pacte",
        "covenant",
    ]) {
        DocumentKind::Treaty
    } else {
        DocumentKind::Document
    }
}

/// "Résolution adoptée par l'Assemblée générale le 1er septembre 2023", "Resolution adopted by
/// the General Assembly on 26 October 2018", "of 22 November 1967"; else a closing date line.
pub(super) fn adoption_date(
    header: &[String],
    paragraphs: &[Paragraph],
    symbol: Option<&Symbol>,
) -> Option<String> {
    // A Security Council symbol carries its year: a date from another year is a date the text
    // mentions, not the adoption date (OCR'd headings such as "of 3 Apri] 1991" fall through).
    let year = symbol.and_then(symbol_year);
    let fits = |d: &String| year.as_deref().is_none_or(|y| d.starts_with(y));
    let joined = header.join(" ");
    // ASCII lowercasing keeps byte offsets, so `pos` is valid in `joined` too.
    let lower = joined.to_ascii_lowercase();
    for key in lexicon::adopted_on() {
        if let Some(pos) = lower.find(key)
            && let Some(d) = parse_date(&joined[pos..]).filter(&fits)
        {
            return Some(d);
        }
    }
    // "of 22 November 1967", "17 (1947). Resolution of 10 February 1947", OCR'd "ef"/"Of".
    for h in header {
        let lower = h.to_ascii_lowercase();
        if (lower.starts_with("of ")
            || lower.starts_with("ef ")
            || lower.starts_with("du ")
            || lower.contains("resolution of "))
            && let Some(d) = parse_date(h).or_else(|| ocr_date(h)).filter(&fits)
        {
            return Some(d);
        }
    }
    parse_date(&joined).filter(&fits).or_else(|| {
        paragraphs
            .iter()
            .filter(|p| p.kind == ParagraphKind::Closing)
            .find_map(|p| parse_date(&p.text))
            .filter(&fits)
    })
}

/// A date line as OCR damaged it: "of 3 Apri] 1991", "du 9 ianvier 1989". The day, a month
/// name one letter off (after the usual confusions, "]" and "1" for "l", "0" for "o"), the year.
pub(super) fn ocr_date(line: &str) -> Option<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    for w in words.windows(3) {
        let Ok(day) = w[0].trim_start_matches('(').parse::<u32>() else {
            continue;
        };
        let year: String = w[2]
            .trim_end_matches(['.', ',', ')'])
            .chars()
            .map(|c| if matches!(c, '!' | 'l' | 'I') { '1' } else { c })
            .collect();
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let month: String = w[1]
            .chars()
            .map(|c| match c {
                ']' | '|' | '1' | '!' => 'l',
                '0' => 'o',
                c => c,
            })
            .flat_map(char::to_lowercase)
            .collect();
        let Some(number) = lexicon::ALL
            .iter()
            .flat_map(|l| l.months)
            .find(|(name, _)| month.len() >= 4 && one_letter_off(&month, name))
            .map(|(_, n)| *n)
        else {
            continue;
        };
        if (1..=31).contains(&day) {
            return Some(format!("{year}-{number:02}-{day:02}"));
        }
    }
    None
}

/// Equal but for one letter changed, added or left out.
fn one_letter_off(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    match long.len() - short.len() {
        0 => a.iter().zip(&b).filter(|(x, y)| x != y).count() == 1,
        1 => (0..long.len()).any(|skip| {
            long.iter()
                .enumerate()
                .filter(|(i, _)| *i != skip)
                .map(|(_, c)| c)
                .eq(short.iter())
        }),
        _ => false,
    }
}

/// "S/RES/242 (1967)" → "1967".
pub(super) fn symbol_year(symbol: &Symbol) -> Option<String> {
    let s = symbol.as_str();
    let open = s.rfind('(')?;
    let year = s[open + 1..].strip_suffix(')')?;
    (year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit())).then(|| year.to_string())
}

pub(super) fn inferred_title(
    paragraphs: &[Paragraph],
    symbol: &Option<Symbol>,
    path: &str,
) -> String {
    if let Some(sym) = symbol {
        // A Security Council resolution prints no title: its subject stands in, or its symbol.
        if sym.as_str().starts_with("S/RES/") {
            return subject(paragraphs).unwrap_or_else(|| sym.to_string());
        }
        if let Some(first) = paragraphs.iter().find(|p| {
            matches!(
                p.kind,
                ParagraphKind::Preambular | ParagraphKind::Operative | ParagraphKind::Body
            )
        }) {
            return truncate_words(first.text.lines().next().unwrap_or(""), 90);
        }
        return sym.to_string();
    }
    if let Some(first) = paragraphs.first() {
        if first.text.chars().nth(150).is_none() && !first.text.ends_with(['.', ',']) {
            return first.text.clone();
        }
        return truncate_words(&first.text, 90);
    }
    file_stem(path).to_string()
}

pub(super) fn file_stem(path: &str) -> &str {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    name.rsplit_once('.').map(|(s, _)| s).unwrap_or(name)
}

pub(super) fn symbol_from_path(path: &str) -> Option<Symbol> {
    let stem = file_stem(path);
    if stem.starts_with("S_RES_") || stem.starts_with("A_RES_") {
        Symbol::parse(stem)
    } else {
        None
    }
}

pub(super) fn slug_from_path(path: &str) -> String {
    let mut out = String::new();
    for c in file_stem(path).chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "document".into()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::ocr_date;

    /// Date lines of SC resolutions as OCR left them (S/RES/687 (1991) in English, the French
    /// volumes).
    #[test]
    fn damaged_date_lines() {
        assert_eq!(ocr_date("of 3 Apri] 1991").as_deref(), Some("1991-04-03"));
        assert_eq!(ocr_date("du 9 ianvier 1989").as_deref(), Some("1989-01-09"));
        assert_eq!(ocr_date("du 5 avri1 199!").as_deref(), Some("1991-04-05"));
        assert_eq!(ocr_date("of 3 Aprxx 1991"), None);
        assert_eq!(ocr_date("Resolution 687 (1991)"), None);
    }
}
